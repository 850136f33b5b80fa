//! The case library (`/voorbeelden`): every golden scenario as a worked example — the situation,
//! its facts in words, the answer Grondslag gives now (evaluated on every view, so it is always
//! the running rule set's answer), the authority's answer with its source, and whether the two
//! agree. Searchable and filterable by sender, recipient, purpose and age band; a professional
//! can open an example as a new deliberation without a client, pre-filled with its facts.
//!
//! Open to every signed-in user and not logged: the cases are synthetic or taken from public
//! rulings and guidelines, so nothing here concerns a client.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use grondslag_cases::{AgeBand, Case, FILTER_FACTS, Filter, Library, Origin};
use grondslag_engine::{RecordedJudgment, evaluate, outcome_label, report};
use grondslag_i18n::Msg;
use grondslag_knowledge::{KnowledgeBase, RuleKind};
use grondslag_rules::{Domain, FactId, Outcome, RuleSet};
use grondslag_store::AppRole;

use super::deliberation::{Opt, OptGroup, group_label};
use crate::draft::{Criterion, Deliberation, Example};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::policy::Action;
use crate::report_view::{ArticleLink, ReportView, SourceRow, articles_for};
use crate::view::Chrome;
use crate::{Backend, User, Web};

/// The longest search text accepted (a title is about a hundred characters).
pub const MAX_QUERY_CHARS: usize = 200;
/// How many kennisbank articles a worked example lists under "Meer weten".
const CASE_RELATED_MAX: usize = 8;
/// How much of the situation the list shows per case.
const EXCERPT_CHARS: usize = 220;

impl<S: Backend> Web<S> {
    /// The case library, parsed against this server's rule set on first use. With a rule set
    /// from `--regels` that some scenario does not fit, that scenario is left out and counted in
    /// the technical log (the embedded rule set fits every one: `cargo test -p grondslag-cases`).
    pub fn cases(&self) -> &Library {
        self.cases.get_or_init(|| {
            let lib = Library::embedded(self.rules());
            if !lib.errors().is_empty() {
                tracing::warn!(code = "voorbeelden_overgeslagen", count = lib.errors().len());
            }
            lib
        })
    }

    /// The worked examples whose answer `article` explains (see [`examples_index`]), those it
    /// explains most directly first; empty for an unknown article or without a kennisbank.
    pub fn examples_for_article(&self, article: &str) -> Vec<&Case> {
        let index =
            self.examples_by_article.get_or_init(|| examples_index(self.rules(), self.cases(), self.knowledge(), crate::view::today()));
        let cases = self.cases().cases();
        index.get(article).map(|ixs| ixs.iter().filter_map(|i| cases.get(*i)).collect()).unwrap_or_default()
    }
}

/// What in a worked example an article may explain, for listing the example under it: the
/// routes that carry its outcome, the grounds it rests on, its notices (a refusal has no route,
/// but a notice says why: a convenant is no ground, an informal police request is no order),
/// and who receives or asks. Conditions and the sender's role are left out on purpose — "leg
/// vast in het dossier" is part of almost every answer, and most examples have a care provider
/// as sender, so the articles about those would list nearly every example.
fn explaining_items(rules: &RuleSet, case: &Case, rep: &grondslag_engine::Report) -> Vec<(RuleKind, String)> {
    let mut items: Vec<(RuleKind, String)> =
        rep.trace.iter().filter(|t| t.carries_outcome).map(|t| (RuleKind::Route, t.rule.clone())).collect();
    items.extend(rep.beroepsgeheim.grounds.iter().map(|g| (RuleKind::Ground, g.clone())));
    items.extend(rep.notices.iter().map(|n| (RuleKind::Notice, n.id.clone())));
    for fact in ["recipient_role", "request_from"] {
        if let Some(f) = rules.fact(fact)
            && let Some(v) = case.fact(f)
        {
            items.push((RuleKind::Role, rules.value_id(f, v)));
        }
    }
    items
}

