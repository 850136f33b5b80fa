//! What every page shares: the language, who is signed in, the navigation for their role.

use grondslag_store::{AppRole, UnixMillis};

use crate::User;
use crate::i18n::Lang;

#[derive(Debug, Clone)]
pub struct Nav {
    pub href: &'static str,
    pub label: &'static str,
    pub current: bool,
}

#[derive(Debug, Clone)]
pub struct Chrome {
    pub lang: Lang,
    pub user: Option<String>,
    pub role: String,
    pub nav: Vec<Nav>,
    /// The path of this page (the language switch returns here).
    pub here: String,
}

pub fn role_label(role: AppRole, lang: Lang) -> &'static str {
    match role {
        AppRole::Professional => lang.tr("view-professional"),
        AppRole::Aandachtsfunctionaris => lang.tr("view-aandachtsfunctionaris-designated-officer"),
        AppRole::PrivacyOfficer => lang.tr("view-privacy-officer"),
        AppRole::Administrator => lang.tr("view-administrator"),
    }
}

impl Chrome {
    pub fn new(user: &User, here: &str) -> Self {
        let l = user.lang;
        let items: Vec<(&'static str, &'static str)> = match user.role {
            AppRole::Professional => vec![
                ("/clienten", l.tr("common-my-clients")),
                ("/beraad/nieuw", l.tr("common-new-deliberation")),
                ("/beraad/onafgemaakt", l.tr("view-unfinished-deliberations")),
                ("/casusoverleggen", l.tr("conferences-title")),
            ],
            // The aandachtsfunctionaris also keeps the organisation's open meldcode trajectories
            // (her menu must fit on one line; her casusoverleggen are linked from her clients).
            AppRole::Aandachtsfunctionaris => vec![
                ("/clienten", l.tr("common-my-clients")),
                ("/beraad/nieuw", l.tr("common-new-deliberation")),
                ("/beraad/onafgemaakt", l.tr("view-unfinished-deliberations")),
                ("/meldcode", l.tr("meldcode-nav")),
            ],
            AppRole::PrivacyOfficer => vec![
                ("/toegangslog", l.tr("common-access-log")),
                ("/doorbraken", l.tr("common-emergency-access")),
                ("/verificatie", l.tr("view-verification")),
            ],
            AppRole::Administrator => {
                vec![("/beheer", l.tr("common-administration")), ("/verificatie", l.tr("view-verification"))]
            }
        };
        // The kennisbank and its worked examples (the case library) are for everyone: they hold no
        // client data. One menu item for both keeps the header on one line; each links the other.
        let under = |href: &str| here == href || here.starts_with(&format!("{href}/")) || here.starts_with(&format!("{href}?"));
        let nav = items
            .into_iter()
            .map(|(href, label)| Nav { href, label, current: under(href) })
            .chain([Nav { href: "/kennisbank", label: l.tr("knowledge-nav"), current: under("/kennisbank") || under("/voorbeelden") }])
            .collect();
        Chrome { lang: l, user: Some(user.name.clone()), role: role_label(user.role, l).into(), nav, here: here.into() }
    }

    pub fn anonymous(lang: Lang, here: &str) -> Self {
        Chrome { lang, user: None, role: String::new(), nav: Vec::new(), here: here.into() }
    }

