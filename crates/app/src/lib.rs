//! The application layer of the dossier: it ties the rule engine, the dossier's domain, the
//! ledger and a [`Store`] together. Keys live outside the database ([`keys`]); every append
//! seals its content, signs a fresh checkpoint and returns a [`Receipt`] the professional can
//! keep; the history, bundles and verification read everything back.
//!
//! Content encryption: the payload `JCS(payload)` is sealed with the organisation's content key
//! and associated data `grondslag/v1|<org>|<dossier>|<b64 commitment>` (the store chooses `seq`
//! inside its append transaction, so the commitment, which is in the entry, binds the
//! ciphertext to its entry instead). A client's identity is sealed with
//! `grondslag/v1/identiteit|<org>|<pseudonym>`.

pub mod backup;
pub mod case_conference;
pub mod conference;
pub mod deliberation;
mod error;
pub mod fhir;
pub mod keys;
pub mod meldcode;
pub mod record_text;

use grondslag_i18n::Msg;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use grondslag_dossier::{
    ConsentDerivation, ConsentRecord, ConsentState, Decision, EntryPayload, Proposal, Subject, apply_consent, derive_consent,
};
use grondslag_engine::{Facts, Judgments, Report, evaluate, report};
use grondslag_ledger::{
    Actor, Bundle, BundleEntry, BundleReport, Entry, Hash, RulesRef, VerifierKey, b64_decode_32, b64_encode, commitment, jcs,
    sign_checkpoint, ts_from_unix_millis, verify_bundle, verify_checkpoint, verify_inclusion,
};
use grondslag_rules::{Domain, Lang, Outcome, RawValue, RuleSet, Value};
use grondslag_store::{
    AppRole, AppendRequest, Client, ClientId, Dossier, DossierId, NewProfessional, OrgId, Organisation, Professional, ProfessionalId,
    SavedCheckpoint, SealedPayload, Store, StoredEntry, VerifyReport, check_entries, load_nodes, needed_for_inclusion, verify_organisation,
};
use serde::{Deserialize, Serialize};
use time::Date;

pub use error::{AppError, AppResult};
pub use keys::{KeyDir, OrgKeys};
pub use meldcode::{MeldcodeRecord, MeldcodeSummary, MeldcodeView, StepState};

/// What a client's sealed identity holds (synthetic in tests).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub name: String,
    pub birth_date: Option<String>,
}

/// What the professional keeps after an append: where the entry landed and the proof that the
/// signed checkpoint's tree contains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub dossier: DossierId,
    pub seq: u64,
    pub leaf_index: u64,
    /// b64 of the entry's leaf hash.
    pub leaf_hash: String,
    pub tree_size: u64,
    /// The signed checkpoint (signed note) over the tree just after the append.
    pub checkpoint: String,
    /// The inclusion proof of the leaf in the checkpoint's tree (b64 hashes, deepest first).
    pub inclusion_proof: Vec<String>,
}

impl Receipt {
    /// Checks the checkpoint's signature with `key` and the inclusion proof against it.
    pub fn verify(&self, key: &VerifierKey) -> AppResult<()> {
        let cp = verify_checkpoint(&self.checkpoint, key).map_err(AppError::ledger)?;
        let leaf = b64_decode_32(&self.leaf_hash).ok_or_else(|| AppError::Ledger("leaf-hash is geen base64 van 32 bytes".into()))?;
        let proof = self
            .inclusion_proof
            .iter()
            .map(|h| b64_decode_32(h).ok_or_else(|| AppError::Ledger("inclusiebewijs bevat een ongeldige hash".into())))
            .collect::<AppResult<Vec<Hash>>>()?;
        verify_inclusion(&leaf, self.leaf_index, cp.size, &proof, &cp.root).map_err(AppError::ledger)
    }
}

/// A facts file to deliberate on: its name (for errors), its text (the scenario format's
/// `facts:`, `judgments:` and `reasons:`), the date of the law and the answer's language.
#[derive(Debug, Clone, Copy)]
pub struct FactsInput<'a> {
    pub file_name: &'a str,
    pub content: &'a str,
    pub date: Date,
    pub lang: Lang,
    /// Do not fill in the format's defaults.
    pub open: bool,
}

/// A stored entry read back: the row, its parsed body and (unless erased) its content and salt.
type ReadEntry = (StoredEntry, Entry, Option<(EntryPayload, [u8; 32])>);

/// The answer to a recorded deliberation.
#[derive(Debug, Clone)]
pub struct Deliberated {
    pub report: Report,
    /// The `consent` fact as derived from the registry.
    pub consent: ConsentDerivation,
    pub receipt: Receipt,
}

/// One line of a dossier's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryLine {
    pub seq: u64,
    pub leaf_index: u64,
    pub kind: String,
    pub ts: String,
    /// The professional's name (or id when unknown) and role.
    pub actor: String,
    /// Dutch one-line summary, `inhoud gewist` when erased.
    pub summary: String,
    pub erased: bool,
    /// For a deliberation: the entry (seq) of the decision recorded after it, if any. Not part
    /// of any serialised history (pages use it to offer "record the decision" only once).
    #[serde(skip)]
    pub decided_in: Option<u64>,
}

/// The verification status of one dossier shown with its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DossierStatus {
    /// The dossier chain is intact (every body canonical, linked, in order).
    pub chain_ok: bool,
    /// The latest checkpoint's signature verifies with the organisation's key.
    pub checkpoint_ok: bool,
    pub checkpoint_size: Option<u64>,
    /// Every entry is included in the latest checkpoint's tree.
    pub inclusion_ok: bool,
    /// Dutch descriptions of what failed, naming the entry.
    pub problems: Vec<String>,
}

