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
use grondslag_store::{AccessQuery, AccessStore, AppRole, CareRelation, Store, verify_access_chain};
use grondslag_store_sqlite::SqliteStore;
use grondslag_web::{Config, HashCost, Web, router};
use tower::ServiceExt;

const PW: &str = "demo-wachtwoord-oost";

struct Org {
    id: String,
    /// login → professional id
    users: HashMap<&'static str, String>,
    /// name → client id
    clients: HashMap<&'static str, String>,
}

struct T {
    web: Arc<Web<SqliteStore>>,
    app: Router,
    a: Org,
    b: Org,
    _dir: tempfile::TempDir,
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
    let app = App::new(store, dir.path(), rules);
    let web = Web::new(app, Config { hash_cost: HashCost::TEST, ..Config::default() }).await.unwrap();
    web.demo().await.unwrap();
    let store = web.app.store();
    let org_a = web.app.organisations().await.unwrap().into_iter().next().unwrap();
    let mut a = Org { id: org_a.id.clone(), users: HashMap::new(), clients: HashMap::new() };
    for p in store.professionals(&org_a.id).await.unwrap() {
        let login = store.credential_of(&p.id).await.unwrap().unwrap().login;
        let key: &'static str = Box::leak(login.into_boxed_str());
        a.users.insert(key, p.id);
    }
    for c in store.clients(&org_a.id).await.unwrap() {
        let name = web.app.identity(&c).await.unwrap().name;
        let key: &'static str = Box::leak(name.into_boxed_str());
        a.clients.insert(key, c.id);
    }
    // A second organisation with the same roles, and a client its huisarts treats.
    let (org_b, _) = web.app.create_organisation("Andere praktijk").await.unwrap();
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
    let c = web.app.create_client(&org_b.id, "B-1", &Identity { name: "Bo Ander".into(), birth_date: None }).await.unwrap();
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
    web.app.deliberate(&a.clients["Noor Bakker"], &a.users["huisarts"], input(facts)).await.unwrap();
    web.app.deliberate(&c.id, &b.users["b-huisarts"], input(facts)).await.unwrap();
    let app = router(web.clone());
    T { web, app, a, b, _dir: dir }
}

