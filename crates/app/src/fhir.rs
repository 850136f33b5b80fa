//! FHIR R4 (4.0.1) export of one client's dossier, for care systems and the national consent
//! infrastructure: one `Bundle` of type `collection` holding
//!
//! - a `Patient` with only the client's Grondslag id (no name, date of birth or BSN: Grondslag
//!   stores no BSN, and the receiving system links the id through the professional, who knows
//!   the client) and an `Organization` (the organisation keeping the dossier);
//! - per registered consent a `Consent` (withdrawn or expired: `inactive`), with a
//!   `RelatedPerson` (capacity only, no name) when someone else than the client gave it;
//! - per recorded deliberation a `DocumentReference` carrying a summary of its report without
//!   free text ([`report_summary`]);
//! - per dossier entry (every kind, erased ones too) a `Provenance` naming the entry, who recorded
//!   it, the rule set, the previous entry's hash and, as its signature, the entry's receipt
//!   (the Ed25519-signed checkpoint and the inclusion proof);
//! - per NEN 7513 access event about the client an `AuditEvent`, with ids and fixed codes only.
//!
//! `collection`, not `document`: a FHIR document is one attested composition with a
//! `Composition` first and the bundle as its unit of signing; this export is a set of
//! independent resources a receiver may take apart, and its integrity rests on the ledger's
//! signature per entry, not on the bundle.
//!
//! Pure: no I/O, clock or randomness. [`bundle`] gets everything (the export's time and id
//! too) from the caller, `export.rs` reads it from the store. Every `fullUrl` is a `urn:uuid`
//! derived from what the resource stands for ([`uuid_for`]), so the same entry keeps the same
//! reference in every export and references inside the bundle are consistent by construction.

mod export;

use grondslag_dossier::{Capacity, ConsentForm, ConsentRecord, ConsentState, EntryPayload};
use grondslag_ledger::{EntryBody, b64_encode};
use grondslag_rules::{Lang, RuleSet};
use grondslag_store::{AccessEvent, ClientId, DossierId, Organisation, StoredAccessEvent};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use time::Date;

use crate::Receipt;

/// Grondslag's own code systems and naming systems (the `system` of codes and identifiers that
/// have no national or HL7 equivalent).
pub mod system {
    pub const CLIENT: &str = "https://grondslag.nl/fhir/NamingSystem/client";
    pub const ORGANISATION: &str = "https://grondslag.nl/fhir/NamingSystem/organisatie";
    pub const PROFESSIONAL: &str = "https://grondslag.nl/fhir/NamingSystem/professional";
    pub const DOSSIER: &str = "https://grondslag.nl/fhir/NamingSystem/dossier";
    /// An entry of a dossier: `<dossier id>/<seq>`.
    pub const ENTRY: &str = "https://grondslag.nl/fhir/NamingSystem/dossierregel";
    /// An entry's leaf hash (base64), the value the next entry's `prev` holds.
    pub const LEAF_HASH: &str = "https://grondslag.nl/fhir/NamingSystem/regel-hash";
    pub const GROUND: &str = "https://grondslag.nl/fhir/CodeSystem/grond";
    pub const ROLE: &str = "https://grondslag.nl/fhir/CodeSystem/rol";
    pub const DATA_CATEGORY: &str = "https://grondslag.nl/fhir/CodeSystem/gegevenscategorie";
    pub const PURPOSE: &str = "https://grondslag.nl/fhir/CodeSystem/doel";
    pub const CAPACITY: &str = "https://grondslag.nl/fhir/CodeSystem/hoedanigheid";
    pub const CONSENT_FORM: &str = "https://grondslag.nl/fhir/CodeSystem/toestemmingsvorm";
    pub const ENTRY_KIND: &str = "https://grondslag.nl/fhir/CodeSystem/dossierregelsoort";
    pub const ACCESS_ACTION: &str = "https://grondslag.nl/fhir/CodeSystem/toegangsactie";
    pub const APP_ROLE: &str = "https://grondslag.nl/fhir/CodeSystem/applicatierol";
    pub const DOCUMENT_TYPE: &str = "https://grondslag.nl/fhir/CodeSystem/documentsoort";
    /// The receipt format in a `Provenance.signature` (see [`super::provenance`]).
    pub const RECEIPT_FORMAT: &str = "application/vnd.grondslag.receipt+json";
    /// Prefix of the authorisation a NEN 7513 event rests on (`…/zorgrelatie`, `…/doorbraak/<id>`).
    pub const AUTHORISATION: &str = "https://grondslag.nl/fhir/autorisatie/";
    /// Prefix of a rule set's URI.
    pub const RULESET: &str = "https://grondslag.nl/fhir/regelset/";
    pub const EXT_FREELY_GIVEN: &str = "https://grondslag.nl/fhir/StructureDefinition/toestemming-vrij-gegeven";
    pub const EXT_INFORMED: &str = "https://grondslag.nl/fhir/StructureDefinition/toestemming-geinformeerd-over-gevolgen";
    pub const EXT_FORM: &str = "https://grondslag.nl/fhir/StructureDefinition/toestemmingsvorm";
}

