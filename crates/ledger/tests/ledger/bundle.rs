//! Bundle verification: round trip, and every kind of tampering names the right entry.

use grondslag_ledger::{
    Bundle, BundleConsistency, CheckpointError, EntryFault, VerifierKey, VerifyError, b64_decode, b64_encode, verify_bundle,
    verify_bundle_with_keys,
};
use proptest::prelude::*;
use serde_json::json;

use super::common::{KEY_NAME, ORIGIN, Org, org_with, uuid};

/// Pattern: which dossier (0..3) each appended entry belongs to; dossier 0 is bundled.
fn pattern() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(0u8..3, 1..40).prop_filter("dossier 0 needs an entry", |p| p.contains(&0))
}

fn dossier0() -> String {
    uuid(0x100, 1)
}

fn entry_err(r: Result<grondslag_ledger::BundleReport, VerifyError>) -> (usize, u64, EntryFault) {
    match r {
        Err(VerifyError::Entry { position, leaf_index, fault, .. }) => (position, leaf_index, fault),
        other => panic!("expected an entry error, got {other:?}"),
    }
}

#[test]
fn valid_bundle_verifies_and_reports() {
    let mut org = org_with(1, &[0, 1, 0, 2, 2, 0, 1, 0]);
    let old_size = org.store.size();
    org.record(&uuid(0x101, 1), "decision", json!({"a": 1}));
    let mut b = org.bundle(&dossier0(), &[2]);
    b.consistency.push(BundleConsistency::build(&org.store, old_size, org.store.size()).unwrap());
    let r = verify_bundle(&b).unwrap();
    assert_eq!((r.tree_size, r.entries, r.last_seq, r.payloads_verified, r.payloads_absent), (9, 4, 4, 3, 1));
    assert_eq!(r.origin, ORIGIN);
    assert_eq!(r.dossier, dossier0());
    assert_eq!(r.consistent_with, vec![8]);
    assert_eq!(r.key.name(), KEY_NAME);
    // JSON round trip.
    let text = b.to_json().unwrap();
    assert_eq!(Bundle::from_json(&text).unwrap(), b);
    // Pinned keys: the right one verifies, another does not.
    assert!(verify_bundle_with_keys(&b, &[org.verifier()]).is_ok());
    let other = VerifierKey::from_signing_key(KEY_NAME, &super::common::signing_key(9)).unwrap();
    assert!(matches!(verify_bundle_with_keys(&b, &[other]), Err(VerifyError::Checkpoint(_))));
}

#[test]
fn bundle_level_errors() {
    let org = org_with(1, &[0, 1, 0]);
    let good = org.bundle(&dossier0(), &[]);
    let mut b = good.clone();
    b.format = "grondslag-bundle/2".into();
    assert!(matches!(verify_bundle(&b), Err(VerifyError::Format(_))));
    let mut b = good.clone();
    b.keys.clear();
    assert_eq!(verify_bundle(&b), Err(VerifyError::NoKeys));
    let mut b = good.clone();
    b.keys[0].push('x');
    assert!(matches!(verify_bundle(&b), Err(VerifyError::Key { index: 0, .. })));
    let mut b = good.clone();
    b.origin = "elders".into();
    assert!(matches!(verify_bundle(&b), Err(VerifyError::Origin { .. })));
    let mut b = good.clone();
    b.entries.clear();
    b.inclusion_proofs.clear();
    assert_eq!(verify_bundle(&b), Err(VerifyError::NoEntries));
    let mut b = good.clone();
    b.inclusion_proofs.pop();
    assert_eq!(entry_err(verify_bundle(&b)).2, EntryFault::ProofMissing);
    let mut b = good.clone();
    b.inclusion_proofs.push(b.inclusion_proofs[0].clone());
    assert!(matches!(verify_bundle(&b), Err(VerifyError::ProofCount { proofs: 3, entries: 2 })));
    let mut b = good.clone();
    b.entries[1].salt = None;
    assert_eq!(entry_err(verify_bundle(&b)), (1, 2, EntryFault::PayloadHalf));
    let mut b = good.clone();
    b.entries[1].payload = Some(json!({"answer": "nee", "n": 2}));
    assert_eq!(entry_err(verify_bundle(&b)), (1, 2, EntryFault::Commitment));
    assert_eq!(verify_bundle(&b).unwrap_err().to_string(), "entry 2 (leaf 2): inhoud past niet bij de vastgelegde commitment");
    let mut b = good.clone();
    b.entries[0].leaf_index = 1;
    assert_eq!(entry_err(verify_bundle(&b)).2, EntryFault::ProofIndex { found: 0 });
    assert!(Bundle::from_json("{\"format\":1}").is_err());
    assert!(Bundle::from_json(&good.to_json().unwrap().replacen("\"origin\"", "\"extra\":1,\"origin\"", 1)).is_err());
}