/// Per kennisbank article, the positions in `lib` of the worked examples whose answer the
/// article explains (see [`explaining_items`]).
pub fn examples_index(rules: &RuleSet, lib: &Library, kb: Option<&KnowledgeBase>, day: time::Date) -> HashMap<String, Vec<usize>> {
    // (position of the first item the article explains, case position): an example whose
    // outcome the article explains comes before one it only explains the recipient of.
    let mut ranked: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    let Some(kb) = kb else { return HashMap::new() };
    for (i, case) in lib.cases().iter().enumerate() {
        let facts = case.facts_with_defaults(rules);
        // An example the running rule set cannot evaluate is shown with its error on its own
        // page; it is simply not listed under an article.
        let Ok(evaluation) = evaluate(rules, day, &facts, &case.scenario.judgments) else { continue };
        let rep = report(rules, &evaluation, &facts, &case.scenario.judgments, Lang::Nl.rules());
        let mut seen: Vec<&str> = Vec::new();
        for (rank, (kind, id)) in explaining_items(rules, case, &rep).into_iter().enumerate() {
            for a in kb.explaining(kind, &id) {
                if !seen.contains(&a.id.as_str()) {
                    seen.push(&a.id);
                    ranked.entry(a.id.clone()).or_default().push((rank_of(kind, rank), i));
                }
            }
        }
    }
    // The examples an article's maintainers chose come first, in their order (an id the library
    // does not have is skipped here; a test requires every one to exist).
    let position = |id: &str| lib.cases().iter().position(|c| c.id() == id);
    for a in kb.articles() {
        let chosen: Vec<usize> = a.examples.iter().filter_map(|id| position(id)).collect();
        if chosen.is_empty() {
            continue;
        }
        let list = ranked.entry(a.id.clone()).or_default();
        list.retain(|(_, i)| !chosen.contains(i));
        list.extend(chosen.iter().enumerate().map(|(n, i)| (n, *i)));
    }
    ranked
        .into_iter()
        .map(|(article, mut v)| {
            v.sort();
            (article, v.into_iter().map(|(_, i)| i).collect())
        })
        .collect()
}

/// How directly an item explains an example: what carries the outcome first, then the grounds,
/// the notices, and who receives or asks (`position` orders within a kind).
fn rank_of(kind: RuleKind, position: usize) -> usize {
    let tier = match kind {
        RuleKind::Route => 0,
        RuleKind::Ground => 1,
        RuleKind::Notice => 2,
        _ => 3,
    };
    // Tier 0 is left to the examples an article's maintainers chose.
    (tier + 1) * 1000 + position.min(999)
}

/// The URL query of the list: `q`, `afzender`, `ontvanger`, `doel`, `leeftijd`.
pub const FILTER_PARAMS: [&str; 3] = ["afzender", "ontvanger", "doel"];

/// A reader's filter from the query string. Values that are not rule-set ids simply match
/// nothing; an over-long search text is refused.
pub fn filter_of(q: &HashMap<String, String>) -> Result<Filter, WebError> {
    let text = |k: &str| q.get(k).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let query = text("q").unwrap_or_default();
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(WebError::Invalid(
            Msg::new("pages-te-lang-hoogstens-tekens").arg_msg("what", "cases-field-search").arg("max", MAX_QUERY_CHARS),
        ));
    }
    Ok(Filter {
        query,
        sender_role: text(FILTER_PARAMS[0]),
        recipient_role: text(FILTER_PARAMS[1]),
        purpose: text(FILTER_PARAMS[2]),
        age: text("leeftijd").and_then(|k| AgeBand::from_key(&k)),
    })
}

pub fn age_label(band: AgeBand, lang: Lang) -> &'static str {
    match band {
        AgeBand::Under12 => lang.tr("cases-age-0-11"),
        AgeBand::From12To15 => lang.tr("cases-age-12-15"),
        AgeBand::From16To17 => lang.tr("cases-age-16-17"),
        AgeBand::Adult => lang.tr("cases-age-adult"),
        AgeBand::NotStated => lang.tr("cases-age-not-stated"),
    }
}

/// The value a case gives `fact`, in words (empty when it gives none).
fn value_label(rules: &RuleSet, case: &Case, fact: Option<FactId>, lang: Lang) -> String {
    fact.and_then(|f| case.fact(f).map(|v| rules.value_label(f, v, lang.rules()))).unwrap_or_default()
}

/// The CSS class of an outcome as a badge: may or must share is fine, after a weighing needs
/// care, may not share is a bar (the colours of the answer page's outcome box).
fn badge_class(o: Outcome) -> &'static str {
    match o {
        Outcome::MustShare | Outcome::MayShare => "ok",
        Outcome::MayShareAfterWeighing | Outcome::Undetermined => "warn",
        Outcome::MayNotShare => "bad",
    }
}

// --- the list --------------------------------------------------------------------------------

