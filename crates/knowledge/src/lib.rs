//! The kennisbank: articles in plain Dutch (with an English version) that explain the law behind
//! Grondslag's answers. Each article is a file `knowledge/<id>.md` that a legal maintainer
//! edits (format: `knowledge/README.md`). Loading is pure: [`load`] takes file names and
//! contents and a loaded [`RuleSet`]; it checks every source against the rule set's source
//! registry, every related rule-set item, every link between articles, the ids and the dates,
//! and reports *all* problems in Dutch with file and line. Only [`load_dir`] touches the file
//! system; [`load_embedded`] uses the articles compiled into the binary.
//!
//! A loaded [`KnowledgeBase`] answers three questions: which article has this id, which
//! articles explain this rule-set item ([`KnowledgeBase::explaining`]), and which articles match
//! this search ([`KnowledgeBase::search`], Dutch stemming, highlighted snippets).

mod parse;
mod search;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use grondslag_rules::{Lang, RuleSet, Source, Text};
use serde_saphyr::Spanned;
use time::Date;
use time::macros::format_description;

pub use parse::EN_MARKER;
pub use search::{SearchHit, Snippet, SnippetPart};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// One problem in one article file, and every problem found while loading: the rules crate's
/// error types, so that articles and rule files report alike (file, line, Dutch message).
pub use grondslag_rules::{RuleError as KnowledgeError, RuleErrors as KnowledgeErrors};

/// The kinds of rule-set items an article can explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleKind {
    Fact,
    Role,
    Route,
    Notice,
    Condition,
    Ground,
    Judgment,
}

impl RuleKind {
    pub const ALL: [RuleKind; 7] =
        [RuleKind::Fact, RuleKind::Role, RuleKind::Route, RuleKind::Notice, RuleKind::Condition, RuleKind::Ground, RuleKind::Judgment];

    /// The key under `related:` in the front matter.
    pub fn key(self) -> &'static str {
        match self {
            RuleKind::Fact => "facts",
            RuleKind::Role => "roles",
            RuleKind::Route => "routes",
            RuleKind::Notice => "notices",
            RuleKind::Condition => "conditions",
            RuleKind::Ground => "grounds",
            RuleKind::Judgment => "judgments",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            RuleKind::Fact => "feit",
            RuleKind::Role => "rol",
            RuleKind::Route => "route",
            RuleKind::Notice => "melding",
            RuleKind::Condition => "voorwaarde",
            RuleKind::Ground => "grond",
            RuleKind::Judgment => "afweging",
        }
    }

    /// Every id of this kind in the rule set.
    pub fn ids(self, rules: &RuleSet) -> Vec<&str> {
        match self {
            RuleKind::Fact => rules.facts.iter().map(|x| x.id.as_str()).collect(),
            RuleKind::Role => rules.roles.iter().map(|x| x.id.as_str()).collect(),
            RuleKind::Route => rules.routes.iter().map(|x| x.id.as_str()).collect(),
            RuleKind::Notice => rules.notices.iter().map(|x| x.id.as_str()).collect(),
            RuleKind::Condition => rules.conditions.iter().map(|x| x.id.as_str()).collect(),
            RuleKind::Ground => rules.grounds.iter().map(|x| x.id.as_str()).collect(),
            RuleKind::Judgment => rules.judgments.iter().map(|x| x.id.as_str()).collect(),
        }
    }
}

/// A rule-set item by kind and id, e.g. the route `meldrecht.veilig-thuis`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleRef {
    pub kind: RuleKind,
    pub id: String,
}

/// One article, checked.
#[derive(Debug, Clone)]
pub struct Article {
    /// Kebab-case; equals the file name without `.md`.
    pub id: String,
    /// The file it came from (`<id>.md`).
    pub file: String,
    pub title: Text,
    pub summary: Text,
    /// Ids in the rule set's source registry. Show them by publisher and title
    /// ([`Article::sources_in`]), never by id.
    pub sources: Vec<String>,
    /// The rule-set items this article explains.
    pub related: Vec<RuleRef>,
    /// Other articles, by id.
    pub see_also: Vec<String>,
    /// Extra search terms (both languages).
    pub keywords: Vec<String>,
    /// Worked examples (scenario ids) chosen to be shown first under the article. This crate
    /// does not know the case library; the web application's tests check that each exists.
    pub examples: Vec<String>,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
    /// The body as Markdown, maintainers' comments removed. Links between articles are
    /// `[tekst](artikel-id)`; render it escaped.
    pub body: Text,
    /// The body as plain text (what search and snippets read).
    pub plain: Text,
    /// Article ids the body links to (both languages, in order, without repeats).
    pub links: Vec<String>,
}

