//! The conformance suite both backends run in their tests (feature `conformance`).
//!
//! ```ignore
//! grondslag_store::conformance::run(store, |t| tamper(pool.clone(), t)).await?;
//! ```
//!
//! Every part works in fresh organisations, so one database can hold several runs. The `tamper`
//! hook lets the suite act as a database administrator with raw SQL: it checks that the
//! append-only triggers refuse plain `UPDATE`/`DELETE`, and that tampering done around them is
//! detected by [`verify_organisation`], naming the entry.

use std::future::Future;

use grondslag_ledger::{
    Actor, Entry, Hash, MemoryStore, RulesRef, commitment, jcs, ts_from_unix_millis, verify_chain, verify_consistency, verify_inclusion,
};

use crate::records::{AppRole, AppendRequest, Appended, NewProfessional, Organisation, SavedCheckpoint, SealedPayload};
use crate::verify::{IntegrityFault, check_entries, verify_organisation};
use crate::{DossierId, OrgId, Store, StoreError, consistency_proof, inclusion_proof};

/// What the suite asks the backend to do with raw SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tamper {
    /// A plain `UPDATE` of an entry row (any column); the triggers must refuse it (`Err`).
    PlainUpdateEntry { dossier: DossierId, seq: u64 },
    /// A plain `DELETE` of an entry row; must be refused.
    PlainDeleteEntry { dossier: DossierId, seq: u64 },
    /// A plain `UPDATE` of a node row; must be refused.
    PlainUpdateNode { org: OrgId, level: u8, index: u64 },
    /// A plain `DELETE` of a stored root; must be refused.
    PlainDeleteRoot { org: OrgId, tree_size: u64 },
    /// Bypassing the triggers: overwrite an entry's stored body, and its stored leaf hash when
    /// given.
    ReplaceEntry { dossier: DossierId, seq: u64, body_jcs: String, leaf_hash: Option<Hash> },
    /// Bypassing the triggers: delete an entry row (and its payload).
    DeleteEntry { dossier: DossierId, seq: u64 },
    /// Bypassing the triggers: overwrite a stored node.
    ReplaceNode { org: OrgId, level: u8, index: u64, hash: Hash },
    /// Overwrite an entry's ciphertext.
    ReplaceCiphertext { dossier: DossierId, seq: u64, ciphertext: Vec<u8> },
    /// Insert a copy of an entry row as a new row with `seq + offset` and `leaf_index + offset`
    /// (inserts are allowed by the triggers; only verification can tell).
    InsertCopy { dossier: DossierId, seq: u64, offset: u64 },
}