impl DossierStatus {
    pub fn ok(&self) -> bool {
        self.chain_ok && self.checkpoint_ok && self.inclusion_ok && self.problems.is_empty()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct History {
    pub dossier: DossierId,
    pub client: ClientId,
    pub lines: Vec<HistoryLine>,
    pub status: DossierStatus,
}

/// What verifying an organisation covered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgVerification {
    pub report: VerifyReport,
    pub checkpoint_size: u64,
    pub key: String,
}

/// The application over a store and a data directory (for the keys).
#[derive(Debug, Clone)]
pub struct App<S: Store> {
    store: S,
    keys: KeyDir,
    rules: RuleSet,
}

fn now_ts() -> AppResult<String> {
    let ms = time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
    let ms = i64::try_from(ms).map_err(|_| AppError::Invalid(Msg::new("app-app-klok-buiten-bereik")))?;
    ts_from_unix_millis(ms).ok_or_else(|| AppError::Invalid(Msg::new("app-app-klok-buiten-bereik")))
}

fn note_aad(org: &OrgId, purpose: &str) -> Vec<u8> {
    format!("grondslag/v1/notitie|{org}|{purpose}").into_bytes()
}

fn identity_aad(org: &OrgId, pseudonym: &str) -> Vec<u8> {
    format!("grondslag/v1/identiteit|{org}|{pseudonym}").into_bytes()
}

fn date_of(text: &str, what: &'static str) -> AppResult<Date> {
    Date::parse(text, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| AppError::Invalid(Msg::new("app-app-ongeldige-datum-schrijf-jjjj").arg_msg("what", what).arg("text", text)))
}

fn require_text(value: &str, what: &'static str) -> AppResult<()> {
    if value.trim().is_empty() || value.chars().any(|c| c.is_control() && c != '\n') {
        return Err(AppError::Invalid(Msg::new("app-app-leeg-bevat-stuurtekens").arg_msg("what", what)));
    }
    Ok(())
}

impl<S: Store> App<S> {
    pub fn new(store: S, data_dir: &Path, rules: RuleSet) -> Self {
        App { store, keys: KeyDir::new(data_dir), rules }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    pub fn key_dir(&self) -> PathBuf {
        self.keys.path().to_path_buf()
    }

    pub fn org_keys(&self, org: &OrgId) -> AppResult<OrgKeys> {
        self.keys.load(org)
    }

    pub fn rules_ref(&self) -> RulesRef {
        RulesRef { set: self.rules.meta.name.clone(), version: self.rules.meta.version.clone(), sha256: self.rules.hash.clone() }
    }

    // --- organisations, professionals, clients ----------------------------------------------

    /// Creates an organisation with fresh keys and signs the checkpoint of its empty tree.
    pub async fn create_organisation(&self, name: &str) -> AppResult<(Organisation, VerifierKey)> {
        require_text(name, "field-naam-organisatie")?;
        let org = self.store.create_organisation(name, None).await?;
        let keys = self.keys.create(&org.id)?;
        let head = self.store.tree_head(&org.id).await?;
        let note = sign_checkpoint(&org.origin, head.size, &head.root, &keys.key_name, &keys.signing).map_err(AppError::ledger)?;
        self.store.save_checkpoint(&org.id, &SavedCheckpoint { tree_size: head.size, note }).await?;
        Ok((org, keys.verifier_key()?))
    }

    pub async fn organisations(&self) -> AppResult<Vec<Organisation>> {
        Ok(self.store.organisations().await?)
    }

    pub async fn create_professional(&self, org: &OrgId, name: &str, app_role: AppRole, profession: &str) -> AppResult<Professional> {
        require_text(name, "field-naam-professional")?;
        if self.rules.role(profession).is_none() {
            return Err(AppError::Invalid(Msg::new("app-app-onbekend-beroep-geen-rol").arg("profession", profession)));
        }
        self.store.organisation(org).await?;
        let new = NewProfessional { org: org.to_owned(), name: name.to_owned(), app_role, profession: profession.to_owned() };
        Ok(self.store.create_professional(&new).await?)
    }

    /// Registers a client under the keyed pseudonym of `reference`, with the identity sealed.
    pub async fn create_client(&self, org: &OrgId, reference: &str, identity: &Identity) -> AppResult<Client> {
        require_text(reference, "field-externe-referentie")?;
        require_text(&identity.name, "field-naam-client")?;
        if let Some(b) = &identity.birth_date {
            date_of(b, "geboortedatum")?;
        }
        self.store.organisation(org).await?;
        let keys = self.keys.load(org)?;
        let pseudonym = keys.pseudonym_of(reference)?;
        let plain = serde_json::to_vec(identity).map_err(|e| AppError::Invalid(Msg::verbatim(e.to_string())))?;
        let nonce = keys::random24()?;
        let mut sealed = nonce.to_vec();
        sealed.extend(grondslag_ledger::seal(&keys.content, &nonce, &identity_aad(org, &pseudonym), &plain)?);
        Ok(self.store.create_client(org, &pseudonym, &sealed).await?)
    }

    /// The client registered under `reference`, if any.
    pub async fn client_by_reference(&self, org: &OrgId, reference: &str) -> AppResult<Option<Client>> {
        let keys = self.keys.load(org)?;
        Ok(self.store.client_by_pseudonym(org, &keys.pseudonym_of(reference)?).await?)
    }

    /// Decrypts a client's identity.
    pub async fn identity(&self, client: &Client) -> AppResult<Identity> {
        let keys = self.keys.load(&client.org)?;
        let (nonce, ct) = split_nonce(&client.identity)?;
        let plain = grondslag_ledger::open(&keys.content, &nonce, &identity_aad(&client.org, &client.pseudonym), ct)?;
        serde_json::from_slice(&plain).map_err(|e| AppError::Ledger(format!("identiteit onleesbaar: {e}")))
    }

    /// The client, its dossier and the professional, checked to belong together.
    async fn context(
        &self,
        client: &ClientId,
        professional: Option<&ProfessionalId>,
    ) -> AppResult<(Client, Dossier, Option<Professional>)> {
        let c = self.store.client(client).await?;
        let d = self.store.dossier_for_client(&c.org, &c.id).await?;
        let p = match professional {
            Some(id) => {
                let p = self.store.professional(id).await?;
                if p.org != c.org {
                    return Err(AppError::Invalid(Msg::new("app-app-professional-hoort-niet-bij").arg("id", id).arg("client", client)));
                }
                Some(p)
            }
            None => None,
        };
        Ok((c, d, p))
    }

    // --- appends ----------------------------------------------------------------------------

    async fn append(&self, dossier: &Dossier, by: &Professional, payload: &EntryPayload, corrects: Option<u64>) -> AppResult<Receipt> {
        self.append_after(dossier, by, payload, corrects, None).await
    }

    /// [`App::append`], only if the dossier's last entry is still `after` (see
    /// [`AppendRequest::after`]); a store conflict otherwise, with nothing written.
    async fn append_after(
        &self,
        dossier: &Dossier,
        by: &Professional,
        payload: &EntryPayload,
        corrects: Option<u64>,
        after: Option<u64>,
    ) -> AppResult<Receipt> {
        let org = self.store.organisation(&dossier.org).await?;
        let keys = self.keys.load(&org.id)?;
        let value = serde_json::to_value(payload).map_err(|e| AppError::Invalid(Msg::verbatim(e.to_string())))?;
        let salt = keys::random32()?;
        let commit = commitment(&salt, &value).map_err(AppError::ledger)?;
        let plain = jcs(&value).map_err(AppError::ledger)?;
        let nonce = keys::random24()?;
        let ciphertext = grondslag_ledger::seal(
            &keys.content,
            &nonce,
            &grondslag_ledger::aad(org.id.as_str(), dossier.id.as_str(), &commit),
            plain.as_bytes(),
        )?;
        let req = AppendRequest {
            actor: Actor { user: by.id.to_string(), role: by.profession.clone(), on_behalf_of: None },
            kind: payload.kind().ledger_type().to_owned(),
            rules: Some(self.rules_ref()),
            ts: now_ts()?,
            corrects,
            payload: SealedPayload { salt, nonce: nonce.to_vec(), ciphertext },
            payload_commitment: commit,
            after,
        };
        let done = self.store.append(&org.id, &dossier.id, &req).await?;
        let note = sign_checkpoint(&org.origin, done.tree_size, &done.root, &keys.key_name, &keys.signing).map_err(AppError::ledger)?;
        self.store.save_checkpoint(&org.id, &SavedCheckpoint { tree_size: done.tree_size, note: note.clone() }).await?;
        let proof = grondslag_store::inclusion_proof(&self.store, &org.id, done.tree_size, done.leaf_index).await?;
        Ok(Receipt {
            dossier: dossier.id.clone(),
            seq: done.seq,
            leaf_index: done.leaf_index,
            leaf_hash: b64_encode(&done.leaf_hash),
            tree_size: done.tree_size,
            checkpoint: note,
            inclusion_proof: proof.iter().map(|h| b64_encode(h)).collect(),
        })
    }

    /// Reads and decrypts a dossier's entries: `(row, parsed entry, payload)`; the payload is
    /// `None` when erased.
    async fn read(&self, dossier: &Dossier) -> AppResult<Vec<ReadEntry>> {
        self.read_kinds(dossier, |_| true).await
    }

    /// The dossier's entries whose kind `wanted` accepts, decrypting only those (the entry's
    /// kind is in its plain body).
    async fn read_kinds(&self, dossier: &Dossier, wanted: impl Fn(&str) -> bool) -> AppResult<Vec<ReadEntry>> {
        let keys = self.keys.load(&dossier.org)?;
        let rows = self.store.entries(&dossier.id).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let entry = Entry::from_jcs(&row.body_jcs).map_err(|e| AppError::Ledger(format!("entry {}: {e}", row.seq)))?;
            if !wanted(&entry.body().kind) {
                continue;
            }
            let payload = match &row.payload {
                None => None,
                Some(p) => {
                    let nonce: [u8; 24] = p
                        .nonce
                        .as_slice()
                        .try_into()
                        .map_err(|_| AppError::Ledger(format!("entry {}: nonce van {} bytes", row.seq, p.nonce.len())))?;
                    let aad = grondslag_ledger::aad(dossier.org.as_str(), dossier.id.as_str(), &entry.payload_commitment());
                    let plain = grondslag_ledger::open(&keys.content, &nonce, &aad, &p.ciphertext)
                        .map_err(|e| AppError::Ledger(format!("entry {}: {e}", row.seq)))?;
                    let value: EntryPayload = serde_json::from_slice(&plain)
                        .map_err(|e| AppError::Ledger(format!("entry {}: inhoud onleesbaar: {e}", row.seq)))?;
                    Some((value, p.salt))
                }
            };
            out.push((row, entry, payload));
        }
        Ok(out)
    }

