//! Robustness of the rule loader: random damage to any rule file never panics and is always
//! reported per file in Dutch; specific mistakes give exact errors; the rule-set hash names
//! exactly the bytes that were loaded.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use grondslag_rules::{RuleError, RuleErrors, RuleSet, embedded, load, load_embedded};
use proptest::prelude::*;
use proptest::test_runner::Config;

static EMBEDDED_HASH: LazyLock<String> = LazyLock::new(|| load_embedded().unwrap_or_else(|e| panic!("{e}")).hash);

fn files() -> Vec<(String, String)> {
    embedded().iter().map(|(p, c)| (p.to_string(), c.to_string())).collect()
}

/// The embedded files with `path`'s content replaced.
fn with_file(path: &str, content: String) -> Vec<(String, String)> {
    let mut fs = files();
    let slot = fs.iter_mut().find(|(p, _)| p == path).unwrap_or_else(|| panic!("no embedded file {path}"));
    slot.1 = content;
    fs
}

fn content_of(path: &str) -> String {
    files().into_iter().find(|(p, _)| p == path).map(|(_, c)| c).unwrap_or_else(|| panic!("no embedded file {path}"))
}

/// `content` with the first `from` replaced by `to`, and the 1-based line where it was.
fn replace_first(content: &str, from: &str, to: &str) -> (String, u64) {
    let at = content.find(from).unwrap_or_else(|| panic!("'{from}' not found"));
    let line = content[..at].matches('\n').count() as u64 + 1;
    (format!("{}{to}{}", &content[..at], &content[at + from.len()..]), line)
}

fn load_err(fs: Vec<(String, String)>) -> Vec<RuleError> {
    match load(fs) {
        Ok(_) => panic!("expected the rule set to be rejected"),
        Err(RuleErrors(errs)) => {
            assert!(!errs.is_empty(), "an Err without any error");
            errs
        }
    }
}

fn show(errs: &[RuleError]) -> String {
    errs.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")
}

/// Words of which every loader message contains at least one: the messages are Dutch.
const DUTCH: &[&str] = &[
    "onbekend",
    "kan dit bestand niet lezen",
    "staat er twee keer in",
    "ontbreekt",
    "heeft",
    "noemt geen",
    "niet",
    "ongeldige",
    "gereserveerd",
    "lege lijst",
    "meer dan",
    "leeg",
    "mist",
    "geen",
    "precies één",
];

