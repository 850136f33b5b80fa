//! `grondslag toets FILE|DIR...`: runs scenario files written in FORMAT.md, including ones
//! never seen before. A line per scenario, then `N passed, N failed`; non-zero exit on any
//! failure or invalid file.

use std::path::PathBuf;
use std::process::ExitCode;

use grondslag_scenario::{collect_files, outcome_id, parse_file, run_scenario};
use serde::Serialize;

use grondslag_i18n::tr;

use crate::common::{Context, outln, tr_args};

#[derive(Serialize)]
struct JsonOut {
    passed: usize,
    failed: usize,
    invalid: Vec<String>,
    results: Vec<grondslag_scenario::ScenarioResult>,
}

pub fn run(ctx: &Context, paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let files = collect_files(paths).map_err(anyhow::Error::msg)?;
    let mut results = Vec::new();
    let mut invalid = Vec::new();
    let mut seen_ids = std::collections::HashMap::new();
    for f in &files {
        let name = f.display().to_string();
        let content = match crate::common::read_text(f, crate::common::MAX_INPUT_BYTES, ctx.lang) {
            Ok(c) => c,
            Err(e) => {
                invalid.push(format!("{e:#}"));
                continue;
            }
        };
        match parse_file(&ctx.rules, &name, &content) {
            Ok(scenarios) => {
                for s in scenarios {
                    if let Some(prev) = seen_ids.insert(s.id.clone(), name.clone()) {
                        invalid.push(tr_args(ctx.lang, "cli-toets-id-also-occurs-in", &[("file", &name), ("id", &s.id), ("other", &prev)]));
                        continue;
                    }
                    results.push(run_scenario(&ctx.rules, ctx.date, &s));
                }
            }
            Err(e) => invalid.push(e.to_string()),
        }
    }
    let passed = results.iter().filter(|r| r.passed).count();
    let failed = results.len() - passed + invalid.len();
    if json {
        outln!("{}", serde_json::to_string_pretty(&JsonOut { passed, failed, invalid: invalid.clone(), results })?);
    } else {
        for r in &results {
            if r.passed {
                outln!("ok     {}  ({})", r.id, outcome_id(r.actual.unwrap_or(r.expected)));
            } else {
                let diffs: Vec<String> = r.diffs.iter().map(|d| d.describe()).collect();
                outln!("{:<7}{}  [{}]: {}", tr(ctx.lang, "cli-toets-failed"), r.id, r.file, diffs.join("; "));
            }
        }
        for e in &invalid {
            outln!("{} {e}", tr(ctx.lang, "cli-toets-invalid"));
        }
        if files.is_empty() {
            outln!("{}", tr(ctx.lang, "cli-toets-no-scenario-files-found"));
        }
        outln!("{passed} passed, {failed} failed");
    }
    Ok(if failed == 0 && !files.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
