//! Preparing a casusoverleg (`/casusoverleg`): a professional who will sit at a table with
//! several others sees, per participant, whether and on what ground she may bring in what she
//! knows — each participant is a recipient of its own, with its own answer (a school is a derde,
//! a colleague who treats the client may not be). Every answer is the engine's, evaluated as a
//! deliberation with that recipient; any of them opens as a normal deliberation to finish and
//! record. The page also says what to leave out to discuss the case without identifying anyone,
//! and that a convenant is never a ground.
//!
//! No client is chosen and nothing is stored: the form holds roles and circumstances, never a
//! name, and the answers are computed on each view (a GET form, so it can be reloaded). Like
//! starting a deliberation without a client, each view is authorised and logged as `Evaluate`
//! (no client in the event).

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use grondslag_engine::{Judgments, evaluate, options, outcome_label, report};
use grondslag_i18n::Msg;
use grondslag_rules::{FactId, Outcome, RuleSet};

use super::FormData;
use super::deliberation::{Opt, OptGroup, group_label};
use crate::draft::{Deliberation, parse_answer};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::policy::Action;
use crate::report_view::{ArticleLink, articles_for};
use crate::view::Chrome;
use crate::{Backend, User, Web};
use grondslag_knowledge::RuleKind;

use grondslag_app::case_conference::{PARTICIPANTS_MAX, covenant_notice, identifying_details};

/// The roles most often at a casusoverleg or chain review, offered first.
const COMMON_ROLES: [&str; 12] = [
    "huisarts",
    "jeugdarts",
    "wijkteammedewerker",
    "jeugdhulpverlener",
    "jeugdbeschermer",
    "sociaal_werker",
    "leraar",
    "gemeenteambtenaar",
    "veilig_thuis",
    "politie",
    "ggd",
    "reviewcommissie",
];

/// The form's fields and the fact each answers. `deelnemers` (recipients) and `betrokken` (those
/// among them who give this client care or help themselves) are handled apart.
const FIELDS: [(&str, &str); 8] = [
    ("rol", "sender_role"),
    ("doel", "purpose"),
    ("gegevens", "data_categories"),
    ("leeftijd", "client_age"),
    ("wilsbekwaam", "client_competent"),
    ("toestemming", "consent"),
    ("gevaar", "danger"),
    ("vermoeden", "suspicion_domestic_violence_or_child_abuse"),
];

/// One participant's answer.
pub struct ParticipantRow {
    pub role: String,
    pub label: String,
    pub involved: bool,
    pub outcome: &'static str,
    pub outcome_class: &'static str,
    /// `ok`, `warn` or `bad`, for the badge.
    pub badge: &'static str,
    /// The participant is someone who could give the client care or help (a care or help
    /// provider or a colleague): then whether it does matters, and the row offers to change it.
    pub can_be_involved: bool,
    /// The page with this participant's "gives care or help" answer turned round.
    pub toggle_href: String,
    pub grounds: Vec<String>,
    /// The conditions of this answer, in words (the first ones matter most).
    pub conditions: Vec<String>,
    /// What would change this answer (the engine's counterfactuals), in words.
    pub would_change: Vec<String>,
    /// The label of its organisation field when the overleg is planned.
    pub organisation_label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "case_conference.html")]
pub struct PrepPage {
    pub c: Chrome,
    pub title: String,
    /// The form's choices, with the reader's answers checked.
    pub roles: Vec<OptGroup>,
    /// The same roles as participants to tick, the most common at a table first.
    pub participant_groups: Vec<OptGroup>,
    pub own_role: String,
    pub purposes: Vec<Opt>,
    pub data: Vec<Opt>,
    pub consents: Vec<Opt>,
    pub dangers: Vec<Opt>,
    pub age: String,
    pub competent: String,
    pub suspicion: String,
    pub error: Option<String>,
    /// Empty until the form is sent with at least one participant.
    pub rows: Vec<ParticipantRow>,
    /// No participant may be told anything identifying.
    pub nobody: bool,
    /// The notices of the answers (each once): warnings and, marked uncertain, what the sources
    /// leave open — such as who consents for a child under 12.
    pub notices: Vec<(String, bool)>,
    /// The rule set's words on convenanten (never a ground).
    pub covenant: String,
    /// What identifies a client, left out of an anonymous discussion.
    pub identifying: Vec<String>,
    pub articles: Vec<ArticleLink>,
    /// The query string the answers were computed from, for "open als beraad".
    pub query: Vec<(String, String)>,
    /// The planning form as typed (and why planning was refused).
    pub plan: PlanForm,
}

