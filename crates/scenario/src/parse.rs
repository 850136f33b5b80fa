//! Parsing of scenario files. The YAML is first read into a generic tree so that every
//! problem can be reported in Dutch with the file, the scenario id and the exact key.

use std::collections::BTreeMap;

use grondslag_engine::{Facts, JudgmentRecord, Judgments};
use grondslag_rules::{Outcome, RawValue, RuleSet};
use serde_json::Value as J;

#[derive(Debug, Clone, PartialEq)]
pub struct Expect {
    pub outcome: Outcome,
    pub grounds: Vec<String>,
    pub not_grounds: Vec<String>,
    pub conditions: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Scenario {
    pub file: String,
    pub id: String,
    pub title: String,
    pub situation: Option<String>,
    pub sources: Vec<String>,
    /// The facts as written, without the format's defaults.
    pub facts: Facts,
    pub judgments: Judgments,
    pub expect: Expect,
}

/// A problem with a scenario file: which file, which scenario (if known), which key, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    pub file: String,
    pub scenario: Option<String>,
    pub key: Option<String>,
    pub message: String,
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(s) = &self.scenario {
            write!(f, ", scenario '{s}'")?;
        }
        if let Some(k) = &self.key {
            write!(f, ", sleutel '{k}'")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ScenarioError {}

/// Version 1's fact, replaced in version 2 by `child_protection_measure`.
const OTS_ACTIVE: &str = "ots_active";
const MEASURE: &str = "child_protection_measure";
/// FORMAT.md's judgment of statutory exceptions (`judgments.exceptions.good_care` …).
const EXCEPTIONS: &str = "exceptions";

const SCENARIO_KEYS: &[&str] = &["id", "title", "situation", "source", "facts", "judgments", "expect"];
const FACTS_FILE_KEYS: &[&str] = &["id", "title", "situation", "source", "facts", "judgments", "reasons", "expect"];

/// A facts file for `grondslag beoordeel`: `facts:` (as in a scenario), optional `judgments:`
/// and `reasons:` (per judgment set, per criterion, the professional's own words). A scenario
/// file is accepted too; its `expect` is ignored.
pub fn parse_facts_file(rules: &RuleSet, file: &str, content: &str) -> Result<(Facts, Judgments), ScenarioError> {
    let tree = yaml_tree(&Cx { file, scenario: None }, content)?;
    parse_facts_tree(rules, file, &tree)
}

/// [`parse_facts_file`] for a document already read (e.g. a JSON request body): the same keys,
/// checks and Dutch errors, without a detour through YAML.
pub fn parse_facts_tree(rules: &RuleSet, file: &str, tree: &J) -> Result<(Facts, Judgments), ScenarioError> {
    let cx = Cx { file, scenario: None };
    let J::Object(map) = tree else {
        return Err(cx.err(None, "verwacht een mapping met 'facts:'"));
    };
    for k in map.keys() {
        if !FACTS_FILE_KEYS.contains(&k.as_str()) {
            return Err(cx.err(Some(k), format!("onbekende sleutel; toegestaan: {}", FACTS_FILE_KEYS.join(", "))));
        }
    }
    let facts = parse_facts(rules, &cx, map.get("facts"))?;
    let mut judgments = parse_judgments(rules, &cx, map.get("judgments"))?;
    match map.get("reasons") {
        None | Some(J::Null) => {}
        Some(J::Object(rm)) => {
            for (jid, crit) in rm {
                let key = format!("reasons.{jid}");
                let Some(j) = rules.judgment(jid) else {
                    return Err(cx.err(Some(&key), "onbekende afweging"));
                };
                let set = &rules.judgments[j.ix()];
                let J::Object(cm) = crit else {
                    return Err(cx.err(Some(&key), "verwacht per criterium een tekst"));
                };
                let rec = judgments
                    .sets
                    .entry(j)
                    .or_insert_with(|| JudgmentRecord { answers: vec![None; set.criteria.len()], reasons: vec![None; set.criteria.len()] });
                for (cid, val) in cm {
                    let ckey = format!("{key}.{cid}");
                    let Some(i) = set.criteria.iter().position(|c| c.id == *cid) else {
                        return Err(cx.err(Some(&ckey), "onbekend criterium"));
                    };
                    let J::String(text) = val else {
                        return Err(cx.err(Some(&ckey), "verwacht een tekst"));
                    };
                    rec.reasons[i] = Some(text.clone());
                }
            }
        }
        Some(_) => return Err(cx.err(Some("reasons"), "verwacht een mapping")),
    }
    Ok((facts, judgments))
}
const EXPECT_KEYS: &[&str] = &["outcome", "grounds", "not_grounds", "conditions"];

struct Cx<'a> {
    file: &'a str,
    scenario: Option<String>,
}

impl Cx<'_> {
    fn err(&self, key: Option<&str>, message: impl Into<String>) -> ScenarioError {
        ScenarioError {
            file: self.file.to_string(),
            scenario: self.scenario.clone(),
            key: key.map(str::to_string),
            message: message.into(),
        }
    }
}

