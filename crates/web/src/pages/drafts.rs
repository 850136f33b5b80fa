//! "Mijn onafgemaakte beraden": the user's own deliberations that were started but not recorded
//! (kept 7 days), with the client's name, the last change and a link to continue; and
//! discarding one (a confirmation page, then a POST).

use grondslag_i18n::Msg;
use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use grondslag_store::{AppRole, Draft, DraftId, StoreError};

use crate::access_labels::Event;
use crate::error::WebError;
use crate::policy::Action;
use crate::view::{Chrome, when_ms};
use crate::{Backend, User, Web, now_ms};

pub struct DraftRow {
    pub id: String,
    /// The client's name, or a description when there is no (longer an accessible) client.
    pub client: String,
    pub has_client: bool,
    /// The last change, Dutch time (dd-mm-jjjj uu:mm).
    pub updated: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "drafts.html")]
pub struct DraftsPage {
    pub c: Chrome,
    pub title: String,
    pub drafts: Vec<DraftRow>,
    /// One was just discarded.
    pub discarded: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "draft_discard.html")]
pub struct DiscardPage {
    pub c: Chrome,
    pub title: String,
    pub draft: DraftRow,
}

/// The client's name when the user may still see it: a care relation or a valid grant.
async fn row<S: Backend>(web: &Web<S>, user: &User, d: &Draft) -> Result<DraftRow, WebError> {
    let l = user.lang;
    let store = web.store();
    let (client, has_client) = match &d.client {
        None => (l.tr("drafts-without-a-client").to_owned(), false),
        Some(id) => {
            let client = match store.client(id).await {
                Ok(c) if c.org == user.org => Some(c),
                Ok(_) | Err(StoreError::NotFound { .. }) => None,
                Err(e) => return Err(e.into()),
            };
            let visible = match &client {
                Some(c) => {
                    store.has_care_relation(&user.id, &c.id).await? || store.active_break_glass(&user.id, &c.id, now_ms()).await?.is_some()
                }
                None => false,
            };
            match client {
                Some(c) if visible => (web.listed_identity(&user.org, &c).await?.name, true),
                _ => (l.tr("drafts-a-client-you-no-longer").to_owned(), true),
            }
        }
    };
    Ok(DraftRow { id: d.id.to_string(), client, has_client, updated: when_ms(d.updated) })
}

fn care_role(user: &User) -> bool {
    matches!(user.role, AppRole::Professional | AppRole::Aandachtsfunctionaris)
}

/// `GET /beraad/onafgemaakt`.
pub async fn list<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    if !care_role(&user) {
        // Refused (and logged) by the policy: only care roles deliberate.
        web.guard(&user, Action::Evaluate).await?;
    }
    // The list names clients, like the client list: logged the same way.
    web.log_event(&user, Event::OwnDrafts, None, "zorgrelatie", true).await?;
    let mut drafts = Vec::new();
    for d in web.own_drafts(&user).await? {
        drafts.push(row(&web, &user, &d).await?);
    }
    Ok(DraftsPage {
        title: user.lang.tr("drafts-my-unfinished-deliberations").into(),
        c: Chrome::new(&user, "/beraad/onafgemaakt"),
        drafts,
        discarded: q.contains_key("weggegooid"),
    }
    .into_response())
}

async fn own<S: Backend>(web: &Web<S>, user: &User, id: &str) -> Result<Draft, WebError> {
    let not_found = || WebError::NotFound(Msg::new("draft-beraad-bestaat-niet-meer"));
    let Ok(id) = DraftId::parse(id) else { return Err(not_found()) };
    match web.store().draft(&id).await? {
        Some(d) if d.professional == user.id && d.org == user.org => Ok(d),
        _ => Err(not_found()),
    }
}

/// `GET /beraad/{d}/weggooien`: asks for confirmation.
pub async fn discard_form<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<DiscardPage, WebError> {
    let d = own(&web, &user, &id).await?;
    Ok(DiscardPage {
        title: user.lang.tr("drafts-discard-the-unfinished-deliberation").into(),
        c: Chrome::new(&user, &format!("/beraad/{id}/weggooien")),
        draft: row(&web, &user, &d).await?,
    })
}

/// `POST /beraad/{d}/weggooien`: discards it, then back to the list.
pub async fn discard<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<Response, WebError> {
    let d = own(&web, &user, &id).await?;
    web.store().delete_draft(&d.id).await?;
    Ok(Redirect::to("/beraad/onafgemaakt?weggegooid=1").into_response())
}
