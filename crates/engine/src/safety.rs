//! The safety properties `grondslag controleer` proves at every answer it reaches (issue 8):
//! the claims a professional could be harmed by if Grondslag made them wrongly.
//!
//! * (a) never "must share" to a recipient suspected of the violence or abuse;
//! * (b) never "must share" on a formal order of health data without a judge's authorisation,
//!   nor for someone with a (derived) verschoningsrecht;
//! * (c) no professional standard bars a statutory duty or right on its own;
//! * (d) a duty with a statutory exception that the facts point to is never "must share" before
//!   the professional's judgment, and the answer asks for that judgment;
//! * (e) "may not share" never comes with "call 112", and a duty never comes with "ask consent
//!   first" or "anonymise";
//! * (f) a convenant or working agreement is never a ground: no ground names one, and no route
//!   reads a fact about one or requires one (law.md §9.9; issue 13). It may only be context, in
//!   a notice.

use grondslag_rules::{Outcome, RuleSet, Value, Verschoningsrecht};
use serde::Serialize;

use crate::evaluate::{Evaluation, ExceptionState, Judgments, evaluate};
use crate::logic::{FactSource, Facts, Tri, eval};

#[derive(Debug, Clone, Serialize)]
pub struct SafetyProperty {
    pub id: &'static str,
    pub label: &'static str,
    /// Answers (or rules, for the static property) to which the property applied.
    pub applicable: u64,
    /// Complete answer combinations, route by route, over which the property was proved (every
    /// answer class of every fact the route reads): a proof for all answers, not a sample.
    pub proved_over: u64,
    pub violations: u64,
    /// The first violations, described.
    pub examples: Vec<String>,
}

impl SafetyProperty {
    fn new(id: &'static str, label: &'static str) -> Self {
        SafetyProperty { id, label, applicable: 0, proved_over: 0, violations: 0, examples: Vec::new() }
    }

    fn record_violation(&mut self, what: String) {
        self.violations += 1;
        if self.examples.len() < 5 {
            self.examples.push(what);
        }
    }

    fn check(&mut self, holds: bool, describe: impl FnOnce() -> String) {
        self.applicable += 1;
        if !holds {
            self.violations += 1;
            if self.examples.len() < 5 {
                self.examples.push(describe());
            }
        }
    }
}

pub struct Safety {
    pub properties: Vec<SafetyProperty>,
}

/// Whether a text speaks of a convenant or a working agreement between organisations.
fn mentions_covenant(text: &str) -> bool {
    let t = text.to_lowercase();
    ["convenant", "covenant", "samenwerkingsafspra", "werkafspra", "working agreement"].iter().any(|k| t.contains(k))
}

fn fact(rules: &RuleSet, id: &str) -> Option<grondslag_rules::FactId> {
    rules.fact(id)
}

fn is_true(rules: &RuleSet, facts: &dyn FactSource, id: &str) -> Option<bool> {
    match fact(rules, id).and_then(|f| facts.get(f)) {
        Some(Value::Bool(b)) => Some(b),
        _ => None,
    }
}

fn reads(rules: &RuleSet, route: &grondslag_rules::Route, id: &str) -> bool {
    let mut fs = Vec::new();
    crate::evaluate::route_nodes(route).for_each(|n| crate::logic::facts_of(rules, n, &mut fs));
    fs.iter().any(|f| rules.facts[f.ix()].id == id)
}

/// (b): a formal order may only oblige disclosure by someone without (derived) verschoningsrecht,
/// and of health or other special data only with a judge's authorisation.
fn order_may_oblige(rules: &RuleSet, facts: &dyn FactSource) -> bool {
    let privileged = match fact(rules, "sender_role").and_then(|f| facts.get(f)) {
        Some(Value::Role(Some(r))) => matches!(rules.roles[r.ix()].verschoningsrecht, Verschoningsrecht::Ja | Verschoningsrecht::Afgeleid),
        _ => true,
    };
    let special = pred(rules, "special_category_data", facts);
    let authorised = is_true(rules, facts, "order_authorised_by_judge") == Some(true);
    !privileged && (special == Tri::False || authorised)
}

fn recipient_is_authority(rules: &RuleSet, facts: &dyn FactSource) -> bool {
    match fact(rules, "recipient_role").and_then(|f| facts.get(f)) {
        Some(Value::Role(Some(r))) => matches!(rules.roles[r.ix()].group.as_str(), "overheid" | "justitie"),
        _ => false,
    }
}

fn pred(rules: &RuleSet, id: &str, facts: &dyn FactSource) -> Tri {
    rules.predicates.iter().find(|p| p.id == id).map(|p| eval(rules, &p.when, facts)).unwrap_or(Tri::Unknown)
}