const V3_ACT_REASON: &str = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
const V3_ROLE_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
const V3_PARTICIPATION: &str = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
const V3_DATA_OPERATION: &str = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
const V3_CONFIDENTIALITY: &str = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
const V3_ACT_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
const DICOM: &str = "http://dicom.nema.org/resources/ontology/DCM";

/// One dossier entry as the export sees it.
#[derive(Debug, Clone)]
pub struct ExportEntry<'a> {
    pub body: &'a EntryBody,
    /// The content, `None` when erased.
    pub payload: Option<&'a EntryPayload>,
    /// The entry's receipt against the latest signed checkpoint.
    pub receipt: &'a Receipt,
}

/// Everything one export maps, read by the caller.
#[derive(Debug, Clone)]
pub struct ExportInput<'a> {
    pub rules: &'a RuleSet,
    pub org: &'a Organisation,
    pub client: &'a ClientId,
    pub dossier: &'a DossierId,
    /// Oldest first.
    pub entries: &'a [ExportEntry<'a>],
    pub registry: &'a [ConsentState],
    /// The NEN 7513 events about this client, oldest first, with their place in the
    /// organisation's access log.
    pub access: &'a [StoredAccessEvent],
    /// The export's moment (RFC 3339 UTC with milliseconds) and date (which consents are still
    /// in force).
    pub timestamp: &'a str,
    pub today: Date,
    /// A fresh id of this export (a UUID).
    pub export_id: &'a str,
}

