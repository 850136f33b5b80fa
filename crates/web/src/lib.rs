//! The Grondslag web application: server-rendered Dutch HTML (askama, no JavaScript needed),
//! accounts and access control, the NEN 7513 access log and the JSON API.
//!
//! Handlers are thin: they parse input, pass through the audited path (`audit.rs`, which
//! authorises with the pure `policy.rs` and logs before anything is read), call the application
//! layer (`grondslag-app`) and render. Only the store crates contain SQL.

pub mod access_labels;
pub mod api;
pub mod audit;
pub mod auth;
pub mod draft;
pub mod error;
pub mod i18n;
pub mod pages;
pub mod policy;
mod report_view;
pub mod second_factor;
pub mod serve;
pub mod view;

use grondslag_i18n::Msg;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::routing::{get, post};
use grondslag_store::{AccessStore, Store, UnixMillis};
use tower_http::set_header::SetResponseHeaderLayer;

pub use audit::{Guarded, Opened, Web, bootstrap};
pub use auth::{HashCost, User};
pub use error::{ApiError, WebError};
pub use serve::{Limits, serve};

/// A store that can hold both the dossier and the web application's records.
pub trait Backend: Store + AccessStore {}
impl<T: Store + AccessStore> Backend for T {}

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Mark cookies `Secure` (and use the `__Host-` prefix): set when served over HTTPS.
    pub secure_cookies: bool,
    /// Argon2id cost.
    pub hash_cost: HashCost,
    /// Extra origins the CSRF check accepts (e.g. the public HTTPS address behind a proxy).
    pub trusted_origins: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config { secure_cookies: false, hash_cost: HashCost::PRODUCTION, trusted_origins: Vec::new() }
    }
}

/// The current time, as the store keeps times (milliseconds since the Unix epoch).
pub fn now_ms() -> UnixMillis {
    let ms = time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
    UnixMillis::from_millis(i64::try_from(ms).unwrap_or(i64::MAX))
}

/// Renders HTML error pages again once the request is known: with the user's menu when they
/// are signed in, and in the language of the `taal` cookie. API answers (JSON) pass unchanged.
async fn error_pages<S: Backend>(
    axum::extract::State(web): axum::extract::State<Arc<Web<S>>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let path = req.uri().path().to_owned();
    if path == "/api" || path.starts_with("/api/") {
        return next.run(req).await;
    }
    // Only what identifies the user and the language is kept for the error page.
    let get = req.method() == axum::http::Method::GET;
    let mut keep = axum::http::Request::new(());
    for v in req.headers().get_all(header::COOKIE) {
        keep.headers_mut().append(header::COOKIE, v.clone());
    }
    if let Some(ci) = req.extensions().get::<axum::extract::ConnectInfo<std::net::SocketAddr>>() {
        keep.extensions_mut().insert(*ci);
    }
    let res = next.run(req).await;
    let Some(error::Shown(err)) = res.extensions().get::<error::Shown>().cloned() else { return res };
    let (mut parts, ()) = keep.into_parts();
    // The language switch returns to this page; after a form (POST), to the start.
    let here = if get && pages::local_path(&path) == path { path.as_str() } else { "/" };
    let chrome = match <User as axum::extract::FromRequestParts<Arc<Web<S>>>>::from_request_parts(&mut parts, &web).await {
        Ok(user) => view::Chrome::new(&user, here),
        Err(_) => view::Chrome::anonymous(i18n::Lang::of(&parts), here),
    };
    let mut page = err.page(chrome);
    *page.status_mut() = res.status();
    page
}

const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLE: &str = include_str!("../assets/style.css");

async fn style() -> impl axum::response::IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], STYLE)
}

const FAVICON: &str = include_str!("../assets/favicon.svg");