    /// The consent registry of a dossier, from its stored consent and revocation entries.
    pub async fn consent_registry(&self, client: &ClientId) -> AppResult<Vec<ConsentState>> {
        let (_, d, _) = self.context(client, None).await?;
        let rows = self.read(&d).await?;
        Ok(registry_of(&rows))
    }

    /// Records a deliberation from a facts file (scenario format). For this registered client
    /// the `consent` fact is derived from the registry; the derivation is stored with the
    /// report. `open`: do not fill in the format's defaults.
    pub async fn deliberate(&self, client: &ClientId, professional: &ProfessionalId, input: FactsInput<'_>) -> AppResult<Deliberated> {
        let FactsInput { file_name, content, date, lang, open } = input;
        let (facts, judgments) = grondslag_scenario::parse_facts_file(&self.rules, file_name, content)?;
        let facts = if open { facts } else { facts.with_defaults(&self.rules) };
        self.deliberate_facts(client, professional, facts, &judgments, date, lang).await
    }

    /// Sets the `consent` fact of `facts` from the client's consent registry and says how.
    /// Without recipient, data and purpose the registry cannot say whether a consent covers the
    /// disclosure: the fact is then left open (never taken from the caller).
    pub async fn apply_registry(&self, client: &ClientId, facts: &mut Facts, date: Date) -> AppResult<ConsentDerivation> {
        let (_, d, _) = self.context(client, None).await?;
        let rows = self.read(&d).await?;
        let registry = registry_of(&rows);
        Ok(match proposal_parts(&self.rules, facts) {
            Some((recipient, data, purpose)) => {
                let subject = Subject::from_facts(&self.rules, facts);
                let derivation = derive_consent(
                    &registry,
                    &Proposal { recipient_role: &recipient, data_categories: &data, purpose: &purpose, date },
                    &subject,
                );
                if derivation.needs.is_some() {
                    if let Some(f) = self.rules.fact("consent") {
                        facts.unset(f);
                    }
                } else {
                    apply_consent(&self.rules, facts, &derivation).map_err(|e| AppError::Invalid(Msg::verbatim(e)))?;
                }
                derivation
            }
            None => {
                if let Some(f) = self.rules.fact("consent") {
                    facts.unset(f);
                }
                ConsentDerivation::unknown(
                    "Ontvanger, gegevens of doel ontbreken: het toestemmingsregister kan nog niet worden geraadpleegd.",
                    None,
                )
            }
        })
    }

    /// Records a deliberation on the given facts and judgments. For this registered client the
    /// `consent` fact is derived from the registry; the derivation is stored with the report.
    /// An outcome that is not determined yet is refused: the dossier holds answers, not
    /// unfinished deliberations.
    pub async fn deliberate_facts(
        &self,
        client: &ClientId,
        professional: &ProfessionalId,
        mut facts: Facts,
        judgments: &Judgments,
        date: Date,
        lang: Lang,
    ) -> AppResult<Deliberated> {
        let derivation = self.apply_registry(client, &mut facts, date).await?;
        let ev = evaluate(&self.rules, date, &facts, judgments)?;
        if ev.outcome == Outcome::Undetermined {
            return Err(AppError::Refused(deliberation::Refusal::Undetermined));
        }
        self.append_deliberation(client, professional, &facts, judgments, &ev, derivation, lang).await
    }

    /// Appends an evaluated deliberation (its report and the consent derivation it rests on).
    #[allow(clippy::too_many_arguments)]
    async fn append_deliberation(
        &self,
        client: &ClientId,
        professional: &ProfessionalId,
        facts: &Facts,
        judgments: &Judgments,
        ev: &grondslag_engine::Evaluation,
        derivation: ConsentDerivation,
        lang: Lang,
    ) -> AppResult<Deliberated> {
        let (_, d, p) = self.context(client, Some(professional)).await?;
        let p = p.ok_or_else(|| AppError::Invalid(Msg::new("app-app-professional-ontbreekt")))?;
        let rep = report(&self.rules, ev, facts, judgments, lang);
        let mut value = serde_json::to_value(&rep).map_err(|e| AppError::Invalid(Msg::verbatim(e.to_string())))?;
        if let serde_json::Value::Object(m) = &mut value {
            m.insert(
                "consent_registry".into(),
                serde_json::to_value(&derivation).map_err(|e| AppError::Invalid(Msg::verbatim(e.to_string())))?,
            );
        }
        let receipt = self.append(&d, &p, &EntryPayload::Deliberation { report: value }, None).await?;
        Ok(Deliberated { report: rep, consent: derivation, receipt })
    }

    /// Seals a short text (a draft, a break-the-glass reason) with the organisation's content
    /// key, bound to `purpose` (e.g. `concept|<id>`): nonce ‖ ciphertext.
    pub fn seal_note(&self, org: &OrgId, purpose: &str, plain: &[u8]) -> AppResult<Vec<u8>> {
        let keys = self.keys.load(org)?;
        let nonce = keys::random24()?;
        let mut sealed = nonce.to_vec();
        sealed.extend(grondslag_ledger::seal(&keys.content, &nonce, &note_aad(org, purpose), plain)?);
        Ok(sealed)
    }

