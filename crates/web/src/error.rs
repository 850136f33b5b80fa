//! Errors as the user sees them: a Dutch message (with English), an HTTP status and a stable,
//! machine-readable code. HTML handlers return [`WebError`] (an error page); API handlers wrap it
//! in [`ApiError`] (JSON `{"fout": {"code", "bericht", "message"}}`). Internal details never
//! reach the response; they are logged by code only (no client content in technical logs).

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use grondslag_app::AppError;
use grondslag_store::StoreError;

use crate::i18n::Lang;
use crate::view::Chrome;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebError {
    /// Not signed in (or the session ended).
    Unauthenticated,
    /// Signed in, but this is not allowed; the message says why.
    Forbidden(String),
    /// Forbidden because there is no care relation: a break-the-glass request is possible.
    NoCareRelation {
        client: String,
    },
    NotFound(String),
    /// Bad input: the message says what to fix.
    Invalid(String),
    Conflict(String),
    RateLimited,
    /// Something broke on our side; `code` is logged, the user gets a generic message.
    Internal(&'static str),
}

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::Unauthenticated => StatusCode::UNAUTHORIZED,
            WebError::Forbidden(_) | WebError::NoCareRelation { .. } => StatusCode::FORBIDDEN,
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code for API clients (documented in the OpenAPI document).
    pub fn code(&self) -> &'static str {
        match self {
            WebError::Unauthenticated => "niet_ingelogd",
            WebError::Forbidden(_) => "geen_toegang",
            WebError::NoCareRelation { .. } => "geen_zorgrelatie",
            WebError::NotFound(_) => "niet_gevonden",
            WebError::Invalid(_) => "ongeldige_invoer",
            WebError::Conflict(_) => "conflict",
            WebError::RateLimited => "te_veel_pogingen",
            WebError::Internal(_) => "interne_fout",
        }
    }

    /// Dutch and English text for the user.
    pub fn messages(&self) -> (String, String) {
        match self {
            WebError::Unauthenticated => ("U bent niet (meer) ingelogd.".into(), "You are not (or no longer) signed in.".into()),
            WebError::Forbidden(m) => (m.clone(), "You do not have access to this.".into()),
            WebError::NoCareRelation { .. } => (
                "U heeft geen behandelrelatie met deze cliënt. Alleen in een noodsituatie kunt u toegang nemen, met een reden; dat wordt vastgelegd en achteraf beoordeeld.".into(),
                "You have no care relation with this client. Only in an emergency can you take access, with a reason; this is logged and reviewed afterwards.".into(),
            ),
            WebError::NotFound(m) => (m.clone(), "Not found, or you have no access.".into()),
            WebError::Invalid(m) => (m.clone(), "The input is not valid; see the Dutch message.".into()),
            WebError::Conflict(m) => (m.clone(), "Conflict with the current state.".into()),
            WebError::RateLimited => (
                "Te veel pogingen. Wacht een minuut en probeer het opnieuw.".into(),
                "Too many attempts. Wait a minute and try again.".into(),
            ),
            WebError::Internal(_) => (
                "Er ging iets mis aan onze kant. Er is niets verloren gegaan van wat al was vastgelegd; probeer het opnieuw of neem contact op met uw beheerder.".into(),
                "Something went wrong on our side. Nothing already recorded was lost; try again or contact your administrator.".into(),
            ),
        }
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { .. } => WebError::NotFound("Niet gevonden, of u heeft er geen toegang toe.".into()),
            StoreError::Conflict(m) => WebError::Conflict(m),
            StoreError::Invalid(m) => WebError::Invalid(m),
            StoreError::Integrity(_) => internal("store_integrity"),
            StoreError::Backend(_) => internal("store_backend"),
        }
    }
}

impl From<grondslag_engine::EngineError> for WebError {
    fn from(e: grondslag_engine::EngineError) -> Self {
        WebError::Invalid(e.to_string())
    }
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Store(s) => s.into(),
            AppError::Invalid(m) => WebError::Invalid(m),
            AppError::Facts(s) => WebError::Invalid(s.to_string()),
            AppError::Engine(e) => WebError::Invalid(e.to_string()),
            AppError::Keys(_) => internal("keys"),
            AppError::Ledger(_) => internal("ledger"),
            AppError::Seal(_) => internal("seal"),
            AppError::Integrity(_) => internal("integrity"),
            AppError::Refused(r) => WebError::Conflict(r.messages().0.into()),
        }
    }
}

/// An internal error: logs its code (never content) to stderr and hides details from the user.
pub fn internal(code: &'static str) -> WebError {
    tracing_code(code);
    WebError::Internal(code)
}

fn tracing_code(code: &str) {
    eprintln!("grondslag-web: interne fout ({code})");
}

/// An error page: the message in the chosen language (the other beneath it), the normal menu
/// when the user is known, and for a missing care relation the emergency access form.
#[derive(askama::Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub c: Chrome,
    pub title: String,
    pub primary: String,
    pub secondary: String,
    pub other_lang: &'static str,
    /// The client to ask emergency access for.
    pub break_glass: Option<String>,
}

/// Put on an HTML error response so [`crate::error_pages`] can render it again with the
/// user's menu and language.
#[derive(Debug, Clone)]
pub struct Shown(pub WebError);

impl WebError {
    fn title(&self, lang: Lang) -> &'static str {
        match self.status() {
            StatusCode::FORBIDDEN => lang.t("Geen toegang", "No access"),
            StatusCode::NOT_FOUND => lang.t("Niet gevonden", "Not found"),
            StatusCode::UNPROCESSABLE_ENTITY => lang.t("Controleer uw invoer", "Check your input"),
            StatusCode::TOO_MANY_REQUESTS => lang.t("Te veel pogingen", "Too many attempts"),
            StatusCode::CONFLICT => lang.t("Dit kan niet", "This is not possible"),
            _ => lang.t("Er ging iets mis", "Something went wrong"),
        }
    }

    /// The error as an HTML page with the given chrome (menu and language).
    pub fn page(&self, c: Chrome) -> Response {
        let (nl, en) = self.messages();
        let lang = c.lang;
        let (primary, secondary, other_lang) = match lang {
            Lang::Nl => (nl, en, "en"),
            Lang::En => (en, nl, "nl"),
        };
        let page = ErrorPage {
            title: self.title(lang).into(),
            primary,
            secondary,
            other_lang,
            break_glass: match self {
                WebError::NoCareRelation { client } => Some(client.clone()),
                _ => None,
            },
            c,
        };
        let body = askama::Template::render(&page).unwrap_or_else(|_| {
            // A template that cannot render: the plain message, never a panic.
            format!("<!doctype html><title>Grondslag</title><p>{}</p>", page.primary.replace('&', "&amp;").replace('<', "&lt;"))
        });
        let mut res = (self.status(), Html(body)).into_response();
        res.extensions_mut().insert(Shown(self.clone()));
        res
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if self == WebError::Unauthenticated {
            return axum::response::Redirect::to("/inloggen").into_response();
        }
        // Without the request at hand: Dutch, no menu. The error-page layer renders it again
        // with the user's menu and language.
        self.page(Chrome::anonymous(Lang::Nl, "/"))
    }
}

/// A [`WebError`] rendered as JSON for the API.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (nl, en) = self.0.messages();
        let body = serde_json::json!({"fout": {"code": self.0.code(), "bericht": nl, "message": en}});
        (self.0.status(), axum::Json(body)).into_response()
    }
}
