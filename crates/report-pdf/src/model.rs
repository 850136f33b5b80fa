//! What a PDF report shows, as plain data in the reader's language. The web application fills
//! these from the same application functions and page models its HTML pages use; this crate only
//! typesets them. Everything here reaches Typst as data (`sys.inputs`), never as markup.

use serde::Serialize;

/// Who the report is from and about, for the header and the title block.
#[derive(Debug, Clone, Serialize)]
pub struct Header {
    /// The organisation's name, in every page's header.
    pub organisation: String,
    /// The client's name (in the title block only; never in a file name or the PDF's metadata).
    pub client: String,
    /// When the PDF was made, as the reader reads a time ("05-12-2026 09:30").
    pub generated: String,
    /// Who made it (name and role), as the access log has it.
    pub generated_by: String,
}

/// A label with its value ("Gedeeld": "ja").
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub label: String,
    pub value: String,
}

/// A source as every front end names it: publisher and title, citation, public address and
/// status. Never its internal id or the maintainers' note.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// "Publisher: title".
    pub name: String,
    pub citation: String,
    pub url: String,
    pub status: String,
    /// Not fully verified: marked as such.
    pub uncertain: bool,
}

/// A dossier entry's place in the tamper-evident log: what the receipt page shows.
#[derive(Debug, Clone, Serialize)]
pub struct Proof {
    pub seq: u64,
    /// When it was recorded, as the reader reads a time.
    pub recorded: String,
    /// Who recorded it (name and role).
    pub recorded_by: String,
    /// Its number in the organisation's log (1-based).
    pub leaf_number: u64,
    /// Entries in the organisation's log at the signed checkpoint.
    pub tree_size: u64,
    /// Base64 of the entry's leaf hash.
    pub leaf_hash: String,
    /// The organisation's signed checkpoint (a signed note) the entry is proved against.
    pub checkpoint: String,
}

/// The verification status of the dossier at the moment the PDF was made.
#[derive(Debug, Clone, Serialize)]
pub struct Verification {
    /// Chain intact, checkpoint signature valid, every entry included.
    pub ok: bool,
    /// The size of the signed checkpoint the entries were checked against.
    pub checkpoint_size: Option<u64>,
    /// What failed, worded for the reader and naming the entry.
    pub problems: Vec<String>,
}

/// The decision recorded after a deliberation.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub proof: Proof,
    /// The recorded fields in the entry page's order and words.
    pub fields: Vec<Field>,
}

/// A recorded deliberation with its decision, from a dossier entry.
#[derive(Debug, Clone)]
pub struct DeliberationReport<'a> {
    pub header: Header,
    /// The answer as it was recorded (the stored report, in the language it was recorded in).
    pub report: &'a grondslag_engine::Report,
    /// The date of the law applied, as the reader reads a date.
    pub law_date: String,
    /// The deliberation's own entry.
    pub entry: Proof,
    pub decision: Option<Decision>,
    pub verification: Verification,
}

// --- the meldcode trajectory ----------------------------------------------------------------

/// Who recorded an entry, in which role and when (one line), and its entry number.
#[derive(Debug, Clone, Serialize)]
pub struct Rec {
    pub seq: u64,
    pub line: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepRow {
    pub number: u8,
    pub name: String,
    pub done: bool,
    pub last: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SignalRow {
    pub rec: Rec,
    pub observed: String,
    pub recorded: String,
    pub source: String,
    pub detail: String,
    pub observation: String,
    pub interpretation: String,
    pub staff: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct RequestRow {
    pub rec: Rec,
    pub on: String,
    pub of: String,
    pub question: String,
    pub answered: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConsultRow {
    pub rec: Rec,
    pub on: String,
    pub with: String,
    pub who: String,
    pub advice: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConversationRow {
    pub rec: Rec,
    pub on: String,
    pub held: bool,
    pub who_or_why: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnswerRow {
    pub rec: Rec,
    pub on: String,
    pub number: u8,
    pub yes: bool,
    pub reasons: String,
    pub jointly: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionRow {
    pub number: u8,
    pub text: String,
    pub answer: Option<AnswerRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoticeRow {
    pub text: String,
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionRow {
    pub rec: Rec,
    pub on: String,
    pub report: bool,
    pub own_help: bool,
    pub reasons: String,
    pub reading: String,
    pub acute: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportRow {
    pub rec: Rec,
    pub on: String,
    pub deliberation: Option<u64>,
    pub informed: String,
    pub agreements: String,
}

/// A dated text: feedback, acute danger, closing (with its reason as `label`), reopening.
#[derive(Debug, Clone, Serialize)]
pub struct TextRow {
    pub rec: Rec,
    pub on: String,
    pub label: String,
    pub text: String,
    pub more: String,
}

/// A client's meldcode trajectory: the read-only part of the trajectory page.
#[derive(Debug, Clone, Serialize)]
pub struct TrajectoryReport {
    pub header: Header,
    pub title: String,
    pub opened_on: String,
    pub sector: String,
    pub closed: bool,
    /// Where the trajectory stands (the page's "next step" sentence).
    pub next: String,
    /// Part of the trajectory could not be read (erased or not folded): which entries.
    pub incomplete: Option<String>,
    /// Acute danger declared now.
    pub acute: Option<TextRow>,
    pub steps: Vec<StepRow>,
    pub signals: Vec<SignalRow>,
    pub requests: Vec<RequestRow>,
    pub consultations: Vec<ConsultRow>,
    pub conversations: Vec<ConversationRow>,
    pub questions: Vec<QuestionRow>,
    pub stale: bool,
    /// What the afwegingskader makes follow from the professional's answers.
    pub reading: String,
    pub norm: Option<String>,
    pub then_ask: bool,
    pub weighing_sources: Vec<Source>,
    pub earlier_rounds: Vec<Vec<AnswerRow>>,
    pub replaced: Vec<AnswerRow>,
    pub notices: Vec<NoticeRow>,
    pub decisions: Vec<DecisionRow>,
    pub reports: Vec<ReportRow>,
    pub feedback: Vec<TextRow>,
    pub acute_history: Vec<TextRow>,
    pub closures: Vec<TextRow>,
    pub reopenings: Vec<TextRow>,
    pub step_sources: Vec<Source>,
    pub verification: Verification,
}
