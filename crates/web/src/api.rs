//! The JSON API (filled in below).

use std::sync::Arc;

use axum::Router;

use crate::{Backend, Web};

pub fn routes<S: Backend>() -> Router<Arc<Web<S>>> {
    Router::new()
}