fn check_errors(errs: &[RuleError], mutated: &str, content: &str) -> Result<(), TestCaseError> {
    prop_assert!(!errs.is_empty(), "an Err without any error");
    let lines = content.lines().count() as u64 + 1;
    for e in errs {
        prop_assert!(!e.file.trim().is_empty(), "error without a file: {:?}", e);
        prop_assert!(!e.message.trim().is_empty(), "error without a message: {:?}", e);
        prop_assert!(DUTCH.iter().any(|w| e.message.contains(w)), "message is not Dutch: {:?}", e);
        prop_assert!(!e.to_string().is_empty());
        if e.file == mutated
            && let Some(l) = e.line
        {
            prop_assert!(l >= 1 && l <= lines, "line {} outside the {} lines of {}: {:?}", l, lines, mutated, e);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Random damage.

/// A position in a file (or in its list of lines, or of identifiers), as a fraction of it.
#[derive(Debug, Clone, Copy)]
struct At(f64);

impl At {
    /// An index in `0..n` (`n` > 0).
    fn index(self, n: usize) -> usize {
        ((self.0 * n as f64) as usize).min(n.saturating_sub(1))
    }
}

fn at() -> impl Strategy<Value = At> {
    (0.0f64..1.0).prop_map(At)
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(At),
    DeleteLine(At),
    DuplicateLine(At),
    SwapLines(At, At),
    Insert(At, String),
    RenameIdentifier(At),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        at().prop_map(Mutation::Truncate),
        at().prop_map(Mutation::DeleteLine),
        at().prop_map(Mutation::DuplicateLine),
        (at(), at()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (at(), "[ -~\n\té€]{1,24}").prop_map(|(i, s)| Mutation::Insert(i, s)),
        at().prop_map(Mutation::RenameIdentifier),
    ]
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Byte ranges of identifier-like words (`recipient_role`, `wgbo-7-457`, `may_share`).
fn identifiers(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let word = ch.is_ascii_alphanumeric() || ch == '_' || ch == '-' || ch == '.';
        match (start, word) {
            (None, true) if ch.is_ascii_alphabetic() || ch == '_' => start = Some(i),
            (Some(b), false) => {
                out.push((b, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn apply(content: &str, m: &Mutation) -> String {
    let lines: Vec<&str> = content.split_inclusive('\n').collect();
    match m {
        Mutation::Truncate(i) => content[..floor_char_boundary(content, i.index(content.len() + 1))].to_string(),
        Mutation::DeleteLine(i) if !lines.is_empty() => {
            let k = i.index(lines.len());
            lines.iter().enumerate().filter(|(j, _)| *j != k).map(|(_, l)| *l).collect()
        }
        Mutation::DuplicateLine(i) if !lines.is_empty() => {
            let k = i.index(lines.len());
            let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            let dup = if out[k].ends_with('\n') { out[k].clone() } else { format!("\n{}", out[k]) };
            out.insert(k + 1, dup);
            out.concat()
        }
        Mutation::SwapLines(a, b) if !lines.is_empty() => {
            let mut out: Vec<String> = lines.iter().map(|l| l.trim_end_matches('\n').to_string()).collect();
            out.swap(a.index(lines.len()), b.index(lines.len()));
            out.join("\n") + "\n"
        }
        Mutation::Insert(i, garbage) => {
            let at = floor_char_boundary(content, i.index(content.len() + 1));
            format!("{}{garbage}{}", &content[..at], &content[at..])
        }
        Mutation::RenameIdentifier(i) => {
            let ids = identifiers(content);
            if ids.is_empty() {
                return content.to_string();
            }
            let (b, e) = ids[i.index(ids.len())];
            format!("{}onbekend_x{}", &content[..b], &content[e..])
        }
        _ => content.to_string(),
    }
}

proptest! {
    #![proptest_config(Config { cases: 192, failure_persistence: None, ..Config::default() })]

    /// Any damage to any one rule file: no panic; either the set loads (and then its hash
    /// tells the changed bytes apart) or every error names a file and says in Dutch what is
    /// wrong, at a line inside the damaged file.
    #[test]
    fn damaged_rule_file_never_panics(file in at(), m in mutation()) {
        let all = files();
        let (path, original) = all[file.index(all.len())].clone();
        let damaged = apply(&original, &m);
        match load(with_file(&path, damaged.clone())) {
            Ok(set) => prop_assert_eq!(set.hash == *EMBEDDED_HASH, damaged == original, "hash does not follow the bytes of {}", path),
            Err(RuleErrors(errs)) => check_errors(&errs, &path, &damaged)?,
        }
    }
}

/// The mutations really damage: over every file, each kind of mutation is rejected at least
/// once (otherwise the property above would be checking nothing).
/// Builds a mutation of one kind at a position.
type MakeMutation = fn(At) -> Mutation;

#[test]
fn mutations_are_mostly_rejected() {
    // Several positions per kind: a mutation that lands in a comment is harmless, so what
    // matters is that each kind is caught somewhere, with a proper error.
    let at = [At(0.25), At(0.5), At(0.75)];
    let kinds: [(&str, MakeMutation); 4] = [
        ("truncate", Mutation::Truncate),
        ("delete line", Mutation::DeleteLine),
        ("insert garbage", |a| Mutation::Insert(a, "\n: : [".into())),
        ("rename identifier", Mutation::RenameIdentifier),
    ];
    for (name, make) in &kinds {
        let mut rejected = 0;
        for (path, content) in files() {
            for a in at {
                let damaged = apply(&content, &make(a));
                if let Err(RuleErrors(errs)) = load(with_file(&path, damaged.clone())) {
                    rejected += 1;
                    check_errors(&errs, &path, &damaged).unwrap();
                }
            }
        }
        assert!(rejected > 0, "no rule file rejected the mutation '{name}': the mutation tests would check nothing");
    }
}

// ---------------------------------------------------------------------------------------
// Specific mistakes.

const ROUTES: &str = "routes/10-geen-derde.yaml";

#[test]
fn unknown_fact_in_route() {
    let (c, line) = replace_first(&content_of(ROUTES), "{fact: recipient_role, is: client}", "{fact: recipent_role, is: client}");
    let errs = load_err(with_file(ROUTES, c));
    let e = errs
        .iter()
        .find(|e| e.message.contains("onbekend feit 'recipent_role'"))
        .unwrap_or_else(|| panic!("no unknown-fact error in:\n{}", show(&errs)));
    assert_eq!(e.file, ROUTES);
    assert_eq!(e.line, Some(line), "{e}");
    assert_eq!(e.to_string(), format!("{ROUTES}:{line}: onbekend feit 'recipent_role'"));
}

#[test]
fn unknown_role_value() {
    let (c, line) = replace_first(&content_of(ROUTES), "{fact: recipient_role, is: client}", "{fact: recipient_role, is: tovenaar}");
    let errs = load_err(with_file(ROUTES, c));
    let e = errs
        .iter()
        .find(|e| e.message.contains("onbekende rol 'tovenaar'"))
        .unwrap_or_else(|| panic!("no unknown-role error in:\n{}", show(&errs)));
    assert_eq!(e.file, ROUTES);
    assert_eq!(e.line, Some(line), "{e}");
}

#[test]
fn unknown_key_in_route() {
    // A key that is not part of the route format, on the line after a route's id.
    let content = content_of(ROUTES);
    let (c, id_line) = replace_first(&content, "  - id: derde.behandelrelatie\n", "  - id: derde.behandelrelatie\n    grond: consent\n");
    let errs = load_err(with_file(ROUTES, c));
    assert_eq!(errs.len(), 1, "{}", show(&errs));
    let e = &errs[0];
    assert_eq!(e.file, ROUTES);
    assert!(e.message.starts_with("kan dit bestand niet lezen"), "{e}");
    assert!(e.message.contains("grond"), "the message does not name the key: {e}");
    let l = e.line.unwrap_or_else(|| panic!("no line: {e}"));
    assert!(l == id_line + 1 || l == id_line, "line {l}, the key is on line {}", id_line + 1);
}

#[test]
fn wrong_type() {
    let (c, line) = replace_first(&content_of(ROUTES), "level: may_share\n", "level: 3\n");
    let errs = load_err(with_file(ROUTES, c));
    assert_eq!(errs.len(), 1, "{}", show(&errs));
    assert_eq!(errs[0].file, ROUTES);
    assert!(errs[0].message.starts_with("kan dit bestand niet lezen"), "{}", errs[0]);
    assert_eq!(errs[0].line, Some(line), "{}", errs[0]);

    // A list where a text belongs.
    let (c, _) = replace_first(&content_of("ruleset.yaml"), "name: grondslag-nl", "name: [grondslag-nl]");
    let errs = load_err(with_file("ruleset.yaml", c));
    assert!(errs.iter().all(|e| e.file == "ruleset.yaml" && e.line.is_some()), "{}", show(&errs));
}

#[test]
fn unknown_source() {
    let content = content_of(ROUTES);
    let at = content.find("    sources: [").unwrap();
    let line = content[..at].matches('\n').count() as u64 + 1;
    let c = format!("{}    sources: [bron-bestaat-niet, {}", &content[..at], &content[at + "    sources: [".len()..]);
    let errs = load_err(with_file(ROUTES, c));
    let e = errs
        .iter()
        .find(|e| e.message.contains("onbekende bron"))
        .unwrap_or_else(|| panic!("no unknown-source error in:\n{}", show(&errs)));
    assert!(e.message.contains("'bron-bestaat-niet'"), "{e}");
    assert_eq!(e.file, ROUTES);
    assert_eq!(e.line, Some(line), "{e}");
}

#[test]
fn route_without_sources() {
    let content = content_of(ROUTES);
    let at = content.find("    sources: [").unwrap();
    let end = at + content[at..].find('\n').unwrap();
    let c = format!("{}    sources: []{}", &content[..at], &content[end..]);
    let errs = load_err(with_file(ROUTES, c));
    assert!(errs.iter().any(|e| e.file == ROUTES && e.message.contains("noemt geen enkele bron")), "{}", show(&errs));
}

/// `sources.yaml` with its first entry changed by `edit`, and the line of that entry's `id`.
fn with_first_source(edit: impl Fn(&str) -> String) -> (Vec<(String, String)>, u64) {
    let content = content_of("sources.yaml");
    let start = content.find("  - id: ").unwrap();
    let end = start + 1 + content[start + 1..].find("\n  - id: ").unwrap();
    let line = content[..start].matches('\n').count() as u64 + 1;
    let entry = edit(&content[start..end]);
    (with_file("sources.yaml", format!("{}{entry}{}", &content[..start], &content[end..])), line)
}

/// Replaces the value of `key` in a source entry (the whole line after `key: `).
fn set_key(entry: &str, key: &str, value: &str) -> String {
    let marker = format!("    {key}: ");
    let at = entry.find(&marker).unwrap_or_else(|| panic!("no {key} in {entry}"));
    let end = at + entry[at..].find('\n').unwrap();
    format!("{}{marker}{value}{}", &entry[..at], &entry[end..])
}

/// The one error about the first source, which must name sources.yaml and the entry's line.
fn source_error(fs: Vec<(String, String)>, line: u64, expect: &str) -> RuleError {
    let errs = load_err(fs);
    let e = errs
        .iter()
        .find(|e| e.message.contains(expect))
        .unwrap_or_else(|| panic!("no error containing '{expect}' in:\n{}", show(&errs)))
        .clone();
    assert_eq!(e.file, "sources.yaml", "{e}");
    assert_eq!(e.line, Some(line), "{e}");
    assert!(e.message.starts_with("bron '"), "the message names the source: {e}");
    assert!(DUTCH.iter().any(|w| e.message.contains(w)), "message is not Dutch: {e}");
    assert!(e.to_string().starts_with(&format!("sources.yaml:{line}: bron '")), "{e}");
    e
}

#[test]
fn internal_documents_and_missing_publishers_are_refused() {
    // An internal working document is never a source a professional can check.
    let (fs, line) = with_first_source(|e| set_key(e, "url", "seed:000_7576c1879134c66d.txt"));
    let e = source_error(fs, line, "intern werkdocument");
    assert!(e.message.contains("seed:000_7576c1879134c66d.txt") && e.message.contains("openbare adres"), "{e}");
    let (fs, line) = with_first_source(|e| set_key(e, "url", "SEED:004.txt"));
    source_error(fs, line, "intern werkdocument");
    let (fs, line) = with_first_source(|e| set_key(e, "kind", "seed"));
    let e = source_error(fs, line, "intern werkdocument");
    assert!(e.message.contains("kind: seed") && e.message.contains("openbare bron"), "{e}");
    // Only a public address (http or https) links the user to the source.
    let (fs, line) = with_first_source(|e| set_key(e, "url", "file:///tmp/bron.pdf"));
    source_error(fs, line, "https://");
    // Every source names its publisher.
    let (fs, line) = with_first_source(|e| {
        let at = e.find("    publisher: ").unwrap();
        let end = at + e[at..].find('\n').unwrap() + 1;
        format!("{}{}", &e[..at], &e[end..])
    });
    let e = source_error(fs, line, "mist de uitgever");
    assert!(e.message.contains("(publisher)"), "{e}");
    let (fs, line) = with_first_source(|e| set_key(e, "publisher", "\"  \""));
    source_error(fs, line, "mist de uitgever");
}

#[test]
fn the_built_in_sources_are_public_and_name_their_publisher() {
    let rules = load_embedded().unwrap();
    for s in &rules.sources {
        assert!(!s.publisher.trim().is_empty(), "{} has no publisher", s.id);
        assert!(!s.kind.eq_ignore_ascii_case("seed") && !s.id.to_lowercase().contains("seed"), "{} is a seed", s.id);
        assert!(s.url.starts_with("https://") || s.url.starts_with("http://"), "{}: {}", s.id, s.url);
    }
}

#[test]
fn unknown_rule_file_and_missing_files() {
    let mut fs = files();
    fs.push(("extra.yaml".into(), "extra: true\n".into()));
    let errs = load_err(fs);
    assert!(errs.iter().any(|e| e.file == "extra.yaml" && e.message.contains("onbekend regelbestand")), "{}", show(&errs));

    let fs: Vec<(String, String)> = files().into_iter().filter(|(p, _)| p != "sources.yaml").collect();
    let errs = load_err(fs);
    assert!(errs.iter().any(|e| e.message.contains("bronnenregister")), "{}", show(&errs));
}

#[test]
fn empty_file_list() {
    let errs = load_err(Vec::new());
    assert!(errs.iter().any(|e| e.file == "ruleset.yaml" && e.message.contains("ontbreekt")), "{}", show(&errs));
    assert!(errs.iter().all(|e| !e.file.is_empty() && !e.message.is_empty()));
}

#[test]
fn empty_file_content() {
    for (path, _) in files() {
        let started = Instant::now();
        match load(with_file(&path, String::new())) {
            Ok(_) => panic!("{path} left empty still loads"),
            Err(RuleErrors(errs)) => assert!(errs.iter().any(|e| e.file == path), "{path}: {}", show(&errs)),
        }
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}

/// Billion laughs: ten levels of ten aliases each (10^10 strings when expanded), as block
/// mappings at the top of a file, or as one flow mapping to put where any value is accepted.
fn bomb(flow: bool) -> String {
    let lol = ["\"lol\""; 10].join(", ");
    let mut entries = vec![format!("a0: &a0 [{lol}]")];
    for i in 1..=9 {
        let prev = vec![format!("*a{}", i - 1); 10].join(", ");
        entries.push(format!("a{i}: &a{i} [{prev}]"));
    }
    if flow { format!("{{{}}}", entries.join(", ")) } else { entries.iter().map(|e| format!("{e}\n")).collect() }
}

fn assert_bomb_defused(path: &str, content: String) {
    let started = Instant::now();
    let result = load(with_file(path, content));
    let took = started.elapsed();
    assert!(took < Duration::from_secs(20), "{path}: a YAML bomb took {took:?}");
    match result {
        Ok(set) => panic!("{path}: a YAML bomb loaded ({} facts)", set.facts.len()),
        Err(RuleErrors(errs)) => {
            assert!(errs.iter().all(|e| e.file == path && !e.message.is_empty()), "{}", show(&errs));
            eprintln!("{path}: bomb rejected in {took:?}: {}", show(&errs));
        }
    }
}

#[test]
fn yaml_bomb_fails_quickly() {
    // Anchors at the top level of a file.
    assert_bomb_defused("notices.yaml", format!("{}notices: *a9\n", bomb(false)));
    // Where the loader must buffer any value before it knows its type: a fact's default
    // (an untagged scalar) and a route's condition entry (an id or an id with `when`).
    let (c, _) = replace_first(&content_of("facts.yaml"), "    default: false\n", &format!("    default: {}\n", bomb(true)));
    assert_bomb_defused("facts.yaml", c);
    let (c, _) = replace_first(&content_of(ROUTES), "    requires:\n", &format!("    conditions: [{}]\n    requires:\n", bomb(true)));
    assert_bomb_defused(ROUTES, c);
}

// ---------------------------------------------------------------------------------------
// The embedded set and its hash.

fn hash_of(fs: Vec<(String, String)>) -> String {
    load(fs).map(|s: RuleSet| s.hash).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn embedded_loads_and_hash_is_stable() {
    let a = load_embedded().unwrap_or_else(|e| panic!("{e}"));
    let b = load_embedded().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.hash, b.hash);
    assert_eq!(a.hash.len(), 64);
    assert!(a.hash.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert!(!a.routes.is_empty() && !a.facts.is_empty() && !a.sources.is_empty());
    // The order in which files are given does not matter.
    let mut reversed = files();
    reversed.reverse();
    assert_eq!(hash_of(reversed), a.hash);
}

#[test]
fn one_byte_changes_the_hash() {
    let base = load_embedded().unwrap().hash;
    for (path, content) in files() {
        // Change one byte of a comment (or append one), so the set still loads.
        let changed = match content.find("# ") {
            Some(at) => format!("{}#-{}", &content[..at], &content[at + 2..]),
            None => format!("{content}#"),
        };
        assert_eq!(changed.len(), content.len() + usize::from(!content.contains("# ")));
        let h = hash_of(with_file(&path, changed));
        assert_ne!(h, base, "changing one byte of {path} left the hash unchanged");
    }
    // Renaming a file changes the hash too (the path is hashed with the content).
    let mut fs = files();
    let slot = fs.iter_mut().find(|(p, _)| p == ROUTES).unwrap();
    slot.0 = "routes/11-geen-derde.yaml".into();
    assert_ne!(hash_of(fs), base);
}

// ---------------------------------------------------------------------------------------
// Limits. The loader reports a rule set beyond its limits as an error; it must not panic on
// the way there.

/// More than 127 roles is reported as an error ("meer dan 127 rollen"), not a panic.
///
/// Ignored: `compile` pushes that error but goes on compiling, and every condition that
/// selects roles by `secrecy`, `tag` or `verschoningsrecht` (or names a role with index ≥ 128)
/// computes `1u128 << i` for every role `i`, which overflows at the 129th role: a panic
/// ("attempt to shift left with overflow") in debug builds, a wrong mask in release builds.
#[test]
fn too_many_roles_is_an_error() {
    let roles = content_of("roles.yaml");
    let mut extra = String::new();
    for i in 0..130 {
        extra.push_str(&format!(
            "  - {{id: extra_rol_{i}, nl: \"Extra {i}\", en: \"Extra {i}\", group: zorg, secrecy: geen, verschoningsrecht: nee, sources: [wet-big-88]}}\n"
        ));
    }
    let c = format!("{}\n{extra}", roles.trim_end());
    let errs = load_err(with_file("roles.yaml", c));
    assert!(errs.iter().any(|e| e.message.contains("meer dan 127 rollen")), "{}", show(&errs));
}

/// An enum with more than 64 values is reported as an error ("meer dan 64 waarden").
///
/// Ignored: `compile` pushes that error but goes on compiling, and a condition naming a value
/// at position ≥ 64 computes `1u64 << i` (`Ctx::enum_mask`): a panic ("attempt to shift left
/// with overflow") in debug builds.
#[test]
fn too_many_enum_values_is_an_error() {
    let facts = content_of("facts.yaml");
    let mut extra = String::new();
    for i in 0..64 {
        extra.push_str(&format!("      - {{id: extra_doel_{i}, nl: \"extra {i}\", en: \"extra {i}\"}}\n"));
    }
    // Before `care`, so that every condition on `purpose: care` names value 64.
    let (c, _) = replace_first(&facts, "      - {id: care,", &format!("{extra}      - {{id: care,"));
    let errs = load_err(with_file("facts.yaml", c));
    assert!(errs.iter().any(|e| e.message.contains("meer dan 64 waarden")), "{}", show(&errs));
}

/// FORMAT.md and the rule files are YAML 1.2, where `yes`, `no`, `on`, `off`, `y` and `n` are
/// strings. A rule written `is: yes` must be rejected, not read as `is: true`.
///
/// Ignored: `options()` in lib.rs uses serde-saphyr's defaults (`strict_booleans: false`), so
/// the YAML 1.1 spellings (case-insensitively) are read as booleans and the set loads.
#[test]
fn yaml_1_1_booleans_in_rules_are_rejected() {
    let (c, _) = replace_first(
        &content_of(ROUTES),
        "{fact: recipient_in_treatment_relation, is: true}",
        "{fact: recipient_in_treatment_relation, is: yes}",
    );
    load_err(with_file(ROUTES, c));
    let (c, _) = replace_first(&content_of("facts.yaml"), "    default: false\n", "    default: no\n");
    load_err(with_file("facts.yaml", c));
}

/// An early place must come before the fact's ordinary place, and its condition must compile.
#[test]
fn an_early_place_must_be_earlier_and_well_formed() {
    let facts = content_of("facts.yaml");
    let (c, _) = replace_first(&facts, "      order: 45\n", "      order: 200\n");
    let errs = load_err(with_file("facts.yaml", c));
    assert!(errs.iter().any(|e| e.message.contains("'early.order' moet kleiner zijn")), "{}", show(&errs));
    let (c, _) = replace_first(&facts, "prevent_serious_harm]}", "geen_doel]}");
    let errs = load_err(with_file("facts.yaml", c));
    assert!(errs.iter().any(|e| e.message.contains("onbekende waarde 'geen_doel'")), "{}", show(&errs));
}
