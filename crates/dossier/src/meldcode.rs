//! The meldcode huiselijk geweld en kindermishandeling as a trajectory over days or weeks (law.md
//! §6): the pure domain core, no I/O and no clock.
//!
//! **The model.** The basismodel has five steps ([`Step`]): map the signals, consult, talk with
//! those involved, weigh, decide. Their order is free, each may be repeated, and the meldcode
//! can be closed at any step with a recorded reason. So a trajectory is not a state machine that
//! forbids steps; it is a fold over the ordered [`Event`]s the professional records
//! ([`Trajectory::fold`]), and everything else is derived from that list: which steps are done
//! and which are open, when each was last touched, whether the weighing is still current,
//! whether the trajectory is closed, and what the next step is ([`Next`]). Every event carries
//! the date it is about, passed in by the caller: nothing here reads a clock.
//!
//! **What is the professional's judgment, and what the code derives.** The five questions of the
//! afwegingskader (vermoeden, veiligheid, hulp, acceptatie, resultaat) are open norms: whether
//! there is "acute or structurele onveiligheid" is for the professional to judge, with reasons.
//! The code never answers a question. [`weigh`] only reads the answers given and says what the
//! framework's table makes *follow* from them ([`Outcome`]), which professional norm applies
//! ([`ReportingNorm`]), and which question is next when one is still open; it never guesses an
//! unanswered one. The decisions themselves (report yes or no, own help yes or no) are recorded
//! as the professional's own ([`DecisionRecord`]); when one departs from a reporting norm the
//! code says so ([`Notice::DecisionDepartsFromNorm`]) but does not overrule it: reporting is a
//! right (art. 5.2.6 Wmo 2015), not a duty. Likewise the aandachtsfunctionaris is consulted
//! ([`Consulted::Aandachtsfunctionaris`]), never a decision-maker.
//!
//! New signals after a weighing make that weighing stale: its answers were given without them.
//! The next answer then starts a new round in which every question is answered again; nothing
//! is carried over silently. Declaring acute danger is possible at any moment and makes
//! "report now" ([`Next::ReportNow`]: Veilig Thuis, or 112 in an emergency) the next step
//! whatever else is open, until a decision to report is recorded.
//!
//! **No words here.** Everything a user reads is chosen at the edge from the app's catalogue
//! by the enums and ids this module returns; only source titles are data ([`SourceId::citation`],
//! the same publishers and titles as the rule set's `rules/sources.yaml`).
//!
//! **Stored as.** Every event is one dossier entry of kind `meldcode` ([`crate::EntryPayload::Meldcode`],
//! docs/ledger.md); the application folds a client's stored events with [`Trajectory::fold`] and
//! refuses, appending nothing, an event this fold refuses.
//!
//! **Left for later.** Correcting a recorded event; the kindcheck and mantelzorgcheck as
//! records of their own; sector-specific afwegingskaders (their five-question core is the one modelled here). The D11
//! meldplicht for school and childcare staff is only a notice ([`Notice::D11StaffReportDuty`]).

use serde::{Deserialize, Serialize};
use time::Date;

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

/// A source this module cites. The ids are those of the rule set's source registry
/// (`rules/sources.yaml`), so a later session can render them with their address and status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceId {
    #[serde(rename = "wet-meldcode")]
    WetMeldcode,
    #[serde(rename = "besluit-meldcode")]
    BesluitMeldcode,
    #[serde(rename = "augeo-meldcode-stappen")]
    AugeoMeldcodeStappen,
    #[serde(rename = "knmg-meldcode")]
    KnmgMeldcode,
    #[serde(rename = "huiselijkgeweld-afwegingskader-2019")]
    HuiselijkgeweldAfwegingskader2019,
    #[serde(rename = "nji-afwegingskader")]
    NjiAfwegingskader,
    #[serde(rename = "afwegingskader-definities")]
    AfwegingskaderDefinities,
    #[serde(rename = "wmo-5-2-6")]
    Wmo526,
    #[serde(rename = "wet-kinderopvang-meldplicht")]
    WetKinderopvangMeldplicht,
}

/// A source as plain data: the registry id, who publishes it, its title and short citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub id: &'static str,
    pub publisher: &'static str,
    pub title: &'static str,
    pub citation: &'static str,
}

impl SourceId {
    pub const ALL: [SourceId; 9] = [
        SourceId::WetMeldcode,
        SourceId::BesluitMeldcode,
        SourceId::AugeoMeldcodeStappen,
        SourceId::KnmgMeldcode,
        SourceId::HuiselijkgeweldAfwegingskader2019,
        SourceId::NjiAfwegingskader,
        SourceId::AfwegingskaderDefinities,
        SourceId::Wmo526,
        SourceId::WetKinderopvangMeldplicht,
    ];

    /// Publisher, title and citation exactly as in the rule set's source registry (a test keeps
    /// the two the same).
    pub fn citation(self) -> Citation {
        let (id, publisher, title, citation) = match self {
            SourceId::WetMeldcode => (
                "wet-meldcode",
                "Overheid.nl (officielebekendmakingen.nl)",
                "Wet verplichte meldcode huiselijk geweld en kindermishandeling (wijzigingswet, Stb. 2013, 142)",
                "Wet verplichte meldcode huiselijk geweld en kindermishandeling",
            ),
            SourceId::BesluitMeldcode => (
                "besluit-meldcode",
                "Overheid.nl (officielebekendmakingen.nl)",
                "Besluit verplichte meldcode huiselijk geweld en kindermishandeling (minimumeisen, o.a. de vijf stappen)",
                "Besluit verplichte meldcode huiselijk geweld en kindermishandeling",
            ),
            SourceId::AugeoMeldcodeStappen => {
                ("augeo-meldcode-stappen", "Augeo", "De vijf stappen van de meldcode (basismodel)", "Augeo, stappenplan meldcode")
            }
            SourceId::KnmgMeldcode => (
                "knmg-meldcode",
                "KNMG",
                "KNMG-meldcode kindermishandeling en huiselijk geweld (2018), onderdeel I: stappenplan bij een vermoeden",
                "KNMG-meldcode (2018), onderdeel I",
            ),
            SourceId::HuiselijkgeweldAfwegingskader2019 => (
                "huiselijkgeweld-afwegingskader-2019",
                "Huiselijkgeweld.nl",
                "Het afwegingskader in de meldcode huiselijk geweld en kindermishandeling (basisdocument, verplicht vanaf 1 januari 2019)",
                "Afwegingskader meldcode (2019)",
            ),
            SourceId::NjiAfwegingskader => (
                "nji-afwegingskader",
                "NJi (Nederlands Jeugdinstituut)",
                "Afwegingskader meldcode (de vijf afwegingsvragen)",
                "NJi, afwegingskader meldcode",
            ),
            SourceId::AfwegingskaderDefinities => (
                "afwegingskader-definities",
                "Afwegingskadermeldcode.nl",
                "Afwegingskader meldcode: wat onder acute en structurele onveiligheid wordt verstaan",
                "Afwegingskader meldcode, definities onveiligheid",
            ),
            SourceId::Wmo526 => (
                "wmo-5-2-6",
                "Overheid.nl (wetten.overheid.nl)",
                "Wmo 2015, art. 5.2.6 (meldrecht van beroepskrachten tegenover Veilig Thuis)",
                "art. 5.2.6 Wmo 2015",
            ),
            SourceId::WetKinderopvangMeldplicht => (
                "wet-kinderopvang-meldplicht",
                "Overheid.nl (wetten.overheid.nl)",
                "Wet kinderopvang (meld-, overleg- en aangifteplicht bij geweld of een zedendelict door een medewerker); de onderwijswetten kennen gelijke plichten",
                "Wet kinderopvang (meld-, overleg- en aangifteplicht)",
            ),
        };
        Citation { id, publisher, title, citation }
    }
}

/// Dates in this module's JSON are written `YYYY-MM-DD` (the `time` crate's own serde form is a
/// `[year, ordinal]` pair, unreadable for an auditor who opens a disclosed payload).
mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] = time::macros::format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        let text = d.format(FORMAT).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text, FORMAT).map_err(serde::de::Error::custom)
    }
}

mod iso_date_opt {
    use serde::Serializer;
    use time::Date;

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::iso_date::serialize(d, s),
            None => s.serialize_none(),
        }
    }
}

/// The latest date per step, as a map from step to ISO date (steps never touched left out).
fn last_touched_map<S: serde::Serializer>(v: &[Option<Date>; 5], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(None)?;
    for (step, d) in Step::ALL.iter().zip(v) {
        if let Some(d) = d {
            m.serialize_entry(step, &Iso(*d))?;
        }
    }
    m.end()
}

/// A date that serialises as `YYYY-MM-DD`.
struct Iso(Date);

impl Serialize for Iso {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        iso_date::serialize(&self.0, s)
    }
}

/// After this many days without a recorded step an open trajectory counts as overdue, unless
/// the organisation sets another number (issue: the aandachtsfunctionaris' view).
pub const OVERDUE_AFTER_DAYS: u32 = 14;

/// Veilig Thuis, day and night (KNMG meldcode stap 2; law.md §6). Data, not a sentence.
pub const VEILIG_THUIS_PHONE: &str = "0800-2000";
/// The emergency number, for acute danger (KNMG meldcode onderdeel I; law.md §6).
pub const EMERGENCY_PHONE: &str = "112";

// ---------------------------------------------------------------------------------------------
// Steps and their records
// ---------------------------------------------------------------------------------------------

/// The five steps of the basismodel (Augeo; Besluit verplichte meldcode). Order is free and a
/// step may be repeated; the numbers are the basismodel's, not a required order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// 1. Breng signalen in kaart.
    Signals,
    /// 2. Overleg met een deskundige collega en zo nodig Veilig Thuis.
    Consultation,
    /// 3. Gesprek met de betrokkene(n).
    Conversation,
    /// 4. Weeg het geweld (with the afwegingskader).
    Weighing,
    /// 5. Beslis (with the afwegingskader).
    Decision,
}

impl Step {
    pub const ALL: [Step; 5] = [Step::Signals, Step::Consultation, Step::Conversation, Step::Weighing, Step::Decision];

    /// The basismodel's number, 1 to 5.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }
}