    /// Opens what [`App::seal_note`] sealed for the same organisation and purpose.
    pub fn open_note(&self, org: &OrgId, purpose: &str, sealed: &[u8]) -> AppResult<Vec<u8>> {
        let keys = self.keys.load(org)?;
        let (nonce, ct) = split_nonce(sealed)?;
        Ok(grondslag_ledger::open(&keys.content, &nonce, &note_aad(org, purpose), ct)?)
    }

    /// The entries of a client's dossier with their decrypted content (`None` when erased).
    pub async fn entries(&self, client: &ClientId) -> AppResult<Vec<(u64, String, String, Option<EntryPayload>)>> {
        let (_, d, _) = self.context(client, None).await?;
        let rows = self.read(&d).await?;
        Ok(rows.into_iter().map(|(row, e, p)| (row.seq, e.body().kind.clone(), e.body().ts.clone(), p.map(|(p, _)| p))).collect())
    }

    /// Records a decision following a deliberation of the same dossier.
    pub async fn decide(&self, client: &ClientId, professional: &ProfessionalId, decision: Decision) -> AppResult<Receipt> {
        let (_, d, p) = self.context(client, Some(professional)).await?;
        let p = p.ok_or_else(|| AppError::Invalid(Msg::new("app-app-professional-ontbreekt")))?;
        require_text(&decision.reasons, "field-redenen")?;
        if decision.client_informed.is_none() && decision.client_not_informed_reason.is_none() {
            return Err(AppError::Invalid(Msg::new("app-app-zeg-client-geinformeerd-waarom")));
        }
        let rows = self.read(&d).await?;
        if decided(&rows, decision.deliberation_seq).is_some() {
            return Err(AppError::Refused(deliberation::Refusal::AlreadyDecided));
        }
        match rows.iter().find(|(r, _, _)| r.seq == decision.deliberation_seq) {
            Some((_, e, _)) if e.body().kind == "deliberation" => {}
            Some((_, e, _)) => {
                return Err(AppError::Invalid(
                    Msg::new("app-app-dossierregel-geen-beraad-maar")
                        .arg("deliberation_seq", decision.deliberation_seq)
                        .arg_msg("kind", kind_id(&e.body().kind)),
                ));
            }
            None => {
                return Err(AppError::Invalid(
                    Msg::new("app-app-dossierregel-bestaat-niet-in").arg("deliberation_seq", decision.deliberation_seq),
                ));
            }
        }
        // Only onto the entries just checked: two decisions on one deliberation recorded at the
        // same moment cannot both land (the second is a conflict).
        let last = rows.last().map_or(0, |(row, _, _)| row.seq);
        self.append_after(&d, &p, &EntryPayload::Decision(decision), None, Some(last)).await
    }

    /// The decision recorded after deliberation `seq`, with its own sequence number.
    pub async fn decision_after(&self, client: &ClientId, seq: u64) -> AppResult<Option<(u64, Decision)>> {
        let (_, d, _) = self.context(client, None).await?;
        let rows = self.read(&d).await?;
        Ok(decided(&rows, seq))
    }

    /// The lines for the professional's own record system about deliberation or decision `seq`
    /// (see [`record_text`]): the deliberation, its decision if one was recorded, and where both
    /// are kept. `None` when `seq` is neither a deliberation nor a decision, or was erased.
    pub async fn record_text(&self, client: &ClientId, seq: u64, lang: Lang) -> AppResult<Option<String>> {
        let (c, d, _) = self.context(client, None).await?;
        let rows = self.read(&d).await?;
        let payload = |n: u64| rows.iter().find(|(r, _, _)| r.seq == n).and_then(|(_, _, p)| p.as_ref().map(|(p, _)| p));
        let deliberation_seq = match payload(seq) {
            Some(EntryPayload::Deliberation { .. }) => seq,
            Some(EntryPayload::Decision(dec)) => dec.deliberation_seq,
            _ => return Ok(None),
        };
        let Some(EntryPayload::Deliberation { report }) = payload(deliberation_seq) else { return Ok(None) };
        // A report that no longer parses (an older engine's shape) has no text; the entry itself
        // still shows.
        let Ok(report) = serde_json::from_value::<grondslag_engine::Report>(report.clone()) else { return Ok(None) };
        let decision = decided(&rows, deliberation_seq);
        let last = decision.as_ref().map_or(deliberation_seq, |(n, _)| *n);
        let fingerprint = rows
            .iter()
            .find(|(r, _, _)| r.seq == last)
            .map(|(_, e, _)| b64_encode(&e.leaf_hash()))
            .unwrap_or_default()
            .chars()
            .take(12)
            .collect();
        let organisation = self.store.organisation(&c.org).await?.name;
        let at = record_text::RecordRef { organisation, deliberation_seq, decision_seq: decision.as_ref().map(|(n, _)| *n), fingerprint };
        Ok(Some(record_text::compose(&self.rules, &report, decision.as_ref().map(|(_, d)| d), Some(&at), lang)))
    }

    /// When the deliberation `seq` relied on a registered consent that has been withdrawn since:
    /// that consent's sequence number and the date from which it was withdrawn. A decision form
    /// for that deliberation must say so rather than repeat "U mag delen".
    pub async fn lapsed_consent(&self, client: &ClientId, seq: u64) -> AppResult<Option<(u64, Date)>> {
        let (_, d, _) = self.context(client, None).await?;
        let rows = self.read(&d).await?;
        let relied_on = rows.iter().find(|(r, _, _)| r.seq == seq).and_then(|(_, _, p)| match p {
            Some((EntryPayload::Deliberation { report }, _)) => {
                let c = report.get("consent_registry")?;
                (c.get("consent")?.as_str()? == "given").then(|| c.get("relied_on")?.as_u64()).flatten()
            }
            _ => None,
        });
        let Some(consent) = relied_on else { return Ok(None) };
        Ok(registry_of(&rows).into_iter().find(|c| c.seq == consent).and_then(|c| c.withdrawn_on.map(|on| (consent, on))))
    }

