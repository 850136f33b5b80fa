//! The scenario format (shared/scenarios/FORMAT.md): every scenario on disk parses; every
//! kind of mistake is an error naming the file, the scenario and the key; damaged files never
//! panic; and every public scenario passes when run.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::sync::LazyLock;

use grondslag_engine::FactSource;
use grondslag_engine::{evaluate, report};
use grondslag_rules::{Lang, Outcome, RuleSet, load_embedded};
use grondslag_scenario::{Scenario, ScenarioError, collect_files, parse_file, run_scenario};
use proptest::prelude::*;
use proptest::test_runner::Config;
use time::Date;
use time::macros::date;

const DATE: Date = date!(2026 - 11 - 23);
const FILE: &str = "test.yaml";

static RULES: LazyLock<RuleSet> = LazyLock::new(|| load_embedded().unwrap_or_else(|e| panic!("{e}")));

fn rules() -> &'static RuleSet {
    &RULES
}

fn root() -> PathBuf {
    PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned()))
}

fn public_dir() -> Option<PathBuf> {
    let dir = root().join("../../../shared/scenarios/public");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("note: {} does not exist; the public scenarios are skipped", dir.display());
        None
    }
}

fn own_dir() -> PathBuf {
    root().join("../../scenarios")
}

/// Every `(file name, content)` in a directory of scenarios.
fn read_dir(dir: &PathBuf) -> Vec<(String, String)> {
    let files = collect_files(std::slice::from_ref(dir)).unwrap_or_else(|e| panic!("{e}"));
    assert!(!files.is_empty(), "no scenario files in {}", dir.display());
    files
        .iter()
        .map(|f| {
            let name = f.display().to_string();
            let content = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, content)
        })
        .collect()
}

fn parse_all(dir: &PathBuf) -> Vec<Scenario> {
    let mut out = Vec::new();
    for (name, content) in read_dir(dir) {
        match parse_file(rules(), &name, &content) {
            Ok(s) => {
                assert!(!s.is_empty(), "{name}: no scenarios");
                out.extend(s);
            }
            Err(e) => panic!("{e}"),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// (a) Every scenario file parses.

#[test]
fn public_scenarios_parse() {
    let Some(dir) = public_dir() else { return };
    let all = parse_all(&dir);
    let mut ids: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
    ids.sort();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate scenario ids in {}", dir.display());
    for s in &all {
        assert!(!s.title.trim().is_empty(), "{}: empty title", s.id);
    }
}

#[test]
fn own_scenarios_parse() {
    let all = parse_all(&own_dir());
    assert!(all.iter().all(|s| !s.id.is_empty() && s.file.ends_with(".yaml")));
}

// ---------------------------------------------------------------------------------------
// (b) Exact errors.

const VALID: &str = "\
id: proef
title: Een proefscenario
situation: >
  Een huisarts overweegt iets te delen.
source: https://example.org/bron
facts:
  sender_role: huisarts
  recipient_role: partner
  request_from: none
  recipient_in_treatment_relation: false
  data_categories: [health]
  purpose: prevent_serious_harm
  consent: refused
  client_age: adult
  client_competent: true
  danger: serious
judgments:
  conflict_of_duties:
    consent_unobtainable: true
    conscience_distress: true
    no_other_way: true
    serious_harm: true
    disclosure_prevents_harm: true
    minimal_breach: true
expect:
  outcome: may_share
  grounds: [conflict_of_duties]
  not_grounds: [legal_duty]
  conditions: [share_minimum]
";

/// `VALID` with the first `from` replaced by `to`.
fn edit(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "'{from}' not in the base scenario");
    VALID.replacen(from, to, 1)
}

fn parse_err(content: &str) -> ScenarioError {
    match parse_file(rules(), FILE, content) {
        Ok(s) => panic!("expected an error, parsed {} scenario(s): {:?}", s.len(), s.iter().map(|s| &s.id).collect::<Vec<_>>()),
        Err(e) => {
            assert_eq!(e.file, FILE, "{e}");
            assert!(!e.message.trim().is_empty(), "{e}");
            e
        }
    }
}

/// The error names this file, scenario `proef` and `key`, and its message contains `says`.
fn assert_err(content: &str, key: &str, says: &str) {
    let e = parse_err(content);
    assert_eq!(e.scenario.as_deref(), Some("proef"), "{e}");
    assert_eq!(e.key.as_deref(), Some(key), "{e}");
    assert!(e.message.contains(says), "message '{}' does not contain '{says}'", e.message);
    let shown = e.to_string();
    assert!(shown.starts_with(FILE) && shown.contains("'proef'") && shown.contains(key), "{shown}");
}

#[test]
fn the_base_scenario_is_valid_and_passes() {
    let s = parse_file(rules(), FILE, VALID).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].id, "proef");
    assert_eq!(s[0].expect.outcome, Outcome::MayShare);
    assert_eq!(s[0].sources, vec!["https://example.org/bron".to_string()]);
    assert_eq!(s[0].judgments.sets.len(), 1);
    let r = run_scenario(rules(), DATE, &s[0]);
    assert!(r.passed, "{:?}", r.diffs);
}

