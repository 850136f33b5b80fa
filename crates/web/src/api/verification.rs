//! Verification (a bundle; the organisation's ledger and access log) and the access log.

use grondslag_i18n::Msg;
use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use grondslag_app::AppError;
use grondslag_ledger::b64_encode;
use grondslag_store::{AccessQuery, StoreError, verify_access_chain};

use super::extract::{ApiQuery, ApiUser};
use super::schema::{
    Bundel, Bundelrapport, Bundelverificatie, FoutAntwoord, Logboekverificatie, Organisatieverificatie, Toegangsgebeurtenis, Toegangslog,
    ToegangslogFilter, Toegangslogverificatie,
};
use crate::access_labels::Event;
use crate::error::{ApiError, WebError, internal};
use crate::policy::Action;
use crate::{Backend, Web};

/// The access log's default and largest page.
pub const PAGE: u32 = 100;
pub const MAX_PAGE: u32 = 1000;

/// Verify a bundle.
///
/// Anyone signed in may verify a bundle; nothing is stored. A bundle of the user's own
/// organisation (by its origin) is checked against the organisation's own key and its stored
/// log: signed with another key, not matching the log, or missing entries the dossier already
/// had when the bundle was signed gives 422 with a plain Dutch reason; a bundle that is sound but
/// older than the dossier now gives `ok: false` with the finding (`bevindingen`). A bundle of
/// another organisation can only be checked with the keys it carries (`eigen_organisatie:
/// false`): compare `report.key` with that organisation's published key. Bundles up to 32 MiB
/// (the largest the server exports).
#[utoipa::path(
    post,
    path = "/api/v1/verificatie/bundel",
    tag = "controle",
    request_body(content = Bundel, description = "Een bundel zoals GET /api/v1/clienten/{id}/bundel hem geeft.", content_type = "application/json"),
    responses(
        (status = 200, description = "De bundel klopt; `ok` is alleen true als hij ook de laatste stand van het dossier is.", body = Bundelverificatie),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 413, description = "te_groot: de bundel is groter dan 32 MiB.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: de bundel klopt niet (de melding noemt de eerste regel die faalt), is niet ondertekend met de sleutel van deze organisatie, of is ingekort.", body = FoutAntwoord),
    )
)]
pub async fn verify_bundle<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<Bundelverificatie>, ApiError> {
    web.log_event(&user, Event::BundleVerified, None, &format!("rol:{}", user.role.as_str()), true).await?;
    let body = body.map_err(|e| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            WebError::TooLarge
        } else {
            WebError::Invalid(Msg::new("verification-bundel-kon-niet-worden"))
        }
    })?;
    let text = String::from_utf8(body.to_vec()).map_err(|_| WebError::Invalid(Msg::new("verification-bundel-geen-utf-8")))?;
    let (origin, key) = web.bundle_trust(&user).await?;
    // Parsing and hashing a bundle of up to 32 MiB is CPU work: off the async runtime.
    let checked = tokio::task::spawn_blocking(move || grondslag_app::check_bundle(&text, &origin, &key))
        .await
        .map_err(|_| internal("verify_join"))?;
    let verdict = match checked {
        Ok((report, own)) => web.compare_bundle(&user, report, own).await?,
        Err(refusal) => Err(refusal),
    };
    match verdict {
        Ok(v) => {
            let r = v.report;
            Ok(Json(Bundelverificatie {
                ok: v.findings.is_empty() && v.own,
                eigen_organisatie: v.own,
                regels_nu: v.entries_now,
                bevindingen: if v.own {
                    v.findings
                } else {
                    vec![
                        "Deze bundel is niet van uw organisatie. Hij is alleen gecontroleerd met de sleutel die hij zelf meebrengt: \
                          vergelijk die sleutel met de gepubliceerde sleutel van de organisatie die hem maakte."
                            .into(),
                    ]
                },
                report: Bundelrapport {
                    origin: r.origin,
                    tree_size: r.tree_size,
                    root: b64_encode(&r.root),
                    key: r.key.to_string(),
                    org: r.org,
                    dossier: r.dossier,
                    entries: r.entries,
                    last_seq: r.last_seq,
                    payloads_verified: r.payloads_verified,
                    payloads_absent: r.payloads_absent,
                    consistent_with: r.consistent_with,
                },
            }))
        }
        Err(refusal) => Err(WebError::Invalid(refusal.message()).into()),
    }
}

