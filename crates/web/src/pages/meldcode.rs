//! The meldcode huiselijk geweld en kindermishandeling as a trajectory in the browser (law.md
//! §6): one page per client with the acute-danger route first, the next step with its form, the
//! five steps, everything recorded (who, when, in which role), and the afwegingskader; a form
//! per step; starting the deliberation about what to share with Veilig Thuis from it; and the
//! aandachtsfunctionaris' overview of the organisation's open trajectories.
//!
//! The pages only show and record. Which step is next, what the afwegingskader's table makes
//! follow and which notices apply come from the pure core (`grondslag_dossier::meldcode`); the
//! professional answers the questions and decides, and a decision that departs from a reporting
//! norm is recorded and flagged, never refused. The aandachtsfunctionaris reads a trajectory by
//! role and records their own advice in it, nothing else.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use grondslag_app::meldcode::{close_id, consulted_id, left_out_id, source_id};
use grondslag_app::{MeldcodeRecord, MeldcodeView};
use grondslag_dossier::EntryPayload;
use grondslag_dossier::meldcode::{
    Answer, CloseReason, Consultation, Consulted, Conversation, DecisionRecord, EMERGENCY_PHONE, Event, Feedback, LeftOutReason, Next,
    Notice, OVERDUE_AFTER_DAYS, Outcome, Question, ReportRecord, ReportingNorm, Sector, Signal, SignalSource, SourceId, Step, Trajectory,
    VEILIG_THUIS_PHONE, Verdict, Weighing,
};
use grondslag_i18n::Msg;
use grondslag_rules::RuleSet;
use grondslag_store::{AppRole, ClientId};
use time::Date;

use super::FormData;
use crate::audit::Opened;
use crate::draft::{Deliberation, parse_answer};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::policy::{Action, Basis};
use crate::report_view::SourceRow;
use crate::view::{Chrome, dutch_date, today, when};
use crate::{Backend, User, Web};

// --- the forms ----------------------------------------------------------------------------------

/// One form of the trajectory page, named by the Dutch path segment it posts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Open,
    Signal,
    Consult,
    RequestAdvice,
    Advice,
    Conversation,
    Answer,
    Decide,
    Report,
    Feedback,
    Acute,
    Close,
    Reopen,
}

impl Form {
    pub const ALL: [Form; 13] = [
        Form::Open,
        Form::Signal,
        Form::Consult,
        Form::RequestAdvice,
        Form::Advice,
        Form::Conversation,
        Form::Answer,
        Form::Decide,
        Form::Report,
        Form::Feedback,
        Form::Acute,
        Form::Close,
        Form::Reopen,
    ];

    /// The path segment: `POST /clienten/{id}/meldcode/<path>`.
    pub fn path(self) -> &'static str {
        match self {
            Form::Open => "openen",
            Form::Signal => "signaal",
            Form::Consult => "overleg",
            Form::RequestAdvice => "advies-vragen",
            Form::Advice => "advies",
            Form::Conversation => "gesprek",
            Form::Answer => "afweging",
            Form::Decide => "besluit",
            Form::Report => "melding",
            Form::Feedback => "terugkoppeling",
            Form::Acute => "acuut",
            Form::Close => "sluiten",
            Form::Reopen => "heropenen",
        }
    }

    fn parse(path: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.path() == path)
    }

    fn title(self, lang: Lang) -> &'static str {
        lang.tr(match self {
            Form::Open => "meldcode-form-open",
            Form::Signal => "meldcode-form-signal",
            Form::Consult => "meldcode-form-consult",
            Form::RequestAdvice => "meldcode-form-request-advice",
            Form::Advice => "meldcode-form-advice",
            Form::Conversation => "meldcode-form-conversation",
            Form::Answer => "meldcode-form-answer",
            Form::Decide => "meldcode-form-decide",
            Form::Report => "meldcode-form-report",
            Form::Feedback => "meldcode-form-feedback",
            Form::Acute => "meldcode-form-acute",
            Form::Close => "meldcode-form-close",
            Form::Reopen => "meldcode-form-reopen",
        })
    }

    /// The action the audited path opens the client with to record this form.
    fn action(self) -> Action {
        if self == Form::Advice { Action::MeldcodeAdvise } else { Action::MeldcodeWrite }
    }
}

/// A form as the page shows it.
pub struct FormView {
    pub path: &'static str,
    pub title: &'static str,
    /// Shown unfolded (the form that was just refused).
    pub open: bool,
}

/// An option of a choice in a form.
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The options of one choice in a form: every value of a core enum, sent as its serde name and
/// labelled from the catalogue (the same labels as the dossier's timeline).
struct Options<T: 'static> {
    all: &'static [T],
    label: fn(T) -> &'static str,
}

impl<T: Copy + PartialEq + serde::Serialize> Options<T> {
    /// The value a form sends for `x`: its serde name.
    fn value(x: T) -> String {
        serde_json::to_value(x).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    fn choices(&self, lang: Lang) -> Vec<Choice> {
        self.all.iter().map(|x| Choice { value: Self::value(*x), label: lang.tr((self.label)(*x)).to_owned() }).collect()
    }

    fn label(&self, x: T, lang: Lang) -> &'static str {
        lang.tr((self.label)(x))
    }

    /// The chosen value, or the message naming what to choose.
    fn chosen(&self, f: &FormData, name: &str, what: &'static str) -> Result<T, WebError> {
        let v = f.get(name).unwrap_or("");
        self.all
            .iter()
            .copied()
            .find(|x| Self::value(*x) == v)
            .ok_or_else(|| WebError::Invalid(Msg::new("meldcode-choose").arg_msg("what", what)))
    }
}

fn sector_id(s: Sector) -> &'static str {
    match s {
        Sector::Care => "meldcode-sector-care",
        Sector::YouthCare => "meldcode-sector-youth-care",
        Sector::SocialSupport => "meldcode-sector-social-support",
        Sector::Education => "meldcode-sector-education",
        Sector::Childcare => "meldcode-sector-childcare",
        Sector::Justice => "meldcode-sector-justice",
        Sector::Other => "meldcode-sector-other",
    }
}

const SECTORS: Options<Sector> = Options {
    all: &[Sector::Care, Sector::YouthCare, Sector::SocialSupport, Sector::Education, Sector::Childcare, Sector::Justice, Sector::Other],
    label: sector_id,
};

const SOURCES: Options<SignalSource> = Options {
    all: &[
        SignalSource::OwnObservation,
        SignalSource::Client,
        SignalSource::Child,
        SignalSource::Relative,
        SignalSource::OtherProfessional,
        SignalSource::Conversation,
        SignalSource::Records,
        SignalSource::Other,
    ],
    label: source_id,
};

const CONSULTED: Options<Consulted> = Options {
    all: &[Consulted::Aandachtsfunctionaris, Consulted::Colleague, Consulted::VeiligThuisAnonymousAdvice, Consulted::ForensicPhysician],
    label: consulted_id,
};

