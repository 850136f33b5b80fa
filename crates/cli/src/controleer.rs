//! `grondslag controleer`: loads the rule set (any broken file fails here with file, line
//! and message) and runs the exhaustive check. Exit 0 only when there is no error.

use std::process::ExitCode;

use grondslag_i18n::tr;

use crate::common::{Context, outln, tr_args};

pub fn run(ctx: &Context, json: bool) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let budget: u64 = std::env::var("GRONDSLAG_CHECK_BUDGET").ok().and_then(|b| b.parse().ok()).unwrap_or(u64::MAX);
    let report = grondslag_engine::check::check_with_budget(&ctx.rules, ctx.date, budget);
    let elapsed = started.elapsed();
    if json {
        outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        let lang = ctx.lang;
        let r = &ctx.rules;
        outln!("{}", tr_args(lang, "cli-controleer-rule-set", &[("name", &r.meta.name), ("version", &r.meta.version), ("hash", &r.hash)]));
        outln!(
            "{}",
            tr_args(
                lang,
                "cli-controleer-counts",
                &[
                    ("sources", &r.sources.len()),
                    ("facts", &r.facts.len()),
                    ("roles", &r.roles.len()),
                    ("routes", &r.routes.len()),
                    ("conditions", &r.conditions.len()),
                    ("judgments", &r.judgments.len()),
                    ("notices", &r.notices.len()),
                ]
            )
        );
        outln!(
            "{}",
            tr_args(
                lang,
                "cli-controleer-route-combinations-checked",
                &[("routes", &report.route_combinations), ("covered", &format!("{:.3e}", report.covered_combinations))]
            )
        );
        let incomplete = if report.tree_complete { "" } else { tr(lang, "cli-controleer-budget-reached-not-complete") };
        outln!(
            "{}",
            tr_args(
                lang,
                "cli-controleer-paths-through-the-question-tree",
                &[
                    ("paths", &report.combinations),
                    ("incomplete", &incomplete),
                    ("evaluations", &report.evaluations),
                    ("deepest", &report.deepest_path),
                    ("seconds", &format!("{:.1}", elapsed.as_secs_f64())),
                ]
            )
        );
        for (outcome, n) in &report.outcomes {
            outln!("  {n:>9}  {outcome}");
        }
        outln!(
            "{}",
            tr_args(lang, "cli-controleer-questions-reachable", &[("reached", &report.questions_reached.len()), ("total", &r.facts.len())])
        );
        outln!("{}", tr(lang, "cli-controleer-safety-properties"));
        for p in &report.safety {
            let unit = match p.id {
                "c" => tr(lang, "cli-controleer-requirements-of-legal-routes"),
                "f" => tr(lang, "cli-controleer-grounds-and-routes"),
                _ => tr(lang, "cli-controleer-answers"),
            };
            let verdict = if p.violations == 0 {
                tr(lang, "cli-controleer-holds").to_string()
            } else {
                tr_args(lang, "cli-controleer-violated", &[("count", &p.violations)])
            };
            outln!(
                "  {}",
                tr_args(
                    lang,
                    "cli-controleer-safety-property",
                    &[
                        ("id", &p.id),
                        ("label", &p.label),
                        ("verdict", &verdict),
                        ("proved", &p.proved_over),
                        ("applicable", &p.applicable),
                        ("unit", &unit),
                    ]
                )
            );
        }
        for w in &report.warnings {
            outln!("{}", tr_args(lang, "cli-controleer-warning", &[("warning", w)]));
        }
        for e in &report.errors {
            outln!("{}", tr_args(lang, "cli-controleer-error", &[("error", e)]));
        }
        if report.ok() {
            outln!("{}", tr(lang, "cli-controleer-rule-set-in-order"));
        }
    }
    Ok(if report.ok() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
