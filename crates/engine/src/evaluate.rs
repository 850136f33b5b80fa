//! The evaluation of one proposed disclosure: which routes (ground + AVG basis) hold, the
//! outcome, the questions that can still change it, the conditions, and what would change a
//! refusal. Pure and deterministic: same rules, date, facts and judgments give the same result.

use std::collections::BTreeMap;

use grondslag_rules::{ConditionId, FactId, JudgmentId, Level, Outcome, RouteId, RuleSet, Value};
use time::Date;

use crate::logic::{FactSource, Facts, Tri, WithOverride, eval, facts_of};

pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The professional's own answers to the criteria of one weighing (open norm), with reasons.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct JudgmentRecord {
    /// One answer per criterion, in the order of the rule file; `None` = not answered yet.
    pub answers: Vec<Option<bool>>,
    /// The professional's reasons per criterion, in their own words.
    pub reasons: Vec<Option<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Judgments {
    pub sets: BTreeMap<JudgmentId, JudgmentRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", tag = "state", content = "criteria")]
pub enum JudgmentState {
    /// The route needs no weighing by the professional.
    NotNeeded,
    /// Not (fully) recorded yet: the route allows sharing only after a documented weighing.
    Open,
    /// Every criterion answered yes by the professional.
    Positive,
    /// The professional answered no to these criteria: the route does not carry the disclosure.
    Negative(Vec<usize>),
}

/// Where a duty has a statutory exception ("unless that conflicts with good care"), what the
/// facts and the professional's judgment say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExceptionState {
    /// The route has no statutory exception.
    None,
    /// Nothing in the facts points to the exception: the duty stands.
    NotIndicated,
    /// Whether the facts point to it is not known yet.
    Pending,
    /// The facts point to it and the professional has not judged it: no duty before that judgment.
    Open,
    /// The professional judged that the exception does not apply.
    Rejected,
    /// The professional judged that the exception applies: this duty does not carry the disclosure.
    Applies,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteResult {
    pub route: RouteId,
    /// The beroepsgeheim-layer requirements, each with its value.
    pub requires: Vec<Tri>,
    /// The AVG-layer requirements, each with its value.
    pub avg_requires: Vec<Tri>,
    pub secrecy: Tri,
    pub avg: Tri,
    pub judgment: JudgmentState,
    pub exception: ExceptionState,
    /// Whether the route carries the disclosure (both layers and the judgment).
    pub status: Tri,
    /// The outcome this route gives when it holds, given the judgment state.
    pub level: Level,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionPurpose {
    /// The answer can change the outcome.
    Outcome,
    /// The outcome stands; the answer can change its conditions.
    Conditions,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub fact: FactId,
    pub purpose: QuestionPurpose,
    /// The routes whose status this answer can decide (why it is asked now).
    pub routes: Vec<RouteId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConditionOrigin {
    Route(RouteId),
    Rule(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counterfactual {
    pub route: RouteId,
    /// Indices of the failed requirements: beroepsgeheim layer first, then AVG layer.
    pub failed_requires: Vec<usize>,
    pub failed_avg_requires: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    pub date: Date,
    pub ruleset_hash: String,
    pub engine_version: &'static str,
    pub outcome: Outcome,
    /// Every route in force on `date`, in rule-file order: the trace.
    pub routes: Vec<RouteResult>,
    /// The routes that carry the outcome (empty for may_not_share and undetermined).
    pub winning: Vec<RouteId>,
    pub conditions: Vec<(ConditionId, ConditionOrigin)>,
    pub questions: Vec<Question>,
    pub required_judgments: Vec<JudgmentId>,
    pub counterfactuals: Vec<Counterfactual>,
    pub notices: Vec<usize>,
    pub record: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    #[error("er zijn geen regels in werking op {date}: deze regelset geldt van {from}{}", .to.map(|t| format!(" tot {t}")).unwrap_or_default())]
    NoRulesInForce { date: Date, from: Date, to: Option<Date> },
}

fn level_outcome(l: Level) -> Outcome {
    match l {
        Level::MayShareAfterWeighing => Outcome::MayShareAfterWeighing,
        Level::MayShare => Outcome::MayShare,
        Level::MustShare => Outcome::MustShare,
    }
}

fn judgment_state(rules: &RuleSet, judgment: Option<JudgmentId>, judgments: &Judgments) -> JudgmentState {
    let Some(j) = judgment else { return JudgmentState::NotNeeded };
    let n = rules.judgments[j.ix()].criteria.len();
    let Some(rec) = judgments.sets.get(&j) else { return JudgmentState::Open };
    let negative: Vec<usize> = (0..n).filter(|i| rec.answers.get(*i).copied().flatten() == Some(false)).collect();
    if !negative.is_empty() {
        return JudgmentState::Negative(negative);
    }
    if (0..n).all(|i| rec.answers.get(i).copied().flatten() == Some(true)) { JudgmentState::Positive } else { JudgmentState::Open }
}

fn exception_state(rules: &RuleSet, route: &grondslag_rules::Route, facts: &dyn FactSource, judgments: &Judgments) -> ExceptionState {
    let Some(e) = &route.exception else { return ExceptionState::None };
    match judgment_state(rules, Some(e.judgment), judgments) {
        JudgmentState::Negative(_) => return ExceptionState::Applies,
        JudgmentState::Positive => return ExceptionState::Rejected,
        JudgmentState::NotNeeded | JudgmentState::Open => {}
    }
    match eval(rules, &e.points_to, facts) {
        Tri::True => ExceptionState::Open,
        Tri::False => ExceptionState::NotIndicated,
        Tri::Unknown => ExceptionState::Pending,
    }
}

/// Evaluates one route against the facts.
pub fn route_result(rules: &RuleSet, route: RouteId, facts: &dyn FactSource, judgments: &Judgments) -> RouteResult {
    let r = &rules.routes[route.ix()];
    let requires: Vec<Tri> = r.requires.iter().map(|n| eval(rules, n, facts)).collect();
    let avg_requires: Vec<Tri> = r.avg_requires.iter().map(|n| eval(rules, n, facts)).collect();
    let secrecy = requires.iter().fold(Tri::True, |a, b| a.and(*b));
    let avg = avg_requires.iter().fold(Tri::True, |a, b| a.and(*b));
    let judgment = judgment_state(rules, r.judgment, judgments);
    let exception = exception_state(rules, r, facts, judgments);
    let (mut status, mut level) = match &judgment {
        JudgmentState::NotNeeded | JudgmentState::Positive => (secrecy.and(avg), r.level),
        JudgmentState::Open => (secrecy.and(avg), Level::MayShareAfterWeighing.min(r.level)),
        JudgmentState::Negative(_) => (Tri::False, r.level),
    };
    match exception {
        ExceptionState::Applies => status = Tri::False,
        ExceptionState::Open => level = level.min(Level::MayShareAfterWeighing),
        // Until it is known whether the facts point to the exception, the route's strength is
        // not known either: it stays open, so the deciding question is asked.
        ExceptionState::Pending => status = status.and(Tri::Unknown),
        ExceptionState::None | ExceptionState::NotIndicated | ExceptionState::Rejected => {}
    }
    for (when, cap) in &r.limits {
        if *cap >= level {
            continue;
        }
        match eval(rules, when, facts) {
            Tri::True => level = *cap,
            Tri::Unknown => status = status.and(Tri::Unknown),
            Tri::False => {}
        }
    }
    RouteResult { route, requires, avg_requires, secrecy, avg, judgment, exception, status, level }
}

/// Every condition a route reads, in the order: requirements, AVG requirements, the exception's
/// indication, the level caps.
pub fn route_nodes(route: &grondslag_rules::Route) -> impl Iterator<Item = &grondslag_rules::Node> {
    route
        .requires
        .iter()
        .chain(route.avg_requires.iter())
        .chain(route.exception.iter().map(|e| &e.points_to))
        .chain(route.limits.iter().map(|(n, _)| n))
}

fn route_status(rules: &RuleSet, route: RouteId, facts: &dyn FactSource, judgments: &Judgments) -> Tri {
    route_result(rules, route, facts, judgments).status
}

/// Representative answers for a fact: one per class of answers the rules can tell apart.
pub fn probe_values(rules: &RuleSet, fact: FactId) -> Vec<Value> {
    rules.representatives.get(fact.ix()).cloned().unwrap_or_default()
}

/// The facts of a route that may still be asked: unanswered ones, and an age answered only as
/// "adult" where the route needs to know more precisely (e.g. younger than 23).
fn askable_facts(rules: &RuleSet, route: &grondslag_rules::Route, facts: &Facts) -> Vec<FactId> {
    let mut fs = Vec::new();
    route_nodes(route).for_each(|n| facts_of(rules, n, &mut fs));
    fs.retain(|f| match facts.get(*f) {
        None => true,
        Some(Value::Age(grondslag_rules::Age::Adult)) => true,
        Some(_) => false,
    });
    fs
}

/// Whether some answer to `fact` turns this unknown condition into a known one.
fn decides(rules: &RuleSet, fact: FactId, facts: &Facts, test: &dyn Fn(&dyn FactSource) -> Tri) -> bool {
    let mut probes = probe_values(rules, fact);
    // A role may be compared with another role fact (`same_as`): also try the role already
    // given there, which need not be its class's representative.
    if let grondslag_rules::Domain::Role { .. } = rules.facts[fact.ix()].domain {
        for (_, v) in facts.known() {
            if let Value::Role(Some(_)) = v
                && !probes.contains(&v)
            {
                probes.push(v);
            }
        }
    }
    probes.into_iter().filter(|v| facts.get(fact) != Some(*v)).any(|value| test(&WithOverride { base: facts, fact, value }) != Tri::Unknown)
}

pub fn evaluate(rules: &RuleSet, date: Date, facts: &Facts, judgments: &Judgments) -> Result<Evaluation, EngineError> {
    let meta = &rules.meta;
    if date < meta.valid_from || meta.valid_to.is_some_and(|t| date >= t) {
        return Err(EngineError::NoRulesInForce { date, from: meta.valid_from, to: meta.valid_to });
    }
    let routes: Vec<RouteResult> = (0..rules.routes.len())
        .map(|i| RouteId(i as u16))
        .filter(|r| rules.routes[r.ix()].in_force(date))
        .map(|r| route_result(rules, r, facts, judgments))
        .collect();

    let best = routes.iter().filter(|r| r.status == Tri::True).map(|r| r.level).max();
    let best_outcome = best.map(level_outcome).unwrap_or(Outcome::MayNotShare);
    // A route still open matters only if it could raise the outcome above what already holds.
    let open: Vec<&RouteResult> = routes.iter().filter(|r| r.status == Tri::Unknown && best.is_none_or(|b| r.level > b)).collect();
    let outcome = if open.is_empty() { best_outcome } else { Outcome::Undetermined };
    let winning: Vec<RouteId> = match (outcome, best) {
        (Outcome::Undetermined, _) | (_, None) => Vec::new(),
        (_, Some(b)) => routes.iter().filter(|r| r.status == Tri::True && r.level == b).map(|r| r.route).collect(),
    };

    // Conditions: from the routes that carry the outcome, then from the general condition rules.
    let mut conditions: Vec<(ConditionId, ConditionOrigin)> = Vec::new();
    let mut pending_condition_facts: Vec<FactId> = Vec::new();
    let add = |c: ConditionId, o: ConditionOrigin, list: &mut Vec<(ConditionId, ConditionOrigin)>| {
        if !list.iter().any(|(x, _)| *x == c) {
            list.push((c, o));
        }
    };
    if outcome != Outcome::Undetermined {
        for rid in &winning {
            for (c, when) in &rules.routes[rid.ix()].conditions {
                match when.as_ref().map(|w| eval(rules, w, facts)).unwrap_or(Tri::True) {
                    Tri::True => add(*c, ConditionOrigin::Route(*rid), &mut conditions),
                    Tri::Unknown => {
                        if let Some(w) = when {
                            facts_of(rules, w, &mut pending_condition_facts);
                        }
                    }
                    Tri::False => {}
                }
            }
        }
        let mut defaults: Option<Facts> = None;
        for (i, rule) in rules.condition_rules.iter().enumerate() {
            if rule.outcomes.as_ref().is_some_and(|o| !o.contains(&outcome)) {
                continue;
            }
            match rule.when.as_ref().map(|w| eval(rules, w, facts)).unwrap_or(Tri::True) {
                Tri::True => rule.add.iter().for_each(|c| add(*c, ConditionOrigin::Rule(i), &mut conditions)),
                Tri::Unknown => {
                    if let Some(w) = &rule.when {
                        facts_of(rules, w, &mut pending_condition_facts);
                        // A professional may go to the answer before the questions that only
                        // refine its conditions. A general condition that holds in the ordinary
                        // case (the format's defaults: alive, no objection, no danger …) is kept
                        // then, so that advice like "ask consent first" does not vanish because
                        // the client's death was not asked; the question stays open.
                        let ordinary = defaults.get_or_insert_with(|| facts.clone().with_defaults(rules));
                        if eval(rules, w, ordinary) == Tri::True {
                            rule.add.iter().for_each(|c| add(*c, ConditionOrigin::Rule(i), &mut conditions));
                        }
                    }
                }
                Tri::False => {}
            }
        }
        conditions.sort_by_key(|(c, _)| *c);
    }

    // Questions: only facts whose answer can still decide an open route (or, once the outcome
    // stands, a condition of it), least intrusive first.
    let mut questions: Vec<Question> = Vec::new();
    if outcome == Outcome::Undetermined {
        // First choice: answers that on their own decide an open route. If no single answer
        // does (a route that needs two answers together), every answer that narrows one of
        // its open conditions is asked, so an open route always has a question.
        for narrow in [false, true] {
            for r in &open {
                let route = &rules.routes[r.route.ix()];
                for f in askable_facts(rules, route, facts) {
                    let relevant = if narrow {
                        route_nodes(route).any(|n| {
                            eval(rules, n, facts) == Tri::Unknown && decides(rules, f, facts, &|src: &dyn FactSource| eval(rules, n, src))
                        })
                    } else {
                        decides(rules, f, facts, &|src: &dyn FactSource| route_status(rules, r.route, src, judgments))
                    };
                    if relevant {
                        match questions.iter_mut().find(|q| q.fact == f) {
                            Some(q) => q.routes.push(r.route),
                            None => questions.push(Question { fact: f, purpose: QuestionPurpose::Outcome, routes: vec![r.route] }),
                        }
                    }
                }
            }
            if !questions.is_empty() {
                break;
            }
        }
    } else {
        for f in pending_condition_facts.into_iter().filter(|f| facts.get(*f).is_none()) {
            if !questions.iter().any(|q| q.fact == f) {
                questions.push(Question { fact: f, purpose: QuestionPurpose::Conditions, routes: winning.clone() });
            }
        }
    }
    // Least intrusive first, except a fact whose early place applies (danger, once the purpose
    // or a suspicion points to it: acute danger comes before anything else).
    let place = |f: FactId| {
        let fact = &rules.facts[f.ix()];
        match &fact.early {
            Some(e) if eval(rules, &e.when, facts) == Tri::True => e.order,
            _ => fact.order,
        }
    };
    questions.sort_by_key(|q| (place(q.fact), q.fact));

    let mut required_judgments: Vec<JudgmentId> = Vec::new();
    for rid in &winning {
        let Some(res) = routes.iter().find(|r| r.route == *rid) else { continue };
        let route = &rules.routes[rid.ix()];
        if let Some(j) = route.judgment
            && res.judgment == JudgmentState::Open
            && !required_judgments.contains(&j)
        {
            required_judgments.push(j);
        }
        if let Some(e) = &route.exception
            && res.exception == ExceptionState::Open
            && !required_judgments.contains(&e.judgment)
        {
            required_judgments.push(e.judgment);
        }
    }

    let counterfactuals = if matches!(outcome, Outcome::MayNotShare | Outcome::MayShareAfterWeighing) {
        counterfactuals(rules, &routes, outcome)
    } else {
        Vec::new()
    };

    let notices = rules.notices.iter().enumerate().filter(|(_, n)| eval(rules, &n.when, facts) == Tri::True).map(|(i, _)| i).collect();
    // An answer that rests on the professional's recorded weighing is still a weighed answer:
    // what to record about a weighing applies to it too.
    let weighed = routes
        .iter()
        .filter(|r| winning.contains(&r.route))
        .any(|r| r.judgment != JudgmentState::NotNeeded || matches!(r.exception, ExceptionState::Open | ExceptionState::Rejected));
    let record = if outcome == Outcome::Undetermined {
        Vec::new()
    } else {
        rules
            .record
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.outcomes.as_ref().is_none_or(|o| o.contains(&outcome) || (weighed && o.contains(&Outcome::MayShareAfterWeighing)))
            })
            .filter(|(_, r)| r.when.as_ref().is_none_or(|w| eval(rules, w, facts) == Tri::True))
            .map(|(i, _)| i)
            .collect()
    };

    Ok(Evaluation {
        date,
        ruleset_hash: rules.hash.clone(),
        engine_version: ENGINE_VERSION,
        outcome,
        routes,
        winning,
        conditions,
        questions,
        required_judgments,
        counterfactuals,
        notices,
        record,
    })
}

/// At most how many more questions this deliberation can ask: every fact still unknown that a
/// route not yet ruled out depends on, or that decides one of their conditions or a general
/// condition rule. Answers only rule routes out, so this never grows as questions are answered;
/// it is an honest bound for "nog hoogstens N vragen", not a prediction. Kept out of
/// [`evaluate`], which the checker runs hundreds of millions of times.
pub fn questions_left_at_most(rules: &RuleSet, ev: &Evaluation, facts: &Facts) -> usize {
    let mut fs: Vec<FactId> = Vec::new();
    for r in ev.routes.iter().filter(|r| r.status != Tri::False) {
        let route = &rules.routes[r.route.ix()];
        fs.extend(askable_facts(rules, route, facts));
        for w in route.conditions.iter().filter_map(|(_, w)| w.as_ref()) {
            facts_of(rules, w, &mut fs);
        }
    }
    for w in rules.condition_rules.iter().filter_map(|r| r.when.as_ref()) {
        facts_of(rules, w, &mut fs);
    }
    fs.retain(|f| matches!(facts.get(*f), None | Some(Value::Age(grondslag_rules::Age::Adult))));
    fs.sort();
    fs.dedup();
    fs.len()
}

/// Routes that fail only on things a professional can change (ask consent, share less, choose
/// another recipient): "what would make this lawful". Never routes the professional's own
/// weighing ruled out — that judgment is theirs, not a switch to flip.
fn counterfactuals(rules: &RuleSet, routes: &[RouteResult], outcome: Outcome) -> Vec<Counterfactual> {
    let mut out: Vec<Counterfactual> = Vec::new();
    for r in routes {
        let route = &rules.routes[r.route.ix()];
        if r.status != Tri::False
            || matches!(r.judgment, JudgmentState::Negative(_))
            || r.exception == ExceptionState::Applies
            || level_outcome(route.level) <= outcome
        {
            continue;
        }
        let failed: Vec<usize> = r.requires.iter().enumerate().filter(|(_, t)| **t == Tri::False).map(|(i, _)| i).collect();
        let failed_avg: Vec<usize> = r.avg_requires.iter().enumerate().filter(|(_, t)| **t == Tri::False).map(|(i, _)| i).collect();
        let mut fs = Vec::new();
        failed.iter().for_each(|i| facts_of(rules, &route.requires[*i], &mut fs));
        failed_avg.iter().for_each(|i| facts_of(rules, &route.avg_requires[*i], &mut fs));
        if fs.is_empty() || !fs.iter().all(|f| rules.facts[f.ix()].changeable) {
            continue;
        }
        out.push(Counterfactual { route: r.route, failed_requires: failed, failed_avg_requires: failed_avg });
    }
    out.sort_by_key(|c| {
        (c.failed_requires.len() + c.failed_avg_requires.len(), std::cmp::Reverse(rules.routes[c.route.ix()].level), c.route)
    });
    out.truncate(3);
    out
}
