//! One deliberation model for every front end (the web pages, the JSON API and `grondslag
//! vraag`): the answers given so far keyed by fact (with what each replaced, so "vorige vraag"
//! can undo), human-readable revisions, the professional's own weighing with reasons, and the
//! client whose consent registry supplies the `consent` fact.
//!
//! Evaluating a deliberation yields a [`Version`]: a hash of exactly what the answer rests on
//! (rule set, date of the law, client, answers, weighing) and, separately, of the consent
//! registry's derivation. A page shows the answer together with its version; recording binds to
//! that version ([`App::record_deliberation`]). An answer changed in another tab, consent
//! registered or withdrawn since, or an outcome that is not yet determined is refused, so that
//! what ends up in the dossier is always what the professional saw.

use grondslag_i18n::Msg;
use std::collections::BTreeMap;

use grondslag_dossier::ConsentDerivation;
use grondslag_engine::{Evaluation, FactSource, Facts, JudgmentRecord, Judgments, evaluate};
use grondslag_rules::{Age, Domain, FactId, JudgmentId, Lang, Outcome, RawValue, RuleSet, Value};
use grondslag_store::{ClientId, ProfessionalId, Store};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::Date;

use crate::{App, AppError, AppResult, Deliberated};

/// The facts that tell the consent registry which consent would cover the disclosure.
pub const PROPOSAL_FACTS: [&str; 3] = ["recipient_role", "data_categories", "purpose"];

/// The professional's judgment of one criterion of a weighing, with their reasons.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub answer: Option<bool>,
    pub reasons: String,
}

/// One answer: the fact's id and its value as written in the scenario format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub fact: String,
    /// `true`/`false`, a number (age), an id, or a list of ids.
    pub value: serde_json::Value,
}

/// A deliberation in progress. Serialised as is in the (sealed) drafts of the web application;
/// the field names are that format.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Deliberation {
    pub client: Option<ClientId>,
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
    /// Facts filled in before the first question (the professional's own role): not counted
    /// as questions asked.
    #[serde(default)]
    pub prefilled: Vec<String>,
    /// The prefilled answers (other than the professional's own role) were taken from the
    /// client's meldcode trajectory, when the deliberation was started from it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_meldcode: bool,
    /// The worked example of the case library whose facts (and weighing) the prefilled answers
    /// are, when the deliberation was started from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_example: Option<Example>,
    /// The casusoverleg this deliberation answers for: sharing from the professional's seat
    /// with one other seat. Recording it gives the conference its outcome and grounds only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_conference: Option<ConferenceLink>,
}

/// A casusoverleg a deliberation answers for: its id, the seat shared with, and the title and
/// role of that seat as they were then (for the page).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConferenceLink {
    pub id: String,
    pub to: u32,
    pub title: String,
}

/// A worked example a deliberation started from: its id (for the link back) and its title as it
/// was then (shown even if a later build no longer has the example).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Example {
    pub id: String,
    pub title: String,
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

/// A stored value in words (empty when the rule set no longer reads it).
fn value_words(rules: &RuleSet, fact: FactId, v: &serde_json::Value, lang: Lang) -> String {
    raw_of(v).and_then(|r| rules.parse_value(fact, &r).ok()).map(|v| rules.value_label(fact, v, lang)).unwrap_or_default()
}

/// A typed value in its stored form (the inverse of [`raw_of`] followed by parsing).
pub fn json_of(rules: &RuleSet, fact: FactId, value: Value) -> serde_json::Value {
    match (&rules.facts[fact.ix()].domain, value) {
        (_, Value::Bool(b)) => serde_json::Value::Bool(b),
        (_, Value::Age(Age::Years(n))) => serde_json::Value::from(n),
        (Domain::Set(vs), Value::Set(m)) => serde_json::Value::Array(
            vs.iter().enumerate().filter(|(i, _)| m & (1 << i) != 0).map(|(_, v)| serde_json::Value::String(v.id.clone())).collect(),
        ),
        _ => serde_json::Value::String(rules.value_id(fact, value)),
    }
}

