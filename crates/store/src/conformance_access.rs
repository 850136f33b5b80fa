//! The conformance suite of [`AccessStore`] (feature `conformance`): both backends run it.
//!
//! ```ignore
//! grondslag_store::conformance_access::run(store, |t| tamper_access(pool.clone(), t)).await?;
//! ```
//!
//! The `tamper` hook acts as a database administrator with raw SQL on the access log: a plain
//! `UPDATE`/`DELETE` must be refused by the triggers, and edits made around them must be found by
//! [`verify_access_chain`].

use std::future::Future;

use crate::access::{
    AccessEvent, AccessQuery, AccessStore, BreakGlass, CareRelation, Draft, PasswordOrigin, SessionRecord, SessionStage, StoredAccessEvent,
    verify_access_chain,
};
use crate::records::{AppRole, NewProfessional};
use crate::{ClientId, Conference, ConferenceId, DraftId, GrantId, OrgId, ProfessionalId, Store, StoreError, UnixMillis, new_id};

/// What the suite asks the backend to do with raw SQL on the access log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccessTamper {
    /// A plain `UPDATE` of an event; must be refused (`Err`).
    PlainUpdate { org: OrgId, seq: u64 },
    /// A plain `DELETE` of an event; must be refused.
    PlainDelete { org: OrgId, seq: u64 },
    /// Bypassing the triggers: change the `action` of an event.
    ChangeAction { org: OrgId, seq: u64, action: String },
    /// Bypassing the triggers: delete an event.
    Delete { org: OrgId, seq: u64 },
}

macro_rules! ensure {
    ($cond:expr, $($arg:tt)*) => {
        if !$cond {
            return Err(format!($($arg)*));
        }
    };
}

fn ctx<T>(what: &str, r: Result<T, StoreError>) -> Result<T, String> {
    r.map_err(|e| format!("{what}: {e} ({})", e.code()))
}

/// An organisation with two professionals and two clients.
struct Fixture {
    org: OrgId,
    alice: ProfessionalId,
    bob: ProfessionalId,
    c1: ClientId,
    c2: ClientId,
}

async fn fixture<S: Store>(s: &S, name: &str) -> Result<Fixture, String> {
    let org = ctx("organisatie", s.create_organisation(name, None).await)?.id;
    let mut ids = Vec::new();
    for who in ["Alice", "Bob"] {
        let new = NewProfessional { org: org.clone(), name: who.into(), app_role: AppRole::Professional, profession: "huisarts".into() };
        ids.push(ctx("professional", s.create_professional(&new).await)?.id);
    }
    let c1 = ctx("cliënt", s.create_client(&org, &format!("{name}-1"), b"x").await)?.id;
    let c2 = ctx("cliënt", s.create_client(&org, &format!("{name}-2"), b"y").await)?.id;
    Ok(Fixture { org, alice: ids[0].clone(), bob: ids[1].clone(), c1, c2 })
}

/// A moment of the suite (the tests only compare them).
const fn ms(n: i64) -> UnixMillis {
    UnixMillis::from_millis(n)
}

fn event(org: &OrgId, user: &ProfessionalId, client: Option<&ClientId>, action: &str, i: i64) -> AccessEvent {
    AccessEvent {
        org: org.clone(),
        ts: grondslag_ledger::ts_from_unix_millis(1_790_000_000_000 + i).unwrap_or_default(),
        user: user.to_string(),
        user_role: "professional".into(),
        on_behalf_of: None,
        client: client.map(ClientId::to_string),
        action: action.into(),
        authorisation: "zorgrelatie".into(),
        allowed: true,
        source: "127.0.0.1".into(),
    }
}

/// Runs every part; returns the names of the checks that ran.
pub async fn run<S, T, F>(s: S, tamper: T) -> Result<Vec<&'static str>, String>
where
    S: Store + AccessStore,
    T: Fn(AccessTamper) -> F,
    F: Future<Output = Result<(), String>>,
{
    credentials(&s).await?;
    first_use(&s).await?;
    sessions(&s).await?;
    second_factor(&s).await?;
    care_relations(&s).await?;
    break_glass(&s).await?;
    access_log(&s, &tamper).await?;
    drafts(&s).await?;
    conferences(&s).await?;
    Ok(vec![
        "credentials",
        "first_use",
        "sessions",
        "second_factor",
        "care_relations",
        "break_glass",
        "access_log",
        "drafts",
        "conferences",
    ])
}