const LEFT_OUT: Options<LeftOutReason> = Options {
    all: &[
        LeftOutReason::SafetyOfChild,
        LeftOutReason::SafetyOfClient,
        LeftOutReason::SafetyOfProfessional,
        LeftOutReason::SafetyOfOthers,
        LeftOutReason::ClientWouldBreakContact,
        LeftOutReason::CouldNotReach,
    ],
    label: left_out_id,
};

const CLOSE_REASONS: Options<CloseReason> = Options {
    all: &[CloseReason::NoSuspicion, CloseReason::Reported, CloseReason::HelpCompleted, CloseReason::HandedOver, CloseReason::Other],
    label: close_id,
};

// --- the words ----------------------------------------------------------------------------------

fn step_name(s: Step, lang: Lang) -> &'static str {
    lang.tr(match s {
        Step::Signals => "meldcode-step-signals",
        Step::Consultation => "meldcode-step-consultation",
        Step::Conversation => "meldcode-step-conversation",
        Step::Weighing => "meldcode-step-weighing",
        Step::Decision => "meldcode-step-decision",
    })
}

/// The step in one or two words, for the overview's table.
fn step_short(s: Step, lang: Lang) -> &'static str {
    lang.tr(match s {
        Step::Signals => "meldcode-step-short-signals",
        Step::Consultation => "meldcode-step-short-consultation",
        Step::Conversation => "meldcode-step-short-conversation",
        Step::Weighing => "meldcode-step-short-weighing",
        Step::Decision => "meldcode-step-short-decision",
    })
}

fn question_text(q: Question, lang: Lang) -> &'static str {
    lang.tr(match q {
        Question::Suspicion => "meldcode-question-1",
        Question::Safety => "meldcode-question-2",
        Question::Help => "meldcode-question-3",
        Question::Acceptance => "meldcode-question-4",
        Question::Result => "meldcode-question-5",
    })
}

fn outcome_text(o: Outcome, lang: Lang) -> &'static str {
    lang.tr(match o {
        Outcome::Close => "meldcode-outcome-close",
        Outcome::Report => "meldcode-outcome-report",
        Outcome::ReportAndJointlyDecideHelp => "meldcode-outcome-report-jointly",
        Outcome::OfferHelpAndMonitor => "meldcode-outcome-offer-help",
        Outcome::CloseWithMonitoringAgreements => "meldcode-outcome-close-monitoring",
    })
}

fn norm_text(n: ReportingNorm, lang: Lang) -> &'static str {
    lang.tr(match n {
        ReportingNorm::AcuteOrStructuralUnsafety => "meldcode-norm-unsafety",
        ReportingNorm::NoSufficientOwnHelp => "meldcode-norm-no-own-help",
        ReportingNorm::UnsafetyPersistsOrRecurs => "meldcode-norm-persists",
    })
}

/// What the afwegingskader's table makes follow, worded as the framework's reading (never as
/// if the tool decided).
fn reading(w: &Weighing, lang: Lang) -> String {
    match w.verdict {
        Verdict::Ask(q) => lang.tr_with("meldcode-reading-ask", &[("n", q.number().into())]),
        Verdict::Outcome(o) => lang.tr_with("meldcode-reading-outcome", &[("outcome", outcome_text(o, lang).into())]),
    }
}

/// The next step in plain words: to the professional who decides (`decider`), or about them
/// to someone who only reads along (the aandachtsfunctionaris without a care relation).
fn next_text(next: Next, lang: Lang, decider: bool) -> String {
    let pick = |you: &'static str, pro: &'static str| if decider { you } else { pro };
    match next {
        Next::Nothing => lang.tr(pick("meldcode-next-nothing", "meldcode-next-nothing-pro")).to_owned(),
        Next::ReportNow => lang.tr(pick("meldcode-next-report-now", "meldcode-next-report-now-pro")).to_owned(),
        Next::Reweigh => lang.tr(pick("meldcode-next-reweigh", "meldcode-next-reweigh-pro")).to_owned(),
        Next::Do(step) => lang.tr_with("meldcode-next-do", &[("n", step.number().into()), ("step", step_name(step, lang).into())]),
        Next::Answer(q) => lang.tr_with(
            pick("meldcode-next-answer", "meldcode-next-answer-pro"),
            &[("n", q.number().into()), ("question", question_text(q, lang).into())],
        ),
        Next::Decide(o) => {
            lang.tr_with(pick("meldcode-next-decide", "meldcode-next-decide-pro"), &[("outcome", outcome_text(o, lang).into())])
        }
        Next::Monitor => lang.tr(pick("meldcode-next-monitor", "meldcode-next-monitor-pro")).to_owned(),
        Next::RecordReport => lang.tr(pick("meldcode-next-record-report", "meldcode-next-record-report-pro")).to_owned(),
        Next::AwaitFeedback => lang.tr(pick("meldcode-next-await-feedback", "meldcode-next-await-feedback-pro")).to_owned(),
        Next::Close => lang.tr(pick("meldcode-next-close", "meldcode-next-close-pro")).to_owned(),
    }
}

/// The form that does the next step.
fn form_for(next: Next) -> Form {
    match next {
        Next::Nothing => Form::Reopen,
        Next::ReportNow | Next::Decide(_) | Next::Do(Step::Decision) => Form::Decide,
        Next::Reweigh | Next::Answer(_) | Next::Monitor | Next::Do(Step::Weighing) => Form::Answer,
        Next::Do(Step::Signals) => Form::Signal,
        Next::Do(Step::Consultation) => Form::Consult,
        Next::Do(Step::Conversation) => Form::Conversation,
        Next::RecordReport => Form::Report,
        Next::AwaitFeedback => Form::Feedback,
        Next::Close => Form::Close,
    }
}

/// The question the afwegingskader asks now (preselected in the form).
fn asked(t: &Trajectory) -> Question {
    match t.next() {
        Next::Answer(q) => q,
        Next::Reweigh => Question::Suspicion,
        Next::Monitor => Question::Result,
        _ => match t.weighing().verdict {
            Verdict::Ask(q) => q,
            Verdict::Outcome(_) => t.weighing().then_ask.unwrap_or(Question::Suspicion),
        },
    }
}

/// A source as every page shows it (publisher and title, linked), from the core's citation and
/// the rule set's registry for its address and status.
fn source_row(rules: &RuleSet, s: SourceId, lang: Lang) -> SourceRow {
    let c = s.citation();
    match rules.sources.iter().find(|r| r.id == c.id) {
        Some(r) => SourceRow::of_rule(r, lang),
        None => SourceRow {
            name: format!("{}: {}", c.publisher, c.title),
            citation: c.citation.to_owned(),
            url: String::new(),
            status: "",
            uncertain: true,
        },
    }
}

fn source_rows(rules: &RuleSet, ids: &[SourceId], lang: Lang) -> Vec<SourceRow> {
    ids.iter().map(|s| source_row(rules, *s, lang)).collect()
}

// --- the trajectory page --------------------------------------------------------------------------