fn values<'a>(q: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    q.iter().filter(|(k, _)| k == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty()).collect()
}

/// The circumstances the form gives, as facts (without a recipient), checked one by one against
/// the rule set as a deliberation's answers are; a Dutch message names the field that is wrong.
fn circumstances(rules: &RuleSet, q: &[(String, String)]) -> Result<Vec<(FactId, serde_json::Value)>, WebError> {
    let mut out = Vec::new();
    for (field, fact) in FIELDS {
        let given: Vec<String> = values(q, field).into_iter().map(str::to_owned).collect();
        if given.is_empty() {
            continue;
        }
        let f = rules.fact(fact).ok_or(WebError::Internal("conference_fact"))?;
        let v = parse_answer(rules, f, &given)
            .map_err(|e| WebError::Invalid(Msg::new("conference-invalid-field").arg("field", field).arg("message", e)))?;
        out.push((f, v));
    }
    Ok(out)
}

/// The participants as (role id, gives the client care or help itself), each a known role.
fn participants(rules: &RuleSet, q: &[(String, String)]) -> Result<Vec<(String, bool)>, WebError> {
    let involved = values(q, "betrokken");
    let mut out: Vec<(String, bool)> = Vec::new();
    for r in values(q, "deelnemers") {
        if rules.role(r).is_none() {
            return Err(WebError::Invalid(Msg::new("conference-unknown-role")));
        }
        if !out.iter().any(|(x, _)| x == r) {
            out.push((r.to_owned(), involved.contains(&r)));
        }
    }
    if out.len() > PARTICIPANTS_MAX {
        return Err(WebError::Invalid(Msg::new("conference-too-many").arg("max", PARTICIPANTS_MAX.to_string())));
    }
    Ok(out)
}

/// A deliberation for one participant as recipient: the circumstances, the recipient, and
/// whether it gives this client care or help. The professional shares on her own initiative.
fn deliberation_for(
    rules: &RuleSet,
    date: time::Date,
    facts: &[(FactId, serde_json::Value)],
    recipient: &str,
    involved: bool,
    lang: Lang,
) -> Result<Deliberation, WebError> {
    let mut state = Deliberation::new(None, date);
    let mut set = |id: &str, v: serde_json::Value| -> Result<(), WebError> {
        let f = rules.fact(id).ok_or(WebError::Internal("conference_fact"))?;
        state.set(rules, f, v, lang.rules());
        state.prefilled.push(id.to_owned());
        Ok(())
    };
    for (f, v) in facts {
        set(&rules.facts[f.ix()].id, v.clone())?;
    }
    set("recipient_role", serde_json::Value::String(recipient.to_owned()))?;
    set("request_from", serde_json::Value::String("none".into()))?;
    set("recipient_in_treatment_relation", serde_json::Value::Bool(involved))?;
    state.history.clear();
    Ok(state)
}

/// What was typed into the form that plans the overleg, kept when planning was refused.
#[derive(Debug, Clone, Default)]
pub struct PlanForm {
    pub error: Option<String>,
    pub title: String,
    pub date: String,
    pub agreement: String,
    pub own_organisation: String,
    /// Per participant role, its organisation.
    pub organisations: Vec<(String, String)>,
}

/// `GET /casusoverleg`: the form, and with participants the answer per participant.
pub async fn page<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Query(q): Query<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    Ok(prepare(&web, &user, q, PlanForm::default()).await?.into_response())
}

