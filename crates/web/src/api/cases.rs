//! The case library as JSON (`/api/v1/voorbeelden`): the same worked examples, filters and
//! search as `/voorbeelden`, and per example its facts, the authority's expected answer with its
//! sources, and the answer Grondslag gives now. Open to every signed-in user and not logged:
//! the examples hold no client data.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use grondslag_cases::{AgeBand, Case, FILTER_FACTS, Filter};
use grondslag_engine::{evaluate, report};
use grondslag_i18n::Msg;
use grondslag_rules::{FactId, RuleSet};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiPath, ApiQuery, ApiUser};
use super::schema::FoutAntwoord;
use crate::error::{ApiError, WebError, internal};
use crate::pages::cases::MAX_QUERY_CHARS;
use crate::{Backend, Web};

/// The longest role or purpose the filters take (the OpenAPI document states it).
const MAX_VALUE_ID_CHARS: usize = 100;

/// The age bands of the filter, by the ages at which the law changes who decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum Leeftijdsband {
    #[serde(rename = "0-11")]
    Jonger12,
    #[serde(rename = "12-15")]
    Van12Tot15,
    #[serde(rename = "16-17")]
    Van16Tot17,
    #[serde(rename = "18+")]
    Volwassen,
    #[serde(rename = "onbekend")]
    Onbekend,
}

impl Leeftijdsband {
    fn of(b: AgeBand) -> Self {
        match b {
            AgeBand::Under12 => Leeftijdsband::Jonger12,
            AgeBand::From12To15 => Leeftijdsband::Van12Tot15,
            AgeBand::From16To17 => Leeftijdsband::Van16Tot17,
            AgeBand::Adult => Leeftijdsband::Volwassen,
            AgeBand::NotStated => Leeftijdsband::Onbekend,
        }
    }

    fn band(self) -> AgeBand {
        match self {
            Leeftijdsband::Jonger12 => AgeBand::Under12,
            Leeftijdsband::Van12Tot15 => AgeBand::From12To15,
            Leeftijdsband::Van16Tot17 => AgeBand::From16To17,
            Leeftijdsband::Volwassen => AgeBand::Adult,
            Leeftijdsband::Onbekend => AgeBand::NotStated,
        }
    }
}

/// Search and filters (all optional; every part given must match).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VoorbeeldFilter {
    /// Words that must all occur in the title or the situation (case and accents ignored).
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Who shares: a role of the rule set (`sender_role`). An unknown role matches nothing.
    #[param(max_length = 100)]
    pub afzender: Option<String>,
    /// With whom: a role of the rule set (`recipient_role`). An unknown role matches nothing.
    #[param(max_length = 100)]
    pub ontvanger: Option<String>,
    /// The purpose: a value of the fact `purpose`. An unknown value matches nothing.
    #[param(max_length = 100)]
    pub doel: Option<String>,
    /// The client's age band.
    pub leeftijd: Option<Leeftijdsband>,
}

/// A worked example in the list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VoorbeeldKort {
    /// The example's id (its address is `/voorbeelden/{id}`).
    pub id: String,
    /// The title (Dutch).
    pub titel: String,
    /// Who shares (`sender_role`), if the example says.
    pub afzender: Option<String>,
    /// With whom (`recipient_role`), if the example says.
    pub ontvanger: Option<String>,
    /// The purpose (`purpose`), if the example says.
    pub doel: Option<String>,
    pub leeftijd: Leeftijdsband,
    /// The authority's answer: `must_share`, `may_share`, `may_share_after_weighing` or `may_not_share`.
    pub verwacht: String,
}

/// The authority's answer to an example (the scenario format's `expect`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Verwachting {
    /// `must_share`, `may_share`, `may_share_after_weighing` or `may_not_share`.
    pub uitkomst: String,
    /// Grounds of the beroepsgeheim layer the answer rests on.
    pub gronden: Vec<String>,
    /// Grounds the answer may not rest on.
    pub niet_gronden: Vec<String>,
    /// Conditions the answer comes with.
    pub voorwaarden: Vec<String>,
    /// Where the answer comes from (web addresses).
    pub bronnen: Vec<String>,
}

/// One worked example: the situation, its facts, the authority's answer and Grondslag's.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Voorbeeld {
    pub id: String,
    /// The title (Dutch).
    pub titel: String,
    /// The situation (Dutch), if given.
    pub situatie: Option<String>,
    /// The facts as the example states them, in the scenario format's terms (the format's
    /// defaults for facts left out are not filled in here; Grondslag's answer uses them). Not
    /// the `Feiten` schema of a request: an example may state what a request may not, such as no
    /// data categories at all (anonymous advice).
    #[schema(value_type = Object)]
    pub feiten: serde_json::Value,
    pub verwacht: Verwachting,
    /// Grondslag's answer now, with today's rules.
    #[schema(value_type = super::schema::Verslag)]
    pub antwoord: serde_json::Value,
    /// Grondslag's answer matches the authority's (outcome, grounds, excluded grounds and conditions).
    pub overeenkomst: bool,
}

