//! Standard base64 with padding (RFC 4648 §4), strict: canonical padding, no trailing bits,
//! no whitespace.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// Standard base64 with padding.
pub fn b64_encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Strict decoding of standard base64 with padding; `None` when not canonical.
pub fn b64_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = STANDARD.decode(text).ok()?;
    // The engine already rejects non-canonical input; this makes the rule explicit.
    (STANDARD.encode(&bytes) == text).then_some(bytes)
}

/// Strict decoding of exactly 32 bytes.
pub fn b64_decode_32(text: &str) -> Option<[u8; 32]> {
    b64_decode(text)?.try_into().ok()
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// Lowercase hex only.
pub(crate) fn is_lower_hex(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}