/// A name-based UUID (RFC 9562 version 8: the first 16 bytes of a SHA-256, with the version and
/// variant bits set) for what `parts` name. Deterministic, so an entry keeps its `fullUrl`
/// across exports; domain-separated so two kinds of resource never share one.
pub fn uuid_for(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    h.update(b"grondslag/fhir/v1");
    for p in parts {
        h.update(b"|");
        h.update(p.as_bytes());
    }
    let d: [u8; 32] = h.finalize().into();
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

fn urn(parts: &[&str]) -> String {
    format!("urn:uuid:{}", uuid_for(parts))
}

fn coding(system: &str, code: &str, display: Option<&str>) -> Value {
    match display {
        Some(d) => json!({"system": system, "code": code, "display": d}),
        None => json!({"system": system, "code": code}),
    }
}

fn concept(codings: Vec<Value>) -> Value {
    json!({ "coding": codings })
}

fn identifier(system: &str, value: &str) -> Value {
    json!({"system": system, "value": value})
}

/// A reference by identifier only (the target is not in the bundle): a professional.
fn professional_ref(user: &str) -> Value {
    json!({"type": "Practitioner", "identifier": identifier(system::PROFESSIONAL, user)})
}

fn entry_id(dossier: &DossierId, seq: u64) -> String {
    format!("{dossier}/{seq}")
}

/// Percent-encodes everything but unreserved URI characters (RFC 3986 §2.3), so rule-set names
/// and codes make valid URIs whatever a maintainer wrote.
fn uri_part(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The label of a rule-set id (a role, or a value of `fact`), Dutch; the id when unknown.
fn label(rules: &RuleSet, fact: &str, id: &str) -> String {
    crate::id_labels(rules, fact, &[id.to_owned()], Lang::Nl)
}

/// The HL7 purpose of use (v3 ActReason) of a purpose of the rule set, where one means the
/// same. Only exact matches: "insurance, benefits or employment" is not healthcare payment
/// (`HPAYMT`), so it and the purposes without an HL7 counterpart carry only Grondslag's code.
fn v3_purpose(purpose: &str) -> Option<(&'static str, &'static str)> {
    Some(match purpose {
        "care" => ("TREAT", "treatment"),
        "research" => ("HRESCH", "healthcare research"),
        "review_or_learning" => ("HQUALIMP", "health quality improvement"),
        "client_access" => ("PATRQT", "patient requested"),
        _ => return None,
    })
}

/// The HL7 relationship (v3 RoleCode) of a capacity, where one means the same.
fn v3_relationship(c: Capacity) -> Option<(&'static str, &'static str)> {
    Some(match c {
        Capacity::ParentWithAuthority => ("PRN", "parent"),
        Capacity::Guardian => ("GUARD", "guardian"),
        Capacity::WrittenProxy => ("POWATT", "power of attorney"),
        Capacity::Partner => ("SIGOTHR", "significant other"),
        Capacity::Family => ("FAMMEMB", "family member"),
        Capacity::Client | Capacity::Curator | Capacity::Mentor => return None,
    })
}

fn capacity_code(c: Capacity) -> &'static str {
    match c {
        Capacity::Client => "client",
        Capacity::ParentWithAuthority => "parent_with_authority",
        Capacity::Guardian => "guardian",
        Capacity::Curator => "curator",
        Capacity::Mentor => "mentor",
        Capacity::WrittenProxy => "written_proxy",
        Capacity::Partner => "partner",
        Capacity::Family => "family",
    }
}

fn form_code(f: ConsentForm) -> &'static str {
    match f {
        ConsentForm::Oral => "oral",
        ConsentForm::Written => "written",
        ConsentForm::Digital => "digital",
    }
}

/// The references every resource shares.
struct Refs {
    patient: String,
    organisation: String,
}

impl Refs {
    fn consent(&self, input: &ExportInput, seq: u64) -> String {
        urn(&["consent", input.dossier.as_str(), &seq.to_string()])
    }
    fn document(&self, input: &ExportInput, seq: u64) -> String {
        urn(&["deliberation", input.dossier.as_str(), &seq.to_string()])
    }
}

/// The FHIR R4 `Bundle` of one client's dossier (see the module documentation).
pub fn bundle(input: &ExportInput) -> Value {
    let refs = Refs {
        patient: urn(&["patient", input.org.id.as_str(), input.client.as_str()]),
        organisation: urn(&["organisation", input.org.id.as_str()]),
    };
    let mut entries: Vec<(String, Value)> = vec![
        (
            refs.patient.clone(),
            json!({
                "resourceType": "Patient",
                "identifier": [identifier(system::CLIENT, input.client.as_str())],
                "managingOrganization": {"reference": refs.organisation},
            }),
        ),
        (
            refs.organisation.clone(),
            json!({
                "resourceType": "Organization",
                "identifier": [identifier(system::ORGANISATION, input.org.id.as_str())],
                "name": input.org.name,
            }),
        ),
    ];
    for c in input.registry {
        entries.extend(consent(input, &refs, c));
    }
    for e in input.entries {
        if let Some(EntryPayload::Deliberation { report }) = e.payload {
            entries.push((refs.document(input, e.body.seq), document(input, &refs, e, report)));
        }
    }
    for e in input.entries {
        entries.push((urn(&["provenance", input.dossier.as_str(), &e.body.seq.to_string()]), provenance(input, &refs, e)));
    }
    for a in input.access {
        // The event's place in the organisation's hash-chained log names it for good.
        entries.push((urn(&["audit", input.org.id.as_str(), &a.seq.to_string()]), audit_event(input, &refs, &a.event)));
    }
    json!({
        "resourceType": "Bundle",
        "meta": {"lastUpdated": input.timestamp},
        // FHIR's convention for an identifier that is a URI.
        "identifier": identifier("urn:ietf:rfc:3986", &format!("urn:uuid:{}", input.export_id)),
        "type": "collection",
        "timestamp": input.timestamp,
        "entry": entries.into_iter().map(|(full_url, resource)| json!({"fullUrl": full_url, "resource": resource})).collect::<Vec<_>>(),
    })
}