fn value_id(rules: &RuleSet, case: &Case, fact: Option<FactId>) -> Option<String> {
    fact.and_then(|f| case.fact(f).map(|v| rules.value_id(f, v)))
}

/// The worked examples, in title order; with search and filters only those that match.
#[utoipa::path(
    get,
    path = "/api/v1/voorbeelden",
    tag = "voorbeelden",
    params(VoorbeeldFilter),
    responses(
        (status = 200, description = "De voorbeelden (of de gevonden), op titel.", body = Vec<VoorbeeldKort>),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 422, description = "ongeldige_invoer: een onbekende leeftijdsband, of een zoektekst, rol of doel langer dan toegestaan.", body = FoutAntwoord),
    )
)]
pub async fn list<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(_user): ApiUser,
    ApiQuery(f): ApiQuery<VoorbeeldFilter>,
) -> Result<Json<Vec<VoorbeeldKort>>, ApiError> {
    let query = f.q.unwrap_or_default();
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(WebError::Invalid(
            Msg::new("api-te-lang-hoogstens-tekens").arg_msg("what", "cases-field-search").arg("max", MAX_QUERY_CHARS),
        )
        .into());
    }
    // The limits the document states (no id of the rule set comes near them).
    let id = |v: Option<String>, what: &'static str| -> Result<Option<String>, WebError> {
        match v.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()) {
            Some(v) if v.chars().count() > MAX_VALUE_ID_CHARS => {
                Err(WebError::Invalid(Msg::new("api-te-lang-hoogstens-tekens").arg_msg("what", what).arg("max", MAX_VALUE_ID_CHARS)))
            }
            v => Ok(v),
        }
    };
    let filter = Filter {
        query,
        sender_role: id(f.afzender, "cases-filter-sender")?,
        recipient_role: id(f.ontvanger, "cases-filter-recipient")?,
        purpose: id(f.doel, "cases-filter-purpose")?,
        age: f.leeftijd.map(Leeftijdsband::band),
    };
    let rules = web.rules();
    let [sender, recipient, purpose] = FILTER_FACTS.map(|f| rules.fact(f));
    let out = web
        .cases()
        .select(rules, &filter)
        .into_iter()
        .map(|c| VoorbeeldKort {
            id: c.id().to_owned(),
            titel: c.scenario.title.clone(),
            afzender: value_id(rules, c, sender),
            ontvanger: value_id(rules, c, recipient),
            doel: value_id(rules, c, purpose),
            leeftijd: Leeftijdsband::of(c.age_band()),
            verwacht: grondslag_scenario::outcome_id(c.scenario.expect.outcome).to_owned(),
        })
        .collect();
    Ok(Json(out))
}

/// One worked example, with the answer Grondslag gives now.
#[utoipa::path(
    get,
    path = "/api/v1/voorbeelden/{id}",
    tag = "voorbeelden",
    params(("id" = String, Path, description = "Het id van het voorbeeld.")),
    responses(
        (status = 200, description = "Het voorbeeld.", body = Voorbeeld),
        (status = 401, description = "niet_ingelogd.", body = FoutAntwoord),
        (status = 404, description = "niet_gevonden: dit voorbeeld bestaat niet.", body = FoutAntwoord),
    )
)]
pub async fn show<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Voorbeeld>, ApiError> {
    let rules = web.rules();
    let case = web.cases().get(&id).ok_or_else(|| WebError::NotFound(Msg::new("cases-not-found")))?;
    let s = &case.scenario;
    let today = crate::view::today();
    let facts = case.facts_with_defaults(rules);
    let evaluation = evaluate(rules, today, &facts, &s.judgments).map_err(WebError::from)?;
    let answer = report(rules, &evaluation, &facts, &s.judgments, user.lang.rules());
    let mut stated = serde_json::Map::new();
    for (i, f) in rules.facts.iter().enumerate() {
        let fid = FactId(i as u16);
        if let Some(v) = case.fact(fid) {
            stated.insert(f.id.clone(), grondslag_app::deliberation::json_of(rules, fid, v));
        }
    }
    Ok(Json(Voorbeeld {
        id: s.id.clone(),
        titel: s.title.clone(),
        situatie: s.situation.clone(),
        feiten: serde_json::Value::Object(stated),
        verwacht: Verwachting {
            uitkomst: grondslag_scenario::outcome_id(s.expect.outcome).to_owned(),
            gronden: s.expect.grounds.clone(),
            niet_gronden: s.expect.not_grounds.clone(),
            voorwaarden: s.expect.conditions.clone(),
            bronnen: s.sources.clone(),
        },
        antwoord: serde_json::to_value(&answer).map_err(|_| internal("report_json"))?,
        overeenkomst: grondslag_scenario::run_scenario(rules, today, s).passed,
    }))
}