/// Who recorded an entry, when and in which role.
#[derive(Clone)]
pub struct Rec {
    pub seq: u64,
    pub line: String,
}

pub struct StepRow {
    pub number: u8,
    pub name: &'static str,
    pub done: bool,
    pub last: String,
}

pub struct SignalRow {
    pub rec: Rec,
    /// For the order: oldest observation first.
    pub observed_on: Date,
    pub observed: String,
    /// When it was recorded (date and time).
    pub recorded: String,
    pub source: &'static str,
    pub detail: String,
    pub observation: String,
    pub interpretation: String,
    pub staff: bool,
}

pub struct ConsultRow {
    pub rec: Rec,
    pub on: String,
    pub with: &'static str,
    pub who: String,
    pub advice: String,
}

pub struct RequestRow {
    pub rec: Rec,
    pub on: String,
    pub of: &'static str,
    pub question: String,
    pub answered: Option<String>,
}

pub struct ConversationRow {
    pub rec: Rec,
    pub on: String,
    pub held: bool,
    /// With whom (held) or why it was left out.
    pub who_or_why: String,
    pub text: String,
}

pub struct AnswerRow {
    pub rec: Rec,
    pub on: String,
    pub number: u8,
    pub question: &'static str,
    pub yes: bool,
    pub reasons: String,
    pub jointly: bool,
}

pub struct QuestionRow {
    pub number: u8,
    pub text: &'static str,
    pub answer: Option<AnswerRow>,
    /// Question 2: the definitions of acute and structural unsafety are shown with it.
    pub definitions: bool,
}

pub struct DecisionRow {
    pub rec: Rec,
    pub on: String,
    pub report: bool,
    pub own_help: bool,
    pub reasons: String,
    /// What the afwegingskader made follow when the decision was recorded.
    pub reading: String,
    pub acute: bool,
}

pub struct NoticeRow {
    pub text: String,
    pub sources: Vec<SourceRow>,
}

pub struct ReportRow {
    pub rec: Rec,
    pub on: String,
    pub deliberation: Option<u64>,
    pub informed: String,
    pub agreements: String,
}

#[derive(Clone)]
pub struct TextRow {
    pub rec: Rec,
    pub on: String,
    /// A label (a closing reason), or empty.
    pub label: &'static str,
    pub text: String,
    pub more: String,
}

/// A dossier entry the report can refer to (the deliberation or decision on what was shared).
pub struct EntryChoice {
    pub seq: u64,
    pub label: String,
    pub veilig_thuis: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "meldcode.html")]
pub struct MeldcodePage {
    pub c: Chrome,
    pub title: String,
    pub client: String,
    pub name: String,
    /// May record steps (care relation or break-the-glass), and so open the dossier too.
    pub can_write: bool,
    pub exists: bool,
    pub closed: bool,
    /// The entry just recorded: its summary and place.
    pub just: Option<(u64, String)>,
    /// Acute danger declared and not yet followed by a decision to report.
    pub acute: Option<TextRow>,
    pub acute_form: Option<FormView>,
    pub next_text: String,
    pub next_form: Option<FormView>,
    pub forms: Vec<FormView>,
    pub offer_beraad: bool,
    pub opened_on: String,
    pub sector: &'static str,
    pub steps: Vec<StepRow>,
    pub signals: Vec<SignalRow>,
    pub consultations: Vec<ConsultRow>,
    pub requests: Vec<RequestRow>,
    pub conversations: Vec<ConversationRow>,
    pub questions: Vec<QuestionRow>,
    pub stale: bool,
    pub reading: String,
    pub norm: Option<&'static str>,
    pub then_ask: bool,
    pub weighing_sources: Vec<SourceRow>,
    pub definition_sources: Vec<SourceRow>,
    pub earlier_rounds: Vec<Vec<AnswerRow>>,
    /// Answers of the current round given again later (the latest counts).
    pub replaced: Vec<AnswerRow>,
    pub decisions: Vec<DecisionRow>,
    pub notices: Vec<NoticeRow>,
    pub reports: Vec<ReportRow>,
    pub feedback: Vec<TextRow>,
    pub acute_history: Vec<TextRow>,
    pub closures: Vec<TextRow>,
    pub reopenings: Vec<TextRow>,
    pub step_sources: Vec<SourceRow>,
    /// Some of the trajectory could not be read (erased or not folded): the dossier lines.
    pub incomplete: Option<String>,
    // The forms.
    pub today: String,
    pub error: Option<String>,
    /// The form the error belongs to (its path), empty when none.
    pub failed: &'static str,
    pub form: FormData,
    pub sectors: Vec<Choice>,
    pub signal_sources: Vec<Choice>,
    pub consulted: Vec<Choice>,
    pub left_out: Vec<Choice>,
    pub close_reasons: Vec<Choice>,
    pub question_choices: Vec<Choice>,
    pub asked: String,
    pub entries: Vec<EntryChoice>,
}

impl MeldcodePage {
    /// The value sent in form `kind` (only the refused form is filled in again).
    pub fn val(&self, kind: &str, name: &str) -> String {
        if self.failed == kind { self.form.get(name).unwrap_or("").to_owned() } else { String::new() }
    }

    /// Whether `name` was sent as `v` in form `kind`; `default` when that form was not sent.
    pub fn is(&self, kind: &str, name: &str, v: &str, default: bool) -> bool {
        if self.failed == kind { self.form.get(name) == Some(v) } else { default }
    }

    /// A date field: as sent, or today.
    pub fn date(&self, kind: &str, name: &str) -> String {
        if self.failed == kind { self.form.get(name).unwrap_or("").to_owned() } else { self.today.clone() }
    }

    /// Whether the report form preselects entry `seq`: as sent, or the latest deliberation with
    /// Veilig Thuis as recipient.
    pub fn entry_chosen(&self, seq: &u64) -> bool {
        if self.failed == Form::Report.path() {
            return self.form.get("beraad") == Some(seq.to_string().as_str());
        }
        self.entries.iter().rev().find(|e| e.veilig_thuis).map(|e| e.seq) == Some(*seq)
    }
}

/// Who recorded an entry, in which role (their profession as recorded) and when.
fn record_line(r: &MeldcodeRecord, rules: &RuleSet, lang: Lang) -> Rec {
    // The aandachtsfunctionaris who records her own advice gave it as aandachtsfunctionaris, not
    // in the profession the entry stores.
    let own_advice = matches!(&r.event, Some(Event::Consulted { consultation, .. })
        if consultation.with == Consulted::Aandachtsfunctionaris && consultation.who == r.actor);
    let role = if own_advice {
        lang.tr("meldcode-advice-capacity").to_owned()
    } else {
        rules.role(&r.role).map(|id| rules.roles[id.ix()].label.get(lang.rules()).to_string()).unwrap_or_else(|| r.role.clone())
    };
    Rec {
        seq: r.seq,
        line: lang.tr_with("meldcode-recorded-by", &[("who", r.actor.clone().into()), ("role", role.into()), ("when", when(&r.ts).into())]),
    }
}

