//! The records the store keeps.

use grondslag_ledger::{Actor, Hash, RulesRef};

use crate::error::StoreError;
use crate::ids::{ClientId, DossierId, OrgId, ProfessionalId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub id: OrgId,
    pub name: String,
    /// The checkpoint origin, e.g. `grondslag.local/org/<id>`.
    pub origin: String,
}

impl Organisation {
    pub fn default_origin(id: &OrgId) -> String {
        format!("grondslag.local/org/{id}")
    }
}

/// What a professional may do in the application (not their profession).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppRole {
    Professional,
    Aandachtsfunctionaris,
    PrivacyOfficer,
    Administrator,
}

impl AppRole {
    pub const ALL: [AppRole; 4] = [AppRole::Professional, AppRole::Aandachtsfunctionaris, AppRole::PrivacyOfficer, AppRole::Administrator];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            AppRole::Professional => "professional",
            AppRole::Aandachtsfunctionaris => "aandachtsfunctionaris",
            AppRole::PrivacyOfficer => "privacy_officer",
            AppRole::Administrator => "administrator",
        }
    }

    pub fn parse(s: &str) -> Result<Self, StoreError> {
        AppRole::ALL.into_iter().find(|r| r.as_str() == s).ok_or_else(|| StoreError::Integrity(format!("onbekende applicatierol {s:?}")))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProfessional {
    pub org: OrgId,
    pub name: String,
    pub app_role: AppRole,
    /// A role id of the rule set, e.g. `huisarts`.
    pub profession: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Professional {
    pub id: ProfessionalId,
    pub org: OrgId,
    pub name: String,
    pub app_role: AppRole,
    pub profession: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    pub id: ClientId,
    pub org: OrgId,
    /// Stable keyed pseudonym made by the caller.
    pub pseudonym: String,
    /// The sealed identity (nonce ‖ ciphertext), sealed by the caller.
    pub identity: Vec<u8>,
}

/// Exactly one per client per organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dossier {
    pub id: DossierId,
    pub org: OrgId,
    pub client: ClientId,
}

/// The encrypted content of an entry, as sealed by the caller. Erasable.
#[derive(Clone, PartialEq, Eq)]
pub struct SealedPayload {
    /// The commitment salt (32 fresh random bytes).
    pub salt: [u8; 32],
    pub nonce: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

impl std::fmt::Debug for SealedPayload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SealedPayload")
            .field("nonce_len", &self.nonce.len())
            .field("ciphertext_len", &self.ciphertext.len())
            .finish_non_exhaustive()
    }
}

/// What the caller decides for a new entry; the store decides `seq`, `prev` and the leaf index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppendRequest {
    pub actor: Actor,
    /// The ledger `type`, e.g. `grondslag_dossier::EntryKind::ledger_type()`.
    pub kind: String,
    pub rules: Option<RulesRef>,
    /// RFC 3339 UTC with milliseconds (`grondslag_ledger::ts_from_unix_millis`).
    pub ts: String,
    pub corrects: Option<u64>,
    pub payload: SealedPayload,
    /// `grondslag_ledger::commitment(salt, payload)`.
    pub payload_commitment: Hash,
    /// Append only if the dossier's last entry is still this one (`Some(0)`: the dossier is
    /// still empty); otherwise [`crate::StoreError::Conflict`] and nothing is written. For an
    /// entry checked against what the caller read (a meldcode event folded onto the stored
    /// trajectory), so that two recordings at the same moment cannot both land unchecked.
    pub after: Option<u64>,
}

/// Where an appended entry landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appended {
    pub seq: u64,
    pub leaf_index: u64,
    pub leaf_hash: Hash,
    /// The tree size after this append (`leaf_index + 1`).
    pub tree_size: u64,
    /// The tree root after this append.
    pub root: Hash,
}

/// One stored entry as read back. The body is the stored canonical text, not yet validated:
/// [`crate::check_entries`] validates it, so that a tampered row is reported, not hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEntry {
    pub dossier: DossierId,
    pub seq: u64,
    pub leaf_index: u64,
    /// The leaf hash as stored next to the body.
    pub leaf_hash: Hash,
    /// `JCS(body)` as stored.
    pub body_jcs: String,
    /// `None` once erased.
    pub payload: Option<SealedPayload>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeHead {
    pub size: u64,
    pub root: Hash,
}

/// A signed checkpoint as kept by the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedCheckpoint {
    pub tree_size: u64,
    /// The signed note text (C2SP signed note).
    pub note: String,
}
