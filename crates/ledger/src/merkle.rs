//! The per-organisation Merkle tree of RFC 6962 / RFC 9162 §2.1.
//!
//! ```text
//! MTH({})       = SHA-256("")
//! MTH({d0})     = SHA-256(0x00 ‖ d0)                      (leaf hash)
//! MTH(D[0:n])   = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])), k = largest power of two < n
//! ```
//!
//! Storage model: only hashes of *complete* subtrees are stored. Node `(level, index)` is the
//! hash of leaves `[index·2^level, (index+1)·2^level)`; level 0 holds the leaf hashes. These
//! never change once written, so the table is append-only. Hashes of incomplete right parts
//! (needed for roots and proofs of sizes that are not powers of two) are computed from them.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// Largest tree this crate handles: 2^63 leaves.
const MAX_SIZE: u64 = 1 << 63;

/// `SHA-256(0x00 ‖ data)`.
pub fn leaf_hash_of(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0x00]);
    h.update(data);
    h.finalize().into()
}

/// `SHA-256(0x01 ‖ left ‖ right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([0x01]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The root of the empty tree: `SHA-256("")`.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// Largest power of two strictly smaller than `n` (`n >= 2`).
fn split(n: u64) -> u64 {
    1u64 << (63 - (n - 1).leading_zeros())
}

/// Errors of proof generation and verification (Dutch).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    #[error("de boom is leeg")]
    EmptyTree,
    #[error("leaf-index {index} ligt buiten een boom van {size} leaves")]
    IndexOutOfRange { index: u64, size: u64 },
    #[error("boomgrootte {0} is te groot")]
    TooLarge(u64),
    #[error("knoop ontbreekt in de opslag (niveau {level}, index {index})")]
    MissingNode { level: u8, index: u64 },
    #[error("een consistentiebewijs begint bij een boom van minstens 1 leaf")]
    OldSizeZero,
    #[error("oude boomgrootte {old} is groter dan nieuwe {new}")]
    OldSizeLarger { old: u64, new: u64 },
    #[error("bewijs heeft niet het juiste aantal hashes")]
    WrongLength,
    #[error("bewijs komt niet uit op de verwachte root")]
    RootMismatch,
}

/// Read access to stored complete-subtree hashes.
pub trait HashStore {
    /// Hash of the complete subtree covering leaves `[index·2^level, (index+1)·2^level)`.
    fn node(&self, level: u8, index: u64) -> Option<Hash>;
}

impl<S: HashStore + ?Sized> HashStore for &S {
    fn node(&self, level: u8, index: u64) -> Option<Hash> {
        (**self).node(level, index)
    }
}

/// `MTH(D[start:end])` from stored complete subtrees. `start` is always a multiple of the
/// smallest power of two ≥ `end - start` (true for every node of the tree), so the left part of
/// every split is a complete subtree. A complete subtree missing from the store is rebuilt from
/// its children when possible.
fn mth<S: HashStore + ?Sized>(store: &S, start: u64, end: u64) -> Result<Hash, ProofError> {
    let n = end - start;
    if n.is_power_of_two() && start.is_multiple_of(n) {
        let level = u8::try_from(n.trailing_zeros()).map_err(|_| ProofError::TooLarge(n))?;
        let index = start >> level;
        if let Some(h) = store.node(level, index) {
            return Ok(h);
        }
        if level == 0 {
            return Err(ProofError::MissingNode { level, index });
        }
    }
    if n < 2 {
        return Err(ProofError::MissingNode { level: 0, index: start });
    }
    let k = split(n);
    Ok(node_hash(&mth(store, start, start + k)?, &mth(store, start + k, end)?))
}

fn check_size(size: u64) -> Result<(), ProofError> {
    if size > MAX_SIZE { Err(ProofError::TooLarge(size)) } else { Ok(()) }
}

/// The root of the first `size` leaves.
pub fn root_at<S: HashStore + ?Sized>(store: &S, size: u64) -> Result<Hash, ProofError> {
    check_size(size)?;
    if size == 0 { Ok(empty_root()) } else { mth(store, 0, size) }
}

/// The inclusion proof (audit path, RFC 9162 §2.1.3.1) of leaf `leaf_index` in the tree of
/// the first `tree_size` leaves, deepest sibling first.
pub fn inclusion_proof<S: HashStore + ?Sized>(store: &S, tree_size: u64, leaf_index: u64) -> Result<Vec<Hash>, ProofError> {
    check_size(tree_size)?;
    if tree_size == 0 {
        return Err(ProofError::EmptyTree);
    }
    if leaf_index >= tree_size {
        return Err(ProofError::IndexOutOfRange { index: leaf_index, size: tree_size });
    }
    // Walk down from the root, collecting siblings top-down, then reverse.
    let (mut start, mut end, mut m) = (0u64, tree_size, leaf_index);
    let mut path = Vec::new();
    while end - start > 1 {
        let k = split(end - start);
        if m < k {
            path.push(mth(store, start + k, end)?);
            end = start + k;
        } else {
            path.push(mth(store, start, start + k)?);
            start += k;
            m -= k;
        }
    }
    path.reverse();
    Ok(path)
}

