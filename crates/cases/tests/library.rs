//! The case library's CI checks: every embedded scenario parses against the embedded rule set
//! (none silently left out), ids are unique, the vendored shared scenarios are the same files as
//! `../shared/scenarios/public`, and filters and search select what they say.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use grondslag_cases::{AgeBand, Filter, Library, Origin, embedded_files};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rules() -> grondslag_rules::RuleSet {
    grondslag_rules::load_embedded().unwrap()
}

/// Every `*.yaml`/`*.yml` file under `dir`, by path relative to it, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn every_embedded_scenario_is_in_the_library() {
    let rules = rules();
    let lib = Library::embedded(&rules);
    assert!(lib.errors().is_empty(), "scenarios left out: {:#?}", lib.errors());
    let files: Vec<_> = embedded_files().collect();
    let public = files.iter().filter(|(o, _, _)| *o == Origin::Public).count();
    let own = files.iter().filter(|(o, _, _)| *o == Origin::Own).count();
    // The same files `toets` reads: the shared public ones (vendored) and `scenarios/` recursively.
    let on_disk = |dir: &str| tree(&root().join(dir)).keys().filter(|k| k.ends_with(".yaml") || k.ends_with(".yml")).count();
    assert_eq!(public, on_disk("vendor/shared/scenarios/public"));
    assert_eq!(own, on_disk("scenarios"));
    assert!(public >= 50 && own >= 60, "{public} public, {own} own");
    // One scenario per file in today's corpus; a list file would only add cases.
    assert!(lib.len() >= files.len(), "{} cases from {} files", lib.len(), files.len());
    let public_cases = lib.cases().iter().filter(|c| c.origin == Origin::Public).count();
    assert_eq!(public_cases, public, "each shared file holds one scenario");
}

#[test]
fn the_vendored_shared_scenarios_equal_the_shared_directory() {
    let shared = std::env::var("GRONDSLAG_SHARED").map(PathBuf::from).unwrap_or_else(|_| root().join("../shared"));
    let shared = shared.join("scenarios/public");
    if !shared.is_dir() {
        eprintln!(
            "SKIPPED: {} does not exist, so the vendored copy (vendor/shared/scenarios/public) was not compared with it",
            shared.display()
        );
        return;
    }
    let theirs = tree(&shared);
    let ours = tree(&root().join("vendor/shared/scenarios/public"));
    let only_theirs: Vec<_> = theirs.keys().filter(|k| !ours.contains_key(*k)).collect();
    let only_ours: Vec<_> = ours.keys().filter(|k| !theirs.contains_key(*k)).collect();
    let changed: Vec<_> = theirs.iter().filter(|(k, v)| ours.get(*k).is_some_and(|o| o != *v)).map(|(k, _)| k).collect();
    assert!(
        only_theirs.is_empty() && only_ours.is_empty() && changed.is_empty(),
        "vendor/shared/scenarios/public differs from {}: new {only_theirs:?}, removed {only_ours:?}, changed {changed:?}. \
         Run scripts/vendor-scenarios.sh and commit the result.",
        shared.display()
    );
}

#[test]
fn filters_and_search_select_what_they_say() {
    let rules = rules();
    let lib = Library::embedded(&rules);
    assert_eq!(lib.select(&rules, &Filter::default()).len(), lib.len(), "no filter: everything");

    let recipient = rules.fact("recipient_role").unwrap();
    let vt = Filter { recipient_role: Some("veilig_thuis".into()), ..Filter::default() };
    let to_vt = lib.select(&rules, &vt);
    assert!(!to_vt.is_empty() && to_vt.len() < lib.len());
    for c in &to_vt {
        assert_eq!(rules.value_id(recipient, c.fact(recipient).unwrap()), "veilig_thuis", "{}", c.id());
    }
    let expected = lib.cases().iter().filter(|c| c.fact(recipient).is_some_and(|v| rules.value_id(recipient, v) == "veilig_thuis"));
    assert_eq!(to_vt.len(), expected.count());

    // Filters combine: a narrower filter never gives more.
    let vt_minor = Filter { age: Some(AgeBand::Under12), ..vt.clone() };
    let both = lib.select(&rules, &vt_minor);
    assert!(both.len() <= to_vt.len());
    assert!(both.iter().all(|c| c.age_band() == AgeBand::Under12));
    let bands: usize = AgeBand::ALL.iter().map(|b| lib.select(&rules, &Filter { age: Some(*b), ..Filter::default() }).len()).sum();
    assert_eq!(bands, lib.len(), "every case is in exactly one age band");

    // Search: a word of a title, in other case and without its accents, finds it.
    let case = lib.get("huisarts-verwijst-naar-cardioloog").unwrap();
    let found = lib.select(&rules, &Filter { query: "CARDIOLOOG".into(), ..Filter::default() });
    assert!(found.iter().any(|c| c.id() == case.id()), "{:?}", found.iter().map(|c| c.id()).collect::<Vec<_>>());
    let found = lib.select(&rules, &Filter { query: "client".into(), ..Filter::default() });
    assert!(found.iter().any(|c| c.scenario.title.contains("cliënt") || c.scenario.situation.as_deref().unwrap_or("").contains("cliënt")));
    assert!(lib.select(&rules, &Filter { query: "zzzgeenwoord".into(), ..Filter::default() }).is_empty());

    // Unknown filter values select nothing rather than everything.
    assert!(lib.select(&rules, &Filter { purpose: Some("geen_doel".into()), ..Filter::default() }).is_empty());
    // The options offered are values some case has.
    for (id, _) in lib.values(&rules, recipient) {
        assert!(!lib.select(&rules, &Filter { recipient_role: Some(id.clone()), ..Filter::default() }).is_empty(), "{id}");
    }
}

#[test]
fn no_two_worked_examples_share_a_title() {
    // A reader picks an example by its title; two alike (a case and its variant after a
    // weighing) look like one listed twice.
    let lib = Library::embedded(&rules());
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for c in lib.cases() {
        if let Some(other) = seen.insert(c.scenario.title.as_str(), c.id()) {
            panic!("'{}' and '{}' have the same title: {}", other, c.id(), c.scenario.title);
        }
    }
}
