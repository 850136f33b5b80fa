//! The JSON API (`/api/v1/…`) with its OpenAPI 3.1 document (`GET /api/openapi.json`).
//!
//! The API does what the HTML pages do, through the same audited path: every handler that
//! touches a dossier or an organisation-level resource calls [`Web::open_client`] or
//! [`Web::guard`] (which authorise with the pure policy and write the NEN 7513 event before
//! anything is read, refusing when the event cannot be written). A session is a bearer token
//! from `POST /api/v1/sessies` (or the browser's cookie, under the same CSRF check as the pages).
//!
//! Errors are `{"fout": {"code", "bericht", "message"}}` with the stable codes of
//! `WebError::code` ([`schema::FoutCode`]); bad JSON, wrong types and unknown fields are
//! `422 ongeldige_invoer` with a Dutch message naming the field ([`extract`]). What axum and
//! the tower layers answer themselves (405, 413, 408, a plain-text rejection) is rewritten into
//! the same format by `error::app_errors`.

pub mod cases;
pub mod conferences;
pub mod consent;
pub mod dossier;
pub mod evaluation;
pub mod extract;
pub mod meldcode;
pub mod schema;
pub mod session;
pub mod verification;

use grondslag_i18n::Msg;
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, delete, get, post};
use axum::{Json, Router};
use grondslag_rules::{Domain, RuleSet};
use time::Date;
use utoipa::OpenApi;
use utoipa::openapi::path::Operation;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, RefOr};

use crate::error::{ApiError, WebError};
use crate::{Backend, Web};

/// The API's routes; merged into the application's router.
pub fn routes<S: Backend>() -> Router<Arc<Web<S>>> {
    Router::new()
        .route("/api/openapi.json", get(openapi_json::<S>))
        .route("/api/v1/sessies", post(session::login::<S>))
        .route("/api/v1/sessies/huidig", delete(session::logout::<S>))
        .route("/api/v1/evaluaties", post(evaluation::evaluate::<S>))
        .route("/api/v1/casusoverleg", post(evaluation::case_conference::<S>))
        .route("/api/v1/casusoverleggen", get(conferences::list::<S>).post(conferences::plan::<S>))
        .route("/api/v1/casusoverleggen/{id}", get(conferences::show::<S>))
        .route("/api/v1/casusoverleggen/{id}/uitnodigingen", post(conferences::invite::<S>))
        .route("/api/v1/casusoverleggen/{id}/beraden", post(conferences::deliberate::<S>))
        .route("/api/v1/casusoverleggen/{id}/verslag", post(conferences::minutes::<S>))
        .route("/api/v1/casusoverleggen/{id}/codes", post(conferences::code::<S>))
        .route("/api/v1/casusoverleggen/{id}/aanmelding", post(conferences::join::<S>))
        .route("/api/v1/clienten", get(dossier::clients::<S>))
        .route("/api/v1/clienten/{id}/dossier", get(dossier::dossier::<S>))
        .route("/api/v1/clienten/{id}/dossier/{seq}/ontvangstbewijs", get(dossier::receipt::<S>))
        .route("/api/v1/clienten/{id}/dossier/{seq}/dossiertekst", get(dossier::record_text::<S>))
        .route("/api/v1/clienten/{id}/beraden", post(evaluation::deliberate::<S>))
        .route("/api/v1/clienten/{id}/besluiten", post(dossier::decide::<S>))
        .route("/api/v1/clienten/{id}/toestemmingen", get(consent::registry::<S>).post(consent::register::<S>))
        .route("/api/v1/clienten/{id}/toestemmingen/{seq}/intrekking", post(consent::withdraw::<S>))
        .route("/api/v1/clienten/{id}/bundel", get(dossier::bundle::<S>))
        .route("/api/v1/clienten/{id}/fhir", get(dossier::fhir::<S>))
        .route("/api/v1/clienten/{id}/meldcode", get(meldcode::trajectory::<S>).post(meldcode::record::<S>))
        .route("/api/v1/meldcode", get(meldcode::overview::<S>))
        .route("/api/v1/organisatie/verificatie", get(verification::organisation::<S>))
        .route("/api/v1/toegangslog", get(verification::access_log::<S>))
        .route("/api/v1/voorbeelden", get(cases::list::<S>))
        .route("/api/v1/voorbeelden/{id}", get(cases::show::<S>))
        // Anything else under /api answers in JSON, not with the HTML error page.
        .route("/api", any(unknown))
        .route("/api/{*rest}", any(unknown))
}

