//! The application layer on SQLite with synthetic data: the consent registry is derived from
//! stored (encrypted) entries, every receipt's inclusion proof verifies against its signed
//! checkpoint, and a meldcode trajectory is stored as `meldcode` entries and folded back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use grondslag_app::{App, FactsInput, Identity};
use grondslag_dossier::{Capacity, ConsentForm, ConsentRecord};
use grondslag_rules::{Lang, Outcome};
use grondslag_store::{AppRole, ClientId, OrgId, ProfessionalId, Store as _};
use grondslag_store_sqlite::SqliteStore;
use time::macros::date;

const FACTS: &str = "facts:
  sender_role: huisarts
  recipient_role: verzekeraar
  request_from: verzekeraar
  recipient_in_treatment_relation: false
  data_categories: [health]
  purpose: insurance_or_employment
  client_age: adult
  client_competent: true
  consent: given   # ignored: the registry decides for a registered client
";

fn consent(roles: &[&str], data: &[&str], purposes: &[&str]) -> ConsentRecord {
    ConsentRecord {
        given_by: "de cliënt".into(),
        capacity: Capacity::Client,
        recipient_roles: roles.iter().map(|s| s.to_string()).collect(),
        data_categories: data.iter().map(|s| s.to_string()).collect(),
        purposes: purposes.iter().map(|s| s.to_string()).collect(),
        valid_from: date!(2026 - 01 - 01),
        valid_to: None,
        form: ConsentForm::Written,
        freely_given: true,
        informed_of_consequences: true,
        note: String::new(),
    }
}

async fn setup(dir: &std::path::Path) -> (App<SqliteStore>, OrgId, ProfessionalId, ClientId) {
    let store = SqliteStore::open(dir.join("grondslag.db")).await.unwrap();
    let app = App::new(store, dir, grondslag_rules::load_embedded().unwrap());
    let (org, _) = app.create_organisation("Synthetische Praktijk").await.unwrap();
    let prof = app.create_professional(&org.id, "Dr. Proef", AppRole::Professional, "huisarts").await.unwrap();
    let id = Identity { name: "Test Persoon".into(), birth_date: Some("1970-01-01".into()) };
    let client = app.create_client(&org.id, "SYNTH-0001", &id).await.unwrap();
    (app, org.id, prof.id, client.id)
}

/// Two decisions on one deliberation recorded at the same moment: exactly one lands.
#[tokio::test]
async fn crossing_decisions_never_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _, prof, client) = setup(dir.path()).await;
    let day = date!(2026 - 11 - 23);
    let d = app
        .deliberate(&client, &prof, FactsInput { file_name: "feiten.yaml", content: FACTS, date: day, lang: Lang::Nl, open: false })
        .await
        .unwrap();
    let decision = |n: u32| grondslag_dossier::Decision {
        deliberation_seq: d.receipt.seq,
        shared: false,
        what: String::new(),
        recipient: String::new(),
        shared_at: None,
        client_informed: Some(format!("besproken ({n})")),
        client_not_informed_reason: None,
        reasons: "niets gedeeld".into(),
    };
    let (a, b, c) = tokio::join!(
        app.decide(&client, &prof, decision(0)),
        app.decide(&client, &prof, decision(1)),
        app.decide(&client, &prof, decision(2)),
    );
    assert_eq!([a, b, c].iter().filter(|r| r.is_ok()).count(), 1);
    assert_eq!(app.entries(&client).await.unwrap().len(), 2);
}

