//! What the meldcode endpoints read and write, with their OpenAPI schemas.
//!
//! An event is posted in the form it is stored in (docs/ledger.md §11, without `kind`), so what
//! a client posts is what it later finds in the trajectory and in an export. The types here
//! mirror the pure core's (`grondslag_dossier::meldcode`) with the same serde names; they add
//! the schema and refuse unknown fields, and they convert into the core's types without loss.
//! The enums convert both ways with exhaustive matches, so a variant added in the core does not
//! compile until it is added here too; a test reads every kind of stored event back through
//! [`MeldcodeGebeurtenis`], so the two cannot drift apart on the wire.
//!
//! What the trajectory derives (next step, weighing, notices) is returned as typed values; its
//! words are for the front ends (web pages, `grondslag meldcode toon`), its sources come with
//! publisher, title, address and status as everywhere else.

use std::borrow::Cow;

use grondslag_app::{MeldcodeSummary, MeldcodeView, StepState};
use grondslag_dossier::meldcode::{self as m, Event, Next, Notice, Trajectory, Verdict};
use grondslag_engine::SourceOut;
use grondslag_rules::{RuleSet, SourceStatus};
use grondslag_store::ClientId;
use serde::{Deserialize, Deserializer, Serialize};
use time::Date;
use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::{KnownFormat, RefOr, SchemaFormat};
use utoipa::{IntoParams, PartialSchema, ToSchema};

/// A date `JJJJ-MM-DD`, as the core stores it.
fn date<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    let text = String::deserialize(d)?;
    Date::parse(&text, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| serde::de::Error::custom(format!("‘{text}’ is geen datum; schrijf JJJJ-MM-DD")))
}

fn iso(d: Date) -> String {
    d.to_string()
}

/// An enum of the core mirrored with the same variants (and so the same snake_case names),
/// converting both ways with exhaustive matches.
macro_rules! mirror {
    ($(#[$meta:meta])* $name:ident = $core:path { $($(#[$vmeta:meta])* $variant:ident,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl From<$name> for $core {
            fn from(v: $name) -> Self {
                type Core = $core;
                match v {
                    $($name::$variant => Core::$variant,)+
                }
            }
        }

        impl From<$core> for $name {
            fn from(v: $core) -> Self {
                type Core = $core;
                match v {
                    $(Core::$variant => $name::$variant,)+
                }
            }
        }
    };
}

mirror! {
    /// The kind of organisation the professional works in (the sectors that must have a
    /// meldcode). In education and childcare a signal about a staff member brings the D11
    /// meldplicht.
    Sector = m::Sector { Care, YouthCare, SocialSupport, Education, Childcare, Justice, Other, }
}

mirror! {
    /// Where a signal comes from: seen by the professional, or told by someone (the meldcode asks
    /// to keep the two apart).
    Signaalbron = m::SignalSource {
        /// Seen or heard by the professional.
        OwnObservation,
        Client,
        /// Told by the child (a spontaneous disclosure counts as acute unsafety in the
        /// afwegingskader; judging that stays with the professional).
        Child,
        /// Told by a parent, partner or other relative.
        Relative,
        OtherProfessional,
        /// Came up in the conversation with those involved (step 3).
        Conversation,
        /// From records or documents.
        Records,
        Other,
    }
}

mirror! {
    /// With whom the professional consults in step 2. The aandachtsfunctionaris advises, never
    /// decides; anonymous advice of Veilig Thuis does not identify the client.
    Adviseur = m::Consulted { Aandachtsfunctionaris, Colleague, VeiligThuisAnonymousAdvice, ForensicPhysician, }
}

mirror! {
    /// Why the conversation with those involved (step 3) was left out.
    RedenGeenGesprek = m::LeftOutReason { SafetyOfChild, SafetyOfClient, SafetyOfProfessional, SafetyOfOthers, ClientWouldBreakContact, CouldNotReach, }
}

mirror! {
    /// The five questions of the afwegingskader: 1 suspicion, 2 (acute or structural) safety,
    /// 3 own help, 4 acceptance of that help, 5 its result.
    Afwegingsvraag = m::Question { Suspicion, Safety, Help, Acceptance, Result, }
}

mirror! {
    /// Why the trajectory was closed.
    RedenAfsluiten = m::CloseReason { NoSuspicion, Reported, HelpCompleted, HandedOver, Other, }
}

mirror! {
    /// The five steps of the basismodel: 1 signals, 2 consultation, 3 conversation, 4 weighing,
    /// 5 decision. Their order is free.
    Stap = m::Step { Signals, Consultation, Conversation, Weighing, Decision, }
}

