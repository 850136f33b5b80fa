//! The start: signed in, go to the start page of one's role; otherwise sign in.

use axum::response::Redirect;

use super::login::start_of;
use crate::User;
use crate::error::WebError;

pub async fn start<S: crate::Backend>(user: Result<User, WebError>) -> Redirect {
    match user {
        Ok(u) => Redirect::to(start_of(u.role)),
        Err(_) => Redirect::to("/inloggen"),
    }
}
