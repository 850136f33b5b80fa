//! Administration: accounts (create, block), clients and care relations. The administrator
//! never reads a dossier; they see names to assign care relations. A password the administrator
//! sets (a new account, a reset) must be replaced by the account's own at its next sign-in, and a
//! care relation is only given to an account that has signed in with its own password: an
//! administrator cannot give themselves access to dossiers through an account they create.

use grondslag_i18n::Msg;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use grondslag_store::{AppRole, CareRelation, ClientId, PasswordOrigin, ProfessionalId};

use super::FormData;
use crate::access_labels::Event;
use crate::auth::check_password;
use crate::error::WebError;
use crate::pages::deliberation::Opt;
use crate::policy::Action;
use crate::view::{Chrome, role_label};
use crate::{Backend, User, Web};

pub struct ProRow {
    pub id: String,
    pub name: String,
    pub role: String,
    pub profession: String,
    pub login: String,
    pub disabled: bool,
    /// The account's second factor is on.
    pub second_factor: bool,
    /// The account has signed in with a password of its own (it can be given care relations).
    pub in_use: bool,
}

pub struct RelRow {
    pub professional: String,
    pub professional_name: String,
    pub client: String,
    pub client_name: String,
    pub since: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin.html")]
pub struct AdminPage {
    pub c: Chrome,
    pub title: String,
    pub professionals: Vec<ProRow>,
    pub clients: Vec<Opt>,
    pub relations: Vec<RelRow>,
    pub roles: Vec<Opt>,
    pub professions: Vec<Opt>,
    pub error: Option<String>,
    pub done: Option<String>,
    /// The organisation requires a second factor of every account.
    pub factor_for_all: bool,
    /// The administrator's own id (their own second factor is managed from their account).
    pub me: String,
}

async fn page<S: Backend>(web: &Web<S>, user: &User, error: Option<String>, done: Option<String>) -> Result<AdminPage, WebError> {
    let store = web.store();
    let lang = user.lang;
    let mut professionals = Vec::new();
    for p in store.professionals(&user.org).await? {
        let cred = store.credential_of(&p.id).await?;
        professionals.push(ProRow {
            role: role_label(p.app_role, lang).into(),
            profession: web
                .rules()
                .role(&p.profession)
                .map(|r| web.rules().roles[r.ix()].label.get(lang.rules()).to_string())
                .unwrap_or(p.profession.clone()),
            login: cred.as_ref().map(|c| c.login.clone()).unwrap_or_default(),
            in_use: cred.as_ref().is_some_and(|c| c.first_use.is_some()),
            disabled: cred.is_none_or(|c| c.disabled),
            second_factor: web.active_second_factor(&p.id).await?.is_some(),
            id: p.id.into_string(),
            name: p.name,
        });
    }
    let mut clients = Vec::new();
    for c in store.clients(&user.org).await? {
        let who = web.listed_identity(&user.org, &c).await?;
        let label = match who.birth_date {
            Some(b) => format!("{} ({b})", who.name),
            None => who.name,
        };
        clients.push(Opt { value: c.id.into_string(), label, checked: false });
    }
    clients.sort_by_key(|a| a.label.to_lowercase());
    let name_of =
        |id: &str, list: &[(String, String)]| list.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone()).unwrap_or_else(|| id.to_owned());
    let pro_names: Vec<(String, String)> = professionals.iter().map(|p| (p.id.clone(), p.name.clone())).collect();
    let client_names: Vec<(String, String)> = clients.iter().map(|c| (c.value.clone(), c.label.clone())).collect();
    let relations = store
        .care_relations(&user.org)
        .await?
        .into_iter()
        .map(|r| RelRow {
            professional_name: name_of(r.professional.as_str(), &pro_names),
            client_name: name_of(r.client.as_str(), &client_names),
            professional: r.professional.into_string(),
            client: r.client.into_string(),
            since: crate::view::when(&r.since),
        })
        .collect();
    let rules = web.rules();
    let professions = rules
        .roles
        .iter()
        .filter(|r| matches!(r.group.as_str(), "zorg" | "jeugd" | "sociaal" | "onderwijs"))
        .map(|r| Opt { value: r.id.clone(), label: r.label.get(lang.rules()).to_string(), checked: false })
        .collect();
    Ok(AdminPage {
        title: lang.tr("common-administration").into(),
        c: Chrome::new(user, "/beheer"),
        professionals,
        clients,
        relations,
        roles: AppRole::ALL
            .iter()
            .map(|r| Opt { value: r.as_str().into(), label: role_label(*r, lang).into(), checked: *r == AppRole::Professional })
            .collect(),
        professions,
        error,
        done,
        factor_for_all: store.second_factor_required(&user.org).await?,
        me: user.id.to_string(),
    })
}