#[test]
fn unknown_top_level_key() {
    assert_err(&edit("title:", "colour: red\ntitle:"), "colour", "onbekende sleutel");
}

#[test]
fn unknown_fact() {
    assert_err(&edit("  danger: serious\n", "  danger: serious\n  foo: true\n"), "facts.foo", "onbekend feit");
}

#[test]
fn unknown_role() {
    assert_err(&edit("recipient_role: partner", "recipient_role: tovenaar"), "facts.recipient_role", "onbekende rol 'tovenaar'");
}

#[test]
fn unknown_enum_and_set_values() {
    assert_err(&edit("purpose: prevent_serious_harm", "purpose: gezelligheid"), "facts.purpose", "onbekende waarde 'gezelligheid'");
    assert_err(&edit("data_categories: [health]", "data_categories: [health, dna]"), "facts.data_categories", "onbekende waarde 'dna'");
    assert_err(&edit("data_categories: [health]", "data_categories: health"), "facts.data_categories", "lijst");
}

#[test]
fn wrong_types() {
    assert_err(&edit("client_age: adult", "client_age: \"oud\""), "facts.client_age", "leeftijd");
    assert_err(&edit("client_age: adult", "client_age: oud"), "facts.client_age", "leeftijd");
    assert_err(&edit("client_age: adult", "client_age: 200"), "facts.client_age", "200");
    assert_err(&edit("client_age: adult", "client_age: -1"), "facts.client_age", "-1");
    assert_err(&edit("client_age: adult", "client_age: 17.5"), "facts.client_age", "verkeerde type");
    assert_err(
        &edit("recipient_in_treatment_relation: false", "recipient_in_treatment_relation: \"yes\""),
        "facts.recipient_in_treatment_relation",
        "true of false",
    );
    assert_err(
        &edit("recipient_in_treatment_relation: false", "recipient_in_treatment_relation: \"false\""),
        "facts.recipient_in_treatment_relation",
        "true of false",
    );
    assert_err(
        &edit("recipient_in_treatment_relation: false", "recipient_in_treatment_relation: 0"),
        "facts.recipient_in_treatment_relation",
        "true of false",
    );
    assert_err(&edit("sender_role: huisarts", "sender_role: [huisarts]"), "facts.sender_role", "rol");
    assert_err(&edit("minimal_breach: true", "minimal_breach: \"true\""), "judgments.conflict_of_duties.minimal_breach", "true of false");
    assert_err(&edit("id: proef\ntitle: Een proefscenario", "id: proef\ntitle: [Een, proefscenario]"), "title", "tekst");
}

/// FORMAT.md: "Files use UTF-8 YAML 1.2: booleans are `true` and `false`, never yes/no." In
/// YAML 1.2 a plain `yes` is the string "yes", which is not a boolean answer.
///
/// Ignored: the parser reads scenario YAML with serde-saphyr's default options, which accept
/// the YAML 1.1 spellings (`yes`, `no`, `on`, `off`, `y`, `n`) as booleans, so these parse as
/// `true`/`false` instead of being rejected. Run with `--ignored` once that is fixed.
#[test]
fn yaml_1_1_booleans_are_not_booleans() {
    for word in ["yes", "no", "on", "off", "Yes", "NO", "y", "n"] {
        assert_err(
            &edit("recipient_in_treatment_relation: false", &format!("recipient_in_treatment_relation: {word}")),
            "facts.recipient_in_treatment_relation",
            "true of false",
        );
        assert_err(
            &edit("minimal_breach: true", &format!("minimal_breach: {word}")),
            "judgments.conflict_of_duties.minimal_breach",
            "true of false",
        );
    }
}

