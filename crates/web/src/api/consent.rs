//! The consent registry of a client: reading it, registering a consent, withdrawing one.

use grondslag_i18n::Msg;
use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use grondslag_dossier::ConsentRecord;

use super::extract::{ApiJson, ApiPath, ApiUser};
use super::schema::{FoutAntwoord, GeregistreerdeToestemming, Intrekking, Ontvangstbewijs, Toestemming};
use super::{created, date, optional_text, text};
use crate::error::{ApiError, WebError};
use crate::policy::Action;
use crate::{Backend, Web};

/// The client's consent registry, oldest first, with withdrawals.
#[utoipa::path(
    get,
    path = "/api/v1/clienten/{id}/toestemmingen",
    tag = "toestemming",
    params(("id" = String, Path, description = "Het id van de cliënt.")),
    responses(
        (status = 200, description = "Het register.", body = Vec<GeregistreerdeToestemming>),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang (rol) of geen_zorgrelatie.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden.", body = FoutAntwoord),
    )
)]
pub async fn registry<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Vec<GeregistreerdeToestemming>>, ApiError> {
    let opened = web.open_client(&user, Action::DossierRead, &id).await?;
    let registry = opened.consent_registry().await?;
    Ok(Json(registry.iter().map(GeregistreerdeToestemming::from).collect()))
}

fn ids(values: &[String], what: &'static str) -> Result<Vec<String>, WebError> {
    let out: Vec<String> = values.iter().map(|v| v.trim().to_owned()).collect();
    if out.is_empty() || out.iter().any(String::is_empty) {
        return Err(WebError::Invalid(Msg::new("consent-noem-minstens-zonder-lege").arg_msg("what", what)));
    }
    Ok(out)
}

fn record_of(t: Toestemming) -> Result<ConsentRecord, WebError> {
    let valid_from = date(&t.valid_from, "field-begindatum-valid-from")?;
    let valid_to = match t.valid_to.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(d) => Some(date(d, "field-einddatum-valid-to")?),
        None => None,
    };
    Ok(ConsentRecord {
        given_by: text(&t.given_by, "field-toestemming-gaf-given-by", 200, true)?,
        capacity: t.capacity.into(),
        recipient_roles: ids(&t.recipient_roles, "field-ontvanger-recipient-roles")?,
        data_categories: ids(&t.data_categories, "field-soort-gegevens-data-categories")?,
        purposes: ids(&t.purposes, "field-doel-purposes")?,
        valid_from,
        valid_to,
        form: t.form.into(),
        freely_given: t.freely_given,
        informed_of_consequences: t.informed_of_consequences,
        note: text(&t.note, "field-toelichting-note", 2000, false)?,
    })
}

/// Register a consent. Role, data and purpose ids are those of the rule set's facts
/// (`recipient_role`, `data_categories`, `purpose`).
#[utoipa::path(
    post,
    path = "/api/v1/clienten/{id}/toestemmingen",
    tag = "toestemming",
    params(("id" = String, Path, description = "Het id van de cliënt.")),
    request_body = Toestemming,
    responses(
        (status = 201, description = "Geregistreerd; `seq` van het ontvangstbewijs is het nummer van de toestemming.", body = Ontvangstbewijs),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang (rol) of geen_zorgrelatie.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: onder meer een onbekende rol, soort gegevens of doel.", body = FoutAntwoord),
    )
)]
pub async fn register<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<Toestemming>,
) -> Result<Response, ApiError> {
    let opened = web.open_client(&user, Action::DossierWrite, &id).await?;
    let record = record_of(body)?;
    let receipt = opened.register_consent(&user.id, record).await?;
    Ok(created(Ontvangstbewijs::from(receipt)))
}

/// Withdraw a registered consent, from a date (default today). A deliberation on or after that
/// date no longer relies on it.
#[utoipa::path(
    post,
    path = "/api/v1/clienten/{id}/toestemmingen/{seq}/intrekking",
    tag = "toestemming",
    params(("id" = String, Path, description = "Het id van de cliënt."), ("seq" = u64, Path, description = "Het volgnummer van de toestemming in het dossier.")),
    request_body = Intrekking,
    responses(
        (status = 201, description = "Ingetrokken.", body = Ontvangstbewijs),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang (rol) of geen_zorgrelatie.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden: de cliënt, of geen toestemming met dit volgnummer.", body = FoutAntwoord),
        (status = 409, description = "conflict: de toestemming is al ingetrokken.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer.", body = FoutAntwoord),
    )
)]
pub async fn withdraw<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath((id, seq)): ApiPath<(String, u64)>,
    ApiJson(body): ApiJson<Intrekking>,
) -> Result<Response, ApiError> {
    let opened = web.open_client(&user, Action::DossierWrite, &id).await?;
    let by = text(&body.door, "field-toestemming-introk-door", 200, true)?;
    let on = match body.per.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(d) => date(d, "field-datum-intrekking-per")?,
        None => crate::view::today(),
    };
    let note = optional_text(body.notitie.as_deref(), "field-toelichting-notitie", 2000)?.unwrap_or_default();
    let registry = opened.consent_registry().await?;
    match registry.iter().find(|c| c.seq == seq) {
        None => return Err(WebError::NotFound(Msg::new("consent-geen-toestemming-met-volgnummer").arg("seq", seq)).into()),
        Some(c) if c.withdrawn_on.is_some() => {
            return Err(WebError::Conflict(Msg::new("consent-toestemming-dossierregel-al-ingetrokken").arg("seq", seq)).into());
        }
        Some(_) => {}
    }
    let receipt = opened.withdraw_consent(&user.id, seq, on, &by, &note).await?;
    Ok(created(Ontvangstbewijs::from(receipt)))
}
