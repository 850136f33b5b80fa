//! Answer classes: for each fact, the answers that no condition in the rule set can tell
//! apart are interchangeable, so one representative per class stands for all of them. This
//! keeps "could any answer change this?" and the exhaustive rule check finite and small,
//! without losing a single distinction the rules make.

use std::collections::BTreeMap;

use crate::model::*;

/// Whether a single-fact atom holds for `value`; `None` for nodes that are not such atoms.
fn atom_holds(cond: &Cond, value: Value) -> Option<bool> {
    Some(match (cond, value) {
        (Cond::BoolIs(_, want), Value::Bool(b)) => b == *want,
        (Cond::EnumIn(_, mask), Value::Enum(i)) => mask & (1 << i) != 0,
        (Cond::RoleIn(_, mask), Value::Role(r)) => mask.contains(r),
        (Cond::SetContainsAny(_, mask), Value::Set(s)) => s & mask != 0,
        (Cond::SetSubsetOf(_, mask), Value::Set(s)) => s & !mask == 0,
        (Cond::AgeBelow(_, n), Value::Age(Age::Years(y))) => y < *n,
        (Cond::AgeAtLeast(_, n), Value::Age(Age::Years(y))) => y >= *n,
        // "Adult" is its own class: it is kept as a separate representative below.
        (Cond::AgeBelow(_, n), Value::Age(Age::Adult)) => 18 < *n,
        (Cond::AgeAtLeast(_, n), Value::Age(Age::Adult)) => 18 >= *n,
        _ => return None,
    })
}

fn walk<'a>(node: &'a Node, atoms: &mut Vec<&'a Cond>, pairs: &mut Vec<(FactId, FactId)>) {
    match &node.cond {
        Cond::All(items) | Cond::Any(items) => items.iter().for_each(|n| walk(n, atoms, pairs)),
        Cond::Not(n) => walk(n, atoms, pairs),
        Cond::SameRole(a, b) => pairs.push((*a, *b)),
        Cond::Ref(_) => {} // predicates are walked once, on their own
        c => atoms.push(c),
    }
}

/// Every answer a fact can take, as a finite candidate list.
pub fn candidates(rules: &RuleSet, fact: FactId) -> Vec<Value> {
    match &rules.facts[fact.ix()].domain {
        Domain::Bool => vec![Value::Bool(true), Value::Bool(false)],
        Domain::Enum(vs) => (0..vs.len()).map(|i| Value::Enum(i as u8)).collect(),
        Domain::Set(vs) => {
            // Non-empty subsets; lists longer than 12 values fall back to singletons plus all.
            if vs.len() <= 12 {
                (0u64..(1u64 << vs.len())).map(Value::Set).collect()
            } else {
                let mut v: Vec<Value> = std::iter::once(Value::Set(0)).chain((0..vs.len()).map(|i| Value::Set(1 << i))).collect();
                v.push(Value::Set(if vs.len() >= 64 { u64::MAX } else { (1u64 << vs.len()) - 1 }));
                v
            }
        }
        Domain::Role { allow_none } => {
            let mut v: Vec<Value> = (0..rules.roles.len()).map(|i| Value::Role(Some(RoleId(i as u16)))).collect();
            if *allow_none {
                v.push(Value::Role(None));
            }
            v
        }
        Domain::Age => (0u8..=120).map(|y| Value::Age(Age::Years(y))).chain(std::iter::once(Value::Age(Age::Adult))).collect(),
    }
}

/// One representative answer per class, for every fact (indexed by fact).
pub fn representatives(rules: &RuleSet) -> Vec<Vec<Value>> {
    let mut atoms: Vec<&Cond> = Vec::new();
    let mut pairs: Vec<(FactId, FactId)> = Vec::new();
    let mut nodes: Vec<&Node> = Vec::new();
    for r in &rules.routes {
        nodes.extend(r.requires.iter());
        nodes.extend(r.avg_requires.iter());
        nodes.extend(r.conditions.iter().filter_map(|(_, w)| w.as_ref()));
        nodes.extend(r.exception.iter().map(|e| &e.points_to));
        nodes.extend(r.limits.iter().map(|(n, _)| n));
    }
    nodes.extend(rules.predicates.iter().map(|p| &p.when));
    nodes.extend(rules.notices.iter().map(|n| &n.when));
    nodes.extend(rules.condition_rules.iter().filter_map(|r| r.when.as_ref()));
    nodes.extend(rules.record.iter().filter_map(|r| r.when.as_ref()));
    nodes.extend(rules.facts.iter().filter_map(|f| f.early.as_ref().map(|e| &e.when)));
    for n in nodes {
        walk(n, &mut atoms, &mut pairs);
    }

    let mut reps: Vec<Vec<Value>> = (0..rules.facts.len())
        .map(|i| {
            let fact = FactId(i as u16);
            let mine: Vec<&&Cond> = atoms.iter().filter(|c| c.atom_fact() == Some(fact)).collect();
            let mut classes: BTreeMap<Vec<bool>, Value> = BTreeMap::new();
            for v in candidates(rules, fact) {
                let sig: Vec<bool> = mine.iter().map(|c| atom_holds(c, v).unwrap_or(false)).collect();
                classes.entry(sig).or_insert(v);
            }
            let mut out: Vec<Value> = classes.into_values().collect();
            // "Adult" is a distinct answer (unknown above 18), so it always gets its own probe.
            if matches!(rules.facts[i].domain, Domain::Age) && !out.contains(&Value::Age(Age::Adult)) {
                out.push(Value::Age(Age::Adult));
            }
            out.sort();
            out
        })
        .collect();

    // Two role facts compared with `same_as` must be able to meet: each also gets the other's
    // representatives. Equality with a role that is not a representative cannot be captured
    // by classes; the engine and the checker therefore also probe the partner's actual answer.
    let allows = |f: FactId, v: &Value| match (&rules.facts[f.ix()].domain, v) {
        (Domain::Role { allow_none }, Value::Role(None)) => *allow_none,
        (Domain::Role { .. }, Value::Role(Some(_))) => true,
        _ => false,
    };
    for (a, b) in pairs {
        let (ra, rb) = (reps[a.ix()].clone(), reps[b.ix()].clone());
        for (to, from) in [(a, rb), (b, ra)] {
            for v in from {
                if allows(to, &v) && !reps[to.ix()].contains(&v) {
                    reps[to.ix()].push(v);
                }
            }
            reps[to.ix()].sort();
        }
    }
    reps
}