#[test]
fn unknown_outcome() {
    assert_err(&edit("outcome: may_share", "outcome: maybe_share"), "expect.outcome", "onbekende uitkomst 'maybe_share'");
    // `undetermined` is an answer Grondslag can give, but never an expectation.
    assert_err(&edit("outcome: may_share", "outcome: undetermined"), "expect.outcome", "onbekende uitkomst 'undetermined'");
    assert_err(&edit("  outcome: may_share\n", ""), "expect.outcome", "ontbreekt");
    assert_err(&edit("  outcome: may_share\n", "  outcome: may_share\n  colour: red\n"), "expect.colour", "onbekende sleutel");
}

#[test]
fn unknown_ground_and_condition() {
    assert_err(
        &edit("grounds: [conflict_of_duties]", "grounds: [conflict_of_duties, goodwill]"),
        "expect.grounds",
        "onbekende grond 'goodwill'",
    );
    assert_err(&edit("not_grounds: [legal_duty]", "not_grounds: [legal_dutyy]"), "expect.not_grounds", "onbekende grond 'legal_dutyy'");
    assert_err(
        &edit("conditions: [share_minimum]", "conditions: [share_everything]"),
        "expect.conditions",
        "onbekende voorwaarde 'share_everything'",
    );
    assert_err(&edit("grounds: [conflict_of_duties]", "grounds: conflict_of_duties"), "expect.grounds", "lijst");
}

#[test]
fn unknown_judgment_set_and_criterion() {
    assert_err(&edit("  conflict_of_duties:\n", "  gut_feeling:\n"), "judgments.gut_feeling", "onbekende afweging");
    assert_err(
        &edit("    no_other_way: true\n", "    no_other_way: true\n    vibes: true\n"),
        "judgments.conflict_of_duties.vibes",
        "onbekend criterium",
    );
    assert_err(
        &edit(
            "  conflict_of_duties:\n    consent_unobtainable: true\n",
            "  conflict_of_duties: true\n  x_unused:\n    consent_unobtainable: true\n",
        ),
        "judgments.conflict_of_duties",
        "true of false",
    );
}

#[test]
fn missing_or_bad_required_parts() {
    let e = parse_err(&edit("id: proef\n", ""));
    assert_eq!((e.scenario.as_deref(), e.key.as_deref()), (None, Some("id")), "{e}");
    let e = parse_err(&edit("id: proef\n", "id: 42\n"));
    assert_eq!((e.scenario.as_deref(), e.key.as_deref()), (None, Some("id")), "{e}");
    let e = parse_err(&edit("id: proef\n", "id: \"  \"\n"));
    assert_eq!(e.key.as_deref(), Some("id"), "{e}");
    assert_err(&edit("title: Een proefscenario\n", ""), "title", "ontbreekt");
    let no_facts = VALID.split("facts:").next().unwrap().to_string() + "expect:\n  outcome: may_share\n";
    assert_err(&no_facts, "facts", "ontbreekt");
    assert_err(&edit("source: https://example.org/bron", "source: {url: x}"), "source", "adres");
}

#[test]
fn a_list_with_one_bad_scenario() {
    let good = indent_item(VALID);
    let bad =
        indent_item(&VALID.replacen("id: proef", "id: tweede", 1).replacen("  danger: serious\n", "  danger: serious\n  foo: 1\n", 1));
    let e = parse_err(&format!("scenarios:\n{good}{bad}"));
    assert_eq!(e.scenario.as_deref(), Some("tweede"), "{e}");
    assert_eq!(e.key.as_deref(), Some("facts.foo"), "{e}");

    // Both good: two scenarios, in order.
    let second = indent_item(&VALID.replacen("id: proef", "id: tweede", 1));
    let s = parse_file(rules(), FILE, &format!("scenarios:\n{good}{second}")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["proef", "tweede"]);

    // Nothing else is allowed next to `scenarios:`, and the list may not be empty.
    let e = parse_err(&format!("scenarios:\n{good}extra: 1\n"));
    assert_eq!(e.key.as_deref(), Some("extra"), "{e}");
    let e = parse_err("scenarios: []\n");
    assert_eq!(e.key.as_deref(), Some("scenarios"), "{e}");
    let e = parse_err("scenarios: proef\n");
    assert_eq!(e.key.as_deref(), Some("scenarios"), "{e}");
    let e = parse_err("scenarios:\n  - 5\n");
    assert_eq!(e.scenario, None, "{e}");
}