/// A FHIR JSON text of `value`: as `serde_json` writes it, except that in each object
/// `resourceType` comes first (where FHIR's own examples and streaming readers expect it;
/// `serde_json::Value` keeps keys sorted).
pub fn to_json(value: &Value) -> Result<String, serde_json::Error> {
    struct Fhir<'a>(&'a Value);
    impl serde::Serialize for Fhir<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::{SerializeMap, SerializeSeq};
            match self.0 {
                Value::Object(m) => {
                    let mut map = s.serialize_map(Some(m.len()))?;
                    if let Some(t) = m.get("resourceType") {
                        map.serialize_entry("resourceType", t)?;
                    }
                    for (k, v) in m.iter().filter(|(k, _)| *k != "resourceType") {
                        map.serialize_entry(k, &Fhir(v))?;
                    }
                    map.end()
                }
                Value::Array(a) => {
                    let mut seq = s.serialize_seq(Some(a.len()))?;
                    for v in a {
                        seq.serialize_element(&Fhir(v))?;
                    }
                    seq.end()
                }
                other => other.serialize(s),
            }
        }
    }
    serde_json::to_string(&Fhir(value))
}

/// A registered consent as a `Consent` (and, given by someone else, that person as a
/// `RelatedPerson` with the capacity only). Withdrawn or past its end: `inactive`, with the
/// period ending the day before the withdrawal took effect.
fn consent(input: &ExportInput, refs: &Refs, c: &ConsentState) -> Vec<(String, Value)> {
    let r: &ConsentRecord = &c.record;
    let mut out = Vec::new();
    let performer = if r.capacity == Capacity::Client {
        json!({"reference": refs.patient})
    } else {
        let person = urn(&["related-person", input.dossier.as_str(), &c.seq.to_string()]);
        let mut relationship = vec![coding(system::CAPACITY, capacity_code(r.capacity), None)];
        if let Some((code, display)) = v3_relationship(r.capacity) {
            relationship.push(coding(V3_ROLE_CODE, code, Some(display)));
        }
        // `given_by` is free text that may name the person: it stays out.
        out.push((
            person.clone(),
            json!({"resourceType": "RelatedPerson", "patient": {"reference": refs.patient}, "relationship": [concept(relationship)]}),
        ));
        json!({"reference": person})
    };
    let withdrawn_end = c.withdrawn_on.map(|w| w.previous_day().unwrap_or(w));
    let end = match (r.valid_to, withdrawn_end) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let in_force = c.withdrawn_on.is_none_or(|w| w > input.today) && r.valid_to.is_none_or(|to| to >= input.today);
    let mut period = json!({"start": r.valid_from.to_string()});
    if let Some(end) = end {
        // A withdrawal on the first day leaves an empty period: it ends where it starts.
        period["end"] = json!(end.max(r.valid_from).to_string());
    }
    let actors: Vec<Value> = r
        .recipient_roles
        .iter()
        .map(|role| {
            json!({
                "role": concept(vec![coding(V3_PARTICIPATION, "IRCP", Some("information recipient"))]),
                "reference": {"identifier": identifier(system::ROLE, role), "display": label(input.rules, "recipient_role", role)},
            })
        })
        .collect();
    let mut purposes = Vec::new();
    for p in &r.purposes {
        purposes.push(coding(system::PURPOSE, p, Some(&label(input.rules, "purpose", p))));
        if let Some((code, display)) = v3_purpose(p) {
            purposes.push(coding(V3_ACT_REASON, code, Some(display)));
        }
    }
    let data: Vec<Value> = r
        .data_categories
        .iter()
        .map(|d| concept(vec![coding(system::DATA_CATEGORY, d, Some(&label(input.rules, "data_categories", d)))]))
        .collect();
    let ground = input.rules.grounds.iter().find(|g| g.id == "consent");
    let policy: Vec<Value> =
        ground.map(|g| g.sources.iter().map(|s| json!({"uri": input.rules.source(*s).url})).collect()).unwrap_or_default();
    let entry = input.entries.iter().find(|e| e.body.seq == c.seq);
    let mut resource = json!({
        "resourceType": "Consent",
        "extension": [
            {"url": system::EXT_FREELY_GIVEN, "valueBoolean": r.freely_given},
            {"url": system::EXT_INFORMED, "valueBoolean": r.informed_of_consequences},
            {"url": system::EXT_FORM, "valueCoding": coding(system::CONSENT_FORM, form_code(r.form), None)},
        ],
        "identifier": [identifier(system::ENTRY, &entry_id(input.dossier, c.seq))],
        "status": if in_force { "active" } else { "inactive" },
        "scope": concept(vec![coding("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", Some("Privacy Consent"))]),
        "category": [
            concept(vec![coding("http://loinc.org", "59284-0", Some("Patient Consent"))]),
            concept(vec![coding(V3_ACT_CODE, "INFA", Some("information access"))]),
        ],
        "patient": {"reference": refs.patient},
        "performer": [performer],
        "organization": [{"reference": refs.organisation}],
        "policyRule": concept(vec![coding(system::GROUND, "consent", ground.map(|g| g.label.nl.as_str()))]),
        "provision": {
            "type": "permit",
            "period": period,
            "actor": actors,
            "action": [concept(vec![coding("http://terminology.hl7.org/CodeSystem/consentaction", "disclose", Some("Disclose"))])],
            "purpose": purposes,
            "code": data,
        },
    });
    if let Some(e) = entry {
        resource["dateTime"] = json!(e.body.ts);
    }
    if !policy.is_empty() {
        resource["policy"] = json!(policy);
    }
    out.push((refs.consent(input, c.seq), resource));
    out
}