/// Where a signal comes from. Recorded so that what was seen is kept apart from what was heard
/// from others (the KNMG meldcode asks to say clearly when information comes from others).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalSource {
    /// Seen or heard by the professional.
    OwnObservation,
    /// Told by the client.
    Client,
    /// Told by the child (a spontaneous disclosure counts as acute unsafety in the
    /// afwegingskader's definitions; judging that stays with the professional).
    Child,
    /// Told by a parent, partner or other relative.
    Relative,
    /// Told by another professional.
    OtherProfessional,
    /// Came up in the conversation with those involved (step 3).
    Conversation,
    /// From records or documents.
    Records,
    Other,
}

/// One signal, dated and with its source, with the observation kept apart from its
/// interpretation (Augeo step 1: objective and factual).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signal {
    /// When it was observed or told (the event's date is when it was recorded).
    #[serde(with = "iso_date")]
    pub observed_on: Date,
    pub source: SignalSource,
    /// Who, when the source is a person (in the professional's words).
    pub source_detail: String,
    /// What was seen or heard, factually.
    pub observation: String,
    /// The professional's interpretation, kept apart from the observation.
    pub interpretation: Option<String>,
    /// The signal concerns someone who works for the institution (staff, volunteer, intern,
    /// driver, gastouder or a housemate): in schools and childcare the D11 meldplicht applies.
    pub concerns_staff_member: bool,
}

/// With whom the professional consulted in step 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consulted {
    /// The in-house expert; advises, never decides.
    Aandachtsfunctionaris,
    /// An expert colleague.
    Colleague,
    /// Advice from Veilig Thuis without naming the client: no secrecy is broken when the client
    /// cannot be identified, and Veilig Thuis opens no investigation on advice.
    VeiligThuisAnonymousAdvice,
    /// A forensic physician, for letselduiding (interpreting injuries).
    ForensicPhysician,
}

impl Consulted {
    /// Whether this consultation is made without identifying the client, so that it breaks no
    /// secrecy (law.md §6, advies versus melding). Only anonymous Veilig Thuis advice is so by
    /// its nature; for the others it depends on what the professional shares.
    pub fn is_anonymous(self) -> bool {
        matches!(self, Consulted::VeiligThuisAnonymousAdvice)
    }
}

/// A consultation: with whom and what they advised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consultation {
    pub with: Consulted,
    /// Name or role, in the professional's words.
    pub who: String,
    pub advice: String,
}

/// Why the conversation with those involved was left out. Augeo allows it only when it could
/// endanger the safety of the child, the professional or others; other versions also allow
/// strong reasons to fear the client breaks contact (law.md §6, step 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeftOutReason {
    SafetyOfChild,
    SafetyOfClient,
    SafetyOfProfessional,
    SafetyOfOthers,
    ClientWouldBreakContact,
    /// Tried, and those involved could not be reached or would not meet (the attempts are in
    /// the explanation; the KNMG meldcode asks to record them).
    CouldNotReach,
}

/// Step 3: the conversation held, or the reason it was left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Conversation {
    Held { with: String, summary: String },
    LeftOut { reason: LeftOutReason, explanation: String },
}

// ---------------------------------------------------------------------------------------------
// The afwegingskader
// ---------------------------------------------------------------------------------------------

/// The five questions of the afwegingskader (NJi; KNMG meldcode stap 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// 1. On the basis of steps 1–4, do I suspect (threat of) domestic violence or child abuse?
    Suspicion,
    /// 2. Do I estimate that there is acute and/or structural unsafety?
    Safety,
    /// 3. Can I offer or organise effective help to avert the threat?
    Help,
    /// 4. Do those involved accept the help and commit to it?
    Acceptance,
    /// 5. Does the help lead, within the agreed time, to lasting safety and/or recovery?
    Result,
}

impl Question {
    pub const ALL: [Question; 5] = [Question::Suspicion, Question::Safety, Question::Help, Question::Acceptance, Question::Result];

    /// The afwegingskader's number, 1 to 5.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }
}

/// The professional's yes/no answers to the five questions, `None` while unanswered. Only what
/// [`weigh`] reads; the reasons live in the [`Answer`] records of the trajectory.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Answers {
    pub suspicion: Option<bool>,
    pub safety: Option<bool>,
    pub help: Option<bool>,
    pub acceptance: Option<bool>,
    pub result: Option<bool>,
}

impl Answers {
    pub fn get(&self, q: Question) -> Option<bool> {
        match q {
            Question::Suspicion => self.suspicion,
            Question::Safety => self.safety,
            Question::Help => self.help,
            Question::Acceptance => self.acceptance,
            Question::Result => self.result,
        }
    }

    pub fn set(&mut self, q: Question, v: Option<bool>) {
        let slot = match q {
            Question::Suspicion => &mut self.suspicion,
            Question::Safety => &mut self.safety,
            Question::Help => &mut self.help,
            Question::Acceptance => &mut self.acceptance,
            Question::Result => &mut self.result,
        };
        *slot = v;
    }

    pub fn is_empty(&self) -> bool {
        Question::ALL.iter().all(|q| self.get(*q).is_none())
    }
}

/// What the framework's table makes follow from the answers (law.md §6, rules-as-code note).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Question 1 "no": close the meldcode and record the findings in the dossier.
    Close,
    /// Report to Veilig Thuis (questions 3 or 4 "no"), or report again (question 5 "no").
    Report,
    /// Question 2 "yes": report to Veilig Thuis; questions 3–5 are then answered together with
    /// Veilig Thuis.
    ReportAndJointlyDecideHelp,
    /// Questions 2 "no", 3 and 4 "yes": offer or organise help, and answer question 5 when the
    /// agreed time has passed.
    OfferHelpAndMonitor,
    /// Question 5 "yes": close the help with agreements on monitoring future (un)safety with
    /// those involved and partners.
    CloseWithMonitoringAgreements,
}

impl Outcome {
    /// Beslissing 1 of the model: is reporting necessary? True where a reporting norm applies.
    pub fn report_is_the_norm(self) -> bool {
        matches!(self, Outcome::Report | Outcome::ReportAndJointlyDecideHelp)
    }
}

/// The three professional norms to report (Afwegingskader 2019; law.md §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportingNorm {
    /// (a) Always in cases of acute and/or structural unsafety (question 2 "yes").
    AcuteOrStructuralUnsafety,
    /// (b) When the professional cannot offer or organise sufficiently effective help (question
    /// 3 "no", and question 4 "no": help that those involved do not accept is not effective).
    NoSufficientOwnHelp,
    /// (c) When, with help offered, the unsafety does not stop or recurs (question 5 "no").
    UnsafetyPersistsOrRecurs,
}

/// What [`weigh`] found: ask a question, or an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Verdict {
    /// This question is the next one the table needs; nothing is guessed for it.
    Ask(Question),
    Outcome(Outcome),
}

/// The framework's reading of the answers, with what it read and its sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Weighing {
    pub verdict: Verdict,
    /// The table read questions 1 up to and including this one (answered or, for the last one,
    /// perhaps still open); answers to later questions do not matter for this verdict.
    pub read_up_to: Question,
    /// The professional norm that applies, when reporting is the norm.
    pub norm: Option<ReportingNorm>,
    /// A question still to be answered later, after the outcome has been acted on (question 5
    /// after help has been offered).
    pub then_ask: Option<Question>,
    pub sources: &'static [SourceId],
}

impl Weighing {
    /// The questions the verdict depends on, in order.
    pub fn read(&self) -> &'static [Question] {
        &Question::ALL[..=(self.read_up_to as usize)]
    }
}

const FRAMEWORK_SOURCES: &[SourceId] =
    &[SourceId::NjiAfwegingskader, SourceId::HuiselijkgeweldAfwegingskader2019, SourceId::BesluitMeldcode];
const REPORT_SOURCES: &[SourceId] =
    &[SourceId::NjiAfwegingskader, SourceId::HuiselijkgeweldAfwegingskader2019, SourceId::BesluitMeldcode, SourceId::Wmo526];
const UNSAFETY_SOURCES: &[SourceId] = &[
    SourceId::NjiAfwegingskader,
    SourceId::HuiselijkgeweldAfwegingskader2019,
    SourceId::AfwegingskaderDefinities,
    SourceId::BesluitMeldcode,
    SourceId::Wmo526,
];

/// The afwegingskader's table (NJi; KNMG meldcode stap 5; law.md §6) over the professional's
/// answers. Reads the questions in order and stops at the first one that decides, or at the
/// first one not answered yet, which it asks for. It answers nothing itself.
pub fn weigh(a: &Answers) -> Weighing {
    use Question as Q;
    let ask = |q: Question| Weighing { verdict: Verdict::Ask(q), read_up_to: q, norm: None, then_ask: None, sources: FRAMEWORK_SOURCES };
    let out = |o: Outcome, q: Question, norm: Option<ReportingNorm>, sources: &'static [SourceId]| Weighing {
        verdict: Verdict::Outcome(o),
        read_up_to: q,
        norm,
        then_ask: None,
        sources,
    };
    let Some(suspicion) = a.suspicion else { return ask(Q::Suspicion) };
    if !suspicion {
        return out(Outcome::Close, Q::Suspicion, None, FRAMEWORK_SOURCES);
    }
    let Some(unsafe_) = a.safety else { return ask(Q::Safety) };
    if unsafe_ {
        return out(Outcome::ReportAndJointlyDecideHelp, Q::Safety, Some(ReportingNorm::AcuteOrStructuralUnsafety), UNSAFETY_SOURCES);
    }
    let Some(help) = a.help else { return ask(Q::Help) };
    if !help {
        return out(Outcome::Report, Q::Help, Some(ReportingNorm::NoSufficientOwnHelp), REPORT_SOURCES);
    }
    let Some(accepted) = a.acceptance else { return ask(Q::Acceptance) };
    if !accepted {
        return out(Outcome::Report, Q::Acceptance, Some(ReportingNorm::NoSufficientOwnHelp), REPORT_SOURCES);
    }
    match a.result {
        None => Weighing { then_ask: Some(Q::Result), ..out(Outcome::OfferHelpAndMonitor, Q::Result, None, FRAMEWORK_SOURCES) },
        Some(false) => out(Outcome::Report, Q::Result, Some(ReportingNorm::UnsafetyPersistsOrRecurs), REPORT_SOURCES),
        Some(true) => out(Outcome::CloseWithMonitoringAgreements, Q::Result, None, FRAMEWORK_SOURCES),
    }
}

