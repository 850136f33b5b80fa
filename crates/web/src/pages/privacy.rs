//! For the privacy officer: the NEN 7513 access log (filtered by person, client and period,
//! paged, readable labels, its hash chain verified, exported as CSV),
//! break-the-glass grants to review, and verification of the organisation's ledger.

use grondslag_i18n::Msg;
use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use grondslag_store::{AccessQuery, ClientId, GrantId, OrgId, StoredAccessEvent, verify_access_chain};

use crate::access_labels::Event;
use crate::access_labels::{action_label, authorisation_label, stored_role_label};
use crate::error::WebError;
use crate::pages::clients::parse_date;
use crate::policy::Action;
use crate::view::{Chrome, day_start_utc, when, when_ms};
use crate::{Backend, User, Web, now_ms};

pub const PAGE: u32 = 100;

pub struct EventRow {
    pub seq: u64,
    pub when: String,
    pub user: String,
    pub user_id: String,
    pub role: String,
    pub client: String,
    pub client_id: String,
    /// The readable action, and its fixed code.
    pub action: String,
    pub action_code: String,
    pub authorisation: String,
    pub allowed: bool,
    pub source: String,
}

/// A professional of the organisation, for the person filter.
pub struct PersonOption {
    pub id: String,
    pub label: String,
    pub selected: bool,
}

/// A client that matches the typed name, when more than one does.
pub struct ClientChoice {
    pub label: String,
    pub href: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "access_log.html")]
pub struct AccessLogPage {
    pub c: Chrome,
    pub title: String,
    pub events: Vec<EventRow>,
    pub chain_ok: bool,
    pub chain_problem: String,
    pub chain_len: usize,
    pub people: Vec<PersonOption>,
    /// The client filter as shown (the name of the chosen client, or the text typed).
    pub client_text: String,
    pub from: String,
    pub to: String,
    /// Why the filter could not be applied.
    pub filter_error: Option<String>,
    /// Several clients match the typed name: pick one.
    pub choices: Vec<ClientChoice>,
    /// The filters are in use.
    pub filtered: bool,
    /// The query string of the filters (for the export and the next page), urlencoded.
    pub query: String,
    pub older: Option<u64>,
}

/// Names for ids: professionals of the organisation.
async fn names<S: Backend>(web: &Web<S>, org: &OrgId) -> Result<HashMap<String, String>, WebError> {
    let mut map = HashMap::new();
    for p in web.store().professionals(org).await? {
        map.insert(p.id.into_string(), p.name);
    }
    Ok(map)
}

async fn client_name<S: Backend>(web: &Web<S>, org: &OrgId, id: &str, cache: &mut HashMap<String, String>) -> String {
    if let Some(n) = cache.get(id) {
        return n.clone();
    }
    let found = match ClientId::parse(id) {
        Ok(cid) => web.store().client(&cid).await.ok(),
        Err(_) => None,
    };
    let name = match found {
        Some(c) if c.org == *org => web.listed_identity(org, &c).await.map(|i| i.name).unwrap_or_else(|_| id.to_owned()),
        _ => format!("{id} (onbekend)"),
    };
    cache.insert(id.to_owned(), name.clone());
    name
}

/// The filters of the access log as given in the address (`gebruiker`, `client`, `clientnaam`,
/// `van`, `tot`), checked, with the client name resolved to an id on the server.
#[derive(Debug, Default)]
struct Filter {
    user: Option<String>,
    client: Option<String>,
    client_text: String,
    from_text: String,
    to_text: String,
    from: Option<String>,
    until: Option<String>,
    choices: Vec<(String, String)>,
    error: Option<String>,
    /// The typed client matched nobody: show nothing rather than everything.
    nobody: bool,
}

/// The longest client name or reference the filter accepts.
const MAX_CLIENT_TEXT: usize = 200;

impl Filter {
    fn is_used(&self) -> bool {
        self.user.is_some() || self.client.is_some() || !self.client_text.is_empty() || self.from.is_some() || self.until.is_some()
    }

    /// The filters as a query string (ids and dates only; never the typed name).
    fn query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if let Some(u) = &self.user {
            pairs.push(("gebruiker", u));
        }
        if let Some(c) = &self.client {
            pairs.push(("client", c));
        }
        if self.from.is_some() {
            pairs.push(("van", &self.from_text));
        }
        if self.until.is_some() {
            pairs.push(("tot", &self.to_text));
        }
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    }
}

