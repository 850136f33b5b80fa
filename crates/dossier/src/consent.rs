//! The consent registry's reasoning. A registered consent counts for a proposed disclosure only
//! when it covers this recipient, every category of data and this purpose, is in force on the
//! date, has not been withdrawn, and was given by whoever decides for this client at his age and
//! competence (law.md §4.2). The engine's `consent` fact is derived from the registry, and the
//! answer names the consent it relied on.

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

/// What the registry must know about the client to tell whose consent counts: his age and
/// competence when the information would be shared, and the law the professional works under.
/// Age counts at the disclosure, not at the consent: a consent the parents gave for an
/// 11-year-old is no longer enough once the child is 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Subject {
    /// Age in years (18 for "of age"); `None` while not answered.
    pub age: Option<u8>,
    /// Competent for this decision (wilsbekwaam ter zake); `None` while not answered.
    pub competent: Option<bool>,
    /// The professional gives individual health care under the WGBO and not youth care under
    /// the Jeugdwet. A competent client of 12 to 15 then holds his secret himself (art. 7:465
    /// lid 2 BW); in youth care, and under the AVG outside care, the parents consent as well.
    pub wgbo_only: bool,
}

impl Subject {
    /// Reads the subject from the facts of a deliberation (`client_age`, `client_competent`,
    /// and the tags of `sender_role`).
    pub fn from_facts(rules: &grondslag_rules::RuleSet, facts: &grondslag_engine::Facts) -> Subject {
        use grondslag_engine::FactSource as _;
        use grondslag_rules::{Age, Value};
        let get = |id: &str| rules.fact(id).and_then(|f| facts.get(f));
        let age = match get("client_age") {
            Some(Value::Age(Age::Years(y))) => Some(y),
            Some(Value::Age(Age::Adult)) => Some(18),
            _ => None,
        };
        let competent = match get("client_competent") {
            Some(Value::Bool(b)) => Some(b),
            _ => None,
        };
        let tagged = |role: &grondslag_rules::Role, tag: &str| role.tags.iter().any(|t| rules.tags.get(*t).is_some_and(|t| t.id == tag));
        let wgbo_only = match get("sender_role") {
            Some(Value::Role(Some(r))) => rules.roles.get(r.ix()).is_some_and(|r| tagged(r, "zorgverlener") && !tagged(r, "jeugdhulp")),
            _ => false,
        };
        Subject { age, competent, wgbo_only }
    }
}

const PARENTS: &[Capacity] = &[Capacity::ParentWithAuthority, Capacity::Guardian];
const REPRESENTATIVES: &[Capacity] = &[Capacity::Curator, Capacity::Mentor, Capacity::WrittenProxy, Capacity::Partner, Capacity::Family];