pub async fn credentials<S: Store + AccessStore>(s: &S) -> Result<(), String> {
    let f = fixture(s, "inlog").await?;
    let login_a = format!("alice-{}", new_id());
    ctx("inlog zetten", s.set_credential(&f.alice, &login_a, "$argon2id$a", PasswordOrigin::Own).await)?;
    let c = ctx("inlog lezen", s.credential_by_login(&login_a.to_uppercase()).await)?;
    ensure!(c.as_ref().map(|c| &c.professional) == Some(&f.alice), "inlognaam is niet hoofdletterongevoelig: {c:?}");
    ensure!(c.as_ref().is_some_and(|c| !c.disabled && c.password_hash == "$argon2id$a"), "inlog onjuist teruggelezen");
    // A second professional cannot take the same name, in any case.
    match s.set_credential(&f.bob, &login_a.to_uppercase(), "$argon2id$b", PasswordOrigin::Own).await {
        Err(StoreError::Conflict(_)) => {}
        other => return Err(format!("dubbele inlognaam geaccepteerd: {other:?}")),
    }
    // Replacing one's own password keeps one row.
    ctx("wachtwoord vervangen", s.set_credential(&f.alice, &login_a, "$argon2id$c", PasswordOrigin::Own).await)?;
    let c = ctx("inlog lezen", s.credential_of(&f.alice).await)?;
    ensure!(c.as_ref().is_some_and(|c| c.password_hash == "$argon2id$c"), "wachtwoord niet vervangen");
    ctx("blokkeren", s.set_disabled(&f.alice, true).await)?;
    let c = ctx("inlog lezen", s.credential_by_login(&login_a).await)?;
    ensure!(c.is_some_and(|c| c.disabled), "blokkering niet opgeslagen");
    ensure!(ctx("onbekend", s.credential_by_login("bestaat-niet-xyz").await)?.is_none(), "onbekende inlognaam gevonden");
    ensure!(matches!(s.set_disabled(&f.bob, true).await, Err(StoreError::NotFound { .. })), "blokkeren zonder inlog geeft geen NotFound");
    Ok(())
}

/// An initial password (set by an administrator) must be replaced; the first sign-in with an
/// own password is recorded once and survives later password changes.
pub async fn first_use<S: Store + AccessStore>(s: &S) -> Result<(), String> {
    let f = fixture(s, "eerste-gebruik").await?;
    let login = format!("nieuw-{}", new_id());
    ctx("eerste wachtwoord", s.set_credential(&f.alice, &login, "$argon2id$eerste", PasswordOrigin::Initial).await)?;
    let c = ctx("inlog lezen", s.credential_by_login(&login).await)?;
    ensure!(
        c.as_ref().is_some_and(|c| c.must_change_password && c.first_use.is_none()),
        "een eerste wachtwoord moet vervangen worden en het account is nog niet in gebruik: {c:?}"
    );
    ctx("eigen wachtwoord", s.set_credential(&f.alice, &login, "$argon2id$eigen", PasswordOrigin::Own).await)?;
    let c = ctx("inlog lezen", s.credential_of(&f.alice).await)?;
    ensure!(c.as_ref().is_some_and(|c| !c.must_change_password && c.first_use.is_none()), "eigen wachtwoord niet bewaard: {c:?}");
    ensure!(ctx("eerste gebruik", s.record_first_use(&f.alice, ms(1_000)).await)?, "eerste gebruik niet vastgelegd");
    ensure!(!ctx("eerste gebruik", s.record_first_use(&f.alice, ms(2_000)).await)?, "eerste gebruik twee keer vastgelegd");
    let c = ctx("inlog lezen", s.credential_of(&f.alice).await)?;
    ensure!(c.as_ref().is_some_and(|c| c.first_use == Some(ms(1_000))), "het eerste moment van gebruik is niet bewaard: {c:?}");
    // A reset by the administrator asks for a new own password, but the account stays in use.
    ctx("herstel", s.set_credential(&f.alice, &login, "$argon2id$herstel", PasswordOrigin::Initial).await)?;
    let c = ctx("inlog lezen", s.credential_of(&f.alice).await)?;
    ensure!(
        c.as_ref().is_some_and(|c| c.must_change_password && c.first_use == Some(ms(1_000)) && c.password_hash == "$argon2id$herstel"),
        "herstel vergeet het eerste gebruik of vraagt geen nieuw wachtwoord: {c:?}"
    );
    ensure!(
        matches!(s.record_first_use(&f.bob, ms(1_000)).await, Err(StoreError::NotFound { .. })),
        "eerste gebruik zonder inlog geeft geen NotFound"
    );
    Ok(())
}