/// What of a stored report leaves in the export: the outcome, the grounds and AVG bases that
/// carry it, the facts, conditions and notices by their rule-set codes, the professional's
/// yes/no per weighing criterion, the consent relied on and the sources. Never a text the
/// professional wrote (the reasons of a weighing) nor one derived from the dossier (the consent
/// registry's explanation names who gave the consent): those stay in the verification bundle,
/// which carries the whole report for supervisors and courts.
pub fn report_summary(rules: &RuleSet, report: &Value) -> Value {
    let ids = |v: &Value, key: &str| -> Vec<Value> {
        v.as_array().map(|a| a.iter().filter_map(|x| x.get(key).cloned()).collect()).unwrap_or_default()
    };
    let outcome = report.get("outcome").cloned().unwrap_or(Value::Null);
    let outcome_label = serde_json::from_value::<grondslag_rules::Outcome>(outcome.clone())
        .map(|o| grondslag_engine::outcome_label(o, Lang::Nl).to_owned())
        .ok();
    let grounds: Vec<Value> = report
        .pointer("/beroepsgeheim/grounds")
        .and_then(Value::as_array)
        .map(|g| {
            g.iter()
                .filter_map(Value::as_str)
                .map(|id| json!({"id": id, "label": rules.grounds.iter().find(|x| x.id == id).map(|x| x.label.nl.clone())}))
                .collect()
        })
        .unwrap_or_default();
    let facts: Vec<Value> = report
        .get("facts")
        .and_then(Value::as_array)
        .map(|f| f.iter().map(|x| json!({"fact": x.get("fact"), "value": x.get("value")})).collect())
        .unwrap_or_default();
    let judgments: Vec<Value> = report
        .get("recorded_judgments")
        .and_then(Value::as_array)
        .map(|js| {
            js.iter()
                .map(|j| {
                    let answers: Vec<Value> = j
                        .get("answers")
                        .and_then(Value::as_array)
                        .map(|a| a.iter().map(|x| json!({"criterion": x.get("criterion"), "answer": x.get("answer")})).collect())
                        .unwrap_or_default();
                    json!({"id": j.get("id"), "answers": answers})
                })
                .collect()
        })
        .unwrap_or_default();
    let sources: Vec<Value> = report
        .get("sources")
        .and_then(Value::as_array)
        .map(|s| s.iter().map(|x| json!({"id": x.get("id"), "url": x.get("url"), "status": x.get("status")})).collect())
        .unwrap_or_default();
    json!({
        "format": "grondslag-beraadsamenvatting/1",
        "date": report.get("date"),
        "ruleset": report.get("ruleset"),
        "engine_version": report.get("engine_version"),
        "outcome": outcome,
        "outcome_label": outcome_label,
        "grounds": grounds,
        "avg": {
            "satisfied": report.pointer("/avg/satisfied"),
            "bases": report.pointer("/avg/bases").map(|b| ids(b, "id")).unwrap_or_default(),
        },
        "facts": facts,
        "conditions": report.get("conditions").map(|c| ids(c, "id")).unwrap_or_default(),
        "notices": report.get("notices").map(|n| ids(n, "id")).unwrap_or_default(),
        "judgments": judgments,
        "consent_registry": {
            "consent": report.pointer("/consent_registry/consent"),
            "relied_on": report.pointer("/consent_registry/relied_on"),
        },
        "sources": sources,
    })
}

