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

    /// Dutch and English text for the user.
    pub fn messages(&self) -> (String, String) {
        match self {
            WebError::Unauthenticated => ("U bent niet (meer) ingelogd.".into(), "You are not (or no longer) signed in.".into()),
            WebError::SecondFactor { enrol: false } => (
                "Vul de code uit uw authenticator-app in (of een herstelcode) om het inloggen af te maken.".into(),
                "Enter the code from your authenticator app (or a recovery code) to finish signing in.".into(),
            ),
            WebError::SecondFactor { enrol: true } => (
                "Uw account heeft een tweede factor nodig. Stel die eerst in via de website (Account → Tweede factor).".into(),
                "Your account needs a second factor. Set it up first on the website (Account → Second factor).".into(),
            ),
            WebError::OwnPasswordNeeded => (
                "Kies eerst een eigen wachtwoord in plaats van het wachtwoord dat u van de beheerder kreeg. Dat doet u op de website (Account → Wachtwoord).".into(),
                "First choose a password of your own instead of the one the administrator gave you. You do that on the website (Account → Password).".into(),
            ),
            WebError::AlreadySignedIn => ("U bent al ingelogd.".into(), "You are already signed in.".into()),
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
            WebError::MethodNotAllowed => (
                "Dit kan niet op dit adres: de methode van het verzoek (GET, POST, …) past er niet bij.".into(),
                "This cannot be done at this address: the request method does not fit.".into(),
            ),
            WebError::TooLarge => (
                "Wat u stuurde is te groot om te verwerken.".into(),
                "What you sent is too large to process.".into(),
            ),
            WebError::Timeout => (
                "Het verzoek duurde te lang. Probeer het opnieuw.".into(),
                "The request took too long. Try again.".into(),
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
            StatusCode::FORBIDDEN => lang.t("Geen toegang", "No access"),
            StatusCode::NOT_FOUND => lang.t("Niet gevonden", "Not found"),
            StatusCode::UNPROCESSABLE_ENTITY => lang.t("Controleer uw invoer", "Check your input"),
            StatusCode::TOO_MANY_REQUESTS => lang.t("Te veel pogingen", "Too many attempts"),
            StatusCode::CONFLICT | StatusCode::METHOD_NOT_ALLOWED => lang.t("Dit kan niet", "This is not possible"),
            StatusCode::PAYLOAD_TOO_LARGE => lang.t("Te groot", "Too large"),
            StatusCode::REQUEST_TIMEOUT => lang.t("Te lang gewacht", "Waited too long"),
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
        StatusCode::FORBIDDEN => WebError::Forbidden(
            "Dit verzoek is geweigerd. Kwam het formulier van een andere site? Open de pagina opnieuw via Grondslag.".into(),
        ),
        StatusCode::NOT_FOUND => WebError::NotFound("Deze pagina bestaat niet.".into()),
        StatusCode::METHOD_NOT_ALLOWED => WebError::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => WebError::TooLarge,
        StatusCode::REQUEST_TIMEOUT => WebError::Timeout,
        StatusCode::TOO_MANY_REQUESTS => WebError::RateLimited,
        s if s.is_server_error() => internal("framework"),
        _ => WebError::Invalid("Het verzoek kon niet worden gelezen.".into()),
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