/// The consistency proof (RFC 9162 §2.1.4.1) that the tree of `old_size` leaves is a prefix of
/// the tree of `new_size` leaves. Empty when the sizes are equal.
pub fn consistency_proof<S: HashStore + ?Sized>(store: &S, old_size: u64, new_size: u64) -> Result<Vec<Hash>, ProofError> {
    check_size(new_size)?;
    if old_size == 0 {
        return Err(ProofError::OldSizeZero);
    }
    if old_size > new_size {
        return Err(ProofError::OldSizeLarger { old: old_size, new: new_size });
    }
    // SUBPROOF(m, D[start:end], b), iteratively: collect top-down, then reverse.
    let (mut start, mut end, mut m, mut b) = (0u64, new_size, old_size, true);
    let mut proof = Vec::new();
    loop {
        let n = end - start;
        if m == n {
            if !b {
                proof.push(mth(store, start, end)?);
            }
            break;
        }
        let k = split(n);
        if m <= k {
            proof.push(mth(store, start + k, end)?);
            end = start + k;
        } else {
            proof.push(mth(store, start, start + k)?);
            start += k;
            m -= k;
            b = false;
        }
    }
    proof.reverse();
    Ok(proof)
}

/// Verifies an inclusion proof exactly as RFC 9162 §2.1.3.2.
pub fn verify_inclusion(leaf_hash: &Hash, index: u64, size: u64, proof: &[Hash], root: &Hash) -> Result<(), ProofError> {
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    let (mut fnode, mut snode) = (index, size - 1);
    let mut r = *leaf_hash;
    for p in proof {
        if snode == 0 {
            return Err(ProofError::WrongLength);
        }
        if fnode & 1 == 1 || fnode == snode {
            r = node_hash(p, &r);
            if fnode & 1 == 0 {
                while fnode & 1 == 0 && fnode != 0 {
                    fnode >>= 1;
                    snode >>= 1;
                }
            }
        } else {
            r = node_hash(&r, p);
        }
        fnode >>= 1;
        snode >>= 1;
    }
    if snode != 0 {
        return Err(ProofError::WrongLength);
    }
    if &r != root {
        return Err(ProofError::RootMismatch);
    }
    Ok(())
}

/// Verifies a consistency proof exactly as RFC 9162 §2.1.4.2. Equal sizes need an empty proof
/// and equal roots; an old size of 0 is refused.
pub fn verify_consistency(old_size: u64, new_size: u64, old_root: &Hash, new_root: &Hash, proof: &[Hash]) -> Result<(), ProofError> {
    if old_size == 0 {
        return Err(ProofError::OldSizeZero);
    }
    if old_size > new_size {
        return Err(ProofError::OldSizeLarger { old: old_size, new: new_size });
    }
    if old_size == new_size {
        if !proof.is_empty() {
            return Err(ProofError::WrongLength);
        }
        return if old_root == new_root { Ok(()) } else { Err(ProofError::RootMismatch) };
    }
    // 1. An empty path fails.
    if proof.is_empty() {
        return Err(ProofError::WrongLength);
    }
    // 2. If first is an exact power of 2, prepend first_hash.
    let path: Vec<Hash> =
        if old_size.is_power_of_two() { std::iter::once(*old_root).chain(proof.iter().copied()).collect() } else { proof.to_vec() };
    // 3. fn = first - 1, sn = second - 1.
    let (mut fnode, mut snode) = (old_size - 1, new_size - 1);
    // 4. If LSB(fn) is set, shift both right until it is not.
    while fnode & 1 == 1 {
        fnode >>= 1;
        snode >>= 1;
    }
    // 5. fr = sr = first value.
    let (mut fr, mut sr) = (path[0], path[0]);
    // 6. For each subsequent value c.
    for c in &path[1..] {
        if snode == 0 {
            return Err(ProofError::WrongLength);
        }
        if fnode & 1 == 1 || fnode == snode {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            if fnode & 1 == 0 {
                while fnode & 1 == 0 && fnode != 0 {
                    fnode >>= 1;
                    snode >>= 1;
                }
            }
        } else {
            sr = node_hash(&sr, c);
        }
        fnode >>= 1;
        snode >>= 1;
    }
    // 7. fr == first_hash, sr == second_hash, sn == 0.
    if snode != 0 {
        return Err(ProofError::WrongLength);
    }
    if &fr != old_root || &sr != new_root {
        return Err(ProofError::RootMismatch);
    }
    Ok(())
}

