//! Several OS processes on one database: concurrent appends to one organisation, and crashes
//! (SIGKILL) in the middle of appending. Shared by the SQLite and PostgreSQL test crates, which
//! include this file as `mod processes` and provide `Backend`, `NAME`, `open` and `database`.
//! The test binary spawns itself as the worker (`processes::worker`, which does nothing unless
//! `GRONDSLAG_WORKER_DB` is set).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use grondslag_store::conformance::fake_request;
use grondslag_store::{DossierId, OrgId, Store, verify_organisation};

use super::{Backend, NAME, database, open};

/// Worker: appends `GRONDSLAG_WORKER_COUNT` entries (0: until killed) round-robin over the
/// dossiers, printing `ack <dossier> <seq> <leaf_index>` after each committed append.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn worker() {
    let Ok(db) = std::env::var("GRONDSLAG_WORKER_DB") else { return };
    let org = OrgId::parse(&std::env::var("GRONDSLAG_WORKER_ORG").unwrap()).unwrap();
    let dossiers: Vec<DossierId> =
        std::env::var("GRONDSLAG_WORKER_DOSSIERS").unwrap().split(',').map(|d| DossierId::parse(d).unwrap()).collect();
    let count: u64 = std::env::var("GRONDSLAG_WORKER_COUNT").unwrap().parse().unwrap();
    // Think time between appends (µs), as between real requests; 0: back to back.
    let pause: u64 = std::env::var("GRONDSLAG_WORKER_PAUSE_US").map_or(0, |p| p.parse().unwrap());
    let store = open(&db).await;
    if std::env::var("GRONDSLAG_WORKER_BARRIER").is_ok() {
        // Start together: announce readiness, then wait for the parent's go.
        println!("ready");
        let mut go = String::new();
        std::io::stdin().read_line(&mut go).unwrap();
    }
    let mut i = 0u64;
    while count == 0 || i < count {
        let d = &dossiers[usize::try_from(i).unwrap() % dossiers.len()];
        let a = store.append(&org, d, &fake_request(i, "decision", None)).await.unwrap();
        println!("ack {d} {} {}", a.seq, a.leaf_index);
        i += 1;
        if pause > 0 {
            std::thread::sleep(Duration::from_micros(pause));
        }
    }
    store.close().await;
}

fn spawn_worker(pause_us: u64, db: &str, org: &OrgId, dossiers: &[DossierId], count: u64) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "processes::worker", "--nocapture", "--test-threads=1", "-q"])
        .env("GRONDSLAG_WORKER_DB", db)
        .env("GRONDSLAG_WORKER_ORG", org.as_str())
        .env("GRONDSLAG_WORKER_DOSSIERS", dossiers.iter().map(DossierId::as_str).collect::<Vec<_>>().join(","))
        .env("GRONDSLAG_WORKER_COUNT", count.to_string())
        .env("GRONDSLAG_WORKER_BARRIER", "1")
        .env("GRONDSLAG_WORKER_PAUSE_US", pause_us.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

/// `(dossier, seq, leaf_index)` from the worker's output.
fn parse_ack(line: &str) -> Option<(String, u64, u64)> {
    let mut it = line.strip_prefix("ack ")?.split(' ');
    let (d, s, l) = (it.next()?, it.next()?.parse().ok()?, it.next()?.parse().ok()?);
    it.next().is_none().then(|| (d.to_owned(), s, l))
}

type Acks = Arc<Mutex<Vec<(String, u64, u64)>>>;

/// Reads the worker's output in a thread; returns the acks so far and whether it is ready.
fn collect_acks(child: &mut std::process::Child) -> (Acks, Arc<AtomicBool>, std::thread::JoinHandle<()>) {
    let acks = Arc::new(Mutex::new(Vec::new()));
    let ready = Arc::new(AtomicBool::new(false));
    let out = child.stdout.take().unwrap();
    let (sink, flag) = (acks.clone(), ready.clone());
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if line == "ready" {
                flag.store(true, Ordering::SeqCst);
            }
            if let Some(a) = parse_ack(&line) {
                sink.lock().unwrap().push(a);
            }
        }
    });
    (acks, ready, reader)
}

/// Waits until every worker is ready, then lets them all go at once.
fn start_together(children: &mut [std::process::Child], ready: &[Arc<AtomicBool>]) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !ready.iter().all(|r| r.load(Ordering::SeqCst)) {
        assert!(Instant::now() < deadline, "workers werden niet gereed");
        std::thread::sleep(Duration::from_millis(2));
    }
    for c in children {
        c.stdin.take().unwrap().write_all(b"go\n").unwrap();
    }
}

