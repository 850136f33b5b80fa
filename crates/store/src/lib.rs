//! The storage layer of Grondslag: one trait ([`Store`]), the records it keeps and the shared,
//! SQL-free logic both backends use (`shared/design/stack.md` §1.2: "share a trait, not the
//! SQL"). `grondslag-store-sqlite` and `grondslag-store-postgres` implement the trait with sqlx,
//! each with its own migrations; the conformance suite (feature `conformance`) proves both
//! behave the same.
//!
//! The ledger (`shared/design/stack.md` §2.2) is append-only: a backend never updates or deletes
//! a row of its ledger tables (database triggers refuse it). Only the encrypted payload of an
//! entry can be erased; the entry and its salted commitment stay, so the log still verifies.

mod access;
mod append;
#[cfg(feature = "conformance")]
pub mod conformance;
#[cfg(feature = "conformance")]
pub mod conformance_access;
mod error;
mod ids;
mod proofs;
mod records;
mod verify;

pub use access::{
    ACCESS_GENESIS, AccessEvent, AccessQuery, AccessStore, BreakGlass, CareRelation, Conference, Credential, Draft, PasswordOrigin,
    SecondFactor, SessionRecord, SessionStage, StoredAccessEvent, access_event_hash, verify_access_chain,
};
pub use append::{AppendPlan, plan_append};
pub use error::{StoreError, StoreResult};
pub use ids::{ClientId, ConferenceId, DossierId, DraftId, GrantId, IdError, OrgId, ProfessionalId, StoredId, UnixMillis, is_uuid, new_id};
pub use proofs::{consistency_proof, inclusion_proof, load_nodes, needed_for_consistency, needed_for_inclusion};
pub use records::{
    AppRole, AppendRequest, Appended, Client, Dossier, NewProfessional, Organisation, Professional, SavedCheckpoint, SealedPayload,
    StoredEntry, TreeHead,
};
pub use verify::{IntegrityFault, VerifyReport, check_entries, verify_organisation};

use std::future::Future;

use grondslag_ledger::Hash;

/// Everything the application stores. Implemented by `grondslag-store-sqlite` and
/// `grondslag-store-postgres`; the application is generic over it.
///
/// Ids are UUIDv7 strings in lowercase hyphenated form, made by the store ([`new_id`]), typed
/// by what they name ([`OrgId`], [`ClientId`], …; see `ids.rs`). Times are [`UnixMillis`].
pub trait Store: Clone + Send + Sync + 'static {
    // --- organisations, professionals, clients, dossiers -------------------------------

    /// Creates an organisation. `origin` is the checkpoint origin; `None` gives
    /// `grondslag.local/org/<id>`.
    fn create_organisation(&self, name: &str, origin: Option<&str>) -> impl Future<Output = StoreResult<Organisation>> + Send;
    fn organisation(&self, id: &OrgId) -> impl Future<Output = StoreResult<Organisation>> + Send;
    fn organisations(&self) -> impl Future<Output = StoreResult<Vec<Organisation>>> + Send;

    fn create_professional(&self, new: &NewProfessional) -> impl Future<Output = StoreResult<Professional>> + Send;
    fn professional(&self, id: &ProfessionalId) -> impl Future<Output = StoreResult<Professional>> + Send;
    fn professionals(&self, org: &OrgId) -> impl Future<Output = StoreResult<Vec<Professional>>> + Send;

    /// Registers a client under a stable keyed pseudonym (made by the caller). `identity` is
    /// sealed by the caller; the store never sees plaintext. A pseudonym is unique within an
    /// organisation ([`StoreError::Conflict`]).
    fn create_client(&self, org: &OrgId, pseudonym: &str, identity: &[u8]) -> impl Future<Output = StoreResult<Client>> + Send;
    fn client(&self, id: &ClientId) -> impl Future<Output = StoreResult<Client>> + Send;
    fn client_by_pseudonym(&self, org: &OrgId, pseudonym: &str) -> impl Future<Output = StoreResult<Option<Client>>> + Send;
    /// Every client of an organisation, oldest first.
    fn clients(&self, org: &OrgId) -> impl Future<Output = StoreResult<Vec<Client>>> + Send;

    /// The client's dossier in this organisation, created on first use: exactly one per client
    /// per organisation, also under concurrent calls.
    fn dossier_for_client(&self, org: &OrgId, client: &ClientId) -> impl Future<Output = StoreResult<Dossier>> + Send;
    fn dossier(&self, id: &DossierId) -> impl Future<Output = StoreResult<Dossier>> + Send;
    /// The organisation's dossiers, oldest first.
    fn dossiers(&self, org: &OrgId) -> impl Future<Output = StoreResult<Vec<Dossier>>> + Send;

    // --- the ledger ---------------------------------------------------------------------

    /// Appends an entry to the dossier's chain and the organisation's tree, serialised per
    /// organisation, in one transaction: the next body ([`plan_append`]), the entry, its payload,
    /// the new tree nodes and the new root are written together or not at all. Once this returns
    /// `Ok`, the entry is durable.
    fn append(&self, org: &OrgId, dossier: &DossierId, req: &AppendRequest) -> impl Future<Output = StoreResult<Appended>> + Send;

    /// The dossier's entries in `seq` order, with their leaf index and (unless erased) payload.
    fn entries(&self, dossier: &DossierId) -> impl Future<Output = StoreResult<Vec<StoredEntry>>> + Send;

    /// One stored complete-subtree hash of the organisation's tree (level 0: leaf hashes).
    fn node(&self, org: &OrgId, level: u8, index: u64) -> impl Future<Output = StoreResult<Option<Hash>>> + Send;
    /// Several nodes at once, in the order asked (`None` where missing).
    fn nodes(&self, org: &OrgId, keys: &[(u8, u64)]) -> impl Future<Output = StoreResult<Vec<Option<Hash>>>> + Send;

    /// The current size and root of the organisation's tree (size 0: `SHA-256("")`).
    fn tree_head(&self, org: &OrgId) -> impl Future<Output = StoreResult<TreeHead>> + Send;
    /// The root stored when the tree had `size` leaves (`None` for a size never reached; size 0
    /// gives the empty root).
    fn root_at(&self, org: &OrgId, size: u64) -> impl Future<Output = StoreResult<Option<Hash>>> + Send;
    /// Every stored root, by tree size (for verification).
    fn roots(&self, org: &OrgId) -> impl Future<Output = StoreResult<Vec<(u64, Hash)>>> + Send;

    /// Keeps a signed checkpoint (its note text). Saving the same note twice is a no-op.
    fn save_checkpoint(&self, org: &OrgId, checkpoint: &SavedCheckpoint) -> impl Future<Output = StoreResult<()>> + Send;
    /// The checkpoint with the largest tree size (the last saved among equals).
    fn latest_checkpoint(&self, org: &OrgId) -> impl Future<Output = StoreResult<Option<SavedCheckpoint>>> + Send;

    /// Erases the payload (salt, nonce, ciphertext) of one entry. The entry and its commitment
    /// stay. Erasing an already erased payload is a no-op; an unknown entry is
    /// [`StoreError::NotFound`].
    fn erase_payload(&self, dossier: &DossierId, seq: u64) -> impl Future<Output = StoreResult<()>> + Send;
}