impl Safety {
    pub fn new(rules: &RuleSet) -> Self {
        let mut s = Safety {
            properties: vec![
                SafetyProperty::new(
                    "a",
                    "nooit 'U moet delen' aan een ontvanger die zelf verdacht wordt van het geweld of de mishandeling",
                ),
                SafetyProperty::new(
                    "b",
                    "nooit 'U moet delen' op een vordering: niet van gezondheidsgegevens zonder machtiging van de rechter, niet voor wie verschoningsrecht heeft",
                ),
                SafetyProperty::new("c", "geen beroepsnorm blokkeert op zichzelf een wettelijke plicht of wettelijk recht"),
                SafetyProperty::new(
                    "d",
                    "een plicht met een wettelijke uitzondering waar de feiten op wijzen, is nooit 'U moet delen' zonder uw oordeel, en het antwoord vraagt dat oordeel",
                ),
                SafetyProperty::new(
                    "e",
                    "'U mag niet delen' nooit met 'bel 112'; een plicht nooit met 'vraag eerst toestemming' of 'anonimiseer'",
                ),
                SafetyProperty::new(
                    "f",
                    "een convenant of samenwerkingsafspraak is nooit een grond: geen grond noemt er een en geen route leest of eist er een",
                ),
            ],
        };
        s.static_checks(rules);
        s
    }

    /// Proves (a), (b) and (d) route by route: for every route that can give "must share",
    /// every complete combination of the answers it reads (and of the suspicion, for (a)) is
    /// evaluated. Since the outcome is the strongest route that holds, a property that holds for
    /// every route holds for every answer. (e) is proved from the condition rules and the
    /// routes' own conditions.
    pub fn prove(&mut self, rules: &RuleSet, date: time::Date) {
        self.prove_routes(rules, date, &|_| true);
    }

    /// As [`Safety::prove`], for the routes `only` selects (tests prove one route at a time).
    pub fn prove_routes(&mut self, rules: &RuleSet, date: time::Date, only: &dyn Fn(&grondslag_rules::Route) -> bool) {
        use grondslag_rules::Level;
        let empty = Judgments::default();
        let suspected = fact(rules, "recipient_is_suspected_perpetrator");
        for (i, route) in rules.routes.iter().enumerate() {
            if !route.in_force(date) || route.level != Level::MustShare || !only(route) {
                continue;
            }
            let rid = grondslag_rules::RouteId(i as u16);
            let mut fs = Vec::new();
            crate::evaluate::route_nodes(route).for_each(|n| crate::logic::facts_of(rules, n, &mut fs));
            for extra in
                ["recipient_is_suspected_perpetrator", "recipient_role", "sender_role", "data_categories", "order_authorised_by_judge"]
            {
                if let Some(f) = fact(rules, extra)
                    && !fs.contains(&f)
                    && (extra == "recipient_is_suspected_perpetrator" || extra == "recipient_role" || reads(rules, route, "formal_order"))
                {
                    fs.push(f);
                }
            }
            let on_order = reads(rules, route, "formal_order");
            crate::check::for_each_combination(rules, &fs, &mut |facts| {
                let r = crate::evaluate::route_result(rules, rid, facts, &empty);
                let must = r.status == Tri::True && r.level == Level::MustShare;
                let describe = || format!("route '{}' bij {}", route.id, crate::check::describe(rules, facts));
                // (a)
                if suspected.and_then(|f| facts.get(f)) == Some(Value::Bool(true)) && !recipient_is_authority(rules, facts) {
                    self.properties[0].proved_over += 1;
                    if must {
                        self.properties[0].record_violation(describe());
                    }
                }
                // (b)
                if on_order && is_true(rules, facts, "formal_order") == Some(true) {
                    self.properties[1].proved_over += 1;
                    if must && !order_may_oblige(rules, facts) {
                        self.properties[1].record_violation(describe());
                    }
                }
                // (d)
                if r.exception == ExceptionState::Open {
                    self.properties[3].proved_over += 1;
                    if r.level > Level::MayShareAfterWeighing {
                        self.properties[3].record_violation(describe());
                    }
                }
            });
        }
        // (e) from the rules themselves: which outcomes may each condition come with?
        let named = |c: grondslag_rules::ConditionId, id: &str| rules.conditions[c.ix()].id == id;
        for rule in &rules.condition_rules {
            let outcomes = rule
                .outcomes
                .clone()
                .unwrap_or_else(|| vec![Outcome::MustShare, Outcome::MayShare, Outcome::MayShareAfterWeighing, Outcome::MayNotShare]);
            for c in &rule.add {
                self.properties[4].proved_over += 1;
                let bad = (named(*c, "call_emergency_services") && outcomes.contains(&Outcome::MayNotShare))
                    || ((named(*c, "ask_consent_first") || named(*c, "anonymise")) && outcomes.contains(&Outcome::MustShare));
                if bad {
                    self.properties[4].record_violation(format!("voorwaarderegel '{}'", rule.id));
                }
            }
        }
        for route in rules.routes.iter().filter(|r| r.level == grondslag_rules::Level::MustShare) {
            for (c, _) in &route.conditions {
                self.properties[4].proved_over += 1;
                if named(*c, "ask_consent_first") || named(*c, "anonymise") {
                    self.properties[4].record_violation(format!(
                        "route '{}' (een plicht) met voorwaarde '{}'",
                        route.id,
                        rules.conditions[c.ix()].id
                    ));
                }
            }
        }
    }

