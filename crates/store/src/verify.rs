//! Re-verification of what a store holds: every dossier chain, the leaf indexes, every stored
//! node and root of the organisation's tree. Used by the conformance suite, by a nightly check
//! and after a backup restore. A failure names the entry (dossier and seq) or node concerned.

use std::collections::HashMap;

use grondslag_ledger::{ChainError, Entry, Frontier, Hash, MemoryStore, b64_encode, verify_chain};

use crate::Store;
use crate::error::StoreError;
use crate::ids::{DossierId, OrgId};
use crate::records::StoredEntry;

/// Why stored data does not verify (Dutch).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IntegrityFault {
    #[error("dossier {dossier}, entry {seq}: inhoud ongeldig: {reason}")]
    Body { dossier: String, seq: u64, reason: String },
    #[error("dossier {dossier}, entry {seq}: {what}")]
    Mismatch { dossier: String, seq: u64, what: String },
    #[error("dossier {dossier}: keten breekt bij {error}")]
    Chain { dossier: String, error: ChainError },
    #[error("dossier {dossier}, entry {seq}: leaf-index {found} waar {expected} verwacht werd (ontbrekende of dubbele leaf)")]
    LeafIndex { dossier: String, seq: u64, expected: u64, found: u64 },
    #[error("boom: {0} leaves in de entries, maar de opgeslagen boomgrootte is {1}")]
    Size(u64, u64),
    #[error("boom: knoop (niveau {level}, index {index}) {what}{entry}")]
    Node { level: u8, index: u64, what: &'static str, entry: String },
    /// The first stored root that does not match; the leaf added at that size is `entry`.
    #[error("boom: opgeslagen root bij grootte {size} {what}{}", entry.as_ref().map(|(d, s)| format!(" (eerste afwijking bij entry {s} van dossier {d})")).unwrap_or_default())]
    Root { size: u64, what: &'static str, entry: Option<(String, u64)> },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl IntegrityFault {
    /// The `(dossier, seq)` of the entry the fault names, if it names one.
    pub fn entry(&self) -> Option<(&str, u64)> {
        match self {
            IntegrityFault::Body { dossier, seq, .. }
            | IntegrityFault::Mismatch { dossier, seq, .. }
            | IntegrityFault::LeafIndex { dossier, seq, .. } => Some((dossier, *seq)),
            IntegrityFault::Chain { dossier, error } => Some((dossier, error.seq)),
            IntegrityFault::Root { entry: Some((dossier, seq)), .. } => Some((dossier, *seq)),
            _ => None,
        }
    }
}

/// What a successful verification covered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    pub dossiers: usize,
    pub entries: u64,
    pub tree_size: u64,
    pub root: Hash,
}

/// Validates one dossier's stored entries: each body is canonical and valid, belongs to this
/// organisation and dossier, has the row's `seq`, its stored leaf hash is the recomputed one, and
/// the chain holds.
pub fn check_entries(org: &OrgId, dossier: &DossierId, rows: &[StoredEntry]) -> Result<Vec<Entry>, IntegrityFault> {
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        let mismatch = |what: String| IntegrityFault::Mismatch { dossier: dossier.to_string(), seq: row.seq, what };
        let entry = Entry::from_jcs(&row.body_jcs).map_err(|e| IntegrityFault::Body {
            dossier: dossier.to_string(),
            seq: row.seq,
            reason: e.to_string(),
        })?;
        let b = entry.body();
        if b.org != org.as_str() {
            return Err(mismatch(format!("hoort bij organisatie {} in plaats van {org}", b.org)));
        }
        if b.dossier != dossier.as_str() || row.dossier != *dossier {
            return Err(mismatch(format!("hoort bij dossier {} in plaats van {dossier}", b.dossier)));
        }
        if b.seq != row.seq {
            return Err(mismatch(format!("volgnummer in de inhoud is {}", b.seq)));
        }
        if entry.leaf_hash() != row.leaf_hash {
            return Err(mismatch(format!(
                "opgeslagen leaf-hash {} is niet de hash van de inhoud ({})",
                b64_encode(&row.leaf_hash),
                b64_encode(&entry.leaf_hash())
            )));
        }
        entries.push(entry);
    }
    verify_chain(&entries).map_err(|error| IntegrityFault::Chain { dossier: dossier.to_string(), error })?;
    Ok(entries)
}