    /// Registers a consent; role, data and purpose ids must be the rule set's.
    pub async fn register_consent(&self, client: &ClientId, professional: &ProfessionalId, record: ConsentRecord) -> AppResult<Receipt> {
        let (_, d, p) = self.context(client, Some(professional)).await?;
        let p = p.ok_or_else(|| AppError::Invalid(Msg::new("app-app-professional-ontbreekt")))?;
        require_text(&record.given_by, "field-toestemming-gaf")?;
        if record.recipient_roles.is_empty() || record.data_categories.is_empty() || record.purposes.is_empty() {
            return Err(AppError::Invalid(Msg::new("app-app-noem-minstens-ontvanger-soort")));
        }
        for (what, list) in
            [("ontvanger", &record.recipient_roles), ("soort gegevens", &record.data_categories), ("doel", &record.purposes)]
        {
            let mut seen = BTreeSet::new();
            if let Some(twice) = list.iter().find(|v| !seen.insert(v.as_str())) {
                return Err(AppError::Invalid(Msg::new("app-app-noem-elke-keer-staat").arg_msg("what", what).arg("twice", twice)));
            }
        }
        for r in &record.recipient_roles {
            if self.rules.role(r).is_none() {
                return Err(AppError::Invalid(Msg::new("app-app-onbekende-ontvanger-geen-rol").arg("r", r)));
            }
        }
        for (fact, values) in [("data_categories", &record.data_categories), ("purpose", &record.purposes)] {
            let f =
                self.rules.fact(fact).ok_or_else(|| AppError::Invalid(Msg::new("app-app-regelset-kent-feit-niet").arg("fact", fact)))?;
            for v in values {
                let raw = if fact == "data_categories" { RawValue::List(vec![v.clone()]) } else { RawValue::Str(v.clone()) };
                self.rules
                    .parse_value(f, &raw)
                    .map_err(|e| AppError::Invalid(Msg::new("app-app-fact-value-invalid").arg("fact", fact).arg("e", e)))?;
            }
        }
        if record.valid_to.is_some_and(|to| to < record.valid_from) {
            return Err(AppError::Invalid(Msg::new("app-app-einddatum-toestemming-ligt-voor")));
        }
        self.append(&d, &p, &EntryPayload::Consent(record), None).await
    }

    /// Withdraws the consent registered at `consent_seq`, as of `on`.
    pub async fn withdraw_consent(
        &self,
        client: &ClientId,
        professional: &ProfessionalId,
        consent_seq: u64,
        on: Date,
        by: &str,
        note: &str,
    ) -> AppResult<Receipt> {
        let (_, d, p) = self.context(client, Some(professional)).await?;
        let p = p.ok_or_else(|| AppError::Invalid(Msg::new("app-app-professional-ontbreekt")))?;
        require_text(by, "field-toestemming-introk")?;
        let rows = self.read(&d).await?;
        match rows.iter().find(|(r, _, _)| r.seq == consent_seq) {
            Some((_, e, _)) if e.body().kind == "consent" => {}
            Some((_, e, _)) => {
                return Err(AppError::Invalid(
                    Msg::new("app-app-dossierregel-geen-toestemming-maar")
                        .arg("consent_seq", consent_seq)
                        .arg_msg("kind", kind_id(&e.body().kind)),
                ));
            }
            None => return Err(AppError::Invalid(Msg::new("app-app-dossierregel-bestaat-niet-in-2").arg("consent_seq", consent_seq))),
        }
        if registry_of(&rows).iter().any(|c| c.seq == consent_seq && c.withdrawn_on.is_some()) {
            return Err(AppError::Invalid(Msg::new("app-app-toestemming-dossierregel-al-ingetrokken").arg("consent_seq", consent_seq)));
        }
        let payload = EntryPayload::ConsentRevocation { consent_seq, revoked_on: on.to_string(), by: by.to_owned(), note: note.to_owned() };
        self.append(&d, &p, &payload, None).await
    }

    /// Erases the content of one entry (its retention has ended). The entry stays.
    pub async fn erase(&self, client: &ClientId, seq: u64) -> AppResult<()> {
        let (_, d, _) = self.context(client, None).await?;
        Ok(self.store.erase_payload(&d.id, seq).await?)
    }

    // --- reading and verifying ---------------------------------------------------------------

    /// The dossier's history with its verification status.
    pub async fn history(&self, client: &ClientId, lang: Lang) -> AppResult<History> {
        Ok(self.overview(client, lang).await?.0)
    }

    /// The history with its verification status and the consent registry, from one read of the
    /// dossier (the dossier page shows both). Summaries are in `lang`.
    pub async fn overview(&self, client: &ClientId, lang: Lang) -> AppResult<(History, Vec<ConsentState>)> {
        let (c, d, _) = self.context(client, None).await?;
        let org = self.store.organisation(&c.org).await?;
        let rows = self.read(&d).await?;
        let registry = registry_of(&rows);
        let mut names: HashMap<String, String> = HashMap::new();
        let mut lines = Vec::with_capacity(rows.len());
        for (row, entry, payload) in &rows {
            let b = entry.body();
            let name = self.actor_name(&mut names, &b.actor.user).await;
            lines.push(HistoryLine {
                seq: row.seq,
                leaf_index: row.leaf_index,
                kind: b.kind.clone(),
                ts: b.ts.clone(),
                actor: format!("{name} ({})", b.actor.role),
                summary: match payload {
                    Some((p, _)) => summary(&self.rules, p, lang),
                    None => grondslag_i18n::tr(lang, "entry-content-erased").to_owned(),
                },
                erased: payload.is_none(),
                decided_in: if b.kind == "deliberation" { decided(&rows, row.seq).map(|(seq, _)| seq) } else { None },
            });
        }
        let status = self.dossier_status(&org, &d, &rows.iter().map(|(r, _, _)| r.clone()).collect::<Vec<_>>(), lang).await?;
        Ok((History { dossier: d.id.clone(), client: c.id.clone(), lines, status }, registry))
    }

    /// The dossier's verification status only (chain, checkpoint signature, inclusion of every
    /// entry), without decrypting any content: the meldcode report states it also to a reader who
    /// may not read the rest of the dossier.
    pub async fn verification(&self, client: &ClientId, lang: Lang) -> AppResult<DossierStatus> {
        let (c, d, _) = self.context(client, None).await?;
        let org = self.store.organisation(&c.org).await?;
        let rows = self.store.entries(&d.id).await?;
        self.dossier_status(&org, &d, &rows, lang).await
    }

    /// The actor of an entry as recorded; a name when it is (still) a known professional.
    /// `names` caches what was looked up for one read of a dossier.
    async fn actor_name(&self, names: &mut HashMap<String, String>, user: &str) -> String {
        if let Some(n) = names.get(user) {
            return n.clone();
        }
        let known = match ProfessionalId::parse(user) {
            Ok(id) => self.store.professional(&id).await.map(|p| p.name).ok(),
            Err(_) => None,
        };
        let n = known.unwrap_or_else(|| user.to_owned());
        names.insert(user.to_owned(), n.clone());
        n
    }

