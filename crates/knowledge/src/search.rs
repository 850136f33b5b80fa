//! Full-text search over the articles: one tantivy index in RAM, built at load, with a Dutch
//! and an English analyser (lower case, accents folded, stop words removed, Snowball stemmer).
//!
//! Queries are not parsed as a query language: the text is run through the same analyser and
//! every remaining word is looked up in title, summary, keywords and body (title and keywords
//! weigh most). So any input is a valid query, and `"`, `:`, `(`, `AND`, `-` and the like have
//! no special meaning.

use std::ops::Range;

use grondslag_rules::Lang;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument, Term};
use time::Date;

use crate::Article;

/// Characters in a snippet (tantivy counts characters, not bytes).
const SNIPPET_CHARS: usize = 220;

/// How much a match in each field weighs.
const BOOST_TITLE: f32 = 3.0;
const BOOST_KEYWORDS: f32 = 2.5;
const BOOST_SUMMARY: f32 = 1.5;
const BOOST_BODY: f32 = 1.0;

/// A piece of a search result's text with the words that matched marked. No markup: the
/// front end renders `text` escaped and marks each range in `highlights` (byte offsets into
/// `text`, ascending, not overlapping, on character boundaries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

/// A run of snippet text, highlighted or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SnippetPart<'a> {
    pub text: &'a str,
    pub highlighted: bool,
}

impl Snippet {
    /// The snippet as alternating plain and highlighted runs, in order.
    pub fn parts(&self) -> Vec<SnippetPart<'_>> {
        let mut out = Vec::new();
        let mut at = 0;
        for r in &self.highlights {
            let (Some(before), Some(hit)) = (self.text.get(at..r.start), self.text.get(r.start..r.end)) else {
                continue;
            };
            if !before.is_empty() {
                out.push(SnippetPart { text: before, highlighted: false });
            }
            out.push(SnippetPart { text: hit, highlighted: true });
            at = r.end;
        }
        if let Some(rest) = self.text.get(at..)
            && !rest.is_empty()
        {
            out.push(SnippetPart { text: rest, highlighted: false });
        }
        out
    }
}

/// One article found.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub id: String,
    /// The title in the language searched.
    pub title: String,
    /// A piece of the body (or, when only the title or keywords matched, the summary).
    pub snippet: Snippet,
    /// Relevance (BM25 with field weights); only the order means something.
    pub score: f32,
}

#[derive(Clone, Copy)]
struct LangFields {
    title: Field,
    summary: Field,
    keywords: Field,
    body: Field,
}

pub(crate) struct SearchIndex {
    reader: IndexReader,
    index: Index,
    ord: Field,
    nl: LangFields,
    en: LangFields,
}

fn analyzer(lang: Language) -> TextAnalyzer {
    let stop = StopWordFilter::new(lang).unwrap_or_else(|| StopWordFilter::remove(Vec::new()));
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(stop)
        .filter(Stemmer::new(lang))
        .build()
}

