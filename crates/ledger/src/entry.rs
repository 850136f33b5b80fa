//! The canonical entry body, its leaf hash, the salted payload commitment and the per-dossier
//! hash chain.
//!
//! ```text
//! leaf_hash  = SHA-256(0x00 ‖ JCS(body))
//! commitment = SHA-256(salt[32] ‖ JCS(payload))
//! ```
//!
//! `body.prev` of entry `seq` is the leaf hash of entry `seq - 1` (32 zero bytes for `seq` 1), so
//! the same value is both the dossier-chain link and the organisation-tree leaf.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::encoding::{b64_decode_32, b64_encode, is_lower_hex};
use crate::merkle::{Hash, leaf_hash_of};

/// The only body version this crate writes and reads.
pub const ENTRY_VERSION: u32 = 1;

/// `prev` of the first entry of a dossier.
pub const ZERO_HASH: Hash = [0u8; 32];

/// One decision-log record, exactly the JSON object that is canonicalised and hashed.
///
/// Every field is always present (`null` where empty): the canonical form has no optional keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryBody {
    /// Format version, always 1.
    pub v: u32,
    /// Organisation id: a UUID in lowercase hyphenated form.
    pub org: String,
    /// Dossier id: a UUID in lowercase hyphenated form.
    pub dossier: String,
    /// Position in the dossier chain: 1, 2, 3, … without gaps.
    pub seq: u64,
    /// Base64 of the previous entry's leaf hash, or of 32 zero bytes for `seq` 1.
    pub prev: String,
    /// RFC 3339 UTC with milliseconds: `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    pub ts: String,
    /// Who recorded the entry.
    pub actor: Actor,
    /// Kind of record, e.g. `deliberation`, `decision`, `consent`, `consent.revocation`,
    /// `disclosure`, `correction`, `meldcode`, `erasure`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The rule set the decision was evaluated with, if any.
    pub rules: Option<RulesRef>,
    /// The `seq` of an earlier entry this entry corrects.
    pub corrects: Option<u64>,
    /// Base64 of the salted payload commitment (32 bytes).
    pub payload: String,
}

/// The recording professional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub user: String,
    pub role: String,
    pub on_behalf_of: Option<String>,
}

/// A rule set by name, version and SHA-256 (lowercase hex).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesRef {
    pub set: String,
    pub version: String,
    pub sha256: String,
}

/// Why a body is not a valid entry (Dutch).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    #[error("inhoud is geen geldige JSON voor een entry: {0}")]
    Json(String),
    #[error("inhoud is niet canoniek (RFC 8785 JCS)")]
    NotCanonical,
    #[error("JCS-codering mislukt: {0}")]
    Canonicalize(String),
    #[error("onbekende versie {0} (verwacht 1)")]
    Version(u32),
    #[error("veld `{field}` is geen UUID in kleine letters")]
    Uuid { field: &'static str },
    #[error("`seq` moet 1 of hoger zijn")]
    SeqZero,
    #[error("veld `{field}` is geen base64 van 32 bytes")]
    Hash32 { field: &'static str },
    #[error("`ts` is geen UTC-tijd in de vorm JJJJ-MM-DDTuu:mm:ss.mmmZ: {0:?}")]
    Timestamp(String),
    #[error("veld `{field}` is leeg of bevat ongeldige tekens")]
    Text { field: &'static str },
    #[error("`rules.sha256` is geen SHA-256 in kleine hexadecimale letters")]
    RulesHash,
    #[error("`corrects` ({corrects}) verwijst niet naar een eerdere entry (seq {seq})")]
    Corrects { corrects: u64, seq: u64 },
}

/// RFC 8785 canonical JSON of any serialisable value.
pub fn jcs<T: Serialize>(value: &T) -> Result<String, EntryError> {
    serde_json_canonicalizer::to_string(value).map_err(|e| EntryError::Canonicalize(e.to_string()))
}

/// `SHA-256(0x00 ‖ JCS(body))` (the RFC 6962 leaf hash of the canonical body).
pub fn leaf_hash(body: &EntryBody) -> Result<Hash, EntryError> {
    Ok(leaf_hash_of(jcs(body)?.as_bytes()))
}

/// `SHA-256(salt ‖ JCS(payload))`: the salted commitment stored in `body.payload` (base64).
/// The salt must be 32 random bytes, fresh per entry; it keeps short answers from being guessed.
pub fn commitment<T: Serialize>(salt: &[u8; 32], payload: &T) -> Result<Hash, EntryError> {
    let canonical = jcs(payload)?;
    let mut h = Sha256::new();
    h.update(salt);
    h.update(canonical.as_bytes());
    Ok(h.finalize().into())
}

/// The head of a dossier chain: what the next entry links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChainHead {
    pub seq: u64,
    pub leaf_hash: Hash,
}

/// Everything of a new entry the caller decides (time, actor, content commitment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub org: String,
    pub dossier: String,
    /// RFC 3339 UTC with milliseconds, see [`ts_from_unix_millis`].
    pub ts: String,
    pub actor: Actor,
    pub kind: String,
    pub rules: Option<RulesRef>,
    pub corrects: Option<u64>,
    /// [`commitment`] of the payload.
    pub payload_commitment: Hash,
}

