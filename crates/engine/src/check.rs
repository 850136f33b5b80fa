//! The exhaustive rule check behind `grondslag controleer`.
//!
//! It walks the whole question tree exactly as a deliberation would: start with no answers,
//! ask the first question the engine yields, and branch on every class of answers to it (one
//! representative per class of answers the rules can tell apart). Each path ends where the
//! outcome is determined and nothing is left to ask. Along the way it proves:
//!
//! * no gap: every combination of answers reaches an outcome (an undetermined state always
//!   has a question to ask);
//! * exactly one outcome: at every leaf, filling in the facts that were never asked does not
//!   change the outcome (monotonicity, checked rather than assumed);
//! * every question is reachable, and every route holds somewhere (no dead rules);
//! * every outcome is traced to at least one cited source;
//! * recording a judgment (all yes, or one no) still gives a determined outcome.

use std::collections::BTreeMap;

use grondslag_rules::{FactId, Outcome, RuleSet};
use serde::Serialize;
use time::Date;

use crate::evaluate::{JudgmentRecord, Judgments, evaluate};
use crate::logic::{FactSource, Facts, Tri};

#[derive(Debug, Default, Serialize)]
pub struct CheckReport {
    /// Complete answer combinations evaluated condition by condition (per condition of every
    /// route, the product of the answer classes of the facts it reads): each must decide it.
    pub route_combinations: u64,
    /// The number of complete answer combinations over all facts that this covers (the
    /// product of every fact's answer classes).
    pub covered_combinations: f64,
    /// Complete paths through the question tree walked as a deliberation would.
    pub combinations: u64,
    /// Whether the tree walk covered the whole tree (false when it hit its budget).
    pub tree_complete: bool,
    /// Evaluations performed, including the stability and judgment probes.
    pub evaluations: u64,
    pub outcomes: BTreeMap<String, u64>,
    pub deepest_path: usize,
    pub questions_reached: Vec<String>,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    /// The safety properties, each with the answers it was checked on and its violations.
    pub safety: Vec<crate::safety::SafetyProperty>,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
}

struct Walk<'a> {
    rules: &'a RuleSet,
    date: Date,
    report: CheckReport,
    asked: Vec<bool>,
    route_holds: Vec<bool>,
    route_carries: Vec<bool>,
    condition_used: Vec<bool>,
    /// Stop collecting the same kind of error after this many examples.
    max_examples: usize,
    safety: crate::safety::Safety,
    /// This walker takes the answers to the first question whose index is `k` modulo `n`
    /// (the tree is split over the cores at its root).
    share: (usize, usize),
}

pub(crate) fn describe(rules: &RuleSet, facts: &Facts) -> String {
    let parts: Vec<String> = facts.known().map(|(f, v)| format!("{}={}", rules.facts[f.ix()].id, rules.value_id(f, v))).collect();
    if parts.is_empty() { "(geen antwoorden)".into() } else { parts.join(", ") }
}

