//! The JSON API in-process on a temporary SQLite database with the demo organisation: sessions,
//! evaluation, deliberation, decisions and consents with receipts that verify, the meldcode
//! trajectory and the aandachtsfunctionaris' overview, the policy's refusals (401/403/404), the
//! access log, input errors and the OpenAPI document.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use grondslag_app::{App, Identity, Receipt};
use grondslag_ledger::VerifierKey;
use grondslag_store::{AccessStore, ProfessionalId, Store};
use grondslag_store_sqlite::SqliteStore;
use grondslag_web::{Config, HashCost, Web, WebError};
use serde_json::{Value, json};
use tower::ServiceExt as _;

const PASSWORD: &str = "demo-wachtwoord-oost";
const DAY: &str = "2026-11-23";

struct Api {
    web: Arc<Web<SqliteStore>>,
    /// The application layer on the same store and keys, for setting up and checking (the
    /// server's own is private to its audited path).
    core: App<SqliteStore>,
    router: Router,
    /// Tokens of accounts with a second factor, reused (a code works once per 30 s step).
    tokens: std::sync::Mutex<std::collections::HashMap<String, String>>,
    _dir: tempfile::TempDir,
}

/// The current RFC 6238 time step.
fn now_step() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 30
}

/// The code of a step, computed independently of the server with totp-rs.
fn code_for(secret: &[u8], step: u64) -> String {
    totp_rs::Builder::new().with_secret(secret.to_vec()).build().unwrap().generate(step * 30).to_string()
}

/// A code the server has not accepted yet (current or next step; waits if both are used).
async fn fresh_code(web: &Web<SqliteStore>, professional: &ProfessionalId, secret: &[u8]) -> String {
    loop {
        let last = web.store().second_factor(professional).await.unwrap().unwrap().last_step.unwrap_or(-1);
        let now = now_step();
        if let Some(step) = [now, now + 1].into_iter().find(|s| *s as i64 > last) {
            return code_for(secret, step);
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
}

/// Sets up a second factor for `login` as the browser would; returns the professional's id,
/// the secret and the recovery codes. The attempt is counted under another name, so the tests
/// keep this minute's five login attempts of `login`.
async fn enrol(web: &Web<SqliteStore>, login: &str) -> (ProfessionalId, Vec<u8>, Vec<String>) {
    let cred = web.store().credential_by_login(login).await.unwrap().unwrap();
    let p = web.store().professional(&cred.professional).await.unwrap();
    let secret = web.pending_secret(&p).await.unwrap().unwrap();
    let codes =
        web.confirm_second_factor(&p, &format!("{login}-inschrijving"), &code_for(&secret, now_step()), "x").await.unwrap().unwrap();
    (p.id, secret, codes)
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Value,
}

impl Reply {
    fn code(&self) -> &str {
        self.body["fout"]["code"].as_str().unwrap_or_else(|| panic!("geen foutcode in {} {}", self.status, self.body))
    }

    fn message(&self) -> &str {
        self.body["fout"]["bericht"].as_str().unwrap_or("")
    }

    #[track_caller]
    fn expect(&self, status: StatusCode) -> &Value {
        assert_eq!(self.status, status, "{}", self.body);
        &self.body
    }

    #[track_caller]
    fn refused(&self, status: StatusCode, code: &str) {
        assert_eq!((self.status, self.code()), (status, code), "{}", self.body);
        assert!(!self.message().is_empty());
        assert!(self.body["fout"]["message"].is_string());
    }
}

async fn setup() -> Api {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path().join("grondslag.db")).await.unwrap();
    let core = App::new(store.clone(), dir.path(), grondslag_rules::load_embedded().unwrap());
    let app = App::new(store, dir.path(), grondslag_rules::load_embedded().unwrap());
    let web = Web::new(app, Config { hash_cost: HashCost::TEST, ..Default::default() }).await.unwrap();
    web.demo().await.unwrap().unwrap();
    let router = grondslag_web::router(web.clone());
    Api { web, core, router, tokens: Default::default(), _dir: dir }
}

impl Api {
    async fn raw(&self, req: Request<Body>) -> Reply {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX).await.unwrap();
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or_else(|_| panic!("geen JSON ({status}): {}", String::from_utf8_lossy(&bytes)))
        };
        Reply { status, headers, body }
    }

    async fn call(&self, method: Method, path: &str, token: Option<&str>, body: Option<Value>) -> Reply {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let req = match body {
            Some(b) => req.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_string())).unwrap(),
            None => req.body(Body::empty()).unwrap(),
        };
        self.raw(req).await
    }

    async fn get(&self, path: &str, token: &str) -> Reply {
        self.call(Method::GET, path, Some(token), None).await
    }

    async fn post(&self, path: &str, token: &str, body: Value) -> Reply {
        self.call(Method::POST, path, Some(token), Some(body)).await
    }

    /// Posts raw bytes as JSON.
    async fn post_text(&self, path: &str, token: Option<&str>, text: &str) -> Reply {
        let mut req = Request::builder().method(Method::POST).uri(path).header(header::CONTENT_TYPE, "application/json");
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        self.raw(req.body(Body::from(text.to_owned())).unwrap()).await
    }

    /// A session token for `login`. An administrator or privacy officer first sets up the second
    /// factor (as in the browser) and then signs in with a code.
    async fn login(&self, login: &str) -> String {
        if let Some(t) = self.tokens.lock().unwrap().get(login) {
            return t.clone();
        }
        let r = self.call(Method::POST, "/api/v1/sessies", None, Some(json!({"inlognaam": login, "wachtwoord": PASSWORD}))).await;
        if r.status == StatusCode::CREATED {
            return r.body["token"].as_str().unwrap().to_owned();
        }
        r.refused(StatusCode::UNAUTHORIZED, "tweede_factor_nodig");
        let (id, secret, _) = enrol(&self.web, login).await;
        let code = fresh_code(&self.web, &id, &secret).await;
        let r =
            self.call(Method::POST, "/api/v1/sessies", None, Some(json!({"inlognaam": login, "wachtwoord": PASSWORD, "code": code}))).await;
        let token = r.expect(StatusCode::CREATED)["token"].as_str().unwrap().to_owned();
        self.tokens.lock().unwrap().insert(login.to_owned(), token.clone());
        token
    }

    async fn client_id(&self, token: &str, name: &str) -> String {
        let r = self.get("/api/v1/clienten", token).await;
        let list = r.expect(StatusCode::OK).as_array().unwrap();
        list.iter().find(|c| c["naam"] == name).unwrap_or_else(|| panic!("{name} niet in {list:?}"))["id"].as_str().unwrap().to_owned()
    }

    async fn verifier_key(&self) -> VerifierKey {
        let orgs = self.core.organisations().await.unwrap();
        let org = orgs.iter().find(|o| o.name.starts_with("Demo")).unwrap();
        self.core.org_keys(&org.id).unwrap().verifier_key().unwrap()
    }
}

/// An insurer asks the GP about an adult, competent patient.
fn insurer_facts() -> Value {
    json!({
        "sender_role": "huisarts",
        "recipient_role": "verzekeraar",
        "request_from": "verzekeraar",
        "recipient_in_treatment_relation": false,
        "data_categories": ["health"],
        "purpose": "insurance_or_employment",
        "client_age": "adult",
        "client_competent": true,
        "consent": "given"
    })
}

fn receipt(v: &Value) -> Receipt {
    serde_json::from_value(v.clone()).unwrap()
}

/// Every operation of the API: (method, path as documented).
const OPERATIONS: [(&str, &str); 32] = [
    ("get", "/api/openapi.json"),
    ("post", "/api/v1/sessies"),
    ("delete", "/api/v1/sessies/huidig"),
    ("post", "/api/v1/evaluaties"),
    ("post", "/api/v1/casusoverleg"),
    ("get", "/api/v1/casusoverleggen"),
    ("post", "/api/v1/casusoverleggen"),
    ("get", "/api/v1/casusoverleggen/{id}"),
    ("post", "/api/v1/casusoverleggen/{id}/uitnodigingen"),
    ("post", "/api/v1/casusoverleggen/{id}/beraden"),
    ("post", "/api/v1/casusoverleggen/{id}/verslag"),
    ("post", "/api/v1/casusoverleggen/{id}/codes"),
    ("post", "/api/v1/casusoverleggen/{id}/aanmelding"),
    ("get", "/api/v1/clienten"),
    ("get", "/api/v1/clienten/{id}/dossier"),
    ("get", "/api/v1/clienten/{id}/dossier/{seq}/ontvangstbewijs"),
    ("get", "/api/v1/clienten/{id}/dossier/{seq}/dossiertekst"),
    ("post", "/api/v1/clienten/{id}/beraden"),
    ("post", "/api/v1/clienten/{id}/besluiten"),
    ("get", "/api/v1/clienten/{id}/toestemmingen"),
    ("post", "/api/v1/clienten/{id}/toestemmingen"),
    ("post", "/api/v1/clienten/{id}/toestemmingen/{seq}/intrekking"),
    ("get", "/api/v1/clienten/{id}/bundel"),
    ("get", "/api/v1/clienten/{id}/fhir"),
    ("get", "/api/v1/clienten/{id}/meldcode"),
    ("post", "/api/v1/clienten/{id}/meldcode"),
    ("get", "/api/v1/meldcode"),
    ("post", "/api/v1/verificatie/bundel"),
    ("get", "/api/v1/organisatie/verificatie"),
    ("get", "/api/v1/toegangslog"),
    ("get", "/api/v1/voorbeelden"),
    ("get", "/api/v1/voorbeelden/{id}"),
];

fn documented(doc: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in ["get", "put", "post", "delete", "patch", "head", "options"] {
            if item.get(method).is_some() {
                out.insert((method.to_owned(), path.clone()));
            }
        }
    }
    out
}

