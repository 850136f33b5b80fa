//! In-process HTTP tests of the HTML application: the authorisation matrix (every role × every
//! resource × own and other organisation, with and without a care relation), direct object
//! references, the access log of every refusal, sessions, CSRF, rate limiting and headers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use grondslag_app::{App, Identity};
use grondslag_store::{
    AccessQuery, AccessStore, AppRole, CareRelation, ClientId, DraftId, OrgId, ProfessionalId, SessionStage, Store, UnixMillis,
    verify_access_chain,
};
use grondslag_store_sqlite::SqliteStore;
use grondslag_web::auth::{SignedIn, token_hash};
use grondslag_web::{Config, HashCost, Web, router};
use tower::ServiceExt;

const PW: &str = "demo-wachtwoord-oost";

struct Org {
    id: OrgId,
    /// login → professional id
    users: HashMap<&'static str, ProfessionalId>,
    /// name → client id
    clients: HashMap<&'static str, ClientId>,
}

struct T {
    web: Arc<Web<SqliteStore>>,
    /// The application layer on the same store and keys, for setting up and checking (the
    /// server's own is private to its audited path).
    core: App<SqliteStore>,
    app: Router,
    a: Org,
    b: Org,
    /// The TOTP secrets of accounts that set up a second factor in a test (login → secret).
    secrets: std::sync::Mutex<HashMap<String, Vec<u8>>>,
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

/// A code the server has not accepted yet: for the current or the next step (both within the
/// accepted window, also when the step changes on the way), waiting for a step if both are used.
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

struct Resp {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

async fn setup() -> T {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path().join("t.db")).await.unwrap();
    let rules = grondslag_rules::load_embedded().unwrap();
    let core = App::new(store.clone(), dir.path(), rules.clone());
    let app = App::new(store, dir.path(), rules);
    let web = Web::new(app, Config { hash_cost: HashCost::TEST, ..Config::default() }).await.unwrap();
    web.demo().await.unwrap();
    let store = web.store();
    let org_a = core.organisations().await.unwrap().into_iter().next().unwrap();
    let mut a = Org { id: org_a.id.clone(), users: HashMap::new(), clients: HashMap::new() };
    for p in store.professionals(&org_a.id).await.unwrap() {
        let login = store.credential_of(&p.id).await.unwrap().unwrap().login;
        let key: &'static str = Box::leak(login.into_boxed_str());
        a.users.insert(key, p.id);
    }
    for c in store.clients(&org_a.id).await.unwrap() {
        let name = core.identity(&c).await.unwrap().name;
        let key: &'static str = Box::leak(name.into_boxed_str());
        a.clients.insert(key, c.id);
    }
    // A second organisation with the same roles, and a client its huisarts treats.
    let (org_b, _) = core.create_organisation("Andere praktijk").await.unwrap();
    let mut b = Org { id: org_b.id.clone(), users: HashMap::new(), clients: HashMap::new() };
    for (login, role, profession) in [
        ("b-huisarts", AppRole::Professional, "huisarts"),
        ("b-aandacht", AppRole::Aandachtsfunctionaris, "wijkteammedewerker"),
        ("b-privacy", AppRole::PrivacyOfficer, "collega"),
        ("b-beheer", AppRole::Administrator, "collega"),
    ] {
        let id = web.add_account(&org_b.id, login, role, profession, login, PW).await.unwrap();
        b.users.insert(login, id);
    }
    let c = core.create_client(&org_b.id, "B-1", &Identity { name: "Bo Ander".into(), birth_date: None }).await.unwrap();
    let rel = CareRelation {
        org: org_b.id.clone(),
        professional: b.users["b-huisarts"].clone(),
        client: c.id.clone(),
        since: "2026-01-01T00:00:00.000Z".into(),
    };
    store.add_care_relation(&rel).await.unwrap();
    b.clients.insert("Bo Ander", c.id.clone());
    // A deliberation in Noor's dossier (entry 2, after the demo consent) and one in Bo's.
    let date = time::macros::date!(2026 - 11 - 23);
    let facts =
        "facts:\n  sender_role: huisarts\n  recipient_role: mantelzorger\n  purpose: inform_relatives\n  data_categories: [health]\n";
    let input = |content: &'static str| grondslag_app::FactsInput {
        file_name: "t.yaml",
        content,
        date,
        lang: grondslag_rules::Lang::Nl,
        open: false,
    };
    core.deliberate(&a.clients["Noor Bakker"], &a.users["huisarts"], input(facts)).await.unwrap();
    core.deliberate(&c.id, &b.users["b-huisarts"], input(facts)).await.unwrap();
    let app = router(web.clone());
    T { web, core, app, a, b, secrets: Default::default(), _dir: dir }
}

impl T {
    /// A fully signed-in session of `login`, through the real steps: the password, then (for an
    /// account that must have one) setting up the second factor, or giving its code.
    async fn token(&self, login: &str) -> String {
        let addr = format!("test-{login}");
        let signed_in = self.web.login(login, PW, &addr).await.unwrap();
        self.finish(login, signed_in, &addr).await
    }

    async fn finish(&self, login: &str, s: SignedIn, addr: &str) -> String {
        let p = &s.professional;
        match s.stage {
            SessionStage::Full => return s.token,
            SessionStage::Enrol => {
                let secret = self.web.pending_secret(p).await.unwrap().unwrap();
                let codes = self.web.confirm_second_factor(p, login, &code_for(&secret, now_step()), addr).await.unwrap();
                assert_eq!(codes.map(|c| c.len()), Some(10));
                self.secrets.lock().unwrap().insert(login.to_owned(), secret);
            }
            SessionStage::SecondFactor => {
                let secret = self.secrets.lock().unwrap()[login].clone();
                let code = fresh_code(&self.web, &p.id, &secret).await;
                assert!(self.web.check_second_factor(p, login, &code, addr).await.unwrap().is_some());
            }
        }
        self.web.complete_login(&token_hash(&s.token), &p.id).await.unwrap()
    }

    /// The session cookie a response sets (the token), if any.
    fn cookie(r: &Resp) -> Option<String> {
        let v = r.headers.get(header::SET_COOKIE)?.to_str().ok()?;
        let token = v.strip_prefix("grondslag_sessie=")?.split(';').next()?;
        (!token.is_empty()).then(|| token.to_owned())
    }