async fn unknown() -> ApiError {
    ApiError(WebError::NotFound(Msg::new("api-adres-bestaat-niet-in")))
}

/// The routes whose bodies may exceed the server's general body limit: verifying a bundle takes
/// the largest bundle the server exports ([`grondslag_app::MAX_BUNDLE_BYTES`]). Kept apart so
/// that the general limit is not layered over them.
pub fn large_body_routes<S: Backend>() -> Router<Arc<Web<S>>> {
    Router::new()
        .route("/api/v1/verificatie/bundel", post(verification::verify_bundle::<S>))
        .layer(axum::extract::DefaultBodyLimit::max(grondslag_app::MAX_BUNDLE_BYTES))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(grondslag_app::MAX_BUNDLE_BYTES))
}

/// The OpenAPI document of the API (without the rule set's vocabulary; see [`document`]).
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Grondslag API",
        description = "Mag ik dit delen? De JSON-API van Grondslag: anoniem beoordelen, een beraad en besluit vastleggen in het \
                       dossier van een cliënt, het toestemmingsregister, ontvangstbewijzen en verificatiebundels, het \
                       meldcodetraject van een cliënt (met voor de aandachtsfunctionaris het overzicht van open trajecten), en \
                       voor de privacyfunctionaris de verificatie van de organisatie en het toegangslog (NEN 7513). Elk verzoek aan een \
                       dossier wordt vooraf getoetst en vastgelegd in het toegangslog.\n\nFouten: `{\"fout\": {\"code\", \
                       \"bericht\", \"message\"}}`; `code` is stabiel (zie het schema `FoutCode`), `bericht` is Nederlands.",
        license(name = "EUPL-1.2", identifier = "EUPL-1.2")
    ),
    paths(
        openapi_json,
        session::login,
        session::logout,
        evaluation::evaluate,
        evaluation::case_conference,
        conferences::list,
        conferences::plan,
        conferences::show,
        conferences::invite,
        conferences::deliberate,
        conferences::minutes,
        conferences::code,
        conferences::join,
        dossier::clients,
        dossier::dossier,
        dossier::receipt,
        dossier::record_text,
        evaluation::deliberate,
        dossier::decide,
        consent::registry,
        consent::register,
        consent::withdraw,
        dossier::bundle,
        dossier::fhir,
        meldcode::trajectory,
        meldcode::record,
        meldcode::overview,
        verification::verify_bundle,
        verification::organisation,
        verification::access_log,
        cases::list,
        cases::show,
    ),
    components(schemas(schema::FoutAntwoord, schema::Fout, schema::FoutCode, schema::Feiten, schema::Afwegingen, schema::Redenen)),
    modifiers(&Finish),
    security(("sessie_token" = []), ("sessie_cookie" = [])),
    tags(
        (name = "sessies", description = "Inloggen en uitloggen."),
        (name = "beoordelen", description = "Mag ik dit delen? Anoniem (er wordt niets opgeslagen) of vastgelegd in een dossier."),
        (name = "dossier", description = "Cliënten, het dossier, besluiten, ontvangstbewijzen, de verificatiebundel en de FHIR R4-export."),
        (name = "samenwerking", description = "Een gepland casusoverleg: plannen onder een schuilnaam, accounts van de eigen organisatie uitnodigen, per andere plaats een beraad vastleggen in het dossier van de eigen cliënt (aan tafel komen alleen uitkomst en grond), en het verslag. Alleen wie een plaats heeft, opent het overleg. Een convenant is context, nooit een grond."),
        (name = "toestemming", description = "Het toestemmingsregister van een cliënt; de feiten van een beraad nemen `consent` hieruit."),
        (name = "meldcode", description = "De meldcode huiselijk geweld en kindermishandeling: het traject van een cliënt (stappen, afwegingskader, besluiten, melding) vastleggen en lezen, en voor de aandachtsfunctionaris het overzicht van open trajecten zonder inhoud. Grondslag beantwoordt geen afwegingsvraag en neemt geen besluit: het legt de antwoorden en besluiten van de professional vast."),
        (name = "controle", description = "Verificatie van bundels en van de organisatie, en het toegangslog (NEN 7513)."),
        (name = "voorbeelden", description = "De bibliotheek van uitgewerkte voorbeelden: elk gouden scenario (de gedeelde openbare en die van Grondslag zelf) met zijn feiten, het antwoord van de gezaghebbende bron met die bron, en het antwoord dat Grondslag nu geeft. Geen cliëntgegevens; wordt niet in het toegangslog vastgelegd."),
    )
)]
pub struct ApiDoc;

