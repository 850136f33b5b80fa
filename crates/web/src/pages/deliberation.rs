//! The deliberation in the browser: one question per page with "Waarom vraag ik dit?", back and
//! change, the professional's own weighing per criterion, the answer in both layers, and
//! recording it in the client's dossier. Each page evaluates the draft afresh; every step is a
//! POST followed by a redirect, so the browser's back button and reloads are safe.

use grondslag_i18n::Msg;
use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use grondslag_engine::{QuestionPurpose, options, report};
use grondslag_rules::{Domain, FactId};
use grondslag_store::{AppRole, DraftId};

use super::FormData;
use crate::audit::Opened;
use crate::draft::{Criterion, Deliberation, Example, Refusal, parse_answer};
use crate::error::{WebError, internal};
use crate::i18n::Lang;
use crate::pages::clients::{ClientRow, own_clients};
use crate::policy::Action;
use crate::report_view::{ArticleLink, ReportView, SourceRow, articles_for};
use crate::view::Chrome;
use crate::{Backend, User, Web};
use grondslag_knowledge::RuleKind;

// --- starting -----------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "deliberation_start.html")]
pub struct StartPage {
    pub c: Chrome,
    pub title: String,
    pub clients: Vec<ClientRow>,
    pub chosen: String,
    pub today: String,
}

fn today() -> time::Date {
    crate::view::today()
}

pub async fn start_form<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Query(q): Query<HashMap<String, String>>,
) -> Result<StartPage, WebError> {
    web.guard(&user, Action::Evaluate).await?;
    let clients = own_clients(&web, &user).await?;
    let chosen = q.get("client").filter(|c| clients.iter().any(|r| &r.id == *c)).cloned().unwrap_or_default();
    Ok(StartPage {
        title: user.lang.tr("common-new-deliberation").into(),
        c: Chrome::new(&user, "/beraad/nieuw"),
        clients,
        chosen,
        today: today().to_string(),
    })
}

pub async fn create<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    let date = match form.get("datum").map(str::trim).filter(|d| !d.is_empty()) {
        None => today(),
        Some(d) => time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]"))
            .map_err(|_| WebError::Invalid(Msg::new("deliberation-datum-recht-geen-geldige")))?,
    };
    let opened = match form.get("client").unwrap_or("") {
        "" => return Err(WebError::Invalid(Msg::new("deliberation-kies-over-welke-client"))),
        "anoniem" => {
            web.guard(&user, Action::Evaluate).await?;
            None
        }
        id => Some(web.open_client(&user, Action::DossierWrite, id).await?),
    };
    let mut state = Deliberation::new(opened.as_ref().map(|o| o.id().to_owned()), date);
    prefill_own_role(web.rules(), &mut state, &user);
    // The date must have rules in force; say so now rather than on the first question.
    web.evaluate_draft(opened.as_ref(), &state).await?;
    let id = web.save_draft(&user, None, &state).await?;
    Ok(Redirect::to(&format!("/beraad/{id}")).into_response())
}

/// The professional's own profession answers "in which role did you learn this?" (shown with
/// the other answers, so it can be changed: someone may also work as a volunteer).
pub(crate) fn prefill_own_role(rules: &grondslag_rules::RuleSet, state: &mut Deliberation, user: &User) {
    if let Some(f) = rules.fact("sender_role")
        && rules.role(&user.profession).is_some()
        && let Ok(v) = parse_answer(rules, f, std::slice::from_ref(&user.profession))
    {
        state.set(rules, f, v, user.lang.rules());
        state.history.clear();
        state.prefilled.push("sender_role".into());
    }
}

// --- a deliberation without a client, linked to one to record it -----------------------------

#[derive(Template, WebTemplate)]
#[template(path = "deliberation_link.html")]
pub struct LinkPage {
    pub c: Chrome,
    pub title: String,
    pub draft: String,
    pub clients: Vec<ClientRow>,
}

