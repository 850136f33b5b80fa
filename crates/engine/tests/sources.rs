//! Sources a professional can trust: every source of the built-in rule set reaches users the
//! way the report renders it (the line the terminal prints, the JSON the API returns) — named
//! by publisher and title, with a public address and its status, marked "niet volledig
//! nagegaan" / "not fully verified" unless verified — and never as an internal working
//! document or with the maintainers' note.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use grondslag_engine::{Judgments, Report, SourceOut, evaluate, report, source_line, source_status_label};
use grondslag_rules::{Lang, RuleSet, SourceStatus, load_embedded};
use time::macros::date;

const LANGS: [(Lang, &str); 2] = [(Lang::Nl, "niet volledig nagegaan"), (Lang::En, "not fully verified")];

/// What a user could see of a source: its line, its address and its JSON.
fn shown(s: &SourceOut, lang: Lang) -> String {
    format!("{}\n{}\n{}", source_line(s, lang), s.url, serde_json::to_string(s).unwrap())
}

fn assert_trustworthy(rules: &RuleSet, s: &SourceOut, lang: Lang, marker: &str, context: &str) {
    let src = rules.sources.iter().find(|x| x.id == s.id).unwrap_or_else(|| panic!("{context}: unknown source {}", s.id));
    let text = shown(s, lang);
    let line = source_line(s, lang);
    assert!(!text.to_lowercase().contains("seed"), "{context}: a working document is shown:\n{text}");
    assert!(!s.url.to_lowercase().starts_with("seed:"), "{context}: {}", s.url);
    assert!(s.url.starts_with("https://") || s.url.starts_with("http://"), "{context}: no public address: {}", s.url);
    assert!(!src.publisher.trim().is_empty() && line.contains(&src.publisher), "{context}: no publisher in {line}");
    assert!(line.contains(&src.title), "{context}: no title in {line}");
    if let Some(note) = &src.note {
        assert!(!text.contains(note.as_str()), "{context}: the maintainers' note of {} is shown:\n{text}", s.id);
    }
    let unverified = src.status != SourceStatus::Verified;
    assert_eq!(line.contains(marker), unverified, "{context}: status of {} ({:?}) not shown plainly: {line}", s.id, src.status);
    assert!(line.contains(source_status_label(src.status, lang)), "{context}: {line}");
}

#[test]
fn every_source_is_named_by_publisher_and_title_with_its_status_and_never_its_note() {
    let rules = load_embedded().unwrap();
    assert!(rules.sources.len() > 50, "the whole register is checked");
    assert!(rules.sources.iter().any(|s| s.status != SourceStatus::Verified), "some sources are not fully verified");
    assert!(rules.sources.iter().any(|s| s.note.is_some()), "some sources carry a maintainers' note");
    for s in &rules.sources {
        for (lang, marker) in LANGS {
            assert_trustworthy(&rules, &SourceOut::new(s), lang, marker, &s.id);
        }
    }
}

/// The project's golden scenarios, answered in both languages: every source a report cites is
/// shown by publisher and title, and the whole answer as JSON (what the API and the dossier
/// store) contains no working document and no maintainers' note.
#[test]
fn answers_cite_their_sources_without_notes_or_working_documents() {
    let rules = load_embedded().unwrap();
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned()))
        .join("../../scenarios");
    let files = grondslag_scenario::collect_files(&[dir]).unwrap();
    let notes: Vec<&str> = rules.sources.iter().filter_map(|s| s.note.as_deref()).collect();
    let mut cited = std::collections::BTreeSet::new();
    let mut answers = 0;
    for f in files {
        let name = f.display().to_string();
        let content = std::fs::read_to_string(&f).unwrap();
        for sc in grondslag_scenario::parse_file(&rules, &name, &content).unwrap_or_else(|e| panic!("{e}")) {
            let facts = sc.facts.with_defaults(&rules);
            let judgments: Judgments = sc.judgments;
            let ev = evaluate(&rules, date!(2026 - 11 - 23), &facts, &judgments).unwrap();
            for (lang, marker) in LANGS {
                let r: Report = report(&rules, &ev, &facts, &judgments, lang);
                assert!(!r.sources.is_empty(), "{}: an answer without sources", sc.id);
                for s in &r.sources {
                    assert_trustworthy(&rules, s, lang, marker, &sc.id);
                    cited.insert(s.id.clone());
                }
                let json = serde_json::to_string(&r).unwrap();
                assert!(!json.to_lowercase().contains("seed"), "{}: 'seed' in the answer", sc.id);
                for n in &notes {
                    assert!(!json.contains(n), "{}: a maintainers' note in the answer: {n}", sc.id);
                }
                answers += 1;
            }
        }
    }
    assert!(answers >= 50, "only {answers} answers checked");
    assert!(cited.len() >= 40, "the scenarios cite only {} sources", cited.len());
}