impl Walk<'_> {
    fn error(&mut self, msg: String) {
        if self.report.errors.len() < self.max_examples {
            self.report.errors.push(msg);
        }
    }

    /// Walks the subtree below `facts` within `budget` evaluations. A budget is shared fairly:
    /// each answer to a question gets an equal part of what is left, and what a branch does not
    /// use passes on to the next, so a limited walk still reaches every part of the tree's top.
    fn visit(&mut self, facts: &mut Facts, depth: usize, budget: u64) {
        if budget == 0 {
            self.report.tree_complete = false;
            return;
        }
        let start = self.report.evaluations;
        let rules = self.rules;
        let empty = Judgments::default();
        self.report.evaluations += 1;
        let ev = match evaluate(rules, self.date, facts, &empty) {
            Ok(ev) => ev,
            Err(e) => {
                self.error(e.to_string());
                return;
            }
        };
        for r in &ev.routes {
            if r.status == Tri::True {
                self.route_holds[r.route.ix()] = true;
            }
        }
        for (c, _) in &ev.conditions {
            self.condition_used[c.ix()] = true;
        }
        // Questions that only refine conditions do not change the outcome: they are counted as
        // reached but not branched on, which keeps the walk to the outcome-deciding tree.
        for q in ev.questions.iter().filter(|q| q.purpose == crate::evaluate::QuestionPurpose::Conditions) {
            self.asked[q.fact.ix()] = true;
        }
        if let Some(q) = ev.questions.iter().find(|q| q.purpose == crate::evaluate::QuestionPurpose::Outcome) {
            self.asked[q.fact.ix()] = true;
            // Re-asking an age answered as "adult" asks for the exact age.
            let before = facts.get(q.fact);
            let mut values: Vec<grondslag_rules::Value> = rules.representatives[q.fact.ix()]
                .iter()
                .copied()
                .filter(|v| {
                    before.is_none() || Some(*v) != before && !matches!(v, grondslag_rules::Value::Age(grondslag_rules::Age::Adult))
                })
                .collect();
            // A role may be compared with another role fact: also branch on the role given there.
            if let grondslag_rules::Domain::Role { .. } = rules.facts[q.fact.ix()].domain {
                for (_, v) in facts.known() {
                    if matches!(v, grondslag_rules::Value::Role(Some(_))) && !values.contains(&v) {
                        values.push(v);
                    }
                }
            }
            if values.is_empty() {
                self.error(format!(
                    "vraag naar '{}' zonder mogelijk nieuw antwoord bij {}",
                    rules.facts[q.fact.ix()].id,
                    describe(rules, facts)
                ));
                return;
            }
            let mine: Vec<grondslag_rules::Value> =
                values.into_iter().enumerate().filter(|(i, _)| depth != 0 || i % self.share.1 == self.share.0).map(|(_, v)| v).collect();
            let n = mine.len() as u64;
            for (i, v) in mine.into_iter().enumerate() {
                let left = budget.saturating_sub(self.report.evaluations - start);
                facts.set(q.fact, v);
                self.visit(facts, depth + 1, left / (n - i as u64));
            }
            match before {
                Some(v) => facts.set(q.fact, v),
                None => facts.unset(q.fact),
            }
            return;
        }
        // A leaf: nothing left to ask.
        self.report.combinations += 1;
        self.report.deepest_path = self.report.deepest_path.max(depth);
        if ev.outcome == Outcome::Undetermined {
            self.error(format!("gat: geen uitkomst en geen vraag meer bij {}", describe(rules, facts)));
            return;
        }
        *self.report.outcomes.entry(crate::report::outcome_label(ev.outcome, grondslag_rules::Lang::Nl).to_string()).or_default() += 1;
        self.safety.observe(rules, self.date, facts, &empty, &ev, &|| describe(rules, facts));
        for r in &ev.winning {
            self.route_carries[r.ix()] = true;
        }
        let cited = if ev.winning.is_empty() {
            ev.conditions.iter().any(|(c, _)| !rules.conditions[c.ix()].sources.is_empty())
        } else {
            ev.winning.iter().all(|r| !rules.routes[r.ix()].sources.is_empty())
        };
        if !cited {
            self.error(format!("uitkomst zonder bron bij {}", describe(rules, facts)));
        }

        // Exactly one outcome: answering everything that was never asked changes nothing.
        let mut full = facts.clone();
        for (i, reps) in rules.representatives.iter().enumerate() {
            let f = FactId(i as u16);
            if full.get(f).is_none()
                && let Some(v) = reps.first()
            {
                full.set(f, *v);
            }
        }
        self.report.evaluations += 1;
        if let Ok(ev2) = evaluate(rules, self.date, &full, &empty)
            && ev2.outcome != ev.outcome
        {
            self.error(format!(
                "niet stabiel: {} wordt {} na het invullen van overige feiten, bij {}",
                crate::report::outcome_label(ev.outcome, grondslag_rules::Lang::Nl),
                crate::report::outcome_label(ev2.outcome, grondslag_rules::Lang::Nl),
                describe(rules, &full)
            ));
        }

        // Recording the open weighing, all yes or a single no, still gives an outcome.
        for j in &ev.required_judgments {
            let n = rules.judgments[j.ix()].criteria.len();
            for answers in [vec![Some(true); n], std::iter::once(Some(false)).chain(std::iter::repeat_n(Some(true), n - 1)).collect()] {
                let mut js = Judgments::default();
                js.sets.insert(*j, JudgmentRecord { answers, reasons: vec![None; n] });
                self.report.evaluations += 1;
                // Determined, or a further question to ask: after a "no" the outcome may rest on
                // answers that did not matter before, and the engine then asks for them.
                let probe = evaluate(rules, self.date, facts, &js);
                if let Ok(e) = &probe
                    && e.outcome != Outcome::Undetermined
                {
                    let name = rules.judgments[j.ix()].id.clone();
                    self.safety
                        .observe(rules, self.date, facts, &js, e, &|| format!("{} (afweging '{name}' vastgelegd)", describe(rules, facts)));
                }
                match probe {
                    Ok(e) if e.outcome != Outcome::Undetermined || !e.questions.is_empty() => {}
                    _ => self.error(format!(
                        "afweging '{}' laat de uitkomst open zonder vraag bij {}",
                        rules.judgments[j.ix()].id,
                        describe(rules, facts)
                    )),
                }
            }
        }
    }
}