async fn setup(store: &Backend, dossiers: usize) -> (OrgId, Vec<DossierId>) {
    let org = store.create_organisation("Processen", None).await.unwrap();
    let mut ids = Vec::new();
    for k in 0..dossiers {
        let c = store.create_client(&org.id, &format!("p{k}"), b"id").await.unwrap();
        ids.push(store.dossier_for_client(&org.id, &c.id).await.unwrap().id);
    }
    (org.id, ids)
}

/// Every acknowledged entry is stored where it was acknowledged.
async fn check_acks(store: &Backend, acks: &[(String, u64, u64)]) {
    let dossiers: BTreeSet<&String> = acks.iter().map(|a| &a.0).collect();
    let mut stored = BTreeSet::new();
    for d in dossiers {
        for e in store.entries(&DossierId::parse(d).unwrap()).await.unwrap() {
            stored.insert((d.clone(), e.seq, e.leaf_index));
        }
    }
    for a in acks {
        assert!(stored.contains(a), "bevestigde entry ontbreekt: {a:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_append_to_one_organisation() {
    let Some((_guard, db)) = database("concurrency") else { return };
    let store = open(&db).await;
    let (org, dossiers) = setup(&store, 5).await;
    let start = Instant::now();
    let mut children: Vec<_> = (0..2).map(|_| spawn_worker(500, &db, &org, &dossiers, 200)).collect();
    let readers: Vec<_> = children.iter_mut().map(collect_acks).collect();
    let ready: Vec<_> = readers.iter().map(|r| r.1.clone()).collect();
    start_together(&mut children, &ready);
    for c in &mut children {
        assert!(c.wait().unwrap().success(), "worker faalde");
    }
    let mut acks = Vec::new();
    let mut owner = std::collections::BTreeMap::new();
    for (w, (a, _, r)) in readers.into_iter().enumerate() {
        r.join().unwrap();
        for ack in a.lock().unwrap().iter() {
            owner.insert(ack.2, w);
            acks.push(ack.clone());
        }
    }
    // How often the log switches from one process to the other: proof they really ran together.
    let switches = owner.values().zip(owner.values().skip(1)).filter(|(a, b)| a != b).count();
    let elapsed = start.elapsed();
    assert_eq!(acks.len(), 400, "niet elke append werd bevestigd");
    let leaves: BTreeSet<u64> = acks.iter().map(|a| a.2).collect();
    assert_eq!(leaves, (0..400).collect::<BTreeSet<_>>(), "leaf-indexen dubbel of met gaten");
    check_acks(&store, &acks).await;
    let report = verify_organisation(&store, &org).await.unwrap();
    assert_eq!(report.tree_size, 400);
    assert_eq!(store.tree_head(&org).await.unwrap().size, 400);
    eprintln!("{NAME}: 2 processen × 200 appends in {elapsed:?}, {switches} wisselingen; {report:?}");
    assert!(switches > 0, "de processen liepen niet tegelijk");
    store.close().await;
}

/// A tiny xorshift for kill moments (no extra dependency).
fn next_rand(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_appender_loses_no_acknowledged_entry() {
    let Some((_guard, db)) = database("crash") else { return };
    let store = open(&db).await;
    let (org, dossiers) = setup(&store, 3).await;
    store.close().await;
    let mut seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    let mut all_acks = Vec::new();
    let rounds = 6;
    for round in 0..rounds {
        let mut child = spawn_worker(0, &db, &org, &dossiers, 0);
        let (acks, ready, reader) = collect_acks(&mut child);
        start_together(std::slice::from_mut(&mut child), &[ready]);
        // Wait for the first ack (the worker has started appending), then a random moment.
        let deadline = Instant::now() + Duration::from_secs(60);
        while acks.lock().unwrap().is_empty() {
            assert!(Instant::now() < deadline, "worker begon niet");
            std::thread::sleep(Duration::from_millis(5));
        }
        let wait = 20 + next_rand(&mut seed) % 400;
        std::thread::sleep(Duration::from_millis(wait));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        let acks = acks.lock().unwrap().clone();
        // Restart: open the database again (SQLite recovers its WAL; PostgreSQL reconnects).
        let store = open(&db).await;
        all_acks.extend(acks.iter().cloned());
        check_acks(&store, &all_acks).await;
        let report = verify_organisation(&store, &org).await.unwrap();
        assert!(report.tree_size >= all_acks.len() as u64);
        eprintln!("ronde {round}: na {wait} ms gedood, {} bevestigd deze ronde, boom {}", acks.len(), report.tree_size);
        store.close().await;
    }
    assert!(all_acks.len() >= rounds, "te weinig appends om iets te toetsen");
}
