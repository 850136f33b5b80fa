//! The answer in plain text for the terminal: both layers, conditions, the professional's
//! own weighing (quoted as theirs), what would change the answer, what to record, sources.

use std::fmt::Write as _;

use grondslag_engine::{Report, source_line};
use grondslag_rules::{Lang, Outcome};

fn cites(sources: &[String]) -> String {
    if sources.is_empty() { String::new() } else { format!("  [{}]", sources.join("; ")) }
}

/// Renders the whole answer. `revisions` lists answers the professional changed on the way.
pub fn answer(r: &Report, lang: Lang, revisions: &[String]) -> String {
    let mut o = String::new();
    let h = |o: &mut String, title: &str| {
        let _ = writeln!(o, "\n{title}\n{}", "-".repeat(title.chars().count()));
    };
    let _ = writeln!(o, "{}\n{}", r.outcome_label.to_uppercase(), "=".repeat(r.outcome_label.chars().count()));
    let _ = writeln!(o, "{}", r.summary);

    if r.outcome == Outcome::Undetermined && !r.questions.is_empty() {
        h(&mut o, grondslag_i18n::tr(lang, "cli-render-still-open"));
        for q in &r.questions {
            let _ = writeln!(o, "? {}{}", q.text, cites(&q.sources));
        }
    }
    if r.outcome != Outcome::Undetermined {
        h(&mut o, grondslag_i18n::tr(lang, "cli-render-layer-1-professional-secrecy"));
        let _ = writeln!(o, "{}: {}", grondslag_i18n::tr(lang, "cli-render-your-confidentiality"), r.beroepsgeheim.regime_label);
        if r.beroepsgeheim.grounds.is_empty() && r.outcome == Outcome::MayNotShare {
            let _ = writeln!(o, "• {}", grondslag_i18n::tr(lang, "cli-render-no-ground-found-to-share"));
        }
        for i in &r.beroepsgeheim.explanation {
            let _ = writeln!(o, "• {}{}", i.text, cites(&i.sources));
        }
        h(&mut o, grondslag_i18n::tr(lang, "cli-render-layer-2-gdpr"));
        if r.avg.bases.is_empty() {
            let _ = writeln!(o, "• {}", grondslag_i18n::tr(lang, "cli-render-no-gdpr-basis-without-a"));
        }
        for i in r.avg.bases.iter().chain(&r.avg.explanation) {
            let _ = writeln!(o, "• {}{}", i.text, cites(&i.sources));
        }
    }

    if !r.conditions.is_empty() {
        h(&mut o, grondslag_i18n::tr(lang, "cli-render-conditions"));
        for i in &r.conditions {
            let _ = writeln!(o, "• {}{}", i.text, cites(&i.sources));
        }
    }
    for j in &r.required_judgments {
        h(&mut o, &format!("{} — {}", grondslag_i18n::tr(lang, "cli-render-your-weighing-still-to-be"), j.title));
        let _ = writeln!(o, "{}", j.intro);
        for (n, c) in j.criteria.iter().enumerate() {
            let _ = writeln!(o, "  {}. {}", n + 1, c.label);
        }
        let _ = writeln!(o, "{}", cites(&j.sources).trim());
    }
    for j in &r.recorded_judgments {
        h(&mut o, &format!("{} — {}", grondslag_i18n::tr(lang, "cli-render-your-own-weighing"), j.title));
        for a in &j.answers {
            let ans = grondslag_i18n::tr(
                lang,
                match a.answer {
                    Some(true) => "common-yes",
                    Some(false) => "common-no",
                    None => "cli-render-not-answered",
                },
            );
            let _ = writeln!(o, "• {} — {}: {ans}", a.text, grondslag_i18n::tr(lang, "cli-render-your-judgment"));
            if let Some(reason) = &a.reasons {
                let _ = writeln!(o, "    {}: \"{reason}\"", grondslag_i18n::tr(lang, "cli-render-your-reasons"));
            }
        }
    }
    if !r.counterfactuals.is_empty() {
        h(&mut o, grondslag_i18n::tr(lang, "cli-render-what-would-change-the-answer"));
        for i in &r.counterfactuals {
            let _ = writeln!(o, "• {}{}", i.text, cites(&i.sources));
        }
    }
    if !r.notices.is_empty() {
        h(&mut o, grondslag_i18n::tr(lang, "cli-render-note"));
        for n in &r.notices {
            let mark = if n.uncertain { grondslag_i18n::tr(lang, "cli-render-uncertain") } else { "" };
            let _ = writeln!(o, "• {mark}{}{}", n.text, cites(&n.sources));
        }
    }
    if !r.record_in_dossier.is_empty() {
        h(&mut o, grondslag_i18n::tr(lang, "cli-render-record-in-the-dossier"));
        for i in &r.record_in_dossier {
            let _ = writeln!(o, "• {}", i.text);
        }
    }
    if !revisions.is_empty() {
        h(&mut o, grondslag_i18n::tr(lang, "cli-render-revised-answers"));
        for rev in revisions {
            let _ = writeln!(o, "• {rev}");
        }
    }
    h(&mut o, grondslag_i18n::tr(lang, "cli-render-your-answers"));
    for f in &r.facts {
        let _ = writeln!(o, "• {}: {}", f.label, f.value_label);
    }
    h(&mut o, grondslag_i18n::tr(lang, "cli-render-sources"));
    // Each source by publisher and title, with its status; the maintainers' notes stay in the
    // rule files.
    for s in &r.sources {
        let _ = writeln!(o, "• {}", source_line(s, lang));
        let _ = writeln!(o, "  {}", s.url);
    }
    let _ = writeln!(
        o,
        "\n{} {} {} (sha256 {}), engine {}, {} {}",
        grondslag_i18n::tr(lang, "cli-render-rule-set"),
        r.ruleset.name,
        r.ruleset.version,
        r.ruleset.hash,
        r.engine_version,
        grondslag_i18n::tr(lang, "cli-render-law-as-of"),
        r.date
    );
    o
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use grondslag_engine::{Facts, Judgments, SourceOut, evaluate, report};
    use grondslag_rules::{Lang, SourceStatus, load_embedded};

    use super::answer;

    /// The terminal answer lists every source of the rule set (all put into one report) by
    /// publisher and title with its address and status, and shows no working document and no
    /// maintainers' note.
    #[test]
    fn the_answer_names_every_source_by_publisher_and_title_without_notes() {
        let rules = load_embedded().unwrap();
        let facts = Facts::new(&rules);
        let judgments = Judgments::default();
        let ev = evaluate(&rules, time::macros::date!(2026 - 11 - 23), &facts, &judgments).unwrap();
        for (lang, marker) in [(Lang::Nl, "niet volledig nagegaan"), (Lang::En, "not fully verified")] {
            let mut r = report(&rules, &ev, &facts, &judgments, lang);
            r.sources = rules.sources.iter().map(SourceOut::new).collect();
            let text = answer(&r, lang, &[]);
            assert!(!text.to_lowercase().contains("seed"), "{text}");
            assert!(!text.contains("onzeker:") && !text.contains("uncertain:"), "notes are not listed: {text}");
            let lines: Vec<&str> = text.lines().collect();
            for s in &rules.sources {
                let at = lines
                    .iter()
                    .position(|l| l.starts_with("• ") && l.contains(&s.title) && l.contains(&format!("[{}]", s.citation)))
                    .unwrap_or_else(|| panic!("{} is not listed", s.id));
                let line = lines[at];
                assert!(line.starts_with(&format!("• {}: {}", s.publisher, s.title)), "{line}");
                assert_eq!(line.contains(marker), s.status != SourceStatus::Verified, "{line}");
                assert_eq!(lines.get(at + 1).map(|l| l.trim()), Some(s.url.as_str()), "{}: the address follows", s.id);
                if let Some(note) = &s.note {
                    assert!(!text.contains(note.as_str()), "the note of {} is shown", s.id);
                }
            }
        }
    }
}
