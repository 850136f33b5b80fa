//! The kennisbank: search and read the articles that explain the law behind the answers.
//! Like the acute-danger page it holds no client data, so anyone may read it, signed in or
//! not, and nothing is logged about who reads what.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use grondslag_i18n::Msg;
use grondslag_knowledge::{Article, KnowledgeBase, RuleKind, SearchHit};
use grondslag_rules::RuleSet;
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};
use serde::Deserialize;

use crate::User;
use crate::audit::Web;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::report_view::{ArticleLink, SourceRow};
use crate::view::{Chrome, dutch_date, today};

/// At most this many results for one search.
const RESULTS_MAX: usize = 20;
/// A query longer than this is cut (tantivy needs no more to find an article).
const QUERY_MAX_CHARS: usize = 200;

#[derive(Debug, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: Option<String>,
}

/// One search result: the title and a snippet with the matched words marked.
pub struct ResultRow {
    pub link: ArticleLink,
    /// The snippet as runs of (text, highlighted).
    pub parts: Vec<(String, bool)>,
}

#[derive(askama::Template, askama_web::WebTemplate)]
#[template(path = "knowledge_index.html")]
pub struct IndexPage {
    pub title: String,
    pub c: Chrome,
    /// The query as typed (trimmed), empty when none.
    pub q: String,
    pub results: Vec<ResultRow>,
    /// Every article, when nothing was searched.
    pub all: Vec<ArticleLink>,
    /// The kennisbank could not be loaded with this server's rule set.
    pub unavailable: bool,
    /// Worked examples whose title or situation has every word searched (signed in only), the
    /// first [`EXAMPLES_MAX`], and how many in all.
    pub examples: Vec<ExampleLink>,
    pub examples_total: usize,
}

impl IndexPage {
    /// "N artikelen gevonden."
    pub fn found(&self) -> String {
        self.c.tr_n("knowledge-results", i64::try_from(self.results.len()).unwrap_or(i64::MAX))
    }

    /// "Alle N voorbeelden met deze woorden".
    pub fn examples_all(&self) -> String {
        self.c.tr_n("knowledge-examples-search-all", i64::try_from(self.examples_total).unwrap_or(i64::MAX))
    }
}

/// A rule-set item an article explains, as the article page lists it.
pub struct RuleRow {
    pub kind: &'static str,
    pub label: String,
}

#[derive(askama::Template, askama_web::WebTemplate)]
#[template(path = "knowledge_article.html")]
pub struct ArticlePage {
    pub id: String,
    pub title: String,
    pub c: Chrome,
    pub summary: String,
    /// The body as HTML: rendered from Markdown with every text escaped (see [`body_html`]).
    pub body: String,
    pub sources: Vec<SourceRow>,
    pub rules: Vec<RuleRow>,
    pub see_also: Vec<ArticleLink>,
    /// "Dit artikel beschrijft het recht vanaf …".
    pub valid_from: String,
    /// When the article describes the law up to a date only: "… tot …".
    pub valid_to: Option<String>,
    /// Not in force today (before `valid_from` or from `valid_to`).
    pub not_in_force: bool,
    /// Worked examples whose answer this article explains (signed in only: the case library is
    /// for signed-in users), the first [`EXAMPLES_MAX`] of them.
    pub examples: Vec<ExampleLink>,
    /// How many examples there are in all ("Alle 12 voorbeelden bij dit artikel").
    pub examples_total: usize,
}

/// At most this many worked examples on an article page; the rest are one link away.
const EXAMPLES_MAX: usize = 6;

/// A worked example, as an article lists it.
pub struct ExampleLink {
    pub id: String,
    pub title: String,
}

impl ArticlePage {
    pub fn examples_all(&self) -> String {
        self.c.tr_n("knowledge-examples-all", i64::try_from(self.examples_total).unwrap_or(i64::MAX))
    }
}

fn chrome(user: &Result<User, WebError>, lang: Lang, here: &str) -> Chrome {
    match user {
        Ok(u) => Chrome::new(u, here),
        Err(_) => Chrome::anonymous(lang, here),
    }
}

