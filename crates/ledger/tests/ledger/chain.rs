use grondslag_ledger::{
    Actor, ChainFault, ChainHead, Entry, EntryBody, EntryError, NewEntry, ZERO_HASH, b64_encode, commitment, jcs, leaf_hash, next_body,
    ts_from_unix_millis, verify_chain, verify_chain_from,
};
use serde_json::json;

use super::common::{ORG, uuid};

fn new_entry(dossier: &str, n: u64) -> NewEntry {
    NewEntry {
        org: ORG.to_owned(),
        dossier: dossier.to_owned(),
        ts: ts_from_unix_millis(1_795_435_200_123 + i64::try_from(n).unwrap()).unwrap(),
        actor: Actor { user: "u1".to_owned(), role: "jeugdprofessional".to_owned(), on_behalf_of: Some("u2".to_owned()) },
        kind: "decision".to_owned(),
        rules: None,
        corrects: None,
        payload_commitment: commitment(&[n as u8; 32], &json!({"n": n})).unwrap(),
    }
}

fn chain(dossier: &str, n: u64) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for i in 0..n {
        let body = next_body(out.last().map(Entry::head).as_ref(), new_entry(dossier, i));
        out.push(Entry::new(body).unwrap());
    }
    out
}

#[test]
fn timestamps() {
    assert_eq!(ts_from_unix_millis(0).unwrap(), "1970-01-01T00:00:00.000Z");
    assert_eq!(ts_from_unix_millis(1_795_435_200_123).unwrap(), "2026-11-23T12:00:00.123Z");
    assert_eq!(ts_from_unix_millis(951_782_400_000).unwrap(), "2000-02-29T00:00:00.000Z");
    assert_eq!(ts_from_unix_millis(-1).unwrap(), "1969-12-31T23:59:59.999Z");
    assert!(ts_from_unix_millis(i64::MAX).is_none());
    assert!(ts_from_unix_millis(i64::MIN).is_none());
}

#[test]
fn first_entry_and_canonical_form() {
    let d = uuid(0x101, 1);
    let e = &chain(&d, 1)[0];
    let b = e.body();
    assert_eq!(b.seq, 1);
    assert_eq!(b.prev, b64_encode(&ZERO_HASH));
    assert_eq!(e.jcs(), jcs(b).unwrap());
    assert_eq!(e.leaf_hash(), leaf_hash(b).unwrap());
    assert!(e.jcs().starts_with("{\"actor\":{\"on_behalf_of\":\"u2\",\"role\":\"jeugdprofessional\",\"user\":\"u1\"},\"corrects\":null,"));
    assert!(e.jcs().contains("\"rules\":null,\"seq\":1,\"ts\":\"2026-11-23T12:00:00.123Z\",\"type\":\"decision\",\"v\":1}"));
    assert_eq!(Entry::from_jcs(e.jcs()).unwrap(), *e);
    // Not canonical: whitespace, key order, missing null field.
    assert_eq!(Entry::from_jcs(&format!(" {}", e.jcs())), Err(EntryError::NotCanonical));
    let reordered = e.jcs().replacen("{\"actor\"", "{\"v\":1,\"actor\"", 1).replacen(",\"v\":1}", "}", 1);
    assert_eq!(Entry::from_jcs(&reordered), Err(EntryError::NotCanonical));
    let missing = e.jcs().replacen("\"rules\":null,", "", 1);
    assert_eq!(Entry::from_jcs(&missing), Err(EntryError::NotCanonical));
    assert!(matches!(Entry::from_jcs(&e.jcs().replacen("\"v\":1", "\"v\":1,\"x\":1", 1)), Err(EntryError::Json(_))));
}

#[test]
fn bodies_are_validated() {
    let d = uuid(0x101, 1);
    let good = chain(&d, 1)[0].body().clone();
    let bad = |f: &dyn Fn(&mut EntryBody)| {
        let mut b = good.clone();
        f(&mut b);
        Entry::new(b).unwrap_err()
    };
    assert_eq!(bad(&|b| b.v = 2), EntryError::Version(2));
    assert_eq!(bad(&|b| b.org = b.org.replace('0', "A")), EntryError::Uuid { field: "org" });
    assert_eq!(bad(&|b| b.dossier.push('0')), EntryError::Uuid { field: "dossier" });
    assert_eq!(bad(&|b| b.seq = 0), EntryError::SeqZero);
    assert_eq!(bad(&|b| b.prev = "AAAA".to_owned()), EntryError::Hash32 { field: "prev" });
    assert_eq!(bad(&|b| b.payload.pop().map(|_| ()).unwrap_or(())), EntryError::Hash32 { field: "payload" });
    for ts in [
        "2026-11-24T08:00:00Z",
        "2026-02-29T08:00:00.000Z",
        "2026-11-24T24:00:00.000Z",
        "2026-11-24 08:00:00.000Z",
        "2026-11-24T08:00:00.000+01:00",
    ] {
        assert_eq!(bad(&|b| b.ts = ts.to_owned()), EntryError::Timestamp(ts.to_owned()));
    }
    assert_eq!(bad(&|b| b.kind = "Besluit".to_owned()), EntryError::Text { field: "type" });
    assert_eq!(bad(&|b| b.actor.user = String::new()), EntryError::Text { field: "actor.user" });
    assert_eq!(bad(&|b| b.corrects = Some(1)), EntryError::Corrects { corrects: 1, seq: 1 });
    assert_eq!(
        bad(&|b| b.rules = Some(grondslag_ledger::RulesRef { set: "s".into(), version: "1".into(), sha256: "AB".repeat(32) })),
        EntryError::RulesHash
    );
}

#[test]
fn chain_rules() {
    let d = uuid(0x101, 1);
    let c = chain(&d, 5);
    verify_chain(&c).unwrap();
    verify_chain(&[]).unwrap();
    verify_chain_from(Some(&c[1].head()), &c[2..]).unwrap();
    // Gap.
    let mut gap = c.clone();
    gap.remove(2);
    let e = verify_chain(&gap).unwrap_err();
    assert_eq!((e.seq, e.position, e.reason), (4, 2, ChainFault::Seq { expected: 3, found: 4 }));
    // Swap.
    let mut swap = c.clone();
    swap.swap(1, 3);
    assert_eq!(verify_chain(&swap).unwrap_err().position, 1);
    // Not starting at 1.
    assert_eq!(verify_chain(&c[1..]).unwrap_err().reason, ChainFault::Seq { expected: 1, found: 2 });
    // Right seq, wrong prev (a forked entry).
    let mut fork = c.clone();
    let mut b = fork[3].body().clone();
    b.prev = b64_encode(&[1u8; 32]);
    fork[3] = Entry::new(b).unwrap();
    let e = verify_chain(&fork).unwrap_err();
    assert_eq!((e.seq, e.reason), (4, ChainFault::Prev));
    // Another dossier's entry spliced in.
    let other = chain(&uuid(0x102, 1), 3);
    let mut mixed = c[..2].to_vec();
    mixed.push(other[2].clone());
    assert_eq!(verify_chain(&mixed).unwrap_err().reason, ChainFault::Dossier);
    // Head arithmetic.
    let h = ChainHead { seq: 7, leaf_hash: [3u8; 32] };
    let b = next_body(Some(&h), new_entry(&d, 0));
    assert_eq!((b.seq, b.prev), (8, b64_encode(&[3u8; 32])));
}
