//! One's own account: changing the password (which ends every session), choosing an own password
//! in place of one an administrator gave (before anything else is reachable), and the second factor
//! (setting it up with a QR code, recovery codes shown once, renewing them, turning it off where
//! it is not required).

use grondslag_i18n::Msg;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use super::FormData;
use crate::access_labels::Event;
use crate::auth::{EnrollingUser, PasswordUser, check_password};
use crate::error::WebError;
use crate::second_factor;
use crate::view::Chrome;
use crate::{Backend, User, Web};

#[derive(Template, WebTemplate)]
#[template(path = "password.html")]
pub struct PasswordPage {
    pub c: Chrome,
    pub title: String,
    pub error: Option<String>,
    pub done: bool,
    /// The account signed in with a password someone else chose and must choose its own first.
    pub forced: bool,
    /// Where "continue" leads once a forced change is done.
    pub next: &'static str,
}

fn page(user: &User, forced: bool, error: Option<String>, done: bool) -> PasswordPage {
    let mut c = Chrome::new(user, "/account/wachtwoord");
    if forced {
        // Nothing but this page and signing out is reachable until the account has its own password.
        c.nav.clear();
    }
    PasswordPage {
        title: if forced { user.lang.tr("account-choose-your-own-password") } else { user.lang.tr("common-change-password") }.into(),
        c,
        error,
        done,
        forced,
        next: crate::pages::login::start_of(user.role),
    }
}

pub async fn form(u: PasswordUser) -> PasswordPage {
    page(&u.user, u.forced, None, false)
}

/// Changes one's password. For an account that signed in with a password an administrator (or
/// the first run) chose, this is the only page it reaches: the new password must differ from
/// that one; the first own password takes the account into use (recorded, and logged for the
/// privacyfunctionaris) and the session continues under a new token.
pub async fn change<S: Backend>(State(web): State<Arc<Web<S>>>, u: PasswordUser, form: FormData) -> Result<Response, WebError> {
    let PasswordUser { user, forced } = u;
    let current = form.get("huidig").unwrap_or("").to_owned();
    let new = form.get("nieuw").unwrap_or("").to_owned();
    let again = form.get("herhaal").unwrap_or("").to_owned();
    let refuse = |msg: Msg| {
        Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page(&user, forced, Some(msg.render(user.lang.rules())), false)).into_response())
    };
    let Some(cred) = web.store().credential_of(&user.id).await? else { return Err(WebError::Unauthenticated) };
    // The current password is checked like a login (same rate limit), so a session left open
    // on a shared computer cannot be used to take over the account.
    if web.check_login(&cred.login, &current, &user.source).await.is_err() {
        return refuse(Msg::new("account-current-password-wrong"));
    }
    if new != again {
        return refuse(Msg::new("account-new-passwords-differ"));
    }
    if let Err(WebError::Invalid(m)) = check_password(&new) {
        return refuse(m);
    }
    if new == current {
        return refuse(Msg::new(if forced { "account-choose-other-than-given" } else { "account-same-as-current" }));
    }
    let hash = web.hash_password(&new).await?;
    let store = web.store();
    store.set_credential(&user.id, &cred.login, &hash, grondslag_store::PasswordOrigin::Own).await?;
    // Every session ends, this one included.
    store.delete_sessions_of(&user.id).await?;
    if !forced {
        web.log_event(&user, Event::PasswordChanged, None, "sessie", true).await?;
        // Sign in again with the new password.
        return Ok(([(axum::http::header::SET_COOKIE, web.session_cookie(""))], page(&user, false, None, true)).into_response());
    }
    // The password the administrator chose is replaced: signing in is complete and continues
    // under a new token. The first own password takes the account into use.
    if store.record_first_use(&user.id, crate::now_ms()).await? {
        web.log_event(&user, Event::FirstOwnPassword, None, "sessie", true).await?;
    } else {
        web.log_event(&user, Event::PasswordChanged, None, "sessie", true).await?;
    }
    let token = web.complete_login(&user.session, &user.id).await?;
    Ok(([(axum::http::header::SET_COOKIE, web.session_cookie(&token))], page(&user, true, None, true)).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "second_factor.html")]