/// `GET /beraad/{d}/client`: choose which of one's clients a deliberation without a client is
/// about (one started from a worked example, say), so that it can be recorded in that dossier.
pub async fn link_form<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<Response, WebError> {
    let state = web.load_draft(&user, &id).await?;
    if state.client.is_some() {
        return Ok(Redirect::to(&format!("/beraad/{id}")).into_response());
    }
    web.guard(&user, Action::Evaluate).await?;
    let clients = own_clients(&web, &user).await?;
    Ok(LinkPage { title: user.lang.tr("deliberation-link-title").into(), c: Chrome::new(&user, "/beraad/nieuw"), draft: id, clients }
        .into_response())
}

/// `POST /beraad/{d}/client`: links the draft to the client chosen. Opening the client is
/// authorised and logged as for a deliberation started from the client; the answer is then
/// evaluated again with the client's consent registry, and may change.
pub async fn link<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    form: FormData,
) -> Result<Response, WebError> {
    let mut state = web.load_draft(&user, &id).await?;
    if state.client.is_some() {
        return Err(WebError::Invalid(Msg::new("deliberation-link-already-linked")));
    }
    let chosen = form
        .get("client")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .ok_or_else(|| WebError::Invalid(Msg::new("deliberation-link-choose-client")))?;
    let opened = web.open_client(&user, Action::DossierWrite, chosen).await?;
    state.client = Some(opened.id().to_owned());
    // For a client the consent registry decides about consent, not an answer typed for the
    // example: drop that answer (and its follow-up) so the answers never contradict the
    // registry, and say so among the revisions.
    let registry = user.lang.tr("deliberation-link-consent-from-registry");
    for fact in ["consent", "consent_freely_given"].iter().filter_map(|f| web.rules().fact(f)) {
        state.forget(web.rules(), fact, registry, user.lang.rules());
    }
    web.save_draft(&user, Some(&id), &state).await?;
    Ok(Redirect::to(&format!("/beraad/{id}")).into_response())
}

// --- one question, or the answer ------------------------------------------------------------

#[derive(Clone)]
pub struct Opt {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct OptGroup {
    pub label: String,
    pub options: Vec<Opt>,
}

pub struct AnswerRow {
    pub fact: String,
    pub label: String,
    pub value: String,
    /// Taken from the client's meldcode trajectory when the deliberation was started there.
    pub from_meldcode: bool,
    /// Taken from the worked example the deliberation was started from.
    pub from_example: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "question.html")]
pub struct QuestionPage {
    pub c: Chrome,
    pub title: String,
    pub draft: String,
    pub client_name: Option<String>,
    pub number: usize,
    /// At most how many questions there are, this one included (0 when not known).
    pub at_most: usize,
    pub fact: String,
    pub question: String,
    pub why: String,
    pub why_now: String,
    pub answered_by: String,
    pub sources: Vec<SourceRow>,
    /// The kennisbank articles that explain this question.
    pub about: Vec<ArticleLink>,
    /// `bool`, `age`, `choice`, `set` or `role`.
    pub kind: &'static str,
    pub options: Vec<Opt>,
    pub groups: Vec<OptGroup>,
    pub current: String,
    pub answers: Vec<AnswerRow>,
    pub can_back: bool,
    pub changing: bool,
    pub conditions_only: bool,
    pub error: Option<String>,
    /// Started from the client's meldcode trajectory (some answers come from it).
    pub from_meldcode: bool,
    /// Started from a worked example of the case library (some answers come from it).
    pub example: Option<Example>,
    /// Answers for a casusoverleg (sharing with one seat at its table).
    pub conference: Option<grondslag_app::deliberation::ConferenceLink>,
}

/// The professional's own role among the answers (prefilled from the account): shown at the top
/// of every question and of the answer, because which secrecy applies follows from it.
fn own_role(answers: &[AnswerRow]) -> Option<&AnswerRow> {
    answers.iter().find(|a| a.fact == "sender_role")
}

impl QuestionPage {
    pub fn own_role(&self) -> Option<&AnswerRow> {
        if self.fact == "sender_role" { None } else { own_role(&self.answers) }
    }
}

impl ResultPage {
    pub fn own_role(&self) -> Option<&AnswerRow> {
        own_role(&self.answers)
    }
}

pub struct JudgmentLink {
    pub id: String,
    pub title: String,
    pub recorded: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "result.html")]
