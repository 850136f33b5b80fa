//! Typed ids and times of the store, so that an organisation id cannot be passed where a client
//! id is meant (or a professional id where a client id is meant), and a time in milliseconds is
//! not mistaken for a count.
//!
//! Every id is a UUID in lowercase hyphenated form (UUIDv7 when the store makes it,
//! [`new_id`]), the same form the ledger requires of the ids in an entry body. The newtypes
//! change nothing on disk or on the wire: SQL binds use [`OrgId::as_str`] and friends, and serde
//! writes them as the bare string (`#[serde(transparent)]`), so entry bodies, bundles and the
//! access log hash chain are byte-identical to plain strings.
//!
//! Making an id:
//! - [`OrgId::generate`] (and the same on every id type): a new UUIDv7, for what the store or
//!   the application creates;
//! - [`OrgId::parse`] / [`str::parse`]: from untrusted input (URL paths, forms, JSON), checked,
//!   an [`IdError`] when it is not an id; deserialising checks the same way;
//! - [`OrgId::from_stored`]: from a row the store wrote itself, unchecked (a backend reading its
//!   own tables, or an id the ledger already validated).
//!
//! Every time the store keeps (sessions, second factors, break-the-glass grants, drafts, first
//! use) is a [`UnixMillis`]: milliseconds since the Unix epoch, UTC. On disk it is the same
//! integer as before (SQL binds use [`UnixMillis::as_millis`], serde writes the bare number).
//! Counters that are not times (the TOTP step) and the RFC 3339 texts of the ledger and the
//! access log stay what they are.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// A new UUIDv7 id in lowercase hyphenated form (time-ordered, so indexes stay compact).
pub fn new_id() -> String {
    uuid::Uuid::now_v7().hyphenated().to_string()
}

/// Whether `s` is a UUID in lowercase hyphenated form (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`,
/// hex digits `0-9a-f`), the only form the store makes and the ledger accepts.
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter()
            .enumerate()
            .all(|(i, &c)| if matches!(i, 8 | 13 | 18 | 23) { c == b'-' } else { c.is_ascii_digit() || (b'a'..=b'f').contains(&c) })
}

/// A string that is not an id of the expected kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("ongeldig {kind}: geen UUID in kleine letters met streepjes")]
pub struct IdError {
    /// Which kind of id was expected (`organisatie-id`, `cliënt-id`, …).
    pub kind: &'static str,
}

/// What every id type has in common, for code generic over the kind (a backend's row reader).
pub trait StoredId: Sized {
    /// See [`OrgId::from_stored`].
    fn from_stored(s: String) -> Self;
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $kind:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// A new UUIDv7 id ([`new_id`]).
            pub fn generate() -> Self {
                Self(new_id())
            }

            /// Checks an id from untrusted input (URL path, form, JSON).
            pub fn parse(s: &str) -> Result<Self, IdError> {
                if is_uuid(s) { Ok(Self(s.to_owned())) } else { Err(IdError { kind: $kind }) }
            }

