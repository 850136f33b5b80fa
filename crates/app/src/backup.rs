//! Encrypted backups of a data directory: a consistent snapshot of the database and the
//! organisations' keys, packed with a SHA-256 per file and encrypted with age under a
//! passphrase. The keys travel with the data, so the backup is only as safe as its passphrase;
//! without the keys the dossier content could never be read again. Restoring writes into an
//! empty directory only, accepts only the paths a data directory can hold, and is followed by a
//! full verification of every organisation's log by the caller.

use std::path::{Component, Path, PathBuf};

use age::secrecy::SecretString;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const FORMAT: &str = "grondslag-backup/1";
/// The database file inside a data directory.
pub const DATABASE_FILE: &str = "grondslag.db";
/// The first bytes of every SQLite database file.
const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";
/// A passphrase shorter than this is refused: the backup holds the keys.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// What can go wrong with a backup; worded through the catalogue ([`BackupError::message`]).
#[derive(Debug)]
pub enum BackupError {
    WeakPassphrase,
    CannotDecrypt,
    /// Why the content does not hold together (a technical detail, as found).
    Corrupt(String),
    UnsafePath(String),
    NotEmpty(PathBuf),
    Io(PathBuf, std::io::Error),
    Encrypt(String),
}

impl BackupError {
    /// What the user reads, in their language at the edge.
    pub fn message(&self) -> grondslag_i18n::Msg {
        use grondslag_i18n::Msg;
        match self {
            BackupError::WeakPassphrase => Msg::new("backup-weak-passphrase").arg("min", MIN_PASSPHRASE_CHARS),
            BackupError::CannotDecrypt => Msg::new("backup-cannot-decrypt"),
            BackupError::Corrupt(why) => Msg::new("backup-corrupt").arg("why", why),
            BackupError::UnsafePath(path) => Msg::new("backup-unsafe-path").arg("path", path),
            BackupError::NotEmpty(dir) => Msg::new("backup-not-empty").arg("dir", dir.display()),
            BackupError::Io(path, e) => Msg::new("backup-io").arg("path", path.display()).arg("error", e),
            BackupError::Encrypt(why) => Msg::new("backup-encrypt-failed").arg("why", why),
        }
    }
}

/// Dutch (the terminal renders [`BackupError::message`] in its own language).
impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.message(), f)
    }
}

// No `source`: the message already names the I/O error, and the terminal prints the chain.
impl std::error::Error for BackupError {}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    format: String,
    created: String,
    files: Vec<FileEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntry {
    path: String,
    sha256: String,
    data: String,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn passphrase(text: &str) -> Result<SecretString, BackupError> {
    if text.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(BackupError::WeakPassphrase);
    }
    Ok(SecretString::from(text.to_owned()))
}

/// Whether `path` is one a data directory holds: the database, or `keys/<org>/<file>`.
fn safe_path(path: &str) -> bool {
    let seg_ok = |s: &str| !s.is_empty() && s != "." && s != ".." && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        [db] => *db == DATABASE_FILE,
        ["keys", org, file] => seg_ok(org) && seg_ok(file),
        _ => false,
    }
}