pub struct ResultPage {
    pub c: Chrome,
    pub title: String,
    pub draft: String,
    pub client: Option<String>,
    pub client_name: Option<String>,
    pub rv: ReportView,
    pub answers: Vec<AnswerRow>,
    pub judgments: Vec<JudgmentLink>,
    pub consent_note: Option<String>,
    pub can_record: bool,
    /// The version of the answer shown; recording is bound to it.
    pub version: String,
    /// Why recording was just refused (the page then shows the current answer).
    pub refused: Option<String>,
    /// The first conditions (id, text), for the one-screen summary; the rest are in the details.
    pub top_conditions: Vec<(String, String)>,
    pub more_conditions: usize,
    /// Consent would change the answer and the registry has none: offer to register it.
    pub ask_consent: bool,
    /// Started from the client's meldcode trajectory (some answers come from it).
    pub from_meldcode: bool,
    /// Started from a worked example of the case library (some answers come from it).
    pub example: Option<Example>,
    /// Answers for a casusoverleg (sharing with one seat at its table).
    pub conference: Option<grondslag_app::deliberation::ConferenceLink>,
    /// The client has an open meldcode trajectory: link back to it.
    pub meldcode_open: bool,
    /// The client has an open meldcode trajectory, yet this deliberation answers that there is
    /// no suspicion of violence or abuse: the page asks whether that is right.
    pub meldcode_contradicted: bool,
    /// The lines for the professional's own record system (this answer, not yet recorded).
    pub record_text: String,
}

impl ResultPage {
    pub fn any_weighing_recorded(&self) -> bool {
        self.judgments.iter().any(|j| j.recorded)
    }
}

/// Opens the draft's client for reading (logged), with the client's name; nothing for a
/// deliberation without a client.
async fn open_draft<'w, S: Backend>(
    web: &'w Web<S>,
    user: &User,
    state: &Deliberation,
) -> Result<(Option<Opened<'w, S>>, Option<String>), WebError> {
    match &state.client {
        Some(id) => {
            let opened = web.open_client(user, Action::DossierRead, id.as_str()).await?;
            let name = opened.identity().await?.name;
            Ok((Some(opened), Some(name)))
        }
        None => Ok((None, None)),
    }
}

fn answers(rules: &grondslag_rules::RuleSet, state: &Deliberation, lang: Lang) -> Vec<AnswerRow> {
    state
        .answer_labels(rules, lang.rules())
        .into_iter()
        .map(|(f, label, value)| {
            let fact = rules.facts[f.ix()].id.clone();
            let from_meldcode = state.from_meldcode && fact != "sender_role" && state.prefilled.contains(&fact);
            let from_example = state.from_example.is_some() && state.prefilled.contains(&fact);
            AnswerRow { fact, label, value, from_meldcode, from_example }
        })
        .collect()
}

/// The label of a role group (for grouped role choices).
pub fn group_label(id: &str, lang: Lang) -> &'static str {
    match id {
        "zorg" => lang.tr("deliberation-care"),
        "jeugd" => lang.tr("deliberation-youth"),
        "sociaal" => lang.tr("deliberation-social-domain"),
        "onderwijs" => lang.tr("deliberation-education"),
        "overheid" => lang.tr("deliberation-government"),
        "justitie" => lang.tr("deliberation-justice"),
        "privaat" => lang.tr("deliberation-private-parties"),
        "kring" => lang.tr("deliberation-the-clients-circle"),
        _ => lang.tr("deliberation-other"),
    }
}