// ---------------------------------------------------------------------------------------------
// The trajectory
// ---------------------------------------------------------------------------------------------

/// The kind of organisation the professional works in (the sectors that must have a meldcode,
/// law.md §6). Only education and childcare change anything here: the D11 meldplicht.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Care,
    YouthCare,
    SocialSupport,
    Education,
    Childcare,
    Justice,
    Other,
}

/// The professional's answer to one question of the afwegingskader, with their reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub question: Question,
    pub yes: bool,
    /// The professional's reasons; required.
    pub reasons: String,
    /// Answered together with Veilig Thuis (questions 3–5 after a report for unsafety).
    pub jointly_with_veilig_thuis: bool,
}

/// Step 5: the professional's two decisions (report? own help?) and their reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    /// Beslissing 1: a melding to Veilig Thuis is made (or, after acute danger, was made).
    pub report: bool,
    /// Beslissing 2: the professional (also) offers or organises help.
    pub own_help: bool,
    /// The professional's reasons; required.
    pub reasons: String,
}

/// The report as made: the KNMG meldcode's recording list after a decision to report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRecord {
    /// The dossier entry (seq) of the deliberation or decision on what to share with Veilig
    /// Thuis, when one was recorded.
    pub deliberation: Option<u64>,
    /// Whom the professional informed about the report and their reaction; or, when that was
    /// not possible or not safe, the attempts made and why. Required.
    pub informed: String,
    /// Follow-up agreements with Veilig Thuis and those involved.
    pub agreements: String,
}

/// Veilig Thuis's feedback on a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    /// What Veilig Thuis reported back (e.g. that it investigates, refers or closes). Required.
    pub feedback: String,
    /// What the professional does next.
    pub follow_up: String,
}

/// Why the meldcode was closed (it may be closed at any step, with the reason recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CloseReason {
    /// The suspicion is gone (question 1 "no", or earlier, at any step).
    NoSuspicion,
    /// Reported to Veilig Thuis; what follows is agreed with Veilig Thuis.
    Reported,
    /// Help completed with agreements on monitoring (question 5 "yes").
    HelpCompleted,
    /// Handed over to another professional or organisation.
    HandedOver,
    Other,
}

/// One thing the professional recorded, with the date it is about (passed in; no clock).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// The trajectory starts with its first signal.
    Opened {
        #[serde(with = "iso_date")]
        on: Date,
        sector: Sector,
        signal: Signal,
    },
    SignalAdded {
        #[serde(with = "iso_date")]
        on: Date,
        signal: Signal,
    },
    Consulted {
        #[serde(with = "iso_date")]
        on: Date,
        consultation: Consultation,
    },
    /// The professional asks someone for advice (step 2), e.g. the aandachtsfunctionaris, who
    /// sees the open request in their view. A later consultation with the same kind of adviser
    /// answers it.
    ConsultationRequested {
        #[serde(with = "iso_date")]
        on: Date,
        of: Consulted,
        /// What the professional wants advice on.
        question: String,
    },
    Conversation {
        #[serde(with = "iso_date")]
        on: Date,
        conversation: Conversation,
    },
    Answered {
        #[serde(with = "iso_date")]
        on: Date,
        answer: Answer,
    },
    Decided {
        #[serde(with = "iso_date")]
        on: Date,
        decision: DecisionRecord,
    },
    /// The report to Veilig Thuis was made, after a decision to report: what the KNMG meldcode
    /// asks to record then (law.md §6, recording list after a decision to report).
    Reported {
        #[serde(with = "iso_date")]
        on: Date,
        report: ReportRecord,
    },
    /// Veilig Thuis's feedback on the report, and what follows from it.
    VeiligThuisFeedback {
        #[serde(with = "iso_date")]
        on: Date,
        feedback: Feedback,
    },
    /// The professional judges the danger acute: report now, whatever the order of the steps.
    AcuteDangerDeclared {
        #[serde(with = "iso_date")]
        on: Date,
        reasons: String,
    },
    Closed {
        #[serde(with = "iso_date")]
        on: Date,
        reason: CloseReason,
        explanation: String,
        follow_up: String,
    },
    /// Continues a closed trajectory (new concerns); its history stays.
    Reopened {
        #[serde(with = "iso_date")]
        on: Date,
        reasons: String,
    },
}

impl Event {
    pub fn on(&self) -> Date {
        match self {
            Event::Opened { on, .. }
            | Event::SignalAdded { on, .. }
            | Event::Consulted { on, .. }
            | Event::ConsultationRequested { on, .. }
            | Event::Conversation { on, .. }
            | Event::Answered { on, .. }
            | Event::Decided { on, .. }
            | Event::Reported { on, .. }
            | Event::VeiligThuisFeedback { on, .. }
            | Event::AcuteDangerDeclared { on, .. }
            | Event::Closed { on, .. }
            | Event::Reopened { on, .. } => *on,
        }
    }

    /// The step this event belongs to, if any.
    pub fn step(&self) -> Option<Step> {
        match self {
            Event::Opened { .. } | Event::SignalAdded { .. } => Some(Step::Signals),
            Event::Consulted { .. } | Event::ConsultationRequested { .. } => Some(Step::Consultation),
            Event::Conversation { .. } => Some(Step::Conversation),
            Event::Answered { .. } => Some(Step::Weighing),
            Event::Decided { .. } => Some(Step::Decision),
            Event::Reported { .. }
            | Event::VeiligThuisFeedback { .. }
            | Event::AcuteDangerDeclared { .. }
            | Event::Closed { .. }
            | Event::Reopened { .. } => None,
        }
    }
}

/// Why an event cannot be applied. The caller records nothing in that case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// The first event must open the trajectory.
    NotOpened,
    AlreadyOpened,
    /// The trajectory is closed; only a reopen continues it.
    Closed,
    /// Only a closed trajectory can be reopened.
    NotClosed,
    /// Dated before the trajectory was opened.
    BeforeOpened,
    /// Reasons, an explanation or the observation are required and were left blank.
    MissingReasons,
    /// A report is recorded only after a decision to report.
    NotDecidedToReport,
    /// Veilig Thuis's feedback is recorded only after a report.
    NotReported,
    /// A signal observed after the date it is recorded on.
    ObservedAfterRecorded,
}

/// An event the fold could not apply: its index in the list and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Refused {
    pub index: usize,
    pub refusal: Refusal,
}

/// Something the professional should know; the words come from the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// In a school or childcare setting a signal concerns a staff member: staff must report to
    /// the employer or board, who must consult the vertrouwensinspecteur (law.md §5 D11). This
    /// is a duty beside the meldcode, which is about domestic abuse.
    D11StaffReportDuty { sources: &'static [SourceId] },
    /// The latest decision does not report although the framework's outcome at the time made
    /// reporting the norm. It is the professional's decision (a right, not a duty); their
    /// reasons must explain why they did not report.
    DecisionDepartsFromNorm { norm: ReportingNorm, sources: &'static [SourceId] },
    /// The latest decision was recorded while the weighing was stale or not complete (outside
    /// the acute-danger route).
    DecidedWithoutCurrentWeighing,
    /// The latest decision to report was recorded while these steps were open (outside the
    /// acute-danger route); all necessary steps should be done before deciding to report.
    DecidedToReportWithOpenSteps { open: Vec<Step> },
}

const D11_SOURCES: &[SourceId] = &[SourceId::WetKinderopvangMeldplicht];
const STEP_SOURCES: &[SourceId] = &[SourceId::AugeoMeldcodeStappen, SourceId::KnmgMeldcode, SourceId::BesluitMeldcode];

/// What to do next, derived; the professional may do the steps in another order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Next {
    /// Closed: nothing, unless it is reopened.
    Nothing,
    /// Acute danger declared and no report recorded since: report now to Veilig Thuis
    /// ([`VEILIG_THUIS_PHONE`]) or, in an emergency, call [`EMERGENCY_PHONE`].
    ReportNow,
    /// Signals were added after the weighing: answer the questions again from question 1.
    Reweigh,
    /// Do this step (the first open one of steps 1–3; the order is free).
    Do(Step),
    /// The afwegingskader asks this question.
    Answer(Question),
    /// The framework's outcome is known: record the decision (the professional decides).
    Decide(Outcome),
    /// Help is offered: monitor, and answer question 5 when the agreed time has passed.
    Monitor,
    /// Decided to report: make the report to Veilig Thuis and record it (whom you informed,
    /// follow-up agreements).
    RecordReport,
    /// Reported: wait for Veilig Thuis's feedback and record it (and what follows from it).
    AwaitFeedback,
    /// Decided on the framework's outcome: close with the reason and follow-up agreements.
    Close,
}

/// A recorded item with the date of its event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dated<T> {
    #[serde(with = "iso_date")]
    pub on: Date,
    pub item: T,
}

/// A decision as recorded, with the framework's reading and the open steps at that moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedDecision {
    #[serde(with = "iso_date")]
    pub on: Date,
    pub decision: DecisionRecord,
    pub framework: Weighing,
    pub weighing_was_stale: bool,
    pub open_steps: Vec<Step>,
    /// Recorded while acute danger was declared and not yet reported.
    pub during_acute_danger: bool,
}

/// One round of the afwegingskader: the answers given since the last time new signals made
/// the weighing stale. Within a round the latest answer to a question counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Round {
    pub answers: Vec<Dated<Answer>>,
    /// New signals came in after an answer of this round.
    pub stale: bool,
}

impl Round {
    pub fn answers(&self) -> Answers {
        let mut a = Answers::default();
        for x in &self.answers {
            a.set(x.item.question, Some(x.item.yes));
        }
        a
    }
}

/// A request for advice and, once a consultation with that kind of adviser is recorded, when it
/// was answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsultationRequest {
    #[serde(with = "iso_date")]
    pub on: Date,
    pub of: Consulted,
    pub question: String,
    #[serde(with = "iso_date_opt")]
    pub answered_on: Option<Date>,
}

