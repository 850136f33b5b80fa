//! The case library: every golden scenario — the shared public ones (vendored in
//! `vendor/shared/scenarios/public`) and the project's own (`scenarios/`) — embedded at compile
//! time, parsed with the scenario format's own parser against the rule set, and offered as
//! worked examples: listed, filtered by sender, recipient, purpose and age band, and searched.
//!
//! Pure: no I/O at run time (the files are in the binary), no clock. The web application
//! evaluates a case with the engine when it is shown, so a worked example always shows the
//! answer the running rule set gives.

use grondslag_engine::{FactSource, Facts};
use grondslag_rules::{Age, FactId, RuleSet, Value};
use grondslag_scenario::{Scenario, ScenarioError, parse_file};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The embedded files as (origin, path in the repository, content).
pub fn embedded_files() -> impl Iterator<Item = (Origin, &'static str, &'static str)> {
    let public = embedded::PUBLIC.iter().map(|(p, c)| (Origin::Public, *p, *c));
    let own = embedded::OWN.iter().map(|(p, c)| (Origin::Own, *p, *c));
    public.chain(own)
}

/// Where a scenario comes from. Both kinds pass in CI; the distinction tells a reader whether the
/// case was written by the shared corpus's authors or by Grondslag's own maintainers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The shared public golden scenarios (`../shared/scenarios/public`, vendored).
    Public,
    /// Grondslag's own golden scenarios (`scenarios/`).
    Own,
}

/// The age bands a reader filters by. They follow the ages at which the law changes who decides
/// (art. 7:450 and 7:457 BW, art. 7.3.4 Jeugdwet): under 12, 12 to 15, 16 and 17, adult.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeBand {
    Under12,
    From12To15,
    From16To17,
    Adult,
    /// The scenario gives no age (it does not matter for its answer).
    NotStated,
}

impl AgeBand {
    pub const ALL: [AgeBand; 5] = [AgeBand::Under12, AgeBand::From12To15, AgeBand::From16To17, AgeBand::Adult, AgeBand::NotStated];

    /// The band's stable name in URLs (`?leeftijd=12-15`).
    pub fn key(self) -> &'static str {
        match self {
            AgeBand::Under12 => "0-11",
            AgeBand::From12To15 => "12-15",
            AgeBand::From16To17 => "16-17",
            AgeBand::Adult => "18+",
            AgeBand::NotStated => "onbekend",
        }
    }

    pub fn from_key(key: &str) -> Option<AgeBand> {
        AgeBand::ALL.into_iter().find(|b| b.key() == key)
    }

    fn of(age: Option<Value>) -> AgeBand {
        match age {
            Some(Value::Age(Age::Years(n))) if n < 12 => AgeBand::Under12,
            Some(Value::Age(Age::Years(n))) if n < 16 => AgeBand::From12To15,
            Some(Value::Age(Age::Years(n))) if n < 18 => AgeBand::From16To17,
            Some(Value::Age(_)) => AgeBand::Adult,
            _ => AgeBand::NotStated,
        }
    }
}

/// One worked example: a parsed golden scenario and where it comes from.
#[derive(Debug, Clone)]
pub struct Case {
    pub scenario: Scenario,
    pub origin: Origin,
    /// Title and situation, folded for search (lower case, accents removed).
    haystack: String,
    age: AgeBand,
}

impl Case {
    pub fn id(&self) -> &str {
        &self.scenario.id
    }

    pub fn age_band(&self) -> AgeBand {
        self.age
    }

    /// The value the scenario gives a fact (as written: the format's defaults are not filled in).
    pub fn fact(&self, fact: FactId) -> Option<Value> {
        self.scenario.facts.get(fact)
    }

    /// The facts the engine evaluates: as written, plus the scenario format's defaults.
    pub fn facts_with_defaults(&self, rules: &RuleSet) -> Facts {
        self.scenario.facts.clone().with_defaults(rules)
    }
}

/// What a reader asks for: words to find and at most one value per filter. Filter values are the
/// rule set's ids (`recipient_role=veilig_thuis`); an empty filter matches every case.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub query: String,
    pub sender_role: Option<String>,
    pub recipient_role: Option<String>,
    pub purpose: Option<String>,
    pub age: Option<AgeBand>,
}

/// The facts the library filters by, in the order the page shows them.
pub const FILTER_FACTS: [&str; 3] = ["sender_role", "recipient_role", "purpose"];

/// Every case, in title order, with the files that could not be read against this rule set.
#[derive(Debug, Clone, Default)]
pub struct Library {
    cases: Vec<Case>,
    errors: Vec<ScenarioError>,
}

impl Library {
    /// The embedded scenarios, parsed against `rules`.
    pub fn embedded(rules: &RuleSet) -> Library {
        Library::from_files(rules, embedded_files())
    }