    async fn send(&self, method: &str, path: &str, token: Option<&str>, form: Option<&str>) -> Resp {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            req = req.header(header::COOKIE, format!("grondslag_sessie={t}"));
        }
        let req = match form {
            Some(f) => req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(Body::from(f.to_owned())),
            None => req.body(Body::empty()),
        }
        .unwrap();
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = axum::body::to_bytes(res.into_body(), 10 << 20).await.unwrap();
        Resp { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    /// A GET with the `taal` cookie set.
    async fn get_in(&self, path: &str, token: Option<&str>, lang: &str) -> Resp {
        let mut cookies = format!("taal={lang}");
        if let Some(t) = token {
            cookies.push_str(&format!("; grondslag_sessie={t}"));
        }
        let req = Request::builder().method("GET").uri(path).header(header::COOKIE, cookies).body(Body::empty()).unwrap();
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = axum::body::to_bytes(res.into_body(), 10 << 20).await.unwrap();
        Resp { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    /// The access events of one user, newest first.
    async fn events_of(&self, org: &OrgId, user: impl ToString) -> Vec<grondslag_store::AccessEvent> {
        let q = AccessQuery { user: Some(user.to_string()), limit: 1000, ..Default::default() };
        self.web.store().access_events(org, &q).await.unwrap().into_iter().map(|e| e.event).collect()
    }

    async fn refusals(&self, org: &OrgId, user: impl ToString) -> usize {
        let q = AccessQuery { user: Some(user.to_string()), limit: 1000, ..Default::default() };
        self.web.store().access_events(org, &q).await.unwrap().iter().filter(|e| !e.event.allowed).count()
    }
}

/// What a request may give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Allowed,
    /// Refused with 403 or 404, and logged.
    Refused,
}

fn ok(s: StatusCode) -> bool {
    s.is_success() || s.is_redirection()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorisation_matrix_for_dossiers() {
    let t = setup().await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let lotte = t.a.clients["Lotte de Boer"].clone(); // no care relation with huisarts / aandacht
    let bo = t.b.clients["Bo Ander"].clone(); // other organisation
    // Resources on a client's dossier: (method, path template, form).
    let resources: Vec<(&str, String, Option<String>)> = vec![
        ("GET", "/clienten/{c}".into(), None),
        ("GET", "/clienten/{c}/dossier/1".into(), None),
        ("GET", "/clienten/{c}/dossier/1/ontvangstbewijs".into(), None),
        ("GET", "/clienten/{c}/bundel".into(), None),
        ("GET", "/clienten/{c}/toestemming".into(), None),
        ("GET", "/clienten/{c}/beraad/2/besluit".into(), None),
        (
            "POST",
            "/clienten/{c}/toestemming".into(),
            Some("gegeven_door=X&hoedanigheid=client&ontvanger=werkgever&gegevens=health&doel=care&vanaf=2026-11-23&vorm=oral&vrij=ja&geinformeerd=ja".into()),
        ),
        ("POST", "/clienten/{c}/beraad/2/besluit".into(), Some("gedeeld=nee&geinformeerd=nee&waarom_niet=x&redenen=geen+grond".into())),
        ("POST", "/beraad".into(), Some("client={c}&datum=2026-11-23".into())),
    ];
    // (login, org of the user) and what each may do on: own client with care relation, own
    // client without, other organisation's client.
    let cases: Vec<(&str, &Org, Option<&str>, Expect, Expect)> = vec![
        ("huisarts", &t.a, Some("Noor Bakker"), Expect::Allowed, Expect::Refused),
        ("aandacht", &t.a, Some("Sam Jansen"), Expect::Allowed, Expect::Refused),
        ("jeugd", &t.a, Some("Lotte de Boer"), Expect::Allowed, Expect::Refused),
        ("privacy", &t.a, None, Expect::Refused, Expect::Refused),
        ("beheer", &t.a, None, Expect::Refused, Expect::Refused),
    ];
    let mut checked = 0;
    for (login, org, own_client, with_care, without_care) in cases {
        let token = t.token(login).await;
        let user = org.users[login].clone();
        let targets: Vec<(ClientId, Expect, &str)> = vec![
            (own_client.map(|n| t.a.clients[n].clone()).unwrap_or_else(|| noor.clone()), with_care, "eigen cliënt met zorgrelatie"),
            (if login == "jeugd" { noor.clone() } else { lotte.clone() }, without_care, "eigen cliënt zonder zorgrelatie"),
            (bo.clone(), Expect::Refused, "cliënt van een andere organisatie"),
        ];
        for (client, expect, what) in &targets {
            for (method, path, form) in &resources {
                let path = path.replace("{c}", client.as_str());
                let form = form.as_ref().map(|f| f.replace("{c}", client.as_str()));
                // Entries 1 and 2 exist in Noor's and Bo's dossiers; skip entry routes elsewhere.
                if (path.contains("/dossier/1") || path.contains("/beraad/2")) && client != &noor && client != &bo {
                    continue;
                }
                let before = t.refusals(&org.id, &user).await;
                let r = t.send(method, &path, Some(&token), form.as_deref()).await;
                match expect {
                    Expect::Allowed => {
                        assert!(
                            ok(r.status) || r.status == StatusCode::UNPROCESSABLE_ENTITY,
                            "{login} {method} {path} ({what}): {} {}",
                            r.status,
                            &r.body[..r.body.len().min(300)]
                        );
                    }
                    Expect::Refused => {
                        assert!(
                            r.status == StatusCode::FORBIDDEN || r.status == StatusCode::NOT_FOUND,
                            "{login} {method} {path} ({what}) moest geweigerd worden, gaf {}",
                            r.status
                        );
                        assert!(
                            !r.body.contains("Bo Ander") && !r.body.contains("Lotte de Boer") || login == "beheer",
                            "weigering lekt een naam"
                        );
                        let after = t.refusals(&org.id, &user).await;
                        assert_eq!(after, before + 1, "{login} {method} {path} ({what}): weigering niet (precies één keer) gelogd");
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 100, "matrix te klein: {checked}");
    // Nothing of organisation B's log mentions organisation A's users, and both chains hold.
    for org in [&t.a.id, &t.b.id] {
        let chain = t.web.store().access_chain(org).await.unwrap();
        verify_access_chain(&chain).unwrap();
        assert!(chain.iter().all(|e| &e.event.org == org));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorisation_matrix_for_organisation_pages() {
    let t = setup().await;
    let pages = ["/beheer", "/toegangslog", "/doorbraken", "/verificatie", "/clienten/nieuw", "/beraad/nieuw"];
    // Which role may open which page.
    let allowed: HashMap<&str, Vec<&str>> = HashMap::from([
        ("huisarts", vec!["/clienten/nieuw", "/beraad/nieuw"]),
        ("aandacht", vec!["/clienten/nieuw", "/beraad/nieuw"]),
        ("privacy", vec!["/toegangslog", "/doorbraken", "/verificatie"]),
        ("beheer", vec!["/beheer", "/verificatie", "/clienten/nieuw"]),
    ]);
    for (login, may) in &allowed {
        let token = t.token(login).await;
        let user = t.a.users[login].clone();
        for page in pages {
            let before = t.refusals(&t.a.id, &user).await;
            let r = t.send("GET", page, Some(&token), None).await;
            if may.contains(&page) {
                assert_eq!(r.status, StatusCode::OK, "{login} {page}");
            } else {
                assert_eq!(r.status, StatusCode::FORBIDDEN, "{login} {page}");
                assert_eq!(t.refusals(&t.a.id, &user).await, before + 1, "{login} {page}: weigering niet gelogd");
            }
        }
        // State-changing admin actions are refused for everyone but the administrator.
        let before = t.refusals(&t.a.id, &user).await;
        let form = format!("professional={}&client={}", user, t.a.clients["Lotte de Boer"]);
        let r = t.send("POST", "/beheer/zorgrelaties", Some(&token), Some(&form)).await;
        if *login == "beheer" {
            assert_eq!(r.status, StatusCode::OK);
        } else {
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{login} mag geen zorgrelatie vastleggen");
            assert_eq!(t.refusals(&t.a.id, &user).await, before + 1);
        }
    }
    // Without a session every page sends you to the login.
    for page in pages {
        let r = t.send("GET", page, None, None).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{page}");
        assert_eq!(r.headers[header::LOCATION], "/inloggen");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn direct_object_references_across_organisations_are_refused() {
    let t = setup().await;
    let admin_a = t.token("beheer").await;
    let privacy_a = t.token("privacy").await;
    let huisarts_a = t.token("huisarts").await;
    let huisarts_b = t.token("b-huisarts").await;
    // An administrator cannot give their professional a care relation with another org's client,
    // nor block another org's professional.
    let form = format!("professional={}&client={}", t.a.users["huisarts"], t.b.clients["Bo Ander"]);
    let r = t.send("POST", "/beheer/zorgrelaties", Some(&admin_a), Some(&form)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!t.web.store().has_care_relation(&t.a.users["huisarts"], &t.b.clients["Bo Ander"]).await.unwrap());
    let before = t.refusals(&t.a.id, &t.a.users["beheer"]).await;
    let r = t.send("POST", &format!("/beheer/professionals/{}/blokkeren", t.b.users["b-huisarts"]), Some(&admin_a), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The organisation check is the policy's: refused and logged like a dossier of another
    // organisation, and the same for an account that exists nowhere.
    let r = t.send("POST", "/beheer/professionals/00000000-0000-4000-8000-000000000000/blokkeren", Some(&admin_a), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(t.refusals(&t.a.id, &t.a.users["beheer"]).await, before + 2);
    assert!(!t.web.store().credential_of(&t.b.users["b-huisarts"]).await.unwrap().unwrap().disabled);
    // Break-the-glass into another organisation is refused and logged.
    let before = t.refusals(&t.a.id, &t.a.users["huisarts"]).await;
    let r = t
        .send("POST", &format!("/clienten/{}/doorbraak", t.b.clients["Bo Ander"]), Some(&huisarts_a), Some("reden=noodgeval+bij+de+buren"))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(t.refusals(&t.a.id, &t.a.users["huisarts"]).await, before + 1);
    // A break-the-glass grant of organisation B cannot be reviewed from A.
    let r = t
        .send(
            "POST",
            &format!("/clienten/{}/doorbraak", t.b.clients["Bo Ander"]),
            Some(&t.token("b-aandacht").await),
            Some("reden=acute+situatie+op+de+afdeling"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let grant = t.web.store().break_glass_grants(&t.b.id).await.unwrap().remove(0);
    let r = t.send("POST", &format!("/doorbraken/{}/beoordeeld", grant.id), Some(&privacy_a), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(t.web.store().break_glass_grants(&t.b.id).await.unwrap()[0].reviewed_by.is_none());
    // Someone else's draft is invisible, even in the same organisation.
    let r = t.send("POST", "/beraad", Some(&huisarts_b), Some(&format!("client={}&datum=2026-11-23", t.b.clients["Bo Ander"]))).await;
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    for (who, token) in [("huisarts A", &huisarts_a), ("b-aandacht", &t.token("b-aandacht").await)] {
        let r = t.send("GET", &draft, Some(token), None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{who} ziet andermans concept");
        let r = t.send("POST", &format!("{draft}/antwoord"), Some(token), Some("vraag=client_age&antwoord=12")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{who} wijzigt andermans concept");
    }
    // Another organisation's client and an id that exists nowhere are refused alike, and the
    // access log of A gives the same reason for both (it must not reveal which ids exist).
    let unknown = "00000000-0000-4000-8000-000000000000";
    for id in [t.b.clients["Bo Ander"].as_str(), unknown] {
        assert_eq!(t.send("GET", &format!("/clienten/{id}"), Some(&huisarts_a), None).await.status, StatusCode::NOT_FOUND);
    }
    let q = AccessQuery { user: Some(t.a.users["huisarts"].to_string()), limit: 1000, ..Default::default() };
    let events = t.web.store().access_events(&t.a.id, &q).await.unwrap();
    let reason = |id: &str| {
        events.iter().rev().find(|e| e.event.client.as_deref() == Some(id)).map(|e| e.event.authorisation.clone()).unwrap_or_default()
    };
    assert_eq!(reason(t.b.clients["Bo Ander"].as_str()), reason(unknown));
    assert!(reason(unknown).starts_with("geweigerd:"));
    // Ids that are not ids are not looked up at all.
    let r = t.send("GET", "/clienten/..%2F..%2Fetc", Some(&huisarts_a), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The access log of A shows nothing of B.
    let r = t.send("GET", "/toegangslog", Some(&privacy_a), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("Bo Ander") && !r.body.contains("b-huisarts"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn break_the_glass_gives_time_limited_logged_access() {
    let t = setup().await;
    let jeugd = t.token("jeugd").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let r = t.send("GET", &format!("/clienten/{noor}"), Some(&jeugd), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("doorbraak"), "de weigering biedt geen doorbraak aan");
    // A reason is required.
    let r = t.send("POST", &format!("/clienten/{noor}/doorbraak"), Some(&jeugd), Some("reden=kort")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t
        .send("POST", &format!("/clienten/{noor}/doorbraak"), Some(&jeugd), Some("reden=Acute+zorg+op+de+SEH%2C+huisarts+onbereikbaar"))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t.send("GET", &format!("/clienten/{noor}"), Some(&jeugd), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Noodtoegang"));
    // The privacy officer sees the grant with its reason, and the access under it.
    let privacy = t.token("privacy").await;
    let r = t.send("GET", "/doorbraken", Some(&privacy), None).await;
    assert!(r.body.contains("huisarts onbereikbaar") && r.body.contains("Bram Kok"), "{}", r.body);
    let grant = t.web.store().break_glass_grants(&t.a.id).await.unwrap().remove(0);
    let events = t
        .web
        .store()
        .access_events(&t.a.id, &AccessQuery { client: Some(noor.to_string()), limit: 50, ..Default::default() })
        .await
        .unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.event.authorisation == format!("doorbraak:{}", grant.id) && e.event.allowed && e.event.action == "dossier.lezen")
    );
    let r = t.send("POST", &format!("/doorbraken/{}/beoordeeld", grant.id), Some(&privacy), None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t.send("POST", &format!("/doorbraken/{}/beoordeeld", grant.id), Some(&privacy), None).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "tweede beoordeling");
    // The reason is stored sealed, not in plain text.
    assert!(!String::from_utf8_lossy(&grant.reason_sealed).contains("onbereikbaar"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_cookies_csrf_headers_and_rate_limits() {
    let t = setup().await;
    // Login sets an HttpOnly, SameSite=Lax cookie and goes to the role's start page.
    let r = t.send("POST", "/inloggen", None, Some("inlognaam=huisarts&wachtwoord=demo-wachtwoord-oost")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.headers[header::LOCATION], "/clienten");
    let cookie = r.headers[header::SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), "{cookie}");
    let token = cookie.split(';').next().unwrap().split_once('=').unwrap().1.to_owned();
    // The database holds only the hash of the token.
    assert!(t.web.store().session(&token).await.unwrap().is_none());
    assert!(t.web.store().session(&grondslag_web::auth::token_hash(&token)).await.unwrap().is_some());
    assert_eq!(t.send("GET", "/clienten", Some(&token), None).await.status, StatusCode::OK);
    // A wrong password and an unknown user get the same answer.
    let wrong = t.send("POST", "/inloggen", None, Some("inlognaam=jeugd&wachtwoord=fout-wachtwoord-123")).await;
    let unknown = t.send("POST", "/inloggen", None, Some("inlognaam=niemand&wachtwoord=fout-wachtwoord-123")).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert_eq!(unknown.status, StatusCode::FORBIDDEN);
    let msg = |b: &str| b.split("role=\"alert\"").nth(1).map(|s| s[..80.min(s.len())].to_owned());
    assert_eq!(msg(&wrong.body), msg(&unknown.body));
    // A cross-site form post is refused (CSRF), a same-origin one is not.
    let req = Request::builder()
        .method("POST")
        .uri("/uitloggen")
        .header(header::COOKIE, format!("grondslag_sessie={token}"))
        .header("sec-fetch-site", "cross-site")
        .header(header::ORIGIN, "https://evil.example")
        .body(Body::empty())
        .unwrap();
    assert_eq!(t.app.clone().oneshot(req).await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(t.send("GET", "/clienten", Some(&token), None).await.status, StatusCode::OK, "sessie overleeft de CSRF-poging");
    // Security headers on every page.
    let r = t.send("GET", "/inloggen", None, None).await;
    let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline") && csp.contains("default-src 'none'"));
    assert!(!r.body.contains("<script"), "geen scripts in de pagina's");
    assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    // Logging out ends the session on the server.
    assert_eq!(t.send("POST", "/uitloggen", Some(&token), None).await.status, StatusCode::SEE_OTHER);
    assert_eq!(t.send("GET", "/clienten", Some(&token), None).await.status, StatusCode::SEE_OTHER);
    // Blocking an account ends its open sessions at once.
    let jeugd = t.token("jeugd").await;
    let admin = t.token("beheer").await;
    let r = t.send("POST", &format!("/beheer/professionals/{}/blokkeren", t.a.users["jeugd"]), Some(&admin), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(t.send("GET", "/clienten", Some(&jeugd), None).await.status, StatusCode::SEE_OTHER);
    assert!(t.web.login("jeugd", PW, "x").await.is_err(), "geblokkeerd account kan inloggen");
    // Five attempts per login name per minute; the sixth is refused even with the right password.
    for _ in 0..5 {
        let _ = t.send("POST", "/inloggen", None, Some("inlognaam=aandacht&wachtwoord=fout-wachtwoord-123")).await;
    }
    let r = t.send("POST", "/inloggen", None, Some("inlognaam=aandacht&wachtwoord=demo-wachtwoord-oost")).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
}

/// Answers that lead Noor Bakker's deliberation to an answer (her informal carer, her health).
fn noor_answers() -> HashMap<&'static str, &'static str> {
    HashMap::from([
        ("recipient_role", "mantelzorger"),
        ("request_from", "none"),
        ("purpose", "inform_relatives"),
        ("client_deceased", "false"),
        ("client_age", "42"),
        ("client_competent", "true"),
        ("data_categories", "health"),
    ])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deliberation_from_question_to_receipt() {
    let t = setup().await;
    let token = t.token("huisarts").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let r = t.send("POST", "/beraad", Some(&token), Some(&format!("client={noor}&datum=2026-11-23"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let answers = noor_answers();
    let mut explained_questions = 0;
    // "Vorige vraag" takes an answer back and offers it again, preselected.
    let r = t.send("POST", &format!("{draft}/antwoord"), Some(&token), Some("vraag=recipient_role&antwoord=mantelzorger")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(t.send("POST", &format!("{draft}/terug"), Some(&token), None).await.status, StatusCode::SEE_OTHER);
    let r = t.send("GET", &draft, Some(&token), None).await;
    assert!(
        r.body.contains("value=\"recipient_role\"") && r.body.contains("value=\"mantelzorger\" selected"),
        "teruggenomen antwoord niet voorgeselecteerd"
    );
    let mut asked = Vec::new();
    let body = loop {
        let r = t.send("GET", &draft, Some(&token), None).await;
        assert_eq!(r.status, StatusCode::OK);
        let Some(fact) = r.body.split("name=\"vraag\" value=\"").nth(1).and_then(|s| s.split('"').next()).map(str::to_owned) else {
            break r.body;
        };
        if !answers.contains_key(fact.as_str()) {
            // Only condition questions remain: skip to the answer.
            assert!(r.body.contains("Sla over"), "onverwachte vraag {fact}");
            break t.send("GET", &format!("{draft}?antwoord=1"), Some(&token), None).await.body;
        }
        assert!(r.body.contains("Waarom vraag ik dit?") && r.body.contains("Bron:"), "vraag {fact} zonder reden of bron");
        if r.body.contains("Lees meer in de kennisbank:") {
            explained_questions += kennisbank_links(&t, &r.body).await;
        }
        assert!(!asked.contains(&fact), "vraag {fact} twee keer gesteld");
        asked.push(fact.clone());
        let form = format!("vraag={fact}&antwoord={}", answers[fact.as_str()]);
        let r = t.send("POST", &format!("{draft}/antwoord"), Some(&token), Some(&form)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{fact}: {}", r.body);
    };
    assert!(!asked.contains(&"sender_role".to_owned()), "de rol van de professional is al bekend");
    assert!(body.contains("U mag delen") && body.contains("beroepsgeheim") && body.contains("AVG"), "{body}");
    // The answer and some of its questions link to the kennisbank articles that explain them.
    assert!(explained_questions > 0, "no question linked to the kennisbank");
    assert!(body.contains("class=\"kb-link\"") && body.contains("Meer weten in de kennisbank"), "{body}");
    assert!(kennisbank_links(&t, &body).await >= 2);
    // A wrong answer is refused in Dutch and nothing is lost.
    let r = t.send("POST", &format!("{draft}/antwoord"), Some(&token), Some("vraag=client_age&antwoord=twaalf")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("hele jaren"));
    // Recording is bound to the answer the page showed. Another tab changes an answer after this
    // page was shown: recording from this page is refused, nothing is recorded, and the current
    // answer is shown with the reason.
    let version = |b: &str| b.split("name=\"versie\" value=\"").nth(1).and_then(|s| s.split('"').next()).map(str::to_owned);
    let shown = version(&body).expect("de vastlegknop draagt de versie van het getoonde antwoord");
    let entries = t.core.entries(&noor).await.unwrap().len();
    let r = t.send("POST", &format!("{draft}/antwoord"), Some(&token), Some("vraag=client_age&antwoord=43&wijzigen=1")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t.send("POST", &format!("{draft}/vastleggen"), Some(&token), Some(&format!("versie={shown}"))).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert!(r.body.contains("ander tabblad") && r.body.contains("Leeftijd") && r.body.contains("43"), "{}", r.body);
    let current = version(&r.body).expect("het huidige antwoord kan worden vastgelegd");
    assert_ne!(current, shown);
    // Without a version (a direct POST) nothing is recorded either.
    let r = t.send("POST", &format!("{draft}/vastleggen"), Some(&token), None).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(t.core.entries(&noor).await.unwrap().len(), entries, "een weigering legt niets vast");
    // Record the answer now shown, decide, receive a receipt that verifies.
    let r = t.send("POST", &format!("{draft}/vastleggen"), Some(&token), Some(&format!("versie={current}"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let decision = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let r = t.send("GET", &decision, Some(&token), None).await;
    assert!(r.body.contains("Vastgelegd in het dossier — kan niet meer ongemerkt worden gewijzigd"));
    let path = decision.split('?').next().unwrap().to_owned();
    let r =
        t.send("POST", &path, Some(&token), Some("gedeeld=ja&wat=diagnose&ontvanger=dochter&geinformeerd=nee&redenen=toestemming")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "zonder reden voor niet informeren");
    assert!(r.body.contains("waarom de cliënt niet is geïnformeerd"));
    let r = t
        .send(
            "POST",
            &path,
            Some(&token),
            Some("gedeeld=ja&wat=diagnose&ontvanger=dochter&geinformeerd=ja&hoe=mondeling&redenen=toestemming+geregistreerd"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let entry = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let r = t.send("GET", &entry, Some(&token), None).await;
    assert!(r.body.contains("Vastgelegd — kan niet meer ongemerkt worden gewijzigd"));
    assert!(r.body.contains("mondeling"), "every recorded field is shown");
    // Lines for the professional's own record system: the decision, in their name, with where the
    // full account is kept.
    let pasted = unescape(
        r.body
            .split("id=\"dossiertekst\"")
            .nth(1)
            .and_then(|x| x.split('>').nth(1))
            .and_then(|x| x.split("</textarea").next())
            .unwrap_or_default(),
    );
    for part in [
        "Vraag: mag ik informatie delen met",
        "Antwoord volgens de regels: U mag",
        "Mijn besluit: gedeeld met dochter",
        "Cliënt geïnformeerd: mondeling",
        "dossierregels",
    ] {
        assert!(pasted.contains(part), "{part}: {pasted}");
    }
    // A recorded decision is not offered again, and a second one is refused.
    let r = t.send("GET", &path, Some(&token), None).await;
    assert!(r.body.contains("al vastgelegd") && !r.body.contains("Besluit vastleggen</button>"), "{}", r.body);
    let again = "gedeeld=nee&geinformeerd=ja&hoe=mondeling&redenen=nogmaals";
    assert_eq!(t.send("POST", &path, Some(&token), Some(again)).await.status, StatusCode::CONFLICT);
    let seq: u64 = entry.split("/dossier/").nth(1).unwrap().split('?').next().unwrap().parse().unwrap();
    let receipt = t.core.receipt(&noor, seq).await.unwrap();
    receipt.verify(&t.core.org_keys(&t.a.id).unwrap().verifier_key().unwrap()).unwrap();
    // The draft is gone once recorded.
    assert_eq!(t.send("GET", &draft, Some(&token), None).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passwords_are_changed_by_their_owner_or_reset_by_the_administrator() {
    // Logins are limited to five per name per minute, so each part uses its own account.
    let t = setup().await;
    let jeugd = t.token("jeugd").await;
    let r = t.send("POST", "/account/wachtwoord", Some(&jeugd), Some("huidig=demo-wachtwoord-oost&nieuw=kort&herhaal=kort")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("12 tekens"));
    let token = t.token("aandacht").await;
    // A wrong current password changes nothing.
    let r = t
        .send(
            "POST",
            "/account/wachtwoord",
            Some(&token),
            Some("huidig=fout-wachtwoord-123&nieuw=nieuw-wachtwoord-2026&herhaal=nieuw-wachtwoord-2026"),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t
        .send(
            "POST",
            "/account/wachtwoord",
            Some(&token),
            Some("huidig=demo-wachtwoord-oost&nieuw=nieuw-wachtwoord-2026&herhaal=nieuw-wachtwoord-2026"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    // Every session ended; the new password works, the old one no longer does.
    assert_eq!(t.send("GET", "/clienten", Some(&token), None).await.status, StatusCode::SEE_OTHER);
    assert!(t.web.login("aandacht", "nieuw-wachtwoord-2026", "x").await.is_ok());
    assert!(t.web.login("aandacht", PW, "x").await.is_err());
    // The administrator can set a new one (for a forgotten password), only in their organisation.
    let admin = t.token("beheer").await;
    let r = t
        .send(
            "POST",
            &format!("/beheer/professionals/{}/wachtwoord", t.a.users["privacy"]),
            Some(&admin),
            Some("wachtwoord=hersteld-wachtwoord-2026"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(t.web.login("privacy", "hersteld-wachtwoord-2026", "x").await.is_ok());
    let r = t
        .send(
            "POST",
            &format!("/beheer/professionals/{}/wachtwoord", t.b.users["b-huisarts"]),
            Some(&admin),
            Some("wachtwoord=overgenomen-wachtwoord"),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(t.web.login("b-huisarts", PW, "x").await.is_ok(), "wachtwoord van een andere organisatie gewijzigd");
    // Nobody else may reset a password.
    let huisarts = t.token("huisarts").await;
    let r = t
        .send(
            "POST",
            &format!("/beheer/professionals/{}/wachtwoord", t.a.users["jeugd"]),
            Some(&huisarts),
            Some("wachtwoord=overgenomen-wachtwoord"),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

/// The page text as a reader sees it (the templates escape these characters).
fn unescape(html: &str) -> String {
    [("&lt;", "<"), ("&#60;", "<"), ("&gt;", ">"), ("&#62;", ">"), ("&quot;", "\""), ("&#34;", "\""), ("&#x27;", "'"), ("&#39;", "'")]
        .iter()
        .fold(html.to_owned(), |s, (from, to)| s.replace(from, to))
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

/// `text` without the machine codes a page shows (ids, keys, hashes, signatures: long tokens
/// with a digit or a base64 sign), in which random letters could spell any word.
fn without_codes(text: &str) -> String {
    text.split_whitespace()
        .filter(|t| !(t.chars().count() >= 12 && t.chars().any(|c| c.is_ascii_digit() || "+/=".contains(c))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `facts:` block of a scenario file, as a facts file.
fn facts_file(scenario: &str) -> String {
    let mut out = String::from("facts:\n");
    let mut inside = false;
    for line in scenario.lines() {
        if line.starts_with("facts:") {
            inside = true;
        } else if inside && !line.is_empty() && !line.starts_with(' ') && !line.starts_with('#') {
            break;
        } else if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Sources a professional can trust, on every page that shows them: the "why" of every
/// question, every weighing, the answer of a deliberation, its printable report and every
/// recorded answer name their sources by publisher and title, mark those not fully verified,
/// and never show a working document ("seed") or a maintainers' note.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_name_sources_by_publisher_and_never_show_notes_or_working_documents() {
    let t = setup().await;
    let token = t.token("huisarts").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let rules = t.web.rules().clone();
    let notes: Vec<String> = rules.sources.iter().filter_map(|s| s.note.clone()).collect();
    assert!(!notes.is_empty());
    let mut pages = 0;
    let mut shown = std::collections::BTreeSet::new();
    let mut check = |what: &str, body: &str, sources: &[grondslag_rules::Source]| {
        let text = unescape(body);
        assert!(!without_codes(&text).to_lowercase().contains("seed"), "{what}: 'seed' on the page");
        for n in &notes {
            assert!(!text.contains(n.as_str()), "{what}: a maintainers' note is shown: {n}");
        }
        for s in sources {
            assert!(text.contains(&format!("{}: {}", s.publisher, s.title)), "{what}: {} not named by publisher and title", s.id);
            assert!(text.contains(&format!("href=\"{}\"", s.url)), "{what}: {} not linked", s.id);
            if s.status != grondslag_rules::SourceStatus::Verified {
                assert!(text.contains("niet volledig nagegaan"), "{what}: {} not marked", s.id);
            }
            shown.insert(s.id.clone());
        }
        pages += 1;
    };

    // The "why" of every question and every weighing.
    let r = t.send("POST", "/beraad", Some(&token), Some(&format!("client={noor}&datum=2026-11-23"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    for f in &rules.facts {
        let r = t.send("GET", &format!("{draft}?wijzig={}", f.id), Some(&token), None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", f.id);
        assert!(r.body.contains("Waarom vraag ik dit?"), "{}", f.id);
        let sources: Vec<_> = f.sources.iter().map(|s| rules.source(*s).clone()).collect();
        check(&format!("vraag {}", f.id), &r.body, &sources);
    }
    for j in &rules.judgments {
        let r = t.send("GET", &format!("{draft}/afweging/{}", j.id), Some(&token), None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", j.id);
        let sources: Vec<_> = j.sources.iter().map(|s| rules.source(*s).clone()).collect();
        check(&format!("afweging {}", j.id), &r.body, &sources);
    }

    // The answer of a deliberation and its printable report.
    for (fact, answer) in [
        ("recipient_role", "mantelzorger"),
        ("request_from", "none"),
        ("purpose", "inform_relatives"),
        ("client_deceased", "false"),
        ("client_age", "42"),
        ("client_competent", "true"),
        ("data_categories", "health"),
    ] {
        let r = t.send("POST", &format!("{draft}/antwoord"), Some(&token), Some(&format!("vraag={fact}&antwoord={answer}"))).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{fact}");
    }
    for page in [format!("{draft}?antwoord=1"), format!("{draft}/verslag")] {
        let r = t.send("GET", &page, Some(&token), None).await;
        assert_eq!(r.status, StatusCode::OK, "{page}");
        assert!(r.body.contains("id=\"bronnen\""), "{page} lists its sources");
        check(&page, &r.body, &[]);
    }

    // Recorded answers: every golden scenario of the project, deliberated in Noor's dossier
    // and shown as its dossier entry.
    let dir = std::path::PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned()))
        .join("../../scenarios");
    let files = grondslag_scenario::collect_files(&[dir]).unwrap();
    assert!(files.len() > 20);
    for (i, f) in files.into_iter().enumerate() {
        // One synthetic client per scenario: a dossier page reads and proves every entry of its
        // dossier, so one dossier holding them all made this test quadratic (minutes in debug).
        let client = t
            .core
            .create_client(&t.a.id, &format!("SCEN-{i:04}"), &grondslag_app::Identity { name: format!("Scenario {i}"), birth_date: None })
            .await
            .unwrap();
        let since = grondslag_ledger::ts_from_unix_millis(grondslag_web::now_ms().as_millis()).unwrap();
        let rel = CareRelation { org: t.a.id.clone(), professional: t.a.users["huisarts"].clone(), client: client.id.clone(), since };
        t.web.store().add_care_relation(&rel).await.unwrap();
        let noor = client.id;
        let content = facts_file(&std::fs::read_to_string(&f).unwrap());
        let input = grondslag_app::FactsInput {
            file_name: "scenario.yaml",
            content: &content,
            date: time::macros::date!(2026 - 11 - 23),
            lang: grondslag_rules::Lang::Nl,
            open: false,
        };
        let d = t.core.deliberate(&noor, &t.a.users["huisarts"], input).await.unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let r = t.send("GET", &format!("/clienten/{noor}/dossier/{}", d.receipt.seq), Some(&token), None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", f.display());
        let sources: Vec<_> = d.report.sources.iter().map(|s| rules.sources.iter().find(|x| x.id == s.id).unwrap().clone()).collect();
        assert!(!sources.is_empty(), "{}", f.display());
        check(&f.display().to_string(), &r.body, &sources);
    }
    assert!(pages > 80, "only {pages} pages checked");
    assert!(shown.len() >= 60, "only {} sources shown", shown.len());
}

/// The language switch sends the browser back only to a path of this site: a tab or newline
/// (which browsers drop) cannot turn it into a redirect to another site, and a newline cannot
/// break the response (issue 9).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switch_never_redirects_elsewhere() {
    let t = setup().await;
    let ok = t.send("POST", "/taal", None, Some("taal=en&terug=%2Fclienten")).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(ok.headers[header::LOCATION], "/clienten");
    for evil in ["%2F%09%2Fevil.com", "%2F%0A%2Fevil.com", "%2F%2Fevil.com", "https%3A%2F%2Fevil.com", "%2F%0ASet-Cookie%3A+x%3Dy", "%0a"] {
        let r = t.send("POST", "/taal", None, Some(&format!("taal=nl&terug={evil}"))).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{evil}: {}", r.body);
        assert_eq!(r.headers[header::LOCATION], "/", "{evil}");
    }
}

/// An unfinished deliberation cannot be recorded, not even by a direct POST: the question that
/// is still open is shown with the reason.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unfinished_deliberation_cannot_be_recorded() {
    let t = setup().await;
    let token = t.token("huisarts").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let r = t.send("POST", "/beraad", Some(&token), Some(&format!("client={noor}&datum=2026-11-23"))).await;
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let r = t.send("GET", &draft, Some(&token), None).await;
    assert!(r.body.contains("name=\"vraag\""), "eerst een vraag");
    assert!(!r.body.contains("name=\"versie\""), "geen vastlegknop zolang het antwoord niet vaststaat");
    let entries = t.core.entries(&noor).await.unwrap().len();
    for form in [None, Some("versie=0.0")] {
        let r = t.send("POST", &format!("{draft}/vastleggen"), Some(&token), form).await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(r.body.contains("Niet vastgelegd") && r.body.contains("name=\"vraag\""), "{}", r.body);
    }
    assert_eq!(t.core.entries(&noor).await.unwrap().len(), entries);
}

/// Failed logins from one address do not lock the user out at another address; the per-(name,
/// address) budget still stops the attacker, and a successful login is not counted (issue 9).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lock_out_from_another_address_fails() {
    let t = setup().await;
    let login = |from: [u8; 4], pw: &str| {
        let mut req = Request::builder()
            .method("POST")
            .uri("/inloggen")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!("inlognaam=huisarts&wachtwoord={pw}")))
            .unwrap();
        req.extensions_mut().insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((from, 40000))));
        let app = t.app.clone();
        async move { app.oneshot(req).await.unwrap().status() }
    };
    for _ in 0..10 {
        login([203, 0, 113, 66], "fout-wachtwoord-123").await;
    }
    assert_eq!(login([203, 0, 113, 66], PW).await, StatusCode::TOO_MANY_REQUESTS, "the attacker's address is stopped");
    for _ in 0..8 {
        assert_eq!(login([192, 0, 2, 10], PW).await, StatusCode::SEE_OTHER, "the user at their own address signs in");
    }
}

/// Under `--https` every cookie the application sets is `Secure`: the session cookie at login,
/// its clearing at logout (page and API), after a password change, and the language cookie.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_cookie_is_secure_under_https() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path().join("t.db")).await.unwrap();
    let app = App::new(store, dir.path(), grondslag_rules::load_embedded().unwrap());
    let cfg = Config { hash_cost: HashCost::TEST, secure_cookies: true, ..Config::default() };
    let web = Web::new(app, cfg).await.unwrap();
    web.demo().await.unwrap();
    let router = router(web.clone());
    let send = |method: &str, path: &str, cookie: Option<String>, form: &str| {
        let mut req = Request::builder().method(method).uri(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        let req = req.body(Body::from(form.to_owned())).unwrap();
        let app = router.clone();
        async move {
            let res = app.oneshot(req).await.unwrap();
            res.headers().get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_owned()).collect::<Vec<_>>()
        }
    };
    let mut seen = Vec::new();
    let login = send("POST", "/inloggen", None, &format!("inlognaam=huisarts&wachtwoord={PW}")).await;
    let session = login[0].split(';').next().unwrap().to_owned();
    assert!(session.starts_with("__Host-grondslag_sessie="), "{session}");
    seen.extend(login);
    seen.extend(send("POST", "/taal", None, "taal=en&terug=%2F").await);
    seen.extend(send("DELETE", "/api/v1/sessies/huidig", Some(session), "").await);
    let token = web.login("jeugd", PW, "x").await.unwrap().token;
    let change = format!("huidig={PW}&nieuw=een-heel-nieuw-wachtwoord&herhaal=een-heel-nieuw-wachtwoord");
    seen.extend(send("POST", "/account/wachtwoord", Some(format!("__Host-grondslag_sessie={token}")), &change).await);
    let token = web.login("aandacht", PW, "x").await.unwrap().token;
    seen.extend(send("POST", "/uitloggen", Some(format!("__Host-grondslag_sessie={token}")), "").await);
    assert_eq!(seen.len(), 5, "{seen:?}");
    for cookie in &seen {
        assert!(cookie.split(';').any(|a| a.trim() == "Secure"), "not Secure: {cookie}");
    }
}

/// Errors that axum or a tower layer produce themselves come out in the application's format:
/// the HTML error page in Dutch, or under /api the JSON error (issue 9).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_error_is_in_the_applications_format() {
    let t = setup().await;
    let raw = |method: &str, path: &str, content_type: &str, body: Vec<u8>| {
        let req = Request::builder().method(method).uri(path).header(header::CONTENT_TYPE, content_type).body(Body::from(body)).unwrap();
        let app = t.app.clone();
        async move {
            let res = app.oneshot(req).await.unwrap();
            let status = res.status();
            let headers = res.headers().clone();
            let bytes = axum::body::to_bytes(res.into_body(), 10 << 20).await.unwrap();
            Resp { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
        }
    };
    let is_page = |r: &Resp| {
        r.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/html")
            && r.body.contains("role=\"alert\"")
            && r.body.contains("<html lang=\"nl\"")
    };
    let api_code =
        |r: &Resp| serde_json::from_str::<serde_json::Value>(&r.body).ok().and_then(|v| v["fout"]["code"].as_str().map(str::to_owned));

    // An unknown page.
    let r = t.send("GET", "/bestaat-niet", None, None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(is_page(&r) && r.body.contains("Deze pagina bestaat niet."), "{}", r.body);
    // A method the route does not have: 405, the app's page, the Allow header kept.
    let r = t.send("DELETE", "/inloggen", None, None).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(is_page(&r) && r.body.contains("Dit kan niet op dit adres"), "{}", r.body);
    assert!(r.headers.contains_key(header::ALLOW));
    let r = raw("PUT", "/api/v1/sessies", "application/json", b"{}".to_vec()).await;
    assert_eq!((r.status, api_code(&r).as_deref()), (StatusCode::METHOD_NOT_ALLOWED, Some("methode_niet_toegestaan")), "{}", r.body);
    // A body over the limit: 413, on a page and in the API.
    let big = vec![b'a'; 3 * 1024 * 1024];
    let r = raw("POST", "/inloggen", "application/x-www-form-urlencoded", big.clone()).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(is_page(&r) && r.body.contains("te groot"), "{}", r.body);
    let r = raw("POST", "/api/v1/sessies", "application/json", big).await;
    assert_eq!((r.status, api_code(&r).as_deref()), (StatusCode::PAYLOAD_TOO_LARGE, Some("te_groot")), "{}", r.body);
    assert!(r.body.contains("\"bericht\""), "{}", r.body);
    // Bad form encoding and bad JSON.
    let r = raw("POST", "/inloggen", "application/x-www-form-urlencoded", b"inlognaam=%ff%fe&wachtwoord=%".to_vec()).await;
    assert!(r.status.is_client_error() && is_page(&r), "{} {}", r.status, r.body);
    let r = raw("POST", "/api/v1/sessies", "application/json", b"{\"inlognaam\": ".to_vec()).await;
    assert_eq!((r.status, api_code(&r).as_deref()), (StatusCode::UNPROCESSABLE_ENTITY, Some("ongeldige_invoer")), "{}", r.body);
    // A path parameter of the wrong type on a page (axum's plain-text rejection before).
    let noor = &t.a.clients["Noor Bakker"];
    let token = t.token("huisarts").await;
    let r = t.send("GET", &format!("/clienten/{noor}/dossier/geen-getal"), Some(&token), None).await;
    assert!(r.status.is_client_error() && is_page(&r), "{} {}", r.status, r.body);
    // The CSRF layer's refusal.
    let req = Request::builder()
        .method("POST")
        .uri("/uitloggen")
        .header("sec-fetch-site", "cross-site")
        .header(header::ORIGIN, "https://evil.example")
        .body(Body::empty())
        .unwrap();
    let res = t.app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body = String::from_utf8_lossy(&axum::body::to_bytes(res.into_body(), 1 << 20).await.unwrap()).into_owned();
    assert!(body.contains("Dit verzoek is geweigerd"), "{body}");
}

// --- the second factor -------------------------------------------------------------------------
// Logins (passwords and codes) are limited to five per name per minute, so each part uses an
// account of its own.

/// The secret shown on the enrolment page (base32 in groups), decoded.
fn shown_secret(body: &str) -> Vec<u8> {
    let start = body.find(r#"id="geheim">"#).expect("geen geheim op de pagina") + r#"id="geheim">"#.len();
    let b32: String = body[start..].split('<').next().unwrap().chars().filter(|c| !c.is_whitespace()).collect();
    totp_rs::Secret::try_from_base32(&b32).unwrap().as_bytes().to_vec()
}

/// The recovery codes shown (once) on the page.
fn shown_recovery_codes(body: &str) -> Vec<String> {
    body.split("<li><code>").skip(1).map(|s| s.split('<').next().unwrap().to_owned()).collect()
}

async fn form_login(t: &T, login: &str) -> (Resp, String) {
    let r = t.send("POST", "/inloggen", None, Some(&format!("inlognaam={login}&wachtwoord={PW}"))).await;
    let token = T::cookie(&r).expect("geen sessiecookie na het wachtwoord");
    (r, token)
}

async fn events(t: &T, user: impl ToString) -> Vec<String> {
    let q = AccessQuery { user: Some(user.to_string()), limit: 1000, ..Default::default() };
    t.web.store().access_events(&t.a.id, &q).await.unwrap().into_iter().map(|e| e.event.action).collect()
}

/// Every page and API endpoint a half-signed-in session must not reach (one per area).
const SIGNED_IN_PATHS: &[&str] = &[
    "/",
    "/clienten",
    "/clienten/nieuw",
    "/beraad/nieuw",
    "/account/wachtwoord",
    "/beheer",
    "/toegangslog",
    "/doorbraken",
    "/verificatie",
    "/api/v1/clienten",
    "/api/v1/toegangslog",
];

/// A half-signed-in session reaches nothing but `allowed` (and signing out): pages redirect
/// to the step it owes, the API answers `401 tweede_factor_nodig`, with the cookie or as bearer.
async fn assert_half_session_blocked(t: &T, token: &str, step: &str) {
    assert_session_held_at(t, token, step, "tweede_factor_nodig").await;
}

/// A session reaches nothing but the page `step` (and signing out): other pages redirect there,
/// the API answers `401 api_code`, with the cookie or as bearer.
async fn assert_session_held_at(t: &T, token: &str, step: &str, api_code: &str) {
    for path in SIGNED_IN_PATHS {
        if *path == step {
            continue;
        }
        let r = t.send("GET", path, Some(token), None).await;
        if path.starts_with("/api/") {
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{path}: {}", r.body);
            assert!(r.body.contains(api_code), "{path}: {}", r.body);
            let req = Request::builder().uri(*path).header(header::AUTHORIZATION, format!("Bearer {token}")).body(Body::empty()).unwrap();
            let res = t.app.clone().oneshot(req).await.unwrap();
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{path} als bearer");
        } else {
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
            assert_eq!(r.headers[header::LOCATION], step, "{path}");
        }
    }
    for (path, form) in [("/clienten/nieuw", "naam=X&referentie=Y"), ("/beraad", "client="), ("/beheer/tweede-factor", "verplicht=ja")] {
        let r = t.send("POST", path, Some(token), Some(form)).await;
        assert_eq!(
            (r.status, r.headers.get(header::LOCATION).map(|l| l.to_str().unwrap().to_owned())),
            (StatusCode::SEE_OTHER, Some(step.to_owned())),
            "POST {path}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_professional_sets_up_a_second_factor_and_then_signs_in_with_password_and_code() {
    let t = setup().await;
    let id = t.web.add_account(&t.a.id, "Tessa Factor", AppRole::Professional, "huisarts", "tf-een", PW).await.unwrap();
    let token = t.token("tf-een").await;
    // Enrolment: a QR code (inline SVG) and the secret in groups; not active before a valid code.
    let r = t.send("GET", "/account/tweede-factor", Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<svg") && r.body.contains(r#"role="img""#), "geen QR-code");
    let secret = shown_secret(&r.body);
    assert_eq!(secret.len(), 20);
    let again = t.send("GET", "/account/tweede-factor", Some(&token), None).await;
    assert_eq!(shown_secret(&again.body), secret, "het geheim blijft bij herladen gelijk");
    // Another session of the same account, opened with the password alone (made in the store:
    // a second login would use up this minute's attempts).
    let elsewhere = "e".repeat(64);
    let now = grondslag_web::now_ms();
    let other = grondslag_store::SessionRecord {
        id_hash: token_hash(&elsewhere),
        professional: id.clone(),
        created: now,
        last_seen: now,
        expires: now.saturating_add(std::time::Duration::from_secs(60)),
        stage: SessionStage::Full,
    };
    t.web.store().create_session(&other).await.unwrap();
    assert_eq!(t.send("GET", "/clienten", Some(&elsewhere), None).await.status, StatusCode::OK);
    let r =
        t.send("POST", "/account/tweede-factor/bevestigen", Some(&token), Some(&format!("code={}", code_for(&secret, now_step())))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(shown_recovery_codes(&r.body).len(), 10, "tien herstelcodes, één keer getoond");
    // Sessions opened with the password alone end; this one goes on under a new token.
    assert_eq!(t.send("GET", "/clienten", Some(&elsewhere), None).await.headers[header::LOCATION], "/inloggen");
    assert_eq!(t.send("GET", "/clienten", Some(&token), None).await.headers[header::LOCATION], "/inloggen");
    let token = T::cookie(&r).expect("geen nieuwe sessie na het aanzetten");
    assert!(t.web.active_second_factor(&id).await.unwrap().is_some());
    assert!(events(&t, &id).await.contains(&"tweede_factor.aanzetten".to_owned()), "aanzetten niet in het toegangslog");
    // The codes are shown once: the page no longer lists them.
    let r = t.send("GET", "/account/tweede-factor", Some(&token), None).await;
    assert!(shown_recovery_codes(&r.body).is_empty() && r.body.contains("staat aan"));
    assert_eq!(t.send("POST", "/uitloggen", Some(&token), None).await.status, StatusCode::SEE_OTHER);

    // The password alone gives a half-signed-in session that reaches only the second step.
    let (r, half) = form_login(&t, "tf-een").await;
    assert_eq!(r.headers[header::LOCATION], "/inloggen/code");
    assert_half_session_blocked(&t, &half, "/inloggen/code").await;
    let r = t.send("GET", "/inloggen/code", Some(&half), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains(r#"autocomplete="one-time-code""#));
    // A wrong code is refused and the session stays half.
    let r = t.send("POST", "/inloggen/code", Some(&half), Some("code=000000")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(t.send("GET", "/clienten", Some(&half), None).await.headers[header::LOCATION], "/inloggen/code");
    // The right code signs in fully, with a new token; the half token is gone.
    let code = fresh_code(&t.web, &id, &secret).await;
    let r = t.send("POST", "/inloggen/code", Some(&half), Some(&format!("code={code}"))).await;
    assert_eq!((r.status, r.headers[header::LOCATION].to_str().unwrap()), (StatusCode::SEE_OTHER, "/clienten"));
    let full = T::cookie(&r).unwrap();
    assert_ne!(full, half);
    assert_eq!(t.send("GET", "/clienten", Some(&full), None).await.status, StatusCode::OK);
    assert_eq!(t.send("GET", "/clienten", Some(&half), None).await.headers[header::LOCATION], "/inloggen");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_is_accepted_once_and_failed_codes_count_in_the_rate_limit() {
    let t = setup().await;
    let id = t.web.add_account(&t.a.id, "Teun Factor", AppRole::Professional, "huisarts", "tf-twee", PW).await.unwrap();
    let p = t.web.store().professional(&id).await.unwrap();
    let secret = t.web.pending_secret(&p).await.unwrap().unwrap();
    let enrol_code = code_for(&secret, now_step());
    // (Enrolment is counted under another name, so this minute's five attempts of "tf-twee" are
    // all left for what is tested below.)
    t.web.confirm_second_factor(&p, "tf-twee-inschrijving", &enrol_code, "x").await.unwrap().unwrap();
    // The code that confirmed enrolment cannot sign in: its step is used.
    let (_, half) = form_login(&t, "tf-twee").await;
    let r = t.send("POST", "/inloggen/code", Some(&half), Some(&format!("code={enrol_code}"))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "een gebruikte code werkt opnieuw");
    let code = fresh_code(&t.web, &id, &secret).await;
    let r = t.send("POST", "/inloggen/code", Some(&half), Some(&format!("code={code}"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // Replayed in another half session: refused.
    let (_, half) = t.web.login("tf-twee", PW, "y").await.map(|s| ((), s.token)).unwrap();
    let r = t.send("POST", "/inloggen/code", Some(&half), Some(&format!("code={code}"))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "dezelfde code werkt twee keer");
    // Five attempts a minute per name, passwords and codes together: wrong codes soon exhaust
    // them (a cell comes back every 12 s, hence "soon"), and then even the right code is refused.
    let right = fresh_code(&t.web, &id, &secret).await;
    let mut tries = 0;
    loop {
        tries += 1;
        let r = t.send("POST", "/inloggen/code", Some(&half), Some("code=111111")).await;
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            break;
        }
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(tries < 6, "wrong codes are not limited");
    }
    let r = t.send("POST", "/inloggen/code", Some(&half), Some(&format!("code={right}"))).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.body.contains("Te veel pogingen"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recovery_code_signs_in_once_and_is_logged() {
    let t = setup().await;
    let id = t.web.add_account(&t.a.id, "Tim Factor", AppRole::Professional, "huisarts", "tf-drie", PW).await.unwrap();
    let p = t.web.store().professional(&id).await.unwrap();
    let secret = t.web.pending_secret(&p).await.unwrap().unwrap();
    let codes = t.web.confirm_second_factor(&p, "tf-drie", &code_for(&secret, now_step()), "x").await.unwrap().unwrap();
    // The secret is stored sealed, for this account only: copied to another account's row it
    // does not open.
    let sealed = t.web.store().second_factor(&id).await.unwrap().unwrap().secret_sealed;
    assert!(!sealed.windows(secret.len()).any(|w| w == secret.as_slice()), "het geheim staat onversleuteld in de database");
    let jeugd = t.web.store().professional(&t.a.users["jeugd"]).await.unwrap();
    t.web.store().start_second_factor(&jeugd.id, &sealed, UnixMillis::from_millis(1)).await.unwrap();
    assert!(t.web.pending_secret(&jeugd).await.is_err(), "een gekopieerd geheim opent bij een ander account");
    let (_, half) = form_login(&t, "tf-drie").await;
    // Case and dashes do not matter.
    let typed = codes[3].to_uppercase().replace('-', " ");
    let r = t.send("POST", "/inloggen/code", Some(&half), Some(&format!("herstelcode={}", typed.replace(' ', "+")))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(t.send("GET", "/clienten", Some(&T::cookie(&r).unwrap()), None).await.status, StatusCode::OK);
    assert!(events(&t, &id).await.contains(&"tweede_factor.herstelcode_gebruikt".to_owned()), "herstelcode niet gelogd");
    assert_eq!(t.web.store().recovery_codes_left(&id).await.unwrap(), 9);
    let (_, half) = form_login(&t, "tf-drie").await;
    let r = t.send("POST", "/inloggen/code", Some(&half), Some(&format!("herstelcode={}", codes[3]))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "een herstelcode werkt twee keer");
    assert!(r.body.contains("herstelcode"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn administrators_and_privacy_officers_must_set_up_a_second_factor_before_anything_else() {
    let t = setup().await;
    let admin = t.a.users["beheer"].clone();
    let (r, half) = form_login(&t, "beheer").await;
    assert_eq!(r.headers[header::LOCATION], "/account/tweede-factor");
    assert_half_session_blocked(&t, &half, "/account/tweede-factor").await;
    // The enrolment page has no menu; the second step of signing in is not for this session.
    let r = t.send("GET", "/account/tweede-factor", Some(&half), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains(r#"href="/beheer""#) && r.body.contains("verplicht"), "menu op de inschrijfpagina");
    let secret = shown_secret(&r.body);
    let r = t.send("POST", "/account/tweede-factor/bevestigen", Some(&half), Some("code=000000")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(t.web.active_second_factor(&admin).await.unwrap().is_none(), "aan na een verkeerde code");
    assert_eq!(t.send("GET", "/beheer", Some(&half), None).await.headers[header::LOCATION], "/account/tweede-factor");
    let r =
        t.send("POST", "/account/tweede-factor/bevestigen", Some(&half), Some(&format!("code={}", code_for(&secret, now_step())))).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains(r#"href="/beheer""#), "geen weg verder na het instellen");
    let full = T::cookie(&r).expect("geen nieuwe sessie na het instellen");
    assert_ne!(full, half);
    assert_eq!(t.send("GET", "/beheer", Some(&full), None).await.status, StatusCode::OK);
    assert_eq!(t.send("GET", "/beheer", Some(&half), None).await.headers[header::LOCATION], "/inloggen");
    // It cannot be turned off for an administrator.
    let code = fresh_code(&t.web, &admin, &secret).await;
    let r = t.send("POST", "/account/tweede-factor/uitzetten", Some(&full), Some(&format!("code={code}"))).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(t.web.active_second_factor(&admin).await.unwrap().is_some());
    // The privacy officer too (through the web functions).
    let s = t.web.login("privacy", PW, "x").await.unwrap();
    assert_eq!(s.stage, SessionStage::Enrol);
    // The organisation can require it of everyone: a professional without one is then sent to
    // enrolment, and their open sessions end.
    let huisarts = t.token("huisarts").await;
    let r = t.send("POST", "/beheer/tweede-factor", Some(&full), Some("verplicht=ja")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(events(&t, &admin).await.contains(&"beheer.tweede_factor_verplicht".to_owned()));
    assert_eq!(t.send("GET", "/clienten", Some(&huisarts), None).await.headers[header::LOCATION], "/inloggen");
    assert_eq!(t.web.login("huisarts", PW, "x").await.unwrap().stage, SessionStage::Enrol);
    // Another organisation is not affected.
    assert_eq!(t.web.login("b-huisarts", PW, "x").await.unwrap().stage, SessionStage::Full);

    // A lost phone and lost recovery codes: the administrator removes the privacy officer's
    // factor (only in their own organisation); her sessions end and she sets up a new one.
    let privacy = t.token("privacy").await;
    let privacy_id = t.a.users["privacy"].clone();
    assert!(t.web.active_second_factor(&privacy_id).await.unwrap().is_some());
    let other = t.b.users["b-privacy"].clone();
    let r = t.send("POST", &format!("/beheer/professionals/{other}/tweede-factor"), Some(&full), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "tweede factor van een andere organisatie verwijderd");
    let r = t.send("POST", &format!("/beheer/professionals/{privacy_id}/tweede-factor"), Some(&full), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(t.web.active_second_factor(&privacy_id).await.unwrap().is_none());
    assert_eq!(t.send("GET", "/toegangslog", Some(&privacy), None).await.headers[header::LOCATION], "/inloggen");
    assert_eq!(t.web.login("privacy", PW, "x").await.unwrap().stage, SessionStage::Enrol);
    assert!(events(&t, &admin).await.contains(&"beheer.tweede_factor_herstellen".to_owned()));
    // Nobody else may.
    let huisarts = t.token("huisarts").await;
    let r = t.send("POST", &format!("/beheer/professionals/{admin}/tweede-factor"), Some(&huisarts), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(t.web.active_second_factor(&admin).await.unwrap().is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recovery_codes_are_renewed_and_an_optional_factor_turned_off_with_a_valid_code() {
    let t = setup().await;
    let id = t.web.add_account(&t.a.id, "Tara Factor", AppRole::Professional, "huisarts", "tf-vier", PW).await.unwrap();
    let token = t.token("tf-vier").await;
    let r = t.send("GET", "/account/tweede-factor", Some(&token), None).await;
    let secret = shown_secret(&r.body);
    let r =
        t.send("POST", "/account/tweede-factor/bevestigen", Some(&token), Some(&format!("code={}", code_for(&secret, now_step())))).await;
    let old = shown_recovery_codes(&r.body);
    let token = T::cookie(&r).unwrap();
    // Renewing needs a valid code and makes the old recovery codes useless.
    let r = t.send("POST", "/account/tweede-factor/herstelcodes", Some(&token), Some("code=000000")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let code = fresh_code(&t.web, &id, &secret).await;
    let r = t.send("POST", "/account/tweede-factor/herstelcodes", Some(&token), Some(&format!("code={code}"))).await;
    assert_eq!(r.status, StatusCode::OK);
    let new = shown_recovery_codes(&r.body);
    assert_eq!(new.len(), 10);
    assert!(new.iter().all(|c| !old.contains(c)));
    let p = t.web.store().professional(&id).await.unwrap();
    // (Checked directly, without a login: the limit of five attempts a minute is near.)
    let old_hash = grondslag_web::second_factor::recovery_hash(&id, &old[0]);
    assert!(!t.web.store().use_recovery_code(&id, &old_hash, UnixMillis::from_millis(1)).await.unwrap(), "een oude herstelcode werkt nog");
    // Turning it off: with a recovery code as the proof, logged.
    let r = t.send("POST", "/account/tweede-factor/uitzetten", Some(&token), Some(&format!("code={}", new[0]))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(t.web.active_second_factor(&p.id).await.unwrap().is_none());
    let log = events(&t, &id).await;
    for action in ["tweede_factor.aanzetten", "tweede_factor.herstelcodes_vernieuwen", "tweede_factor.uitzetten"] {
        assert!(log.contains(&action.to_owned()), "{action} niet in het toegangslog: {log:?}");
    }
}

// --- finding things ----------------------------------------------------------------------------

/// The names in the client table of a page.
fn listed(body: &str, names: &[&str]) -> Vec<String> {
    let table = body.split("<tbody>").nth(1).unwrap_or("");
    names.iter().filter(|n| table.contains(*n)).map(|n| (*n).to_owned()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn searching_clients_finds_own_clients_by_part_of_the_name_reference_or_birth_date() {
    let t = setup().await;
    let huisarts = t.token("huisarts").await;
    let all = ["Sam Jansen", "Noor Bakker", "Daan Visser", "Lotte de Boer", "Bo Ander"];
    let r = t.send("GET", "/clienten", Some(&huisarts), None).await;
    assert_eq!(listed(&r.body, &all), ["Sam Jansen", "Noor Bakker", "Daan Visser"]);
    // Part of the name, in any case; words in any order.
    for (query, expect) in [
        ("naam=bakk", vec!["Noor Bakker"]),
        ("naam=BAKKER+noor", vec!["Noor Bakker"]),
        ("naam=an", vec!["Sam Jansen", "Daan Visser"]),
        ("referentie=DEMO-1002", vec!["Noor Bakker"]),
        ("geboortedatum=19-07-1984", vec!["Noor Bakker"]),
        ("geboortedatum=1984-07-19", vec!["Noor Bakker"]),
        ("naam=noor&geboortedatum=05-01-1950", vec![]),
        // Lotte is in the organisation but not the huisarts's client; Bo is in another one.
        ("naam=lotte", vec![]),
        ("referentie=DEMO-1004", vec![]),
        ("naam=bo+ander", vec![]),
        ("referentie=B-1", vec![]),
    ] {
        let r = t.send("GET", &format!("/clienten?{query}"), Some(&huisarts), None).await;
        assert_eq!(r.status, StatusCode::OK, "{query}");
        assert_eq!(listed(&r.body, &all), expect, "{query}");
        assert!(r.body.contains("gevonden"), "{query}: the result count is announced");
    }
    // The search form keeps what was typed, escaped.
    let r = t.send("GET", "/clienten?naam=%3Cb%3Ebakk", Some(&huisarts), None).await;
    assert!(r.body.contains("value=\"&#60;b&#62;bakk\"") || r.body.contains("value=\"&lt;b&gt;bakk\""), "{}", r.body);
    // Too long, or not a date: refused with a Dutch message, nothing listed.
    let long = "a".repeat(201);
    for bad in [format!("naam={long}"), "geboortedatum=31-02-2000".to_owned(), "referentie=a%0Ab".to_owned()] {
        let r = t.send("GET", &format!("/clienten?{bad}"), Some(&huisarts), None).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(listed(&r.body, &all).is_empty(), "{bad}");
        assert!(r.body.contains("role=\"alert\""), "{bad}");
    }
    // Each search is logged as a search, without what was searched for.
    let events = t.events_of(&t.a.id, &t.a.users["huisarts"]).await;
    assert!(events.iter().filter(|e| e.action == "clienten.zoeken" && e.allowed && e.client.is_none()).count() >= 11);
    for e in &events {
        let text = format!("{e:?}").to_lowercase();
        for typed in ["bakk", "lotte", "demo-1002", "1984"] {
            assert!(!text.contains(typed), "the search text {typed} is in the access log: {text}");
        }
    }
    // Someone else's clients: the jeugdarts finds Sam, not Noor.
    let jeugd = t.token("jeugd").await;
    let r = t.send("GET", "/clienten?naam=e", Some(&jeugd), None).await;
    assert_eq!(listed(&r.body, &all), ["Sam Jansen", "Lotte de Boer"]);
    // Roles without clients do not search.
    let privacy = t.token("privacy").await;
    let r = t.send("GET", "/clienten?naam=noor", Some(&privacy), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!r.body.contains("Noor"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unfinished_deliberations_are_listed_for_their_owner_only_and_can_be_discarded() {
    let t = setup().await;
    let huisarts = t.token("huisarts").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let r = t.send("GET", "/beraad/onafgemaakt", Some(&huisarts), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("geen onafgemaakte beraden"));
    let r = t.send("POST", "/beraad", Some(&huisarts), Some(&format!("client={noor}&datum=2026-11-23"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let id = draft.trim_start_matches("/beraad/").to_owned();
    let r = t.send("POST", "/beraad", Some(&huisarts), Some("client=anoniem&datum=2026-11-23")).await;
    let anonymous = r.headers[header::LOCATION].to_str().unwrap().trim_start_matches("/beraad/").to_owned();

    let r = t.send("GET", "/beraad/onafgemaakt", Some(&huisarts), None).await;
    assert!(r.body.contains("Noor Bakker") && r.body.contains("Zonder cliënt"), "{}", r.body);
    assert!(r.body.contains(&format!("href=\"/beraad/{id}\"")) && r.body.contains(&format!("href=\"/beraad/{id}/weggooien\"")));
    // The last change in Dutch time and notation (dd-mm-jjjj uu:mm).
    let today = grondslag_web::view::when_ms(grondslag_web::now_ms());
    assert!(r.body.contains(&today[..10]), "{today}");
    // The client list points to them.
    let r = t.send("GET", "/clienten", Some(&huisarts), None).await;
    assert!(r.body.contains("2 onafgemaakte beraden"));

    // Another professional sees neither, and cannot discard them.
    let jeugd = t.token("jeugd").await;
    let r = t.send("GET", "/beraad/onafgemaakt", Some(&jeugd), None).await;
    assert!(!r.body.contains("Noor Bakker") && !r.body.contains(&id));
    assert_eq!(t.send("GET", &format!("/beraad/{id}/weggooien"), Some(&jeugd), None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(t.send("POST", &format!("/beraad/{id}/weggooien"), Some(&jeugd), None).await.status, StatusCode::NOT_FOUND);
    assert!(t.web.store().draft(&DraftId::parse(&id).unwrap()).await.unwrap().is_some());

    // The owner confirms, then discards.
    let r = t.send("GET", &format!("/beraad/{id}/weggooien"), Some(&huisarts), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Noor Bakker") && r.body.contains(&format!("action=\"/beraad/{id}/weggooien\"")));
    assert!(t.web.store().draft(&DraftId::parse(&id).unwrap()).await.unwrap().is_some(), "asking to confirm discards nothing");
    let r = t.send("POST", &format!("/beraad/{id}/weggooien"), Some(&huisarts), None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(t.web.store().draft(&DraftId::parse(&id).unwrap()).await.unwrap().is_none());
    let r = t.send("GET", "/beraad/onafgemaakt?weggegooid=1", Some(&huisarts), None).await;
    assert!(r.body.contains("is weggegooid") && !r.body.contains("Noor Bakker") && r.body.contains(&anonymous));
    assert_eq!(t.send("GET", &draft, Some(&huisarts), None).await.status, StatusCode::NOT_FOUND);

    // A client whose care relation ended is no longer named.
    let r = t.send("POST", "/beraad", Some(&huisarts), Some(&format!("client={noor}&datum=2026-11-23"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    t.web.store().end_care_relation(&t.a.users["huisarts"], &noor).await.unwrap();
    let r = t.send("GET", "/beraad/onafgemaakt", Some(&huisarts), None).await;
    assert!(!r.body.contains("Noor Bakker") && r.body.contains("geen behandelrelatie meer"), "{}", r.body);
}

/// The cells of a CSV line (`;`-separated, `"`-quoted).
fn csv_cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (';', false) => cells.push(String::new()),
            (c, _) => cells.last_mut().unwrap().push(c),
        }
    }
    cells
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_access_log_filters_by_person_client_and_period_and_exports_csv() {
    let t = setup().await;
    // A colleague whose name a spreadsheet would read as a formula.
    let tricky = t.web.add_account(&t.a.id, "=SOM(1;2) \"x\"", AppRole::Professional, "huisarts", "formule", PW).await.unwrap();
    let formule = t.token("formule").await;
    t.send("GET", "/clienten", Some(&formule), None).await;
    let huisarts = t.token("huisarts").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let daan = t.a.clients["Daan Visser"].clone();
    assert_eq!(t.send("GET", &format!("/clienten/{noor}"), Some(&huisarts), None).await.status, StatusCode::OK);
    assert_eq!(t.send("GET", &format!("/clienten/{daan}"), Some(&huisarts), None).await.status, StatusCode::OK);
    let privacy = t.token("privacy").await;

    // The person filter is a list of the organisation's professionals by name.
    let r = t.send("GET", "/toegangslog", Some(&privacy), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains(&format!("<option value=\"{}\">Anna de Vries (professional)</option>", t.a.users["huisarts"])), "{}", r.body);
    assert!(!r.body.contains("b-huisarts"), "professionals of another organisation are not offered");
    // Readable labels, not codes.
    assert!(r.body.contains("Dossier ingezien") && r.body.contains("behandelrelatie") && !r.body.contains("<code>dossier.lezen"));

    // By person.
    let anna = &t.a.users["huisarts"];
    let r = t.send("GET", &format!("/toegangslog?gebruiker={anna}"), Some(&privacy), None).await;
    let rows: Vec<&str> = r.body.split("<tbody>").nth(1).unwrap().split("<tr>").skip(1).collect();
    assert!(!rows.is_empty() && rows.iter().all(|row| row.contains("Anna de Vries")), "{}", r.body);
    // By client name (resolved on the server), by part of it, and by reference.
    for q in ["clientnaam=Noor+Bakker", "clientnaam=bakk", "clientnaam=DEMO-1002", &format!("client={noor}")] {
        let r = t.send("GET", &format!("/toegangslog?{q}"), Some(&privacy), None).await;
        assert_eq!(r.status, StatusCode::OK, "{q}");
        let rows: Vec<&str> = r.body.split("<tbody>").nth(1).unwrap().split("<tr>").skip(1).collect();
        assert!(!rows.is_empty() && rows.iter().all(|row| row.contains("Noor Bakker")), "{q}: {}", r.body);
        assert!(r.body.contains("value=\"Noor Bakker\""), "{q}: the chosen client is shown by name");
    }
    // A name that fits several clients asks which one; a name of nobody shows nothing.
    let r = t.send("GET", "/toegangslog?clientnaam=a", Some(&privacy), None).await;
    assert!(r.body.contains("Welke cliënt bedoelt u?") && r.body.contains("Noor Bakker (geboren 19-07-1984)"));
    let r = t.send("GET", "/toegangslog?clientnaam=Bo+Ander", Some(&privacy), None).await;
    assert!(r.body.contains("Geen cliënt in uw organisatie") && !r.body.contains("<tbody>"));
    // By period, in Dutch days: today has events, a past month has none.
    let today = grondslag_web::view::when_ms(grondslag_web::now_ms())[..10].to_owned();
    let iso = format!("{}-{}-{}", &today[6..10], &today[3..5], &today[0..2]);
    let r = t.send("GET", &format!("/toegangslog?van={iso}&tot={iso}&gebruiker={anna}"), Some(&privacy), None).await;
    assert!(r.body.contains("Anna de Vries") && r.body.contains("Dossier ingezien"));
    let r = t.send("GET", "/toegangslog?van=2020-01-01&tot=2020-01-31", Some(&privacy), None).await;
    assert!(r.body.contains("Geen gebeurtenissen."), "{}", r.body);
    let r = t.send("GET", "/toegangslog?van=2020-02-01&tot=2020-01-01", Some(&privacy), None).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("begindatum ligt na de einddatum"));

    // The CSV export: the filtered log, Dutch headers, formula-safe, and itself logged.
    let r = t.send("GET", &format!("/toegangslog/export.csv?client={noor}"), Some(&privacy), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(r.headers[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment; filename=\"toegangslog-"));
    let text = r.body.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines[0].starts_with("Volgnummer;Tijdstip (Nederlandse tijd);Wie;"), "{}", lines[0]);
    assert!(lines.len() > 1 && lines[1..].iter().all(|l| csv_cells(l)[5] == "Noor Bakker"), "{text}");
    assert!(lines[1..].iter().any(|l| csv_cells(l)[7] == "Dossier ingezien" && csv_cells(l)[8] == "dossier.lezen"));
    let exported = t.events_of(&t.a.id, &t.a.users["privacy"]).await;
    assert!(exported.iter().any(|e| e.action == "toegangslog.exporteren" && e.client.as_deref() == Some(noor.as_str()) && e.allowed));
    // Everything, with the tricky name: quoted, and prefixed so it is no formula.
    let r = t.send("GET", &format!("/toegangslog/export.csv?gebruiker={tricky}"), Some(&privacy), None).await;
    assert!(r.body.contains("\"'=SOM(1;2) \"\"x\"\"\""), "{}", r.body);
    assert!(!r.body.contains(";=SOM") && !r.body.contains("\n=SOM"));
    let row = r.body.split("\r\n").nth(1).unwrap();
    assert_eq!(csv_cells(row)[2], "'=SOM(1;2) \"x\"");
    // Only the privacy officer, only their own organisation.
    let r = t.send("GET", "/toegangslog/export.csv", Some(&huisarts), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let other = t.token("b-privacy").await;
    let r = t.send("GET", "/toegangslog/export.csv", Some(&other), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("Noor Bakker") && !r.body.contains("Anna de Vries"));
    let r = t.send("GET", &format!("/toegangslog/export.csv?client={noor}"), Some(&other), None).await;
    assert!(!r.body.contains("Noor Bakker"), "{}", r.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_pages_have_the_menu_and_follow_the_language() {
    let t = setup().await;
    let jeugd = t.token("jeugd").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    // A refusal for a signed-in user: the menu, their name, and the emergency access form.
    let r = t.send("GET", &format!("/clienten/{noor}"), Some(&jeugd), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    for part in ["aria-label=\"Hoofdmenu\"", "href=\"/clienten\"", "Bram Kok", "<html lang=\"nl\"", "Geen toegang", "Noodtoegang nemen"] {
        assert!(r.body.contains(part), "{part}: {}", r.body);
    }
    assert!(r.body.contains(&format!("action=\"/clienten/{noor}/doorbraak\"")));
    // In English when the user chose English.
    let r = t.get_in(&format!("/clienten/{noor}"), Some(&jeugd), "en").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    for part in ["<html lang=\"en\"", "aria-label=\"Main menu\"", "My clients", "No access", "Take emergency access"] {
        assert!(r.body.contains(part), "{part}: {}", r.body);
    }
    // Not found, signed in and not, in both languages.
    let r = t.send("GET", "/bestaat-niet", Some(&jeugd), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(
        r.body.contains("Niet gevonden") && r.body.contains("aria-label=\"Hoofdmenu\"") && r.body.contains("Deze pagina bestaat niet.")
    );
    let r = t.get_in("/bestaat-niet", None, "en").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("<html lang=\"en\"") && r.body.contains("Not found") && !r.body.contains("Main menu"));
    // A refusal by role, for the privacy officer.
    let privacy = t.token("privacy").await;
    let r = t.send("GET", "/beheer", Some(&privacy), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("href=\"/toegangslog\""), "{}", r.body);
    // The API keeps its JSON errors.
    let r = t.send("GET", "/api/v1/bestaat-niet", Some(&jeugd), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("application/json"));
    assert!(r.body.starts_with("{\"fout\":"), "{}", r.body);
    let r = t.send("GET", &format!("/api/v1/clienten/{noor}/dossier"), Some(&jeugd), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("\"code\":\"geen_zorgrelatie\"") && !r.body.contains("<html"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_favicon_and_no_inline_styles() {
    let t = setup().await;
    let r = t.send("GET", "/static/favicon.svg", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "image/svg+xml");
    assert!(r.body.starts_with("<svg") && !r.body.contains("<script"));
    let r = t.send("GET", "/inloggen", None, None).await;
    assert!(r.body.contains("<link rel=\"icon\" href=\"/static/favicon.svg\""));
    // The CSP allows no inline style: no template and no page uses a style attribute.
    let dir = std::path::PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_owned()))
        .join("templates");
    for f in std::fs::read_dir(dir).unwrap() {
        let path = f.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains(" style=") && !text.contains("<style"), "{}", path.display());
    }
    let huisarts = t.token("huisarts").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let r = t.send("POST", "/beraad", Some(&huisarts), Some(&format!("client={noor}&datum=2026-11-23"))).await;
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    for page in ["/clienten", "/beraad/nieuw", "/beraad/onafgemaakt", &draft, "/bestaat-niet"] {
        let r = t.send("GET", page, Some(&huisarts), None).await;
        assert!(!r.body.contains(" style=") && !r.body.contains("<style"), "{page}");
    }
}

/// The Dutch a user reads on a page: the text outside tags, without the English second text
/// (`lang="en"` elements), whitespace collapsed.
fn dutch_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    // Drop the English companions: `<x lang="en" …>…</x>` (never nested in these templates).
    while let Some(i) = rest.find(" lang=\"en\"") {
        let Some(open) = rest[..i].rfind('<') else { break };
        let tag: String = rest[open + 1..i].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        out.push_str(&rest[..open]);
        let close = format!("</{tag}>");
        rest = match rest[i..].find(&close) {
            Some(j) => &rest[i + j + close.len()..],
            None => "",
        };
    }
    out.push_str(rest);
    let mut text = String::new();
    let mut in_tag = false;
    for ch in out.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Pages speak plain Dutch, not the words of the code: no ledger or engine terms, no English
/// role or feature names, no UTC times (issue 9, point 5). Every page each role reaches in a
/// typical day is read, including a recorded deliberation, its decision and its proof.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_speaks_like_its_code() {
    const WORDS: [&str; 8] =
        ["boomgrootte", "checkpoint", "plaats 1 in", "draft", "break-the-glass", "privacy officer", "UTC", "leaf-hash"];
    let t = setup().await;
    let huisarts = t.token("huisarts").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    // A recorded deliberation with a decision, to read its pages too.
    let r = t.send("POST", "/beraad", Some(&huisarts), Some(&format!("client={noor}&datum=2026-11-23"))).await;
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let answers = noor_answers();
    let check = |page: &str, html: &str| {
        let text = without_codes(&dutch_text(html));
        for w in WORDS {
            assert!(!text.to_lowercase().contains(&w.to_lowercase()), "{page}: «{w}» in: {text}");
        }
        // "plaats 3 in het logboek van 7": a position in the ledger's tree, not for people.
        let positional = text.split("logboek van ").skip(1).any(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
        assert!(!positional, "{page}: a position in the log in: {text}");
    };
    let body = loop {
        let r = t.send("GET", &draft, Some(&huisarts), None).await;
        let Some(fact) = r.body.split("name=\"vraag\" value=\"").nth(1).and_then(|s| s.split('"').next()).map(str::to_owned) else {
            break r.body;
        };
        let Some(value) = answers.get(fact.as_str()) else {
            break t.send("GET", &format!("{draft}?antwoord=1"), Some(&huisarts), None).await.body;
        };
        check(&draft, &r.body);
        t.send("POST", &format!("{draft}/antwoord"), Some(&huisarts), Some(&format!("vraag={fact}&antwoord={value}"))).await;
    };
    // The answer and the printable report, before recording removes the draft.
    check(&draft, &body);
    let printable = t.send("GET", &format!("{draft}/verslag"), Some(&huisarts), None).await;
    assert_eq!(printable.status, StatusCode::OK);
    check(&format!("{draft}/verslag"), &printable.body);
    let version = body.split("name=\"versie\" value=\"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_owned();
    let r = t.send("POST", &format!("{draft}/vastleggen"), Some(&huisarts), Some(&format!("versie={version}"))).await;
    let decision = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let seq = decision.split("/beraad/").nth(1).unwrap().split('/').next().unwrap().to_owned();
    let pages = vec![
        decision.clone(),
        format!("/clienten/{noor}"),
        format!("/clienten/{noor}/dossier/{seq}"),
        format!("/clienten/{noor}/dossier/{seq}/bewijs"),
        format!("/clienten/{noor}/toestemming"),
        "/clienten".into(),
        "/beraad/nieuw".into(),
        "/account/wachtwoord".into(),
    ];
    let mut seen = 0;
    for (login, extra) in [
        ("huisarts", pages),
        ("privacy", vec!["/toegangslog".to_owned(), "/doorbraken".into(), "/verificatie".into()]),
        ("beheer", vec!["/beheer".to_owned()]),
        ("aandacht", vec!["/meldcode".to_owned(), format!("/clienten/{}/meldcode", t.a.clients["Milan Hoekstra"])]),
        (
            "wijkteam",
            vec![format!("/clienten/{}/meldcode", t.a.clients["Yara Peters"]), format!("/clienten/{}", t.a.clients["Yara Peters"])],
        ),
    ] {
        let token = t.token(login).await;
        for page in extra {
            let r = t.send("GET", &page, Some(&token), None).await;
            assert_eq!(r.status, StatusCode::OK, "{login} {page}");
            check(&format!("{login} {page}"), &r.body);
            seen += 1;
        }
    }
    assert_eq!(seen, 16, "every listed page was read");
}

/// A POST of a form from a given peer address (the access log records it).
async fn send_from(t: &T, path: &str, token: &str, form: &str, peer: &str) -> Resp {
    let mut req = Request::builder()
        .method("POST")
        .uri(path)
        .header(header::COOKIE, format!("grondslag_sessie={token}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_owned()))
        .unwrap();
    let addr: std::net::SocketAddr = format!("{peer}:40000").parse().unwrap();
    req.extensions_mut().insert(axum::extract::ConnectInfo(addr));
    let res = t.app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), 10 << 20).await.unwrap();
    Resp { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_the_administrator_creates_chooses_its_own_password_before_anything_else_and_only_then_gets_care_relations() {
    let t = setup().await;
    let store = t.web.store();
    let admin = t.token("beheer").await;
    let admin_id = t.a.users["beheer"].clone();
    let lotte = t.a.clients["Lotte de Boer"].clone();
    let initial = "beheerder-koos-dit-2026";
    let r = t
        .send(
            "POST",
            "/beheer/professionals",
            Some(&admin),
            Some(&format!("naam=Nina+Nieuw&inlognaam=nina&wachtwoord={initial}&rol=professional&beroep=huisarts")),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("kiest Nina Nieuw een eigen wachtwoord"), "{}", r.body);
    let cred = store.credential_by_login("nina").await.unwrap().unwrap();
    let nina = cred.professional.clone();
    assert!(cred.must_change_password && cred.first_use.is_none(), "{cred:?}");
    let row = |body: &str, name: &str| {
        let start = body.find(&format!("<tr><td>{name}</td>")).unwrap_or_else(|| panic!("no row for {name}"));
        body[start..].split("</tr>").next().unwrap_or_default().to_owned()
    };
    assert!(row(&r.body, "Nina Nieuw").contains("nog niet in gebruik"), "the administration page shows the account is not yet in use");

    // A care relation for the account nobody but the administrator has used is refused, and logged.
    let relation = format!("professional={nina}&client={lotte}");
    let r = t.send("POST", "/beheer/zorgrelaties", Some(&admin), Some(&relation)).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert!(unescape(&r.body).contains("Dit account is nog niet in gebruik genomen: Nina Nieuw heeft nog niet ingelogd"), "{}", r.body);
    assert!(!store.has_care_relation(&nina, &lotte).await.unwrap());
    let refused = t.events_of(&t.a.id, &admin_id).await;
    let refused = refused.iter().find(|e| e.action == "zorgrelatie.vastleggen").expect("refusal not logged");
    assert!(!refused.allowed && refused.authorisation == "geweigerd:account_niet_in_gebruik", "{refused:?}");

    // Signed in with the administrator's password, the account reaches nothing but the page to
    // choose its own (pages redirect there, the API refuses), as cookie and as bearer.
    let (r, token) = {
        let r = t.send("POST", "/inloggen", None, Some(&format!("inlognaam=nina&wachtwoord={initial}"))).await;
        let token = T::cookie(&r).expect("no session after the password");
        (r, token)
    };
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_session_held_at(&t, &token, "/account/wachtwoord", "eigen_wachtwoord_nodig").await;
    for path in ["/account/tweede-factor", "/beraad/onafgemaakt", &format!("/clienten/{lotte}")] {
        let r = t.send("GET", path, Some(&token), None).await;
        assert_eq!(r.headers.get(header::LOCATION).map(|l| l.to_str().unwrap()), Some("/account/wachtwoord"), "{path}");
    }
    let r = t.send("GET", "/account/wachtwoord", Some(&token), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Kies een eigen wachtwoord"), "{}", r.body);
    assert!(!r.body.contains(r#"href="/clienten""#), "a menu on the page that must come first");
    // The API gives such an account no session at all.
    let req = Request::builder()
        .method("POST")
        .uri("/api/v1/sessies")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(format!(r#"{{"inlognaam": "nina", "wachtwoord": "{initial}"}}"#)))
        .unwrap();
    let res = t.app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let body = String::from_utf8_lossy(&axum::body::to_bytes(res.into_body(), 1 << 20).await.unwrap()).into_owned();
    assert!(body.contains("eigen_wachtwoord_nodig"), "{body}");

    // The administrator's password again is refused.
    let same = format!("huidig={initial}&nieuw={initial}&herhaal={initial}");
    let r = t.send("POST", "/account/wachtwoord", Some(&token), Some(&same)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Kies een ander wachtwoord dan het wachtwoord dat u van de beheerder kreeg"), "{}", r.body);
    assert!(store.credential_of(&nina).await.unwrap().unwrap().must_change_password);
    assert_eq!(t.send("GET", "/clienten", Some(&token), None).await.headers[header::LOCATION], "/account/wachtwoord");

    // Her own password: signing in is complete, under a new token.
    let own = format!("huidig={initial}&nieuw=ninas-eigen-wachtwoord&herhaal=ninas-eigen-wachtwoord");
    let r = send_from(&t, "/account/wachtwoord", &token, &own, "192.0.2.77").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Uw eigen wachtwoord is ingesteld"), "{}", r.body);
    let full = T::cookie(&r).expect("no new session after choosing a password");
    assert_ne!(full, token);
    assert_eq!(t.send("GET", "/clienten", Some(&token), None).await.headers[header::LOCATION], "/inloggen", "the old token ended");
    assert_eq!(t.send("GET", "/clienten", Some(&full), None).await.status, StatusCode::OK);
    let cred = store.credential_of(&nina).await.unwrap().unwrap();
    assert!(!cred.must_change_password && cred.first_use.is_some(), "{cred:?}");
    assert!(t.web.login("nina", initial, "x").await.is_err(), "the administrator's password still works");
    // In the access log, with the address, for the privacyfunctionaris.
    let own_events = t.events_of(&t.a.id, &nina).await;
    let first = own_events.iter().find(|e| e.action == "wachtwoord.eerste_eigen").expect("first own password not logged");
    assert_eq!(first.source, "192.0.2.77");
    assert!(first.allowed);
    let privacy = t.token("privacy").await;
    let r = t.send("GET", "/toegangslog", Some(&privacy), None).await;
    assert!(r.body.contains("Eerste eigen wachtwoord gekozen: account in gebruik genomen"), "not readable in the access log");

    // Now the care relation is recorded.
    let r = t.send("POST", "/beheer/zorgrelaties", Some(&admin), Some(&relation)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(store.has_care_relation(&nina, &lotte).await.unwrap());
    let r = t.send("GET", "/beheer", Some(&admin), None).await;
    assert!(!row(&r.body, "Nina Nieuw").contains("nog niet in gebruik"), "still shown as not in use");

    // A reset by the administrator asks for an own password again; the account stays in use, and
    // the new choice is an ordinary password change in the log.
    let r =
        t.send("POST", &format!("/beheer/professionals/{nina}/wachtwoord"), Some(&admin), Some("wachtwoord=hersteld-door-beheer")).await;
    assert_eq!(r.status, StatusCode::OK);
    let signed_in = t.web.login("nina", "hersteld-door-beheer", "x").await.unwrap();
    assert_eq!(t.send("GET", "/clienten", Some(&signed_in.token), None).await.headers[header::LOCATION], "/account/wachtwoord");
    let r = t
        .send(
            "POST",
            "/account/wachtwoord",
            Some(&signed_in.token),
            Some("huidig=hersteld-door-beheer&nieuw=weer-een-eigen-wachtwoord&herhaal=weer-een-eigen-wachtwoord"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let actions: Vec<String> = t.events_of(&t.a.id, &nina).await.into_iter().map(|e| e.action).collect();
    assert_eq!(actions.iter().filter(|a| *a == "wachtwoord.eerste_eigen").count(), 1, "{actions:?}");
    assert!(actions.contains(&"wachtwoord.wijzigen".to_owned()));
    assert_eq!(store.credential_of(&nina).await.unwrap().unwrap().first_use, cred.first_use);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_run_administrator_replaces_the_printed_password() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path().join("t.db")).await.unwrap();
    let app = App::new(store, dir.path(), grondslag_rules::load_embedded().unwrap());
    let web = Web::new(app, Config { hash_cost: HashCost::TEST, ..Config::default() }).await.unwrap();
    let first = web.first_run("Eerste organisatie").await.unwrap().unwrap();
    let cred = web.store().credential_by_login(&first.login).await.unwrap().unwrap();
    assert!(cred.must_change_password && cred.first_use.is_none(), "{cred:?}");
    // After the second factor, the administrator is held at the password page.
    let s = web.login(&first.login, &first.password, "x").await.unwrap();
    assert_eq!(s.stage, SessionStage::Enrol);
    let secret = web.pending_secret(&s.professional).await.unwrap().unwrap();
    web.confirm_second_factor(&s.professional, &first.login, &code_for(&secret, now_step()), "x").await.unwrap().unwrap();
    let full = web.complete_login(&token_hash(&s.token), &s.professional.id).await.unwrap();
    let app = router(web.clone());
    let req = Request::builder().uri("/beheer").header(header::COOKIE, format!("grondslag_sessie={full}")).body(Body::empty()).unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/account/wachtwoord");
    // Demo accounts keep their public password.
    web.demo().await.unwrap();
    let demo = web.store().credential_by_login("huisarts").await.unwrap().unwrap();
    assert!(!demo.must_change_password, "{demo:?}");
}

/// The word checks above must not trip over random codes, nor skip real words.
#[test]
fn codes_are_left_out_of_word_checks_but_words_are_not() {
    let text = "Vastgelegd 3q2+Seed9Abc/UtC= 01a243a0-3715-778e-a6d7-e0c36438d720 verschoningsgerechtigde seed";
    assert_eq!(without_codes(text), "Vastgelegd verschoningsgerechtigde seed");
}

/// Acute danger is one step from every page (the header link, before the page's own content),
/// needs no sign-in, and says what to do now in the chosen language, with its sources.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acute_danger_is_one_step_from_every_page_and_needs_no_sign_in() {
    let t = setup().await;
    let r = t.send("GET", "/acuut", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    for part in
        ["<h1>Acuut gevaar</h1>", "href=\"tel:112\"", "href=\"tel:08002000\"", "0800-2000", "meldrecht", "conflict van plichten", "KNMG"]
    {
        assert!(r.body.contains(part), "{part}: {}", r.body);
    }
    assert!(!r.body.contains("Hoofdmenu"), "signed out: no menu");
    let r = t.get_in("/acuut", None, "en").await;
    assert!(r.body.contains("<h1>Acute danger</h1>") && r.body.contains("Call 112"), "{}", r.body);

    let huisarts = t.token("huisarts").await;
    let r = t.send("GET", "/acuut", Some(&huisarts), None).await;
    assert!(r.body.contains("aria-label=\"Hoofdmenu\"") && r.body.contains("href=\"/beraad/nieuw\""), "{}", r.body);
    let noor = t.a.clients["Noor Bakker"].clone();
    let r = t.send("POST", "/beraad", Some(&huisarts), Some(&format!("client={noor}&datum=2026-11-23"))).await;
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let dossier = format!("/clienten/{noor}");
    for (page, token) in [
        ("/inloggen", None),
        ("/clienten", Some(huisarts.as_str())),
        ("/beraad/nieuw", Some(huisarts.as_str())),
        (draft.as_str(), Some(huisarts.as_str())),
        (dossier.as_str(), Some(huisarts.as_str())),
        ("/bestaat-niet", Some(huisarts.as_str())),
    ] {
        let r = t.send("GET", page, token, None).await;
        let link = r.body.find("href=\"/acuut\"").unwrap_or_else(|| panic!("{page}: no link to /acuut"));
        assert!(link < r.body.find("<main").unwrap(), "{page}: the link comes before the page's content");
    }
}

// --- the kennisbank ----------------------------------------------------------------------------

/// Follows every kennisbank link on a page: each opens an article (anyone may read it).
/// Returns how many distinct articles were linked.
async fn kennisbank_links(t: &T, body: &str) -> usize {
    let mut seen: Vec<String> = Vec::new();
    for part in body.split("href=\"/kennisbank/").skip(1) {
        let id = part.split('"').next().unwrap_or_default().to_owned();
        if seen.contains(&id) {
            continue;
        }
        let r = t.send("GET", &format!("/kennisbank/{id}"), None, None).await;
        assert_eq!(r.status, StatusCode::OK, "/kennisbank/{id}");
        assert!(r.body.contains("<h1>") && r.body.contains("Bronnen"), "{id}");
        seen.push(id);
    }
    seen.len()
}

/// Titles of the search results on a kennisbank page, in order.
fn kennisbank_results(body: &str) -> Vec<String> {
    body.split("class=\"kb-result-title\"><a href=\"/kennisbank/").skip(1).filter_map(|s| s.split('"').next()).map(str::to_owned).collect()
}

/// The kennisbank needs no sign-in: it lists every article, finds articles by the words
/// professionals use (Dutch inflections included) with the matched words marked, and an article
/// names its sources by publisher and title and the rules it explains by their labels.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_kennisbank_is_searched_and_read_without_signing_in() {
    let t = setup().await;
    let r = t.send("GET", "/kennisbank", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    let listed = r.body.matches("<li><a href=\"/kennisbank/").count();
    let rules = grondslag_rules::load_embedded().unwrap();
    let kb = grondslag_knowledge::load_embedded(&rules).unwrap();
    assert_eq!(listed, kb.articles().len(), "every article is listed");

    for (q, expect) in [
        ("WhatsApp", "kanalen-telefoon-mail-en-apps"),
        ("Raad voor de Kinderbescherming", "raad-kinderbescherming-en-gecertificeerde-instelling"),
        ("overleden", "overleden-clienten"),
        ("casusoverleggen", "samenwerking-casusoverleg-en-convenanten"),
    ] {
        let r = t.send("GET", &format!("/kennisbank?q={}", q.replace(' ', "+")), None, None).await;
        assert_eq!(r.status, StatusCode::OK);
        let found = kennisbank_results(&r.body);
        assert_eq!(found.first().map(String::as_str), Some(expect), "{q}: {found:?}");
        assert!(r.body.contains("<mark>"), "{q}: the matched words are marked");
        assert!(r.body.contains("gevonden"), "{q}: the number found is said");
    }
    let r = t.get_in("/kennisbank?q=deceased", None, "en").await;
    assert_eq!(kennisbank_results(&r.body).first().map(String::as_str), Some("overleden-clienten"), "{}", r.body);
    // Any input is a query; markup is shown as text, never as markup.
    let r = t.send("GET", "/kennisbank?q=%3Cscript%3Ealert()%3C%2Fscript%3E+AND+(", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.body.contains("<script>alert") && r.body.contains("Geen artikelen gevonden"), "{}", r.body);

    let r = t.send("GET", "/kennisbank/overleden-clienten", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<h1>Overleden cliënten en nabestaanden</h1>"), "{}", r.body);
    assert!(r.body.contains("Bronnen") && r.body.contains("Waar Grondslag dit gebruikt") && r.body.contains("Zie ook"));
    // Sources by publisher and title; never a registry id.
    assert!(r.body.contains("rel=\"noreferrer\"") && !r.body.contains("wgbo-7-458a"), "{}", r.body);
    // Links in the text lead to other articles, which open.
    assert!(kennisbank_links(&t, &r.body).await >= 3);
    let r = t.send("GET", "/kennisbank/bestaat-niet", None, None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("bestaat niet"), "{}", r.body);
    // Signed in, the kennisbank is in the menu.
    let huisarts = t.token("huisarts").await;
    let r = t.send("GET", "/kennisbank", Some(&huisarts), None).await;
    assert!(r.body.contains("href=\"/kennisbank\" aria-current=\"page\""), "{}", r.body);
}

// --- the meldcode trajectory ----------------------------------------------------------------------

/// A signal as the form sends it: the observation over two lines.
const SIGNAL: &str =
    "datum=&waargenomen=&bron=own_observation&bron_wie=&waarneming=Milan+huilde+bij+het+ophalen.%0D%0AHij+wilde+niet+mee.&interpretatie=";
const ADVICE: &str = "datum=&advies=Eerst+een+gesprek+met+de+ouders%2C+samen+met+mij.";

/// Who may read, record and advise on a trajectory: the professional with a care relation reads
/// and records; one without is refused (and the refusal logged); the aandachtsfunctionaris without
/// a relation reads the trajectory and records advice, nothing else and not the dossier; the
/// privacy officer and administrator get nothing. Every view and write is one access event, and
/// the privacy officer reads them in the access log.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn meldcode_authorisation_matrix_and_access_log() {
    let t = setup().await;
    let milan = t.a.clients["Milan Hoekstra"].clone();
    let page = format!("/clienten/{milan}/meldcode");
    let events = |login: &'static str| {
        let t = &t;
        async move { t.events_of(&t.a.id, &t.a.users[login]).await }
    };

    // The wijkteammedewerker (care relation) reads and records; one event each.
    let wijk = t.token("wijkteam").await;
    let n = events("wijkteam").await.len();
    let r = t.send("GET", &page, Some(&wijk), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Milan Hoekstra") && r.body.contains("wacht op advies") && r.body.contains("tel:08002000"));
    let log = events("wijkteam").await;
    assert_eq!(log.len(), n + 1, "one access event for the view");
    assert!(log[0].action == "meldcode.lezen" && log[0].allowed && log[0].client.as_deref() == Some(milan.as_str()));
    let r = t.send("POST", &format!("{page}/signaal"), Some(&wijk), Some(SIGNAL)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let to = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert!(to.starts_with(&format!("{page}?vastgelegd=")) && to.contains("#regel-"), "{to}");
    let log = events("wijkteam").await;
    assert_eq!(log.len(), n + 2, "one access event for the write");
    assert!(log[0].action == "meldcode.schrijven" && log[0].allowed);
    let r = t.send("GET", &to, Some(&wijk), None).await;
    assert!(r.body.contains("Vastgelegd:"), "the new entry is announced");
    assert!(r.body.contains("Milan huilde bij het ophalen.\nHij wilde niet mee."), "line breaks are kept");

    // A professional without a care relation: refused, and each refusal logged.
    let huisarts = t.token("huisarts").await;
    for (method, path, form) in
        [("GET", page.clone(), None), ("POST", format!("{page}/signaal"), Some(SIGNAL)), ("POST", format!("{page}/advies"), Some(ADVICE))]
    {
        let before = t.refusals(&t.a.id, &t.a.users["huisarts"]).await;
        let r = t.send(method, &path, Some(&huisarts), form).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "huisarts {method} {path}");
        assert!(!r.body.contains("Milan huilde"), "a refusal shows nothing of the trajectory");
        assert_eq!(t.refusals(&t.a.id, &t.a.users["huisarts"]).await, before + 1, "huisarts {method} {path}: refusal logged");
    }

    // The aandachtsfunctionaris, without a relation with Milan: reads the trajectory, records
    // advice, and nothing else; not the dossier.
    let aandacht = t.token("aandacht").await;
    let n = events("aandacht").await.len();
    let r = t.send("GET", &page, Some(&aandacht), None).await;
    assert_eq!(r.status, StatusCode::OK);
    let log = events("aandacht").await;
    assert_eq!(log.len(), n + 1, "one access event for the view");
    assert!(log[0].action == "meldcode.lezen" && log[0].allowed && log[0].authorisation == "rol:aandachtsfunctionaris");
    assert!(r.body.contains("Milan huilde bij het ophalen.") && r.body.contains("/meldcode/advies#fout-advies\""));
    assert!(!r.body.contains("/meldcode/signaal#fout-signaal\""), "no step forms without a care relation");
    assert!(!r.body.contains(&format!("href=\"/clienten/{milan}\"")), "no link to the dossier");
    let r = t.send("POST", &format!("{page}/advies"), Some(&aandacht), Some(ADVICE)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(events("aandacht").await.len(), n + 2, "one access event for the advice");
    let view = t.core.meldcode(&milan).await.unwrap().unwrap();
    let last = view.records.last().unwrap();
    assert!(
        matches!(&last.event, Some(grondslag_dossier::meldcode::Event::Consulted { consultation, .. })
            if consultation.with == grondslag_dossier::meldcode::Consulted::Aandachtsfunctionaris && consultation.who == "Chantal Dijkstra"),
        "{last:?}"
    );
    assert!(view.trajectory.unwrap().pending_requests().next().is_none(), "the advice answers the request");
    assert!(
        events("aandacht")
            .await
            .iter()
            .any(|e| e.action == "meldcode.advies" && e.allowed && e.authorisation == "rol:aandachtsfunctionaris")
    );
    for (method, path, form) in [
        ("POST", format!("{page}/signaal"), Some(SIGNAL)),
        ("POST", format!("{page}/besluit"), Some("datum=&melden=ja&hulp=nee&redenen=x")),
        ("GET", format!("/clienten/{milan}"), None),
        ("POST", format!("{page}/beraad"), Some("")),
    ] {
        let before = t.refusals(&t.a.id, &t.a.users["aandacht"]).await;
        let r = t.send(method, &path, Some(&aandacht), form).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "aandacht {method} {path}");
        assert_eq!(t.refusals(&t.a.id, &t.a.users["aandacht"]).await, before + 1, "aandacht {method} {path}: refusal logged");
    }
    // The overview: the aandachtsfunctionaris only, logged.
    let n = events("aandacht").await.len();
    let r = t.send("GET", "/meldcode", Some(&aandacht), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Milan Hoekstra") && r.body.contains("Yara Peters") && r.body.contains("achterstallig"));
    assert!(!r.body.contains("Milan huilde"), "the overview shows no content");
    assert_eq!(events("aandacht").await[..1].iter().filter(|e| e.action == "meldcode.overzicht").count(), 1);
    assert_eq!(events("aandacht").await.len(), n + 1);

    // The privacy officer and the administrator: nothing of the meldcode (the page, every step,
    // the deliberation, the overview), each refusal logged; the huisarts: not the overview, and no
    // step of a client he has no care relation with.
    let steps = [
        "openen",
        "signaal",
        "overleg",
        "advies-vragen",
        "advies",
        "gesprek",
        "afweging",
        "besluit",
        "melding",
        "terugkoppeling",
        "acuut",
        "sluiten",
        "heropenen",
        "beraad",
    ];
    for login in ["privacy", "beheer", "huisarts"] {
        let token = t.token(login).await;
        let mut tries: Vec<(&str, String, Option<&str>)> = vec![("GET", "/meldcode".into(), None)];
        tries.extend(steps.iter().map(|s| ("POST", format!("{page}/{s}"), Some(ADVICE))));
        if login != "huisarts" {
            tries.push(("GET", page.clone(), None));
        }
        for (method, path, form) in tries {
            let before = t.refusals(&t.a.id, &t.a.users[login]).await;
            let r = t.send(method, &path, Some(&token), form).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{login} {method} {path}");
            assert_eq!(t.refusals(&t.a.id, &t.a.users[login]).await, before + 1, "{login} {method} {path}: refusal logged");
        }
    }
    // Another organisation's aandachtsfunctionaris does not find the client.
    let other = t.token("b-aandacht").await;
    assert_eq!(t.send("GET", &page, Some(&other), None).await.status, StatusCode::NOT_FOUND);

    // The privacy officer reads these events in the access log, by their labels.
    let privacy = t.token("privacy").await;
    let r = t.send("GET", &format!("/toegangslog?client={milan}"), Some(&privacy), None).await;
    assert_eq!(r.status, StatusCode::OK);
    for label in ["Meldcodetraject ingezien", "Meldcodestap vastgelegd", "Advies aandachtsfunctionaris vastgelegd"] {
        assert!(r.body.contains(label), "{label} not in the access log");
    }
    let r = t.send("GET", &format!("/toegangslog?gebruiker={}", t.a.users["aandacht"]), Some(&privacy), None).await;
    assert!(r.body.contains("Overzicht meldcodetrajecten ingezien"));
}

/// A refused form comes back with a clear message and everything typed; a refusal of the
/// trajectory itself (reopening an open one) too; nothing is recorded.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_meldcode_form_keeps_what_was_typed() {
    let t = setup().await;
    let milan = t.a.clients["Milan Hoekstra"].clone();
    let page = format!("/clienten/{milan}/meldcode");
    let wijk = t.token("wijkteam").await;
    let before = t.core.meldcode(&milan).await.unwrap().unwrap().records.len();
    // No observation.
    let form =
        "datum=&waargenomen=&bron=relative&bron_wie=de+buurvrouw&waarneming=++&interpretatie=mijn+uitleg%0D%0Atweede+regel&medewerker=ja";
    let r = t.send("POST", &format!("{page}/signaal"), Some(&wijk), Some(form)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("role=\"alert\" id=\"fout-signaal\">Vul wat u zag of hoorde in.</p>"), "{}", r.body);
    assert!(r.body.contains("value=\"de buurvrouw\"") && r.body.contains(">mijn uitleg\r\ntweede regel</textarea>"), "{}", r.body);
    assert!(r.body.contains("<option value=\"relative\" selected>") && r.body.contains("name=\"medewerker\" value=\"ja\" checked"));
    assert!(r.body.contains("id=\"form-signaal\" open"), "the refused form is unfolded");
    // A date in the future.
    let r = t.send("POST", &format!("{page}/acuut"), Some(&wijk), Some("datum=2999-01-01&redenen=dreiging+met+een+mes")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("ligt in de toekomst") && r.body.contains(">dreiging met een mes</textarea>"));
    // The trajectory refuses: it is not closed, so it cannot be reopened.
    let r = t.send("POST", &format!("{page}/heropenen"), Some(&wijk), Some("datum=&redenen=nieuwe+zorgen")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("niet gesloten") && r.body.contains(">nieuwe zorgen</textarea>"), "{}", r.body);
    // An unknown step.
    assert_eq!(t.send("POST", &format!("{page}/iets"), Some(&wijk), Some("datum=")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(t.core.meldcode(&milan).await.unwrap().unwrap().records.len(), before, "nothing was recorded");
    // The overview's number of days: 1 to 365, or a clear message.
    let aandacht = t.token("aandacht").await;
    let r = t.send("GET", "/meldcode?dagen=7", Some(&aandacht), None).await;
    assert!(r.body.contains("langer dan 7 dagen"));
    let r = t.send("GET", "/meldcode?dagen=veertien", Some(&aandacht), None).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("heel getal van 1 tot en met 365") && r.body.contains("langer dan 14 dagen"));
}

/// The open drafts' content, decrypted as the server does.
fn draft_of(t: &T, org: &OrgId, id: &str) -> impl std::future::Future<Output = serde_json::Value> {
    let (web, org, id) = (t.web.clone(), org.clone(), id.to_owned());
    async move {
        let d = web.store().draft(&DraftId::parse(&id).unwrap()).await.unwrap().unwrap();
        serde_json::from_slice(&web.open_note(&org, &format!("concept|{id}"), &d.sealed).unwrap()).unwrap()
    }
}

/// From weighing to reporting: a decision to report offers the deliberation about what to share
/// with Veilig Thuis, pre-filled from the trajectory and marked as such; acute danger only when
/// the decision was taken during declared acute danger.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_veilig_thuis_deliberation_is_prefilled_from_the_trajectory() {
    let t = setup().await;
    let wijk = t.token("wijkteam").await;
    let ruben = t.a.clients["Ruben Meijer"].clone();
    let page = format!("/clienten/{ruben}/meldcode");
    let r = t.send("GET", &page, Some(&wijk), None).await;
    assert!(r.body.contains("/meldcode/openen#fout-openen\""), "a client without a trajectory can start one");
    for (step, form) in [
        ("openen", "sector=social_support&datum=&waargenomen=&bron=child&waarneming=Ruben+vertelt+dat+zijn+moeder+hem+slaat."),
        ("afweging", "datum=&vraag=1&antwoord=ja&redenen=Ruben+vertelt+het+zelf."),
        ("afweging", "datum=&vraag=2&antwoord=ja&redenen=Het+gebeurt+steeds+weer."),
        ("besluit", "datum=&melden=ja&hulp=nee&redenen=Structurele+onveiligheid."),
    ] {
        let r = t.send("POST", &format!("{page}/{step}"), Some(&wijk), Some(form)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{step}: {}", r.body);
    }
    let r = t.send("GET", &page, Some(&wijk), None).await;
    assert!(r.body.contains("Volgens het afwegingskader volgt hieruit: melden bij Veilig Thuis"), "{}", r.body);
    assert!(r.body.contains("Beraad: wat deelt u met Veilig Thuis?") && r.body.contains("/meldcode/melding#fout-melding\""));
    let r = t.send("POST", &format!("{page}/beraad"), Some(&wijk), Some("")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let draft = r.headers[header::LOCATION].to_str().unwrap().trim_start_matches("/beraad/").to_owned();
    let d = draft_of(&t, &t.a.id, &draft).await;
    let answers: HashMap<String, serde_json::Value> =
        d["answers"].as_array().unwrap().iter().map(|a| (a["fact"].as_str().unwrap().to_owned(), a["value"].clone())).collect();
    assert_eq!(answers["sender_role"], "wijkteammedewerker");
    assert_eq!(answers["recipient_role"], "veilig_thuis");
    assert_eq!(answers["purpose"], "child_abuse_or_domestic_violence");
    assert_eq!(answers["suspicion_domestic_violence_or_child_abuse"], true);
    assert!(!answers.contains_key("danger"), "no acute danger was declared");
    assert_eq!(answers.len(), 4, "everything else is asked: {answers:?}");
    let prefilled: Vec<&str> = d["prefilled"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(prefilled, ["sender_role", "recipient_role", "purpose", "suspicion_domestic_violence_or_child_abuse"]);
    assert_eq!(d["from_meldcode"], true);
    let r = t.send("GET", &format!("/beraad/{draft}"), Some(&wijk), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Dit beraad begon vanuit het meldcodetraject"));
    assert_eq!(r.body.matches("uit het meldcodetraject</span>").count(), 3, "recipient, purpose and suspicion are marked");
    assert!(r.body.contains("<p class=\"progress\">Vraag 1"), "pre-filled answers are not counted as asked");

    // Acute danger declared, then the decision to report: danger is acute.
    let yara = t.a.clients["Yara Peters"].clone();
    let page = format!("/clienten/{yara}/meldcode");
    for (step, form) in
        [("acuut", "datum=&redenen=Partner+dreigt+haar+vandaag+iets+aan+te+doen."), ("besluit", "datum=&melden=ja&hulp=nee&redenen=Acuut.")]
    {
        let r = t.send("POST", &format!("{page}/{step}"), Some(&wijk), Some(form)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{step}: {}", r.body);
    }
    let r = t.send("POST", &format!("{page}/beraad"), Some(&wijk), Some("")).await;
    let draft = r.headers[header::LOCATION].to_str().unwrap().trim_start_matches("/beraad/").to_owned();
    let d = draft_of(&t, &t.a.id, &draft).await;
    let danger = d["answers"].as_array().unwrap().iter().find(|a| a["fact"] == "danger").map(|a| a["value"].clone());
    assert_eq!(danger, Some(serde_json::json!("acute")));
    // A trajectory without a decision to report offers no such deliberation.
    let milan = t.a.clients["Milan Hoekstra"].clone();
    let r = t.send("GET", &format!("/clienten/{milan}/meldcode"), Some(&wijk), None).await;
    assert!(!r.body.contains("Beraad: wat deelt u met Veilig Thuis?"));
}

/// A whole trajectory through its forms: the D11 notice for a staff member in education, a
/// decision against the reporting norm recorded and flagged (never refused), the report, Veilig
/// Thuis's feedback, closing (after which only reopening is offered) and reopening (after which
/// the weighing is asked again).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trajectory_from_opening_to_reopening_through_its_forms() {
    let t = setup().await;
    let wijk = t.token("wijkteam").await;
    let ruben = t.a.clients["Ruben Meijer"].clone();
    let page = format!("/clienten/{ruben}/meldcode");
    let post = |step: &'static str, form: &'static str| {
        let (t, page, wijk) = (&t, page.clone(), wijk.clone());
        async move { t.send("POST", &format!("{page}/{step}"), Some(&wijk), Some(form)).await }
    };
    let shown = || {
        let (t, page, wijk) = (&t, page.clone(), wijk.clone());
        async move { t.send("GET", &page, Some(&wijk), None).await.body }
    };
    let open = "sector=education&datum=&waargenomen=&bron=child&waarneming=Ruben+zegt+dat+de+gymleraar+hem+knijpt.&medewerker=ja";
    assert_eq!(post("openen", open).await.status, StatusCode::SEE_OTHER);
    let body = shown().await;
    assert!(body.contains("werkgever of het bestuur") && body.contains("Wet kinderopvang"), "the D11 notice with its source");
    for (step, form) in [
        ("afweging", "datum=&vraag=1&antwoord=ja&redenen=Hij+vertelt+het+zelf."),
        ("afweging", "datum=&vraag=2&antwoord=ja&redenen=Het+gebeurt+elke+week."),
        ("besluit", "datum=&melden=nee&hulp=ja&redenen=Ik+bied+eerst+zelf+hulp."),
    ] {
        assert_eq!(post(step, form).await.status, StatusCode::SEE_OTHER, "{step}: the professional's decision is recorded");
    }
    let body = shown().await;
    assert!(body.contains("Uw laatste besluit is niet te melden") && body.contains("bij acute of structurele onveiligheid meldt u altijd"));
    assert!(body.contains("melden is een recht"), "{body}");
    assert!(!body.contains("/meldcode/melding#fout-melding\""), "no report form without a decision to report");
    assert_eq!(post("melding", "datum=&beraad=geen&geinformeerd=x").await.status, StatusCode::UNPROCESSABLE_ENTITY);
    for (step, form) in [
        ("besluit", "datum=&melden=ja&hulp=nee&redenen=Toch+melden."),
        ("melding", "datum=&beraad=geen&geinformeerd=Moeder%2C+telefonisch.&afspraken=Veilig+Thuis+belt+terug."),
        ("terugkoppeling", "datum=&terugkoppeling=Veilig+Thuis+doet+onderzoek.&vervolg=Ik+blijf+betrokken."),
        ("sluiten", "datum=&reden=reported&toelichting=Gemeld%3B+Veilig+Thuis+neemt+het+over.&vervolg="),
    ] {
        let r = post(step, form).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{step}: {}", r.body);
    }
    let body = shown().await;
    assert!(!body.contains("Uw laatste besluit is niet te melden"), "the latest decision follows the norm");
    assert!(body.contains("Veilig Thuis doet onderzoek.") && body.contains("gesloten: gemeld bij Veilig Thuis"));
    assert!(body.contains("Het traject is gesloten") && body.contains("/meldcode/heropenen#fout-heropenen\""));
    assert!(!body.contains("/meldcode/signaal#fout-signaal\"") && !body.contains("/meldcode/acuut#fout-acuut\""), "closed: only reopening");
    let r = post("signaal", "datum=&waargenomen=&bron=child&waarneming=Nog+iets.").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("gesloten; heropen het") && r.body.contains(">Nog iets.</textarea>"), "{}", r.body);
    assert_eq!(post("heropenen", "datum=&redenen=Ruben+vertelt+nieuwe+dingen.").await.status, StatusCode::SEE_OTHER);
    let body = shown().await;
    assert!(body.contains("heropend") && body.contains("Beantwoord de vragen van het afwegingskader opnieuw"));
    assert!(body.contains("of het traject is heropend"), "the answers given before are marked as to be given again");
    assert!(body.contains("Het gebeurt elke week."), "and they stay visible");
    // The dossier page says there is an open trajectory and leads to it.
    let r = t.send("GET", &format!("/clienten/{ruben}"), Some(&wijk), None).await;
    assert!(r.body.contains("Open sinds") && r.body.contains(&format!("href=\"{page}\"")));
}

/// After the decision on a deliberation, a client with an open trajectory is one link away from
/// it: on the recorded decision and on the decision page once decided; without a trajectory, no
/// such link.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_recorded_decision_leads_back_to_an_open_trajectory() {
    let t = setup().await;
    let token = t.token("huisarts").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let back = format!("href=\"/clienten/{noor}/meldcode\"");
    let seq = t.core.entries(&noor).await.unwrap().iter().find(|e| e.1 == "deliberation").map(|e| e.0).unwrap();
    let path = format!("/clienten/{noor}/beraad/{seq}/besluit");
    let r = t.send("GET", &path, Some(&token), None).await;
    assert!(!r.body.contains(&back), "no trajectory, no link to it");
    let open = "sector=care&datum=&waargenomen=&bron=client&waarneming=Noor+heeft+blauwe+plekken.";
    let r = t.send("POST", &format!("/clienten/{noor}/meldcode/openen"), Some(&token), Some(open)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let form = "gedeeld=ja&wat=diagnose&ontvanger=dochter&geinformeerd=ja&hoe=mondeling&redenen=toestemming";
    let r = t.send("POST", &path, Some(&token), Some(form)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let entry = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let r = t.send("GET", &entry, Some(&token), None).await;
    assert!(r.body.contains("Vastgelegd — kan niet meer ongemerkt worden gewijzigd"));
    assert!(r.body.contains(&back) && r.body.contains("Terug naar het meldcodetraject"), "{}", r.body);
    let r = t.send("GET", &path, Some(&token), None).await;
    let actions = r.body.split("class=\"actions\"").nth(1).unwrap_or_default();
    assert!(actions.contains(&back), "the decided page offers the way back next to the dossier: {}", r.body);
}

/// The aandachtsfunctionaris' advice is shown in her capacity as aandachtsfunctionaris, and her
/// view without a care relation speaks about the professional, not to her as the one who decides.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_advice_is_given_as_aandachtsfunctionaris_and_her_view_does_not_make_her_the_decider() {
    let t = setup().await;
    let milan = t.a.clients["Milan Hoekstra"].clone();
    let page = format!("/clienten/{milan}/meldcode");
    let aandacht = t.token("aandacht").await;
    let r = t.send("POST", &format!("{page}/advies"), Some(&aandacht), Some(ADVICE)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t.send("GET", &page, Some(&aandacht), None).await;
    assert_eq!(r.status, StatusCode::OK);
    let body = unescape(&r.body);
    assert!(body.contains("Vastgelegd door Chantal Dijkstra (aandachtsfunctionaris)"), "{body}");
    assert!(body.contains("De professional beantwoordt de vijf vragen zelf"), "{body}");
    assert!(body.contains("De professional beslist zelf."));
    for you in ["U beantwoordt de vijf vragen zelf", "U beslist zelf.", "Uw antwoord:", "Leg uw besluit vast", "Beantwoord vraag"] {
        assert!(!body.contains(you), "the aandachtsfunctionaris is not addressed as the decider: {you}");
    }
    // The professional who decides is addressed as such, and sees the same capacity.
    let wijk = t.token("wijkteam").await;
    let body = unescape(&t.send("GET", &page, Some(&wijk), None).await.body);
    assert!(body.contains("Vastgelegd door Chantal Dijkstra (aandachtsfunctionaris)"), "{body}");
    assert!(body.contains("U beantwoordt de vijf vragen zelf") && !body.contains("De professional beantwoordt"));
    // In English too.
    let body = unescape(&t.get_in(&page, Some(&aandacht), "en").await.body);
    assert!(body.contains("Recorded by Chantal Dijkstra (aandachtsfunctionaris)"), "{body}");
    assert!(body.contains("The professional answers the five questions"));
}

/// The trajectory lists the signals by the date they were observed, oldest first, each with the
/// date it was recorded too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signals_are_listed_oldest_observation_first_with_both_dates() {
    let t = setup().await;
    let wijk = t.token("wijkteam").await;
    let ruben = t.a.clients["Ruben Meijer"].clone();
    let page = format!("/clienten/{ruben}/meldcode");
    let today = time::OffsetDateTime::now_utc().date();
    let day = |back: i64| {
        let d = today - time::Duration::days(back);
        format!("{}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
    };
    for (step, seen, what) in [("openen", day(2), "Tweede"), ("signaal", day(10), "Eerste"), ("signaal", day(1), "Derde")] {
        let form = format!("sector=social_support&datum=&waargenomen={seen}&bron=child&waarneming={what}+signaal.");
        let r = t.send("POST", &format!("{page}/{step}"), Some(&wijk), Some(&form)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{step}: {}", r.body);
    }
    let body = t.send("GET", &page, Some(&wijk), None).await.body;
    let at = |s: &str| body.find(s).unwrap_or_else(|| panic!("{s} not shown"));
    assert!(at("Eerste signaal.") < at("Tweede signaal.") && at("Tweede signaal.") < at("Derde signaal."), "oldest observation first");
    assert_eq!(body.matches("<dt>Waargenomen op</dt>").count(), 3);
    assert_eq!(body.matches("<dt>Vastgelegd op</dt>").count(), 3);
}

/// The case library (`/voorbeelden`).
#[path = "http/cases.rs"]
mod cases;
#[path = "http/conferences.rs"]
mod conferences;

/// A PDF/A-2b document: the PDF header and the XMP identification typst-pdf writes.
fn assert_pdf_a(r: &Resp) {
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(r.body.starts_with("%PDF-"), "not a PDF");
    assert!(r.body.contains("pdfaid:part") && r.body.contains("pdfaid:conformance"), "no PDF/A identification");
    assert!(r.body.contains("/FontFile"), "fonts not embedded");
}

/// The PDF of a recorded deliberation is read, authorised and logged like the entry page it
/// mirrors: allowed with a care relation (one `dossier.lezen` event), refused and logged without
/// one, not found across organisations; a file name without the client's name; clear Dutch
/// errors for an entry that is not a deliberation.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_deliberation_pdf_is_authorised_and_logged_like_its_page() {
    let t = setup().await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let huisarts = t.token("huisarts").await;
    // The entry page offers the download.
    let page = t.send("GET", &format!("/clienten/{noor}/dossier/2"), Some(&huisarts), None).await;
    assert!(page.body.contains(&format!("/clienten/{noor}/dossier/2/verslag.pdf")) && page.body.contains("Download als PDF"));
    // With a decision recorded after it.
    let form = "gedeeld=ja&wat=diagnose&ontvanger=dochter&geinformeerd=ja&hoe=mondeling&redenen=toestemming+geregistreerd";
    let r = t.send("POST", &format!("/clienten/{noor}/beraad/2/besluit"), Some(&huisarts), Some(form)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    let path = format!("/clienten/{noor}/dossier/2/verslag.pdf");
    let before = t.events_of(&t.a.id, &t.a.users["huisarts"]).await.len();
    let r = t.send("GET", &path, Some(&huisarts), None).await;
    assert_pdf_a(&r);
    let disposition = r.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert_eq!(disposition, "attachment; filename=\"beraad-2.pdf\"");
    let log = t.events_of(&t.a.id, &t.a.users["huisarts"]).await;
    assert_eq!(log.len(), before + 1, "one access event for the PDF");
    assert!(log[0].action == "dossier.lezen" && log[0].allowed && log[0].client.as_deref() == Some(noor.as_str()));
    // In English too.
    assert_pdf_a(&t.get_in(&path, Some(&huisarts), "en").await);

    // An entry that is not a deliberation (the demo consent, entry 1), one that does not exist.
    let r = t.send("GET", &format!("/clienten/{noor}/dossier/1/verslag.pdf"), Some(&huisarts), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("alleen van een vastgelegd beraad"), "{}", r.body);
    let r = t.send("GET", &format!("/clienten/{noor}/dossier/99/verslag.pdf"), Some(&huisarts), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // Without a care relation: refused and logged; nothing of the dossier.
    for login in ["jeugd", "privacy", "beheer"] {
        let token = t.token(login).await;
        let before = t.refusals(&t.a.id, &t.a.users[login]).await;
        let r = t.send("GET", &path, Some(&token), None).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{login}");
        assert!(!r.body.starts_with("%PDF"));
        assert_eq!(t.refusals(&t.a.id, &t.a.users[login]).await, before + 1, "{login}: refusal logged");
    }
    // Another organisation does not find the client; not signed in: no PDF.
    let other = t.token("b-huisarts").await;
    assert_eq!(t.send("GET", &path, Some(&other), None).await.status, StatusCode::NOT_FOUND);
    assert!(!t.send("GET", &path, None, None).await.body.starts_with("%PDF"));
}

/// The trajectory PDF is read like the trajectory page: the professional with a care relation
/// and the aandachtsfunctionaris by role (each one logged `meldcode.lezen`), nobody else.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_meldcode_pdf_is_authorised_and_logged_like_its_page() {
    let t = setup().await;
    let milan = t.a.clients["Milan Hoekstra"].clone();
    let path = format!("/clienten/{milan}/meldcode.pdf");
    let wijk = t.token("wijkteam").await;
    let page = t.send("GET", &format!("/clienten/{milan}/meldcode"), Some(&wijk), None).await;
    assert!(page.body.contains(&path), "the trajectory page offers the download");
    for (login, authorisation) in [("wijkteam", "zorgrelatie"), ("aandacht", "rol:aandachtsfunctionaris")] {
        let token = if login == "wijkteam" { wijk.clone() } else { t.token(login).await };
        let before = t.events_of(&t.a.id, &t.a.users[login]).await.len();
        let r = t.send("GET", &path, Some(&token), None).await;
        assert_pdf_a(&r);
        assert_eq!(r.headers[header::CONTENT_DISPOSITION], "attachment; filename=\"meldcodetraject.pdf\"");
        let log = t.events_of(&t.a.id, &t.a.users[login]).await;
        assert_eq!(log.len(), before + 1, "{login}: one access event for the PDF");
        assert!(log[0].action == "meldcode.lezen" && log[0].allowed && log[0].authorisation.starts_with(authorisation), "{:?}", log[0]);
    }
    for login in ["huisarts", "privacy", "beheer"] {
        let token = t.token(login).await;
        let before = t.refusals(&t.a.id, &t.a.users[login]).await;
        let r = t.send("GET", &path, Some(&token), None).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{login}");
        assert_eq!(t.refusals(&t.a.id, &t.a.users[login]).await, before + 1, "{login}: refusal logged");
    }
    // A client without a trajectory: a clear Dutch message.
    let huisarts = t.token("huisarts").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let r = t.send("GET", &format!("/clienten/{noor}/meldcode.pdf"), Some(&huisarts), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("geen meldcodetraject"), "{}", r.body);
}