/// The files of a data directory to back up: the snapshot of the database (taken by the
/// caller, consistent while the store is in use) and every key file.
pub fn collect(data_dir: &Path, snapshot: &Path) -> Result<Vec<(String, Vec<u8>)>, BackupError> {
    let mut files = vec![(DATABASE_FILE.to_string(), std::fs::read(snapshot).map_err(|e| BackupError::Io(snapshot.to_path_buf(), e))?)];
    let keys = data_dir.join("keys");
    if keys.is_dir() {
        let orgs = std::fs::read_dir(&keys).map_err(|e| BackupError::Io(keys.clone(), e))?;
        for org in orgs.flatten() {
            if !org.path().is_dir() {
                continue;
            }
            let entries = std::fs::read_dir(org.path()).map_err(|e| BackupError::Io(org.path(), e))?;
            for f in entries.flatten() {
                let rel = format!("keys/{}/{}", org.file_name().to_string_lossy(), f.file_name().to_string_lossy());
                if f.path().is_file() && safe_path(&rel) {
                    files.push((rel, std::fs::read(f.path()).map_err(|e| BackupError::Io(f.path(), e))?));
                }
            }
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// Packs and encrypts the files under a passphrase (age's scrypt, default work factor).
pub fn pack(files: &[(String, Vec<u8>)], created: &str, pass: &str) -> Result<Vec<u8>, BackupError> {
    pack_with_work_factor(files, created, pass, None)
}

/// As [`pack`], with an explicit scrypt work factor (log2 N); only tests lower it, to stay fast.
pub fn pack_with_work_factor(files: &[(String, Vec<u8>)], created: &str, pass: &str, log_n: Option<u8>) -> Result<Vec<u8>, BackupError> {
    let pass = passphrase(pass)?;
    let manifest = Manifest {
        format: FORMAT.into(),
        created: created.into(),
        files: files
            .iter()
            .map(|(p, d)| FileEntry { path: p.clone(), sha256: hex(&Sha256::digest(d)), data: grondslag_ledger::b64_encode(d) })
            .collect(),
    };
    let json = serde_json::to_vec(&manifest).map_err(|e| BackupError::Encrypt(e.to_string()))?;
    let mut recipient = age::scrypt::Recipient::new(pass);
    if let Some(n) = log_n {
        recipient.set_work_factor(n);
    }
    age::encrypt(&recipient, &json).map_err(|e| BackupError::Encrypt(e.to_string()))
}

/// Decrypts and checks a backup: the format, every path, every file's hash.
pub fn unpack(bytes: &[u8], pass: &str) -> Result<Vec<(String, Vec<u8>)>, BackupError> {
    let pass = SecretString::from(pass.to_owned());
    let json = age::decrypt(&age::scrypt::Identity::new(pass), bytes).map_err(|_| BackupError::CannotDecrypt)?;
    let manifest: Manifest = serde_json::from_slice(&json).map_err(|e| BackupError::Corrupt(e.to_string()))?;
    if manifest.format != FORMAT {
        return Err(BackupError::Corrupt(format!("onbekend formaat '{}'", manifest.format)));
    }
    let mut out = Vec::new();
    for f in manifest.files {
        if !safe_path(&f.path) {
            return Err(BackupError::UnsafePath(f.path));
        }
        let data = grondslag_ledger::b64_decode(&f.data).ok_or_else(|| BackupError::Corrupt(format!("{}: geen geldige base64", f.path)))?;
        if hex(&Sha256::digest(&data)) != f.sha256 {
            return Err(BackupError::Corrupt(format!("{}: controlegetal klopt niet", f.path)));
        }
        out.push((f.path, data));
    }
    match out.iter().find(|(p, _)| p == DATABASE_FILE) {
        None => return Err(BackupError::Corrupt("de database ontbreekt".into())),
        Some((_, db)) if db.is_empty() => return Err(BackupError::Corrupt("de database is leeg".into())),
        Some((_, db)) if !db.starts_with(SQLITE_HEADER) => {
            return Err(BackupError::Corrupt("de database is geen SQLite-database".into()));
        }
        Some(_) => {}
    }
    Ok(out)
}

/// Writes the files into `dir`, which must not hold a database or keys yet. Key files get
/// owner-only permissions, as in a live data directory.
pub fn restore_into(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<(), BackupError> {
    if dir.join(DATABASE_FILE).exists() || dir.join("keys").exists() {
        return Err(BackupError::NotEmpty(dir.to_path_buf()));
    }
    for (rel, data) in files {
        // Paths were checked by `unpack`; check again so this function is safe on its own.
        if !safe_path(rel) || Path::new(rel).components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(BackupError::UnsafePath(rel.clone()));
        }
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| BackupError::Io(parent.to_path_buf(), e))?;
            set_mode(parent, 0o700, rel != DATABASE_FILE)?;
        }
        std::fs::write(&path, data).map_err(|e| BackupError::Io(path.clone(), e))?;
        set_mode(&path, 0o600, rel != DATABASE_FILE)?;
    }
    if dir.join("keys").is_dir() {
        set_mode(&dir.join("keys"), 0o700, true)?;
    }
    Ok(())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32, apply: bool) -> Result<(), BackupError> {
    use std::os::unix::fs::PermissionsExt;
    if apply {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(|e| BackupError::Io(path.to_path_buf(), e))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32, _: bool) -> Result<(), BackupError> {
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    const PASS: &str = "een lang genoeg wachtwoord";

    fn db() -> Vec<u8> {
        let mut db = SQLITE_HEADER.to_vec();
        db.extend_from_slice(b"rest");
        db
    }

    #[test]
    fn an_empty_or_foreign_database_is_refused() {
        for (bytes, why) in [(Vec::new(), "leeg"), (b"not a database".to_vec(), "geen SQLite")] {
            let files = vec![(DATABASE_FILE.to_string(), bytes)];
            let packed = pack_with_work_factor(&files, "t", PASS, Some(10)).unwrap();
            let e = unpack(&packed, PASS).unwrap_err();
            assert!(matches!(e, BackupError::Corrupt(_)) && e.to_string().contains(why), "{e}");
        }
        let files = vec![(DATABASE_FILE.to_string(), db())];
        assert!(unpack(&pack_with_work_factor(&files, "t", PASS, Some(10)).unwrap(), PASS).is_ok());
    }

    #[test]
    fn round_trip_and_failures() {
        let files = vec![(DATABASE_FILE.to_string(), db()), ("keys/org-1/inhoud.key".to_string(), vec![7u8; 32])];
        let packed = pack_with_work_factor(&files, "2026-11-23T00:00:00.000Z", PASS, Some(10)).unwrap();
        assert_eq!(unpack(&packed, PASS).unwrap(), files);
        assert!(matches!(unpack(&packed, "een ander lang wachtwoord"), Err(BackupError::CannotDecrypt)));
        assert!(matches!(unpack(&packed[..packed.len() / 2], PASS), Err(BackupError::CannotDecrypt)));
        assert!(matches!(pack(&files, "", "kort"), Err(BackupError::WeakPassphrase)));
    }

    #[test]
    fn only_data_directory_paths_are_accepted() {
        for bad in ["../etc/passwd", "keys/../../x", "/abs", "keys/a/b/c", "keys/./x", "other.db", "keys/a/.."] {
            assert!(!safe_path(bad), "{bad}");
            let files = vec![(DATABASE_FILE.to_string(), db()), (bad.to_string(), b"x".to_vec())];
            let packed = pack_with_work_factor(&files, "t", PASS, Some(10)).unwrap();
            assert!(matches!(unpack(&packed, PASS), Err(BackupError::UnsafePath(_))), "{bad}");
        }
        assert!(safe_path("keys/0199-abc/ondertekening.key"));
    }

    #[test]
    fn restore_refuses_a_directory_with_data() {
        let dir = std::env::temp_dir().join(format!("grondslag-backup-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let files = vec![(DATABASE_FILE.to_string(), b"db".to_vec()), ("keys/o/k.key".to_string(), vec![1u8; 32])];
        restore_into(&dir, &files).unwrap();
        assert_eq!(std::fs::read(dir.join("keys/o/k.key")).unwrap(), vec![1u8; 32]);
        assert!(matches!(restore_into(&dir, &files), Err(BackupError::NotEmpty(_))));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