#[tokio::test]
async fn consent_is_derived_from_stored_entries() {
    let dir = tempfile::tempdir().unwrap();
    let (app, org, prof, client) = setup(dir.path()).await;
    let day = date!(2026 - 11 - 23);
    let deliberate =
        || app.deliberate(&client, &prof, FactsInput { file_name: "feiten.yaml", content: FACTS, date: day, lang: Lang::Nl, open: false });

    // Nothing registered: the file's `consent: given` does not count.
    let d = deliberate().await.unwrap();
    assert_eq!((d.consent.consent, d.report.outcome), ("not_asked", Outcome::MayNotShare));

    // A consent for another purpose is out of scope.
    let other = app.register_consent(&client, &prof, consent(&["verzekeraar"], &["health"], &["research"])).await.unwrap();
    let d = deliberate().await.unwrap();
    assert_eq!((d.consent.consent, d.report.outcome), ("out_of_scope", Outcome::MayNotShare));

    // A covering consent: may share, relying on that entry.
    let r = app.register_consent(&client, &prof, consent(&["verzekeraar"], &["health"], &["insurance_or_employment"])).await.unwrap();
    let d = deliberate().await.unwrap();
    assert_eq!((d.consent.consent, d.consent.relied_on, d.report.outcome), ("given", Some(r.seq), Outcome::MayShare));
    let reg = app.consent_registry(&client).await.unwrap();
    assert_eq!(reg.iter().map(|c| c.seq).collect::<Vec<_>>(), vec![other.seq, r.seq]);

    // Withdrawn from the date of the deliberation: may not share, naming the withdrawn consent.
    app.withdraw_consent(&client, &prof, r.seq, day, "de cliënt", "").await.unwrap();
    let d = deliberate().await.unwrap();
    assert_eq!((d.consent.consent, d.consent.relied_on, d.report.outcome), ("withdrawn", Some(r.seq), Outcome::MayNotShare));
    // Only a consent entry can be withdrawn, and only once.
    assert!(app.withdraw_consent(&client, &prof, d.receipt.seq, day, "x", "").await.is_err());
    assert!(app.withdraw_consent(&client, &prof, r.seq, day, "x", "").await.is_err());

    // The stored deliberation carries the derivation; the content is not in the database in clear.
    let hist = app.history(&client, Lang::Nl).await.unwrap();
    assert!(hist.status.ok(), "{:?}", hist.status);
    assert!(hist.lines.last().unwrap().summary.contains(&format!("dossierregel {}", r.seq)));
    let db = std::fs::read(dir.path().join("grondslag.db")).unwrap();
    for needle in ["Test Persoon", "SYNTH-0001", "insurance_or_employment"] {
        assert!(!db.windows(needle.len()).any(|w| w == needle.as_bytes()), "{needle} staat leesbaar in de database");
    }
    assert!(app.verify_organisation(&org).await.is_ok());
}

/// Whose consent counts depends on the client's age and competence when the information would
/// be shared (law.md §4.2): a 9-year-old's own consent is registered but does not count, his
/// parent's does; and without the age the registry asks for it instead of guessing.
#[tokio::test]
async fn consent_counts_only_from_whoever_decides_for_the_client() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _, prof, client) = setup(dir.path()).await;
    let day = date!(2026 - 11 - 23);
    let facts = |age: &str| FACTS.replace("client_age: adult", age);
    let child = facts("client_age: 9");
    let deliberate = |content: &str| {
        let content = content.to_owned();
        let app = &app;
        let (client, prof) = (&client, &prof);
        async move {
            app.deliberate(client, prof, FactsInput { file_name: "feiten.yaml", content: &content, date: day, lang: Lang::Nl, open: false })
                .await
        }
    };
    let own = app.register_consent(&client, &prof, consent(&["verzekeraar"], &["health"], &["insurance_or_employment"])).await.unwrap();
    let d = deliberate(&child).await.unwrap();
    assert_eq!((d.consent.consent, d.consent.relied_on, d.report.outcome), ("not_asked", None, Outcome::MayNotShare));
    assert!(d.consent.explanation.contains(&format!("dossierregel {}", own.seq)) && d.consent.explanation.contains("ouders met gezag"));
    // An adult's own consent still counts.
    assert_eq!(deliberate(FACTS).await.unwrap().consent.consent, "given");

    let parent = ConsentRecord {
        given_by: "moeder (ouder met gezag)".into(),
        capacity: Capacity::ParentWithAuthority,
        ..consent(&["verzekeraar"], &["health"], &["insurance_or_employment"])
    };
    let p = app.register_consent(&client, &prof, parent).await.unwrap();
    let d = deliberate(&child).await.unwrap();
    assert_eq!((d.consent.consent, d.consent.relied_on, d.report.outcome), ("given", Some(p.seq), Outcome::MayShare));

    // Without the age the registry cannot tell: the deliberation asks the age, not consent.
    let rules = app.rules();
    let mut draft = grondslag_app::deliberation::Deliberation::new(Some(client.clone()), day);
    for line in facts("").lines().skip(1).filter(|l| l.contains(':') && !l.contains("consent")) {
        let (k, v) = line.trim().split_once(':').unwrap();
        let f = rules.fact(k.trim()).unwrap();
        let values: Vec<String> = v.trim().trim_matches(|c| c == '[' || c == ']').split(',').map(|x| x.trim().to_owned()).collect();
        draft.set(rules, f, grondslag_app::deliberation::parse_answer(rules, f, &values).unwrap(), Lang::Nl);
    }
    let ev = app.evaluate_deliberation(&draft).await.unwrap();
    assert_eq!(
        (ev.consent.as_ref().map(|c| c.needs), ev.next.map(|f| app.rules().facts[f.ix()].id.as_str())),
        (Some(Some("client_age")), Some("client_age"))
    );
}

