//! Drives `grondslag vraag` the way a person does: read each question as it appears, answer
//! it, ask "waarom" once, go back once, record the weighing, and check the final answer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::io::{BufReader, Read, Write};
use std::process::{Command, Stdio};

/// Reads the next line of stderr, where a prompt (ending in "> ", ": " or "] " and awaiting
/// input) also counts as a line: prompts print no newline.
fn next_line(r: &mut impl Read, line: &mut String) -> bool {
    let mut bytes = Vec::new();
    let mut b = [0u8; 1];
    loop {
        match r.read(&mut b) {
            Ok(0) | Err(_) => {
                *line = String::from_utf8_lossy(&bytes).into_owned();
                return !bytes.is_empty();
            }
            Ok(_) => {
                bytes.push(b[0]);
                let ends = |s: &[u8]| bytes.ends_with(s);
                if b[0] == b'\n'
                    || ends(b"> ")
                    || ends(b"]: ")
                    || ends(b"woorden: ")
                    || ends(b"] ")
                    || ends(b"sluiten: ")
                    || ends(b"terug): ")
                {
                    *line = String::from_utf8_lossy(&bytes).into_owned();
                    return true;
                }
            }
        }
    }
}

fn run_session(answers: &HashMap<&str, &str>, extra_first: &[&str], judgment: Option<&[(&str, &str)]>) -> (String, String, i32) {
    let rules = grondslag_rules::load_embedded().unwrap();
    let by_text: HashMap<String, String> = rules.facts.iter().map(|f| (f.question.nl.clone(), f.id.clone())).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_grondslag"))
        .arg("vraag")
        .arg("--datum")
        .arg("2026-11-23")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).unwrap();
        s
    });
    let mut transcript = String::new();
    let mut extra = extra_first.iter();
    let mut criterion = 0;
    let mut buf = BufReader::new(stderr);
    let mut line = String::new();
    let mut pending_reason: Option<&str> = None;
    loop {
        if !next_line(&mut buf, &mut line) {
            break;
        }
        transcript.push_str(&line);
        if std::env::var("VRAAG_TRACE").is_ok() {
            eprintln!("<< {line:?}");
        }
        assert!(!line.contains("Dat begrijp ik niet"), "an answer was rejected: {transcript}");
        if let Some(rest) = line.strip_prefix("Vraag ") {
            let text = rest.split_once(". ").map(|(_, t)| t.trim()).unwrap_or("");
            let fact = by_text.get(text).unwrap_or_else(|| panic!("unknown question: {text}"));
            for e in extra.by_ref() {
                writeln!(stdin, "{e}").unwrap();
            }
            let answer = answers.get(fact.as_str()).unwrap_or_else(|| panic!("no answer for {fact}"));
            writeln!(stdin, "{answer}").unwrap();
        } else if line.contains("Wilt u die nu vastleggen?") {
            writeln!(stdin, "{}", if judgment.is_some() { "ja" } else { "nee" }).unwrap();
        } else if let (Some(j), true) = (judgment, line.starts_with("Uw oordeel")) {
            let (a, r) = j[criterion];
            writeln!(stdin, "{a}").unwrap();
            pending_reason = Some(r);
            criterion += 1;
        } else if line.starts_with("Uw redenen") {
            writeln!(stdin, "{}", pending_reason.take().unwrap_or("-")).unwrap();
        } else if line.contains("Typ 'wijzig'") || line.contains("Enter om af te sluiten") {
            writeln!(stdin).unwrap();
        }
    }
    drop(stdin);
    let status = child.wait().unwrap();
    (transcript, reader.join().unwrap(), status.code().unwrap_or(-1))
}

