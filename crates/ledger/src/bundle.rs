//! The verification bundle: everything a supervisor or court needs to check one dossier's
//! history offline, trusting neither the server nor its operator (see `docs/ledger.md`).
//!
//! ```json
//! {"format":"grondslag-bundle/1",
//!  "origin":"zorgbesluit.example.nl/org/<uuid>",
//!  "entries":[{"leaf_index":17,"body_jcs":"{…}","payload":{…}|null,"salt":"<b64>"|null}],
//!  "checkpoint":"<signed note>",
//!  "inclusion_proofs":[{"leaf_index":17,"hashes":["<b64>",…]}],
//!  "consistency":[{"old_size":12,"old_root":"<b64>","proof":["<b64>",…]}],
//!  "keys":["<name>+<hex id>+<b64 key>"]}
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::checkpoint::{CheckpointError, VerifierKey, open_checkpoint};
use crate::encoding::{b64_decode_32, b64_encode};
use crate::entry::{ChainFault, ChainHead, Entry, EntryBody, EntryError, chain_step, commitment};
use crate::merkle::{Hash, HashStore, ProofError, consistency_proof, inclusion_proof, root_at, verify_consistency, verify_inclusion};

/// The value of `format`.
pub const BUNDLE_FORMAT: &str = "grondslag-bundle/1";

/// A verification bundle (JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    /// Always [`BUNDLE_FORMAT`].
    pub format: String,
    /// The log's origin; must equal the checkpoint's first line.
    pub origin: String,
    /// The dossier's entries in chain order, from `seq` 1.
    pub entries: Vec<BundleEntry>,
    /// A signed checkpoint (signed-note text) whose tree contains every entry.
    pub checkpoint: String,
    /// One inclusion proof per entry, in the same order.
    pub inclusion_proofs: Vec<BundleInclusionProof>,
    /// Consistency proofs from earlier checkpoints the recipient holds to this checkpoint.
    #[serde(default)]
    pub consistency: Vec<BundleConsistency>,
    /// Verifier keys (`<name>+<hex id>+<base64 key>`); compare them with a published key.
    pub keys: Vec<String>,
}

/// One entry: its canonical body and, if the recipient may see it, the content and its salt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleEntry {
    pub leaf_index: u64,
    /// `JCS(body)`, exactly the hashed text.
    pub body_jcs: String,
    /// The committed content, or `null` when withheld or erased.
    #[serde(default)]
    pub payload: Option<serde_json::Value>,
    /// Base64 of the 32-byte salt, or `null` when withheld or erased.
    #[serde(default)]
    pub salt: Option<String>,
}

/// The audit path of one entry in the checkpoint's tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleInclusionProof {
    pub leaf_index: u64,
    pub hashes: Vec<String>,
}

/// A proof that an earlier tree (`old_size`, `old_root`) is a prefix of the checkpoint's tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleConsistency {
    pub old_size: u64,
    pub old_root: String,
    pub proof: Vec<String>,
}

impl BundleConsistency {
    /// Builds the proof from `old_size` to `new_size` from stored nodes.
    pub fn build<S: HashStore + ?Sized>(store: &S, old_size: u64, new_size: u64) -> Result<Self, ProofError> {
        let old_root = root_at(store, old_size)?;
        let proof = consistency_proof(store, old_size, new_size)?;
        Ok(Self { old_size, old_root: b64_encode(&old_root), proof: proof.iter().map(|h| b64_encode(h)).collect() })
    }
}

impl Bundle {
    /// Assembles a bundle, computing an inclusion proof for every entry in the tree of
    /// `tree_size` leaves (the size of `checkpoint`).
    pub fn assemble<S: HashStore + ?Sized>(
        origin: &str,
        checkpoint: String,
        tree_size: u64,
        entries: Vec<BundleEntry>,
        store: &S,
        keys: &[VerifierKey],
    ) -> Result<Self, ProofError> {
        let inclusion_proofs = entries
            .iter()
            .map(|e| {
                let hashes = inclusion_proof(store, tree_size, e.leaf_index)?;
                Ok(BundleInclusionProof { leaf_index: e.leaf_index, hashes: hashes.iter().map(|h| b64_encode(h)).collect() })
            })
            .collect::<Result<Vec<_>, ProofError>>()?;
        Ok(Self {
            format: BUNDLE_FORMAT.to_owned(),
            origin: origin.to_owned(),
            entries,
            checkpoint,
            inclusion_proofs,
            consistency: Vec::new(),
            keys: keys.iter().map(ToString::to_string).collect(),
        })
    }