            /// An id as the store wrote it (a backend reading its own rows), unchecked.
            pub fn from_stored(s: impl Into<String>) -> Self {
                Self(s.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl StoredId for $name {
            fn from_stored(s: String) -> Self {
                Self(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                Self::parse(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                if is_uuid(&s) { Ok(Self(s)) } else { Err(IdError { kind: $kind }) }
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        /// Checked like [`Self::parse`]: JSON is untrusted input.
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                Self::try_from(s).map_err(serde::de::Error::custom)
            }
        }
    };
}

id_type!(
    /// An organisation ([`crate::Organisation`]).
    OrgId,
    "organisatie-id"
);
id_type!(
    /// A professional's account ([`crate::Professional`]).
    ProfessionalId,
    "professional-id"
);
id_type!(
    /// A client ([`crate::Client`]).
    ClientId,
    "cliënt-id"
);
id_type!(
    /// A client's dossier in one organisation ([`crate::Dossier`]).
    DossierId,
    "dossier-id"
);
id_type!(
    /// A deliberation draft ([`crate::Draft`]).
    DraftId,
    "concept-id"
);
id_type!(
    /// A casusoverleg ([`crate::Conference`]).
    ConferenceId,
    "casusoverleg-id"
);
id_type!(
    /// A break-the-glass grant ([`crate::BreakGlass`]).
    GrantId,
    "doorbraak-id"
);

/// A moment as milliseconds since the Unix epoch (UTC), the form in which the store keeps every
/// time. Arithmetic saturates: a moment never wraps around.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnixMillis(i64);

impl UnixMillis {
    pub const fn from_millis(ms: i64) -> Self {
        Self(ms)
    }

    pub const fn as_millis(self) -> i64 {
        self.0
    }

    /// `d` later (at most [`i64::MAX`] milliseconds).
    #[must_use]
    pub fn saturating_add(self, d: Duration) -> Self {
        Self(self.0.saturating_add(duration_millis(d)))
    }

    /// `d` earlier (at least [`i64::MIN`] milliseconds).
    #[must_use]
    pub fn saturating_sub(self, d: Duration) -> Self {
        Self(self.0.saturating_sub(duration_millis(d)))
    }
}

/// Whole milliseconds of `d`, saturating at [`i64::MAX`].
fn duration_millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn generated_ids_parse_and_serialise_as_the_bare_string() {
        let id = ClientId::generate();
        assert!(is_uuid(id.as_str()));
        assert_eq!(ClientId::parse(id.as_str()).unwrap(), id);
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{id}\""));
        let back: ClientId = serde_json::from_str(&format!("\"{id}\"")).unwrap();
        assert_eq!(back, id);
    }

    #[test]
    fn anything_but_a_lowercase_hyphenated_uuid_is_refused_without_panicking() {
        for bad in [
            "",
            "x",
            "../etc/passwd",
            "0190A0B1-2C3D-7E4F-8A9B-0C1D2E3F4A5B",
            "0190a0b12c3d7e4f8a9b0c1d2e3f4a5b",
            "{0190a0b1-2c3d-7e4f-8a9b-0c1d2e3f4a5b}",
            "------------------------------------",
            "0190a0b1-2c3d-7e4f-8a9b-0c1d2e3f4a5bx",
            "0190a0b1-2c3d-7e4f-8a9b-0c1d2e3f4a5",
            "0190a0b1-2c3d-7e4f-8a9b-0c1d2e3f4g5b",
            "0190a0b1-2c3d-7e4f-8a9b-0c1d2e3f4ä5",
        ] {
            assert_eq!(OrgId::parse(bad), Err(IdError { kind: "organisatie-id" }), "{bad:?}");
            assert!(bad.parse::<DraftId>().is_err(), "{bad:?}");
            assert!(serde_json::from_str::<ClientId>(&serde_json::to_string(bad).unwrap()).is_err(), "{bad:?}");
        }
        assert!(GrantId::parse("00000000-0000-0000-0000-000000000000").is_ok());
    }

    #[test]
    fn a_time_serialises_as_the_bare_number_and_saturates() {
        let t = UnixMillis::from_millis(1_790_000_000_123);
        assert_eq!(serde_json::to_string(&t).unwrap(), "1790000000123");
        assert_eq!(serde_json::from_str::<UnixMillis>("1790000000123").unwrap(), t);
        assert_eq!(t.saturating_add(Duration::from_secs(60)).as_millis(), 1_790_000_060_123);
        assert_eq!(t.saturating_sub(Duration::from_millis(123)).as_millis(), 1_790_000_000_000);
        assert!(t < t.saturating_add(Duration::from_millis(1)));
        assert_eq!(UnixMillis::from_millis(i64::MAX - 1).saturating_add(Duration::from_secs(1)).as_millis(), i64::MAX);
        assert_eq!(UnixMillis::from_millis(i64::MIN + 1).saturating_sub(Duration::MAX).as_millis(), i64::MIN);
    }
}