mirror! {
    /// What the afwegingskader's table makes follow from the professional's answers.
    Uitkomst = m::Outcome { Close, Report, ReportAndJointlyDecideHelp, OfferHelpAndMonitor, CloseWithMonitoringAgreements, }
}

mirror! {
    /// The professional norm to report: (a) acute or structural unsafety, (b) no sufficient own
    /// help, (c) unsafety that persists or recurs despite help.
    Meldnorm = m::ReportingNorm { AcuteOrStructuralUnsafety, NoSufficientOwnHelp, UnsafetyPersistsOrRecurs, }
}

mirror! {
    /// How far a source was checked; only `verified` is checked in full.
    Bronstatus = SourceStatus { Verified, PartlyVerified, Unverified, }
}

// --- the event, as posted -----------------------------------------------------------------

/// One signal, with the observation kept apart from its interpretation.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Signaal {
    /// When it was observed or told (JJJJ-MM-DD).
    #[serde(deserialize_with = "date")]
    #[schema(value_type = String, format = Date)]
    pub observed_on: Date,
    pub source: Signaalbron,
    /// Who, when the source is a person (may be empty).
    pub source_detail: String,
    /// What was seen or heard, factually (required).
    pub observation: String,
    /// The professional's interpretation, kept apart from the observation.
    pub interpretation: Option<String>,
    /// The signal concerns someone who works for the institution (in schools and childcare the
    /// D11 meldplicht applies).
    pub concerns_staff_member: bool,
}

impl From<Signaal> for m::Signal {
    fn from(s: Signaal) -> Self {
        m::Signal {
            observed_on: s.observed_on,
            source: s.source.into(),
            source_detail: s.source_detail,
            observation: s.observation,
            interpretation: s.interpretation,
            concerns_staff_member: s.concerns_staff_member,
        }
    }
}

/// A consultation (step 2): with whom and what they advised.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Overleg {
    pub with: Adviseur,
    /// Name or role, in the professional's words.
    pub who: String,
    /// The advice (required).
    pub advice: String,
}

/// The conversation with those involved (step 3), or why it was left out.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Gesprek {
    /// Held: with whom, and what came out of it (required).
    Held { with: String, summary: String },
    /// Left out: why, and the explanation (required).
    LeftOut { reason: RedenGeenGesprek, explanation: String },
}

impl From<Gesprek> for m::Conversation {
    fn from(g: Gesprek) -> Self {
        match g {
            Gesprek::Held { with, summary } => m::Conversation::Held { with, summary },
            Gesprek::LeftOut { reason, explanation } => m::Conversation::LeftOut { reason: reason.into(), explanation },
        }
    }
}

/// The professional's own answer to one question of the afwegingskader, with their reasons.
/// Grondslag never answers a question itself.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Afwegingsantwoord {
    pub question: Afwegingsvraag,
    pub yes: bool,
    /// The professional's reasons (required).
    pub reasons: String,
    /// Answered together with Veilig Thuis (questions 3–5 after a report for unsafety).
    pub jointly_with_veilig_thuis: bool,
}

/// Step 5: the professional's two decisions and their reasons. Reporting is a right, not a
/// duty: a decision that departs from the reporting norm is recorded and flagged, never refused.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeldcodeBesluit {
    /// Beslissing 1: a report to Veilig Thuis is made.
    pub report: bool,
    /// Beslissing 2: the professional (also) offers or organises help.
    pub own_help: bool,
    /// The professional's reasons (required).
    pub reasons: String,
}

/// The report as made to Veilig Thuis (only after a decision to report).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Melding {
    /// The dossier entry (`seq`) of the deliberation or decision on what was shared with Veilig
    /// Thuis, when one was recorded (see POST /api/v1/clienten/{id}/beraden).
    #[schema(minimum = 0)]
    pub deliberation: Option<u64>,
    /// Whom the professional informed about the report and their reaction; or, when that was
    /// not possible or not safe, the attempts made and why (required).
    pub informed: String,
    /// Follow-up agreements with Veilig Thuis and those involved.
    pub agreements: String,
}

/// Veilig Thuis's feedback on a report (only after a report).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Terugkoppeling {
    /// What Veilig Thuis reported back (required).
    pub feedback: String,
    /// What the professional does next.
    pub follow_up: String,
}