pub struct SecondFactorPage {
    pub c: Chrome,
    pub title: String,
    pub error: Option<String>,
    pub done: Option<String>,
    /// The factor is on.
    pub active: bool,
    /// The account may not turn it off (role or organisation).
    pub required: bool,
    /// Signing in waits for this enrolment; nothing else is reachable.
    pub enrolling: bool,
    /// While setting up: the secret in groups and its QR code (inline SVG).
    pub secret_groups: String,
    pub qr: String,
    /// Recovery codes, shown once (after enrolment or renewal).
    pub recovery_codes: Vec<String>,
    pub codes_left: u64,
    /// Where "continue" leads after enrolment.
    pub next: &'static str,
}

async fn factor_page<S: Backend>(
    web: &Web<S>,
    user: &User,
    enrolling: bool,
    error: Option<String>,
    done: Option<String>,
    recovery_codes: Vec<String>,
) -> Result<SecondFactorPage, WebError> {
    let lang = user.lang;
    let store = web.store();
    let p = store.professional(&user.id).await?;
    let mut c = Chrome::new(user, "/account/tweede-factor");
    if enrolling {
        // Nothing but this page and signing out is reachable until the factor is on.
        c.nav.clear();
    }
    let (secret_groups, qr) = match web.pending_secret(&p).await? {
        Some(secret) => {
            let login = store.credential_of(&p.id).await?.map(|c| c.login).unwrap_or_else(|| p.name.clone());
            let url = second_factor::otpauth_url(&secret, &login)?;
            let label = lang.tr("account-qr-code-to-add-grondslag");
            (second_factor::secret_groups(&secret), second_factor::qr_svg(&url, label)?)
        }
        None => (String::new(), String::new()),
    };
    Ok(SecondFactorPage {
        title: lang.tr("common-second-factor").into(),
        c,
        error,
        done,
        active: secret_groups.is_empty(),
        required: web.second_factor_required(&p).await?,
        enrolling,
        secret_groups,
        qr,
        recovery_codes,
        codes_left: store.recovery_codes_left(&p.id).await?,
        next: crate::pages::login::start_of(p.app_role),
    })
}

fn refusal_text(user: &User, e: &WebError) -> String {
    let (nl, en) = e.messages();
    if user.lang == crate::i18n::Lang::En { en } else { nl }
}

fn wrong_code(user: &User) -> String {
    user.lang.tr("common-the-code-is-wrong-has").into()
}

/// The second factor of one's own account: set it up, renew recovery codes, turn it off.
pub async fn second_factor_form<S: Backend>(State(web): State<Arc<Web<S>>>, u: EnrollingUser) -> Result<SecondFactorPage, WebError> {
    factor_page(&web, &u.user, u.enrolling, None, None, Vec::new()).await
}

