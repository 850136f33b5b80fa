//! The Merkle tree against hand-computed trees and against ct-merkle as an oracle.

use ct_merkle::mem_backed_tree::MemoryBackedTree;
use grondslag_ledger::{
    Frontier, FrontierError, Hash, HashStore, MemoryStore, ProofError, consistency_proof, empty_root, inclusion_proof, leaf_hash_of,
    node_hash, root_at, verify_consistency, verify_inclusion,
};
use proptest::prelude::*;
use sha2::{Digest, Sha256};

fn leaf(i: u64) -> Vec<u8> {
    format!("leaf {i}").into_bytes()
}

fn store_of(n: u64) -> MemoryStore {
    let mut s = MemoryStore::new();
    for i in 0..n {
        s.append(leaf_hash_of(&leaf(i))).unwrap();
    }
    s
}

fn hex(h: &[u8]) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn empty_tree_root_is_sha256_of_nothing() {
    assert_eq!(hex(&empty_root()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_eq!(Frontier::new().root(), empty_root());
    assert_eq!(root_at(&MemoryStore::new(), 0).unwrap(), empty_root());
}

#[test]
fn small_trees_by_hand() {
    let l: Vec<Hash> = (0..7).map(|i| Sha256::new_with_prefix([0u8]).chain_update(leaf(i)).finalize().into()).collect();
    let p = |a: &Hash, b: &Hash| -> Hash { Sha256::new_with_prefix([1u8]).chain_update(a).chain_update(b).finalize().into() };
    let s = store_of(7);
    assert_eq!(root_at(&s, 1).unwrap(), l[0]);
    assert_eq!(root_at(&s, 2).unwrap(), p(&l[0], &l[1]));
    assert_eq!(root_at(&s, 3).unwrap(), p(&p(&l[0], &l[1]), &l[2]));
    let h01 = p(&l[0], &l[1]);
    let h23 = p(&l[2], &l[3]);
    let h45 = p(&l[4], &l[5]);
    assert_eq!(root_at(&s, 4).unwrap(), p(&h01, &h23));
    assert_eq!(root_at(&s, 5).unwrap(), p(&p(&h01, &h23), &l[4]));
    assert_eq!(root_at(&s, 7).unwrap(), p(&p(&h01, &h23), &p(&h45, &l[6])));
    assert_eq!(s.root(), root_at(&s, 7).unwrap());
    // RFC 9162 §2.1.5 example shapes, tree of 7 leaves (a..g): path for d0 is [b, h(c,d), h(e,f,g)].
    assert_eq!(inclusion_proof(&s, 7, 0).unwrap(), vec![l[1], h23, p(&h45, &l[6])]);
    // path for d3 is [c, h(a,b), h(e,f,g)]; for d4 is [f, g, h(a,b,c,d)]; for d6 is [h(e,f), h(a,b,c,d)].
    assert_eq!(inclusion_proof(&s, 7, 3).unwrap(), vec![l[2], h01, p(&h45, &l[6])]);
    assert_eq!(inclusion_proof(&s, 7, 4).unwrap(), vec![l[5], l[6], p(&h01, &h23)]);
    assert_eq!(inclusion_proof(&s, 7, 6).unwrap(), vec![h45, p(&h01, &h23)]);
    // Consistency (RFC 9162 §2.1.5): 3→7 is [c, d, h(a,b), h(e,f,g)]; 4→7 is [h(e,f,g)]; 6→7 is [h(e,f), g, h(a,b,c,d)].
    assert_eq!(consistency_proof(&s, 3, 7).unwrap(), vec![l[2], l[3], h01, p(&h45, &l[6])]);
    assert_eq!(consistency_proof(&s, 4, 7).unwrap(), vec![p(&h45, &l[6])]);
    assert_eq!(consistency_proof(&s, 6, 7).unwrap(), vec![h45, l[6], p(&h01, &h23)]);
    assert_eq!(consistency_proof(&s, 7, 7).unwrap(), Vec::<Hash>::new());
}

#[test]
fn frontier_appends_report_completed_subtrees() {
    let mut f = Frontier::new();
    let l: Vec<Hash> = (0..4).map(|i| leaf_hash_of(&leaf(i))).collect();
    assert_eq!(f.append(l[0]).unwrap(), vec![(0, 0, l[0])]);
    assert_eq!(f.append(l[1]).unwrap(), vec![(0, 1, l[1]), (1, 0, node_hash(&l[0], &l[1]))]);
    assert_eq!(f.append(l[2]).unwrap(), vec![(0, 2, l[2])]);
    let n = f.append(l[3]).unwrap();
    assert_eq!(n.len(), 3);
    assert_eq!(n[2], (2, 0, node_hash(&node_hash(&l[0], &l[1]), &node_hash(&l[2], &l[3]))));
    assert_eq!(f.hashes().len(), 1);
}

#[test]
fn frontier_round_trips_through_bytes_and_store() {
    let s = store_of(45);
    let f = s.frontier().clone();
    assert_eq!(f.hashes().len(), 45u64.count_ones() as usize);
    assert_eq!(Frontier::from_bytes(45, &f.to_bytes()).unwrap(), f);
    assert_eq!(Frontier::from_store(&s, 45).unwrap(), f);
    assert_eq!(Frontier::from_store(&s, 13).unwrap().root(), root_at(&s, 13).unwrap());
    assert!(matches!(Frontier::from_bytes(44, &f.to_bytes()), Err(FrontierError::Count { .. })));
    assert!(matches!(Frontier::from_bytes(45, &f.to_bytes()[1..]), Err(FrontierError::Bytes)));
}

#[test]
fn missing_inner_nodes_are_rebuilt_missing_leaves_are_errors() {
    let mut s = store_of(13);
    let root = s.root();
    s.remove(2, 0);
    s.remove(3, 0);
    assert_eq!(root_at(&s, 13).unwrap(), root);
    assert_eq!(inclusion_proof(&s, 13, 12).unwrap(), inclusion_proof(&store_of(13), 13, 12).unwrap());
    s.remove(0, 12);
    assert_eq!(root_at(&s, 13), Err(ProofError::MissingNode { level: 0, index: 12 }));
}

#[test]
fn proof_arguments_are_checked() {
    let s = store_of(5);
    assert_eq!(inclusion_proof(&s, 0, 0), Err(ProofError::EmptyTree));
    assert_eq!(inclusion_proof(&s, 5, 5), Err(ProofError::IndexOutOfRange { index: 5, size: 5 }));
    assert_eq!(consistency_proof(&s, 0, 5), Err(ProofError::OldSizeZero));
    assert_eq!(consistency_proof(&s, 6, 5), Err(ProofError::OldSizeLarger { old: 6, new: 5 }));
    let r = s.root();
    assert!(verify_inclusion(&r, 0, 0, &[], &r).is_err());
    assert!(verify_inclusion(&r, u64::MAX, u64::MAX, &[], &r).is_err());
    assert!(verify_consistency(0, 5, &r, &r, &[]).is_err());
    assert!(verify_consistency(5, 5, &r, &r, &[]).is_ok());
    assert!(verify_consistency(5, 5, &r, &r, &[r]).is_err());
    assert!(verify_consistency(4, 5, &r, &r, &[]).is_err());
    assert!(verify_consistency(u64::MAX - 1, u64::MAX, &r, &r, &[r; 70]).is_err());
}

fn oracle(n: u64) -> MemoryBackedTree<Sha256, Vec<u8>> {
    let mut t = MemoryBackedTree::new();
    for i in 0..n {
        t.push(leaf(i));
    }
    t
}

#[test]
fn agrees_with_ct_merkle_on_every_small_tree() {
    let s = store_of(40);
    for n in 1..=40u64 {
        let t = oracle(n);
        assert_eq!(root_at(&s, n).unwrap().as_slice(), t.root().as_bytes().as_slice(), "root {n}");
        for i in 0..n {
            let ours = inclusion_proof(&s, n, i).unwrap();
            let theirs = t.prove_inclusion(usize::try_from(i).unwrap());
            assert_eq!(ours.concat(), theirs.as_bytes(), "inclusion {i} in {n}");
            verify_inclusion(&leaf_hash_of(&leaf(i)), i, n, &ours, &root_at(&s, n).unwrap()).unwrap();
        }
        for m in 1..n {
            let ours = consistency_proof(&s, m, n).unwrap();
            let theirs = t.prove_consistency(usize::try_from(n - m).unwrap());
            assert_eq!(ours.concat(), theirs.as_bytes(), "consistency {m}→{n}");
            verify_consistency(m, n, &root_at(&s, m).unwrap(), &root_at(&s, n).unwrap(), &ours).unwrap();
        }
    }
}

fn flip(proof: &mut [Hash], at: usize, bit: u8) {
    let total = proof.len() * 32;
    let at = at % total;
    proof[at / 32][at % 32] ^= 1 << (bit % 8);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Random trees: our roots and proofs equal ct-merkle's and verify; any flipped bit fails.
    #[test]
    fn random_trees_round_trip(leaves in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..40), 1..150), pick in any::<u64>(), at in any::<usize>(), bit in any::<u8>()) {
        let n = leaves.len() as u64;
        let mut s = MemoryStore::new();
        let mut t: MemoryBackedTree<Sha256, Vec<u8>> = MemoryBackedTree::new();
        for l in &leaves {
            s.append(leaf_hash_of(l)).unwrap();
            t.push(l.clone());
        }
        let root = s.root();
        let oracle_root = t.root();
        prop_assert_eq!(root.as_slice(), oracle_root.as_bytes().as_slice());
        prop_assert_eq!(root_at(&s, n).unwrap(), root);
        let i = pick % n;
        let lh = leaf_hash_of(&leaves[usize::try_from(i).unwrap()]);
        let mut proof = inclusion_proof(&s, n, i).unwrap();
        prop_assert_eq!(proof.concat(), t.prove_inclusion(usize::try_from(i).unwrap()).as_bytes().to_vec());
        prop_assert!(verify_inclusion(&lh, i, n, &proof, &root).is_ok());
        // Wrong index, wrong size, wrong root, truncated or extended proofs fail.
        // (Equal leaves at both places make the same proof valid at either: that is not a forgery.)
        let j = (i + 1) % n;
        if n > 1 && leaves[usize::try_from(j).unwrap()] != leaves[usize::try_from(i).unwrap()] {
            prop_assert!(verify_inclusion(&lh, j, n, &proof, &root).is_err());
        }
        let mut bad_root = root;
        bad_root[usize::from(bit) % 32] ^= 1;
        prop_assert!(verify_inclusion(&lh, i, n, &proof, &bad_root).is_err());
        let mut longer = proof.clone();
        longer.push(root);
        prop_assert!(verify_inclusion(&lh, i, n, &longer, &root).is_err());
        if !proof.is_empty() {
            prop_assert!(verify_inclusion(&lh, i, n, &proof[..proof.len() - 1], &root).is_err());
            flip(&mut proof, at, bit);
            prop_assert!(verify_inclusion(&lh, i, n, &proof, &root).is_err());
        }
    }

    /// Consistency between any two sizes verifies, agrees with ct-merkle, and a forged one fails.
    #[test]
    fn consistency_between_any_two_sizes(n in 1u64..200, a in any::<u64>(), at in any::<usize>(), bit in any::<u8>()) {
        let s = store_of(n);
        let m = 1 + a % n;
        let (old, new) = (root_at(&s, m).unwrap(), root_at(&s, n).unwrap());
        let mut proof = consistency_proof(&s, m, n).unwrap();
        prop_assert!(verify_consistency(m, n, &old, &new, &proof).is_ok());
        if m < n {
            prop_assert_eq!(proof.concat(), oracle(n).prove_consistency(usize::try_from(n - m).unwrap()).as_bytes().to_vec());
            let mut forged_old = old;
            forged_old[usize::from(bit) % 32] ^= 1;
            prop_assert!(verify_consistency(m, n, &forged_old, &new, &proof).is_err());
            let mut forged_new = new;
            forged_new[usize::from(bit) % 32] ^= 1;
            prop_assert!(verify_consistency(m, n, &old, &forged_new, &proof).is_err());
            // A different (fork) tree of the same size is not consistent.
            let mut fork = store_of(m);
            fork.append(leaf_hash_of(b"forged")).unwrap();
            for i in m + 1..n {
                fork.append(leaf_hash_of(&leaf(i))).unwrap();
            }
            prop_assert!(verify_consistency(m, n, &old, &fork.root(), &proof).is_err());
            flip(&mut proof, at, bit);
            prop_assert!(verify_consistency(m, n, &old, &new, &proof).is_err());
        }
        if m > 1 {
            prop_assert!(verify_consistency(m - 1, n, &old, &new, &consistency_proof(&s, m, n).unwrap()).is_err());
        }
    }
}

#[test]
fn store_trait_object_works() {
    let s = store_of(3);
    let d: &dyn HashStore = &s;
    assert_eq!(root_at(d, 3).unwrap(), s.root());
}