fn text_options(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

impl SearchIndex {
    pub(crate) fn build(articles: &[Article]) -> tantivy::Result<SearchIndex> {
        let mut sb = Schema::builder();
        let ord = sb.add_u64_field("ord", NumericOptions::default().set_stored().set_fast());
        let mut fields = |suffix: &str, tokenizer: &str| LangFields {
            title: sb.add_text_field(&format!("title_{suffix}"), text_options(tokenizer)),
            summary: sb.add_text_field(&format!("summary_{suffix}"), text_options(tokenizer)),
            keywords: sb.add_text_field(&format!("keywords_{suffix}"), text_options(tokenizer)),
            body: sb.add_text_field(&format!("body_{suffix}"), text_options(tokenizer)),
        };
        let nl = fields("nl", "grondslag_nl");
        let en = fields("en", "grondslag_en");
        let schema = sb.build();
        let index = Index::create_in_ram(schema);
        index.tokenizers().register("grondslag_nl", analyzer(Language::Dutch));
        index.tokenizers().register("grondslag_en", analyzer(Language::English));

        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 15_000_000)?;
        for (i, a) in articles.iter().enumerate() {
            let mut doc = TantivyDocument::default();
            doc.add_u64(ord, i as u64);
            let keywords = a.keywords.join(" \n ");
            for (lang, f) in [(Lang::Nl, nl), (Lang::En, en)] {
                doc.add_text(f.title, a.title.get(lang));
                doc.add_text(f.summary, a.summary.get(lang));
                doc.add_text(f.keywords, &keywords);
                doc.add_text(f.body, a.plain.get(lang));
            }
            writer.add_document(doc)?;
        }
        writer.commit()?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(SearchIndex { reader, index, ord, nl, en })
    }

    fn fields(&self, lang: Lang) -> LangFields {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }

    /// The query's words after analysis (stemmed, without stop words), in order, without repeats.
    fn terms(&self, lang: Lang, query: &str) -> Vec<String> {
        let name = match lang {
            Lang::Nl => "grondslag_nl",
            Lang::En => "grondslag_en",
        };
        let Some(mut analyzer) = self.index.tokenizers().get(name) else { return Vec::new() };
        let mut stream = analyzer.token_stream(query);
        let mut out: Vec<String> = Vec::new();
        while let Some(tok) = stream.next() {
            if !out.contains(&tok.text) {
                out.push(tok.text.clone());
            }
        }
        out
    }

    pub(crate) fn search(&self, articles: &[Article], query: &str, lang: Lang, limit: usize, on: Option<Date>) -> Vec<SearchHit> {
        // There are never more hits than articles (and tantivy reserves room for `limit`).
        let limit = limit.min(articles.len());
        if limit == 0 {
            return Vec::new();
        }
        let terms = self.terms(lang, query);
        if terms.is_empty() {
            return Vec::new();
        }
        let f = self.fields(lang);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for t in &terms {
            for (field, boost) in [(f.title, BOOST_TITLE), (f.keywords, BOOST_KEYWORDS), (f.summary, BOOST_SUMMARY), (f.body, BOOST_BODY)] {
                let q = TermQuery::new(Term::from_field_text(field, t), IndexRecordOption::WithFreqs);
                clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost))));
            }
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        // Articles out of force are dropped after ranking; ask for all of them (the kennisbank is small).
        let want = if on.is_some() { articles.len() } else { limit };
        let Ok(top) = searcher.search(&query, &TopDocs::with_limit(want).order_by_score()) else { return Vec::new() };
        let body_gen = SnippetGenerator::create(&searcher, &query, f.body).ok().map(|mut g| {
            g.set_max_num_chars(SNIPPET_CHARS);
            g
        });
        let summary_gen = SnippetGenerator::create(&searcher, &query, f.summary).ok().map(|mut g| {
            g.set_max_num_chars(SNIPPET_CHARS);
            g
        });

        let mut hits: Vec<(f32, usize)> = Vec::new();
        for (score, address) in top {
            let Ok(doc) = searcher.doc::<TantivyDocument>(address) else { continue };
            let Some(ord) = doc.get_first(self.ord).and_then(|v| v.as_u64()) else { continue };
            let ix = ord as usize;
            let Some(a) = articles.get(ix) else { continue };
            if on.is_some_and(|d| !a.in_force(d)) {
                continue;
            }
            hits.push((score, ix));
        }
        // Ties in file order, so results are the same on every run.
        hits.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        hits.truncate(limit);
        hits.into_iter()
            .filter_map(|(score, ix)| {
                let a = articles.get(ix)?;
                let from = |g: &Option<SnippetGenerator>, text: &str| {
                    g.as_ref().map(|g| g.snippet(text)).filter(|s| !s.is_empty()).map(|s| {
                        // Blocks of the body are separated by newlines; a snippet reads as one
                        // line. Same byte length, so the highlight offsets stay valid.
                        Snippet { text: s.fragment().replace('\n', " "), highlights: s.highlighted().to_vec() }
                    })
                };
                let snippet = from(&body_gen, a.plain.get(lang))
                    .or_else(|| from(&summary_gen, a.summary.get(lang)))
                    .unwrap_or_else(|| Snippet { text: a.summary.get(lang).to_string(), highlights: Vec::new() });
                Some(SearchHit { id: a.id.clone(), title: a.title.get(lang).to_string(), snippet, score })
            })
            .collect()
    }
}
