//! The catalogue check CI relies on: both languages complete and alike, and every id the code
//! names present.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use fluent_syntax::parser::parse;

use super::*;

/// id → the variables its text uses, for one language; fails on syntax errors and duplicates.
fn messages(lang: Lang) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let mut out = BTreeMap::new();
    for (file, text) in sources(lang) {
        let resource = parse(text).map_err(|(_, errors)| format!("{lang:?}/{file}: syntaxfout {errors:?}"))?;
        for entry in &resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    match &m.value {
                        Some(p) => pattern_vars(p, &mut vars),
                        None => return Err(format!("{lang:?}/{file}: {} heeft geen tekst", m.id.name)),
                    }
                    if out.insert(m.id.name.to_owned(), vars).is_some() {
                        return Err(format!("{lang:?}/{file}: {} staat er twee keer", m.id.name));
                    }
                }
                ast::Entry::Junk { content } => return Err(format!("{lang:?}/{file}: onleesbaar: {content}")),
                _ => {}
            }
        }
    }
    Ok(out)
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, vars),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn dutch_and_english_have_the_same_messages_with_the_same_variables() {
    let nl = messages(Lang::Nl).unwrap_or_else(|e| panic!("{e}"));
    let en = messages(Lang::En).unwrap_or_else(|e| panic!("{e}"));
    let only_nl: Vec<_> = nl.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !nl.contains_key(*k)).collect();
    assert!(only_nl.is_empty(), "alleen in het Nederlands: {only_nl:?}");
    assert!(only_en.is_empty(), "alleen in het Engels: {only_en:?}");
    let differ: Vec<_> = nl.iter().filter(|(k, v)| en.get(*k) != Some(v)).map(|(k, _)| k).collect();
    assert!(differ.is_empty(), "andere variabelen in nl en en: {differ:?}");
    assert!(nl.len() > 100, "de catalogus is bijna leeg: {}", nl.len());
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if matches!(p.extension().and_then(|x| x.to_str()), Some("rs" | "html")) {
            out.push(p);
        }
    }
}

/// The ids the code names: the first string argument of `tr`, `tr_with` and `Msg::new`, and
/// any other string literal shaped like an id of one of the catalogue's areas (`field-…` in a
/// form helper, `access-…` in a table).
fn used_ids(areas: &BTreeSet<String>) -> BTreeMap<String, PathBuf> {
    let crates = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned())).join("..");
    let mut all = Vec::new();
    files(&crates, &mut all);
    // This crate's own docs and tests name ids that do not exist on purpose.
    let own = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned())).join("src");
    all.retain(|p| p.parent().is_none_or(|d| d.canonicalize().ok() != own.canonicalize().ok()));
    let call = regex::Regex::new(r#"\b(?:tr|tr_with|Msg::new)\((?:[^"()]*,\s*)?"([a-z][a-z0-9-]*)""#).unwrap();
    let shaped = regex::Regex::new(r#""([a-z][a-z0-9]*(?:-[a-z0-9]+)+)""#).unwrap();
    let mut used = BTreeMap::new();
    for path in all {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        for c in call.captures_iter(&text) {
            used.entry(c[1].to_owned()).or_insert_with(|| path.clone());
        }
        // Only where text is rendered: lower layers use such literals for other things (a store
        // names the kind of id it expected, `dossier-id`).
        // Code only (templates name ids through `c.tr`, and their class names look like ids),
        // and not tests (scenario names look like ids too).
        let renders = ["web", "cli", "app", "engine"].iter().any(|c| path.components().any(|p| p.as_os_str() == *c))
            && path.extension().is_some_and(|e| e == "rs")
            && path.components().any(|p| p.as_os_str() == "src");
        for c in shaped.captures_iter(&text).filter(|_| renders) {
            if c[1].split('-').next().is_some_and(|area| areas.contains(area)) {
                used.entry(c[1].to_owned()).or_insert_with(|| path.clone());
            }
        }
    }
    used
}

#[test]
fn every_id_the_code_names_is_in_the_catalogue() {
    let nl = messages(Lang::Nl).unwrap_or_else(|e| panic!("{e}"));
    let areas: BTreeSet<String> = nl.keys().filter_map(|k| k.split('-').next()).map(str::to_owned).collect();
    let used = used_ids(&areas);
    assert!(used.len() > 100, "the scan found almost no ids ({}): is the pattern still right?", used.len());
    let missing: Vec<_> = used.iter().filter(|(id, _)| !nl.contains_key(*id)).collect();
    assert!(missing.is_empty(), "ids zonder tekst: {missing:?}");
}

#[test]
fn texts_come_out_plain_and_filled_in() {
    for lang in [Lang::Nl, Lang::En] {
        for (id, _) in messages(lang).unwrap_or_else(|e| panic!("{e}")) {
            let id: &'static str = Box::leak(id.into_boxed_str());
            let text = tr(lang, id);
            assert!(!text.contains('\u{2068}') && !text.contains('\u{2069}'), "{id}: isolation marks");
            assert_ne!(text, id, "{id} has no text in {lang:?}");
        }
    }
    let n = tr_with(Lang::Nl, "common-question-of-at-most", &[("n", 1.into()), ("m", 3.into())]);
    assert!(n.contains('1') && n.contains('3'), "{n}");
    assert_eq!(tr(Lang::En, "no-such-message-id"), "no-such-message-id");
    // Spaces at either end are kept ({" "} in the catalogue), so joined words do not run together.
    assert_eq!(tr(Lang::En, "report-and"), " and ");
    assert_eq!(tr(Lang::Nl, "report-and"), " en ");
}

#[test]
fn ids_built_at_run_time_are_found_without_fallback() {
    let id = format!("report-{}", "and");
    assert_eq!(tr_id(Lang::En, &id), Some(" and "));
    assert_eq!(tr_id(Lang::Nl, &id), Some(" en "));
    assert_eq!(tr_id(Lang::En, "no-such-message-id"), None);
}