/// The report of a deliberation as a `DocumentReference`: its summary without free text
/// ([`report_summary`]) as JSON and the dossier's one-line summary as text, both Dutch, each with
/// its SHA-1 (what FHIR's `Attachment.hash` is).
fn document(input: &ExportInput, refs: &Refs, e: &ExportEntry, report: &Value) -> Value {
    use sha1::Digest as _;
    let attachment = |content_type: &str, bytes: &[u8], title: &str| {
        json!({
            "contentType": content_type,
            "language": "nl",
            "data": b64_encode(bytes),
            "size": bytes.len(),
            "hash": b64_encode(&sha1::Sha1::digest(bytes)),
            "title": title,
            "creation": e.body.ts,
        })
    };
    let summary_json = report_summary(input.rules, report).to_string();
    let line = e.payload.map(|p| crate::summary(input.rules, p, Lang::Nl)).unwrap_or_default();
    let title = grondslag_i18n::tr(Lang::Nl, "fhir-report-title");
    json!({
        "resourceType": "DocumentReference",
        "masterIdentifier": identifier(system::ENTRY, &entry_id(input.dossier, e.body.seq)),
        "status": "current",
        "docStatus": "final",
        "type": concept(vec![coding(system::DOCUMENT_TYPE, "beraadsamenvatting", Some(title))]),
        "subject": {"reference": refs.patient},
        "date": e.body.ts,
        "author": [professional_ref(&e.body.actor.user)],
        "custodian": {"reference": refs.organisation},
        // Health data and the professional's own weighing: restricted.
        "securityLabel": [concept(vec![coding(V3_CONFIDENTIALITY, "R", Some("restricted"))])],
        "content": [
            {"attachment": attachment("application/json", summary_json.as_bytes(), title)},
            {"attachment": attachment("text/plain; charset=utf-8", line.as_bytes(), title)},
        ],
    })
}