/// Every complete combination of the answers a route reads must decide it. The route's status
/// is the Kleene conjunction of its conditions (requirements, AVG requirements, the
/// exception's indication, the level caps), so it is decided wherever each condition is: each
/// condition is checked over every complete combination of the answers *it* reads, which
/// proves the same at a fraction of the cost of the product over the whole route. Together
/// with the outcome being the strongest route that holds, this proves that every complete
/// combination of answers reaches exactly one outcome. An age given only as "adult" is not
/// complete: it is asked again where the rules need the exact age.
fn route_completeness(rules: &RuleSet, date: Date, report: &mut CheckReport, errors: &mut Vec<String>) {
    for route in rules.routes.iter().filter(|r| r.in_force(date)) {
        for node in crate::evaluate::route_nodes(route) {
            let mut fs = Vec::new();
            crate::logic::facts_of(rules, node, &mut fs);
            for_each_combination(rules, &fs, &mut |facts| {
                report.route_combinations += 1;
                if crate::logic::eval(rules, node, facts) == Tri::Unknown && errors.len() < 20 {
                    errors.push(format!("route '{}' blijft open bij volledige antwoorden: {}", route.id, describe(rules, facts)));
                }
            });
        }
    }
    report.covered_combinations = rules.representatives.iter().map(|r| r.len() as f64).product();
}

/// Calls `f` with every complete combination of answer classes of `facts` (one representative
/// per class; an age only as "adult" is not complete and left out). Nothing when a fact has no
/// answers at all.
pub(crate) fn for_each_combination(rules: &RuleSet, facts: &[FactId], f: &mut dyn FnMut(&Facts)) {
    use grondslag_rules::{Age, Value};
    let domains: Vec<Vec<Value>> = facts
        .iter()
        .map(|x| rules.representatives[x.ix()].iter().copied().filter(|v| !matches!(v, Value::Age(Age::Adult))).collect())
        .collect();
    if domains.iter().any(|d| d.is_empty()) {
        return;
    }
    let mut idx = vec![0usize; facts.len()];
    let mut current = Facts::new(rules);
    loop {
        for (k, x) in facts.iter().enumerate() {
            current.set(*x, domains[k][idx[k]]);
        }
        f(&current);
        // Next combination (odometer).
        let mut k = 0;
        loop {
            if k == facts.len() {
                return;
            }
            idx[k] += 1;
            if idx[k] < domains[k].len() {
                break;
            }
            idx[k] = 0;
            k += 1;
        }
    }
}

/// Runs every check on the rule set as in force on `date`. `budget` caps the evaluations of
/// the question-tree walk; the route-by-route completeness check always runs in full.
pub fn check(rules: &RuleSet, date: Date) -> CheckReport {
    check_with_budget(rules, date, u64::MAX)
}

fn walker(rules: &RuleSet, date: Date, share: (usize, usize)) -> Walk<'_> {
    let mut w = Walk {
        rules,
        date,
        report: CheckReport::default(),
        asked: vec![false; rules.facts.len()],
        route_holds: vec![false; rules.routes.len()],
        route_carries: vec![false; rules.routes.len()],
        condition_used: vec![false; rules.conditions.len()],
        max_examples: 20,
        safety: crate::safety::Safety::new(rules),
        share,
    };
    w.report.tree_complete = true;
    w
}

impl Walk<'_> {
    /// Adds what another walker of the same tree found (its share of the root's answers).
    fn absorb(&mut self, o: Walk<'_>) {
        let r = &mut self.report;
        r.combinations += o.report.combinations;
        r.evaluations += o.report.evaluations;
        r.tree_complete &= o.report.tree_complete;
        r.deepest_path = r.deepest_path.max(o.report.deepest_path);
        for (k, n) in o.report.outcomes {
            *r.outcomes.entry(k).or_default() += n;
        }
        for e in o.report.errors {
            if r.errors.len() < self.max_examples {
                r.errors.push(e);
            }
        }
        let or = |a: &mut Vec<bool>, b: &[bool]| a.iter_mut().zip(b).for_each(|(x, y)| *x |= *y);
        or(&mut self.asked, &o.asked);
        or(&mut self.route_holds, &o.route_holds);
        or(&mut self.route_carries, &o.route_carries);
        or(&mut self.condition_used, &o.condition_used);
        self.safety.absorb(o.safety);
    }
}

