//! `grondslag-bench`: the storage and verification measurements of issue 3, in one run.
//!
//! 1. Durable appends per second through the [`Store`] trait: SQLite (a file on disk, WAL,
//!    `synchronous = FULL`, as `SqliteStore::open` configures it) and, with `--postgres URL`,
//!    PostgreSQL; one writer, and two concurrent writer tasks appending to the same organisation.
//!    Every append is one committed transaction: `Store::append` returns only after COMMIT.
//! 2. Verification speed: a bundle of one dossier with N entries in an N-leaf tree, verified with
//!    `verify_bundle` (checkpoint signature, every body, chain link and inclusion proof), against
//!    plain SHA-256 over the same canonical bodies.
//!
//! ```sh
//! eval "$(bash scripts/pg-test-server.sh)"
//! CARGO_TARGET_DIR=/tmp/target-bench2 cargo run --release -p grondslag-bench -- --postgres "$GRONDSLAG_TEST_POSTGRES"
//! eval "$PG_TEST_STOP"
//! ```

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, bail, ensure};
use grondslag_ledger::{
    Actor, Bundle, BundleEntry, ChainHead, Entry, Frontier, MemoryStore, NewEntry, RulesRef, SigningKey, VerifierKey, b64_encode,
    commitment, next_body, sign_checkpoint, ts_from_unix_millis, verify_bundle,
};
use grondslag_store::{AppendRequest, DossierId, OrgId, SealedPayload, Store, StoredEntry, check_entries, verify_organisation};
use grondslag_store_postgres::PostgresStore;
use grondslag_store_sqlite::SqliteStore;
use sha2::{Digest, Sha256};

const USAGE: &str = "\
grondslag-bench: durable appends (SQLite, PostgreSQL) and bundle verification against SHA-256

usage: grondslag-bench [--postgres URL] [--appends N] [--verify-entries N] [--dir DIR]

  --postgres URL        PostgreSQL server to measure (e.g. from scripts/pg-test-server.sh);
                        without it PostgreSQL is skipped
  --appends N           appends per configuration (default 2000; two writers do N/2 each)
  --verify-entries N    entries in the verified bundle and tree (default 10000)
  --dir DIR             where the SQLite file goes (default: a new directory under $TMPDIR)
";

/// Dossiers per organisation; appends go round-robin over them.
const DOSSIERS: usize = 10;
/// Untimed appends before each timed run (connections open, caches warm).
const WARM_UP: u64 = 20;
/// Size of the stand-in ciphertext of each append (a sealed decision of about 1 KiB).
const CIPHERTEXT_BYTES: usize = 1024;
/// How often each verification is repeated (the median is reported).
const VERIFY_REPEATS: usize = 7;

struct Args {
    postgres: Option<String>,
    appends: u64,
    verify_entries: u64,
    dir: Option<PathBuf>,
}

fn parse_args() -> Result<Option<Args>> {
    let mut args = Args { postgres: None, appends: 2000, verify_entries: 10_000, dir: None };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--postgres" => args.postgres = Some(value()?).filter(|u| !u.is_empty()),
            "--appends" => args.appends = value()?.parse().context("--appends")?,
            "--verify-entries" => args.verify_entries = value()?.parse().context("--verify-entries")?,
            "--dir" => args.dir = Some(PathBuf::from(value()?)),
            "-h" | "--help" => {
                print!("{USAGE}");
                return Ok(None);
            }
            other => bail!("unknown argument {other:?}\n\n{USAGE}"),
        }
    }
    ensure!(args.appends >= 2, "--appends must be at least 2");
    ensure!(args.verify_entries >= 1, "--verify-entries must be at least 1");
    Ok(Some(args))
}

// --- small helpers -----------------------------------------------------------------------------

fn sha(parts: &[&[u8]]) -> [u8; 32] {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

/// Deterministic bytes that look like ciphertext (incompressible).
fn pseudo_random(seed: u64, len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 32);
    let mut block = 0u64;
    while out.len() < len {
        out.extend_from_slice(&sha(&[&seed.to_be_bytes(), &block.to_be_bytes()]));
        block += 1;
    }
    out.truncate(len);
    out
}

fn uuid_like(a: u32, b: u64) -> String {
    format!("{a:08x}-0000-4000-8000-{b:012x}")
}

fn rules_ref() -> RulesRef {
    RulesRef { set: "grondslag-nl".into(), version: "2026.11".into(), sha256: "c5".repeat(32) }
}

