//! The answer as a page: the engine's owned [`Report`] with the few display helpers the
//! templates need. Used for a deliberation in progress, a printable report and a stored entry.

use grondslag_engine::Report;
use grondslag_rules::SourceStatus;

use crate::i18n::Lang;

pub struct SourceRow {
    pub citation: String,
    pub title: String,
    pub url: String,
    pub status: &'static str,
    pub uncertain: bool,
    pub note: String,
}

pub struct ReportView {
    pub r: Report,
    pub outcome_class: String,
    pub sources: Vec<SourceRow>,
    pub revisions: Vec<String>,
    pub undetermined: bool,
}

fn status_label(s: SourceStatus, lang: Lang) -> &'static str {
    match s {
        SourceStatus::Verified => lang.t("geverifieerd", "verified"),
        SourceStatus::PartlyVerified => lang.t("deels geverifieerd", "partly verified"),
        SourceStatus::Unverified => lang.t("niet geverifieerd", "unverified"),
    }
}

impl ReportView {
    pub fn new(r: Report, lang: Lang, revisions: Vec<String>) -> Self {
        let outcome_class = serde_json::to_value(r.outcome).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let sources = r
            .sources
            .iter()
            .map(|s| SourceRow {
                citation: s.citation.clone(),
                title: s.title.clone(),
                url: s.url.clone(),
                status: status_label(s.status, lang),
                uncertain: s.status != SourceStatus::Verified,
                note: s.note.clone().unwrap_or_default(),
            })
            .collect();
        let undetermined = r.outcome == grondslag_rules::Outcome::Undetermined;
        ReportView { r, outcome_class, sources, revisions, undetermined }
    }

    /// A criterion answer in words.
    pub fn yes_no(&self, a: &Option<bool>, lang: &Lang) -> &'static str {
        match a {
            Some(true) => lang.t("ja", "yes"),
            Some(false) => lang.t("nee", "no"),
            None => lang.t("niet beantwoord", "not answered"),
        }
    }
}