    /// (c): every route that carries a statutory duty or right is free of requirements taken
    /// from a professional standard (such a requirement belongs in the weighing or a notice).
    fn static_checks(&mut self, rules: &RuleSet) {
        self.no_covenant_grounds(rules);
        for r in &rules.routes {
            let statutory = r.ground.is_some_and(|g| grondslag_rules::STATUTORY_GROUNDS.contains(&rules.grounds[g.ix()].id.as_str()));
            if !statutory {
                continue;
            }
            for (i, _) in r.requires.iter().enumerate() {
                let standard = r.standard_requires.iter().find(|(k, _)| *k == i);
                self.properties[2].check(standard.is_none(), || format!("route '{}', vereiste {}: beroepsnorm als harde eis", r.id, i + 1));
            }
        }
    }

    /// (f): checked on the rule set itself, so it holds for every answer. A fact "about" a
    /// convenant is one whose id, label or question speaks of one; a route "requires" one when
    /// a requirement's own wording does.
    fn no_covenant_grounds(&mut self, rules: &RuleSet) {
        let speaks_of = |t: &grondslag_rules::Text| mentions_covenant(&t.nl) || mentions_covenant(&t.en);
        let about: Vec<bool> =
            rules.facts.iter().map(|f| mentions_covenant(&f.id) || speaks_of(&f.label) || speaks_of(&f.question)).collect();
        for g in &rules.grounds {
            self.properties[5].check(!mentions_covenant(&g.id) && !speaks_of(&g.label), || format!("grond '{}' noemt een convenant", g.id));
        }
        for r in &rules.routes {
            let mut fs = Vec::new();
            crate::evaluate::route_nodes(r).for_each(|n| crate::logic::facts_of(rules, n, &mut fs));
            let reads = fs.iter().find(|f| about[f.ix()]).map(|f| rules.facts[f.ix()].id.clone());
            let worded = crate::evaluate::route_nodes(r).any(|n| speaks_of(&n.text));
            self.properties[5].check(reads.is_none() && !worded, || match &reads {
                Some(f) => format!("route '{}' leest het feit '{f}' over een convenant", r.id),
                None => format!("route '{}' eist een convenant of samenwerkingsafspraak", r.id),
            });
        }
    }

    /// Adds another walker's observations (the static properties (c) and (f) are counted once).
    pub fn absorb(&mut self, o: Safety) {
        for (p, q) in self.properties.iter_mut().zip(o.properties) {
            if p.id == "c" || p.id == "f" {
                continue;
            }
            p.applicable += q.applicable;
            p.proved_over += q.proved_over;
            p.violations += q.violations;
            for e in q.examples {
                if p.examples.len() < 5 {
                    p.examples.push(e);
                }
            }
        }
    }

    /// Checks one evaluation (a leaf of the question tree, or a recorded weighing there).
    pub fn observe(
        &mut self,
        rules: &RuleSet,
        date: time::Date,
        facts: &Facts,
        judgments: &Judgments,
        ev: &Evaluation,
        describe: &dyn Fn() -> String,
    ) {
        let must = ev.outcome == Outcome::MustShare;
        // (a) Also where the fact was never asked: answering "yes, suspected" must not leave a duty.
        if must {
            let holds = match is_true(rules, facts, "recipient_is_suspected_perpetrator") {
                Some(true) => false,
                Some(false) => true,
                // Only a person can be suspected: for a public authority as recipient (GGD, IGJ,
                // lijkschouwer, police, OvJ, court, municipality) the question is not asked.
                None if recipient_is_authority(rules, facts) => true,
                None => match fact(rules, "recipient_is_suspected_perpetrator") {
                    Some(f) => {
                        let mut full = facts.clone();
                        full.set(f, Value::Bool(true));
                        evaluate(rules, date, &full, judgments).map(|e| e.outcome != Outcome::MustShare).unwrap_or(false)
                    }
                    None => true,
                },
            };
            self.properties[0].check(holds, describe);
        }
        // (b) A duty carried by a formal order.
        if must {
            for rid in &ev.winning {
                if reads(rules, &rules.routes[rid.ix()], "formal_order") {
                    self.properties[1].check(order_may_oblige(rules, facts), describe);
                }
            }
        }
        // (d) Every route whose statutory exception the facts point to, unjudged.
        for r in &ev.routes {
            if r.exception != ExceptionState::Open {
                continue;
            }
            let route = &rules.routes[r.route.ix()];
            let asked =
                !ev.winning.contains(&r.route) || route.exception.as_ref().is_some_and(|e| ev.required_judgments.contains(&e.judgment));
            self.properties[3].check(r.level <= grondslag_rules::Level::MayShareAfterWeighing && asked, describe);
        }
        // (e) Conditions that contradict the outcome.
        let has = |id: &str| ev.conditions.iter().any(|(c, _)| rules.conditions[c.ix()].id == id);
        match ev.outcome {
            Outcome::MayNotShare => self.properties[4].check(!has("call_emergency_services"), describe),
            Outcome::MustShare => self.properties[4].check(!has("ask_consent_first") && !has("anonymise"), describe),
            _ => {}
        }
    }
}
