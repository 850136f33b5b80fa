//! Embeds the golden scenarios into the binary: the vendored shared public ones
//! (`vendor/shared/scenarios/public`) and the project's own (`scenarios/`, recursively, as `toets`
//! reads them), so the case library a build shows is exactly the files it was built from.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let repo = manifest.join("../..");
    let mut code = String::new();
    for (name, dir) in [("PUBLIC", "vendor/shared/scenarios/public"), ("OWN", "scenarios")] {
        let root = repo.join(dir);
        let mut files = Vec::new();
        collect(&root, &mut files);
        files.sort();
        let _ = writeln!(code, "pub static {name}: &[(&str, &str)] = &[");
        for f in &files {
            println!("cargo:rerun-if-changed={}", f.display());
            let rel = f.strip_prefix(&repo).unwrap_or(f).to_string_lossy().replace('\\', "/");
            let _ = writeln!(code, "    ({rel:?}, include_str!({:?})),", f.display().to_string());
        }
        code.push_str("];\n");
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("embedded.rs");
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=could not write embedded scenarios: {e}");
    }
}