/// One event of a meldcode trajectory, as stored (docs/ledger.md §11, without `kind`). `on` is
/// the date the event is about (JJJJ-MM-DD); who recorded it and when is taken from the session.
/// Free text may hold line breaks, no other control characters.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
pub enum MeldcodeGebeurtenis {
    /// Opens the trajectory with its first signal (the first event, once).
    Opened {
        #[serde(deserialize_with = "date")]
        #[schema(value_type = String, format = Date)]
        on: Date,
        sector: Sector,
        signal: Signaal,
    },
    /// Another signal (step 1). After a weighing it makes the answers stale.
    SignalAdded {
        #[serde(deserialize_with = "date")]
        #[schema(value_type = String, format = Date)]
        on: Date,
        signal: Signaal,
    },
    /// A consultation (step 2); with the aandachtsfunctionaris it answers an open request for
    /// their advice, and an aandachtsfunctionaris records their own advice this way.
    Consulted {
        #[serde(deserialize_with = "date")]
        #[schema(value_type = String, format = Date)]
        on: Date,
        consultation: Overleg,
    },
    /// A request for advice (step 2), e.g. to the aandachtsfunctionaris, who sees it in their
    /// overview.
    ConsultationRequested {
        #[serde(deserialize_with = "date")]
        #[schema(value_type = String, format = Date)]
        on: Date,
        of: Adviseur,
        /// What the professional wants advice on (required).
        question: String,
    },
    /// The conversation with those involved, or why it was left out (step 3).
    Conversation {
        #[serde(deserialize_with = "date")]
        #[schema(value_type = String, format = Date)]
        on: Date,
        conversation: Gesprek,
    },
    /// The professional's answer to a question of the afwegingskader (step 4).
    Answered {
        #[serde(deserialize_with = "date")]
        #[schema(value_type = String, format = Date)]
        on: Date,
        answer: Afwegingsantwoord,
    },
    /// The professional's decisions (step 5).
    Decided {
        #[serde(deserialize_with = "date")]
        #[schema(value_type = String, format = Date)]
        on: Date,
        decision: MeldcodeBesluit,
    },
    /// The report to Veilig Thuis was made (only after a decision to report).
    Reported {
        #[serde(deserialize_with = "date")]
        #[schema(value_type = String, format = Date)]
        on: Date,
        report: Melding,
    },
    /// Veilig Thuis's feedback (only after a report).
    VeiligThuisFeedback {
        #[serde(deserialize_with = "date")]
        #[schema(value_type = String, format = Date)]
        on: Date,
        feedback: Terugkoppeling,
    },
    /// The professional judges the danger acute: report now (Veilig Thuis 0800-2000, or 112).
    AcuteDangerDeclared {
        #[serde(deserialize_with = "date")]
        #[schema(value_type = String, format = Date)]
        on: Date,
        /// Required.
        reasons: String,
    },
    /// Closes the trajectory, at any step, with the reason.
    Closed {
        #[serde(deserialize_with = "date")]
        #[schema(value_type = String, format = Date)]
        on: Date,
        reason: RedenAfsluiten,
        /// Required.
        explanation: String,
        follow_up: String,
    },
    /// Continues a closed trajectory; its history stays and the weighing is done again.
    Reopened {
        #[serde(deserialize_with = "date")]
        #[schema(value_type = String, format = Date)]
        on: Date,
        /// Required.
        reasons: String,
    },
}

impl From<MeldcodeGebeurtenis> for Event {
    fn from(g: MeldcodeGebeurtenis) -> Self {
        use MeldcodeGebeurtenis as G;
        match g {
            G::Opened { on, sector, signal } => Event::Opened { on, sector: sector.into(), signal: signal.into() },
            G::SignalAdded { on, signal } => Event::SignalAdded { on, signal: signal.into() },
            G::Consulted { on, consultation: c } => {
                Event::Consulted { on, consultation: m::Consultation { with: c.with.into(), who: c.who, advice: c.advice } }
            }
            G::ConsultationRequested { on, of, question } => Event::ConsultationRequested { on, of: of.into(), question },
            G::Conversation { on, conversation } => Event::Conversation { on, conversation: conversation.into() },
            G::Answered { on, answer: a } => Event::Answered {
                on,
                answer: m::Answer {
                    question: a.question.into(),
                    yes: a.yes,
                    reasons: a.reasons,
                    jointly_with_veilig_thuis: a.jointly_with_veilig_thuis,
                },
            },
            G::Decided { on, decision: d } => {
                Event::Decided { on, decision: m::DecisionRecord { report: d.report, own_help: d.own_help, reasons: d.reasons } }
            }
            G::Reported { on, report: r } => Event::Reported {
                on,
                report: m::ReportRecord { deliberation: r.deliberation, informed: r.informed, agreements: r.agreements },
            },
            G::VeiligThuisFeedback { on, feedback: f } => {
                Event::VeiligThuisFeedback { on, feedback: m::Feedback { feedback: f.feedback, follow_up: f.follow_up } }
            }
            G::AcuteDangerDeclared { on, reasons } => Event::AcuteDangerDeclared { on, reasons },
            G::Closed { on, reason, explanation, follow_up } => Event::Closed { on, reason: reason.into(), explanation, follow_up },
            G::Reopened { on, reasons } => Event::Reopened { on, reasons },
        }
    }
}