impl T {
    async fn token(&self, login: &str) -> String {
        self.web.login(login, PW, &format!("test-{login}")).await.unwrap().0
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
    async fn events_of(&self, org: &str, user: &str) -> Vec<grondslag_store::AccessEvent> {
        let q = AccessQuery { user: Some(user.to_owned()), limit: 1000, ..Default::default() };
        self.web.app.store().access_events(org, &q).await.unwrap().into_iter().map(|e| e.event).collect()
    }

    async fn refusals(&self, org: &str, user: &str) -> usize {
        let q = AccessQuery { user: Some(user.to_owned()), limit: 1000, ..Default::default() };
        self.web.app.store().access_events(org, &q).await.unwrap().iter().filter(|e| !e.event.allowed).count()
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
        let targets: Vec<(String, Expect, &str)> = vec![
            (own_client.map(|n| t.a.clients[n].clone()).unwrap_or_else(|| noor.clone()), with_care, "eigen cliënt met zorgrelatie"),
            (if login == "jeugd" { noor.clone() } else { lotte.clone() }, without_care, "eigen cliënt zonder zorgrelatie"),
            (bo.clone(), Expect::Refused, "cliënt van een andere organisatie"),
        ];
        for (client, expect, what) in &targets {
            for (method, path, form) in &resources {
                let path = path.replace("{c}", client);
                let form = form.as_ref().map(|f| f.replace("{c}", client));
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
        let chain = t.web.app.store().access_chain(org).await.unwrap();
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
    assert!(!t.web.app.store().has_care_relation(&t.a.users["huisarts"], &t.b.clients["Bo Ander"]).await.unwrap());
    let r = t.send("POST", &format!("/beheer/professionals/{}/blokkeren", t.b.users["b-huisarts"]), Some(&admin_a), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(!t.web.app.store().credential_of(&t.b.users["b-huisarts"]).await.unwrap().unwrap().disabled);
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
    let grant = t.web.app.store().break_glass_grants(&t.b.id).await.unwrap().remove(0);
    let r = t.send("POST", &format!("/doorbraken/{}/beoordeeld", grant.id), Some(&privacy_a), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(t.web.app.store().break_glass_grants(&t.b.id).await.unwrap()[0].reviewed_by.is_none());
    // Someone else's draft is invisible, even in the same organisation.
    let r = t.send("POST", "/beraad", Some(&huisarts_b), Some(&format!("client={}&datum=2026-11-23", t.b.clients["Bo Ander"]))).await;
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    for (who, token) in [("huisarts A", &huisarts_a), ("b-aandacht", &t.token("b-aandacht").await)] {
        let r = t.send("GET", &draft, Some(token), None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{who} ziet andermans concept");
        let r = t.send("POST", &format!("{draft}/antwoord"), Some(token), Some("vraag=client_age&antwoord=12")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{who} wijzigt andermans concept");
    }
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
    let grant = t.web.app.store().break_glass_grants(&t.a.id).await.unwrap().remove(0);
    let events = t
        .web
        .app
        .store()
        .access_events(&t.a.id, &AccessQuery { client: Some(noor.clone()), limit: 50, ..Default::default() })
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
    assert!(t.web.app.store().session(&token).await.unwrap().is_none());
    assert!(t.web.app.store().session(&grondslag_web::auth::token_hash(&token)).await.unwrap().is_some());
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deliberation_from_question_to_receipt() {
    let t = setup().await;
    let token = t.token("huisarts").await;
    let noor = t.a.clients["Noor Bakker"].clone();
    let r = t.send("POST", "/beraad", Some(&token), Some(&format!("client={noor}&datum=2026-11-23"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let draft = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let answers: HashMap<&str, &str> = HashMap::from([
        ("recipient_role", "mantelzorger"),
        ("request_from", "none"),
        ("purpose", "inform_relatives"),
        ("client_deceased", "false"),
        ("client_age", "42"),
        ("client_competent", "true"),
        ("data_categories", "health"),
    ]);
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
        assert!(!asked.contains(&fact), "vraag {fact} twee keer gesteld");
        asked.push(fact.clone());
        let form = format!("vraag={fact}&antwoord={}", answers[fact.as_str()]);
        let r = t.send("POST", &format!("{draft}/antwoord"), Some(&token), Some(&form)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{fact}: {}", r.body);
    };
    assert!(!asked.contains(&"sender_role".to_owned()), "de rol van de professional is al bekend");
    assert!(body.contains("U mag delen") && body.contains("beroepsgeheim") && body.contains("AVG"), "{body}");
    // A wrong answer is refused in Dutch and nothing is lost.
    let r = t.send("POST", &format!("{draft}/antwoord"), Some(&token), Some("vraag=client_age&antwoord=twaalf")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("hele jaren"));
    // Recording is bound to the answer the page showed. Another tab changes an answer after this
    // page was shown: recording from this page is refused, nothing is recorded, and the current
    // answer is shown with the reason.
    let version = |b: &str| b.split("name=\"versie\" value=\"").nth(1).and_then(|s| s.split('"').next()).map(str::to_owned);
    let shown = version(&body).expect("de vastlegknop draagt de versie van het getoonde antwoord");
    let entries = t.web.app.entries(&noor).await.unwrap().len();
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
    assert_eq!(t.web.app.entries(&noor).await.unwrap().len(), entries, "een weigering legt niets vast");
    // Record the answer now shown, decide, receive a receipt that verifies.
    let r = t.send("POST", &format!("{draft}/vastleggen"), Some(&token), Some(&format!("versie={current}"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let decision = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let r = t.send("GET", &decision, Some(&token), None).await;
    assert!(r.body.contains("Vastgelegd in het dossier"), "{} {}", r.status, r.body);
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
    assert!(r.body.contains("Vastgelegd."));
    let seq: u64 = entry.split("/dossier/").nth(1).unwrap().split('?').next().unwrap().parse().unwrap();
    let receipt = t.web.app.receipt(&noor, seq).await.unwrap();
    receipt.verify(&t.web.app.org_keys(&t.a.id).unwrap().verifier_key().unwrap()).unwrap();
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
    let rules = t.web.app.rules().clone();
    let notes: Vec<String> = rules.sources.iter().filter_map(|s| s.note.clone()).collect();
    assert!(!notes.is_empty());
    let mut pages = 0;
    let mut shown = std::collections::BTreeSet::new();
    let mut check = |what: &str, body: &str, sources: &[grondslag_rules::Source]| {
        let text = unescape(body);
        assert!(!text.to_lowercase().contains("seed"), "{what}: 'seed' on the page");
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
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let files = grondslag_scenario::collect_files(&[dir]).unwrap();
    assert!(files.len() > 20);
    for f in files {
        let content = facts_file(&std::fs::read_to_string(&f).unwrap());
        let input = grondslag_app::FactsInput {
            file_name: "scenario.yaml",
            content: &content,
            date: time::macros::date!(2026 - 11 - 23),
            lang: grondslag_rules::Lang::Nl,
            open: false,
        };
        let d = t.web.app.deliberate(&noor, &t.a.users["huisarts"], input).await.unwrap_or_else(|e| panic!("{}: {e}", f.display()));
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
    let entries = t.web.app.entries(&noor).await.unwrap().len();
    for form in [None, Some("versie=0.0")] {
        let r = t.send("POST", &format!("{draft}/vastleggen"), Some(&token), form).await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(r.body.contains("Niet vastgelegd") && r.body.contains("name=\"vraag\""), "{}", r.body);
    }
    assert_eq!(t.web.app.entries(&noor).await.unwrap().len(), entries);
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
    assert!(t.web.app.store().draft(&id).await.unwrap().is_some());

    // The owner confirms, then discards.
    let r = t.send("GET", &format!("/beraad/{id}/weggooien"), Some(&huisarts), None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Noor Bakker") && r.body.contains(&format!("action=\"/beraad/{id}/weggooien\"")));
    assert!(t.web.app.store().draft(&id).await.unwrap().is_some(), "asking to confirm discards nothing");
    let r = t.send("POST", &format!("/beraad/{id}/weggooien"), Some(&huisarts), None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(t.web.app.store().draft(&id).await.unwrap().is_none());
    let r = t.send("GET", "/beraad/onafgemaakt?weggegooid=1", Some(&huisarts), None).await;
    assert!(r.body.contains("is weggegooid") && !r.body.contains("Noor Bakker") && r.body.contains(&anonymous));
    assert_eq!(t.send("GET", &draft, Some(&huisarts), None).await.status, StatusCode::NOT_FOUND);

    // A client whose care relation ended is no longer named.
    let r = t.send("POST", "/beraad", Some(&huisarts), Some(&format!("client={noor}&datum=2026-11-23"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    t.web.app.store().end_care_relation(&t.a.users["huisarts"], &noor).await.unwrap();
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
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
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