/// Parses the values a person gave for `fact` (one, or several for a set) into a stored value.
/// Errors are Dutch and say what to fix.
pub fn parse_answer(rules: &RuleSet, fact: FactId, values: &[String]) -> Result<serde_json::Value, String> {
    let missing = || "Kies of vul een antwoord in.".to_string();
    let first = values.first().map(|s| s.trim()).filter(|s| !s.is_empty());
    let json = match &rules.facts[fact.ix()].domain {
        Domain::Bool => match first.ok_or_else(missing)? {
            "true" | "ja" => serde_json::Value::Bool(true),
            "false" | "nee" => serde_json::Value::Bool(false),
            _ => return Err("Antwoord met ja of nee.".into()),
        },
        Domain::Age => {
            let n: i64 = first.ok_or_else(missing)?.parse().map_err(|_| "Geef de leeftijd in hele jaren, bijvoorbeeld 14.".to_string())?;
            serde_json::Value::from(n)
        }
        Domain::Set(_) => serde_json::Value::Array(
            values.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).map(|s| serde_json::Value::String(s.to_owned())).collect(),
        ),
        Domain::Enum(_) | Domain::Role { .. } => serde_json::Value::String(first.ok_or_else(missing)?.to_owned()),
    };
    let raw = raw_of(&json).ok_or_else(missing)?;
    rules.parse_value(fact, &raw)?;
    Ok(json)
}

impl Deliberation {
    pub fn new(client: Option<ClientId>, date: Date) -> Self {
        Deliberation { client, date: date.to_string(), ..Default::default() }
    }

    pub fn date(&self) -> AppResult<Date> {
        Date::parse(&self.date, time::macros::format_description!("[year]-[month]-[day]"))
            .map_err(|_| AppError::Invalid(Msg::new("app-deliberation-datum-beraad-geen-geldige").arg("date", &self.date)))
    }

