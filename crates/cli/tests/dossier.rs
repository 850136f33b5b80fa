//! End to end through the `grondslag` binary, on SQLite in a temporary directory, with
//! synthetic data only: withdrawing a registered consent changes the recorded answer; bundles
//! verify; tampering with the database is found and named; erasing content keeps everything
//! verifiable.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn grondslag(data: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_grondslag")).args(args).arg("--data").arg(data).output().unwrap();
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn ok(data: &Path, args: &[&str]) -> String {
    let r = grondslag(data, args);
    assert_eq!(r.code, 0, "grondslag {args:?}\nstdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    r.stdout
}

fn id_of(json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(json).unwrap()["id"].as_str().unwrap().to_owned()
}

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

#[test]
fn consent_from_the_registry_receipts_bundles_tampering_and_erasure() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let facts = dir.path().join("verzekeraar.yaml");
    std::fs::write(&facts, FACTS).unwrap();
    let facts = facts.to_str().unwrap();

    let org = id_of(&ok(&data, &["organisatie", "nieuw", "Synthetische Praktijk", "--json"]));
    assert!(ok(&data, &["organisatie", "lijst"]).contains("Synthetische Praktijk"));
    let prof = id_of(&ok(
        &data,
        &["professional", "nieuw", "--organisatie", &org, "--naam", "Dr. Proef", "--rol", "professional", "--beroep", "huisarts", "--json"],
    ));
    let client = id_of(&ok(
        &data,
        &[
            "client",
            "nieuw",
            "--organisatie",
            &org,
            "--referentie",
            "SYNTH-0001",
            "--naam",
            "Test Persoon",
            "--geboortedatum",
            "1970-01-01",
            "--json",
        ],
    ));
    // The keys are outside the database, private.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let keys = data.join("keys").join(&org);
        assert_eq!(std::fs::metadata(&keys).unwrap().permissions().mode() & 0o777, 0o700);
        for f in std::fs::read_dir(&keys).unwrap() {
            assert_eq!(f.unwrap().metadata().unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    let consent = ok(
        &data,
        &[
            "toestemming",
            "registreer",
            "--client",
            &client,
            "--professional",
            &prof,
            "--door",
            "de cliënt",
            "--hoedanigheid",
            "client",
            "--ontvangers",
            "verzekeraar",
            "--gegevens",
            "health",
            "--doelen",
            "insurance_or_employment",
            "--van",
            "2026-01-01",
            "--vorm",
            "schriftelijk",
            "--json",
        ],
    );
    let consent: serde_json::Value = serde_json::from_str(&consent).unwrap();
    assert_eq!(consent["seq"], 1);

    // Consent from the registry: may share, naming the consent entry.
    let first = ok(&data, &["vastleggen", facts, "--client", &client, "--professional", &prof, "--datum", "2026-11-23"]);
    assert!(first.starts_with("U MAG DELEN"), "{first}");
    assert!(first.contains("dossierregel 1"), "{first}");
    assert!(first.contains("Beraad vastgelegd als dossierregel 2"), "{first}");

    ok(&data, &["toestemming", "intrek", "--client", &client, "--professional", &prof, "--regel", "1", "--datum", "2026-11-23"]);
    let again = grondslag(&data, &["toestemming", "intrek", "--client", &client, "--professional", &prof, "--regel", "1"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("al ingetrokken"), "{}", again.stderr);

    // The same facts file after the withdrawal: may not share.
    let second = ok(&data, &["vastleggen", facts, "--client", &client, "--professional", &prof, "--datum", "2026-11-23", "--json"]);
    let second: serde_json::Value = serde_json::from_str(&second).unwrap();
    assert_eq!(second["antwoord"]["outcome"], "may_not_share");
    assert_eq!(second["toestemming"]["consent"], "withdrawn");
    assert_eq!(second["toestemming"]["relied_on"], 1);
    assert_eq!(second["bewijs"]["seq"], 4);

    ok(
        &data,
        &[
            "besluit",
            "--client",
            &client,
            "--professional",
            &prof,
            "--beraad",
            "4",
            "--gedeeld",
            "nee",
            "--ontvanger",
            "verzekeraar",
            "--niet-geinformeerd-omdat",
            "synthetische test",
            "--redenen",
            "toestemming ingetrokken",
        ],
    );
    let bad = grondslag(
        &data,
        &[
            "besluit",
            "--client",
            &client,
            "--professional",
            &prof,
            "--beraad",
            "3",
            "--gedeeld",
            "misschien",
            "--ontvanger",
            "x",
            "--client-geinformeerd",
            "ja",
            "--redenen",
            "r",
        ],
    );
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("--gedeeld"), "{}", bad.stderr);

    // Export and verify, with `grondslag verifieer` and with the library grondslag-verify uses.
    let bundle = dir.path().join("bundel.json");
    ok(&data, &["exporteer", "--client", &client, "--naar", bundle.to_str().unwrap()]);
    let v = ok(&data, &["verifieer", bundle.to_str().unwrap()]);
    assert!(v.trim_end().ends_with("geverifieerd") && !v.contains("NIET"), "{v}");
    let parsed = grondslag_ledger::Bundle::from_json(&std::fs::read_to_string(&bundle).unwrap()).unwrap();
    let report = grondslag_ledger::verify_bundle(&parsed).unwrap();
    assert_eq!((report.entries, report.payloads_verified), (5, 5));
    assert!(ok(&data, &["verifieer", "--organisatie", &org]).contains("geverifieerd"));

    // The FHIR R4 bundle, to standard output: one Provenance per entry (CI checks it against
    // HL7's definitions with scripts/fhir-validate.sh).
    let fhir: serde_json::Value = serde_json::from_str(&ok(&data, &["exporteer", "--fhir", "--client", &client])).unwrap();
    assert_eq!((fhir["resourceType"].as_str(), fhir["type"].as_str()), (Some("Bundle"), Some("collection")));
    let provenances = fhir["entry"].as_array().unwrap().iter().filter(|e| e["resource"]["resourceType"] == "Provenance").count();
    assert_eq!(provenances, 5);

    // Erase the content of the first deliberation: everything still verifies.
    ok(&data, &["wis", "--client", &client, "--regel", "2"]);
    let shown = ok(&data, &["dossier", "toon", "--client", &client]);
    assert!(shown.contains("inhoud gewist"), "{shown}");
    assert!(shown.trim_end().ends_with("geverifieerd") && !shown.contains("NIET"), "{shown}");
    assert!(ok(&data, &["verifieer", "--organisatie", &org]).contains("geverifieerd"));
    let bundle2 = dir.path().join("bundel-na-wissen.json");
    ok(&data, &["exporteer", "--client", &client, "--naar", bundle2.to_str().unwrap()]);
    let v = ok(&data, &["verifieer", bundle2.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(&v).unwrap();
    assert_eq!((v["geverifieerd"].as_bool(), v["inhoud_afwezig"].as_u64()), (Some(true), Some(1)));

    // Tamper with the database behind the application's back (an attacker drops the trigger).
    if Command::new("sqlite3").arg("-version").output().is_err() {
        eprintln!("OVERGESLAGEN: sqlite3 niet geïnstalleerd; de manipulatietest is niet uitgevoerd");
        return;
    }
    let db = data.join("grondslag.db");
    let sql = "DROP TRIGGER ledger_entry_no_update; \
               UPDATE ledger_entry SET body_jcs = replace(body_jcs, '\"type\":\"deliberation\"', '\"type\":\"decision\"') WHERE seq = 4;";
    let st = Command::new("sqlite3").arg(&db).arg(sql).status().unwrap();
    assert!(st.success());
    let r = grondslag(&data, &["verifieer", "--organisatie", &org]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("NIET geverifieerd") && r.stdout.contains("entry 4"), "{}", r.stdout);
    let shown = grondslag(&data, &["dossier", "toon", "--client", &client]);
    assert_eq!(shown.code, 1, "{}{}", shown.stdout, shown.stderr);
}

#[test]
fn bad_input_gives_dutch_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let r = grondslag(&data, &["professional", "nieuw", "--organisatie", "bestaat-niet", "--naam", "X", "--beroep", "huisarts"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("organisatie niet gevonden"), "{}", r.stderr);
    let org = id_of(&ok(&data, &["organisatie", "nieuw", "Praktijk", "--json"]));
    let r = grondslag(&data, &["professional", "nieuw", "--organisatie", &org, "--naam", "X", "--beroep", "tovenaar"]);
    assert!(r.code == 2 && r.stderr.contains("onbekend beroep"), "{}", r.stderr);
    let r =
        grondslag(&data, &["client", "nieuw", "--organisatie", &org, "--referentie", "R1", "--naam", "Y", "--geboortedatum", "gisteren"]);
    assert!(r.code == 2 && r.stderr.contains("geboortedatum"), "{}", r.stderr);
    let r = grondslag(&data, &["verifieer", dir.path().join("geen.json").to_str().unwrap()]);
    assert!(r.code == 2 && r.stderr.contains("kan bestand niet lezen"), "{}", r.stderr);
    let junk = dir.path().join("rommel.json");
    std::fs::write(&junk, "{\"format\": 3}").unwrap();
    let r = grondslag(&data, &["verifieer", junk.to_str().unwrap()]);
    assert!(r.code == 1 && r.stdout.contains("NIET geverifieerd"), "{}{}", r.stdout, r.stderr);
    assert!(!r.stderr.contains("panicked"));
}
