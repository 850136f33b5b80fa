use ed25519_dalek::Signer;
use grondslag_ledger::{
    CheckpointError, VerifierKey, b64_decode, b64_encode, checkpoint_body, key_id, open_checkpoint, sign_checkpoint, verify_checkpoint,
};
use proptest::prelude::*;

use super::common::{KEY_NAME, ORIGIN, sha, signing_key};

#[test]
fn note_bytes_key_id_and_verifier_key() {
    let key = signing_key(1);
    let root = sha(&[b"root"]);
    let note = sign_checkpoint(ORIGIN, 42, &root, KEY_NAME, &key).unwrap();
    let body = format!("{ORIGIN}\n42\n{}\n", b64_encode(&root));
    assert_eq!(checkpoint_body(ORIGIN, 42, &root).unwrap(), body);
    let vk = VerifierKey::from_signing_key(KEY_NAME, &key).unwrap();
    // Key id by hand: SHA-256(name ‖ "\n" ‖ 0x01 ‖ pubkey)[..4].
    let pubkey = key.verifying_key();
    let id = sha(&[KEY_NAME.as_bytes(), b"\n", &[1], pubkey.as_bytes()]);
    assert_eq!(vk.key_id(), [id[0], id[1], id[2], id[3]]);
    assert_eq!(key_id(KEY_NAME, &pubkey), vk.key_id());
    // Signature line by hand.
    let mut blob = vk.key_id().to_vec();
    blob.extend_from_slice(&key.sign(body.as_bytes()).to_bytes());
    assert_eq!(note, format!("{body}\n\u{2014} {KEY_NAME} {}\n", b64_encode(&blob)));
    // Verifier key string.
    let s = vk.to_string();
    let hex: String = vk.key_id().iter().map(|b| format!("{b:02x}")).collect();
    let mut raw = vec![1u8];
    raw.extend_from_slice(pubkey.as_bytes());
    assert_eq!(s, format!("{KEY_NAME}+{hex}+{}", b64_encode(&raw)));
    assert_eq!(VerifierKey::parse(&s).unwrap(), vk);
    let cp = verify_checkpoint(&note, &vk).unwrap();
    assert_eq!((cp.origin.as_str(), cp.size, cp.root), (ORIGIN, 42, root));
}

#[test]
fn verifier_key_parsing_is_strict() {
    let vk = VerifierKey::from_signing_key(KEY_NAME, &signing_key(1)).unwrap();
    let s = vk.to_string();
    let (name, rest) = s.split_once('+').unwrap();
    let (id, key) = rest.split_once('+').unwrap();
    for bad in [
        String::new(),
        name.to_owned(),
        format!("{name}+{id}"),
        format!("other+{id}+{key}"),
        format!("{name}+{}+{key}", "0".repeat(8)),
        format!("{name}+{id}0+{key}"),
        format!("{name}+{id}+{}", &key[1..]),
        format!("{name}+{id}+{}", b64_encode(&[2u8; 33])),
        format!("{name}+{id}+{}", b64_encode(&[1u8; 32])),
        format!("na me+{id}+{key}"),
    ] {
        assert!(VerifierKey::parse(&bad).is_err(), "{bad}");
    }
    assert!(VerifierKey::new("a+b", *vk.verifying_key()).is_err());
    assert!(VerifierKey::new("", *vk.verifying_key()).is_err());
}

#[test]
fn notes_are_parsed_strictly() {
    let key = signing_key(1);
    let vk = VerifierKey::from_signing_key(KEY_NAME, &key).unwrap();
    let note = sign_checkpoint(ORIGIN, 42, &[5u8; 32], KEY_NAME, &key).unwrap();
    let other = VerifierKey::from_signing_key("witness.example", &signing_key(2)).unwrap();
    // Unknown co-signatures are ignored; a known key that does not verify is an error.
    let witness = sign_checkpoint(ORIGIN, 42, &[5u8; 32], "witness.example", &signing_key(2)).unwrap();
    let wline = witness.rsplit_once("\n\n").unwrap().1;
    let both = format!("{note}{wline}");
    assert!(verify_checkpoint(&both, &vk).is_ok());
    let keys = [other.clone(), vk.clone()];
    let (_, k) = open_checkpoint(&both, &keys).unwrap();
    assert_eq!(k, &vk);
    assert_eq!(verify_checkpoint(&note, &other), Err(CheckpointError::NoKnownSignature));
    let forged = VerifierKey::from_signing_key(KEY_NAME, &signing_key(3)).unwrap();
    assert!(verify_checkpoint(&note, &forged).is_err());
    for bad in [
        note.replace("\n\n", "\n"),
        note.replacen("\n42\n", "\n042\n", 1),
        note.replacen("\n42\n", "\n+42\n", 1),
        note.replacen("\n42\n", "\n18446744073709551616\n", 1),
        note.replacen(ORIGIN, "", 1),
        note.replacen("\n42\n", "\n42\nextension\n", 1),
        note.replacen('\n', "\r\n", 1),
        note.trim_end().to_owned(),
        note.replace('\u{2014}', "-"),
        format!("{note}\n"),
        String::new(),
        "\n\n".to_owned(),
    ] {
        assert!(verify_checkpoint(&bad, &vk).is_err(), "{bad:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Arbitrary text never panics and never verifies.
    #[test]
    fn arbitrary_notes_do_not_verify(text in ".{0,300}") {
        let vk = VerifierKey::from_signing_key(KEY_NAME, &signing_key(1)).unwrap();
        prop_assert!(verify_checkpoint(&text, &vk).is_err());
        let _ = VerifierKey::parse(&text);
    }

    /// Any flipped bit in the body or the signature fails verification.
    #[test]
    fn flipped_bits_fail(size in any::<u64>(), root in any::<[u8; 32]>(), at in any::<usize>(), bit in 0u8..8) {
        let key = signing_key(1);
        let vk = VerifierKey::from_signing_key(KEY_NAME, &key).unwrap();
        let note = sign_checkpoint(ORIGIN, size, &root, KEY_NAME, &key).unwrap();
        prop_assert!(verify_checkpoint(&note, &vk).is_ok());
        // Flip a bit of the signature blob (decoded) and re-encode.
        let (body, line) = note.rsplit_once("\n\n").unwrap();
        let sig_b64 = line.trim_end().rsplit_once(' ').unwrap().1;
        let mut blob = b64_decode(sig_b64).unwrap();
        let i = at % blob.len();
        blob[i] ^= 1 << bit;
        let tampered = format!("{body}\n\n\u{2014} {KEY_NAME} {}\n", b64_encode(&blob));
        prop_assert!(verify_checkpoint(&tampered, &vk).is_err());
        // Flip a bit of the body bytes.
        let mut bytes = note.clone().into_bytes();
        let j = at % (body.len() + 1);
        bytes[j] ^= 1 << bit;
        if let Ok(t) = String::from_utf8(bytes) {
            prop_assert!(verify_checkpoint(&t, &vk).is_err());
        }
    }
}
