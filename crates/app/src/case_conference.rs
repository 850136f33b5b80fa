//! What the three ways of preparing a casusoverleg (the web page `/casusoverleg`, the API
//! `POST /api/v1/casusoverleg`, the CLI `grondslag casusoverleg`) share besides the engine:
//! their limit, the list of what identifies a client, and the rule set's words on convenanten.

use grondslag_rules::{Lang, RuleSet};

/// At most this many participants at one table (a casusoverleg seldom has more than ten).
pub const PARTICIPANTS_MAX: usize = 20;

/// The catalogue ids of what identifies a client and is left out of an anonymous discussion.
pub const IDENTIFYING: [&str; 6] = [
    "conference-identifying-name",
    "conference-identifying-address",
    "conference-identifying-birth",
    "conference-identifying-school",
    "conference-identifying-family",
    "conference-identifying-rare",
];

/// What identifies a client, in `lang`.
pub fn identifying_details(lang: Lang) -> Vec<String> {
    IDENTIFYING.iter().map(|k| grondslag_i18n::tr(lang, k).to_owned()).collect()
}

/// The rule set's notice that a convenant is never a ground (empty if a rule set lacks it).
pub fn covenant_notice(rules: &RuleSet, lang: Lang) -> String {
    rules.notices.iter().find(|n| n.id == "no-covenant-ground").map(|n| n.text.get(lang).to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_identifying_detail_and_the_covenant_notice_have_words_in_both_languages() {
        let rules = grondslag_rules::load_embedded().unwrap_or_else(|e| unreachable!("{e:?}"));
        for lang in [Lang::Nl, Lang::En] {
            let details = identifying_details(lang);
            assert!(details.iter().zip(IDENTIFYING).all(|(d, k)| !d.is_empty() && d != k), "{details:?}");
            assert!(covenant_notice(&rules, lang).to_lowercase().contains("coven") || covenant_notice(&rules, lang).contains("convenant"));
        }
    }
}