    /// The verification status of a dossier; what fails is said in `lang` (the store's own
    /// integrity findings name tree positions and stay as the store words them).
    async fn dossier_status(&self, org: &Organisation, d: &Dossier, rows: &[StoredEntry], lang: Lang) -> AppResult<DossierStatus> {
        use grondslag_i18n::{tr, tr_with};
        let mut st =
            DossierStatus { chain_ok: true, checkpoint_ok: false, checkpoint_size: None, inclusion_ok: true, problems: Vec::new() };
        let entries = match check_entries(&org.id, &d.id, rows) {
            Ok(e) => e,
            Err(f) => {
                st.chain_ok = false;
                st.problems.push(f.to_string());
                Vec::new()
            }
        };
        let key = self.keys.load(&org.id)?.verifier_key()?;
        let Some(saved) = self.store.latest_checkpoint(&org.id).await? else {
            st.problems.push(tr(lang, "status-no-signed-checkpoint").to_owned());
            st.inclusion_ok = false;
            return Ok(st);
        };
        let cp = match verify_checkpoint(&saved.note, &key) {
            Ok(cp) if cp.origin == org.origin => cp,
            Ok(cp) => {
                st.problems.push(tr_with(
                    lang,
                    "status-checkpoint-other-origin",
                    &[("found", cp.origin.as_str().into()), ("expected", org.origin.as_str().into())],
                ));
                return Ok(st);
            }
            Err(e) => {
                st.problems.push(tr_with(lang, "status-checkpoint-signature-wrong", &[("error", e.to_string().into())]));
                st.inclusion_ok = false;
                return Ok(st);
            }
        };
        st.checkpoint_ok = true;
        st.checkpoint_size = Some(cp.size);
        for (row, entry) in rows.iter().zip(&entries) {
            let ok = match grondslag_store::inclusion_proof(&self.store, &org.id, cp.size, row.leaf_index).await {
                Ok(proof) => verify_inclusion(&entry.leaf_hash(), row.leaf_index, cp.size, &proof, &cp.root).is_ok(),
                Err(_) => false,
            };
            if !ok {
                st.inclusion_ok = false;
                st.problems.push(tr_with(lang, "status-entry-not-included", &[("seq", row.seq.into()), ("leaf", row.leaf_index.into())]));
            }
        }
        if entries.is_empty() && !rows.is_empty() {
            st.inclusion_ok = false;
        }
        Ok(st)
    }

    /// A receipt for an entry already in the dossier, against the latest signed checkpoint.
    pub async fn receipt(&self, client: &ClientId, seq: u64) -> AppResult<Receipt> {
        let (c, d, _) = self.context(client, None).await?;
        let org = self.store.organisation(&c.org).await?;
        let rows = self.store.entries(&d.id).await?;
        let row = rows
            .iter()
            .find(|r| r.seq == seq)
            .ok_or_else(|| AppError::Invalid(Msg::new("app-app-dossierregel-bestaat-niet-in-3").arg("seq", seq)))?;
        let entry = Entry::from_jcs(&row.body_jcs).map_err(|e| AppError::Ledger(format!("entry {seq}: {e}")))?;
        let saved = self.store.latest_checkpoint(&org.id).await?.ok_or_else(|| AppError::Ledger("er is geen checkpoint".into()))?;
        let key = self.keys.load(&org.id)?.verifier_key()?;
        let cp = verify_checkpoint(&saved.note, &key).map_err(AppError::ledger)?;
        let proof = grondslag_store::inclusion_proof(&self.store, &org.id, cp.size, row.leaf_index).await?;
        Ok(Receipt {
            dossier: d.id.clone(),
            seq,
            leaf_index: row.leaf_index,
            leaf_hash: b64_encode(&entry.leaf_hash()),
            tree_size: cp.size,
            checkpoint: saved.note,
            inclusion_proof: proof.iter().map(|h| b64_encode(h)).collect(),
        })
    }

    /// The bundle of [`App::export`] as JSON text, refused when it is larger than
    /// [`MAX_BUNDLE_BYTES`], so that every bundle the server hands out can be verified back by it.
    pub async fn export_json(&self, client: &ClientId) -> AppResult<String> {
        let text = self.export(client).await?.to_json().map_err(AppError::ledger)?;
        if text.len() > MAX_BUNDLE_BYTES {
            return Err(AppError::Invalid(Msg::new("app-app-bundel-dossier-groter-dan").arg("max_bundle_bytes20", MAX_BUNDLE_BYTES >> 20)));
        }
        Ok(text)
    }

    /// A verification bundle for the client's dossier, with the disclosed content.
    pub async fn export(&self, client: &ClientId) -> AppResult<Bundle> {
        let (c, d, _) = self.context(client, None).await?;
        let org = self.store.organisation(&c.org).await?;
        let key = self.keys.load(&org.id)?.verifier_key()?;
        let rows = self.read(&d).await?;
        if rows.is_empty() {
            return Err(AppError::Invalid(Msg::new("app-app-dossier-client-leeg-valt").arg("client", client)));
        }
        let saved = self.store.latest_checkpoint(&org.id).await?.ok_or_else(|| AppError::Ledger("er is geen checkpoint".into()))?;
        let cp = verify_checkpoint(&saved.note, &key).map_err(AppError::ledger)?;
        let mut needed = BTreeSet::new();
        let mut entries = Vec::with_capacity(rows.len());
        for (row, _, payload) in &rows {
            needed.extend(needed_for_inclusion(cp.size, row.leaf_index)?);
            let (payload, salt) = match payload {
                Some((p, salt)) => {
                    (Some(serde_json::to_value(p).map_err(|e| AppError::Invalid(Msg::verbatim(e.to_string())))?), Some(b64_encode(salt)))
                }
                None => (None, None),
            };
            entries.push(BundleEntry { leaf_index: row.leaf_index, body_jcs: row.body_jcs.clone(), payload, salt });
        }
        let nodes = load_nodes(&self.store, &org.id, &needed.into_iter().collect::<Vec<_>>()).await?;
        Bundle::assemble(&org.origin, saved.note, cp.size, entries, &nodes, &[key]).map_err(AppError::ledger)
    }

    /// Verifies everything stored for an organisation, and its latest checkpoint's signature.
    pub async fn verify_organisation(&self, org: &OrgId) -> AppResult<OrgVerification> {
        let o = self.store.organisation(org).await?;
        let report = verify_organisation(&self.store, org).await?;
        let key = self.keys.load(org)?.verifier_key()?;
        let saved = self.store.latest_checkpoint(org).await?.ok_or_else(|| AppError::Ledger("er is geen checkpoint".into()))?;
        let cp = verify_checkpoint(&saved.note, &key).map_err(|e| AppError::Ledger(format!("laatste checkpoint: {e}")))?;
        if cp.origin != o.origin {
            return Err(AppError::Ledger(format!("laatste checkpoint hoort bij {} in plaats van {}", cp.origin, o.origin)));
        }
        match self.store.root_at(org, cp.size).await? {
            Some(r) if r == cp.root => {}
            _ => {
                return Err(AppError::Ledger(format!(
                    "laatste checkpoint (grootte {}) past niet bij de opgeslagen boom: de geschiedenis is herschreven",
                    cp.size
                )));
            }
        }
        Ok(OrgVerification { report, checkpoint_size: cp.size, key: key.to_string() })
    }
}

/// The largest bundle (JSON bytes) the server exports, and so accepts back for verification.
/// A typical entry takes 5–20 KiB in a bundle (its body, sealed content disclosed as JSON and an
/// inclusion proof of about 30 hashes), so this holds thousands of entries, far more than one
/// client's dossier gathers, while one verification stays within a bounded amount of memory.
pub const MAX_BUNDLE_BYTES: usize = 32 * 1024 * 1024;

/// The server's verdict on a bundle ([`check_bundle`], then [`App::compare_bundle`]).
#[derive(Debug, Clone)]
pub struct BundleVerdict {
    /// What the bundle proves. For a bundle of this organisation it verified with the
    /// organisation's own key; otherwise with the keys it carries.
    pub report: BundleReport,
    /// The bundle is of the organisation that asks (its origin is the organisation's).
    pub own: bool,
    /// How many entries the dossier has now (bundles of this organisation).
    pub entries_now: Option<usize>,
    /// Why the bundle is not the complete, latest stand, in Dutch for users; empty when it is.
    pub findings: Vec<String>,
}

/// Why the server does not vouch for a bundle at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleRefusal {
    /// The bundle itself does not verify.
    Broken(grondslag_ledger::VerifyError),
    /// It claims to be of this organisation, but its checkpoint is not signed with the
    /// organisation's key (a forgery re-signed with another key).
    UnknownKey,
    /// Fewer entries than the dossier had at the bundle's own checkpoint: entries were left out.
    Truncated { at_checkpoint: usize, in_bundle: usize },
    /// It claims to be of this organisation, but names a dossier or a log state it does not know
    /// (the catalogue id of the reason).
    Mismatch(&'static str),
}

impl BundleRefusal {
    /// What the user reads, rendered at the edge in their language.
    pub fn message(&self) -> Msg {
        match self {
            BundleRefusal::Broken(e) => Msg::new("bundle-broken").arg("e", e),
            BundleRefusal::UnknownKey => Msg::new("bundle-unknown-key"),
            BundleRefusal::Truncated { at_checkpoint, in_bundle } => {
                Msg::new("bundle-truncated").arg("at_checkpoint", at_checkpoint).arg("in_bundle", in_bundle)
            }
            BundleRefusal::Mismatch(why) => Msg::new("bundle-mismatch").arg_msg("why", why),
        }
    }
}

/// Dutch, for the terminal and logs of codes; pages render [`BundleRefusal::message`].
impl std::fmt::Display for BundleRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.message(), f)
    }
}