/// A payload that shows a reader one value and the verifier another: a repeated key inside a
/// committed payload (where serde_json would silently keep the last) is refused before parsing.
#[test]
fn a_repeated_key_in_a_payload_is_refused() {
    let org = org_with(1, &[0, 0]);
    let good = org.bundle(&dossier0(), &[]);
    let text = good.to_json().unwrap();
    assert!(text.contains("\"payload\": {"), "the fixture has payloads");
    let forged = text.replacen("\"payload\": {", "\"payload\": {\"answer\": \"nee\",", 1);
    let err = Bundle::from_json(&forged).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("twee keer"), "{err}");
}

#[test]
fn erased_content_still_verifies() {
    let org = org_with(1, &[0, 0, 0]);
    let r = verify_bundle(&org.bundle(&dossier0(), &[1, 2, 3])).unwrap();
    assert_eq!((r.payloads_verified, r.payloads_absent), (0, 3));
}

/// The tail can be cut without detection from this bundle alone: only an earlier receipt or
/// bundle (with its inclusion proof) shows that the later entry existed. See docs/ledger.md.
#[test]
fn truncated_tail_is_not_detectable_from_the_bundle_alone() {
    let org = org_with(1, &[0, 1, 0, 0]);
    let mut b = org.bundle(&dossier0(), &[]);
    b.entries.pop();
    b.inclusion_proofs.pop();
    assert!(verify_bundle(&b).is_ok());
}

#[test]
fn a_validly_signed_wrong_root_fails_at_the_first_entry() {
    let org = org_with(1, &[1, 0, 0]);
    let mut b = org.bundle(&dossier0(), &[]);
    b.checkpoint = grondslag_ledger::sign_checkpoint(ORIGIN, 3, &[0u8; 32], KEY_NAME, &org.key).unwrap();
    let (pos, leaf, fault) = entry_err(verify_bundle(&b));
    assert_eq!((pos, leaf), (0, 1));
    assert!(matches!(fault, EntryFault::Inclusion(_)));
    assert_eq!(
        verify_bundle(&b).unwrap_err().to_string(),
        "entry 1 (leaf 1): inclusiebewijs klopt niet (bewijs komt niet uit op de verwachte root)"
    );
}

fn flip_b64(s: &str, at: usize, bit: u8) -> String {
    let mut bytes = b64_decode(s).unwrap();
    let i = at % bytes.len();
    bytes[i] ^= 1 << (bit % 8);
    b64_encode(&bytes)
}