#[allow(clippy::too_many_arguments)]
fn question_page<S: Backend>(
    web: &Web<S>,
    user: &User,
    id: &str,
    state: &Deliberation,
    fact: FactId,
    asked: Option<&grondslag_engine::QuestionOut>,
    changing: bool,
    client_name: Option<String>,
    error: Option<String>,
    left: usize,
) -> QuestionPage {
    let rules = web.rules();
    let lang = user.lang;
    let f = &rules.facts[fact.ix()];
    // After "vorige vraag" the undone answer is offered again, preselected.
    let current = state.value(&f.id).or_else(|| state.recall.as_ref().filter(|a| a.fact == f.id).map(|a| &a.value));
    let current_ids: Vec<String> = match current {
        Some(serde_json::Value::Array(a)) => a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        Some(serde_json::Value::Bool(b)) => vec![b.to_string()],
        Some(serde_json::Value::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    };
    let opts: Vec<Opt> = options(rules, fact, lang.rules())
        .into_iter()
        .map(|o| Opt { checked: current_ids.contains(&o.value), value: o.value, label: o.label })
        .collect();
    let (kind, groups) = match &f.domain {
        Domain::Bool => ("bool", Vec::new()),
        Domain::Age => ("age", Vec::new()),
        Domain::Set(_) => ("set", Vec::new()),
        Domain::Enum(_) => ("choice", Vec::new()),
        Domain::Role { .. } => {
            let mut groups: Vec<OptGroup> = Vec::new();
            for o in &opts {
                let g = rules.role(&o.value).map(|r| rules.roles[r.ix()].group.clone()).unwrap_or_default();
                let label = if o.value == "none" { lang.tr("deliberation-nobody").to_owned() } else { group_label(&g, lang).to_owned() };
                match groups.iter_mut().find(|x| x.label == label) {
                    Some(x) => x.options.push(Opt { value: o.value.clone(), label: o.label.clone(), checked: o.checked }),
                    None => groups.push(OptGroup {
                        label,
                        options: vec![Opt { value: o.value.clone(), label: o.label.clone(), checked: o.checked }],
                    }),
                }
            }
            ("role", groups)
        }
    };
    let why_now = match (asked, changing) {
        (_, true) => lang.tr("common-you-are-changing-an-earlier"),
        (Some(q), false) => q.why_now.as_str(),
        (None, false) => lang.tr("deliberation-this-is-needed-to-consult"),
    }
    .to_owned();
    let who = match f.answered_by.as_str() {
        "professional" => lang.tr("deliberation-you-the-professional"),
        "" => "",
        _ => lang.tr("deliberation-you-after-checking-if-needed"),
    };
    QuestionPage {
        title: f.question.get(lang.rules()).to_string(),
        c: Chrome::new(user, &format!("/beraad/{id}")),
        draft: id.to_owned(),
        client_name,
        number: state.answered() + 1,
        at_most: if left == 0 { 0 } else { state.answered() + left },
        fact: f.id.clone(),
        question: f.question.get(lang.rules()).to_string(),
        why: f.why.get(lang.rules()).to_string(),
        why_now,
        answered_by: who.to_owned(),
        sources: f.sources.iter().map(|s| SourceRow::of_rule(rules.source(*s), lang)).collect(),
        about: articles_for(web.knowledge(), &[(RuleKind::Fact, f.id.clone())], lang, 2).1,
        kind,
        options: opts,
        groups,
        current: current_ids.first().cloned().unwrap_or_default(),
        answers: answers(rules, state, lang),
        can_back: !state.history.is_empty(),
        changing,
        conditions_only: asked.is_some_and(|q| q.purpose == QuestionPurpose::Conditions),
        error,
        from_meldcode: state.from_meldcode,
        example: state.from_example.clone(),
        conference: state.from_conference.clone(),
    }
}

pub async fn show<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    render(&web, &user, &id, &q, None).await
}