/// `VALID` as an item of a `scenarios:` list.
fn indent_item(s: &str) -> String {
    let mut out = String::new();
    for (i, l) in s.lines().enumerate() {
        out.push_str(if i == 0 { "  - " } else { "    " });
        out.push_str(l);
        out.push('\n');
    }
    out
}

#[test]
fn not_yaml_at_all() {
    for content in ["{{{ : : [", "id: [unclosed\n", "a: 1\na: 2\n", "key: \"open string\n"] {
        let e = parse_err(content);
        assert_eq!(e.scenario, None, "{content:?}: {e}");
        assert_eq!(e.key, None, "{content:?}: {e}");
    }
    let e = parse_err("{{{ : : [");
    assert!(e.message.contains("geen geldige YAML"), "{e}");
    // Valid YAML, but not a scenario.
    for content in ["just a sentence\n", "- a\n- b\n", "42\n", "~\n"] {
        let e = parse_err(content);
        assert_eq!(e.scenario, None, "{content:?}: {e}");
    }
}

#[test]
fn empty_file() {
    for content in ["", "\n", "# only a comment\n", "---\n"] {
        let e = parse_err(content);
        assert_eq!(e.scenario, None, "{content:?}: {e}");
        assert_eq!(e.key, None, "{content:?}: {e}");
    }
}

#[test]
fn null_fact_is_unknown() {
    let s = parse_file(rules(), FILE, &edit("danger: serious", "danger: ~")).unwrap_or_else(|e| panic!("{e}"));
    let danger = rules().fact("danger").unwrap();
    assert_eq!(grondslag_engine::FactSource::get(&s[0].facts, danger), None);
}

// ---------------------------------------------------------------------------------------
// (c) Damaged scenario files never panic.

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(f64),
    DeleteLine(f64),
    DuplicateLine(f64),
    SwapLines(f64, f64),
    Insert(f64, String),
    ReplaceWord(f64, String),
}