    /// How many questions the professional has answered (for "Vraag 3 van hoogstens 9").
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| !self.prefilled.contains(&a.fact)).count()
    }

    pub fn value(&self, fact: &str) -> Option<&serde_json::Value> {
        self.answers.iter().find(|a| a.fact == fact).map(|a| &a.value)
    }

    /// Sets an answer (replacing an earlier one, which is then recorded as a revision).
    pub fn set(&mut self, rules: &RuleSet, fact: FactId, value: serde_json::Value, lang: Lang) {
        let id = rules.facts[fact.ix()].id.clone();
        let before = self.value(&id).cloned();
        if let Some(old) = &before
            && *old != value
        {
            let now = value_words(rules, fact, &value, lang);
            self.revise(rules, fact, old, &now, lang);
        }
        self.history.push((id.clone(), before.clone()));
        self.recall = None;
        // An answer the professional gives is no longer one taken over from an example or a
        // meldcode trajectory: it loses that label (prefilling pushes the fact after setting it).
        self.prefilled.retain(|f| *f != id);
        let changed = before.as_ref().is_some_and(|old| *old != value);
        match self.answers.iter_mut().find(|a| a.fact == id) {
            Some(a) => a.value = value,
            None => self.answers.push(Answer { fact: id.clone(), value }),
        }
        if changed {
            self.forget_moot_followups(rules, &id, lang);
        }
    }

    /// After an earlier answer changed: forgets the answers given after it that no longer
    /// matter — a follow-up whose premise is gone, like "could the client refuse freely?" once
    /// consent is "not asked" — so that what is shown, printed and recorded never contradicts
    /// itself. An answer matters when leaving it out changes the evaluation or brings its
    /// question back; a forgotten answer is asked again if it comes to matter, and the
    /// revisions say it was dropped.
    fn forget_moot_followups(&mut self, rules: &RuleSet, changed: &str, lang: Lang) {
        let Ok(date) = self.date() else { return };
        let Some(pos) = self.answers.iter().position(|a| a.fact == changed) else { return };
        let judgments = self.judgments(rules);
        let key = |ev: &Evaluation| {
            let conditions: Vec<_> = ev.conditions.iter().map(|(c, _)| *c).collect();
            let questions: Vec<FactId> = ev.questions.iter().map(|q| q.fact).collect();
            (ev.outcome, ev.winning.clone(), conditions, ev.notices.clone(), ev.required_judgments.clone(), questions)
        };
        let mut i = pos + 1;
        while i < self.answers.len() {
            let answer = &self.answers[i];
            let Some(fact) = rules.fact(&answer.fact) else {
                i += 1;
                continue;
            };
            if self.prefilled.contains(&answer.fact) {
                i += 1;
                continue;
            }
            let with = self.facts(rules);
            let mut without = with.clone();
            without.unset(fact);
            let moot = match (evaluate(rules, date, &with, &judgments), evaluate(rules, date, &without, &judgments)) {
                (Ok(a), Ok(b)) => key(&a) == key(&b) && !b.questions.iter().any(|q| q.fact == fact),
                _ => false,
            };
            if moot {
                self.forget(rules, fact, &Msg::new("app-deliberation-answer-dropped").render(lang), lang);
            } else {
                i += 1;
            }
        }
    }

    /// The same deliberation for another recipient: the answers about the professional, the
    /// client and the data are kept (they do not depend on who receives), those about the
    /// recipient or the requester, consent (the registry decides it per recipient), an
    /// objection and every weighing are dropped, so that what differs is asked again. For the next seat at a
    /// casusoverleg, after the first was recorded.
    pub fn for_next_recipient(&self, rules: &RuleSet, recipient: &str, date: Date) -> Deliberation {
        // An objection, a referral, indications of presumed consent and a formal order are each
        // about one disclosure to one recipient: asked again, never carried over.
        let per_recipient = |fact: &str| {
            fact.starts_with("recipient_")
                || fact.starts_with("requester_")
                || matches!(
                    fact,
                    "consent"
                        | "consent_freely_given"
                        | "client_objects"
                        | "referral_or_feedback"
                        | "presumed_consent_indications"
                        | "formal_order"
                        | "order_authorised_by_judge"
                )
        };
        let mut next = Deliberation::new(self.client.clone(), date);
        next.answers = self.answers.iter().filter(|a| !per_recipient(&a.fact) && rules.fact(&a.fact).is_some()).cloned().collect();
        next.answers.push(Answer { fact: "recipient_role".into(), value: serde_json::Value::String(recipient.to_owned()) });
        // Nothing of it is a question asked in this deliberation.
        next.prefilled = next.answers.iter().map(|a| a.fact.clone()).collect();
        next
    }

    /// Forgets the answer to `fact` (and its "taken over" label), recording as a revision that it
    /// gave way to `instead` ("vervallen", "uit het toestemmingsregister"). False when unanswered.
    pub fn forget(&mut self, rules: &RuleSet, fact: FactId, instead: &str, lang: Lang) -> bool {
        let id = &rules.facts[fact.ix()].id;
        let Some(pos) = self.answers.iter().position(|a| a.fact == *id) else { return false };
        let old = self.answers.remove(pos);
        self.prefilled.retain(|f| f != id);
        self.revise(rules, fact, &old.value, instead, lang);
        true
    }

    /// Records "Label: old value → now" among the revisions.
    fn revise(&mut self, rules: &RuleSet, fact: FactId, old: &serde_json::Value, now: &str, lang: Lang) {
        let before = value_words(rules, fact, old, lang);
        self.revisions.push(format!("{}: {before} → {now}", rules.facts[fact.ix()].label.get(lang)));
    }

    /// [`Deliberation::set`] with a typed value.
    pub fn set_value(&mut self, rules: &RuleSet, fact: FactId, value: Value, lang: Lang) {
        self.set(rules, fact, json_of(rules, fact, value), lang);
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

    /// Records the professional's weighing of one judgment set, criterion by criterion.
    pub fn set_judgment(&mut self, rules: &RuleSet, judgment: JudgmentId, criteria: Vec<Criterion>) {
        self.judgments.insert(rules.judgments[judgment.ix()].id.clone(), criteria);
    }

    /// The answers as facts (answers the rule set no longer knows are left out).
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

    /// The answers with their fact, label and value label, in the order they were given.
    pub fn answer_labels(&self, rules: &RuleSet, lang: Lang) -> Vec<(FactId, String, String)> {
        self.answers
            .iter()
            .filter_map(|a| {
                let f = rules.fact(&a.fact)?;
                let v = rules.parse_value(f, &raw_of(&a.value)?).ok()?;
                Some((f, rules.facts[f.ix()].label.get(lang).to_string(), rules.value_label(f, v, lang)))
            })
            .collect()
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

    /// The hash of what the answer rests on, apart from the consent registry.
    fn answers_hash(&self, rules: &RuleSet) -> String {
        let mut answers: Vec<&Answer> = self.answers.iter().collect();
        answers.sort_by(|a, b| a.fact.cmp(&b.fact));
        let basis = serde_json::json!({
            "rules": rules.hash,
            "date": self.date,
            "client": self.client,
            "answers": answers,
            "judgments": self.judgments,
        });
        short_hash(basis.to_string().as_bytes())
    }
}

fn short_hash(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// What an evaluated answer rests on: the deliberation itself and the consent registry's
/// derivation. Travels with the "vastleggen" button as [`Version::token`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub answers: String,
    pub consent: String,
}

impl Version {
    pub fn token(&self) -> String {
        format!("{}.{}", self.answers, self.consent)
    }

    /// Reads a token; anything malformed yields a version that matches nothing.
    pub fn parse(token: &str) -> Version {
        let (a, c) = token.split_once('.').unwrap_or((token, ""));
        Version { answers: a.to_owned(), consent: c.to_owned() }
    }
}

/// A deliberation evaluated: the facts (with the registry's consent for a client), the
/// evaluation, the fact to ask next if any, and the version the answer rests on.
pub struct Evaluated {
    pub date: Date,
    pub facts: Facts,
    pub judgments: Judgments,
    pub evaluation: Evaluation,
    pub consent: Option<ConsentDerivation>,
    pub next: Option<FactId>,
    pub version: Version,
}

/// Why recording a deliberation was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The deliberation is not about a registered client.
    NoClient,
    /// The answers changed after the page was shown (another tab or window).
    Changed,
    /// The client's consent registry changed after the page was shown.
    ConsentChanged,
    /// The outcome is not determined yet.
    Undetermined,
    /// A decision following this deliberation is already recorded.
    AlreadyDecided,
}

