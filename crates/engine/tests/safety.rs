//! The safety properties of `controleer` must catch a rule change that breaks them: each test
//! breaks one rule the way a careless edit would and shows the proof names the violation.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use grondslag_engine::safety::Safety;
use grondslag_rules::{RuleSet, load_embedded};
use time::macros::date;

const DATE: time::Date = date!(2026 - 11 - 23);

fn prove(rules: &RuleSet, route: &str) -> Safety {
    let mut s = Safety::new(rules);
    s.prove_routes(rules, DATE, &|r| r.id == route);
    s
}

fn violations(s: &Safety, id: &str) -> u64 {
    s.properties.iter().find(|p| p.id == id).map(|p| p.violations).unwrap()
}

#[test]
fn the_rules_as_they_are_hold_for_the_parents_duty() {
    let rules = load_embedded().unwrap();
    let s = prove(&rules, "derde.ouders-kind-onder-12");
    for p in &s.properties {
        assert_eq!(p.violations, 0, "({}) {:?}", p.id, p.examples);
    }
    assert!(s.properties[0].proved_over > 0 && s.properties[3].proved_over > 0);
}

#[test]
fn a_duty_to_a_suspected_parent_is_caught() {
    let mut rules = load_embedded().unwrap();
    let i = rules.routes.iter().position(|r| r.id == "derde.ouders-kind-onder-12").unwrap();
    rules.routes[i].limits.clear();
    rules.routes[i].exception = None;
    let s = prove(&rules, "derde.ouders-kind-onder-12");
    assert!(violations(&s, "a") > 0, "(a) must catch must_share to a suspected parent");
}

#[test]
fn a_health_data_order_without_the_judge_is_caught() {
    let mut rules = load_embedded().unwrap();
    let i = rules.routes.iter().position(|r| r.id == "plicht.vordering-zonder-verschoningsrecht").unwrap();
    // Drop the requirement about health data and the examining judge.
    let pos = rules.routes[i].requires.iter().position(|n| n.text.nl.contains("rechter-commissaris")).unwrap();
    rules.routes[i].requires.remove(pos);
    let s = prove(&rules, "plicht.vordering-zonder-verschoningsrecht");
    assert!(violations(&s, "b") > 0, "(b) must catch health data on an order without the judge");
}

#[test]
fn call_112_with_may_not_share_is_caught() {
    let mut rules = load_embedded().unwrap();
    let i = rules.condition_rules.iter().position(|r| r.id == "acute-danger-112").unwrap();
    rules.condition_rules[i].outcomes = None;
    let mut s = Safety::new(&rules);
    s.prove_routes(&rules, DATE, &|_| false);
    assert!(violations(&s, "e") > 0);
}

#[test]
fn a_covenant_as_a_ground_is_caught() {
    let rules = load_embedded().unwrap();
    let s = Safety::new(&rules);
    assert_eq!(violations(&s, "f"), 0, "{:?}", s.properties[5].examples);
    assert!(s.properties[5].applicable as usize >= rules.routes.len());

    // A careless edit: the question whether the recipient treats the client becomes whether
    // the organisations signed a convenant — every route that reads it would rest on it.
    let mut broken = rules.clone();
    let f = broken.fact("recipient_in_treatment_relation").unwrap();
    broken.facts[f.ix()].label.nl = "De ontvanger valt onder hetzelfde convenant".into();
    let s = Safety::new(&broken);
    assert!(violations(&s, "f") > 0);
    assert!(s.properties[5].examples.iter().any(|e| e.contains("recipient_in_treatment_relation")), "{:?}", s.properties[5].examples);

    // A requirement worded as a working agreement.
    let mut broken = rules.clone();
    let i = broken.routes.iter().position(|r| r.id == "derde.ouders-kind-onder-12").unwrap();
    broken.routes[i].requires[0].text.nl = "er is een samenwerkingsafspraak met de ouders".into();
    assert!(violations(&Safety::new(&broken), "f") > 0);
}
