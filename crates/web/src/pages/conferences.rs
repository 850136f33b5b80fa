//! A casusoverleg that lasts (`/casusoverleggen`, issue 13). The chair plans it from the
//! preparation page (`/casusoverleg`): a pseudonym for the family, the date, the purpose, the
//! working agreement (context, never a ground) and the roles at the table. She invites accounts
//! of her organisation to seats; each participant answers for herself, per other seat, in a
//! deliberation of her own that she records in her own client's dossier. The conference page
//! shows per seat only the outcome and grounds of those answers, and the minutes take a
//! participant's words as identifying only when her answers allow sharing with everyone.
//!
//! Every view and change is authorised and logged (`ConferenceRead`, `ConferenceWrite`): only a
//! seat opens a conference, and one without a seat looks like one that does not exist.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use grondslag_app::conference::{ConferenceContent, Seat, Standing};
use grondslag_app::deliberation::ConferenceLink;
use grondslag_engine::outcome_label;
use grondslag_i18n::Msg;
use grondslag_rules::{Outcome, RuleSet};
use grondslag_store::{AppRole, ProfessionalId};

use super::FormData;
use crate::draft::Deliberation;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::policy::Action;
use crate::view::Chrome;
use crate::{Backend, User, Web};

fn outcome_of(id: &str) -> Option<Outcome> {
    [Outcome::MustShare, Outcome::MayShare, Outcome::MayShareAfterWeighing, Outcome::MayNotShare, Outcome::Undetermined]
        .into_iter()
        .find(|o| grondslag_scenario::outcome_id(*o) == id)
}

fn role_label(rules: &RuleSet, role: &str, lang: Lang) -> String {
    rules.role(role).map(|r| rules.roles[r.ix()].label.get(lang.rules()).to_string()).unwrap_or_else(|| role.to_owned())
}

fn seat_label(rules: &RuleSet, s: &Seat, lang: Lang) -> String {
    let role = role_label(rules, &s.role, lang);
    if s.organisation.trim().is_empty() { role } else { format!("{role} ({})", s.organisation.trim()) }
}

/// The words of a value of the `purpose` fact (empty if the rule set no longer has it).
fn purpose_label(rules: &RuleSet, purpose: &str, lang: Lang) -> String {
    rules
        .fact("purpose")
        .and_then(|f| {
            rules.parse_value(f, &grondslag_rules::RawValue::Str(purpose.to_owned())).ok().map(|v| rules.value_label(f, v, lang.rules()))
        })
        .unwrap_or_default()
}

/// The labels of ground ids, joined.
fn ground_labels(rules: &RuleSet, ids: &[String], lang: Lang) -> String {
    ids.iter()
        .filter_map(|g| rules.ground(g))
        .map(|g| rules.grounds[g.ix()].label.get(lang.rules()).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The catalogue id of another participant's outcome, in the third person ("mag niet delen").
fn third_person(outcome: &str) -> &'static str {
    match outcome {
        "must_share" => "conferences-outcome-must",
        "may_share" => "conferences-outcome-may",
        "may_share_after_weighing" => "conferences-outcome-after-weighing",
        _ => "conferences-outcome-may-not",
    }
}

fn badge(outcome: &str) -> &'static str {
    match outcome {
        "must_share" | "may_share" => "ok",
        "may_not_share" => "bad",
        _ => "warn",
    }
}

// --- planning ------------------------------------------------------------------------------------