fn pick(frac: f64, n: usize) -> usize {
    ((frac * n as f64) as usize).min(n.saturating_sub(1))
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(content: &str, m: &Mutation) -> String {
    let lines: Vec<&str> = content.split_inclusive('\n').collect();
    match m {
        Mutation::Truncate(f) => content[..floor_char_boundary(content, pick(*f, content.len() + 1))].to_string(),
        Mutation::DeleteLine(f) if !lines.is_empty() => {
            let k = pick(*f, lines.len());
            lines.iter().enumerate().filter(|(j, _)| *j != k).map(|(_, l)| *l).collect()
        }
        Mutation::DuplicateLine(f) if !lines.is_empty() => {
            let k = pick(*f, lines.len());
            let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            let dup = if out[k].ends_with('\n') { out[k].clone() } else { format!("\n{}", out[k]) };
            out.insert(k + 1, dup);
            out.concat()
        }
        Mutation::SwapLines(a, b) if !lines.is_empty() => {
            let mut out: Vec<String> = lines.iter().map(|l| l.trim_end_matches('\n').to_string()).collect();
            out.swap(pick(*a, lines.len()), pick(*b, lines.len()));
            out.join("\n") + "\n"
        }
        Mutation::Insert(f, garbage) => {
            let at = floor_char_boundary(content, pick(*f, content.len() + 1));
            format!("{}{garbage}{}", &content[..at], &content[at..])
        }
        Mutation::ReplaceWord(f, word) => {
            let words: Vec<(usize, &str)> = content.match_indices(|c: char| c.is_ascii_alphanumeric() || c == '_').collect();
            if words.is_empty() {
                return content.to_string();
            }
            // Extend the chosen character to its whole word.
            let (at, _) = words[pick(*f, words.len())];
            let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
            let start = content[..at].char_indices().rev().find(|(_, c)| !is_word(*c)).map(|(i, c)| i + c.len_utf8()).unwrap_or(0);
            let end = content[at..].find(|c: char| !is_word(c)).map(|i| at + i).unwrap_or(content.len());
            format!("{}{word}{}", &content[..start], &content[end..])
        }
        _ => content.to_string(),
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let f = || 0.0f64..1.0;
    prop_oneof![
        f().prop_map(Mutation::Truncate),
        f().prop_map(Mutation::DeleteLine),
        f().prop_map(Mutation::DuplicateLine),
        (f(), f()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (f(), "[ -~\n\té€]{1,24}").prop_map(|(a, s)| Mutation::Insert(a, s)),
        (
            f(),
            prop_oneof![
                Just("onbekend_x".to_string()),
                Just("true".to_string()),
                Just("42".to_string()),
                Just("~".to_string()),
                Just("[]".to_string()),
                Just("{}".to_string()),
                Just("-1".to_string()),
                Just("adult".to_string()),
                Just("none".to_string()),
                Just("&a".to_string()),
                Just("*a".to_string()),
                Just("!!binary".to_string()),
            ]
        )
            .prop_map(|(a, w)| Mutation::ReplaceWord(a, w)),
    ]
}

/// The base scenario and every scenario file on disk.
static CORPUS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let mut c = vec![(FILE.to_string(), VALID.to_string())];
    c.extend(read_dir(&own_dir()));
    if let Some(dir) = public_dir() {
        c.extend(read_dir(&dir));
    }
    c
});

proptest! {
    #![proptest_config(Config { cases: 512, failure_persistence: None, ..Config::default() })]

    /// Any damage to a scenario file gives scenarios or an error that names the file, never
    /// a panic; a scenario that still parses can still be run.
    #[test]
    fn damaged_scenario_never_panics(file in 0.0f64..1.0, m in mutation()) {
        let (name, content) = &CORPUS[pick(file, CORPUS.len())];
        let damaged = apply(content, &m);
        match parse_file(rules(), name, &damaged) {
            Ok(scenarios) => {
                prop_assert!(!scenarios.is_empty());
                for s in &scenarios {
                    prop_assert!(!s.id.trim().is_empty());
                    prop_assert_eq!(&s.file, name);
                    let r = run_scenario(rules(), DATE, s);
                    prop_assert_eq!(r.passed, r.diffs.is_empty());
                }
            }
            Err(e) => {
                prop_assert_eq!(&e.file, name);
                prop_assert!(!e.message.trim().is_empty());
                prop_assert!(e.key.as_ref().is_none_or(|k| !k.is_empty()));
                prop_assert!(e.scenario.as_ref().is_none_or(|s| !s.trim().is_empty()));
                prop_assert!(!e.to_string().is_empty());
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// (d) The public scenarios pass, and their reports serialise deterministically.

#[test]
fn public_scenarios_pass() {
    let Some(dir) = public_dir() else { return };
    let mut failed = Vec::new();
    let all = parse_all(&dir);
    for s in &all {
        let r = run_scenario(rules(), DATE, s);
        assert_eq!(r.id, s.id);
        assert_eq!(r.expected, s.expect.outcome);
        if !r.passed {
            failed.push(format!("{}: {}", s.id, r.diffs.iter().map(|d| d.describe()).collect::<Vec<_>>().join("; ")));
        } else {
            assert_eq!(r.actual, Some(s.expect.outcome), "{}", s.id);
            assert!(r.diffs.is_empty());
        }
    }
    assert!(failed.is_empty(), "{} of {} public scenarios fail:\n{}", failed.len(), all.len(), failed.join("\n"));
}

#[test]
fn a_wrong_expectation_fails() {
    // The runner is not a rubber stamp: the same scenario with another outcome fails.
    let s = parse_file(rules(), FILE, &edit("outcome: may_share", "outcome: may_not_share")).unwrap_or_else(|e| panic!("{e}"));
    let r = run_scenario(rules(), DATE, &s[0]);
    assert!(!r.passed);
    assert_eq!(r.actual, Some(Outcome::MayShare));
    let s = parse_file(rules(), FILE, &edit("grounds: [conflict_of_duties]", "grounds: [legal_duty]")).unwrap_or_else(|e| panic!("{e}"));
    assert!(!run_scenario(rules(), DATE, &s[0]).passed);
    // Leaving out a fact the law needs gives `undetermined`, which fails.
    let s = parse_file(rules(), FILE, &edit("  sender_role: huisarts\n", "")).unwrap_or_else(|e| panic!("{e}"));
    let r = run_scenario(rules(), DATE, &s[0]);
    assert!(!r.passed);
    assert_eq!(r.actual, Some(Outcome::Undetermined));
}

#[test]
fn reports_serialise_deterministically() {
    let mut scenarios = parse_all(&own_dir());
    if let Some(dir) = public_dir() {
        scenarios.extend(parse_all(&dir));
    }
    for (n, s) in scenarios.iter().enumerate() {
        let facts = s.facts.clone().with_defaults(rules());
        // The scenario itself, and with one known fact forgotten (a different one per
        // scenario, so that undetermined answers with questions are serialised too).
        let mut variants = vec![facts.clone()];
        let known: Vec<_> = facts.known().map(|(f, _)| f).collect();
        if !known.is_empty() {
            let mut v = facts.clone();
            v.unset(known[n % known.len()]);
            variants.push(v);
        }
        for (i, facts) in variants.iter().enumerate() {
            // Both languages and two evaluations for the scenario itself; one evaluation and
            // two reports for each variant.
            let langs: &[Lang] = if i == 0 { &[Lang::Nl, Lang::En] } else { &[Lang::Nl] };
            let ev = evaluate(rules(), DATE, facts, &s.judgments).unwrap_or_else(|e| panic!("{e}"));
            for lang in langs {
                let again =
                    if i == 0 { evaluate(rules(), DATE, facts, &s.judgments).unwrap_or_else(|e| panic!("{e}")) } else { ev.clone() };
                let a = serde_json::to_string(&report(rules(), &ev, facts, &s.judgments, *lang)).unwrap();
                let b = serde_json::to_string(&report(rules(), &again, facts, &s.judgments, *lang)).unwrap();
                assert_eq!(a, b, "{}: the report's JSON differs between two runs", s.id);
                assert!(a.contains("\"outcome\""));
            }
        }
    }
}

#[test]
fn an_empty_data_list_means_nothing_identifying() {
    let parsed = parse_file(rules(), FILE, &edit("data_categories: [health]", "data_categories: []")).expect("an empty list is an answer");
    let f = rules().fact("data_categories").expect("fact");
    assert_eq!(parsed[0].facts.get(f), Some(grondslag_rules::Value::Set(0)));
}

#[test]
fn version_2_facts_and_exceptions() {
    let v2 = edit("danger: serious", "danger: serious\n  client_is_suspected_perpetrator: true\n  child_protection_measure: voogdij");
    let parsed = parse_file(rules(), FILE, &v2).expect("version 2 facts parse");
    let m = rules().fact("child_protection_measure").expect("fact");
    assert!(parsed[0].facts.get(m).is_some());
    // Version 1's ots_active means child_protection_measure: ots; never both.
    let v1 = parse_file(rules(), FILE, &edit("danger: serious", "danger: serious\n  ots_active: true")).expect("ots_active parses");
    assert_eq!(v1[0].facts.get(m), rules().parse_value(m, &grondslag_rules::RawValue::Str("ots".into())).ok());
    assert_err(
        &edit("danger: serious", "danger: serious\n  ots_active: true\n  child_protection_measure: ots"),
        "facts.ots_active",
        "niet allebei",
    );
    assert_err(
        &edit("danger: serious", "danger: serious\n  child_protection_measure: pleegzorg"),
        "facts.child_protection_measure",
        "pleegzorg",
    );
    let judged = edit("judgments:\n", "judgments:\n  exceptions:\n    good_care: true\n");
    let parsed = parse_file(rules(), FILE, &judged).expect("exceptions parse");
    let set = rules().judgments.iter().position(|j| j.exception.as_deref() == Some("good_care")).expect("a good-care weighing");
    let rec = parsed[0].judgments.sets.get(&grondslag_rules::JudgmentId(set as u16)).expect("recorded");
    assert!(rec.answers.iter().all(|a| *a == Some(false)), "true = the exception applies = the weighing says no");
    assert_err(
        &edit("judgments:\n", "judgments:\n  exceptions:\n    zomaar: true\n"),
        "judgments.exceptions.zomaar",
        "onbekende uitzondering",
    );
    assert_err(&edit("judgments:\n", "judgments:\n  exceptions:\n    good_care: ja\n"), "judgments.exceptions.good_care", "true of false");
}