/// Whose consent a disclosure about this client needs (law.md §4.2), with the reason in Dutch.
enum Required {
    /// A consent from someone in one of these capacities.
    AnyOf(&'static [Capacity], String),
    /// The client's own consent and that of a parent with gezag or the guardian.
    ClientAndParents(String),
    /// Cannot be told before this fact is answered.
    Fact(&'static str),
}

fn required(s: &Subject) -> Required {
    let Some(age) = s.age else { return Required::Fact("client_age") };
    match (age, s.competent) {
        (0..=11, _) => Required::AnyOf(
            PARENTS,
            format!("Voor een cliënt van {age} jaar geven de ouders met gezag of de voogd toestemming, niet het kind zelf (art. 7:465 lid 1 BW; art. 7.3.4 Jeugdwet)."),
        ),
        (12..=17, Some(false)) => Required::AnyOf(
            PARENTS,
            format!("Een cliënt van {age} jaar die niet wilsbekwaam is ter zake beslist niet zelf; dan geven de ouders met gezag of de voogd toestemming (art. 7:465 lid 2 BW)."),
        ),
        (12..=15, None) if s.wgbo_only => Required::Fact("client_competent"),
        (12..=15, _) if s.wgbo_only => Required::AnyOf(
            &[Capacity::Client],
            "Een wilsbekwame cliënt van 12 tot 16 jaar beslist onder de WGBO zelf over zijn geheim (art. 7:465 lid 2 BW); de toestemming van de ouders alleen telt dan niet.".into(),
        ),
        (12..=15, _) => Required::ClientAndParents(
            "Voor een cliënt van 12 tot 16 jaar is in de jeugdhulp de toestemming van de jongere zelf én van de ouders met gezag of de voogd nodig (art. 7.3.4 Jeugdwet); buiten de zorg vraagt de AVG onder 16 jaar de toestemming van de wettelijk vertegenwoordiger (art. 5 UAVG). Grondslag telt de toestemming pas als beide geregistreerd zijn. Wil de jongere niet dat zijn ouders erbij betrokken worden, vraag het hun dan niet: dan valt toestemming als grond weg.".into(),
        ),
        (18.., Some(false)) => Required::AnyOf(
            REPRESENTATIVES,
            "Voor een meerderjarige die niet wilsbekwaam is ter zake geeft een vertegenwoordiger toestemming: curator of mentor, anders een schriftelijk gemachtigde, anders de partner, anders een ouder, kind, broer of zus (art. 7:465 lid 3 BW). Of de juiste persoon in die volgorde toestemde, beoordeelt u zelf.".into(),
        ),
        _ => Required::AnyOf(
            &[Capacity::Client],
            "Een wilsbekwame cliënt van 16 jaar of ouder geeft zelf toestemming (art. 7:447 BW; art. 7.3.5 Jeugdwet); de toestemming van een ander telt dan niet.".into(),
        ),
    }
}

/// Which of the covering consents count for this client, or why none do.
enum Standing<'a> {
    Counts(Vec<&'a ConsentState>),
    Missing(String),
    NeedsFact(&'static str),
}

fn standing<'a>(candidates: &[&'a ConsentState], s: &Subject) -> Standing<'a> {
    let newest = |caps: &[Capacity]| candidates.iter().copied().filter(|c| caps.contains(&c.record.capacity)).max_by_key(|c| c.seq);
    match required(s) {
        Required::Fact(f) => Standing::NeedsFact(f),
        Required::AnyOf(caps, why) => match newest(caps) {
            Some(c) => Standing::Counts(vec![c]),
            // An incompetent client's representative counts; ask before saying it does not.
            None if s.competent.is_none()
                && matches!(required(&Subject { competent: Some(false), ..*s }), Required::AnyOf(r, _) if newest(r).is_some()) =>
            {
                Standing::NeedsFact("client_competent")
            }
            None => Standing::Missing(why),
        },
        Required::ClientAndParents(why) => match (newest(&[Capacity::Client]), newest(PARENTS)) {
            (Some(a), Some(b)) => Standing::Counts(vec![a, b]),
            (None, Some(_)) if s.competent.is_none() => Standing::NeedsFact("client_competent"),
            _ => Standing::Missing(why),
        },
    }
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
    /// A fact about the client that must be answered before the registry can tell whose
    /// consent counts (`client_age`, `client_competent`); the `consent` fact is then unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needs: Option<&'static str>,
}