// --- the trajectory, as read ----------------------------------------------------------------

/// A source, named as everywhere in Grondslag: publisher and title, the short citation, the
/// public address and how far it was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Bron {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub citation: String,
    /// The public address (empty only under a rule set without this source).
    pub url: String,
    pub status: Bronstatus,
}

impl From<SourceOut> for Bron {
    fn from(s: SourceOut) -> Self {
        Bron { id: s.id, publisher: s.publisher, title: s.title, citation: s.citation, url: s.url, status: s.status.into() }
    }
}

fn sources(rules: &RuleSet, ids: &[m::SourceId]) -> Vec<Bron> {
    grondslag_app::meldcode::sources(rules, ids).into_iter().map(Bron::from).collect()
}

/// What kind of next step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SoortVolgendeStap {
    /// Closed: nothing, unless it is reopened.
    Nothing,
    /// Acute danger declared and not yet reported: report now to Veilig Thuis (0800-2000) or, in
    /// an emergency, call 112.
    ReportNow,
    /// Signals came in after the weighing: answer the questions again from question 1.
    Reweigh,
    /// Do `step` (the first open one of steps 1–3; the order is free).
    Do,
    /// The afwegingskader asks `question`.
    Answer,
    /// The framework's `outcome` is known: record the decision (the professional decides).
    Decide,
    /// Help is offered: monitor, and answer question 5 when the agreed time has passed.
    Monitor,
    /// Decided to report: make the report and record it.
    RecordReport,
    /// Reported: record Veilig Thuis's feedback when it comes.
    AwaitFeedback,
    /// Decided: close with the reason and follow-up agreements.
    Close,
}

/// The next step, derived from what was recorded; the professional may take the steps in
/// another order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct VolgendeStap {
    pub kind: SoortVolgendeStap,
    /// With `do`.
    pub step: Option<Stap>,
    /// With `answer`.
    pub question: Option<Afwegingsvraag>,
    /// With `decide`.
    pub outcome: Option<Uitkomst>,
}

impl From<Next> for VolgendeStap {
    fn from(n: Next) -> Self {
        use SoortVolgendeStap as K;
        let plain = |kind| VolgendeStap { kind, step: None, question: None, outcome: None };
        match n {
            Next::Nothing => plain(K::Nothing),
            Next::ReportNow => plain(K::ReportNow),
            Next::Reweigh => plain(K::Reweigh),
            Next::Do(s) => VolgendeStap { step: Some(s.into()), ..plain(K::Do) },
            Next::Answer(q) => VolgendeStap { question: Some(q.into()), ..plain(K::Answer) },
            Next::Decide(o) => VolgendeStap { outcome: Some(o.into()), ..plain(K::Decide) },
            Next::Monitor => plain(K::Monitor),
            Next::RecordReport => plain(K::RecordReport),
            Next::AwaitFeedback => plain(K::AwaitFeedback),
            Next::Close => plain(K::Close),
        }
    }
}

/// Where one of the five steps stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Stapstand {
    pub step: Stap,
    pub done: bool,
    /// The latest date an event of this step was about (JJJJ-MM-DD); none when never touched.
    #[schema(format = Date)]
    pub last_touched: Option<String>,
    /// Days from that date (or, never touched, from the opening) to today.
    pub days: i64,
}

impl From<&StepState> for Stapstand {
    fn from(s: &StepState) -> Self {
        Stapstand { step: s.step.into(), done: s.done, last_touched: s.last_touched.map(iso), days: s.days }
    }
}

/// The afwegingskader's reading of the current answers: the next question it needs, or what
/// follows from them. It reads the professional's answers; it answers nothing itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Weging {
    /// The question the table needs next (nothing is guessed for it); none when it reached an
    /// outcome.
    pub ask: Option<Afwegingsvraag>,
    /// What follows from the answers; none while a question is open.
    pub outcome: Option<Uitkomst>,
    /// The questions this reading depends on, in order.
    pub read: Vec<Afwegingsvraag>,
    /// The professional norm to report that applies, if reporting is the norm.
    pub norm: Option<Meldnorm>,
    /// A question to answer later, after acting on the outcome (question 5 after help).
    pub then_ask: Option<Afwegingsvraag>,
    /// New signals came in after these answers: they are to be given again.
    pub stale: bool,
    pub sources: Vec<Bron>,
}

