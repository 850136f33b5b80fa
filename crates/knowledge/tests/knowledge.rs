//! The kennisbank's CI check and its loader, reverse index and search, tested on the shipped
//! articles and on mutated copies of them. One test binary (links are slow on 2 cores).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::OnceLock;

use grondslag_knowledge::{KnowledgeBase, KnowledgeErrors, RuleKind, embedded, load, load_embedded};
use grondslag_rules::{Lang, RuleSet};
use time::macros::date;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| grondslag_rules::load_embedded().unwrap_or_else(|e| panic!("the embedded rule set does not load:\n{e}")))
}

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| load_embedded(rules()).unwrap_or_else(|e| panic!("the shipped articles do not validate:\n{e}")))
}

fn files() -> Vec<(String, String)> {
    embedded().iter().map(|(n, c)| (n.to_string(), c.to_string())).collect()
}

/// Loads the shipped articles with one file replaced (or added) and returns the errors.
fn errors_with(name: &str, content: &str) -> KnowledgeErrors {
    let mut fs = files();
    fs.retain(|(n, _)| n != name);
    fs.push((name.to_string(), content.to_string()));
    match load(fs, rules()) {
        Ok(_) => panic!("expected {name} to be refused"),
        Err(e) => e,
    }
}

fn shipped(name: &str) -> String {
    files().into_iter().find(|(n, _)| n == name).map(|(_, c)| c).unwrap_or_else(|| panic!("no article {name}"))
}

/// Asserts that exactly the expected problem is reported, in the expected file (and line).
fn expect_error(errors: &KnowledgeErrors, file: &str, line: Option<u64>, contains: &str) {
    let found = errors.0.iter().any(|e| e.file == file && e.message.contains(contains) && (line.is_none() || e.line == line));
    assert!(found, "expected an error in {file} (line {line:?}) containing {contains:?}, got:\n{errors}");
}

// ---------------------------------------------------------------------------------------------
// The CI check: every shipped article validates against the embedded rule set.
// ---------------------------------------------------------------------------------------------

#[test]
fn shipped_articles_validate_against_the_embedded_rule_set() {
    let kb = kb();
    assert!(kb.articles().len() >= 17, "expected at least 17 articles, found {}", kb.articles().len());
    for a in kb.articles() {
        assert_eq!(format!("{}.md", a.id), a.file);
        assert!(!a.sources.is_empty());
        assert!(!a.body.nl.is_empty() && !a.body.en.is_empty());
    }
}
