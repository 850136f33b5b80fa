//! The meldcode huiselijk geweld en kindermishandeling: a client's trajectory (read it, record
//! one event) and the aandachtsfunctionaris' overview of the organisation's open trajectories.
//!
//! The handlers stay thin: the policy decides through the audited path (reading is
//! [`Action::MeldcodeRead`]; recording is [`Action::MeldcodeWrite`], or
//! [`Action::MeldcodeAdvise`] when an aandachtsfunctionaris records their own advice), the
//! application folds the stored events with the new one and appends only what that fold
//! accepts, and the refusal comes back as `422 ongeldige_invoer` in Dutch and English.

pub mod schema;

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use grondslag_dossier::meldcode::{Event, OVERDUE_AFTER_DAYS};
use grondslag_i18n::Msg;

use self::schema::{MeldcodeGebeurtenis, MeldcodeOverzichtFilter, MeldcodeSamenvatting, Meldcodetraject};
use super::created;
use super::extract::{ApiJson, ApiPath, ApiQuery, ApiUser};
use super::schema::{FoutAntwoord, Ontvangstbewijs};
use crate::error::{ApiError, WebError};
use crate::{Backend, Web};

/// The most days the overview accepts for "overdue".
pub const MAX_OVERDUE_DAYS: u32 = 365;

/// Reads one meldcode event from JSON exactly as the API reads its body (the same fields,
/// unknown fields and repeated keys refused), for `grondslag meldcode vastleggen`. The error is
/// serde's message with the path of the field (`signal.observation: …`), or the Dutch message
/// about a repeated key.
pub fn event_from_json(text: &str) -> Result<Event, String> {
    grondslag_ledger::no_duplicate_keys(text.as_bytes())?;
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed: MeldcodeGebeurtenis = serde_path_to_error::deserialize(&mut de).map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    Ok(parsed.into())
}

/// A client's meldcode trajectory: every recorded event with who recorded it and when, the
/// trajectory folded from them, the next step, where each step stands, the afwegingskader's
/// reading of the answers and what the professional should know, with sources.
#[utoipa::path(
    get,
    path = "/api/v1/clienten/{id}/meldcode",
    tag = "meldcode",
    params(("id" = String, Path, description = "Het id van de cliënt.")),
    responses(
        (status = 200, description = "Het meldcodetraject.", body = Meldcodetraject),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang (rol: de privacyfunctionaris en de beheerder lezen geen traject) of geen_zorgrelatie (de aandachtsfunctionaris leest elk traject van de organisatie).", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden: de cliënt bestaat niet, hoort bij een andere organisatie, of heeft geen meldcodetraject.", body = FoutAntwoord),
    )
)]
pub async fn trajectory<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Meldcodetraject>, ApiError> {
    let opened = web.open_client(&user, crate::policy::Action::MeldcodeRead, &id).await?;
    let view = opened.meldcode().await?.ok_or_else(|| WebError::NotFound(Msg::new("api-meldcode-no-trajectory")))?;
    Ok(Json(Meldcodetraject::of(opened.id(), &view, web.rules(), crate::view::today())))
}

/// Record one event of the client's meldcode trajectory, in the form it is stored in
/// (docs/ledger.md §11, without `kind`).
///
/// The event is checked against the trajectory as recorded so far: a first event that does not
/// open it, anything but a reopening of a closed trajectory, blank reasons, a date before the
/// opening, a report without a decision to report, is refused and nothing is recorded. A
/// decision that departs from the reporting norm is recorded (reporting is a right) and flagged.
/// An aandachtsfunctionaris records their own advice (`consulted` with `with:
/// aandachtsfunctionaris`) without a care relation; anything else needs one.
#[utoipa::path(
    post,
    path = "/api/v1/clienten/{id}/meldcode",
    tag = "meldcode",
    params(("id" = String, Path, description = "Het id van de cliënt.")),
    request_body = MeldcodeGebeurtenis,
    responses(
        (status = 201, description = "Vastgelegd.", body = Ontvangstbewijs),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang (rol) of geen_zorgrelatie (zonder zorgrelatie legt alleen de aandachtsfunctionaris vast, en alleen het eigen advies).", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden: de cliënt bestaat niet of hoort bij een andere organisatie.", body = FoutAntwoord),
        (status = 409, description = "conflict: op hetzelfde moment werd in dit traject iets anders vastgelegd; lees het traject opnieuw en probeer het dan nog eens. Er is niets vastgelegd.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: JSON die niet klopt, of een gebeurtenis die het traject weigert (de melding zegt waarom); er is dan niets vastgelegd.", body = FoutAntwoord),
    )
)]
pub async fn record<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<MeldcodeGebeurtenis>,
) -> Result<Response, ApiError> {
    let event = Event::from(body);
    let opened = web.open_client(&user, crate::audit::meldcode_action(user.role, &event), &id).await?;
    let receipt = opened.record_meldcode(&user.id, event).await?;
    Ok(created(Ontvangstbewijs::from(receipt)))
}

/// The organisation's open meldcode trajectories, for the aandachtsfunctionaris: per client
/// where it stands, how long each step has been open, whether it is overdue and whether their
/// advice is asked — never what was recorded. Acute danger first, then overdue, then the
/// longest idle.
#[utoipa::path(
    get,
    path = "/api/v1/meldcode",
    tag = "meldcode",
    params(MeldcodeOverzichtFilter),
    responses(
        (status = 200, description = "De open trajecten.", body = Vec<MeldcodeSamenvatting>),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang: alleen de aandachtsfunctionaris.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: `dagen` buiten 1–365.", body = FoutAntwoord),
    )
)]
pub async fn overview<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiQuery(filter): ApiQuery<MeldcodeOverzichtFilter>,
) -> Result<Json<Vec<MeldcodeSamenvatting>>, ApiError> {
    let guarded = web.guard(&user, crate::policy::Action::MeldcodeOverview).await?;
    let days = filter.dagen.unwrap_or(OVERDUE_AFTER_DAYS);
    if !(1..=MAX_OVERDUE_DAYS).contains(&days) {
        return Err(WebError::Invalid(Msg::new("api-meldcode-days-out-of-range").arg("max", MAX_OVERDUE_DAYS)).into());
    }
    let open = web.meldcode_overview(&guarded, crate::view::today(), days).await?;
    Ok(Json(open.iter().map(MeldcodeSamenvatting::from).collect()))
}
