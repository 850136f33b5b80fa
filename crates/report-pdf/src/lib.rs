//! PDF/A-2b reports, typeset in process with typst: a recorded deliberation with its decision
//! (from a dossier entry) and a client's meldcode trajectory.
//!
//! Kept in its own crate because typst is heavy (hundreds of crates, minutes to build): only the
//! crates that make a PDF link it.
//!
//! How it stays safe and self-contained:
//! - User text reaches Typst only as data: the whole document is one `sys.inputs` value (a
//!   dictionary of strings, numbers and lists) that the templates place as text. Nothing is
//!   pasted into Typst markup, so a client's name or a professional's reasons cannot be
//!   interpreted as Typst code.
//! - The templates are compiled into the binary, the fonts come from `typst-assets` (also
//!   compiled in), and no package resolver is configured: rendering reads no file and opens no
//!   connection.
//! - Every fixed word comes from the i18n catalogue (`crates/i18n/locales/*/pdf.ftl`, and a
//!   few ids shared with the pages), in the reader's language.
//! - Output is PDF/A-2b (archival), tagged, with the document's title and language set.

mod labels;
mod model;
#[doc(hidden)]
pub mod sample;

use std::sync::LazyLock;

use grondslag_engine::{Report, SourceOut, source_status_label};
use grondslag_rules::{Lang, SourceStatus};
use serde::Serialize;
use typst::foundations::{Array, Datetime, Dict, Smart, Str, Value};
use typst_as_lib::TypstEngine;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use labels::IDS as LABEL_IDS;
pub use model::*;

/// Why a PDF could not be made. The texts are for tests and developers: the web application
/// logs only a fixed code and shows the reader a worded error.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The template failed on this data (a bug: the model and the template disagree).
    #[error("typesetting failed: {0}")]
    Typeset(String),
    /// typst-pdf refused the document (for instance a PDF/A rule it could not meet).
    #[error("PDF export failed: {0}")]
    Export(String),
    /// The input could not be turned into template data.
    #[error("input could not be serialised: {0}")]
    Input(String),
}

const COMMON: &str = include_str!("../templates/common.typ");
const DELIBERATION: &str = include_str!("../templates/beraad.typ");
const TRAJECTORY: &str = include_str!("../templates/meldcode.typ");

/// The engine with the templates and fonts, made once: parsing the fonts is the expensive part
/// of the first PDF (see BENCHMARKS.md), so every later render reuses it.
static ENGINE: LazyLock<TypstEngine> = LazyLock::new(|| {
    TypstEngine::builder()
        .with_static_source_file_resolver([("common.typ", COMMON), ("beraad.typ", DELIBERATION), ("meldcode.typ", TRAJECTORY)])
        .fonts(typst_assets::fonts())
        .build()
});

/// Loads the templates and fonts now (at start-up), so that the first request does not wait.
pub fn warm_up() {
    LazyLock::force(&ENGINE);
}

/// The report of a recorded deliberation and its decision, as PDF/A-2b bytes.
pub fn deliberation(doc: &DeliberationReport<'_>, lang: Lang, at: time::OffsetDateTime) -> Result<Vec<u8>, PdfError> {
    let title = grondslag_i18n::tr_with(lang, "pdf-deliberation-title", &[("seq", doc.entry.seq.into())]);
    let input = DeliberationInput {
        lang: lang_code(lang),
        labels: labels::labels(lang),
        title: title.clone(),
        header: &doc.header,
        report: ReportInput::new(doc.report, lang),
        law_date: &doc.law_date,
        entry: &doc.entry,
        decision: doc.decision.as_ref(),
        verification: &doc.verification,
    };
    render("beraad.typ", &input, &format!("beraad-{}", doc.entry.leaf_hash), at)
}

/// The report of a client's meldcode trajectory, as PDF/A-2b bytes.
pub fn trajectory(doc: &TrajectoryReport, lang: Lang, at: time::OffsetDateTime) -> Result<Vec<u8>, PdfError> {
    let input = TrajectoryInput { lang: lang_code(lang), labels: labels::labels(lang), doc };
    render("meldcode.typ", &input, &format!("meldcode-{}", doc.title), at)
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    }
}

/// A source as the reader sees it: by publisher and title, citation, address and status.
pub fn source(s: &SourceOut, lang: Lang) -> Source {
    Source {
        name: s.name(),
        citation: s.citation.clone(),
        url: s.url.clone(),
        status: source_status_label(s.status, lang).to_owned(),
        uncertain: s.status != SourceStatus::Verified,
    }
}

