//! Law changes; decisions keep their law: rules are selected by the date an evaluation
//! applies, a date the rule set does not cover fails loudly, and every evaluation names the
//! rule set (hash) and engine version that produced it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use grondslag_engine::{EngineError, Facts, Judgments, evaluate};
use time::macros::date;

fn files() -> Vec<(String, String)> {
    grondslag_rules::embedded().iter().map(|(p, c)| (p.to_string(), c.to_string())).collect()
}

#[test]
fn a_date_before_the_rule_set_fails_loudly() {
    let rules = grondslag_rules::load_embedded().unwrap();
    let err = evaluate(&rules, date!(2019 - 12 - 31), &Facts::new(&rules), &Judgments::default()).unwrap_err();
    assert!(matches!(err, EngineError::NoRulesInForce { .. }));
    assert!(err.to_string().contains("geen regels in werking op 2019-12-31"), "{err}");
    assert!(evaluate(&rules, date!(2020 - 01 - 01), &Facts::new(&rules), &Judgments::default()).is_ok());
}

#[test]
fn a_route_applies_only_from_its_valid_from() {
    // Give the consent route a future start date (as a future law change would) and check it
    // is selected by date.
    let mut files = files();
    let (_, content) = files.iter_mut().find(|(p, _)| p == "routes/20-toestemming.yaml").unwrap();
    let marker = "  - id: toestemming\n";
    let start = content.find(marker).unwrap();
    let vf = start + content[start..].find("valid_from: \"2020-01-01\"").unwrap();
    content.replace_range(vf..vf + "valid_from: \"2020-01-01\"".len(), "valid_from: \"2030-01-01\"");
    let rules = grondslag_rules::load(files).unwrap();
    let route = rules.routes.iter().position(|r| r.id == "toestemming").unwrap();
    let in_trace = |d| {
        let ev = evaluate(&rules, d, &Facts::new(&rules), &Judgments::default()).unwrap();
        ev.routes.iter().any(|r| r.route.ix() == route)
    };
    assert!(!in_trace(date!(2029 - 12 - 31)), "not in force before its valid_from");
    assert!(in_trace(date!(2030 - 01 - 01)), "in force from its valid_from");
}

#[test]
fn every_evaluation_names_its_rule_set_and_engine() {
    let rules = grondslag_rules::load_embedded().unwrap();
    let ev = evaluate(&rules, date!(2026 - 11 - 23), &Facts::new(&rules), &Judgments::default()).unwrap();
    assert_eq!(ev.ruleset_hash, rules.hash);
    assert_eq!(ev.ruleset_hash.len(), 64);
    assert_eq!(ev.engine_version, env!("CARGO_PKG_VERSION"));
    let mut changed = files();
    changed[0].1.push('\n');
    let other = grondslag_rules::load(changed).unwrap();
    assert_ne!(other.hash, rules.hash, "any change to a rule file changes the hash");
}