    /// Parses bundle JSON strictly (unknown fields and repeated keys are errors).
    pub fn from_json(text: &str) -> Result<Self, VerifyError> {
        crate::no_duplicate_keys(text.as_bytes()).map_err(VerifyError::Json)?;
        serde_json::from_str(text).map_err(|e| VerifyError::Json(e.to_string()))
    }

    /// Pretty-printed JSON.
    pub fn to_json(&self) -> Result<String, VerifyError> {
        serde_json::to_string_pretty(self).map_err(|e| VerifyError::Json(e.to_string()))
    }
}

/// Why one entry fails (Dutch).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryFault {
    #[error("{0}")]
    Body(EntryError),
    #[error("keten klopt niet: {0}")]
    Chain(ChainFault),
    #[error("leaf-index is niet groter dan die van de vorige entry ({previous})")]
    LeafOrder { previous: u64 },
    #[error("inclusiebewijs ontbreekt")]
    ProofMissing,
    #[error("inclusiebewijs hoort bij leaf {found}")]
    ProofIndex { found: u64 },
    #[error("inclusiebewijs bevat een hash die geen base64 van 32 bytes is")]
    ProofHash,
    #[error("inclusiebewijs klopt niet ({0})")]
    Inclusion(ProofError),
    #[error("inhoud zonder salt (of salt zonder inhoud)")]
    PayloadHalf,
    #[error("salt is geen base64 van 32 bytes")]
    Salt,
    #[error("inhoud past niet bij de vastgelegde commitment")]
    Commitment,
}

/// The first reason a bundle does not verify (Dutch).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("bundel is geen geldige JSON: {0}")]
    Json(String),
    #[error("onbekend bundelformaat {0:?} (verwacht \"grondslag-bundle/1\")")]
    Format(String),
    #[error("sleutel {index} in de bundel: {source}")]
    Key { index: usize, source: CheckpointError },
    #[error("geen sleutels om het checkpoint mee te controleren")]
    NoKeys,
    #[error("checkpoint: {0}")]
    Checkpoint(CheckpointError),
    #[error("checkpoint hoort bij log {found:?}, de bundel bij {expected:?}")]
    Origin { expected: String, found: String },
    #[error("bundel bevat geen entries")]
    NoEntries,
    #[error("bundel bevat {proofs} inclusiebewijzen voor {entries} entries")]
    ProofCount { proofs: usize, entries: usize },
    #[error("{}", EntryLabel { position: *position, seq: *seq, leaf_index: *leaf_index, fault })]
    Entry {
        /// 0-based position in `entries`.
        position: usize,
        /// `seq` from the body, when it could be read.
        seq: Option<u64>,
        leaf_index: u64,
        fault: EntryFault,
    },
    #[error("consistentiebewijs {} (vanaf boomgrootte {old_size}): {reason}", index + 1)]
    Consistency { index: usize, old_size: u64, reason: String },
}

struct EntryLabel<'a> {
    position: usize,
    seq: Option<u64>,
    leaf_index: u64,
    fault: &'a EntryFault,
}

impl fmt::Display for EntryLabel<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.seq {
            Some(seq) => write!(f, "entry {seq} (leaf {}): {}", self.leaf_index, self.fault),
            None => write!(f, "entry op positie {} (leaf {}): {}", self.position + 1, self.leaf_index, self.fault),
        }
    }
}

/// What a successful verification established.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleReport {
    pub origin: String,
    pub tree_size: u64,
    pub root: Hash,
    /// The key whose signature verified.
    pub key: VerifierKey,
    pub org: String,
    pub dossier: String,
    pub entries: usize,
    pub last_seq: u64,
    /// Entries whose content was present and matched its commitment.
    pub payloads_verified: usize,
    /// Entries whose content was withheld or erased (only the commitment remains).
    pub payloads_absent: usize,
    /// Old sizes of the verified consistency proofs.
    pub consistent_with: Vec<u64>,
}

/// Verifies a bundle with the keys it carries. Whoever relies on the result must still compare
/// the key (`report.key`) with the organisation's independently published key; see
/// [`verify_bundle_with_keys`] to pin keys instead.
pub fn verify_bundle(bundle: &Bundle) -> Result<BundleReport, VerifyError> {
    let keys = bundle
        .keys
        .iter()
        .enumerate()
        .map(|(index, k)| VerifierKey::parse(k).map_err(|source| VerifyError::Key { index, source }))
        .collect::<Result<Vec<_>, _>>()?;
    verify_bundle_with_keys(bundle, &keys)
}

