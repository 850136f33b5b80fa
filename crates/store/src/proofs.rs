//! Proofs from a store. The ledger's [`HashStore`] is synchronous and a database is not, so a
//! proof is built in two steps: first find which nodes the proof reads (by running the ledger's
//! own proof code against a store that answers every node), then fetch exactly those nodes in one
//! batch and run the proof code again on them.

use std::cell::RefCell;
use std::collections::BTreeSet;

use grondslag_ledger::{Hash, HashStore, MemoryStore, ProofError};

use crate::Store;
use crate::error::{StoreError, StoreResult};
use crate::ids::OrgId;

/// Answers every node with a dummy hash and records which were asked.
#[derive(Default)]
struct Probe {
    asked: RefCell<BTreeSet<(u8, u64)>>,
}

impl HashStore for Probe {
    fn node(&self, level: u8, index: u64) -> Option<Hash> {
        self.asked.borrow_mut().insert((level, index));
        Some([0u8; 32])
    }
}

fn proof_error(e: ProofError) -> StoreError {
    match e {
        ProofError::MissingNode { .. } => StoreError::Integrity(e.to_string()),
        _ => StoreError::Invalid(e.to_string()),
    }
}

/// The nodes an inclusion proof of `leaf_index` in a tree of `tree_size` reads.
pub fn needed_for_inclusion(tree_size: u64, leaf_index: u64) -> StoreResult<Vec<(u8, u64)>> {
    let probe = Probe::default();
    grondslag_ledger::inclusion_proof(&probe, tree_size, leaf_index).map_err(proof_error)?;
    Ok(probe.asked.into_inner().into_iter().collect())
}

/// The nodes a consistency proof from `old_size` to `new_size` reads.
pub fn needed_for_consistency(old_size: u64, new_size: u64) -> StoreResult<Vec<(u8, u64)>> {
    let probe = Probe::default();
    grondslag_ledger::consistency_proof(&probe, old_size, new_size).map_err(proof_error)?;
    Ok(probe.asked.into_inner().into_iter().collect())
}

/// Fetches `keys` from the store into an in-memory [`HashStore`]; missing nodes are left out.
pub async fn load_nodes<S: Store>(store: &S, org: &OrgId, keys: &[(u8, u64)]) -> StoreResult<MemoryStore> {
    let found = store.nodes(org, keys).await?;
    let mut mem = MemoryStore::new();
    for (&(level, index), hash) in keys.iter().zip(found) {
        if let Some(h) = hash {
            mem.insert(level, index, h);
        }
    }
    Ok(mem)
}

/// The inclusion proof of `leaf_index` in the organisation's tree of `tree_size` leaves.
pub async fn inclusion_proof<S: Store>(store: &S, org: &OrgId, tree_size: u64, leaf_index: u64) -> StoreResult<Vec<Hash>> {
    let keys = needed_for_inclusion(tree_size, leaf_index)?;
    let mem = load_nodes(store, org, &keys).await?;
    grondslag_ledger::inclusion_proof(&mem, tree_size, leaf_index).map_err(proof_error)
}

/// The consistency proof between two sizes of the organisation's tree.
pub async fn consistency_proof<S: Store>(store: &S, org: &OrgId, old_size: u64, new_size: u64) -> StoreResult<Vec<Hash>> {
    let keys = needed_for_consistency(old_size, new_size)?;
    let mem = load_nodes(store, org, &keys).await?;
    grondslag_ledger::consistency_proof(&mem, old_size, new_size).map_err(proof_error)
}