#[tokio::test]
async fn receipts_prove_inclusion_in_their_signed_checkpoint() {
    let dir = tempfile::tempdir().unwrap();
    let (app, org, prof, client) = setup(dir.path()).await;
    // A second client, so the tree interleaves dossiers.
    let other = app.create_client(&org, "SYNTH-0002", &Identity { name: "Ander Persoon".into(), birth_date: None }).await.unwrap();
    let key = app.org_keys(&org).unwrap().verifier_key().unwrap();
    let mut receipts = Vec::new();
    for i in 0..7 {
        let c = if i % 2 == 0 { &client } else { &other.id };
        let r = app.register_consent(c, &prof, consent(&["verzekeraar"], &["health"], &["insurance_or_employment"])).await.unwrap();
        r.verify(&key).unwrap();
        assert_eq!(r.tree_size, r.leaf_index + 1);
        receipts.push(r);
    }
    assert_eq!(receipts.iter().map(|r| r.leaf_index).collect::<Vec<_>>(), (0..7).collect::<Vec<_>>());
    // A receipt with a changed leaf does not verify; one signed by another key neither.
    let mut bad = receipts[3].clone();
    bad.leaf_hash = receipts[4].leaf_hash.clone();
    assert!(bad.verify(&key).is_err());
    let (org2, key2) = app.create_organisation("Andere Praktijk").await.unwrap();
    assert_ne!(org2.id, org);
    assert!(receipts[0].verify(&key2).is_err());

    // The identity round-trips; the pseudonym is stable per reference.
    let c = app.store().client(&client).await.unwrap();
    assert_eq!(app.identity(&c).await.unwrap().name, "Test Persoon");
    assert_eq!(app.client_by_reference(&org, "SYNTH-0001").await.unwrap().map(|c| c.id), Some(client.clone()));
    assert!(app.create_client(&org, "SYNTH-0001", &Identity { name: "Dubbel".into(), birth_date: None }).await.is_err());

    // The bundle verifies, before and after erasure.
    let b = app.export(&client).await.unwrap();
    assert_eq!(grondslag_ledger::verify_bundle(&b).unwrap().entries, 4);
    app.erase(&client, 2).await.unwrap();
    let b = app.export(&client).await.unwrap();
    let rep = grondslag_ledger::verify_bundle(&b).unwrap();
    assert_eq!((rep.payloads_verified, rep.payloads_absent), (3, 1));
    let h = app.history(&client, Lang::Nl).await.unwrap();
    assert!(h.status.ok());
    assert_eq!(h.lines[1].summary, "inhoud gewist");
    // The same history in English: every summary worded in the reader's language.
    let en = app.history(&client, Lang::En).await.unwrap();
    assert_eq!(en.lines[1].summary, "content erased");
    for (nl, en) in h.lines.iter().zip(&en.lines) {
        assert_ne!(nl.summary, en.summary, "entry {} has the same summary in both languages", nl.seq);
    }
    assert!(app.verify_organisation(&org).await.is_ok());
}

