//! Signing in and out, and the language switch.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use super::{FormData, local_path};
use crate::auth::peer;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::view::Chrome;
use crate::{Backend, User, Web};

#[derive(Template, WebTemplate)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub c: Chrome,
    pub title: String,
    pub error: Option<String>,
    pub login: String,
}

pub async fn form(lang: Lang) -> LoginPage {
    LoginPage { title: lang.t("Inloggen", "Sign in").into(), c: Chrome::anonymous(lang, "/inloggen"), error: None, login: String::new() }
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
        let p = LoginPage { title: lang.t("Inloggen", "Sign in").into(), c: Chrome::anonymous(lang, "/inloggen"), error: Some(msg), login };
        (status, p).into_response()
    };
    if login.is_empty() || pw.is_empty() {
        return page(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            lang.t("Vul uw inlognaam en wachtwoord in.", "Enter your login name and password.").into(),
            login,
        );
    }
    match web.login(&login, &pw, &addr).await {
        Ok((token, p)) => {
            let to = start_of(p.app_role);
            ([(SET_COOKIE, web.session_cookie(&token))], Redirect::to(to)).into_response()
        }
        Err(WebError::Forbidden(nl)) => {
            let msg = if lang == Lang::En { "Login name or password is wrong, or the account is blocked.".to_owned() } else { nl };
            page(axum::http::StatusCode::FORBIDDEN, msg, login)
        }
        Err(e @ WebError::RateLimited) => {
            let (nl, en) = e.messages();
            page(e.status(), if lang == Lang::En { en } else { nl }, login)
        }
        Err(e) => e.into_response(),
    }
}

pub async fn logout<S: Backend>(State(web): State<Arc<Web<S>>>, user: Result<User, WebError>) -> Response {
    if let Ok(u) = user {
        let _ = web.log_event(&u, "uitloggen", None, "sessie", true).await;
        if let Err(e) = web.app.store().delete_session(&u.session).await {
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
