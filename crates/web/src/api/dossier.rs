//! A professional's clients, a client's dossier, decisions, receipts and the verification bundle.

use grondslag_i18n::Msg;
use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use grondslag_app::AppError;
use grondslag_store::AppRole;

use super::extract::{ApiJson, ApiPath, ApiQuery, ApiUser};
use super::schema::{Besluit, Bundel, ClientUit, ClientZoekfilter, Dossier, Dossiertekst, FhirBundel, FoutAntwoord, Ontvangstbewijs};
use super::{created, optional_text, text};
use crate::access_labels::Event;
use crate::error::{ApiError, WebError};
use crate::pages::clients::{ClientFilter, find_own_clients};
use crate::policy::Action;
use crate::{Backend, Web};

/// The clients you have a care relation with; with `naam`, `referentie` or `geboortedatum`
/// only those that match (a search never reaches beyond your own clients).
#[utoipa::path(
    get,
    path = "/api/v1/clienten",
    tag = "dossier",
    params(ClientZoekfilter),
    responses(
        (status = 200, description = "Uw cliënten (of de gevonden), op naam.", body = Vec<ClientUit>),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang: alleen professionals en aandachtsfunctionarissen hebben cliënten.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: een zoekveld is te lang of de geboortedatum is geen datum.", body = FoutAntwoord),
    )
)]
pub async fn clients<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiQuery(search): ApiQuery<ClientZoekfilter>,
) -> Result<Json<Vec<ClientUit>>, ApiError> {
    if !matches!(user.role, AppRole::Professional | AppRole::Aandachtsfunctionaris) {
        // Refused (and logged) by the policy: only care roles open dossiers.
        web.guard(&user, Action::DossierRead).await?;
        return Err(WebError::Forbidden(Msg::new("dossier-rol-geeft-geen-toegang")).into());
    }
    let filter = ClientFilter::parse(search.naam.as_deref(), search.referentie.as_deref(), search.geboortedatum.as_deref())?;
    let rows = if filter.is_empty() {
        web.log_event(&user, Event::OwnClientList, None, "zorgrelatie", true).await?;
        crate::pages::clients::own_clients(&web, &user).await?
    } else {
        // The search text is not logged: it may be client data.
        web.log_event(&user, Event::ClientSearch, None, "zorgrelatie", true).await?;
        find_own_clients(&web, &user, &filter).await?
    };
    Ok(Json(
        rows.into_iter()
            .map(|r| ClientUit { id: r.id, naam: r.name, geboortedatum: if r.birth_date.is_empty() { None } else { Some(r.birth_date) } })
            .collect(),
    ))
}

/// A client's dossier: its lines (oldest first) and their verification status.
#[utoipa::path(
    get,
    path = "/api/v1/clienten/{id}/dossier",
    tag = "dossier",
    params(("id" = String, Path, description = "Het id van de cliënt.")),
    responses(
        (status = 200, description = "Het dossier.", body = Dossier),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang (rol) of geen_zorgrelatie.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden.", body = FoutAntwoord),
    )
)]
pub async fn dossier<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Dossier>, ApiError> {
    let opened = web.open_client(&user, Action::DossierRead, &id).await?;
    let history = opened.history(grondslag_rules::Lang::Nl).await?;
    Ok(Json((&history).into()))
}

/// A receipt for a line of the dossier, against the latest signed checkpoint.
#[utoipa::path(
    get,
    path = "/api/v1/clienten/{id}/dossier/{seq}/ontvangstbewijs",
    tag = "dossier",
    params(("id" = String, Path, description = "Het id van de cliënt."), ("seq" = u64, Path, description = "Het volgnummer van de dossierregel.")),
    responses(
        (status = 200, description = "Het ontvangstbewijs.", body = Ontvangstbewijs),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang (rol) of geen_zorgrelatie.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden: de cliënt of de dossierregel bestaat niet.", body = FoutAntwoord),
    )
)]
pub async fn receipt<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath((id, seq)): ApiPath<(String, u64)>,
) -> Result<Json<Ontvangstbewijs>, ApiError> {
    let opened = web.open_client(&user, Action::DossierRead, &id).await?;
    match opened.receipt(seq).await {
        Ok(r) => Ok(Json(r.into())),
        // The only invalid input here is a line that does not exist.
        Err(AppError::Invalid(m)) => Err(WebError::NotFound(m).into()),
        Err(e) => Err(e.into()),
    }
}

/// The lines for the professional's own record system about a deliberation or a decision.
#[utoipa::path(
    get,
    path = "/api/v1/clienten/{id}/dossier/{seq}/dossiertekst",
    tag = "dossier",
    params(
        ("id" = String, Path, description = "Het id van de cliënt."),
        ("seq" = u64, Path, description = "Het volgnummer van een beraad of een besluit in het dossier."),
    ),
    responses(
        (status = 200, description = "De tekst voor het eigen dossier (in het Nederlands): de vraag, het antwoord en de grond, het besluit als dat is vastgelegd, en waar het volledige verslag in Grondslag staat.", body = Dossiertekst),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang (rol) of geen_zorgrelatie.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden: de cliënt of de dossierregel bestaat niet, of is geen beraad of besluit (of de inhoud is gewist).", body = FoutAntwoord),
    )
)]
pub async fn record_text<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath((id, seq)): ApiPath<(String, u64)>,
) -> Result<Json<Dossiertekst>, ApiError> {
    let opened = web.open_client(&user, Action::DossierRead, &id).await?;
    match opened.record_text(seq, grondslag_rules::Lang::Nl).await? {
        Some(tekst) => Ok(Json(Dossiertekst { dossierregel: seq, tekst })),
        None => Err(WebError::NotFound(Msg::new("api-no-record-text")).into()),
    }
}