/// Everything the page shows about a trajectory. The trajectory's lists are in the order of the
/// events it folded; the records that were folded (not erased, not refused) in dossier order are
/// the same events, so each item is paired with the record that says who recorded it.
struct Shown {
    steps: Vec<StepRow>,
    signals: Vec<SignalRow>,
    consultations: Vec<ConsultRow>,
    requests: Vec<RequestRow>,
    conversations: Vec<ConversationRow>,
    answers: Vec<AnswerRow>,
    decisions: Vec<DecisionRow>,
    reports: Vec<ReportRow>,
    feedback: Vec<TextRow>,
    acute: Vec<TextRow>,
    closures: Vec<TextRow>,
    reopenings: Vec<TextRow>,
}

fn shown(view: &MeldcodeView, t: &Trajectory, rules: &RuleSet, lang: Lang) -> Shown {
    let mut s = Shown {
        steps: Step::ALL
            .into_iter()
            .map(|step| StepRow {
                number: step.number(),
                name: step_name(step, lang),
                done: t.is_done(step),
                last: t.last_touched(step).map(dutch_date).unwrap_or_default(),
            })
            .collect(),
        signals: Vec::new(),
        consultations: Vec::new(),
        requests: Vec::new(),
        conversations: Vec::new(),
        answers: Vec::new(),
        decisions: Vec::new(),
        reports: Vec::new(),
        feedback: Vec::new(),
        acute: Vec::new(),
        closures: Vec::new(),
        reopenings: Vec::new(),
    };
    let (mut requests, mut decisions) = (t.requests().iter(), t.decisions().iter());
    for r in view.records.iter().filter(|r| !view.not_folded.contains(&r.seq)) {
        let Some(e) = &r.event else { continue };
        let rec = record_line(r, rules, lang);
        let on = dutch_date(e.on());
        match e {
            Event::Opened { signal, .. } | Event::SignalAdded { signal, .. } => s.signals.push(SignalRow {
                rec,
                observed_on: signal.observed_on,
                observed: dutch_date(signal.observed_on),
                recorded: when(&r.ts),
                source: SOURCES.label(signal.source, lang),
                detail: signal.source_detail.clone(),
                observation: signal.observation.clone(),
                interpretation: signal.interpretation.clone().unwrap_or_default(),
                staff: signal.concerns_staff_member,
            }),
            Event::Consulted { consultation, .. } => s.consultations.push(ConsultRow {
                rec,
                on,
                with: CONSULTED.label(consultation.with, lang),
                who: consultation.who.clone(),
                advice: consultation.advice.clone(),
            }),
            Event::ConsultationRequested { of, question, .. } => s.requests.push(RequestRow {
                rec,
                on,
                of: CONSULTED.label(*of, lang),
                question: question.clone(),
                answered: requests.next().and_then(|r| r.answered_on).map(dutch_date),
            }),
            Event::Conversation { conversation, .. } => s.conversations.push(match conversation {
                Conversation::Held { with, summary } => {
                    ConversationRow { rec, on, held: true, who_or_why: with.clone(), text: summary.clone() }
                }
                Conversation::LeftOut { reason, explanation } => ConversationRow {
                    rec,
                    on,
                    held: false,
                    who_or_why: LEFT_OUT.label(*reason, lang).to_owned(),
                    text: explanation.clone(),
                },
            }),
            Event::Answered { answer, .. } => s.answers.push(AnswerRow {
                rec,
                on,
                number: answer.question.number(),
                question: question_text(answer.question, lang),
                yes: answer.yes,
                reasons: answer.reasons.clone(),
                jointly: answer.jointly_with_veilig_thuis,
            }),
            Event::Decided { decision, .. } => {
                let recorded = decisions.next();
                s.decisions.push(DecisionRow {
                    rec,
                    on,
                    report: decision.report,
                    own_help: decision.own_help,
                    reasons: decision.reasons.clone(),
                    reading: recorded.map(|d| reading(&d.framework, lang)).unwrap_or_default(),
                    acute: recorded.is_some_and(|d| d.during_acute_danger),
                })
            }
            Event::Reported { report, .. } => s.reports.push(ReportRow {
                rec,
                on,
                deliberation: report.deliberation,
                informed: report.informed.clone(),
                agreements: report.agreements.clone(),
            }),
            Event::VeiligThuisFeedback { feedback, .. } => {
                s.feedback.push(TextRow { rec, on, label: "", text: feedback.feedback.clone(), more: feedback.follow_up.clone() })
            }
            Event::AcuteDangerDeclared { reasons, .. } => {
                s.acute.push(TextRow { rec, on, label: "", text: reasons.clone(), more: String::new() })
            }
            Event::Closed { reason, explanation, follow_up, .. } => s.closures.push(TextRow {
                rec,
                on,
                label: CLOSE_REASONS.label(*reason, lang),
                text: explanation.clone(),
                more: follow_up.clone(),
            }),
            Event::Reopened { reasons, .. } => {
                s.reopenings.push(TextRow { rec, on, label: "", text: reasons.clone(), more: String::new() })
            }
        }
    }
    // By the date they were observed, oldest first; signals seen the same day stay in the order
    // they were recorded.
    s.signals.sort_by_key(|x| x.observed_on);
    s
}

fn notice_rows(t: &Trajectory, rules: &RuleSet, lang: Lang) -> Vec<NoticeRow> {
    t.notices()
        .into_iter()
        .map(|n| match n {
            Notice::D11StaffReportDuty { sources } => {
                NoticeRow { text: lang.tr("meldcode-notice-d11").to_owned(), sources: source_rows(rules, sources, lang) }
            }
            Notice::DecisionDepartsFromNorm { norm, sources } => NoticeRow {
                text: lang.tr_with("meldcode-notice-departs", &[("norm", norm_text(norm, lang).into())]),
                sources: source_rows(rules, sources, lang),
            },
            Notice::DecidedWithoutCurrentWeighing => {
                NoticeRow { text: lang.tr("meldcode-notice-without-weighing").to_owned(), sources: Vec::new() }
            }
            Notice::DecidedToReportWithOpenSteps { open } => {
                let steps = open.iter().map(|s| format!("{} ({})", s.number(), step_name(*s, lang))).collect::<Vec<_>>().join(", ");
                NoticeRow { text: lang.tr_with("meldcode-notice-open-steps", &[("steps", steps.into())]), sources: Vec::new() }
            }
        })
        .collect()
}

