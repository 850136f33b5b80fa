//! The consent registry: registering a consent (who, to whom, which data, for which purpose,
//! for how long) and withdrawing it. The deliberation takes the `consent` fact from here.

use grondslag_i18n::Msg;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use grondslag_dossier::{Capacity, ConsentForm, ConsentRecord};
use time::Date;

use super::FormData;
use crate::error::WebError;
use crate::pages::deliberation::{Opt, OptGroup};
use crate::policy::Action;
use crate::view::Chrome;
use crate::{Backend, User, Web};

#[derive(Template, WebTemplate)]
#[template(path = "consent.html")]
pub struct ConsentPage {
    pub c: Chrome,
    pub title: String,
    pub client: String,
    pub name: String,
    /// The "gegeven door" field: the client's name, empty for a child under 12, or as sent.
    pub given_by: String,
    /// The client is under 12: the parents with gezag consent.
    pub child: bool,
    /// The client is 12 to 15: who consents depends on the law and on competence.
    pub youth: bool,
    pub roles: Vec<OptGroup>,
    pub data: Vec<Opt>,
    pub purposes: Vec<Opt>,
    pub capacities: Vec<Opt>,
    pub today: String,
    pub error: Option<String>,
    /// What was sent, so a refused form comes back as it was filled in.
    pub form: FormData,
}

/// (value, catalogue id of its label).
const CAPACITIES: [(&str, &str); 8] = [
    ("client", "consent-capacity-client"),
    ("parent_with_authority", "consent-capacity-parent"),
    ("guardian", "consent-capacity-guardian"),
    ("curator", "consent-capacity-curator"),
    ("mentor", "consent-capacity-mentor"),
    ("written_proxy", "consent-capacity-written-proxy"),
    ("partner", "consent-capacity-partner"),
    ("family", "consent-capacity-family"),
];

fn date(text: &str, what: &'static str) -> Result<Date, WebError> {
    Date::parse(text.trim(), time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| WebError::Invalid(Msg::new("consent-geen-geldige-datum-jjjj").arg_msg("what", what)))
}

/// The age in whole years today of a client born on `birth` (YYYY-MM-DD), if known.
fn age_on(birth: Option<&str>, today: time::Date) -> Option<i32> {
    let born = birth.and_then(|b| time::Date::parse(b, time::macros::format_description!("[year]-[month]-[day]")).ok())?;
    let mut age = today.year() - born.year();
    if (today.month() as u8, today.day()) < (born.month() as u8, born.day()) {
        age -= 1;
    }
    Some(age)
}

/// Whether a client born on `birth` (YYYY-MM-DD) is under 12 today: then the parents with gezag
/// (or the guardian) consent, not the child (art. 7:465 BW, art. 7.3.4 Jeugdwet).
fn under_12(birth: Option<&str>, today: time::Date) -> bool {
    age_on(birth, today).is_some_and(|a| a < 12)
}

/// Whether a client is 12 to 15 today: who consents then depends on the law and competence.
fn twelve_to_fifteen(birth: Option<&str>, today: time::Date) -> bool {
    age_on(birth, today).is_some_and(|a| (12..16).contains(&a))
}

fn page<S: Backend>(
    web: &Web<S>,
    user: &User,
    client: &str,
    who: grondslag_app::Identity,
    form: Option<&FormData>,
    error: Option<String>,
) -> ConsentPage {
    let child = under_12(who.birth_date.as_deref(), crate::view::today());
    let youth = twelve_to_fifteen(who.birth_date.as_deref(), crate::view::today());
    let name = who.name;
    let rules = web.rules();
    let lang = user.lang;
    let chosen = |field: &str| form.map(|f| f.all(field)).unwrap_or_default();
    let (roles_chosen, data_chosen, purposes_chosen) = (chosen("ontvanger"), chosen("gegevens"), chosen("doel"));
    let mut roles: Vec<OptGroup> = Vec::new();
    for r in &rules.roles {
        let label = crate::pages::deliberation::group_label(&r.group, lang).to_owned();
        let opt = Opt { value: r.id.clone(), label: r.label.get(lang.rules()).to_string(), checked: roles_chosen.contains(&r.id) };
        match roles.iter_mut().find(|g| g.label == label) {
            Some(g) => g.options.push(opt),
            None => roles.push(OptGroup { label, options: vec![opt] }),
        }
    }
    let opts = |fact: &str, chosen: &[String]| {
        rules
            .fact(fact)
            .map(|f| grondslag_engine::options(rules, f, lang.rules()))
            .unwrap_or_default()
            .into_iter()
            .map(|o| Opt { checked: chosen.contains(&o.value), value: o.value, label: o.label })
            .collect::<Vec<_>>()
    };
    // For a child under 12 the form starts from a parent with gezag, with no name filled in.
    let cap = form.and_then(|f| f.get("hoedanigheid")).unwrap_or(if child { "parent_with_authority" } else { "client" });
    let given_by = match form {
        Some(f) => f.get("gegeven_door").unwrap_or("").to_owned(),
        None if child => String::new(),
        None => name.clone(),
    };
    ConsentPage {
        title: lang.tr("common-register-consent").into(),
        c: Chrome::new(user, &format!("/clienten/{client}/toestemming")),
        client: client.to_owned(),
        name,
        given_by,
        child,
        youth,
        roles,
        data: opts("data_categories", &data_chosen),
        purposes: opts("purpose", &purposes_chosen),
        capacities: CAPACITIES.iter().map(|(v, id)| Opt { value: (*v).into(), label: lang.tr(id).into(), checked: *v == cap }).collect(),
        today: crate::view::today().to_string(),
        error,
        form: form.cloned().unwrap_or_default(),
    }
}

