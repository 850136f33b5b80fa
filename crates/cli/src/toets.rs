//! `grondslag toets FILE|DIR...`: runs scenario files written in FORMAT.md, including ones
//! never seen before. A line per scenario, then `N passed, N failed`; non-zero exit on any
//! failure or invalid file.

use std::path::PathBuf;
use std::process::ExitCode;

use grondslag_scenario::{collect_files, outcome_id, parse_file, run_scenario};
use serde::Serialize;

use crate::common::Context;

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
        let content = match std::fs::read_to_string(f) {
            Ok(c) => c,
            Err(e) => {
                invalid.push(format!("{name}: kan bestand niet lezen: {e}"));
                continue;
            }
        };
        match parse_file(&ctx.rules, &name, &content) {
            Ok(scenarios) => {
                for s in scenarios {
                    if let Some(prev) = seen_ids.insert(s.id.clone(), name.clone()) {
                        invalid.push(format!("{name}, scenario '{}': id komt ook voor in {prev}", s.id));
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
        println!("{}", serde_json::to_string_pretty(&JsonOut { passed, failed, invalid: invalid.clone(), results })?);
    } else {
        for r in &results {
            if r.passed {
                println!("ok     {}  ({})", r.id, outcome_id(r.actual.unwrap_or(r.expected)));
            } else {
                let diffs: Vec<String> = r.diffs.iter().map(|d| d.describe()).collect();
                println!("FOUT   {}  [{}]: {}", r.id, r.file, diffs.join("; "));
            }
        }
        for e in &invalid {
            println!("ONGELDIG {e}");
        }
        if files.is_empty() {
            println!("geen scenariobestanden gevonden");
        }
        println!("{passed} passed, {failed} failed");
    }
    Ok(if failed == 0 && !files.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