    /// Parses (origin, path, content) triples. A file that does not parse against `rules` (only
    /// possible with a rule set from `--regels` that is mid-edit: the embedded ones are checked
    /// by this crate's tests) is left out and listed in [`Library::errors`]; a repeated id keeps
    /// its first case, so an id names one example.
    pub fn from_files<'a>(rules: &RuleSet, files: impl IntoIterator<Item = (Origin, &'a str, &'a str)>) -> Library {
        let mut lib = Library::default();
        let age = rules.fact("client_age");
        for (origin, path, content) in files {
            match parse_file(rules, path, content) {
                Ok(scenarios) => {
                    for s in scenarios {
                        if lib.cases.iter().any(|c| c.scenario.id == s.id) {
                            lib.errors.push(ScenarioError {
                                file: path.to_owned(),
                                scenario: Some(s.id.clone()),
                                key: Some("id".into()),
                                message: "dit id komt al eerder voor".into(),
                            });
                            continue;
                        }
                        let haystack = fold(&format!("{} {}", s.title, s.situation.as_deref().unwrap_or("")));
                        let band = AgeBand::of(age.and_then(|f| s.facts.get(f)));
                        lib.cases.push(Case { scenario: s, origin, haystack, age: band });
                    }
                }
                Err(e) => lib.errors.push(e),
            }
        }
        lib.cases.sort_by(|a, b| fold(&a.scenario.title).cmp(&fold(&b.scenario.title)).then_with(|| a.scenario.id.cmp(&b.scenario.id)));
        lib
    }

    pub fn cases(&self) -> &[Case] {
        &self.cases
    }

    pub fn len(&self) -> usize {
        self.cases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cases.is_empty()
    }

    /// The files or scenarios left out, with the parser's Dutch message.
    pub fn errors(&self) -> &[ScenarioError] {
        &self.errors
    }

    pub fn get(&self, id: &str) -> Option<&Case> {
        self.cases.iter().find(|c| c.scenario.id == id)
    }

    /// The cases matching every part of `filter`, in title order. Search: every word of the query
    /// occurs in the title or the situation, ignoring case and accents ("client" finds "cliënt").
    pub fn select(&self, rules: &RuleSet, filter: &Filter) -> Vec<&Case> {
        let words: Vec<String> = fold(&filter.query).split_whitespace().map(str::to_owned).collect();
        let wanted: Vec<(FactId, &str)> = FILTER_FACTS
            .iter()
            .zip([&filter.sender_role, &filter.recipient_role, &filter.purpose])
            .filter_map(|(fact, v)| Some((rules.fact(fact)?, v.as_deref()?)))
            .collect();
        self.cases
            .iter()
            .filter(|c| words.iter().all(|w| c.haystack.contains(w.as_str())))
            .filter(|c| filter.age.is_none_or(|a| c.age == a))
            .filter(|c| wanted.iter().all(|(f, v)| c.fact(*f).is_some_and(|x| rules.value_id(*f, x) == *v)))
            .collect()
    }

    /// The distinct values the library's cases give `fact` (ids with their value), for a filter's
    /// options: only what some case has, so no filter choice leads to nothing by itself.
    pub fn values(&self, rules: &RuleSet, fact: FactId) -> Vec<(String, Value)> {
        let mut out: Vec<(String, Value)> = Vec::new();
        for c in &self.cases {
            if let Some(v) = c.fact(fact) {
                let id = rules.value_id(fact, v);
                if !out.iter().any(|(i, _)| *i == id) {
                    out.push((id, v));
                }
            }
        }
        out
    }
}

/// Lower case without accents, for search: Dutch writes "cliënt", "geïnformeerd", "één", and a
/// reader types them without.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ý' | 'ÿ' => 'y',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_case_and_accents() {
        assert_eq!(fold("Cliënt GEÏNFORMEERD één"), "client geinformeerd een");
    }

    #[test]
    fn age_bands_follow_the_legal_thresholds() {
        let band = |n: u8| AgeBand::of(Some(Value::Age(Age::Years(n))));
        assert_eq!(
            [band(0), band(11), band(12), band(15), band(16), band(17), band(18)],
            [
                AgeBand::Under12,
                AgeBand::Under12,
                AgeBand::From12To15,
                AgeBand::From12To15,
                AgeBand::From16To17,
                AgeBand::From16To17,
                AgeBand::Adult
            ]
        );
        assert_eq!(AgeBand::of(Some(Value::Age(Age::Adult))), AgeBand::Adult);
        assert_eq!(AgeBand::of(None), AgeBand::NotStated);
        for b in AgeBand::ALL {
            assert_eq!(AgeBand::from_key(b.key()), Some(b));
        }
    }
}
