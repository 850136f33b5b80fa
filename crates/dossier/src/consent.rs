//! The consent registry's reasoning. A registered consent counts for a proposed disclosure only
//! when it was given freely, covers this recipient, every category of data and this purpose,
//! is in force on the date, and has not been withdrawn. The engine's `consent` fact is derived
//! from the registry, and the answer names the consent it relied on.

use serde::{Deserialize, Serialize};
use time::Date;

/// In which capacity the consent was given (law.md §4.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Capacity {
    Client,
    ParentWithAuthority,
    Guardian,
    Curator,
    Mentor,
    WrittenProxy,
    Partner,
    Family,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentForm {
    Oral,
    Written,
    Digital,
}

/// A consent as registered: who gave it, for which recipients, data and purposes, and for how
/// long. Role, data and purpose ids are those of the rule set's facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRecord {
    pub given_by: String,
    pub capacity: Capacity,
    pub recipient_roles: Vec<String>,
    pub data_categories: Vec<String>,
    pub purposes: Vec<String>,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
    pub form: ConsentForm,
    /// False when the client depends on the recipient or requester (benefit, provision, job).
    pub freely_given: bool,
    pub informed_of_consequences: bool,
    pub note: String,
}

/// A registered consent with its place in the dossier and whether it was withdrawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentState {
    /// Sequence number of the consent entry in the dossier.
    pub seq: u64,
    pub record: ConsentRecord,
    /// The date from which it was withdrawn, if it was.
    pub withdrawn_on: Option<Date>,
}

/// What the professional proposes to share: ids as in the rule set's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal<'a> {
    pub recipient_role: &'a str,
    pub data_categories: &'a [String],
    pub purpose: &'a str,
    pub date: Date,
}

/// The `consent` fact derived from the registry, with the consent it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsentDerivation {
    /// A value of the `consent` fact: `given`, `withdrawn`, `out_of_scope` or `not_asked`.
    pub consent: &'static str,
    /// The `consent_freely_given` fact, when a consent was relied on.
    pub freely_given: Option<bool>,
    /// The consent entry (sequence number) the answer relies on or that was withdrawn.
    pub relied_on: Option<u64>,
    /// Dutch, for the answer: why the registry gives this value.
    pub explanation: String,
}

fn covers(r: &ConsentRecord, p: &Proposal) -> bool {
    r.recipient_roles.iter().any(|x| x == p.recipient_role)
        && r.purposes.iter().any(|x| x == p.purpose)
        && p.data_categories.iter().all(|d| r.data_categories.contains(d))
}

fn in_force(r: &ConsentRecord, date: Date) -> bool {
    r.valid_from <= date && r.valid_to.is_none_or(|to| date <= to)
}

/// Derives the `consent` fact for a proposal from the registered consents of this client.
/// A covering consent in force wins; otherwise a withdrawn covering consent is reported as
/// withdrawn; otherwise any consent that does not cover this disclosure (other recipient, data,
/// purpose, or period) makes it out of scope; with none registered, consent was not asked.
pub fn derive_consent(registry: &[ConsentState], p: &Proposal) -> ConsentDerivation {
    let withdrawn = |c: &ConsentState| c.withdrawn_on.is_some_and(|w| w <= p.date);
    if let Some(c) = registry.iter().filter(|c| !withdrawn(c) && in_force(&c.record, p.date) && covers(&c.record, p)).max_by_key(|c| c.seq)
    {
        return ConsentDerivation {
            consent: "given",
            freely_given: Some(c.record.freely_given),
            relied_on: Some(c.seq),
            explanation: format!(
                "Geregistreerde toestemming (dossierregel {}) van {} dekt deze ontvanger, deze gegevens en dit doel.",
                c.seq, c.record.given_by
            ),
        };
    }
    if let Some(c) = registry.iter().filter(|c| withdrawn(c) && covers(&c.record, p)).max_by_key(|c| c.seq) {
        return ConsentDerivation {
            consent: "withdrawn",
            freely_given: None,
            relied_on: Some(c.seq),
            explanation: format!(
                "De toestemming die dit dekte (dossierregel {}) is ingetrokken{}; ze telt niet meer.",
                c.seq,
                c.withdrawn_on.map(|d| format!(" per {d}")).unwrap_or_default()
            ),
        };
    }
    if let Some(c) = registry.iter().filter(|c| !withdrawn(c)).max_by_key(|c| c.seq) {
        let why = if covers(&c.record, p) {
            "is (nog) niet of niet meer geldig op deze datum"
        } else {
            "dekt deze ontvanger, gegevens of dit doel niet"
        };
        return ConsentDerivation {
            consent: "out_of_scope",
            freely_given: None,
            relied_on: None,
            explanation: format!("Er is geregistreerde toestemming (dossierregel {}), maar die {why}.", c.seq),
        };
    }
    ConsentDerivation {
        consent: "not_asked",
        freely_given: None,
        relied_on: None,
        explanation: "Er is geen toestemming geregistreerd voor deze cliënt.".into(),
    }
}