/// An append as the application would make it: a salted commitment to a small JSON payload and
/// about 1 KiB of (stand-in) ciphertext.
fn request(writer: u64, i: u64) -> Result<AppendRequest> {
    let payload = serde_json::json!({"answer": "ja", "n": i, "reasons": format!("overweging {i} van schrijver {writer}")});
    let salt = sha(&[b"salt", &writer.to_be_bytes(), &i.to_be_bytes()]);
    let ms = 1_795_435_200_000 + i64::try_from(i).context("i")?;
    Ok(AppendRequest {
        actor: Actor { user: uuid_like(7, writer), role: "huisarts".into(), on_behalf_of: None },
        kind: "decision".into(),
        rules: Some(rules_ref()),
        ts: ts_from_unix_millis(ms).context("timestamp")?,
        corrects: None,
        payload: SealedPayload {
            salt,
            nonce: pseudo_random(i ^ 0x5a5a, 24),
            ciphertext: pseudo_random((writer << 40) ^ i, CIPHERTEXT_BYTES),
        },
        payload_commitment: commitment(&salt, &payload)?,
        after: None,
    })
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (p / 100.0 * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    percentile(&v, 50.0)
}

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / secs(d).max(1e-12)
}

// --- raw fsync cost ------------------------------------------------------------------------------

struct FsyncResult {
    what: &'static str,
    median: Duration,
    p99: Duration,
}

/// What one fdatasync costs on the disk under `dir`: 4 KiB appended (file grows) or overwritten
/// in place, then `sync_data`.
fn fsync_cost(dir: &Path, rounds: usize) -> Result<Vec<FsyncResult>> {
    let path = dir.join("fsync-probe");
    let block = pseudo_random(1, 4096);
    let mut results = Vec::new();
    for (what, overwrite) in [("append 4 KiB + fdatasync", false), ("overwrite 4 KiB + fdatasync", true)] {
        let mut f = OpenOptions::new().create(true).truncate(true).write(true).open(&path)?;
        if overwrite {
            f.write_all(&block)?;
            f.sync_all()?;
        }
        let mut lat = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let t = Instant::now();
            if overwrite {
                f.write_all_at(&block, 0)?;
            } else {
                f.write_all(&block)?;
            }
            f.sync_data()?;
            lat.push(t.elapsed());
        }
        lat.sort();
        results.push(FsyncResult { what, median: percentile(&lat, 50.0), p99: percentile(&lat, 99.0) });
    }
    std::fs::remove_file(&path)?;
    Ok(results)
}

// --- appends -------------------------------------------------------------------------------------

struct AppendRun {
    backend: &'static str,
    writers: u64,
    appends: u64,
    wall: Duration,
    /// Per-append latency, sorted.
    latencies: Vec<Duration>,
    /// Re-verification of the whole organisation afterwards (`verify_organisation`).
    verify: Duration,
    verified_entries: u64,
}

async fn organisation_with_dossiers<S: Store>(store: &S, name: &str) -> Result<(OrgId, Vec<DossierId>)> {
    let org = store.create_organisation(name, None).await?;
    let mut dossiers = Vec::with_capacity(DOSSIERS);
    for k in 0..DOSSIERS {
        let client = store.create_client(&org.id, &format!("pseudoniem-{k}"), b"sealed identity").await?;
        dossiers.push(store.dossier_for_client(&org.id, &client.id).await?.id);
    }
    Ok((org.id, dossiers))
}