/// Reads YAML 1.2 into a generic tree; the parser's first line says what is wrong.
fn yaml_tree(cx: &Cx, content: &str) -> Result<J, ScenarioError> {
    serde_saphyr::from_str_with_options(content, grondslag_rules::yaml_options()).map_err(|e| {
        let line = e.location().map(|l| format!(" (regel {})", l.line())).unwrap_or_default();
        let msg = e.to_string();
        let first = msg.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim().to_string();
        cx.err(None, format!("geen geldige YAML{line}: {first}"))
    })
}

/// Parses one file, which holds one scenario (a mapping with `id`) or a list under `scenarios:`.
pub fn parse_file(rules: &RuleSet, file: &str, content: &str) -> Result<Vec<Scenario>, ScenarioError> {
    let cx = Cx { file, scenario: None };
    let tree = yaml_tree(&cx, content)?;
    let J::Object(top) = &tree else {
        return Err(cx.err(None, "verwacht een scenario (met 'id') of een lijst onder 'scenarios:'"));
    };
    if let Some(list) = top.get("scenarios") {
        if top.len() != 1 {
            let extra: Vec<&String> = top.keys().filter(|k| *k != "scenarios").collect();
            return Err(cx.err(extra.first().map(|s| s.as_str()), "naast 'scenarios:' zijn geen andere sleutels toegestaan"));
        }
        let J::Array(items) = list else {
            return Err(cx.err(Some("scenarios"), "verwacht een lijst van scenario's"));
        };
        if items.is_empty() {
            return Err(cx.err(Some("scenarios"), "de lijst is leeg"));
        }
        items.iter().map(|s| parse_one(rules, file, s)).collect()
    } else {
        Ok(vec![parse_one(rules, file, &tree)?])
    }
}