async fn filter<S: Backend>(web: &Web<S>, user: &User, q: &HashMap<String, String>) -> Result<Filter, WebError> {
    let l = user.lang;
    let mut f = Filter::default();
    let text = |k: &str| q.get(k).map(|v| v.trim().to_owned()).unwrap_or_default();
    let people = web.store().professionals(&user.org).await?;
    let who = text("gebruiker").to_lowercase();
    if !who.is_empty() {
        match people.iter().find(|p| p.id == who.as_str()) {
            Some(p) => f.user = Some(p.id.to_string()),
            None => f.error = Some(l.tr("privacy-this-person-was-not-found").into()),
        }
    }
    f.from_text = text("van").chars().take(10).collect();
    f.to_text = text("tot").chars().take(10).collect();
    let day = |t: &str| if t.is_empty() { Ok(None) } else { parse_date(t).map(Some).ok_or(()) };
    match (day(&f.from_text), day(&f.to_text)) {
        (Ok(from), Ok(to)) => {
            if let (Some(a), Some(b)) = (from, to)
                && a > b
            {
                f.error = Some(l.tr("privacy-the-start-date-is-after").into());
            } else {
                f.from = from.and_then(day_start_utc);
                f.until = to.and_then(|d| d.next_day()).and_then(day_start_utc);
            }
        }
        _ => f.error = Some(l.tr("privacy-a-date-is-not-valid").into()),
    }
    let id = text("client").to_lowercase();
    let typed = text("clientnaam");
    let mut cache = HashMap::new();
    if crate::audit::is_id(&id) {
        f.client_text = client_name(web, &user.org, &id, &mut cache).await;
        f.client = Some(id);
    } else if !typed.is_empty() {
        if typed.chars().count() > MAX_CLIENT_TEXT || typed.chars().any(char::is_control) {
            f.error = Some(l.tr("privacy-the-clients-name-or-reference").into());
            return Ok(f);
        }
        f.client_text = typed.clone();
        if let Some(c) = web.client_by_reference(user, &typed).await? {
            f.client_text = client_name(web, &user.org, c.id.as_str(), &mut cache).await;
            f.client = Some(c.id.into_string());
        } else {
            // Names are sealed per client: decrypt the organisation's clients and compare.
            let words: Vec<String> = typed.to_lowercase().split_whitespace().map(str::to_owned).collect();
            let mut hits = Vec::new();
            for c in web.store().clients(&user.org).await? {
                let who = web.listed_identity(&user.org, &c).await?;
                let name = who.name.to_lowercase();
                if words.iter().all(|w| name.contains(w.as_str())) {
                    let born = who.birth_date.as_deref().and_then(parse_date).map(crate::view::dutch_date).unwrap_or_default();
                    let label = if born.is_empty() { who.name } else { format!("{} ({} {born})", who.name, l.tr("privacy-born")) };
                    hits.push((c.id.into_string(), label));
                }
            }
            hits.sort_by_key(|(_, n)| n.to_lowercase());
            match hits.len() {
                0 => {
                    f.nobody = true;
                    f.error = Some(l.tr("privacy-no-client-in-your-organisation").into());
                }
                1 => {
                    let (id, _) = hits.remove(0);
                    f.client_text = client_name(web, &user.org, &id, &mut cache).await;
                    f.client = Some(id);
                }
                _ => f.choices = hits,
            }
        }
    }
    Ok(f)
}

fn access_query(f: &Filter, before: Option<u64>, limit: u32) -> AccessQuery {
    AccessQuery { client: f.client.clone(), user: f.user.clone(), before, from: f.from.clone(), until: f.until.clone(), limit }
}

async fn rows<S: Backend>(web: &Web<S>, user: &User, stored: &[StoredAccessEvent]) -> Result<Vec<EventRow>, WebError> {
    let l = user.lang;
    let people = names(web, &user.org).await?;
    let mut clients = HashMap::new();
    let mut events = Vec::with_capacity(stored.len());
    for s in stored {
        let e = &s.event;
        let client = match &e.client {
            Some(id) => client_name(web, &user.org, id, &mut clients).await,
            None => String::new(),
        };
        events.push(EventRow {
            seq: s.seq,
            when: when(&e.ts),
            user: people.get(&e.user).cloned().unwrap_or_else(|| e.user.clone()),
            user_id: e.user.clone(),
            role: stored_role_label(&e.user_role, l),
            client,
            client_id: e.client.clone().unwrap_or_default(),
            action: action_label(&e.action, l),
            action_code: e.action.clone(),
            authorisation: authorisation_label(&e.authorisation, l),
            allowed: e.allowed,
            source: e.source.clone(),
        });
    }
    Ok(events)
}

