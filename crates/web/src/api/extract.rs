//! Extractors for the API. Each wraps an axum extractor and turns its rejection into an
//! [`ApiError`] (`{"fout": {"code", "bericht", "message"}}`), so a client never gets axum's
//! plain-text rejections or the HTML login redirect: bad JSON or wrong types are
//! `422 ongeldige_invoer` with a Dutch message naming the field, a missing session is
//! `401 niet_ingelogd`.

use grondslag_i18n::Msg;
use std::sync::Arc;

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::WWW_AUTHENTICATE;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use crate::error::{ApiError, WebError};
use crate::{Backend, User, Web};

/// A signed-in user (bearer token or session cookie); without a valid session the request is
/// refused with `401 niet_ingelogd` and `WWW-Authenticate: Bearer`.
#[derive(Debug, Clone)]
pub struct ApiUser(pub User);

/// The rejection of [`ApiUser`].
#[derive(Debug)]
pub struct Refused(pub ApiError);

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        let unauthenticated = self.0.0 == WebError::Unauthenticated;
        let mut response = self.0.into_response();
        if unauthenticated {
            response.headers_mut().insert(WWW_AUTHENTICATE, axum::http::HeaderValue::from_static("Bearer"));
        }
        response
    }
}

impl<S: Backend> FromRequestParts<Arc<Web<S>>> for ApiUser {
    type Rejection = Refused;

    async fn from_request_parts(parts: &mut Parts, web: &Arc<Web<S>>) -> Result<Self, Self::Rejection> {
        User::from_request_parts(parts, web).await.map(ApiUser).map_err(|e| Refused(ApiError(e)))
    }
}

/// The peer address of the request (for the login rate limiter).
#[derive(Debug, Clone)]
pub struct PeerAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PeerAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(PeerAddr(crate::auth::peer(parts)))
    }
}

/// A JSON body (`Content-Type: application/json`) deserialised into `T`.
#[derive(Debug, Clone)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !json_content_type(req.headers()) {
            return Err(ApiError(WebError::Invalid(Msg::new("extract-stuur-invoer-als-json"))));
        }
        let bytes = match axum::body::Bytes::from_request(req, state).await {
            Ok(b) => b,
            Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => return Err(ApiError(WebError::TooLarge)),
            Err(_) => return Err(ApiError(WebError::Invalid(Msg::new("extract-invoer-kon-niet-worden")))),
        };
        // serde_json would keep the last of two equal keys without a word: refuse them, so that
        // what the sender wrote and what is evaluated cannot differ.
        if let Err(m) = grondslag_ledger::no_duplicate_keys(&bytes) {
            return Err(ApiError(WebError::Invalid(Msg::new("extract-invoer-niet-eenduidig").arg("m", m))));
        }
        match axum::Json::<T>::from_bytes(&bytes) {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(e) => Err(ApiError(WebError::Invalid(Msg::verbatim(json_message(&e))))),
        }
    }
}

/// `application/json` or a `+json` type, as axum's own `Json` accepts.
fn json_content_type(headers: &axum::http::HeaderMap) -> bool {
    let Some(value) = headers.get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else { return false };
    let mime = value.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}

/// The Dutch message for a refused JSON body.
pub fn json_message(e: &JsonRejection) -> String {
    let detail = || std::error::Error::source(e).map(|s| dutch_detail(&s.to_string())).unwrap_or_default();
    match e {
        JsonRejection::JsonDataError(_) => format!("De invoer heeft niet de verwachte vorm: {}.", detail()),
        JsonRejection::JsonSyntaxError(_) => format!("De invoer is geen geldige JSON: {}.", detail()),
        JsonRejection::MissingJsonContentType(_) => "Stuur de invoer als JSON, met de kop ‘Content-Type: application/json’.".into(),
        _ => "De invoer kon niet worden gelezen.".into(),
    }
}

/// Path parameters; a value of the wrong type (e.g. a sequence number that is not a number)
/// names nothing that exists: `404 niet_gevonden`.
#[derive(Debug, Clone)]
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => Ok(ApiPath(v)),
            Err(PathRejection::FailedToDeserializePathParams(_)) => {
                Err(ApiError(WebError::NotFound(Msg::new("extract-adres-bestaat-niet-onderdeel"))))
            }
            Err(_) => Err(ApiError(crate::error::internal("api_path"))),
        }
    }
}

/// Query parameters; unknown values or wrong types are `422 ongeldige_invoer`.
#[derive(Debug, Clone)]
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(ApiQuery(v)),
            Err(e @ QueryRejection::FailedToDeserializeQueryString(_)) => {
                let detail = std::error::Error::source(&e).map(|s| dutch_detail(&s.to_string())).unwrap_or_default();
                Err(ApiError(WebError::Invalid(Msg::new("extract-zoekparameters-kloppen-niet").arg("detail", detail))))
            }
            Err(_) => Err(ApiError(WebError::Invalid(Msg::new("extract-zoekparameters-kloppen-niet-2")))),
        }
    }
}

