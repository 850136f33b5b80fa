//! The pure part of an append, shared by both backends: given the dossier's chain head and the
//! organisation's frontier (read under the organisation's lock), compute the entry, the nodes to
//! insert and the new root.

use grondslag_ledger::merkle::NewNode;
use grondslag_ledger::{ChainHead, Entry, Frontier, Hash, NewEntry, next_body};

use crate::error::StoreError;
use crate::ids::{DossierId, OrgId};
use crate::records::{AppendRequest, Appended};

/// Everything one append writes.
#[derive(Debug, Clone)]
pub struct AppendPlan {
    pub entry: Entry,
    pub leaf_index: u64,
    /// Newly completed subtrees (the leaf itself first), to insert into the node table.
    pub nodes: Vec<NewNode>,
    /// The frontier after the append (store `frontier.to_bytes()` with the new root).
    pub frontier: Frontier,
    pub root: Hash,
}

impl AppendPlan {
    pub fn appended(&self) -> Appended {
        Appended {
            seq: self.entry.body().seq,
            leaf_index: self.leaf_index,
            leaf_hash: self.entry.leaf_hash(),
            tree_size: self.frontier.size(),
            root: self.root,
        }
    }

    /// The previous leaf hash (`prev`), as bytes.
    pub fn prev_hash(&self) -> Hash {
        grondslag_ledger::b64_decode_32(&self.entry.body().prev).unwrap_or(grondslag_ledger::ZERO_HASH)
    }
}

/// Computes the next entry of `dossier` after `head` and appends its leaf to `frontier`.
pub fn plan_append(
    org: &OrgId,
    dossier: &DossierId,
    head: Option<ChainHead>,
    mut frontier: Frontier,
    req: &AppendRequest,
) -> Result<AppendPlan, StoreError> {
    let last = head.as_ref().map_or(0, |h| h.seq);
    if let Some(expected) = req.after
        && expected != last
    {
        return Err(StoreError::Conflict(format!("het dossier is intussen gewijzigd (laatste entry {last}, verwacht {expected})")));
    }
    if let Some(c) = req.corrects
        && head.is_none_or(|h| c > h.seq)
    {
        return Err(StoreError::Invalid(format!("`corrects` {c} verwijst niet naar een bestaande entry van dit dossier")));
    }
    let body = next_body(
        head.as_ref(),
        NewEntry {
            org: org.as_str().to_owned(),
            dossier: dossier.as_str().to_owned(),
            ts: req.ts.clone(),
            actor: req.actor.clone(),
            kind: req.kind.clone(),
            rules: req.rules.clone(),
            corrects: req.corrects,
            payload_commitment: req.payload_commitment,
        },
    );
    let entry = Entry::new(body).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let leaf_index = frontier.size();
    let nodes = frontier.append(entry.leaf_hash()).map_err(|e| StoreError::Integrity(e.to_string()))?;
    let root = frontier.root();
    Ok(AppendPlan { entry, leaf_index, nodes, frontier, root })
}
