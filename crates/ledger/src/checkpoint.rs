//! Checkpoints: a C2SP `tlog-checkpoint` body signed as a C2SP `signed-note` with Ed25519.
//!
//! ```text
//! <origin>\n<size>\n<base64 root>\n      ← body: the signed message, byte for byte
//! \n
//! — <key name> <base64(key id[4] ‖ Ed25519 signature[64])>\n      ← one line per signature
//! ```
//!
//! Key id = first 4 bytes of `SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)`; the verifier key is
//! written `<name>+<8 hex digits key id>+<base64(0x01 ‖ public key)>`.

use std::fmt;

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::encoding::{b64_decode, b64_decode_32, b64_encode, hex};
use crate::merkle::Hash;

/// Signature algorithm byte of Ed25519 in signed notes.
const ALG_ED25519: u8 = 0x01;
/// Signature lines start with an em dash (U+2014) and a space.
const SIG_PREFIX: &str = "\u{2014} ";
/// At most this many signature lines (as Go's `sumdb/note`).
const MAX_SIGNATURES: usize = 100;

/// A verified checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub origin: String,
    pub size: u64,
    pub root: Hash,
}

/// Why a checkpoint or key cannot be used (Dutch).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    #[error("ongeldige sleutelnaam {0:?} (niet leeg, geen spaties, geen '+')")]
    KeyName(String),
    #[error("ongeldige origin {0:?} (niet leeg, geen regeleinden of stuurtekens)")]
    Origin(String),
    #[error("ongeldige verificatiesleutel: {0}")]
    VerifierKey(&'static str),
    #[error("ongeldig checkpoint-bericht: {0}")]
    Note(&'static str),
    #[error("ongeldige checkpoint-inhoud: {0}")]
    Body(&'static str),
    #[error("handtekening van sleutel {0:?} klopt niet")]
    BadSignature(String),
    #[error("checkpoint is niet ondertekend door een bekende sleutel")]
    NoKnownSignature,
}

/// Signed-note key id: first 4 bytes of `SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)`.
pub fn key_id(name: &str, key: &VerifyingKey) -> [u8; 4] {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update([ALG_ED25519]);
    h.update(key.as_bytes());
    let d: [u8; 32] = h.finalize().into();
    [d[0], d[1], d[2], d[3]]
}

fn valid_key_name(name: &str) -> bool {
    !name.is_empty() && !name.chars().any(|c| c.is_whitespace() || c.is_control() || c == '+')
}

/// A named Ed25519 public key that checkpoints are verified with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifierKey {
    name: String,
    id: [u8; 4],
    key: VerifyingKey,
}

impl VerifierKey {
    pub fn new(name: &str, key: VerifyingKey) -> Result<Self, CheckpointError> {
        if !valid_key_name(name) {
            return Err(CheckpointError::KeyName(name.to_owned()));
        }
        Ok(Self { name: name.to_owned(), id: key_id(name, &key), key })
    }

    pub fn from_signing_key(name: &str, key: &SigningKey) -> Result<Self, CheckpointError> {
        Self::new(name, key.verifying_key())
    }

    /// Parses `<name>+<hex key id>+<base64(0x01 ‖ public key)>` and checks the key id.
    pub fn parse(text: &str) -> Result<Self, CheckpointError> {
        let (name, rest) = text.split_once('+').ok_or(CheckpointError::VerifierKey("verwacht naam+id+sleutel"))?;
        let (id_hex, key_b64) = rest.split_once('+').ok_or(CheckpointError::VerifierKey("verwacht naam+id+sleutel"))?;
        if !valid_key_name(name) {
            return Err(CheckpointError::KeyName(name.to_owned()));
        }
        if id_hex.len() != 8 || !id_hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(CheckpointError::VerifierKey("sleutel-id is geen 8 hexadecimale cijfers"));
        }
        let id = u32::from_str_radix(id_hex, 16).map_err(|_| CheckpointError::VerifierKey("sleutel-id is geen 8 hexadecimale cijfers"))?;
        let raw = b64_decode(key_b64).ok_or(CheckpointError::VerifierKey("sleutel is geen geldige base64"))?;
        let Some((&alg, public)) = raw.split_first() else {
            return Err(CheckpointError::VerifierKey("sleutel is leeg"));
        };
        if alg != ALG_ED25519 {
            return Err(CheckpointError::VerifierKey("alleen Ed25519-sleutels (type 0x01) worden ondersteund"));
        }
        let public: [u8; 32] = public.try_into().map_err(|_| CheckpointError::VerifierKey("Ed25519-sleutel is niet 32 bytes"))?;
        let key = VerifyingKey::from_bytes(&public).map_err(|_| CheckpointError::VerifierKey("geen geldig Ed25519-punt"))?;
        let vk = Self::new(name, key)?;
        if vk.id != id.to_be_bytes() {
            return Err(CheckpointError::VerifierKey("sleutel-id past niet bij naam en sleutel"));
        }
        Ok(vk)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn key_id(&self) -> [u8; 4] {
        self.id
    }

    pub fn verifying_key(&self) -> &VerifyingKey {
        &self.key
    }
}

impl fmt::Display for VerifierKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut raw = Vec::with_capacity(33);
        raw.push(ALG_ED25519);
        raw.extend_from_slice(self.key.as_bytes());
        write!(f, "{}+{}+{}", self.name, hex(&self.id), b64_encode(&raw))
    }
}

fn valid_origin(origin: &str) -> bool {
    !origin.is_empty() && !origin.chars().any(char::is_control)
}

