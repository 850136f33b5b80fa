//! A deterministic organisation log for tests and test vectors.

use std::collections::HashMap;

use ed25519_dalek::SigningKey;
use grondslag_ledger::{
    Actor, Bundle, BundleEntry, ChainHead, Entry, MemoryStore, NewEntry, RulesRef, VerifierKey, b64_encode, commitment, next_body,
    sign_checkpoint, ts_from_unix_millis,
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

pub const ORIGIN: &str = "zorgbesluit.example.nl/org/00000001-0000-4000-8000-000000000000";
pub const KEY_NAME: &str = "zorgbesluit.example.nl";
pub const ORG: &str = "00000001-0000-4000-8000-000000000000";

pub fn uuid(a: u32, b: u64) -> String {
    format!("{a:08x}-0000-4000-8000-{b:012x}")
}

pub fn sha(parts: &[&[u8]]) -> [u8; 32] {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

pub fn signing_key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&sha(&[b"grondslag test key", &[seed]]))
}

pub struct Recorded {
    pub dossier: String,
    pub leaf_index: u64,
    pub entry: Entry,
    pub payload: Value,
    pub salt: [u8; 32],
}

pub struct Org {
    pub store: MemoryStore,
    pub key: SigningKey,
    pub heads: HashMap<String, ChainHead>,
    pub recorded: Vec<Recorded>,
    pub clock_ms: i64,
}

impl Org {
    pub fn new(seed: u8) -> Self {
        Self { store: MemoryStore::new(), key: signing_key(seed), heads: HashMap::new(), recorded: Vec::new(), clock_ms: 1_795_435_200_000 }
    }

    pub fn verifier(&self) -> VerifierKey {
        VerifierKey::from_signing_key(KEY_NAME, &self.key).unwrap()
    }

    /// Records one entry; payload keys should be written in sorted order (see vectors).
    pub fn record(&mut self, dossier: &str, kind: &str, payload: Value) -> u64 {
        self.clock_ms += 61_123;
        let leaf_index = self.store.size();
        let salt = sha(&[b"salt", &leaf_index.to_be_bytes()]);
        let head = self.heads.get(dossier).copied();
        let body = next_body(
            head.as_ref(),
            NewEntry {
                org: ORG.to_owned(),
                dossier: dossier.to_owned(),
                ts: ts_from_unix_millis(self.clock_ms).unwrap(),
                actor: Actor { user: uuid(7, leaf_index % 3), role: "jeugdprofessional".to_owned(), on_behalf_of: None },
                kind: kind.to_owned(),
                rules: Some(RulesRef {
                    set: "beroepsgeheim-jeugd".to_owned(),
                    version: "2026.3".to_owned(),
                    sha256: sha(&[b"rules"]).iter().map(|x| format!("{x:02x}")).collect(),
                }),
                corrects: None,
                payload_commitment: commitment(&salt, &payload).unwrap(),
            },
        );
        let entry = Entry::new(body).unwrap();
        assert_eq!(self.store.append(entry.leaf_hash()).unwrap(), leaf_index);
        self.heads.insert(dossier.to_owned(), entry.head());
        self.recorded.push(Recorded { dossier: dossier.to_owned(), leaf_index, entry, payload, salt });
        leaf_index
    }

    pub fn checkpoint_at(&self, size: u64) -> String {
        let root = grondslag_ledger::root_at(&self.store, size).unwrap();
        sign_checkpoint(ORIGIN, size, &root, KEY_NAME, &self.key).unwrap()
    }

    /// A bundle for `dossier` against the current tree; `erased` lists seqs whose content is gone.
    pub fn bundle(&self, dossier: &str, erased: &[u64]) -> Bundle {
        let entries = self
            .recorded
            .iter()
            .filter(|r| r.dossier == dossier)
            .map(|r| {
                let gone = erased.contains(&r.entry.body().seq);
                BundleEntry {
                    leaf_index: r.leaf_index,
                    body_jcs: r.entry.jcs().to_owned(),
                    payload: (!gone).then(|| r.payload.clone()),
                    salt: (!gone).then(|| b64_encode(&r.salt)),
                }
            })
            .collect();
        let size = self.store.size();
        Bundle::assemble(ORIGIN, self.checkpoint_at(size), size, entries, &self.store, &[self.verifier()]).unwrap()
    }
}

/// An organisation with `dossiers` dossiers whose entries are interleaved by `pattern`.
pub fn org_with(seed: u8, pattern: &[u8]) -> Org {
    let mut org = Org::new(seed);
    for (i, d) in pattern.iter().enumerate() {
        let kind = ["deliberation", "decision", "consent", "disclosure"][i % 4];
        org.record(&uuid(u32::from(*d) + 0x100, 1), kind, json!({"answer": "ja", "n": i}));
    }
    org
}
