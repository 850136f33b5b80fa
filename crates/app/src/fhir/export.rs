//! Reading what the FHIR export maps: the dossier's entries with their receipts, the consent
//! registry and the client's NEN 7513 events. The mapping itself is pure ([`super::bundle`]).

use grondslag_i18n::Msg;
use grondslag_ledger::{b64_encode, verify_checkpoint};
use grondslag_store::{AccessQuery, AccessStore, ClientId, Store, StoredAccessEvent};

use super::{ExportEntry, ExportInput};
use crate::{App, AppError, AppResult, MAX_BUNDLE_BYTES, Receipt, now_ts, registry_of};

/// How many access events are read per query (the stores cap a page at 1000).
const PAGE: u32 = 1000;

/// A random UUID (version 4) for one export's identifier.
fn random_uuid() -> AppResult<String> {
    let mut b = [0u8; 16];
    b.copy_from_slice(&crate::keys::random32()?[..16]);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32]))
}

impl<S: Store + AccessStore> App<S> {
    /// The client's NEN 7513 events, oldest first (every page of the log filtered on the client).
    async fn access_of(&self, org: &grondslag_store::OrgId, client: &ClientId) -> AppResult<Vec<StoredAccessEvent>> {
        let mut out = Vec::new();
        let mut before = None;
        loop {
            let q = AccessQuery { client: Some(client.to_string()), before, limit: PAGE, ..AccessQuery::default() };
            let page = self.store.access_events(org, &q).await?;
            let full = page.len() >= PAGE as usize;
            before = page.last().map(|e| e.seq);
            out.extend(page);
            if !full || before.is_none() {
                break;
            }
        }
        out.reverse();
        Ok(out)
    }

    /// The client's dossier, consent registry and access log as a FHIR R4 `Bundle` (JSON text),
    /// refused like the verification bundle when larger than [`MAX_BUNDLE_BYTES`]. Unlike that
    /// bundle it is made for an empty dossier too (the access log alone is worth exporting).
    /// The caller logs the export first (the web's audited path does), so it is in the bundle.
    ///
    /// `access_by`: `None` exports every access event about the client (the operator's export,
    /// `grondslag exporteer --fhir`, who holds the whole database anyway); `Some(user)` only that
    /// user's own events. Who else opened a dossier is for the privacy officer (least privilege):
    /// a professional's export must not show a colleague's accesses.
    pub async fn fhir_json(&self, client: &ClientId, access_by: Option<&str>) -> AppResult<String> {
        let (c, d, _) = self.context(client, None).await?;
        let org = self.store.organisation(&c.org).await?;
        let rows = self.read(&d).await?;
        let registry = registry_of(&rows);
        let key = self.keys.load(&org.id)?.verifier_key()?;
        let saved = self.store.latest_checkpoint(&org.id).await?.ok_or_else(|| AppError::Ledger("er is geen checkpoint".into()))?;
        let cp = verify_checkpoint(&saved.note, &key).map_err(AppError::ledger)?;
        let mut receipts = Vec::with_capacity(rows.len());
        for (row, entry, _) in &rows {
            let proof = grondslag_store::inclusion_proof(&self.store, &org.id, cp.size, row.leaf_index).await?;
            receipts.push(Receipt {
                dossier: d.id.clone(),
                seq: row.seq,
                leaf_index: row.leaf_index,
                leaf_hash: b64_encode(&entry.leaf_hash()),
                tree_size: cp.size,
                checkpoint: saved.note.clone(),
                inclusion_proof: proof.iter().map(|h| b64_encode(h)).collect(),
            });
        }
        let entries: Vec<ExportEntry> = rows
            .iter()
            .zip(&receipts)
            .map(|((_, entry, payload), receipt)| ExportEntry { body: entry.body(), payload: payload.as_ref().map(|(p, _)| p), receipt })
            .collect();
        let mut access = self.access_of(&org.id, &c.id).await?;
        if let Some(user) = access_by {
            access.retain(|e| e.event.user == user);
        }
        let timestamp = now_ts()?;
        let today = time::OffsetDateTime::now_utc().date();
        let export_id = random_uuid()?;
        let input = ExportInput {
            rules: &self.rules,
            org: &org,
            client: &c.id,
            dossier: &d.id,
            entries: &entries,
            registry: &registry,
            access: &access,
            timestamp: &timestamp,
            today,
            export_id: &export_id,
        };
        let text = super::to_json(&super::bundle(&input)).map_err(|e| AppError::Invalid(Msg::verbatim(e.to_string())))?;
        if text.len() > MAX_BUNDLE_BYTES {
            return Err(AppError::Invalid(Msg::new("app-fhir-too-large").arg("max_mib", MAX_BUNDLE_BYTES >> 20)));
        }
        Ok(text)
    }
}
