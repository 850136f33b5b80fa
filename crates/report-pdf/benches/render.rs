//! How long a PDF report takes: the first one in a process (parsing the embedded fonts and the
//! templates, then typesetting) and then steady state, for both documents, on the synthetic data
//! of `grondslag_report_pdf::sample`.
//!
//! `cargo bench -p grondslag-report-pdf`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use criterion::Criterion;
use grondslag_report_pdf::{deliberation, sample, trajectory};
use grondslag_rules::Lang;

fn main() {
    let report = sample::report().unwrap();
    let doc = sample::deliberation_doc(&report);
    let first = Instant::now();
    let bytes = deliberation(&doc, Lang::Nl, sample::at()).unwrap();
    println!("first render (fonts + templates + deliberation report, {} bytes): {:.1?}", bytes.len(), first.elapsed());
    let traj = sample::trajectory_doc();
    let first = Instant::now();
    let bytes = trajectory(&traj, Lang::Nl, sample::at()).unwrap();
    println!("first trajectory report ({} bytes): {:.1?}", bytes.len(), first.elapsed());

    let mut c = Criterion::default().sample_size(20).configure_from_args();
    c.bench_function("deliberation report (steady state)", |b| b.iter(|| deliberation(black_box(&doc), Lang::Nl, sample::at()).unwrap()));
    c.bench_function("meldcode trajectory report (steady state)", |b| {
        b.iter(|| trajectory(black_box(&traj), Lang::Nl, sample::at()).unwrap())
    });
    c.final_summary();
}