/// `POST /casusoverleggen`: plans a casusoverleg from the preparation page's roles and purpose
/// with a pseudonym, a date and the working agreement; the planner chairs it from her own seat.
pub async fn plan<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, form: FormData) -> Result<Response, WebError> {
    let rules = web.rules();
    let own_role = form.get("rol").map(str::trim).unwrap_or("").to_owned();
    let mut seats = vec![Seat {
        key: 0,
        role: own_role,
        organisation: form.get("organisatie-eigen").unwrap_or("").trim().to_owned(),
        account: None,
        code_hash: None,
    }];
    for role in form.all("deelnemers") {
        let role = role.trim().to_owned();
        // The planner chairs from her own seat: her own role ticked among the participants
        // (the preparation asks to include the chair) is that seat, not a second one.
        if role.is_empty() || role == seats[0].role {
            continue;
        }
        let organisation = form.get(&format!("organisatie-{role}")).unwrap_or("").trim().to_owned();
        let key = u32::try_from(seats.len()).map_err(|_| WebError::Invalid(Msg::new("conference-plan-seats-invalid")))?;
        seats.push(Seat { key, role, organisation, account: None, code_hash: None });
    }
    let date = form.get("datum").and_then(super::clients::parse_date);
    let content = ConferenceContent {
        title: form.get("titel").unwrap_or("").trim().to_owned(),
        date: date.map(|d| d.to_string()).unwrap_or_default(),
        purpose: form.get("doel").unwrap_or("").trim().to_owned(),
        agreement: form.get("afspraak").unwrap_or("").trim().to_owned(),
        anonymous: form.get("anoniem_overleg").is_some(),
        chair_seat: 0,
        seats,
        answers: Vec::new(),
        minutes: Vec::new(),
    };
    // A refusal shows the preparation again with everything typed and the reason at the
    // planning form (422); nothing is stored.
    let checked = if date.is_none() && !form.get("datum").unwrap_or("").trim().is_empty() {
        Err(grondslag_app::AppError::Invalid(Msg::new("conference-plan-date-invalid")))
    } else {
        content.check(rules)
    };
    if let Err(e) = checked {
        let message = WebError::from(e).text(user.lang);
        let keep = |k: &str| form.get(k).unwrap_or("").to_owned();
        let plan = super::case_conference::PlanForm {
            error: Some(message),
            title: keep("titel"),
            date: date.map(|d| d.to_string()).unwrap_or_default(),
            agreement: keep("afspraak"),
            own_organisation: keep("organisatie-eigen"),
            organisations: form
                .0
                .iter()
                .filter_map(|(k, v)| k.strip_prefix("organisatie-").filter(|r| *r != "eigen").map(|r| (r.to_owned(), v.clone())))
                .collect(),
        };
        let q: Vec<(String, String)> =
            form.0.iter().filter(|(k, _)| matches!(k.as_str(), "rol" | "deelnemers" | "doel")).cloned().collect();
        let page = super::case_conference::prepare(&web, &user, q, plan).await?;
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let id = web.plan_conference(&user, content).await?;
    Ok(Redirect::to(&format!("/casusoverleggen/{id}?gepland=1")).into_response())
}

// --- the list -------------------------------------------------------------------------------------

pub struct ListRow {
    pub href: String,
    pub title: String,
    pub date: String,
    pub chair: bool,
    pub seats: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "conferences.html")]
pub struct ListPage {
    pub c: Chrome,
    pub title: String,
    pub rows: Vec<ListRow>,
}

/// `GET /casusoverleggen`: the conferences the user chairs or is invited to.
pub async fn list<S: Backend>(State(web): State<Arc<Web<S>>>, user: User) -> Result<ListPage, WebError> {
    let own = web.own_conferences(&user).await?;
    let rows = own
        .into_iter()
        .map(|c| ListRow {
            href: format!("/casusoverleggen/{}", c.record.id),
            date: super::clients::parse_date(&c.content.date).map(crate::view::dutch_date).unwrap_or_default(),
            chair: c.record.chair == user.id,
            seats: c.content.seats.len(),
            title: c.content.title,
        })
        .collect();
    Ok(ListPage { c: Chrome::new(&user, "/casusoverleggen"), title: user.lang.tr("conferences-title").into(), rows })
}

// --- the conference -------------------------------------------------------------------------------

pub struct AnswerView {
    pub to: String,
    pub outcome: String,
    pub badge: &'static str,
    pub grounds: String,
}

pub struct SeatView {
    pub key: u32,
    pub label: String,
    pub who: String,
    pub is_chair: bool,
    pub is_me: bool,
    /// `ok`, `warn` or `bad`, and its words.
    pub standing_badge: &'static str,
    pub standing: String,
    pub answers: Vec<AnswerView>,
    /// The chair may (re)invite: no answers yet and not her own seat.
    pub can_invite: bool,
    /// An invitation code was made for it and not used yet.
    pub code_pending: bool,
    /// Nobody is invited to it (a participant from outside, or a code not used yet).
    pub open_seat: bool,
    pub account: String,
}