/// Adds what the derive cannot: the security schemes and the 500 answer of every operation.
struct Finish;

impl utoipa::Modify for Finish {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "sessie_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("Het token uit POST /api/v1/sessies, als `Authorization: Bearer <token>`."))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "sessie_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "grondslag_sessie",
                "Het sessiecookie van de webapplicatie (`__Host-grondslag_sessie` achter HTTPS); alleen voor de browser.",
            ))),
        );
        let error = ResponseBuilder::new()
            .description("interne_fout: er ging iets mis aan de kant van de server; wat al was vastgelegd, is niet verloren.")
            .content(
                "application/json",
                ContentBuilder::new().schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name("FoutAntwoord")))).build(),
            )
            .build();
        for item in doc.paths.paths.values_mut() {
            let ops: [&mut Option<Operation>; 4] = [&mut item.get, &mut item.post, &mut item.put, &mut item.delete];
            for op in ops.into_iter().flatten() {
                op.responses.responses.entry("500".into()).or_insert_with(|| error.clone().into());
            }
        }
    }
}

/// The OpenAPI document, with the schemas of facts, judgments and reasons taken from `rules`
/// (the vocabulary of the server's rule set).
pub fn document(rules: &RuleSet) -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").into();
    let components = doc.components.get_or_insert_with(Default::default);
    components.schemas.insert("Feiten".into(), RefOr::T(facts_schema(rules)));
    components.schemas.insert("Afwegingen".into(), RefOr::T(judgments_schema(rules, false)));
    components.schemas.insert("Redenen".into(), RefOr::T(judgments_schema(rules, true)));
    // A consent names recipients, data and purposes in the same vocabulary.
    if let Some(RefOr::T(Schema::Object(consent))) = components.schemas.get_mut("Toestemming") {
        let values = |fact: &str| match rules.fact(fact).map(|f| &rules.facts[f.ix()].domain) {
            Some(Domain::Enum(vs) | Domain::Set(vs)) => vs.iter().map(|v| v.id.clone()).collect(),
            _ => Vec::new(),
        };
        let roles = rules.roles.iter().map(|r| r.id.clone()).collect();
        for (field, ids, what) in [
            ("recipient_roles", roles, "Rollen van de regelset (waarden van `recipient_role`), minstens één."),
            ("data_categories", values("data_categories"), "Waarden van het feit `data_categories`, minstens één."),
            ("purposes", values("purpose"), "Waarden van het feit `purpose`, minstens één."),
        ] {
            consent.properties.insert(field.into(), RefOr::T(schema::string_set(ids, what)));
        }
    }
    doc
}

fn nullable(t: Type) -> SchemaType {
    SchemaType::Array(vec![t, Type::Null])
}

fn facts_schema(rules: &RuleSet) -> Schema {
    let mut b = ObjectBuilder::new()
        .schema_type(SchemaType::Type(Type::Object))
        .description(Some(format!(
            "De feiten van regelset {} {}, in de termen van het scenarioformaat (shared/scenarios/FORMAT.md). Een feit dat \
             ontbreekt of null is, is onbekend. Standaardwaarden worden ingevuld tenzij `open=true`.",
            rules.meta.name, rules.meta.version
        )))
        .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(false)));
    let roles: Vec<String> = rules.roles.iter().map(|r| r.id.clone()).collect();
    for (i, f) in rules.facts.iter().enumerate() {
        let mut description = format!("{} — {}", f.label.nl, f.question.nl);
        if let Some(d) = f.default {
            description.push_str(&format!(" Standaard: {}.", rules.value_id(grondslag_rules::FactId(i as u16), d)));
        }
        let schema: Schema = match &f.domain {
            Domain::Bool => ObjectBuilder::new().schema_type(nullable(Type::Boolean)).description(Some(description)).into(),
            Domain::Age => {
                let mut s = schema::integer_or("adult", 0, 130, &format!("{description} In jaren, of `adult`."));
                if let Schema::OneOf(o) = &mut s {
                    o.items.push(ObjectBuilder::new().schema_type(Type::Null).into());
                }
                s
            }
            Domain::Enum(values) => {
                let mut s = schema::string_enum(values.iter().map(|v| v.id.clone()), &description);
                if let Schema::Object(o) = &mut s {
                    o.schema_type = nullable(Type::String);
                }
                s
            }
            Domain::Role { allow_none } => {
                let mut ids = roles.clone();
                if *allow_none {
                    ids.push("none".into());
                }
                let mut s = schema::string_enum(ids, &description);
                if let Schema::Object(o) = &mut s {
                    o.schema_type = nullable(Type::String);
                }
                s
            }
            Domain::Set(values) => {
                let mut s = schema::string_set(values.iter().map(|v| v.id.clone()), &description);
                if let Schema::Array(a) = &mut s {
                    a.schema_type = nullable(Type::Array);
                }
                s
            }
        };
        b = b.property(f.id.clone(), schema);
    }
    b.into()
}