/// The next question, or the answer (with `refused` when recording was just refused).
async fn render<S: Backend>(
    web: &Web<S>,
    user: &User,
    id: &str,
    q: &HashMap<String, String>,
    refused: Option<String>,
) -> Result<Response, WebError> {
    let id = id.to_owned();
    let state = web.load_draft(user, &id).await?;
    let (opened, name) = open_draft(web, user, &state).await?;
    let rules = web.rules();
    let lang = user.lang;
    if let Some(fid) = q.get("wijzig") {
        let fact = rules.fact(fid).ok_or_else(|| WebError::NotFound(Msg::new("deliberation-vraag-bestaat-niet")))?;
        return Ok(question_page(web, user, &id, &state, fact, None, true, name, None, 0).into_response());
    }
    let ev = web.evaluate_draft(opened.as_ref(), &state).await?;
    let rep = report(rules, &ev.evaluation, &ev.facts, &ev.judgments, lang.rules());
    if let Some(fact) = ev.next {
        let asked = rep.questions.iter().find(|qo| rules.fact(&qo.fact) == Some(fact));
        // Once the outcome stands, the remaining questions only refine the conditions: the
        // professional may skip to the answer (they are listed there as still open).
        let skip = q.contains_key("antwoord") && asked.is_some_and(|a| a.purpose == QuestionPurpose::Conditions);
        if !skip {
            let left = grondslag_engine::questions_left_at_most(rules, &ev.evaluation, &ev.facts);
            let page = question_page(web, user, &id, &state, fact, asked, false, name, refused.clone(), left);
            let status = if refused.is_some() { axum::http::StatusCode::CONFLICT } else { axum::http::StatusCode::OK };
            return Ok((status, page).into_response());
        }
    }
    let judgments = ev
        .evaluation
        .required_judgments
        .iter()
        .map(|j| {
            let set = &rules.judgments[j.ix()];
            JudgmentLink {
                id: set.id.clone(),
                title: set.title.get(lang.rules()).to_string(),
                recorded: state.judgments.contains_key(&set.id),
            }
        })
        .chain(
            state
                .judgments
                .keys()
                .filter(|k| !ev.evaluation.required_judgments.iter().any(|j| &rules.judgments[j.ix()].id == *k))
                .filter_map(|k| {
                    rules.judgment(k).map(|j| JudgmentLink {
                        id: k.clone(),
                        title: rules.judgments[j.ix()].title.get(lang.rules()).to_string(),
                        recorded: true,
                    })
                }),
        )
        .collect();
    let consent_note = ev.consent.as_ref().map(|d| d.explanation.clone());
    let can_record = state.client.is_some()
        && ev.evaluation.outcome != grondslag_rules::Outcome::Undetermined
        && matches!(user.role, AppRole::Professional | AppRole::Aandachtsfunctionaris);
    let status = if refused.is_some() { axum::http::StatusCode::CONFLICT } else { axum::http::StatusCode::OK };
    const TOP: usize = 3;
    let top_conditions = rep.conditions.iter().take(TOP).map(|i| (i.id.clone(), i.text.clone())).collect();
    let more_conditions = rep.conditions.len().saturating_sub(TOP);
    // Offer to register consent whenever consent would change the answer and the registry has
    // none that counts (not only when it is the first thing that would).
    let ask_consent =
        ev.consent.as_ref().is_some_and(|d| d.consent != "given") && rep.counterfactuals.iter().any(|cf| cf.id == "toestemming");
    let meldcode_open = match &opened {
        Some(o) => crate::pages::meldcode::has_open_trajectory(o).await?,
        None => false,
    };
    // A trajectory is open because signals of violence or abuse were recorded; an answer "no
    // suspicion" here would let this deliberation skip everything that follows from them.
    let no_suspicion = state.value("suspicion_domestic_violence_or_child_abuse") == Some(&serde_json::Value::Bool(false));
    let meldcode_contradicted = meldcode_open && no_suspicion;
    let record_text = grondslag_app::record_text::compose(rules, &rep, None, None, lang.rules());
    let page = ResultPage {
        meldcode_contradicted,
        record_text,
        from_meldcode: state.from_meldcode,
        example: state.from_example.clone(),
        conference: state.from_conference.clone(),
        meldcode_open,
        top_conditions,
        more_conditions,
        ask_consent,
        title: lang.tr("common-the-answer").into(),
        c: Chrome::new(user, &format!("/beraad/{id}")),
        draft: id.clone(),
        client: state.client.as_ref().map(ToString::to_string),
        client_name: name,
        answers: answers(rules, &state, lang),
        rv: ReportView::new(rep, lang, state.revisions.clone(), web.knowledge()),
        judgments,
        consent_note,
        can_record,
        version: ev.version.token(),
        refused,
    };
    Ok((status, page).into_response())
}