/// The `Provenance` of one dossier entry. Its target is the resource the entry made (a consent,
/// a deliberation's report; a withdrawal targets the consent it ended) and always the entry
/// itself by identifier. Its signature is the entry's receipt: the organisation's Ed25519-signed
/// checkpoint with the inclusion proof of the entry's leaf hash, which is what proves the entry
/// (the ledger signs tree heads, not single entries); its entity is the previous entry's hash,
/// which the entry's body commits to.
fn provenance(input: &ExportInput, refs: &Refs, e: &ExportEntry) -> Value {
    let b = e.body;
    let mut target = vec![json!({"identifier": identifier(system::ENTRY, &entry_id(input.dossier, b.seq))})];
    let mut entity = Vec::new();
    let made = match e.payload {
        Some(EntryPayload::Deliberation { report }) => {
            if let Some(seq) = report.get("consent_registry").and_then(|c| c.get("relied_on")).and_then(Value::as_u64)
                && input.registry.iter().any(|c| c.seq == seq)
            {
                entity.push(json!({"role": "source", "what": {"reference": refs.consent(input, seq)}}));
            }
            Some(refs.document(input, b.seq))
        }
        Some(EntryPayload::Consent(_)) if input.registry.iter().any(|c| c.seq == b.seq) => Some(refs.consent(input, b.seq)),
        Some(EntryPayload::ConsentRevocation { consent_seq, .. }) if input.registry.iter().any(|c| c.seq == *consent_seq) => {
            Some(refs.consent(input, *consent_seq))
        }
        Some(EntryPayload::Decision(d)) => {
            let deliberated = input.entries.iter().any(|x| x.body.seq == d.deliberation_seq && x.payload.is_some());
            let what = if deliberated {
                json!({"reference": refs.document(input, d.deliberation_seq)})
            } else {
                json!({"identifier": identifier(system::ENTRY, &entry_id(input.dossier, d.deliberation_seq))})
            };
            entity.push(json!({"role": "source", "what": what}));
            None
        }
        _ => None,
    };
    if let Some(r) = made {
        target.insert(0, json!({"reference": r}));
    }
    if let Some(c) = b.corrects {
        entity.push(json!({"role": "revision", "what": {"identifier": identifier(system::ENTRY, &entry_id(input.dossier, c))}}));
    }
    if b.seq > 1 {
        // The chain link: this entry's body holds the previous entry's leaf hash (`prev`).
        entity.push(json!({"role": "derivation", "what": {"identifier": identifier(system::LEAF_HASH, &b.prev)}}));
    }
    let activity = match b.kind.as_str() {
        "consent.revocation" | "correction" => ("UPDATE", "revise"),
        _ => ("CREATE", "create"),
    };
    let receipt = serde_json::to_vec(e.receipt).unwrap_or_default();
    let mut resource = json!({
        "resourceType": "Provenance",
        "target": target,
        "recorded": b.ts,
        "activity": concept(vec![
            coding(V3_DATA_OPERATION, activity.0, Some(activity.1)),
            coding(system::ENTRY_KIND, &b.kind, Some(grondslag_i18n::tr(Lang::Nl, crate::kind_id(&b.kind)))),
        ]),
        "agent": [{
            "type": concept(vec![coding("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author", Some("Author"))]),
            "role": [concept(vec![coding(system::ROLE, &b.actor.role, Some(&label(input.rules, "recipient_role", &b.actor.role)))])],
            "who": professional_ref(&b.actor.user),
            "onBehalfOf": {"reference": refs.organisation},
        }],
        "signature": [{
            "type": [coding("urn:iso-astm:E1762-95:2013", "1.2.840.10065.1.12.1.14", Some("Source Signature"))],
            // R4 requires a time; the checkpoint is the latest signed at the export, so it
            // existed then.
            "when": input.timestamp,
            "who": {"reference": refs.organisation},
            "targetFormat": "application/json",
            "sigFormat": system::RECEIPT_FORMAT,
            "data": b64_encode(&receipt),
        }],
    });
    if let Some(rules) = &b.rules {
        resource["policy"] =
            json!([format!("{}{}/{}/sha256/{}", system::RULESET, uri_part(&rules.set), uri_part(&rules.version), uri_part(&rules.sha256))]);
    }
    if !entity.is_empty() {
        resource["entity"] = json!(entity);
    }
    resource
}