impl Article {
    /// Whether the article describes the law in force on `date`.
    pub fn in_force(&self, date: Date) -> bool {
        self.valid_from <= date && self.valid_to.is_none_or(|to| date < to)
    }

    /// The article's sources as registered in `rules` (in the article's order).
    pub fn sources_in<'r>(&self, rules: &'r RuleSet) -> Vec<&'r Source> {
        self.sources.iter().filter_map(|id| rules.sources.iter().find(|s| s.id == *id)).collect()
    }
}

/// The loaded kennisbank: articles, the reverse index from rule-set items to articles, and the
/// in-memory search index.
pub struct KnowledgeBase {
    articles: Vec<Article>,
    by_id: HashMap<String, usize>,
    explaining: BTreeMap<RuleRef, Vec<usize>>,
    search: search::SearchIndex,
}

impl fmt::Debug for KnowledgeBase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KnowledgeBase").field("articles", &self.articles.len()).finish_non_exhaustive()
    }
}

impl KnowledgeBase {
    /// Every article, in file-name order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.by_id.get(id).map(|i| &self.articles[*i])
    }

    /// The articles that explain a rule-set item (empty when none does), in file-name order.
    pub fn explaining(&self, kind: RuleKind, id: &str) -> Vec<&Article> {
        self.explaining
            .get(&RuleRef { kind, id: id.to_string() })
            .map(|ixs| ixs.iter().map(|i| &self.articles[*i]).collect())
            .unwrap_or_default()
    }

    /// The articles that explain any of `items` (say, the routes, notices and conditions of one
    /// answer), those explaining the most of them first, then in file-name order; each once.
    pub fn explaining_any<'a>(&self, items: impl IntoIterator<Item = (RuleKind, &'a str)>) -> Vec<&Article> {
        let mut count: BTreeMap<usize, usize> = BTreeMap::new();
        let mut seen: HashSet<(RuleKind, &str)> = HashSet::new();
        for (kind, id) in items {
            if !seen.insert((kind, id)) {
                continue;
            }
            if let Some(ixs) = self.explaining.get(&RuleRef { kind, id: id.to_string() }) {
                for i in ixs {
                    *count.entry(*i).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, usize)> = count.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.into_iter().map(|(i, _)| &self.articles[i]).collect()
    }

    /// Every rule-set item that at least one article explains, with those articles.
    pub fn explained(&self) -> impl Iterator<Item = (&RuleRef, Vec<&Article>)> {
        self.explaining.iter().map(|(r, ixs)| (r, ixs.iter().map(|i| &self.articles[*i]).collect()))
    }

    /// The articles whose body or `see_also` points at `id`.
    pub fn linking_to(&self, id: &str) -> Vec<&Article> {
        self.articles.iter().filter(|a| a.id != id && (a.links.iter().any(|l| l == id) || a.see_also.iter().any(|l| l == id))).collect()
    }

    /// Full-text search in one language: at most `limit` articles, best first, each with a
    /// snippet whose matching words are marked. Any text is a valid query: operators and special
    /// characters carry no meaning, and a query of only stop words finds nothing.
    pub fn search(&self, query: &str, lang: Lang, limit: usize) -> Vec<SearchHit> {
        self.search.search(&self.articles, query, lang, limit, None)
    }

    /// As [`KnowledgeBase::search`], but only articles in force on `date`.
    pub fn search_on(&self, query: &str, lang: Lang, limit: usize, date: Date) -> Vec<SearchHit> {
        self.search.search(&self.articles, query, lang, limit, Some(date))
    }
}

/// The articles compiled into this binary: `(file name, content)`.
pub fn embedded() -> &'static [(&'static str, &'static str)] {
    embedded::EMBEDDED
}

/// Loads the articles compiled into the binary and checks them against `rules`.
pub fn load_embedded(rules: &RuleSet) -> Result<KnowledgeBase, KnowledgeErrors> {
    load(embedded::EMBEDDED.iter().map(|(p, c)| (p.to_string(), c.to_string())).collect(), rules)
}