/// Errors of the frontier (Dutch).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontierError {
    #[error("frontier voor boomgrootte {size} heeft {found} hashes, verwacht {expected}")]
    Count { size: u64, expected: usize, found: usize },
    #[error("frontier-bytes zijn geen veelvoud van 32")]
    Bytes,
    #[error("de boom is vol")]
    Full,
    #[error(transparent)]
    Proof(#[from] ProofError),
}

/// The right edge of the tree: the roots of its complete subtrees, largest (leftmost) first,
/// one per set bit of the size (at most 64). Enough to append and to compute the root.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Frontier {
    size: u64,
    hashes: Vec<Hash>,
}

/// A newly completed subtree to persist: `(level, index, hash)`.
pub type NewNode = (u8, u64, Hash);

impl Frontier {
    /// The empty tree.
    pub fn new() -> Self {
        Self::default()
    }

    /// From a stored size and its hashes (largest subtree first).
    pub fn from_parts(size: u64, hashes: Vec<Hash>) -> Result<Self, FrontierError> {
        let expected = size.count_ones() as usize;
        if hashes.len() != expected || size > MAX_SIZE {
            return Err(FrontierError::Count { size, expected, found: hashes.len() });
        }
        Ok(Self { size, hashes })
    }

    /// From a stored size and the concatenated hashes ([`Frontier::to_bytes`]).
    pub fn from_bytes(size: u64, bytes: &[u8]) -> Result<Self, FrontierError> {
        let (chunks, rest) = bytes.as_chunks::<32>();
        if !rest.is_empty() {
            return Err(FrontierError::Bytes);
        }
        Self::from_parts(size, chunks.to_vec())
    }

    /// Rebuilds the frontier of the first `size` leaves from stored nodes.
    pub fn from_store<S: HashStore + ?Sized>(store: &S, size: u64) -> Result<Self, FrontierError> {
        check_size(size)?;
        let mut hashes = Vec::new();
        let mut start = 0u64;
        for level in (0..64u8).rev() {
            let width = 1u64 << level;
            if size & width != 0 {
                hashes.push(mth(store, start, start + width)?);
                start += width;
            }
        }
        Self::from_parts(size, hashes)
    }

    /// Number of leaves.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The complete-subtree roots, largest first.
    pub fn hashes(&self) -> &[Hash] {
        &self.hashes
    }

    /// The hashes concatenated (≤ 64 × 32 bytes), for storage next to the size.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.hashes.concat()
    }

    /// Appends a leaf hash; returns every subtree this completes, the leaf itself first
    /// (`(0, leaf_index, leaf_hash)`), to be persisted for proofs.
    pub fn append(&mut self, leaf_hash: Hash) -> Result<Vec<NewNode>, FrontierError> {
        if self.size >= MAX_SIZE {
            return Err(FrontierError::Full);
        }
        let mut out = vec![(0u8, self.size, leaf_hash)];
        let (mut h, mut level, mut index) = (leaf_hash, 0u8, self.size);
        while (self.size >> level) & 1 == 1 {
            let Some(left) = self.hashes.pop() else {
                return Err(FrontierError::Count { size: self.size, expected: self.size.count_ones() as usize, found: self.hashes.len() });
            };
            h = node_hash(&left, &h);
            level += 1;
            index >>= 1;
            out.push((level, index, h));
        }
        self.hashes.push(h);
        self.size += 1;
        Ok(out)
    }

    /// The tree root (`SHA-256("")` when empty).
    pub fn root(&self) -> Hash {
        let mut it = self.hashes.iter().rev();
        let Some(last) = it.next() else {
            return empty_root();
        };
        it.fold(*last, |acc, left| node_hash(left, &acc))
    }
}

/// An in-memory [`HashStore`] with its own frontier, for tests and tools.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    nodes: HashMap<(u8, u64), Hash>,
    frontier: Frontier,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a leaf hash and stores every completed subtree; returns the leaf index.
    pub fn append(&mut self, leaf_hash: Hash) -> Result<u64, FrontierError> {
        let index = self.frontier.size();
        for (level, i, h) in self.frontier.append(leaf_hash)? {
            self.nodes.insert((level, i), h);
        }
        Ok(index)
    }

    /// Stores one node (e.g. to load a store from elsewhere or to test tampering).
    pub fn insert(&mut self, level: u8, index: u64, hash: Hash) {
        self.nodes.insert((level, index), hash);
    }

    /// Removes one node (to test rebuilding and missing-node errors).
    pub fn remove(&mut self, level: u8, index: u64) -> Option<Hash> {
        self.nodes.remove(&(level, index))
    }

    pub fn size(&self) -> u64 {
        self.frontier.size()
    }

    pub fn root(&self) -> Hash {
        self.frontier.root()
    }

    pub fn frontier(&self) -> &Frontier {
        &self.frontier
    }
}

impl HashStore for MemoryStore {
    fn node(&self, level: u8, index: u64) -> Option<Hash> {
        self.nodes.get(&(level, index)).copied()
    }
}
