//! "May I share this?": an anonymous evaluation (nothing stored) and a deliberation recorded in a
//! client's dossier, both from facts in the scenario format.

use grondslag_i18n::Msg;
use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use grondslag_app::AppError;
use grondslag_engine::{Report, evaluate as run, report};
use time::Date;

use super::extract::{ApiJson, ApiPath, ApiQuery, ApiUser};
use super::schema::{
    Beoordeling, Beraad, Casusoverleg, CasusoverlegAntwoord, DeelnemerAntwoord, FeitenOpties, FoutAntwoord, Taal, Verslag,
};
use super::{created, date, facts_error, sentence};
use crate::error::{ApiError, WebError, internal};
use crate::policy::Action;
use crate::{Backend, User, Web};

/// The name the facts go by in error messages (`invoer, sleutel 'facts.client_age': …`).
const INPUT: &str = "invoer";

/// A request body as a facts file of the scenario format, with its date and language.
pub struct FactsText {
    /// The document `{facts, judgments, reasons}`, read by the facts-file parser (same keys,
    /// checks and Dutch errors as a file) straight from JSON.
    pub tree: serde_json::Value,
    pub date: Date,
    pub lang: grondslag_rules::Lang,
}

impl FactsText {
    /// The facts and judgments; `open`: leave out the scenario format's defaults.
    pub fn parse(
        &self,
        rules: &grondslag_rules::RuleSet,
        open: bool,
    ) -> Result<(grondslag_engine::Facts, grondslag_engine::Judgments), WebError> {
        let (facts, judgments) = grondslag_scenario::parse_facts_tree(rules, INPUT, &self.tree).map_err(|e| facts_error(&e))?;
        Ok((if open { facts } else { facts.with_defaults(rules) }, judgments))
    }

    pub fn of(body: &Beoordeling, user: &User) -> Result<Self, WebError> {
        let mut file = serde_json::Map::new();
        file.insert("facts".into(), serde_json::Value::Object(body.facts.clone()));
        if let Some(j) = &body.judgments {
            file.insert("judgments".into(), serde_json::Value::Object(j.clone()));
        }
        if let Some(r) = &body.reasons {
            file.insert("reasons".into(), serde_json::Value::Object(r.clone()));
        }
        let date = match &body.datum {
            Some(d) => date(d, "field-datum")?,
            None => crate::view::today(),
        };
        let lang = match body.taal {
            Some(Taal::Nl) => grondslag_rules::Lang::Nl,
            Some(Taal::En) => grondslag_rules::Lang::En,
            None => user.lang.rules(),
        };
        Ok(FactsText { tree: serde_json::Value::Object(file), date, lang })
    }
}

/// Evaluate a case anonymously: nothing is stored.
///
/// The facts, judgments and reasons are those of the scenario format. Unless `open=true`, the
/// format's defaults are filled in (e.g. `client_objects: false`); an outcome `undetermined`
/// comes with the next questions.
#[utoipa::path(
    post,
    path = "/api/v1/evaluaties",
    tag = "beoordelen",
    params(FeitenOpties),
    request_body = Beoordeling,
    responses(
        (status = 200, description = "Het antwoord, met bronnen.", body = Verslag),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang: alleen professionals en aandachtsfunctionarissen beoordelen.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: een onbekend feit of een ongeldige waarde (de melding noemt de sleutel), een datum buiten de geldigheid van de regelset, of JSON die niet klopt.", body = FoutAntwoord),
    )
)]
pub async fn evaluate<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiQuery(opts): ApiQuery<FeitenOpties>,
    ApiJson(body): ApiJson<Beoordeling>,
) -> Result<Json<Report>, ApiError> {
    web.guard(&user, Action::Evaluate).await?;
    let input = FactsText::of(&body, &user)?;
    let rules = web.rules();
    let (facts, judgments) = input.parse(rules, opts.open.unwrap_or(false))?;
    let evaluation = run(rules, input.date, &facts, &judgments).map_err(|e| WebError::Invalid(Msg::verbatim(sentence(&e.to_string()))))?;
    Ok(Json(report(rules, &evaluation, &facts, &judgments, input.lang)))
}