/// The dossier's deliberations and decisions, for the report form. Reading them is reading
/// the dossier: the client is opened for that separately (and logged as such).
async fn report_entries<S: Backend>(web: &Web<S>, user: &User, client: &str) -> Result<Vec<EntryChoice>, WebError> {
    let opened = web.open_client(user, Action::DossierRead, client).await?;
    let lang = user.lang;
    let entries = opened.entries().await?;
    let mut out = Vec::new();
    for (seq, kind, ts, payload) in entries {
        let (label, veilig_thuis) = match (kind.as_str(), &payload) {
            ("deliberation", Some(EntryPayload::Deliberation { report })) => {
                let fact = |id: &str| {
                    report
                        .get("facts")
                        .and_then(|f| f.as_array())
                        .and_then(|fs| fs.iter().find(|f| f.get("fact").and_then(|x| x.as_str()) == Some(id)))
                        .cloned()
                };
                let recipient = fact("recipient_role");
                let vt = recipient.as_ref().and_then(|f| f.get("value")).and_then(|v| v.as_str()) == Some("veilig_thuis");
                let to = recipient.as_ref().and_then(|f| f.get("value_label")).and_then(|v| v.as_str()).unwrap_or("").to_owned();
                (lang.tr_with("meldcode-entry-deliberation", &[("seq", seq.into()), ("when", when(&ts).into()), ("to", to.into())]), vt)
            }
            ("decision", Some(EntryPayload::Decision(d))) => (
                lang.tr_with(
                    "meldcode-entry-decision",
                    &[("seq", seq.into()), ("when", when(&ts).into()), ("deliberation", d.deliberation_seq.into())],
                ),
                false,
            ),
            _ => continue,
        };
        out.push(EntryChoice { seq, label, veilig_thuis });
    }
    Ok(out)
}

/// A refused form: which, what was sent, and why.
pub(crate) struct Refused<'a> {
    form: Form,
    data: &'a FormData,
    message: String,
}

/// The trajectory page. `forms`: with the step forms' choices (the report form lists the
/// dossier's deliberations, which opens the dossier: logged apart); the PDF report needs none.
pub(crate) async fn page<S: Backend>(
    web: &Web<S>,
    user: &User,
    opened: &Opened<'_, S>,
    just: Option<u64>,
    refused: Option<Refused<'_>>,
    forms: bool,
) -> Result<MeldcodePage, WebError> {
    let lang = user.lang;
    let rules = web.rules();
    let client = opened.id().to_string();
    let name = opened.identity().await?.name;
    let view = opened.meldcode().await?;
    let can_write = !matches!(opened.basis(), Basis::Role(_));
    let adviser = user.role == AppRole::Aandachtsfunctionaris;
    let trajectory = view.as_ref().and_then(|v| v.trajectory.as_ref());
    let just = just.and_then(|seq| {
        let r = view.as_ref()?.records.iter().find(|r| r.seq == seq)?;
        Some((seq, grondslag_app::meldcode::summary(r.event.as_ref()?, lang.rules())))
    });
    let (failed, form, error) = match refused {
        Some(r) => (r.form.path(), r.data.clone(), Some(r.message)),
        None => ("", FormData::default(), None),
    };
    let mut p = MeldcodePage {
        title: lang.tr_with("meldcode-title", &[("name", name.clone().into())]),
        c: Chrome::new(user, &format!("/clienten/{client}/meldcode")),
        client: client.clone(),
        name,
        can_write,
        exists: view.is_some(),
        closed: false,
        just,
        acute: None,
        acute_form: None,
        next_text: String::new(),
        next_form: None,
        forms: Vec::new(),
        offer_beraad: false,
        opened_on: String::new(),
        sector: "",
        steps: Vec::new(),
        signals: Vec::new(),
        consultations: Vec::new(),
        requests: Vec::new(),
        conversations: Vec::new(),
        questions: Vec::new(),
        stale: false,
        reading: String::new(),
        norm: None,
        then_ask: false,
        weighing_sources: Vec::new(),
        definition_sources: source_rows(rules, &[SourceId::AfwegingskaderDefinities, SourceId::NjiAfwegingskader], lang),
        earlier_rounds: Vec::new(),
        replaced: Vec::new(),
        decisions: Vec::new(),
        notices: Vec::new(),
        reports: Vec::new(),
        feedback: Vec::new(),
        acute_history: Vec::new(),
        closures: Vec::new(),
        reopenings: Vec::new(),
        step_sources: source_rows(rules, Trajectory::step_sources(), lang),
        incomplete: None,
        today: today().to_string(),
        error,
        failed,
        form,
        sectors: SECTORS.choices(lang),
        signal_sources: SOURCES.choices(lang),
        consulted: CONSULTED.choices(lang),
        left_out: LEFT_OUT.choices(lang),
        close_reasons: CLOSE_REASONS.choices(lang),
        question_choices: Question::ALL
            .into_iter()
            .map(|q| Choice { value: q.number().to_string(), label: format!("{}. {}", q.number(), question_text(q, lang)) })
            .collect(),
        asked: "1".into(),
        entries: Vec::new(),
    };
    if let Some(v) = &view {
        let mut gone: Vec<u64> = v.erased_events.iter().chain(&v.not_folded).copied().collect();
        gone.sort_unstable();
        if !gone.is_empty() {
            let seqs = gone.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
            p.incomplete = Some(lang.tr_with("meldcode-incomplete", &[("seqs", seqs.into())]));
        }
    }
    let Some(t) = trajectory else {
        // No trajectory (or one that cannot be read at all): it can be started.
        if can_write && view.is_none() {
            p.next_form = Some(FormView { path: Form::Open.path(), title: Form::Open.title(lang), open: true });
        }
        // A refused form is always shown again, with its message and what was typed.
        if let Some(f) = Form::parse(failed).filter(|f| *f != Form::Open) {
            p.forms.push(FormView { path: f.path(), title: f.title(lang), open: true });
        }
        return Ok(p);
    };
    let v = view.as_ref().ok_or(WebError::Internal("meldcode_view"))?;
    let s = shown(v, t, rules, lang);
    let next = t.next();
    p.closed = t.is_closed();
    p.opened_on = dutch_date(t.opened_on());
    p.sector = SECTORS.label(t.sector(), lang);
    p.next_text = next_text(next, lang, can_write);
    p.asked = asked(t).number().to_string();
    // Which forms the user gets: every step in free order for who may write, the advice form
    // for the aandachtsfunctionaris; on a closed trajectory only reopening.
    let mut available: Vec<Form> = Vec::new();
    if can_write {
        if p.closed {
            available.push(Form::Reopen);
        } else {
            available.extend([Form::Signal, Form::Consult, Form::RequestAdvice, Form::Conversation, Form::Answer, Form::Decide]);
            if t.decisions().iter().any(|d| d.decision.report) {
                available.push(Form::Report);
            }
            if !t.reports().is_empty() {
                available.push(Form::Feedback);
            }
            available.push(Form::Close);
        }
    }
    if adviser && !p.closed {
        available.insert(0, Form::Advice);
    }
    // A refused form is always shown again, with its message and what was typed (the user was
    // allowed to send it: the audited path opened the client for it).
    if let Some(f) = Form::parse(failed).filter(|f| !available.contains(f) && *f != Form::Acute) {
        available.push(f);
    }
    let next_form = if can_write {
        Some(form_for(next))
    } else if available.contains(&Form::Advice) {
        Some(Form::Advice)
    } else {
        None
    };
    let view_of = |f: Form| FormView { path: f.path(), title: f.title(lang), open: f.path() == failed };
    p.next_form = next_form.filter(|f| available.contains(f)).map(|f| FormView { open: true, ..view_of(f) });
    p.forms = available.iter().filter(|f| Some(**f) != next_form || p.next_form.is_none()).map(|f| view_of(*f)).collect();
    if (can_write && !p.closed) || failed == Form::Acute.path() {
        p.acute_form = Some(view_of(Form::Acute));
    }
    // Offered while the report is still to be made (also during acute danger).
    p.offer_beraad = can_write && !p.closed && (next == Next::RecordReport || t.report_pending());
    if forms && can_write && available.contains(&Form::Report) {
        p.entries = report_entries(web, user, &client).await?;
    }
    // The acute danger declared now.
    p.acute = t.acute_danger().and(s.acute.last()).cloned();
    // The afwegingskader: the current round's answers with the questions, earlier rounds apart.
    let round = t.round().answers.len();
    let earlier: Vec<usize> = t.earlier_rounds().iter().map(|r| r.answers.len()).collect();
    let mut answers = s.answers.into_iter();
    for n in earlier {
        p.earlier_rounds.push(answers.by_ref().take(n).collect());
    }
    let mut current: Vec<AnswerRow> = answers.take(round).collect();
    p.questions = Question::ALL
        .into_iter()
        .map(|q| {
            // Within a round the latest answer to a question counts.
            let at = current.iter().rposition(|a| a.number == q.number());
            QuestionRow {
                number: q.number(),
                text: question_text(q, lang),
                answer: at.map(|i| current.remove(i)),
                definitions: q == Question::Safety,
            }
        })
        .collect();
    p.replaced = current;
    let w = t.weighing();
    p.stale = t.weighing_is_stale();
    p.reading = reading(&w, lang);
    p.norm = w.norm.map(|n| norm_text(n, lang));
    p.then_ask = w.then_ask.is_some();
    p.weighing_sources = source_rows(rules, w.sources, lang);
    p.notices = notice_rows(t, rules, lang);
    p.steps = s.steps;
    p.signals = s.signals;
    p.consultations = s.consultations;
    p.requests = s.requests;
    p.conversations = s.conversations;
    p.decisions = s.decisions;
    p.reports = s.reports;
    p.feedback = s.feedback;
    p.acute_history = s.acute;
    p.closures = s.closures;
    p.reopenings = s.reopenings;
    Ok(p)
}

