//! Kleene three-valued logic over partial facts. A fact nobody answered is `Unknown`, and a
//! condition is only `True` or `False` when its answer no longer depends on what is unknown.
//! Because `True` and `False` never flip as facts are added, an outcome once determined stays
//! determined: that monotonicity is what lets the engine stop asking.

use grondslag_rules::{Age, Cond, FactId, Node, RuleSet, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    pub fn from_bool(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }
    pub fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }
    pub fn or(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }
    pub fn negate(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

/// Read access to answers, so a caller can try "what if this fact were X" without copying.
pub trait FactSource {
    fn get(&self, fact: FactId) -> Option<Value>;
}

/// The answers given so far, indexed by fact.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Facts {
    values: Vec<Option<Value>>,
}

impl Facts {
    pub fn new(rules: &RuleSet) -> Self {
        Facts { values: vec![None; rules.facts.len()] }
    }
    pub fn set(&mut self, fact: FactId, value: Value) {
        if let Some(slot) = self.values.get_mut(fact.ix()) {
            *slot = Some(value);
        }
    }
    pub fn unset(&mut self, fact: FactId) {
        if let Some(slot) = self.values.get_mut(fact.ix()) {
            *slot = None;
        }
    }
    pub fn known(&self) -> impl Iterator<Item = (FactId, Value)> + '_ {
        self.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (FactId(i as u16), v)))
    }
    /// Fills every unanswered fact that has a default (the scenario format's defaults).
    pub fn with_defaults(mut self, rules: &RuleSet) -> Self {
        for (i, f) in rules.facts.iter().enumerate() {
            if self.values.get(i).is_some_and(|v| v.is_none())
                && let Some(d) = f.default
            {
                self.values[i] = Some(d);
            }
        }
        self
    }
}

impl FactSource for Facts {
    fn get(&self, fact: FactId) -> Option<Value> {
        self.values.get(fact.ix()).copied().flatten()
    }
}

/// The answers with one fact replaced: a probe for "could this answer change anything".
pub struct WithOverride<'a> {
    pub base: &'a Facts,
    pub fact: FactId,
    pub value: Value,
}

impl FactSource for WithOverride<'_> {
    fn get(&self, fact: FactId) -> Option<Value> {
        if fact == self.fact { Some(self.value) } else { self.base.get(fact) }
    }
}

pub fn eval(rules: &RuleSet, node: &Node, facts: &dyn FactSource) -> Tri {
    eval_cond(rules, &node.cond, facts)
}

fn eval_cond(rules: &RuleSet, cond: &Cond, facts: &dyn FactSource) -> Tri {
    match cond {
        Cond::All(items) => {
            let mut acc = Tri::True;
            for n in items {
                acc = acc.and(eval(rules, n, facts));
                if acc == Tri::False {
                    break;
                }
            }
            acc
        }
        Cond::Any(items) => {
            let mut acc = Tri::False;
            for n in items {
                acc = acc.or(eval(rules, n, facts));
                if acc == Tri::True {
                    break;
                }
            }
            acc
        }
        Cond::Not(n) => eval(rules, n, facts).negate(),
        Cond::Ref(p) => eval(rules, &rules.predicates[p.ix()].when, facts),
        Cond::BoolIs(f, want) => match facts.get(*f) {
            Some(Value::Bool(b)) => Tri::from_bool(b == *want),
            _ => Tri::Unknown,
        },
        Cond::EnumIn(f, mask) => match facts.get(*f) {
            Some(Value::Enum(i)) => Tri::from_bool(mask & (1 << i) != 0),
            _ => Tri::Unknown,
        },
        Cond::RoleIn(f, mask) => match facts.get(*f) {
            Some(Value::Role(r)) => Tri::from_bool(mask.contains(r)),
            _ => Tri::Unknown,
        },
        Cond::SetContainsAny(f, mask) => match facts.get(*f) {
            Some(Value::Set(s)) => Tri::from_bool(s & mask != 0),
            _ => Tri::Unknown,
        },
        Cond::SetSubsetOf(f, mask) => match facts.get(*f) {
            Some(Value::Set(s)) => Tri::from_bool(s & !mask == 0),
            _ => Tri::Unknown,
        },
        Cond::AgeBelow(f, n) => match facts.get(*f) {
            Some(Value::Age(Age::Years(y))) => Tri::from_bool(y < *n),
            // "Adult" means 18 or older: below 18 or lower is certainly false, above is unknown.
            Some(Value::Age(Age::Adult)) => {
                if *n <= 18 {
                    Tri::False
                } else {
                    Tri::Unknown
                }
            }
            _ => Tri::Unknown,
        },
        Cond::AgeAtLeast(f, n) => match facts.get(*f) {
            Some(Value::Age(Age::Years(y))) => Tri::from_bool(y >= *n),
            Some(Value::Age(Age::Adult)) => {
                if *n <= 18 {
                    Tri::True
                } else {
                    Tri::Unknown
                }
            }
            _ => Tri::Unknown,
        },
        Cond::SameRole(a, b) => match (facts.get(*a), facts.get(*b)) {
            (Some(Value::Role(x)), Some(Value::Role(y))) => Tri::from_bool(x.is_some() && x == y),
            _ => Tri::Unknown,
        },
    }
}

/// Every fact a condition reads, following predicate references.
pub fn facts_of(rules: &RuleSet, node: &Node, out: &mut Vec<FactId>) {
    match &node.cond {
        Cond::All(items) | Cond::Any(items) => items.iter().for_each(|n| facts_of(rules, n, out)),
        Cond::Not(n) => facts_of(rules, n, out),
        Cond::Ref(p) => facts_of(rules, &rules.predicates[p.ix()].when, out),
        c @ (Cond::BoolIs(..)
        | Cond::EnumIn(..)
        | Cond::RoleIn(..)
        | Cond::SetContainsAny(..)
        | Cond::SetSubsetOf(..)
        | Cond::AgeBelow(..)
        | Cond::AgeAtLeast(..)) => {
            if let Some(f) = c.atom_fact()
                && !out.contains(&f)
            {
                out.push(f)
            }
        }
        Cond::SameRole(a, b) => {
            for f in [a, b] {
                if !out.contains(f) {
                    out.push(*f)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Tri::*;

    #[test]
    fn kleene_tables() {
        assert_eq!(True.and(Unknown), Unknown);
        assert_eq!(False.and(Unknown), False);
        assert_eq!(True.or(Unknown), True);
        assert_eq!(False.or(Unknown), Unknown);
        assert_eq!(Unknown.negate(), Unknown);
        assert_eq!(True.negate(), False);
    }
}