/// Record a deliberation in the client's dossier.
///
/// As an evaluation, but the `consent` fact is derived from the client's consent registry
/// (whatever the facts say); the derivation and the report are stored sealed, and the answer
/// comes with a receipt.
#[utoipa::path(
    post,
    path = "/api/v1/clienten/{id}/beraden",
    tag = "beoordelen",
    params(("id" = String, Path, description = "Het id van de cliënt."), FeitenOpties),
    request_body = Beoordeling,
    responses(
        (status = 201, description = "Vastgelegd.", body = Beraad),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang (rol) of geen_zorgrelatie.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden: de cliënt bestaat niet of hoort bij een andere organisatie.", body = FoutAntwoord),
        (status = 409, description = "conflict: het antwoord staat nog niet vast (`open=true` met ontbrekende feiten); een onaf beraad wordt niet vastgelegd.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer.", body = FoutAntwoord),
    )
)]
pub async fn deliberate<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
    ApiQuery(opts): ApiQuery<FeitenOpties>,
    ApiJson(body): ApiJson<Beoordeling>,
) -> Result<Response, ApiError> {
    let opened = web.open_client(&user, Action::DossierWrite, &id).await?;
    let input = FactsText::of(&body, &user)?;
    let (facts, judgments) = input.parse(web.rules(), opts.open.unwrap_or(false))?;
    let done = match opened.deliberate_facts(&user.id, facts, &judgments, input.date, input.lang).await {
        Ok(d) => d,
        Err(AppError::Engine(e)) => return Err(WebError::Invalid(Msg::verbatim(sentence(&e.to_string()))).into()),
        Err(e) => return Err(e.into()),
    };
    let report = serde_json::to_value(&done.report).map_err(|_| internal("report_json"))?;
    Ok(created(Beraad { report, toestemming: done.consent.into(), ontvangstbewijs: done.receipt.into() }))
}

use grondslag_app::case_conference::{PARTICIPANTS_MAX, covenant_notice, identifying_details};

/// Prepare a casusoverleg: an answer per participant, nothing stored.
///
/// The circumstances hold for everyone at the table; each participant is a recipient with an
/// answer of its own (taking part in the same meeting makes no one "not a third party"). The
/// format's defaults fill in what is left out. Also returns what to leave out to discuss the
/// case without names, and that a convenant is never a ground.
#[utoipa::path(
    post,
    path = "/api/v1/casusoverleg",
    tag = "beoordelen",
    request_body = Casusoverleg,
    responses(
        (status = 200, description = "Per deelnemer het antwoord.", body = CasusoverlegAntwoord),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang: alleen professionals en aandachtsfunctionarissen beoordelen.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: geen of meer dan 20 deelnemers, een onbekende rol of een ongeldig feit (de melding noemt de sleutel), de ontvanger in `facts` in plaats van in `deelnemers`, of JSON die niet klopt.", body = FoutAntwoord),
    )
)]
pub async fn case_conference<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<Casusoverleg>,
) -> Result<Json<CasusoverlegAntwoord>, ApiError> {
    web.guard(&user, Action::Evaluate).await?;
    if body.deelnemers.is_empty() || body.deelnemers.len() > PARTICIPANTS_MAX {
        return Err(WebError::Invalid(Msg::new("conference-participants-count").arg("max", PARTICIPANTS_MAX)).into());
    }
    if ["recipient_role", "recipient_in_treatment_relation"].iter().any(|k| body.facts.contains_key(*k)) {
        return Err(WebError::Invalid(Msg::new("conference-recipient-in-facts")).into());
    }
    let rules = web.rules();
    let mut answers = Vec::with_capacity(body.deelnemers.len());
    let mut lang = user.lang.rules();
    for d in &body.deelnemers {
        let mut facts = body.facts.clone();
        facts.insert("recipient_role".into(), serde_json::Value::String(d.rol.clone()));
        facts.insert("recipient_in_treatment_relation".into(), serde_json::Value::Bool(d.betrokken));
        facts.entry("request_from").or_insert_with(|| serde_json::Value::String("none".into()));
        let one = Beoordeling { facts, judgments: None, reasons: None, datum: body.datum.clone(), taal: body.taal };
        let input = FactsText::of(&one, &user)?;
        lang = input.lang;
        let (facts, judgments) = input.parse(rules, false)?;
        let evaluation =
            run(rules, input.date, &facts, &judgments).map_err(|e| WebError::Invalid(Msg::verbatim(sentence(&e.to_string()))))?;
        let verslag =
            serde_json::to_value(report(rules, &evaluation, &facts, &judgments, input.lang)).map_err(|_| internal("report_json"))?;
        answers.push(DeelnemerAntwoord { rol: d.rol.clone(), betrokken: d.betrokken, verslag });
    }
    Ok(Json(CasusoverlegAntwoord { deelnemers: answers, anoniem: identifying_details(lang), convenant: covenant_notice(rules, lang) }))
}