/// The preparation page for the form `q`, with the planning form as typed.
pub async fn prepare<S: Backend>(web: &Web<S>, user: &User, q: Vec<(String, String)>, plan: PlanForm) -> Result<PrepPage, WebError> {
    web.guard(user, Action::Evaluate).await?;
    let rules = web.rules();
    let lang = user.lang;
    let l = lang.rules();
    let date = crate::view::today();
    let sent = !q.is_empty();
    let mut error = None;
    let mut rows = Vec::new();
    let mut related: Vec<(RuleKind, String)> = Vec::new();
    let mut notices: Vec<(String, bool)> = Vec::new();
    if sent {
        match (circumstances(rules, &q), participants(rules, &q)) {
            (Ok(_), Ok(p)) if p.is_empty() => error = Some(Msg::new("conference-no-participants").render(l)),
            (Ok(facts), Ok(p)) => {
                for (role, involved) in p {
                    let state = deliberation_for(rules, date, &facts, &role, involved, lang)?;
                    // The format's defaults for what the form does not ask (no objection, not
                    // deceased, no measure …), as the worked examples do; the deliberation
                    // opened from a row asks whatever still matters.
                    let known = state.facts(rules).with_defaults(rules);
                    let ev = evaluate(rules, date, &known, &Judgments::default())?;
                    let rep = report(rules, &ev, &known, &Judgments::default(), l);
                    for t in rep.trace.iter().filter(|t| t.carries_outcome) {
                        related.push((RuleKind::Route, t.rule.clone()));
                    }
                    related.push((RuleKind::Role, role.clone()));
                    let ground = |g: &String| rules.ground(g).map(|g| rules.grounds[g.ix()].label.get(l).to_string());
                    let r = rules.role(&role).map(|r| &rules.roles[r.ix()]);
                    let can_be_involved = role == "collega"
                        || r.is_some_and(|r| r.tags.iter().any(|t| rules.tags.get(*t).is_some_and(|t| t.id == "behandelaar")));
                    rows.push(ParticipantRow {
                        badge: match ev.outcome {
                            Outcome::MustShare | Outcome::MayShare => "ok",
                            Outcome::MayShareAfterWeighing | Outcome::Undetermined => "warn",
                            Outcome::MayNotShare => "bad",
                        },
                        can_be_involved,
                        toggle_href: toggled(&q, &role, involved),
                        label: rules.role(&role).map(|r| rules.roles[r.ix()].label.get(l).to_string()).unwrap_or_default(),
                        organisation_label: lang.tr_with(
                            "conference-plan-organisation",
                            &[("role", rules.role(&role).map(|r| rules.roles[r.ix()].label.get(l).to_string()).unwrap_or_default().into())],
                        ),
                        role,
                        involved,
                        outcome: outcome_label(ev.outcome, l),
                        outcome_class: grondslag_scenario::outcome_id(ev.outcome),
                        grounds: rep.beroepsgeheim.grounds.iter().filter_map(ground).collect(),
                        conditions: rep.conditions.iter().map(|c| c.text.clone()).collect(),
                        would_change: rep.counterfactuals.iter().map(|c| c.text.clone()).collect(),
                    });
                    for n in &rep.notices {
                        if !notices.iter().any(|(t, _): &(String, bool)| *t == n.text) {
                            notices.push((n.text.clone(), n.uncertain));
                        }
                    }
                }
            }
            (Err(e), _) | (_, Err(e)) => error = Some(e.text(lang)),
        }
    }
    let nobody = !rows.is_empty() && rows.iter().all(|r| r.outcome_class == "may_not_share");
    related.push((RuleKind::Notice, "no-covenant-ground".into()));
    related.push((RuleKind::Condition, "anonymise".into()));
    let (_, articles) = articles_for(web.knowledge(), &related, lang, 4);
    let chosen = |field: &str| values(&q, field).into_iter().map(str::to_owned).collect::<Vec<_>>();
    let opts = |fact: &str, field: &str, default: Option<&str>| -> Vec<Opt> {
        let picked = chosen(field);
        let Some(f) = rules.fact(fact) else { return Vec::new() };
        options(rules, f, l)
            .into_iter()
            .map(|o| Opt {
                checked: picked.contains(&o.value) || (picked.is_empty() && Some(o.value.as_str()) == default),
                value: o.value,
                label: o.label,
            })
            .collect()
    };
    let picked_roles = chosen("deelnemers");
    let mut roles: Vec<OptGroup> = Vec::new();
    for r in &rules.roles {
        let label = group_label(&r.group, lang).to_owned();
        let opt = Opt { value: r.id.clone(), label: r.label.get(l).to_string(), checked: picked_roles.contains(&r.id) };
        match roles.iter_mut().find(|g| g.label == label) {
            Some(g) => g.options.push(opt),
            None => roles.push(OptGroup { label, options: vec![opt] }),
        }
    }
    // The roles most often at such a table come first, so that the chair need not read all of
    // them (the slowest step in the trials); each role is offered once.
    let mut participant_groups = vec![OptGroup { label: lang.tr("conference-common-roles").to_owned(), options: Vec::new() }];
    for id in COMMON_ROLES {
        if let Some(opt) = roles.iter().flat_map(|g| g.options.iter()).find(|o| o.value == id) {
            participant_groups[0].options.push(opt.clone());
        }
    }
    for g in &roles {
        let rest: Vec<Opt> = g.options.iter().filter(|o| !COMMON_ROLES.contains(&o.value.as_str())).cloned().collect();
        if !rest.is_empty() {
            participant_groups.push(OptGroup { label: g.label.clone(), options: rest });
        }
    }
    let first = |field: &str| values(&q, field).first().map(|v| (*v).to_owned()).unwrap_or_default();
    let own_role = if sent { first("rol") } else { user.profession.clone() };
    let covenant = covenant_notice(rules, l);
    Ok(PrepPage {
        participant_groups,
        plan,
        c: Chrome::new(user, "/casusoverleg"),
        title: lang.tr("conference-title").into(),
        roles,
        own_role,
        purposes: opts("purpose", "doel", Some("care")),
        data: opts("data_categories", "gegevens", None),
        consents: opts("consent", "toestemming", Some("not_asked")),
        dangers: opts("danger", "gevaar", Some("none")),
        age: first("leeftijd"),
        competent: first("wilsbekwaam"),
        suspicion: if sent { first("vermoeden") } else { "false".into() },
        error,
        rows,
        nobody,
        notices,
        covenant,
        identifying: identifying_details(l),
        articles,
        query: q,
    })
}