/// Reads every `*.md` in `dir` except `README.md` (not in subdirectories) and loads it.
pub fn load_dir(dir: &Path, rules: &RuleSet) -> Result<KnowledgeBase, KnowledgeErrors> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        KnowledgeErrors(vec![KnowledgeError { file: dir.display().to_string(), line: None, message: format!("kan map niet lezen: {e}") }])
    })?;
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !path.is_file() || !name.ends_with(".md") || name == "README.md" {
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(c) => files.push((name, c)),
            Err(e) => errors.push(KnowledgeError { file: name, line: None, message: format!("kan bestand niet lezen: {e}") }),
        }
    }
    if !errors.is_empty() {
        return Err(KnowledgeErrors(errors));
    }
    load(files, rules)
}

/// Loads the kennisbank from `(file name, content)` pairs and checks it against `rules`.
/// Pure: no file system access. Returns every problem found, never panics.
pub fn load(mut files: Vec<(String, String)>, rules: &RuleSet) -> Result<KnowledgeBase, KnowledgeErrors> {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut errors = Vec::new();
    if files.is_empty() {
        errors.push(KnowledgeError { file: "knowledge/".into(), line: None, message: "geen artikelen (*.md) gevonden".into() });
    }
    let mut parsed = Vec::new();
    // Files whose front matter cannot be read still count as existing articles (by file name),
    // so links to them do not add a second, misleading error elsewhere.
    let mut unreadable = Vec::new();
    for (file, content) in &files {
        if !file.ends_with(".md") || file.contains('/') || file.contains('\\') {
            errors.push(parse::err(file, None, "een artikel is een bestand '<id>.md' direct in de map knowledge/"));
            continue;
        }
        match parse::parse_file(file, content) {
            Ok(p) => parsed.push((file.clone(), p)),
            Err(mut e) => {
                errors.append(&mut e);
                unreadable.push(file.clone());
            }
        }
    }
    let articles = validate(&parsed, &unreadable, rules, &mut errors);
    if !errors.is_empty() {
        return Err(KnowledgeErrors(errors));
    }
    let by_id: HashMap<String, usize> = articles.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
    let mut explaining: BTreeMap<RuleRef, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        for r in &a.related {
            explaining.entry(r.clone()).or_default().push(i);
        }
    }
    let search = search::SearchIndex::build(&articles).map_err(|e| {
        KnowledgeErrors(vec![KnowledgeError {
            file: "zoekindex".into(),
            line: None,
            message: format!("kan de zoekindex niet bouwen: {e}"),
        }])
    })?;
    Ok(KnowledgeBase { articles, by_id, explaining, search })
}

fn line_of<T>(s: &Spanned<T>, front_line: u64) -> Option<u64> {
    let l = s.referenced.line();
    (l > 0).then_some(l + front_line - 1)
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty() && id.split('-').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}

fn parse_date(s: &str) -> Option<Date> {
    Date::parse(s, &format_description!("[year]-[month]-[day]")).ok()
}

/// Names maintainers use that a reader must never see: registry and rule-set ids with a
/// hyphen, underscore or dot (plain words such as `consent` are left alone).
fn internal_names(rules: &RuleSet) -> Vec<String> {
    let mut names: Vec<String> = rules.sources.iter().map(|s| s.id.clone()).collect();
    for kind in RuleKind::ALL {
        names.extend(kind.ids(rules).into_iter().map(str::to_string));
    }
    names.retain(|n| n.contains(['-', '_', '.']));
    names.sort();
    names.dedup();
    names
}

