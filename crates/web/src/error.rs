//! Errors as the user sees them: a Dutch message (with English), an HTTP status and a stable,
//! machine-readable code. HTML handlers return [`WebError`] (an error page); API handlers wrap it
//! in [`ApiError`] (JSON `{"fout": {"code", "bericht", "message"}}`). Internal details never
//! reach the response; they are logged by code only (no client content in technical logs).

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use grondslag_app::AppError;
use grondslag_i18n::Msg;
use grondslag_store::StoreError;

use crate::i18n::Lang;
use crate::view::Chrome;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebError {
    /// Not signed in (or the session ended).
    Unauthenticated,
    /// The password was right, but signing in is not complete: the second factor is owed
    /// (`enrol`: the account must first set one up).
    SecondFactor {
        enrol: bool,
    },
    /// Signed in with a password someone else chose (an administrator, the first run): nothing
    /// is reachable until the account has chosen its own.
    OwnPasswordNeeded,
    /// A page of the sign-in steps was asked for by a session that is already signed in.
    AlreadySignedIn,
    /// Signed in, but this is not allowed; the message says why.
    Forbidden(Msg),
    /// Forbidden because there is no care relation: a break-the-glass request is possible.
    NoCareRelation {
        client: String,
    },
    NotFound(Msg),
    /// Bad input: the message says what to fix.
    Invalid(Msg),
    Conflict(Msg),
    RateLimited,
    /// The route exists, but not for this HTTP method.
    MethodNotAllowed,
    /// The request body is larger than this route accepts.
    TooLarge,
    /// The request took longer than the server allows.
    Timeout,
    /// Something broke on our side; `code` is logged, the user gets a generic message.
    Internal(&'static str),
}

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::Unauthenticated | WebError::SecondFactor { .. } | WebError::OwnPasswordNeeded => StatusCode::UNAUTHORIZED,
            WebError::AlreadySignedIn => StatusCode::CONFLICT,
            WebError::Forbidden(_) | WebError::NoCareRelation { .. } => StatusCode::FORBIDDEN,
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            WebError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            WebError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Timeout => StatusCode::REQUEST_TIMEOUT,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code for API clients (documented in the OpenAPI document).
    pub fn code(&self) -> &'static str {
        match self {
            WebError::Unauthenticated => "niet_ingelogd",
            WebError::SecondFactor { .. } => "tweede_factor_nodig",
            WebError::OwnPasswordNeeded => "eigen_wachtwoord_nodig",
            WebError::AlreadySignedIn => "al_ingelogd",
            WebError::Forbidden(_) => "geen_toegang",
            WebError::NoCareRelation { .. } => "geen_zorgrelatie",
            WebError::NotFound(_) => "niet_gevonden",
            WebError::Invalid(_) => "ongeldige_invoer",
            WebError::Conflict(_) => "conflict",
            WebError::RateLimited => "te_veel_pogingen",
            WebError::MethodNotAllowed => "methode_niet_toegestaan",
            WebError::TooLarge => "te_groot",
            WebError::Timeout => "te_lang_gewacht",
            WebError::Internal(_) => "interne_fout",
        }
    }

    /// The message for the user: a catalogue id (`error-<code>` for the fixed ones) with its
    /// variables; rendered in the reader's language by [`WebError::text`].
    pub fn message(&self) -> Msg {
        match self {
            WebError::Forbidden(m) | WebError::NotFound(m) | WebError::Invalid(m) | WebError::Conflict(m) => m.clone(),
            WebError::SecondFactor { enrol: false } => Msg::new("error-tweede-factor-nodig"),
            WebError::SecondFactor { enrol: true } => Msg::new("error-tweede-factor-instellen"),
            WebError::Unauthenticated => Msg::new("error-niet-ingelogd"),
            WebError::OwnPasswordNeeded => Msg::new("error-eigen-wachtwoord-nodig"),
            WebError::AlreadySignedIn => Msg::new("error-al-ingelogd"),
            WebError::NoCareRelation { .. } => Msg::new("error-geen-zorgrelatie"),
            WebError::RateLimited => Msg::new("error-te-veel-pogingen"),
            WebError::MethodNotAllowed => Msg::new("error-methode-niet-toegestaan"),
            WebError::TooLarge => Msg::new("error-te-groot"),
            WebError::Timeout => Msg::new("error-te-lang-gewacht"),
            WebError::Internal(_) => Msg::new("error-interne-fout"),
        }
    }

    /// The message in one language.
    pub fn text(&self, lang: Lang) -> String {
        self.message().render(lang.rules())
    }

    /// Dutch and English text for the user.
    pub fn messages(&self) -> (String, String) {
        (self.text(Lang::Nl), self.text(Lang::En))
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { .. } => WebError::NotFound(Msg::new("error-niet-gevonden-heeft-geen")),
            // The store's own words are technical (a database constraint, a number out of range):
            // the user reads what it means for them; the code is logged.
            StoreError::Conflict(_) => {
                tracing::warn!(code = "store_conflict", "opslag weigerde");
                WebError::Conflict(Msg::new("error-store-conflict"))
            }
            StoreError::Invalid(_) => {
                tracing::warn!(code = "store_invalid", "opslag weigerde");
                WebError::Invalid(Msg::new("error-store-invalid"))
            }
            StoreError::Integrity(_) => internal("store_integrity"),
            StoreError::Backend(_) => internal("store_backend"),
        }
    }
}

