//! Backup, restore, verify — through the `grondslag` binary, on SQLite in a temporary
//! directory, with synthetic data only. Erased content stays erased and the log still verifies
//! after the restore; a wrong passphrase, a damaged file or a directory that already holds data
//! is refused with a Dutch error and nothing is overwritten.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn run(args: &[&str], pass: &str) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_grondslag")).args(args).env("GRONDSLAG_BACKUP_WACHTWOORD", pass).output().unwrap();
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn ok(args: &[&str]) -> String {
    let r = run(args, PASS);
    assert_eq!(r.code, 0, "grondslag {args:?}\nstdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    r.stdout
}

fn id_of(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json).unwrap()["id"].as_str().unwrap().to_owned()
}

const PASS: &str = "synthetisch backupwachtwoord 2026";

const FACTS: &str = "facts:
  sender_role: huisarts
  recipient_role: verzekeraar
  request_from: verzekeraar
  recipient_in_treatment_relation: false
  data_categories: [health]
  purpose: insurance_or_employment
  client_age: adult
  client_competent: true
";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn backup_restore_verify_and_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let d = s(&data);
    let facts = dir.path().join("feiten.yaml");
    std::fs::write(&facts, FACTS).unwrap();

    let org = id_of(&ok(&["organisatie", "nieuw", "Synthetische Praktijk", "--json", "--data", d]));
    let prof =
        id_of(&ok(&["professional", "nieuw", "--organisatie", &org, "--naam", "Dr. Proef", "--beroep", "huisarts", "--json", "--data", d]));
    let client = id_of(&ok(&[
        "client",
        "nieuw",
        "--organisatie",
        &org,
        "--referentie",
        "SYN-001",
        "--naam",
        "Synthetische Cliënt",
        "--json",
        "--data",
        d,
    ]));
    ok(&["vastleggen", s(&facts), "--client", &client, "--professional", &prof, "--datum", "2026-11-23", "--data", d]);
    ok(&["vastleggen", s(&facts), "--client", &client, "--professional", &prof, "--datum", "2026-11-23", "--data", d]);
    ok(&["wis", "--client", &client, "--regel", "1", "--data", d]);

    let file = dir.path().join("backup.age");
    let out = ok(&["backup", "--naar", s(&file), "--data", d]);
    assert!(out.contains("Backup geschreven"), "{out}");
    let bytes = std::fs::read(&file).unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("Synthetische"), "the backup is encrypted");

    // Restore into a new directory: everything verifies, history and keys come back.
    let restored = dir.path().join("hersteld");
    let out = ok(&["herstel", s(&file), "--naar", s(&restored)]);
    assert!(out.contains("geverifieerd, boomgrootte"), "{out}");
    assert!(!out.contains("NIET"), "{out}");
    ok(&["verifieer", "--organisatie", &org, "--data", s(&restored)]);
    let history = ok(&["dossier", "toon", "--client", &client, "--data", s(&restored)]);
    assert!(history.contains("inhoud gewist"), "erased content stays erased: {history}");
    // The restored keys still decrypt: a new deliberation on the restored data works.
    ok(&["vastleggen", s(&facts), "--client", &client, "--professional", &prof, "--datum", "2026-11-23", "--data", s(&restored)]);

    // Refusals, each with a Dutch error and exit code 2.
    let again = run(&["herstel", s(&file), "--naar", s(&restored)], PASS);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("bevat al gegevens"), "{}", again.stderr);
    let wrong = run(&["herstel", s(&file), "--naar", s(&dir.path().join("x"))], "een verkeerd maar lang wachtwoord");
    assert_eq!(wrong.code, 2);
    assert!(wrong.stderr.contains("wachtwoord klopt niet"), "{}", wrong.stderr);
    let damaged = dir.path().join("beschadigd.age");
    std::fs::write(&damaged, &bytes[..bytes.len() - 40]).unwrap();
    let bad = run(&["herstel", s(&damaged), "--naar", s(&dir.path().join("y"))], PASS);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    let over = run(&["backup", "--naar", s(&file), "--data", d], PASS);
    assert_eq!(over.code, 2);
    assert!(over.stderr.contains("overschrijft nooit"), "{}", over.stderr);
    let weak = run(&["backup", "--naar", s(&dir.path().join("zwak.age")), "--data", d], "kort");
    assert_eq!(weak.code, 2);
    assert!(weak.stderr.contains("te kort"), "{}", weak.stderr);
}

/// A backup with an empty database, or a database without an organisation, is refused with a
/// Dutch error; whatever the failed restore wrote is removed, but a directory that existed
/// before is kept (issue 9).
#[test]
fn herstel_refuses_an_empty_backup_and_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let pack = |db: Vec<u8>, name: &str| {
        let files = vec![(grondslag_app::backup::DATABASE_FILE.to_string(), db)];
        let bytes = grondslag_app::backup::pack_with_work_factor(&files, "2026-11-23T00:00:00Z", PASS, Some(10)).unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    // A real SQLite database with the schema but no organisation.
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let scratch = dir.path().join("leeg");
    std::fs::create_dir(&scratch).unwrap();
    let snapshot = dir.path().join("zonder-organisatie.db");
    rt.block_on(async {
        let store = grondslag_store_sqlite::SqliteStore::open(scratch.join("grondslag.db")).await.unwrap();
        store.snapshot_to(&snapshot).await.unwrap();
        store.close().await;
    });
    let without_org = pack(std::fs::read(&snapshot).unwrap(), "zonder-organisatie.age");
    let empty = pack(Vec::new(), "leeg.age");

    // Into a new (nested) directory: refused, and nothing is left behind.
    let target = dir.path().join("nieuw").join("data");
    let r = run(&["herstel", s(&without_org), "--naar", s(&target)], PASS);
    assert_eq!(r.code, 2, "{} {}", r.stdout, r.stderr);
    assert!(r.stderr.contains("geen organisatie"), "{}", r.stderr);
    assert!(!dir.path().join("nieuw").exists(), "the directories the restore made are removed");
    let r = run(&["herstel", s(&empty), "--naar", s(&target)], PASS);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("de database is leeg"), "{}", r.stderr);
    assert!(!dir.path().join("nieuw").exists());

    // Into an existing, empty directory with an unrelated file: refused; the directory and the
    // file stay, the restored database and its side files go.
    let existing = dir.path().join("bestaand");
    std::fs::create_dir(&existing).unwrap();
    std::fs::write(existing.join("notitie.txt"), "van de beheerder").unwrap();
    let r = run(&["herstel", s(&without_org), "--naar", s(&existing)], PASS);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("geen organisatie"), "{}", r.stderr);
    let left: Vec<String> = std::fs::read_dir(&existing).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(left, ["notitie.txt"]);
}