impl std::error::Error for BundleRefusal {}

/// The CPU-bound half of the server's bundle check (callers on an async runtime run it on a
/// blocking thread): parses the bundle and verifies it with `key` when its origin is
/// `own_origin`, otherwise with the keys it carries. Returns the report and whether the bundle
/// is of the own organisation.
pub fn check_bundle(text: &str, own_origin: &str, key: &VerifierKey) -> Result<(BundleReport, bool), BundleRefusal> {
    let bundle = Bundle::from_json(text).map_err(BundleRefusal::Broken)?;
    if bundle.origin != own_origin {
        return verify_bundle(&bundle).map(|r| (r, false)).map_err(BundleRefusal::Broken);
    }
    match grondslag_ledger::verify_bundle_with_keys(&bundle, std::slice::from_ref(key)) {
        Ok(r) => Ok((r, true)),
        Err(grondslag_ledger::VerifyError::Checkpoint(
            grondslag_ledger::CheckpointError::NoKnownSignature | grondslag_ledger::CheckpointError::BadSignature(_),
        )) => Err(BundleRefusal::UnknownKey),
        Err(e) => Err(BundleRefusal::Broken(e)),
    }
}

impl<S: Store> App<S> {
    /// What the organisation's bundles are checked against: its origin and its verifier key.
    pub async fn bundle_trust(&self, org: &OrgId) -> AppResult<(String, VerifierKey)> {
        let organisation = self.store.organisation(org).await?;
        Ok((organisation.origin, self.keys.load(org)?.verifier_key()?))
    }

    /// The store half of the server's bundle check: a verified report of the organisation's
    /// own bundle compared with the stored log and the dossier as it is now. A bundle of this
    /// organisation must agree with the stored log and contain every entry the dossier had at
    /// its checkpoint; it is reported as not the latest when the dossier has more entries now.
    /// A bundle of another organisation could only be checked with the keys it carries.
    pub async fn compare_bundle(&self, org: &OrgId, report: BundleReport, own: bool) -> AppResult<Result<BundleVerdict, BundleRefusal>> {
        if !own {
            return Ok(Ok(BundleVerdict { report, own: false, entries_now: None, findings: Vec::new() }));
        }
        // Signed with our key, so the tree it commits to must be ours: a different root at that
        // size would mean the key signed two histories.
        if self.store.root_at(org, report.tree_size).await? != Some(report.root) {
            return Ok(Err(BundleRefusal::Mismatch("bundle-mismatch-other-log")));
        }
        let Ok(dossier_id) = DossierId::parse(&report.dossier) else {
            return Ok(Err(BundleRefusal::Mismatch("het dossier is niet bekend")));
        };
        let dossier = match self.store.dossier(&dossier_id).await {
            Ok(d) if d.org == *org && report.org == org.as_str() => d,
            Ok(_) | Err(grondslag_store::StoreError::NotFound { .. }) => {
                return Ok(Err(BundleRefusal::Mismatch("bundle-mismatch-unknown-dossier")));
            }
            Err(e) => return Err(e.into()),
        };
        let rows = self.store.entries(&dossier.id).await?;
        let at_checkpoint = rows.iter().filter(|r| r.leaf_index < report.tree_size).count();
        if report.entries < at_checkpoint {
            return Ok(Err(BundleRefusal::Truncated { at_checkpoint, in_bundle: report.entries }));
        }
        let mut findings = Vec::new();
        if rows.len() > report.entries {
            findings.push(format!(
                "Dit is niet de laatste stand van het dossier: het dossier heeft nu {} regels, de bundel {}. Vraag een nieuwe bundel aan.",
                rows.len(),
                report.entries
            ));
        }
        Ok(Ok(BundleVerdict { report, own: true, entries_now: Some(rows.len()), findings }))
    }
}

/// Verifies a bundle's JSON text (offline; trusts the keys in the bundle).
/// The decision entry that follows deliberation `seq`, if one was recorded.
fn decided(rows: &[ReadEntry], seq: u64) -> Option<(u64, Decision)> {
    rows.iter().find_map(|(r, _, p)| match p {
        Some((EntryPayload::Decision(d), _)) if d.deliberation_seq == seq => Some((r.seq, d.clone())),
        _ => None,
    })
}

pub fn verify_bundle_text(text: &str) -> Result<BundleReport, grondslag_ledger::VerifyError> {
    verify_bundle(&Bundle::from_json(text)?)
}

fn split_nonce(sealed: &[u8]) -> AppResult<([u8; 24], &[u8])> {
    let (n, ct) = sealed.split_at_checked(24).ok_or_else(|| AppError::Ledger("versleutelde identiteit te kort".into()))?;
    let nonce: [u8; 24] = n.try_into().map_err(|_| AppError::Ledger("versleutelde identiteit te kort".into()))?;
    Ok((nonce, ct))
}