pub async fn sessions<S: Store + AccessStore>(s: &S) -> Result<(), String> {
    let f = fixture(s, "sessies").await?;
    let mk = |id: &str, who: &ProfessionalId| SessionRecord {
        id_hash: id.into(),
        professional: who.clone(),
        created: ms(1),
        last_seen: ms(1),
        expires: ms(100),
        stage: SessionStage::Full,
    };
    let (a1, a2, b1) = (new_id(), new_id(), new_id());
    for (id, who) in [(&a1, &f.alice), (&a2, &f.alice), (&b1, &f.bob)] {
        ctx("sessie maken", s.create_session(&mk(id, who)).await)?;
    }
    ensure!(s.create_session(&mk(&a1, &f.alice)).await.is_err(), "dubbele sessie-id geaccepteerd");
    ctx("aanraken", s.touch_session(&a1, ms(50)).await)?;
    let got = ctx("sessie lezen", s.session(&a1).await)?;
    ensure!(
        got.as_ref().is_some_and(|g| g.last_seen == ms(50) && g.expires == ms(100) && g.professional == f.alice),
        "sessie onjuist: {got:?}"
    );
    ctx("uitloggen", s.delete_session(&a1).await)?;
    ensure!(ctx("lezen", s.session(&a1).await)?.is_none(), "uitgelogde sessie bestaat nog");
    let n = ctx("overal uitloggen", s.delete_sessions_of(&f.alice).await)?;
    ensure!(n == 1, "overal uitloggen beëindigde {n} sessies in plaats van 1");
    ensure!(ctx("lezen", s.session(&a2).await)?.is_none(), "sessie na overal uitloggen bestaat nog");
    ensure!(ctx("lezen", s.session(&b1).await)?.is_some(), "sessie van een ander is beëindigd");
    // A session half-way through signing in keeps its stage.
    for stage in [SessionStage::SecondFactor, SessionStage::Enrol] {
        let id = new_id();
        ctx("halve sessie maken", s.create_session(&SessionRecord { stage, ..mk(&id, &f.bob) }).await)?;
        let got = ctx("halve sessie lezen", s.session(&id).await)?;
        ensure!(got.as_ref().is_some_and(|g| g.stage == stage), "sessiefase {stage:?} niet bewaard: {got:?}");
    }
    Ok(())
}