/// `appends` appends to one fresh organisation, split over `writers` concurrent tasks that share
/// the store (its connection pool), each waiting for its append to commit before the next.
async fn run_appends<S: Store>(store: &S, backend: &'static str, writers: u64, appends: u64) -> Result<AppendRun> {
    let (org, dossiers) = organisation_with_dossiers(store, &format!("bench {backend} {writers} schrijver(s)")).await?;
    for i in 0..WARM_UP {
        let d = &dossiers[usize::try_from(i)? % dossiers.len()];
        store.append(&org, d, &request(99, i)?).await?;
    }
    let per_writer = appends / writers;
    // Requests are built before the clock starts: only the store is timed.
    let mut work = Vec::new();
    for w in 0..writers {
        let mut reqs = Vec::with_capacity(usize::try_from(per_writer)?);
        for k in 0..per_writer {
            let d = dossiers[usize::try_from(w + k * writers)? % dossiers.len()].clone();
            reqs.push((d, request(w, k)?));
        }
        work.push(reqs);
    }
    let start = Instant::now();
    let mut tasks = Vec::new();
    for reqs in work {
        let (store, org) = (store.clone(), org.clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::with_capacity(reqs.len());
            for (d, req) in &reqs {
                let t = Instant::now();
                store.append(&org, d, req).await?;
                lat.push(t.elapsed());
            }
            Ok::<_, anyhow::Error>(lat)
        }));
    }
    let mut latencies = Vec::new();
    for t in tasks {
        latencies.extend(t.await??);
    }
    let wall = start.elapsed();
    latencies.sort();

    let expected = WARM_UP + per_writer * writers;
    let head = store.tree_head(&org).await?;
    ensure!(head.size == expected, "{backend}: tree has {} leaves, expected {expected}", head.size);
    let t = Instant::now();
    let report = verify_organisation(store, &org).await.map_err(|e| anyhow::anyhow!("{backend}: verification failed: {e}"))?;
    let verify = t.elapsed();
    ensure!(report.entries == expected, "{backend}: verified {} entries, expected {expected}", report.entries);
    Ok(AppendRun { backend, writers, appends: per_writer * writers, wall, latencies, verify, verified_entries: report.entries })
}

async fn sqlite_settings(store: &SqliteStore) -> Result<String> {
    let sync: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(store.pool()).await?;
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(store.pool()).await?;
    let version: String = sqlx::query_scalar("SELECT sqlite_version()").fetch_one(store.pool()).await?;
    let sync = match sync {
        0 => "OFF",
        1 => "NORMAL",
        2 => "FULL",
        3 => "EXTRA",
        _ => "?",
    };
    Ok(format!("SQLite {version}, journal_mode={journal}, synchronous={sync}"))
}

async fn postgres_settings(store: &PostgresStore) -> Result<String> {
    let mut parts = Vec::new();
    for (name, q) in [
        ("server_version", "SHOW server_version"),
        ("fsync", "SHOW fsync"),
        ("synchronous_commit", "SHOW synchronous_commit"),
        ("wal_sync_method", "SHOW wal_sync_method"),
        ("full_page_writes", "SHOW full_page_writes"),
    ] {
        let v: String = sqlx::query_scalar(q).fetch_one(store.pool()).await?;
        parts.push(format!("{name}={v}"));
    }
    Ok(format!("PostgreSQL {}", parts.join(", ")))
}

// --- verification --------------------------------------------------------------------------------

struct VerifyRow {
    what: String,
    time: Duration,
    bytes: usize,
}

/// One dossier with `n` entries in an organisation tree of `n` leaves, and its bundles.
struct Log {
    entries: Vec<Entry>,
    payloads: Vec<(serde_json::Value, [u8; 32])>,
    tree: MemoryStore,
    key: SigningKey,
}

const ORIGIN: &str = "zorgbesluit.example.nl/org/00000001-0000-4000-8000-000000000000";
const KEY_NAME: &str = "zorgbesluit.example.nl";

fn build_log(n: u64) -> Result<Log> {
    let org = uuid_like(1, 0);
    let dossier = uuid_like(0x100, 1);
    let mut tree = MemoryStore::new();
    let mut head: Option<ChainHead> = None;
    let mut entries = Vec::new();
    let mut payloads = Vec::new();
    for i in 0..n {
        let payload = serde_json::json!({"answer": "ja", "n": i, "reasons": format!("overweging {i}")});
        let salt = sha(&[b"salt", &i.to_be_bytes()]);
        let body = next_body(
            head.as_ref(),
            NewEntry {
                org: org.clone(),
                dossier: dossier.clone(),
                ts: ts_from_unix_millis(1_795_435_200_000 + 61_123 * i64::try_from(i)?).context("timestamp")?,
                actor: Actor { user: uuid_like(7, i % 3), role: "jeugdprofessional".into(), on_behalf_of: None },
                kind: ["deliberation", "decision", "consent", "disclosure"][usize::try_from(i % 4)?].into(),
                rules: Some(rules_ref()),
                corrects: None,
                payload_commitment: commitment(&salt, &payload)?,
            },
        );
        let entry = Entry::new(body)?;
        tree.append(entry.leaf_hash())?;
        head = Some(entry.head());
        entries.push(entry);
        payloads.push((payload, salt));
    }
    Ok(Log { entries, payloads, tree, key: SigningKey::from_bytes(&sha(&[b"grondslag bench key"])) })
}

