//! A professional's clients: the list (care relations) and searching it, registering a client,
//! and finding a client by their reference (for a break-the-glass request).
//!
//! Identities are sealed per client, so a search decrypts only the clients the professional may
//! already list (their care relations) and filters those; no name is stored in clear.

use grondslag_i18n::Msg;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use grondslag_app::Identity;
use grondslag_store::{AppRole, CareRelation};

use super::FormData;
use crate::access_labels::Event;
use crate::error::WebError;
use crate::policy::Action;
use crate::view::Chrome;
use crate::{Backend, User, Web};

pub struct ClientRow {
    pub id: String,
    pub name: String,
    /// JJJJ-MM-DD as registered, or empty.
    pub birth_date: String,
}

impl ClientRow {
    /// The date of birth in Dutch notation (dd-mm-jjjj), or empty.
    pub fn birth_date_nl(&self) -> String {
        iso_date(&self.birth_date).map(crate::view::dutch_date).unwrap_or_else(|| self.birth_date.clone())
    }
}

/// The longest name, reference and date of birth a search accepts.
pub const MAX_SEARCH_NAME: usize = 200;
pub const MAX_SEARCH_REFERENCE: usize = 100;
pub const MAX_SEARCH_DATE: usize = 10;

fn iso_date(s: &str) -> Option<time::Date> {
    time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// A date typed as dd-mm-jjjj (Dutch) or jjjj-mm-dd (ISO, as a date field sends it).
pub fn parse_date(s: &str) -> Option<time::Date> {
    let s = s.trim();
    iso_date(s).or_else(|| time::Date::parse(s, time::macros::format_description!("[day]-[month]-[year]")).ok())
}

/// What a professional searches their clients by; every part given must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientFilter {
    /// (Part of) the name; every word must occur in the name, case-insensitively.
    pub name: String,
    /// The complete reference (references are stored only as a keyed pseudonym).
    pub reference: String,
    pub birth_date: Option<time::Date>,
}

fn search_text(v: Option<&str>, what: &'static str, max: usize) -> Result<String, WebError> {
    let v = v.unwrap_or("").trim();
    if v.chars().count() > max {
        return Err(WebError::Invalid(Msg::new("clients-te-lang-hoogstens-tekens").arg_msg("what", what).arg("max", max)));
    }
    if v.chars().any(char::is_control) {
        return Err(WebError::Invalid(Msg::new("clients-bevat-tekens-niet-zijn").arg_msg("what", what)));
    }
    Ok(v.to_owned())
}

impl ClientFilter {
    /// Reads and checks the three search fields (each optional).
    pub fn parse(name: Option<&str>, reference: Option<&str>, birth_date: Option<&str>) -> Result<Self, WebError> {
        let name = search_text(name, "field-naam", MAX_SEARCH_NAME)?;
        let reference = search_text(reference, "field-referentie", MAX_SEARCH_REFERENCE)?;
        let birth = search_text(birth_date, "field-geboortedatum", MAX_SEARCH_DATE)?;
        let birth_date = if birth.is_empty() {
            None
        } else {
            Some(parse_date(&birth).ok_or_else(|| WebError::Invalid(Msg::new("clients-geboortedatum-geen-geldige-datum")))?)
        };
        Ok(ClientFilter { name, reference, birth_date })
    }

    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.reference.is_empty() && self.birth_date.is_none()
    }

    fn name_matches(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        self.name.to_lowercase().split_whitespace().all(|w| name.contains(w))
    }
}

/// The professional's own clients (see [`own_clients`]) that match `filter`. The caller logs
/// the search (without its text: that may be client data).
pub async fn find_own_clients<S: Backend>(web: &Web<S>, user: &User, filter: &ClientFilter) -> Result<Vec<ClientRow>, WebError> {
    let mut rows = own_clients(web, user).await?;
    if !filter.reference.is_empty() {
        let hit = web.client_by_reference(user, &filter.reference).await?.map(|c| c.id);
        rows.retain(|r| hit.as_ref().is_some_and(|h| *h == r.id.as_str()));
    }
    rows.retain(|r| filter.name_matches(&r.name));
    if let Some(d) = filter.birth_date {
        rows.retain(|r| iso_date(&r.birth_date) == Some(d));
    }
    Ok(rows)
}

#[derive(Template, WebTemplate)]
#[template(path = "clients.html")]
pub struct ClientsPage {
    pub c: Chrome,
    pub title: String,
    pub clients: Vec<ClientRow>,
    pub error: Option<String>,
    /// The search as typed (shown back in the form).
    pub q_name: String,
    pub q_reference: String,
    pub q_birth_date: String,
    /// A search was made (the list shows its results).
    pub searching: bool,
    pub search_error: Option<String>,
    /// How many unfinished deliberations the user has.
    pub drafts: usize,
    /// How many casusoverleggen the user chairs or is invited to (counted, not opened).
    pub conferences: usize,
}

impl ClientsPage {
    async fn new<S: Backend>(web: &Web<S>, user: &User, clients: Vec<ClientRow>) -> Result<Self, WebError> {
        Ok(ClientsPage {
            title: user.lang.tr("common-my-clients").into(),
            c: Chrome::new(user, "/clienten"),
            clients,
            error: None,
            q_name: String::new(),
            q_reference: String::new(),
            q_birth_date: String::new(),
            searching: false,
            search_error: None,
            drafts: web.own_drafts(user).await?.len(),
            // Counted from who may open them, without reading any: nothing to log.
            conferences: web.store().conferences_of(&user.id).await?.len(),
        })
    }
}

