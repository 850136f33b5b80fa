//! A planned casusoverleg over the API (issue 13), as on the web: plan it, invite accounts of
//! the organisation to seats, answer per other seat with a deliberation recorded in one's own
//! client's dossier (only its outcome and grounds reach the table), and add to the minutes.
//! Every call opens the conference through the audited path: only a seat opens it.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use grondslag_app::AppError;
use grondslag_app::conference::{ConferenceContent, OpenConference, Seat, Standing};
use grondslag_i18n::Msg;
use grondslag_store::ProfessionalId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::created;
use super::evaluation::FactsText;
use super::extract::{ApiJson, ApiPath, ApiUser};
use super::schema::{Beoordeling, Beraad, FoutAntwoord, Taal};
use super::sentence;
use crate::error::{ApiError, WebError, internal};
use crate::policy::Action;
use crate::{Backend, User, Web};

/// A casusoverleg to plan. You chair it from your own seat.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NieuwCasusoverleg {
    /// A pseudonym for the family or client, never a name (1 to 120 characters).
    #[schema(example = "Gezin H.", max_length = 120)]
    pub titel: String,
    /// The meeting's date, JJJJ-MM-DD.
    #[schema(format = Date, example = "2026-12-10")]
    pub datum: String,
    /// The purpose, a value of the facts' `purpose` (e.g. `care`).
    #[schema(example = "care")]
    pub doel: String,
    /// The working agreement or convenant it runs under: context only, never a ground.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub afspraak: String,
    /// An anonymous case discussion: the participants do not know whom it is about. Otherwise,
    /// without a ground, only working methods, steps and general knowledge may be brought in.
    #[serde(default)]
    pub anoniem: bool,
    /// Your own role at the table (the hat you wear), from the scenario format's roles.
    #[schema(example = "wijkteammedewerker")]
    pub eigen_rol: String,
    #[serde(default)]
    #[schema(max_length = 120)]
    pub eigen_organisatie: String,
    /// The other seats, 1 to 20.
    #[schema(max_items = 20)]
    pub deelnemers: Vec<NieuwePlaats>,
}

/// A seat at the table.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NieuwePlaats {
    #[schema(example = "huisarts")]
    pub rol: String,
    #[serde(default)]
    #[schema(max_length = 120)]
    pub organisatie: String,
}

/// A conference in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct CasusoverlegKort {
    pub id: String,
    pub titel: String,
    #[schema(format = Date)]
    pub datum: String,
    /// You chair it.
    pub voorzitter: bool,
    pub plaatsen: usize,
}

/// What a seat may bring in at this table, from its own recorded answers.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Inbreng {
    /// A ground towards every other seat: identifying information may be brought in.
    Identificerend,
    /// No ground towards at least one seat: only what identifies nobody.
    AlleenAnoniem,
    /// Not yet answered for every other seat.
    NogNiet,
}

/// A seat's recorded answer on sharing with another seat: outcome and grounds only.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlaatsAntwoord {
    pub aan: u32,
    /// `must_share`, `may_share`, `may_share_after_weighing` or `may_not_share`.
    pub uitkomst: String,
    pub gronden: Vec<String>,
    #[schema(format = Date)]
    pub datum: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PlaatsStand {
    pub plaats: u32,
    pub rol: String,
    pub organisatie: String,
    pub voorzitter: bool,
    /// An account of the organisation is invited to it (otherwise a participant from outside).
    pub uitgenodigd: bool,
    /// It is your seat.
    pub u: bool,
    pub inbreng: Inbreng,
    pub antwoorden: Vec<PlaatsAntwoord>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VerslagBijdrage {
    pub van: u32,
    pub tekst: String,
    /// Marked by its author as identifying nobody.
    pub anoniem: bool,
    #[schema(format = Date)]
    pub datum: String,
    /// Withdrawn by its author (the text is gone).
    pub ingetrokken: bool,
}

/// A conference as a participant sees it: no facts, clients or dossier entries of anyone.
#[derive(Debug, Serialize, ToSchema)]
pub struct CasusoverlegStand {
    pub id: String,
    pub titel: String,
    #[schema(format = Date)]
    pub datum: String,
    pub doel: String,
    pub afspraak: String,
    /// A convenant or working agreement is never a ground.
    pub convenant: String,
    /// Nobody at the table may share anything identifying with everyone.
    pub alleen_anoniem: bool,
    /// An anonymous case discussion (the participants do not know whom it is about).
    pub anoniem_overleg: bool,
    /// What identifies a client and is left out of an anonymous discussion.
    pub anoniem: Vec<String>,
    pub plaatsen: Vec<PlaatsStand>,
    pub verslag: Vec<VerslagBijdrage>,
}

/// An invitation to a seat (or, with `account` null, withdrawing it).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Uitnodiging {
    pub plaats: u32,
    #[serde(default)]
    pub account: Option<String>,
}