/// What is recorded is what was shown: recording binds to the version of the evaluated answer.
/// Another answer since, consent withdrawn since, or an outcome not yet determined is refused
/// and nothing is appended.
#[tokio::test]
async fn recording_binds_to_the_answer_that_was_shown() {
    use grondslag_app::AppError;
    use grondslag_app::deliberation::{Deliberation, Refusal, parse_answer};

    let dir = tempfile::tempdir().unwrap();
    let (app, _, prof, client) = setup(dir.path()).await;
    let day = date!(2026 - 11 - 23);
    let rules = app.rules().clone();
    let consent_seq =
        app.register_consent(&client, &prof, consent(&["verzekeraar"], &["health"], &["insurance_or_employment"])).await.unwrap().seq;
    let mut d = Deliberation::new(Some(client.clone()), day);
    let answer = |d: &mut Deliberation, fact: &str, value: &str| {
        let f = rules.fact(fact).unwrap();
        let v = parse_answer(&rules, f, &[value.to_owned()]).unwrap();
        d.set(&rules, f, v, Lang::Nl);
    };
    answer(&mut d, "sender_role", "huisarts");
    answer(&mut d, "recipient_role", "verzekeraar");
    let entries = || async { app.entries(&client).await.unwrap().len() };
    let before = entries().await;

    // Unfinished: even with the exact version of the page, nothing is recorded.
    let ev = app.evaluate_deliberation(&d).await.unwrap();
    assert_eq!(ev.evaluation.outcome, Outcome::Undetermined);
    let r = app.record_deliberation(&prof, &d, &ev.version.token(), Lang::Nl).await;
    assert!(matches!(r, Err(AppError::Refused(Refusal::Undetermined))), "{r:?}");

    for (fact, value) in [
        ("request_from", "verzekeraar"),
        ("recipient_in_treatment_relation", "false"),
        ("data_categories", "health"),
        ("purpose", "insurance_or_employment"),
        ("client_age", "40"),
        ("client_competent", "true"),
        ("client_deceased", "false"),
    ] {
        answer(&mut d, fact, value);
    }
    let shown = app.evaluate_deliberation(&d).await.unwrap();
    assert_eq!(shown.evaluation.outcome, Outcome::MayShare, "the registered consent covers it");

    // Another tab changes an answer: the page's version no longer matches.
    let mut other_tab = d.clone();
    answer(&mut other_tab, "client_age", "41");
    let r = app.record_deliberation(&prof, &other_tab, &shown.version.token(), Lang::Nl).await;
    assert!(matches!(r, Err(AppError::Refused(Refusal::Changed))), "{r:?}");
    // A missing or forged version matches nothing.
    for token in ["", "x.y", &shown.version.answers] {
        assert!(app.record_deliberation(&prof, &d, token, Lang::Nl).await.is_err(), "{token:?}");
    }

    // The consent the answer relied on is withdrawn after the page was shown.
    app.withdraw_consent(&client, &prof, consent_seq, day, "de cliënt", "").await.unwrap();
    let after_withdrawal = entries().await;
    assert_eq!(after_withdrawal, before + 1, "only the withdrawal was appended");
    let r = app.record_deliberation(&prof, &d, &shown.version.token(), Lang::Nl).await;
    assert!(matches!(r, Err(AppError::Refused(Refusal::ConsentChanged))), "{r:?}");
    assert_eq!(entries().await, after_withdrawal, "nothing recorded by a refusal");

    // The current answer, seen anew, is recorded as shown.
    let current = app.evaluate_deliberation(&d).await.unwrap();
    assert_eq!(current.evaluation.outcome, Outcome::MayNotShare);
    let done = app.record_deliberation(&prof, &d, &current.version.token(), Lang::Nl).await.unwrap();
    assert_eq!((done.report.outcome, done.consent.consent), (Outcome::MayNotShare, "withdrawn"));
    assert_eq!(entries().await, after_withdrawal + 1);
}

/// The API and the CLI record from facts directly; an undetermined outcome is refused there too.
#[tokio::test]
async fn an_undetermined_deliberation_is_never_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _, prof, client) = setup(dir.path()).await;
    let open = FactsInput {
        file_name: "feiten.yaml",
        content: "facts:\n  sender_role: huisarts\n",
        date: date!(2026 - 11 - 23),
        lang: Lang::Nl,
        open: true,
    };
    let r = app.deliberate(&client, &prof, open).await;
    assert!(matches!(r, Err(grondslag_app::AppError::Refused(grondslag_app::deliberation::Refusal::Undetermined))), "{r:?}");
    assert!(app.entries(&client).await.unwrap().is_empty());
}

/// A consent names each recipient, kind of data and purpose once (found by the API fuzzer: a
/// repeated value was stored and read back against the document's `uniqueItems`).
#[tokio::test]
async fn a_consent_with_a_repeated_value_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _, prof, client) = setup(dir.path()).await;
    for record in [
        consent(&["verzekeraar", "verzekeraar"], &["health"], &["insurance_or_employment"]),
        consent(&["verzekeraar"], &["health", "contact", "health"], &["insurance_or_employment"]),
        consent(&["verzekeraar"], &["health"], &["research", "research"]),
    ] {
        let r = app.register_consent(&client, &prof, record).await;
        assert!(matches!(&r, Err(grondslag_app::AppError::Invalid(m)) if m.to_string().contains("één keer")), "{r:?}");
    }
    assert!(app.consent_registry(&client).await.unwrap().is_empty());
}

mod meldcode {
    use super::setup;
    use grondslag_app::AppError;
    use grondslag_app::Identity;
    use grondslag_dossier::meldcode::{
        Answer, CloseReason, Consultation, Consulted, Conversation, DecisionRecord, Event, Notice, Outcome, Question, ReportingNorm,
        Sector, Signal, SignalSource, Trajectory, Verdict,
    };
    use grondslag_rules::Lang;
    use time::Date;
    use time::macros::date;

    fn day(n: i64) -> Date {
        date!(2026 - 12 - 03) + time::Duration::days(n)
    }

    fn signal(n: i64) -> Signal {
        Signal {
            observed_on: day(n),
            source: SignalSource::OwnObservation,
            source_detail: String::new(),
            observation: "blauwe plekken op beide bovenarmen van het kind (synthetisch)".into(),
            interpretation: Some("mogelijk hard vastgepakt".into()),
            concerns_staff_member: false,
        }
    }

    fn answered(n: i64, question: Question, yes: bool) -> Event {
        Event::Answered {
            on: day(n),
            answer: Answer {
                question,
                yes,
                reasons: format!("mijn afweging bij vraag {}", question.number()),
                jointly_with_veilig_thuis: false,
            },
        }
    }

