//! The answer as a page: the engine's owned [`Report`] with the few display helpers the
//! templates need. Used for a deliberation in progress, a printable report and a stored entry.

use grondslag_engine::{Report, SourceOut, source_status_label};
use grondslag_knowledge::{KnowledgeBase, RuleKind};
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

/// A kennisbank article as a link: where it is and what it is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLink {
    pub id: String,
    pub title: String,
    pub summary: String,
}

impl ArticleLink {
    pub fn of(a: &grondslag_knowledge::Article, lang: Lang) -> Self {
        ArticleLink { id: a.id.clone(), title: a.title.get(lang.rules()).to_owned(), summary: a.summary.get(lang.rules()).to_owned() }
    }

    pub fn href(&self) -> String {
        format!("/kennisbank/{}", self.id)
    }
}

/// For each of `items`, the article that explains it — of several, the one that explains most
/// of `items` together, so that one answer sends its reader to few articles — and every
/// article that explains any of them (most relevant first, at most `max`).
pub fn articles_for(
    kb: Option<&KnowledgeBase>,
    items: &[(RuleKind, String)],
    lang: Lang,
    max: usize,
) -> (Vec<(RuleKind, String, ArticleLink)>, Vec<ArticleLink>) {
    let Some(kb) = kb else { return (Vec::new(), Vec::new()) };
    let ranked = kb.explaining_any(items.iter().map(|(k, id)| (*k, id.as_str())));
    let rank = |id: &str| ranked.iter().position(|a| a.id == id).unwrap_or(usize::MAX);
    let about = items
        .iter()
        .filter_map(|(k, id)| {
            kb.explaining(*k, id).into_iter().min_by_key(|a| rank(&a.id)).map(|a| (*k, id.clone(), ArticleLink::of(a, lang)))
        })
        .collect();
    let related = ranked.into_iter().take(max).map(|a| ArticleLink::of(a, lang)).collect();
    (about, related)
}

/// How many related articles an answer lists under "Meer weten".
const RELATED_MAX: usize = 5;

pub struct ReportView {
    pub r: Report,
    pub outcome_class: String,
    pub sources: Vec<SourceRow>,
    pub revisions: Vec<String>,
    pub undetermined: bool,
    /// The date of the law in Dutch notation.
    pub date: String,
    /// Per explained rule-set item of this answer, the article that explains it.
    about: Vec<(RuleKind, String, ArticleLink)>,
    /// The articles that explain this answer, most relevant first.
    pub related: Vec<ArticleLink>,
}

impl ReportView {
    pub fn new(r: Report, lang: Lang, revisions: Vec<String>, kb: Option<&KnowledgeBase>) -> Self {
        let outcome_class = serde_json::to_value(r.outcome).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let sources = r.sources.iter().map(|s| SourceRow::of(s, lang)).collect();
        let undetermined = r.outcome == grondslag_rules::Outcome::Undetermined;
        let date = time::Date::parse(&r.date, time::macros::format_description!("[year]-[month]-[day]"))
            .map(crate::view::dutch_date)
            .unwrap_or_else(|_| r.date.clone());
        let (about, related) = articles_for(kb, &explained_items(&r), lang, RELATED_MAX);
        ReportView { r, outcome_class, sources, revisions, undetermined, date, about, related }
    }

    /// The article that explains the rule-set item `id` of `kind` (`route`, `role`, `ground`,
    /// `condition`, `notice`, `judgment`, `fact`) in this answer, if any.
    pub fn about(&self, kind: &str, id: &str) -> Option<&ArticleLink> {
        // The report names a role's note `rol.<id>`.
        let (kind, id) = match id.strip_prefix("rol.") {
            Some(role) => (RuleKind::Role, role),
            None => (kind_of(kind)?, id),
        };
        self.about.iter().find(|(k, i, _)| *k == kind && i == id).map(|(_, _, a)| a)
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

/// A kind as the templates name it.
fn kind_of(name: &str) -> Option<RuleKind> {
    RuleKind::ALL.into_iter().find(|k| k.key().trim_end_matches('s') == name)
}

/// Everything in an answer that an article may explain, in the order the answer shows it
/// (the routes that carry the outcome first: they say most about this case).
fn explained_items(r: &Report) -> Vec<(RuleKind, String)> {
    let mut out: Vec<(RuleKind, String)> = Vec::new();
    let mut push = |k: RuleKind, id: &str| {
        if !out.iter().any(|(x, y)| *x == k && y == id) {
            out.push((k, id.to_owned()));
        }
    };
    for t in r.trace.iter().filter(|t| t.carries_outcome) {
        push(RuleKind::Route, &t.rule);
    }
    for g in &r.beroepsgeheim.grounds {
        push(RuleKind::Ground, g);
    }
    for i in r.beroepsgeheim.explanation.iter().chain(&r.avg.explanation).chain(&r.counterfactuals) {
        match i.id.strip_prefix("rol.") {
            Some(role) => push(RuleKind::Role, role),
            None => push(RuleKind::Route, &i.id),
        }
    }
    for i in &r.conditions {
        push(RuleKind::Condition, &i.id);
    }
    for n in &r.notices {
        push(RuleKind::Notice, &n.id);
    }
    for j in r.recorded_judgments.iter().map(|j| &j.id).chain(r.required_judgments.iter().map(|j| &j.id)) {
        push(RuleKind::Judgment, j);
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic)]
    use super::*;

    /// Found in a trial: on a refusal to a teacher, "leg vast in het dossier" and "overweeg het
    /// zonder naam" were explained by the article on telephone and WhatsApp, which named those
    /// general conditions among what it explains. It now explains only what is particular to
    /// channels (who is calling, sharing the minimum), so they go to the articles that fit.
    #[test]
    fn a_general_condition_is_explained_by_the_article_particular_to_the_answer() {
        let rules = grondslag_rules::load_embedded().unwrap_or_else(|e| panic!("{e:?}"));
        let kb = grondslag_knowledge::load_embedded(&rules).unwrap_or_else(|e| panic!("{e}"));
        let items = [
            (RuleKind::Condition, "record_in_dossier".to_string()),
            (RuleKind::Condition, "anonymise".to_string()),
            (RuleKind::Role, "leraar".to_string()),
        ];
        let (about, related) = articles_for(Some(&kb), &items, Lang::Nl, 5);
        let record = about.iter().find(|(_, id, _)| id == "record_in_dossier").map(|(_, _, a)| a.id.as_str());
        assert_ne!(record, Some("kanalen-telefoon-mail-en-apps"), "{about:?}");
        assert_ne!(related.first().map(|a| a.id.as_str()), Some("kanalen-telefoon-mail-en-apps"));
    }
}