pub async fn overview<S: Backend>(State(web): State<Arc<Web<S>>>, user: User) -> Result<AdminPage, WebError> {
    web.guard(&user, Action::ManageAccounts).await?;
    page(&web, &user, None, None).await
}

async fn redo<S: Backend>(web: &Web<S>, user: &User, r: Result<Msg, WebError>) -> Result<Response, WebError> {
    match r {
        Ok(msg) => Ok(page(web, user, None, Some(msg.render(user.lang.rules()))).await?.into_response()),
        Err(e @ (WebError::Invalid(_) | WebError::Conflict(_))) => {
            Ok((e.status(), page(web, user, Some(e.text(user.lang)), None).await?).into_response())
        }
        Err(e) => Err(e),
    }
}

pub async fn create_professional<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    let guarded = web.guard(&user, Action::ManageAccounts).await?;
    let r = async {
        let name = form.required("naam", "field-naam-2", 200)?;
        let login = form.required("inlognaam", "field-inlognaam", 100)?;
        if !login.chars().all(|c| c.is_alphanumeric() || "._-@".contains(c)) {
            return Err(WebError::Invalid(Msg::new("admin-inlognaam-bestaat-uit-letters")));
        }
        let pw = form.get("wachtwoord").unwrap_or("").to_owned();
        check_password(&pw)?;
        let role = AppRole::parse(form.get("rol").unwrap_or("")).map_err(|_| WebError::Invalid(Msg::new("admin-kies-rol")))?;
        let profession = form.required("beroep", "field-beroep", 100)?;
        if web.store().credential_by_login(&login).await?.is_some() {
            return Err(WebError::Conflict(Msg::new("admin-inlognaam-al-in-gebruik").arg("login", login)));
        }
        let hash = web.hash_password(&pw).await?;
        let p = web.create_professional(&guarded, &name, role, &profession).await?;
        // The administrator knows this password: the account replaces it at its first sign-in.
        web.store().set_credential(&p.id, &login, &hash, PasswordOrigin::Initial).await?;
        Ok(Msg::new("admin-account-created").arg("name", &name).arg("login", &login))
    }
    .await;
    redo(&web, &user, r).await
}

pub async fn block<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<Response, WebError> {
    let r = async {
        let p = web.open_professional(&user, Action::ManageAccounts, &id).await?;
        if p.id == user.id {
            return Err(WebError::Invalid(Msg::new("admin-kunt-eigen-account-niet")));
        }
        web.store().set_disabled(&p.id, true).await?;
        let ended = web.store().delete_sessions_of(&p.id).await?;
        Ok(Msg::new("admin-account-blocked").arg("name", &p.name).arg("ended", ended))
    }
    .await;
    redo(&web, &user, r).await
}

pub async fn reset_password<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    form: FormData,
) -> Result<Response, WebError> {
    let r = async {
        let p = web.open_professional(&user, Action::ManageAccounts, &id).await?;
        let Some(cred) = web.store().credential_of(&p.id).await? else {
            return Err(WebError::Invalid(Msg::new("admin-professional-heeft-geen-inlog")));
        };
        let pw = form.get("wachtwoord").unwrap_or("").to_owned();
        check_password(&pw)?;
        let hash = web.hash_password(&pw).await?;
        // The account replaces this password at its next sign-in.
        web.store().set_credential(&p.id, &cred.login, &hash, PasswordOrigin::Initial).await?;
        let ended = web.store().delete_sessions_of(&p.id).await?;
        web.log_event(&user, Event::PasswordResetByAdmin, None, "rol:administrator", true).await?;
        Ok(Msg::new("admin-password-reset").arg("name", &p.name).arg("ended", ended))
    }
    .await;
    redo(&web, &user, r).await
}