fn shared_at(value: Option<&str>) -> Result<Option<String>, WebError> {
    let Some(v) = optional_text(value, "field-tijdstip-delen", 40)? else { return Ok(None) };
    let rfc3339 = time::OffsetDateTime::parse(&v, &time::format_description::well_known::Rfc3339).is_ok();
    if !rfc3339 && super::date(&v, "field-tijdstip-delen-2").is_err() {
        return Err(WebError::Invalid(Msg::new("dossier-tijdstip-delen-shared-at")));
    }
    Ok(Some(v))
}

/// Checks a decision as the page does: what and with whom when shared, whether the client was
/// informed or why not (one of the two), and the reasons.
fn checked(b: Besluit) -> Result<grondslag_dossier::Decision, WebError> {
    let what = text(&b.what, "field-wat-er-is-gedeeld", 4000, false)?;
    let recipient = text(&b.recipient, "field-ontvanger-recipient", 300, false)?;
    if b.shared && (what.is_empty() || recipient.is_empty()) {
        return Err(WebError::Invalid(Msg::new("dossier-schrijf-op-wat-heeft")));
    }
    let shared_at = shared_at(b.shared_at.as_deref())?;
    if !b.shared && shared_at.is_some() {
        return Err(WebError::Invalid(Msg::new("dossier-niets-gedeeld-laat-shared")));
    }
    let informed = optional_text(b.client_informed.as_deref(), "field-wanneer-en-hoe-client", 1000)?;
    let not_informed = optional_text(b.client_not_informed_reason.as_deref(), "field-waarom-client-niet-is", 2000)?;
    match (&informed, &not_informed) {
        (None, None) => {
            return Err(WebError::Invalid(Msg::new("error-client-informed-how-or-why")));
        }
        (Some(_), Some(_)) => {
            return Err(WebError::Invalid(Msg::new("dossier-geef-client-informed-client")));
        }
        _ => {}
    }
    let reasons = text(&b.reasons, "field-redenen-reasons", 4000, true)?;
    Ok(grondslag_dossier::Decision {
        deliberation_seq: b.deliberation_seq,
        shared: b.shared,
        what,
        recipient,
        shared_at,
        client_informed: informed,
        client_not_informed_reason: not_informed,
        reasons,
    })
}

/// Record the decision after a deliberation: shared or not, what, with whom, whether the client
/// was informed (or why not), and the professional's reasons.
#[utoipa::path(
    post,
    path = "/api/v1/clienten/{id}/besluiten",
    tag = "dossier",
    params(("id" = String, Path, description = "Het id van de cliënt.")),
    request_body = Besluit,
    responses(
        (status = 201, description = "Vastgelegd.", body = Ontvangstbewijs),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang (rol) of geen_zorgrelatie.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden.", body = FoutAntwoord),
        (status = 409, description = "conflict: over dit beraad is al een besluit vastgelegd, of op hetzelfde moment werd in dit dossier iets anders vastgelegd (probeer het opnieuw); er is niets vastgelegd.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: onder meer een deliberation_seq die geen beraad in dit dossier is.", body = FoutAntwoord),
    )
)]
pub async fn decide<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<Besluit>,
) -> Result<Response, ApiError> {
    let opened = web.open_client(&user, Action::DossierWrite, &id).await?;
    let decision = checked(body)?;
    let receipt = opened.decide(&user.id, decision).await?;
    Ok(created(Ontvangstbewijs::from(receipt)))
}

/// The verification bundle of the client's dossier, for a supervisor or court
/// (`grondslag-verify BUNDEL.json`). It contains the dossier's content.
#[utoipa::path(
    get,
    path = "/api/v1/clienten/{id}/bundel",
    tag = "dossier",
    params(("id" = String, Path, description = "Het id van de cliënt.")),
    responses(
        (status = 200, description = "De bundel.", body = Bundel),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang (rol) of geen_zorgrelatie.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: het dossier is leeg.", body = FoutAntwoord),
    )
)]
pub async fn bundle<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    let opened = web.open_client(&user, Action::DossierExport, &id).await?;
    let json = opened.export_json().await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}

/// The media type of FHIR's JSON format (FHIR R4 §2.6.1).
pub const FHIR_JSON: &str = "application/fhir+json";

/// The client's dossier, consent registry and the caller's own NEN 7513 access events about the
/// client as a FHIR R4 (4.0.1) `Bundle` of type `collection`, for care systems and the consent
/// infrastructure. The same authorisation as the verification bundle, and logged as an export
/// (that event is in it). Colleagues' accesses stay out: reading them is the privacy officer's.
#[utoipa::path(
    get,
    path = "/api/v1/clienten/{id}/fhir",
    tag = "dossier",
    params(("id" = String, Path, description = "Het id van de cliënt.")),
    responses(
        (status = 200, description = "De FHIR-bundel (application/fhir+json): Patient (alleen het id), Organization, Consent, DocumentReference, Provenance, en als AuditEvent alleen de eigen toegangen van de vrager tot deze cliënt (die van collega's zijn voor de privacyfunctionaris).", body = FhirBundel, content_type = "application/fhir+json"),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang (rol) of geen_zorgrelatie.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: de export is groter dan het maximum.", body = FoutAntwoord),
    )
)]
pub async fn fhir<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    let opened = web.open_client(&user, Action::DossierExport, &id).await?;
    let json = opened.fhir_json(&user).await?;
    Ok(([(header::CONTENT_TYPE, FHIR_JSON)], json).into_response())
}