pub async fn access_log<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    web.guard(&user, Action::ReadAccessLog).await?;
    let store = web.store();
    let f = filter(&web, &user, &q).await?;
    let stopped = f.error.is_some() || !f.choices.is_empty() || f.nobody;
    let stored = if stopped {
        Vec::new()
    } else {
        store.access_events(&user.org, &access_query(&f, q.get("voor").and_then(|v| v.parse().ok()), PAGE)).await?
    };
    let chain = store.access_chain(&user.org).await?;
    let verdict = verify_access_chain(&chain);
    let events = rows(&web, &user, &stored).await?;
    let mut people: Vec<PersonOption> = store
        .professionals(&user.org)
        .await?
        .into_iter()
        .map(|p| PersonOption {
            selected: f.user.as_deref() == Some(p.id.as_str()),
            label: format!("{} ({})", p.name, crate::view::role_label(p.app_role, user.lang)),
            id: p.id.into_string(),
        })
        .collect();
    people.sort_by_key(|p| p.label.to_lowercase());
    let older = if stored.len() == PAGE as usize { stored.last().map(|s| s.seq) } else { None };
    let query = f.query();
    let choices = f
        .choices
        .iter()
        .map(|(id, label)| {
            let mut g = Filter { client: Some(id.clone()), ..Filter::default() };
            g.user.clone_from(&f.user);
            g.from.clone_from(&f.from);
            g.until.clone_from(&f.until);
            g.from_text.clone_from(&f.from_text);
            g.to_text.clone_from(&f.to_text);
            ClientChoice { label: label.clone(), href: format!("/toegangslog?{}", g.query()) }
        })
        .collect();
    let status = if f.error.is_some() && !f.nobody { axum::http::StatusCode::UNPROCESSABLE_ENTITY } else { axum::http::StatusCode::OK };
    let page = AccessLogPage {
        title: user.lang.tr("privacy-access-log-nen-7513").into(),
        c: Chrome::new(&user, "/toegangslog"),
        events,
        chain_ok: verdict.is_ok(),
        chain_problem: verdict.err().unwrap_or_default(),
        chain_len: chain.len(),
        people,
        client_text: f.client_text.clone(),
        from: f.from_text.clone(),
        to: f.to_text.clone(),
        filter_error: f.error.clone(),
        choices,
        filtered: f.is_used(),
        query,
        older,
    };
    Ok((status, page).into_response())
}

/// A CSV cell: quoted when needed, and never read as a formula by a spreadsheet (a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`).
pub fn csv_cell(v: &str) -> String {
    let v = if v.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{v}") } else { v.to_owned() };
    if v.contains([';', ',', '"', '\n', '\r']) { format!("\"{}\"", v.replace('"', "\"\"")) } else { v }
}

/// `GET /toegangslog/export.csv`: the filtered log (all pages) as CSV for a spreadsheet:
/// UTF-8 with a byte order mark, `;` between cells (as Dutch spreadsheets expect), Dutch
/// headers. The export itself is logged.
pub async fn access_log_csv<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    web.guard(&user, Action::ReadAccessLog).await?;
    let f = filter(&web, &user, &q).await?;
    if let Some(e) = f.error {
        return Err(WebError::Invalid(Msg::verbatim(e)));
    }
    if !f.choices.is_empty() {
        return Err(WebError::Invalid(Msg::new("privacy-meerdere-clienten-passen-bij")));
    }
    web.log_event(&user, Event::AccessLogExported, f.client.as_deref(), &format!("rol:{}", user.role.as_str()), true).await?;
    let store = web.store();
    let mut stored = Vec::new();
    let mut before = None;
    loop {
        let page = store.access_events(&user.org, &access_query(&f, before, 1000)).await?;
        let done = page.len() < 1000;
        before = page.last().map(|s| s.seq);
        stored.extend(page);
        if done || before.is_none() {
            break;
        }
    }
    let events = rows(&web, &user, &stored).await?;
    let mut out = String::from("\u{feff}");
    let header = [
        "Volgnummer",
        "Tijdstip (Nederlandse tijd)",
        "Wie",
        "Gebruiker-id",
        "Rol",
        "Cliënt",
        "Cliënt-id",
        "Handeling",
        "Handelingscode",
        "Grond",
        "Toegestaan",
        "Vanaf (adres)",
    ];
    out.push_str(&header.join(";"));
    out.push_str("\r\n");
    for e in &events {
        let cells = [
            e.seq.to_string(),
            e.when.clone(),
            e.user.clone(),
            e.user_id.clone(),
            e.role.clone(),
            e.client.clone(),
            e.client_id.clone(),
            e.action.clone(),
            e.action_code.clone(),
            e.authorisation.clone(),
            if e.allowed { "ja".into() } else { "geweigerd".into() },
            e.source.clone(),
        ];
        out.push_str(&cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    let date = crate::view::when_ms(now_ms()).chars().take(10).collect::<String>();
    let disposition = format!("attachment; filename=\"toegangslog-{date}.csv\"");
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (header::CONTENT_DISPOSITION, disposition)], out).into_response())
}

