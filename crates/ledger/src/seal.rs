//! Encryption of decision content with XChaCha20-Poly1305. The entry only holds a salted
//! commitment; the content itself is sealed separately and can be erased (crypto-shredding or
//! deletion at the end of retention) without breaking the chain or the tree.

use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{Key, KeyInit, XChaCha20Poly1305, XNonce};

/// Encryption or decryption failed (Dutch; deliberately without detail).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("versleutelen mislukt")]
    Seal,
    #[error("ontsleutelen mislukt: verkeerde sleutel, nonce of context, of de inhoud is gewijzigd")]
    Open,
}

/// The associated data binding content to its entry: `grondslag/v1|<org>|<dossier>|<commitment>`.
pub fn aad(org: &str, dossier: &str, commitment: &crate::Hash) -> Vec<u8> {
    format!("grondslag/v1|{org}|{dossier}|{}", crate::b64_encode(commitment)).into_bytes()
}

/// Encrypts `plaintext`; the result is ciphertext followed by the 16-byte tag. The nonce must
/// never repeat under one key (24 random bytes make that safe).
pub fn seal(key: &[u8; 32], nonce: &[u8; 24], aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, SealError> {
    let cipher = XChaCha20Poly1305::new(&Key::from(*key));
    cipher.encrypt(&XNonce::from(*nonce), Payload { msg: plaintext, aad }).map_err(|_| SealError::Seal)
}

/// Decrypts and authenticates what [`seal`] produced.
pub fn open(key: &[u8; 32], nonce: &[u8; 24], aad: &[u8], ciphertext: &[u8]) -> Result<Vec<u8>, SealError> {
    let cipher = XChaCha20Poly1305::new(&Key::from(*key));
    cipher.decrypt(&XNonce::from(*nonce), Payload { msg: ciphertext, aad }).map_err(|_| SealError::Open)
}