fn positions(org: &Org) -> usize {
    org.recorded.iter().filter(|r| r.dossier == dossier0()).count()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn round_trip(p in pattern()) {
        let org = org_with(1, &p);
        let b = org.bundle(&dossier0(), &[]);
        let r = verify_bundle(&b).unwrap();
        prop_assert_eq!(r.entries, positions(&org));
        prop_assert_eq!(r.tree_size, p.len() as u64);
        let again = Bundle::from_json(&b.to_json().unwrap()).unwrap();
        prop_assert!(verify_bundle(&again).is_ok());
    }

    /// A flipped bit (kept ASCII) anywhere in one body names that entry.
    #[test]
    fn flipped_body_byte_names_the_entry(p in pattern(), pick in any::<usize>(), at in any::<usize>(), bit in 0u8..7) {
        let org = org_with(1, &p);
        let mut b = org.bundle(&dossier0(), &[]);
        let i = pick % b.entries.len();
        let mut bytes = b.entries[i].body_jcs.clone().into_bytes();
        let j = at % bytes.len();
        bytes[j] ^= 1 << bit;
        b.entries[i].body_jcs = String::from_utf8(bytes).unwrap();
        let leaf = b.entries[i].leaf_index;
        let (pos, l, _) = entry_err(verify_bundle(&b));
        prop_assert_eq!((pos, l), (i, leaf));
    }

    /// A flipped bit in a proof hash names that entry.
    #[test]
    fn flipped_proof_hash_names_the_entry(p in pattern(), pick in any::<usize>(), h in any::<usize>(), at in any::<usize>(), bit in any::<u8>()) {
        let org = org_with(1, &p);
        let mut b = org.bundle(&dossier0(), &[]);
        let i = pick % b.entries.len();
        let hashes = &mut b.inclusion_proofs[i].hashes;
        prop_assume!(!hashes.is_empty());
        let k = h % hashes.len();
        hashes[k] = flip_b64(&hashes[k], at, bit);
        let leaf = b.entries[i].leaf_index;
        let (pos, l, fault) = entry_err(verify_bundle(&b));
        prop_assert_eq!((pos, l), (i, leaf));
        prop_assert!(matches!(fault, EntryFault::Inclusion(_)));
    }

    /// A flipped bit in the checkpoint's root or signature fails the checkpoint.
    #[test]
    fn flipped_root_or_signature_fails(p in pattern(), at in any::<usize>(), bit in any::<u8>(), which in any::<bool>()) {
        let org = org_with(1, &p);
        let mut b = org.bundle(&dossier0(), &[]);
        let lines: Vec<&str> = b.checkpoint.split('\n').collect();
        let mut lines: Vec<String> = lines.into_iter().map(str::to_owned).collect();
        if which {
            lines[2] = flip_b64(&lines[2], at, bit);
        } else {
            let (head, sig) = lines[4].rsplit_once(' ').unwrap();
            lines[4] = format!("{head} {}", flip_b64(sig, at, bit));
        }
        b.checkpoint = lines.join("\n");
        prop_assert!(matches!(verify_bundle(&b), Err(VerifyError::Checkpoint(CheckpointError::BadSignature(_) | CheckpointError::NoKnownSignature))));
    }

    /// Reordering, deleting (not the last) or inserting an entry fails at that position.
    #[test]
    fn reorder_delete_insert_fail(p in pattern(), a in any::<usize>(), c in any::<usize>(), op in 0u8..4) {
        let org = org_with(1, &p);
        let mut b = org.bundle(&dossier0(), &[]);
        let n = b.entries.len();
        let i = a % n;
        let expected_pos = match op {
            0 => {
                // swap i and j (entries together with their proofs)
                prop_assume!(n >= 2);
                let j = (i + 1 + c % (n - 1)) % n;
                b.entries.swap(i, j);
                b.inclusion_proofs.swap(i, j);
                i.min(j)
            }
            1 => {
                prop_assume!(n >= 2 && i + 1 < n);
                b.entries.remove(i);
                b.inclusion_proofs.remove(i);
                i
            }
            2 => {
                // duplicate entry i right after itself
                let (e, pr) = (b.entries[i].clone(), b.inclusion_proofs[i].clone());
                b.entries.insert(i + 1, e);
                b.inclusion_proofs.insert(i + 1, pr);
                i + 1
            }
            _ => {
                // splice in another dossier's entry with its valid proof
                let other = org.bundle(&uuid(0x101, 1), &[]);
                prop_assume!(!other.entries.is_empty());
                let k = c % other.entries.len();
                b.entries.insert(i, other.entries[k].clone());
                b.inclusion_proofs.insert(i, other.inclusion_proofs[k].clone());
                // A first entry of another dossier at the front makes the bundle about that
                // dossier (the report names it); the first real entry then fails.
                if i == 0 && k == 0 { 1 } else { i }
            }
        };
        let (pos, _, fault) = entry_err(verify_bundle(&b));
        prop_assert_eq!(pos, expected_pos);
        prop_assert!(matches!(fault, EntryFault::Chain(_) | EntryFault::LeafOrder { .. }), "{:?}", fault);
    }

    /// Consistency from any earlier size verifies; a forged one fails.
    #[test]
    fn bundle_consistency(p in pattern(), m in any::<u64>(), at in any::<usize>(), bit in any::<u8>()) {
        let org = org_with(1, &p);
        let n = org.store.size();
        let old = 1 + m % n;
        let mut b = org.bundle(&dossier0(), &[]);
        b.consistency.push(BundleConsistency::build(&org.store, old, n).unwrap());
        prop_assert!(verify_bundle(&b).is_ok());
        let c = &mut b.consistency[0];
        if c.proof.is_empty() {
            c.old_root = flip_b64(&c.old_root, at, bit);
        } else {
            let k = at % c.proof.len();
            c.proof[k] = flip_b64(&c.proof[k], at / 7, bit);
        }
        let is_consistency_error = matches!(verify_bundle(&b), Err(VerifyError::Consistency { index: 0, .. }));
        prop_assert!(is_consistency_error);
    }
}
