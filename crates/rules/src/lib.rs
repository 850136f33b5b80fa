//! The law as data. Rule files (YAML, written by legal maintainers) are parsed into typed
//! structs, every reference is resolved, and anything wrong is reported with file, line and
//! a Dutch message. Parsing is pure: [`load`] takes file names and contents; only
//! [`load_dir`] touches the file system.

mod classes;
mod compile;
mod model;
mod spec;

use std::fmt;
use std::path::Path;

use sha2::{Digest, Sha256};

pub use classes::candidates;
pub use compile::{EXCEPTION_KEYS, STATUTORY_GROUNDS, secrecy_en, secrecy_nl};
pub use model::*;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// One problem in one file (a rule file; the kennisbank reuses it for its articles).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: Option<u64>,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Every problem found while loading a rule set (or the kennisbank).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleErrors(pub Vec<RuleError>);

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RuleErrors {}

/// How every YAML file of Grondslag is read (rules, scenarios, facts files): YAML 1.2
/// booleans only (`yes` is a string, not true), duplicate keys are an error, and the parser's
/// budgets stop alias bombs.
pub fn yaml_options() -> serde_saphyr::Options {
    let mut o = serde_saphyr::Options::default();
    o.strict_booleans = true;
    o.duplicate_keys = serde_saphyr::options::DuplicateKeyPolicy::Error;
    o
}

fn parse<T: for<'de> serde::Deserialize<'de>>(file: &str, content: &str) -> Result<T, RuleError> {
    serde_saphyr::from_str_with_options(content, yaml_options()).map_err(|e| {
        let line = e.location().map(|l| l.line()).filter(|l| *l > 0);
        RuleError { file: file.to_string(), line, message: format!("kan dit bestand niet lezen: {}", first_line(&e.to_string())) }
    })
}

fn first_line(s: &str) -> String {
    // The parser's message may carry a multi-line source snippet; the first line says what is wrong.
    s.lines().find(|l| !l.trim().is_empty()).unwrap_or(s).trim().to_string()
}

/// The rule set compiled into this binary.
pub fn embedded() -> &'static [(&'static str, &'static str)] {
    embedded::EMBEDDED
}

/// Loads the rule set that was compiled into the binary.
pub fn load_embedded() -> Result<RuleSet, RuleErrors> {
    load(embedded::EMBEDDED.iter().map(|(p, c)| (p.to_string(), c.to_string())).collect())
}

/// Loads a rule set from `(relative path, content)` pairs. Pure: no file system access.
pub fn load(mut files: Vec<(String, String)>) -> Result<RuleSet, RuleErrors> {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut hasher = Sha256::new();
    for (path, content) in &files {
        // Length-prefixed, so no two different file sets hash alike.
        hasher.update((path.len() as u64).to_be_bytes());
        hasher.update(path.as_bytes());
        hasher.update((content.len() as u64).to_be_bytes());
        hasher.update(content.as_bytes());
    }
    let hash: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();

    let mut parsed = compile::Parsed::default();
    let mut errors = Vec::new();
    for (path, content) in &files {
        let name = path.rsplit('/').next().unwrap_or(path);
        let in_routes = path.starts_with("routes/");
        macro_rules! put {
            ($field:ident, $ty:ty) => {
                match parse::<$ty>(path, content) {
                    Ok(v) => parsed.$field.push((path.clone(), v)),
                    Err(e) => errors.push(e),
                }
            };
        }
        match (in_routes, name) {
            (true, _) => put!(routes, spec::RoutesFile),
            (false, "ruleset.yaml") => match parse::<spec::RulesetFile>(path, content) {
                Ok(v) => parsed.ruleset = Some((path.clone(), v.ruleset)),
                Err(e) => errors.push(e),
            },
            (false, "sources.yaml") => put!(sources, spec::SourcesFile),
            (false, "facts.yaml") => put!(facts, spec::FactsFile),
            (false, "roles.yaml") => put!(roles, spec::RolesFile),
            (false, "predicates.yaml") => put!(predicates, spec::PredicatesFile),
            (false, "grounds.yaml") => put!(grounds, spec::GroundsFile),
            (false, "avg.yaml") => put!(avg, spec::AvgFile),
            (false, "conditions.yaml") => put!(conditions, spec::ConditionsFile),
            (false, "judgments.yaml") => put!(judgments, spec::JudgmentsFile),
            (false, "notices.yaml") => put!(notices, spec::NoticesFile),
            (false, "dossier.yaml") => put!(dossier, spec::DossierFile),
            (false, _) => errors.push(RuleError {
                file: path.clone(),
                line: None,
                message: "onbekend regelbestand; verwacht ruleset, sources, facts, roles, predicates, grounds, avg, conditions, judgments, notices, dossier of routes/*.yaml".into(),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(RuleErrors(errors));
    }
    compile::compile(parsed, hash)
}

/// Reads every `*.yaml` below `dir` and loads it.
pub fn load_dir(dir: &Path) -> Result<RuleSet, RuleErrors> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    collect(dir, dir, &mut files, &mut errors);
    if !errors.is_empty() {
        return Err(RuleErrors(errors));
    }
    if files.is_empty() {
        return Err(RuleErrors(vec![RuleError {
            file: dir.display().to_string(),
            line: None,
            message: "geen regelbestanden (*.yaml) gevonden".into(),
        }]));
    }
    load(files)
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>, errors: &mut Vec<RuleError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(RuleError { file: dir.display().to_string(), line: None, message: format!("kan map niet lezen: {e}") });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files, errors);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            match std::fs::read_to_string(&path) {
                Ok(c) => files.push((rel, c)),
                Err(e) => errors.push(RuleError { file: rel, line: None, message: format!("kan bestand niet lezen: {e}") }),
            }
        }
    }
}
