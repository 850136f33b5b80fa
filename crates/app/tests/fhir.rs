//! The FHIR R4 export on SQLite with synthetic data: the expected resources, every reference
//! resolving inside the bundle, consents with their withdrawal, provenance signatures that are
//! receipts verifying against the organisation's key, and no client name, reference or free
//! text anywhere (the AuditEvents least of all). CI also checks the output against HL7's R4
//! definitions (`scripts/fhir-validate.sh`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};

use grondslag_app::{App, FactsInput, Identity, Receipt};
use grondslag_dossier::{Capacity, ConsentForm, ConsentRecord, Decision};
use grondslag_ledger::b64_decode;
use grondslag_rules::Lang;
use grondslag_store::{AccessEvent, AccessStore as _};
use grondslag_store_sqlite::SqliteStore;
use serde_json::Value;
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
";

/// Texts that are client data or free text and must not leave in the FHIR export.
const SECRETS: [&str; 7] =
    ["Test Persoon", "SYNTH-0001", "Moeder Persoon", "vertrouwelijke notitie", "Geheime reden", "medische verklaring", "10.0.0.7"];

fn consent(by: &str, capacity: Capacity, roles: &[&str], purposes: &[&str]) -> ConsentRecord {
    ConsentRecord {
        given_by: by.into(),
        capacity,
        recipient_roles: roles.iter().map(|s| s.to_string()).collect(),
        data_categories: vec!["health".into()],
        purposes: purposes.iter().map(|s| s.to_string()).collect(),
        valid_from: date!(2026 - 01 - 01),
        valid_to: None,
        form: ConsentForm::Written,
        freely_given: true,
        informed_of_consequences: true,
        note: "vertrouwelijke notitie".into(),
    }
}

fn event(org: &grondslag_store::OrgId, user: &str, client: &str, action: &str, authorisation: &str, allowed: bool) -> AccessEvent {
    AccessEvent {
        org: org.clone(),
        ts: "2026-11-23T10:00:00.000Z".into(),
        user: user.into(),
        user_role: "professional".into(),
        on_behalf_of: None,
        client: Some(client.into()),
        action: action.into(),
        authorisation: authorisation.into(),
        allowed,
        source: "10.0.0.7".into(),
    }
}

/// Every value under a key `reference`, anywhere.
fn references(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                match (k.as_str(), x) {
                    ("reference", Value::String(s)) => out.push(s.clone()),
                    _ => references(x, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| references(x, out)),
        _ => {}
    }
}

/// Every key, anywhere.
fn keys(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                out.insert(k.clone());
                keys(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
        _ => {}
    }
}

