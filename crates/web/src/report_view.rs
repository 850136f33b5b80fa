//! The answer as a page: the engine's owned [`Report`] with the few display helpers the
//! templates need. Used for a deliberation in progress, a printable report and a stored entry.

use grondslag_engine::{Report, SourceOut, source_status_label};
use grondslag_rules::{Source, SourceStatus};

use crate::i18n::Lang;

/// A source as a page shows it: named by publisher and title, linked to its public address,
/// with its status. The maintainers' note on a source is never part of a page.
pub struct SourceRow {
    /// "Publisher: title".
    pub name: String,
    pub citation: String,
    pub url: String,
    pub status: &'static str,
    /// Not fully verified: shown with a warning badge.
    pub uncertain: bool,
}

impl SourceRow {
    pub fn of(s: &SourceOut, lang: Lang) -> Self {
        SourceRow {
            name: s.name(),
            citation: s.citation.clone(),
            url: s.url.clone(),
            status: source_status_label(s.status, lang.rules()),
            uncertain: s.status != SourceStatus::Verified,
        }
    }

    /// A source straight from the rule set (the "why" of a question, a weighing).
    pub fn of_rule(s: &Source, lang: Lang) -> Self {
        Self::of(&SourceOut::new(s), lang)
    }
}

pub struct ReportView {
    pub r: Report,
    pub outcome_class: String,
    pub sources: Vec<SourceRow>,
    pub revisions: Vec<String>,
    pub undetermined: bool,
    /// The date of the law in Dutch notation.
    pub date: String,
}

impl ReportView {
    pub fn new(r: Report, lang: Lang, revisions: Vec<String>) -> Self {
        let outcome_class = serde_json::to_value(r.outcome).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let sources = r.sources.iter().map(|s| SourceRow::of(s, lang)).collect();
        let undetermined = r.outcome == grondslag_rules::Outcome::Undetermined;
        let date = time::Date::parse(&r.date, time::macros::format_description!("[year]-[month]-[day]"))
            .map(crate::view::dutch_date)
            .unwrap_or_else(|_| r.date.clone());
        ReportView { r, outcome_class, sources, revisions, undetermined, date }
    }

    /// A criterion answer in words.
    pub fn yes_no(&self, a: &Option<bool>, lang: &Lang) -> &'static str {
        match a {
            Some(true) => lang.tr("common-yes"),
            Some(false) => lang.tr("common-no"),
            None => lang.tr("report-view-not-answered"),
        }
    }
}
