//! Every text a user reads, in Dutch first and English second, through one mechanism: Fluent
//! catalogues (`locales/{nl,en}/*.ftl`) embedded at compile time, so the binary needs no files
//! at run time. Code names a message by its id (`tr(lang, "consent-title")`); the catalogues
//! hold the words. A test proves that both languages have the same messages with the same
//! variables, and that every id the code uses exists.
//!
//! Not here: the law's own texts (questions, explanations, sources) live with the rules in
//! `rules/*.yaml`, where the legal maintainers write them in both languages side by side.

use std::collections::HashMap;
use std::sync::LazyLock;

pub use fluent_bundle::FluentValue;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
pub use grondslag_rules::Lang;

/// The catalogue files, the same names in each language.
macro_rules! catalogue {
    ($lang:literal) => {
        [
            ("common.ftl", include_str!(concat!("../locales/", $lang, "/common.ftl"))),
            ("web.ftl", include_str!(concat!("../locales/", $lang, "/web.ftl"))),
            ("errors.ftl", include_str!(concat!("../locales/", $lang, "/errors.ftl"))),
            ("cli.ftl", include_str!(concat!("../locales/", $lang, "/cli.ftl"))),
            ("knowledge.ftl", include_str!(concat!("../locales/", $lang, "/knowledge.ftl"))),
            ("pdf.ftl", include_str!(concat!("../locales/", $lang, "/pdf.ftl"))),
        ]
    };
}

/// The sources of one language: (file name, text).
pub fn sources(lang: Lang) -> [(&'static str, &'static str); 6] {
    match lang {
        Lang::Nl => catalogue!("nl"),
        Lang::En => catalogue!("en"),
    }
}

struct Language {
    bundle: FluentBundle<FluentResource>,
    /// Every message formatted once without arguments, so that `tr` can hand out a
    /// `&'static str` like the string literals it replaced.
    plain: HashMap<String, String>,
}

struct Catalogue {
    nl: Language,
    en: Language,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| Catalogue { nl: load(Lang::Nl), en: load(Lang::En) });

fn load(lang: Lang) -> Language {
    let id: unic_langid::LanguageIdentifier = match lang {
        Lang::Nl => unic_langid::langid!("nl-NL"),
        Lang::En => unic_langid::langid!("en-GB"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // The texts go into HTML, PDF and terminals; Unicode isolation marks around placeables
    // would show up as stray characters there.
    bundle.set_use_isolating(false);
    for (_, text) in sources(lang) {
        // A syntax error drops only the broken entry; the catalogue test fails on it.
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, _)| partial);
        // A duplicate id keeps the first; the catalogue test fails on it.
        let _ = bundle.add_resource(resource);
    }
    let mut plain = HashMap::new();
    for (_, text) in sources(lang) {
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, _)| partial);
        for id in message_ids(&resource) {
            if let Some(s) = format(&bundle, &id, None) {
                plain.insert(id, s);
            }
        }
    }
    Language { bundle, plain }
}

fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

fn format(bundle: &FluentBundle<FluentResource>, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
}

fn language(lang: Lang) -> &'static Language {
    match lang {
        Lang::Nl => &CATALOGUE.nl,
        Lang::En => &CATALOGUE.en,
    }
}

/// The message `id` in `lang`. A message missing in English falls back to Dutch; one missing
/// everywhere shows its id (the catalogue test makes both impossible on main).
pub fn tr(lang: Lang, id: &'static str) -> &'static str {
    if let Some(s) = language(lang).plain.get(id) {
        return s;
    }
    match language(Lang::Nl).plain.get(id) {
        Some(s) => s,
        None => id,
    }
}

/// The message `id` in `lang` for an id built at run time (the CLI's help texts, keyed by the
/// command's path), or `None` when `lang` has no such message: no fallback to Dutch, so a caller
/// (and its test) can tell a missing text from a present one.
pub fn tr_id(lang: Lang, id: &str) -> Option<&'static str> {
    language(lang).plain.get(id).map(String::as_str)
}

/// The message `id` in `lang` with its variables filled in (`{ $name }` in the catalogue).
pub fn tr_with(lang: Lang, id: &'static str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, value.clone());
    }
    for l in [lang, Lang::Nl] {
        if let Some(s) = format(&language(l).bundle, id, Some(&fluent)) {
            return s;
        }
    }
    id.to_owned()
}

/// A variable of a [`Msg`]: a value as it is (a number, a name the user typed), or another
/// catalogue message (a field's name) rendered in the same language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Message(&'static str),
}

/// A message for the user that is not yet in a language: a catalogue id with its variables,
/// rendered at the edge (web page, API, terminal) in the reader's language. Errors carry these
/// instead of sentences, so the layer that finds the problem does not choose the words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Catalogue {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    /// Text from a part that words its own findings (a rule or facts parser naming a line),
    /// shown as it is in either language.
    Verbatim(String),
}

impl Msg {
    pub fn new(id: &'static str) -> Msg {
        Msg::Catalogue { id, args: Vec::new() }
    }

    /// Adds a variable (`{ $name }` in the catalogue).
    pub fn arg(mut self, name: &'static str, value: impl std::fmt::Display) -> Msg {
        if let Msg::Catalogue { args, .. } = &mut self {
            args.push((name, Arg::Text(value.to_string())));
        }
        self
    }

    /// Adds a variable that is itself a catalogue message (e.g. the name of a form field).
    pub fn arg_msg(mut self, name: &'static str, id: &'static str) -> Msg {
        if let Msg::Catalogue { args, .. } = &mut self {
            args.push((name, Arg::Message(id)));
        }
        self
    }

    pub fn verbatim(text: impl Into<String>) -> Msg {
        Msg::Verbatim(text.into())
    }

    /// The catalogue id, if any (for tests and logs: never the filled-in text).
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Msg::Catalogue { id, .. } => Some(id),
            Msg::Verbatim(_) => None,
        }
    }

    pub fn render(&self, lang: Lang) -> String {
        match self {
            Msg::Catalogue { id, args } => {
                let values: Vec<(&str, FluentValue<'_>)> = args
                    .iter()
                    .map(|(n, v)| {
                        let value = match v {
                            Arg::Text(t) => t.as_str(),
                            Arg::Message(id) => tr(lang, id),
                        };
                        (*n, FluentValue::from(value))
                    })
                    .collect();
                tr_with(lang, id, &values)
            }
            Msg::Verbatim(text) => text.clone(),
        }
    }
}

/// Dutch, the product's first language (for the terminal and `to_string`).
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::Nl))
    }
}

#[cfg(test)]
mod tests;