pub async fn second_factor<S: Store + AccessStore>(s: &S) -> Result<(), String> {
    let f = fixture(s, "tweede-factor").await?;
    ensure!(ctx("lezen", s.second_factor(&f.alice).await)?.is_none(), "tweede factor zonder inschrijving");
    // Enrolment: an unconfirmed secret, replaced by a later start, not yet accepting codes.
    ctx("starten", s.start_second_factor(&f.alice, b"geheim-1", ms(10)).await)?;
    ctx("opnieuw starten", s.start_second_factor(&f.alice, b"geheim-2", ms(11)).await)?;
    let sf = ctx("lezen", s.second_factor(&f.alice).await)?;
    ensure!(
        sf.as_ref().is_some_and(|x| !x.confirmed && x.secret_sealed == b"geheim-2" && x.last_step.is_none() && x.created == ms(11)),
        "onbevestigde tweede factor onjuist: {sf:?}"
    );
    ensure!(!ctx("stap", s.accept_second_factor_step(&f.alice, 5).await)?, "code geaccepteerd voor een onbevestigde tweede factor");
    ensure!(
        matches!(s.confirm_second_factor(&f.bob, 5, &[]).await, Err(StoreError::NotFound { .. })),
        "bevestigen zonder inschrijving geeft geen NotFound"
    );
    let codes: Vec<String> = (0..10).map(|i| format!("hash-{i}")).collect();
    ctx("bevestigen", s.confirm_second_factor(&f.alice, 100, &codes).await)?;
    let sf = ctx("lezen", s.second_factor(&f.alice).await)?;
    ensure!(sf.as_ref().is_some_and(|x| x.confirmed && x.last_step == Some(100)), "bevestiging niet bewaard: {sf:?}");
    ensure!(
        matches!(s.confirm_second_factor(&f.alice, 101, &codes).await, Err(StoreError::NotFound { .. })),
        "een bevestigde tweede factor is nog eens bevestigd"
    );
    ensure!(
        matches!(s.start_second_factor(&f.alice, b"geheim-3", ms(12)).await, Err(StoreError::Conflict(_))),
        "een bevestigd geheim is vervangen door een nieuwe inschrijving"
    );
    // Replay: the confirming step and earlier ones are refused, a later one once.
    for step in [99, 100] {
        ensure!(!ctx("stap", s.accept_second_factor_step(&f.alice, step).await)?, "stap {step} geaccepteerd na stap 100");
    }
    ensure!(ctx("stap", s.accept_second_factor_step(&f.alice, 101).await)?, "stap 101 geweigerd");
    ensure!(!ctx("stap", s.accept_second_factor_step(&f.alice, 101).await)?, "stap 101 twee keer geaccepteerd");
    // Recovery codes: each once, only one's own.
    ensure!(ctx("tellen", s.recovery_codes_left(&f.alice).await)? == 10, "niet 10 herstelcodes");
    ensure!(ctx("herstelcode", s.use_recovery_code(&f.alice, "hash-3", ms(50)).await)?, "geldige herstelcode geweigerd");
    ensure!(!ctx("herstelcode", s.use_recovery_code(&f.alice, "hash-3", ms(51)).await)?, "herstelcode twee keer gebruikt");
    ensure!(!ctx("herstelcode", s.use_recovery_code(&f.bob, "hash-4", ms(51)).await)?, "herstelcode van een ander gebruikt");
    ensure!(!ctx("herstelcode", s.use_recovery_code(&f.alice, "onbekend", ms(51)).await)?, "onbekende herstelcode geaccepteerd");
    ensure!(ctx("tellen", s.recovery_codes_left(&f.alice).await)? == 9, "gebruikte herstelcode telt nog mee");
    let fresh: Vec<String> = (0..10).map(|i| format!("nieuw-{i}")).collect();
    ctx("vernieuwen", s.set_recovery_codes(&f.alice, &fresh).await)?;
    ensure!(ctx("tellen", s.recovery_codes_left(&f.alice).await)? == 10, "vernieuwde herstelcodes niet 10");
    ensure!(!ctx("herstelcode", s.use_recovery_code(&f.alice, "hash-5", ms(52)).await)?, "oude herstelcode werkt na vernieuwen");
    // Turning it off removes secret and codes; enrolment can start again.
    ctx("uitzetten", s.remove_second_factor(&f.alice).await)?;
    ensure!(ctx("lezen", s.second_factor(&f.alice).await)?.is_none(), "tweede factor na uitzetten nog aanwezig");
    ensure!(ctx("tellen", s.recovery_codes_left(&f.alice).await)? == 0, "herstelcodes na uitzetten nog aanwezig");
    ensure!(!ctx("stap", s.accept_second_factor_step(&f.alice, 500).await)?, "code geaccepteerd na uitzetten");
    ctx("opnieuw starten", s.start_second_factor(&f.alice, b"geheim-4", ms(13)).await)?;
    // The organisation's setting: off until set, then as set, per organisation.
    let other = fixture(s, "tweede-factor-b").await?;
    ensure!(!ctx("instelling", s.second_factor_required(&f.org).await)?, "tweede factor verplicht zonder instelling");
    ctx("instellen", s.set_second_factor_required(&f.org, true).await)?;
    ensure!(ctx("instelling", s.second_factor_required(&f.org).await)?, "verplichting niet bewaard");
    ensure!(!ctx("instelling", s.second_factor_required(&other.org).await)?, "verplichting geldt voor een andere organisatie");
    ctx("uitzetten", s.set_second_factor_required(&f.org, false).await)?;
    ensure!(!ctx("instelling", s.second_factor_required(&f.org).await)?, "verplichting niet uitgezet");
    Ok(())
}

