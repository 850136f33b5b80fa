//! What every subcommand needs: the rule set, the date of the law applied, the language.

use std::path::Path;

use anyhow::{Context as _, anyhow};
use grondslag_rules::{Lang, RuleSet};
use time::{Date, OffsetDateTime, macros::format_description};

pub struct Context {
    pub rules: RuleSet,
    pub date: Date,
    pub lang: Lang,
}

impl Context {
    pub fn new(rules_dir: Option<&Path>, date: Option<&str>, lang: &str) -> anyhow::Result<Self> {
        let rules = match rules_dir {
            Some(dir) => grondslag_rules::load_dir(dir),
            None => grondslag_rules::load_embedded(),
        }
        .map_err(|e| anyhow!("de regelset kan niet geladen worden:\n{e}"))?;
        let date = match date {
            Some(d) => Date::parse(d, format_description!("[year]-[month]-[day]"))
                .with_context(|| format!("ongeldige datum '{d}'; schrijf JJJJ-MM-DD"))?,
            None => OffsetDateTime::now_utc().date(),
        };
        let lang = match lang {
            "nl" => Lang::Nl,
            "en" => Lang::En,
            other => return Err(anyhow!("onbekende taal '{other}'; kies nl of en")),
        };
        Ok(Context { rules, date, lang })
    }
}
