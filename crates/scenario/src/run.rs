//! Evaluates a scenario and says, in Dutch, where the answer differs from the expectation.

use std::path::{Path, PathBuf};

use grondslag_engine::{EngineError, evaluate, outcome_label, report};
use grondslag_rules::{Lang, Outcome, RuleSet};
use serde::Serialize;
use time::Date;

use crate::parse::Scenario;

/// One way in which Grondslag's answer differs from the expected one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Diff {
    Outcome {
        expected: Outcome,
        actual: Outcome,
    },
    MissingGround {
        ground: String,
    },
    ForbiddenGround {
        ground: String,
    },
    MissingCondition {
        condition: String,
    },
    /// The engine needed a fact the scenario left unknown.
    Undetermined {
        would_ask: Vec<String>,
    },
    Engine {
        message: String,
    },
}

impl Diff {
    pub fn describe(&self) -> String {
        match self {
            Diff::Outcome { expected, actual } => format!(
                "verwacht '{}' ({}), kreeg '{}' ({})",
                outcome_label(*expected, Lang::Nl),
                outcome_id(*expected),
                outcome_label(*actual, Lang::Nl),
                outcome_id(*actual)
            ),
            Diff::MissingGround { ground } => format!("grond '{ground}' ontbreekt"),
            Diff::ForbiddenGround { ground } => format!("grond '{ground}' gegeven maar uitgesloten (not_grounds)"),
            Diff::MissingCondition { condition } => format!("voorwaarde '{condition}' ontbreekt"),
            Diff::Undetermined { would_ask } => format!("onbepaald: Grondslag zou nog vragen naar {}", would_ask.join(", ")),
            Diff::Engine { message } => message.clone(),
        }
    }
}

pub fn outcome_id(o: Outcome) -> &'static str {
    match o {
        Outcome::MustShare => "must_share",
        Outcome::MayShare => "may_share",
        Outcome::MayShareAfterWeighing => "may_share_after_weighing",
        Outcome::MayNotShare => "may_not_share",
        Outcome::Undetermined => "undetermined",
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ScenarioResult {
    pub file: String,
    pub id: String,
    pub passed: bool,
    pub expected: Outcome,
    pub actual: Option<Outcome>,
    pub grounds: Vec<String>,
    pub conditions: Vec<String>,
    /// The routes that carry Grondslag's answer (for the legal review's route index).
    pub routes: Vec<String>,
    pub diffs: Vec<Diff>,
}

/// Runs one scenario on `date`, applying the format's defaults to facts left out.
pub fn run_scenario(rules: &RuleSet, date: Date, s: &Scenario) -> ScenarioResult {
    let facts = s.facts.clone().with_defaults(rules);
    let mut diffs = Vec::new();
    let mut routes = Vec::new();
    let (actual, grounds, conditions) = match evaluate(rules, date, &facts, &s.judgments) {
        Err(e @ EngineError::NoRulesInForce { .. }) => {
            diffs.push(Diff::Engine { message: e.to_string() });
            (None, Vec::new(), Vec::new())
        }
        Ok(ev) => {
            let r = report(rules, &ev, &facts, &s.judgments, Lang::Nl);
            routes = ev.winning.iter().map(|w| rules.routes[w.ix()].id.clone()).collect();
            if ev.outcome == Outcome::Undetermined {
                diffs.push(Diff::Undetermined { would_ask: r.questions.iter().map(|q| q.fact.clone()).collect() });
            } else if ev.outcome != s.expect.outcome {
                diffs.push(Diff::Outcome { expected: s.expect.outcome, actual: ev.outcome });
            }
            let conditions: Vec<String> = r.conditions.iter().map(|c| c.id.clone()).collect();
            for g in &s.expect.grounds {
                if !r.beroepsgeheim.grounds.contains(g) {
                    diffs.push(Diff::MissingGround { ground: g.clone() });
                }
            }
            for g in &s.expect.not_grounds {
                if r.beroepsgeheim.grounds.contains(g) {
                    diffs.push(Diff::ForbiddenGround { ground: g.clone() });
                }
            }
            for c in &s.expect.conditions {
                if !conditions.contains(c) {
                    diffs.push(Diff::MissingCondition { condition: c.clone() });
                }
            }
            (Some(ev.outcome), r.beroepsgeheim.grounds, conditions)
        }
    };
    ScenarioResult {
        file: s.file.clone(),
        id: s.id.clone(),
        passed: diffs.is_empty(),
        expected: s.expect.outcome,
        actual,
        grounds,
        conditions,
        routes,
        diffs,
    }
}

/// Expands files and directories (recursively, `*.yaml` and `*.yml`) into a sorted file list.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out)?;
        } else if p.exists() {
            out.push(p.clone());
        } else {
            return Err(format!("{}: bestand of map bestaat niet", p.display()));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: kan map niet lezen: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
    Ok(())
}
