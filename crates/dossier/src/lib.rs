//! The dossier's domain: append-only entries (deliberation, decision, consent and its
//! revocation, disclosure, correction, meldcode event), the consent registry's reasoning and the meldcode
//! trajectory with its afwegingskader. Pure: no I/O, no clock; the store persists these records
//! and the ledger makes them tamper-evident.

pub mod consent;
pub mod entry;
pub mod meldcode;

pub use consent::{
    Capacity, ConsentDerivation, ConsentForm, ConsentRecord, ConsentState, Proposal, Subject, apply_consent, derive_consent,
};
pub use entry::{Decision, EntryKind, EntryPayload};
