//! The compiled, typed rule set. Every reference has been resolved to an index, so the
//! engine never looks anything up by name and can never meet a dangling reference.

use serde::Serialize;
use time::Date;

pub use crate::spec::{AvgKind, Level, Outcome, Secrecy, SourceStatus, Verschoningsrecht};

/// Dutch first, English second.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub nl: String,
    pub en: String,
}

impl Text {
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Self {
        Text { nl: nl.into(), en: en.into() }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

macro_rules! index_type {
    ($($name:ident),*) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub struct $name(pub u16);
        impl $name {
            pub fn ix(self) -> usize { self.0 as usize }
        }
    )*};
}
index_type!(SourceId, FactId, RoleId, GroundId, AvgId, ConditionId, JudgmentId, PredId, RouteId);

#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub name: String,
    pub version: String,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
    pub description: Text,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub id: String,
    pub kind: String,
    /// Who publishes it, as users see it ("KNMG", "Overheid.nl (wetten.overheid.nl)" …).
    pub publisher: String,
    pub title: String,
    pub citation: String,
    pub url: String,
    pub status: SourceStatus,
    /// For maintainers only (what is uncertain and why); never rendered for users.
    pub note: Option<String>,
}

/// The answer domain of a fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Domain {
    Bool,
    /// One value out of a list (at most 64).
    Enum(Vec<ValueDef>),
    /// A non-empty subset of a list (at most 64 values), stored as a bit mask.
    Set(Vec<ValueDef>),
    /// A role from the role list; `allow_none` adds `none` (nobody).
    Role {
        allow_none: bool,
    },
    /// Age in whole years, or only "adult".
    Age,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValueDef {
    pub id: String,
    pub label: Text,
    pub help: Option<Text>,
}

/// A fact's answer. Enum and set values index into the fact's own value list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Value {
    Bool(bool),
    Enum(u8),
    Set(u64),
    /// `None` is the explicit answer "nobody" (`none`) of a role-or-none fact.
    Role(Option<RoleId>),
    Age(Age),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Age {
    Years(u8),
    /// Of age (18 or older) without a precise number.
    Adult,
}

#[derive(Debug, Clone)]
pub struct Fact {
    pub id: String,
    pub domain: Domain,
    pub default: Option<Value>,
    pub label: Text,
    pub question: Text,
    pub why: Text,
    pub answered_by: String,
    pub order: u32,
    pub changeable: bool,
    /// An earlier place in the question order while a condition holds.
    pub early: Option<EarlyOrder>,
    pub sources: Vec<SourceId>,
}

/// A fact's earlier place in the question order while `when` holds (only the order changes:
/// whether it is asked at all is still the engine's "can this answer change anything?").
#[derive(Debug, Clone)]
pub struct EarlyOrder {
    pub when: Node,
    pub order: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tag {
    pub id: String,
    pub label: Text,
}

#[derive(Debug, Clone, Serialize)]
pub struct Role {
    pub id: String,
    pub label: Text,
    pub group: String,
    pub secrecy: Secrecy,
    pub verschoningsrecht: Verschoningsrecht,
    pub tags: Vec<usize>,
    pub sources: Vec<SourceId>,
    pub note: Option<Text>,
}

/// A set of roles (plus the answer `none`), as a bit mask over role indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RoleMask {
    pub roles: u128,
    pub none: bool,
}

impl RoleMask {
    pub fn contains(&self, role: Option<RoleId>) -> bool {
        match role {
            Some(r) => r.0 < 128 && self.roles & (1u128 << r.0) != 0,
            None => self.none,
        }
    }
}

/// A condition node with the words it is shown with in a trace.
#[derive(Debug, Clone)]
pub struct Node {
    pub text: Text,
    pub cond: Cond,
}