fn render<T: Serialize>(main: &str, input: &T, ident: &str, at: time::OffsetDateTime) -> Result<Vec<u8>, PdfError> {
    let data = serde_json::to_value(input).map_err(|e| PdfError::Input(e.to_string()))?;
    let mut inputs = Dict::new();
    inputs.insert(Str::from("data"), to_typst(data));
    let doc: PagedDocument = ENGINE.compile_with_input(main, inputs).output.map_err(|e| PdfError::Typeset(e.to_string()))?;
    let at = at.to_offset(time::UtcOffset::UTC);
    let datetime = Datetime::from_ymd_hms(at.year(), u8::from(at.month()), at.day(), at.hour(), at.minute(), at.second());
    let options = PdfOptions {
        // A stable identifier per document, so the same entry gives the same document id.
        ident: Smart::Custom(ident.to_owned()),
        creator: Smart::Custom(Some(format!("Grondslag {}", env!("CARGO_PKG_VERSION")))),
        timestamp: datetime.map(Timestamp::new_utc),
        standards: PdfStandards::new(&[PdfStandard::A_2b]).map_err(|e| PdfError::Export(e.message().to_string()))?,
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&doc, &options)
        .map_err(|errors| PdfError::Export(errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; ")))
}

/// JSON data as a Typst value: strings stay strings (never parsed as markup).
fn to_typst(v: serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::None,
        serde_json::Value::Bool(b) => Value::Bool(b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or_default()),
        },
        serde_json::Value::String(s) => Value::Str(Str::from(s)),
        serde_json::Value::Array(a) => Value::Array(a.into_iter().map(to_typst).collect::<Array>()),
        serde_json::Value::Object(o) => Value::Dict(o.into_iter().map(|(k, v)| (Str::from(k), to_typst(v))).collect::<Dict>()),
    }
}

// --- template inputs -------------------------------------------------------------------------

#[derive(Serialize)]
struct DeliberationInput<'a> {
    lang: &'static str,
    labels: serde_json::Map<String, serde_json::Value>,
    title: String,
    header: &'a Header,
    report: ReportInput,
    law_date: &'a str,
    entry: &'a Proof,
    decision: Option<&'a Decision>,
    verification: &'a Verification,
}

#[derive(Serialize)]
struct TrajectoryInput<'a> {
    lang: &'static str,
    labels: serde_json::Map<String, serde_json::Value>,
    #[serde(flatten)]
    doc: &'a TrajectoryReport,
}

/// A text with the citations of its sources.
#[derive(Serialize)]
struct Cited {
    text: String,
    cites: String,
}

#[derive(Serialize)]
struct NoticeInput {
    text: String,
    cites: String,
    uncertain: bool,
}

#[derive(Serialize)]
struct JudgmentInput {
    title: String,
    answers: Vec<JudgmentAnswer>,
}

#[derive(Serialize)]
struct JudgmentAnswer {
    text: String,
    answer: String,
    reasons: Option<String>,
}

/// The stored report, reduced to what the report shows: no rule ids, no trace, no source ids.
#[derive(Serialize)]
struct ReportInput {
    outcome: String,
    summary: String,
    facts: Vec<Field>,
    regime: String,
    secrecy: Vec<Cited>,
    avg_satisfied: bool,
    avg: Vec<Cited>,
    conditions: Vec<Cited>,
    judgments: Vec<JudgmentInput>,
    counterfactuals: Vec<Cited>,
    notices: Vec<NoticeInput>,
    record: Vec<String>,
    sources: Vec<Source>,
    ruleset: String,
    engine: String,
}

fn cited(items: &[grondslag_engine::Item]) -> Vec<Cited> {
    items.iter().map(|i| Cited { text: i.text.clone(), cites: i.sources.join("; ") }).collect()
}

impl ReportInput {
    fn new(r: &Report, lang: Lang) -> Self {
        let yes_no = |a: Option<bool>| {
            grondslag_i18n::tr(
                lang,
                match a {
                    Some(true) => "common-yes",
                    Some(false) => "common-no",
                    None => "report-view-not-answered",
                },
            )
            .to_owned()
        };
        ReportInput {
            outcome: r.outcome_label.clone(),
            summary: r.summary.clone(),
            facts: r.facts.iter().map(|f| Field { label: f.label.clone(), value: f.value_label.clone() }).collect(),
            regime: r.beroepsgeheim.regime_label.clone(),
            secrecy: cited(&r.beroepsgeheim.explanation),
            avg_satisfied: r.avg.satisfied,
            avg: cited(&r.avg.bases).into_iter().chain(cited(&r.avg.explanation)).collect(),
            conditions: cited(&r.conditions),
            judgments: r
                .recorded_judgments
                .iter()
                .map(|j| JudgmentInput {
                    title: j.title.clone(),
                    answers: j
                        .answers
                        .iter()
                        .map(|a| JudgmentAnswer { text: a.text.clone(), answer: yes_no(a.answer), reasons: a.reasons.clone() })
                        .collect(),
                })
                .collect(),
            counterfactuals: cited(&r.counterfactuals),
            notices: r
                .notices
                .iter()
                .map(|n| NoticeInput { text: n.text.clone(), cites: n.sources.join("; "), uncertain: n.uncertain })
                .collect(),
            record: r.record_in_dossier.iter().map(|i| i.text.clone()).collect(),
            sources: r.sources.iter().map(|s| source(s, lang)).collect(),
            ruleset: format!("{} {} (sha256 {})", r.ruleset.name, r.ruleset.version, r.ruleset.hash),
            engine: format!("Grondslag {}", r.engine_version),
        }
    }
}

#[cfg(test)]
mod tests;