pub async fn care_relations<S: Store + AccessStore>(s: &S) -> Result<(), String> {
    let f = fixture(s, "zorgrelaties").await?;
    let other = fixture(s, "zorgrelaties-ander").await?;
    let rel = |p: &ProfessionalId, c: &ClientId, org: &OrgId| CareRelation {
        org: org.clone(),
        professional: p.clone(),
        client: c.clone(),
        since: "2026-01-01T00:00:00.000Z".into(),
    };
    ctx("relatie", s.add_care_relation(&rel(&f.alice, &f.c1, &f.org)).await)?;
    ctx("relatie opnieuw", s.add_care_relation(&rel(&f.alice, &f.c1, &f.org)).await)?;
    ctx("relatie 2", s.add_care_relation(&rel(&f.bob, &f.c2, &f.org)).await)?;
    // Across organisations a relation cannot be made, whichever org is named.
    ensure!(s.add_care_relation(&rel(&f.alice, &other.c1, &f.org)).await.is_err(), "relatie met cliënt van een andere organisatie gemaakt");
    ensure!(
        s.add_care_relation(&rel(&f.alice, &other.c1, &other.org)).await.is_err(),
        "relatie met professional van een andere organisatie gemaakt"
    );
    ensure!(ctx("heeft", s.has_care_relation(&f.alice, &f.c1).await)?, "relatie niet gevonden");
    ensure!(!ctx("heeft", s.has_care_relation(&f.alice, &f.c2).await)?, "relatie gevonden die niet bestaat");
    ensure!(ctx("cliënten", s.clients_of(&f.alice).await)? == vec![f.c1.clone()], "cliënten van alice onjuist");
    ensure!(ctx("relaties", s.care_relations(&f.org).await)?.len() == 2, "relaties van de organisatie onjuist");
    ensure!(ctx("relaties", s.care_relations(&other.org).await)?.is_empty(), "relaties lekken naar een andere organisatie");
    ctx("beëindigen", s.end_care_relation(&f.alice, &f.c1).await)?;
    ensure!(!ctx("heeft", s.has_care_relation(&f.alice, &f.c1).await)?, "beëindigde relatie bestaat nog");
    Ok(())
}

pub async fn break_glass<S: Store + AccessStore>(s: &S) -> Result<(), String> {
    let f = fixture(s, "doorbraak").await?;
    let other = fixture(s, "doorbraak-ander").await?;
    let grant = |id: &GrantId, c: &ClientId, granted: i64, expires: i64| BreakGlass {
        id: id.clone(),
        org: f.org.clone(),
        professional: f.alice.clone(),
        client: c.clone(),
        reason_sealed: b"sealed".to_vec(),
        granted: ms(granted),
        expires: ms(expires),
        reviewed_by: None,
        reviewed_at: None,
    };
    let (g1, g2) = (GrantId::generate(), GrantId::generate());
    ctx("doorbraak", s.create_break_glass(&grant(&g1, &f.c1, 1_000, 2_000)).await)?;
    ctx("doorbraak 2", s.create_break_glass(&grant(&g2, &f.c2, 1_500, 1_600)).await)?;
    ensure!(
        s.create_break_glass(&grant(&GrantId::generate(), &other.c1, 1_000, 2_000)).await.is_err(),
        "doorbraak naar andere organisatie gemaakt"
    );
    let a = ctx("actief", s.active_break_glass(&f.alice, &f.c1, ms(1_999)).await)?;
    ensure!(a.as_ref().is_some_and(|g| g.id == g1 && g.reason_sealed == b"sealed"), "actieve doorbraak niet gevonden: {a:?}");
    ensure!(ctx("verlopen", s.active_break_glass(&f.alice, &f.c1, ms(2_000)).await)?.is_none(), "verlopen doorbraak nog actief");
    ensure!(ctx("te vroeg", s.active_break_glass(&f.alice, &f.c1, ms(999)).await)?.is_none(), "doorbraak actief voor toekenning");
    ensure!(ctx("ander", s.active_break_glass(&f.bob, &f.c1, ms(1_500)).await)?.is_none(), "doorbraak geldt voor een ander");
    let all = ctx("lijst", s.break_glass_grants(&f.org).await)?;
    ensure!(all.iter().map(|g| g.id.as_str()).collect::<Vec<_>>() == vec![g2.as_str(), g1.as_str()], "lijst niet nieuwste eerst");
    ensure!(ctx("lijst ander", s.break_glass_grants(&other.org).await)?.is_empty(), "doorbraken lekken naar een andere organisatie");
    ensure!(
        s.review_break_glass(&other.org, &g1, &f.bob, ms(3_000)).await.is_err(),
        "beoordeling vanuit een andere organisatie geaccepteerd"
    );
    ctx("beoordelen", s.review_break_glass(&f.org, &g1, &f.bob, ms(3_000)).await)?;
    ensure!(
        matches!(s.review_break_glass(&f.org, &g1, &f.bob, ms(3_001)).await, Err(StoreError::Conflict(_))),
        "tweede beoordeling geaccepteerd"
    );
    ensure!(
        matches!(s.review_break_glass(&f.org, &GrantId::generate(), &f.bob, ms(1)).await, Err(StoreError::NotFound { .. })),
        "onbekende doorbraak beoordeeld"
    );
    let all = ctx("lijst", s.break_glass_grants(&f.org).await)?;
    ensure!(
        all.iter().any(|g| g.id == g1 && g.reviewed_by.as_ref() == Some(&f.bob) && g.reviewed_at == Some(ms(3_000))),
        "beoordeling niet opgeslagen"
    );
    Ok(())
}