/// Your answer on sharing with one seat: a deliberation recorded in your own client's dossier,
/// with your role, that seat's role and the conference's purpose filled in by Grondslag.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CasusoverlegBeraad {
    pub aan: u32,
    /// The id of your own client the deliberation is recorded for.
    pub client: String,
    /// The facts (scenario format) without `sender_role`, `recipient_role`, `purpose` and
    /// `request_from`, which come from the table.
    #[schema(value_type = super::schema::Feiten)]
    pub facts: serde_json::Map<String, serde_json::Value>,
    #[serde(default)]
    #[schema(value_type = Option<super::schema::Afwegingen>)]
    pub judgments: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default)]
    #[schema(value_type = Option<super::schema::Redenen>)]
    pub reasons: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default)]
    #[schema(format = Date)]
    pub datum: Option<String>,
    #[serde(default)]
    pub taal: Option<Taal>,
}

/// The recorded deliberation and the conference as it stands now.
#[derive(Debug, Serialize, ToSchema)]
pub struct CasusoverlegBeraadVastgelegd {
    pub beraad: Beraad,
    pub casusoverleg: CasusoverlegStand,
}

/// A contribution to the minutes.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Bijdrage {
    #[schema(max_length = 4000)]
    pub tekst: String,
    /// It identifies nobody. Required unless your answers give you a ground towards every seat.
    #[serde(default)]
    pub anoniem: bool,
}

fn stand<S: Backend>(web: &Web<S>, user: &User, c: &OpenConference) -> CasusoverlegStand {
    let rules = web.rules();
    let l = user.lang.rules();
    let content = &c.content;
    let plaatsen = content
        .seats
        .iter()
        .map(|s| PlaatsStand {
            plaats: s.key,
            rol: s.role.clone(),
            organisatie: s.organisation.clone(),
            voorzitter: s.key == content.chair_seat,
            uitgenodigd: s.account.is_some(),
            u: s.account.as_ref() == Some(&user.id),
            inbreng: match content.standing(s.key) {
                Standing::Identifying => Inbreng::Identificerend,
                Standing::OnlyAnonymous { .. } => Inbreng::AlleenAnoniem,
                Standing::NotYet { .. } => Inbreng::NogNiet,
            },
            antwoorden: content
                .seats
                .iter()
                .filter_map(|t| content.answer(s.key, t.key))
                .map(|a| PlaatsAntwoord { aan: a.to, uitkomst: a.outcome.clone(), gronden: a.grounds.clone(), datum: a.on.clone() })
                .collect(),
        })
        .collect();
    CasusoverlegStand {
        id: c.record.id.to_string(),
        titel: content.title.clone(),
        datum: content.date.clone(),
        doel: content.purpose.clone(),
        afspraak: content.agreement.clone(),
        convenant: grondslag_app::case_conference::covenant_notice(rules, l),
        alleen_anoniem: content.anonymous_only(),
        anoniem_overleg: content.anonymous,
        anoniem: grondslag_app::case_conference::identifying_details(l),
        plaatsen,
        verslag: content
            .minutes
            .iter()
            .map(|m| VerslagBijdrage {
                van: m.from,
                tekst: m.text.clone(),
                anoniem: m.anonymous,
                datum: m.on.clone(),
                ingetrokken: m.withdrawn,
            })
            .collect(),
    }
}