/// A closure of the trajectory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Closure {
    #[serde(with = "iso_date")]
    pub on: Date,
    pub reason: CloseReason,
    pub explanation: String,
    pub follow_up: String,
}

/// The state of a meldcode trajectory: the fold of its events. Build it with
/// [`Trajectory::fold`] or [`Trajectory::open`] and [`Trajectory::apply`]; the state only
/// changes through events, and every query reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trajectory {
    #[serde(with = "iso_date")]
    opened_on: Date,
    sector: Sector,
    signals: Vec<Dated<Signal>>,
    consultations: Vec<Dated<Consultation>>,
    requests: Vec<ConsultationRequest>,
    conversations: Vec<Dated<Conversation>>,
    round: Round,
    earlier_rounds: Vec<Round>,
    decisions: Vec<RecordedDecision>,
    reports: Vec<Dated<ReportRecord>>,
    feedback: Vec<Dated<Feedback>>,
    /// The latest decision was to report and no report is recorded since.
    report_pending: bool,
    /// A report is recorded and no feedback from Veilig Thuis since.
    feedback_pending: bool,
    /// Whether the latest decision still belongs to the current answers (no answer or signal
    /// since).
    decision_current: bool,
    /// Acute danger declared and not yet followed by a decision to report.
    acute_danger: Option<Dated<String>>,
    closure: Option<Closure>,
    earlier_closures: Vec<Closure>,
    reopenings: Vec<Dated<String>>,
    #[serde(serialize_with = "last_touched_map")]
    last_touched: [Option<Date>; 5],
    /// The latest date of any recorded event: the last progress, for the overdue list.
    #[serde(with = "iso_date")]
    last_activity: Date,
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn signal_ok(s: &Signal, recorded_on: Date) -> Result<(), Refusal> {
    if blank(&s.observation) {
        Err(Refusal::MissingReasons)
    } else if s.observed_on > recorded_on {
        Err(Refusal::ObservedAfterRecorded)
    } else {
        Ok(())
    }
}

impl Trajectory {
    /// A trajectory opened with its first signal.
    pub fn open(on: Date, sector: Sector, signal: Signal) -> Result<Trajectory, Refusal> {
        signal_ok(&signal, on)?;
        let mut last_touched = [None; 5];
        last_touched[Step::Signals as usize] = Some(on);
        Ok(Trajectory {
            opened_on: on,
            sector,
            signals: vec![Dated { on, item: signal }],
            consultations: Vec::new(),
            requests: Vec::new(),
            conversations: Vec::new(),
            round: Round::default(),
            earlier_rounds: Vec::new(),
            decisions: Vec::new(),
            reports: Vec::new(),
            feedback: Vec::new(),
            report_pending: false,
            feedback_pending: false,
            decision_current: false,
            acute_danger: None,
            closure: None,
            earlier_closures: Vec::new(),
            reopenings: Vec::new(),
            last_touched,
            last_activity: on,
        })
    }

