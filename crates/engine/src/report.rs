//! Turns an [`Evaluation`] into an owned, serialisable answer with every text resolved in one
//! language. Every sentence comes from the rule files and the trace, deterministically; nothing
//! is generated freely. The professional's own judgments are quoted back as theirs.

use grondslag_i18n::{tr, tr_with};
use grondslag_rules::{AvgKind, Domain, FactId, Lang, Outcome, RuleSet, Secrecy, Source, SourceId, SourceStatus, Text, Value};
use serde::{Deserialize, Serialize};

use crate::evaluate::{ConditionOrigin, Evaluation, JudgmentState, Judgments, QuestionPurpose};
use crate::logic::{FactSource, Facts, Tri, eval};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub outcome: Outcome,
    pub outcome_label: String,
    pub summary: String,
    pub date: String,
    pub ruleset: RulesetRef,
    pub engine_version: String,
    pub facts: Vec<FactLine>,
    pub beroepsgeheim: SecrecyLayer,
    pub avg: AvgLayer,
    pub conditions: Vec<Item>,
    pub questions: Vec<QuestionOut>,
    pub required_judgments: Vec<JudgmentOut>,
    pub recorded_judgments: Vec<RecordedJudgment>,
    pub counterfactuals: Vec<Item>,
    pub notices: Vec<NoticeOut>,
    pub record_in_dossier: Vec<Item>,
    pub trace: Vec<TraceStep>,
    pub sources: Vec<SourceOut>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RulesetRef {
    pub name: String,
    pub version: String,
    pub hash: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FactLine {
    pub fact: String,
    pub label: String,
    pub value: String,
    pub value_label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SecrecyLayer {
    pub regime: Option<Secrecy>,
    pub regime_label: String,
    /// Ground ids of the routes that carry the outcome (FORMAT.md's `grounds`).
    pub grounds: Vec<String>,
    pub explanation: Vec<Item>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AvgLayer {
    pub satisfied: bool,
    pub bases: Vec<Item>,
    pub explanation: Vec<Item>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NoticeOut {
    pub id: String,
    pub text: String,
    pub uncertain: bool,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QuestionOut {
    pub fact: String,
    pub text: String,
    pub why: String,
    pub why_now: String,
    pub purpose: QuestionPurpose,
    pub answered_by: String,
    pub answer_type: String,
    pub options: Vec<OptionOut>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OptionOut {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct JudgmentOut {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub criteria: Vec<OptionOut>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RecordedJudgment {
    pub id: String,
    pub title: String,
    pub answers: Vec<RecordedAnswer>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RecordedAnswer {
    pub criterion: String,
    pub text: String,
    pub answer: Option<bool>,
    pub reasons: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TraceStep {
    pub rule: String,
    pub title: String,
    pub status: Tri,
    pub carries_outcome: bool,
    pub requirements: Vec<Requirement>,
    pub avg_requirements: Vec<Requirement>,
    pub judgment: JudgmentState,
    pub uncertain: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Requirement {
    pub text: String,
    pub status: Tri,
}

/// A source as users see it: publisher, title, short citation, public address and status.
/// The maintainers' note on a source is deliberately not part of it: it is never shown.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SourceOut {
    pub id: String,
    /// Who publishes the source. Empty only in answers recorded before sources named one.
    #[serde(default)]
    pub publisher: String,
    pub title: String,
    pub citation: String,
    pub url: String,
    pub status: SourceStatus,
}

impl SourceOut {
    pub fn new(s: &Source) -> Self {
        SourceOut {
            id: s.id.clone(),
            publisher: s.publisher.clone(),
            title: s.title.clone(),
            citation: s.citation.clone(),
            url: s.url.clone(),
            status: s.status,
        }
    }

    /// "Publisher: title", as a source is named wherever it is shown.
    pub fn name(&self) -> String {
        if self.publisher.trim().is_empty() { self.title.clone() } else { format!("{}: {}", self.publisher, self.title) }
    }
}

/// How a source's status is shown: a source not fully verified says so in plain words.
pub fn source_status_label(status: SourceStatus, lang: Lang) -> &'static str {
    tr(
        lang,
        match status {
            SourceStatus::Verified => "report-source-verified",
            SourceStatus::PartlyVerified | SourceStatus::Unverified => "report-source-not-fully-verified",
        },
    )
}

/// One source in one line of text: publisher, title, citation and status (the address goes on
/// its own line or in a link).
pub fn source_line(s: &SourceOut, lang: Lang) -> String {
    format!("{} [{}] ({})", s.name(), s.citation, source_status_label(s.status, lang))
}

pub fn outcome_label(outcome: Outcome, lang: Lang) -> &'static str {
    tr(
        lang,
        match outcome {
            Outcome::MustShare => "outcome-must-share",
            Outcome::MayShare => "outcome-may-share",
            Outcome::MayShareAfterWeighing => "outcome-may-share-after-weighing",
            Outcome::MayNotShare => "outcome-may-not-share",
            Outcome::Undetermined => "outcome-undetermined",
        },
    )
}

struct Ctx<'a> {
    rules: &'a RuleSet,
    lang: Lang,
    cited: Vec<SourceId>,
}

impl Ctx<'_> {
    fn t(&self, t: &Text) -> String {
        t.get(self.lang).to_string()
    }
    /// Citations for a part of the answer; the sources are listed at the end.
    fn cite(&mut self, ids: &[SourceId]) -> Vec<String> {
        for id in ids {
            if !self.cited.contains(id) {
                self.cited.push(*id);
            }
        }
        self.citations(ids)
    }
    /// Citations without listing the sources (the trace cites every rule it considered).
    fn citations(&self, ids: &[SourceId]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for id in ids {
            let c = &self.rules.source(*id).citation;
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
        out
    }
    /// A fixed text of the report from the catalogue.
    fn tr(&self, id: &'static str) -> String {
        tr(self.lang, id).to_owned()
    }
}

fn answer_type(rules: &RuleSet, fact: FactId) -> &'static str {
    match rules.facts[fact.ix()].domain {
        Domain::Bool => "bool",
        Domain::Enum(_) => "enum",
        Domain::Set(_) => "set",
        Domain::Role { allow_none: false } => "role",
        Domain::Role { allow_none: true } => "role_or_none",
        Domain::Age => "age",
    }
}

pub fn options(rules: &RuleSet, fact: FactId, lang: Lang) -> Vec<OptionOut> {
    match &rules.facts[fact.ix()].domain {
        Domain::Bool => vec![
            OptionOut { value: "true".into(), label: tr(lang, "common-yes").into() },
            OptionOut { value: "false".into(), label: tr(lang, "common-no").into() },
        ],
        Domain::Enum(vs) | Domain::Set(vs) => {
            vs.iter().map(|v| OptionOut { value: v.id.clone(), label: v.label.get(lang).to_string() }).collect()
        }
        Domain::Role { allow_none } => {
            let mut out: Vec<OptionOut> =
                rules.roles.iter().map(|r| OptionOut { value: r.id.clone(), label: r.label.get(lang).to_string() }).collect();
            if *allow_none {
                out.insert(0, OptionOut { value: "none".into(), label: tr(lang, "report-role-nobody").into() });
            }
            out
        }
        Domain::Age => Vec::new(),
    }
}

/// Builds the full answer. `facts` and `judgments` must be those the evaluation was made with.
pub fn report(rules: &RuleSet, ev: &Evaluation, facts: &Facts, judgments: &Judgments, lang: Lang) -> Report {
    let mut c = Ctx { rules, lang, cited: Vec::new() };

    let fact_lines = facts
        .known()
        .map(|(f, v)| FactLine {
            fact: rules.facts[f.ix()].id.clone(),
            label: c.t(&rules.facts[f.ix()].label),
            value: rules.value_id(f, v),
            value_label: rules.value_label(f, v, lang),
        })
        .collect();

    // Beroepsgeheim layer.
    let sender = rules.fact("sender_role").and_then(|f| facts.get(f));
    let regime = match sender {
        Some(Value::Role(Some(r))) => Some(rules.roles[r.ix()].secrecy),
        _ => None,
    };
    let regime_label = match (regime, c.lang) {
        (Some(s), Lang::Nl) => grondslag_rules::secrecy_nl(s).to_string(),
        (Some(s), Lang::En) => grondslag_rules::secrecy_en(s).to_string(),
        (None, _) => c.tr("report-regime-unknown"),
    };
    let mut grounds: Vec<String> = Vec::new();
    let mut secrecy_expl = Vec::new();
    if let Some(Value::Role(Some(r))) = sender
        && let Some(note) = &rules.roles[r.ix()].note
    {
        let sources = c.cite(&rules.roles[r.ix()].sources);
        secrecy_expl.push(Item { id: format!("rol.{}", rules.roles[r.ix()].id), text: c.t(note), sources });
    }
    if regime == Some(Secrecy::Geen) {
        secrecy_expl.push(Item {
            id: "no-secrecy".into(),
            text: c.tr("report-no-secrecy"),
            sources: c.cite(
                &rules.roles[match sender {
                    Some(Value::Role(Some(r))) => r.ix(),
                    _ => 0,
                }]
                .sources,
            ),
        });
    }
    // Every ground that holds, those carrying the outcome first: a professional may rely on
    // any of them (a duty does not make valid consent disappear).
    let holding: Vec<grondslag_rules::RouteId> = if ev.outcome == Outcome::Undetermined {
        Vec::new()
    } else {
        let mut v = ev.winning.clone();
        v.extend(ev.routes.iter().filter(|r| r.status == Tri::True && !ev.winning.contains(&r.route)).map(|r| r.route));
        v
    };
    for rid in &holding {
        let r = &rules.routes[rid.ix()];
        if let Some(g) = r.ground {
            let gid = rules.grounds[g.ix()].id.clone();
            if !grounds.contains(&gid) {
                grounds.push(gid);
            }
        }
        let sources = c.cite(&r.sources);
        let prefix = r.ground.map(|g| format!("{}: ", c.t(&rules.grounds[g.ix()].label))).unwrap_or_default();
        let also = if ev.winning.contains(rid) { String::new() } else { c.tr("report-also-applicable") };
        secrecy_expl.push(Item { id: r.id.clone(), text: format!("{prefix}{}{also}", c.t(&r.holds)), sources });
    }

    // AVG layer: the bases of the carrying routes, with art. 9/10 exceptions only where such
    // data are involved.
    let special = pred(rules, "special_category_data", facts);
    let criminal = pred(rules, "criminal_data", facts);
    let mut bases: Vec<Item> = Vec::new();
    let mut avg_expl = Vec::new();
    for rid in &ev.winning {
        let r = &rules.routes[rid.ix()];
        for b in &r.avg_basis {
            let basis = &rules.avg_bases[b.ix()];
            let show = match basis.kind {
                AvgKind::Art6 => true,
                AvgKind::Art9 => special != Tri::False,
                AvgKind::Art10 => criminal != Tri::False,
            };
            if show && !bases.iter().any(|x| x.id == basis.id) {
                let sources = c.cite(&basis.sources);
                bases.push(Item { id: basis.id.clone(), text: format!("{}: {}", basis.article, c.t(&basis.label)), sources });
            }
        }
        if let Some(n) = &r.avg_note {
            avg_expl.push(Item { id: r.id.clone(), text: c.t(n), sources: Vec::new() });
        }
    }

    let conditions = ev
        .conditions
        .iter()
        .map(|(cid, origin)| {
            let def = &rules.conditions[cid.ix()];
            let mut srcs = def.sources.clone();
            match origin {
                ConditionOrigin::Route(r) => srcs.extend(rules.routes[r.ix()].sources.iter().take(1)),
                ConditionOrigin::Rule(i) => srcs.extend(rules.condition_rules[*i].sources.iter().take(1)),
            }
            srcs.dedup();
            Item { id: def.id.clone(), text: c.t(&def.label), sources: c.cite(&srcs) }
        })
        .collect();

    let questions = ev
        .questions
        .iter()
        .map(|q| {
            let f = &rules.facts[q.fact.ix()];
            let titles: Vec<String> = q.routes.iter().map(|r| c.t(&rules.routes[r.ix()].title)).collect();
            // Name at most four routes: a first question can decide twenty, and a list that long
            // explains nothing.
            const NAMED: usize = 4;
            let more = titles.len().saturating_sub(NAMED);
            let named = titles.iter().take(NAMED).cloned().collect::<Vec<_>>().join("; ");
            let why_now = match q.purpose {
                QuestionPurpose::Outcome if more > 0 => {
                    tr_with(c.lang, "report-why-now-many-routes", &[("n", titles.len().into()), ("named", named.into())])
                }
                QuestionPurpose::Outcome => tr_with(c.lang, "report-why-now-routes", &[("named", named.into())]),
                QuestionPurpose::Conditions => c.tr("report-why-now-conditions"),
            };
            let mut srcs = f.sources.clone();
            for r in &q.routes {
                srcs.extend(rules.routes[r.ix()].sources.iter().take(1));
            }
            srcs.dedup();
            QuestionOut {
                fact: f.id.clone(),
                text: c.t(&f.question),
                why: c.t(&f.why),
                why_now,
                purpose: q.purpose,
                answered_by: f.answered_by.clone(),
                answer_type: answer_type(rules, q.fact).into(),
                options: options(rules, q.fact, lang),
                sources: c.cite(&srcs),
            }
        })
        .collect();

    let required_judgments = ev
        .required_judgments
        .iter()
        .map(|j| {
            let js = &rules.judgments[j.ix()];
            JudgmentOut {
                id: js.id.clone(),
                title: c.t(&js.title),
                intro: c.t(&js.intro),
                criteria: js.criteria.iter().map(|cr| OptionOut { value: cr.id.clone(), label: c.t(&cr.label) }).collect(),
                sources: c.cite(&js.sources),
            }
        })
        .collect();

    let recorded_judgments = judgments
        .sets
        .iter()
        .map(|(j, rec)| {
            let js = &rules.judgments[j.ix()];
            RecordedJudgment {
                id: js.id.clone(),
                title: c.t(&js.title),
                answers: js
                    .criteria
                    .iter()
                    .enumerate()
                    .map(|(i, cr)| RecordedAnswer {
                        criterion: cr.id.clone(),
                        text: c.t(&cr.label),
                        answer: rec.answers.get(i).copied().flatten(),
                        reasons: rec.reasons.get(i).cloned().flatten(),
                    })
                    .collect(),
            }
        })
        .collect();

    let counterfactuals = ev
        .counterfactuals
        .iter()
        .map(|cf| {
            let r = &rules.routes[cf.route.ix()];
            let text = match &r.counterfactual {
                Some(t) => c.t(t),
                None => {
                    let reqs: Vec<String> = cf
                        .failed_requires
                        .iter()
                        .map(|i| c.t(&r.requires[*i].text))
                        .chain(cf.failed_avg_requires.iter().map(|i| c.t(&r.avg_requires[*i].text)))
                        .collect();
                    tr_with(c.lang, "report-counterfactual-if", &[("conditions", reqs.join("; ").into())])
                }
            };
            let level = outcome_label(
                match r.level {
                    grondslag_rules::Level::MustShare => Outcome::MustShare,
                    grondslag_rules::Level::MayShare if r.judgment.is_some() => Outcome::MayShareAfterWeighing,
                    grondslag_rules::Level::MayShare => Outcome::MayShare,
                    grondslag_rules::Level::MayShareAfterWeighing => Outcome::MayShareAfterWeighing,
                },
                lang,
            );
            let route_title = c.t(&r.title);
            let sources = c.cite(&r.sources);
            Item { id: r.id.clone(), text: format!("{level} ({route_title}) {text}."), sources }
        })
        .collect();

    let mut notices: Vec<NoticeOut> = ev
        .notices
        .iter()
        .map(|i| {
            let n = &rules.notices[*i];
            NoticeOut { id: n.id.clone(), text: c.t(&n.text), uncertain: n.uncertain, sources: c.cite(&n.sources) }
        })
        .collect();
    // What the research could not verify about a ground the answer rests on is shown with it.
    for rid in &holding {
        let r = &rules.routes[rid.ix()];
        if let Some(u) = &r.uncertain {
            let sources = c.cite(&r.sources);
            notices.push(NoticeOut { id: format!("{}.onzeker", r.id), text: c.t(u), uncertain: true, sources });
        }
    }

    let record_in_dossier = ev
        .record
        .iter()
        .map(|i| {
            let r = &rules.record[*i];
            Item { id: r.id.clone(), text: c.t(&r.text), sources: c.cite(&r.sources) }
        })
        .collect();

    let trace = ev
        .routes
        .iter()
        .map(|res| {
            let r = &rules.routes[res.route.ix()];
            TraceStep {
                rule: r.id.clone(),
                title: c.t(&r.title),
                status: res.status,
                carries_outcome: ev.winning.contains(&res.route),
                requirements: r.requires.iter().zip(&res.requires).map(|(n, s)| Requirement { text: c.t(&n.text), status: *s }).collect(),
                avg_requirements: r
                    .avg_requires
                    .iter()
                    .zip(&res.avg_requires)
                    .map(|(n, s)| Requirement { text: c.t(&n.text), status: *s })
                    .collect(),
                judgment: res.judgment.clone(),
                uncertain: r.uncertain.as_ref().map(|u| c.t(u)),
                sources: c.citations(&r.sources),
            }
        })
        .collect();

    let avg_satisfied = !ev.winning.is_empty();
    let summary = summary(rules, ev, lang);
    let sources = c.cited.iter().map(|id| SourceOut::new(rules.source(*id))).collect();

    Report {
        outcome: ev.outcome,
        outcome_label: outcome_label(ev.outcome, lang).into(),
        summary,
        date: ev.date.to_string(),
        ruleset: RulesetRef { name: rules.meta.name.clone(), version: rules.meta.version.clone(), hash: ev.ruleset_hash.clone() },
        engine_version: ev.engine_version.into(),
        facts: fact_lines,
        beroepsgeheim: SecrecyLayer { regime, regime_label, grounds, explanation: secrecy_expl },
        avg: AvgLayer { satisfied: avg_satisfied, bases, explanation: avg_expl },
        conditions,
        questions,
        required_judgments,
        recorded_judgments,
        counterfactuals,
        notices,
        record_in_dossier,
        trace,
        sources,
    }
}

fn pred(rules: &RuleSet, id: &str, facts: &Facts) -> Tri {
    match rules.predicates.iter().find(|p| p.id == id) {
        Some(p) => eval(rules, &p.when, facts),
        None => Tri::Unknown,
    }
}

fn summary(rules: &RuleSet, ev: &Evaluation, lang: Lang) -> String {
    let titles: Vec<String> = ev.winning.iter().map(|r| rules.routes[r.ix()].title.get(lang).to_string()).collect();
    let grounds = titles.join(tr(lang, "report-and"));
    match ev.outcome {
        Outcome::Undetermined => tr(lang, "report-summary-undetermined").to_owned(),
        Outcome::MayNotShare => tr(lang, "report-summary-may-not-share").to_owned(),
        Outcome::MayShareAfterWeighing if !ev.required_judgments.is_empty() => {
            tr_with(lang, "report-summary-weighing-needed", &[("grounds", grounds.into())])
        }
        _ => {
            let judged = ev.winning.iter().any(|r| rules.routes[r.ix()].judgment.is_some());
            let id = if judged { "report-summary-on-weighed-grounds" } else { "report-summary-on-grounds" };
            tr_with(lang, id, &[("grounds", grounds.into())])
        }
    }
}
