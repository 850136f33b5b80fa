//! Signing in and out, and the language switch.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use super::{FormData, local_path};
use crate::access_labels::Event;
use crate::auth::{AnySession, PendingUser, peer};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::second_factor::FactorUsed;
use crate::view::Chrome;
use crate::{Backend, Web};
use grondslag_store::SessionStage;

#[derive(Template, WebTemplate)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub c: Chrome,
    pub title: String,
    pub error: Option<String>,
    pub login: String,
}

pub async fn form(lang: Lang) -> LoginPage {
    LoginPage { title: lang.tr("common-sign-in").into(), c: Chrome::anonymous(lang, "/inloggen"), error: None, login: String::new() }
}

/// Where a role starts after signing in.
pub fn start_of(role: grondslag_store::AppRole) -> &'static str {
    use grondslag_store::AppRole::*;
    match role {
        Professional | Aandachtsfunctionaris => "/clienten",
        PrivacyOfficer => "/toegangslog",
        Administrator => "/beheer",
    }
}

pub struct Peer(pub String);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Peer {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Peer(peer(parts)))
    }
}

pub async fn submit<S: Backend>(State(web): State<Arc<Web<S>>>, lang: Lang, Peer(addr): Peer, form: FormData) -> Response {
    let login = form.get("inlognaam").unwrap_or("").trim().to_owned();
    let pw = form.get("wachtwoord").unwrap_or("").to_owned();
    let page = |status: axum::http::StatusCode, msg: String, login: String| {
        let p = LoginPage { title: lang.tr("common-sign-in").into(), c: Chrome::anonymous(lang, "/inloggen"), error: Some(msg), login };
        (status, p).into_response()
    };
    if login.is_empty() || pw.is_empty() {
        return page(axum::http::StatusCode::UNPROCESSABLE_ENTITY, lang.tr("login-enter-your-login-name-and").into(), login);
    }
    match web.login(&login, &pw, &addr).await {
        Ok(signed_in) => {
            let to = match signed_in.stage {
                SessionStage::Full => start_of(signed_in.professional.app_role),
                SessionStage::SecondFactor => "/inloggen/code",
                SessionStage::Enrol => "/account/tweede-factor",
            };
            ([(SET_COOKIE, web.session_cookie(&signed_in.token))], Redirect::to(to)).into_response()
        }
        Err(WebError::Forbidden(m)) => {
            let msg = m.render(lang.rules());
            page(axum::http::StatusCode::FORBIDDEN, msg, login)
        }
        Err(e @ WebError::RateLimited) => {
            let (nl, en) = e.messages();
            page(e.status(), if lang == Lang::En { en } else { nl }, login)
        }
        Err(e) => e.into_response(),
    }
}

/// Signing out works at every stage of signing in (also to abandon the second step).
pub async fn logout<S: Backend>(State(web): State<Arc<Web<S>>>, user: Result<AnySession, WebError>) -> Response {
    if let Ok(AnySession(u)) = user {
        let _ = web.log_event(&u, Event::SignedOut, None, "sessie", true).await;
        if let Err(e) = web.store().delete_session(&u.session).await {
            return WebError::from(e).into_response();
        }
    }
    ([(SET_COOKIE, web.session_cookie(""))], Redirect::to("/inloggen")).into_response()
}

pub async fn language<S: Backend>(State(web): State<Arc<Web<S>>>, form: FormData) -> Response {
    let lang = if form.get("taal") == Some("en") { "en" } else { "nl" };
    let back = local_path(form.get("terug").unwrap_or("/")).to_owned();
    let secure = if web.cfg.secure_cookies { "; Secure" } else { "" };
    ([(SET_COOKIE, format!("taal={lang}; Path=/; SameSite=Lax; Max-Age=31536000{secure}"))], Redirect::to(&back)).into_response()
}

#[derive(Template, WebTemplate)]
#[template(path = "login_code.html")]
pub struct CodePage {
    pub c: Chrome,
    pub title: String,
    pub error: Option<String>,
    /// The error belongs to the recovery-code form (so that form is open and described by it).
    pub recovery_error: bool,
}

fn code_page(user: &crate::User, error: Option<String>, recovery_error: bool) -> CodePage {
    let lang = user.lang;
    // No menu: nothing but this step and cancelling (signing out) is reachable yet.
    CodePage { title: lang.tr("login-sign-in-code").into(), c: Chrome::anonymous(lang, "/inloggen/code"), error, recovery_error }
}

/// The second step of signing in: the code from the authenticator app, or a recovery code.
pub async fn code_form(PendingUser(user): PendingUser) -> CodePage {
    code_page(&user, None, false)
}

pub async fn code_submit<S: Backend>(State(web): State<Arc<Web<S>>>, PendingUser(user): PendingUser, form: FormData) -> Response {
    let lang = user.lang;
    let recovery = form.get("herstelcode").map(str::trim).filter(|c| !c.is_empty());
    let answer = recovery.or(form.get("code").map(str::trim)).unwrap_or("").to_owned();
    let refuse =
        |status: axum::http::StatusCode, msg: &str| (status, code_page(&user, Some(msg.to_owned()), recovery.is_some())).into_response();
    if answer.is_empty() {
        return refuse(axum::http::StatusCode::UNPROCESSABLE_ENTITY, lang.tr("login-enter-the-code-from-your"));
    }
    let result = async {
        let store = web.store();
        let p = store.professional(&user.id).await?;
        let login = store.credential_of(&user.id).await?.map(|c| c.login).ok_or(WebError::Unauthenticated)?;
        let used = web.check_second_factor(&p, &login, &answer, &user.source).await?;
        if used == Some(FactorUsed::RecoveryCode) {
            web.log_event(&user, Event::RecoveryCodeUsed, None, "sessie", true).await?;
        }
        Ok::<_, WebError>((p, used))
    }
    .await;
    match result {
        Ok((p, Some(_))) => match web.complete_login(&user.session, &p.id).await {
            Ok(token) => ([(SET_COOKIE, web.session_cookie(&token))], Redirect::to(start_of(p.app_role))).into_response(),
            Err(e) => e.into_response(),
        },
        Ok((_, None)) => refuse(
            axum::http::StatusCode::FORBIDDEN,
            if recovery.is_some() { lang.tr("login-this-recovery-code-is-wrong") } else { lang.tr("common-the-code-is-wrong-has") },
        ),
        Err(e @ WebError::RateLimited) => {
            let (nl, en) = e.messages();
            refuse(e.status(), if lang == Lang::En { &en } else { &nl })
        }
        Err(e) => e.into_response(),
    }
}