/// What kind of notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SoortAttentie {
    /// In a school or childcare setting a signal concerns a staff member: the D11 meldplicht
    /// (report to the employer or board) applies beside the meldcode.
    D11StaffReportDuty,
    /// The latest decision does not report although reporting was the norm (`norm`); the
    /// professional's reasons must say why. A right, not a duty: it is not refused.
    DecisionDepartsFromNorm,
    /// The latest decision was recorded without a complete, current weighing.
    DecidedWithoutCurrentWeighing,
    /// The latest decision to report was recorded while `open_steps` were still open.
    DecidedToReportWithOpenSteps,
}

/// Something the professional should know about the trajectory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct MeldcodeAttentie {
    pub kind: SoortAttentie,
    /// With `decision_departs_from_norm`.
    pub norm: Option<Meldnorm>,
    /// With `decided_to_report_with_open_steps`.
    pub open_steps: Vec<Stap>,
    pub sources: Vec<Bron>,
}

impl MeldcodeAttentie {
    fn of(n: &Notice, rules: &RuleSet) -> Self {
        let plain = |kind| MeldcodeAttentie { kind, norm: None, open_steps: Vec::new(), sources: Vec::new() };
        match n {
            Notice::D11StaffReportDuty { sources: s } => {
                MeldcodeAttentie { sources: sources(rules, s), ..plain(SoortAttentie::D11StaffReportDuty) }
            }
            Notice::DecisionDepartsFromNorm { norm, sources: s } => {
                MeldcodeAttentie { norm: Some((*norm).into()), sources: sources(rules, s), ..plain(SoortAttentie::DecisionDepartsFromNorm) }
            }
            Notice::DecidedWithoutCurrentWeighing => plain(SoortAttentie::DecidedWithoutCurrentWeighing),
            Notice::DecidedToReportWithOpenSteps { open } => MeldcodeAttentie {
                open_steps: open.iter().map(|s| (*s).into()).collect(),
                ..plain(SoortAttentie::DecidedToReportWithOpenSteps)
            },
        }
    }
}

/// One recorded meldcode event with its place in the dossier and who recorded it when.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Meldcoderegel {
    /// The entry's sequence number in the dossier.
    pub seq: u64,
    /// When it was recorded (RFC 3339, UTC); the date it is about is the event's `on`.
    pub ts: String,
    /// Who recorded it (name, or the recorded id when no longer known).
    pub actor: String,
    /// Their profession as recorded.
    pub role: String,
    /// Dutch one-line summary; none when the content was erased.
    pub summary: Option<String>,
    /// What was recorded; none when the content was erased.
    #[schema(value_type = Option<MeldcodeGebeurtenis>)]
    pub event: Option<serde_json::Value>,
}

/// A client's meldcode trajectory: every recorded event and what follows from them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Meldcodetraject {
    /// The client's id.
    pub client: String,
    /// Every meldcode event, in dossier order.
    pub records: Vec<Meldcoderegel>,
    /// The fold of the readable events; none when the opening event's content was erased.
    #[schema(value_type = Option<MeldcodeStand>)]
    pub trajectory: Option<serde_json::Value>,
    /// Closed.
    pub closed: bool,
    /// The next step; none when the trajectory could not be folded.
    pub next: Option<VolgendeStap>,
    /// The five steps.
    pub steps: Vec<Stapstand>,
    /// The afwegingskader's reading of the current answers.
    pub weighing: Option<Weging>,
    pub notices: Vec<MeldcodeAttentie>,
    /// The sources of the step model (free order, repeatable, closable at any step).
    pub step_sources: Vec<Bron>,
    /// Entries (seq) whose content was erased: the trajectory is folded without them.
    pub erased_events: Vec<u64>,
    /// Readable entries (seq) the fold could not apply (an erased event they depend on is
    /// missing, or two recordings crossed).
    pub not_folded: Vec<u64>,
}