pub async fn index<S: crate::Backend>(
    State(web): State<Arc<Web<S>>>,
    user: Result<User, WebError>,
    lang: Lang,
    Query(query): Query<SearchQuery>,
) -> IndexPage {
    let c = chrome(&user, lang, "/kennisbank");
    let lang = c.lang;
    let q: String = query.q.unwrap_or_default().trim().chars().filter(|ch| !ch.is_control()).take(QUERY_MAX_CHARS).collect();
    let Some(kb) = web.knowledge() else {
        return IndexPage {
            title: lang.tr("knowledge-title").into(),
            c,
            q,
            results: Vec::new(),
            all: Vec::new(),
            unavailable: true,
            examples: Vec::new(),
            examples_total: 0,
        };
    };
    let (results, all) = if q.is_empty() { (Vec::new(), listing(kb, lang)) } else { (search(kb, &q, lang), Vec::new()) };
    // The worked examples with the words searched, for a signed-in reader (the case library is
    // for signed-in users).
    let found = if user.is_ok() && !q.is_empty() {
        web.cases().select(web.rules(), &grondslag_cases::Filter { query: q.clone(), ..Default::default() })
    } else {
        Vec::new()
    };
    let examples =
        found.iter().take(EXAMPLES_MAX).map(|c| ExampleLink { id: c.id().to_owned(), title: c.scenario.title.clone() }).collect();
    IndexPage { title: lang.tr("knowledge-title").into(), c, q, results, all, unavailable: false, examples, examples_total: found.len() }
}

/// Every article in force today, by title.
fn listing(kb: &KnowledgeBase, lang: Lang) -> Vec<ArticleLink> {
    let day = today();
    let mut all: Vec<ArticleLink> = kb.articles().iter().filter(|a| a.in_force(day)).map(|a| ArticleLink::of(a, lang)).collect();
    all.sort_by_key(|a| a.title.to_lowercase());
    all
}

fn search(kb: &KnowledgeBase, q: &str, lang: Lang) -> Vec<ResultRow> {
    kb.search_on(q, lang.rules(), RESULTS_MAX, today())
        .into_iter()
        .filter_map(|hit: SearchHit| {
            let a = kb.article(&hit.id)?;
            let parts = hit.snippet.parts().into_iter().map(|p| (p.text.to_owned(), p.highlighted)).collect();
            Some(ResultRow { link: ArticleLink::of(a, lang), parts })
        })
        .collect()
}