    /// The text in the page's language.
    pub fn tr(&self, id: &'static str) -> &'static str {
        self.lang.tr(id)
    }

    /// The text in the page's language with one number filled in (`{ $n }`).
    pub fn tr_n(&self, id: &'static str, n: i64) -> String {
        self.lang.tr_with(id, &[("n", n.into())])
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    /// The other language, for the switch.
    pub fn other_lang(&self) -> (&'static str, &'static str) {
        match self.lang {
            Lang::Nl => ("en", "English"),
            Lang::En => ("nl", "Nederlands"),
        }
    }
}

/// The time zone every time is shown in: the professionals work in the Netherlands.
fn amsterdam() -> Option<jiff::tz::TimeZone> {
    static TZ: std::sync::OnceLock<Option<jiff::tz::TimeZone>> = std::sync::OnceLock::new();
    TZ.get_or_init(|| jiff::tz::TimeZone::get("Europe/Amsterdam").ok()).clone()
}

/// A date-time from the ledger (RFC 3339 UTC) in Dutch notation, Dutch time:
/// `2026-11-23T15:37:38.123Z` → `23-11-2026 16:37`.
pub fn when(ts: &str) -> String {
    match (ts.parse::<jiff::Timestamp>(), amsterdam()) {
        (Ok(t), Some(tz)) => t.to_zoned(tz).strftime("%d-%m-%Y %H:%M").to_string(),
        // Never hide a time: an unreadable one is shown as stored.
        _ => ts.to_owned(),
    }
}

/// A stored time as a short text.
pub fn when_ms(t: UnixMillis) -> String {
    grondslag_ledger::ts_from_unix_millis(t.as_millis()).map(|t| when(&t)).unwrap_or_default()
}

/// The first moment of a day in Dutch time, as the access log stores moments (RFC 3339 UTC
/// with milliseconds): `2026-11-23` → `2026-11-22T23:00:00.000Z`.
pub fn day_start_utc(d: time::Date) -> Option<String> {
    let civil =
        jiff::civil::Date::new(i16::try_from(d.year()).ok()?, i8::try_from(u8::from(d.month())).ok()?, i8::try_from(d.day()).ok()?).ok()?;
    let zoned = civil.to_zoned(amsterdam()?).ok()?;
    grondslag_ledger::ts_from_unix_millis(zoned.timestamp().as_millisecond())
}

/// Today in the Netherlands (not in UTC: between midnight and one or two o'clock the dates
/// differ).
pub fn today() -> time::Date {
    dutch_day(jiff::Timestamp::now())
}

/// The Dutch calendar day of a moment.
fn dutch_day(t: jiff::Timestamp) -> time::Date {
    let d = t.to_zoned(amsterdam().unwrap_or(jiff::tz::TimeZone::UTC)).date();
    time::Month::try_from(d.month() as u8)
        .ok()
        .and_then(|m| time::Date::from_calendar_date(i32::from(d.year()), m, d.day() as u8).ok())
        .unwrap_or(time::Date::MIN)
}

/// A date in Dutch notation (`23-11-2026`).
pub fn dutch_date(d: time::Date) -> String {
    format!("{:02}-{:02}-{}", d.day(), u8::from(d.month()), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_dutch_time_in_dutch_notation() {
        // Winter (UTC+1) and summer (UTC+2), across midnight.
        assert_eq!(when("2026-11-23T15:37:38.123Z"), "23-11-2026 16:37");
        assert_eq!(when("2026-07-01T22:30:00Z"), "02-07-2026 00:30");
        assert_eq!(when("niet-een-tijd"), "niet-een-tijd");
        assert_eq!(dutch_date(time::macros::date!(2026 - 03 - 09)), "09-03-2026");
        // Half past eleven in UTC on 4 December is already 5 December in the Netherlands.
        let late: jiff::Timestamp = "2026-12-04T23:30:00Z".parse().unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        assert_eq!(dutch_day(late), time::macros::date!(2026 - 12 - 05));
        let summer: jiff::Timestamp = "2026-07-01T21:59:00Z".parse().unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        assert_eq!(dutch_day(summer), time::macros::date!(2026 - 07 - 01));
        assert_eq!(day_start_utc(time::macros::date!(2026 - 11 - 23)).as_deref(), Some("2026-11-22T23:00:00.000Z"));
        assert_eq!(day_start_utc(time::macros::date!(2026 - 07 - 01)).as_deref(), Some("2026-06-30T22:00:00.000Z"));
    }
}