pub struct MyAnswer {
    pub to: u32,
    pub label: String,
    pub answer: Option<AnswerView>,
}

pub struct MinutesView {
    pub index: usize,
    pub withdrawn: bool,
    /// The user wrote it (and may withdraw it).
    pub mine: bool,
    pub from: String,
    pub text: String,
    pub anonymous: bool,
    pub date: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "conference.html")]
pub struct ConferencePage {
    pub c: Chrome,
    pub id: String,
    pub title: String,
    pub date: String,
    pub purpose: String,
    pub agreement: String,
    pub covenant: String,
    pub chair: bool,
    pub seats: Vec<SeatView>,
    /// The user's own seat's answers to give, per other seat (empty for a chair without… never:
    /// the chair has a seat).
    pub mine: Vec<MyAnswer>,
    /// The user's own clients, to choose whom her deliberations are about.
    pub clients: Vec<super::clients::ClientRow>,
    /// What the user may bring in now.
    pub my_standing: String,
    pub my_identifying: bool,
    pub anonymous_only: bool,
    /// An anonymous case discussion (the participants do not know whom it is about).
    pub anonymous_conference: bool,
    pub identifying: Vec<String>,
    pub minutes: Vec<MinutesView>,
    /// The accounts of the organisation the chair can invite (id, name).
    pub accounts: Vec<(String, String)>,
    pub planned: bool,
    pub recorded: bool,
    /// The text of a refused contribution to the minutes, shown again.
    pub draft_text: String,
    /// A one-time invitation code just made: (seat, code), shown this once.
    pub code: Option<(String, String)>,
    /// The address where a participant from another organisation enters the code.
    pub join_href: String,
    /// The user just took her seat with a code.
    pub joined: bool,
    /// The prepared deliberation for the next seat, after one was recorded: (draft, seat).
    pub following: Option<(String, String)>,
    pub error: Option<String>,
}

impl ConferencePage {
    pub fn selected(&self, seat: &SeatView, account: &str) -> bool {
        seat.account == account
    }
}

/// What a seat may bring in, in words. At a table that knows whom it is about, leaving out the
/// name does not make information about the client anonymous: without a ground, only working
/// methods, steps and general knowledge (law.md §9.1); only an anonymous case discussion can
/// take the client's situation without what identifies him.
fn standing_words(rules: &RuleSet, c: &ConferenceContent, s: &Seat, lang: Lang) -> (&'static str, String) {
    let names = |keys: &[u32]| keys.iter().filter_map(|k| c.seat(*k)).map(|s| seat_label(rules, s, lang)).collect::<Vec<_>>().join(", ");
    let (without, not_yet) = if c.anonymous {
        ("conferences-standing-anonymous", "conferences-standing-not-yet")
    } else {
        ("conferences-standing-no-client-info", "conferences-standing-not-yet-known")
    };
    match c.standing(s.key) {
        Standing::Identifying => ("ok", lang.tr("conferences-standing-identifying").to_owned()),
        Standing::OnlyAnonymous { without_ground } => ("bad", lang.tr_with(without, &[("seats", names(&without_ground).into())])),
        Standing::NotYet { missing } => ("warn", lang.tr_with(not_yet, &[("seats", names(&missing).into())])),
    }
}

