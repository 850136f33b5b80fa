//! The start: signed in, go to the start page of one's role; half-way through signing in, go to
//! the step still owed; otherwise sign in.

use axum::response::{IntoResponse, Redirect, Response};

use super::login::start_of;
use crate::User;
use crate::error::WebError;

pub async fn start<S: crate::Backend>(user: Result<User, WebError>) -> Response {
    match user {
        Ok(u) => Redirect::to(start_of(u.role)).into_response(),
        Err(e @ (WebError::SecondFactor { .. } | WebError::OwnPasswordNeeded)) => e.into_response(),
        Err(_) => Redirect::to("/inloggen").into_response(),
    }
}
