//! Published test vectors (`tests/vectors/*.json`): generated deterministically here, checked
//! against the committed files (set `GRONDSLAG_UPDATE_VECTORS=1` to rewrite them after an
//! intentional format change), and verified with their expected outcome.

use std::collections::BTreeMap;
use std::path::PathBuf;

use grondslag_ledger::{Bundle, BundleConsistency, b64_decode, b64_encode, verify_bundle};
use serde_json::{Value, json};

use super::common::{Org, uuid};

fn dir() -> PathBuf {
    PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned()))
        .join("tests")
        .join("vectors")
}

/// Dossier A (`00000100-…-000000000001`) has five entries among those of two other dossiers.
fn valid() -> Bundle {
    let mut org = Org::new(1);
    let (a, b, c) = (uuid(0x100, 1), uuid(0x101, 1), uuid(0x102, 1));
    org.record(&a, "deliberation", json!({"question": "Mag ik delen met de huisarts?", "route": "consent"}));
    org.record(&b, "deliberation", json!({"question": "Meldrecht?"}));
    org.record(&a, "consent", json!({"answer": "ja", "given_by": "client"}));
    org.record(&c, "decision", json!({"outcome": "may_not_share"}));
    org.record(&a, "decision", json!({"outcome": "may_share", "reason": "toestemming van de cliënt"}));
    org.record(&b, "decision", json!({"outcome": "may_share_after_weighing"}));
    let old_size = org.store.size();
    org.record(&b, "disclosure", json!({"to": "Veilig Thuis"}));
    org.record(&a, "disclosure", json!({"data": ["diagnose"], "to": "huisarts"}));
    org.record(&c, "deliberation", json!({"question": "Conflict van plichten?"}));
    org.record(&a, "consent.revocation", json!({"answer": "ingetrokken"}));
    // The content of seq 2 (the consent) has been erased: only its commitment remains.
    let mut bundle = org.bundle(&a, &[2]);
    bundle.consistency.push(BundleConsistency::build(&org.store, old_size, org.store.size()).unwrap());
    bundle
}

fn flip_sig(note: &str) -> String {
    let (body, line) = note.rsplit_once("\n\n").unwrap();
    let (head, sig) = line.trim_end().rsplit_once(' ').unwrap();
    let mut blob = b64_decode(sig).unwrap();
    blob[40] ^= 0x01;
    format!("{body}\n\n{head} {}\n", b64_encode(&blob))
}

fn generate() -> BTreeMap<String, String> {
    let good = valid();
    let mut files = BTreeMap::new();
    let mut expected = serde_json::Map::new();
    let mut add = |name: &str, b: &Bundle, outcome: Value| {
        files.insert(name.to_owned(), b.to_json().unwrap() + "\n");
        expected.insert(name.to_owned(), outcome);
    };
    let r = verify_bundle(&good).unwrap();
    add(
        "valid.json",
        &good,
        json!({"ok": true, "tree_size": r.tree_size, "entries": r.entries, "last_seq": r.last_seq,
               "payloads_verified": r.payloads_verified, "payloads_absent": r.payloads_absent,
               "consistent_with": r.consistent_with, "dossier": r.dossier, "key": r.key.to_string()}),
    );
    let mut tampered = |name: &str, f: &dyn Fn(&mut Bundle)| {
        let mut b = good.clone();
        f(&mut b);
        let err = verify_bundle(&b).unwrap_err().to_string();
        add(name, &b, json!({"ok": false, "error": err}));
    };
    tampered("changed-body.json", &|b| b.entries[2].body_jcs = b.entries[2].body_jcs.replacen("T12:", "T13:", 1));
    tampered("changed-payload.json", &|b| {
        b.entries[2].payload = Some(json!({"outcome": "must_share", "reason": "toestemming van de cliënt"}))
    });
    tampered("deleted-entry.json", &|b| {
        b.entries.remove(1);
        b.inclusion_proofs.remove(1);
    });
    tampered("reordered-entries.json", &|b| {
        b.entries.swap(1, 3);
        b.inclusion_proofs.swap(1, 3);
    });
    tampered("bad-signature.json", &|b| b.checkpoint = flip_sig(&b.checkpoint));
    tampered("bad-consistency.json", &|b| b.consistency[0].old_root = b64_encode(&[0u8; 32]));
    let text = serde_json::to_string_pretty(&Value::Object(expected)).unwrap() + "\n";
    files.insert("expected.json".to_owned(), text);
    files
}

#[test]
fn vectors_are_up_to_date() {
    let files = generate();
    // Deterministic: a second run gives the same bytes.
    assert_eq!(files, generate());
    if std::env::var_os("GRONDSLAG_UPDATE_VECTORS").is_some() {
        std::fs::create_dir_all(dir()).unwrap();
        for (name, text) in &files {
            std::fs::write(dir().join(name), text).unwrap();
        }
    }
    for (name, text) in &files {
        let on_disk = std::fs::read_to_string(dir().join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}; regenerate with GRONDSLAG_UPDATE_VECTORS=1 cargo test -p grondslag-ledger"));
        assert!(on_disk == *text, "tests/vectors/{name} changed: the ledger format is a contract; regenerate only on purpose");
    }
}

#[test]
fn vectors_verify_as_expected() {
    let expected: BTreeMap<String, Value> = serde_json::from_str(&std::fs::read_to_string(dir().join("expected.json")).unwrap()).unwrap();
    assert_eq!(expected.len(), 7);
    for (name, want) in expected {
        let bundle = Bundle::from_json(&std::fs::read_to_string(dir().join(&name)).unwrap()).unwrap();
        match verify_bundle(&bundle) {
            Ok(r) => {
                assert_eq!(want["ok"], json!(true), "{name}");
                assert_eq!(want["tree_size"], json!(r.tree_size), "{name}");
                assert_eq!(want["entries"], json!(r.entries), "{name}");
            }
            Err(e) => assert_eq!(want["error"], json!(e.to_string()), "{name}"),
        }
    }
}