pub async fn show<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<MeldcodePage, WebError> {
    let opened = web.open_client(&user, Action::MeldcodeRead, &id).await?;
    let just = q.get("vastgelegd").and_then(|s| s.parse().ok());
    page(&web, &user, &opened, just, None, true).await
}

// --- reading a form ---------------------------------------------------------------------------

const LONG: usize = 4000;
const SHORT: usize = 300;

/// A date field: empty is today; not in the future.
fn date_field(f: &FormData, name: &str, what: &'static str, today: Date) -> Result<Date, WebError> {
    let Some(text) = f.get(name).map(str::trim).filter(|s| !s.is_empty()) else { return Ok(today) };
    let d = Date::parse(text, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| WebError::Invalid(Msg::new("meldcode-date-invalid").arg_msg("what", what)))?;
    if d > today {
        return Err(WebError::Invalid(Msg::new("meldcode-date-future").arg_msg("what", what)));
    }
    Ok(d)
}

fn signal_of(f: &FormData, today: Date) -> Result<Signal, WebError> {
    let interpretation = f.optional("interpretatie", "meldcode-field-interpretation", LONG)?;
    Ok(Signal {
        observed_on: date_field(f, "waargenomen", "meldcode-field-observed-on", today)?,
        source: SOURCES.chosen(f, "bron", "meldcode-field-source")?,
        source_detail: f.optional("bron_wie", "meldcode-field-source-detail", SHORT)?,
        observation: f.required("waarneming", "meldcode-field-observation", LONG)?,
        interpretation: (!interpretation.is_empty()).then_some(interpretation),
        concerns_staff_member: f.get("medewerker") == Some("ja"),
    })
}

fn question_of(f: &FormData) -> Result<Question, WebError> {
    let n: Option<u8> = f.get("vraag").and_then(|v| v.trim().parse().ok());
    Question::ALL
        .into_iter()
        .find(|q| Some(q.number()) == n)
        .ok_or_else(|| WebError::Invalid(Msg::new("meldcode-choose").arg_msg("what", "meldcode-field-question")))
}

/// The event a form describes, or what to fix. Dates default to today.
fn event_of(form: Form, f: &FormData, user: &User, today: Date) -> Result<Event, WebError> {
    let on = date_field(f, "datum", "meldcode-field-date", today)?;
    Ok(match form {
        Form::Open => Event::Opened { on, sector: SECTORS.chosen(f, "sector", "meldcode-field-sector")?, signal: signal_of(f, today)? },
        Form::Signal => Event::SignalAdded { on, signal: signal_of(f, today)? },
        Form::Consult => Event::Consulted {
            on,
            consultation: Consultation {
                with: CONSULTED.chosen(f, "met", "meldcode-field-consulted")?,
                who: f.optional("wie", "meldcode-field-who", SHORT)?,
                advice: f.required("advies", "meldcode-field-advice", LONG)?,
            },
        },
        Form::RequestAdvice => Event::ConsultationRequested {
            on,
            of: CONSULTED.chosen(f, "aan", "meldcode-field-consulted")?,
            question: f.required("vraag", "meldcode-field-request", LONG)?,
        },
        Form::Advice => Event::Consulted {
            on,
            consultation: Consultation {
                with: Consulted::Aandachtsfunctionaris,
                who: user.name.clone(),
                advice: f.required("advies", "meldcode-field-advice", LONG)?,
            },
        },
        Form::Conversation => {
            let conversation = if f.yes_no("gevoerd", "meldcode-field-held")? {
                Conversation::Held {
                    with: f.required("met", "meldcode-field-with", SHORT)?,
                    summary: f.required("samenvatting", "meldcode-field-summary", LONG)?,
                }
            } else {
                Conversation::LeftOut {
                    reason: LEFT_OUT.chosen(f, "reden", "meldcode-field-left-out")?,
                    explanation: f.required("toelichting", "meldcode-field-explanation", LONG)?,
                }
            };
            Event::Conversation { on, conversation }
        }
        Form::Answer => Event::Answered {
            on,
            answer: Answer {
                question: question_of(f)?,
                yes: f.yes_no("antwoord", "meldcode-field-answer")?,
                reasons: f.required("redenen", "meldcode-field-reasons", LONG)?,
                jointly_with_veilig_thuis: f.get("samen") == Some("ja"),
            },
        },
        Form::Decide => Event::Decided {
            on,
            decision: DecisionRecord {
                report: f.yes_no("melden", "meldcode-field-report")?,
                own_help: f.yes_no("hulp", "meldcode-field-own-help")?,
                reasons: f.required("redenen", "meldcode-field-reasons", LONG)?,
            },
        },
        Form::Report => {
            let deliberation = match f.get("beraad").map(str::trim).filter(|s| !s.is_empty() && *s != "geen") {
                None => None,
                Some(s) => Some(
                    s.parse::<u64>()
                        .map_err(|_| WebError::Invalid(Msg::new("meldcode-choose").arg_msg("what", "meldcode-field-deliberation")))?,
                ),
            };
            Event::Reported {
                on,
                report: ReportRecord {
                    deliberation,
                    informed: f.required("geinformeerd", "meldcode-field-informed", LONG)?,
                    agreements: f.optional("afspraken", "meldcode-field-agreements", LONG)?,
                },
            }
        }
        Form::Feedback => Event::VeiligThuisFeedback {
            on,
            feedback: Feedback {
                feedback: f.required("terugkoppeling", "meldcode-field-feedback", LONG)?,
                follow_up: f.optional("vervolg", "meldcode-field-follow-up", LONG)?,
            },
        },
        Form::Acute => Event::AcuteDangerDeclared { on, reasons: f.required("redenen", "meldcode-field-acute-reasons", LONG)? },
        Form::Close => Event::Closed {
            on,
            reason: CLOSE_REASONS.chosen(f, "reden", "meldcode-field-close-reason")?,
            explanation: f.required("toelichting", "meldcode-field-explanation", LONG)?,
            follow_up: f.optional("vervolg", "meldcode-field-follow-up", LONG)?,
        },
        Form::Reopen => Event::Reopened { on, reasons: f.required("redenen", "meldcode-field-reasons", LONG)? },
    })
}

