//! A professional's clients: the list (care relations), registering a client, and finding a
//! client by their reference (for a break-the-glass request).

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use grondslag_app::Identity;
use grondslag_store::{AppRole, CareRelation};

use super::FormData;
use crate::error::WebError;
use crate::policy::Action;
use crate::view::Chrome;
use crate::{Backend, User, Web};

pub struct ClientRow {
    pub id: String,
    pub name: String,
    pub birth_date: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "clients.html")]
pub struct ClientsPage {
    pub c: Chrome,
    pub title: String,
    pub clients: Vec<ClientRow>,
    pub error: Option<String>,
}

/// The clients a professional has a care relation with, names decrypted.
pub async fn own_clients<S: Backend>(web: &Web<S>, user: &User) -> Result<Vec<ClientRow>, WebError> {
    let store = web.app.store();
    let mut rows = Vec::new();
    for id in store.clients_of(&user.id).await? {
        let c = store.client(&id).await?;
        let who = web.app.identity(&c).await?;
        rows.push(ClientRow { id: c.id, name: who.name, birth_date: who.birth_date.unwrap_or_default() });
    }
    rows.sort_by_key(|a| a.name.to_lowercase());
    Ok(rows)
}

pub async fn list<S: Backend>(State(web): State<Arc<Web<S>>>, user: User) -> Result<Response, WebError> {
    if user.role == AppRole::Administrator {
        return Ok(Redirect::to("/beheer").into_response());
    }
    if !matches!(user.role, AppRole::Professional | AppRole::Aandachtsfunctionaris) {
        web.guard(&user, Action::DossierRead).await?;
    }
    web.log_event(&user, "clienten.eigen_lijst", None, "zorgrelatie", true).await?;
    let clients = own_clients(&web, &user).await?;
    let l = user.lang;
    Ok(ClientsPage { title: l.t("Mijn cliënten", "My clients").into(), c: Chrome::new(&user, "/clienten"), clients, error: None }
        .into_response())
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
        title: user.lang.t("Cliënt registreren", "Register a client").into(),
        c: Chrome::new(&user, "/clienten/nieuw"),
        error: None,
        name: String::new(),
        reference: String::new(),
        birth_date: String::new(),
    })
}

pub async fn create<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    web.guard(&user, Action::RegisterClient).await?;
    let name = form.optional("naam", "de naam", 200)?;
    let reference = form.optional("referentie", "de referentie", 100)?;
    let birth_date = form.optional("geboortedatum", "de geboortedatum", 10)?;
    let again = |msg: String| NewClientPage {
        title: user.lang.t("Cliënt registreren", "Register a client").into(),
        c: Chrome::new(&user, "/clienten/nieuw"),
        error: Some(msg),
        name: name.clone(),
        reference: reference.clone(),
        birth_date: birth_date.clone(),
    };
    if name.is_empty() || reference.is_empty() {
        return Ok((
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            again("Vul de naam en de referentie (bijvoorbeeld het cliëntnummer) in.".into()),
        )
            .into_response());
    }
    if web.app.client_by_reference(&user.org, &reference).await?.is_some() {
        return Ok((
            axum::http::StatusCode::CONFLICT,
            again("Er is al een cliënt met deze referentie. Zoek de cliënt op via ‘Mijn cliënten’.".into()),
        )
            .into_response());
    }
    let identity = Identity { name: name.clone(), birth_date: if birth_date.is_empty() { None } else { Some(birth_date.clone()) } };
    let client = match web.app.create_client(&user.org, &reference, &identity).await {
        Ok(c) => c,
        Err(grondslag_app::AppError::Invalid(m)) => return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, again(m)).into_response()),
        Err(e) => return Err(e.into()),
    };
    web.log_event(&user, "client.registreren", Some(&client.id), &format!("rol:{}", user.role.as_str()), true).await?;
    // Whoever registers a client as their caregiver starts the care relation with them.
    if matches!(user.role, AppRole::Professional | AppRole::Aandachtsfunctionaris) {
        let since = grondslag_ledger::ts_from_unix_millis(crate::now_ms()).unwrap_or_default();
        web.app
            .store()
            .add_care_relation(&CareRelation { org: user.org.clone(), professional: user.id.clone(), client: client.id.clone(), since })
            .await?;
        return Ok(Redirect::to(&format!("/clienten/{}", client.id)).into_response());
    }
    Ok(Redirect::to("/beheer").into_response())
}

pub async fn search<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    web.guard(&user, Action::BreakGlass).await?;
    let reference = form.required("referentie", "de referentie", 100)?;
    match web.app.client_by_reference(&user.org, &reference).await? {
        Some(c) => Ok(Redirect::to(&format!("/clienten/{}", c.id)).into_response()),
        None => {
            let clients = own_clients(&web, &user).await?;
            let l = user.lang;
            Ok((
                axum::http::StatusCode::NOT_FOUND,
                ClientsPage {
                    title: l.t("Mijn cliënten", "My clients").into(),
                    c: Chrome::new(&user, "/clienten"),
                    clients,
                    error: Some(
                        l.t(
                            "Er is geen cliënt met deze referentie in uw organisatie.",
                            "There is no client with this reference in your organisation.",
                        )
                        .into(),
                    ),
                },
            )
                .into_response())
        }
    }
}