async fn favicon() -> impl axum::response::IntoResponse {
    ([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=86400")], FAVICON)
}

fn set(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// The whole application as a router.
pub fn router<S: Backend>(web: Arc<Web<S>>) -> Router {
    let mut csrf = tower_http::csrf::CsrfLayer::new();
    for o in &web.cfg.trusted_origins {
        if let Ok(c) = csrf.clone().add_trusted_origin(o) {
            csrf = c;
        }
    }
    use pages::*;
    let https = web.cfg.secure_cookies;
    let router = Router::new()
        .route("/", get(home::start::<S>))
        .route("/static/style.css", get(style))
        .route("/static/favicon.svg", get(favicon))
        .route("/favicon.ico", get(|| async { axum::response::Redirect::permanent("/static/favicon.svg") }))
        .route("/acuut", get(acute::page::<S>))
        .route("/kennisbank", get(knowledge::index::<S>))
        .route("/kennisbank/{id}", get(knowledge::article::<S>))
        .route("/inloggen", get(login::form).post(login::submit::<S>))
        .route("/inloggen/code", get(login::code_form).post(login::code_submit::<S>))
        .route("/uitloggen", post(login::logout::<S>))
        .route("/taal", post(login::language::<S>))
        .route("/account/wachtwoord", get(account::form).post(account::change::<S>))
        .route("/account/tweede-factor", get(account::second_factor_form::<S>))
        .route("/account/tweede-factor/bevestigen", post(account::second_factor_confirm::<S>))
        .route("/account/tweede-factor/herstelcodes", post(account::second_factor_renew::<S>))
        .route("/account/tweede-factor/uitzetten", post(account::second_factor_disable::<S>))
        .route("/clienten", get(clients::list::<S>))
        .route("/clienten/nieuw", get(clients::new_form::<S>).post(clients::create::<S>))
        .route("/clienten/zoek", post(clients::search::<S>))
        .route("/clienten/{id}", get(dossier::show::<S>))
        .route("/clienten/{id}/doorbraak", post(dossier::break_glass::<S>))
        .route("/clienten/{id}/dossier/{seq}", get(dossier::entry::<S>))
        .route("/clienten/{id}/dossier/{seq}/ontvangstbewijs", get(dossier::receipt::<S>))
        .route("/clienten/{id}/dossier/{seq}/bewijs", get(dossier::receipt_page::<S>))
        .route("/clienten/{id}/dossier/{seq}/verslag.pdf", get(pdf::deliberation::<S>))
        .route("/clienten/{id}/bundel", get(dossier::bundle::<S>))
        .route("/clienten/{id}/toestemming", get(consent::form::<S>).post(consent::register::<S>))
        .route("/clienten/{id}/toestemming/{seq}/intrekken", post(consent::withdraw::<S>))
        .route("/clienten/{id}/beraad/{seq}/besluit", get(decision::form::<S>).post(decision::record::<S>))
        .route("/clienten/{id}/meldcode", get(meldcode::show::<S>))
        .route("/clienten/{id}/meldcode.pdf", get(pdf::trajectory::<S>))
        .route("/clienten/{id}/meldcode/{stap}", post(meldcode::record::<S>))
        .route("/meldcode", get(meldcode::overview::<S>))
        .route("/beraad/nieuw", get(deliberation::start_form::<S>))
        .route("/beraad/onafgemaakt", get(drafts::list::<S>))
        .route("/beraad/{d}/weggooien", get(drafts::discard_form::<S>).post(drafts::discard::<S>))
        .route("/beraad", post(deliberation::create::<S>))
        .route("/beraad/{d}", get(deliberation::show::<S>))
        .route("/beraad/{d}/antwoord", post(deliberation::answer::<S>))
        .route("/beraad/{d}/terug", post(deliberation::back::<S>))
        .route("/beraad/{d}/afweging/{j}", get(deliberation::judgment_form::<S>).post(deliberation::judgment_save::<S>))
        .route("/beraad/{d}/vastleggen", post(deliberation::record::<S>))
        .route("/beraad/{d}/client", get(deliberation::link_form::<S>).post(deliberation::link::<S>))
        .route("/casusoverleg", get(case_conference::page::<S>))
        .route("/casusoverleg/beraad", post(case_conference::open::<S>))
        .route("/casusoverleggen", get(conferences::list::<S>).post(conferences::plan::<S>))
        .route("/casusoverleggen/{id}", get(conferences::page::<S>))
        .route("/casusoverleggen/{id}/uitnodigen", post(conferences::invite::<S>))
        .route("/casusoverleggen/{id}/beraad", post(conferences::deliberate::<S>))
        .route("/casusoverleggen/{id}/verslag", post(conferences::minutes::<S>))
        .route("/casusoverleggen/{id}/verslag/{n}/intrekken", post(conferences::withdraw::<S>))
        .route("/casusoverleggen/{id}/openbaar", get(conferences::public::<S>))
        .route("/casusoverleggen/{id}/code", post(conferences::code::<S>))
        .route("/casusoverleggen/{id}/aanmelden", get(conferences::join_form::<S>).post(conferences::join::<S>))
        .route("/beraad/{d}/verslag", get(deliberation::printable::<S>))
        .route("/voorbeelden", get(cases::list::<S>))
        .route("/voorbeelden/{id}", get(cases::show::<S>))
        .route("/voorbeelden/{id}/beraad", post(cases::open::<S>))
        .route("/beheer", get(admin::overview::<S>))
        .route("/beheer/professionals", post(admin::create_professional::<S>))
        .route("/beheer/professionals/{id}/blokkeren", post(admin::block::<S>))
        .route("/beheer/professionals/{id}/wachtwoord", post(admin::reset_password::<S>))
        .route("/beheer/professionals/{id}/tweede-factor", post(admin::reset_second_factor::<S>))
        .route("/beheer/tweede-factor", post(admin::second_factor_setting::<S>))
        .route("/beheer/zorgrelaties", post(admin::add_relation::<S>))
        .route("/beheer/zorgrelaties/beeindigen", post(admin::end_relation::<S>))
        .route("/toegangslog", get(privacy::access_log::<S>))
        .route("/toegangslog/export.csv", get(privacy::access_log_csv::<S>))
        .route("/doorbraken", get(privacy::grants::<S>))
        .route("/doorbraken/{id}/beoordeeld", post(privacy::review::<S>))
        .route("/verificatie", get(privacy::verification::<S>))
        .merge(api::routes::<S>())
        .fallback(|| async { WebError::NotFound(Msg::new("error-pagina-bestaat-niet")) })
        // 2 MiB for every form and JSON body; bundle verification has its own, larger limit.
        .layer(tower_http::limit::RequestBodyLimitLayer::new(2 * 1024 * 1024))
        .merge(api::large_body_routes::<S>())
        .layer(axum::middleware::from_fn_with_state(web.clone(), error_pages::<S>))
        .with_state(web)
        .layer(csrf)
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
        .layer(axum::middleware::from_fn(error::app_errors))
        .layer(set(header::CONTENT_SECURITY_POLICY, CSP))
        .layer(set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(set(header::X_FRAME_OPTIONS, "DENY"))
        .layer(set(header::REFERRER_POLICY, "no-referrer"))
        .layer(set(header::CACHE_CONTROL, "no-store"))
        .layer(set(HeaderName::from_static("cross-origin-opener-policy"), "same-origin"))
        .layer(set(HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=()"));
    if https {
        router
            .layer(set(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains"))
            .layer(axum::middleware::map_response(secure_cookies))
    } else {
        router
    }
}

/// Under `--https`, every cookie the application sets carries `Secure`. The handlers set it
/// themselves; this is the guarantee for any cookie added later without it.
async fn secure_cookies(mut response: axum::response::Response) -> axum::response::Response {
    let all: Vec<HeaderValue> = response.headers().get_all(header::SET_COOKIE).iter().cloned().collect();
    if all.is_empty() {
        return response;
    }
    response.headers_mut().remove(header::SET_COOKIE);
    for value in all {
        let secure = value.to_str().map(|v| v.split(';').any(|a| a.trim().eq_ignore_ascii_case("secure"))).unwrap_or(false);
        let value = if secure {
            value
        } else {
            let mut bytes = value.as_bytes().to_vec();
            bytes.extend_from_slice(b"; Secure");
            HeaderValue::from_bytes(&bytes).unwrap_or(value)
        };
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