    /// A whole trajectory: a signal, the aandachtsfunctionaris consulted, a conversation, the
    /// afwegingskader answered up to "report" (no effective own help), the decision to report,
    /// and the closing.
    fn trajectory() -> Vec<Event> {
        vec![
            Event::Opened { on: day(0), sector: Sector::Care, signal: signal(0) },
            Event::Consulted {
                on: day(1),
                consultation: Consultation {
                    with: Consulted::Aandachtsfunctionaris,
                    who: "aandachtsfunctionaris team Noord".into(),
                    advice: "bespreek de zorg met moeder en weeg daarna".into(),
                },
            },
            Event::Conversation {
                on: day(2),
                conversation: Conversation::Held {
                    with: "moeder".into(),
                    summary: "zorgen besproken; moeder herkent ze gedeeltelijk".into(),
                },
            },
            answered(3, Question::Suspicion, true),
            answered(3, Question::Safety, false),
            answered(3, Question::Help, false),
            Event::Decided {
                on: day(4),
                decision: DecisionRecord {
                    report: true,
                    own_help: true,
                    reasons: "eigen hulp is niet genoeg; melden en blijven begeleiden".into(),
                },
            },
            Event::Closed {
                on: day(5),
                reason: CloseReason::Reported,
                explanation:
                    "gemeld bij Veilig Thuis; vervolg volgens de afspraken met Veilig Thuis, die de regie neemt over de veiligheid".into(),
                follow_up: "contact met Veilig Thuis over de rol van de praktijk".into(),
            },
        ]
    }

    fn refused_with(r: Result<grondslag_app::Receipt, AppError>, id: &str) {
        assert!(matches!(&r, Err(AppError::Invalid(m)) if m.id() == Some(id)), "{id}: {r:?}");
    }