/// `POST /casusoverleg/beraad`: one participant's answer as a deliberation without a client,
/// pre-filled with the form's circumstances and that participant as recipient, to finish, link
/// to a client and record.
pub async fn open<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    web.guard(&user, Action::Evaluate).await?;
    let rules = web.rules();
    let q: Vec<(String, String)> = form.0.clone();
    let facts = circumstances(rules, &q)?;
    let recipient = form.get("ontvanger").map(str::trim).unwrap_or("");
    if rules.role(recipient).is_none() {
        return Err(WebError::Invalid(Msg::new("conference-unknown-role")));
    }
    let involved = values(&q, "betrokken").contains(&recipient);
    let state = deliberation_for(rules, crate::view::today(), &facts, recipient, involved, user.lang)?;
    web.evaluate_draft(None, &state).await?;
    let draft = web.save_draft(&user, None, &state).await?;
    Ok(Redirect::to(&format!("/beraad/{draft}")).into_response())
}

/// `/casusoverleg?…` with `role`'s "gives care or help" answer turned round.
fn toggled(q: &[(String, String)], role: &str, involved: bool) -> String {
    let mut pairs: Vec<(String, String)> = q.iter().filter(|(k, v)| !(k == "betrokken" && v == role)).cloned().collect();
    if !involved {
        pairs.push(("betrokken".into(), role.to_owned()));
    }
    // Back at the card whose answer was turned round (the page reloads at the top otherwise).
    format!("/casusoverleg?{}#deelnemer-{role}", serde_urlencoded::to_string(&pairs).unwrap_or_default())
}

/// The query string of the form, to repeat it in each row's "open als beraad" form.
pub fn hidden_fields(q: &[(String, String)]) -> Vec<(String, String)> {
    let keep: HashMap<&str, ()> = FIELDS.iter().map(|(f, _)| (*f, ())).chain([("betrokken", ())]).collect();
    q.iter().filter(|(k, _)| keep.contains_key(k.as_str())).cloned().collect()
}

impl PrepPage {
    pub fn hidden(&self) -> Vec<(String, String)> {
        hidden_fields(&self.query)
    }

    /// The organisation typed for a participant's seat.
    pub fn organisation_of(&self, role: &str) -> &str {
        self.plan.organisations.iter().find(|(r, _)| r == role).map(|(_, o)| o.as_str()).unwrap_or("")
    }

    /// What planning the overleg takes from the form: the participants and the purpose.
    pub fn plan_fields(&self) -> Vec<(String, String)> {
        self.query.iter().filter(|(k, _)| k == "deelnemers" || k == "doel").cloned().collect()
    }

    /// Who gives care or help, kept when the form is sent again (it is set on the cards).
    pub fn involved(&self) -> Vec<&str> {
        values(&self.query, "betrokken")
    }
}