/// Verify everything the organisation stored: every dossier's chain, the Merkle tree against
/// the latest signed checkpoint, and the hash chain of the access log.
#[utoipa::path(
    get,
    path = "/api/v1/organisatie/verificatie",
    tag = "controle",
    responses(
        (status = 200, description = "Het resultaat; `ok` is false als iets niet klopt, met de reden.", body = Organisatieverificatie),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang: alleen de privacyfunctionaris en de beheerder.", body = FoutAntwoord),
    )
)]
pub async fn organisation<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
) -> Result<Json<Organisatieverificatie>, ApiError> {
    let guarded = web.guard(&user, Action::VerifyOrganisation).await?;
    let logboek = match web.verify_organisation(&guarded).await {
        Ok(v) => Logboekverificatie {
            ok: true,
            dossiers: Some(v.report.dossiers),
            entries: Some(v.report.entries),
            tree_size: Some(v.report.tree_size),
            checkpoint_size: Some(v.checkpoint_size),
            key: Some(v.key),
            problem: None,
        },
        // The database cannot be read: that is not a verdict on the log.
        Err(AppError::Store(StoreError::Backend(_))) => return Err(internal("store_backend").into()),
        Err(e) => Logboekverificatie {
            ok: false,
            dossiers: None,
            entries: None,
            tree_size: None,
            checkpoint_size: None,
            key: None,
            problem: Some(e.to_string()),
        },
    };
    let chain = web.store().access_chain(&user.org).await?;
    let toegangslog = match verify_access_chain(&chain) {
        Ok(()) => Toegangslogverificatie { ok: true, events: chain.len(), problem: None },
        Err(e) => Toegangslogverificatie { ok: false, events: chain.len(), problem: Some(e) },
    };
    Ok(Json(Organisatieverificatie { ok: logboek.ok && toegangslog.ok, logboek, toegangslog }))
}

/// The organisation's access log (NEN 7513), newest first: who did what with which dossier, on
/// what authorisation, allowed or refused.
#[utoipa::path(
    get,
    path = "/api/v1/toegangslog",
    tag = "controle",
    params(ToegangslogFilter),
    responses(
        (status = 200, description = "Een pagina van het toegangslog.", body = Toegangslog),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang: alleen de privacyfunctionaris.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: een filter dat geen id of datum is, of een limiet buiten 1–1000.", body = FoutAntwoord),
    )
)]
pub async fn access_log<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiQuery(filter): ApiQuery<ToegangslogFilter>,
) -> Result<Json<Toegangslog>, ApiError> {
    web.guard(&user, Action::ReadAccessLog).await?;
    let id = |v: Option<String>, what: &'static str| -> Result<Option<String>, WebError> {
        match v.map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty()) {
            Some(s) if crate::audit::is_id(&s) => Ok(Some(s)),
            Some(_) => Err(WebError::Invalid(Msg::new("verification-geen-geldig-id").arg_msg("what", what))),
            None => Ok(None),
        }
    };
    let limit = filter.limiet.unwrap_or(PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(WebError::Invalid(Msg::new("verification-limiet-ligt-tussen-1").arg("MAX_PAGE", MAX_PAGE)).into());
    }
    let day = |v: Option<String>, what: &'static str, next: bool| -> Result<Option<String>, WebError> {
        match v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => {
                let d = crate::pages::clients::parse_date(&s)
                    .ok_or_else(|| WebError::Invalid(Msg::new("verification-geen-datum-jjjj-mm").arg_msg("what", what)))?;
                let d = if next {
                    d.next_day().ok_or_else(|| WebError::Invalid(Msg::new("verification-ligt-te-ver-weg").arg_msg("what", what)))?
                } else {
                    d
                };
                crate::view::day_start_utc(d)
                    .map(Some)
                    .ok_or_else(|| WebError::Invalid(Msg::new("verification-ligt-buiten-bereik").arg_msg("what", what)))
            }
        }
    };
    let query = AccessQuery {
        client: id(filter.client, "client")?,
        user: id(filter.gebruiker, "gebruiker")?,
        before: filter.voor,
        from: day(filter.van, "van", false)?,
        until: day(filter.tot, "tot", true)?,
        limit,
    };
    let stored = web.store().access_events(&user.org, &query).await?;
    let volgende_voor = if stored.len() == limit as usize { stored.last().map(|s| s.seq) } else { None };
    Ok(Json(Toegangslog { gebeurtenissen: stored.iter().map(Toegangsgebeurtenis::from).collect(), volgende_voor }))
}