pub async fn answer<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    form: FormData,
) -> Result<Response, WebError> {
    let mut state = web.load_draft(&user, &id).await?;
    let rules = web.rules();
    let fid = form.get("vraag").unwrap_or("");
    let fact = rules.fact(fid).ok_or_else(|| WebError::Invalid(Msg::new("deliberation-onbekende-vraag-in-formulier")))?;
    let values = form.all("antwoord");
    match parse_answer(rules, fact, &values).map_err(|e| WebError::Invalid(Msg::verbatim(e))) {
        Ok(v) => {
            state.set(rules, fact, v, user.lang.rules());
            web.save_draft(&user, Some(&id), &state).await?;
            // A changed answer returns to the answer when the outcome stands (questions that
            // only refine the conditions were skipped before and stay skipped).
            let to = if form.get("wijzigen") == Some("1") { format!("/beraad/{id}?antwoord=1") } else { format!("/beraad/{id}") };
            Ok(Redirect::to(&to).into_response())
        }
        Err(WebError::Invalid(msg)) => {
            // Show the same question again with the message; nothing is lost.
            let (opened, name) = open_draft(&web, &user, &state).await?;
            let changing = form.get("wijzigen") == Some("1");
            let ev = web.evaluate_draft(opened.as_ref(), &state).await?;
            let rep = report(rules, &ev.evaluation, &ev.facts, &ev.judgments, user.lang.rules());
            let asked = rep.questions.iter().find(|qo| qo.fact == fid);
            let left = grondslag_engine::questions_left_at_most(rules, &ev.evaluation, &ev.facts);
            let page = question_page(&web, &user, &id, &state, fact, asked, changing, name, Some(msg.render(user.lang.rules())), left);
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

pub async fn back<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<Response, WebError> {
    let mut state = web.load_draft(&user, &id).await?;
    if state.back() {
        web.save_draft(&user, Some(&id), &state).await?;
    }
    Ok(Redirect::to(&format!("/beraad/{id}")).into_response())
}

// --- the professional's own weighing ---------------------------------------------------------

pub struct CriterionRow {
    pub index: usize,
    pub label: String,
    pub help: String,
    pub answer: Option<bool>,
    pub reasons: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "judgment.html")]
pub struct JudgmentPage {
    pub c: Chrome,
    pub title: String,
    pub draft: String,
    pub judgment: String,
    pub intro: String,
    pub criteria: Vec<CriterionRow>,
    pub sources: Vec<SourceRow>,
    /// The kennisbank articles that explain this weighing.
    pub about: Vec<ArticleLink>,
    pub error: Option<String>,
}

fn judgment_page<S: Backend>(
    web: &Web<S>,
    user: &User,
    id: &str,
    jid: &str,
    state: &Deliberation,
    error: Option<String>,
) -> Result<JudgmentPage, WebError> {
    let rules = web.rules();
    let lang = user.lang.rules();
    let j = rules.judgment(jid).ok_or_else(|| WebError::NotFound(Msg::new("deliberation-afweging-bestaat-niet")))?;
    let set = &rules.judgments[j.ix()];
    let saved = state.judgments.get(jid);
    Ok(JudgmentPage {
        title: set.title.get(lang).to_string(),
        c: Chrome::new(user, &format!("/beraad/{id}")),
        draft: id.to_owned(),
        judgment: set.id.clone(),
        intro: set.intro.get(lang).to_string(),
        criteria: set
            .criteria
            .iter()
            .enumerate()
            .map(|(i, cr)| {
                let s = saved.and_then(|v| v.get(i));
                CriterionRow {
                    index: i,
                    label: cr.label.get(lang).to_string(),
                    help: cr.help.as_ref().map(|h| h.get(lang).to_string()).unwrap_or_default(),
                    answer: s.and_then(|c| c.answer),
                    reasons: s.map(|c| c.reasons.clone()).unwrap_or_default(),
                }
            })
            .collect(),
        sources: set.sources.iter().map(|s| SourceRow::of_rule(rules.source(*s), user.lang)).collect(),
        about: articles_for(web.knowledge(), &[(RuleKind::Judgment, set.id.clone())], user.lang, 2).1,
        error,
    })
}

pub async fn judgment_form<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path((id, jid)): Path<(String, String)>,
) -> Result<JudgmentPage, WebError> {
    let state = web.load_draft(&user, &id).await?;
    judgment_page(&web, &user, &id, &jid, &state, None)
}

pub async fn judgment_save<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path((id, jid)): Path<(String, String)>,
    form: FormData,
) -> Result<Response, WebError> {
    let mut state = web.load_draft(&user, &id).await?;
    let rules = web.rules();
    let j = rules.judgment(&jid).ok_or_else(|| WebError::NotFound(Msg::new("deliberation-afweging-bestaat-niet")))?;
    let n = rules.judgments[j.ix()].criteria.len();
    let mut criteria = Vec::with_capacity(n);
    let mut problems = Vec::new();
    for i in 0..n {
        let answer = match form.get(&format!("oordeel_{i}")) {
            Some("ja") => Some(true),
            Some("nee") => Some(false),
            _ => None,
        };
        let reasons = form.optional(&format!("reden_{i}"), "field-reden", 4000)?;
        if answer.is_none() || reasons.is_empty() {
            problems.push(i + 1);
        }
        criteria.push(Criterion { answer, reasons });
    }
    state.judgments.insert(jid.clone(), criteria);
    web.save_draft(&user, Some(&id), &state).await?;
    if !problems.is_empty() {
        let list = problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", ");
        let msg = user.lang.tr_with("judgment-criteria-open", &[("open", list.into())]);
        let page = judgment_page(&web, &user, &id, &jid, &state, Some(msg))?;
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    Ok(Redirect::to(&format!("/beraad/{id}?antwoord=1")).into_response())
}