async fn render<S: Backend>(
    web: &Web<S>,
    user: &User,
    opened: &crate::audit::conference::OpenedConference<'_, S>,
    q: &std::collections::HashMap<String, String>,
    error: Option<String>,
) -> Result<ConferencePage, WebError> {
    let rules = web.rules();
    let lang = user.lang;
    let l = lang.rules();
    let conf = &opened.conference;
    let c = &conf.content;
    let chair = conf.record.chair == user.id;
    let mut names: std::collections::HashMap<ProfessionalId, String> = std::collections::HashMap::new();
    let mut accounts = Vec::new();
    for p in web.store().professionals(&user.org).await? {
        if matches!(p.app_role, AppRole::Professional | AppRole::Aandachtsfunctionaris) {
            accounts.push((p.id.to_string(), p.name.clone()));
        }
        names.insert(p.id.clone(), p.name);
    }
    // Another seat's answer is worded in the third person ("mag niet delen"), the user's own as
    // her answer ("U mag niet delen").
    let answer_view = |to: &Seat, outcome: &str, grounds: &[String], own: bool| AnswerView {
        to: seat_label(rules, to, lang),
        outcome: if own {
            outcome_of(outcome).map(|o| outcome_label(o, l).to_string()).unwrap_or_else(|| outcome.to_owned())
        } else {
            lang.tr(third_person(outcome)).to_owned()
        },
        badge: badge(outcome),
        grounds: ground_labels(rules, grounds, lang),
    };
    let me = c.seat_of(&user.id).map(|s| s.key);
    let seats = c
        .seats
        .iter()
        .map(|s| {
            let (standing_badge, standing) = standing_words(rules, c, s, lang);
            let answers = c
                .seats
                .iter()
                .filter(|t| t.key != s.key)
                .filter_map(|t| c.answer(s.key, t.key).map(|a| answer_view(t, &a.outcome, &a.grounds, Some(s.key) == me)))
                .collect();
            SeatView {
                key: s.key,
                label: seat_label(rules, s, lang),
                who: match &s.account {
                    Some(a) => names.get(a).cloned().unwrap_or_else(|| lang.tr("conferences-other-organisation").to_owned()),
                    None => lang.tr("conferences-not-invited").to_owned(),
                },
                is_chair: s.key == c.chair_seat,
                is_me: Some(s.key) == me,
                standing_badge,
                standing,
                answers,
                can_invite: chair && s.key != c.chair_seat && !c.answers.iter().any(|a| a.from == s.key),
                code_pending: s.code_hash.is_some() && s.account.is_none(),
                open_seat: s.account.is_none(),
                account: s.account.as_ref().map(|a| a.to_string()).unwrap_or_default(),
            }
        })
        .collect();
    let mine = match me {
        Some(k) => c
            .seats
            .iter()
            .filter(|t| t.key != k)
            .map(|t| MyAnswer {
                to: t.key,
                label: seat_label(rules, t, lang),
                answer: c.answer(k, t.key).map(|a| answer_view(t, &a.outcome, &a.grounds, true)),
            })
            .collect(),
        None => Vec::new(),
    };
    let clients = if mine.is_empty() { Vec::new() } else { super::clients::own_clients(web, user).await? };
    let (my_identifying, my_standing) = match me.and_then(|k| c.seat(k)) {
        Some(s) => (c.standing(s.key) == Standing::Identifying, standing_words(rules, c, s, lang).1),
        None => (false, String::new()),
    };
    let minutes = c
        .minutes
        .iter()
        .enumerate()
        .map(|(index, m)| MinutesView {
            index,
            withdrawn: m.withdrawn,
            mine: Some(m.from) == me,
            from: c.seat(m.from).map(|s| seat_label(rules, s, lang)).unwrap_or_default(),
            text: m.text.clone(),
            anonymous: m.anonymous,
            date: super::clients::parse_date(&m.on).map(crate::view::dutch_date).unwrap_or_default(),
        })
        .collect();
    // Only a draft of hers for this conference is offered (its id comes from the URL).
    let mut following = None;
    if let Some(d) = q.get("vervolg")
        && let Ok(draft) = web.load_draft(user, d).await
        && let Some(link) = draft.from_conference.as_ref().filter(|l| l.id == conf.record.id.as_str())
        && let Some(seat) = c.seat(link.to)
    {
        following = Some((d.clone(), seat_label(rules, seat, lang)));
    }
    let purpose = purpose_label(rules, &c.purpose, lang);
    Ok(ConferencePage {
        c: Chrome::new(user, &format!("/casusoverleggen/{}", conf.record.id)),
        id: conf.record.id.to_string(),
        title: c.title.clone(),
        date: super::clients::parse_date(&c.date).map(crate::view::dutch_date).unwrap_or_default(),
        purpose,
        agreement: c.agreement.clone(),
        covenant: grondslag_app::case_conference::covenant_notice(rules, l),
        chair,
        seats,
        mine,
        clients,
        my_standing,
        my_identifying,
        anonymous_only: c.anonymous_only(),
        anonymous_conference: c.anonymous,
        identifying: grondslag_app::case_conference::identifying_details(l),
        minutes,
        accounts,
        following,
        code: None,
        join_href: format!("/casusoverleggen/{}/aanmelden", conf.record.id),
        joined: q.contains_key("aangemeld"),
        draft_text: q.get("tekst").cloned().unwrap_or_default(),
        planned: q.contains_key("gepland"),
        recorded: q.contains_key("vastgelegd"),
        error,
    })
}

