//! `grondslag-verify`: checks a Grondslag verification bundle offline.
//!
//! ```text
//! grondslag-verify BUNDEL.json [--sleutel NAAM+ID+SLEUTEL]...
//! ```
//!
//! Exit codes: 0 verified, 1 not verified (the first failing entry and why), 2 unusable input.

use std::io::Write;
use std::process::ExitCode;

use grondslag_ledger::{Bundle, BundleReport, VerifierKey, VerifyError, b64_encode, verify_bundle, verify_bundle_with_keys};

const USAGE: &str = "gebruik: grondslag-verify BUNDEL.json [--sleutel NAAM+ID+SLEUTEL]...

Controleert een verificatiebundel van Grondslag zonder netwerk: de handtekening op het
checkpoint, de keten van het dossier (volgnummers zonder gaten, verwijzingen naar de vorige
entry), het inclusiebewijs van elke entry in de boom van het checkpoint, de inhoud tegen de
vastgelegde commitment (waar meegeleverd) en de consistentiebewijzen.

  --sleutel K   vertrouw alleen deze verificatiesleutel (herhaalbaar) in plaats van de
                sleutels in de bundel; haal hem uit een onafhankelijke bron

Afsluitcode: 0 geverifieerd, 1 niet geverifieerd, 2 onbruikbare invoer.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = std::io::stdout().lock();
    match run(&args, &mut out) {
        Ok(code) => code,
        Err(message) => {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "fout: {message}");
            let _ = writeln!(err, "{}", USAGE.lines().next().unwrap_or_default());
            ExitCode::from(2)
        }
    }
}

/// Writes the result; `Err` is unusable input (exit 2).
fn run(args: &[String], out: &mut impl Write) -> Result<ExitCode, String> {
    let mut path: Option<&str> = None;
    let mut pinned: Vec<VerifierKey> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" | "--hulp" => {
                let _ = writeln!(out, "{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            "--sleutel" => {
                let k = it.next().ok_or("--sleutel verwacht een verificatiesleutel")?;
                pinned.push(VerifierKey::parse(k).map_err(|e| format!("--sleutel {k:?}: {e}"))?);
            }
            a if a.starts_with('-') && a.len() > 1 => return Err(format!("onbekende optie {a:?}")),
            a if path.is_none() => path = Some(a),
            a => return Err(format!("meer dan één bundel opgegeven ({a:?})")),
        }
    }
    let path = path.ok_or("geen bundel opgegeven")?;
    let bytes = std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "het bestand bestaat niet".to_owned(),
            std::io::ErrorKind::PermissionDenied => "geen leesrechten".to_owned(),
            std::io::ErrorKind::IsADirectory => "dit is een map".to_owned(),
            _ => e.to_string(),
        };
        format!("kan {path} niet lezen: {why}")
    })?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{path} is geen UTF-8-tekst"))?;
    let bundle = Bundle::from_json(&text).map_err(|e| format!("{path}: {e}"))?;

    let result = if pinned.is_empty() { verify_bundle(&bundle) } else { verify_bundle_with_keys(&bundle, &pinned) };
    let _ = writeln!(out, "bundel: {path}");
    match result {
        Ok(report) => {
            print_report(out, &report, !pinned.is_empty());
            Ok(ExitCode::SUCCESS)
        }
        Err(e @ VerifyError::Format(_)) => Err(format!("{path}: {e}")),
        Err(e) => {
            let _ = writeln!(out, "NIET geverifieerd: {e}");
            Ok(ExitCode::from(1))
        }
    }
}

fn print_report(out: &mut impl Write, r: &BundleReport, pinned: bool) {
    let mut w = |line: String| {
        let _ = writeln!(out, "{line}");
    };
    w(format!("log (origin): {}", r.origin));
    w(format!("checkpoint: boomgrootte {}, root {}", r.tree_size, b64_encode(&r.root)));
    w(format!("handtekening: klopt, sleutel {}", r.key));
    w(format!("organisatie: {}", r.org));
    w(format!("dossier: {}", r.dossier));
    w(format!("entries: {} (seq 1 t/m {}), keten zonder gaten, elke entry verwijst naar de vorige", r.entries, r.last_seq));
    w(format!("inclusiebewijzen: alle {} entries zitten in de boom van het checkpoint", r.entries));
    w(format!(
        "inhoud: {} gecontroleerd tegen de vastgelegde commitment, {} niet meegeleverd of gewist",
        r.payloads_verified, r.payloads_absent
    ));
    for old in &r.consistent_with {
        w(format!("consistentie: de boom van grootte {old} is een voorvoegsel van deze boom"));
    }
    if !pinned {
        w("let op: de sleutel komt uit de bundel zelf; vergelijk hem met de gepubliceerde sleutel van de organisatie (of gebruik --sleutel)".to_owned());
    }
    w("let op: entries na de laatste hier getoonde kunnen bestaan; een eerder ontvangen bewijs van een latere entry moet in de bundel terugkomen".to_owned());
    w("geverifieerd".to_owned());
}
