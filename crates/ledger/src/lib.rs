//! The tamper-evident decision log of Grondslag (`docs/ledger.md`, `shared/design/stack.md` §2).
//!
//! Pure: no I/O, no clock, no randomness. Callers pass timestamps, salts, nonces and keys.
//!
//! - [`entry`]: the canonical entry body (RFC 8785 JCS), its leaf hash and the salted payload
//!   commitment; the per-dossier hash chain ([`next_body`], [`verify_chain`]).
//! - [`merkle`]: the per-organisation RFC 6962 / RFC 9162 Merkle tree: an append-only
//!   [`Frontier`], proofs built from stored complete subtrees ([`HashStore`]) and their
//!   verification.
//! - [`checkpoint`]: C2SP `tlog-checkpoint` bodies signed as C2SP signed notes with Ed25519.
//! - [`seal`]: XChaCha20-Poly1305 for the (erasable) decision content.
//! - [`bundle`]: the offline verification bundle and its verifier.

pub mod bundle;
pub mod checkpoint;
mod encoding;
pub mod entry;
pub mod merkle;
pub mod seal;
mod strict_json;

pub use bundle::{
    BUNDLE_FORMAT, Bundle, BundleConsistency, BundleEntry, BundleInclusionProof, BundleReport, EntryFault, VerifyError, verify_bundle,
    verify_bundle_with_keys,
};
pub use checkpoint::{
    Checkpoint, CheckpointError, VerifierKey, checkpoint_body, key_id, open_checkpoint, parse_checkpoint_body, sign_checkpoint,
    verify_checkpoint,
};
pub use encoding::{b64_decode, b64_decode_32, b64_encode};
pub use entry::{
    Actor, ChainError, ChainFault, ChainHead, Entry, EntryBody, EntryError, NewEntry, RulesRef, ZERO_HASH, commitment, jcs, leaf_hash,
    next_body, ts_from_unix_millis, verify_chain, verify_chain_from,
};
pub use merkle::{
    Frontier, FrontierError, Hash, HashStore, MemoryStore, NewNode, ProofError, consistency_proof, empty_root, inclusion_proof,
    leaf_hash_of, node_hash, root_at, verify_consistency, verify_inclusion,
};
pub use seal::{SealError, aad, open, seal};
pub use strict_json::no_duplicate_keys;

/// The Ed25519 key types of the checkpoint API, so callers need no direct dependency.
pub use ed25519_dalek::{SigningKey, VerifyingKey};