/// Translates the usual serde messages ("missing field `x`", "invalid type: …, expected …",
/// "… at line 1 column 5") into Dutch; the names of fields, values and types stay as they are.
pub fn dutch_detail(text: &str) -> String {
    // serde_path_to_error puts the path in front: `facts.client_age: invalid type: …`.
    let (path, rest) = match text.split_once(": ") {
        Some((p, r)) if !p.contains(' ') && !p.is_empty() => (Some(p), r),
        _ => (None, text),
    };
    let (message, position) = match rest.rsplit_once(" at line ") {
        Some((m, pos)) => match pos.split_once(" column ") {
            Some((line, col)) if line.bytes().all(|b| b.is_ascii_digit()) && col.bytes().all(|b| b.is_ascii_digit()) => {
                (m, Some(format!(" (regel {line}, kolom {col})")))
            }
            _ => (rest, None),
        },
        None => (rest, None),
    };
    let dutch = if let Some(f) = message.strip_prefix("missing field ") {
        format!("het veld {} ontbreekt", quote(f))
    } else if let Some(r) = message.strip_prefix("unknown field ") {
        match r.split_once(", expected ") {
            Some((f, known)) => format!("onbekend veld {}; toegestaan: {}", quote(f), known.replace("one of ", "")),
            None => format!("onbekend veld {}", quote(r)),
        }
    } else if let Some(r) = message.strip_prefix("unknown variant ") {
        match r.split_once(", expected ") {
            Some((v, known)) => {
                format!("onbekende waarde {}; toegestaan: {}", quote(v), known.replace("one of ", "").replace(" or ", " of "))
            }
            None => format!("onbekende waarde {}", quote(r)),
        }
    } else if let Some(r) = message.strip_prefix("invalid type: ") {
        match r.split_once(", expected ") {
            Some((found, expected)) => format!("verkeerd type: {} gevonden, verwacht {}", dutch_type(found), dutch_type(expected)),
            None => format!("verkeerd type: {r}"),
        }
    } else if let Some(r) = message.strip_prefix("invalid value: ") {
        match r.split_once(", expected ") {
            Some((found, expected)) => format!("ongeldige waarde: {found}, verwacht {expected}"),
            None => format!("ongeldige waarde: {r}"),
        }
    } else if let Some(f) = message.strip_prefix("duplicate field ") {
        format!("het veld {} komt twee keer voor", quote(f))
    } else if message.starts_with("EOF while parsing") {
        "de invoer houdt te vroeg op".into()
    } else if message == "trailing characters" {
        "er staat nog iets na het einde van de JSON".into()
    } else if message.starts_with("expected ") || message.starts_with("key must be") {
        format!("syntaxfout ({message})")
    } else {
        message.to_owned()
    };
    // An unknown field is named already; the path then ends in that field.
    let path = match (path, message.strip_prefix("unknown field `").and_then(|r| r.split_once('`'))) {
        (Some(p), Some((field, _))) if p == field => None,
        (Some(p), Some((field, _))) => p.strip_suffix(&format!(".{field}")).or(Some(p)),
        (p, _) => p,
    };
    match path {
        Some(p) => format!("bij ‘{p}’: {dutch}{}", position.unwrap_or_default()),
        None => format!("{dutch}{}", position.unwrap_or_default()),
    }
}

/// Serde's names of JSON types, in Dutch.
fn dutch_type(t: &str) -> String {
    let t = t.trim();
    if t.starts_with("struct ") || t == "a map" || t == "map" {
        return "een object".into();
    }
    match t {
        "a string" => "een tekst".into(),
        "a boolean" => "true of false".into(),
        "a sequence" | "sequence" => "een lijst".into(),
        "null" | "unit value" => "null".into(),
        "u64" | "u32" | "u16" | "u8" | "i64" | "i32" | "usize" => "een geheel getal".into(),
        _ => {
            for (en, nl) in [("string ", "tekst "), ("integer ", "getal "), ("floating point ", "getal "), ("boolean ", "")] {
                if let Some(rest) = t.strip_prefix(en) {
                    return format!("{nl}{rest}");
                }
            }
            t.to_owned()
        }
    }
}

fn quote(s: &str) -> String {
    format!("‘{}’", s.trim_matches('`'))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::dutch_detail;

    #[test]
    fn serde_messages_become_dutch() {
        assert_eq!(dutch_detail("missing field `wachtwoord` at line 1 column 22"), "het veld ‘wachtwoord’ ontbreekt (regel 1, kolom 22)");
        assert_eq!(
            dutch_detail("datum: invalid type: integer `5`, expected a string at line 1 column 10"),
            "bij ‘datum’: verkeerd type: getal `5` gevonden, verwacht een tekst (regel 1, kolom 10)"
        );
        assert_eq!(
            dutch_detail("taal: unknown variant `de`, expected `nl` or `en` at line 1 column 3"),
            "bij ‘taal’: onbekende waarde ‘de’; toegestaan: `nl` of `en` (regel 1, kolom 3)"
        );
        assert_eq!(dutch_detail("EOF while parsing an object at line 1 column 1"), "de invoer houdt te vroeg op (regel 1, kolom 1)");
    }
}