pub struct CaseRow {
    pub id: String,
    pub title: String,
    pub excerpt: String,
    pub sender: String,
    pub recipient: String,
    pub purpose: String,
    pub age: &'static str,
    pub expected: &'static str,
    pub expected_class: &'static str,
}

/// One filter: a labelled `<select>` whose options are the values some case has.
pub struct FilterSelect {
    pub name: &'static str,
    pub label: &'static str,
    /// Options without a group (purpose, age) …
    pub options: Vec<Opt>,
    /// … or grouped (roles, by the rule set's role groups).
    pub groups: Vec<OptGroup>,
}

#[derive(Template, WebTemplate)]
#[template(path = "cases.html")]
pub struct ListPage {
    pub c: Chrome,
    pub title: String,
    pub query: String,
    pub selects: Vec<FilterSelect>,
    pub rows: Vec<CaseRow>,
    /// "12 van 230 voorbeelden".
    pub count: String,
    pub filtered: bool,
    /// Only the examples a kennisbank article explains.
    pub article: Option<ArticleFilter>,
}

/// The `artikel` filter: the article's id and, when the kennisbank has it, its title.
pub struct ArticleFilter {
    pub id: String,
    pub title: Option<String>,
}

fn selects(rules: &RuleSet, lib: &Library, filter: &Filter, lang: Lang) -> Vec<FilterSelect> {
    let labels = [lang.tr("cases-filter-sender"), lang.tr("cases-filter-recipient"), lang.tr("cases-filter-purpose")];
    let chosen = [&filter.sender_role, &filter.recipient_role, &filter.purpose];
    let mut out = Vec::new();
    for (i, fact_id) in FILTER_FACTS.iter().enumerate() {
        let Some(fact) = rules.fact(fact_id) else { continue };
        let mut options: Vec<Opt> = lib
            .values(rules, fact)
            .into_iter()
            .map(|(id, v)| Opt {
                checked: chosen[i].as_deref() == Some(id.as_str()),
                label: rules.value_label(fact, v, lang.rules()),
                value: id,
            })
            .collect();
        options.sort_by_key(|o| grondslag_cases::fold(&o.label));
        let mut select = FilterSelect { name: FILTER_PARAMS[i], label: labels[i], options: Vec::new(), groups: Vec::new() };
        if matches!(rules.facts[fact.ix()].domain, Domain::Role { .. }) {
            // Grouped as in the deliberation's role question, in the rule set's group order.
            for o in options {
                let group = rules.role(&o.value).map(|r| rules.roles[r.ix()].group.as_str()).unwrap_or_default();
                let label = group_label(group, lang).to_owned();
                match select.groups.iter_mut().find(|g| g.label == label) {
                    Some(g) => g.options.push(o),
                    None => select.groups.push(OptGroup { label, options: vec![o] }),
                }
            }
            let order = |label: &str| rules.roles.iter().position(|r| group_label(&r.group, lang) == label).unwrap_or(usize::MAX);
            select.groups.sort_by_key(|g| order(&g.label));
        } else {
            select.options = options;
        }
        out.push(select);
    }
    out.push(FilterSelect {
        name: "leeftijd",
        label: lang.tr("cases-filter-age"),
        options: AgeBand::ALL
            .into_iter()
            .map(|b| Opt { value: b.key().to_owned(), label: age_label(b, lang).to_owned(), checked: filter.age == Some(b) })
            .collect(),
        groups: Vec::new(),
    });
    out
}

fn excerpt(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= EXCERPT_CHARS {
        return text;
    }
    let cut: String = text.chars().take(EXCERPT_CHARS).collect();
    // End on a whole word.
    let cut = cut.rsplit_once(' ').map(|(head, _)| head).unwrap_or(&cut);
    format!("{cut} …")
}

