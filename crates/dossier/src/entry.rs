//! The kinds of entries a dossier holds. Nothing is ever updated or deleted in place: a
//! correction is a new entry that points at the entry it corrects.

use serde::{Deserialize, Serialize};

use crate::consent::ConsentRecord;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Deliberation,
    Decision,
    Consent,
    ConsentRevocation,
    Disclosure,
    Correction,
}

impl EntryKind {
    /// The `type` written in the ledger entry.
    pub fn ledger_type(self) -> &'static str {
        match self {
            EntryKind::Deliberation => "deliberation",
            EntryKind::Decision => "decision",
            EntryKind::Consent => "consent",
            EntryKind::ConsentRevocation => "consent.revocation",
            EntryKind::Disclosure => "disclosure",
            EntryKind::Correction => "correction",
        }
    }
}

/// What the professional decided after a deliberation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The deliberation (sequence number in this dossier) this decision follows.
    pub deliberation_seq: u64,
    pub shared: bool,
    /// What was shared, in the professional's words (empty when nothing was shared).
    pub what: String,
    pub recipient: String,
    /// When it was shared (RFC 3339), if it was.
    pub shared_at: Option<String>,
    /// Whether and when the client was informed, or why not.
    pub client_informed: Option<String>,
    pub client_not_informed_reason: Option<String>,
    pub reasons: String,
}

/// The content of an entry. It is stored encrypted and committed to in the ledger, so it can
/// be erased when its retention period ends while the log still verifies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EntryPayload {
    /// The facts, judgments (with the professional's reasons), outcome and explanation of one
    /// evaluation, as JSON produced by the engine's report.
    Deliberation {
        report: serde_json::Value,
    },
    Decision(Decision),
    Consent(ConsentRecord),
    ConsentRevocation {
        consent_seq: u64,
        revoked_on: String,
        by: String,
        note: String,
    },
    Disclosure {
        decision_seq: u64,
        what: String,
        recipient: String,
        channel: String,
        at: String,
    },
    Correction {
        corrects_seq: u64,
        reason: String,
        replacement: Box<EntryPayload>,
    },
}

impl EntryPayload {
    pub fn kind(&self) -> EntryKind {
        match self {
            EntryPayload::Deliberation { .. } => EntryKind::Deliberation,
            EntryPayload::Decision(_) => EntryKind::Decision,
            EntryPayload::Consent(_) => EntryKind::Consent,
            EntryPayload::ConsentRevocation { .. } => EntryKind::ConsentRevocation,
            EntryPayload::Disclosure { .. } => EntryKind::Disclosure,
            EntryPayload::Correction { .. } => EntryKind::Correction,
        }
    }
}