#[tokio::test]
async fn the_fhir_bundle_holds_the_dossier_consents_and_access_log_and_no_client_text() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path().join("grondslag.db")).await.unwrap();
    let app = App::new(store.clone(), dir.path(), grondslag_rules::load_embedded().unwrap());
    let (org, key) = app.create_organisation("Synthetische Praktijk").await.unwrap();
    let prof = app.create_professional(&org.id, "Dr. Proef", grondslag_store::AppRole::Professional, "huisarts").await.unwrap();
    let client = app.create_client(&org.id, "SYNTH-0001", &Identity { name: "Test Persoon".into(), birth_date: None }).await.unwrap();
    let other = app.create_client(&org.id, "SYNTH-0002", &Identity { name: "Ander Persoon".into(), birth_date: None }).await.unwrap();

    // 1: the client's consent for the insurer; 2: a parent's for the GP; 3: a deliberation relying
    // on 1; 4: the decision (then erased); 5: 1 withdrawn.
    let own = app
        .register_consent(&client.id, &prof.id, consent("Test Persoon", Capacity::Client, &["verzekeraar"], &["insurance_or_employment"]))
        .await
        .unwrap();
    app.register_consent(&client.id, &prof.id, consent("Moeder Persoon", Capacity::ParentWithAuthority, &["huisarts"], &["care"]))
        .await
        .unwrap();
    let input = FactsInput { file_name: "feiten.yaml", content: FACTS, date: date!(2026 - 11 - 23), lang: Lang::Nl, open: false };
    let d = app.deliberate(&client.id, &prof.id, input).await.unwrap();
    assert_eq!(d.consent.relied_on, Some(own.seq));
    let decision = Decision {
        deliberation_seq: d.receipt.seq,
        shared: true,
        what: "medische verklaring".into(),
        recipient: "verzekeraar".into(),
        shared_at: None,
        client_informed: Some("vooraf".into()),
        client_not_informed_reason: None,
        reasons: "Geheime reden".into(),
    };
    let decided = app.decide(&client.id, &prof.id, decision).await.unwrap();
    app.erase(&client.id, decided.seq).await.unwrap();
    // Withdrawn as of today, so it is no longer in force at the export.
    let today = time::OffsetDateTime::now_utc().date();
    app.withdraw_consent(&client.id, &prof.id, own.seq, today, "Test Persoon", "Geheime reden").await.unwrap();

    let other_professional = "0190f0e0-0000-7000-8000-00000000abcd";
    store.log_access(&event(&org.id, prof.id.as_str(), client.id.as_str(), "dossier.lezen", "zorgrelatie", true)).await.unwrap();
    store
        .log_access(&event(&org.id, other_professional, client.id.as_str(), "dossier.lezen", "geweigerd:geen_zorgrelatie", false))
        .await
        .unwrap();
    let grant = "doorbraak:0190f0e0-0000-7000-8000-00000000beef";
    store.log_access(&event(&org.id, other_professional, client.id.as_str(), "dossier.exporteren", grant, true)).await.unwrap();
    store.log_access(&event(&org.id, prof.id.as_str(), other.id.as_str(), "dossier.lezen", "zorgrelatie", true)).await.unwrap();

    let text = app.fhir_json(&client.id, None).await.unwrap();
    let bundle: Value = serde_json::from_str(&text).unwrap();
    assert!(text.starts_with(r#"{"resourceType":"Bundle""#), "resourceType first");
    assert_eq!((bundle["resourceType"].as_str(), bundle["type"].as_str()), (Some("Bundle"), Some("collection")));
    let entries = bundle["entry"].as_array().unwrap();

    // Each fullUrl a urn:uuid, once.
    let full_urls: BTreeSet<&str> = entries.iter().map(|e| e["fullUrl"].as_str().unwrap()).collect();
    assert_eq!(full_urls.len(), entries.len());
    for u in &full_urls {
        let id = u.strip_prefix("urn:uuid:").unwrap();
        assert!(grondslag_store::ClientId::parse(id).is_ok(), "{u}");
    }
    // Every reference resolves inside the bundle (a reference to what is outside is by identifier).
    let mut refs = Vec::new();
    references(&bundle, &mut refs);
    assert!(!refs.is_empty());
    for r in &refs {
        assert!(full_urls.contains(r.as_str()), "{r} does not resolve in the bundle");
    }

    let mut by_type: BTreeMap<&str, Vec<&Value>> = BTreeMap::new();
    for e in entries {
        by_type.entry(e["resource"]["resourceType"].as_str().unwrap()).or_default().push(&e["resource"]);
    }
    let counts: BTreeMap<&str, usize> = by_type.iter().map(|(k, v)| (*k, v.len())).collect();
    assert_eq!(
        counts,
        BTreeMap::from([
            ("AuditEvent", 3),
            ("Consent", 2),
            ("DocumentReference", 1),
            ("Organization", 1),
            ("Patient", 1),
            ("Provenance", 5),
            ("RelatedPerson", 1)
        ])
    );
    let patient = by_type["Patient"][0];
    assert_eq!(patient["identifier"][0]["value"], client.id.as_str());
    assert!(patient.get("name").is_none() && patient.get("birthDate").is_none());

    // The withdrawn consent is inactive and ends the day before the withdrawal; the parent's
    // stands, given by a RelatedPerson that has no name.
    let consent_of = |seq: u64| {
        by_type["Consent"].iter().find(|c| c["identifier"][0]["value"].as_str().unwrap().ends_with(&format!("/{seq}"))).copied().unwrap()
    };
    let withdrawn = consent_of(own.seq);
    assert_eq!(withdrawn["status"], "inactive");
    assert_eq!(withdrawn["provision"]["period"]["end"], today.previous_day().unwrap().to_string());
    assert_eq!(withdrawn["scope"]["coding"][0]["code"], "patient-privacy");
    assert_eq!(withdrawn["provision"]["actor"][0]["reference"]["identifier"]["value"], "verzekeraar");
    assert_eq!(withdrawn["provision"]["purpose"][0]["code"], "insurance_or_employment");
    assert!(withdrawn["policy"].as_array().is_some_and(|p| !p.is_empty()), "the consent ground's sources");
    let parents = consent_of(own.seq + 1);
    assert_eq!(parents["status"], "active");
    assert!(parents["provision"]["purpose"].as_array().unwrap().iter().any(|p| p["code"] == "TREAT"));
    let related = by_type["RelatedPerson"][0];
    assert!(related.get("name").is_none());
    assert_eq!(related["relationship"][0]["coding"][1]["code"], "PRN");

    // The report travels as a DocumentReference whose hash is the SHA-1 of its data.
    let doc = by_type["DocumentReference"][0];
    assert_eq!(doc["masterIdentifier"]["value"], format!("{}/{}", d.receipt.dossier, d.receipt.seq));
    let report = &doc["content"][0]["attachment"];
    assert_eq!((report["contentType"].as_str(), report["language"].as_str()), (Some("application/json"), Some("nl")));
    let data = b64_decode(report["data"].as_str().unwrap()).unwrap();
    use sha1::Digest as _;
    assert_eq!(b64_decode(report["hash"].as_str().unwrap()).unwrap(), sha1::Sha1::digest(&data).to_vec());
    let stored: Value = serde_json::from_slice(&data).unwrap();
    assert_eq!(stored["outcome"], serde_json::to_value(d.report.outcome).unwrap());
    assert_eq!(stored["consent_registry"]["relied_on"], own.seq);
    let mut k = BTreeSet::new();
    keys(&stored, &mut k);
    assert!(!k.contains("reasons") && !k.contains("explanation"), "the summary carries no free text: {k:?}");

    // One Provenance per entry, the erased one included; its signature is a receipt that
    // verifies with the organisation's key, and its entity is the previous entry's hash.
    for (i, p) in by_type["Provenance"].iter().enumerate() {
        let seq = i as u64 + 1;
        let receipt: Receipt = serde_json::from_slice(&b64_decode(p["signature"][0]["data"].as_str().unwrap()).unwrap()).unwrap();
        assert_eq!(receipt.seq, seq);
        receipt.verify(&key).unwrap();
        let ids: Vec<&str> = p["target"].as_array().unwrap().iter().filter_map(|t| t["identifier"]["value"].as_str()).collect();
        assert!(ids.iter().any(|v| v.ends_with(&format!("/{seq}"))), "{p}");
        if seq > 1 {
            let prev: Receipt =
                serde_json::from_slice(&b64_decode(by_type["Provenance"][i - 1]["signature"][0]["data"].as_str().unwrap()).unwrap())
                    .unwrap();
            let chain = p["entity"].as_array().unwrap().iter().find(|e| e["role"] == "derivation").unwrap();
            assert_eq!(chain["what"]["identifier"]["value"].as_str(), Some(prev.leaf_hash.as_str()));
        }
    }
    let deliberation = by_type["Provenance"][2];
    assert!(deliberation["entity"].as_array().unwrap().iter().any(|e| e["role"] == "source"), "relied on the consent");
    let decision = by_type["Provenance"][3];
    assert_eq!(decision["target"].as_array().unwrap().len(), 1, "an erased decision is named, not shown");
    let withdrawal = by_type["Provenance"][4];
    assert_eq!(withdrawal["activity"]["coding"][0]["code"], "UPDATE");

    // The access log: only this client's events, ids and fixed codes.
    let audits = &by_type["AuditEvent"];
    assert_eq!(audits[1]["outcome"], "4");
    assert_eq!(audits[1]["agent"][0]["policy"][0], "https://grondslag.nl/fhir/autorisatie/geweigerd/geen_zorgrelatie");
    assert_eq!(audits[2]["type"]["code"], "110106");
    assert_eq!(audits[2]["agent"][0]["purposeOfUse"][0]["coding"][0]["code"], "BTG");
    for a in audits {
        assert_eq!(a["entity"][0]["what"]["reference"], patient_url(entries));
        let mut k = BTreeSet::new();
        keys(a, &mut k);
        for free in ["outcomeDesc", "description", "query", "name", "text", "network", "detail", "altId"] {
            assert!(!k.contains(free), "an AuditEvent carries {free}: {a}");
        }
        assert!(!a.to_string().contains(other.id.as_str()));
    }

    // No client data or free text anywhere, also not inside the attachments.
    let mut everything = text.clone();
    for d in by_type["DocumentReference"].iter().flat_map(|d| d["content"].as_array().unwrap()) {
        everything.push_str(&String::from_utf8(b64_decode(d["attachment"]["data"].as_str().unwrap()).unwrap()).unwrap());
    }
    for secret in SECRETS {
        assert!(!everything.contains(secret), "the export contains {secret:?}");
    }
    assert!(!everything.contains(&client.pseudonym), "the keyed pseudonym stays inside");

    // An empty dossier still exports its client and access log.
    let empty: Value = serde_json::from_str(&app.fhir_json(&other.id, None).await.unwrap()).unwrap();
    let types: Vec<&str> = empty["entry"].as_array().unwrap().iter().map(|e| e["resource"]["resourceType"].as_str().unwrap()).collect();
    assert_eq!(types, ["Patient", "Organization", "AuditEvent"]);
}

fn patient_url(entries: &[Value]) -> Value {
    entries.iter().find(|e| e["resource"]["resourceType"] == "Patient").unwrap()["fullUrl"].clone()
}
