//! Recording the decision after a deliberation: shared or not, what, with whom, whether the
//! client was informed (or why not), and the professional's reasons. Returns a receipt.

use grondslag_i18n::Msg;
use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use grondslag_app::Receipt;
use grondslag_dossier::{Decision, EntryPayload};

use super::FormData;
use crate::error::WebError;
use crate::policy::Action;
use crate::view::Chrome;
use crate::{Backend, User, Web};

#[derive(Template, WebTemplate)]
#[template(path = "decision.html")]
pub struct DecisionPage {
    pub c: Chrome,
    pub title: String,
    pub client: String,
    pub name: String,
    pub seq: u64,
    pub outcome: String,
    pub recipient: String,
    pub just_recorded: bool,
    pub receipt: Option<Receipt>,
    pub error: Option<String>,
    pub form: FormData,
    /// The decision already recorded after this deliberation (then no form is offered).
    pub decided: Option<(u64, Decision)>,
    /// When the consent the answer relied on was withdrawn since: the warning.
    pub lapsed: Option<String>,
    /// The client has an open meldcode trajectory: link back to it.
    pub meldcode_open: bool,
}

impl DecisionPage {
    pub fn val(&self, name: &str) -> String {
        self.form.get(name).unwrap_or("").to_owned()
    }
    pub fn is(&self, name: &str, v: &str) -> bool {
        self.form.get(name) == Some(v)
    }
}

async fn page<S: Backend>(
    web: &Web<S>,
    user: &User,
    id: &str,
    seq: u64,
    just: bool,
    form: FormData,
    error: Option<String>,
) -> Result<DecisionPage, WebError> {
    let opened = web.open_client(user, Action::DossierRead, id).await?;
    let entries = opened.entries().await?;
    let Some((_, _, _, payload)) = entries.iter().find(|(s, k, _, _)| *s == seq && k == "deliberation") else {
        return Err(WebError::NotFound(Msg::new("decision-beraad-bestaat-niet-in")));
    };
    let (outcome, recipient) = match payload {
        Some(EntryPayload::Deliberation { report }) => {
            let outcome = report.get("outcome_label").and_then(|v| v.as_str()).unwrap_or("").to_owned();
            let recipient = report
                .get("facts")
                .and_then(|f| f.as_array())
                .and_then(|fs| fs.iter().find(|f| f.get("fact").and_then(|x| x.as_str()) == Some("recipient_role")))
                .and_then(|f| f.get("value_label").and_then(|v| v.as_str()))
                .unwrap_or("")
                .to_owned();
            (outcome, recipient)
        }
        _ => (String::new(), String::new()),
    };
    let receipt = if just { Some(opened.receipt(seq).await?) } else { None };
    let name = opened.identity().await?.name;
    let decided = opened.decision_after(seq).await?;
    let lapsed = opened.lapsed_consent(seq).await?.map(|(consent, on)| {
        let on = crate::view::dutch_date(on);
        user.lang.tr_with("decision-consent-lapsed", &[("consent", consent.to_string().into()), ("on", on.into())])
    });
    let meldcode_open = crate::pages::meldcode::has_open_trajectory(&opened).await?;
    Ok(DecisionPage {
        meldcode_open,
        title: user.lang.tr("decision-record-the-decision").into(),
        c: Chrome::new(user, &format!("/clienten/{}/beraad/{seq}/besluit", opened.id())),
        client: opened.id().to_string(),
        name,
        seq,
        outcome,
        recipient,
        just_recorded: just,
        receipt,
        error,
        form,
        decided,
        lapsed,
    })
}

pub async fn form<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path((id, seq)): Path<(String, u64)>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<DecisionPage, WebError> {
    page(&web, &user, &id, seq, q.contains_key("vastgelegd"), FormData::default(), None).await
}

fn decision_of(seq: u64, f: &FormData) -> Result<Decision, WebError> {
    let shared = f.yes_no("gedeeld", "field-gedeeld")?;
    let what = f.optional("wat", "field-wat-er-is-gedeeld-2", 4000)?;
    let recipient = f.optional("ontvanger", "field-ontvanger", 300)?;
    if shared && (what.is_empty() || recipient.is_empty()) {
        return Err(WebError::Invalid(Msg::new("decision-schrijf-op-wat-heeft")));
    }
    let informed = f.yes_no("geinformeerd", "field-client-geinformeerd")?;
    let (client_informed, client_not_informed_reason) = if informed {
        let how = f.required("hoe", "field-wanneer-en-hoe-client-2", 1000)?;
        (Some(how), None)
    } else {
        (None, Some(f.required("waarom_niet", "field-waarom-client-niet-is-2", 2000)?))
    };
    let shared_at = f.optional("wanneer", "field-datum-2", 10)?;
    Ok(Decision {
        deliberation_seq: seq,
        shared,
        what,
        recipient,
        shared_at: if shared && !shared_at.is_empty() { Some(shared_at) } else { None },
        client_informed,
        client_not_informed_reason,
        reasons: f.required("redenen", "field-redenen-2", 4000)?,
    })
}

pub async fn record<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path((id, seq)): Path<(String, u64)>,
    form: FormData,
) -> Result<Response, WebError> {
    let opened = web.open_client(&user, Action::DossierWrite, &id).await?;
    let result = match decision_of(seq, &form) {
        Ok(d) => opened.decide(&user.id, d).await.map_err(WebError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(receipt) => Ok(Redirect::to(&format!("/clienten/{}/dossier/{}?vastgelegd=1", opened.id(), receipt.seq)).into_response()),
        Err(WebError::Invalid(msg)) => {
            let p = page(&web, &user, opened.id().as_str(), seq, false, form, Some(msg.render(user.lang.rules()))).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, p).into_response())
        }
        Err(e) => Err(e),
    }
}