/// Verifies a bundle with the given keys only (the bundle's own `keys` are ignored).
///
/// Order of checks: format; checkpoint signature and origin; then per entry, in order: body
/// (valid and canonical), chain link, leaf order, inclusion proof, content commitment; then the
/// consistency proofs. The error names the first failure.
pub fn verify_bundle_with_keys(bundle: &Bundle, keys: &[VerifierKey]) -> Result<BundleReport, VerifyError> {
    if bundle.format != BUNDLE_FORMAT {
        return Err(VerifyError::Format(bundle.format.clone()));
    }
    if keys.is_empty() {
        return Err(VerifyError::NoKeys);
    }
    let (cp, key) = open_checkpoint(&bundle.checkpoint, keys).map_err(VerifyError::Checkpoint)?;
    if cp.origin != bundle.origin {
        return Err(VerifyError::Origin { expected: bundle.origin.clone(), found: cp.origin });
    }
    if bundle.entries.is_empty() {
        return Err(VerifyError::NoEntries);
    }

    let mut head: Option<ChainHead> = None;
    let mut first: Option<EntryBody> = None;
    let mut previous_leaf: Option<u64> = None;
    let (mut payloads_verified, mut payloads_absent) = (0usize, 0usize);
    for (position, be) in bundle.entries.iter().enumerate() {
        let fail = |seq: Option<u64>, fault| VerifyError::Entry { position, seq, leaf_index: be.leaf_index, fault };
        let entry = Entry::from_jcs(&be.body_jcs).map_err(|e| fail(None, EntryFault::Body(e)))?;
        let seq = Some(entry.body().seq);
        chain_step(head.as_ref(), first.as_ref(), &entry).map_err(|c| fail(seq, EntryFault::Chain(c)))?;
        if let Some(previous) = previous_leaf
            && be.leaf_index <= previous
        {
            return Err(fail(seq, EntryFault::LeafOrder { previous }));
        }
        let proof = bundle.inclusion_proofs.get(position).ok_or_else(|| fail(seq, EntryFault::ProofMissing))?;
        if proof.leaf_index != be.leaf_index {
            return Err(fail(seq, EntryFault::ProofIndex { found: proof.leaf_index }));
        }
        let hashes = decode_hashes(&proof.hashes).ok_or_else(|| fail(seq, EntryFault::ProofHash))?;
        verify_inclusion(&entry.leaf_hash(), be.leaf_index, cp.size, &hashes, &cp.root).map_err(|e| fail(seq, EntryFault::Inclusion(e)))?;
        match (&be.payload, &be.salt) {
            (Some(payload), Some(salt)) => {
                let salt = b64_decode_32(salt).ok_or_else(|| fail(seq, EntryFault::Salt))?;
                let c = commitment(&salt, payload).map_err(|e| fail(seq, EntryFault::Body(e)))?;
                if c != entry.payload_commitment() {
                    return Err(fail(seq, EntryFault::Commitment));
                }
                payloads_verified += 1;
            }
            (None, None) => payloads_absent += 1,
            _ => return Err(fail(seq, EntryFault::PayloadHalf)),
        }
        head = Some(entry.head());
        previous_leaf = Some(be.leaf_index);
        if first.is_none() {
            first = Some(entry.body().clone());
        }
    }
    if bundle.inclusion_proofs.len() != bundle.entries.len() {
        return Err(VerifyError::ProofCount { proofs: bundle.inclusion_proofs.len(), entries: bundle.entries.len() });
    }

    let mut consistent_with = Vec::new();
    for (index, c) in bundle.consistency.iter().enumerate() {
        let fail = |reason: String| VerifyError::Consistency { index, old_size: c.old_size, reason };
        let old_root = b64_decode_32(&c.old_root).ok_or_else(|| fail("oude root is geen base64 van 32 bytes".to_owned()))?;
        let proof = decode_hashes(&c.proof).ok_or_else(|| fail("bewijs bevat een hash die geen base64 van 32 bytes is".to_owned()))?;
        verify_consistency(c.old_size, cp.size, &old_root, &cp.root, &proof).map_err(|e| fail(e.to_string()))?;
        consistent_with.push(c.old_size);
    }

    let (org, dossier) = first.map(|b| (b.org, b.dossier)).unwrap_or_default();
    Ok(BundleReport {
        origin: cp.origin,
        tree_size: cp.size,
        root: cp.root,
        key: key.clone(),
        org,
        dossier,
        entries: bundle.entries.len(),
        last_seq: head.map_or(0, |h| h.seq),
        payloads_verified,
        payloads_absent,
        consistent_with,
    })
}

fn decode_hashes(hashes: &[String]) -> Option<Vec<Hash>> {
    hashes.iter().map(|h| b64_decode_32(h)).collect()
}