/// Puts the derived consent into the facts of an evaluation, replacing what was there: the
/// registry is the source of truth for a registered client.
pub fn apply_consent(rules: &grondslag_rules::RuleSet, facts: &mut grondslag_engine::Facts, d: &ConsentDerivation) -> Result<(), String> {
    let f = rules.fact("consent").ok_or("de regelset kent het feit 'consent' niet")?;
    let v = rules.parse_value(f, &grondslag_rules::RawValue::Str(d.consent.to_string()))?;
    facts.set(f, v);
    if let Some(free) = d.freely_given {
        let f = rules.fact("consent_freely_given").ok_or("de regelset kent het feit 'consent_freely_given' niet")?;
        facts.set(f, grondslag_rules::Value::Bool(free));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use time::macros::date;

    fn record(roles: &[&str], data: &[&str], purposes: &[&str]) -> ConsentRecord {
        ConsentRecord {
            given_by: "de cliënt".into(),
            capacity: Capacity::Client,
            recipient_roles: roles.iter().map(|s| s.to_string()).collect(),
            data_categories: data.iter().map(|s| s.to_string()).collect(),
            purposes: purposes.iter().map(|s| s.to_string()).collect(),
            valid_from: date!(2026 - 01 - 01),
            valid_to: Some(date!(2026 - 12 - 31)),
            form: ConsentForm::Written,
            freely_given: true,
            informed_of_consequences: true,
            note: String::new(),
        }
    }

    fn proposal<'a>(data: &'a [String], date: Date) -> Proposal<'a> {
        Proposal { recipient_role: "verzekeraar", data_categories: data, purpose: "insurance_or_employment", date }
    }

    #[test]
    fn covering_consent_in_force_is_given_and_named() {
        let reg =
            vec![ConsentState { seq: 4, record: record(&["verzekeraar"], &["health"], &["insurance_or_employment"]), withdrawn_on: None }];
        let data = vec!["health".to_string()];
        let d = derive_consent(&reg, &proposal(&data, date!(2026 - 06 - 01)));
        assert_eq!((d.consent, d.relied_on, d.freely_given), ("given", Some(4), Some(true)));
    }

    #[test]
    fn scope_must_cover_recipient_every_data_category_and_purpose() {
        let reg =
            vec![ConsentState { seq: 2, record: record(&["verzekeraar"], &["health"], &["insurance_or_employment"]), withdrawn_on: None }];
        let more = vec!["health".to_string(), "social".to_string()];
        assert_eq!(derive_consent(&reg, &proposal(&more, date!(2026 - 06 - 01))).consent, "out_of_scope");
        let data = vec!["health".to_string()];
        let other = Proposal { recipient_role: "werkgever", ..proposal(&data, date!(2026 - 06 - 01)) };
        assert_eq!(derive_consent(&reg, &other).consent, "out_of_scope");
        let other = Proposal { purpose: "research", ..proposal(&data, date!(2026 - 06 - 01)) };
        assert_eq!(derive_consent(&reg, &other).consent, "out_of_scope");
    }

    #[test]
    fn expired_or_withdrawn_consent_does_not_count() {
        let data = vec!["health".to_string()];
        let reg =
            vec![ConsentState { seq: 2, record: record(&["verzekeraar"], &["health"], &["insurance_or_employment"]), withdrawn_on: None }];
        assert_eq!(derive_consent(&reg, &proposal(&data, date!(2027 - 01 - 02))).consent, "out_of_scope");
        let reg = vec![ConsentState { withdrawn_on: Some(date!(2026 - 05 - 01)), ..reg[0].clone() }];
        let d = derive_consent(&reg, &proposal(&data, date!(2026 - 06 - 01)));
        assert_eq!((d.consent, d.relied_on), ("withdrawn", Some(2)));
        // Before the withdrawal took effect it still counted.
        assert_eq!(derive_consent(&reg, &proposal(&data, date!(2026 - 04 - 01))).consent, "given");
        assert_eq!(derive_consent(&[], &proposal(&data, date!(2026 - 04 - 01))).consent, "not_asked");
    }

    #[test]
    fn withdrawing_a_consent_changes_the_outcome_that_relied_on_it() {
        let rules = grondslag_rules::load_embedded().unwrap();
        let mut facts = grondslag_engine::Facts::new(&rules);
        for (k, v) in [
            ("sender_role", grondslag_rules::RawValue::Str("huisarts".into())),
            ("recipient_role", grondslag_rules::RawValue::Str("verzekeraar".into())),
            ("request_from", grondslag_rules::RawValue::Str("verzekeraar".into())),
            ("data_categories", grondslag_rules::RawValue::List(vec!["health".into()])),
            ("purpose", grondslag_rules::RawValue::Str("insurance_or_employment".into())),
            ("client_age", grondslag_rules::RawValue::Str("adult".into())),
            ("client_competent", grondslag_rules::RawValue::Bool(true)),
            ("recipient_in_treatment_relation", grondslag_rules::RawValue::Bool(false)),
        ] {
            let f = rules.fact(k).unwrap();
            facts.set(f, rules.parse_value(f, &v).unwrap());
        }
        let facts = facts.with_defaults(&rules);
        let data = vec!["health".to_string()];
        let day = date!(2026 - 06 - 01);
        let mut reg =
            vec![ConsentState { seq: 3, record: record(&["verzekeraar"], &["health"], &["insurance_or_employment"]), withdrawn_on: None }];
        let outcome = |reg: &[ConsentState]| {
            let mut f = facts.clone();
            apply_consent(&rules, &mut f, &derive_consent(reg, &proposal(&data, day))).unwrap();
            grondslag_engine::evaluate(&rules, day, &f, &grondslag_engine::Judgments::default()).unwrap().outcome
        };
        assert_eq!(outcome(&reg), grondslag_rules::Outcome::MayShare);
        reg[0].withdrawn_on = Some(date!(2026 - 05 - 15));
        assert_eq!(outcome(&reg), grondslag_rules::Outcome::MayNotShare);
    }
}
