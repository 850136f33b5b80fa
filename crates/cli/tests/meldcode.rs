//! `grondslag meldcode` end to end through the binary, on SQLite in a temporary directory, with
//! synthetic data only: events recorded from a file and from standard input, refused events and
//! bad JSON that record nothing, the trajectory shown in Dutch and English and as JSON, and the
//! overview of open trajectories.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn grondslag_with(data: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_grondslag"))
        .args(args)
        .arg("--data")
        .arg(data)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn grondslag(data: &Path, args: &[&str]) -> Run {
    grondslag_with(data, args, None)
}

fn ok(data: &Path, args: &[&str]) -> String {
    let r = grondslag(data, args);
    assert_eq!(r.code, 0, "grondslag {args:?}\nstdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    r.stdout
}

fn id_of(json: &str) -> String {
    serde_json::from_str::<Value>(json).unwrap()["id"].as_str().unwrap().to_owned()
}

struct Setup {
    _dir: tempfile::TempDir,
    data: std::path::PathBuf,
    dir: std::path::PathBuf,
    org: String,
    prof: String,
    aandacht: String,
    client: String,
}

fn setup() -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let org = id_of(&ok(&data, &["organisatie", "nieuw", "Synthetisch Wijkteam", "--json"]));
    let prof =
        id_of(&ok(&data, &["professional", "nieuw", "--organisatie", &org, "--naam", "Dr. Proef", "--beroep", "huisarts", "--json"]));
    let aandacht = id_of(&ok(
        &data,
        &[
            "professional",
            "nieuw",
            "--organisatie",
            &org,
            "--naam",
            "A. Functionaris",
            "--rol",
            "aandachtsfunctionaris",
            "--beroep",
            "wijkteammedewerker",
            "--json",
        ],
    ));
    let client = id_of(&ok(&data, &["client", "nieuw", "--organisatie", &org, "--referentie", "SYNTH-7", "--naam", "Test Kind", "--json"]));
    Setup { dir: tmp.path().to_owned(), _dir: tmp, data, org, prof, aandacht, client }
}

impl Setup {
    /// Records `event` (written to a file) as `professional`.
    fn record(&self, professional: &str, event: &Value, extra: &[&str]) -> Run {
        let file = self.dir.join("gebeurtenis.json");
        std::fs::write(&file, event.to_string()).unwrap();
        let mut args = vec!["meldcode", "vastleggen", "--client", &self.client, "--professional", professional, "--bestand"];
        args.push(file.to_str().unwrap());
        args.extend_from_slice(extra);
        grondslag(&self.data, &args)
    }

    fn show_json(&self) -> Value {
        serde_json::from_str(&ok(&self.data, &["meldcode", "toon", "--client", &self.client, "--json"])).unwrap()
    }
}

fn signal(on: &str, observation: &str) -> Value {
    json!({"observed_on": on, "source": "own_observation", "source_detail": "", "observation": observation,
           "interpretation": "mogelijk vastgepakt", "concerns_staff_member": false})
}

