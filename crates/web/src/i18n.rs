//! The page language: Dutch unless the `taal=en` cookie says English. Texts are written in
//! pairs where they are used (`c.tr("i18n-english")`), so a reviewer reads both together.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::auth::cookie;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn of(parts: &Parts) -> Lang {
        match cookie(parts, "taal") {
            Some("en") => Lang::En,
            _ => Lang::Nl,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn rules(self) -> grondslag_rules::Lang {
        match self {
            Lang::Nl => grondslag_rules::Lang::Nl,
            Lang::En => grondslag_rules::Lang::En,
        }
    }

    /// The catalogue text `id` in this language.
    pub fn tr(self, id: &'static str) -> &'static str {
        grondslag_i18n::tr(self.rules(), id)
    }

    /// The catalogue text `id` with its variables filled in.
    pub fn tr_with(self, id: &'static str, args: &[(&str, grondslag_i18n::FluentValue<'_>)]) -> String {
        grondslag_i18n::tr_with(self.rules(), id, args)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Lang::of(parts))
    }
}