impl ConsentDerivation {
    /// The registry cannot give the `consent` fact yet.
    pub fn unknown(explanation: impl Into<String>, needs: Option<&'static str>) -> ConsentDerivation {
        ConsentDerivation { consent: "unknown", freely_given: None, relied_on: None, explanation: explanation.into(), needs }
    }
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
/// Covering consents in force count when they were given by whoever decides for this client
/// (`subject`); one given by someone else is reported as not asked of the right person.
/// Otherwise a withdrawn covering consent is reported as withdrawn; otherwise any consent that
/// does not cover this disclosure (other recipient, data, purpose, or period) makes it out of
/// scope; with none registered, consent was not asked.
pub fn derive_consent(registry: &[ConsentState], p: &Proposal, subject: &Subject) -> ConsentDerivation {
    let withdrawn = |c: &ConsentState| c.withdrawn_on.is_some_and(|w| w <= p.date);
    let covering: Vec<&ConsentState> =
        registry.iter().filter(|c| !withdrawn(c) && in_force(&c.record, p.date) && covers(&c.record, p)).collect();
    if !covering.is_empty() {
        return match standing(&covering, subject) {
            Standing::Counts(cs) => {
                let named: Vec<String> = cs.iter().map(|c| format!("dossierregel {}, van {}", c.seq, c.record.given_by)).collect();
                ConsentDerivation {
                    consent: "given",
                    freely_given: Some(cs.iter().all(|c| c.record.freely_given)),
                    relied_on: cs.iter().map(|c| c.seq).max(),
                    explanation: format!(
                        "Geregistreerde toestemming ({}) dekt deze ontvanger, deze gegevens en dit doel.",
                        named.join("; ")
                    ),
                    needs: None,
                }
            }
            Standing::NeedsFact(f) => ConsentDerivation::unknown(
                if f == "client_age" {
                    "Er is geregistreerde toestemming; wie voor deze cliënt toestemt, hangt af van zijn leeftijd. Beantwoord eerst die vraag."
                } else {
                    "Er is geregistreerde toestemming; of die van de juiste persoon komt, hangt af van de wilsbekwaamheid van de cliënt. Beantwoord eerst die vraag."
                },
                Some(f),
            ),
            Standing::Missing(why) => {
                let seqs: Vec<String> = covering.iter().map(|c| c.seq.to_string()).collect();
                ConsentDerivation {
                    consent: "not_asked",
                    freely_given: None,
                    relied_on: None,
                    explanation: format!(
                        "De geregistreerde toestemming (dossierregel {}) komt niet van wie voor deze cliënt beslist en telt daarom niet. {why}",
                        seqs.join(", ")
                    ),
                    needs: None,
                }
            }
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
            needs: None,
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
            needs: None,
        };
    }
    ConsentDerivation {
        consent: "not_asked",
        freely_given: None,
        relied_on: None,
        explanation: "Er is geen toestemming geregistreerd voor deze cliënt.".into(),
        needs: None,
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
    use proptest::prelude::*;
    use time::macros::date;

    const ADULT: Subject = Subject { age: Some(18), competent: Some(true), wgbo_only: true };

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
        let d = derive_consent(&reg, &proposal(&data, date!(2026 - 06 - 01)), &ADULT);
        assert_eq!((d.consent, d.relied_on, d.freely_given), ("given", Some(4), Some(true)));
    }

    #[test]
    fn scope_must_cover_recipient_every_data_category_and_purpose() {
        let reg =
            vec![ConsentState { seq: 2, record: record(&["verzekeraar"], &["health"], &["insurance_or_employment"]), withdrawn_on: None }];
        let more = vec!["health".to_string(), "social".to_string()];
        assert_eq!(derive_consent(&reg, &proposal(&more, date!(2026 - 06 - 01)), &ADULT).consent, "out_of_scope");
        let data = vec!["health".to_string()];
        let other = Proposal { recipient_role: "werkgever", ..proposal(&data, date!(2026 - 06 - 01)) };
        assert_eq!(derive_consent(&reg, &other, &ADULT).consent, "out_of_scope");
        let other = Proposal { purpose: "research", ..proposal(&data, date!(2026 - 06 - 01)) };
        assert_eq!(derive_consent(&reg, &other, &ADULT).consent, "out_of_scope");
    }

    #[test]
    fn expired_or_withdrawn_consent_does_not_count() {
        let data = vec!["health".to_string()];
        let reg =
            vec![ConsentState { seq: 2, record: record(&["verzekeraar"], &["health"], &["insurance_or_employment"]), withdrawn_on: None }];
        assert_eq!(derive_consent(&reg, &proposal(&data, date!(2027 - 01 - 02)), &ADULT).consent, "out_of_scope");
        let reg = vec![ConsentState { withdrawn_on: Some(date!(2026 - 05 - 01)), ..reg[0].clone() }];
        let d = derive_consent(&reg, &proposal(&data, date!(2026 - 06 - 01)), &ADULT);
        assert_eq!((d.consent, d.relied_on), ("withdrawn", Some(2)));
        // Before the withdrawal took effect it still counted.
        assert_eq!(derive_consent(&reg, &proposal(&data, date!(2026 - 04 - 01)), &ADULT).consent, "given");
        assert_eq!(derive_consent(&[], &proposal(&data, date!(2026 - 04 - 01)), &ADULT).consent, "not_asked");
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
            apply_consent(&rules, &mut f, &derive_consent(reg, &proposal(&data, day), &ADULT)).unwrap();
            grondslag_engine::evaluate(&rules, day, &f, &grondslag_engine::Judgments::default()).unwrap().outcome
        };
        assert_eq!(outcome(&reg), grondslag_rules::Outcome::MayShare);
        reg[0].withdrawn_on = Some(date!(2026 - 05 - 15));
        assert_eq!(outcome(&reg), grondslag_rules::Outcome::MayNotShare);
    }