pub struct GrantRow {
    pub id: String,
    pub professional: String,
    pub client: String,
    pub client_id: String,
    pub reason: String,
    pub granted: String,
    pub expires: String,
    pub active: bool,
    pub reviewed: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "grants.html")]
pub struct GrantsPage {
    pub c: Chrome,
    pub title: String,
    pub grants: Vec<GrantRow>,
    pub open: usize,
}

pub async fn grants<S: Backend>(State(web): State<Arc<Web<S>>>, user: User) -> Result<GrantsPage, WebError> {
    web.guard(&user, Action::ReviewBreakGlass).await?;
    let people = names(&web, &user.org).await?;
    let mut clients = HashMap::new();
    let now = now_ms();
    let mut grants = Vec::new();
    for g in web.store().break_glass_grants(&user.org).await? {
        let reason = web
            .open_note(&user.org, &format!("doorbraak|{}", g.id), &g.reason_sealed)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_else(|| "(reden onleesbaar)".into());
        grants.push(GrantRow {
            professional: people.get(g.professional.as_str()).cloned().unwrap_or_else(|| g.professional.to_string()),
            client: client_name(&web, &user.org, g.client.as_str(), &mut clients).await,
            client_id: g.client.to_string(),
            reason,
            granted: when_ms(g.granted),
            expires: when_ms(g.expires),
            active: g.expires > now,
            reviewed: g.reviewed_by.as_ref().map(|by| {
                format!(
                    "{} ({})",
                    people.get(by.as_str()).cloned().unwrap_or_else(|| by.to_string()),
                    g.reviewed_at.map(when_ms).unwrap_or_default()
                )
            }),
            id: g.id.into_string(),
        });
    }
    let open = grants.iter().filter(|g| g.reviewed.is_none()).count();
    Ok(GrantsPage { title: user.lang.tr("common-emergency-access").into(), c: Chrome::new(&user, "/doorbraken"), grants, open })
}

pub async fn review<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<Response, WebError> {
    web.guard(&user, Action::ReviewBreakGlass).await?;
    // An id that is not one is answered like an unknown grant.
    let Ok(id) = GrantId::parse(&id) else { return Err(grondslag_store::StoreError::not_found("doorbraak", id).into()) };
    web.store().review_break_glass(&user.org, &id, &user.id, now_ms()).await?;
    Ok(Redirect::to("/doorbraken").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "verification.html")]
pub struct VerificationPage {
    pub c: Chrome,
    pub title: String,
    pub ledger_ok: bool,
    pub ledger_text: String,
    pub key: String,
    pub access_ok: bool,
    pub access_text: String,
}

pub async fn verification<S: Backend>(State(web): State<Arc<Web<S>>>, user: User) -> Result<VerificationPage, WebError> {
    let guarded = web.guard(&user, Action::VerifyOrganisation).await?;
    let l = user.lang;
    let (ledger_ok, ledger_text, key) = match web.verify_organisation(&guarded).await {
        Ok(v) => (
            true,
            format!(
                "{} {} {} {}",
                v.report.entries,
                l.tr("privacy-entries-in"),
                v.report.dossiers,
                l.tr("privacy-dossiers-checked-all-are-unchanged"),
            ),
            v.key,
        ),
        Err(e) => (false, e.to_string(), String::new()),
    };
    let chain = web.store().access_chain(&user.org).await?;
    let (access_ok, access_text) = match verify_access_chain(&chain) {
        Ok(()) => (true, format!("{} {}", chain.len(), l.tr("privacy-events-chain-intact"))),
        Err(e) => (false, e),
    };
    Ok(VerificationPage {
        title: l.tr("privacy-verification-of-the-organisation").into(),
        c: Chrome::new(&user, "/verificatie"),
        ledger_ok,
        ledger_text,
        key,
        access_ok,
        access_text,
    })
}