pub async fn list<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Query(q): Query<HashMap<String, String>>,
) -> Result<ListPage, WebError> {
    let filter = filter_of(&q)?;
    let rules = web.rules();
    let lib = web.cases();
    let lang = user.lang;
    let [sender, recipient, purpose] = FILTER_FACTS.map(|f| rules.fact(f));
    // `artikel`: only the examples whose answer that kennisbank article explains (the link
    // "alle voorbeelden" on an article). An unknown article matches nothing, like any filter.
    let article = q.get("artikel").map(|v| v.trim()).filter(|v| !v.is_empty());
    let of_article: Option<Vec<&str>> = article.map(|a| web.examples_for_article(a).into_iter().map(Case::id).collect());
    let rows = lib
        .select(rules, &filter)
        .into_iter()
        .filter(|case| of_article.as_ref().is_none_or(|ids| ids.contains(&case.id())))
        .map(|case| CaseRow {
            id: case.id().to_owned(),
            title: case.scenario.title.clone(),
            excerpt: excerpt(case.scenario.situation.as_deref().unwrap_or("")),
            sender: value_label(rules, case, sender, lang),
            recipient: value_label(rules, case, recipient, lang),
            purpose: value_label(rules, case, purpose, lang),
            age: age_label(case.age_band(), lang),
            expected: outcome_label(case.scenario.expect.outcome, lang.rules()),
            expected_class: badge_class(case.scenario.expect.outcome),
        })
        .collect::<Vec<_>>();
    let filtered = !filter.query.is_empty()
        || filter.sender_role.is_some()
        || filter.recipient_role.is_some()
        || filter.purpose.is_some()
        || filter.age.is_some()
        || article.is_some();
    let article = article.map(|id| ArticleFilter {
        id: id.to_owned(),
        title: web.knowledge().and_then(|kb| kb.article(id)).map(|a| ArticleLink::of(a, lang).title),
    });
    Ok(ListPage {
        article,
        title: lang.tr("cases-title").into(),
        c: Chrome::new(&user, "/voorbeelden"),
        query: filter.query.clone(),
        selects: selects(rules, lib, &filter, lang),
        count: lang.tr_with("cases-count", &[("n", rows.len().into()), ("total", lib.len().into())]),
        rows,
        filtered,
    })
}

// --- one worked example ----------------------------------------------------------------------

pub struct FactRow {
    pub label: String,
    pub value: String,
}

/// A source of the authority's answer: named like the rule set's sources where the address is a
/// registered one, otherwise by its web site.
pub struct AuthoritySource {
    pub name: String,
    pub url: String,
    pub registered: Option<SourceRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "case.html")]
pub struct CasePage {
    pub c: Chrome,
    pub title: String,
    pub id: String,
    pub public: bool,
    pub situation: String,
    pub facts: Vec<FactRow>,
    /// Facts the example leaves out and the scenario format fills in (no danger, no objection …).
    pub assumed: Vec<FactRow>,
    /// The example's weighing of open norms (the professional's, in the example).
    pub weighing: Vec<RecordedJudgment>,
    pub rv: ReportView,
    /// The grounds (beroepsgeheim layer) Grondslag's answer rests on, in words.
    pub grounds: Vec<String>,
    pub expected: &'static str,
    pub expected_class: &'static str,
    pub expected_grounds: Vec<String>,
    pub expected_not_grounds: Vec<String>,
    pub expected_conditions: Vec<String>,
    pub authority_sources: Vec<AuthoritySource>,
    pub agrees: bool,
    /// The user may start a deliberation (professionals and aandachtsfunctionarissen).
    pub can_open: bool,
}

fn not_found() -> WebError {
    WebError::NotFound(Msg::new("cases-not-found"))
}

/// Whether the user's role may start a deliberation, as the policy decides for `/beraad`.
fn may_deliberate(role: AppRole) -> bool {
    crate::policy::authorise(role, Action::Evaluate, &crate::policy::Target { same_org: true, ..Default::default() }).is_ok()
}

fn authority_source(rules: &RuleSet, url: &str, lang: Lang) -> AuthoritySource {
    let trimmed = url.trim();
    let same = |a: &str| a.trim_end_matches('/') == trimmed.trim_end_matches('/');
    let registered = rules.sources.iter().find(|s| same(&s.url)).map(|s| SourceRow::of_rule(s, lang));
    // Only web addresses become links (a scenario file is trusted, but a link never runs script).
    let web = trimmed.starts_with("https://") || trimmed.starts_with("http://");
    let site = trimmed.split_once("://").map(|(_, rest)| rest.split('/').next().unwrap_or(rest)).unwrap_or(trimmed);
    let name = registered.as_ref().map(|r| r.name.clone()).unwrap_or_else(|| site.trim_start_matches("www.").to_owned());
    AuthoritySource { name, url: if web { trimmed.to_owned() } else { String::new() }, registered }
}