#[test]
fn veilig_thuis_request_reaches_a_cited_answer() {
    let answers: HashMap<&str, &str> = [
        ("sender_role", "huisarts"),
        ("recipient_role", "veilig thuis"),
        ("purpose", "3"),
        ("consent", "niet gevraagd"),
        ("danger", "vermoeden"),
        ("suspicion_domestic_violence_or_child_abuse", "ja"),
        ("request_from", "veilig thuis"),
        ("client_age", "11"),
        ("client_deceased", "nee"),
        ("data_categories", "gezondheid"),
        ("client_is_suspected_perpetrator", "nee"),
        ("recipient_is_suspected_perpetrator", "nee"),
        ("children_at_risk", "nee"),
        ("child_protection_measure", "geen"),
        ("client_competent", "nee"),
        ("presumed_consent_indications", "nee"),
    ]
    .into_iter()
    .collect();
    let (transcript, out, code) = run_session(&answers, &["waarom"], None);
    assert_eq!(code, 0, "{transcript}");
    assert!(transcript.contains("Waarom ik dit vraag:"), "waarom gives the reason: {transcript}");
    assert!(transcript.contains("Bron:"), "waarom names the source");
    assert!(out.contains("U MAG DELEN NA EEN VASTGELEGDE AFWEGING"), "{out}");
    assert!(out.contains("art. 5.2.6 Wmo 2015"), "the meldrecht is cited: {out}");
    assert!(out.contains("Laag 2 — AVG"));
    assert!(out.contains("Leg vast in het dossier"));
    assert!(out.contains("Vraag de vrager waar het verzoek over gaat"), "a request from Veilig Thuis: ask what it is about");
}

#[test]
fn recorded_weighing_is_quoted_as_the_professionals_own() {
    let answers: HashMap<&str, &str> = [
        ("sender_role", "huisarts"),
        ("recipient_role", "partner"),
        ("purpose", "ernstige schade"),
        ("consent", "geweigerd"),
        ("danger", "ernstig"),
        ("client_deceased", "nee"),
        ("client_age", "40"),
        ("data_categories", "gezondheid"),
        ("suspicion_domestic_violence_or_child_abuse", "nee"),
        ("request_from", "niemand"),
        ("client_is_suspected_perpetrator", "nee"),
        ("recipient_is_suspected_perpetrator", "nee"),
        ("children_at_risk", "nee"),
        ("child_protection_measure", "geen"),
        ("client_competent", "ja"),
        ("presumed_consent_indications", "nee"),
    ]
    .into_iter()
    .collect();
    let judgment = [
        ("ja", "Ik heb twee keer met hem gesproken."),
        ("ja", "Ik slaap er niet van."),
        ("nee", "De GGD kan de partner waarschuwen zonder dat ik spreek."),
        ("ja", "Besmettingsrisico."),
        ("ja", "Zij kan zich laten testen."),
        ("ja", "Alleen de diagnose."),
    ];
    let (transcript, out, code) = run_session(&answers, &[], Some(&judgment));
    assert_eq!(code, 0, "{transcript}");
    assert!(out.contains("U MAG NIET DELEN"), "one 'no' means the conflict of duties does not carry the disclosure: {out}");
    assert!(out.contains("De GGD kan de partner waarschuwen zonder dat ik spreek."), "reasons are quoted back: {out}");
    assert!(out.contains("uw oordeel"), "the judgment is worded as the professional's");
}

#[test]
fn going_back_changes_the_answer_and_is_listed() {
    // First answer 'politie' as recipient, then go back via 'terug' at the next question and
    // answer 'veilig thuis'.
    let rules = grondslag_rules::load_embedded().unwrap();
    let q_recipient = rules.facts.iter().find(|f| f.id == "recipient_role").unwrap().question.nl.clone();
    let mut child = Command::new(env!("CARGO_BIN_EXE_grondslag"))
        .args(["vraag", "--datum", "2026-11-23"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut buf = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    let mut recipient_asked = 0;
    let mut transcript = String::new();
    loop {
        if !next_line(&mut buf, &mut line) {
            break;
        }
        transcript.push_str(&line);
        if line.starts_with("Vraag ") {
            if line.contains("In welke rol") {
                writeln!(stdin, "huisarts").unwrap();
            } else if line.contains(&q_recipient) {
                recipient_asked += 1;
                writeln!(stdin, "{}", if recipient_asked == 1 { "politie" } else { "veilig thuis" }).unwrap();
            } else if recipient_asked == 1 {
                writeln!(stdin, "terug").unwrap();
            } else {
                writeln!(stdin, "stop").unwrap();
            }
        }
    }
    drop(stdin);
    let _ = child.wait().unwrap();
    assert_eq!(recipient_asked, 2, "'terug' asks the recipient again: {transcript}");
}
