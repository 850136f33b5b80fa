//! The organisation's keys, kept outside the database in `<data>/keys/<org>/` (directory 0700,
//! files 0600): the content key (XChaCha20-Poly1305), the Ed25519 seed that signs checkpoints,
//! and the pseudonym key (HMAC-SHA256 over a client's external reference).

use grondslag_i18n::Msg;
use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use grondslag_ledger::{SigningKey, VerifierKey};
use grondslag_store::OrgId;
use hmac::{KeyInit as _, Mac as _};

use crate::error::AppError;

const CONTENT: &str = "inhoud.key";
const SIGNING: &str = "ondertekening.key";
const PSEUDONYM: &str = "pseudoniem.key";

/// 32 bytes from the operating system's random source.
pub fn random32() -> Result<[u8; 32], AppError> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).map_err(|e| AppError::Keys(format!("geen willekeurige bytes beschikbaar: {e}")))?;
    Ok(b)
}

/// 24 bytes from the operating system's random source (a nonce).
pub fn random24() -> Result<[u8; 24], AppError> {
    let mut b = [0u8; 24];
    getrandom::fill(&mut b).map_err(|e| AppError::Keys(format!("geen willekeurige bytes beschikbaar: {e}")))?;
    Ok(b)
}

/// The keys of one organisation.
#[derive(Clone)]
pub struct OrgKeys {
    pub content: [u8; 32],
    pub signing: SigningKey,
    pub pseudonym: [u8; 32],
    /// The signed-note key name, e.g. `grondslag-1a2b3c4d`.
    pub key_name: String,
}

impl std::fmt::Debug for OrgKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OrgKeys").field("key_name", &self.key_name).finish_non_exhaustive()
    }
}

/// The checkpoint key name of an organisation: `grondslag-` and the last 8 hex digits of its id
/// (the random part of a UUIDv7, so two organisations made in the same minute differ).
pub fn key_name(org: &str) -> String {
    let hex: String = org.chars().filter(char::is_ascii_hexdigit).collect();
    let tail = hex.get(hex.len().saturating_sub(8)..).unwrap_or(&hex);
    format!("grondslag-{tail}")
}

impl OrgKeys {
    pub fn verifier_key(&self) -> Result<VerifierKey, AppError> {
        VerifierKey::from_signing_key(&self.key_name, &self.signing).map_err(|e| AppError::Keys(e.to_string()))
    }

    /// Hex HMAC-SHA256 of the external reference under the pseudonym key.
    pub fn pseudonym_of(&self, reference: &str) -> Result<String, AppError> {
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&self.pseudonym).map_err(|e| AppError::Keys(e.to_string()))?;
        mac.update(reference.as_bytes());
        Ok(mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect())
    }
}

/// The key directory under a data directory. Keys once read are kept in memory (they never
/// change on disk while the process runs), so a page view does not read key files.
#[derive(Debug, Clone)]
pub struct KeyDir {
    root: PathBuf,
    cache: Arc<RwLock<HashMap<String, OrgKeys>>>,
}

fn safe_org(org: &str) -> Result<&str, AppError> {
    if org.is_empty() || !org.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Err(AppError::Invalid(Msg::new("app-keys-ongeldige-organisatie-id").arg("org", org)));
    }
    Ok(org)
}

#[cfg(unix)]
fn create_dir_private(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt as _, PermissionsExt as _};
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(path)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn create_dir_private(path: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(path)
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt as _;
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

fn read32(path: &Path) -> Result<[u8; 32], AppError> {
    let bytes = std::fs::read(path).map_err(|e| AppError::Keys(format!("{} kan niet gelezen worden: {e}", path.display())))?;
    bytes.as_slice().try_into().map_err(|_| AppError::Keys(format!("{} bevat {} bytes in plaats van 32", path.display(), bytes.len())))
}

impl KeyDir {
    pub fn new(data_dir: &Path) -> Self {
        KeyDir { root: data_dir.join("keys"), cache: Arc::default() }
    }

    pub fn path(&self) -> &Path {
        &self.root
    }

    /// Makes fresh keys for a new organisation. Refuses to overwrite existing keys.
    pub fn create(&self, org: &OrgId) -> Result<OrgKeys, AppError> {
        let org = org.as_str();
        let dir = self.root.join(safe_org(org)?);
        let io = |what: &str, e: std::io::Error| AppError::Keys(format!("{what}: {e}"));
        create_dir_private(&self.root).map_err(|e| io(&format!("sleutelmap {} kan niet gemaakt worden", self.root.display()), e))?;
        create_dir_private(&dir).map_err(|e| io(&format!("sleutelmap {} kan niet gemaakt worden", dir.display()), e))?;
        let content = random32()?;
        let seed = random32()?;
        let pseudonym = random32()?;
        for (name, bytes) in [(CONTENT, &content), (SIGNING, &seed), (PSEUDONYM, &pseudonym)] {
            let path = dir.join(name);
            write_private(&path, bytes).map_err(|e| io(&format!("sleutel {} kan niet geschreven worden", path.display()), e))?;
        }
        Ok(OrgKeys { content, signing: SigningKey::from_bytes(&seed), pseudonym, key_name: key_name(org) })
    }

    /// Loads an organisation's keys.
    pub fn load(&self, org: &OrgId) -> Result<OrgKeys, AppError> {
        let org = org.as_str();
        if let Ok(cache) = self.cache.read()
            && let Some(k) = cache.get(org)
        {
            return Ok(k.clone());
        }
        let keys = self.read(org)?;
        if let Ok(mut cache) = self.cache.write() {
            cache.insert(org.to_owned(), keys.clone());
        }
        Ok(keys)
    }

    fn read(&self, org: &str) -> Result<OrgKeys, AppError> {
        let dir = self.root.join(safe_org(org)?);
        if !dir.is_dir() {
            return Err(AppError::Keys(format!(
                "geen sleutels voor organisatie {org} in {} (andere --data-map, of de sleutels zijn niet teruggezet?)",
                self.root.display()
            )));
        }
        Ok(OrgKeys {
            content: read32(&dir.join(CONTENT))?,
            signing: SigningKey::from_bytes(&read32(&dir.join(SIGNING))?),
            pseudonym: read32(&dir.join(PSEUDONYM))?,
            key_name: key_name(org),
        })
    }
}
