//! Mutation test of the routes against the golden scenarios (issue 8, "every route must have a
//! scenario that fails when the route's conditions are changed"). Each requirement of each
//! route is mutated twice — negated, and dropped — and the whole corpus (the shared public
//! scenarios and the project's own, including the round-two review corpus) is run against the
//! mutant. A mutant is *killed* when at least one scenario fails. The test demands that every
//! route has a killed mutant for every requirement (negated); it prints the dropped-requirement
//! mutants that survive, which point at requirements no scenario pins down yet.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use grondslag_rules::{Cond, Node, RuleSet, Text, load_embedded};
use grondslag_scenario::{Scenario, collect_files, parse_file, run_scenario};
use time::Date;
use time::macros::date;

const DATE: Date = date!(2026 - 11 - 23);

fn root() -> PathBuf {
    PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned()))
}

fn corpus(rules: &RuleSet) -> Vec<Scenario> {
    let mut dirs = vec![root().join("../../scenarios")];
    let public = root().join("../../../shared/scenarios/public");
    if public.is_dir() {
        dirs.push(public);
    } else {
        println!("note: {} does not exist; the public scenarios are skipped", public.display());
    }
    let files = collect_files(&dirs).unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    for f in files {
        let name = f.display().to_string();
        let content = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{name}: {e}"));
        out.extend(parse_file(rules, &name, &content).unwrap_or_else(|e| panic!("{e}")));
    }
    out
}

fn killed(mutant: &RuleSet, scenarios: &[Scenario]) -> Option<String> {
    scenarios.iter().find(|s| !run_scenario(mutant, DATE, s).passed).map(|s| s.id.clone())
}

fn negate(n: &Node) -> Node {
    Node { text: Text::new(format!("niet: {}", n.text.nl), format!("not: {}", n.text.en)), cond: Cond::Not(Box::new(n.clone())) }
}

fn always() -> Node {
    Node { text: Text::new("altijd", "always"), cond: Cond::All(Vec::new()) }
}

#[test]
fn every_requirement_of_every_route_is_pinned_down_by_a_scenario() {
    let rules = load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let scenarios = corpus(&rules);
    assert!(scenarios.len() >= 100, "the corpus is too small to mean anything: {}", scenarios.len());
    let failing: Vec<&str> = scenarios.iter().filter(|s| !run_scenario(&rules, DATE, s).passed).map(|s| s.id.as_str()).collect();
    assert!(failing.is_empty(), "the unmutated rules must pass every scenario first: {failing:?}");

    let mut survivors_negated = Vec::new();
    let mut survivors_dropped = Vec::new();
    let mut mutants = 0;
    for (i, route) in rules.routes.iter().enumerate() {
        if !route.in_force(DATE) {
            continue;
        }
        for (j, req) in route.requires.iter().enumerate() {
            for (kind, replacement) in [("negated", negate(req)), ("dropped", always())] {
                let mut m = rules.clone();
                m.routes[i].requires[j] = replacement;
                mutants += 1;
                if killed(&m, &scenarios).is_none() {
                    let what = format!("{} requirement {} ({})", route.id, j + 1, req.text.nl);
                    if kind == "negated" { survivors_negated.push(what) } else { survivors_dropped.push(what) }
                }
            }
        }
    }
    println!("{mutants} mutants over {} scenarios", scenarios.len());
    println!("dropped requirements no scenario notices ({}):", survivors_dropped.len());
    for s in &survivors_dropped {
        println!("  {s}");
    }
    assert!(
        survivors_negated.is_empty(),
        "{} negated requirements survive (no scenario fails when they are reversed):\n  {}",
        survivors_negated.len(),
        survivors_negated.join("\n  ")
    );
}
