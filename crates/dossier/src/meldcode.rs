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
//! **Left for later.** Ledger entry kinds for these events, the store, web, API and CLI; the
//! aandachtsfunctionaris' view; the kindcheck and mantelzorgcheck as records of their own; the
//! KNMG recording list after a decision to report (whom was informed, their reaction, attempts);
//! sector-specific afwegingskaders (their five-question core is the one modelled here). The D11
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
}