/// The casusoverleggen you chair or are invited to, most recently changed first.
#[utoipa::path(
    get,
    path = "/api/v1/casusoverleggen",
    tag = "samenwerking",
    responses(
        (status = 200, description = "Uw casusoverleggen.", body = Vec<CasusoverlegKort>),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
    )
)]
pub async fn list<S: Backend>(State(web): State<Arc<Web<S>>>, ApiUser(user): ApiUser) -> Result<Json<Vec<CasusoverlegKort>>, ApiError> {
    let own = web.own_conferences(&user).await?;
    Ok(Json(
        own.into_iter()
            .map(|c| CasusoverlegKort {
                id: c.record.id.to_string(),
                voorzitter: c.record.chair == user.id,
                plaatsen: c.content.seats.len(),
                titel: c.content.title,
                datum: c.content.date,
            })
            .collect(),
    ))
}

/// Plan a casusoverleg; you chair it. Nothing about a client is asked.
#[utoipa::path(
    post,
    path = "/api/v1/casusoverleggen",
    tag = "samenwerking",
    request_body = NieuwCasusoverleg,
    responses(
        (status = 201, description = "Gepland.", body = CasusoverlegStand),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang: alleen professionals en aandachtsfunctionarissen plannen een casusoverleg.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: geen schuilnaam, een ongeldige datum, een onbekend doel of een onbekende rol, geen of meer dan 20 deelnemers, of te lange tekst.", body = FoutAntwoord),
    )
)]
pub async fn plan<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<NieuwCasusoverleg>,
) -> Result<Response, ApiError> {
    let mut seats = vec![Seat {
        key: 0,
        role: body.eigen_rol.trim().to_owned(),
        organisation: body.eigen_organisatie.trim().to_owned(),
        account: None,
        code_hash: None,
    }];
    for (i, d) in body.deelnemers.iter().enumerate() {
        let key = u32::try_from(i + 1).map_err(|_| WebError::Invalid(Msg::new("conference-plan-seats-invalid")))?;
        seats.push(Seat {
            key,
            role: d.rol.trim().to_owned(),
            organisation: d.organisatie.trim().to_owned(),
            account: None,
            code_hash: None,
        });
    }
    let content = ConferenceContent {
        title: body.titel.trim().to_owned(),
        date: super::date(&body.datum, "field-datum").map_err(|_| WebError::Invalid(Msg::new("conference-plan-date-invalid")))?.to_string(),
        purpose: body.doel.trim().to_owned(),
        agreement: body.afspraak.trim().to_owned(),
        anonymous: body.anoniem,
        chair_seat: 0,
        seats,
        answers: Vec::new(),
        minutes: Vec::new(),
    };
    content.check(web.rules())?;
    let id = web.plan_conference(&user, content).await?;
    let opened = web.open_conference(&user, Action::ConferenceRead, id.as_str()).await?;
    Ok(created(stand(&web, &user, &opened.conference)))
}

/// A casusoverleg you have a seat at: per seat the outcome and grounds of its answers, and the
/// minutes. A conference without your seat answers 404, as one that does not exist.
#[utoipa::path(
    get,
    path = "/api/v1/casusoverleggen/{id}",
    tag = "samenwerking",
    params(("id" = String, Path, description = "Het id van het casusoverleg.")),
    responses(
        (status = 200, description = "Het overleg.", body = CasusoverlegStand),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden: bestaat niet, of u hebt er geen plaats.", body = FoutAntwoord),
    )
)]
pub async fn show<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<CasusoverlegStand>, ApiError> {
    let opened = web.open_conference(&user, Action::ConferenceRead, &id).await?;
    Ok(Json(stand(&web, &user, &opened.conference)))
}