/// Verifies everything the store holds for one organisation.
pub async fn verify_organisation<S: Store>(store: &S, org: &OrgId) -> Result<VerifyReport, IntegrityFault> {
    let dossiers = store.dossiers(org).await?;
    // (leaf_index, recomputed leaf hash, dossier, seq)
    let mut leaves: Vec<(u64, Hash, String, u64)> = Vec::new();
    for d in &dossiers {
        let rows = store.entries(&d.id).await?;
        let entries = check_entries(org, &d.id, &rows)?;
        for (row, e) in rows.iter().zip(&entries) {
            leaves.push((row.leaf_index, e.leaf_hash(), d.id.to_string(), row.seq));
        }
    }
    leaves.sort_by_key(|l| l.0);
    for (expected, (found, _, dossier, seq)) in (0u64..).zip(&leaves) {
        if *found != expected {
            return Err(IntegrityFault::LeafIndex { dossier: dossier.clone(), seq: *seq, expected, found: *found });
        }
    }
    let n = leaves.len() as u64;
    let head = store.tree_head(org).await?;
    if head.size != n {
        return Err(IntegrityFault::Size(n, head.size));
    }

    // Recompute the tree from the leaves; compare every stored root on the way.
    let stored_roots: HashMap<u64, Hash> = store.roots(org).await?.into_iter().collect();
    let mut mem = MemoryStore::new();
    let mut frontier = Frontier::new();
    for (_, leaf, dossier, seq) in &leaves {
        mem.append(*leaf).map_err(|e| StoreError::Integrity(e.to_string()))?;
        frontier.append(*leaf).map_err(|e| StoreError::Integrity(e.to_string()))?;
        let size = frontier.size();
        match stored_roots.get(&size) {
            None => return Err(IntegrityFault::Root { size, what: "ontbreekt", entry: None }),
            Some(r) if *r != frontier.root() => {
                let what = "wijkt af van de herberekende root";
                return Err(IntegrityFault::Root { size, what, entry: Some((dossier.clone(), *seq)) });
            }
            Some(_) => {}
        }
    }
    if let Some(size) = stored_roots.keys().copied().filter(|s| *s > n).min() {
        return Err(IntegrityFault::Root { size, what: "hoort bij een boom die groter is dan het aantal entries", entry: None });
    }
    if head.root != frontier.root() {
        return Err(IntegrityFault::Root { size: n, what: "(de huidige) wijkt af van de herberekende root", entry: None });
    }

    // Every stored complete subtree must be the recomputed one.
    let mut keys = Vec::new();
    for level in 0..64u8 {
        let count = n >> level;
        if count == 0 {
            break;
        }
        keys.extend((0..count).map(|i| (level, i)));
    }
    use grondslag_ledger::HashStore as _;
    for chunk in keys.chunks(512) {
        let stored = store.nodes(org, chunk).await?;
        for (&(level, index), got) in chunk.iter().zip(stored) {
            let want = mem.node(level, index);
            let what = match got {
                None => "ontbreekt",
                Some(h) if Some(h) != want => "wijkt af van de herberekende hash",
                Some(_) => continue,
            };
            let entry = if level == 0 {
                leaves
                    .get(usize::try_from(index).unwrap_or(usize::MAX))
                    .map(|l| format!(" (entry {} van dossier {})", l.3, l.2))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            return Err(IntegrityFault::Node { level, index, what, entry });
        }
    }
    Ok(VerifyReport { dossiers: dossiers.len(), entries: n, tree_size: n, root: frontier.root() })
}
