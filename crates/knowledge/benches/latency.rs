//! Search latency as a distribution (issue 11: "search latency (p50/p99 over a set of queries)").
//!
//! The query set is built from the kennisbank itself, so it grows with it: every article title
//! (Dutch and English), every title word of four letters or more on its own, and a few questions
//! as professionals type them. Each query runs `ROUNDS` times (top 20 with snippets, as the web
//! page asks); the program prints p50, p90, p99 and the maximum over all runs.
//!
//! Run: `cargo bench -p grondslag-knowledge --bench latency`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use grondslag_rules::Lang;

const ROUNDS: usize = 20;

fn main() {
    let rules = grondslag_rules::load_embedded().unwrap();
    let kb = grondslag_knowledge::load_embedded(&rules).unwrap();
    let mut queries: Vec<(Lang, String)> = Vec::new();
    for a in kb.articles() {
        for lang in [Lang::Nl, Lang::En] {
            let title = a.title.get(lang).to_owned();
            for w in title.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 4) {
                queries.push((lang, w.to_owned()));
            }
            queries.push((lang, title));
        }
    }
    for q in [
        "mag ik als wijkverpleegkundige de politie vertellen dat een overleden cliënt bij mij in zorg was",
        "casusoverleg wijkteam gezin zonder toestemming",
        "WhatsApp foto's van een wond naar de huisarts sturen",
        "de Raad voor de Kinderbescherming vraagt om informatie over een kind van 14",
    ] {
        queries.push((Lang::Nl, q.to_owned()));
    }
    let mut times: Vec<Duration> = Vec::with_capacity(queries.len() * ROUNDS);
    for _ in 0..ROUNDS {
        for (lang, q) in &queries {
            let t = Instant::now();
            black_box(kb.search(black_box(q), *lang, 20));
            times.push(t.elapsed());
        }
    }
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p).ceil() as usize).saturating_sub(1).min(times.len() - 1)];
    println!(
        "kennisbank search latency: {} queries x {ROUNDS} rounds = {} searches; p50 {:?}, p90 {:?}, p99 {:?}, max {:?}",
        queries.len(),
        times.len(),
        at(0.50),
        at(0.90),
        at(0.99),
        times[times.len() - 1]
    );
}