async fn expect_broken<S: AccessStore>(s: &S, org: &OrgId, what: &str) -> Result<String, String> {
    let chain: Vec<StoredAccessEvent> = ctx("keten", s.access_chain(org).await)?;
    match verify_access_chain(&chain) {
        Ok(()) => Err(format!("{what} niet ontdekt")),
        Err(e) => Ok(e),
    }
}

pub async fn access_log<S, T, F>(s: &S, tamper: &T) -> Result<(), String>
where
    S: Store + AccessStore,
    T: Fn(AccessTamper) -> F,
    F: Future<Output = Result<(), String>>,
{
    let f = fixture(s, "toegangslog").await?;
    let other = fixture(s, "toegangslog-ander").await?;
    for i in 0..6 {
        let (user, client) = if i % 2 == 0 { (&f.alice, &f.c1) } else { (&f.bob, &f.c2) };
        let seq = ctx("loggen", s.log_access(&event(&f.org, user, Some(client), "dossier.lezen", i)).await)?;
        ensure!(seq == i as u64 + 1, "volgnummer {seq} in plaats van {}", i + 1);
    }
    ctx("loggen ander", s.log_access(&event(&other.org, &other.alice, None, "inloggen", 0)).await)?;
    let chain = ctx("keten", s.access_chain(&f.org).await)?;
    ensure!(chain.len() == 6, "keten heeft {} gebeurtenissen in plaats van 6", chain.len());
    verify_access_chain(&chain)?;
    ensure!(chain[0].event == event(&f.org, &f.alice, Some(&f.c1), "dossier.lezen", 0), "gebeurtenis onjuist teruggelezen");
    let q = AccessQuery { client: Some(f.c2.to_string()), limit: 10, ..Default::default() };
    let got = ctx("filter cliënt", s.access_events(&f.org, &q).await)?;
    ensure!(got.iter().map(|e| e.seq).collect::<Vec<_>>() == vec![6, 4, 2], "filter op cliënt onjuist");
    let q = AccessQuery { user: Some(f.alice.to_string()), before: Some(5), limit: 1, ..Default::default() };
    let got = ctx("filter gebruiker", s.access_events(&f.org, &q).await)?;
    ensure!(got.iter().map(|e| e.seq).collect::<Vec<_>>() == vec![3], "filter op gebruiker met paginering onjuist");
    // A period: events 2..=4 were logged at 1_790_000_000_001..=003 ms.
    let at = |i: i64| grondslag_ledger::ts_from_unix_millis(1_790_000_000_000 + i);
    let q = AccessQuery { from: at(1), until: at(4), limit: 10, ..Default::default() };
    let got = ctx("filter periode", s.access_events(&f.org, &q).await)?;
    ensure!(got.iter().map(|e| e.seq).collect::<Vec<_>>() == vec![4, 3, 2], "filter op periode onjuist");
    let q = AccessQuery { user: Some(f.bob.to_string()), from: at(2), limit: 10, ..Default::default() };
    let got = ctx("filter gebruiker en periode", s.access_events(&f.org, &q).await)?;
    ensure!(got.iter().map(|e| e.seq).collect::<Vec<_>>() == vec![6, 4], "filter op gebruiker en periode onjuist");
    let got = ctx("ander", s.access_events(&other.org, &AccessQuery { limit: 100, ..Default::default() }).await)?;
    ensure!(got.len() == 1 && got[0].event.org == other.org, "gebeurtenissen lekken tussen organisaties");

    // A batch spanning two organisations continues both chains, in order.
    let batch = vec![
        event(&f.org, &f.alice, None, "batch.a", 50),
        event(&other.org, &other.alice, None, "batch.b", 51),
        event(&f.org, &f.bob, None, "batch.c", 52),
    ];
    let seqs = ctx("batch", s.log_access_batch(&batch).await)?;
    ensure!(seqs == vec![7, 2, 8], "volgnummers van de batch {seqs:?} in plaats van [7, 2, 8]");
    verify_access_chain(&ctx("keten", s.access_chain(&other.org).await)?)?;
    ensure!(ctx("lege batch", s.log_access_batch(&[]).await)?.is_empty(), "lege batch");

    // Concurrent appends keep one unbroken chain.
    let mut tasks = Vec::new();
    for i in 0..16 {
        let s2 = s.clone();
        let ev = event(&f.org, &f.alice, Some(&f.c1), "dossier.lezen", 100 + i);
        tasks.push(async move { s2.log_access(&ev).await });
    }
    for r in futures_join(tasks).await {
        ctx("gelijktijdig loggen", r)?;
    }
    let chain = ctx("keten", s.access_chain(&f.org).await)?;
    ensure!(chain.len() == 24, "na gelijktijdig loggen {} gebeurtenissen in plaats van 24", chain.len());
    verify_access_chain(&chain)?;

    ensure!(tamper(AccessTamper::PlainUpdate { org: f.org.clone(), seq: 2 }).await.is_err(), "UPDATE op de toegangslog toegestaan");
    ensure!(tamper(AccessTamper::PlainDelete { org: f.org.clone(), seq: 2 }).await.is_err(), "DELETE op de toegangslog toegestaan");
    tamper(AccessTamper::ChangeAction { org: f.org.clone(), seq: 3, action: "inloggen".into() }).await?;
    let e = expect_broken(s, &f.org, "gewijzigde gebeurtenis").await?;
    ensure!(e.contains(" 3 "), "melding noemt gebeurtenis 3 niet: {e}");
    let g = fixture(s, "toegangslog-gat").await?;
    for i in 0..3 {
        ctx("loggen", s.log_access(&event(&g.org, &g.alice, None, "dossier.lezen", i)).await)?;
    }
    tamper(AccessTamper::Delete { org: g.org.clone(), seq: 2 }).await?;
    let e = expect_broken(s, &g.org, "verwijderde gebeurtenis").await?;
    ensure!(e.contains(" 2 "), "melding noemt gebeurtenis 2 niet: {e}");
    Ok(())
}