impl Meldcodetraject {
    /// The view of `client`'s trajectory on `today`, with the rule set's sources.
    pub fn of(client: &ClientId, view: &MeldcodeView, rules: &RuleSet, today: Date) -> Self {
        let t = view.trajectory.as_ref();
        Meldcodetraject {
            client: client.to_string(),
            records: view
                .records
                .iter()
                .map(|r| Meldcoderegel {
                    seq: r.seq,
                    ts: r.ts.clone(),
                    actor: r.actor.clone(),
                    role: r.role.clone(),
                    summary: r.event.as_ref().map(|e| grondslag_app::meldcode::summary(e, grondslag_rules::Lang::Nl)),
                    event: r.event.as_ref().and_then(|e| serde_json::to_value(e).ok()),
                })
                .collect(),
            trajectory: t.and_then(|t| serde_json::to_value(t).ok()),
            closed: t.is_some_and(Trajectory::is_closed),
            next: t.map(|t| t.next().into()),
            steps: t.map(|t| grondslag_app::meldcode::step_states(t, today).iter().map(Stapstand::from).collect()).unwrap_or_default(),
            weighing: t.map(|t| {
                let w = t.weighing();
                Weging {
                    ask: match w.verdict {
                        Verdict::Ask(q) => Some(q.into()),
                        Verdict::Outcome(_) => None,
                    },
                    outcome: match w.verdict {
                        Verdict::Outcome(o) => Some(o.into()),
                        Verdict::Ask(_) => None,
                    },
                    read: w.read().iter().map(|q| (*q).into()).collect(),
                    norm: w.norm.map(Into::into),
                    then_ask: w.then_ask.map(Into::into),
                    stale: t.weighing_is_stale(),
                    sources: sources(rules, w.sources),
                }
            }),
            notices: t.map(|t| t.notices().iter().map(|n| MeldcodeAttentie::of(n, rules)).collect()).unwrap_or_default(),
            step_sources: sources(rules, Trajectory::step_sources()),
            erased_events: view.erased_events.clone(),
            not_folded: view.not_folded.clone(),
        }
    }
}

/// The fold of a trajectory's events, as the core keeps it.
pub struct MeldcodeStand;

/// The top-level keys of the fold's JSON, with their JSON type and meaning. A test keeps this
/// list equal to what the core writes.
pub const STAND_KEYS: [(&str, Type, &str); 20] = [
    ("opened_on", Type::String, "De datum van opening (JJJJ-MM-DD)."),
    ("sector", Type::String, "De sector (zie `Sector`)."),
    ("signals", Type::Array, "De signalen: `{on, item}` met `item` een `Signaal`."),
    ("consultations", Type::Array, "Het overleg (stap 2): `{on, item}` met `item` `{with, who, advice}`."),
    ("requests", Type::Array, "Adviesvragen: `{on, of, question, answered_on}`; `answered_on` null zolang open."),
    ("conversations", Type::Array, "Gesprekken (stap 3): `{on, item}` met `item` een `Gesprek`."),
    ("round", Type::Object, "De huidige ronde van de afweging: `{answers: [{on, item}], stale}`."),
    ("earlier_rounds", Type::Array, "Eerdere rondes, verouderd door nieuwe signalen."),
    ("decisions", Type::Array, "Besluiten (stap 5) met de lezing van het afwegingskader op dat moment."),
    ("reports", Type::Array, "Meldingen bij Veilig Thuis: `{on, item}` met `item` een `Melding`."),
    ("feedback", Type::Array, "Terugkoppelingen van Veilig Thuis: `{on, item}`."),
    ("report_pending", Type::Boolean, "Besloten te melden en de melding nog niet vastgelegd."),
    ("feedback_pending", Type::Boolean, "Gemeld en nog geen terugkoppeling van Veilig Thuis vastgelegd."),
    ("decision_current", Type::Boolean, "Het laatste besluit hoort bij de huidige antwoorden."),
    ("acute_danger", Type::Object, "Acuut gevaar vastgesteld en nog niet gemeld: `{on, item}` (de redenen), anders null."),
    ("closure", Type::Object, "De afsluiting: `{on, reason, explanation, follow_up}`, null zolang open."),
    ("earlier_closures", Type::Array, "Eerdere afsluitingen, ongedaan gemaakt door heropenen."),
    ("reopenings", Type::Array, "Heropeningen: `{on, item}` (de redenen)."),
    ("last_touched", Type::Object, "Per stap de laatste datum waarop een gebeurtenis van die stap betrekking had."),
    ("last_activity", Type::String, "De laatste datum van een vastgelegde gebeurtenis (JJJJ-MM-DD)."),
];

