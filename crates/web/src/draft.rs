//! A deliberation in progress: the answers given so far (in order, with what each replaced, so
//! "vorige vraag" can undo), revisions, and the professional's judgments with reasons. It is
//! stored sealed with the organisation's content key (it describes a case) and evaluated afresh
//! on every page, so the page always shows what the rules say about exactly these answers.

use std::collections::BTreeMap;

use grondslag_dossier::ConsentDerivation;
use grondslag_engine::{Evaluation, FactSource, Facts, JudgmentRecord, Judgments, evaluate};
use grondslag_rules::{Domain, FactId, RawValue, RuleSet, Value};
use grondslag_store::{Draft, new_id};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::error::{WebError, internal};
use crate::{Backend, User, Web, now_ms};

/// Drafts untouched for this long are deleted (a deliberation is not kept half-done for ever).
pub const DRAFT_TTL_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// The facts that tell the consent registry which consent would cover the disclosure.
pub const PROPOSAL_FACTS: [&str; 3] = ["recipient_role", "data_categories", "purpose"];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub answer: Option<bool>,
    pub reasons: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub fact: String,
    /// `true`/`false`, a number (age), an id, or a list of ids.
    pub value: serde_json::Value,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftState {
    pub client: Option<String>,
    /// The date of the law (YYYY-MM-DD).
    pub date: String,
    pub answers: Vec<Answer>,
    /// For "vorige vraag": the fact set and the value it replaced.
    pub history: Vec<(String, Option<serde_json::Value>)>,
    /// Human-readable revisions ("Leeftijd: 11 → 13").
    pub revisions: Vec<String>,
    pub judgments: BTreeMap<String, Vec<Criterion>>,
    /// The answer "vorige vraag" took back, shown preselected when its question comes again.
    #[serde(default)]
    pub recall: Option<Answer>,
}

/// A stored value as the rule set's raw input.
pub fn raw_of(v: &serde_json::Value) -> Option<RawValue> {
    match v {
        serde_json::Value::Bool(b) => Some(RawValue::Bool(*b)),
        serde_json::Value::Number(n) => n.as_i64().map(RawValue::Int),
        serde_json::Value::String(s) => Some(RawValue::Str(s.clone())),
        serde_json::Value::Array(a) => a.iter().map(|x| x.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>().map(RawValue::List),
        _ => None,
    }
}

/// Parses the values a form sent for `fact` (one, or several for a set) into a stored value.
pub fn parse_form_value(rules: &RuleSet, fact: FactId, values: &[String]) -> Result<serde_json::Value, WebError> {
    let missing = || WebError::Invalid("Kies of vul een antwoord in.".into());
    let first = values.first().map(|s| s.trim()).filter(|s| !s.is_empty());
    let json = match &rules.facts[fact.ix()].domain {
        Domain::Bool => match first.ok_or_else(missing)? {
            "true" | "ja" => serde_json::Value::Bool(true),
            "false" | "nee" => serde_json::Value::Bool(false),
            _ => return Err(WebError::Invalid("Antwoord met ja of nee.".into())),
        },
        Domain::Age => {
            let n: i64 = first
                .ok_or_else(missing)?
                .parse()
                .map_err(|_| WebError::Invalid("Geef de leeftijd in hele jaren, bijvoorbeeld 14.".into()))?;
            serde_json::Value::from(n)
        }
        Domain::Set(_) => serde_json::Value::Array(
            values.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).map(|s| serde_json::Value::String(s.to_owned())).collect(),
        ),
        Domain::Enum(_) | Domain::Role { .. } => serde_json::Value::String(first.ok_or_else(missing)?.to_owned()),
    };
    let raw = raw_of(&json).ok_or_else(missing)?;
    rules.parse_value(fact, &raw).map_err(WebError::Invalid)?;
    Ok(json)
}

impl DraftState {
    pub fn new(client: Option<String>, date: Date) -> Self {
        DraftState { client, date: date.to_string(), ..Default::default() }
    }

    pub fn date(&self) -> Result<Date, WebError> {
        Date::parse(&self.date, time::macros::format_description!("[year]-[month]-[day]")).map_err(|_| internal("draft_date"))
    }

    pub fn value(&self, fact: &str) -> Option<&serde_json::Value> {
        self.answers.iter().find(|a| a.fact == fact).map(|a| &a.value)
    }

    /// Sets an answer (replacing an earlier one, which is then recorded as a revision).
    pub fn set(&mut self, rules: &RuleSet, fact: FactId, value: serde_json::Value, lang: grondslag_rules::Lang) {
        let id = rules.facts[fact.ix()].id.clone();
        let before = self.value(&id).cloned();
        if let Some(old) = &before
            && *old != value
        {
            let label = |v: &serde_json::Value| {
                raw_of(v).and_then(|r| rules.parse_value(fact, &r).ok()).map(|v| rules.value_label(fact, v, lang)).unwrap_or_default()
            };
            self.revisions.push(format!("{}: {} → {}", rules.facts[fact.ix()].label.get(lang), label(old), label(&value)));
        }
        self.history.push((id.clone(), before));
        self.recall = None;
        match self.answers.iter_mut().find(|a| a.fact == id) {
            Some(a) => a.value = value,
            None => self.answers.push(Answer { fact: id, value }),
        }
    }