pub async fn show<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<CasePage, WebError> {
    let rules = web.rules();
    let case = web.cases().get(&id).ok_or_else(not_found)?;
    let lang = user.lang;
    let s = &case.scenario;
    let today = crate::view::today();
    let facts = case.facts_with_defaults(rules);
    let evaluation = evaluate(rules, today, &facts, &s.judgments)?;
    let mut rep = report(rules, &evaluation, &facts, &s.judgments, lang.rules());
    // The example's weighing is shown as the example's, not under "your own weighing".
    let weighing = std::mem::take(&mut rep.recorded_judgments);
    let agrees = grondslag_scenario::run_scenario(rules, today, s).passed;
    let (mut stated, mut assumed) = (Vec::new(), Vec::new());
    for (i, f) in rules.facts.iter().enumerate() {
        let fid = FactId(i as u16);
        let row = |v| FactRow { label: f.label.get(lang.rules()).to_string(), value: rules.value_label(fid, v, lang.rules()) };
        match (case.fact(fid), f.default) {
            (Some(v), _) => stated.push(row(v)),
            (None, Some(d)) => assumed.push(row(d)),
            (None, None) => {}
        }
    }
    let ground = |g: &String| rules.ground(g).map(|g| rules.grounds[g.ix()].label.get(lang.rules()).to_string());
    let mut rv = ReportView::new(rep, lang, Vec::new(), web.knowledge());
    // Beyond its answer, an example points to what explains who shares and who receives, and
    // the grounds the source's answer names (when it disagrees, those are what to read up on).
    let mut items: Vec<(RuleKind, String)> = ["sender_role", "recipient_role", "request_from"]
        .into_iter()
        .filter_map(|f| rules.fact(f))
        .filter_map(|f| case.fact(f).map(|v| (RuleKind::Role, rules.value_id(f, v))))
        .collect();
    items.extend(s.expect.grounds.iter().chain(&s.expect.not_grounds).map(|g| (RuleKind::Ground, g.clone())));
    let (_, more) = articles_for(web.knowledge(), &items, lang, CASE_RELATED_MAX);
    for a in more {
        if rv.related.len() < CASE_RELATED_MAX && !rv.related.iter().any(|x| x.id == a.id) {
            rv.related.push(a);
        }
    }
    Ok(CasePage {
        title: s.title.clone(),
        c: Chrome::new(&user, &format!("/voorbeelden/{id}")),
        id: s.id.clone(),
        public: case.origin == Origin::Public,
        situation: s.situation.clone().unwrap_or_default(),
        facts: stated,
        assumed,
        weighing,
        grounds: rv.r.beroepsgeheim.grounds.iter().filter_map(ground).collect(),
        rv,
        expected: outcome_label(s.expect.outcome, lang.rules()),
        expected_class: grondslag_scenario::outcome_id(s.expect.outcome),
        expected_grounds: s.expect.grounds.iter().filter_map(ground).collect(),
        expected_not_grounds: s.expect.not_grounds.iter().filter_map(ground).collect(),
        expected_conditions: s
            .expect
            .conditions
            .iter()
            .filter_map(|c| rules.condition(c).map(|c| rules.conditions[c.ix()].label.get(lang.rules()).to_string()))
            .collect(),
        authority_sources: s.sources.iter().map(|u| authority_source(rules, u, lang)).collect(),
        agrees,
        can_open: may_deliberate(user.role),
    })
}

// --- open as a new deliberation ----------------------------------------------------------------

/// A deliberation without a client, pre-filled with the example's facts (each checked against
/// the rule set as an answer is), the scenario format's defaults for the facts the example leaves
/// out as far as the questions reach them, and the example's weighing with a reason that says
/// where it comes from. Every pre-filled answer is marked and can be changed.
pub fn deliberation_of(rules: &RuleSet, case: &Case, date: time::Date, lang: Lang) -> Result<Deliberation, WebError> {
    let mut state = Deliberation::new(None, date);
    let l = lang.rules();
    for (i, _) in rules.facts.iter().enumerate() {
        let fid = FactId(i as u16);
        if let Some(v) = case.fact(fid) {
            set_checked(rules, &mut state, fid, v, l)?;
        }
    }
    let reason = lang.tr_with("cases-reason-from-example", &[("title", case.scenario.title.clone().into())]);
    for (j, record) in &case.scenario.judgments.sets {
        let criteria =
            record.answers.iter().map(|a| Criterion { answer: *a, reasons: if a.is_some() { reason.clone() } else { String::new() } });
        state.set_judgment(rules, *j, criteria.collect());
    }
    // The example's answer rests on the format's defaults too (no danger, no objection …): fill in
    // those the questions ask for, so the professional starts from the example's answer, and
    // leave out the ones no question needs (they would only lengthen the list of answers).
    for _ in 0..rules.facts.len() {
        let ev = grondslag_app::deliberation::evaluate_plain(rules, &state)?;
        let Some(next) = ev.next else { break };
        let Some(default) = rules.facts[next.ix()].default else { break };
        if state.value(&rules.facts[next.ix()].id).is_some() {
            break;
        }
        set_checked(rules, &mut state, next, default, l)?;
    }
    state.history.clear();
    state.from_example = Some(Example { id: case.id().to_owned(), title: case.scenario.title.clone() });
    Ok(state)
}