/// `POST /clienten/{id}/meldcode/{stap}`: records one step (or, for `beraad`, starts the
/// deliberation about what to share with Veilig Thuis). A refusal, by the form or by the
/// trajectory, shows the page again with the message and everything that was typed.
pub async fn record<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path((id, stap)): Path<(String, String)>,
    form: FormData,
) -> Result<Response, WebError> {
    if stap == "beraad" {
        return start_deliberation(&web, &user, &id).await;
    }
    let kind = Form::parse(&stap).ok_or_else(|| WebError::NotFound(Msg::new("meldcode-no-such-step")))?;
    let opened = web.open_client(&user, kind.action(), &id).await?;
    let result = match event_of(kind, &form, &user, today()) {
        Ok(event) => opened.record_meldcode(&user.id, event).await.map_err(WebError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(receipt) => {
            let seq = receipt.seq;
            Ok(Redirect::to(&format!("/clienten/{}/meldcode?vastgelegd={seq}#regel-{seq}", opened.id())).into_response())
        }
        Err(WebError::Invalid(msg)) => {
            let refused = Refused { form: kind, data: &form, message: msg.render(user.lang.rules()) };
            let p = page(&web, &user, &opened, None, Some(refused), true).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, p).into_response())
        }
        Err(e) => Err(e),
    }
}

// --- from the trajectory to the deliberation on what to share with Veilig Thuis ---------------------

/// The answers a deliberation about reporting to Veilig Thuis takes from the trajectory (fact
/// id, value): recipient and purpose always; the suspicion when the current round answered
/// question 1 "yes" or a decision to report was recorded; acute danger only when the latest
/// decision to report was recorded while acute danger was declared.
pub fn veilig_thuis_facts(t: &Trajectory) -> Vec<(&'static str, &'static str)> {
    let mut facts = vec![("recipient_role", "veilig_thuis"), ("purpose", "child_abuse_or_domestic_violence")];
    let decided_to_report = t.decisions().iter().rev().find(|d| d.decision.report);
    if t.round().answers().suspicion == Some(true) || decided_to_report.is_some() {
        facts.push(("suspicion_domestic_violence_or_child_abuse", "true"));
    }
    if decided_to_report.is_some_and(|d| d.during_acute_danger) {
        facts.push(("danger", "acute"));
    }
    facts
}

async fn start_deliberation<S: Backend>(web: &Web<S>, user: &User, id: &str) -> Result<Response, WebError> {
    let opened = web.open_client(user, Action::DossierWrite, id).await?;
    let view = opened.meldcode().await?;
    let t = view.as_ref().and_then(|v| v.trajectory.as_ref()).ok_or_else(|| WebError::Invalid(Msg::new("meldcode-no-trajectory")))?;
    let rules = web.rules();
    let mut state = Deliberation::new(Some(opened.id().to_owned()), today());
    crate::pages::deliberation::prefill_own_role(rules, &mut state, user);
    for (fact, value) in veilig_thuis_facts(t) {
        let f = rules.fact(fact).ok_or(WebError::Internal("meldcode_fact"))?;
        let v = parse_answer(rules, f, &[value.to_owned()]).map_err(|_| WebError::Internal("meldcode_fact_value"))?;
        state.set(rules, f, v, user.lang.rules());
        state.prefilled.push(fact.to_owned());
    }
    state.history.clear();
    state.from_meldcode = true;
    web.evaluate_draft(Some(&opened), &state).await?;
    let draft = web.save_draft(user, None, &state).await?;
    Ok(Redirect::to(&format!("/beraad/{draft}")).into_response())
}

/// Whether the client has an open meldcode trajectory (for the links back to it). Needs the
/// client opened for their dossier or trajectory.
pub async fn has_open_trajectory<S: Backend>(opened: &Opened<'_, S>) -> Result<bool, WebError> {
    Ok(opened.meldcode().await?.and_then(|v| v.trajectory).is_some_and(|t| !t.is_closed()))
}

/// A short status of a client's trajectory for the dossier page.
pub struct Status {
    pub open: bool,
    pub text: String,
}

pub async fn status<S: Backend>(opened: &Opened<'_, S>, lang: Lang) -> Result<Option<Status>, WebError> {
    let Some(t) = opened.meldcode().await?.and_then(|v| v.trajectory) else { return Ok(None) };
    Ok(Some(if t.is_closed() {
        let on = t.closure().map(|c| dutch_date(c.on)).unwrap_or_default();
        Status { open: false, text: lang.tr_with("meldcode-status-closed", &[("on", on.into())]) }
    } else {
        Status {
            open: true,
            text: lang.tr_with(
                "meldcode-status-open",
                &[
                    ("since", dutch_date(t.opened_on()).into()),
                    ("next", next_text(t.next(), lang, !matches!(opened.basis(), Basis::Role(_))).into()),
                ],
            ),
        }
    }))
}

// --- the aandachtsfunctionaris' overview ------------------------------------------------------------

pub struct StepCell {
    pub number: u8,
    pub name: &'static str,
    pub done: bool,
    /// Days since the step was last touched, or (never touched) since the opening.
    pub days: i64,
    pub touched: bool,
}

pub struct OverviewRow {
    pub client: String,
    pub name: String,
    pub opened_by: String,
    pub since: String,
    pub next: String,
    pub steps: Vec<StepCell>,
    pub idle_days: i64,
    pub overdue: bool,
    pub acute: bool,
    pub advice_since: Option<String>,
    pub incomplete: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "meldcode_overview.html")]
