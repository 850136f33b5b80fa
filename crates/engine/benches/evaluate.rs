//! Criterion benchmarks for the engine (issue: "one evaluation with trace under 50 µs").
//! See BENCHMARKS.md at the workspace root for how to run them and the latest numbers.
//!
//! - `rules/load_embedded`: parse, compile and hash the embedded rule set.
//! - `evaluate/public_scenarios`: one iteration evaluates every public scenario once (with
//!   full trace); the throughput is set to the number of scenarios, so criterion's `thrpt`
//!   line is evaluations per second and `time / N` is the time per evaluation.
//! - `evaluate_and_report/public_scenarios`: the same, plus the owned Dutch report.
//! - `evaluate/first_question/*`: the start of a deliberation (no facts), and after only the
//!   sender's and recipient's roles are known, where all question-relevance probing happens.
//!
//! Set `GRONDSLAG_BENCH_PER_SCENARIO=1` to also get one benchmark per public scenario
//! (`evaluate_scenario/<id>`), to see the slowest single evaluation rather than the mean.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use grondslag_engine::{Facts, Judgments, evaluate, report};
use grondslag_rules::{Lang, RawValue, RuleSet};
use time::Date;
use time::macros::date;

/// A fixed date of the law applied, so runs on different days are comparable (every route in
/// the current rule set is in force from 2020-01-01 on).
const DATE: Date = date!(2026 - 01 - 01);

struct Case {
    id: String,
    facts: Facts,
    judgments: Judgments,
}

fn scenarios_dir() -> PathBuf {
    PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned()))
        .join("../../../shared/scenarios/public")
}

/// Parses every public scenario once (outside any timed loop) and applies the format's defaults.
fn public_cases(rules: &RuleSet) -> Vec<Case> {
    let dir = scenarios_dir();
    let files = grondslag_scenario::collect_files(std::slice::from_ref(&dir)).unwrap_or_else(|e| panic!("scenarios: {e}"));
    let mut cases = Vec::new();
    for f in &files {
        let name = f.display().to_string();
        let content = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{name}: {e}"));
        let scenarios = grondslag_scenario::parse_file(rules, &name, &content).unwrap_or_else(|e| panic!("{e}"));
        for s in scenarios {
            cases.push(Case { id: s.id, facts: s.facts.with_defaults(rules), judgments: s.judgments });
        }
    }
    assert!(!cases.is_empty(), "no scenarios found in {}", dir.display());
    cases
}

fn set(rules: &RuleSet, facts: &mut Facts, fact: &str, value: &str) {
    let id = rules.fact(fact).unwrap_or_else(|| panic!("unknown fact {fact}"));
    let v = rules.parse_value(id, &RawValue::Str(value.to_string())).unwrap_or_else(|e| panic!("{fact}: {e}"));
    facts.set(id, v);
}

fn bench_load(c: &mut Criterion) {
    let mut g = c.benchmark_group("rules");
    g.bench_function("load_embedded", |b| b.iter(|| black_box(grondslag_rules::load_embedded().unwrap())));
    g.finish();
}

fn bench_evaluate(c: &mut Criterion) {
    let rules = grondslag_rules::load_embedded().unwrap();
    let cases = public_cases(&rules);
    let n = cases.len() as u64;
    eprintln!("{n} public scenarios; evaluate*/public_scenarios time = one pass over all of them (divide by {n})");

    let mut g = c.benchmark_group("evaluate");
    g.throughput(Throughput::Elements(n));
    g.bench_function("public_scenarios", |b| {
        b.iter(|| {
            for case in &cases {
                black_box(evaluate(&rules, DATE, black_box(&case.facts), black_box(&case.judgments)).unwrap());
            }
        })
    });

    // The start of a deliberation: nothing known, every open route probes its facts.
    g.throughput(Throughput::Elements(1));
    let empty = Facts::new(&rules);
    let no_judgments = Judgments::default();
    g.bench_function("first_question/no_facts", |b| {
        b.iter(|| black_box(evaluate(&rules, DATE, black_box(&empty), &no_judgments).unwrap()))
    });
    let mut roles = Facts::new(&rules);
    set(&rules, &mut roles, "sender_role", "huisarts");
    set(&rules, &mut roles, "recipient_role", "veilig_thuis");
    g.bench_function("first_question/huisarts_to_veilig_thuis", |b| {
        b.iter(|| black_box(evaluate(&rules, DATE, black_box(&roles), &no_judgments).unwrap()))
    });
    g.finish();

    let mut g = c.benchmark_group("evaluate_and_report");
    g.throughput(Throughput::Elements(n));
    g.bench_function("public_scenarios", |b| {
        b.iter(|| {
            for case in &cases {
                let ev = evaluate(&rules, DATE, black_box(&case.facts), black_box(&case.judgments)).unwrap();
                black_box(report(&rules, &ev, &case.facts, &case.judgments, Lang::Nl));
            }
        })
    });
    g.finish();

    if std::env::var_os("GRONDSLAG_BENCH_PER_SCENARIO").is_some() {
        let mut g = c.benchmark_group("evaluate_scenario");
        g.throughput(Throughput::Elements(1));
        for case in &cases {
            g.bench_function(case.id.as_str(), |b| {
                b.iter(|| black_box(evaluate(&rules, DATE, black_box(&case.facts), black_box(&case.judgments)).unwrap()))
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench_load, bench_evaluate);
criterion_main!(benches);