/// Invite an account of your organisation to a seat (chair only), or withdraw the invitation
/// with `account` null. Not once that seat has answered.
#[utoipa::path(
    post,
    path = "/api/v1/casusoverleggen/{id}/uitnodigingen",
    tag = "samenwerking",
    params(("id" = String, Path, description = "Het id van het casusoverleg.")),
    request_body = Uitnodiging,
    responses(
        (status = 200, description = "Het overleg zoals het nu is.", body = CasusoverlegStand),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: u bent niet de voorzitter, een onbekende plaats, een account van een andere organisatie, al op een andere plaats, of de plaats heeft zich al beraden.", body = FoutAntwoord),
    )
)]
pub async fn invite<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<Uitnodiging>,
) -> Result<Json<CasusoverlegStand>, ApiError> {
    let mut opened = web.open_conference(&user, Action::ConferenceWrite, &id).await?;
    let account = match body.account.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => Some(ProfessionalId::parse(a).map_err(|_| WebError::Invalid(Msg::new("conference-invite-other-organisation")))?),
        None => None,
    };
    opened.invite(body.plaats, account).await?;
    Ok(Json(stand(&web, &user, &opened.conference)))
}

/// Answer on sharing with one seat: a deliberation recorded in your own client's dossier (its
/// consent from that client's registry), of which the conference keeps only outcome and grounds.
#[utoipa::path(
    post,
    path = "/api/v1/casusoverleggen/{id}/beraden",
    tag = "samenwerking",
    params(("id" = String, Path, description = "Het id van het casusoverleg.")),
    request_body = CasusoverlegBeraad,
    responses(
        (status = 201, description = "Vastgelegd in het dossier van uw cliënt; het overleg kent nu uw uitkomst en grond.", body = CasusoverlegBeraadVastgelegd),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_zorgrelatie met de cliënt.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden: het overleg of de cliënt.", body = FoutAntwoord),
        (status = 409, description = "conflict: het antwoord staat nog niet vast.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: u hebt geen plaats, een onbekende plaats, een feit dat van tafel komt, of een ongeldig feit.", body = FoutAntwoord),
    )
)]
pub async fn deliberate<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<CasusoverlegBeraad>,
) -> Result<Response, ApiError> {
    let mut conference = web.open_conference(&user, Action::ConferenceWrite, &id).await?;
    let c = &conference.conference.content;
    let (Some(mine), Some(target)) = (c.seat_of(&user.id), c.seat(body.aan)) else {
        return Err(WebError::Invalid(Msg::new("conference-unknown-seat")).into());
    };
    if mine.key == target.key {
        return Err(WebError::Invalid(Msg::new("conference-unknown-seat")).into());
    }
    const FROM_THE_TABLE: [&str; 4] = ["sender_role", "recipient_role", "purpose", "request_from"];
    if FROM_THE_TABLE.iter().any(|k| body.facts.contains_key(*k)) {
        return Err(WebError::Invalid(Msg::new("conference-facts-from-table")).into());
    }
    let mut facts = body.facts.clone();
    facts.insert("sender_role".into(), serde_json::Value::String(mine.role.clone()));
    facts.insert("recipient_role".into(), serde_json::Value::String(target.role.clone()));
    facts.insert("purpose".into(), serde_json::Value::String(c.purpose.clone()));
    facts.insert("request_from".into(), serde_json::Value::String("none".into()));
    let to = target.key;
    let one = Beoordeling { facts, judgments: body.judgments, reasons: body.reasons, datum: body.datum, taal: body.taal };
    let input = FactsText::of(&one, &user)?;
    let (facts, judgments) = input.parse(web.rules(), false)?;
    let client = web.open_client(&user, Action::DossierWrite, &body.client).await?;
    let done = match client.deliberate_facts(&user.id, facts, &judgments, input.date, input.lang).await {
        Ok(d) => d,
        Err(AppError::Engine(e)) => return Err(WebError::Invalid(Msg::verbatim(sentence(&e.to_string()))).into()),
        Err(e) => return Err(e.into()),
    };
    let grounds: Vec<String> = done.report.beroepsgeheim.grounds.iter().filter(|g| web.rules().ground(g).is_some()).cloned().collect();
    conference.answer(to, grondslag_scenario::outcome_id(done.report.outcome), grounds).await?;
    let report = serde_json::to_value(&done.report).map_err(|_| internal("report_json"))?;
    Ok(created(CasusoverlegBeraadVastgelegd {
        beraad: Beraad { report, toestemming: done.consent.into(), ontvangstbewijs: done.receipt.into() },
        casusoverleg: stand(&web, &user, &conference.conference),
    }))
}