impl PartialSchema for MeldcodeStand {
    fn schema() -> RefOr<Schema> {
        let mut b = ObjectBuilder::new()
            .schema_type(SchemaType::Type(Type::Object))
            .description(Some(
                "De vouw van de vastgelegde gebeurtenissen zoals de kern (grondslag_dossier::meldcode::Trajectory) die bijhoudt. \
                 Wat eruit volgt (volgende stap, weging, aandachtspunten) staat apart in `Meldcodetraject`.",
            ))
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(true)));
        for (key, t, description) in STAND_KEYS {
            let nullable = matches!(key, "acute_danger" | "closure");
            let ty = if nullable { SchemaType::Array(vec![t, Type::Null]) } else { SchemaType::Type(t) };
            let mut p = ObjectBuilder::new().schema_type(ty).description(Some(description));
            if matches!(key, "opened_on" | "last_activity") {
                p = p.format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)));
            }
            b = b.property(key, p).required(key);
        }
        b.into()
    }
}

impl ToSchema for MeldcodeStand {
    fn name() -> Cow<'static, str> {
        "MeldcodeStand".into()
    }
}

// --- the aandachtsfunctionaris' overview ----------------------------------------------------

/// How many days without progress make a trajectory overdue.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MeldcodeOverzichtFilter {
    /// Overdue after more than this many days without a recorded step (1–365, default 14).
    #[param(minimum = 1, maximum = 365)]
    pub dagen: Option<u32>,
}

/// An open trajectory in the overview: where it stands and for how long, never what was
/// recorded (no signals, advice, conversation or reasons). Opening the trajectory itself is a
/// separate, logged access.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MeldcodeSamenvatting {
    /// The client's id.
    pub client: String,
    /// Who opened the trajectory (name, or the recorded id when no longer known).
    pub opened_by: String,
    #[schema(format = Date)]
    pub opened_on: String,
    pub next: VolgendeStap,
    pub steps: Vec<Stapstand>,
    /// The latest date of any recorded event.
    #[schema(format = Date)]
    pub last_activity: String,
    /// Days since then.
    pub idle_days: i64,
    /// Open and idle for more than the given number of days.
    pub overdue: bool,
    /// Acute danger declared and no report recorded since.
    pub acute_danger: bool,
    /// Since when the aandachtsfunctionaris' advice is asked and not yet recorded, if it is.
    #[schema(format = Date)]
    pub advice_asked_since: Option<String>,
    /// Part of the trajectory could not be read (erased or not folded).
    pub incomplete: bool,
}