#[test]
fn vastleggen_toon_and_overzicht_round_trip() {
    let s = setup();
    // Nothing recorded yet: said so, exit code 1.
    let r = grondslag(&s.data, &["meldcode", "toon", "--client", &s.client]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("Voor deze cliënt is geen meldcodetraject vastgelegd."), "{}", r.stdout);

    // From a file: the receipt and the next step.
    let opened = json!({"event": "opened", "on": "2026-12-01", "sector": "youth_care", "signal": signal("2026-11-30", "blauwe plekken (synthetisch)")});
    let r = s.record(&s.prof, &opened, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Meldcode geopend: signaal vastgelegd (eigen waarneming, 1 december 2026)"), "{}", r.stdout);
    assert!(r.stdout.contains("Meldcodegebeurtenis vastgelegd als dossierregel 1."), "{}", r.stdout);
    assert!(r.stdout.contains("Bewijs van vastlegging") && r.stdout.contains("Checkpoint:"), "{}", r.stdout);
    assert!(r.stdout.contains("Volgende stap\n  Stap 2: overleggen met een deskundige collega"), "{}", r.stdout);

    // From standard input, with a JSON receipt.
    let request = json!({"event": "consultation_requested", "on": "2026-12-02", "of": "aandachtsfunctionaris", "question": "Hoe verder?"});
    let r = grondslag_with(
        &s.data,
        &["meldcode", "vastleggen", "--client", &s.client, "--professional", &s.prof, "--bestand", "-", "--json"],
        Some(&request.to_string()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let receipt: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(receipt["seq"], 2);
    assert!(receipt["checkpoint"].is_string() && receipt["inclusion_proof"].is_array());

    // The advice, recorded by the aandachtsfunctionaris; then the rest of a trajectory.
    let advice = json!({"event": "consulted", "on": "2026-12-03",
                        "consultation": {"with": "aandachtsfunctionaris", "who": "A. Functionaris", "advice": "Ga het gesprek aan."}});
    assert_eq!(s.record(&s.aandacht, &advice, &[]).code, 0);
    for event in [
        json!({"event": "conversation", "on": "2026-12-04", "conversation": {"kind": "held", "with": "moeder", "summary": "zorgen besproken"}}),
        json!({"event": "answered", "on": "2026-12-05", "answer": {"question": "suspicion", "yes": true, "reasons": "de signalen wijzen erop", "jointly_with_veilig_thuis": false}}),
        json!({"event": "answered", "on": "2026-12-05", "answer": {"question": "safety", "yes": true, "reasons": "het gebeurt vaker", "jointly_with_veilig_thuis": false}}),
    ] {
        let r = s.record(&s.prof, &event, &[]);
        assert_eq!(r.code, 0, "{event}: {}", r.stderr);
    }

    // Shown in Dutch: steps, next step, signals, consultation, answers, what follows, records.
    let nl = ok(&s.data, &["meldcode", "toon", "--client", &s.client, "--datum", "2026-12-20"]);
    for needle in [
        &format!("Meldcodetraject van cliënt {}", s.client),
        "Geopend op 1 december 2026 (sector: jeugdhulp)",
        "Het traject is open.",
        "Leg uw besluit vast (stap 5). Volgens het afwegingskader volgt uit uw antwoorden: melden bij Veilig Thuis, en de vragen 3 tot en met 5 daarna samen met Veilig Thuis beantwoorden. Het besluit is aan u.",
        "1. signalen in kaart brengen: gedaan (laatst op 1 december 2026)",
        "5. beslissen of u meldt en of u zelf hulp biedt of organiseert: nog niet gedaan",
        "• 1 december 2026, eigen waarneming: blauwe plekken (synthetisch)",
        "waargenomen of gehoord op 30 november 2026",
        "uw interpretatie: mogelijk vastgepakt",
        "• 3 december 2026, met de aandachtsfunctionaris (A. Functionaris): Ga het gesprek aan.",
        "• 2 december 2026, aan de aandachtsfunctionaris: Hoe verder?\n  beantwoord op 3 december 2026",
        "• 4 december 2026, met moeder: zorgen besproken",
        "• Vraag 2 (veiligheid), 5 december 2026: ja\n  uw redenen: het gebeurt vaker",
        "Melden is dan de professionele norm, omdat er acute of structurele onveiligheid is.",
        "Grondslag beantwoordt geen vraag en neemt geen besluit voor u.",
        "Vastgelegd\n----------\n1. ",
        "Dr. Proef (huisarts)",
        "A. Functionaris (wijkteammedewerker)",
        "NJi (Nederlands Jeugdinstituut): Afwegingskader meldcode (de vijf afwegingsvragen)",
    ] {
        assert!(nl.contains(needle), "missing {needle:?} in:\n{nl}");
    }

    // In English on request; the professional's own words stay as written.
    let en = ok(&s.data, &["--taal", "en", "meldcode", "toon", "--client", &s.client, "--datum", "2026-12-20"]);
    for needle in [
        "Meldcode trajectory of client",
        "Opened on 1 December 2026 (sector: youth care)",
        "Record your decision (step 5).",
        "Question 2 (safety), 5 December 2026: yes",
        "your reasons: het gebeurt vaker",
        "Reporting is then the professional norm, because there is acute or structural unsafety.",
    ] {
        assert!(en.contains(needle), "missing {needle:?} in:\n{en}");
    }
    assert!(!en.contains("Volgende stap") && !en.contains("uw redenen"), "{en}");

    // As JSON: the document the API returns.
    let t = s.show_json();
    assert_eq!(t["client"], s.client.as_str());
    assert_eq!(t["records"].as_array().unwrap().len(), 6);
    assert_eq!(t["records"][2]["actor"], "A. Functionaris");
    assert_eq!(t["next"]["kind"], "decide");
    assert_eq!(t["next"]["outcome"], "report_and_jointly_decide_help");
    assert_eq!(t["weighing"]["norm"], "acute_or_structural_unsafety");
    assert!(t["weighing"]["sources"].as_array().unwrap().iter().all(|s| s["publisher"].is_string() && s["title"].is_string()));
    assert_eq!(t["trajectory"]["requests"][0]["answered_on"], "2026-12-03");

    // The overview: open, idle since 5 December, overdue by 20 December; no content.
    let r = ok(&s.data, &["meldcode", "overzicht", "--organisatie", &s.org, "--datum", "2026-12-20"]);
    for needle in [
        "Open meldcodetrajecten op 20 december 2026 (te lang stil na 14 dagen zonder vastgelegde stap)",
        &format!("• Cliënt {}", s.client),
        "! Te lang stil: meer dan 14 dagen geen stap vastgelegd.",
        "geopend op 1 december 2026 door Dr. Proef",
        "laatste voortgang op 5 december 2026 (15 dagen geleden)",
        "stappen gedaan: 1, 2, 3, 4; open: 5",
    ] {
        assert!(r.contains(needle), "missing {needle:?} in:\n{r}");
    }
    assert!(!r.contains("blauwe plekken") && !r.contains("moeder") && !r.contains("Hoe verder"), "content in the overview:\n{r}");
    let list: Value = serde_json::from_str(&ok(
        &s.data,
        &["meldcode", "overzicht", "--organisatie", &s.org, "--datum", "2026-12-20", "--dagen", "30", "--json"],
    ))
    .unwrap();
    let row = &list[0];
    assert_eq!((&row["client"], &row["overdue"], &row["idle_days"]), (&json!(s.client), &json!(false), &json!(15)));
    assert_eq!((&row["next"]["kind"], &row["advice_asked_since"]), (&json!("decide"), &Value::Null));

    // Closed, it leaves the overview.
    let close = json!({"event": "closed", "on": "2026-12-06", "reason": "handed_over", "explanation": "overgedragen aan het wijkteam", "follow_up": ""});
    assert_eq!(s.record(&s.prof, &close, &["--json"]).code, 0);
    let r = ok(&s.data, &["meldcode", "overzicht", "--organisatie", &s.org]);
    assert!(r.contains("Er zijn geen open meldcodetrajecten."), "{r}");
    assert!(
        ok(&s.data, &["meldcode", "toon", "--client", &s.client]).contains("Het traject is gesloten op 6 december 2026: overgedragen.")
    );

    // The trajectory's entries verify offline: `grondslag verifieer` and the library the
    // stand-alone `grondslag-verify` uses, every payload against its commitment.
    let bundle = s.data.join("bundel.json");
    ok(&s.data, &["exporteer", "--client", &s.client, "--naar", bundle.to_str().unwrap()]);
    let v = ok(&s.data, &["verifieer", bundle.to_str().unwrap()]);
    assert!(v.trim_end().ends_with("geverifieerd") && !v.contains("NIET"), "{v}");
    let parsed = grondslag_ledger::Bundle::from_json(&std::fs::read_to_string(&bundle).unwrap()).unwrap();
    let report = grondslag_ledger::verify_bundle(&parsed).unwrap();
    assert_eq!((report.entries, report.payloads_verified), (7, 7));
    assert!(parsed.entries.iter().all(|e| e.body_jcs.contains("\"type\":\"meldcode\"")), "every entry is of the type meldcode");
}

#[test]
fn a_refused_event_and_bad_json_record_nothing() {
    let s = setup();
    let recorded = |s: &Setup| match grondslag(&s.data, &["meldcode", "toon", "--client", &s.client, "--json"]) {
        r if r.code == 1 => 0,
        r => serde_json::from_str::<Value>(&r.stdout).unwrap()["records"].as_array().unwrap().len(),
    };

    // The trajectory refuses: not opened yet; a report without a decision; blank reasons.
    let answer = json!({"event": "answered", "on": "2026-12-05", "answer": {"question": "suspicion", "yes": true, "reasons": "x", "jointly_with_veilig_thuis": false}});
    let r = s.record(&s.prof, &answer, &[]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(r.stderr.starts_with("fout: een meldcodetraject begint met het signaal dat het opent"), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert_eq!(recorded(&s), 0);

    let opened =
        json!({"event": "opened", "on": "2026-12-01", "sector": "education", "signal": signal("2026-12-01", "komt hongerig op school")});
    assert_eq!(s.record(&s.prof, &opened, &[]).code, 0);
    let report = json!({"event": "reported", "on": "2026-12-02", "report": {"deliberation": null, "informed": "x", "agreements": ""}});
    let r = s.record(&s.prof, &report, &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("leg eerst het besluit om te melden vast"), "{}", r.stderr);
    let r = s.record(&s.prof, &report, &["--taal", "en"]);
    assert!(r.stderr.starts_with("error: first record the decision to report"), "{}", r.stderr);
    let blank = json!({"event": "acute_danger_declared", "on": "2026-12-02", "reasons": " "});
    assert!(s.record(&s.prof, &blank, &[]).stderr.contains("verplicht"));
    assert_eq!(recorded(&s), 1);

    // Not an event: clear Dutch (or, with --taal en, English) errors naming the file.
    for (text, needle) in [
        ("{\"event\": \"reopened\"", "de invoer houdt te vroeg op"),
        ("geen json", "syntaxfout"),
        (r#"{"event": "geopend", "on": "2026-12-02"}"#, "onbekende waarde ‘geopend’"),
        (r#"{"event": "reopened", "on": "2026-12-02", "reasons": "x", "kind": "meldcode"}"#, "onbekend veld ‘kind’"),
        (r#"{"event": "reopened", "on": "2 december", "reasons": "x"}"#, "JJJJ-MM-DD"),
        (r#"{"event": "reopened", "on": "2026-12-02", "reasons": "x", "reasons": "y"}"#, "twee keer"),
    ] {
        let file = s.dir.join("kapot.json");
        std::fs::write(&file, text).unwrap();
        let r = grondslag(
            &s.data,
            &["meldcode", "vastleggen", "--client", &s.client, "--professional", &s.prof, "--bestand", file.to_str().unwrap()],
        );
        assert_eq!(r.code, 2, "{text}");
        assert!(r.stderr.contains(&format!("{}: dit is geen geldige meldcodegebeurtenis: ", file.display())), "{text}: {}", r.stderr);
        assert!(r.stderr.contains(needle), "{text}: {}", r.stderr);
    }
    let r = grondslag_with(
        &s.data,
        &["--taal", "en", "meldcode", "vastleggen", "--client", &s.client, "--professional", &s.prof, "--bestand", "-"],
        Some("[1, 2]"),
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: standard input: this is not a valid meldcode event: "), "{}", r.stderr);
    // A control character in the text is refused by the trajectory and not echoed raw.
    let r = grondslag_with(
        &s.data,
        &["meldcode", "vastleggen", "--client", &s.client, "--professional", &s.prof, "--bestand", "-"],
        Some(r#"{"event": "acute_danger_declared", "on": "2026-12-02", "reasons": "a\u001b[2Jb"}"#),
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("stuurtekens") && !r.stderr.contains('\u{1b}'), "{}", r.stderr);
    assert_eq!(recorded(&s), 1);

    // Unknown ids and organisations are errors, not empty answers.
    let r = grondslag(&s.data, &["meldcode", "overzicht", "--organisatie", "0190f0e0-0000-7000-8000-000000000000"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    let r = grondslag(&s.data, &["meldcode", "toon", "--client", "geen-id"]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    // `--dagen` keeps to 1–365.
    assert_eq!(grondslag(&s.data, &["meldcode", "overzicht", "--organisatie", &s.org, "--dagen", "0"]).code, 2);
    assert_eq!(grondslag(&s.data, &["meldcode", "overzicht", "--organisatie", &s.org, "--dagen", "366"]).code, 2);
}

#[test]
fn the_meldcode_help_follows_the_language_flag() {
    let dir = tempfile::tempdir().unwrap();
    let r = grondslag(dir.path(), &["meldcode", "vastleggen", "--help"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Leg één gebeurtenis van het meldcodetraject vast"), "{}", r.stdout);
    assert!(r.stdout.contains("- leest de standaardinvoer"), "{}", r.stdout);
    let r = grondslag(dir.path(), &["--taal", "en", "meldcode", "overzicht", "--help"]);
    assert!(r.stdout.contains("Show an organisation's open meldcode trajectories, without content"), "{}", r.stdout);
    assert!(r.stdout.contains("Idle too long after more than this many days"), "{}", r.stdout);
    assert!(r.stdout.contains("[default: 14]"), "{}", r.stdout);
}