impl Refusal {
    /// What the professional reads (a catalogue message, rendered at the edge).
    pub fn message(self) -> Msg {
        Msg::new(match self {
            Refusal::NoClient => "refusal-no-client",
            Refusal::Changed => "refusal-changed",
            Refusal::ConsentChanged => "refusal-consent-changed",
            Refusal::Undetermined => "refusal-undetermined",
            Refusal::AlreadyDecided => "refusal-already-decided",
        })
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.message(), f)
    }
}

/// Evaluates a deliberation without a consent registry (anonymous, or in the terminal): the
/// `consent` fact is then an answer like any other.
pub fn evaluate_plain(rules: &RuleSet, d: &Deliberation) -> AppResult<Evaluated> {
    finish(rules, d, d.facts(rules), None)
}

fn finish(rules: &RuleSet, d: &Deliberation, facts: Facts, consent: Option<ConsentDerivation>) -> AppResult<Evaluated> {
    let date = d.date()?;
    let judgments = d.judgments(rules);
    let evaluation = evaluate(rules, date, &facts, &judgments)?;
    let mut next = evaluation.questions.first().map(|q| q.fact);
    // For a client, consent comes from the registry; while the registry cannot be consulted,
    // the facts it needs (the proposal, or the client's age or competence to tell whose consent
    // counts) are asked instead of consent itself.
    if let Some(c) = &consent
        && let Some(f) = next
        && rules.facts[f.ix()].id == "consent"
    {
        next = PROPOSAL_FACTS.iter().chain(c.needs.as_slice()).filter_map(|id| rules.fact(id)).find(|f| facts.get(*f).is_none()).or(next);
    }
    let consent_hash = match &consent {
        Some(c) => short_hash(serde_json::to_string(c).map_err(|e| AppError::Invalid(Msg::verbatim(e.to_string())))?.as_bytes()),
        None => "-".to_owned(),
    };
    let version = Version { answers: d.answers_hash(rules), consent: consent_hash };
    Ok(Evaluated { date, facts, judgments, evaluation, consent, next, version })
}

impl<S: Store> App<S> {
    /// Evaluates a deliberation. For a client the `consent` fact comes from the registry.
    pub async fn evaluate_deliberation(&self, d: &Deliberation) -> AppResult<Evaluated> {
        let mut facts = d.facts(&self.rules);
        let consent = match &d.client {
            Some(c) => Some(self.apply_registry(c, &mut facts, d.date()?).await?),
            None => None,
        };
        finish(&self.rules, d, facts, consent)
    }