/// `GET /casusoverleggen/{id}`.
pub async fn page<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> Result<Response, WebError> {
    let opened = web.open_conference(&user, Action::ConferenceRead, &id).await?;
    Ok(render(&web, &user, &opened, &q, None).await?.into_response())
}

/// A refusal shown on the page itself (with a 422), the input lost only where it was wrong.
async fn refused<S: Backend>(
    web: &Web<S>,
    user: &User,
    opened: &crate::audit::conference::OpenedConference<'_, S>,
    keep: &std::collections::HashMap<String, String>,
    e: WebError,
) -> Result<Response, WebError> {
    match e {
        WebError::Invalid(m) => {
            let page = render(web, user, opened, keep, Some(m.render(user.lang.rules()))).await?;
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        e => Err(e),
    }
}

fn seat_field(form: &FormData, name: &str) -> Result<u32, WebError> {
    form.get(name).and_then(|v| v.trim().parse().ok()).ok_or_else(|| WebError::Invalid(Msg::new("conference-unknown-seat")))
}

/// `POST /casusoverleggen/{id}/uitnodigen`: the chair invites an account to a seat.
pub async fn invite<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    form: FormData,
) -> Result<Response, WebError> {
    let mut opened = web.open_conference(&user, Action::ConferenceWrite, &id).await?;
    let seat = seat_field(&form, "plaats")?;
    let account = match form.get("account").map(str::trim).filter(|a| !a.is_empty()) {
        Some(a) => Some(ProfessionalId::parse(a).map_err(|_| WebError::Invalid(Msg::new("conference-invite-other-organisation")))?),
        None => None,
    };
    match opened.invite(seat, account).await {
        Ok(()) => Ok(Redirect::to(&format!("/casusoverleggen/{id}#aan-tafel")).into_response()),
        Err(e) => refused(&web, &user, &opened, &Default::default(), e).await,
    }
}

/// `POST /casusoverleggen/{id}/beraad`: a deliberation for sharing from the user's seat with
/// seat `aan`, pre-filled with her role, that seat's role and the conference's purpose.
pub async fn deliberate<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    form: FormData,
) -> Result<Response, WebError> {
    let opened = web.open_conference(&user, Action::ConferenceWrite, &id).await?;
    let rules = web.rules();
    let c = &opened.conference.content;
    let to = seat_field(&form, "aan")?;
    let (Some(mine), Some(target)) = (c.seat_of(&user.id), c.seat(to)) else {
        return Err(WebError::Invalid(Msg::new("conference-unknown-seat")));
    };
    if mine.key == to {
        return Err(WebError::Invalid(Msg::new("conference-unknown-seat")));
    }
    // About one of her own clients from the start (opened and logged like starting from the
    // client), so that her registry decides consent and the questions know whom they are about.
    let opened_client = match form.get("client").map(str::trim).filter(|c| !c.is_empty()) {
        Some(id) => Some(web.open_client(&user, Action::DossierWrite, id).await?),
        None => None,
    };
    let mut state = Deliberation::new(opened_client.as_ref().map(|o| o.id().to_owned()), crate::view::today());
    for (fact, value) in [
        ("sender_role", mine.role.clone()),
        ("recipient_role", target.role.clone()),
        ("purpose", c.purpose.clone()),
        // Everyone at the table hears it; nobody asked her in particular.
        ("request_from", "none".to_owned()),
    ] {
        let f = rules.fact(fact).ok_or(WebError::Internal("conference_fact"))?;
        state.set(rules, f, serde_json::Value::String(value), user.lang.rules());
        state.prefilled.push(fact.to_owned());
    }
    state.history.clear();
    state.from_conference = Some(ConferenceLink {
        id: opened.conference.record.id.to_string(),
        to,
        title: format!("{} — {}", c.title, seat_label(rules, target, user.lang)),
    });
    web.evaluate_draft(opened_client.as_ref(), &state).await?;
    let draft = web.save_draft(&user, None, &state).await?;
    Ok(Redirect::to(&format!("/beraad/{draft}")).into_response())
}