/// Sets one pre-filled answer after checking its stored form against the rule set, as every
/// answer is checked ([`grondslag_app::deliberation::parse_answer`] parses the same way).
fn set_checked(
    rules: &RuleSet,
    state: &mut Deliberation,
    fact: FactId,
    v: grondslag_rules::Value,
    lang: grondslag_rules::Lang,
) -> Result<(), WebError> {
    let json = grondslag_app::deliberation::json_of(rules, fact, v);
    let raw = grondslag_app::deliberation::raw_of(&json).ok_or(WebError::Internal("case_fact_value"))?;
    rules.parse_value(fact, &raw).map_err(|e| WebError::Invalid(Msg::verbatim(e)))?;
    state.set(rules, fact, json, lang);
    state.prefilled.push(rules.facts[fact.ix()].id.clone());
    Ok(())
}

/// `POST /voorbeelden/{id}/beraad`: starts the deliberation and shows it.
pub async fn open<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<Response, WebError> {
    let case = web.cases().get(&id).ok_or_else(not_found)?;
    // As starting a deliberation without a client at /beraad (and logged the same way).
    web.guard(&user, Action::Evaluate).await?;
    let state = deliberation_of(web.rules(), case, crate::view::today(), user.lang)?;
    web.evaluate_draft(None, &state).await?;
    let draft = web.save_draft(&user, None, &state).await?;
    Ok(Redirect::to(&format!("/beraad/{draft}?antwoord=1")).into_response())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic)]
    use super::*;

    #[test]
    fn every_worked_example_is_listed_under_an_article_that_explains_its_answer() {
        let rules = grondslag_rules::load_embedded().unwrap_or_else(|e| panic!("{e:?}"));
        let kb = grondslag_knowledge::load_embedded(&rules).unwrap_or_else(|e| panic!("{e}"));
        let lib = Library::embedded(&rules);
        let day = crate::view::today();
        let index = examples_index(&rules, &lib, Some(&kb), day);
        let listed: std::collections::HashSet<usize> = index.values().flatten().copied().collect();
        let orphans: Vec<&str> = lib.cases().iter().enumerate().filter(|(i, _)| !listed.contains(i)).map(|(_, c)| c.id()).collect();
        assert!(orphans.is_empty(), "examples under no article: {orphans:?}");
        // And an article lists an example only when it explains something of it or its
        // maintainers chose it.
        for (article, ixs) in &index {
            let a = kb.article(article).unwrap_or_else(|| panic!("{article}"));
            for i in ixs {
                let case = &lib.cases()[*i];
                let facts = case.facts_with_defaults(&rules);
                let ev = evaluate(&rules, day, &facts, &case.scenario.judgments).unwrap_or_else(|e| panic!("{e:?}"));
                let rep = report(&rules, &ev, &facts, &case.scenario.judgments, Lang::Nl.rules());
                let items = explaining_items(&rules, case, &rep);
                let explains = a.related.iter().any(|r| items.iter().any(|(k, id)| *k == r.kind && *id == r.id));
                let chosen = a.examples.iter().any(|id| id == case.id());
                assert!(explains || chosen, "{article} lists {}", case.id());
            }
        }
        // The examples an article's maintainers chose exist and come first, in their order.
        for a in kb.articles() {
            for id in &a.examples {
                assert!(lib.get(id).is_some(), "{}: examples: no worked example '{id}'", a.id);
            }
            let listed: Vec<&str> = index.get(&a.id).map(|v| v.iter().map(|i| lib.cases()[*i].id()).collect()).unwrap_or_default();
            let chosen: Vec<&str> = a.examples.iter().map(String::as_str).collect();
            assert_eq!(listed.get(..chosen.len()), Some(chosen.as_slice()), "{}", a.id);
        }
        // Without a kennisbank there is nothing to list.
        assert!(examples_index(&rules, &lib, None, day).is_empty());
    }
}