impl ConsentPage {
    pub fn val(&self, name: &str) -> String {
        self.form.get(name).unwrap_or("").to_owned()
    }
    pub fn is(&self, name: &str, v: &str) -> bool {
        self.form.get(name) == Some(v)
    }
}

pub async fn form<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<ConsentPage, WebError> {
    let opened = web.open_client(&user, Action::DossierRead, &id).await?;
    let who = opened.identity().await?;
    Ok(page(&web, &user, opened.id().as_str(), who, None, None))
}

fn record_of(f: &FormData) -> Result<ConsentRecord, WebError> {
    let capacity: Capacity = serde_json::from_value(serde_json::Value::String(f.get("hoedanigheid").unwrap_or("").into()))
        .map_err(|_| WebError::Invalid(Msg::new("consent-kies-in-welke-hoedanigheid")))?;
    let form: ConsentForm = serde_json::from_value(serde_json::Value::String(f.get("vorm").unwrap_or("").into()))
        .map_err(|_| WebError::Invalid(Msg::new("consent-kies-hoe-toestemming-gegeven")))?;
    let valid_to = match f.get("tot").map(str::trim).filter(|s| !s.is_empty()) {
        Some(t) => Some(date(t, "field-einddatum")?),
        None => None,
    };
    Ok(ConsentRecord {
        given_by: f.required("gegeven_door", "field-toestemming-gaf", 200)?,
        capacity,
        recipient_roles: f.all("ontvanger"),
        data_categories: f.all("gegevens"),
        purposes: f.all("doel"),
        valid_from: date(f.get("vanaf").unwrap_or(""), "field-begindatum")?,
        valid_to,
        form,
        freely_given: f.yes_no("vrij", "field-vrij-gegeven")?,
        informed_of_consequences: f.yes_no("geinformeerd", "field-geinformeerd-over-gevolgen")?,
        note: f.optional("notitie", "field-toelichting", 2000)?,
    })
}

pub async fn register<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    form: FormData,
) -> Result<Response, WebError> {
    let opened = web.open_client(&user, Action::DossierWrite, &id).await?;
    let result = match record_of(&form) {
        Ok(record) => opened.register_consent(&user.id, record).await.map_err(WebError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/clienten/{}#toestemmingen", opened.id())).into_response()),
        Err(WebError::Invalid(msg)) => {
            let who = opened.identity().await?;
            let p = page(&web, &user, opened.id().as_str(), who, Some(&form), Some(msg.render(user.lang.rules())));
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, p).into_response())
        }
        Err(e) => Err(e),
    }
}

pub async fn withdraw<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path((id, seq)): Path<(String, u64)>,
    form: FormData,
) -> Result<Response, WebError> {
    let opened = web.open_client(&user, Action::DossierWrite, &id).await?;
    let by = form.required("door", "field-toestemming-introk", 200)?;
    let on = match form.get("per").map(str::trim).filter(|s| !s.is_empty()) {
        Some(d) => date(d, "field-datum-intrekking")?,
        None => crate::view::today(),
    };
    let note = form.optional("notitie", "field-toelichting", 2000)?;
    opened.withdraw_consent(&user.id, seq, on, &by, &note).await?;
    Ok(Redirect::to(&format!("/clienten/{}#toestemmingen", opened.id())).into_response())
}

#[cfg(test)]
mod tests {
    use super::under_12;
    use time::macros::date;

    #[test]
    fn a_child_is_under_12_until_the_twelfth_birthday() {
        let today = date!(2026 - 12 - 05);
        assert!(under_12(Some("2015-03-02"), today));
        assert!(under_12(Some("2014-12-06"), today), "the twelfth birthday is tomorrow");
        assert!(!under_12(Some("2014-12-05"), today), "twelve today");
        assert!(!under_12(Some("1984-07-19"), today));
        assert!(under_12(Some("2016-02-29"), date!(2028 - 02 - 28)), "born on 29 February: still eleven on 28 February");
        assert!(!under_12(None, today) && !under_12(Some("onbekend"), today), "unknown: the form starts as for the client");
        assert!(super::twelve_to_fifteen(Some("2014-12-05"), today) && !super::twelve_to_fifteen(Some("2010-12-05"), today));
    }
}
