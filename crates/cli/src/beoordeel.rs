//! `grondslag beoordeel FILE`: the same answer as `vraag`, non-interactively, from a facts
//! file (the `facts:` and `judgments:` of the scenario format, plus optional `reasons:`).
//! Facts left out take the scenario format's defaults (with `--open` they stay unknown); if the
//! answer still needs a fact, the questions are listed and the exit code is 3.

use std::path::Path;
use std::process::ExitCode;

use grondslag_engine::{evaluate, report};
use grondslag_rules::Outcome;

use crate::common::{Context, out, outln};
use crate::render;

pub fn run(ctx: &Context, file: &Path, json: bool, open: bool) -> anyhow::Result<ExitCode> {
    let name = file.display().to_string();
    let content = crate::common::read_text(file, crate::common::MAX_INPUT_BYTES, ctx.lang)?;
    let (facts, judgments) = grondslag_scenario::parse_facts_file(&ctx.rules, &name, &content)?;
    let facts = if open { facts } else { facts.with_defaults(&ctx.rules) };
    let ev = evaluate(&ctx.rules, ctx.date, &facts, &judgments)?;
    let rep = report(&ctx.rules, &ev, &facts, &judgments, ctx.lang);
    if json {
        outln!("{}", serde_json::to_string_pretty(&rep)?);
    } else {
        out!("{}", render::answer(&rep, ctx.lang, &[]));
        if ev.outcome == Outcome::Undetermined {
            outln!();
            for q in &rep.questions {
                outln!("? {} ({})", q.text, q.fact);
            }
        }
    }
    Ok(if ev.outcome == Outcome::Undetermined { ExitCode::from(3) } else { ExitCode::SUCCESS })
}
