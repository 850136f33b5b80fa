//! Acute danger: what to do now, reachable in one step from every page (the header link) and
//! without signing in. Safety comes before the order of the meldcode and before any question
//! Grondslag would ask; recording follows afterwards. The page names no client and logs nothing:
//! anyone may read it.

use std::sync::Arc;

use grondslag_rules::RuleSet;

use crate::User;
use crate::audit::Web;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::report_view::SourceRow;
use crate::view::Chrome;

/// The sources the page rests on, by their id in the rule set's registry.
const SOURCES: [&str; 4] = ["knmg-meldcode", "augeo-meldcode-stappen", "wmo-5-2-6", "knmg-cvp-voorwaarden"];

#[derive(askama::Template, askama_web::WebTemplate)]
#[template(path = "acute.html")]
pub struct AcutePage {
    pub title: String,
    pub c: Chrome,
    pub sources: Vec<SourceRow>,
}

fn sources(rules: &RuleSet, lang: Lang) -> Vec<SourceRow> {
    SOURCES.iter().filter_map(|id| rules.sources.iter().find(|s| s.id == *id)).map(|s| SourceRow::of_rule(s, lang)).collect()
}

pub async fn page<S: crate::Backend>(
    axum::extract::State(web): axum::extract::State<Arc<Web<S>>>,
    user: Result<User, WebError>,
    lang: Lang,
) -> AcutePage {
    let c = match &user {
        Ok(u) => Chrome::new(u, "/acuut"),
        Err(_) => Chrome::anonymous(lang, "/acuut"),
    };
    let lang = c.lang;
    AcutePage { title: lang.tr("acute-title").into(), sources: sources(web.rules(), lang), c }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic)]
    use super::*;

    /// Every source the page cites exists in the rule set (a renamed id would drop a citation
    /// without a word).
    #[test]
    fn every_cited_source_is_in_the_registry() {
        let rules = grondslag_rules::load_embedded().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(sources(&rules, Lang::Nl).len(), SOURCES.len());
    }
}