/// The body of the entry after `head` (`None`: the dossier's first entry). Validate the result
/// with [`Entry::new`], which also computes its canonical form and leaf hash.
pub fn next_body(head: Option<&ChainHead>, new: NewEntry) -> EntryBody {
    let (seq, prev) = match head {
        Some(h) => (h.seq.saturating_add(1), h.leaf_hash),
        None => (1, ZERO_HASH),
    };
    EntryBody {
        v: ENTRY_VERSION,
        org: new.org,
        dossier: new.dossier,
        seq,
        prev: b64_encode(&prev),
        ts: new.ts,
        actor: new.actor,
        kind: new.kind,
        rules: new.rules,
        corrects: new.corrects,
        payload: b64_encode(&new.payload_commitment),
    }
}

/// A validated body together with its canonical text and leaf hash (always consistent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    body: EntryBody,
    jcs: String,
    leaf_hash: Hash,
}

impl Entry {
    /// Validates `body` and computes its canonical form and leaf hash.
    pub fn new(body: EntryBody) -> Result<Self, EntryError> {
        validate(&body)?;
        let jcs = jcs(&body)?;
        let leaf_hash = leaf_hash_of(jcs.as_bytes());
        Ok(Self { body, jcs, leaf_hash })
    }

    /// Parses stored canonical text; fails unless the text is exactly `JCS(body)`.
    pub fn from_jcs(text: &str) -> Result<Self, EntryError> {
        let body: EntryBody = serde_json::from_str(text).map_err(|e| EntryError::Json(e.to_string()))?;
        let entry = Self::new(body)?;
        if entry.jcs != text {
            return Err(EntryError::NotCanonical);
        }
        Ok(entry)
    }

    pub fn body(&self) -> &EntryBody {
        &self.body
    }

    /// `JCS(body)`, the exact bytes that are hashed.
    pub fn jcs(&self) -> &str {
        &self.jcs
    }

    /// `SHA-256(0x00 ‖ JCS(body))`.
    pub fn leaf_hash(&self) -> Hash {
        self.leaf_hash
    }

    /// The chain head after this entry.
    pub fn head(&self) -> ChainHead {
        ChainHead { seq: self.body.seq, leaf_hash: self.leaf_hash }
    }

    /// The commitment in `body.payload`.
    pub fn payload_commitment(&self) -> Hash {
        // Validated in `new`.
        b64_decode_32(&self.body.payload).unwrap_or(ZERO_HASH)
    }
}

fn validate(b: &EntryBody) -> Result<(), EntryError> {
    if b.v != ENTRY_VERSION {
        return Err(EntryError::Version(b.v));
    }
    if !is_uuid(&b.org) {
        return Err(EntryError::Uuid { field: "org" });
    }
    if !is_uuid(&b.dossier) {
        return Err(EntryError::Uuid { field: "dossier" });
    }
    if b.seq == 0 {
        return Err(EntryError::SeqZero);
    }
    if b64_decode_32(&b.prev).is_none() {
        return Err(EntryError::Hash32 { field: "prev" });
    }
    if b64_decode_32(&b.payload).is_none() {
        return Err(EntryError::Hash32 { field: "payload" });
    }
    if !is_ts_millis(&b.ts) {
        return Err(EntryError::Timestamp(b.ts.clone()));
    }
    text_ok(&b.actor.user, "actor.user")?;
    text_ok(&b.actor.role, "actor.role")?;
    if let Some(o) = &b.actor.on_behalf_of {
        text_ok(o, "actor.on_behalf_of")?;
    }
    if b.kind.is_empty() || !b.kind.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'_' | b'-')) {
        return Err(EntryError::Text { field: "type" });
    }
    if let Some(r) = &b.rules {
        text_ok(&r.set, "rules.set")?;
        text_ok(&r.version, "rules.version")?;
        if !is_lower_hex(&r.sha256, 64) {
            return Err(EntryError::RulesHash);
        }
    }
    if let Some(c) = b.corrects
        && (c == 0 || c >= b.seq)
    {
        return Err(EntryError::Corrects { corrects: c, seq: b.seq });
    }
    Ok(())
}

