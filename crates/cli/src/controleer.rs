//! `grondslag controleer`: loads the rule set (any broken file fails here with file, line
//! and message) and runs the exhaustive check. Exit 0 only when there is no error.

use std::process::ExitCode;

use crate::common::{Context, outln};

pub fn run(ctx: &Context, json: bool) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let budget: u64 = std::env::var("GRONDSLAG_CHECK_BUDGET").ok().and_then(|b| b.parse().ok()).unwrap_or(u64::MAX);
    let report = grondslag_engine::check::check_with_budget(&ctx.rules, ctx.date, budget);
    let elapsed = started.elapsed();
    if json {
        outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        let r = &ctx.rules;
        outln!("Regelset {} {} (sha256 {})", r.meta.name, r.meta.version, r.hash);
        outln!(
            "{} bronnen, {} feiten, {} rollen, {} routes, {} voorwaarden, {} afwegingen, {} waarschuwingen in de regels",
            r.sources.len(),
            r.facts.len(),
            r.roles.len(),
            r.routes.len(),
            r.conditions.len(),
            r.judgments.len(),
            r.notices.len()
        );
        outln!(
            "{} volledige combinaties voorwaarde voor voorwaarde van elke route gecontroleerd; samen dekken ze alle {:.3e} combinaties van antwoordklassen",
            report.route_combinations,
            report.covered_combinations
        );
        outln!(
            "{} paden door de vragenboom{} ({} evaluaties, diepste pad {} vragen) in {:.1} s",
            report.combinations,
            if report.tree_complete { "" } else { " (budget bereikt: niet volledig)" },
            report.evaluations,
            report.deepest_path,
            elapsed.as_secs_f64()
        );
        for (outcome, n) in &report.outcomes {
            outln!("  {n:>9}  {outcome}");
        }
        outln!("{} van {} vragen bereikbaar", report.questions_reached.len(), r.facts.len());
        outln!("Veiligheidseigenschappen:");
        for p in &report.safety {
            let unit = if p.id == "c" { "vereisten van wettelijke routes" } else { "antwoorden" };
            let verdict = if p.violations == 0 { "geldt".to_string() } else { format!("GESCHONDEN ({}x)", p.violations) };
            outln!(
                "  ({}) {}: {verdict}; bewezen over {} volledige combinaties route voor route, nagegaan op {} {unit}",
                p.id,
                p.label,
                p.proved_over,
                p.applicable
            );
        }
        for w in &report.warnings {
            outln!("waarschuwing: {w}");
        }
        for e in &report.errors {
            outln!("FOUT: {e}");
        }
        if report.ok() {
            outln!("regelset in orde");
        }
    }
    Ok(if report.ok() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