    #[tokio::test]
    async fn a_whole_trajectory_is_recorded_read_back_and_verifies() {
        let dir = tempfile::tempdir().unwrap();
        let (app, org, prof, client) = setup(dir.path()).await;
        assert_eq!(app.meldcode(&client).await.unwrap(), None);
        let events = trajectory();
        let key = app.org_keys(&org).unwrap().verifier_key().unwrap();
        for e in &events {
            app.record_meldcode(&client, &prof, e.clone()).await.unwrap().verify(&key).unwrap();
        }

        // Read back: the same trajectory as folding the events directly, and the framework's
        // outcome of the professional's answers: reporting is the norm (no effective own help).
        let view = app.meldcode(&client).await.unwrap().unwrap();
        let direct = Trajectory::fold(&events).unwrap();
        assert_eq!(view.trajectory.as_ref(), Some(&direct));
        let t = view.trajectory.unwrap();
        assert_eq!(t.weighing().verdict, Verdict::Outcome(Outcome::Report));
        assert_eq!(t.weighing().norm, Some(ReportingNorm::NoSufficientOwnHelp));
        assert_eq!(t.decisions().len(), 1);
        assert!(t.is_closed() && t.notices().is_empty());
        assert_eq!(view.records.iter().map(|r| r.seq).collect::<Vec<_>>(), (1..=8).collect::<Vec<u64>>());
        assert_eq!(view.records.iter().map(|r| r.event.clone().unwrap()).collect::<Vec<_>>(), events);
        assert!(view.records.iter().all(|r| r.actor == "Dr. Proef" && r.role == "huisarts" && r.ts.ends_with('Z')));
        assert!(view.erased_events.is_empty() && view.not_folded.is_empty());

        // The timeline: a summary per event, in Dutch and in English, never the same.
        let nl = app.history(&client, Lang::Nl).await.unwrap();
        let en = app.history(&client, Lang::En).await.unwrap();
        assert!(nl.status.ok(), "{:?}", nl.status);
        assert!(nl.lines.iter().all(|l| l.kind == "meldcode"));
        assert_eq!(grondslag_app::kind_label("meldcode", Lang::Nl), "meldcode");
        let nl_text: Vec<&str> = nl.lines.iter().map(|l| l.summary.as_str()).collect();
        assert_eq!(nl_text[0], "Meldcode geopend: signaal vastgelegd (eigen waarneming, 3 december 2026)");
        assert_eq!(nl_text[1], "Meldcode: overleg met de aandachtsfunctionaris (4 december 2026)");
        assert_eq!(nl_text[4], "Meldcode: afwegingsvraag 2 beantwoord: nee (6 december 2026)");
        assert_eq!(nl_text[6], "Meldcode: besluit — melden bij Veilig Thuis: ja; eigen hulp: ja (7 december 2026)");
        assert!(
            nl_text[7].starts_with("Meldcode gesloten: gemeld bij Veilig Thuis (8 december 2026): gemeld bij Veilig Thuis;"),
            "{}",
            nl_text[7]
        );
        assert!(nl_text[7].ends_with('…') && nl_text[7].len() < 160, "a long explanation is shortened: {}", nl_text[7]);
        assert_eq!(en.lines[4].summary, "Meldcode: weighing question 2 answered: no (6 December 2026)");
        for (n, e) in nl.lines.iter().zip(&en.lines) {
            assert!(!n.summary.is_empty());
            assert_ne!(n.summary, e.summary, "entry {} has the same summary in both languages", n.seq);
        }

        // What the professional wrote is sealed: not in the database in clear.
        let db = std::fs::read(dir.path().join("grondslag.db")).unwrap();
        for needle in ["blauwe plekken", "aandachtsfunctionaris team Noord", "mijn afweging"] {
            assert!(!db.windows(needle.len()).any(|w| w == needle.as_bytes()), "{needle} staat leesbaar in de database");
        }

        // The bundle verifies offline with every payload.
        let rep = grondslag_ledger::verify_bundle(&app.export(&client).await.unwrap()).unwrap();
        assert_eq!((rep.entries, rep.payloads_verified, rep.payloads_absent), (8, 8, 0));

        // The content of the conversation is erased: the view says so and folds the rest; the
        // bundle still verifies; continuing is refused while part of the history is gone.
        app.erase(&client, 3).await.unwrap();
        let view = app.meldcode(&client).await.unwrap().unwrap();
        assert_eq!(view.erased_events, vec![3]);
        assert!(view.not_folded.is_empty());
        assert_eq!(view.records[2].event, None);
        assert_eq!(view.records.len(), 8);
        let t = view.trajectory.unwrap();
        assert!(t.is_closed() && t.conversations().is_empty());
        let rep = grondslag_ledger::verify_bundle(&app.export(&client).await.unwrap()).unwrap();
        assert_eq!((rep.entries, rep.payloads_verified, rep.payloads_absent), (8, 7, 1));
        assert_eq!(app.history(&client, Lang::Nl).await.unwrap().lines[2].summary, "inhoud gewist");
        let reopen = Event::Reopened { on: day(30), reasons: "nieuwe zorgen van school".into() };
        refused_with(app.record_meldcode(&client, &prof, reopen).await, "app-meldcode-history-erased");
        assert_eq!(app.entries(&client).await.unwrap().len(), 8);

        // Without the opening event nothing can be folded; the view says so rather than failing.
        app.erase(&client, 1).await.unwrap();
        let view = app.meldcode(&client).await.unwrap().unwrap();
        assert_eq!((view.trajectory, view.erased_events), (None, vec![1, 3]));
        assert_eq!(view.not_folded, vec![2, 4, 5, 6, 7, 8]);
        assert!(grondslag_ledger::verify_bundle(&app.export(&client).await.unwrap()).is_ok());
        assert!(app.verify_organisation(&org).await.is_ok());
    }

    #[tokio::test]
    async fn an_event_the_trajectory_refuses_appends_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (app, _, prof, client) = setup(dir.path()).await;
        let count = || async { app.entries(&client).await.unwrap().len() };

        // The first event must open the trajectory.
        refused_with(app.record_meldcode(&client, &prof, answered(0, Question::Suspicion, true)).await, "app-meldcode-not-opened");
        assert_eq!(count().await, 0);
        assert_eq!(app.meldcode(&client).await.unwrap(), None);

        let events = trajectory();
        for e in &events {
            app.record_meldcode(&client, &prof, e.clone()).await.unwrap();
        }
        assert_eq!(count().await, 8);
        // Closed: only a reopen continues it; blank reasons, a second opening and a date before
        // the opening are refused too. Nothing is appended by any of them.
        refused_with(
            app.record_meldcode(&client, &prof, Event::SignalAdded { on: day(9), signal: signal(9) }).await,
            "app-meldcode-closed",
        );
        refused_with(app.record_meldcode(&client, &prof, events[0].clone()).await, "app-meldcode-already-opened");
        refused_with(
            app.record_meldcode(&client, &prof, Event::Reopened { on: day(9), reasons: "  ".into() }).await,
            "app-meldcode-missing-reasons",
        );
        refused_with(
            app.record_meldcode(&client, &prof, Event::Reopened { on: day(-1), reasons: "nieuw".into() }).await,
            "app-meldcode-before-opened",
        );
        refused_with(
            app.record_meldcode(&client, &prof, Event::Reopened { on: day(9), reasons: "nieuw\u{7}".into() }).await,
            "app-meldcode-control-characters",
        );
        refused_with(
            app.record_meldcode(&client, &prof, Event::Reopened { on: day(9), reasons: "a".repeat(20_001) }).await,
            "app-meldcode-text-too-long",
        );
        assert_eq!(count().await, 8);
        assert_eq!(app.meldcode(&client).await.unwrap().unwrap().trajectory, Some(Trajectory::fold(&events).unwrap()));