impl Log {
    fn bundle(&self, with_payloads: bool) -> Result<Bundle> {
        let entries = (0u64..)
            .zip(self.entries.iter().zip(&self.payloads))
            .map(|(leaf_index, (e, (payload, salt)))| BundleEntry {
                leaf_index,
                body_jcs: e.jcs().to_owned(),
                payload: with_payloads.then(|| payload.clone()),
                salt: with_payloads.then(|| b64_encode(salt)),
            })
            .collect();
        let size = self.tree.size();
        let checkpoint = sign_checkpoint(ORIGIN, size, &self.tree.root(), KEY_NAME, &self.key)?;
        let verifier = VerifierKey::from_signing_key(KEY_NAME, &self.key)?;
        Ok(Bundle::assemble(ORIGIN, checkpoint, size, entries, &self.tree, &[verifier])?)
    }
}

/// Runs `f` `repeats` times and returns the median time.
fn time_median<T>(repeats: usize, mut f: impl FnMut() -> Result<T>) -> Result<Duration> {
    let mut times = Vec::with_capacity(repeats);
    for _ in 0..repeats {
        let t = Instant::now();
        std::hint::black_box(f()?);
        times.push(t.elapsed());
    }
    Ok(median(times))
}

fn verification(n: u64) -> Result<(Vec<VerifyRow>, usize, usize)> {
    let log = build_log(n)?;
    let withheld = log.bundle(false)?;
    let full = log.bundle(true)?;
    let bodies: Vec<&str> = log.entries.iter().map(Entry::jcs).collect();
    let concatenated: Vec<u8> = bodies.concat().into_bytes();
    let bytes = concatenated.len();
    let json = full.to_json()?;

    let mut rows = Vec::new();
    let expect = usize::try_from(n)?;
    let t = time_median(VERIFY_REPEATS, || {
        let r = verify_bundle(&withheld)?;
        ensure!(r.entries == expect && r.payloads_absent == expect, "unexpected report {r:?}");
        Ok(r)
    })?;
    rows.push(VerifyRow {
        what: "verify_bundle, contents withheld (signature + bodies + chain + inclusion proofs)".into(),
        time: t,
        bytes,
    });
    let t = time_median(VERIFY_REPEATS, || {
        let r = verify_bundle(&full)?;
        ensure!(r.entries == expect && r.payloads_verified == expect, "unexpected report {r:?}");
        Ok(r)
    })?;
    rows.push(VerifyRow { what: "verify_bundle, contents present (+ salted commitments)".into(), time: t, bytes });
    let t = time_median(VERIFY_REPEATS, || {
        let b = Bundle::from_json(&json)?;
        Ok(verify_bundle(&b)?)
    })?;
    rows.push(VerifyRow {
        what: format!("Bundle::from_json + verify_bundle, contents present ({:.1} MB of bundle JSON)", json.len() as f64 / 1e6),
        time: t,
        bytes,
    });
    // What `verify_organisation` does after reading the rows, without the database.
    let stored: Vec<StoredEntry> = (0u64..)
        .zip(&log.entries)
        .map(|(leaf_index, e)| StoredEntry {
            dossier: DossierId::from_stored(e.body().dossier.clone()),
            seq: e.body().seq,
            leaf_index,
            leaf_hash: e.leaf_hash(),
            body_jcs: e.jcs().to_owned(),
            payload: None,
        })
        .collect();
    let (org, dossier) =
        (OrgId::from_stored(log.entries[0].body().org.clone()), DossierId::from_stored(log.entries[0].body().dossier.clone()));
    let t = time_median(VERIFY_REPEATS, || {
        let entries = check_entries(&org, &dossier, &stored)?;
        let mut mem = MemoryStore::new();
        let mut frontier = Frontier::new();
        for e in &entries {
            mem.append(e.leaf_hash())?;
            frontier.append(e.leaf_hash())?;
        }
        ensure!(frontier.root() == log.tree.root(), "root differs");
        Ok(frontier.root())
    })?;
    rows.push(VerifyRow { what: "check_entries + tree recomputation (verify_organisation's CPU part, no I/O)".into(), time: t, bytes });

    // Baselines: SHA-256 over the same bytes. Repeated for at least ~0.5 s.
    let reps = (500_000_000 / bytes.max(1)).clamp(VERIFY_REPEATS, 10_000);
    let t = time_median(reps, || Ok(sha(&[&concatenated])))?;
    rows.push(VerifyRow { what: "SHA-256 over the concatenated bodies (one pass)".into(), time: t, bytes });
    let t = time_median(reps.min(2_000), || {
        let mut acc = 0u8;
        for b in &bodies {
            acc ^= sha(&[b.as_bytes()])[0];
        }
        Ok(acc)
    })?;
    rows.push(VerifyRow { what: "SHA-256 of each body separately".into(), time: t, bytes });
    Ok((rows, bytes, json.len()))
}