    /// Records a deliberation in its client's dossier, but only the answer the professional
    /// saw: `shown` is the [`Version::token`] of the page. Refused (with [`Refusal`]) when the
    /// answers or the consent registry changed since, or when the outcome is not determined.
    pub async fn record_deliberation(
        &self,
        professional: &ProfessionalId,
        d: &Deliberation,
        shown: &str,
        lang: Lang,
    ) -> AppResult<Deliberated> {
        let client = d.client.as_ref().ok_or(AppError::Refused(Refusal::NoClient))?;
        let ev = self.evaluate_deliberation(d).await?;
        // What is wrong now comes first: an unfinished answer is refused as such.
        if ev.evaluation.outcome == Outcome::Undetermined {
            return Err(AppError::Refused(Refusal::Undetermined));
        }
        let shown = Version::parse(shown);
        if shown.answers != ev.version.answers {
            return Err(AppError::Refused(Refusal::Changed));
        }
        if shown.consent != ev.version.consent {
            return Err(AppError::Refused(Refusal::ConsentChanged));
        }
        let derivation = ev.consent.clone().ok_or(AppError::Refused(Refusal::NoClient))?;
        self.append_deliberation(client, professional, &ev.facts, &ev.judgments, &ev.evaluation, derivation, lang).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> RuleSet {
        match grondslag_rules::load_embedded() {
            Ok(r) => r,
            Err(e) => unreachable!("built-in rules: {e}"),
        }
    }

    fn date() -> Date {
        time::macros::date!(2026 - 06 - 01)
    }

    fn fact(r: &RuleSet, id: &str) -> FactId {
        match r.fact(id) {
            Some(f) => f,
            None => unreachable!("{id}"),
        }
    }

    /// A huisarts telling a mantelzorger, with the client's consent: its follow-up (could she
    /// refuse freely?) answered.
    fn with_consent(r: &RuleSet) -> Deliberation {
        let mut d = Deliberation::new(None, date());
        for (id, v) in [
            ("sender_role", serde_json::json!("huisarts")),
            ("recipient_role", serde_json::json!("mantelzorger")),
            ("request_from", serde_json::json!("none")),
            ("purpose", serde_json::json!("inform_relatives")),
            ("data_categories", serde_json::json!(["health"])),
            ("client_age", serde_json::json!(42)),
            ("client_competent", serde_json::json!(true)),
            ("consent", serde_json::json!("given")),
            ("consent_freely_given", serde_json::json!(true)),
        ] {
            d.set(r, fact(r, id), v, Lang::Nl);
        }
        d
    }

    #[test]
    fn the_next_recipient_keeps_what_does_not_depend_on_the_recipient() {
        let r = rules();
        let mut d = Deliberation::new(None, date());
        for (f, v) in [
            ("sender_role", serde_json::json!("huisarts")),
            ("recipient_role", serde_json::json!("leraar")),
            ("recipient_in_treatment_relation", serde_json::json!(false)),
            ("request_from", serde_json::json!("none")),
            ("client_age", serde_json::json!(11)),
            ("consent", serde_json::json!("given")),
            ("client_objects", serde_json::json!(false)),
            ("data_categories", serde_json::json!(["health"])),
        ] {
            d.set(&r, fact(&r, f), v, Lang::Nl);
        }
        d.judgments.insert("any".into(), vec![Criterion::default()]);
        let next = d.for_next_recipient(&r, "jeugdarts", date());
        let kept: Vec<&str> = next.answers.iter().map(|a| a.fact.as_str()).collect();
        assert_eq!(kept, ["sender_role", "request_from", "client_age", "data_categories", "recipient_role"]);
        assert_eq!(next.value("recipient_role"), Some(&serde_json::json!("jeugdarts")));
        assert!(next.judgments.is_empty() && next.revisions.is_empty() && next.history.is_empty());
        assert_eq!(next.prefilled.len(), next.answers.len());
    }

    #[test]
    fn a_changed_answer_drops_the_follow_ups_that_no_longer_matter_and_says_so() {
        let r = rules();
        let mut d = with_consent(&r);
        assert_eq!(d.value("consent_freely_given"), Some(&serde_json::json!(true)));
        // Consent turns out not to have been asked: "freely given" has no premise any more.
        d.set(&r, fact(&r, "consent"), serde_json::json!("not_asked"), Lang::Nl);
        assert_eq!(d.value("consent_freely_given"), None, "the follow-up is forgotten");
        assert!(d.revisions.iter().any(|x| x.contains("vervallen")), "{:?}", d.revisions);
        // Answers given before the change stay, also when they no longer decide anything.
        for kept in ["sender_role", "recipient_role", "purpose", "data_categories", "client_age", "client_competent"] {
            assert!(d.value(kept).is_some(), "{kept}");
        }
        // Back to "given": the follow-up matters again and is asked again (not silently restored).
        d.set(&r, fact(&r, "consent"), serde_json::json!("given"), Lang::Nl);
        assert_eq!(d.value("consent_freely_given"), None);
        // A follow-up that still matters after a change is kept: a different purpose with consent.
        let mut d = with_consent(&r);
        d.set(&r, fact(&r, "data_categories"), serde_json::json!(["health", "social"]), Lang::Nl);
        assert_eq!(d.value("consent_freely_given"), Some(&serde_json::json!(true)));
    }

    #[test]
    fn an_answer_the_professional_changes_is_no_longer_marked_as_taken_over() {
        let r = rules();
        let mut d = Deliberation::new(None, date());
        d.set(&r, fact(&r, "consent"), serde_json::json!("not_asked"), Lang::Nl);
        d.prefilled.push("consent".into());
        d.set(&r, fact(&r, "client_age"), serde_json::json!(9), Lang::Nl);
        d.prefilled.push("client_age".into());
        d.set(&r, fact(&r, "consent"), serde_json::json!("given"), Lang::Nl);
        assert_eq!(d.prefilled, vec!["client_age".to_string()]);
        assert_eq!(d.answered(), 1, "the changed answer counts as the professional's own");
    }

    #[test]
    fn undo_restores_the_previous_value_and_offers_the_undone_one_again() {
        let r = rules();
        let Some(f) = r.fact("client_age") else { unreachable!("client_age") };
        let mut d = Deliberation::new(None, date());
        d.set(&r, f, serde_json::json!(11), Lang::Nl);
        d.set(&r, f, serde_json::json!(13), Lang::Nl);
        assert_eq!(d.revisions.len(), 1, "a changed answer is a revision");
        assert!(d.back());
        assert_eq!(d.value("client_age"), Some(&serde_json::json!(11)));
        assert_eq!(d.recall.as_ref().map(|a| a.value.clone()), Some(serde_json::json!(13)));
        assert!(d.back());
        assert_eq!(d.value("client_age"), None);
        assert!(!d.back());
    }

    #[test]
    fn typed_values_round_trip_through_their_stored_form() {
        let r = rules();
        for (id, raw) in [
            ("client_age", RawValue::Int(15)),
            ("client_age", RawValue::Str("adult".into())),
            ("data_categories", RawValue::List(vec!["contact".into(), "health".into()])),
            ("client_objects", RawValue::Bool(true)),
        ] {
            let Some(f) = r.fact(id) else { unreachable!("{id}") };
            let Ok(v) = r.parse_value(f, &raw) else { unreachable!("{id} {raw:?}") };
            let json = json_of(&r, f, v);
            let back = raw_of(&json).and_then(|raw| r.parse_value(f, &raw).ok());
            assert_eq!(back, Some(v), "{id}: {json}");
        }
    }

    #[test]
    fn the_version_changes_with_every_answer_and_judgment_but_not_with_the_order_of_answers() {
        let r = rules();
        let (Some(age), Some(obj)) = (r.fact("client_age"), r.fact("client_objects")) else { unreachable!("facts") };
        let mut a = Deliberation::new(None, date());
        a.set(&r, age, serde_json::json!(15), Lang::Nl);
        a.set(&r, obj, serde_json::json!(false), Lang::Nl);
        let mut b = Deliberation::new(None, date());
        b.set(&r, obj, serde_json::json!(false), Lang::Nl);
        b.set(&r, age, serde_json::json!(15), Lang::Nl);
        let v = |d: &Deliberation| evaluate_plain(&r, d).map(|e| e.version).ok();
        assert!(v(&a).is_some());
        assert_eq!(v(&a), v(&b), "the same answers in another order are the same answer");
        b.set(&r, age, serde_json::json!(16), Lang::Nl);
        assert_ne!(v(&a), v(&b));
        let mut c = a.clone();
        c.judgments.insert("conflict_of_duties".into(), vec![Criterion { answer: Some(true), reasons: "x".into() }]);
        assert_ne!(v(&a), v(&c), "a weighing is part of what the answer rests on");
        let mut later = a.clone();
        later.date = "2026-06-02".into();
        assert_ne!(v(&a), v(&later), "the date of the law is too");
    }

    #[test]
    fn a_token_reads_back_and_garbage_matches_nothing() {
        let v = Version { answers: "ab".into(), consent: "cd".into() };
        assert_eq!(Version::parse(&v.token()), v);
        assert_ne!(Version::parse("zonder-punt"), v);
        assert_ne!(Version::parse(""), v);
    }
}