pub async fn article<S: crate::Backend>(
    State(web): State<Arc<Web<S>>>,
    user: Result<User, WebError>,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<ArticlePage, WebError> {
    let c = chrome(&user, lang, &format!("/kennisbank/{id}"));
    let lang = c.lang;
    let kb = web.knowledge().ok_or_else(|| WebError::NotFound(Msg::new("knowledge-unavailable")))?;
    let a = kb.article(&id).ok_or_else(|| WebError::NotFound(Msg::new("knowledge-no-such-article")))?;
    let rules = web.rules();
    let mut see_also: Vec<ArticleLink> = Vec::new();
    for other in a.see_also.iter().filter_map(|s| kb.article(s)).chain(kb.linking_to(&a.id)) {
        if !see_also.iter().any(|x| x.id == other.id) {
            see_also.push(ArticleLink::of(other, lang));
        }
    }
    let day = today();
    let examples = if user.is_ok() { web.examples_for_article(&a.id) } else { Vec::new() };
    Ok(ArticlePage {
        id: a.id.clone(),
        examples_total: examples.len(),
        examples: examples
            .iter()
            .take(EXAMPLES_MAX)
            .map(|c| ExampleLink { id: c.id().to_owned(), title: c.scenario.title.clone() })
            .collect(),
        title: a.title.get(lang.rules()).to_owned(),
        summary: a.summary.get(lang.rules()).to_owned(),
        body: body_html(a, lang),
        sources: a.sources_in(rules).into_iter().map(|s| SourceRow::of_rule(s, lang)).collect(),
        rules: rule_rows(a, rules, lang),
        see_also,
        valid_from: lang.tr_with("knowledge-valid-from", &[("date", dutch_date(a.valid_from).into())]),
        valid_to: a.valid_to.map(|d| lang.tr_with("knowledge-valid-to", &[("date", dutch_date(d).into())])),
        not_in_force: !a.in_force(day),
        c,
    })
}

/// The body as HTML. pulldown-cmark escapes every text; raw HTML cannot reach the page (the
/// loader refuses it, and it would be shown as text here); links are between articles only
/// (the loader refuses others) and become kennisbank addresses.
pub fn body_html(a: &Article, lang: Lang) -> String {
    let events = Parser::new_ext(a.body.get(lang.rules()), Options::empty()).map(|e| match e {
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let dest_url = CowStr::from(format!("/kennisbank/{dest_url}"));
            Event::Start(Tag::Link { link_type, dest_url, title, id })
        }
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// What the article explains in the rule set, by kind, with the names users see elsewhere.
fn rule_rows(a: &Article, rules: &RuleSet, lang: Lang) -> Vec<RuleRow> {
    let l = lang.rules();
    let mut rows: Vec<RuleRow> = a
        .related
        .iter()
        .filter_map(|r| {
            let (kind, label) = match r.kind {
                RuleKind::Ground => (lang.tr("knowledge-kind-ground"), rules.grounds.iter().find(|x| x.id == r.id)?.label.get(l)),
                RuleKind::Route => (lang.tr("knowledge-kind-route"), rules.routes.iter().find(|x| x.id == r.id)?.title.get(l)),
                RuleKind::Condition => (lang.tr("knowledge-kind-condition"), rules.conditions.iter().find(|x| x.id == r.id)?.label.get(l)),
                RuleKind::Notice => (lang.tr("knowledge-kind-notice"), rules.notices.iter().find(|x| x.id == r.id)?.text.get(l)),
                RuleKind::Judgment => (lang.tr("knowledge-kind-judgment"), rules.judgments.iter().find(|x| x.id == r.id)?.title.get(l)),
                RuleKind::Fact => (lang.tr("knowledge-kind-fact"), rules.facts.iter().find(|x| x.id == r.id)?.question.get(l)),
                RuleKind::Role => (lang.tr("knowledge-kind-role"), rules.roles.iter().find(|x| x.id == r.id)?.label.get(l)),
            };
            Some(RuleRow { kind, label: label.to_owned() })
        })
        .collect();
    // Grounds and routes first (what decides), then what the answer asks or adds.
    let order = |k: &str| {
        [
            lang.tr("knowledge-kind-ground"),
            lang.tr("knowledge-kind-route"),
            lang.tr("knowledge-kind-condition"),
            lang.tr("knowledge-kind-notice"),
            lang.tr("knowledge-kind-judgment"),
            lang.tr("knowledge-kind-fact"),
            lang.tr("knowledge-kind-role"),
        ]
        .iter()
        .position(|x| *x == k)
        .unwrap_or(usize::MAX)
    };
    rows.sort_by_key(|r| order(r.kind));
    rows
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic)]
    use super::*;

    fn kb() -> (RuleSet, KnowledgeBase) {
        let rules = grondslag_rules::load_embedded().unwrap_or_else(|e| panic!("{e:?}"));
        let kb = grondslag_knowledge::load_embedded(&rules).unwrap_or_else(|e| panic!("{e}"));
        (rules, kb)
    }

    #[test]
    fn bodies_render_as_html_with_links_between_articles() {
        let (_, kb) = kb();
        for a in kb.articles() {
            for lang in [Lang::Nl, Lang::En] {
                let html = body_html(a, lang);
                assert!(html.contains("<p>"), "{}: {html}", a.id);
                assert!(!html.contains("<script"), "{}", a.id);
                // Every link goes to an article of the kennisbank.
                for href in html.split("href=\"").skip(1) {
                    let target = href.split('"').next().unwrap_or("");
                    let id = target.strip_prefix("/kennisbank/").unwrap_or_else(|| panic!("{}: link {target}", a.id));
                    assert!(kb.article(id).is_some(), "{}: link to {id}", a.id);
                }
            }
        }
    }

    #[test]
    fn every_article_lists_the_rules_it_explains() {
        let (rules, kb) = kb();
        for a in kb.articles() {
            let rows = rule_rows(a, &rules, Lang::Nl);
            assert_eq!(rows.len(), a.related.len(), "{}", a.id);
            assert!(rows.iter().all(|r| !r.label.is_empty()), "{}", a.id);
        }
    }
}