/// `POST /casusoverleggen/{id}/verslag`: a contribution to the minutes.
pub async fn minutes<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    form: FormData,
) -> Result<Response, WebError> {
    let mut opened = web.open_conference(&user, Action::ConferenceWrite, &id).await?;
    let text = form.get("tekst").unwrap_or("");
    let anonymous = form.get("anoniem").is_some();
    match opened.add_to_minutes(text, anonymous).await {
        Ok(()) => Ok(Redirect::to(&format!("/casusoverleggen/{id}#verslag")).into_response()),
        Err(e) => {
            let keep = std::collections::HashMap::from([("tekst".to_owned(), text.to_owned())]);
            refused(&web, &user, &opened, &keep, e).await
        }
    }
}

/// `POST /casusoverleggen/{id}/verslag/{n}/intrekken`: the author withdraws her contribution.
pub async fn withdraw<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path((id, n)): Path<(String, usize)>,
) -> Result<Response, WebError> {
    let mut opened = web.open_conference(&user, Action::ConferenceWrite, &id).await?;
    match opened.withdraw_from_minutes(n).await {
        Ok(()) => Ok(Redirect::to(&format!("/casusoverleggen/{id}#verslag")).into_response()),
        Err(e) => refused(&web, &user, &opened, &Default::default(), e).await,
    }
}

/// After a deliberation for a conference was recorded in the user's own dossier: its outcome
/// and grounds (only those) become her answer at the table. When a seat is left she has not
/// answered for, the same deliberation for that seat is prepared (what does not depend on the
/// recipient kept) and offered on the conference page.
pub async fn record_answer<S: Backend>(
    web: &Web<S>,
    user: &User,
    state: &Deliberation,
    link: &ConferenceLink,
    report: &grondslag_engine::Report,
) -> Result<String, WebError> {
    let mut opened = web.open_conference(user, Action::ConferenceWrite, &link.id).await?;
    let rules = web.rules();
    let grounds: Vec<String> = report.beroepsgeheim.grounds.iter().filter(|g| rules.ground(g).is_some()).cloned().collect();
    opened.answer(link.to, grondslag_scenario::outcome_id(report.outcome), grounds).await?;
    let c = &opened.conference.content;
    let next = c.seat_of(&user.id).and_then(|mine| c.seats.iter().find(|s| s.key != mine.key && c.answer(mine.key, s.key).is_none()));
    let Some(next) = next else { return Ok(format!("/casusoverleggen/{}?vastgelegd=1#uw-beraad", link.id)) };
    let mut following = state.for_next_recipient(rules, &next.role, crate::view::today());
    following.from_conference =
        Some(ConferenceLink {
            id: link.id.clone(), to: next.key, title: format!("{} — {}", c.title, seat_label(rules, next, user.lang))
        });
    let draft = web.save_draft(user, None, &following).await?;
    Ok(format!("/casusoverleggen/{}?vastgelegd=1&vervolg={draft}#uw-beraad", link.id))
}

// --- the public version ---------------------------------------------------------------------------

pub struct PublicSeat {
    pub role: String,
    pub answers: Vec<AnswerView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "conference_public.html")]
pub struct PublicPage {
    pub c: Chrome,
    pub title: String,
    pub id: String,
    pub purpose: String,
    /// Month and year only.
    pub period: String,
    pub seats: Vec<PublicSeat>,
    /// Only contributions their authors marked as identifying nobody (not withdrawn).
    pub minutes: Vec<String>,
    /// How many contributions were left out, in words (empty when none).
    pub left_out: String,
}

