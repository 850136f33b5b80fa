//! A few plain lines for the professional's own record system (EHR, client system): the
//! question, the answer and its ground, the decision, and where the full account is kept in
//! Grondslag. Professionals paste it into their own dossier, so it must stand on its own,
//! name no internal ids, and make clear that the decision was theirs.
//!
//! Pure: built from a stored report and decision; no I/O.

use grondslag_dossier::Decision;
use grondslag_engine::Report;
use grondslag_i18n::tr_with;
use grondslag_rules::{Lang, RuleSet};

/// The most characters of the professional's reasons the text repeats; the full reasons stay
/// in Grondslag, to which the text refers.
const REASONS_MAX_CHARS: usize = 400;

/// Where the account is kept in Grondslag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRef {
    pub organisation: String,
    /// The deliberation's entry in the client's dossier.
    pub deliberation_seq: u64,
    /// The decision's entry, when one was recorded.
    pub decision_seq: Option<u64>,
    /// The first characters of the last entry's fingerprint (its leaf hash), so that the
    /// pasted text can be matched to the entry.
    pub fingerprint: String,
}

fn t(lang: Lang, id: &'static str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, grondslag_i18n::FluentValue<'_>)> = args.iter().map(|(k, v)| (*k, v.clone().into())).collect();
    tr_with(lang, id, &args)
}

/// The value a report shows for one fact, if it was answered.
fn fact<'a>(report: &'a Report, id: &str) -> Option<&'a str> {
    report.facts.iter().find(|f| f.fact == id).map(|f| f.value_label.as_str()).filter(|v| !v.is_empty())
}

/// Free text on one line, cut at `max` characters.
fn one_line(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max { flat } else { format!("{}…", flat.chars().take(max).collect::<String>()) }
}

/// `2026-12-05` → `05-12-2026`; anything else as stored.
fn dutch(iso: &str) -> String {
    match iso.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => format!("{d}-{m}-{y}"),
        _ => iso.to_owned(),
    }
}

/// A role's label as it reads inside a sentence: "Leraar, intern begeleider of schoolleiding"
/// becomes "leraar, …", while a name stays as it is ("Veilig Thuis", "Raad voor de
/// Kinderbescherming", "GGD": another capitalised word or an abbreviation).
fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else { return label.to_owned() };
    let a_name = label.split_whitespace().skip(1).any(|w| w.chars().next().is_some_and(char::is_uppercase));
    if first.is_uppercase() && second.is_lowercase() && !a_name {
        first.to_lowercase().chain(label.chars().skip(1)).collect()
    } else {
        label.to_owned()
    }
}

/// The text for one deliberation, with its decision when one was recorded and where both are
/// kept when they were recorded.
pub fn compose(rules: &RuleSet, report: &Report, decision: Option<&Decision>, at: Option<&RecordRef>, lang: Lang) -> String {
    let mut lines = Vec::new();
    lines.push(t(lang, "record-text-heading", &[("date", dutch(&report.date))]));
    let recipient = in_sentence(fact(report, "recipient_role").unwrap_or("?"));
    let mut question = t(lang, "record-text-question", &[("recipient", recipient)]);
    if let Some(data) = fact(report, "data_categories") {
        question.push_str(&t(lang, "record-text-data", &[("data", data.to_owned())]));
    }
    if let Some(purpose) = fact(report, "purpose") {
        question.push_str(&t(lang, "record-text-purpose", &[("purpose", purpose.to_owned())]));
    }
    lines.push(question);
    let grounds: Vec<&str> =
        report.beroepsgeheim.grounds.iter().filter_map(|g| rules.grounds.iter().find(|x| x.id == *g)).map(|g| g.label.get(lang)).collect();
    let mut answer = t(lang, "record-text-answer", &[("outcome", report.outcome_label.clone())]);
    if !grounds.is_empty() {
        answer.push_str(&t(lang, "record-text-grounds", &[("grounds", grounds.join(", "))]));
    }
    lines.push(answer);
    if !report.recorded_judgments.is_empty() {
        let titles: Vec<&str> = report.recorded_judgments.iter().map(|j| j.title.as_str()).collect();
        lines.push(t(lang, "record-text-own-weighing", &[("weighings", titles.join(", "))]));
    }
    match decision {
        Some(d) if d.shared => {
            let mut s = t(lang, "record-text-decision-shared", &[("recipient", one_line(&d.recipient, 200))]);
            if !d.what.trim().is_empty() {
                s.push_str(&t(lang, "record-text-what", &[("what", one_line(&d.what, 200))]));
            }
            lines.push(s);
            match (&d.client_informed, &d.client_not_informed_reason) {
                (Some(when), _) => lines.push(t(lang, "record-text-client-informed", &[("when", one_line(when, 100))])),
                (None, Some(why)) => lines.push(t(lang, "record-text-client-not-informed", &[("why", one_line(why, 200))])),
                (None, None) => {}
            }
        }
        Some(_) => lines.push(t(lang, "record-text-decision-not-shared", &[])),
        None => lines.push(t(lang, "record-text-no-decision", &[])),
    }
    if let Some(d) = decision
        && !d.reasons.trim().is_empty()
    {
        lines.push(t(lang, "record-text-reasons", &[("reasons", one_line(&d.reasons, REASONS_MAX_CHARS))]));
    }
    match at {
        Some(r) => {
            let entries = match r.decision_seq {
                Some(d) => {
                    t(lang, "record-text-entries-two", &[("deliberation", r.deliberation_seq.to_string()), ("decision", d.to_string())])
                }
                None => t(lang, "record-text-entries-one", &[("deliberation", r.deliberation_seq.to_string())]),
            };
            lines.push(t(
                lang,
                "record-text-where",
                &[("entries", entries), ("organisation", r.organisation.clone()), ("fingerprint", r.fingerprint.clone())],
            ));
        }
        None => lines.push(t(lang, "record-text-not-recorded", &[])),
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::in_sentence;

    #[test]
    fn a_role_reads_in_lower_case_inside_a_sentence_unless_it_is_a_name() {
        assert_eq!(in_sentence("Leraar, intern begeleider of schoolleiding"), "leraar, intern begeleider of schoolleiding");
        assert_eq!(in_sentence("Mantelzorger"), "mantelzorger");
        assert_eq!(in_sentence("Veilig Thuis"), "Veilig Thuis");
        assert_eq!(in_sentence("Raad voor de Kinderbescherming"), "Raad voor de Kinderbescherming");
        assert_eq!(in_sentence("GGD"), "GGD");
        assert_eq!(in_sentence("?"), "?");
    }
}