fn parse_one(rules: &RuleSet, file: &str, tree: &J) -> Result<Scenario, ScenarioError> {
    let mut cx = Cx { file, scenario: None };
    let J::Object(map) = tree else {
        return Err(cx.err(None, "een scenario is een mapping met id, title, facts en expect"));
    };
    let id = match map.get("id") {
        Some(J::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(_) => return Err(cx.err(Some("id"), "verwacht een niet-lege tekst")),
        None => return Err(cx.err(Some("id"), "ontbreekt")),
    };
    cx.scenario = Some(id.clone());
    for k in map.keys() {
        if !SCENARIO_KEYS.contains(&k.as_str()) {
            return Err(cx.err(Some(k), format!("onbekende sleutel; toegestaan: {}", SCENARIO_KEYS.join(", "))));
        }
    }
    let title = match map.get("title") {
        Some(J::String(s)) => s.clone(),
        Some(_) => return Err(cx.err(Some("title"), "verwacht een tekst")),
        None => return Err(cx.err(Some("title"), "ontbreekt")),
    };
    let situation = match map.get("situation") {
        Some(J::String(s)) => Some(s.clone()),
        Some(J::Null) | None => None,
        Some(_) => return Err(cx.err(Some("situation"), "verwacht een tekst")),
    };
    let sources = match map.get("source") {
        None | Some(J::Null) => Vec::new(),
        Some(J::String(s)) => vec![s.clone()],
        Some(J::Array(items)) => items
            .iter()
            .map(|i| match i {
                J::String(s) => Ok(s.clone()),
                _ => Err(cx.err(Some("source"), "verwacht een adres of een lijst van adressen")),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(cx.err(Some("source"), "verwacht een adres of een lijst van adressen")),
    };

    let facts = parse_facts(rules, &cx, map.get("facts"))?;
    let judgments = parse_judgments(rules, &cx, map.get("judgments"))?;
    let expect = parse_expect(rules, &cx, map.get("expect"))?;
    Ok(Scenario { file: file.to_string(), id, title, situation, sources, facts, judgments, expect })
}

fn raw(v: &J) -> Option<RawValue> {
    match v {
        J::Bool(b) => Some(RawValue::Bool(*b)),
        J::Number(n) => n.as_i64().map(RawValue::Int),
        J::String(s) => Some(RawValue::Str(s.clone())),
        J::Array(items) => items.iter().map(|i| i.as_str().map(str::to_string)).collect::<Option<Vec<_>>>().map(RawValue::List),
        _ => None,
    }
}

fn parse_facts(rules: &RuleSet, cx: &Cx, v: Option<&J>) -> Result<Facts, ScenarioError> {
    let Some(J::Object(map)) = v else {
        return Err(cx.err(Some("facts"), if v.is_none() { "ontbreekt" } else { "verwacht een mapping van feiten" }));
    };
    let mut facts = Facts::new(rules);
    if map.contains_key(OTS_ACTIVE) && map.contains_key(MEASURE) {
        return Err(cx.err(
            Some(&format!("facts.{OTS_ACTIVE}")),
            format!("gebruik '{OTS_ACTIVE}' (versie 1) of '{MEASURE}' (versie 2), niet allebei"),
        ));
    }
    for (k, val) in map {
        let key = format!("facts.{k}");
        if val.is_null() {
            // An explicitly empty value means "unknown", as if the key were left out.
            continue;
        }
        // Version 1's `ots_active: true` means `child_protection_measure: ots` (FORMAT.md).
        let (k, val) = match (k.as_str(), val) {
            (OTS_ACTIVE, J::Bool(b)) if rules.fact(OTS_ACTIVE).is_none() => (MEASURE, J::String(if *b { "ots" } else { "none" }.into())),
            (OTS_ACTIVE, _) if rules.fact(OTS_ACTIVE).is_none() => return Err(cx.err(Some(&key), "verwacht true of false")),
            _ => (k.as_str(), val.clone()),
        };
        let Some(f) = rules.fact(k) else {
            return Err(cx.err(Some(&key), "onbekend feit"));
        };
        let val = &val;
        let r = raw(val).ok_or_else(|| cx.err(Some(&key), "waarde van het verkeerde type"))?;
        let value = rules.parse_value(f, &r).map_err(|m| cx.err(Some(&key), m))?;
        facts.set(f, value);
    }
    Ok(facts)
}

fn parse_judgments(rules: &RuleSet, cx: &Cx, v: Option<&J>) -> Result<Judgments, ScenarioError> {
    let mut out = Judgments::default();
    let map = match v {
        None | Some(J::Null) => return Ok(out),
        Some(J::Object(m)) => m,
        Some(_) => return Err(cx.err(Some("judgments"), "verwacht een mapping")),
    };
    for (jid, crit) in map {
        let key = format!("judgments.{jid}");
        if jid == EXCEPTIONS && rules.judgment(EXCEPTIONS).is_none() {
            parse_exceptions(rules, cx, &key, crit, &mut out)?;
            continue;
        }
        let Some(j) = rules.judgment(jid) else {
            let known: Vec<&str> = rules.judgments.iter().map(|j| j.id.as_str()).collect();
            return Err(cx.err(Some(&key), format!("onbekende afweging; bekend: {}", known.join(", "))));
        };
        let set = &rules.judgments[j.ix()];
        let J::Object(cm) = crit else {
            return Err(cx.err(Some(&key), "verwacht per criterium true of false"));
        };
        let mut rec = JudgmentRecord { answers: vec![None; set.criteria.len()], reasons: vec![None; set.criteria.len()] };
        let mut answers: BTreeMap<usize, bool> = BTreeMap::new();
        for (cid, val) in cm {
            let ckey = format!("{key}.{cid}");
            let Some(i) = set.criteria.iter().position(|c| c.id == *cid) else {
                let known: Vec<&str> = set.criteria.iter().map(|c| c.id.as_str()).collect();
                return Err(cx.err(Some(&ckey), format!("onbekend criterium; bekend: {}", known.join(", "))));
            };
            let J::Bool(b) = val else {
                return Err(cx.err(Some(&ckey), "verwacht true of false"));
            };
            answers.insert(i, *b);
        }
        for (i, b) in answers {
            rec.answers[i] = Some(b);
        }
        out.sets.insert(j, rec);
    }
    Ok(out)
}

/// `judgments.exceptions`: per statutory exception, `true` = the professional judged that it
/// applies. Each weighing that decides that exception is recorded accordingly: its criteria are
/// worded so that "yes" means the exception does not stand in the way, so `true` records "no".
fn parse_exceptions(rules: &RuleSet, cx: &Cx, key: &str, v: &J, out: &mut Judgments) -> Result<(), ScenarioError> {
    let J::Object(cm) = v else {
        return Err(cx.err(Some(key), "verwacht per uitzondering true of false"));
    };
    for (name, val) in cm {
        let ckey = format!("{key}.{name}");
        if !grondslag_rules::EXCEPTION_KEYS.contains(&name.as_str()) {
            return Err(cx.err(Some(&ckey), format!("onbekende uitzondering; bekend: {}", grondslag_rules::EXCEPTION_KEYS.join(", "))));
        }
        let J::Bool(applies) = val else {
            return Err(cx.err(Some(&ckey), "verwacht true of false"));
        };
        for (i, set) in rules.judgments.iter().enumerate() {
            if set.exception.as_deref() == Some(name.as_str()) {
                let n = set.criteria.len();
                out.sets.insert(
                    grondslag_rules::JudgmentId(i as u16),
                    JudgmentRecord { answers: vec![Some(!applies); n], reasons: vec![None; n] },
                );
            }
        }
    }
    Ok(())
}

fn id_list(rules_has: &dyn Fn(&str) -> bool, cx: &Cx, key: &str, v: Option<&J>, what: &str) -> Result<Vec<String>, ScenarioError> {
    match v {
        None | Some(J::Null) => Ok(Vec::new()),
        Some(J::Array(items)) => items
            .iter()
            .map(|i| match i {
                J::String(s) if rules_has(s) => Ok(s.clone()),
                J::String(s) => Err(cx.err(Some(key), format!("onbekende {what} '{s}'"))),
                _ => Err(cx.err(Some(key), "verwacht een lijst van namen")),
            })
            .collect(),
        Some(_) => Err(cx.err(Some(key), "verwacht een lijst, bijvoorbeeld [consent]")),
    }
}

fn parse_expect(rules: &RuleSet, cx: &Cx, v: Option<&J>) -> Result<Expect, ScenarioError> {
    let Some(J::Object(map)) = v else {
        return Err(cx.err(Some("expect"), if v.is_none() { "ontbreekt" } else { "verwacht een mapping" }));
    };
    for k in map.keys() {
        if !EXPECT_KEYS.contains(&k.as_str()) {
            return Err(cx.err(Some(&format!("expect.{k}")), format!("onbekende sleutel; toegestaan: {}", EXPECT_KEYS.join(", "))));
        }
    }
    let outcome = match map.get("outcome") {
        Some(J::String(s)) => match s.as_str() {
            "must_share" => Outcome::MustShare,
            "may_share" => Outcome::MayShare,
            "may_share_after_weighing" => Outcome::MayShareAfterWeighing,
            "may_not_share" => Outcome::MayNotShare,
            other => {
                return Err(cx.err(
                    Some("expect.outcome"),
                    format!("onbekende uitkomst '{other}'; toegestaan: must_share, may_share, may_share_after_weighing, may_not_share"),
                ));
            }
        },
        Some(_) => return Err(cx.err(Some("expect.outcome"), "verwacht een tekst")),
        None => return Err(cx.err(Some("expect.outcome"), "ontbreekt")),
    };
    let has_ground = |s: &str| rules.ground(s).is_some();
    let has_condition = |s: &str| rules.condition(s).is_some();
    Ok(Expect {
        outcome,
        grounds: id_list(&has_ground, cx, "expect.grounds", map.get("grounds"), "grond")?,
        not_grounds: id_list(&has_ground, cx, "expect.not_grounds", map.get("not_grounds"), "grond")?,
        conditions: id_list(&has_condition, cx, "expect.conditions", map.get("conditions"), "voorwaarde")?,
    })
}