pub async fn add_relation<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    web.guard(&user, Action::ManageCareRelations).await?;
    let r = async {
        let professional = form.required("professional", "field-professional", 40)?;
        let client = form.required("client", "field-client", 40)?;
        let since = grondslag_ledger::ts_from_unix_millis(crate::now_ms().as_millis()).unwrap_or_default();
        let store = web.store();
        let not_ours = || WebError::Invalid(Msg::new("admin-professional-client-horen-niet"));
        let professional = ProfessionalId::parse(&professional).map_err(|_| not_ours())?;
        let client_id = ClientId::parse(&client).map_err(|_| not_ours())?;
        let p = store.professional(&professional).await.map_err(|_| not_ours())?;
        let c = store.client(&client_id).await.map_err(|_| not_ours())?;
        if p.org != user.org || c.org != user.org {
            return Err(not_ours());
        }
        // An account that has never signed in with its own password may be one the administrator
        // still holds the password of: it gets no access to dossiers (refused and logged).
        if store.credential_of(&p.id).await?.is_none_or(|c| c.first_use.is_none()) {
            web.log_event(&user, Event::CareRelationRecorded, Some(&client), "geweigerd:account_niet_in_gebruik", false).await?;
            return Err(WebError::Conflict(Msg::new("admin-account-nog-niet-in").arg("name", p.name)));
        }
        store
            .add_care_relation(&CareRelation { org: user.org.clone(), professional, client: client_id, since })
            .await
            .map_err(|_| not_ours())?;
        web.log_event(&user, Event::CareRelationRecorded, Some(&client), "rol:administrator", true).await?;
        Ok(Msg::new("admin-care-relation-recorded"))
    }
    .await;
    redo(&web, &user, r).await
}

pub async fn end_relation<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    let r = async {
        let professional = form.required("professional", "field-professional", 40)?;
        let client = form.required("client", "field-client", 40)?;
        let p = web.open_professional(&user, Action::ManageCareRelations, &professional).await?;
        // An id that is not one names no relation: nothing to end, as for an unknown client.
        if let Ok(client) = ClientId::parse(&client) {
            web.store().end_care_relation(&p.id, &client).await?;
        }
        web.log_event(&user, Event::CareRelationEnded, Some(&client), "rol:administrator", true).await?;
        Ok(Msg::new("admin-care-relation-ended"))
    }
    .await;
    redo(&web, &user, r).await
}

/// The organisation's setting "second factor required for everyone". Turning it on ends the
/// sessions of accounts without a second factor, so they set one up at their next login.
pub async fn second_factor_setting<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    web.guard(&user, Action::ManageAccounts).await?;
    let r = async {
        let required = form.get("verplicht") == Some("ja");
        let store = web.store();
        store.set_second_factor_required(&user.org, required).await?;
        let mut ended = 0;
        if required {
            for p in store.professionals(&user.org).await? {
                if web.active_second_factor(&p.id).await?.is_none() {
                    ended += store.delete_sessions_of(&p.id).await?;
                }
            }
        }
        let action = if required { Event::SecondFactorRequired } else { Event::SecondFactorNotRequired };
        web.log_event(&user, action, None, "rol:administrator", true).await?;
        Ok(if required {
            Msg::new("admin-second-factor-required-all").arg("ended", ended)
        } else {
            Msg::new("admin-second-factor-required-some")
        })
    }
    .await;
    redo(&web, &user, r).await
}

/// Removes an account's second factor (a lost phone and lost recovery codes), ending its
/// sessions; the account sets up a new one at its next login where one is required.
pub async fn reset_second_factor<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let r = async {
        let p = web.open_professional(&user, Action::ManageAccounts, &id).await?;
        if p.id == user.id {
            return Err(WebError::Invalid(Msg::new("admin-eigen-tweede-factor-beheert")));
        }
        web.store().remove_second_factor(&p.id).await?;
        let ended = web.store().delete_sessions_of(&p.id).await?;
        web.log_event(&user, Event::SecondFactorRemovedByAdmin, None, "rol:administrator", true).await?;
        Ok(Msg::new("admin-second-factor-removed").arg("name", &p.name).arg("ended", ended))
    }
    .await;
    redo(&web, &user, r).await
}
