//! `grondslag casusoverleg FILE --deelnemer ROL[=betrokken] …`: preparing a casusoverleg from
//! the terminal, as `/casusoverleg` does in the browser. The facts file holds the circumstances
//! that hold for everyone at the table (without a recipient); each `--deelnemer` is a recipient
//! with an answer of its own (`=betrokken`: it gives this client care or help itself). Then what
//! to leave out to discuss the case without names, and that a convenant is never a ground.

use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use grondslag_app::case_conference::{PARTICIPANTS_MAX, covenant_notice, identifying_details};
use grondslag_engine::{FactSource, evaluate, report};
use grondslag_i18n::tr;
use grondslag_rules::{RawValue, Value};

use crate::common::{Context, outln};

pub fn run(ctx: &Context, file: &Path, participants: &[String], json: bool) -> anyhow::Result<ExitCode> {
    let rules = &ctx.rules;
    let name = file.display().to_string();
    let content = crate::common::read_text(file, crate::common::MAX_INPUT_BYTES, ctx.lang)?;
    let (base, judgments) = grondslag_scenario::parse_facts_file(rules, &name, &content)?;
    let fact = |id: &str| rules.fact(id).ok_or_else(|| anyhow::anyhow!("{id}"));
    let (recipient, involved, request) = (fact("recipient_role")?, fact("recipient_in_treatment_relation")?, fact("request_from")?);
    if base.get(recipient).is_some() || base.get(involved).is_some() {
        bail!("{}", tr(ctx.lang, "conference-recipient-in-facts"));
    }
    if participants.is_empty() || participants.len() > PARTICIPANTS_MAX {
        bail!("{}", grondslag_i18n::Msg::new("conference-participants-count").arg("max", PARTICIPANTS_MAX).render(ctx.lang));
    }
    let mut out = Vec::new();
    for p in participants {
        let (role, gives_care) = match p.split_once('=') {
            Some((r, "betrokken")) => (r.trim(), true),
            Some((_, other)) => {
                bail!("{}", grondslag_i18n::Msg::new("cli-conference-bad-participant").arg("value", other).render(ctx.lang))
            }
            None => (p.trim(), false),
        };
        let role_value =
            rules.parse_value(recipient, &RawValue::Str(role.to_owned())).map_err(|e| anyhow::anyhow!("--deelnemer {role}: {e}"))?;
        let mut facts = base.clone();
        facts.set(recipient, role_value);
        facts.set(involved, Value::Bool(gives_care));
        if facts.get(request).is_none() {
            facts.set(request, rules.parse_value(request, &RawValue::Str("none".into())).map_err(|e| anyhow::anyhow!("{e}"))?);
        }
        let facts = facts.with_defaults(rules);
        let ev = evaluate(rules, ctx.date, &facts, &judgments)?;
        out.push((role.to_owned(), gives_care, report(rules, &ev, &facts, &judgments, ctx.lang)));
    }
    let covenant = covenant_notice(rules, ctx.lang);
    let anonymous = identifying_details(ctx.lang);
    if json {
        let participants: Vec<serde_json::Value> = out
            .iter()
            .map(|(rol, betrokken, verslag)| serde_json::json!({"rol": rol, "betrokken": betrokken, "verslag": verslag}))
            .collect();
        outln!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({"deelnemers": participants, "anoniem": anonymous, "convenant": covenant}))?
        );
        return Ok(ExitCode::SUCCESS);
    }
    for (role, gives_care, rep) in &out {
        let label = rules.role(role).map(|r| rules.roles[r.ix()].label.get(ctx.lang).to_string()).unwrap_or_else(|| role.clone());
        let care = if *gives_care { format!(" ({})", tr(ctx.lang, "conference-involved-short")) } else { String::new() };
        outln!("{label}{care}: {}", rep.outcome_label);
        let grounds: Vec<String> = rep
            .beroepsgeheim
            .grounds
            .iter()
            .filter_map(|g| rules.ground(g).map(|g| rules.grounds[g.ix()].label.get(ctx.lang).to_string()))
            .collect();
        if !grounds.is_empty() {
            outln!("  {} {}", tr(ctx.lang, "cases-grounds"), grounds.join(", "));
        }
        for c in &rep.conditions {
            outln!("  • {}", c.text);
        }
    }
    outln!();
    outln!("{}", tr(ctx.lang, "conference-anonymous"));
    outln!("{}", tr(ctx.lang, "conference-anonymous-lead"));
    for a in &anonymous {
        outln!("  • {a}");
    }
    outln!();
    outln!("{covenant}");
    Ok(ExitCode::SUCCESS)
}
