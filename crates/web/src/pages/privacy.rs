//! For the privacy officer: the NEN 7513 access log (filtered, paged, its hash chain verified),
//! break-the-glass grants to review, and verification of the organisation's ledger.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use grondslag_store::{AccessQuery, verify_access_chain};

use crate::error::WebError;
use crate::policy::Action;
use crate::view::{Chrome, when, when_ms};
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
    pub action: String,
    pub authorisation: String,
    pub allowed: bool,
    pub source: String,
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
    pub filter_client: String,
    pub filter_user: String,
    pub older: Option<u64>,
}

/// Names for ids: professionals of the organisation and (decrypted) clients seen in the page.
async fn names<S: Backend>(web: &Web<S>, org: &str) -> Result<HashMap<String, String>, WebError> {
    let mut map = HashMap::new();
    for p in web.app.store().professionals(org).await? {
        map.insert(p.id, p.name);
    }
    Ok(map)
}

async fn client_name<S: Backend>(web: &Web<S>, org: &str, id: &str, cache: &mut HashMap<String, String>) -> String {
    if let Some(n) = cache.get(id) {
        return n.clone();
    }
    let name = match web.app.store().client(id).await {
        Ok(c) if c.org == org => web.app.identity(&c).await.map(|i| i.name).unwrap_or_else(|_| id.to_owned()),
        _ => format!("{id} (onbekend)"),
    };
    cache.insert(id.to_owned(), name.clone());
    name
}

pub async fn access_log<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Query(q): Query<HashMap<String, String>>,
) -> Result<AccessLogPage, WebError> {
    web.guard(&user, Action::ReadAccessLog).await?;
    let store = web.app.store();
    let filter_client = q.get("client").cloned().filter(|s| crate::audit::is_id(s)).unwrap_or_default();
    let filter_user = q.get("gebruiker").cloned().filter(|s| crate::audit::is_id(s)).unwrap_or_default();
    let query = AccessQuery {
        client: (!filter_client.is_empty()).then(|| filter_client.clone()),
        user: (!filter_user.is_empty()).then(|| filter_user.clone()),
        before: q.get("voor").and_then(|v| v.parse().ok()),
        limit: PAGE,
    };
    let stored = store.access_events(&user.org, &query).await?;
    let chain = store.access_chain(&user.org).await?;
    let verdict = verify_access_chain(&chain);
    let people = names(&web, &user.org).await?;
    let mut clients = HashMap::new();
    let mut events = Vec::with_capacity(stored.len());
    for s in &stored {
        let e = &s.event;
        let client = match &e.client {
            Some(id) => client_name(&web, &user.org, id, &mut clients).await,
            None => String::new(),
        };
        events.push(EventRow {
            seq: s.seq,
            when: when(&e.ts),
            user: people.get(&e.user).cloned().unwrap_or_else(|| e.user.clone()),
            user_id: e.user.clone(),
            role: e.user_role.clone(),
            client,
            client_id: e.client.clone().unwrap_or_default(),
            action: e.action.clone(),
            authorisation: e.authorisation.clone(),
            allowed: e.allowed,
            source: e.source.clone(),
        });
    }
    let older = if stored.len() == PAGE as usize { stored.last().map(|s| s.seq) } else { None };
    Ok(AccessLogPage {
        title: user.lang.t("Toegangslog (NEN 7513)", "Access log (NEN 7513)").into(),
        c: Chrome::new(&user, "/toegangslog"),
        events,
        chain_ok: verdict.is_ok(),
        chain_problem: verdict.err().unwrap_or_default(),
        chain_len: chain.len(),
        filter_client,
        filter_user,
        older,
    })
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
    for g in web.app.store().break_glass_grants(&user.org).await? {
        let reason = web
            .app
            .open_note(&user.org, &format!("doorbraak|{}", g.id), &g.reason_sealed)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_else(|| "(reden onleesbaar)".into());
        grants.push(GrantRow {
            professional: people.get(&g.professional).cloned().unwrap_or_else(|| g.professional.clone()),
            client: client_name(&web, &user.org, &g.client, &mut clients).await,
            client_id: g.client.clone(),
            reason,
            granted: when_ms(g.granted),
            expires: when_ms(g.expires),
            active: g.expires > now,
            reviewed: g.reviewed_by.as_ref().map(|by| {
                format!("{} ({})", people.get(by).cloned().unwrap_or_else(|| by.clone()), when_ms(g.reviewed_at.unwrap_or_default()))
            }),
            id: g.id,
        });
    }
    let open = grants.iter().filter(|g| g.reviewed.is_none()).count();
    Ok(GrantsPage {
        title: user.lang.t("Doorbraken (break-the-glass)", "Break-the-glass access").into(),
        c: Chrome::new(&user, "/doorbraken"),
        grants,
        open,
    })
}

pub async fn review<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<Response, WebError> {
    web.guard(&user, Action::ReviewBreakGlass).await?;
    web.app.store().review_break_glass(&user.org, &id, &user.id, now_ms()).await?;
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
    web.guard(&user, Action::VerifyOrganisation).await?;
    let l = user.lang;
    let (ledger_ok, ledger_text, key) = match web.app.verify_organisation(&user.org).await {
        Ok(v) => (
            true,
            format!(
                "{} {} {} {} {}.",
                v.report.entries,
                l.t("regels in", "entries in"),
                v.report.dossiers,
                l.t("dossiers geverifieerd; checkpoint-grootte", "dossiers verified; checkpoint size"),
                v.checkpoint_size
            ),
            v.key,
        ),
        Err(e) => (false, e.to_string(), String::new()),
    };
    let chain = web.app.store().access_chain(&user.org).await?;
    let (access_ok, access_text) = match verify_access_chain(&chain) {
        Ok(()) => (true, format!("{} {}", chain.len(), l.t("gebeurtenissen, keten intact.", "events, chain intact."))),
        Err(e) => (false, e),
    };
    Ok(VerificationPage {
        title: l.t("Verificatie van de organisatie", "Verification of the organisation").into(),
        c: Chrome::new(&user, "/verificatie"),
        ledger_ok,
        ledger_text,
        key,
        access_ok,
        access_text,
    })
}