impl From<&MeldcodeSummary> for MeldcodeSamenvatting {
    fn from(s: &MeldcodeSummary) -> Self {
        MeldcodeSamenvatting {
            client: s.client.to_string(),
            opened_by: s.opened_by.clone(),
            opened_on: iso(s.opened_on),
            next: s.next.into(),
            steps: s.steps.iter().map(Stapstand::from).collect(),
            last_activity: iso(s.last_activity),
            idle_days: s.idle_days,
            overdue: s.overdue,
            acute_danger: s.acute_danger,
            advice_asked_since: s.advice_asked_since.map(iso),
            incomplete: s.incomplete,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use grondslag_dossier::meldcode::{
        Answer, CloseReason, Consultation, Consulted, DecisionRecord, Feedback, LeftOutReason, Question, ReportRecord, Signal, SignalSource,
    };

    fn day(n: u8) -> Date {
        Date::from_calendar_date(2026, time::Month::December, n).unwrap()
    }

    /// One event of every kind (and every shape of a conversation), as the core writes them.
    fn every_kind_of_event() -> Vec<Event> {
        let signal = |n| Signal {
            observed_on: day(n),
            source: SignalSource::Child,
            source_detail: "het kind zelf".into(),
            observation: "vertelt over ruzie thuis\nen slaapt slecht".into(),
            interpretation: Some("mogelijk onveilig".into()),
            concerns_staff_member: true,
        };
        vec![
            Event::Opened { on: day(1), sector: m::Sector::Childcare, signal: signal(1) },
            Event::SignalAdded { on: day(2), signal: Signal { interpretation: None, ..signal(2) } },
            Event::ConsultationRequested { on: day(2), of: Consulted::Aandachtsfunctionaris, question: "hoe verder?".into() },
            Event::Consulted {
                on: day(3),
                consultation: Consultation {
                    with: Consulted::VeiligThuisAnonymousAdvice,
                    who: String::new(),
                    advice: "bespreek het".into(),
                },
            },
            Event::Conversation {
                on: day(4),
                conversation: m::Conversation::Held { with: "vader".into(), summary: "erkent zorgen".into() },
            },
            Event::Conversation {
                on: day(4),
                conversation: m::Conversation::LeftOut {
                    reason: LeftOutReason::ClientWouldBreakContact,
                    explanation: "dreigt te vertrekken".into(),
                },
            },
            Event::Answered {
                on: day(5),
                answer: Answer {
                    question: Question::Acceptance,
                    yes: false,
                    reasons: "weigert hulp".into(),
                    jointly_with_veilig_thuis: true,
                },
            },
            Event::Decided { on: day(6), decision: DecisionRecord { report: true, own_help: false, reasons: "norm b".into() } },
            Event::Reported {
                on: day(7),
                report: ReportRecord { deliberation: Some(4), informed: "moeder".into(), agreements: String::new() },
            },
            Event::Reported {
                on: day(7),
                report: ReportRecord { deliberation: None, informed: "niemand: niet veilig".into(), agreements: "x".into() },
            },
            Event::VeiligThuisFeedback { on: day(8), feedback: Feedback { feedback: "onderzoek".into(), follow_up: "wachten".into() } },
            Event::AcuteDangerDeclared { on: day(9), reasons: "dreiging".into() },
            Event::Closed { on: day(10), reason: CloseReason::HandedOver, explanation: "overgedragen".into(), follow_up: String::new() },
            Event::Reopened { on: day(11), reasons: "nieuwe zorgen".into() },
        ]
    }

    /// What the core writes, the API (and `grondslag meldcode vastleggen`) reads back unchanged:
    /// the body and the stored event are one format.
    #[test]
    fn every_stored_event_reads_back_through_the_api_unchanged() {
        let events = every_kind_of_event();
        let kinds: std::collections::BTreeSet<String> =
            events.iter().map(|e| serde_json::to_value(e).unwrap()["event"].as_str().unwrap().to_owned()).collect();
        assert_eq!(kinds.len(), 12, "every kind of event: {kinds:?}");
        for e in events {
            let text = serde_json::to_string(&e).unwrap();
            assert_eq!(crate::api::meldcode::event_from_json(&text).unwrap(), e, "{text}");
        }
    }

    #[test]
    fn the_api_refuses_what_the_core_would_not_have_written() {
        let opened = serde_json::to_value(&every_kind_of_event()[0]).unwrap();
        let with = |key: &str, value: serde_json::Value| {
            let mut v = opened.clone();
            v[key] = value;
            crate::api::meldcode::event_from_json(&v.to_string())
        };
        assert!(with("kind", "meldcode".into()).unwrap_err().contains("kind"));
        assert!(with("on", "3 december".into()).unwrap_err().contains("JJJJ-MM-DD"));
        assert!(with("sector", "zorg".into()).is_err());
        let mut signal = opened["signal"].clone();
        signal["extra"] = true.into();
        assert!(with("signal", signal).unwrap_err().contains("extra"));
        assert!(crate::api::meldcode::event_from_json(r#"{"event": "reopened", "on": "2026-12-01", "reasons": "a"} {}"#).is_err());
        assert!(
            crate::api::meldcode::event_from_json(r#"{"event": "reopened", "on": "2026-12-01", "on": "2026-12-02", "reasons": "a"}"#)
                .is_err()
        );
    }

    /// The document names exactly the keys the core writes for a trajectory.
    #[test]
    fn the_documented_trajectory_keys_are_the_ones_the_core_writes() {
        let events = every_kind_of_event();
        let t = Trajectory::fold(&events[..1]).unwrap();
        let written: Vec<String> = serde_json::to_value(&t).unwrap().as_object().unwrap().keys().cloned().collect();
        let mut documented: Vec<String> = STAND_KEYS.iter().map(|(k, _, _)| (*k).to_owned()).collect();
        documented.sort();
        let mut written = written;
        written.sort();
        assert_eq!(written, documented);
    }

    #[test]
    fn the_next_step_and_notices_keep_their_values() {
        assert_eq!(
            serde_json::to_value(VolgendeStap::from(Next::Answer(Question::Help))).unwrap(),
            serde_json::json!({"kind": "answer", "step": null, "question": "help", "outcome": null})
        );
        let rules = grondslag_rules::load_embedded().unwrap();
        let n = Notice::DecidedToReportWithOpenSteps { open: vec![m::Step::Conversation] };
        let a = MeldcodeAttentie::of(&n, &rules);
        assert_eq!((a.kind, a.open_steps), (SoortAttentie::DecidedToReportWithOpenSteps, vec![Stap::Conversation]));
        // Every source the core cites is in the rule set, with its address.
        let all = sources(&rules, &m::SourceId::ALL);
        assert!(all.iter().all(|s| s.url.starts_with("https://") && !s.publisher.is_empty()), "{all:?}");
    }
}