    /// Folds an ordered list of events. The first must open the trajectory; an event that
    /// cannot be applied stops the fold and is named.
    pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>) -> Result<Trajectory, Refused> {
        let mut events = events.into_iter().enumerate();
        let mut t = match events.next() {
            Some((_, Event::Opened { on, sector, signal })) => {
                Trajectory::open(*on, *sector, signal.clone()).map_err(|refusal| Refused { index: 0, refusal })?
            }
            _ => return Err(Refused { index: 0, refusal: Refusal::NotOpened }),
        };
        for (index, e) in events {
            t.apply(e).map_err(|refusal| Refused { index, refusal })?;
        }
        Ok(t)
    }

    /// Applies one event, or refuses it and changes nothing.
    pub fn apply(&mut self, e: &Event) -> Result<(), Refusal> {
        self.check(e)?;
        let on = e.on();
        self.last_activity = self.last_activity.max(on);
        if let Some(step) = e.step() {
            let slot = &mut self.last_touched[step as usize];
            *slot = Some(slot.map_or(on, |d| d.max(on)));
        }
        match e {
            Event::Opened { .. } => {}
            Event::SignalAdded { signal, .. } => {
                self.signals.push(Dated { on, item: signal.clone() });
                if !self.round.answers.is_empty() {
                    self.round.stale = true;
                }
                self.decision_current = false;
            }
            Event::Consulted { consultation, .. } => {
                // The first open request of this kind of adviser is answered by this one.
                if let Some(r) = self.requests.iter_mut().find(|r| r.of == consultation.with && r.answered_on.is_none()) {
                    r.answered_on = Some(on);
                }
                self.consultations.push(Dated { on, item: consultation.clone() });
            }
            Event::ConsultationRequested { of, question, .. } => {
                self.requests.push(ConsultationRequest { on, of: *of, question: question.clone(), answered_on: None })
            }
            Event::Conversation { conversation, .. } => self.conversations.push(Dated { on, item: conversation.clone() }),
            Event::Answered { answer, .. } => {
                if self.round.stale {
                    self.earlier_rounds.push(std::mem::take(&mut self.round));
                }
                self.round.answers.push(Dated { on, item: answer.clone() });
                self.decision_current = false;
            }
            Event::Decided { decision, .. } => {
                let during_acute_danger = self.acute_danger.is_some();
                self.decisions.push(RecordedDecision {
                    on,
                    decision: decision.clone(),
                    framework: self.weighing(),
                    weighing_was_stale: self.round.stale,
                    open_steps: self.open_steps(),
                    during_acute_danger,
                });
                self.decision_current = true;
                self.report_pending = decision.report;
                if decision.report {
                    self.acute_danger = None;
                }
            }
            Event::Reported { report, .. } => {
                self.reports.push(Dated { on, item: report.clone() });
                self.report_pending = false;
                self.feedback_pending = true;
            }
            Event::VeiligThuisFeedback { feedback, .. } => {
                self.feedback.push(Dated { on, item: feedback.clone() });
                self.feedback_pending = false;
            }
            Event::AcuteDangerDeclared { reasons, .. } => self.acute_danger = Some(Dated { on, item: reasons.clone() }),
            Event::Closed { reason, explanation, follow_up, .. } => {
                self.closure = Some(Closure { on, reason: *reason, explanation: explanation.clone(), follow_up: follow_up.clone() });
            }
            Event::Reopened { reasons, .. } => {
                if let Some(c) = self.closure.take() {
                    self.earlier_closures.push(c);
                }
                // Reopening means the conclusion no longer holds: the answers are given again.
                if !self.round.answers.is_empty() {
                    self.round.stale = true;
                }
                self.decision_current = false;
                self.reopenings.push(Dated { on, item: reasons.clone() });
            }
        }
        Ok(())
    }

    fn check(&self, e: &Event) -> Result<(), Refusal> {
        if e.on() < self.opened_on {
            return Err(Refusal::BeforeOpened);
        }
        match (e, self.closure.is_some()) {
            (Event::Reopened { .. }, false) => return Err(Refusal::NotClosed),
            (Event::Reopened { .. }, true) => {}
            (Event::Opened { .. }, _) => return Err(Refusal::AlreadyOpened),
            (_, true) => return Err(Refusal::Closed),
            _ => {}
        }
        let required = match e {
            Event::Opened { signal, on, .. } | Event::SignalAdded { signal, on } => return signal_ok(signal, *on),
            Event::Consulted { consultation, .. } => &consultation.advice,
            Event::ConsultationRequested { question, .. } => question,
            Event::Conversation { conversation: Conversation::Held { summary, .. }, .. } => summary,
            Event::Conversation { conversation: Conversation::LeftOut { explanation, .. }, .. } => explanation,
            Event::Answered { answer, .. } => &answer.reasons,
            Event::Decided { decision, .. } => &decision.reasons,
            Event::Reported { report, .. } => {
                if !self.decisions.iter().any(|d| d.decision.report) {
                    return Err(Refusal::NotDecidedToReport);
                }
                &report.informed
            }
            Event::VeiligThuisFeedback { feedback, .. } => {
                if self.reports.is_empty() {
                    return Err(Refusal::NotReported);
                }
                &feedback.feedback
            }
            Event::AcuteDangerDeclared { reasons, .. } | Event::Reopened { reasons, .. } => reasons,
            Event::Closed { explanation, .. } => explanation,
        };
        if blank(required) { Err(Refusal::MissingReasons) } else { Ok(()) }
    }

    pub fn opened_on(&self) -> Date {
        self.opened_on
    }

    pub fn sector(&self) -> Sector {
        self.sector
    }

    pub fn is_closed(&self) -> bool {
        self.closure.is_some()
    }

    pub fn closure(&self) -> Option<&Closure> {
        self.closure.as_ref()
    }

    pub fn signals(&self) -> &[Dated<Signal>] {
        &self.signals
    }

    pub fn consultations(&self) -> &[Dated<Consultation>] {
        &self.consultations
    }

    /// Every request for advice, answered or not, in the order made.
    pub fn requests(&self) -> &[ConsultationRequest] {
        &self.requests
    }

    /// The requests for advice not answered yet (on a closed trajectory: none).
    pub fn pending_requests(&self) -> impl Iterator<Item = &ConsultationRequest> {
        self.requests.iter().filter(|r| r.answered_on.is_none() && self.closure.is_none())
    }

    pub fn conversations(&self) -> &[Dated<Conversation>] {
        &self.conversations
    }

    pub fn decisions(&self) -> &[RecordedDecision] {
        &self.decisions
    }

    /// The reports made to Veilig Thuis.
    pub fn reports(&self) -> &[Dated<ReportRecord>] {
        &self.reports
    }

    /// Veilig Thuis's feedback, in order.
    pub fn feedback(&self) -> &[Dated<Feedback>] {
        &self.feedback
    }

    /// The latest decision was to report and no report is recorded since.
    pub fn report_pending(&self) -> bool {
        self.report_pending
    }

    /// A report is recorded and no feedback from Veilig Thuis since it.
    pub fn awaiting_feedback(&self) -> bool {
        self.feedback_pending
    }

    /// The current round of answers; earlier rounds went stale through new signals.
    pub fn round(&self) -> &Round {
        &self.round
    }

    pub fn earlier_rounds(&self) -> &[Round] {
        &self.earlier_rounds
    }

    /// The acute danger declared and not yet followed by a decision to report.
    pub fn acute_danger(&self) -> Option<&Dated<String>> {
        self.acute_danger.as_ref()
    }

    /// The framework's reading of the current round's answers.
    pub fn weighing(&self) -> Weighing {
        weigh(&self.round.answers())
    }

    /// New signals came in after the current answers were given: they must be given again.
    pub fn weighing_is_stale(&self) -> bool {
        self.round.stale
    }

    /// Whether a step is done: signals, consultation and conversation once recorded (a
    /// conversation left out with its reason counts); the weighing when the current, not stale,
    /// answers reach an outcome; the decision when one was recorded on that weighing (a decision
    /// recorded without one, as on the acute-danger route, is kept but leaves step 5 open).
    pub fn is_done(&self, step: Step) -> bool {
        match step {
            Step::Signals => !self.signals.is_empty(),
            Step::Consultation => !self.consultations.is_empty(),
            Step::Conversation => !self.conversations.is_empty(),
            Step::Weighing => !self.round.stale && matches!(self.weighing().verdict, Verdict::Outcome(_)),
            Step::Decision => self.decision_current && self.is_done(Step::Weighing),
        }
    }

    pub fn done_steps(&self) -> Vec<Step> {
        Step::ALL.into_iter().filter(|s| self.is_done(*s)).collect()
    }

    pub fn open_steps(&self) -> Vec<Step> {
        Step::ALL.into_iter().filter(|s| !self.is_done(*s)).collect()
    }

    /// The latest date of any recorded event (the trajectory's last progress).
    pub fn last_activity(&self) -> Date {
        self.last_activity
    }

    /// Whether the trajectory is open and nothing was recorded for more than `days` days before
    /// `today` (the aandachtsfunctionaris' overdue list; the default is
    /// [`OVERDUE_AFTER_DAYS`]).
    pub fn is_overdue(&self, today: Date, days: u32) -> bool {
        !self.is_closed() && (today - self.last_activity).whole_days() > i64::from(days)
    }

    /// Earlier closures, undone by a reopening.
    pub fn earlier_closures(&self) -> &[Closure] {
        &self.earlier_closures
    }

    /// Why the trajectory was reopened, each time.
    pub fn reopenings(&self) -> &[Dated<String>] {
        &self.reopenings
    }

    /// The latest date an event of this step was about.
    pub fn last_touched(&self, step: Step) -> Option<Date> {
        self.last_touched[step as usize]
    }

    /// The next step, derived (law.md §6): closed → nothing; acute danger → report now,
    /// whatever else is open; stale weighing → weigh again; decided to report → record the
    /// report; then the weighing and decision.
    pub fn next(&self) -> Next {
        if self.is_closed() {
            return Next::Nothing;
        }
        if self.acute_danger.is_some() {
            return Next::ReportNow;
        }
        if self.round.stale {
            return Next::Reweigh;
        }
        if self.report_pending {
            return Next::RecordReport;
        }
        match self.weighing().verdict {
            Verdict::Ask(q) if self.round.answers.is_empty() => {
                match [Step::Signals, Step::Consultation, Step::Conversation].into_iter().find(|s| !self.is_done(*s)) {
                    Some(step) => Next::Do(step),
                    None => Next::Answer(q),
                }
            }
            Verdict::Ask(q) => Next::Answer(q),
            Verdict::Outcome(o) if !self.decision_current => Next::Decide(o),
            Verdict::Outcome(Outcome::OfferHelpAndMonitor) => Next::Monitor,
            // Reported and the steps done: Veilig Thuis's feedback comes before closing.
            Verdict::Outcome(_) if self.feedback_pending => Next::AwaitFeedback,
            Verdict::Outcome(_) => Next::Close,
        }
    }

    /// What the professional should know now.
    pub fn notices(&self) -> Vec<Notice> {
        let mut out = Vec::new();
        if matches!(self.sector, Sector::Education | Sector::Childcare) && self.signals.iter().any(|s| s.item.concerns_staff_member) {
            out.push(Notice::D11StaffReportDuty { sources: D11_SOURCES });
        }
        if let Some(d) = self.decisions.last() {
            if d.during_acute_danger {
                // The acute-danger route departs from the steps: no notice about them.
            } else if d.weighing_was_stale || matches!(d.framework.verdict, Verdict::Ask(_)) {
                out.push(Notice::DecidedWithoutCurrentWeighing);
            } else if let (Some(norm), false) = (d.framework.norm, d.decision.report) {
                out.push(Notice::DecisionDepartsFromNorm { norm, sources: d.framework.sources });
            }
            let open: Vec<Step> = d.open_steps.iter().copied().filter(|s| *s != Step::Decision).collect();
            if d.decision.report && !d.during_acute_danger && !open.is_empty() {
                out.push(Notice::DecidedToReportWithOpenSteps { open });
            }
        }
        out
    }

    /// The sources of the step model (free order, repeatable, closable at any step).
    pub fn step_sources() -> &'static [SourceId] {
        STEP_SOURCES
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    /// Answers written as five characters for questions 1–5: `y` yes, `n` no, `-` unanswered.
    fn answers(s: &str) -> Answers {
        let mut a = Answers::default();
        for (q, c) in Question::ALL.iter().zip(s.chars()) {
            a.set(
                *q,
                match c {
                    'y' => Some(true),
                    'n' => Some(false),
                    _ => None,
                },
            );
        }
        a
    }

    use Outcome as O;
    use Question as Q;
    use ReportingNorm as N;

    enum Expect {
        Ask(Question),
        Out(Outcome, Option<ReportingNorm>, Question),
    }
    use Expect::{Ask, Out};

    /// The case table, written from law.md §6's table of the five afwegingsvragen before the
    /// code was relied on. Each row: answers to questions 1–5, expected verdict, the row of
    /// law.md's table (question number and answer) that gives it.
    const CASES: &[(&str, Expect, &str)] = &[
        ("-----", Ask(Q::Suspicion), "nothing answered: question 1 comes first"),
        ("n----", Out(O::Close, None, Q::Suspicion), "1 no: close the meldcode and record in the dossier"),
        ("nyyyy", Out(O::Close, None, Q::Suspicion), "1 no: close; later answers are not read"),
        ("y----", Ask(Q::Safety), "1 yes: go to 2"),
        (
            "yy---",
            Out(O::ReportAndJointlyDecideHelp, Some(N::AcuteOrStructuralUnsafety), Q::Safety),
            "2 yes: report; 3-5 together with Veilig Thuis",
        ),
        ("yynnn", Out(O::ReportAndJointlyDecideHelp, Some(N::AcuteOrStructuralUnsafety), Q::Safety), "2 yes: report regardless of 3-5"),
        ("yyyyy", Out(O::ReportAndJointlyDecideHelp, Some(N::AcuteOrStructuralUnsafety), Q::Safety), "2 yes: report regardless of 3-5"),
        ("yn---", Ask(Q::Help), "2 no: go to 3"),
        ("ynn--", Out(O::Report, Some(N::NoSufficientOwnHelp), Q::Help), "3 no: report (norm b)"),
        ("ynnyy", Out(O::Report, Some(N::NoSufficientOwnHelp), Q::Help), "3 no: report; 4-5 not read"),
        ("yny--", Ask(Q::Acceptance), "3 yes: go to 4"),
        ("ynyn-", Out(O::Report, Some(N::NoSufficientOwnHelp), Q::Acceptance), "4 no: report"),
        ("ynyny", Out(O::Report, Some(N::NoSufficientOwnHelp), Q::Acceptance), "4 no: report; 5 not read"),
        ("ynyy-", Out(O::OfferHelpAndMonitor, None, Q::Result), "4 yes: offer/organise help; go to 5"),
        ("ynyyn", Out(O::Report, Some(N::UnsafetyPersistsOrRecurs), Q::Result), "5 no: (re)report (norm c)"),
        ("ynyyy", Out(O::CloseWithMonitoringAgreements, None, Q::Result), "5 yes: close help with monitoring agreements"),
        ("-yyyy", Ask(Q::Suspicion), "1 unanswered: asked, later answers never stand in for it"),
        ("y-nyy", Ask(Q::Safety), "2 unanswered: asked, even if 3-5 were answered"),
        ("yn-yy", Ask(Q::Help), "3 unanswered: asked"),
        ("yny-y", Ask(Q::Acceptance), "4 unanswered: asked"),
    ];

    #[test]
    fn the_case_table_from_law_md() {
        for (s, expect, row) in CASES {
            let w = weigh(&answers(s));
            match expect {
                Ask(q) => {
                    assert_eq!(w.verdict, Verdict::Ask(*q), "{s}: {row}");
                    assert_eq!(w.read_up_to, *q, "{s}: {row}");
                    assert_eq!(w.norm, None, "{s}: {row}");
                }
                Out(o, norm, by) => {
                    assert_eq!(w.verdict, Verdict::Outcome(*o), "{s}: {row}");
                    assert_eq!(w.norm, *norm, "{s}: {row}");
                    assert_eq!(w.read_up_to, *by, "{s}: {row}");
                    assert_eq!(o.report_is_the_norm(), norm.is_some(), "{s}: {row}");
                }
            }
            assert!(!w.sources.is_empty(), "{s}: every verdict cites its source");
        }
    }

    #[test]
    fn help_offered_asks_question_five_later() {
        let w = weigh(&answers("ynyy-"));
        assert_eq!(w.then_ask, Some(Q::Result));
        assert_eq!(w.read(), &Question::ALL[..]);
        assert_eq!(weigh(&answers("ynyyy")).then_ask, None);
    }

    #[test]
    fn reporting_outcomes_cite_the_meldrecht_and_unsafety_its_definitions() {
        assert!(weigh(&answers("ynn--")).sources.contains(&SourceId::Wmo526));
        assert!(weigh(&answers("yy---")).sources.contains(&SourceId::AfwegingskaderDefinities));
        assert!(!weigh(&answers("n----")).sources.contains(&SourceId::Wmo526));
    }

    /// The citations are the registry's: same id, publisher, title and citation.
    #[test]
    fn citations_match_the_source_registry() {
        let registry = include_str!("../../../rules/sources.yaml");
        for s in SourceId::ALL {
            let c = s.citation();
            let at = registry.find(&format!("- id: {}\n", c.id)).unwrap_or_else(|| panic!("{} not in the registry", c.id));
            let entry = &registry[at..];
            let entry = &entry[..entry[2..].find("- id:").map_or(entry.len(), |e| e + 2)];
            for (field, value) in [("publisher", c.publisher), ("title", c.title), ("citation", c.citation)] {
                assert!(entry.contains(&format!("{field}: \"{value}\"")), "{}: {field} differs from the registry", c.id);
            }
            assert_eq!(serde_json::to_value(s).unwrap(), serde_json::json!(c.id));
        }
    }

    fn any_answers() -> impl proptest::strategy::Strategy<Value = Answers> {
        use proptest::prelude::*;
        proptest::array::uniform5(proptest::option::of(any::<bool>())).prop_map(|v| {
            let mut a = Answers::default();
            for (q, x) in Question::ALL.iter().zip(v) {
                a.set(*q, x);
            }
            a
        })
    }

    proptest::proptest! {
        /// The verdict depends only on the answers the table read: any answers that agree on
        /// the questions it read (answered or not) give the same verdict, norm and sources.
        #[test]
        fn the_verdict_depends_only_on_what_the_table_read(a in any_answers(), b in any_answers()) {
            let w = weigh(&a);
            let mut mixed = b;
            for q in w.read() {
                mixed.set(*q, a.get(*q));
            }
            proptest::prop_assert_eq!(weigh(&mixed), w);
        }

        /// Answering more questions never changes an outcome that is final; the only outcome
        /// that a later answer can change is "offer help and monitor", by answering question 5,
        /// which is the one the table says decides it.
        #[test]
        fn answering_more_never_overturns_a_final_outcome(a in any_answers(), b in any_answers()) {
            let w = weigh(&a);
            let mut more = a;
            for q in Question::ALL {
                if more.get(q).is_none() {
                    more.set(q, b.get(q));
                }
            }
            let after = weigh(&more);
            match w.verdict {
                Verdict::Ask(q) => proptest::prop_assert!(after == w || more.get(q).is_some()),
                Verdict::Outcome(Outcome::OfferHelpAndMonitor) => {
                    proptest::prop_assert!(after == w || more.result.is_some())
                }
                Verdict::Outcome(_) => proptest::prop_assert_eq!(after, w),
            }
        }

        /// The framework never guesses: it asks for a question only when it is unanswered and
        /// every earlier one is answered, and an outcome only rests on answered questions
        /// (except question 5, which "offer help and monitor" awaits).
        #[test]
        fn the_framework_never_guesses(a in any_answers()) {
            let w = weigh(&a);
            match w.verdict {
                Verdict::Ask(q) => {
                    proptest::prop_assert!(a.get(q).is_none());
                    proptest::prop_assert!(w.read()[..w.read().len() - 1].iter().all(|p| a.get(*p).is_some()));
                }
                Verdict::Outcome(Outcome::OfferHelpAndMonitor) => proptest::prop_assert!(a.result.is_none()),
                Verdict::Outcome(_) => proptest::prop_assert!(w.read().iter().all(|p| a.get(*p).is_some())),
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // The trajectory
    // -----------------------------------------------------------------------------------------

    fn day(n: i64) -> Date {
        time::macros::date!(2026 - 03 - 02) + time::Duration::days(n)
    }

    fn signal(n: i64) -> Signal {
        Signal {
            observed_on: day(n),
            source: SignalSource::OwnObservation,
            source_detail: String::new(),
            observation: "blauwe plekken op de bovenarm".into(),
            interpretation: Some("mogelijk vastgepakt".into()),
            concerns_staff_member: false,
        }
    }

    fn opened(n: i64, sector: Sector) -> Event {
        Event::Opened { on: day(n), sector, signal: signal(n) }
    }

    fn answered(n: i64, question: Question, yes: bool) -> Event {
        Event::Answered { on: day(n), answer: Answer { question, yes, reasons: "mijn afweging".into(), jointly_with_veilig_thuis: false } }
    }

    fn decided(n: i64, report: bool, own_help: bool) -> Event {
        Event::Decided { on: day(n), decision: DecisionRecord { report, own_help, reasons: "mijn besluit".into() } }
    }

    fn consulted(n: i64, with: Consulted) -> Event {
        Event::Consulted { on: day(n), consultation: Consultation { with, who: "A.".into(), advice: "bespreek het met de ouders".into() } }
    }

    fn talked(n: i64) -> Event {
        Event::Conversation { on: day(n), conversation: Conversation::Held { with: "moeder".into(), summary: "zorg besproken".into() } }
    }

    fn reported(n: i64) -> Event {
        Event::Reported {
            on: day(n),
            report: ReportRecord {
                deliberation: Some(7),
                informed: "moeder vooraf ingelicht; zij was boos".into(),
                agreements: String::new(),
            },
        }
    }

    fn closed(n: i64, reason: CloseReason) -> Event {
        Event::Closed { on: day(n), reason, explanation: "vastgelegd".into(), follow_up: "afspraken".into() }
    }

    fn fold(events: &[Event]) -> Trajectory {
        Trajectory::fold(events).unwrap()
    }

    #[test]
    fn a_trajectory_through_help_a_failed_result_and_a_report() {
        let mut ev = vec![opened(0, Sector::Care)];
        assert_eq!(fold(&ev).next(), Next::Do(Step::Consultation));
        assert_eq!(fold(&ev).done_steps(), vec![Step::Signals]);
        ev.push(consulted(2, Consulted::Aandachtsfunctionaris));
        assert_eq!(fold(&ev).next(), Next::Do(Step::Conversation));
        ev.push(talked(5));
        assert_eq!(fold(&ev).next(), Next::Answer(Q::Suspicion));
        ev.extend([answered(6, Q::Suspicion, true), answered(6, Q::Safety, false), answered(6, Q::Help, true)]);
        assert_eq!(fold(&ev).next(), Next::Answer(Q::Acceptance));
        assert!(!fold(&ev).is_done(Step::Weighing));
        ev.push(answered(7, Q::Acceptance, true));
        let t = fold(&ev);
        assert_eq!(t.next(), Next::Decide(O::OfferHelpAndMonitor));
        assert!(t.is_done(Step::Weighing));
        ev.push(decided(7, false, true));
        let t = fold(&ev);
        assert_eq!(t.next(), Next::Monitor);
        assert_eq!(t.open_steps(), Vec::<Step>::new());
        assert_eq!(t.notices(), vec![]);
        // Weeks later the help has not led to safety: question 5 "no" makes reporting the norm.
        ev.push(answered(40, Q::Result, false));
        let t = fold(&ev);
        assert_eq!(t.next(), Next::Decide(O::Report));
        assert_eq!(t.weighing().norm, Some(N::UnsafetyPersistsOrRecurs));
        assert!(!t.is_done(Step::Decision));
        ev.push(decided(41, true, true));
        assert_eq!(fold(&ev).next(), Next::RecordReport);
        ev.push(reported(41));
        assert_eq!(fold(&ev).next(), Next::AwaitFeedback, "after the report: Veilig Thuis's feedback");
        ev.push(closed(42, CloseReason::Reported));
        let t = fold(&ev);
        assert!(t.is_closed());
        assert_eq!(t.next(), Next::Nothing);
        assert_eq!(t.last_touched(Step::Weighing), Some(day(40)));
        assert_eq!(t.last_touched(Step::Decision), Some(day(41)));
        assert_eq!(t.last_touched(Step::Signals), Some(day(0)));
    }

    #[test]
    fn a_request_for_advice_stays_pending_until_that_adviser_is_consulted() {
        let ask = |n, of| Event::ConsultationRequested { on: day(n), of, question: "melden of niet?".into() };
        let mut ev = vec![opened(0, Sector::SocialSupport), ask(1, Consulted::Aandachtsfunctionaris)];
        let t = fold(&ev);
        assert_eq!(t.pending_requests().count(), 1);
        // A request is not a consultation: step 2 stays open, but the trajectory moved.
        assert!(!t.is_done(Step::Consultation));
        assert_eq!(t.last_touched(Step::Consultation), Some(day(1)));
        assert_eq!(t.last_activity(), day(1));
        // Advice from a colleague does not answer a request to the aandachtsfunctionaris.
        ev.push(consulted(2, Consulted::Colleague));
        assert_eq!(fold(&ev).pending_requests().count(), 1);
        ev.push(consulted(3, Consulted::Aandachtsfunctionaris));
        let t = fold(&ev);
        assert_eq!(t.pending_requests().count(), 0);
        assert_eq!(t.requests()[0].answered_on, Some(day(3)));
        // A blank question is refused like any blank reason.
        let mut t = fold(&ev);
        let blank = Event::ConsultationRequested { on: day(4), of: Consulted::Aandachtsfunctionaris, question: " ".into() };
        assert_eq!(t.apply(&blank), Err(Refusal::MissingReasons));
        // A closed trajectory has nothing pending.
        ev.extend([ask(5, Consulted::Aandachtsfunctionaris), closed(6, CloseReason::HandedOver)]);
        assert_eq!(fold(&ev).pending_requests().count(), 0);
    }

    #[test]
    fn a_signal_cannot_be_observed_after_the_day_it_is_recorded() {
        let mut late = signal(5);
        late.observed_on = day(6);
        assert_eq!(Trajectory::open(day(5), Sector::Care, late.clone()).err(), Some(Refusal::ObservedAfterRecorded));
        let mut t = fold(&[opened(0, Sector::Care)]);
        assert_eq!(t.apply(&Event::SignalAdded { on: day(5), signal: late }), Err(Refusal::ObservedAfterRecorded));
        // Observed long before the trajectory was opened: that is what a meldcode starts from.
        let mut early = signal(0);
        early.observed_on = day(-30);
        assert!(t.apply(&Event::SignalAdded { on: day(5), signal: early }).is_ok());
    }

    #[test]
    fn an_open_trajectory_without_progress_for_more_than_the_set_days_is_overdue() {
        let mut ev = vec![opened(0, Sector::Care), consulted(3, Consulted::Colleague)];
        let t = fold(&ev);
        assert_eq!(t.last_activity(), day(3));
        assert!(!t.is_overdue(day(17), OVERDUE_AFTER_DAYS), "14 days: not yet");
        assert!(t.is_overdue(day(18), OVERDUE_AFTER_DAYS), "15 days without progress");
        assert!(!t.is_overdue(day(18), 30), "the organisation's own number counts");
        ev.push(closed(4, CloseReason::NoSuspicion));
        assert!(!fold(&ev).is_overdue(day(100), OVERDUE_AFTER_DAYS), "closed is never overdue");
    }

    #[test]
    fn the_trajectory_serialises_dates_as_iso_text() {
        let ev = vec![opened(0, Sector::Care), consulted(3, Consulted::Colleague)];
        let v = serde_json::to_value(fold(&ev)).unwrap();
        assert_eq!(v["last_touched"], serde_json::json!({"signals": "2026-03-02", "consultation": "2026-03-05"}));
        assert_eq!(v["last_activity"], "2026-03-05");
        assert_eq!(v["opened_on"], "2026-03-02");
    }

    #[test]
    fn acute_danger_makes_reporting_now_the_next_step_whatever_is_open() {
        let mut ev = vec![opened(0, Sector::YouthCare), Event::AcuteDangerDeclared { on: day(0), reasons: "onthulling".into() }];
        let t = fold(&ev);
        assert_eq!(t.next(), Next::ReportNow);
        assert_eq!(t.open_steps(), vec![Step::Consultation, Step::Conversation, Step::Weighing, Step::Decision]);
        ev.push(answered(0, Q::Suspicion, true));
        assert_eq!(fold(&ev).next(), Next::ReportNow);
        // A decision not to report does not end the route; a decision to report does.
        ev.push(decided(0, false, false));
        assert_eq!(fold(&ev).next(), Next::ReportNow);
        ev.push(decided(0, true, false));
        assert_eq!(fold(&ev).next(), Next::RecordReport);
        ev.push(reported(0));
        let t = fold(&ev);
        assert_eq!(t.next(), Next::Answer(Q::Safety));
        assert!(t.acute_danger().is_none());
        // The acute route departs from the steps: no notice that steps were open.
        assert_eq!(t.notices(), vec![]);
        // Declared again later, at any point, even after a weighing.
        ev.push(answered(1, Q::Safety, false));
        ev.push(Event::AcuteDangerDeclared { on: day(3), reasons: "dreiging".into() });
        assert_eq!(fold(&ev).next(), Next::ReportNow);
    }

    #[test]
    fn a_report_follows_a_decision_to_report_and_feedback_follows_a_report() {
        let feedback = |n| Event::VeiligThuisFeedback {
            on: day(n),
            feedback: Feedback { feedback: "Veilig Thuis doet onderzoek".into(), follow_up: "blijf begeleiden".into() },
        };
        let mut base = vec![opened(0, Sector::Care), answered(1, Q::Suspicion, true), answered(1, Q::Safety, true)];
        // No decision to report yet: a report is refused, and feedback without a report too.
        let mut t = fold(&base);
        assert_eq!(t.apply(&reported(2)), Err(Refusal::NotDecidedToReport));
        assert_eq!(t.apply(&feedback(2)), Err(Refusal::NotReported));
        base.push(decided(2, false, true));
        assert_eq!(fold(&base).clone().apply(&reported(2)), Err(Refusal::NotDecidedToReport));
        base.push(decided(3, true, true));
        assert_eq!(fold(&base).next(), Next::RecordReport);
        // The informing is required: "without consent" is not "without their knowledge".
        let blank =
            Event::Reported { on: day(3), report: ReportRecord { deliberation: None, informed: " ".into(), agreements: String::new() } };
        assert_eq!(fold(&base).apply(&blank), Err(Refusal::MissingReasons));
        base.push(reported(3));
        assert_eq!(fold(&base).next(), Next::AwaitFeedback);
        base.push(feedback(10));
        let t = fold(&base);
        assert_eq!((t.reports().len(), t.feedback().len(), t.report_pending()), (1, 1, false));
        assert_eq!(t.next(), Next::Close);
        assert_eq!(t.last_activity(), day(10));
        // On the acute route the report is recorded right after the decision made in danger.
        let acute = fold(&[
            opened(0, Sector::YouthCare),
            Event::AcuteDangerDeclared { on: day(0), reasons: "kind durft niet naar huis".into() },
            decided(0, true, false),
        ]);
        assert_eq!(acute.next(), Next::RecordReport);
    }

    #[test]
    fn a_new_signal_after_the_weighing_makes_it_stale_and_a_new_round_starts() {
        let mut ev =
            vec![opened(0, Sector::Care), answered(1, Q::Suspicion, true), answered(1, Q::Safety, false), answered(1, Q::Help, false)];
        let t = fold(&ev);
        assert_eq!(t.next(), Next::Decide(O::Report));
        ev.push(Event::SignalAdded { on: day(3), signal: signal(2) });
        let t = fold(&ev);
        assert!(t.weighing_is_stale());
        assert!(!t.is_done(Step::Weighing));
        assert_eq!(t.next(), Next::Reweigh);
        // The next answer opens a new round: nothing of the stale one is carried over.
        ev.push(answered(4, Q::Suspicion, true));
        let t = fold(&ev);
        assert!(!t.weighing_is_stale());
        assert_eq!(t.earlier_rounds().len(), 1);
        assert_eq!(t.round().answers(), answers("y----"));
        assert_eq!(t.next(), Next::Answer(Q::Safety));
    }

    #[test]
    fn a_signal_before_any_answer_stales_nothing() {
        let t = fold(&[opened(0, Sector::Care), Event::SignalAdded { on: day(1), signal: signal(1) }]);
        assert!(!t.weighing_is_stale());
        assert_eq!(t.signals().len(), 2);
    }

    #[test]
    fn a_decision_against_a_reporting_norm_is_recorded_with_a_notice_not_overruled() {
        let t = fold(&[
            opened(0, Sector::Care),
            consulted(0, Consulted::VeiligThuisAnonymousAdvice),
            talked(1),
            answered(1, Q::Suspicion, true),
            answered(1, Q::Safety, true),
            decided(1, false, true),
        ]);
        assert_eq!(t.decisions().len(), 1);
        assert!(!t.decisions()[0].decision.report);
        assert!(matches!(t.notices().as_slice(), [Notice::DecisionDepartsFromNorm { norm: N::AcuteOrStructuralUnsafety, .. }]));
        assert_eq!(t.next(), Next::Close);
    }

    #[test]
    fn a_report_decided_with_steps_open_or_without_a_weighing_is_noticed() {
        let t = fold(&[opened(0, Sector::Care), answered(0, Q::Suspicion, true), answered(0, Q::Safety, true), decided(0, true, false)]);
        assert_eq!(t.notices(), vec![Notice::DecidedToReportWithOpenSteps { open: vec![Step::Consultation, Step::Conversation] }]);
        let t = fold(&[opened(0, Sector::Care), decided(0, true, false)]);
        assert!(t.notices().contains(&Notice::DecidedWithoutCurrentWeighing));
        assert!(!t.is_done(Step::Decision));
    }

    #[test]
    fn a_conversation_left_out_with_its_reason_counts_as_done() {
        let t = fold(&[
            opened(0, Sector::Care),
            consulted(0, Consulted::Colleague),
            Event::Conversation {
                on: day(1),
                conversation: Conversation::LeftOut { reason: LeftOutReason::SafetyOfChild, explanation: "vader dreigt".into() },
            },
        ]);
        assert!(t.is_done(Step::Conversation));
        assert_eq!(t.next(), Next::Answer(Q::Suspicion));
    }

    #[test]
    fn closing_at_any_step_is_final_until_reopened() {
        let mut t = fold(&[opened(0, Sector::Care), closed(1, CloseReason::NoSuspicion)]);
        assert_eq!(t.next(), Next::Nothing);
        let before = t.clone();
        for e in [Event::SignalAdded { on: day(2), signal: signal(2) }, answered(2, Q::Suspicion, true), closed(2, CloseReason::Other)] {
            assert_eq!(t.apply(&e), Err(Refusal::Closed));
        }
        assert_eq!(t, before);
        t.apply(&Event::Reopened { on: day(9), reasons: "nieuwe zorg".into() }).unwrap();
        assert!(!t.is_closed());
        assert_eq!(t.apply(&Event::Reopened { on: day(9), reasons: "nog eens".into() }), Err(Refusal::NotClosed));
        t.apply(&Event::SignalAdded { on: day(9), signal: signal(9) }).unwrap();
        assert_eq!(t.signals().len(), 2);
    }

    #[test]
    fn the_fold_refuses_what_cannot_be_recorded() {
        assert_eq!(Trajectory::fold(&[]), Err(Refused { index: 0, refusal: Refusal::NotOpened }));
        assert_eq!(Trajectory::fold(&[talked(0)]), Err(Refused { index: 0, refusal: Refusal::NotOpened }));
        assert_eq!(
            Trajectory::fold(&[opened(0, Sector::Care), opened(1, Sector::Care)]),
            Err(Refused { index: 1, refusal: Refusal::AlreadyOpened })
        );
        assert_eq!(Trajectory::fold(&[opened(5, Sector::Care), talked(4)]), Err(Refused { index: 1, refusal: Refusal::BeforeOpened }));
        let blank = Event::Answered {
            on: day(1),
            answer: Answer { question: Q::Suspicion, yes: false, reasons: "  ".into(), jointly_with_veilig_thuis: false },
        };
        assert_eq!(Trajectory::fold(&[opened(0, Sector::Care), blank]), Err(Refused { index: 1, refusal: Refusal::MissingReasons }));
        let mut s = signal(0);
        s.observation = String::new();
        assert_eq!(
            Trajectory::fold(&[Event::Opened { on: day(0), sector: Sector::Care, signal: s }]),
            Err(Refused { index: 0, refusal: Refusal::MissingReasons })
        );
    }

    #[test]
    fn d11_is_a_notice_in_schools_and_childcare_only() {
        let mut s = signal(0);
        s.concerns_staff_member = true;
        for (sector, expected) in [(Sector::Childcare, true), (Sector::Education, true), (Sector::Care, false)] {
            let t = fold(&[Event::Opened { on: day(0), sector, signal: s.clone() }]);
            assert_eq!(t.notices().iter().any(|n| matches!(n, Notice::D11StaffReportDuty { .. })), expected, "{sector:?}");
        }
    }

    #[test]
    fn reopening_asks_for_the_weighing_and_decision_again() {
        let t = fold(&[
            opened(0, Sector::Care),
            answered(1, Q::Suspicion, false),
            decided(1, false, false),
            closed(1, CloseReason::NoSuspicion),
            Event::Reopened { on: day(20), reasons: "nieuwe zorgen van school".into() },
        ]);
        assert!(t.weighing_is_stale());
        assert_eq!(t.next(), Next::Reweigh);
    }

    #[test]
    fn events_round_trip_through_json_in_snake_case() {
        let ev = vec![
            opened(0, Sector::Childcare),
            consulted(1, Consulted::VeiligThuisAnonymousAdvice),
            answered(2, Q::Safety, true),
            Event::AcuteDangerDeclared { on: day(2), reasons: "x".into() },
        ];
        let json = serde_json::to_value(&ev).unwrap();
        assert_eq!(json[1]["event"], "consulted");
        assert_eq!(json[1]["consultation"]["with"], "veilig_thuis_anonymous_advice");
        assert_eq!(json[2]["answer"]["question"], "safety");
        // Dates are written as an auditor reads them, not as the `time` crate's pair.
        assert_eq!(json[0]["on"], "2026-03-02");
        assert_eq!(json[0]["signal"]["observed_on"], "2026-03-02");
        let back: Vec<Event> = serde_json::from_value(json).unwrap();
        assert_eq!(back, ev);
        assert!(Consulted::VeiligThuisAnonymousAdvice.is_anonymous() && !Consulted::Colleague.is_anonymous());
    }

    /// One random event, by kind; dates grow by `gap` days.
    #[derive(Debug, Clone)]
    enum Op {
        Signal,
        Consult(u8),
        Talk(bool),
        Answer(u8, bool),
        Decide(bool, bool),
        Acute,
        Close(u8),
        Reopen,
        Blank,
    }

    fn any_op() -> impl proptest::strategy::Strategy<Value = (Op, u8)> {
        use proptest::prelude::*;
        let op = prop_oneof![
            3 => Just(Op::Signal),
            2 => (0u8..4).prop_map(Op::Consult),
            2 => any::<bool>().prop_map(Op::Talk),
            6 => (0u8..5, any::<bool>()).prop_map(|(q, y)| Op::Answer(q, y)),
            2 => (any::<bool>(), any::<bool>()).prop_map(|(r, h)| Op::Decide(r, h)),
            1 => Just(Op::Acute),
            1 => (0u8..5).prop_map(Op::Close),
            1 => Just(Op::Reopen),
            1 => Just(Op::Blank),
        ];
        (op, 0u8..4)
    }

    fn event(op: &Op, n: i64) -> Event {
        match op {
            Op::Signal => Event::SignalAdded { on: day(n), signal: signal(n) },
            Op::Consult(i) => consulted(
                n,
                [
                    Consulted::Aandachtsfunctionaris,
                    Consulted::Colleague,
                    Consulted::VeiligThuisAnonymousAdvice,
                    Consulted::ForensicPhysician,
                ][*i as usize % 4],
            ),
            Op::Talk(true) => talked(n),
            Op::Talk(false) => Event::Conversation {
                on: day(n),
                conversation: Conversation::LeftOut { reason: LeftOutReason::SafetyOfProfessional, explanation: "dreiging".into() },
            },
            Op::Answer(q, y) => answered(n, Question::ALL[*q as usize % 5], *y),
            Op::Decide(r, h) => decided(n, *r, *h),
            Op::Acute => Event::AcuteDangerDeclared { on: day(n), reasons: "acuut".into() },
            Op::Close(i) => closed(
                n,
                [CloseReason::NoSuspicion, CloseReason::Reported, CloseReason::HelpCompleted, CloseReason::HandedOver, CloseReason::Other]
                    [*i as usize % 5],
            ),
            Op::Reopen => Event::Reopened { on: day(n), reasons: "nieuwe zorg".into() },
            Op::Blank => Event::Decided { on: day(n), decision: DecisionRecord { report: true, own_help: false, reasons: String::new() } },
        }
    }

    /// The events of random ops that the trajectory accepts, and the trajectory they make.
    fn accepted(ops: &[(Op, u8)]) -> (Vec<Event>, Trajectory) {
        let first = opened(0, Sector::Care);
        let mut t = fold(std::slice::from_ref(&first));
        let mut events = vec![first];
        let mut n = 0;
        for (op, gap) in ops {
            n += i64::from(*gap);
            let e = event(op, n);
            let before = t.clone();
            match t.apply(&e) {
                Ok(()) => events.push(e),
                // A refused event changes nothing.
                Err(_) => assert_eq!(t, before),
            }
        }
        (events, t)
    }

    /// Every query there is, for the no-op-read property.
    fn read_everything(t: &Trajectory) {
        let _ = (t.next(), t.notices(), t.weighing(), t.done_steps(), t.open_steps(), t.weighing_is_stale(), t.is_closed());
        let _ = Step::ALL.map(|s| (t.is_done(s), t.last_touched(s)));
        let _ = (t.signals(), t.consultations(), t.conversations(), t.decisions(), t.round(), t.earlier_rounds(), t.acute_danger());
        let _ = serde_json::to_value(t);
    }

    proptest::proptest! {
        /// (b) Folding is deterministic and reads are no-ops: folding the same events with every
        /// query in between gives the same trajectory, and so do the events after a JSON round
        /// trip.
        #[test]
        fn reads_between_events_change_nothing(ops in proptest::collection::vec(any_op(), 0..40)) {
            let (events, t) = accepted(&ops);
            proptest::prop_assert_eq!(&fold(&events), &t);
            let mut read = fold(&events[..1]);
            read_everything(&read);
            for e in &events[1..] {
                read.apply(e).unwrap();
                read_everything(&read);
                read_everything(&read);
            }
            proptest::prop_assert_eq!(&read, &t);
            let back: Vec<Event> = serde_json::from_value(serde_json::to_value(&events).unwrap()).unwrap();
            proptest::prop_assert_eq!(&fold(&back), &t);
        }

        /// (c) Closing is final: a closed trajectory refuses every event except a reopen,
        /// changes nothing when it refuses, and has nothing next.
        #[test]
        fn closing_is_final_except_by_reopening(ops in proptest::collection::vec(any_op(), 0..40), then in any_op()) {
            let (_, mut t) = accepted(&ops);
            if t.apply(&closed(200, CloseReason::Other)).is_err() {
                proptest::prop_assert!(t.is_closed());
            }
            proptest::prop_assert!(t.is_closed());
            proptest::prop_assert_eq!(t.next(), Next::Nothing);
            let before = t.clone();
            let e = event(&then.0, 201);
            match t.apply(&e) {
                Ok(()) => {
                    let reopen = matches!(e, Event::Reopened { .. });
                    proptest::prop_assert!(reopen);
                    proptest::prop_assert!(!t.is_closed());
                }
                Err(r) => {
                    proptest::prop_assert!(matches!(r, Refusal::Closed | Refusal::MissingReasons));
                    proptest::prop_assert_eq!(&t, &before);
                }
            }
        }

        /// (d) A signal after any answer of the current round makes the weighing stale: the
        /// weighing and decision steps are open again and re-weighing (or, with acute danger,
        /// reporting now) is next; the next answer starts a fresh round with only itself.
        #[test]
        fn a_signal_after_a_weighing_makes_it_stale(ops in proptest::collection::vec(any_op(), 0..40), q in 0u8..5, y: bool) {
            let (_, mut t) = accepted(&ops);
            if t.is_closed() {
                t.apply(&Event::Reopened { on: day(200), reasons: "nieuwe zorg".into() }).unwrap();
            }
            let had_answers = !t.round().answers.is_empty();
            t.apply(&Event::SignalAdded { on: day(201), signal: signal(201) }).unwrap();
            proptest::prop_assert_eq!(t.weighing_is_stale(), had_answers);
            if had_answers {
                proptest::prop_assert!(!t.is_done(Step::Weighing) && !t.is_done(Step::Decision));
                let expected = if t.acute_danger().is_some() { Next::ReportNow } else { Next::Reweigh };
                proptest::prop_assert_eq!(t.next(), expected);
                let rounds = t.earlier_rounds().len();
                t.apply(&answered(202, Question::ALL[q as usize], y)).unwrap();
                proptest::prop_assert_eq!(t.earlier_rounds().len(), rounds + 1);
                proptest::prop_assert_eq!(t.round().answers.len(), 1);
                proptest::prop_assert!(!t.weighing_is_stale());
            }
        }

        /// Acute danger, at any point of an open trajectory, makes reporting now the next step,
        /// until a decision to report is recorded (or the trajectory is closed).
        #[test]
        fn acute_danger_comes_first_at_any_point(ops in proptest::collection::vec(any_op(), 0..40), more in proptest::collection::vec(any_op(), 0..10)) {
            let (events, mut t) = accepted(&ops);
            if t.is_closed() {
                return Ok(());
            }
            t.apply(&Event::AcuteDangerDeclared { on: day(200), reasons: "acuut".into() }).unwrap();
            let mut reported = false;
            for (op, _) in &more {
                if t.apply(&event(op, 201)).is_ok() {
                    match op {
                        Op::Decide(true, _) => reported = true,
                        // Declared again: the route starts over.
                        Op::Acute => reported = false,
                        _ => {}
                    }
                }
                if t.is_closed() {
                    break;
                }
                proptest::prop_assert_eq!(t.next() == Next::ReportNow, !reported, "{:?}", events);
            }
        }

        /// Each step's last-touched date is the latest date among that step's events, and a step
        /// is never done without an event of its own.
        #[test]
        fn last_touched_is_the_latest_event_of_the_step(ops in proptest::collection::vec(any_op(), 0..40)) {
            let (events, t) = accepted(&ops);
            for s in Step::ALL {
                let latest = events.iter().filter(|e| e.step() == Some(s)).map(Event::on).max();
                proptest::prop_assert_eq!(t.last_touched(s), latest);
                if t.is_done(s) {
                    proptest::prop_assert!(latest.is_some());
                }
            }
        }
    }
}