/// The clients a professional has a care relation with, names decrypted.
pub async fn own_clients<S: Backend>(web: &Web<S>, user: &User) -> Result<Vec<ClientRow>, WebError> {
    let store = web.store();
    let mut rows = Vec::new();
    for id in store.clients_of(&user.id).await? {
        let c = store.client(&id).await?;
        let who = web.listed_identity(&user.org, &c).await?;
        rows.push(ClientRow { id: c.id.into_string(), name: who.name, birth_date: who.birth_date.unwrap_or_default() });
    }
    rows.sort_by_key(|a| a.name.to_lowercase());
    Ok(rows)
}

/// `GET /clienten`: the professional's clients, or those matching `naam`, `referentie` and
/// `geboortedatum` when a search is given.
pub async fn list<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    if user.role == AppRole::Administrator {
        return Ok(Redirect::to("/beheer").into_response());
    }
    if !matches!(user.role, AppRole::Professional | AppRole::Aandachtsfunctionaris) {
        web.guard(&user, Action::DossierRead).await?;
    }
    let field = |k: &str| q.get(k).map(String::as_str);
    let (q_name, q_reference, q_birth_date) = (
        field("naam").unwrap_or("").chars().take(MAX_SEARCH_NAME + 1).collect::<String>(),
        field("referentie").unwrap_or("").chars().take(MAX_SEARCH_REFERENCE + 1).collect::<String>(),
        field("geboortedatum").unwrap_or("").chars().take(MAX_SEARCH_DATE + 1).collect::<String>(),
    );
    let filter = ClientFilter::parse(field("naam"), field("referentie"), field("geboortedatum"));
    let (clients, searching, search_error) = match filter {
        Ok(f) if f.is_empty() => {
            web.log_event(&user, Event::OwnClientList, None, "zorgrelatie", true).await?;
            (own_clients(&web, &user).await?, false, None)
        }
        Ok(f) => {
            // The search text is not logged: it may be client data.
            web.log_event(&user, Event::ClientSearch, None, "zorgrelatie", true).await?;
            (find_own_clients(&web, &user, &f).await?, true, None)
        }
        Err(e) => (Vec::new(), true, Some(e.messages().0)),
    };
    let status = if search_error.is_some() { axum::http::StatusCode::UNPROCESSABLE_ENTITY } else { axum::http::StatusCode::OK };
    let page = ClientsPage { q_name, q_reference, q_birth_date, searching, search_error, ..ClientsPage::new(&web, &user, clients).await? };
    Ok((status, page).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "client_new.html")]
pub struct NewClientPage {
    pub c: Chrome,
    pub title: String,
    pub error: Option<String>,
    pub name: String,
    pub reference: String,
    pub birth_date: String,
}

pub async fn new_form<S: Backend>(State(web): State<Arc<Web<S>>>, user: User) -> Result<NewClientPage, WebError> {
    web.guard(&user, Action::RegisterClient).await?;
    Ok(NewClientPage {
        title: user.lang.tr("common-register-a-client").into(),
        c: Chrome::new(&user, "/clienten/nieuw"),
        error: None,
        name: String::new(),
        reference: String::new(),
        birth_date: String::new(),
    })
}

pub async fn create<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    let guarded = web.guard(&user, Action::RegisterClient).await?;
    let name = form.optional("naam", "field-naam-2", 200)?;
    let reference = form.optional("referentie", "field-referentie-2", 100)?;
    let birth_date = form.optional("geboortedatum", "field-geboortedatum-2", 10)?;
    let again = |msg: Msg| NewClientPage {
        title: user.lang.tr("common-register-a-client").into(),
        c: Chrome::new(&user, "/clienten/nieuw"),
        error: Some(msg.render(user.lang.rules())),
        name: name.clone(),
        reference: reference.clone(),
        birth_date: birth_date.clone(),
    };
    if name.is_empty() || reference.is_empty() {
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, again(Msg::new("clients-fill-in-name-reference"))).into_response());
    }
    if web.client_by_reference(&user, &reference).await?.is_some() {
        return Ok((axum::http::StatusCode::CONFLICT, again(Msg::new("clients-reference-exists"))).into_response());
    }
    let identity = Identity { name: name.clone(), birth_date: if birth_date.is_empty() { None } else { Some(birth_date.clone()) } };
    let client = match web.create_client(&guarded, &reference, &identity).await {
        Ok(c) => c,
        Err(grondslag_app::AppError::Invalid(m)) => return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, again(m)).into_response()),
        Err(e) => return Err(e.into()),
    };
    web.log_event(&user, Action::RegisterClient, Some(client.id.as_str()), &format!("rol:{}", user.role.as_str()), true).await?;
    // Whoever registers a client as their caregiver starts the care relation with them.
    if matches!(user.role, AppRole::Professional | AppRole::Aandachtsfunctionaris) {
        let since = grondslag_ledger::ts_from_unix_millis(crate::now_ms().as_millis()).unwrap_or_default();
        web.store()
            .add_care_relation(&CareRelation { org: user.org.clone(), professional: user.id.clone(), client: client.id.clone(), since })
            .await?;
        return Ok(Redirect::to(&format!("/clienten/{}", client.id)).into_response());
    }
    Ok(Redirect::to("/beheer").into_response())
}

pub async fn search<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    web.guard(&user, Action::BreakGlass).await?;
    let reference = form.required("referentie", "field-referentie-2", 100)?;
    match web.client_by_reference(&user, &reference).await? {
        Some(c) => Ok(Redirect::to(&format!("/clienten/{}", c.id)).into_response()),
        None => {
            let clients = own_clients(&web, &user).await?;
            let l = user.lang;
            Ok((
                axum::http::StatusCode::NOT_FOUND,
                ClientsPage {
                    error: Some(l.tr("clients-there-is-no-client-with").into()),
                    ..ClientsPage::new(&web, &user, clients).await?
                },
            )
                .into_response())
        }
    }
}