fn validate(
    parsed: &[(String, parse::ParsedFile)],
    unreadable: &[String],
    rules: &RuleSet,
    errors: &mut Vec<KnowledgeError>,
) -> Vec<Article> {
    let source_ids: HashSet<&str> = rules.sources.iter().map(|s| s.id.as_str()).collect();
    let rule_ids: HashMap<RuleKind, HashSet<&str>> = RuleKind::ALL.iter().map(|k| (*k, k.ids(rules).into_iter().collect())).collect();
    let internal = internal_names(rules);

    // Ids first, so links can be checked against every article.
    let mut known: HashMap<String, String> = HashMap::new(); // id -> file
    for file in unreadable {
        known.insert(file.strip_suffix(".md").unwrap_or(file).to_string(), file.clone());
    }
    for (file, p) in parsed {
        if let Some(id) = &p.front.id {
            let line = line_of(id, p.front_line);
            if let Some(other) = known.get(&id.value) {
                errors.push(parse::err(file, line, format!("id '{}' komt ook voor in {other}; elk artikel heeft een eigen id", id.value)));
            } else {
                known.insert(id.value.clone(), file.clone());
            }
        }
    }

    let mut articles = Vec::new();
    for (file, p) in parsed {
        let before = errors.len();
        let f = &p.front;
        let fl = p.front_line;
        let missing = |errors: &mut Vec<KnowledgeError>, field: &str| {
            errors.push(parse::err(file, Some(fl), format!("verplicht veld '{field}' ontbreekt in de kop")));
        };
        let stem = file.strip_suffix(".md").unwrap_or(file);
        let id = match &f.id {
            Some(id) => {
                let line = line_of(id, fl);
                if !is_kebab(&id.value) {
                    errors.push(parse::err(
                        file,
                        line,
                        format!(
                            "id '{}' is geen kebab-case (kleine letters, cijfers en liggende streepjes, zoals 'overleden-clienten')",
                            id.value
                        ),
                    ));
                }
                if id.value != stem {
                    errors.push(parse::err(file, line, format!("id '{}' moet gelijk zijn aan de bestandsnaam ('{stem}')", id.value)));
                }
                id.value.clone()
            }
            None => {
                missing(errors, "id");
                String::new()
            }
        };
        let text = |errors: &mut Vec<KnowledgeError>, field: &str, t: &Option<Spanned<parse::TextSpec>>| -> Text {
            match t {
                None => {
                    missing(errors, field);
                    Text::new("", "")
                }
                Some(t) => {
                    let line = line_of(t, fl);
                    let nl = t.value.nl.as_deref().unwrap_or("").trim().to_string();
                    let en = t.value.en.as_deref().unwrap_or("").trim().to_string();
                    if nl.is_empty() {
                        errors.push(parse::err(file, line, format!("'{field}': de Nederlandse tekst (nl) ontbreekt")));
                    }
                    if en.is_empty() {
                        errors.push(parse::err(file, line, format!("'{field}': de Engelse tekst (en) ontbreekt")));
                    }
                    Text::new(nl, en)
                }
            }
        };
        let title = text(errors, "title", &f.title);
        let summary = text(errors, "summary", &f.summary);

        let mut sources = Vec::new();
        match &f.sources {
            None => missing(errors, "sources"),
            Some(list) if list.is_empty() => {
                errors.push(parse::err(file, Some(fl), "'sources' is leeg; elk artikel noemt minstens één bron uit het bronnenregister"))
            }
            Some(list) => {
                for s in list {
                    if !source_ids.contains(s.value.as_str()) {
                        errors.push(parse::err(
                            file,
                            line_of(s, fl),
                            format!("onbekende bron '{}'; elke bron moet in het bronnenregister (rules/sources.yaml) staan", s.value),
                        ));
                    } else if sources.contains(&s.value) {
                        errors.push(parse::err(file, line_of(s, fl), format!("bron '{}' staat er twee keer", s.value)));
                    } else {
                        sources.push(s.value.clone());
                    }
                }
            }
        }

        let mut related = Vec::new();
        let r = &f.related;
        for (kind, list) in [
            (RuleKind::Fact, &r.facts),
            (RuleKind::Role, &r.roles),
            (RuleKind::Route, &r.routes),
            (RuleKind::Notice, &r.notices),
            (RuleKind::Condition, &r.conditions),
            (RuleKind::Ground, &r.grounds),
            (RuleKind::Judgment, &r.judgments),
        ] {
            for item in list {
                let ok = rule_ids.get(&kind).is_some_and(|ids| ids.contains(item.value.as_str()));
                if !ok {
                    errors.push(parse::err(
                        file,
                        line_of(item, fl),
                        format!("related.{}: onbekende {} '{}' in de regelset", kind.key(), kind.noun(), item.value),
                    ));
                    continue;
                }
                let rr = RuleRef { kind, id: item.value.clone() };
                if related.contains(&rr) {
                    errors.push(parse::err(
                        file,
                        line_of(item, fl),
                        format!("related.{}: '{}' staat er twee keer", kind.key(), item.value),
                    ));
                } else {
                    related.push(rr);
                }
            }
        }

        let mut see_also = Vec::new();
        for s in &f.see_also {
            if !known.contains_key(&s.value) {
                errors.push(parse::err(file, line_of(s, fl), format!("see_also: onbekend artikel '{}'", s.value)));
            } else if s.value == id {
                errors.push(parse::err(file, line_of(s, fl), "see_also: een artikel verwijst niet naar zichzelf"));
            } else if !see_also.contains(&s.value) {
                see_also.push(s.value.clone());
            }
        }

        let valid_from = match &f.valid_from {
            None => {
                missing(errors, "valid_from");
                None
            }
            Some(d) => {
                let parsed = parse_date(&d.value);
                if parsed.is_none() {
                    errors.push(parse::err(
                        file,
                        line_of(d, fl),
                        format!("ongeldige datum '{}' bij valid_from; schrijf JJJJ-MM-DD", d.value),
                    ));
                }
                parsed
            }
        };
        let valid_to = match &f.valid_to {
            None => None,
            Some(d) => {
                let parsed = parse_date(&d.value);
                match (parsed, valid_from) {
                    (None, _) => errors.push(parse::err(
                        file,
                        line_of(d, fl),
                        format!("ongeldige datum '{}' bij valid_to; schrijf JJJJ-MM-DD", d.value),
                    )),
                    (Some(to), Some(from)) if to <= from => {
                        errors.push(parse::err(file, line_of(d, fl), format!("valid_to ({}) ligt niet na valid_from", d.value)))
                    }
                    _ => {}
                }
                parsed
            }
        };

        let mut keywords = Vec::new();
        for k in &f.keywords {
            let k = k.trim();
            if k.is_empty() {
                errors.push(parse::err(file, Some(fl), "keywords: een leeg trefwoord"));
            } else {
                keywords.push(k.to_string());
            }
        }

        let mut examples: Vec<String> = Vec::new();
        for e in &f.examples {
            let id = e.value.trim();
            if !is_kebab(id) {
                errors.push(parse::err(
                    file,
                    line_of(e, fl),
                    format!("examples: '{id}' is geen id van een voorbeeld (kleine letters, cijfers en streepjes)"),
                ));
            } else if !examples.iter().any(|x| x == id) {
                examples.push(id.to_string());
            }
        }

        // Bodies: links resolve to articles; no internal names.
        let mut links = Vec::new();
        for body in [&p.nl, &p.en] {
            for l in &body.links {
                let t = l.target.as_str();
                if t.contains("://") || t.starts_with("mailto:") || t.starts_with("www.") {
                    errors.push(parse::err(
                        file,
                        Some(l.line),
                        format!("externe link '{t}' in de tekst; noem de bron in 'sources' (het bronnenregister geeft het adres)"),
                    ));
                } else if !known.contains_key(t) {
                    errors.push(parse::err(file, Some(l.line), format!("link naar onbekend artikel '{t}'; schrijf [tekst](artikel-id)")));
                } else if !links.iter().any(|x: &String| x == t) {
                    links.push(t.to_string());
                }
            }
            for name in &internal {
                if known.contains_key(name) {
                    continue; // an article id may appear as a link target
                }
                if let Some(at) = parse::find_word(&body.markdown, name) {
                    errors.push(parse::err(
                        file,
                        Some(parse::body_line(body, at.start)),
                        format!("interne naam '{name}' in de tekst; lezers zien nooit ids: noem een bron bij uitgever en titel, een regel in gewone woorden"),
                    ));
                }
            }
        }
        for text in [&title, &summary] {
            for name in &internal {
                for s in [&text.nl, &text.en] {
                    if parse::find_word(s, name).is_some() {
                        errors.push(parse::err(file, Some(fl), format!("interne naam '{name}' in titel of samenvatting")));
                    }
                }
            }
        }

        if errors.len() == before
            && let Some(valid_from) = valid_from
        {
            articles.push(Article {
                id,
                file: file.clone(),
                title,
                summary,
                sources,
                related,
                see_also,
                keywords,
                examples,
                valid_from,
                valid_to,
                body: Text::new(p.nl.markdown.trim(), p.en.markdown.trim()),
                plain: Text::new(p.nl.plain.clone(), p.en.plain.clone()),
                links,
            });
        }
    }
    articles
}