impl From<grondslag_engine::EngineError> for WebError {
    fn from(e: grondslag_engine::EngineError) -> Self {
        WebError::Invalid(Msg::verbatim(e.to_string()))
    }
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Store(s) => s.into(),
            AppError::Invalid(m) => WebError::Invalid(m),
            AppError::Facts(s) => WebError::Invalid(Msg::verbatim(s.to_string())),
            AppError::Engine(e) => WebError::Invalid(Msg::verbatim(e.to_string())),
            AppError::Keys(_) => internal("keys"),
            AppError::Ledger(_) => internal("ledger"),
            AppError::Seal(_) => internal("seal"),
            AppError::Integrity(_) => internal("integrity"),
            AppError::Refused(r) => WebError::Conflict(r.message()),
        }
    }
}

/// An internal error: logs its code (never content) to stderr and hides details from the user.
pub fn internal(code: &'static str) -> WebError {
    tracing_code(code);
    WebError::Internal(code)
}

fn tracing_code(code: &str) {
    // Only the fixed code: never a message that could carry client data.
    tracing::error!(code, "interne fout");
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
            StatusCode::FORBIDDEN => lang.tr("error-no-access"),
            StatusCode::NOT_FOUND => lang.tr("error-not-found"),
            StatusCode::UNPROCESSABLE_ENTITY => lang.tr("error-check-your-input"),
            StatusCode::TOO_MANY_REQUESTS => lang.tr("error-too-many-attempts"),
            StatusCode::CONFLICT | StatusCode::METHOD_NOT_ALLOWED => lang.tr("error-this-is-not-possible"),
            StatusCode::PAYLOAD_TOO_LARGE => lang.tr("error-too-large"),
            StatusCode::REQUEST_TIMEOUT => lang.tr("error-waited-too-long"),
            _ => lang.tr("error-something-went-wrong"),
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
        match self {
            WebError::Unauthenticated => return axum::response::Redirect::to("/inloggen").into_response(),
            // A half-signed-in browser session is sent to the step it still owes.
            WebError::SecondFactor { enrol: false } => return axum::response::Redirect::to("/inloggen/code").into_response(),
            WebError::SecondFactor { enrol: true } => return axum::response::Redirect::to("/account/tweede-factor").into_response(),
            // Signed in with someone else's password: only choosing an own one is reachable.
            WebError::OwnPasswordNeeded => return axum::response::Redirect::to("/account/wachtwoord").into_response(),
            WebError::AlreadySignedIn => return axum::response::Redirect::to("/").into_response(),
            _ => {}
        }
        // Without the request at hand: Dutch, no menu. The error-page layer renders it again
        // with the user's menu and language.
        self.page(Chrome::anonymous(Lang::Nl, "/"))
    }
}

/// Responses that axum or a tower layer produced themselves (a 405 without body, a 413 or a
/// rejection in plain text, the CSRF layer's empty 403, the timeout's 408) are replaced by the
/// application's own error: the HTML page, or under `/api` the JSON error. The status stays.
pub async fn app_errors(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let path = req.uri().path();
    let api = path == "/api" || path.starts_with("/api/");
    let response = next.run(req).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let ours = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html") || t.starts_with("application/json"));
    if ours {
        return response;
    }
    let error = match status {
        StatusCode::UNAUTHORIZED => WebError::Unauthenticated,
        StatusCode::FORBIDDEN => WebError::Forbidden(Msg::new("error-verzoek-geweigerd-andere-site")),
        StatusCode::NOT_FOUND => WebError::NotFound(Msg::new("error-pagina-bestaat-niet")),
        StatusCode::METHOD_NOT_ALLOWED => WebError::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => WebError::TooLarge,
        StatusCode::REQUEST_TIMEOUT => WebError::Timeout,
        StatusCode::TOO_MANY_REQUESTS => WebError::RateLimited,
        s if s.is_server_error() => internal("framework"),
        _ => WebError::Invalid(Msg::new("error-verzoek-kon-niet-worden")),
    };
    let keeps_status = !matches!(error, WebError::Unauthenticated) || api;
    let mut out = if api { ApiError(error).into_response() } else { error.into_response() };
    if keeps_status {
        *out.status_mut() = status;
    }
    for name in [axum::http::header::ALLOW, axum::http::header::RETRY_AFTER, axum::http::header::WWW_AUTHENTICATE] {
        if let Some(v) = response.headers().get(&name) {
            out.headers_mut().insert(name, v.clone());
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The layer that finds a problem names it; the edge words it in the reader's language,
    /// the field's name included.
    #[test]
    fn errors_are_worded_at_the_edge_in_the_readers_language() {
        let e = WebError::Invalid(Msg::new("pages-vul-in").arg_msg("what", "field-naam-2"));
        assert_eq!(e.text(Lang::Nl), "Vul de naam in.");
        assert_eq!(e.text(Lang::En), "Fill in the name.");
        let long = WebError::Invalid(Msg::new("api-te-lang-hoogstens-tekens").arg_msg("what", "field-redenen-2").arg("max", 4000));
        assert_eq!(long.text(Lang::En), "your reasons is too long (at most 4000 characters).");
        // Every fixed error has its own text in both languages.
        for e in [WebError::RateLimited, WebError::TooLarge, WebError::Timeout, WebError::Internal("x"), WebError::Unauthenticated] {
            let (nl, en) = e.messages();
            assert!(!nl.is_empty() && !en.is_empty() && nl != en, "{e:?}");
            assert!(!nl.starts_with("error-") && !en.starts_with("error-"), "{e:?} has no catalogue text");
        }
        let refused = WebError::from(AppError::Refused(crate::draft::Refusal::Changed));
        assert!(refused.text(Lang::En).starts_with("Not recorded"), "{}", refused.text(Lang::En));
        assert!(refused.text(Lang::Nl).starts_with("Niet vastgelegd"));
    }
}