pub struct OverviewPage {
    pub c: Chrome,
    pub title: String,
    pub rows: Vec<OverviewRow>,
    pub days: u32,
    /// The number as typed (shown back after an error).
    pub typed: String,
    pub error: Option<String>,
}

/// The number of days after which a trajectory without progress is overdue: `?dagen=N`,
/// 1 to 365; the default when not given.
fn overdue_days(q: &HashMap<String, String>) -> Result<u32, Msg> {
    match q.get("dagen").map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(OVERDUE_AFTER_DAYS),
        Some(s) => s.parse::<u32>().ok().filter(|n| (1..=365).contains(n)).ok_or_else(|| Msg::new("meldcode-days-invalid").arg("max", 365)),
    }
}

pub async fn overview<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let guarded = web.guard(&user, Action::MeldcodeOverview).await?;
    let lang = user.lang;
    let (days, error) = match overdue_days(&q) {
        Ok(n) => (n, None),
        Err(m) => (OVERDUE_AFTER_DAYS, Some(m.render(lang.rules()))),
    };
    let mut rows = Vec::new();
    for s in web.meldcode_overview(&guarded, today(), days).await? {
        let record = web.store().client(&s.client).await?;
        let name = web.listed_identity(&user.org, &record).await?.name;
        rows.push(overview_row(s, &record.id, name, lang));
    }
    let page = OverviewPage {
        title: lang.tr("meldcode-overview-title").into(),
        c: Chrome::new(&user, "/meldcode"),
        rows,
        days,
        typed: if error.is_some() { q.get("dagen").cloned().unwrap_or_default() } else { days.to_string() },
        error,
    };
    let status = if page.error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok((status, page).into_response())
}

impl OverviewPage {
    /// "3 dagen".
    pub fn days_text(&self, n: &i64) -> String {
        self.c.tr_n("meldcode-days", *n)
    }

    /// How long ago a step was done or touched, or how long it has been open.
    pub fn step_days(&self, s: &StepCell) -> String {
        self.c.tr_n(if s.touched { "meldcode-days-ago" } else { "meldcode-days-open" }, s.days)
    }

    /// Which number of days is used, and how many trajectories are open.
    pub fn counts(&self) -> String {
        let open = match self.rows.len() {
            1 => self.c.tr("meldcode-overview-one").to_owned(),
            n => self.c.tr_n("meldcode-overview-count", i64::try_from(n).unwrap_or(i64::MAX)),
        };
        format!("{} {open}", self.c.tr_n("meldcode-overview-days-used", i64::from(self.days)))
    }
}

fn overview_row(s: grondslag_app::MeldcodeSummary, client: &ClientId, name: String, lang: Lang) -> OverviewRow {
    OverviewRow {
        client: client.to_string(),
        name,
        opened_by: s.opened_by,
        since: dutch_date(s.opened_on),
        next: next_text(s.next, lang, false),
        steps: s
            .steps
            .iter()
            .map(|st| StepCell {
                number: st.step.number(),
                name: step_short(st.step, lang),
                done: st.done,
                days: st.days,
                touched: st.last_touched.is_some(),
            })
            .collect(),
        idle_days: s.idle_days,
        overdue: s.overdue,
        acute: s.acute_danger,
        advice_since: s.advice_asked_since.map(dutch_date),
        incomplete: s.incomplete,
    }
}

/// The phone numbers as `tel:` addresses (digits only).
pub fn tel(number: &str) -> String {
    format!("tel:{}", number.chars().filter(char::is_ascii_digit).collect::<String>())
}

impl MeldcodePage {
    pub fn emergency(&self) -> String {
        tel(EMERGENCY_PHONE)
    }
    pub fn veilig_thuis(&self) -> String {
        tel(VEILIG_THUIS_PHONE)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn every_form_has_its_own_path_and_is_found_by_it() {
        for f in Form::ALL {
            assert_eq!(Form::parse(f.path()), Some(f));
        }
        assert_eq!(Form::parse("beraad"), None, "the deliberation is started, not recorded");
    }

    #[test]
    fn the_phone_numbers_are_dialled_as_digits() {
        assert_eq!(tel(EMERGENCY_PHONE), "tel:112");
        assert_eq!(tel(VEILIG_THUIS_PHONE), "tel:08002000");
    }

    #[test]
    fn the_overdue_number_is_one_to_a_year() {
        let q = |v: &str| HashMap::from([("dagen".to_owned(), v.to_owned())]);
        assert_eq!(overdue_days(&HashMap::new()), Ok(OVERDUE_AFTER_DAYS));
        assert_eq!(overdue_days(&q("7")), Ok(7));
        assert_eq!(overdue_days(&q(" 365 ")), Ok(365));
        for bad in ["0", "366", "-1", "veertien", "1e3"] {
            assert!(overdue_days(&q(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_veilig_thuis_deliberation_takes_only_what_the_trajectory_says() {
        use time::macros::date;
        let day = date!(2026 - 03 - 02);
        let signal = Signal {
            observed_on: day,
            source: SignalSource::OwnObservation,
            source_detail: String::new(),
            observation: "blauwe plekken (synthetisch)".into(),
            interpretation: None,
            concerns_staff_member: false,
        };
        let answer = |question, yes| Event::Answered {
            on: day,
            answer: Answer { question, yes, reasons: "zie gesprek".into(), jointly_with_veilig_thuis: false },
        };
        let decide = |report| Event::Decided { on: day, decision: DecisionRecord { report, own_help: false, reasons: "r".into() } };
        let opened = Event::Opened { on: day, sector: Sector::SocialSupport, signal };
        let t = Trajectory::fold(std::slice::from_ref(&opened)).unwrap();
        assert_eq!(veilig_thuis_facts(&t), vec![("recipient_role", "veilig_thuis"), ("purpose", "child_abuse_or_domestic_violence")]);
        let t = Trajectory::fold(&[opened.clone(), answer(Question::Suspicion, true)]).unwrap();
        assert!(veilig_thuis_facts(&t).contains(&("suspicion_domestic_violence_or_child_abuse", "true")));
        assert!(!veilig_thuis_facts(&t).iter().any(|(f, _)| *f == "danger"));
        let t = Trajectory::fold(&[opened.clone(), answer(Question::Suspicion, false)]).unwrap();
        assert_eq!(veilig_thuis_facts(&t).len(), 2, "question 1 'no' is not a suspicion");
        let acute = Event::AcuteDangerDeclared { on: day, reasons: "dreigt met een mes".into() };
        let t = Trajectory::fold(&[opened.clone(), acute, decide(true)]).unwrap();
        let facts = veilig_thuis_facts(&t);
        assert!(facts.contains(&("suspicion_domestic_violence_or_child_abuse", "true")) && facts.contains(&("danger", "acute")));
        let t = Trajectory::fold(&[opened, answer(Question::Suspicion, true), answer(Question::Safety, true), decide(true)]).unwrap();
        assert!(!veilig_thuis_facts(&t).iter().any(|(f, _)| *f == "danger"), "reporting without declared acute danger");
    }
}