// --- main ----------------------------------------------------------------------------------------

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<()> {
    let Some(args) = parse_args()? else { return Ok(()) };
    let stamp = SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis();
    let dir = match &args.dir {
        Some(d) => d.join(format!("grondslag-bench-{}-{stamp}", std::process::id())),
        None => std::env::temp_dir().join(format!("grondslag-bench-{}-{stamp}", std::process::id())),
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    println!("grondslag-bench: {} appends per configuration, {} entries verified", args.appends, args.verify_entries);
    println!("SQLite files in {}", dir.display());

    // Raw disk cost first: the floor under every durable commit.
    let fsync = fsync_cost(&dir, 200)?;

    let mut runs = Vec::new();
    let mut settings = Vec::new();
    let db = dir.join("bench.sqlite");
    let sqlite = SqliteStore::open(&db).await?;
    settings.push(sqlite_settings(&sqlite).await?);
    for writers in [1, 2] {
        eprintln!("SQLite, {writers} writer(s)...");
        runs.push(run_appends(&sqlite, "SQLite", writers, args.appends).await?);
    }
    sqlite.close().await;

    match &args.postgres {
        Some(url) => {
            let pg = PostgresStore::connect(url).await.context("connecting to PostgreSQL")?;
            settings.push(postgres_settings(&pg).await?);
            for writers in [1, 2] {
                eprintln!("PostgreSQL, {writers} writer(s)...");
                runs.push(run_appends(&pg, "PostgreSQL", writers, args.appends).await?);
            }
            pg.close().await;
        }
        None => settings.push("PostgreSQL: SKIPPED (no --postgres URL given)".into()),
    }

    eprintln!("verification...");
    let (rows, bytes, json_bytes) = tokio::task::spawn_blocking(move || verification(args.verify_entries)).await??;

    println!();
    println!("## Settings");
    for s in &settings {
        println!("- {s}");
    }
    println!();
    println!("## Raw disk: fdatasync under {} (200 rounds each)", dir.display());
    println!("| Operation | median ms | p99 ms | per second (1 / median) |");
    println!("|---|---|---|---|");
    for f in &fsync {
        println!("| {} | {} | {} | {:.0} |", f.what, ms(f.median), ms(f.p99), 1.0 / secs(f.median).max(1e-12));
    }
    println!();
    println!("## Durable appends (each append one committed transaction)");
    println!("| Backend | Writers | Appends | Wall s | Appends/s | p50 ms | p99 ms | max ms | verify_organisation afterwards |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for r in &runs {
        let l = &r.latencies;
        println!(
            "| {} | {} | {} | {:.2} | **{:.0}** | {} | {} | {} | {} entries in {} ms |",
            r.backend,
            r.writers,
            r.appends,
            secs(r.wall),
            r.appends as f64 / secs(r.wall).max(1e-12),
            ms(percentile(l, 50.0)),
            ms(percentile(l, 99.0)),
            ms(l.last().copied().unwrap_or_default()),
            r.verified_entries,
            ms(r.verify),
        );
    }
    if args.postgres.is_none() {
        println!("| PostgreSQL | — | — | — | skipped (no --postgres URL) | | | | |");
    }
    println!();
    let baseline = rows.iter().find(|r| r.what.starts_with("SHA-256 over")).map(|r| r.time).unwrap_or_default();
    println!(
        "## Verification: one dossier of {} entries in a {}-leaf tree; {} bytes of canonical bodies ({:.0} bytes per body), bundle JSON {} bytes",
        args.verify_entries,
        args.verify_entries,
        bytes,
        bytes as f64 / args.verify_entries as f64,
        json_bytes
    );
    println!("| What (median of {VERIFY_REPEATS}+ runs) | Time ms | Entries/s | MB/s of bodies | Time ÷ SHA-256 one pass |");
    println!("|---|---|---|---|---|");
    for r in &rows {
        println!(
            "| {} | {} | {:.0} | {:.1} | {:.1}× |",
            r.what,
            ms(r.time),
            args.verify_entries as f64 / secs(r.time).max(1e-12),
            mb_per_s(r.bytes, r.time),
            secs(r.time) / secs(baseline).max(1e-12)
        );
    }

    std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
    Ok(())
}
