//! The verifier binary against the published test vectors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

fn vectors() -> PathBuf {
    PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned()))
        .join("../ledger/tests/vectors")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_grondslag-verify")).args(args).output().unwrap();
    (o.status.code().unwrap(), String::from_utf8(o.stdout).unwrap(), String::from_utf8(o.stderr).unwrap())
}

#[test]
fn valid_bundle_exits_0() {
    let (code, out, _) = run(&[vectors().join("valid.json").to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("boomgrootte 10"));
    assert!(out.contains("entries: 5"));
    assert!(out.trim_end().ends_with("geverifieerd"));
}

#[test]
fn tampered_bundles_exit_1_with_the_expected_error() {
    let expected: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(vectors().join("expected.json")).unwrap()).unwrap();
    for (name, want) in expected.as_object().unwrap() {
        if want["ok"] == true {
            continue;
        }
        let (code, out, _) = run(&[vectors().join(name).to_str().unwrap()]);
        assert_eq!(code, 1, "{name}: {out}");
        assert!(out.contains(&format!("NIET geverifieerd: {}", want["error"].as_str().unwrap())), "{name}: {out}");
    }
}

#[test]
fn pinned_keys() {
    let expected: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(vectors().join("expected.json")).unwrap()).unwrap();
    let key = expected["valid.json"]["key"].as_str().unwrap();
    let valid = vectors().join("valid.json");
    assert_eq!(run(&[valid.to_str().unwrap(), "--sleutel", key]).0, 0);
    let other = "ander+00000000+AbkTghqVc4IMk9lOny8DL91WN+9M1Smcoit+VtS00pnd";
    let (code, _, err) = run(&[valid.to_str().unwrap(), "--sleutel", other]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn bad_input_exits_2_in_dutch() {
    for args in [vec![], vec!["/bestaat/niet.json"], vec![env!("CARGO_MANIFEST_DIR")], vec!["--onbekend"], vec!["a.json", "b.json"]] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.starts_with("fout: "), "{err}");
    }
    let dir = std::env::temp_dir().join(format!("grondslag-verify-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, content) in [
        ("leeg.json", &b""[..]),
        ("geen-json.json", b"nee"),
        ("bin.json", &[0xff, 0xfe][..]),
        ("formaat.json", b"{\"format\":\"x\",\"origin\":\"o\",\"entries\":[],\"checkpoint\":\"\",\"inclusion_proofs\":[],\"keys\":[]}"),
    ] {
        let p = dir.join(name);
        std::fs::write(&p, content).unwrap();
        let (code, _, err) = run(&[p.to_str().unwrap()]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.starts_with("fout: "), "{err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