/// The checkpoint body `<origin>\n<size>\n<base64 root>\n`.
pub fn checkpoint_body(origin: &str, size: u64, root: &Hash) -> Result<String, CheckpointError> {
    if !valid_origin(origin) {
        return Err(CheckpointError::Origin(origin.to_owned()));
    }
    Ok(format!("{origin}\n{size}\n{}\n", b64_encode(root)))
}

/// Signs a checkpoint: the body, a blank line and one signature line.
pub fn sign_checkpoint(origin: &str, size: u64, root: &Hash, key_name: &str, key: &SigningKey) -> Result<String, CheckpointError> {
    let vk = VerifierKey::from_signing_key(key_name, key)?;
    let body = checkpoint_body(origin, size, root)?;
    let sig: Signature = key.sign(body.as_bytes());
    let mut blob = Vec::with_capacity(68);
    blob.extend_from_slice(&vk.id);
    blob.extend_from_slice(&sig.to_bytes());
    Ok(format!("{body}\n{SIG_PREFIX}{key_name} {}\n", b64_encode(&blob)))
}

/// Parses the three-line body strictly (no extension lines).
pub fn parse_checkpoint_body(body: &str) -> Result<Checkpoint, CheckpointError> {
    let Some(text) = body.strip_suffix('\n') else {
        return Err(CheckpointError::Body("eindigt niet op een regeleinde"));
    };
    let mut lines = text.split('\n');
    let (Some(origin), Some(size), Some(root), None) = (lines.next(), lines.next(), lines.next(), lines.next()) else {
        return Err(CheckpointError::Body("verwacht precies drie regels: origin, grootte, root"));
    };
    if !valid_origin(origin) {
        return Err(CheckpointError::Origin(origin.to_owned()));
    }
    if size.is_empty() || !size.bytes().all(|b| b.is_ascii_digit()) || (size.len() > 1 && size.starts_with('0')) {
        return Err(CheckpointError::Body("grootte is geen decimaal getal zonder voorloopnullen"));
    }
    let size: u64 = size.parse().map_err(|_| CheckpointError::Body("grootte is te groot"))?;
    let root = b64_decode_32(root).ok_or(CheckpointError::Body("root is geen base64 van 32 bytes"))?;
    Ok(Checkpoint { origin: origin.to_owned(), size, root })
}

/// One parsed signature line: key name, key id and the rest of the blob (the signature).
struct SigLine<'a> {
    name: &'a str,
    id: [u8; 4],
    sig: Vec<u8>,
}

/// Splits a note into body and signature lines, strictly.
fn split_note(note: &str) -> Result<(&str, Vec<SigLine<'_>>), CheckpointError> {
    if note.chars().any(|c| c.is_control() && c != '\n') {
        return Err(CheckpointError::Note("bevat stuurtekens"));
    }
    let split = note.rfind("\n\n").ok_or(CheckpointError::Note("geen lege regel voor de handtekeningen"))?;
    let body = &note[..split + 1];
    let sigs = &note[split + 2..];
    let Some(sigs) = sigs.strip_suffix('\n') else {
        return Err(CheckpointError::Note("handtekeningregels eindigen niet op een regeleinde"));
    };
    let mut out = Vec::new();
    for line in sigs.split('\n') {
        let rest = line.strip_prefix(SIG_PREFIX).ok_or(CheckpointError::Note("handtekeningregel begint niet met '— '"))?;
        let (name, b64) = rest.split_once(' ').ok_or(CheckpointError::Note("handtekeningregel mist naam of handtekening"))?;
        if !valid_key_name(name) {
            return Err(CheckpointError::Note("ongeldige sleutelnaam in handtekeningregel"));
        }
        let blob = b64_decode(b64).ok_or(CheckpointError::Note("handtekening is geen geldige base64"))?;
        let Some((id, sig)) = blob.split_first_chunk::<4>() else {
            return Err(CheckpointError::Note("handtekening is te kort"));
        };
        if sig.is_empty() {
            return Err(CheckpointError::Note("handtekening is te kort"));
        }
        out.push(SigLine { name, id: *id, sig: sig.to_vec() });
        if out.len() > MAX_SIGNATURES {
            return Err(CheckpointError::Note("te veel handtekeningen"));
        }
    }
    Ok((body, out))
}

/// Opens a checkpoint note with any of `keys`: returns the checkpoint and the key whose
/// signature verified. Signatures by unknown keys (e.g. witnesses) are ignored; a signature
/// that names a known key but does not verify is an error.
pub fn open_checkpoint<'k>(note: &str, keys: &'k [VerifierKey]) -> Result<(Checkpoint, &'k VerifierKey), CheckpointError> {
    let (body, sigs) = split_note(note)?;
    let checkpoint = parse_checkpoint_body(body)?;
    let mut verified: Option<&VerifierKey> = None;
    for line in &sigs {
        let Some(key) = keys.iter().find(|k| k.name == line.name && k.id == line.id) else { continue };
        let sig: [u8; 64] = line.sig.as_slice().try_into().map_err(|_| CheckpointError::BadSignature(key.name.clone()))?;
        key.key
            .verify_strict(body.as_bytes(), &Signature::from_bytes(&sig))
            .map_err(|_| CheckpointError::BadSignature(key.name.clone()))?;
        verified = verified.or(Some(key));
    }
    let key = verified.ok_or(CheckpointError::NoKnownSignature)?;
    Ok((checkpoint, key))
}

/// Verifies a checkpoint note with one key.
pub fn verify_checkpoint(note: &str, key: &VerifierKey) -> Result<Checkpoint, CheckpointError> {
    open_checkpoint(note, std::slice::from_ref(key)).map(|(c, _)| c)
}