/// Non-empty, no control characters.
fn text_ok(s: &str, field: &'static str) -> Result<(), EntryError> {
    if s.is_empty() || s.chars().any(char::is_control) { Err(EntryError::Text { field }) } else { Ok(()) }
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lowercase hex.
fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter()
            .enumerate()
            .all(|(i, &c)| if matches!(i, 8 | 13 | 18 | 23) { c == b'-' } else { c.is_ascii_digit() || (b'a'..=b'f').contains(&c) })
}

fn digits(s: &[u8]) -> Option<u32> {
    s.iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
}

fn is_leap(y: u32) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ`, a real calendar date, no leap second.
fn is_ts_millis(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 24 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[19] != b'.' || b[23] != b'Z' {
        return false;
    }
    let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(se), Some(_ms)) = (
        digits(&b[0..4]),
        digits(&b[5..7]),
        digits(&b[8..10]),
        digits(&b[11..13]),
        digits(&b[14..16]),
        digits(&b[17..19]),
        digits(&b[20..23]),
    ) else {
        return false;
    };
    (1..=12).contains(&mo) && d >= 1 && d <= days_in_month(y, mo) && h < 24 && mi < 60 && se < 60
}

/// Formats milliseconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SS.mmmZ` (years 0000–9999).
pub fn ts_from_unix_millis(ms: i64) -> Option<String> {
    let days = ms.div_euclid(86_400_000);
    let rem = ms.rem_euclid(86_400_000);
    // Howard Hinnant's civil_from_days.
    let z = days.checked_add(719_468)?;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe.checked_add(era.checked_mul(400)?)? + i64::from(m <= 2);
    if !(0..=9999).contains(&y) {
        return None;
    }
    let (h, mi, s, milli) = (rem / 3_600_000, rem / 60_000 % 60, rem / 1000 % 60, rem % 1000);
    Some(format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z"))
}

/// Why a chain does not hold (Dutch).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainFault {
    #[error("volgnummer {found} waar {expected} verwacht werd (ontbrekende, extra of verwisselde entry)")]
    Seq { expected: u64, found: u64 },
    #[error("`prev` is niet de leaf-hash van de vorige entry")]
    Prev,
    #[error("andere organisatie dan de eerste entry")]
    Org,
    #[error("ander dossier dan de eerste entry")]
    Dossier,
}

/// The first entry where the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("entry {seq} (positie {position}): {reason}")]
pub struct ChainError {
    /// `seq` as found in the failing entry.
    pub seq: u64,
    /// 0-based position in the slice.
    pub position: usize,
    pub reason: ChainFault,
}

/// Checks a whole dossier chain: `seq` is 1, 2, 3, … without gaps, every `prev` is the leaf
/// hash of the entry before (32 zero bytes for the first), and `org` and `dossier` never change.
pub fn verify_chain(entries: &[Entry]) -> Result<(), ChainError> {
    verify_chain_from(None, entries)
}

/// Like [`verify_chain`], continuing after a known head (`None`: from the start).
pub fn verify_chain_from(head: Option<&ChainHead>, entries: &[Entry]) -> Result<(), ChainError> {
    let mut expected = head.copied();
    let first = entries.first().map(Entry::body);
    for (position, e) in entries.iter().enumerate() {
        chain_step(expected.as_ref(), first, e).map_err(|reason| ChainError { seq: e.body().seq, position, reason })?;
        expected = Some(e.head());
    }
    Ok(())
}

/// One link: `e` follows `head` (`None`: `e` is the first entry) and matches `first` in
/// organisation and dossier.
pub(crate) fn chain_step(head: Option<&ChainHead>, first: Option<&EntryBody>, e: &Entry) -> Result<(), ChainFault> {
    let b = e.body();
    if let Some(f) = first {
        if b.org != f.org {
            return Err(ChainFault::Org);
        }
        if b.dossier != f.dossier {
            return Err(ChainFault::Dossier);
        }
    }
    let (want_seq, want_prev) = head.map_or((1, ZERO_HASH), |h| (h.seq.saturating_add(1), h.leaf_hash));
    if b.seq != want_seq {
        return Err(ChainFault::Seq { expected: want_seq, found: b.seq });
    }
    if b64_decode_32(&b.prev) != Some(want_prev) {
        return Err(ChainFault::Prev);
    }
    Ok(())
}