/// Add to the minutes: identifying only with a ground towards every other seat (from your own
/// recorded answers); otherwise only marked `anoniem`, identifying nobody.
#[utoipa::path(
    post,
    path = "/api/v1/casusoverleggen/{id}/verslag",
    tag = "samenwerking",
    params(("id" = String, Path, description = "Het id van het casusoverleg.")),
    request_body = Bijdrage,
    responses(
        (status = 200, description = "Het overleg zoals het nu is.", body = CasusoverlegStand),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: geen plaats, lege of te lange tekst, of identificerend zonder grond tegenover iedereen aan tafel.", body = FoutAntwoord),
    )
)]
pub async fn minutes<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<Bijdrage>,
) -> Result<Json<CasusoverlegStand>, ApiError> {
    let mut opened = web.open_conference(&user, Action::ConferenceWrite, &id).await?;
    opened.add_to_minutes(&body.tekst, body.anoniem).await?;
    Ok(Json(stand(&web, &user, &opened.conference)))
}

/// A seat for which to make an invitation code.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeVerzoek {
    pub plaats: u32,
}

/// A one-time invitation code, shown this once (only its hash is kept).
#[derive(Debug, Serialize, ToSchema)]
pub struct Uitnodigingscode {
    pub plaats: u32,
    #[schema(example = "3f2a-91c0-7b4e-0d16-a5e2")]
    pub code: String,
}

/// The code a participant was given.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Aanmelding {
    #[schema(max_length = 40)]
    pub code: String,
}

/// Make a one-time invitation code for a seat (chair only), for someone of another organisation
/// in this installation. A new code replaces the previous one.
#[utoipa::path(
    post,
    path = "/api/v1/casusoverleggen/{id}/codes",
    tag = "samenwerking",
    params(("id" = String, Path, description = "Het id van het casusoverleg.")),
    request_body = CodeVerzoek,
    responses(
        (status = 201, description = "De code, alleen nu zichtbaar.", body = Uitnodigingscode),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: u bent niet de voorzitter, een onbekende plaats, of er is al iemand uitgenodigd of de plaats heeft zich beraden.", body = FoutAntwoord),
    )
)]
pub async fn code<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<CodeVerzoek>,
) -> Result<Response, ApiError> {
    let mut opened = web.open_conference(&user, Action::ConferenceWrite, &id).await?;
    let code = opened.invitation_code(body.plaats).await?;
    Ok(created(Uitnodigingscode { plaats: body.plaats, code }))
}

/// Take the seat a one-time invitation code is for (also from another organisation in this
/// installation). A wrong, used or unknown code is refused alike.
#[utoipa::path(
    post,
    path = "/api/v1/casusoverleggen/{id}/aanmelding",
    tag = "samenwerking",
    params(("id" = String, Path, description = "Het id van het casusoverleg.")),
    request_body = Aanmelding,
    responses(
        (status = 200, description = "U zit aan tafel.", body = CasusoverlegStand),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 403, description = "geen_toegang: alleen professionals en aandachtsfunctionarissen nemen deel.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: de code klopt niet, is gebruikt of hoort niet bij dit overleg, of u zit er al.", body = FoutAntwoord),
    )
)]
pub async fn join<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<Aanmelding>,
) -> Result<Json<CasusoverlegStand>, ApiError> {
    let id = web.join_conference(&user, &id, &body.code).await?;
    let opened = web.open_conference(&user, Action::ConferenceRead, id.as_str()).await?;
    Ok(Json(stand(&web, &user, &opened.conference)))
}