/// The registry from decrypted entries. A revocation whose content was erased cannot say which
/// consent it withdrew: to be safe, every consent registered before it counts as withdrawn.
fn registry_of(rows: &[ReadEntry]) -> Vec<ConsentState> {
    let mut reg: Vec<ConsentState> = Vec::new();
    for (row, entry, payload) in rows {
        match (entry.body().kind.as_str(), payload) {
            ("consent", Some((EntryPayload::Consent(record), _))) => {
                reg.push(ConsentState { seq: row.seq, record: record.clone(), withdrawn_on: None });
            }
            ("consent.revocation", Some((EntryPayload::ConsentRevocation { consent_seq, revoked_on, .. }, _))) => {
                let on = date_of(revoked_on, "intrekking").ok().or_else(|| ts_date(&entry.body().ts));
                if let Some(c) = reg.iter_mut().find(|c| c.seq == *consent_seq) {
                    c.withdrawn_on = match (c.withdrawn_on, on) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                }
            }
            ("consent.revocation", None) => {
                let on = ts_date(&entry.body().ts);
                for c in reg.iter_mut().filter(|c| c.withdrawn_on.is_none()) {
                    c.withdrawn_on = on.or(Some(Date::MIN));
                }
            }
            _ => {}
        }
    }
    reg
}

fn ts_date(ts: &str) -> Option<Date> {
    ts.get(..10).and_then(|d| date_of(d, "tijdstip").ok())
}

/// Recipient role, data categories and purpose from the facts, as rule-set ids.
fn proposal_parts(rules: &RuleSet, facts: &grondslag_engine::Facts) -> Option<(String, Vec<String>, String)> {
    use grondslag_engine::FactSource as _;
    let get = |id: &str| rules.fact(id).and_then(|f| facts.get(f).map(|v| (f, v)));
    let (rf, rv) = get("recipient_role")?;
    let recipient = match rv {
        Value::Role(Some(_)) => rules.value_id(rf, rv),
        _ => return None,
    };
    let (df, dv) = get("data_categories")?;
    let data = match (&rules.facts[df.ix()].domain, dv) {
        (Domain::Set(vs), Value::Set(mask)) => {
            vs.iter().enumerate().filter(|(i, _)| *i < 64 && mask & (1u64 << i) != 0).map(|(_, v)| v.id.clone()).collect()
        }
        _ => return None,
    };
    let (pf, pv) = get("purpose")?;
    Some((recipient, data, rules.value_id(pf, pv)))
}

/// The catalogue id of an entry kind's name.
pub fn kind_id(kind: &str) -> &'static str {
    match kind {
        "deliberation" => "entry-kind-deliberation",
        "decision" => "entry-kind-decision",
        "consent" => "entry-kind-consent",
        "consent.revocation" => "entry-kind-consent-revocation",
        "disclosure" => "entry-kind-disclosure",
        "correction" => "entry-kind-correction",
        "meldcode" => "entry-kind-meldcode",
        _ => "entry-kind-other",
    }
}

/// The kind of an entry in `lang`.
pub fn kind_label(kind: &str, lang: Lang) -> String {
    grondslag_i18n::tr(lang, kind_id(kind)).to_owned()
}

fn outcome_text(v: &serde_json::Value, lang: Lang) -> String {
    let label = v.get("outcome_label").and_then(|l| l.as_str()).map(str::to_owned);
    let parsed: Option<Outcome> = v.get("outcome").and_then(|o| serde_json::from_value(o.clone()).ok());
    match parsed {
        Some(o) => grondslag_engine::outcome_label(o, lang).to_owned(),
        None => label.unwrap_or_else(|| grondslag_i18n::tr(lang, "entry-outcome-unknown").to_owned()),
    }
}

/// The catalogue id of a consent state as recorded in a deliberation.
fn consent_id(v: &str) -> Option<&'static str> {
    Some(match v {
        "given" => "entry-consent-given",
        "withdrawn" => "entry-consent-withdrawn",
        "out_of_scope" => "entry-consent-out-of-scope",
        "not_asked" => "entry-consent-not-asked",
        "unknown" => "entry-consent-unknown",
        _ => return None,
    })
}

/// The labels of rule-set ids (roles for `recipient_role`, else the fact's values), joined.
pub fn id_labels(rules: &RuleSet, fact: &str, ids: &[String], lang: Lang) -> String {
    ids.iter()
        .map(|id| {
            if fact == "recipient_role" {
                return rules.role(id).map(|r| rules.roles[r.ix()].label.get(lang).to_string()).unwrap_or_else(|| id.clone());
            }
            rules
                .fact(fact)
                .and_then(|f| grondslag_engine::options(rules, f, lang).into_iter().find(|o| &o.value == id))
                .map(|o| o.label)
                .unwrap_or_else(|| id.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A one-line summary of an entry's content, in `lang`.
pub fn summary(rules: &RuleSet, p: &EntryPayload, lang: Lang) -> String {
    use grondslag_i18n::tr_with;
    match p {
        EntryPayload::Deliberation { report } => {
            let date = report.get("date").and_then(|d| d.as_str()).unwrap_or("?");
            let consent = report
                .get("consent_registry")
                .and_then(|c| {
                    let state = c.get("consent").and_then(|v| v.as_str())?;
                    let state = consent_id(state).map_or_else(|| state.to_owned(), |id| grondslag_i18n::tr(lang, id).to_owned());
                    Some(match c.get("relied_on").and_then(|v| v.as_u64()) {
                        Some(seq) => tr_with(lang, "entry-summary-consent-relied", &[("state", state.into()), ("seq", seq.into())]),
                        None => tr_with(lang, "entry-summary-consent", &[("state", state.into())]),
                    })
                })
                .unwrap_or_default();
            tr_with(
                lang,
                "entry-summary-deliberation",
                &[("outcome", outcome_text(report, lang).into()), ("date", date.into()), ("consent", consent.into())],
            )
        }
        EntryPayload::Decision(d) => {
            let args = [("seq", d.deliberation_seq.into()), ("recipient", d.recipient.as_str().into()), ("what", d.what.as_str().into())];
            if d.shared { tr_with(lang, "entry-summary-shared", &args) } else { tr_with(lang, "entry-summary-not-shared", &args) }
        }
        EntryPayload::Consent(c) => {
            let until = c.valid_to.map(|t| tr_with(lang, "entry-summary-until", &[("date", t.to_string().into())])).unwrap_or_default();
            tr_with(
                lang,
                "entry-summary-consent-given",
                &[
                    ("by", c.given_by.as_str().into()),
                    ("recipients", id_labels(rules, "recipient_role", &c.recipient_roles, lang).into()),
                    ("data", id_labels(rules, "data_categories", &c.data_categories, lang).into()),
                    ("purposes", id_labels(rules, "purpose", &c.purposes, lang).into()),
                    ("from", c.valid_from.to_string().into()),
                    ("until", until.into()),
                ],
            )
        }
        EntryPayload::ConsentRevocation { consent_seq, revoked_on, by, .. } => tr_with(
            lang,
            "entry-summary-consent-withdrawn",
            &[("seq", (*consent_seq).into()), ("on", revoked_on.to_string().into()), ("by", by.as_str().into())],
        ),
        EntryPayload::Disclosure { recipient, what, at, .. } => tr_with(
            lang,
            "entry-summary-disclosure",
            &[("recipient", recipient.as_str().into()), ("at", at.to_string().into()), ("what", what.as_str().into())],
        ),
        EntryPayload::Correction { corrects_seq, reason, .. } => {
            tr_with(lang, "entry-summary-correction", &[("seq", (*corrects_seq).into()), ("reason", reason.as_str().into())])
        }
        EntryPayload::Meldcode(e) => meldcode::summary(e, lang),
    }
}
