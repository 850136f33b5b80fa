//! Criterion benchmarks for the kennisbank (issue: "full-text search in Dutch ... under 50 ms").
//!
//! - `knowledge/load_embedded`: parse and check every embedded article against the rule set and
//!   build the in-memory search index (what a server does once at start-up).
//! - `search/<query>`: one search of the full set, top 10, with snippets, for a few realistic
//!   Dutch queries (one word, several words, a phrase with stop words, no match).
//!
//! Run: `cargo bench -p grondslag-knowledge --bench search`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use grondslag_rules::Lang;

fn benches(c: &mut Criterion) {
    let rules = grondslag_rules::load_embedded().unwrap();
    c.bench_function("knowledge/load_embedded", |b| b.iter(|| black_box(grondslag_knowledge::load_embedded(&rules).unwrap())));

    let kb = grondslag_knowledge::load_embedded(&rules).unwrap();
    let mut group = c.benchmark_group("search");
    for (name, query) in [
        ("one_word", "WhatsApp"),
        ("three_words", "Raad voor de Kinderbescherming"),
        ("question", "mag ik als wijkverpleegkundige de politie vertellen dat een overleden cliënt bij mij in zorg was"),
        ("no_match", "xyzzy"),
    ] {
        group.bench_function(name, |b| b.iter(|| black_box(kb.search(black_box(query), Lang::Nl, 10))));
    }
    group.finish();
}

criterion_group!(search, benches);
criterion_main!(search);