    fn by(seq: u64, capacity: Capacity) -> ConsentState {
        ConsentState {
            seq,
            record: ConsentRecord { capacity, ..record(&["verzekeraar"], &["health"], &["insurance_or_employment"]) },
            withdrawn_on: None,
        }
    }

    fn consent_for(reg: &[ConsentState], subject: Subject) -> ConsentDerivation {
        let data = vec!["health".to_string()];
        derive_consent(reg, &proposal(&data, date!(2026 - 06 - 01)), &subject)
    }

    #[test]
    fn a_child_under_12_does_not_consent_himself() {
        let child = Subject { age: Some(9), competent: Some(true), wgbo_only: true };
        let d = consent_for(&[by(3, Capacity::Client)], child);
        assert_eq!((d.consent, d.relied_on), ("not_asked", None));
        assert!(d.explanation.contains("ouders met gezag"), "{}", d.explanation);
        assert_eq!(consent_for(&[by(3, Capacity::Client), by(5, Capacity::ParentWithAuthority)], child).relied_on, Some(5));
        assert_eq!(consent_for(&[by(4, Capacity::Guardian)], child).consent, "given");
    }

    #[test]
    fn age_counts_at_the_disclosure_and_must_be_known() {
        let reg = [by(3, Capacity::ParentWithAuthority)];
        let d = consent_for(&reg, Subject { age: None, competent: None, wgbo_only: false });
        assert_eq!((d.consent, d.needs), ("unknown", Some("client_age")));
        // The parents consented when the child was 11; at 12 in youth care the child must too.
        let d = consent_for(&reg, Subject { age: Some(12), competent: Some(true), wgbo_only: false });
        assert_eq!(d.consent, "not_asked");
        assert!(d.explanation.contains("jongere zelf"), "{}", d.explanation);
    }

    #[test]
    fn twelve_to_fifteen_depends_on_the_law_and_competence() {
        let youth_care = Subject { age: Some(14), competent: Some(true), wgbo_only: false };
        assert_eq!(consent_for(&[by(3, Capacity::Client)], youth_care).consent, "not_asked");
        let both = consent_for(&[by(3, Capacity::Client), by(6, Capacity::ParentWithAuthority)], youth_care);
        assert_eq!((both.consent, both.relied_on), ("given", Some(6)));
        assert!(both.explanation.contains("dossierregel 3") && both.explanation.contains("dossierregel 6"), "{}", both.explanation);
        // Under the WGBO a competent 14-year-old holds his own secret; the parents alone do not.
        let wgbo = Subject { wgbo_only: true, ..youth_care };
        assert_eq!(consent_for(&[by(3, Capacity::Client)], wgbo).consent, "given");
        assert_eq!(consent_for(&[by(6, Capacity::ParentWithAuthority)], wgbo).consent, "not_asked");
        assert_eq!(consent_for(&[by(3, Capacity::Client)], Subject { competent: None, ..wgbo }).needs, Some("client_competent"));
        // Not competent: the parents decide, under either law.
        for law in [true, false] {
            let incompetent = Subject { competent: Some(false), wgbo_only: law, ..youth_care };
            assert_eq!(consent_for(&[by(6, Capacity::ParentWithAuthority)], incompetent).consent, "given");
            assert_eq!(consent_for(&[by(3, Capacity::Client)], incompetent).consent, "not_asked");
        }
        // Both parties consented to a free disclosure only when both could refuse freely.
        let mut reg = [by(3, Capacity::Client), by(6, Capacity::ParentWithAuthority)];
        reg[0].record.freely_given = false;
        assert_eq!(consent_for(&reg, youth_care).freely_given, Some(false));
    }