/// `GET /casusoverleggen/{id}/openbaar`: a version to publish (a chain review's report): no
/// pseudonym, no organisations, no names, the date as month and year, roles and their answers,
/// and only the contributions marked as identifying nobody — with the checklist of what the Woo
/// and anonymisation ask before it goes out.
pub async fn public<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<PublicPage, WebError> {
    let opened = web.open_conference(&user, Action::ConferenceRead, &id).await?;
    let rules = web.rules();
    let lang = user.lang;
    let c = &opened.conference.content;
    let role = |s: &Seat| role_label(rules, &s.role, lang);
    let seats = c
        .seats
        .iter()
        .map(|s| PublicSeat {
            role: role(s),
            answers: c
                .seats
                .iter()
                .filter_map(|t| {
                    c.answer(s.key, t.key).map(|a| AnswerView {
                        to: role(t),
                        outcome: lang.tr(third_person(&a.outcome)).to_owned(),
                        badge: badge(&a.outcome),
                        grounds: ground_labels(rules, &a.grounds, lang),
                    })
                })
                .collect(),
        })
        .collect();
    let public: Vec<String> = c.minutes.iter().filter(|m| m.anonymous && !m.withdrawn).map(|m| m.text.clone()).collect();
    let left = c.minutes.iter().filter(|m| !m.withdrawn).count().saturating_sub(public.len());
    let left_out = if left == 0 { String::new() } else { lang.tr_with("conferences-public-left-out", &[("count", left.into())]) };
    let period = super::clients::parse_date(&c.date)
        .map(|d| lang.tr_with("conferences-month-year", &[("month", u8::from(d.month()).into()), ("year", d.year().into())]))
        .unwrap_or_default();
    let purpose = purpose_label(rules, &c.purpose, lang);
    Ok(PublicPage {
        title: lang.tr("conferences-public").into(),
        c: Chrome::new(&user, &format!("/casusoverleggen/{id}/openbaar")),
        id: opened.conference.record.id.to_string(),
        purpose,
        period,
        seats,
        minutes: public,
        left_out,
    })
}

// --- participants from another organisation --------------------------------------------------------

/// `POST /casusoverleggen/{id}/code`: the chair makes a one-time invitation code for a seat, for
/// someone of another organisation in this installation; the page shows it once.
pub async fn code<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    form: FormData,
) -> Result<Response, WebError> {
    let mut opened = web.open_conference(&user, Action::ConferenceWrite, &id).await?;
    let seat = seat_field(&form, "plaats")?;
    match opened.invitation_code(seat).await {
        Ok(code) => {
            let mut page = render(&web, &user, &opened, &Default::default(), None).await?;
            let label = opened.conference.content.seat(seat).map(|s| seat_label(web.rules(), s, user.lang)).unwrap_or_default();
            page.code = Some((label, code));
            Ok(page.into_response())
        }
        Err(e) => refused(&web, &user, &opened, &Default::default(), e).await,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "conference_join.html")]
pub struct JoinPage {
    pub c: Chrome,
    pub title: String,
    pub id: String,
    pub error: Option<String>,
}

/// `GET /casusoverleggen/{id}/aanmelden`: where a participant enters the chair's code. It shows
/// nothing of the conference.
pub async fn join_form<S: Backend>(State(_web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<JoinPage, WebError> {
    let id = grondslag_store::ConferenceId::parse(&id).map_err(|_| WebError::NotFound(Msg::new("conference-not-found")))?;
    Ok(JoinPage {
        title: user.lang.tr("conferences-join").into(),
        c: Chrome::new(&user, &format!("/casusoverleggen/{id}/aanmelden")),
        id: id.to_string(),
        error: None,
    })
}

/// `POST /casusoverleggen/{id}/aanmelden`: takes the seat the code is for.
pub async fn join<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    form: FormData,
) -> Result<Response, WebError> {
    let code = form.get("code").unwrap_or("");
    match web.join_conference(&user, &id, code).await {
        Ok(id) => Ok(Redirect::to(&format!("/casusoverleggen/{id}?aangemeld=1")).into_response()),
        Err(WebError::Invalid(m)) => {
            let page = JoinPage {
                title: user.lang.tr("conferences-join").into(),
                c: Chrome::new(&user, &format!("/casusoverleggen/{id}/aanmelden")),
                id: id.clone(),
                error: Some(m.render(user.lang.rules())),
            };
            Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}