/// How an access-log action maps onto the DICOM audit event types and the FHIR action codes
/// (C create, R read, E execute).
fn audit_type(action: &str) -> (&'static str, &'static str, &'static str) {
    match action {
        "dossier.exporteren" => ("110106", "Export", "R"),
        "dossier.lezen" | "meldcode.lezen" => ("110110", "Patient Record", "R"),
        "dossier.schrijven" | "meldcode.schrijven" | "meldcode.advies" => ("110110", "Patient Record", "C"),
        // Break-the-glass and care relations change who may see the dossier.
        a if a.starts_with("doorbraak.") || a.starts_with("zorgrelatie.") => ("110113", "Security Alert", "E"),
        _ => ("110110", "Patient Record", "E"),
    }
}

/// One NEN 7513 event as an `AuditEvent`: only ids and fixed codes (action, authorisation,
/// role), never the address it came from (not needed outside the organisation) nor any text.
fn audit_event(input: &ExportInput, refs: &Refs, a: &AccessEvent) -> Value {
    let (type_code, type_display, action) = audit_type(&a.action);
    let authorisation = a.authorisation.split(':').map(uri_part).collect::<Vec<_>>().join("/");
    let (participation, participation_display) = match action {
        "R" => ("IRCP", "information recipient"),
        "C" => ("AUT", "author"),
        _ => ("PRF", "performer"),
    };
    let mut agent = json!({
        "type": concept(vec![coding(V3_PARTICIPATION, participation, Some(participation_display))]),
        "role": [concept(vec![coding(system::APP_ROLE, &a.user_role, None)])],
        "requestor": true,
        "policy": [format!("{}{authorisation}", system::AUTHORISATION)],
    });
    agent["who"] = if a.user == "anoniem" { json!({"display": "anoniem"}) } else { professional_ref(&a.user) };
    let purpose = if !a.allowed {
        None
    } else if a.authorisation.starts_with("doorbraak:") {
        Some(("BTG", "break the glass"))
    } else if a.authorisation == "zorgrelatie" {
        Some(("TREAT", "treatment"))
    } else {
        None
    };
    if let Some((code, display)) = purpose {
        agent["purposeOfUse"] = json!([concept(vec![coding(V3_ACT_REASON, code, Some(display))])]);
    }
    let mut agents = vec![agent];
    if let Some(on_behalf) = &a.on_behalf_of {
        agents.push(json!({"who": professional_ref(on_behalf), "requestor": false}));
    }
    json!({
        "resourceType": "AuditEvent",
        "type": coding(DICOM, type_code, Some(type_display)),
        "subtype": [coding(system::ACCESS_ACTION, &a.action, None)],
        "action": action,
        "recorded": a.ts,
        // 0: done; 4: refused by the policy before anything was read or written.
        "outcome": if a.allowed { "0" } else { "4" },
        "agent": agents,
        "source": {
            "observer": {"reference": refs.organisation},
            "type": [coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", Some("Application Server"))],
        },
        "entity": [
            {
                "what": {"reference": refs.patient},
                "type": coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", Some("Person")),
                "role": coding("http://terminology.hl7.org/CodeSystem/object-role", "1", Some("Patient")),
            },
            {
                "what": {"identifier": identifier(system::DOSSIER, input.dossier.as_str())},
                "type": coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", Some("System Object")),
                "role": coding("http://terminology.hl7.org/CodeSystem/object-role", "4", Some("Domain Resource")),
            },
        ],
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn uuids_are_stable_well_formed_and_separated_by_kind() {
        let a = uuid_for(&["consent", "d", "1"]);
        assert_eq!(a, uuid_for(&["consent", "d", "1"]));
        assert_ne!(a, uuid_for(&["deliberation", "d", "1"]));
        assert_ne!(a, uuid_for(&["consent", "d1", ""]));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "8", "version 8");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"), "RFC 9562 variant");
        assert!(grondslag_store::ClientId::parse(&a).is_ok(), "lowercase hyphenated");
    }

    #[test]
    fn uri_parts_are_percent_encoded() {
        assert_eq!(uri_part("grondslag-nl"), "grondslag-nl");
        assert_eq!(uri_part("a b/c:é"), "a%20b%2Fc%3A%C3%A9");
    }
}