#[tokio::test]
async fn the_openapi_document_lists_every_route_and_error_code() {
    let api = setup().await;
    let r = api.call(Method::GET, "/api/openapi.json", None, None).await;
    let doc = r.expect(StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    let expected: BTreeSet<(String, String)> = OPERATIONS.iter().map(|(m, p)| (m.to_string(), p.to_string())).collect();
    assert_eq!(documented(doc), expected);

    // Each operation: a 500 answer; each one behind a session: a 401 answer.
    for (method, path) in &OPERATIONS {
        let op = &doc["paths"][path][method];
        assert!(op["responses"]["500"].is_object(), "{method} {path}");
        let public = op["security"] == json!([{}]);
        assert_eq!(public, ["/api/openapi.json", "/api/v1/sessies"].contains(path), "{method} {path}");
        if !public {
            assert!(op["responses"]["401"].is_object(), "{method} {path} documenteert 401 niet");
        }
        assert!(op["tags"].as_array().is_some_and(|t| !t.is_empty()), "{method} {path}");
    }
    assert!(doc["components"]["securitySchemes"]["sessie_token"].is_object());

    // The error codes are exactly those of WebError::code.
    let codes: BTreeSet<&str> =
        doc["components"]["schemas"]["FoutCode"]["enum"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    let errors = [
        WebError::Unauthenticated,
        WebError::Forbidden(grondslag_i18n::Msg::verbatim("")),
        WebError::NoCareRelation { client: String::new() },
        WebError::NotFound(grondslag_i18n::Msg::verbatim("")),
        WebError::Invalid(grondslag_i18n::Msg::verbatim("")),
        WebError::Conflict(grondslag_i18n::Msg::verbatim("")),
        WebError::RateLimited,
        WebError::MethodNotAllowed,
        WebError::TooLarge,
        WebError::Timeout,
        WebError::Internal("x"),
    ];
    assert_eq!(codes, errors.iter().map(WebError::code).collect::<BTreeSet<_>>());

    // The facts' schema is the rule set's vocabulary.
    let facts = &doc["components"]["schemas"]["Feiten"];
    assert_eq!(facts["additionalProperties"], false);
    let sender_roles = facts["properties"]["sender_role"]["enum"].as_array().unwrap();
    assert!(sender_roles.contains(&json!("huisarts")));
    assert!(facts["properties"]["data_categories"]["items"]["enum"].as_array().unwrap().contains(&json!("health")));
    let consent = &doc["components"]["schemas"]["Toestemming"]["properties"];
    assert!(consent["recipient_roles"]["items"]["enum"].as_array().unwrap().contains(&json!("verzekeraar")));
    assert!(consent["purposes"]["items"]["enum"].as_array().unwrap().contains(&json!("insurance_or_employment")));
    assert!(doc["components"]["schemas"]["Afwegingen"]["properties"]["conflict_of_duties"]["properties"]["no_other_way"].is_object());

    // Every route in the document is served: without a session each answers 401 in JSON (not
    // the fallback's 404 or a 405), except signing in and the document itself.
    let id = "0190f0e0-0000-7000-8000-000000000000";
    for (method, path) in &OPERATIONS {
        let concrete = path.replace("{id}", id).replace("{seq}", "1");
        let m = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let r = api.call(m, &concrete, None, None).await;
        match *path {
            "/api/openapi.json" => assert_eq!(r.status, StatusCode::OK),
            "/api/v1/sessies" => r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer"),
            _ => {
                r.refused(StatusCode::UNAUTHORIZED, "niet_ingelogd");
                assert_eq!(r.headers[header::WWW_AUTHENTICATE], "Bearer", "{method} {path}");
            }
        }
    }
    // Anything else under /api is a JSON 404.
    let token = api.login("huisarts").await;
    api.get("/api/v1/onbekend", &token).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");
}

#[tokio::test]
async fn signing_in_gives_a_token_and_signing_out_ends_it() {
    let api = setup().await;
    let r = api.call(Method::POST, "/api/v1/sessies", None, Some(json!({"inlognaam": "huisarts", "wachtwoord": PASSWORD}))).await;
    let s = r.expect(StatusCode::CREATED);
    let token = s["token"].as_str().unwrap().to_owned();
    assert_eq!(token.len(), 64);
    assert_eq!(s["professional"]["naam"], "Anna de Vries");
    assert_eq!(s["professional"]["rol"], "professional");
    assert_eq!(s["professional"]["beroep"], "huisarts");
    let until = time::OffsetDateTime::parse(s["verloopt"].as_str().unwrap(), &time::format_description::well_known::Rfc3339).unwrap();
    assert!(until > time::OffsetDateTime::now_utc() + time::Duration::hours(9));

    let clients = api.get("/api/v1/clienten", &token).await;
    let names: BTreeSet<&str> = clients.expect(StatusCode::OK).as_array().unwrap().iter().map(|c| c["naam"].as_str().unwrap()).collect();
    assert_eq!(names, BTreeSet::from(["Daan Visser", "Noor Bakker", "Sam Jansen"]));

    let out = api.call(Method::DELETE, "/api/v1/sessies/huidig", Some(&token), None).await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    api.get("/api/v1/clienten", &token).await.refused(StatusCode::UNAUTHORIZED, "niet_ingelogd");
    // A token that was never issued, or is malformed.
    api.get("/api/v1/clienten", &"0".repeat(64)).await.refused(StatusCode::UNAUTHORIZED, "niet_ingelogd");
    api.get("/api/v1/clienten", "kapot").await.refused(StatusCode::UNAUTHORIZED, "niet_ingelogd");

    let wrong =
        api.call(Method::POST, "/api/v1/sessies", None, Some(json!({"inlognaam": "huisarts", "wachtwoord": "verkeerd-wachtwoord"}))).await;
    wrong.refused(StatusCode::FORBIDDEN, "geen_toegang");
    let unknown = api.call(Method::POST, "/api/v1/sessies", None, Some(json!({"inlognaam": "niemand", "wachtwoord": PASSWORD}))).await;
    unknown.refused(StatusCode::FORBIDDEN, "geen_toegang");
    assert_eq!(wrong.body, unknown.body, "an unknown name answers as a wrong password");
    let empty = api.call(Method::POST, "/api/v1/sessies", None, Some(json!({"inlognaam": "huisarts", "wachtwoord": ""}))).await;
    empty.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
}

#[tokio::test]
async fn signing_in_is_rate_limited() {
    let api = setup().await;
    let attempt =
        || api.call(Method::POST, "/api/v1/sessies", None, Some(json!({"inlognaam": "jeugd", "wachtwoord": "nog-steeds-verkeerd"})));
    for _ in 0..5 {
        attempt().await.refused(StatusCode::FORBIDDEN, "geen_toegang");
    }
    let r = attempt().await;
    r.refused(StatusCode::TOO_MANY_REQUESTS, "te_veel_pogingen");
    assert_eq!(r.headers[header::RETRY_AFTER], "60");
}

#[tokio::test]
async fn an_anonymous_evaluation_returns_an_outcome() {
    let api = setup().await;
    let token = api.login("huisarts").await;
    let r = api.post("/api/v1/evaluaties", &token, json!({"facts": insurer_facts(), "datum": DAY})).await;
    let report = r.expect(StatusCode::OK);
    assert_eq!(report["outcome"], "may_share");
    assert_eq!(report["date"], DAY);
    assert!(report["beroepsgeheim"]["grounds"].as_array().unwrap().contains(&json!("consent")));
    assert!(!report["sources"].as_array().unwrap().is_empty());

    // Without consent there is no ground; in English on request.
    let mut facts = insurer_facts();
    facts["consent"] = json!("refused");
    let r = api.post("/api/v1/evaluaties", &token, json!({"facts": facts, "datum": DAY, "taal": "en"})).await;
    let report = r.expect(StatusCode::OK);
    assert_eq!(report["outcome"], "may_not_share");
    assert_eq!(report["outcome_label"], "You may not share");

    // Open: the format's defaults are not filled in, and what is missing is asked.
    let r = api.post("/api/v1/evaluaties?open=true", &token, json!({"facts": {"sender_role": "huisarts"}, "datum": DAY})).await;
    let report = r.expect(StatusCode::OK);
    assert_eq!(report["outcome"], "undetermined");
    assert!(!report["questions"].as_array().unwrap().is_empty());

    // Evaluating is for care roles; the privacy officer is refused.
    let privacy = api.login("privacy").await;
    api.post("/api/v1/evaluaties", &privacy, json!({"facts": insurer_facts()})).await.refused(StatusCode::FORBIDDEN, "geen_toegang");
}

#[tokio::test]
async fn bad_input_is_422_with_a_dutch_message() {
    let api = setup().await;
    let token = api.login("huisarts").await;
    let daan = api.client_id(&token, "Daan Visser").await;

    let decisions = format!("/api/v1/clienten/{daan}/besluiten");
    let consents = format!("/api/v1/clienten/{daan}/toestemmingen");
    let cases: [(&str, &str, &str); 14] = [
        ("/api/v1/evaluaties", r#"{"facts": {"sender_role": "huisarts"}"#, "geen geldige JSON"),
        ("/api/v1/evaluaties", "niet eens json", "geen geldige JSON"),
        ("/api/v1/evaluaties", r#"{"facts": "huisarts"}"#, "‘facts’"),
        ("/api/v1/evaluaties", r#"{"feiten": {}}"#, "vorm: onbekend veld ‘feiten’"),
        ("/api/v1/evaluaties", r#"{"facts": {}, "taal": "de"}"#, "onbekende waarde ‘de’"),
        ("/api/v1/evaluaties", r#"{"facts": {}, "datum": 20261123}"#, "verkeerd type"),
        ("/api/v1/evaluaties", r#"{"facts": {}, "datum": "23-11-2026"}"#, "JJJJ-MM-DD"),
        ("/api/v1/evaluaties", r#"{"facts": {"lievelingskleur": "blauw"}}"#, "Bij ‘facts.lievelingskleur’: onbekend feit."),
        ("/api/v1/evaluaties", r#"{"facts": {"client_age": 200}}"#, "tussen 0 en 130"),
        ("/api/v1/evaluaties", r#"{"facts": {}, "datum": "1900-01-01"}"#, ""),
        ("/api/v1/sessies", r#"{"inlognaam": "huisarts"}"#, "het veld ‘wachtwoord’ ontbreekt"),
        ("/api/v1/sessies", "[1, 2]", "verkeerd type"),
        (&decisions, r#"{"deliberation_seq": "een", "shared": false, "reasons": "x"}"#, "deliberation_seq"),
        (&consents, r#"{"given_by": "Daan"}"#, "ontbreekt"),
    ];
    for (path, body, needle) in &cases {
        let token = if *path == "/api/v1/sessies" { None } else { Some(token.as_str()) };
        let r = api.post_text(path, token, body).await;
        r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
        assert!(r.message().contains(needle), "{path} {body}: {}", r.message());
    }

    // Without a JSON content type.
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/evaluaties")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::from(r#"{"facts": {}}"#))
        .unwrap();
    let r = api.raw(req).await;
    r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    assert!(r.message().contains("Content-Type"));

    // Query flags and path parameters of the wrong type.
    api.post("/api/v1/evaluaties?open=misschien", &token, json!({"facts": {}}))
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    api.get(&format!("/api/v1/clienten/{daan}/dossier/een/ontvangstbewijs"), &token).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");

    // A decision that follows no deliberation.
    let r = api
        .post(
            &format!("/api/v1/clienten/{daan}/besluiten"),
            &token,
            json!({"deliberation_seq": 42, "shared": false, "client_not_informed_reason": "niet bereikbaar", "reasons": "geen grond"}),
        )
        .await;
    r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    // Shared, but not what or with whom.
    let r = api
        .post(
            &format!("/api/v1/clienten/{daan}/besluiten"),
            &token,
            json!({"deliberation_seq": 1, "shared": true, "client_informed": "vooraf", "reasons": "omdat"}),
        )
        .await;
    r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
}

#[tokio::test]
async fn a_deliberation_and_decision_give_receipts_that_verify() {
    let api = setup().await;
    let key = api.verifier_key().await;
    let token = api.login("huisarts").await;
    let daan = api.client_id(&token, "Daan Visser").await;

    let r = api.post(&format!("/api/v1/clienten/{daan}/beraden"), &token, json!({"facts": insurer_facts(), "datum": DAY})).await;
    let b = r.expect(StatusCode::CREATED);
    // The registry, not the facts, says whether there is consent: none registered.
    assert_eq!(b["toestemming"]["consent"], "not_asked");
    assert_eq!(b["report"]["outcome"], "may_not_share");
    let deliberation = receipt(&b["ontvangstbewijs"]);
    deliberation.verify(&key).unwrap();

    let decision = json!({
        "deliberation_seq": deliberation.seq,
        "shared": false,
        "recipient": "verzekeraar",
        "client_informed": "Telefonisch op 23 november",
        "reasons": "Geen toestemming: niets gedeeld."
    });
    let r = api.post(&format!("/api/v1/clienten/{daan}/besluiten"), &token, decision).await;
    let decided = receipt(r.expect(StatusCode::CREATED));
    decided.verify(&key).unwrap();
    assert_eq!(decided.seq, deliberation.seq + 1);

    let d = api.get(&format!("/api/v1/clienten/{daan}/dossier"), &token).await;
    let d = d.expect(StatusCode::OK);
    assert_eq!(d["status"]["ok"], true, "{d}");
    let kinds: Vec<&str> = d["lines"].as_array().unwrap().iter().map(|l| l["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["deliberation", "decision"]);

    // A receipt fetched later verifies against the latest checkpoint.
    let r = api.get(&format!("/api/v1/clienten/{daan}/dossier/{}/ontvangstbewijs", deliberation.seq), &token).await;
    let later = receipt(r.expect(StatusCode::OK));
    later.verify(&key).unwrap();
    assert_eq!(later.leaf_hash, deliberation.leaf_hash);
    api.get(&format!("/api/v1/clienten/{daan}/dossier/999/ontvangstbewijs"), &token).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");

    // The text for the professional's own records: the question, the answer, the decision and
    // where the account is kept; the same from the deliberation and from its decision.
    let r = api.get(&format!("/api/v1/clienten/{daan}/dossier/{}/dossiertekst", deliberation.seq), &token).await;
    let text = r.expect(StatusCode::OK)["tekst"].as_str().unwrap().to_owned();
    for part in [
        "Vraag: mag ik informatie delen met",
        "U mag niet delen",
        "Mijn besluit: niet gedeeld.",
        "Redenen: Geen toestemming",
        "dossierregels",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
    let r = api.get(&format!("/api/v1/clienten/{daan}/dossier/{}/dossiertekst", decided.seq), &token).await;
    assert_eq!(r.expect(StatusCode::OK)["tekst"].as_str(), Some(text.as_str()));
    api.get(&format!("/api/v1/clienten/{daan}/dossier/999/dossiertekst"), &token).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");

    // The bundle verifies offline; tampered, it does not.
    let r = api.get(&format!("/api/v1/clienten/{daan}/bundel"), &token).await;
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/json");
    let bundle = r.expect(StatusCode::OK).clone();
    let v = api.post("/api/v1/verificatie/bundel", &token, bundle.clone()).await;
    let v = v.expect(StatusCode::OK);
    assert_eq!((v["ok"].as_bool(), v["report"]["entries"].as_u64()), (Some(true), Some(2)));
    assert_eq!(v["report"]["key"], key.to_string());
    let tampered = bundle.to_string().replace("Geen toestemming: niets gedeeld.", "Wel gedeeld.");
    assert_ne!(tampered, bundle.to_string());
    let r = api.post_text("/api/v1/verificatie/bundel", Some(&token), &tampered).await;
    r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    assert!(r.message().starts_with("De bundel klopt niet"), "{}", r.message());
    api.post_text("/api/v1/verificatie/bundel", Some(&token), "{").await.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");

    // An empty dossier has no bundle.
    let sam = api.client_id(&token, "Sam Jansen").await;
    api.get(&format!("/api/v1/clienten/{sam}/bundel"), &token).await.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
}

/// The FHIR R4 export: as the verification bundle, only with a care relation (or a grant), and
/// logged as an export before anything is read, so that event is in the bundle's access log;
/// the client appears only by id, and every reference resolves inside the bundle.
#[tokio::test]
async fn the_fhir_export_follows_the_bundle_policy_and_is_logged_in_itself() {
    let api = setup().await;
    let token = api.login("huisarts").await;
    let noor = api.client_id(&token, "Noor Bakker").await;
    let r = api.post(&format!("/api/v1/clienten/{noor}/beraden"), &token, json!({"facts": insurer_facts(), "datum": DAY})).await;
    r.expect(StatusCode::CREATED);

    let r = api.get(&format!("/api/v1/clienten/{noor}/fhir"), &token).await;
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/fhir+json");
    let bundle = r.expect(StatusCode::OK).clone();
    assert_eq!((bundle["resourceType"].as_str(), bundle["type"].as_str()), (Some("Bundle"), Some("collection")));
    let entries = bundle["entry"].as_array().unwrap();
    let urls: BTreeSet<&str> = entries.iter().map(|e| e["fullUrl"].as_str().unwrap()).collect();
    assert_eq!(urls.len(), entries.len());
    let text = bundle.to_string();
    for r in text.split(r#""reference":""#).skip(1).map(|rest| &rest[..rest.find('"').unwrap()]) {
        assert!(urls.contains(r), "{r} does not resolve");
    }
    let kinds: BTreeSet<&str> = entries.iter().map(|e| e["resource"]["resourceType"].as_str().unwrap()).collect();
    for kind in ["Patient", "Organization", "Consent", "DocumentReference", "Provenance", "AuditEvent"] {
        assert!(kinds.contains(kind), "no {kind}");
    }
    assert!(!text.contains("Noor") && !text.contains("DEMO-1002"), "the client appears by id only");
    // The export's own event is the last AuditEvent: DICOM "Export", allowed on the care relation.
    let last = entries.iter().rev().find(|e| e["resource"]["resourceType"] == "AuditEvent").unwrap();
    assert_eq!(last["resource"]["subtype"][0]["code"], "dossier.exporteren");
    assert_eq!(last["resource"]["type"]["code"], "110106");
    assert_eq!(last["resource"]["agent"][0]["purposeOfUse"][0]["coding"][0]["code"], "TREAT");
    let logged = api.access_about(&noor).await;
    assert_eq!((logged[0].action.as_str(), logged[0].allowed), ("dossier.exporteren", true));

    // Refused like the bundle, and the refusals are logged too.
    let jeugd = api.login("jeugd").await;
    api.get(&format!("/api/v1/clienten/{noor}/fhir"), &jeugd).await.refused(StatusCode::FORBIDDEN, "geen_zorgrelatie");
    let privacy = api.login("privacy").await;
    api.get(&format!("/api/v1/clienten/{noor}/fhir"), &privacy).await.refused(StatusCode::FORBIDDEN, "geen_toegang");
    api.get("/api/v1/clienten/0190f0e0-0000-7000-8000-000000000000/fhir", &token).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");
    let refused = api.access_about(&noor).await.iter().filter(|e| e.action == "dossier.exporteren" && !e.allowed).count();
    assert_eq!(refused, 2);
    // A professional's export holds only their own accesses: the colleagues' refused attempts,
    // now in the log, stay out of it (they are the privacy officer's to read).
    let again = api.get(&format!("/api/v1/clienten/{noor}/fhir"), &token).await.expect(StatusCode::OK).clone();
    let audits: Vec<&Value> =
        again["entry"].as_array().unwrap().iter().map(|e| &e["resource"]).filter(|r| r["resourceType"] == "AuditEvent").collect();
    assert!(!audits.is_empty());
    assert!(audits.iter().all(|a| a["outcome"] == "0"), "only the caller's own (allowed) accesses: {audits:?}");
}

#[tokio::test]
async fn registering_and_withdrawing_consent_changes_the_derived_consent() {
    let api = setup().await;
    let key = api.verifier_key().await;
    let token = api.login("huisarts").await;
    let daan = api.client_id(&token, "Daan Visser").await;
    let deliberations = format!("/api/v1/clienten/{daan}/beraden");
    let deliberate = || api.post(&deliberations, &token, json!({"facts": insurer_facts(), "datum": DAY}));

    let consent = json!({
        "given_by": "Daan Visser",
        "capacity": "client",
        "recipient_roles": ["verzekeraar"],
        "data_categories": ["health"],
        "purposes": ["insurance_or_employment"],
        "valid_from": "2026-01-01",
        "form": "written",
        "freely_given": true,
        "informed_of_consequences": true
    });
    let r = api.post(&format!("/api/v1/clienten/{daan}/toestemmingen"), &token, consent.clone()).await;
    let registered = receipt(r.expect(StatusCode::CREATED));
    registered.verify(&key).unwrap();

    let r = api.get(&format!("/api/v1/clienten/{daan}/toestemmingen"), &token).await;
    let reg = r.expect(StatusCode::OK).as_array().unwrap().clone();
    assert_eq!(reg.len(), 1);
    assert_eq!(reg[0]["seq"], registered.seq);
    assert_eq!(reg[0]["record"]["valid_from"], "2026-01-01");
    assert_eq!(reg[0]["record"]["capacity"], "client");
    assert_eq!(reg[0]["withdrawn_on"], Value::Null);

    let b = deliberate().await;
    let b = b.expect(StatusCode::CREATED);
    assert_eq!((&b["toestemming"]["consent"], &b["toestemming"]["relied_on"]), (&json!("given"), &json!(registered.seq)));
    assert_eq!(b["report"]["outcome"], "may_share");

    let withdraw = json!({"door": "Daan Visser", "per": DAY, "notitie": "Telefonisch ingetrokken."});
    let r = api.post(&format!("/api/v1/clienten/{daan}/toestemmingen/{}/intrekking", registered.seq), &token, withdraw.clone()).await;
    receipt(r.expect(StatusCode::CREATED)).verify(&key).unwrap();

    let b = deliberate().await;
    let b = b.expect(StatusCode::CREATED);
    assert_eq!((&b["toestemming"]["consent"], &b["toestemming"]["relied_on"]), (&json!("withdrawn"), &json!(registered.seq)));
    assert_eq!(b["report"]["outcome"], "may_not_share");
    let r = api.get(&format!("/api/v1/clienten/{daan}/toestemmingen"), &token).await;
    assert_eq!(r.expect(StatusCode::OK)[0]["withdrawn_on"], DAY);

    // Only once, and only a consent that exists.
    let again = api.post(&format!("/api/v1/clienten/{daan}/toestemmingen/{}/intrekking", registered.seq), &token, withdraw.clone()).await;
    again.refused(StatusCode::CONFLICT, "conflict");
    let missing = api.post(&format!("/api/v1/clienten/{daan}/toestemmingen/77/intrekking"), &token, withdraw).await;
    missing.refused(StatusCode::NOT_FOUND, "niet_gevonden");

    // Ids must be the rule set's.
    let mut bad = consent.clone();
    bad["recipient_roles"] = json!(["buurman"]);
    let r = api.post(&format!("/api/v1/clienten/{daan}/toestemmingen"), &token, bad).await;
    r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    assert!(r.message().contains("buurman"), "{}", r.message());
    let mut bad = consent;
    bad["capacity"] = json!("buurman");
    api.post(&format!("/api/v1/clienten/{daan}/toestemmingen"), &token, bad)
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
}

#[tokio::test]
async fn without_a_care_relation_a_dossier_stays_closed() {
    let api = setup().await;
    let huisarts = api.login("huisarts").await;
    let jeugd = api.login("jeugd").await;
    // The jeugdarts treats Lotte; the huisarts does not.
    let lotte = api.client_id(&jeugd, "Lotte de Boer").await;
    let consent = json!({
        "given_by": "Lotte", "capacity": "client", "recipient_roles": ["huisarts"], "data_categories": ["health"],
        "purposes": ["care"], "valid_from": DAY, "form": "oral", "freely_given": true, "informed_of_consequences": true
    });
    let attempts = [
        api.get(&format!("/api/v1/clienten/{lotte}/dossier"), &huisarts).await,
        api.get(&format!("/api/v1/clienten/{lotte}/toestemmingen"), &huisarts).await,
        api.get(&format!("/api/v1/clienten/{lotte}/bundel"), &huisarts).await,
        api.get(&format!("/api/v1/clienten/{lotte}/dossier/1/ontvangstbewijs"), &huisarts).await,
        api.post(&format!("/api/v1/clienten/{lotte}/beraden"), &huisarts, json!({"facts": insurer_facts()})).await,
        api.post(&format!("/api/v1/clienten/{lotte}/toestemmingen"), &huisarts, consent.clone()).await,
    ];
    for r in &attempts {
        r.refused(StatusCode::FORBIDDEN, "geen_zorgrelatie");
    }
    // With the relation it opens.
    api.get(&format!("/api/v1/clienten/{lotte}/dossier"), &jeugd).await.expect(StatusCode::OK);

    // A client of another organisation looks like one that does not exist.
    let (other, _) = api.core.create_organisation("Andere praktijk (fictief)").await.unwrap();
    let stranger = api.core.create_client(&other.id, "ANDER-1", &Identity { name: "Vreemde".into(), birth_date: None }).await.unwrap();
    api.get(&format!("/api/v1/clienten/{}/dossier", stranger.id), &huisarts).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");
    api.get("/api/v1/clienten/0190f0e0-0000-7000-8000-000000000000/dossier", &huisarts)
        .await
        .refused(StatusCode::NOT_FOUND, "niet_gevonden");
    api.get("/api/v1/clienten/geen-id/dossier", &huisarts).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");

    // The privacy officer and the administrator never read a dossier.
    for login in ["privacy", "beheer"] {
        let t = api.login(login).await;
        api.get(&format!("/api/v1/clienten/{lotte}/dossier"), &t).await.refused(StatusCode::FORBIDDEN, "geen_toegang");
        api.get("/api/v1/clienten", &t).await.refused(StatusCode::FORBIDDEN, "geen_toegang");
    }

    // Every refusal is in the access log.
    let privacy = api.login("privacy").await;
    let r = api.get(&format!("/api/v1/toegangslog?client={lotte}&limiet=1000"), &privacy).await;
    let events = r.expect(StatusCode::OK)["gebeurtenissen"].as_array().unwrap().clone();
    let refused = events.iter().filter(|e| e["allowed"] == false && e["authorisation"] == "geweigerd:geen_zorgrelatie").count();
    assert_eq!(refused, attempts.len());
}

#[tokio::test]
async fn the_access_log_is_for_the_privacy_officer_only() {
    let api = setup().await;
    let huisarts = api.login("huisarts").await;
    let daan = api.client_id(&huisarts, "Daan Visser").await;
    api.get(&format!("/api/v1/clienten/{daan}/dossier"), &huisarts).await.expect(StatusCode::OK);
    api.get("/api/v1/toegangslog", &huisarts).await.refused(StatusCode::FORBIDDEN, "geen_toegang");
    let beheer = api.login("beheer").await;
    api.get("/api/v1/toegangslog", &beheer).await.refused(StatusCode::FORBIDDEN, "geen_toegang");

    let privacy = api.login("privacy").await;
    let r = api.get("/api/v1/toegangslog", &privacy).await;
    let log = r.expect(StatusCode::OK);
    let events = log["gebeurtenissen"].as_array().unwrap();
    // Newest first: the privacy officer's own reading is the first event.
    assert_eq!((&events[0]["action"], &events[0]["allowed"]), (&json!("toegangslog.lezen"), &json!(true)));
    let read = events.iter().find(|e| e["action"] == "dossier.lezen" && e["client"] == daan.as_str()).unwrap();
    assert_eq!(
        (&read["authorisation"], &read["allowed"], &read["user_role"]),
        (&json!("zorgrelatie"), &json!(true), &json!("professional"))
    );
    for field in ["seq", "ts", "user", "user_role", "client", "action", "authorisation", "allowed", "source"] {
        assert!(read.get(field).is_some(), "{field}");
    }
    let refused = events.iter().find(|e| e["action"] == "toegangslog.lezen" && e["allowed"] == false && e["user"] == read["user"]).unwrap();
    assert_eq!(refused["authorisation"], "geweigerd:rol");

    // Filter and page.
    let user = read["user"].as_str().unwrap();
    let r = api.get(&format!("/api/v1/toegangslog?gebruiker={user}&limiet=1"), &privacy).await;
    let page = r.expect(StatusCode::OK);
    assert_eq!(page["gebeurtenissen"].as_array().unwrap().len(), 1);
    let next = page["volgende_voor"].as_u64().unwrap();
    let r = api.get(&format!("/api/v1/toegangslog?gebruiker={user}&voor={next}"), &privacy).await;
    let older = r.expect(StatusCode::OK)["gebeurtenissen"].as_array().unwrap().clone();
    assert!(!older.is_empty() && older.iter().all(|e| e["user"] == user && e["seq"].as_u64().unwrap() < next));
    for bad in ["limiet=0", "limiet=5000", "client=abc", "voor=gisteren"] {
        api.get(&format!("/api/v1/toegangslog?{bad}"), &privacy).await.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    }
}

#[tokio::test]
async fn clients_are_searched_within_ones_own_clients() {
    let api = setup().await;
    let huisarts = api.login("huisarts").await;
    let names = |r: Reply| -> Vec<String> {
        r.expect(StatusCode::OK).as_array().unwrap().iter().map(|c| c["naam"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(names(api.get("/api/v1/clienten?naam=bakk", &huisarts).await), ["Noor Bakker"]);
    assert_eq!(names(api.get("/api/v1/clienten?referentie=DEMO-1003", &huisarts).await), ["Daan Visser"]);
    assert_eq!(names(api.get("/api/v1/clienten?geboortedatum=2015-03-02", &huisarts).await), ["Sam Jansen"]);
    // Lotte is in the organisation, but not the huisarts's client.
    assert!(names(api.get("/api/v1/clienten?naam=lotte", &huisarts).await).is_empty());
    assert!(names(api.get("/api/v1/clienten?referentie=DEMO-1004", &huisarts).await).is_empty());
    for bad in [format!("naam={}", "a".repeat(201)), format!("referentie={}", "r".repeat(101)), "geboortedatum=gisteren".into()] {
        api.get(&format!("/api/v1/clienten?{bad}"), &huisarts).await.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    }
    // Logged as a search, without the search text.
    let org = api.core.organisations().await.unwrap().into_iter().find(|o| o.name.starts_with("Demo")).unwrap();
    let q = grondslag_store::AccessQuery { limit: 1000, ..Default::default() };
    let events = grondslag_store::AccessStore::access_events(api.web.store(), &org.id, &q).await.unwrap();
    assert!(events.iter().filter(|e| e.event.action == "clienten.zoeken").count() >= 5);
    assert!(!events.iter().any(|e| format!("{:?}", e.event).to_lowercase().contains("bakk")));
    // The OpenAPI document states the limits.
    let doc = api.call(Method::GET, "/api/openapi.json", None, None).await.expect(StatusCode::OK).clone();
    let params = doc["paths"]["/api/v1/clienten"]["get"]["parameters"].as_array().unwrap().clone();
    let max = |n: &str| params.iter().find(|p| p["name"] == n).unwrap()["schema"]["maxLength"].clone();
    assert_eq!((max("naam"), max("referentie"), max("geboortedatum")), (json!(200), json!(100), json!(10)));
    // And the access log takes a period.
    let privacy = api.login("privacy").await;
    let r = api.get("/api/v1/toegangslog?van=2020-01-01&tot=2020-01-31", &privacy).await;
    assert!(r.expect(StatusCode::OK)["gebeurtenissen"].as_array().unwrap().is_empty());
    let r = api.get("/api/v1/toegangslog?van=2020-01-01", &privacy).await;
    assert!(!r.expect(StatusCode::OK)["gebeurtenissen"].as_array().unwrap().is_empty());
    api.get("/api/v1/toegangslog?van=morgen", &privacy).await.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
}

#[tokio::test]
async fn the_organisation_verifies_for_the_privacy_officer() {
    let api = setup().await;
    let huisarts = api.login("huisarts").await;
    let daan = api.client_id(&huisarts, "Daan Visser").await;
    api.post(&format!("/api/v1/clienten/{daan}/beraden"), &huisarts, json!({"facts": insurer_facts(), "datum": DAY}))
        .await
        .expect(StatusCode::CREATED);
    api.get("/api/v1/organisatie/verificatie", &huisarts).await.refused(StatusCode::FORBIDDEN, "geen_toegang");

    let privacy = api.login("privacy").await;
    let r = api.get("/api/v1/organisatie/verificatie", &privacy).await;
    let v = r.expect(StatusCode::OK);
    assert_eq!(v["ok"], true, "{v}");
    // The demo consent of Noor, the demo's five meldcode events (Milan three, Yara two) and the
    // deliberation about Daan.
    assert_eq!(v["logboek"]["entries"], 7);
    assert_eq!(v["logboek"]["key"], api.verifier_key().await.to_string());
    assert_eq!(v["toegangslog"]["ok"], true);
    assert!(v["toegangslog"]["events"].as_u64().unwrap() >= 3);
}

/// The server checks a bundle of its own organisation against its own key and stored log: a
/// fabricated bundle signed with another key, a truncated bundle and an older bundle are
/// flagged in plain Dutch, although each passes the offline check with the keys it carries
/// (issue 9).
#[tokio::test]
async fn forged_truncated_and_old_bundles_are_flagged() {
    let api = setup().await;
    let token = api.login("huisarts").await;
    let daan = api.client_id(&token, "Daan Visser").await;
    let deliberations = format!("/api/v1/clienten/{daan}/beraden");
    let deliberate = || api.post(&deliberations, &token, json!({"facts": insurer_facts(), "datum": DAY}));
    deliberate().await.expect(StatusCode::CREATED);
    let old = api.get(&format!("/api/v1/clienten/{daan}/bundel"), &token).await.expect(StatusCode::OK).clone();
    deliberate().await.expect(StatusCode::CREATED);
    let current = api.get(&format!("/api/v1/clienten/{daan}/bundel"), &token).await.expect(StatusCode::OK).clone();

    // The latest, complete bundle: ok.
    let v = api.post("/api/v1/verificatie/bundel", &token, current.clone()).await;
    let v = v.expect(StatusCode::OK);
    assert_eq!((v["ok"].as_bool(), v["eigen_organisatie"].as_bool(), v["regels_nu"].as_u64()), (Some(true), Some(true), Some(2)), "{v}");
    assert_eq!(v["bevindingen"], json!([]));

    // An older bundle is sound, but not the latest stand: said so, in words for users.
    let offline = |b: &Value| grondslag_app::verify_bundle_text(&b.to_string());
    assert!(offline(&old).is_ok());
    let v = api.post("/api/v1/verificatie/bundel", &token, old).await;
    let v = v.expect(StatusCode::OK);
    assert_eq!(v["ok"], false);
    let finding = v["bevindingen"][0].as_str().unwrap();
    assert!(finding.contains("niet de laatste stand van het dossier: het dossier heeft nu 2 regels, de bundel 1"), "{finding}");

    // The current bundle with its last entry cut off (the checkpoint still covers it).
    let mut truncated = current.clone();
    truncated["entries"].as_array_mut().unwrap().pop();
    truncated["inclusion_proofs"].as_array_mut().unwrap().pop();
    assert!(offline(&truncated).is_ok(), "the offline check cannot see the truncation");
    let r = api.post("/api/v1/verificatie/bundel", &token, truncated).await;
    r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    assert!(
        r.message().contains("ingekort") && r.message().contains("had het dossier 2 regels, maar de bundel bevat er 1"),
        "{}",
        r.message()
    );

    // A fabricated dossier under this organisation's origin, signed with the forger's own key.
    let origin = current["origin"].as_str().unwrap().to_owned();
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path().join("vervalst.db")).await.unwrap();
    let org = grondslag_store::Store::create_organisation(&store, "Vervalsing", Some(&origin)).await.unwrap();
    let keys = grondslag_app::KeyDir::new(dir.path()).create(&org.id).unwrap();
    let head = grondslag_store::Store::tree_head(&store, &org.id).await.unwrap();
    let note = grondslag_ledger::sign_checkpoint(&origin, head.size, &head.root, &keys.key_name, &keys.signing).unwrap();
    grondslag_store::Store::save_checkpoint(&store, &org.id, &grondslag_store::SavedCheckpoint { tree_size: head.size, note })
        .await
        .unwrap();
    let forger = App::new(store, dir.path(), grondslag_rules::load_embedded().unwrap());
    let p = forger.create_professional(&org.id, "Vals", grondslag_store::AppRole::Professional, "huisarts").await.unwrap();
    let c = forger.create_client(&org.id, "V-1", &Identity { name: "Daan Visser".into(), birth_date: None }).await.unwrap();
    let facts =
        "facts:\n  sender_role: huisarts\n  recipient_role: mantelzorger\n  purpose: inform_relatives\n  data_categories: [health]\n";
    let input = grondslag_app::FactsInput {
        file_name: "v.yaml",
        content: facts,
        date: time::macros::date!(2026 - 11 - 23),
        lang: grondslag_rules::Lang::Nl,
        open: false,
    };
    forger.deliberate(&c.id, &p.id, input).await.unwrap();
    let forged = forger.export_json(&c.id).await.unwrap();
    assert!(grondslag_app::verify_bundle_text(&forged).is_ok(), "the forgery passes with the key it carries");
    let r = api.post_text("/api/v1/verificatie/bundel", Some(&token), &forged).await;
    r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    assert!(r.message().contains("niet ondertekend met de sleutel van deze organisatie"), "{}", r.message());
}

/// The largest bundles the server exports fit its verification route: a dossier whose bundle
/// exceeds the general 2 MiB body limit is verified back (issue 9).
#[tokio::test]
async fn a_large_exported_bundle_can_be_verified_back() {
    let api = setup().await;
    let token = api.login("huisarts").await;
    let daan = api.client_id(&token, "Daan Visser").await;
    let path = format!("/api/v1/clienten/{daan}/beraden");
    let mut bundle = String::new();
    for i in 0..400 {
        api.post(&path, &token, json!({"facts": insurer_facts(), "datum": DAY})).await.expect(StatusCode::CREATED);
        if i % 20 != 19 {
            continue;
        }
        let r = api.get(&format!("/api/v1/clienten/{daan}/bundel"), &token).await;
        bundle = r.expect(StatusCode::OK).to_string();
        if bundle.len() > 2 * 1024 * 1024 + 1024 {
            break;
        }
    }
    assert!(bundle.len() > 2 * 1024 * 1024, "only {} bytes", bundle.len());
    let v = api.post_text("/api/v1/verificatie/bundel", Some(&token), &bundle).await;
    assert_eq!(v.expect(StatusCode::OK)["ok"], true);
    // Other routes keep the general limit.
    let big = format!("{{\"inlognaam\": \"{}\"}}", "x".repeat(3 * 1024 * 1024));
    api.post_text("/api/v1/sessies", None, &big).await.refused(StatusCode::PAYLOAD_TOO_LARGE, "te_groot");
}

#[tokio::test]
async fn api_login_asks_the_code_of_an_account_with_a_second_factor() {
    let api = setup().await;
    let sessions = |login: &str, code: Option<&str>| {
        let mut body = json!({"inlognaam": login, "wachtwoord": PASSWORD});
        if let Some(c) = code {
            body["code"] = json!(c);
        }
        api.call(Method::POST, "/api/v1/sessies", None, Some(body))
    };
    // An administrator or privacy officer without one is refused until it is set up.
    let r = sessions("privacy", None).await;
    r.refused(StatusCode::UNAUTHORIZED, "tweede_factor_nodig");
    assert!(r.message().contains("instellen") || r.message().contains("Stel"), "{}", r.message());

    // Login with a code: none, wrong, right (password and code count as two attempts each).
    let (id, secret, _) = enrol(&api.web, "huisarts").await;
    sessions("huisarts", None).await.refused(StatusCode::UNAUTHORIZED, "tweede_factor_nodig");
    sessions("huisarts", Some("000000")).await.refused(StatusCode::FORBIDDEN, "geen_toegang");
    let code = fresh_code(&api.web, &id, &secret).await;
    let r = sessions("huisarts", Some(&code)).await;
    let token = r.expect(StatusCode::CREATED)["token"].as_str().unwrap().to_owned();
    api.get("/api/v1/clienten", &token).await.expect(StatusCode::OK);

    // A code is accepted once.
    let (id, secret, _) = enrol(&api.web, "jeugd").await;
    let code = fresh_code(&api.web, &id, &secret).await;
    sessions("jeugd", Some(&code)).await.expect(StatusCode::CREATED);
    sessions("jeugd", Some(&code)).await.refused(StatusCode::FORBIDDEN, "geen_toegang");

    // A recovery code too, and its use is in the access log.
    let (id, _, codes) = enrol(&api.web, "aandacht").await;
    sessions("aandacht", Some(&codes[0])).await.expect(StatusCode::CREATED);
    sessions("aandacht", Some(&codes[0])).await.refused(StatusCode::FORBIDDEN, "geen_toegang");
    let org = api.web.store().professional(&id).await.unwrap().org;
    let q = grondslag_store::AccessQuery { user: Some(id.to_string()), limit: 100, ..Default::default() };
    let log = api.web.store().access_events(&org, &q).await.unwrap();
    assert_eq!(log.iter().filter(|e| e.event.action == "tweede_factor.herstelcode_gebruikt").count(), 1);

    // The OpenAPI document tells clients about the code.
    let doc = api.call(Method::GET, "/api/openapi.json", None, None).await;
    let schema = &doc.body["components"]["schemas"]["Inloggen"]["properties"]["code"];
    assert!(schema["description"].as_str().is_some_and(|d| d.contains("RFC 6238")), "{schema}");
    assert_eq!(schema["maxLength"], 64);
    assert!(doc.body["paths"]["/api/v1/sessies"]["post"]["responses"]["401"].is_object());
}

/// The document states the length limits the server enforces on free text, so a client (or a
/// fuzzer) can keep to them; a text one character too long is refused as documented.
#[tokio::test]
async fn the_openapi_document_states_the_length_limits_the_server_enforces() {
    let api = setup().await;
    let doc = api.call(Method::GET, "/api/openapi.json", None, None).await.expect(StatusCode::OK).clone();
    let schemas = &doc["components"]["schemas"];
    for (schema, field, max) in [
        ("Besluit", "what", 4000),
        ("Besluit", "recipient", 300),
        ("Besluit", "reasons", 4000),
        ("Toestemming", "given_by", 200),
        ("Toestemming", "note", 2000),
    ] {
        let limit = &schemas[schema]["properties"][field]["maxLength"];
        assert_eq!(limit, &json!(max), "{schema}.{field}: {}", schemas[schema]["properties"][field]);
    }
    let token = api.login("huisarts").await;
    let noor = api.client_id(&token, "Noor Bakker").await;
    let consent = |given_by: String| {
        json!({"given_by": given_by, "capacity": "client", "recipient_roles": ["mantelzorger"], "data_categories": ["health"],
               "purposes": ["inform_relatives"], "valid_from": "2026-11-01", "form": "oral", "freely_given": true,
               "informed_of_consequences": true})
    };
    let path = format!("/api/v1/clienten/{noor}/toestemmingen");
    api.post(&path, &token, consent("x".repeat(201))).await.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    api.post(&path, &token, consent("x".repeat(200))).await.expect(StatusCode::CREATED);
}

#[tokio::test]
async fn api_login_refuses_an_account_that_must_still_choose_its_own_password() {
    let api = setup().await;
    let org = api.core.organisations().await.unwrap().into_iter().next().unwrap().id;
    let initial = "door-de-beheerder-gekozen";
    let id = api
        .web
        .add_account_as(
            &org,
            "Nina Nieuw",
            grondslag_store::AppRole::Professional,
            "huisarts",
            "nina",
            initial,
            grondslag_store::PasswordOrigin::Initial,
        )
        .await
        .unwrap();
    let login = |pw: &str| api.call(Method::POST, "/api/v1/sessies", None, Some(json!({"inlognaam": "nina", "wachtwoord": pw})));
    let r = login(initial).await;
    r.refused(StatusCode::UNAUTHORIZED, "eigen_wachtwoord_nodig");
    assert!(r.message().contains("eigen wachtwoord"), "{}", r.message());
    assert!(api.web.store().credential_of(&id).await.unwrap().unwrap().first_use.is_none(), "taken into use by the API");
    // Once the account has its own password (on the website), the API signs it in.
    let hash = api.web.hash_password("ninas-eigen-wachtwoord").await.unwrap();
    api.web.store().set_credential(&id, "nina", &hash, grondslag_store::PasswordOrigin::Own).await.unwrap();
    login("ninas-eigen-wachtwoord").await.expect(StatusCode::CREATED);
    assert!(api.web.store().credential_of(&id).await.unwrap().unwrap().first_use.is_some(), "first sign-in not recorded");
    // The OpenAPI document names the refusal.
    let doc = api.call(Method::GET, "/api/openapi.json", None, None).await;
    let d = doc.body["paths"]["/api/v1/sessies"]["post"]["responses"]["401"]["description"].as_str().unwrap_or_default().to_owned();
    assert!(d.contains("eigen_wachtwoord_nodig"), "{d}");
}

// --- the meldcode ---------------------------------------------------------------------------

/// A date `n` days after a day six weeks ago (so that "overdue" does not depend on today).
fn mc_day(n: i64) -> String {
    (time::OffsetDateTime::now_utc().date() - time::Duration::days(42) + time::Duration::days(n)).to_string()
}

fn mc_signal(n: i64, observation: &str) -> Value {
    json!({"observed_on": mc_day(n), "source": "own_observation", "source_detail": "", "observation": observation,
           "interpretation": null, "concerns_staff_member": false})
}

fn mc_answer(n: i64, question: &str, yes: bool) -> Value {
    json!({"event": "answered", "on": mc_day(n),
           "answer": {"question": question, "yes": yes, "reasons": format!("eigen oordeel over {question} (synthetisch)"),
                      "jointly_with_veilig_thuis": false}})
}

fn mc_advice(n: i64, with: &str) -> Value {
    json!({"event": "consulted", "on": mc_day(n),
           "consultation": {"with": with, "who": "C. Dijkstra", "advice": "eerst een gesprek met de ouders (synthetisch)"}})
}

impl Api {
    /// The access events about `client` (newest first), read straight from the store.
    async fn access_about(&self, client: &str) -> Vec<grondslag_store::AccessEvent> {
        let org = self.core.organisations().await.unwrap().into_iter().find(|o| o.name.starts_with("Demo")).unwrap();
        let q = grondslag_store::AccessQuery { client: Some(client.to_owned()), limit: 1000, ..Default::default() };
        self.web.store().access_events(&org.id, &q).await.unwrap().into_iter().map(|e| e.event).collect()
    }

    /// The number of meldcode entries in `client`'s dossier, read through the core (not the API).
    async fn meldcode_entries(&self, client: &str) -> usize {
        let id = grondslag_store::ClientId::parse(client).unwrap();
        self.core.entries(&id).await.unwrap().iter().filter(|(_, kind, _, _)| kind == "meldcode").count()
    }
}

/// A whole trajectory through the API: the professional with a care relation records signals,
/// asks the aandachtsfunctionaris for advice, who reads the trajectory and records that advice by
/// role (without a care relation); then conversation, answers, a deliberation, the decision to
/// report, the report resting on that deliberation, Veilig Thuis's feedback and the closure. Every
/// event comes with a receipt that verifies; the trajectory reads back with who recorded what,
/// the next step, the weighing with its sources, and the aandachtsfunctionaris' overview follows
/// it without showing content.
#[tokio::test]
async fn a_whole_meldcode_trajectory_is_recorded_and_read_back_through_the_api() {
    let api = setup().await;
    let key = api.verifier_key().await;
    let huisarts = api.login("huisarts").await;
    let aandacht = api.login("aandacht").await;
    // The aandachtsfunctionaris has no care relation with Daan.
    let daan = api.client_id(&huisarts, "Daan Visser").await;
    let path = format!("/api/v1/clienten/{daan}/meldcode");
    api.get(&path, &huisarts).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");

    let record = |token: &str, event: Value| {
        let (token, path) = (token.to_owned(), path.clone());
        let api = &api;
        async move {
            let r = api.post(&path, &token, event).await;
            receipt(r.expect(StatusCode::CREATED))
        }
    };
    let opened = record(
        &huisarts,
        json!({"event": "opened", "on": mc_day(0), "sector": "care", "signal": mc_signal(0, "blauwe plekken op de armen (synthetisch)")}),
    )
    .await;
    opened.verify(&key).unwrap();
    record(&huisarts, json!({"event": "signal_added", "on": mc_day(1), "signal": mc_signal(1, "schrikt bij aanraking (synthetisch)")}))
        .await;
    record(
        &huisarts,
        json!({"event": "consultation_requested", "on": mc_day(2), "of": "aandachtsfunctionaris", "question": "Hoe pak ik het gesprek aan?"}),
    )
    .await;

    // The aandachtsfunctionaris sees the request in the overview, without content.
    let r = api.get("/api/v1/meldcode", &aandacht).await;
    let open = r.expect(StatusCode::OK).as_array().unwrap().clone();
    let row = open.iter().find(|o| o["client"] == daan.as_str()).unwrap_or_else(|| panic!("{open:?}"));
    assert_eq!(
        (&row["opened_on"], &row["advice_asked_since"], &row["opened_by"]),
        (&json!(mc_day(0)), &json!(mc_day(2)), &json!("Anna de Vries"))
    );
    assert_eq!((&row["overdue"], &row["acute_danger"], &row["incomplete"]), (&json!(true), &json!(false), &json!(false)), "{row}");
    assert_eq!(row["next"]["kind"], "do");
    assert!(!row.to_string().contains("synthetisch") && !row.to_string().contains("gesprek aan"), "content in the overview: {row}");

    // ... reads the trajectory by role, and records their advice without a care relation.
    let t = api.get(&path, &aandacht).await;
    assert_eq!(t.expect(StatusCode::OK)["records"].as_array().unwrap().len(), 3);
    record(&aandacht, mc_advice(3, "aandachtsfunctionaris")).await.verify(&key).unwrap();
    let log = api.access_about(&daan).await;
    let by_role = |action: &str| log.iter().any(|e| e.action == action && e.allowed && e.authorisation == "rol:aandachtsfunctionaris");
    assert!(by_role("meldcode.lezen") && by_role("meldcode.advies"), "{log:?}");

    record(
        &huisarts,
        json!({"event": "conversation", "on": mc_day(4), "conversation": {"kind": "held", "with": "moeder", "summary": "zorgen besproken (synthetisch)"}}),
    )
    .await;
    record(&huisarts, mc_answer(5, "suspicion", true)).await;
    record(&huisarts, mc_answer(5, "safety", false)).await;
    record(&huisarts, mc_answer(5, "help", false)).await;
    let t = api.get(&path, &huisarts).await.expect(StatusCode::OK).clone();
    assert_eq!(t["next"], json!({"kind": "decide", "step": null, "question": null, "outcome": "report"}));
    let w = &t["weighing"];
    assert_eq!(
        (&w["outcome"], &w["norm"], &w["ask"], &w["stale"]),
        (&json!("report"), &json!("no_sufficient_own_help"), &Value::Null, &json!(false))
    );
    assert_eq!(w["read"], json!(["suspicion", "safety", "help"]));
    let sources = w["sources"].as_array().unwrap();
    assert!(
        sources
            .iter()
            .any(|s| s["id"] == "wmo-5-2-6" && s["publisher"].is_string() && s["title"].as_str().is_some_and(|t| t.contains("5.2.6")))
    );
    assert!(sources.iter().all(|s| s["url"].as_str().is_some_and(|u| u.starts_with("http")) && s["status"].is_string()), "{sources:?}");

    // What is shared with Veilig Thuis is a deliberation of its own, on the existing endpoint
    // (its facts do not matter here).
    let b = api.post(&format!("/api/v1/clienten/{daan}/beraden"), &huisarts, json!({"facts": insurer_facts(), "datum": DAY})).await;
    let deliberation = receipt(&b.expect(StatusCode::CREATED)["ontvangstbewijs"]).seq;
    record(&huisarts, json!({"event": "decided", "on": mc_day(6), "decision": {"report": true, "own_help": true, "reasons": "eigen hulp is niet genoeg (synthetisch)"}})).await;
    let t = api.get(&path, &huisarts).await.expect(StatusCode::OK).clone();
    assert_eq!(t["next"]["kind"], "record_report");
    record(
        &huisarts,
        json!({"event": "reported", "on": mc_day(7),
               "report": {"deliberation": deliberation, "informed": "moeder ingelicht; zij begreep het (synthetisch)", "agreements": "Veilig Thuis belt binnen een week"}}),
    )
    .await;
    record(
        &huisarts,
        json!({"event": "veilig_thuis_feedback", "on": mc_day(9), "feedback": {"feedback": "onderzoek gestart (synthetisch)", "follow_up": "huisarts blijft betrokken"}}),
    )
    .await;
    let closed = record(
        &huisarts,
        json!({"event": "closed", "on": mc_day(10), "reason": "reported", "explanation": "gemeld bij Veilig Thuis", "follow_up": "afspraken met Veilig Thuis"}),
    )
    .await;
    closed.verify(&key).unwrap();

    // Read back: every event with who recorded it, the fold, and what follows.
    let t = api.get(&path, &huisarts).await.expect(StatusCode::OK).clone();
    assert_eq!(t["client"], daan.as_str());
    let records = t["records"].as_array().unwrap();
    let events: Vec<&str> = records.iter().map(|r| r["event"]["event"].as_str().unwrap()).collect();
    assert_eq!(
        events,
        [
            "opened",
            "signal_added",
            "consultation_requested",
            "consulted",
            "conversation",
            "answered",
            "answered",
            "answered",
            "decided",
            "reported",
            "veilig_thuis_feedback",
            "closed"
        ]
    );
    assert_eq!(records[0]["seq"], opened.seq);
    assert_eq!(records.last().unwrap()["seq"], closed.seq);
    assert_eq!((&records[3]["actor"], &records[3]["role"]), (&json!("Chantal Dijkstra"), &json!("wijkteammedewerker")));
    assert_eq!(records[0]["actor"], "Anna de Vries");
    assert!(records.iter().all(|r| r["ts"].is_string() && r["summary"].as_str().is_some_and(|s| s.starts_with("Meldcode"))));
    assert_eq!(records[9]["event"]["report"]["deliberation"], deliberation);
    assert_eq!(records[0]["event"]["signal"]["observation"], "blauwe plekken op de armen (synthetisch)");
    assert_eq!((&t["closed"], &t["next"]["kind"]), (&json!(true), &json!("nothing")));
    assert_eq!(t["notices"], json!([]), "every step was done before the decision to report");
    assert!(t["steps"].as_array().unwrap().iter().all(|s| s["done"] == true), "{}", t["steps"]);
    assert_eq!(t["trajectory"]["closure"]["reason"], "reported");
    assert_eq!(t["trajectory"]["requests"][0]["answered_on"], mc_day(3));
    assert_eq!((&t["erased_events"], &t["not_folded"]), (&json!([]), &json!([])));
    assert!(t["step_sources"].as_array().unwrap().iter().any(|s| s["publisher"] == "Augeo"));

    // The dossier names the meldcode lines too, and the closed trajectory leaves the overview.
    let d = api.get(&format!("/api/v1/clienten/{daan}/dossier"), &huisarts).await.expect(StatusCode::OK).clone();
    assert_eq!(d["lines"].as_array().unwrap().iter().filter(|l| l["kind"] == "meldcode").count(), 12);
    assert_eq!(d["status"]["ok"], true, "{d}");
    let open = api.get("/api/v1/meldcode", &aandacht).await.expect(StatusCode::OK).clone();
    assert!(!open.as_array().unwrap().iter().any(|o| o["client"] == daan.as_str()), "{open}");
}

/// An event the trajectory refuses is answered `422 ongeldige_invoer` with the reason in Dutch and
/// English, and nothing is recorded; so is JSON that is not an event. A decision against the
/// reporting norm is recorded (reporting is a right) and flagged with its sources.
#[tokio::test]
async fn a_refused_meldcode_event_records_nothing_and_says_why() {
    let api = setup().await;
    let huisarts = api.login("huisarts").await;
    let noor = api.client_id(&huisarts, "Noor Bakker").await;
    let path = format!("/api/v1/clienten/{noor}/meldcode");
    let entries = api.core.entries(&grondslag_store::ClientId::parse(&noor).unwrap()).await.unwrap().len();

    // Not opened yet: an answer is refused.
    let r = api.post(&path, &huisarts, mc_answer(0, "suspicion", true)).await;
    r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    assert!(r.message().contains("begint met het signaal"), "{}", r.message());
    assert!(r.body["fout"]["message"].as_str().unwrap().contains("starts with the signal"), "{}", r.body);
    api.get(&path, &huisarts).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");

    let open =
        json!({"event": "opened", "on": mc_day(5), "sector": "social_support", "signal": mc_signal(5, "onrust thuis (synthetisch)")});
    api.post(&path, &huisarts, open.clone()).await.expect(StatusCode::CREATED);
    // Refused by the trajectory: opened twice, before the opening, blank reasons, a report
    // without a decision to report, feedback without a report.
    let refused = [
        (open, "al een meldcodetraject"),
        (json!({"event": "signal_added", "on": mc_day(1), "signal": mc_signal(1, "eerder")}), "vóór de opening"),
        (json!({"event": "acute_danger_declared", "on": mc_day(6), "reasons": "   "}), "verplicht"),
        (
            json!({"event": "reported", "on": mc_day(6), "report": {"deliberation": null, "informed": "x", "agreements": ""}}),
            "besluit om te melden",
        ),
        (json!({"event": "veilig_thuis_feedback", "on": mc_day(6), "feedback": {"feedback": "x", "follow_up": ""}}), "nadat de melding"),
        (json!({"event": "reopened", "on": mc_day(6), "reasons": "nieuw"}), "niet gesloten"),
    ];
    for (event, needle) in &refused {
        let r = api.post(&path, &huisarts, event.clone()).await;
        r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
        assert!(r.message().contains(needle), "{event}: {}", r.message());
        assert_ne!(r.message(), r.body["fout"]["message"].as_str().unwrap(), "no English text for {event}");
    }
    // A report resting on a dossier entry that is no deliberation.
    api.post(
        &path,
        &huisarts,
        json!({"event": "decided", "on": mc_day(6), "decision": {"report": true, "own_help": false, "reasons": "acuut"}}),
    )
    .await
    .expect(StatusCode::CREATED);
    let r = api
        .post(
            &path,
            &huisarts,
            json!({"event": "reported", "on": mc_day(6), "report": {"deliberation": 1, "informed": "x", "agreements": ""}}),
        )
        .await;
    r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    assert!(r.message().contains("geen beraad of besluit"), "{}", r.message());

    // Not an event at all.
    let bad = [
        (r#"{"event": "opened""#, "geen geldige JSON"),
        (r#"{"event": "geopend", "on": "2026-12-01"}"#, "onbekende waarde ‘geopend’"),
        (r#"{"event": "reopened", "on": "1-12-2026", "reasons": "x"}"#, "JJJJ-MM-DD"),
        (r#"{"event": "reopened", "on": "2026-12-01", "reasons": "x", "kind": "meldcode"}"#, "onbekend veld ‘kind’"),
        (r#"{"event": "reopened", "on": "2026-12-01"}"#, "‘reasons’ ontbreekt"),
        (r#"{"event": "reopened", "on": "2026-12-01", "reasons": "x", "reasons": "y"}"#, "niet eenduidig"),
        (r#"[]"#, "verwachte vorm"),
        (r#"{"event": "opened", "on": "2026-12-01", "sector": "care", "signal": {"observation": "x"}}"#, "ontbreekt"),
    ];
    for (body, needle) in bad {
        let r = api.post_text(&path, Some(&huisarts), body).await;
        r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
        assert!(r.message().contains(needle), "{body}: {}", r.message());
    }
    // Control characters other than a line break are refused by the core.
    let r = api.post(&path, &huisarts, json!({"event": "acute_danger_declared", "on": mc_day(6), "reasons": "a\u{1b}[2Jb"})).await;
    r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    let t = api.get(&path, &huisarts).await.expect(StatusCode::OK).clone();
    assert_eq!(t["records"].as_array().unwrap().len(), 2, "only the opening and the decision were recorded");
    assert_eq!(api.meldcode_entries(&noor).await, 2);
    assert_eq!(api.core.entries(&grondslag_store::ClientId::parse(&noor).unwrap()).await.unwrap().len(), entries + 2);

    // The professional may decide against the norm; it is recorded and flagged with sources.
    for e in [mc_answer(7, "suspicion", true), mc_answer(7, "safety", true)] {
        api.post(&path, &huisarts, e).await.expect(StatusCode::CREATED);
    }
    api.post(
        &path,
        &huisarts,
        json!({"event": "decided", "on": mc_day(8), "decision": {"report": false, "own_help": true, "reasons": "eerst zelf hulp (synthetisch)"}}),
    )
    .await
    .expect(StatusCode::CREATED);
    let t = api.get(&path, &huisarts).await.expect(StatusCode::OK).clone();
    let departs = t["notices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "decision_departs_from_norm")
        .unwrap_or_else(|| panic!("{}", t["notices"]));
    assert_eq!(departs["norm"], "acute_or_structural_unsafety");
    assert!(departs["sources"].as_array().unwrap().iter().any(|s| s["id"] == "afwegingskader-definities"));
}

/// Who may do what with a trajectory, every decision in the access log: a professional without
/// a care relation is refused (and logged); the privacy officer and the administrator never read
/// or write one; the aandachtsfunctionaris reads any trajectory of the organisation but records
/// nothing but their own advice without a relation; the overview is theirs alone.
#[tokio::test]
async fn the_meldcode_follows_the_policy_and_every_decision_is_logged() {
    let api = setup().await;
    let huisarts = api.login("huisarts").await;
    let jeugd = api.login("jeugd").await;
    let aandacht = api.login("aandacht").await;
    let privacy = api.login("privacy").await;
    let beheer = api.login("beheer").await;
    // The jeugdarts treats Lotte; nobody else has a relation with her.
    let lotte = api.client_id(&jeugd, "Lotte de Boer").await;
    let path = format!("/api/v1/clienten/{lotte}/meldcode");
    let open = json!({"event": "opened", "on": mc_day(0), "sector": "youth_care", "signal": mc_signal(0, "verzuimt vaak (synthetisch)")});
    api.post(&path, &jeugd, open.clone()).await.expect(StatusCode::CREATED);
    api.get(&path, &jeugd).await.expect(StatusCode::OK);

    // A professional without a care relation: refused, and logged as such.
    api.get(&path, &huisarts).await.refused(StatusCode::FORBIDDEN, "geen_zorgrelatie");
    api.post(&path, &huisarts, mc_advice(1, "colleague")).await.refused(StatusCode::FORBIDDEN, "geen_zorgrelatie");
    // The privacy officer and the administrator: their role never reaches a trajectory.
    for token in [&privacy, &beheer] {
        api.get(&path, token).await.refused(StatusCode::FORBIDDEN, "geen_toegang");
        api.post(&path, token, mc_advice(1, "aandachtsfunctionaris")).await.refused(StatusCode::FORBIDDEN, "geen_toegang");
    }
    // The aandachtsfunctionaris without a relation: reads, records advice, nothing else.
    api.get(&path, &aandacht).await.expect(StatusCode::OK);
    for event in [
        mc_advice(1, "colleague"),
        json!({"event": "signal_added", "on": mc_day(1), "signal": mc_signal(1, "x")}),
        mc_answer(1, "suspicion", true),
    ] {
        api.post(&path, &aandacht, event).await.refused(StatusCode::FORBIDDEN, "geen_zorgrelatie");
    }
    api.post(&path, &aandacht, mc_advice(1, "aandachtsfunctionaris")).await.expect(StatusCode::CREATED);
    assert_eq!(api.meldcode_entries(&lotte).await, 2, "only the opening and the advice");

    let log = api.access_about(&lotte).await;
    let count = |action: &str, authorisation: &str, allowed: bool| {
        log.iter().filter(|e| e.action == action && e.authorisation == authorisation && e.allowed == allowed).count()
    };
    assert_eq!(count("meldcode.lezen", "geweigerd:geen_zorgrelatie", false), 1);
    assert_eq!(count("meldcode.schrijven", "geweigerd:geen_zorgrelatie", false), 4, "{log:?}");
    assert_eq!(count("meldcode.lezen", "geweigerd:rol", false), 2);
    // The privacy officer's and administrator's advice is not theirs to give: a write.
    assert_eq!(count("meldcode.schrijven", "geweigerd:rol", false), 2);
    assert_eq!(count("meldcode.lezen", "rol:aandachtsfunctionaris", true), 1);
    assert_eq!(count("meldcode.advies", "rol:aandachtsfunctionaris", true), 1);
    assert_eq!(count("meldcode.schrijven", "zorgrelatie", true), 1);

    // Nothing crosses an organisation; ids that name nothing are not found.
    let (other, _) = api.core.create_organisation("Andere praktijk (fictief)").await.unwrap();
    let stranger = api.core.create_client(&other.id, "ANDER-1", &Identity { name: "Vreemde".into(), birth_date: None }).await.unwrap();
    for p in [
        format!("/api/v1/clienten/{}/meldcode", stranger.id),
        "/api/v1/clienten/0190f0e0-0000-7000-8000-000000000000/meldcode".to_owned(),
        "/api/v1/clienten/geen-id/meldcode".to_owned(),
    ] {
        api.get(&p, &aandacht).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");
        api.post(&p, &huisarts, open.clone()).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");
    }
    // A client without a trajectory: not found, also for the aandachtsfunctionaris.
    let sam = api.client_id(&huisarts, "Sam Jansen").await;
    api.get(&format!("/api/v1/clienten/{sam}/meldcode"), &aandacht).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");

    // The overview: the aandachtsfunctionaris only, and `dagen` within 1–365.
    for token in [&huisarts, &jeugd, &privacy, &beheer] {
        api.get("/api/v1/meldcode", token).await.refused(StatusCode::FORBIDDEN, "geen_toegang");
    }
    let open_list = |q: &'static str| {
        let (api, token) = (&api, aandacht.clone());
        async move { api.get(&format!("/api/v1/meldcode{q}"), &token).await }
    };
    // Lotte's trajectory beside the demo's two (one waiting for advice, one overdue).
    let all = open_list("").await.expect(StatusCode::OK).clone();
    let entry = |list: &Value| list.as_array().unwrap().iter().find(|e| e["client"] == json!(lotte)).cloned().unwrap();
    assert_eq!(all.as_array().unwrap().len(), 3);
    assert_eq!(entry(&all)["overdue"], json!(true));
    // Six weeks idle is not overdue when the organisation allows a year.
    assert_eq!(entry(&open_list("?dagen=365").await.expect(StatusCode::OK).clone())["overdue"], false);
    for bad in ["?dagen=0", "?dagen=366", "?dagen=veertien", "?dagen=-1"] {
        open_list(bad).await.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    }
    let org = api.core.organisations().await.unwrap().into_iter().find(|o| o.name.starts_with("Demo")).unwrap();
    let q = grondslag_store::AccessQuery { limit: 1000, ..Default::default() };
    let events = api.web.store().access_events(&org.id, &q).await.unwrap();
    let overview = |allowed: bool| events.iter().filter(|e| e.event.action == "meldcode.overzicht" && e.event.allowed == allowed).count();
    // Allowed and then refused for its input (`dagen=0`, `366`) is logged as allowed; a query
    // that is not a number is refused before anyone is asked.
    assert_eq!((overview(true), overview(false)), (4, 4));
}

/// The document describes the meldcode's body and answers: every kind of event, and the
/// statuses each operation can give.
#[tokio::test]
async fn the_openapi_document_describes_the_meldcode() {
    let api = setup().await;
    let doc = api.call(Method::GET, "/api/openapi.json", None, None).await.expect(StatusCode::OK).clone();
    let schemas = &doc["components"]["schemas"];
    let events: BTreeSet<&str> = schemas["MeldcodeGebeurtenis"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["properties"]["event"]["enum"][0].as_str().unwrap())
        .collect();
    assert_eq!(events.len(), 12, "{events:?}");
    assert!(events.contains("opened") && events.contains("veilig_thuis_feedback") && events.contains("reopened"));
    let statuses = |method: &str, path: &str| -> BTreeSet<String> {
        doc["paths"][path][method]["responses"].as_object().unwrap().keys().cloned().collect()
    };
    let set = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(statuses("get", "/api/v1/clienten/{id}/meldcode"), set(&["200", "401", "403", "404", "500"]));
    assert_eq!(statuses("post", "/api/v1/clienten/{id}/meldcode"), set(&["201", "401", "403", "404", "409", "422", "500"]));
    assert_eq!(statuses("post", "/api/v1/clienten/{id}/besluiten"), set(&["201", "401", "403", "404", "409", "422", "500"]));
    assert_eq!(statuses("get", "/api/v1/meldcode"), set(&["200", "401", "403", "422", "500"]));
    let body = &doc["paths"]["/api/v1/clienten/{id}/meldcode"]["post"]["requestBody"]["content"]["application/json"]["schema"];
    assert_eq!(body["$ref"], "#/components/schemas/MeldcodeGebeurtenis");
    let dagen = &doc["paths"]["/api/v1/meldcode"]["get"]["parameters"][0];
    assert_eq!((&dagen["name"], &dagen["schema"]["minimum"], &dagen["schema"]["maximum"]), (&json!("dagen"), &json!(1), &json!(365)));
    assert!(schemas["Meldcodetraject"]["properties"]["weighing"].is_object());
    assert!(schemas["Bron"]["required"].as_array().unwrap().contains(&json!("publisher")));
}

/// The case library as JSON: every example, filters, one example with Grondslag's answer beside
/// the authority's; an unknown example or age band is refused in the API's format.
#[tokio::test]
async fn the_case_library_lists_filters_and_shows_worked_examples() {
    let api = setup().await;
    let token = api.login("huisarts").await;
    let rules = grondslag_rules::load_embedded().unwrap();
    let lib = grondslag_cases::Library::embedded(&rules);
    let all = api.get("/api/v1/voorbeelden", &token).await.expect(StatusCode::OK).clone();
    assert_eq!(all.as_array().unwrap().len(), lib.len());
    let vt = api.get("/api/v1/voorbeelden?ontvanger=veilig_thuis&leeftijd=0-11", &token).await.expect(StatusCode::OK).clone();
    let vt = vt.as_array().unwrap();
    assert!(!vt.is_empty() && vt.len() < lib.len());
    assert!(vt.iter().all(|c| c["ontvanger"] == "veilig_thuis" && c["leeftijd"] == "0-11"));
    let found = api.get("/api/v1/voorbeelden?q=cardioloog", &token).await.expect(StatusCode::OK).clone();
    assert!(found.as_array().unwrap().iter().any(|c| c["id"] == "huisarts-verwijst-naar-cardioloog"));
    api.get("/api/v1/voorbeelden?leeftijd=oud", &token).await.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");

    let one = api.get("/api/v1/voorbeelden/huisarts-verwijst-naar-cardioloog", &token).await.expect(StatusCode::OK).clone();
    assert_eq!(one["feiten"]["recipient_role"], "medisch_specialist");
    assert_eq!(one["verwacht"]["uitkomst"], "may_share");
    assert!(one["verwacht"]["bronnen"].as_array().unwrap().iter().any(|u| u.as_str().unwrap().starts_with("https://www.lhv.nl/")));
    assert_eq!(one["antwoord"]["outcome"], "may_share");
    assert_eq!(one["overeenkomst"], true);
    api.get("/api/v1/voorbeelden/bestaat-niet", &token).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");
    // Every signed-in role reads them (they hold no client data).
    let privacy = api.login("privacy").await;
    api.get("/api/v1/voorbeelden/huisarts-verwijst-naar-cardioloog", &privacy).await.expect(StatusCode::OK);
}

#[tokio::test]
async fn a_casusoverleg_gets_an_answer_per_participant() {
    let api = setup().await;
    let token = api.login("huisarts").await;
    let facts = json!({
        "sender_role": "jeugdhulpverlener", "purpose": "care", "data_categories": ["youth_care", "social"],
        "client_age": 9, "client_competent": false, "consent": "not_asked", "danger": "none",
    });
    let body = json!({"facts": facts, "datum": DAY, "deelnemers": [
        {"rol": "leraar"}, {"rol": "gemeenteambtenaar"}, {"rol": "huisarts", "betrokken": true},
    ]});
    let r = api.post("/api/v1/casusoverleg", &token, body).await;
    let answer = r.expect(StatusCode::OK);
    let per: Vec<(&str, &str)> = answer["deelnemers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rol"].as_str().unwrap(), d["verslag"]["outcome"].as_str().unwrap()))
        .collect();
    assert_eq!(per, [("leraar", "may_not_share"), ("gemeenteambtenaar", "may_not_share"), ("huisarts", "may_share")]);
    assert_eq!(answer["deelnemers"][2]["verslag"]["beroepsgeheim"]["grounds"], json!(["not_a_third_party"]));
    assert_eq!(answer["anoniem"].as_array().unwrap().len(), 6);
    assert!(answer["convenant"].as_str().unwrap().contains("convenant"));

    // The recipient belongs to the participants; bad participants are refused with a message.
    let mut wrong = json!({"facts": facts.clone(), "deelnemers": [{"rol": "leraar"}]});
    wrong["facts"]["recipient_role"] = json!("politie");
    api.post("/api/v1/casusoverleg", &token, wrong).await.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    api.post("/api/v1/casusoverleg", &token, json!({"facts": facts.clone(), "deelnemers": []}))
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    let r = api.post("/api/v1/casusoverleg", &token, json!({"facts": facts.clone(), "deelnemers": [{"rol": "bestaat_niet"}]})).await;
    r.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    assert!(r.message().contains("recipient_role"), "{}", r.message());
    let many: Vec<Value> = (0..21).map(|_| json!({"rol": "leraar"})).collect();
    api.post("/api/v1/casusoverleg", &token, json!({"facts": facts.clone(), "deelnemers": many}))
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    // For care roles only, as any evaluation.
    let privacy = api.login("privacy").await;
    api.post("/api/v1/casusoverleg", &privacy, json!({"facts": facts, "deelnemers": [{"rol": "leraar"}]}))
        .await
        .refused(StatusCode::FORBIDDEN, "geen_toegang");
}

/// A planned casusoverleg over the API: the chair plans it and invites the huisarts; the
/// huisarts answers for the school's seat in her own client's dossier; the conference keeps only
/// the outcome and grounds; the minutes refuse identifying words without a ground towards
/// everyone; a seatless account finds nothing.
#[tokio::test]
async fn a_planned_casusoverleg_over_the_api() {
    let api = setup().await;
    let chair = api.login("wijkteam").await;
    let huisarts = api.login("huisarts").await;
    let plan = json!({
        "titel": "Gezin H.", "datum": "2026-12-10", "doel": "care", "afspraak": "Convenant wijkteam en scholen",
        "eigen_rol": "wijkteammedewerker", "deelnemers": [{"rol": "huisarts"}, {"rol": "leraar", "organisatie": "De Linde"}]
    });
    let bad =
        json!({"titel": "", "datum": "2026-12-10", "doel": "care", "eigen_rol": "wijkteammedewerker", "deelnemers": [{"rol": "huisarts"}]});
    api.post("/api/v1/casusoverleggen", &chair, bad).await.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    let r = api.post("/api/v1/casusoverleggen", &chair, plan).await;
    let stand = r.expect(StatusCode::CREATED).clone();
    let id = stand["id"].as_str().unwrap().to_owned();
    assert_eq!(stand["plaatsen"].as_array().unwrap().len(), 3);
    assert!(stand["convenant"].as_str().unwrap().contains("nooit zelf een grond"));
    let path = format!("/api/v1/casusoverleggen/{id}");
    api.get(&path, &huisarts).await.refused(StatusCode::NOT_FOUND, "niet_gevonden");

    // Invite the huisarts (seat 1) by her account id.
    let me = api.call(Method::POST, "/api/v1/sessies", None, Some(json!({"inlognaam": "huisarts", "wachtwoord": PASSWORD}))).await;
    let her = me.expect(StatusCode::CREATED)["professional"]["id"].as_str().unwrap().to_owned();
    api.post(&format!("{path}/uitnodigingen"), &chair, json!({"plaats": 1, "account": her})).await.expect(StatusCode::OK);
    let list = api.get("/api/v1/casusoverleggen", &huisarts).await;
    assert_eq!(list.expect(StatusCode::OK).as_array().unwrap().len(), 1);

    // Facts that come from the table are refused; then she answers for the school's seat.
    let sam = api.client_id(&huisarts, "Sam Jansen").await;
    let facts =
        json!({"recipient_in_treatment_relation": false, "data_categories": ["health"], "client_age": 11, "client_competent": false});
    let wrong = json!({"aan": 2, "client": sam, "facts": {"recipient_role": "leraar"}});
    api.post(&format!("{path}/beraden"), &huisarts, wrong).await.refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    let r = api.post(&format!("{path}/beraden"), &huisarts, json!({"aan": 2, "client": sam, "facts": facts})).await;
    let done = r.expect(StatusCode::CREATED).clone();
    assert_eq!(done["beraad"]["report"]["outcome"], "may_not_share");
    let seat = &done["casusoverleg"]["plaatsen"][1];
    assert_eq!((seat["u"].as_bool(), seat["inbreng"].as_str()), (Some(true), Some("alleen_anoniem")));
    assert_eq!(seat["antwoorden"][0]["uitkomst"], "may_not_share");
    // The chair sees that outcome, and nothing of Sam.
    let seen = api.get(&path, &chair).await;
    let text = seen.expect(StatusCode::OK).to_string();
    assert!(text.contains("may_not_share") && !text.contains(&sam) && !text.contains("Sam"), "{text}");

    // Minutes: identifying refused, anonymous accepted.
    api.post(&format!("{path}/verslag"), &huisarts, json!({"tekst": "Moeder is depressief"}))
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
    let r = api.post(&format!("{path}/verslag"), &huisarts, json!({"tekst": "Zorg over de thuissituatie", "anoniem": true})).await;
    assert_eq!(r.expect(StatusCode::OK)["verslag"][0]["anoniem"], true);
    // Only the chair invites.
    api.post(&format!("{path}/uitnodigingen"), &huisarts, json!({"plaats": 2, "account": null}))
        .await
        .refused(StatusCode::UNPROCESSABLE_ENTITY, "ongeldige_invoer");
}