// --- recording ---------------------------------------------------------------------------------

/// Records the deliberation, bound to the version of the answer the page showed (`versie`). A
/// stale page, changed consent or an undetermined outcome is refused: the current answer is
/// shown with the reason, and nothing is recorded.
pub async fn record<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    form: FormData,
) -> Result<Response, WebError> {
    let state = web.load_draft(&user, &id).await?;
    let Some(client) = state.client.clone() else {
        return Err(WebError::Invalid(Refusal::NoClient.message()));
    };
    let opened = web.open_client(&user, Action::DossierWrite, client.as_str()).await?;
    let shown = form.get("versie").unwrap_or("");
    match opened.record_deliberation(&user.id, &state, shown, user.lang.rules()).await {
        Ok(done) => {
            web.store().delete_draft(&DraftId::parse(&id).map_err(|_| internal("draft_id"))?).await?;
            // For a casusoverleg: the outcome and grounds (only those) become her answer at the
            // table; the deliberation itself stays in her own client's dossier.
            if let Some(link) = &state.from_conference {
                let to = super::conferences::record_answer(&web, &user, &state, link, &done.report).await?;
                return Ok(Redirect::to(&to).into_response());
            }
            Ok(Redirect::to(&format!("/clienten/{client}/beraad/{}/besluit?vastgelegd=1", done.receipt.seq)).into_response())
        }
        Err(grondslag_app::AppError::Refused(r)) => {
            // The current answer (questions that only refine conditions stay skipped).
            let q = HashMap::from([("antwoord".to_owned(), "1".to_owned())]);
            render(&web, &user, &id, &q, Some(r.message().render(user.lang.rules()))).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "printable.html")]
pub struct PrintablePage {
    pub c: Chrome,
    pub title: String,
    pub subtitle: String,
    pub rv: ReportView,
    pub back: String,
    pub receipt: Option<grondslag_app::Receipt>,
    /// The readable proof-of-recording page, for a recorded entry.
    pub proof: Option<String>,
    /// The lines for the professional's own record system, for a recorded deliberation.
    pub record_text: Option<String>,
    /// The PDF report, for a recorded entry.
    pub pdf: Option<String>,
}

pub async fn printable<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<PrintablePage, WebError> {
    let state = web.load_draft(&user, &id).await?;
    let (opened, name) = open_draft(&web, &user, &state).await?;
    let ev = web.evaluate_draft(opened.as_ref(), &state).await?;
    let rules = web.rules();
    let rep = report(rules, &ev.evaluation, &ev.facts, &ev.judgments, user.lang.rules());
    let l = user.lang;
    Ok(PrintablePage {
        title: l.tr("common-report-of-a-deliberation").into(),
        subtitle: match name {
            Some(n) => format!("{} {n} — {}", l.tr("common-client"), l.tr("deliberation-not-yet-recorded")),
            None => l.tr("deliberation-without-a-client-not-recorded").into(),
        },
        c: Chrome::new(&user, &format!("/beraad/{id}/verslag")),
        rv: ReportView::new(rep, l, state.revisions.clone(), web.knowledge()),
        back: format!("/beraad/{id}"),
        receipt: None,
        proof: None,
        record_text: None,
        pdf: None,
    })
}