/// Polls all futures to completion on the current task (no runtime dependency here).
async fn futures_join<F: Future>(tasks: Vec<F>) -> Vec<F::Output> {
    let mut pinned: Vec<_> = tasks.into_iter().map(Box::pin).collect();
    let mut out: Vec<Option<F::Output>> = (0..pinned.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, f) in pinned.iter_mut().enumerate() {
            if out[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => out[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending { std::task::Poll::Pending } else { std::task::Poll::Ready(()) }
    })
    .await;
    out.into_iter().flatten().collect()
}

pub async fn drafts<S: Store + AccessStore>(s: &S) -> Result<(), String> {
    let f = fixture(s, "concepten").await?;
    let id = DraftId::generate();
    let d = Draft {
        id: id.clone(),
        org: f.org.clone(),
        professional: f.alice.clone(),
        client: Some(f.c1.clone()),
        sealed: b"een".to_vec(),
        updated: ms(10),
    };
    ctx("opslaan", s.save_draft(&d).await)?;
    ctx("bijwerken", s.save_draft(&Draft { sealed: b"twee".to_vec(), updated: ms(20), ..d.clone() }).await)?;
    let got = ctx("lezen", s.draft(&id).await)?;
    ensure!(
        got.as_ref().is_some_and(|g| g.sealed == b"twee" && g.updated == ms(20) && g.client.as_ref() == Some(&f.c1)),
        "concept onjuist: {got:?}"
    );
    // Someone else cannot overwrite it.
    ctx(
        "overschrijven door ander",
        s.save_draft(&Draft { professional: f.bob.clone(), sealed: b"drie".to_vec(), updated: ms(30), ..d.clone() }).await,
    )?;
    let got = ctx("lezen", s.draft(&id).await)?;
    ensure!(got.as_ref().is_some_and(|g| g.sealed == b"twee" && g.professional == f.alice), "concept overschreven door een ander");
    let anon = Draft { id: DraftId::generate(), client: None, updated: ms(5), ..d.clone() };
    ctx("anoniem", s.save_draft(&anon).await)?;
    let bobs = Draft { id: DraftId::generate(), professional: f.bob.clone(), updated: ms(40), ..d.clone() };
    ctx("concept van bob", s.save_draft(&bobs).await)?;
    let mine = ctx("concepten van alice", s.drafts_of(&f.alice).await)?;
    ensure!(
        mine.iter().map(|d| d.id.as_str()).collect::<Vec<_>>() == vec![id.as_str(), anon.id.as_str()],
        "concepten van alice onjuist (alleen de hare, nieuwste eerst): {mine:?}"
    );
    ensure!(mine[0].sealed == b"twee" && mine[0].updated == ms(20), "concept in de lijst onjuist");
    let his = ctx("concepten van bob", s.drafts_of(&f.bob).await)?;
    ensure!(his.len() == 1 && his[0].id == bobs.id, "concepten van bob onjuist: {his:?}");
    let n = ctx("opruimen", s.delete_drafts_before(ms(15)).await)?;
    ensure!(n >= 1 && ctx("lezen", s.draft(&anon.id).await)?.is_none(), "oud concept niet opgeruimd");
    ensure!(ctx("lezen", s.draft(&id).await)?.is_some(), "nieuw concept opgeruimd");
    ctx("verwijderen", s.delete_draft(&id).await)?;
    ensure!(ctx("lezen", s.draft(&id).await)?.is_none(), "verwijderd concept bestaat nog");
    Ok(())
}

/// A conference: read back as stored, listed for its chair and members only, and an update
/// that read an older version writes nothing (two participants at once cannot undo each other).
pub async fn conferences<S: Store + AccessStore>(s: &S) -> Result<(), String> {
    let f = fixture(s, "casusoverleg").await?;
    let carol = ctx(
        "derde account",
        s.create_professional(&NewProfessional {
            org: f.org.clone(),
            name: "Carol".into(),
            app_role: AppRole::Professional,
            profession: "leraar".into(),
        })
        .await,
    )?
    .id;
    let c = Conference {
        id: ConferenceId::generate(),
        org: f.org.clone(),
        chair: f.alice.clone(),
        members: vec![f.bob.clone()],
        sealed: b"een".to_vec(),
        version: 1,
        updated: ms(10),
    };
    ctx("aanmaken", s.create_conference(&c).await)?;
    let got = ctx("lezen", s.conference(&c.id).await)?;
    ensure!(got.as_ref() == Some(&c), "casusoverleg onjuist gelezen: {got:?}");
    ensure!(ctx("onbekend", s.conference(&ConferenceId::generate()).await)?.is_none(), "onbekend casusoverleg gevonden");
    for (who, n) in [(&f.alice, 1), (&f.bob, 1), (&carol, 0)] {
        let list = ctx("lijst", s.conferences_of(who).await)?;
        ensure!(list.len() == n, "lijst van {who:?}: {} in plaats van {n}", list.len());
    }

    // Bob adds his answer (version 2) and Carol is invited; Alice's write from version 1 is
    // refused and changes nothing.
    let bobs =
        Conference { members: vec![f.bob.clone(), carol.clone()], sealed: b"twee".to_vec(), version: 2, updated: ms(20), ..c.clone() };
    ensure!(ctx("bijwerken", s.update_conference(&bobs).await)?, "bijwerken vanaf de gelezen versie geweigerd");
    let stale = Conference { sealed: b"oud".to_vec(), version: 2, updated: ms(30), ..c.clone() };
    ensure!(!ctx("verouderd bijwerken", s.update_conference(&stale).await)?, "verouderde versie overschreef het casusoverleg");
    let got = ctx("lezen", s.conference(&c.id).await)?.ok_or("casusoverleg verdwenen")?;
    ensure!(got.sealed == b"twee" && got.version == 2 && got.members.len() == 2, "na bijwerken onjuist: {got:?}");
    ensure!(ctx("lijst carol", s.conferences_of(&carol).await)?.len() == 1, "uitgenodigde ziet het casusoverleg niet");

    // Uninviting removes it from the list.
    let fewer = Conference { members: vec![carol.clone()], version: 3, updated: ms(40), ..got.clone() };
    ensure!(ctx("uitnodiging intrekken", s.update_conference(&fewer).await)?, "intrekken geweigerd");
    ensure!(ctx("lijst bob", s.conferences_of(&f.bob).await)?.is_empty(), "niet meer uitgenodigd, toch in de lijst");
    ensure!(ctx("lijst alice", s.conferences_of(&f.alice).await)?.len() == 1, "voorzitter ziet het niet meer");
    Ok(())
}