/// Confirms enrolment with the first valid code; shows the recovery codes once. A session that
/// waited for this enrolment is signed in fully (with a new token).
pub async fn second_factor_confirm<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    u: EnrollingUser,
    form: FormData,
) -> Result<Response, WebError> {
    let user = &u.user;
    let code = form.get("code").unwrap_or("").trim().to_owned();
    let p = web.store().professional(&user.id).await?;
    let login = web.store().credential_of(&user.id).await?.map(|c| c.login).ok_or(WebError::Unauthenticated)?;
    let codes = match web.confirm_second_factor(&p, &login, &code, &user.source).await {
        Ok(Some(codes)) => codes,
        Ok(None) => {
            let page = factor_page(&web, user, u.enrolling, Some(wrong_code(user)), None, Vec::new()).await?;
            return Ok((axum::http::StatusCode::FORBIDDEN, page).into_response());
        }
        Err(e @ (WebError::RateLimited | WebError::Conflict(_))) => {
            let page = factor_page(&web, user, u.enrolling, Some(refusal_text(user, &e)), None, Vec::new()).await?;
            return Ok((e.status(), page).into_response());
        }
        Err(e) => return Err(e),
    };
    web.log_event(user, Event::SecondFactorOn, None, "sessie", true).await?;
    // Sessions opened with the password alone end (elsewhere too); this one continues, fully
    // signed in, under a new token.
    web.store().delete_sessions_of(&user.id).await?;
    let token = web.complete_login(&user.session, &user.id).await?;
    let done = Some(user.lang.tr("account-the-second-factor-is-on").to_owned());
    let page = factor_page(&web, user, false, None, done, codes).await?;
    Ok(([(axum::http::header::SET_COOKIE, web.session_cookie(&token))], page).into_response())
}

/// Checks the code given with a change to the factor; `Err` with the page to show when wrong.
async fn with_code<S: Backend>(web: &Web<S>, user: &User, form: &FormData) -> Result<Result<(), Response>, WebError> {
    let store = web.store();
    let p = store.professional(&user.id).await?;
    let login = store.credential_of(&user.id).await?.map(|c| c.login).ok_or(WebError::Unauthenticated)?;
    let answer = form.get("code").unwrap_or("").trim().to_owned();
    let msg = match web.check_second_factor(&p, &login, &answer, &user.source).await {
        Ok(Some(used)) => {
            if used == second_factor::FactorUsed::RecoveryCode {
                web.log_event(user, Event::RecoveryCodeUsed, None, "sessie", true).await?;
            }
            return Ok(Ok(()));
        }
        Ok(None) => (axum::http::StatusCode::FORBIDDEN, wrong_code(user)),
        Err(e @ WebError::RateLimited) => (e.status(), refusal_text(user, &e)),
        Err(e) => return Err(e),
    };
    Ok(Err((msg.0, factor_page(web, user, false, Some(msg.1), None, Vec::new()).await?).into_response()))
}

/// New recovery codes (the old ones stop working), after a valid code.
pub async fn second_factor_renew<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    if web.active_second_factor(&user.id).await?.is_none() {
        return Err(WebError::Conflict(Msg::new("account-tweede-factor-staat-niet")));
    }
    if let Err(page) = with_code(&web, &user, &form).await? {
        return Ok(page);
    }
    let p = web.store().professional(&user.id).await?;
    let codes = web.renew_recovery_codes(&p).await?;
    web.log_event(&user, Event::RecoveryCodesRenewed, None, "sessie", true).await?;
    let done = Some(user.lang.tr("account-new-recovery-codes-made-the").to_owned());
    Ok(factor_page(&web, &user, false, None, done, codes).await?.into_response())
}

/// Turns the factor off, after a valid code, for an account that does not need one.
pub async fn second_factor_disable<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    let p = web.store().professional(&user.id).await?;
    if web.second_factor_required(&p).await? {
        let e = WebError::Conflict(Msg::new("account-voor-account-tweede-factor"));
        let page = factor_page(&web, &user, false, Some(refusal_text(&user, &e)), None, Vec::new()).await?;
        return Ok((e.status(), page).into_response());
    }
    if web.active_second_factor(&user.id).await?.is_none() {
        return Err(WebError::Conflict(Msg::new("account-tweede-factor-staat-niet")));
    }
    if let Err(page) = with_code(&web, &user, &form).await? {
        return Ok(page);
    }
    web.store().remove_second_factor(&user.id).await?;
    web.log_event(&user, Event::SecondFactorOff, None, "sessie", true).await?;
    let done = Some(user.lang.tr("account-the-second-factor-is-off").to_owned());
    Ok(factor_page(&web, &user, false, None, done, Vec::new()).await?.into_response())
}
