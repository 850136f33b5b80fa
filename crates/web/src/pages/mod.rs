//! The HTML pages. Each module is one area of the product; every handler is thin.

pub mod account;
pub mod acute;
pub mod admin;
pub mod case_conference;
pub mod cases;
pub mod clients;
pub mod conferences;
pub mod consent;
pub mod decision;
pub mod deliberation;
pub mod dossier;
pub mod drafts;
pub mod home;
pub mod knowledge;
pub mod login;
pub mod meldcode;
pub mod pdf;
pub mod privacy;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use grondslag_i18n::Msg;

use crate::error::WebError;

/// A urlencoded form as name/value pairs (repeated names allowed, e.g. several checkboxes).
#[derive(Debug, Clone, Default)]
pub struct FormData(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                WebError::TooLarge
            } else {
                WebError::Invalid(Msg::new("pages-formulier-kon-niet-worden"))
            }
        })?;
        let pairs = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
            .map_err(|_| WebError::Invalid(Msg::new("pages-formulier-kon-niet-worden")))?;
        check_sizes(&pairs)?;
        Ok(FormData(pairs))
    }
}

/// No form of the application has more fields than this (the consent form, with every role,
/// data category and purpose ticked, has about 150).
pub const MAX_FIELDS: usize = 400;
/// No field of the application is longer than this (free texts are capped lower, per field).
pub const MAX_VALUE_CHARS: usize = 10_000;
const MAX_NAME_CHARS: usize = 100;

/// Caps on every form, before any handler sees it: a field that no page sends is never stored
/// or echoed, and a flood of fields or characters is refused at once.
fn check_sizes(pairs: &[(String, String)]) -> Result<(), WebError> {
    if pairs.len() > MAX_FIELDS {
        return Err(WebError::Invalid(Msg::new("pages-formulier-heeft-te-veel").arg("MAX_FIELDS", MAX_FIELDS)));
    }
    if pairs.iter().any(|(k, v)| k.chars().count() > MAX_NAME_CHARS || v.chars().count() > MAX_VALUE_CHARS) {
        return Err(WebError::Invalid(Msg::new("pages-veld-formulier-te-lang").arg("MAX_VALUE_CHARS", MAX_VALUE_CHARS)));
    }
    Ok(())
}

impl FormData {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }

    /// Optional free text: trimmed, at most `max` characters, no control characters but newlines.
    pub fn optional(&self, name: &str, what: &'static str, max: usize) -> Result<String, WebError> {
        let v = self.get(name).unwrap_or("").trim().replace("\r\n", "\n");
        if v.chars().count() > max {
            return Err(WebError::Invalid(Msg::new("pages-te-lang-hoogstens-tekens").arg_msg("what", what).arg("max", max)));
        }
        if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            return Err(WebError::Invalid(Msg::new("pages-bevat-tekens-niet-zijn").arg_msg("what", what)));
        }
        Ok(v)
    }

    /// Required free text.
    pub fn required(&self, name: &str, what: &'static str, max: usize) -> Result<String, WebError> {
        let v = self.optional(name, what, max)?;
        if v.is_empty() {
            return Err(WebError::Invalid(Msg::new("pages-vul-in").arg_msg("what", what)));
        }
        Ok(v)
    }

    pub fn yes_no(&self, name: &str, what: &'static str) -> Result<bool, WebError> {
        match self.get(name) {
            Some("ja") | Some("true") => Ok(true),
            Some("nee") | Some("false") => Ok(false),
            _ => Err(WebError::Invalid(Msg::new("pages-kies-ja-nee-bij").arg_msg("what", what))),
        }
    }
}

/// Only local paths are followed after a form (no open redirects).
pub fn local_path(p: &str) -> &str {
    // Browsers drop tabs and newlines from a URL before resolving it, so "/\t/evil.com" would
    // become "//evil.com": accept only a same-origin path made of plain URL characters (no
    // control characters, spaces or backslashes), which also keeps the Location header valid.
    let plain = p.bytes().all(|b| b.is_ascii_alphanumeric() || b"/-._~%?=&+:@!$'()*,;#".contains(&b));
    if plain && p.starts_with('/') && !p.starts_with("//") && !p.contains("://") { p } else { "/" }
}

#[cfg(test)]
mod tests {
    use super::{MAX_FIELDS, MAX_VALUE_CHARS, check_sizes, local_path};

    #[test]
    fn every_form_is_capped_in_fields_and_length() {
        let field = |n: usize| ("reden".to_owned(), "x".repeat(n));
        assert!(check_sizes(&[field(MAX_VALUE_CHARS)]).is_ok());
        assert!(check_sizes(&[field(MAX_VALUE_CHARS + 1)]).is_err());
        assert!(check_sizes(&[("x".repeat(101), String::new())]).is_err());
        let many: Vec<(String, String)> = (0..=MAX_FIELDS).map(|i| (format!("v{i}"), "1".into())).collect();
        assert!(check_sizes(&many[..MAX_FIELDS]).is_ok());
        assert!(check_sizes(&many).is_err());
    }

    #[test]
    fn only_same_origin_paths_are_followed() {
        for ok in ["/", "/clienten", "/beraad/0192-ab/antwoord?x=1#top", "/dossier/%2Fx"] {
            assert_eq!(local_path(ok), ok);
        }
        for bad in [
            "//evil.com",
            "/\t/evil.com",
            "/\t\t/evil.com",
            "/\n/evil.com",
            "/\r\n/evil.com",
            "/ /evil.com",
            "/\\evil.com",
            "https://evil.com",
            "/x\nSet-Cookie: a=b",
            "evil.com",
            "",
            "/ü",
        ] {
            assert_eq!(local_path(bad), "/", "{bad:?}");
        }
    }
}