        // Reopened, it goes on.
        app.record_meldcode(&client, &prof, Event::Reopened { on: day(9), reasons: "nieuwe zorgen van school".into() }).await.unwrap();
        refused_with(
            app.record_meldcode(&client, &prof, Event::Reopened { on: day(9), reasons: "nog eens".into() }).await,
            "app-meldcode-not-closed",
        );
        app.record_meldcode(&client, &prof, Event::SignalAdded { on: day(9), signal: signal(9) }).await.unwrap();
        assert_eq!(count().await, 10);
    }

    /// The aandachtsfunctionaris' overview: open trajectories only, where each stands and for how
    /// long, overdue after the set number of days, pending advice; never the recorded content.
    #[tokio::test]
    async fn the_overview_lists_open_trajectories_with_their_age_and_never_their_content() {
        let dir = tempfile::tempdir().unwrap();
        let (app, org, prof, idle) = setup(dir.path()).await;
        let who = Identity { name: "Tweede Persoon".into(), birth_date: None };
        let asking = app.create_client(&org, "SYNTH-0002", &who).await.unwrap().id;
        let closed = app.create_client(&org, "SYNTH-0003", &who).await.unwrap().id;
        let untouched = app.create_client(&org, "SYNTH-0004", &who).await.unwrap().id;
        assert!(app.meldcode_overview(&org, day(0), 14).await.unwrap().is_empty());

        app.record_meldcode(&idle, &prof, Event::Opened { on: day(0), sector: Sector::Care, signal: signal(0) }).await.unwrap();
        for e in [
            Event::Opened { on: day(10), sector: Sector::YouthCare, signal: signal(10) },
            Event::ConsultationRequested { on: day(11), of: Consulted::Aandachtsfunctionaris, question: "melden of eerst hulp?".into() },
        ] {
            app.record_meldcode(&asking, &prof, e).await.unwrap();
        }
        for e in trajectory() {
            app.record_meldcode(&closed, &prof, e).await.unwrap();
        }
        let _ = untouched;

        let today = day(20);
        let list = app.meldcode_overview(&org, today, 14).await.unwrap();
        assert_eq!(list.iter().map(|s| s.client.clone()).collect::<Vec<_>>(), vec![idle.clone(), asking.clone()], "overdue first");
        let (a, b) = (&list[0], &list[1]);
        assert!(a.overdue && a.idle_days == 20 && a.opened_by == "Dr. Proef");
        assert_eq!(a.advice_asked_since, None);
        assert_eq!(a.steps[0].days, 20);
        assert!(a.steps[0].done && !a.steps[1].done);
        assert_eq!(a.steps[1].last_touched, None);
        assert!(!b.overdue && b.idle_days == 9);
        assert_eq!(b.advice_asked_since, Some(day(11)));
        // The organisation sets its own number of days.
        assert!(app.meldcode_overview(&org, today, 30).await.unwrap().iter().all(|s| !s.overdue));
        // Nothing the professional wrote is in it.
        let json = serde_json::to_string(&list).unwrap();
        for needle in ["blauwe plekken", "vastgepakt", "melden of eerst hulp"] {
            assert!(!json.contains(needle), "{needle} in the overview: {json}");
        }
        assert!(json.contains("\"opened_on\":\"2026-12-03\""), "{json}");
        // Advice recorded: no longer asked.
        let advice = Consultation { with: Consulted::Aandachtsfunctionaris, who: "A.F.".into(), advice: "eerst gesprek".into() };
        app.record_meldcode(&asking, &prof, Event::Consulted { on: day(21), consultation: advice }).await.unwrap();
        let list = app.meldcode_overview(&org, day(21), 14).await.unwrap();
        assert_eq!(list[1].advice_asked_since, None);
    }

    /// After a decision to report, the report names the deliberation it rests on: an entry of
    /// this dossier that is a deliberation or decision, nothing else.
    #[tokio::test]
    async fn a_report_names_a_deliberation_of_this_dossier() {
        use grondslag_dossier::meldcode::{Feedback, ReportRecord};
        let dir = tempfile::tempdir().unwrap();
        let (app, _, prof, client) = setup(dir.path()).await;
        let events = trajectory();
        for e in &events[..7] {
            app.record_meldcode(&client, &prof, e.clone()).await.unwrap();
        }
        let report = |deliberation| Event::Reported {
            on: day(4),
            report: ReportRecord { deliberation, informed: "moeder vooraf ingelicht".into(), agreements: "Veilig Thuis belt terug".into() },
        };
        // Entry 2 is a meldcode entry, 99 does not exist.
        refused_with(app.record_meldcode(&client, &prof, report(Some(2))).await, "app-meldcode-report-deliberation-unknown");
        refused_with(app.record_meldcode(&client, &prof, report(Some(99))).await, "app-meldcode-report-deliberation-unknown");
        let feedback = Event::VeiligThuisFeedback {
            on: day(9),
            feedback: Feedback { feedback: "Veilig Thuis start een onderzoek".into(), follow_up: "begeleiding loopt door".into() },
        };
        refused_with(app.record_meldcode(&client, &prof, feedback.clone()).await, "app-meldcode-not-reported");
        app.record_meldcode(&client, &prof, report(None)).await.unwrap();
        app.record_meldcode(&client, &prof, feedback).await.unwrap();
        let nl = app.history(&client, Lang::Nl).await.unwrap();
        assert_eq!(nl.lines[7].summary, "Meldcode: melding bij Veilig Thuis gedaan (7 december 2026)");
        assert_eq!(nl.lines[8].summary, "Meldcode: terugkoppeling van Veilig Thuis (12 december 2026): Veilig Thuis start een onderzoek");
        let t = app.meldcode(&client).await.unwrap().unwrap().trajectory.unwrap();
        assert_eq!((t.reports().len(), t.feedback().len()), (1, 1));
    }

    /// Two professionals closing the same trajectory at the same moment: exactly one closure
    /// lands; the other is refused (a conflict, or "closed"), never appended unchecked.
    #[tokio::test]
    async fn crossing_recordings_never_both_land() {
        let dir = tempfile::tempdir().unwrap();
        let (app, _, prof, client) = setup(dir.path()).await;
        app.record_meldcode(&client, &prof, Event::Opened { on: day(0), sector: Sector::Care, signal: signal(0) }).await.unwrap();
        let close = |n: i64| Event::Closed {
            on: day(1),
            reason: CloseReason::NoSuspicion,
            explanation: format!("geen zorgen meer ({n})"),
            follow_up: String::new(),
        };
        let (a, b, c, d) = tokio::join!(
            app.record_meldcode(&client, &prof, close(0)),
            app.record_meldcode(&client, &prof, close(1)),
            app.record_meldcode(&client, &prof, close(2)),
            app.record_meldcode(&client, &prof, close(3)),
        );
        let results = [a, b, c, d];
        assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1, "{results:?}");
        let view = app.meldcode(&client).await.unwrap().unwrap();
        assert_eq!(view.records.len(), 2);
        assert!(view.not_folded.is_empty());
    }

    /// Reporting is a right with a professional norm: a decision not to report where the norm
    /// says report is recorded as the professional's own and flagged, never refused.
    #[tokio::test]
    async fn a_decision_departing_from_the_norm_is_recorded_and_flagged() {
        let dir = tempfile::tempdir().unwrap();
        let (app, _, prof, client) = setup(dir.path()).await;
        for e in [
            Event::Opened { on: day(0), sector: Sector::YouthCare, signal: signal(0) },
            answered(1, Question::Suspicion, true),
            answered(1, Question::Safety, true),
            Event::Decided {
                on: day(2),
                decision: DecisionRecord { report: false, own_help: true, reasons: "mijn redenen om niet te melden".into() },
            },
        ] {
            app.record_meldcode(&client, &prof, e).await.unwrap();
        }
        let t = app.meldcode(&client).await.unwrap().unwrap().trajectory.unwrap();
        assert!(!t.decisions()[0].decision.report);
        assert!(matches!(t.notices().as_slice(), [Notice::DecisionDepartsFromNorm { norm: ReportingNorm::AcuteOrStructuralUnsafety, .. }]));
    }
}

/// The storage conformance suite (run on SQLite and PostgreSQL) appends every ledger type the
/// application writes; this keeps its list the same as the dossier's entry kinds.
#[test]
fn the_conformance_suite_appends_every_entry_kind() {
    use grondslag_dossier::EntryKind as K;
    let kinds = [K::Deliberation, K::Decision, K::Consent, K::ConsentRevocation, K::Disclosure, K::Correction, K::Meldcode];
    // A new kind must be added here (the match) and to the suite's list.
    for k in kinds {
        match k {
            K::Deliberation | K::Decision | K::Consent | K::ConsentRevocation | K::Disclosure | K::Correction | K::Meldcode => {}
        }
    }
    let mut ours: Vec<&str> = kinds.iter().map(|k| k.ledger_type()).collect();
    let mut suite = grondslag_store::conformance::ENTRY_KINDS.to_vec();
    ours.sort_unstable();
    suite.sort_unstable();
    assert_eq!(ours, suite);
}
