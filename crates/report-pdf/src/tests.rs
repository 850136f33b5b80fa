//! Both reports on synthetic data with every part filled in (so every branch of the templates
//! runs), in Dutch and English: PDF/A-2b identification, embedded fonts, no markup injection.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use crate::sample::*;

/// The PDF/A identification in the XMP metadata, the embedded fonts and the title.
pub(crate) fn assert_pdf_a(pdf: &[u8]) {
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let text = String::from_utf8_lossy(pdf);
    let part = text.contains("<pdfaid:part>2</pdfaid:part>") || text.contains("pdfaid:part=\"2\"");
    let conformance = text.contains("<pdfaid:conformance>B</pdfaid:conformance>") || text.contains("pdfaid:conformance=\"B\"");
    assert!(part && conformance, "no PDF/A-2b identification in the XMP metadata");
    assert!(text.contains("/FontFile"), "fonts are not embedded");
    assert!(text.contains("/StructTreeRoot"), "not tagged");
    assert!(text.contains("<dc:language>") || text.contains("dc:language"), "no document language");
}

#[test]
fn a_deliberation_report_is_pdf_a_2b_in_both_languages() {
    let r = report().unwrap();
    for lang in [Lang::Nl, Lang::En] {
        let pdf = deliberation(&deliberation_doc(&r), lang, at()).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        assert_pdf_a(&pdf);
    }
}

#[test]
fn a_deliberation_without_decision_and_with_a_broken_dossier_renders() {
    let r = report().unwrap();
    let mut doc = deliberation_doc(&r);
    doc.decision = None;
    doc.verification = Verification { ok: false, checkpoint_size: None, problems: vec!["De keten is verbroken bij regel 2.".into()] };
    assert_pdf_a(&deliberation(&doc, Lang::Nl, at()).unwrap());
}

#[test]
fn a_trajectory_report_is_pdf_a_2b_in_both_languages() {
    let doc = trajectory_doc();
    for lang in [Lang::Nl, Lang::En] {
        let pdf = trajectory(&doc, lang, at()).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        assert_pdf_a(&pdf);
    }
}

#[test]
fn an_empty_trajectory_renders() {
    let mut doc = trajectory_doc();
    doc.incomplete = None;
    doc.acute = None;
    doc.norm = None;
    doc.signals.clear();
    doc.requests.clear();
    doc.consultations.clear();
    doc.conversations.clear();
    doc.earlier_rounds.clear();
    doc.replaced.clear();
    doc.notices.clear();
    doc.decisions.clear();
    doc.reports.clear();
    doc.feedback.clear();
    doc.acute_history.clear();
    doc.closures.clear();
    doc.reopenings.clear();
    doc.weighing_sources.clear();
    assert_pdf_a(&trajectory(&doc, Lang::Nl, at()).unwrap());
}

#[test]
fn every_word_of_the_templates_is_in_the_catalogue_in_both_languages() {
    let ids = regex_free_ids(&[COMMON, DELIBERATION, TRAJECTORY]);
    for id in &ids {
        assert!(labels::IDS.contains(&id.as_str()), "{id} is used by a template but not in labels::IDS");
    }
    for id in labels::IDS {
        assert!(ids.contains(&(*id).to_owned()), "{id} is in labels::IDS but no template uses it");
        for lang in [Lang::Nl, Lang::En] {
            assert!(grondslag_i18n::tr_id(lang, id).is_some(), "{id} missing in {lang:?}");
        }
    }
}

/// The ids in `t("…")` and `tr(d, "…")` calls.
fn regex_free_ids(sources: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sources {
        for start in ["t(\"", "tr(d, \""] {
            for (i, _) in s.match_indices(start) {
                let rest = &s[i + start.len()..];
                if let Some(end) = rest.find('"') {
                    let id = rest[..end].to_owned();
                    if !out.contains(&id) {
                        out.push(id);
                    }
                }
            }
        }
    }
    out
}

/// `GRONDSLAG_PDF_OUT=DIR cargo test -p grondslag-report-pdf` writes the sample reports there,
/// to look at them.
#[test]
fn samples_are_written_on_request() {
    let Some(dir) = std::env::var_os("GRONDSLAG_PDF_OUT") else { return };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let r = report().unwrap();
    std::fs::write(dir.join("beraad.pdf"), deliberation(&deliberation_doc(&r), Lang::Nl, at()).unwrap()).unwrap();
    std::fs::write(dir.join("meldcode.pdf"), trajectory(&trajectory_doc(), Lang::Nl, at()).unwrap()).unwrap();
    std::fs::write(dir.join("meldcode-en.pdf"), trajectory(&trajectory_doc(), Lang::En, at()).unwrap()).unwrap();
}
