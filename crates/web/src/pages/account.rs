//! One's own account: changing the password. Changing it ends every other session.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use super::FormData;
use crate::auth::check_password;
use crate::error::WebError;
use crate::view::Chrome;
use crate::{Backend, User, Web};

#[derive(Template, WebTemplate)]
#[template(path = "password.html")]
pub struct PasswordPage {
    pub c: Chrome,
    pub title: String,
    pub error: Option<String>,
    pub done: bool,
}

fn page(user: &User, error: Option<String>, done: bool) -> PasswordPage {
    PasswordPage {
        title: user.lang.t("Wachtwoord wijzigen", "Change password").into(),
        c: Chrome::new(user, "/account/wachtwoord"),
        error,
        done,
    }
}

pub async fn form(user: User) -> PasswordPage {
    page(&user, None, false)
}

pub async fn change<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    let current = form.get("huidig").unwrap_or("").to_owned();
    let new = form.get("nieuw").unwrap_or("").to_owned();
    let again = form.get("herhaal").unwrap_or("").to_owned();
    let refuse = |msg: &str| Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page(&user, Some(msg.to_owned()), false)).into_response());
    let Some(cred) = web.app.store().credential_of(&user.id).await? else { return Err(WebError::Unauthenticated) };
    // The current password is checked like a login (same rate limit), so a session left open
    // on a shared computer cannot be used to take over the account.
    if web.login(&cred.login, &current, &user.source).await.map(|(token, _)| token).is_err() {
        return refuse("Uw huidige wachtwoord klopt niet.");
    }
    if new != again {
        return refuse("De twee nieuwe wachtwoorden zijn niet gelijk.");
    }
    if let Err(WebError::Invalid(m)) = check_password(&new) {
        return refuse(&m);
    }
    let hash = web.hash_password(&new).await?;
    web.app.store().set_credential(&user.id, &cred.login, &hash).await?;
    // Every session ends, this one included: sign in again with the new password.
    web.app.store().delete_sessions_of(&user.id).await?;
    web.log_event(&user, "wachtwoord.wijzigen", None, "sessie", true).await?;
    Ok(([(axum::http::header::SET_COOKIE, web.session_cookie(""))], page(&user, None, true)).into_response())
}