    #[test]
    fn an_adult_consents_himself_unless_he_is_not_competent() {
        assert_eq!(consent_for(&[by(2, Capacity::Partner)], ADULT).consent, "not_asked");
        let unknown = consent_for(&[by(2, Capacity::Partner)], Subject { competent: None, ..ADULT });
        assert_eq!(unknown.needs, Some("client_competent"));
        let incompetent = Subject { competent: Some(false), ..ADULT };
        assert_eq!(consent_for(&[by(2, Capacity::Curator)], incompetent).consent, "given");
        assert_eq!(consent_for(&[by(2, Capacity::Client)], incompetent).consent, "not_asked");
        assert_eq!(consent_for(&[by(2, Capacity::ParentWithAuthority)], incompetent).consent, "not_asked");
        // Competence is presumed for an adult: his own consent counts before it is asked.
        assert_eq!(consent_for(&[by(2, Capacity::Client)], Subject { competent: None, ..ADULT }).consent, "given");
    }

    fn capacity() -> impl Strategy<Value = Capacity> {
        prop::sample::select(vec![
            Capacity::Client,
            Capacity::ParentWithAuthority,
            Capacity::Guardian,
            Capacity::Curator,
            Capacity::Mentor,
            Capacity::WrittenProxy,
            Capacity::Partner,
            Capacity::Family,
        ])
    }

    proptest! {
        /// Whoever consented, a consent counts only when law.md §4.2 lets that person decide:
        /// never the child himself under 12, never the parents alone for a competent 12-to-15-
        /// year-old under the WGBO, never the client alone in youth care at 12 to 15, never
        /// someone else for a competent client of 16 or older.
        #[test]
        fn given_only_from_whoever_decides(caps in prop::collection::vec(capacity(), 0..4), age in prop::option::of(0u8..=18),
                                           competent in prop::option::of(any::<bool>()), wgbo_only in any::<bool>()) {
            let reg: Vec<ConsentState> = caps.iter().enumerate().map(|(i, c)| by(i as u64 + 1, *c)).collect();
            let subject = Subject { age, competent, wgbo_only };
            let d = consent_for(&reg, subject);
            let has = |c: &[Capacity]| caps.iter().any(|x| c.contains(x));
            if d.consent == "given" {
                let age = age.unwrap_or_default();
                prop_assert!(subject.age.is_some());
                let relied = reg.iter().find(|c| Some(c.seq) == d.relied_on).map(|c| c.record.capacity);
                prop_assert!(relied.is_some());
                match (age, competent) {
                    (0..=11, _) | (12..=17, Some(false)) => prop_assert!(has(PARENTS) && relied.is_some_and(|c| PARENTS.contains(&c))),
                    (12..=15, _) if wgbo_only => prop_assert!(competent == Some(true) && relied == Some(Capacity::Client)),
                    (12..=15, _) => prop_assert!(has(&[Capacity::Client]) && has(PARENTS)),
                    (18.., Some(false)) => prop_assert!(relied.is_some_and(|c| REPRESENTATIVES.contains(&c))),
                    _ => prop_assert_eq!(relied, Some(Capacity::Client)),
                }
            }
            // Without any consent registered the registry never asks for more facts.
            if caps.is_empty() {
                prop_assert_eq!((d.consent, d.needs), ("not_asked", None));
            }
        }
    }
}