    /// Undoes the last answer. False when there is nothing to undo.
    pub fn back(&mut self) -> bool {
        let Some((fact, before)) = self.history.pop() else { return false };
        self.recall = self.answers.iter().find(|a| a.fact == fact).cloned();
        match before {
            Some(v) => {
                if let Some(a) = self.answers.iter_mut().find(|a| a.fact == fact) {
                    a.value = v;
                }
            }
            None => self.answers.retain(|a| a.fact != fact),
        }
        true
    }

    pub fn facts(&self, rules: &RuleSet) -> Facts {
        let mut facts = Facts::new(rules);
        for a in &self.answers {
            if let (Some(f), Some(raw)) = (rules.fact(&a.fact), raw_of(&a.value))
                && let Ok(v) = rules.parse_value(f, &raw)
            {
                facts.set(f, v);
            }
        }
        facts
    }

    pub fn judgments(&self, rules: &RuleSet) -> Judgments {
        let mut j = Judgments::default();
        for (id, criteria) in &self.judgments {
            if let Some(jid) = rules.judgment(id) {
                let rec = JudgmentRecord {
                    answers: criteria.iter().map(|c| c.answer).collect(),
                    reasons: criteria.iter().map(|c| if c.reasons.trim().is_empty() { None } else { Some(c.reasons.clone()) }).collect(),
                };
                j.sets.insert(jid, rec);
            }
        }
        j
    }
}

/// A draft evaluated: the facts (with the registry's consent for a client), the evaluation and
/// the fact to ask next, if any.
pub struct Evaluated {
    pub facts: Facts,
    pub judgments: Judgments,
    pub evaluation: Evaluation,
    pub consent: Option<ConsentDerivation>,
    pub next: Option<FactId>,
}

impl<S: Backend> Web<S> {
    pub async fn load_draft(&self, user: &User, id: &str) -> Result<DraftState, WebError> {
        let not_found = || WebError::NotFound("Dit beraad bestaat niet (meer). Drafts worden na 7 dagen opgeruimd.".into());
        if !crate::audit::is_id(id) {
            return Err(not_found());
        }
        let Some(d) = self.app.store().draft(id).await? else { return Err(not_found()) };
        if d.professional != user.id || d.org != user.org {
            return Err(not_found());
        }
        let plain = self.app.open_note(&d.org, &format!("concept|{id}"), &d.sealed).map_err(|_| internal("draft_open"))?;
        serde_json::from_slice(&plain).map_err(|_| internal("draft_parse"))
    }

    pub async fn save_draft(&self, user: &User, id: Option<&str>, state: &DraftState) -> Result<String, WebError> {
        let id = id.map(str::to_owned).unwrap_or_else(new_id);
        let plain = serde_json::to_vec(state).map_err(|_| internal("draft_json"))?;
        let sealed = self.app.seal_note(&user.org, &format!("concept|{id}"), &plain)?;
        let draft = Draft {
            id: id.clone(),
            org: user.org.clone(),
            professional: user.id.clone(),
            client: state.client.clone(),
            sealed,
            updated: now_ms(),
        };
        self.app.store().save_draft(&draft).await?;
        Ok(id)
    }

    /// Evaluates a draft. For a client the `consent` fact comes from the registry; while the
    /// registry cannot be consulted yet, the missing proposal facts are asked instead of consent.
    pub async fn evaluate_draft(&self, state: &DraftState) -> Result<Evaluated, WebError> {
        let rules = self.app.rules();
        let date = state.date()?;
        let mut facts = state.facts(rules);
        let consent = match &state.client {
            Some(c) => Some(self.app.apply_registry(c, &mut facts, date).await?),
            None => None,
        };
        let judgments = state.judgments(rules);
        let evaluation = evaluate(rules, date, &facts, &judgments)?;
        let mut next = evaluation.questions.first().map(|q| q.fact);
        if consent.is_some()
            && let Some(f) = next
            && rules.facts[f.ix()].id == "consent"
        {
            next = PROPOSAL_FACTS.iter().filter_map(|id| rules.fact(id)).find(|f| facts.get(*f).is_none()).or(next);
        }
        Ok(Evaluated { facts, judgments, evaluation, consent, next })
    }
}

/// The label of a stored answer, for the list of answers given.
pub fn answer_label(rules: &RuleSet, a: &Answer, lang: grondslag_rules::Lang) -> Option<(FactId, String, String)> {
    let f = rules.fact(&a.fact)?;
    let v: Value = rules.parse_value(f, &raw_of(&a.value)?).ok()?;
    Some((f, rules.facts[f.ix()].label.get(lang).to_string(), rules.value_label(f, v, lang)))
}