pub fn check_with_budget(rules: &RuleSet, date: Date, budget: u64) -> CheckReport {
    // The walk is split over the cores at the root; each share is an independent subtree.
    let n = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, 8);
    let mut walkers: Vec<Walk> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n)
            .map(|k| {
                scope.spawn(move || {
                    let mut w = walker(rules, date, (k, n));
                    let mut facts = Facts::new(rules);
                    w.visit(&mut facts, 0, budget / n as u64);
                    w
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    if walkers.len() != n {
        let mut w = walker(rules, date, (0, 1));
        w.report.errors.push("de controle is onverwacht afgebroken".into());
        walkers = vec![w];
    }
    let mut w = walkers.remove(0);
    for o in walkers {
        w.absorb(o);
    }
    w.safety.prove(rules, date);
    let mut errors = Vec::new();
    route_completeness(rules, date, &mut w.report, &mut errors);
    w.report.errors.extend(errors);

    // Reachability and dead routes are only proved by a complete walk; a walk cut short by a
    // budget reports what it did not reach as a warning, not as a fault of the rules.
    let complete = w.report.tree_complete;
    let flag = |w: &mut Walk, msg: String| {
        if complete {
            w.error(msg);
        } else {
            w.report.warnings.push(format!("{msg} (in het ingekorte deel van de vragenboom)"));
        }
    };
    for (i, f) in rules.facts.iter().enumerate() {
        if w.asked[i] {
            w.report.questions_reached.push(f.id.clone());
        } else {
            flag(&mut w, format!("vraag '{}' wordt nooit gesteld: geen enkele combinatie van antwoorden maakt haar relevant", f.id));
        }
    }
    for (i, r) in rules.routes.iter().enumerate() {
        if !r.in_force(date) {
            continue;
        }
        if !w.route_holds[i] {
            flag(&mut w, format!("route '{}' is in geen enkele situatie van toepassing (dode regel)", r.id));
        } else if !w.route_carries[i] {
            w.report.warnings.push(format!("route '{}' geldt wel, maar bepaalt nooit het antwoord", r.id));
        }
    }
    for (i, c) in rules.conditions.iter().enumerate() {
        if !w.condition_used[i] {
            w.report.warnings.push(format!("voorwaarde '{}' wordt nooit gesteld", c.id));
        }
    }
    // Sources nobody cites are not wrong, but worth a look.
    let mut cited = vec![false; rules.sources.len()];
    let mut mark = |ids: &[grondslag_rules::SourceId]| ids.iter().for_each(|s| cited[s.ix()] = true);
    rules.facts.iter().for_each(|x| mark(&x.sources));
    rules.roles.iter().for_each(|x| mark(&x.sources));
    rules.grounds.iter().for_each(|x| mark(&x.sources));
    rules.avg_bases.iter().for_each(|x| mark(&x.sources));
    rules.conditions.iter().for_each(|x| mark(&x.sources));
    rules.condition_rules.iter().for_each(|x| mark(&x.sources));
    rules.judgments.iter().for_each(|x| mark(&x.sources));
    rules.notices.iter().for_each(|x| mark(&x.sources));
    rules.record.iter().for_each(|x| mark(&x.sources));
    rules.routes.iter().for_each(|x| mark(&x.sources));
    let unused: Vec<&str> = rules.sources.iter().zip(&cited).filter(|(_, c)| !**c).map(|(s, _)| s.id.as_str()).collect();
    for p in &w.safety.properties {
        for e in &p.examples {
            w.report.errors.push(format!("veiligheidseigenschap ({}) geschonden: {e}", p.id));
        }
        if p.violations > p.examples.len() as u64 {
            w.report.errors.push(format!("veiligheidseigenschap ({}): {} schendingen in totaal", p.id, p.violations));
        }
    }
    w.report.safety = w.safety.properties.clone();
    if !unused.is_empty() {
        w.report.warnings.push(format!("{} bronnen in het register worden door geen regel geciteerd: {}", unused.len(), unused.join(", ")));
    }
    w.report
}