fn judgments_schema(rules: &RuleSet, reasons: bool) -> Schema {
    let description = if reasons {
        "Per afweging, per criterium de redenen van de professional, in eigen woorden."
    } else {
        "Per afweging (open norm), per criterium het eigen oordeel van de professional: true of false. Grondslag beslist een open \
         norm nooit zelf: zonder deze antwoorden is de uitkomst hoogstens ‘mag delen na afweging’."
    };
    let mut b = ObjectBuilder::new()
        .schema_type(SchemaType::Type(Type::Object))
        .description(Some(description))
        .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(false)));
    for j in &rules.judgments {
        let mut set = ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::Object))
            .description(Some(j.title.nl.clone()))
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(false)));
        for c in &j.criteria {
            let criterion = if reasons { schema::text(&c.label.nl) } else { schema::boolean(&c.label.nl) };
            set = set.property(c.id.clone(), criterion);
        }
        b = b.property(j.id.clone(), set);
    }
    b.into()
}

/// The OpenAPI 3.1 document of this API.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "controle",
    security(()),
    responses((status = 200, description = "Het OpenAPI 3.1-document; de schema's `Feiten`, `Afwegingen` en `Redenen` volgen de regelset van deze server.", content_type = "application/json"))
)]
pub async fn openapi_json<S: Backend>(State(web): State<Arc<Web<S>>>) -> Response {
    Json(document(web.rules())).into_response()
}

// --- shared helpers ---------------------------------------------------------------------------

/// `201 Created` with a JSON body.
pub(crate) fn created<T: serde::Serialize>(body: T) -> Response {
    (StatusCode::CREATED, Json(body)).into_response()
}

/// A date `JJJJ-MM-DD`.
pub(crate) fn date(text: &str, what: &'static str) -> Result<Date, WebError> {
    Date::parse(text.trim(), time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| WebError::Invalid(Msg::new("api-geen-geldige-datum-schrijf").arg_msg("what", what)))
}

/// Free text: trimmed, at most `max` characters, no control characters but newlines and tabs;
/// empty is refused when `required`.
pub(crate) fn text(value: &str, what: &'static str, max: usize, required: bool) -> Result<String, WebError> {
    let v = value.trim().replace("\r\n", "\n");
    if v.chars().count() > max {
        return Err(WebError::Invalid(Msg::new("api-te-lang-hoogstens-tekens").arg_msg("what", what).arg("max", max)));
    }
    if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(WebError::Invalid(Msg::new("api-bevat-tekens-niet-zijn").arg_msg("what", what)));
    }
    if required && v.is_empty() {
        return Err(WebError::Invalid(Msg::new("api-vul-in").arg_msg("what", what)));
    }
    Ok(v)
}

/// A Dutch message as a sentence: capital first, full stop last.
pub(crate) fn sentence(text: &str) -> String {
    let mut chars = text.trim().chars();
    match chars.next() {
        Some(f) => period(&f.to_uppercase().chain(chars).collect::<String>()),
        None => String::new(),
    }
}

/// Text with a full stop at the end.
pub(crate) fn period(text: &str) -> String {
    let t = text.trim();
    if t.ends_with(['.', '?', '!']) { t.to_owned() } else { format!("{t}.") }
}

/// An error in the facts, judgments or reasons, naming the key (`facts.client_age`).
pub(crate) fn facts_error(e: &grondslag_scenario::ScenarioError) -> WebError {
    match &e.key {
        Some(k) => WebError::Invalid(Msg::new("api-bij").arg("k", k).arg("message", period(&e.message))),
        None => WebError::Invalid(Msg::verbatim(sentence(&e.message))),
    }
}

/// Optional free text; empty is absent.
pub(crate) fn optional_text(value: Option<&str>, what: &'static str, max: usize) -> Result<Option<String>, WebError> {
    let v = text(value.unwrap_or(""), what, max, false)?;
    Ok(if v.is_empty() { None } else { Some(v) })
}
