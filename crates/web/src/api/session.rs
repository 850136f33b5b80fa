//! Signing in (a bearer token) and out.

use grondslag_i18n::Msg;
use std::sync::Arc;

use axum::extract::State;
use axum::http::HeaderValue;
use axum::http::StatusCode;
use axum::http::header::{RETRY_AFTER, SET_COOKIE};
use axum::response::{IntoResponse, Response};

use super::created;
use super::extract::{ApiJson, ApiUser, PeerAddr};
use super::schema::{FoutAntwoord, Inloggen, Sessie};
use crate::access_labels::Event;
use crate::auth::token_hash;
use crate::error::{ApiError, WebError, internal};
use crate::{Backend, Web};

/// Sign in: returns a session token.
///
/// Failed attempts are limited per login name and address (5 a minute), per address (30 a
/// minute) and per login name over all addresses (50 an hour, except from addresses where the
/// name signed in before); successful logins do not count, and a second-factor code counts as an
/// attempt too. An unknown login name and a wrong password get the same answer and take the same
/// time. An account with a second factor must send `code` as well; an account that must have one
/// (administrators, privacy officers, or everyone where the organisation requires it) but has not
/// set it up is refused until it has done so on the website. So is an account whose password was
/// chosen by an administrator, until it has chosen its own on the website.
#[utoipa::path(
    post,
    path = "/api/v1/sessies",
    tag = "sessies",
    security(()),
    request_body = Inloggen,
    responses(
        (status = 201, description = "Ingelogd.", body = Sessie),
        (status = 401, description = "tweede_factor_nodig: het account heeft een tweede factor; stuur de code mee in `code`. Of: het account moet eerst op de website een tweede factor instellen. eigen_wachtwoord_nodig: het account heeft een wachtwoord dat de beheerder koos en moet eerst op de website een eigen wachtwoord kiezen.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang: inlognaam of wachtwoord klopt niet, het account is geblokkeerd, of de code klopt niet (of is al gebruikt).", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: inlognaam of wachtwoord ontbreekt, of de JSON klopt niet.", body = FoutAntwoord),
        (status = 429, description = "te_veel_pogingen: wacht een minuut (`Retry-After`).", body = FoutAntwoord),
    )
)]
pub async fn login<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    PeerAddr(addr): PeerAddr,
    ApiJson(body): ApiJson<Inloggen>,
) -> Result<Response, ApiError> {
    let login = body.inlognaam.trim();
    if login.is_empty() || body.wachtwoord.is_empty() {
        return Err(WebError::Invalid(Msg::new("session-vul-inlognaam-wachtwoord-in")).into());
    }
    if login.chars().count() > 200 || body.wachtwoord.len() > 256 || body.code.as_ref().is_some_and(|c| c.chars().count() > 64) {
        return Err(WebError::Invalid(Msg::new("session-inlognaam-wachtwoord-code-te")).into());
    }
    let (token, professional) = match web.login_with_code(login, &body.wachtwoord, body.code.as_deref(), &addr).await {
        Ok(ok) => (ok.token, ok.professional),
        Err(WebError::RateLimited) => {
            let mut response = ApiError(WebError::RateLimited).into_response();
            response.headers_mut().insert(RETRY_AFTER, HeaderValue::from_static("60"));
            return Ok(response);
        }
        Err(e) => return Err(e.into()),
    };
    let session = web.store().session(&token_hash(&token)).await?.ok_or_else(|| internal("session_missing"))?;
    let verloopt = grondslag_ledger::ts_from_unix_millis(session.expires.as_millis()).ok_or_else(|| internal("clock"))?;
    Ok(created(Sessie { token, professional: professional.into(), verloopt }))
}

/// Sign out: ends the current session.
#[utoipa::path(
    delete,
    path = "/api/v1/sessies/huidig",
    tag = "sessies",
    responses(
        (status = 204, description = "Uitgelogd; het token is niet meer geldig."),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
    )
)]
pub async fn logout<S: Backend>(State(web): State<Arc<Web<S>>>, ApiUser(user): ApiUser) -> Result<Response, ApiError> {
    // As on the page: signing out must work even when the event cannot be written.
    let _ = web.log_event(&user, Event::SignedOut, None, "sessie", true).await;
    web.store().delete_session(&user.session).await?;
    if user.bearer {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, web.session_cookie(""))]).into_response())
    }
}