#[derive(Debug, Clone)]
pub enum Cond {
    All(Vec<Node>),
    Any(Vec<Node>),
    Not(Box<Node>),
    Ref(PredId),
    /// Bool fact equals the value.
    BoolIs(FactId, bool),
    /// Enum fact takes one of the values (bit mask over the value list).
    EnumIn(FactId, u64),
    /// Role fact is one of the roles.
    RoleIn(FactId, RoleMask),
    /// Set fact shares at least one value with the mask.
    SetContainsAny(FactId, u64),
    /// Every value of the set fact is in the mask.
    SetSubsetOf(FactId, u64),
    AgeBelow(FactId, u8),
    AgeAtLeast(FactId, u8),
    /// Two role facts name the same role.
    SameRole(FactId, FactId),
}

impl Cond {
    /// The fact a single-fact condition reads; `None` for combinators, references and
    /// two-fact comparisons.
    pub fn atom_fact(&self) -> Option<FactId> {
        match self {
            Cond::BoolIs(f, _)
            | Cond::EnumIn(f, _)
            | Cond::RoleIn(f, _)
            | Cond::SetContainsAny(f, _)
            | Cond::SetSubsetOf(f, _)
            | Cond::AgeBelow(f, _)
            | Cond::AgeAtLeast(f, _) => Some(*f),
            Cond::All(_) | Cond::Any(_) | Cond::Not(_) | Cond::Ref(_) | Cond::SameRole(..) => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Predicate {
    pub id: String,
    pub label: Text,
    pub when: Node,
}

#[derive(Debug, Clone, Serialize)]
pub struct Ground {
    pub id: String,
    pub label: Text,
    pub explanation: Text,
    pub sources: Vec<SourceId>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AvgBasis {
    pub id: String,
    pub kind: AvgKind,
    pub article: String,
    pub label: Text,
    pub sources: Vec<SourceId>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConditionDef {
    pub id: String,
    pub label: Text,
    pub sources: Vec<SourceId>,
}

/// Adds conditions to an answer whenever `when` holds (and the outcome is one of `outcomes`).
#[derive(Debug, Clone)]
pub struct ConditionRule {
    pub id: String,
    pub outcomes: Option<Vec<Outcome>>,
    pub when: Option<Node>,
    pub add: Vec<ConditionId>,
    pub sources: Vec<SourceId>,
}

#[derive(Debug, Clone, Serialize)]
pub struct JudgmentSet {
    pub id: String,
    pub title: Text,
    pub intro: Text,
    pub criteria: Vec<Criterion>,
    /// FORMAT.md's name for the statutory exception this weighing decides, if any.
    pub exception: Option<String>,
    pub sources: Vec<SourceId>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Criterion {
    pub id: String,
    pub label: Text,
    pub help: Option<Text>,
}

#[derive(Debug, Clone)]
pub struct Notice {
    pub id: String,
    pub when: Node,
    pub text: Text,
    pub uncertain: bool,
    pub sources: Vec<SourceId>,
}

#[derive(Debug, Clone)]
pub struct RecordItem {
    pub id: String,
    pub text: Text,
    pub outcomes: Option<Vec<Outcome>>,
    pub when: Option<Node>,
    pub sources: Vec<SourceId>,
}

/// One lawful way to share: a ground in the beroepsgeheim layer together with its AVG basis.
#[derive(Debug, Clone)]
pub struct Route {
    pub id: String,
    pub ground: Option<GroundId>,
    pub title: Text,
    pub holds: Text,
    pub counterfactual: Option<Text>,
    /// The outcome this route gives once its judgment (if any) is recorded positively.
    pub level: Level,
    pub judgment: Option<JudgmentId>,
    /// A statutory exception to the duty, decided by the professional where the facts point to it.
    pub exception: Option<RouteException>,
    /// Level caps: where `when` holds, the route gives at most `level`.
    pub limits: Vec<(Node, Level)>,
    /// Beroepsgeheim-layer requirements (all must hold).
    pub requires: Vec<Node>,
    /// Requirements (by index into `requires`) that come from a professional standard.
    pub standard_requires: Vec<(usize, SourceId)>,
    pub avg_basis: Vec<AvgId>,
    /// AVG-layer requirements (all must hold).
    pub avg_requires: Vec<Node>,
    pub avg_note: Option<Text>,
    pub conditions: Vec<(ConditionId, Option<Node>)>,
    pub sources: Vec<SourceId>,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
    pub uncertain: Option<Text>,
}

#[derive(Debug, Clone)]
pub struct RouteException {
    pub judgment: JudgmentId,
    pub points_to: Node,
}

impl Route {
    pub fn in_force(&self, date: Date) -> bool {
        self.valid_from <= date && self.valid_to.is_none_or(|to| date < to)
    }
}

/// The whole law as data, compiled.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub meta: Meta,
    /// SHA-256 (hex) over every rule file's path and bytes, in path order.
    pub hash: String,
    pub sources: Vec<Source>,
    pub facts: Vec<Fact>,
    pub tags: Vec<Tag>,
    pub roles: Vec<Role>,
    pub predicates: Vec<Predicate>,
    pub grounds: Vec<Ground>,
    pub avg_bases: Vec<AvgBasis>,
    pub conditions: Vec<ConditionDef>,
    pub condition_rules: Vec<ConditionRule>,
    pub judgments: Vec<JudgmentSet>,
    pub notices: Vec<Notice>,
    pub record: Vec<RecordItem>,
    pub routes: Vec<Route>,
    /// Per fact, one representative answer per class of answers the rules cannot tell apart.
    pub representatives: Vec<Vec<Value>>,
}

impl RuleSet {
    pub fn fact(&self, id: &str) -> Option<FactId> {
        self.facts.iter().position(|f| f.id == id).map(|i| FactId(i as u16))
    }
    pub fn role(&self, id: &str) -> Option<RoleId> {
        self.roles.iter().position(|r| r.id == id).map(|i| RoleId(i as u16))
    }
    pub fn ground(&self, id: &str) -> Option<GroundId> {
        self.grounds.iter().position(|g| g.id == id).map(|i| GroundId(i as u16))
    }
    pub fn condition(&self, id: &str) -> Option<ConditionId> {
        self.conditions.iter().position(|c| c.id == id).map(|i| ConditionId(i as u16))
    }
    pub fn judgment(&self, id: &str) -> Option<JudgmentId> {
        self.judgments.iter().position(|j| j.id == id).map(|i| JudgmentId(i as u16))
    }
    pub fn source(&self, id: SourceId) -> &Source {
        &self.sources[id.ix()]
    }

    /// Parses an answer written as text (YAML scalar or CLI input) for `fact`.
    /// Errors are Dutch and say which answers are allowed.
    pub fn parse_value(&self, fact: FactId, raw: &RawValue) -> Result<Value, String> {
        let f = &self.facts[fact.ix()];
        match (&f.domain, raw) {
            (Domain::Bool, RawValue::Bool(b)) => Ok(Value::Bool(*b)),
            (Domain::Bool, _) => Err("verwacht true of false".into()),
            (Domain::Enum(values), RawValue::Str(s)) => values
                .iter()
                .position(|v| v.id == *s)
                .map(|i| Value::Enum(i as u8))
                .ok_or_else(|| unknown_value(s, values.iter().map(|v| v.id.as_str()))),
            (Domain::Enum(_), _) => Err("verwacht één waarde (tekst)".into()),
            (Domain::Set(values), RawValue::List(items)) => {
                // An empty list is an answer too: nothing of these kinds, e.g. anonymous advice.
                let mut mask = 0u64;
                for s in items {
                    let i = values.iter().position(|v| v.id == *s).ok_or_else(|| unknown_value(s, values.iter().map(|v| v.id.as_str())))?;
                    mask |= 1 << i;
                }
                Ok(Value::Set(mask))
            }
            (Domain::Set(_), _) => Err("verwacht een lijst, bijvoorbeeld [health, contact]".into()),
            (Domain::Role { allow_none }, RawValue::Str(s)) => {
                if *allow_none && s == "none" {
                    return Ok(Value::Role(None));
                }
                self.role(s).map(|r| Value::Role(Some(r))).ok_or_else(|| {
                    let mut msg = format!("onbekende rol '{s}'");
                    if *allow_none {
                        msg.push_str(" (of 'none' als niemand erom vraagt)");
                    }
                    msg
                })
            }
            (Domain::Role { .. }, _) => Err("verwacht een rol (tekst)".into()),
            (Domain::Age, RawValue::Int(n)) if (0..=130).contains(n) => Ok(Value::Age(Age::Years(*n as u8))),
            (Domain::Age, RawValue::Int(n)) => Err(format!("leeftijd {n} ligt niet tussen 0 en 130")),
            (Domain::Age, RawValue::Str(s)) if s == "adult" => Ok(Value::Age(Age::Adult)),
            (Domain::Age, _) => Err("verwacht een leeftijd in jaren of 'adult'".into()),
        }
    }

    /// The canonical written form of a value (as in scenario files).
    pub fn value_id(&self, fact: FactId, value: Value) -> String {
        let f = &self.facts[fact.ix()];
        match (&f.domain, value) {
            (_, Value::Bool(b)) => b.to_string(),
            (Domain::Enum(vs), Value::Enum(i)) => vs.get(i as usize).map(|v| v.id.clone()).unwrap_or_default(),
            (Domain::Set(vs), Value::Set(m)) => {
                let ids: Vec<&str> = vs.iter().enumerate().filter(|(i, _)| m & (1 << i) != 0).map(|(_, v)| v.id.as_str()).collect();
                format!("[{}]", ids.join(", "))
            }
            (_, Value::Role(Some(r))) => self.roles.get(r.ix()).map(|r| r.id.clone()).unwrap_or_default(),
            (_, Value::Role(None)) => "none".into(),
            (_, Value::Age(Age::Years(n))) => n.to_string(),
            (_, Value::Age(Age::Adult)) => "adult".into(),
            _ => String::new(),
        }
    }

    /// How a value reads for a person.
    pub fn value_label(&self, fact: FactId, value: Value, lang: Lang) -> String {
        let f = &self.facts[fact.ix()];
        match (&f.domain, value) {
            (_, Value::Bool(true)) => if lang == Lang::Nl { "ja" } else { "yes" }.into(),
            (_, Value::Bool(false)) => if lang == Lang::Nl { "nee" } else { "no" }.into(),
            (Domain::Enum(vs), Value::Enum(i)) => vs.get(i as usize).map(|v| v.label.get(lang).to_string()).unwrap_or_default(),
            (Domain::Set(vs), Value::Set(m)) => vs
                .iter()
                .enumerate()
                .filter(|(i, _)| m & (1 << i) != 0)
                .map(|(_, v)| v.label.get(lang).to_string())
                .collect::<Vec<_>>()
                .join(", "),
            (_, Value::Role(Some(r))) => self.roles.get(r.ix()).map(|r| r.label.get(lang).to_string()).unwrap_or_default(),
            (_, Value::Role(None)) => if lang == Lang::Nl { "niemand (eigen initiatief)" } else { "nobody (own initiative)" }.into(),
            (_, Value::Age(Age::Years(n))) => {
                if lang == Lang::Nl {
                    format!("{n} jaar")
                } else {
                    format!("{n} years")
                }
            }
            (_, Value::Age(Age::Adult)) => if lang == Lang::Nl { "meerderjarig" } else { "adult" }.into(),
            _ => String::new(),
        }
    }
}

fn unknown_value<'a>(got: &str, allowed: impl Iterator<Item = &'a str>) -> String {
    let list: Vec<&str> = allowed.collect();
    format!("onbekende waarde '{got}'; toegestaan: {}", list.join(", "))
}

/// An answer as written, before it is checked against the fact's domain.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    Bool(bool),
    Int(i64),
    Str(String),
    List(Vec<String>),
}