/// What a run covered.
#[derive(Debug, Clone, Default)]
pub struct ConformanceReport {
    pub checks: Vec<&'static str>,
    pub appends: u64,
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

/// Every ledger `type` the application writes (`grondslag_dossier::EntryKind::ledger_type`; a
/// test in the app crate keeps the two lists the same). The store never interprets a type, and
/// the suite appends every one of them, so a backend that handled one differently (a length
/// limit, a check constraint, a dotted name) would fail here on both backends.
pub const ENTRY_KINDS: [&str; 7] = ["deliberation", "decision", "consent", "consent.revocation", "disclosure", "correction", "meldcode"];

/// The suite's stand-in for sealing: the store never looks inside, so the "ciphertext" here is
/// the canonical payload itself, which lets the suite check commitments after reading back.
pub fn fake_request(i: u64, kind: &str, corrects: Option<u64>) -> AppendRequest {
    let payload = serde_json::json!({"kind": kind, "n": i, "reasons": format!("overweging {i}")});
    let mut salt = [0u8; 32];
    salt[..8].copy_from_slice(&i.to_be_bytes());
    salt[8..24].copy_from_slice(uuid::Uuid::now_v7().as_bytes());
    let text = jcs(&payload).unwrap_or_default();
    let payload_commitment = commitment(&salt, &payload).unwrap_or([0u8; 32]);
    AppendRequest {
        actor: Actor { user: crate::new_id(), role: "huisarts".into(), on_behalf_of: None },
        kind: kind.into(),
        rules: Some(RulesRef { set: "beroepsgeheim".into(), version: "2026.1".into(), sha256: "ab".repeat(32) }),
        ts: ts_from_unix_millis(1_780_000_000_000 + i64::try_from(i).unwrap_or(0)).unwrap_or_default(),
        corrects,
        payload: SealedPayload { salt, nonce: vec![7u8; 24], ciphertext: text.into_bytes() },
        payload_commitment,
        after: None,
    }
}

/// The commitment recomputed from a (fake-)sealed payload.
fn recommit(p: &SealedPayload) -> Option<Hash> {
    let value: serde_json::Value = serde_json::from_slice(&p.ciphertext).ok()?;
    commitment(&p.salt, &value).ok()
}

/// A fresh organisation with `dossiers` dossiers and `appends` entries spread over them.
async fn populated<S: Store>(
    s: &S,
    name: &str,
    dossiers: usize,
    appends: u64,
) -> Result<(Organisation, Vec<DossierId>, Vec<Appended>), String> {
    let org = ctx("organisatie", s.create_organisation(name, None).await)?;
    let mut ids = Vec::new();
    for k in 0..dossiers {
        let c = ctx("cliënt", s.create_client(&org.id, &format!("pseudo-{k}"), b"sealed identity").await)?;
        ids.push(ctx("dossier", s.dossier_for_client(&org.id, &c.id).await)?.id);
    }
    let mut out = Vec::new();
    for i in 0..appends {
        let d = &ids[usize::try_from(i).unwrap_or(0) % ids.len().max(1)];
        out.push(ctx("append", s.append(&org.id, d, &fake_request(i, "decision", None)).await)?);
    }
    Ok((org, ids, out))
}

/// Runs the whole suite. `tamper` executes a [`Tamper`] with raw SQL on the same database.
pub async fn run<S, T, F>(s: S, tamper: T) -> Result<ConformanceReport, String>
where
    S: Store,
    T: Fn(Tamper) -> F,
    F: Future<Output = Result<(), String>>,
{
    let mut report = ConformanceReport::default();
    records(&s).await?;
    report.checks.push("records");
    report.appends += appends(&s).await?;
    report.checks.push("appends");
    proofs(&s).await?;
    report.checks.push("proofs");
    checkpoints(&s).await?;
    report.checks.push("checkpoints");
    erasure(&s).await?;
    report.checks.push("erasure");
    triggers(&s, &tamper).await?;
    report.checks.push("triggers");
    tampering(&s, &tamper).await?;
    report.checks.push("tampering");
    Ok(report)
}

/// Organisations, professionals, clients, one dossier per client.
pub async fn records<S: Store>(s: &S) -> Result<(), String> {
    let org = ctx("organisatie maken", s.create_organisation("Huisartsenpraktijk De Linde", None).await)?;
    ensure!(org.origin == Organisation::default_origin(&org.id), "standaard-origin is {:?}", org.origin);
    ensure!(uuid::Uuid::parse_str(org.id.as_str()).map(|u| u.get_version_num()) == Ok(7), "id is geen UUIDv7: {}", org.id);
    ensure!(ctx("organisatie lezen", s.organisation(&org.id).await)? == org, "organisatie komt anders terug");
    let origin = format!("zorg.example.nl/org/{}", crate::new_id());
    let org2 = ctx("organisatie met origin", s.create_organisation("Jeugdteam Noord", Some(&origin)).await)?;
    ensure!(org2.origin == origin, "origin niet bewaard");
    ensure!(
        matches!(s.create_organisation("dubbel", Some(&origin)).await, Err(StoreError::Conflict(_))),
        "een tweede organisatie met dezelfde origin moet een conflict geven"
    );
    let all = ctx("organisaties", s.organisations().await)?;
    ensure!(all.contains(&org) && all.contains(&org2), "organisaties() mist een organisatie");
    ensure!(
        matches!(s.organisation(&OrgId::generate()).await, Err(StoreError::NotFound { .. })),
        "onbekende organisatie moet NotFound geven"
    );

    let mut profs = Vec::new();
    for role in AppRole::ALL {
        let p = ctx(
            "professional maken",
            s.create_professional(&NewProfessional {
                org: org.id.clone(),
                name: format!("P. {}", role.as_str()),
                app_role: role,
                profession: "huisarts".into(),
            })
            .await,
        )?;
        ensure!(p.app_role == role && p.org == org.id && p.profession == "huisarts", "professional komt anders terug: {p:?}");
        ensure!(ctx("professional lezen", s.professional(&p.id).await)? == p, "professional lezen geeft iets anders");
        profs.push(p);
    }
    let listed = ctx("professionals", s.professionals(&org.id).await)?;
    ensure!(listed == profs, "professionals() geeft {listed:?}");
    ensure!(ctx("professionals org2", s.professionals(&org2.id).await)?.is_empty(), "professionals lekt tussen organisaties");
    ensure!(
        matches!(
            s.create_professional(&NewProfessional {
                org: OrgId::generate(),
                name: "x".into(),
                app_role: AppRole::Professional,
                profession: "huisarts".into()
            })
            .await,
            Err(StoreError::NotFound { .. })
        ),
        "professional in onbekende organisatie moet NotFound geven"
    );

    let identity = vec![1u8, 2, 3, 0, 255];
    let c1 = ctx("cliënt maken", s.create_client(&org.id, "ps-1", &identity).await)?;
    ensure!(c1.identity == identity && c1.pseudonym == "ps-1" && c1.org == org.id, "cliënt komt anders terug");
    ensure!(ctx("cliënt lezen", s.client(&c1.id).await)? == c1, "cliënt lezen geeft iets anders");
    ensure!(matches!(s.create_client(&org.id, "ps-1", b"x").await, Err(StoreError::Conflict(_))), "dubbel pseudoniem moet Conflict geven");
    let c1b = ctx("zelfde pseudoniem in andere organisatie", s.create_client(&org2.id, "ps-1", b"y").await)?;
    ensure!(ctx("op pseudoniem", s.client_by_pseudonym(&org.id, "ps-1").await)? == Some(c1.clone()), "client_by_pseudonym");
    ensure!(ctx("op pseudoniem", s.client_by_pseudonym(&org.id, "onbekend").await)?.is_none(), "onbekend pseudoniem moet None geven");
    let all = ctx("cliënten", s.clients(&org.id).await)?;
    ensure!(all.contains(&c1) && all.iter().all(|c| c.org == org.id), "clients() geeft niet de cliënten van de organisatie: {all:?}");
    let c2 = ctx("cliënt 2", s.create_client(&org.id, "ps-2", b"z").await)?;

    let d1 = ctx("dossier", s.dossier_for_client(&org.id, &c1.id).await)?;
    let d1_again = ctx("dossier opnieuw", s.dossier_for_client(&org.id, &c1.id).await)?;
    ensure!(d1 == d1_again, "een tweede dossier voor dezelfde cliënt: {d1:?} / {d1_again:?}");
    ensure!(d1.client == c1.id && d1.org == org.id, "dossier hoort bij de verkeerde cliënt");
    let d2 = ctx("dossier 2", s.dossier_for_client(&org.id, &c2.id).await)?;
    ensure!(d2.id != d1.id, "twee cliënten delen een dossier");
    ensure!(ctx("dossier lezen", s.dossier(&d1.id).await)? == d1, "dossier lezen geeft iets anders");
    ensure!(
        s.dossier_for_client(&org.id, &c1b.id).await.is_err(),
        "een dossier voor een cliënt van een andere organisatie mag niet bestaan"
    );
    let ds = ctx("dossiers", s.dossiers(&org.id).await)?;
    ensure!(ds == vec![d1, d2], "dossiers() geeft {ds:?}");
    ensure!(matches!(s.dossier(&DossierId::generate()).await, Err(StoreError::NotFound { .. })), "onbekend dossier moet NotFound geven");
    Ok(())
}

/// Gap-free seq and leaf indexes, roots, read-back, chains and recomputed roots.
pub async fn appends<S: Store>(s: &S) -> Result<u64, String> {
    let org = ctx("organisatie", s.create_organisation("Appends", None).await)?;
    let head = ctx("lege boom", s.tree_head(&org.id).await)?;
    ensure!(head.size == 0 && head.root == grondslag_ledger::empty_root(), "lege boom heeft {head:?}");
    let mut dossiers = Vec::new();
    for k in 0..3 {
        let c = ctx("cliënt", s.create_client(&org.id, &format!("c{k}"), b"id").await)?;
        dossiers.push(ctx("dossier", s.dossier_for_client(&org.id, &c.id).await)?.id);
    }
    let n: u64 = 25;
    let mut per_dossier = [0u64; 3];
    let mut reqs = Vec::new();
    for i in 0..n {
        let k = usize::try_from(i % 3).unwrap_or(0);
        let corrects = (i == 20).then_some(1);
        // Every kind the application writes, in turn (a correction where one corrects).
        let kind = if corrects.is_some() { "correction" } else { ENTRY_KINDS[usize::try_from(i).unwrap_or(0) % ENTRY_KINDS.len()] };
        let mut req = fake_request(i, kind, corrects);
        // Every fifth append is conditional on the dossier's last entry (0 when still empty).
        if i % 5 == 0 {
            req.after = Some(per_dossier[k]);
        }
        let a = ctx("append", s.append(&org.id, &dossiers[k], &req).await)?;
        per_dossier[k] += 1;
        ensure!(a.seq == per_dossier[k], "append {i}: seq {} waar {} verwacht werd", a.seq, per_dossier[k]);
        ensure!(a.leaf_index == i && a.tree_size == i + 1, "append {i}: leaf-index {} / grootte {}", a.leaf_index, a.tree_size);
        let head = ctx("tree_head", s.tree_head(&org.id).await)?;
        ensure!(head.size == i + 1 && head.root == a.root, "tree_head na append {i} is {head:?}");
        ensure!(ctx("root_at", s.root_at(&org.id, i + 1).await)? == Some(a.root), "root_at({}) wijkt af", i + 1);
        reqs.push((k, req, a));
    }
    ensure!(ctx("root_at(0)", s.root_at(&org.id, 0).await)? == Some(grondslag_ledger::empty_root()), "root_at(0) is niet de lege root");
    ensure!(ctx("root_at(n+1)", s.root_at(&org.id, n + 1).await)?.is_none(), "root_at voorbij de boom moet None geven");

    // Refused appends change nothing.
    ensure!(
        matches!(s.append(&org.id, &DossierId::generate(), &fake_request(99, "decision", None)).await, Err(StoreError::NotFound { .. })),
        "append aan onbekend dossier moet NotFound geven"
    );
    let other = ctx("andere organisatie", s.create_organisation("Ander", None).await)?;
    ensure!(
        s.append(&other.id, &dossiers[0], &fake_request(99, "decision", None)).await.is_err(),
        "append aan dossier van een andere organisatie"
    );
    ensure!(
        matches!(s.append(&org.id, &dossiers[0], &fake_request(99, "decision", Some(50))).await, Err(StoreError::Invalid(_))),
        "`corrects` naar een niet-bestaande entry moet Invalid geven"
    );
    // A conditional append onto a dossier that has moved on is a conflict and writes nothing.
    let mut stale = fake_request(99, "meldcode", None);
    stale.after = Some(per_dossier[0] - 1);
    ensure!(
        matches!(s.append(&org.id, &dossiers[0], &stale).await, Err(StoreError::Conflict(_))),
        "append na een verouderde laatste entry moet Conflict geven"
    );
    let mut bad = fake_request(99, "decision", None);
    bad.ts = "gisteren".into();
    ensure!(matches!(s.append(&org.id, &dossiers[0], &bad).await, Err(StoreError::Invalid(_))), "ongeldige ts moet Invalid geven");
    ensure!(ctx("tree_head", s.tree_head(&org.id).await)?.size == n, "een geweigerde append veranderde de boom");

    // Read back: seq order, leaf indexes, payloads and commitments, chains.
    let mut leaves: Vec<(u64, Hash)> = Vec::new();
    for (k, d) in dossiers.iter().enumerate() {
        let rows = ctx("entries", s.entries(d).await)?;
        ensure!(rows.len() as u64 == per_dossier[k], "dossier {k}: {} entries in plaats van {}", rows.len(), per_dossier[k]);
        let mine: Vec<_> = reqs.iter().filter(|r| r.0 == k).collect();
        let mut entries = Vec::new();
        for (row, (_, req, a)) in rows.iter().zip(&mine) {
            ensure!(
                row.seq == a.seq && row.leaf_index == a.leaf_index && row.leaf_hash == a.leaf_hash,
                "entry {} komt anders terug",
                a.seq
            );
            ensure!(row.payload.as_ref() == Some(&req.payload), "payload van entry {} komt anders terug", a.seq);
            let e = Entry::from_jcs(&row.body_jcs).map_err(|e| format!("entry {}: {e}", row.seq))?;
            ensure!(e.payload_commitment() == req.payload_commitment, "commitment van entry {}", row.seq);
            ensure!(row.payload.as_ref().and_then(recommit) == Some(e.payload_commitment()), "payload past niet bij commitment");
            ensure!(e.body().corrects == req.corrects && e.body().kind == req.kind && e.body().ts == req.ts, "body van entry {}", row.seq);
            leaves.push((row.leaf_index, e.leaf_hash()));
            entries.push(e);
        }
        verify_chain(&entries).map_err(|e| format!("dossier {k}: {e}"))?;
        check_entries(&org.id, d, &rows).map_err(|e| e.to_string())?;
    }
    leaves.sort();
    let mut mem = MemoryStore::new();
    for (i, (index, leaf)) in leaves.iter().enumerate() {
        ensure!(*index == i as u64, "leaf-indexen niet aaneengesloten bij {i}");
        mem.append(*leaf).map_err(|e| e.to_string())?;
    }
    let head = ctx("tree_head", s.tree_head(&org.id).await)?;
    ensure!(mem.root() == head.root, "root uit de leaf-hashes wijkt af van de opgeslagen root");
    let report = verify_organisation(s, &org.id).await.map_err(|e| e.to_string())?;
    ensure!(report.tree_size == n && report.dossiers == 3, "verificatie: {report:?}");
    Ok(n)
}

/// Inclusion and consistency proofs built from the store verify.
pub async fn proofs<S: Store>(s: &S) -> Result<(), String> {
    let (org, _, appended) = populated(s, "Bewijzen", 4, 21).await?;
    let n = appended.len() as u64;
    let root_n = ctx("tree_head", s.tree_head(&org.id).await)?.root;
    for a in &appended {
        for size in [a.leaf_index + 1, n, (a.leaf_index + 1 + n) / 2] {
            let proof = ctx("inclusiebewijs", inclusion_proof(s, &org.id, size, a.leaf_index).await)?;
            let root = ctx("root_at", s.root_at(&org.id, size).await)?.ok_or("root ontbreekt")?;
            verify_inclusion(&a.leaf_hash, a.leaf_index, size, &proof, &root)
                .map_err(|e| format!("inclusie {} in {size}: {e}", a.leaf_index))?;
        }
    }
    for old in 1..=n {
        for new in [old, (old + n) / 2, n] {
            let proof = ctx("consistentiebewijs", consistency_proof(s, &org.id, old, new).await)?;
            let (r_old, r_new) = (ctx("root_at", s.root_at(&org.id, old).await)?, ctx("root_at", s.root_at(&org.id, new).await)?);
            let (Some(r_old), Some(r_new)) = (r_old, r_new) else { return Err(format!("root ontbreekt voor {old} of {new}")) };
            verify_consistency(old, new, &r_old, &r_new, &proof).map_err(|e| format!("consistentie {old}→{new}: {e}"))?;
        }
    }
    let last = appended.last().ok_or("geen entries")?;
    let proof = ctx("inclusiebewijs", inclusion_proof(s, &org.id, n, last.leaf_index).await)?;
    ensure!(verify_inclusion(&[9u8; 32], last.leaf_index, n, &proof, &root_n).is_err(), "een verkeerde leaf verifieert");
    ensure!(inclusion_proof(s, &org.id, n, n).await.is_err(), "bewijs voor een leaf buiten de boom");
    ensure!(ctx("node", s.node(&org.id, 0, 0).await)? == Some(appended[0].leaf_hash), "node(0, 0) is niet de eerste leaf");
    ensure!(ctx("node", s.node(&org.id, 0, n).await)?.is_none(), "node voorbij de boom");
    Ok(())
}

/// Checkpoint notes are kept; the latest is the one with the largest tree size.
pub async fn checkpoints<S: Store>(s: &S) -> Result<(), String> {
    let (org, _, _) = populated(s, "Checkpoints", 1, 10).await?;
    ensure!(ctx("latest", s.latest_checkpoint(&org.id).await)?.is_none(), "een nieuwe organisatie heeft geen checkpoint");
    let note = |size: u64, tag: &str| SavedCheckpoint { tree_size: size, note: format!("{}\n{size}\nAAAA\n\n— {tag} sig\n", org.origin) };
    ctx("save", s.save_checkpoint(&org.id, &note(5, "a")).await)?;
    ctx("save", s.save_checkpoint(&org.id, &note(10, "a")).await)?;
    ctx("save opnieuw", s.save_checkpoint(&org.id, &note(10, "a")).await)?;
    ctx("save", s.save_checkpoint(&org.id, &note(7, "a")).await)?;
    ctx("save tweede sleutel", s.save_checkpoint(&org.id, &note(10, "b")).await)?;
    ensure!(ctx("latest", s.latest_checkpoint(&org.id).await)? == Some(note(10, "b")), "latest_checkpoint");
    ensure!(s.save_checkpoint(&org.id, &note(11, "a")).await.is_err(), "een checkpoint voorbij de boom moet geweigerd worden");
    Ok(())
}

/// Erasing a payload keeps the entry, its commitment and the log verifiable.
pub async fn erasure<S: Store>(s: &S) -> Result<(), String> {
    let (org, dossiers, _) = populated(s, "Wissen", 2, 8).await?;
    let before = verify_organisation(s, &org.id).await.map_err(|e| e.to_string())?;
    ctx("wissen", s.erase_payload(&dossiers[0], 2).await)?;
    ctx("opnieuw wissen", s.erase_payload(&dossiers[0], 2).await)?;
    ensure!(matches!(s.erase_payload(&dossiers[0], 99).await, Err(StoreError::NotFound { .. })), "wissen van een onbekende entry");
    let rows = ctx("entries", s.entries(&dossiers[0]).await)?;
    ensure!(rows.len() == 4, "wissen verwijderde een entry");
    for r in &rows {
        ensure!(r.payload.is_none() == (r.seq == 2), "payload van entry {}: {:?}", r.seq, r.payload);
    }
    let after = verify_organisation(s, &org.id).await.map_err(|e| format!("na wissen: {e}"))?;
    ensure!(after == before, "wissen veranderde de boom");
    // The commitment is still there.
    let e = Entry::from_jcs(&rows[1].body_jcs).map_err(|e| e.to_string())?;
    ensure!(e.payload_commitment() != [0u8; 32], "commitment weg na wissen");
    Ok(())
}

/// The append-only triggers refuse plain UPDATE and DELETE.
pub async fn triggers<S, T, F>(s: &S, tamper: &T) -> Result<(), String>
where
    S: Store,
    T: Fn(Tamper) -> F,
    F: Future<Output = Result<(), String>>,
{
    let (org, dossiers, _) = populated(s, "Triggers", 1, 4).await?;
    let d = dossiers[0].clone();
    ensure!(tamper(Tamper::PlainUpdateEntry { dossier: d.clone(), seq: 2 }).await.is_err(), "UPDATE van een entry werd niet geweigerd");
    ensure!(tamper(Tamper::PlainDeleteEntry { dossier: d.clone(), seq: 4 }).await.is_err(), "DELETE van een entry werd niet geweigerd");
    ensure!(
        tamper(Tamper::PlainUpdateNode { org: org.id.clone(), level: 1, index: 0 }).await.is_err(),
        "UPDATE van een knoop werd niet geweigerd"
    );
    ensure!(
        tamper(Tamper::PlainDeleteRoot { org: org.id.clone(), tree_size: 4 }).await.is_err(),
        "DELETE van een root werd niet geweigerd"
    );
    verify_organisation(s, &org.id).await.map_err(|e| format!("na geweigerde wijzigingen: {e}"))?;
    Ok(())
}

async fn expect_fault<S: Store>(s: &S, org: &OrgId, what: &str) -> Result<IntegrityFault, String> {
    match verify_organisation(s, org).await {
        Ok(r) => Err(format!("{what}: niet ontdekt ({r:?})")),
        Err(f) => Ok(f),
    }
}

/// Tampering around the triggers is detected and the fault names the entry.
pub async fn tampering<S, T, F>(s: &S, tamper: &T) -> Result<(), String>
where
    S: Store,
    T: Fn(Tamper) -> F,
    F: Future<Output = Result<(), String>>,
{
    let edit = |rows: &[crate::StoredEntry], seq: u64| -> Result<Entry, String> {
        let row = rows.iter().find(|r| r.seq == seq).ok_or("entry ontbreekt")?;
        let mut body = Entry::from_jcs(&row.body_jcs).map_err(|e| e.to_string())?.body().clone();
        body.ts = "2020-01-01T00:00:00.000Z".into();
        Entry::new(body).map_err(|e| e.to_string())
    };

    // 1. A rewritten body (stored leaf hash left alone).
    let (org, ds, _) = populated(s, "Manipulatie 1", 2, 10).await?;
    let rows = ctx("entries", s.entries(&ds[1]).await)?;
    let forged = edit(&rows, 3)?;
    tamper(Tamper::ReplaceEntry { dossier: ds[1].clone(), seq: 3, body_jcs: forged.jcs().into(), leaf_hash: None }).await?;
    let f = expect_fault(s, &org.id, "herschreven inhoud").await?;
    ensure!(f.entry() == Some((ds[1].as_str(), 3)), "herschreven inhoud: fout noemt de entry niet: {f}");

    // 2. A rewritten body with a matching leaf hash, mid-chain: the next entry's `prev` breaks.
    let (org, ds, _) = populated(s, "Manipulatie 2", 2, 10).await?;
    let rows = ctx("entries", s.entries(&ds[0]).await)?;
    let forged = edit(&rows, 2)?;
    tamper(Tamper::ReplaceEntry { dossier: ds[0].clone(), seq: 2, body_jcs: forged.jcs().into(), leaf_hash: Some(forged.leaf_hash()) })
        .await?;
    let f = expect_fault(s, &org.id, "herschreven inhoud met hash").await?;
    ensure!(f.entry() == Some((ds[0].as_str(), 3)), "herschreven inhoud met hash: verwacht entry 3 (prev), kreeg: {f}");

    // 3. The same at the end of a chain: only the tree sees it.
    let (org, ds, _) = populated(s, "Manipulatie 3", 2, 10).await?;
    let rows = ctx("entries", s.entries(&ds[0]).await)?;
    let forged = edit(&rows, 5)?;
    tamper(Tamper::ReplaceEntry { dossier: ds[0].clone(), seq: 5, body_jcs: forged.jcs().into(), leaf_hash: Some(forged.leaf_hash()) })
        .await?;
    let f = expect_fault(s, &org.id, "laatste entry herschreven").await?;
    ensure!(f.entry() == Some((ds[0].as_str(), 5)), "laatste entry herschreven: fout noemt de entry niet: {f}");

    // 4. A deleted entry.
    let (org, ds, _) = populated(s, "Manipulatie 4", 2, 10).await?;
    tamper(Tamper::DeleteEntry { dossier: ds[1].clone(), seq: 2 }).await?;
    let f = expect_fault(s, &org.id, "verwijderde entry").await?;
    ensure!(f.entry() == Some((ds[1].as_str(), 3)), "verwijderde entry: verwacht dat entry 3 de breuk meldt, kreeg: {f}");

    // 4b. Reordered entries: two stored entries of one dossier swap places.
    let (org, ds, _) = populated(s, "Manipulatie 4b", 2, 10).await?;
    let rows = ctx("entries", s.entries(&ds[0]).await)?;
    let (a, b) =
        (rows.iter().find(|r| r.seq == 2).ok_or("entry 2 ontbreekt")?, rows.iter().find(|r| r.seq == 3).ok_or("entry 3 ontbreekt")?);
    tamper(Tamper::ReplaceEntry { dossier: ds[0].clone(), seq: 2, body_jcs: b.body_jcs.clone(), leaf_hash: Some(b.leaf_hash) }).await?;
    tamper(Tamper::ReplaceEntry { dossier: ds[0].clone(), seq: 3, body_jcs: a.body_jcs.clone(), leaf_hash: Some(a.leaf_hash) }).await?;
    let f = expect_fault(s, &org.id, "verwisselde entries").await?;
    ensure!(f.entry().map(|e| e.0) == Some(ds[0].as_str()), "verwisselde entries: fout noemt geen entry van het dossier: {f}");

    // 4c. An inserted row (a copy placed after the end of the chain and of the tree).
    let (org, ds, _) = populated(s, "Manipulatie 4c", 2, 10).await?;
    tamper(Tamper::InsertCopy { dossier: ds[1].clone(), seq: 2, offset: 1000 }).await?;
    let f = expect_fault(s, &org.id, "ingevoegde entry").await?;
    ensure!(f.entry().map(|e| e.0) == Some(ds[1].as_str()), "ingevoegde entry: fout noemt geen entry van het dossier: {f}");

    // 5. A forged tree node.
    let (org, _, _) = populated(s, "Manipulatie 5", 2, 10).await?;
    tamper(Tamper::ReplaceNode { org: org.id.clone(), level: 2, index: 1, hash: [3u8; 32] }).await?;
    let f = expect_fault(s, &org.id, "vervalste knoop").await?;
    ensure!(matches!(f, IntegrityFault::Node { level: 2, index: 1, .. }), "vervalste knoop: {f}");
    ensure!(inclusion_proof(s, &org.id, 10, 5).await.is_ok(), "bewijs na vervalste knoop kan nog gemaakt worden");
    let proof = ctx("bewijs", inclusion_proof(s, &org.id, 10, 0).await)?;
    let root = ctx("head", s.tree_head(&org.id).await)?.root;
    let leaf0 = ctx("node", s.node(&org.id, 0, 0).await)?.ok_or("leaf 0 ontbreekt")?;
    ensure!(verify_inclusion(&leaf0, 0, 10, &proof, &root).is_err(), "een bewijs door een vervalste knoop verifieert");

    // 6. A forged ciphertext no longer matches its commitment.
    let (_, ds, _) = populated(s, "Manipulatie 6", 1, 3).await?;
    let fake = jcs(&serde_json::json!({"kind": "decision", "n": 0, "reasons": "iets anders"})).map_err(|e| e.to_string())?;
    tamper(Tamper::ReplaceCiphertext { dossier: ds[0].clone(), seq: 1, ciphertext: fake.into_bytes() }).await?;
    let rows = ctx("entries", s.entries(&ds[0]).await)?;
    let e = Entry::from_jcs(&rows[0].body_jcs).map_err(|e| e.to_string())?;
    ensure!(rows[0].payload.as_ref().and_then(recommit) != Some(e.payload_commitment()), "vervalste payload past nog bij de commitment");
    Ok(())
}
