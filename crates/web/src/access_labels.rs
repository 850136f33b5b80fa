//! Readable labels for what the access log records: the action codes and the authorisation
//! codes, in Dutch and English. The log itself keeps the fixed codes (they are hashed into its
//! chain); pages and the CSV export show these labels. A test checks that every action the code
//! logs has a label.

use crate::i18n::Lang;
use crate::policy::Action;

/// What the access log records besides the policy's decisions ([`Action`]): each event a
/// handler logs by name. Handlers pass these (never a string), so every logged code is one of
/// a known set with a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    OwnClientList,
    ClientSearch,
    OwnDrafts,
    BreakGlassTaken,
    PasswordChanged,
    FirstOwnPassword,
    SecondFactorOn,
    SecondFactorOff,
    RecoveryCodeUsed,
    RecoveryCodesRenewed,
    AccessLogExported,
    BundleVerified,
    SignedOut,
    PasswordResetByAdmin,
    SecondFactorRemovedByAdmin,
    SecondFactorRequired,
    SecondFactorNotRequired,
    CareRelationRecorded,
    CareRelationEnded,
    OwnConferences,
}

impl Event {
    pub const ALL: [Event; 20] = [
        Event::OwnClientList,
        Event::ClientSearch,
        Event::OwnDrafts,
        Event::BreakGlassTaken,
        Event::PasswordChanged,
        Event::FirstOwnPassword,
        Event::SecondFactorOn,
        Event::SecondFactorOff,
        Event::RecoveryCodeUsed,
        Event::RecoveryCodesRenewed,
        Event::AccessLogExported,
        Event::BundleVerified,
        Event::SignedOut,
        Event::PasswordResetByAdmin,
        Event::SecondFactorRemovedByAdmin,
        Event::SecondFactorRequired,
        Event::SecondFactorNotRequired,
        Event::CareRelationRecorded,
        Event::CareRelationEnded,
        Event::OwnConferences,
    ];

    /// The fixed code in the log (hashed into its chain: never change one).
    pub fn code(self) -> &'static str {
        match self {
            Event::OwnClientList => "clienten.eigen_lijst",
            Event::ClientSearch => "clienten.zoeken",
            Event::OwnDrafts => "beraden.eigen_lijst",
            Event::BreakGlassTaken => "doorbraak.toegekend",
            Event::PasswordChanged => "wachtwoord.wijzigen",
            Event::FirstOwnPassword => "wachtwoord.eerste_eigen",
            Event::SecondFactorOn => "tweede_factor.aanzetten",
            Event::SecondFactorOff => "tweede_factor.uitzetten",
            Event::RecoveryCodeUsed => "tweede_factor.herstelcode_gebruikt",
            Event::RecoveryCodesRenewed => "tweede_factor.herstelcodes_vernieuwen",
            Event::AccessLogExported => "toegangslog.exporteren",
            Event::BundleVerified => "bundel.verifieren",
            Event::SignedOut => "uitloggen",
            Event::PasswordResetByAdmin => "beheer.wachtwoord_herstellen",
            Event::SecondFactorRemovedByAdmin => "beheer.tweede_factor_herstellen",
            Event::SecondFactorRequired => "beheer.tweede_factor_verplicht",
            Event::SecondFactorNotRequired => "beheer.tweede_factor_niet_verplicht",
            Event::CareRelationRecorded => "zorgrelatie.vastleggen",
            Event::CareRelationEnded => "zorgrelatie.beeindigen",
            Event::OwnConferences => "casusoverleggen.eigen_lijst",
        }
    }
}

/// The action an access-log line names: a policy action or an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Logged {
    Policy(Action),
    Event(Event),
}

impl Logged {
    pub fn code(self) -> &'static str {
        match self {
            Logged::Policy(a) => a.code(),
            Logged::Event(e) => e.code(),
        }
    }
}

impl From<Action> for Logged {
    fn from(a: Action) -> Self {
        Logged::Policy(a)
    }
}

impl From<Event> for Logged {
    fn from(e: Event) -> Self {
        Logged::Event(e)
    }
}

/// Every action code written to the access log, with its Dutch and English label: the
/// policy's actions ([`Action::code`]) and the events logged by name.
/// (code in the log, catalogue id of its label).
pub const ACTIONS: &[(&str, &str)] = &[
    ("beraad.anoniem", "access-beraad-anoniem"),
    ("dossier.lezen", "access-dossier-lezen"),
    ("dossier.schrijven", "access-dossier-schrijven"),
    ("dossier.exporteren", "access-dossier-exporteren"),
    ("doorbraak.aanvragen", "access-doorbraak-aanvragen"),
    ("doorbraak.toegekend", "access-doorbraak-toegekend"),
    ("doorbraak.beoordelen", "access-doorbraak-beoordelen"),
    ("client.registreren", "access-client-registreren"),
    ("clienten.overzicht", "access-clienten-overzicht"),
    ("clienten.eigen_lijst", "access-clienten-eigen-lijst"),
    ("clienten.zoeken", "access-clienten-zoeken"),
    ("beraden.eigen_lijst", "access-beraden-eigen-lijst"),
    ("beheer.accounts", "access-beheer-accounts"),
    ("beheer.zorgrelaties", "access-beheer-zorgrelaties"),
    ("beheer.wachtwoord_herstellen", "access-beheer-wachtwoord-herstellen"),
    ("zorgrelatie.vastleggen", "access-zorgrelatie-vastleggen"),
    ("zorgrelatie.beeindigen", "access-zorgrelatie-beeindigen"),
    ("toegangslog.lezen", "access-toegangslog-lezen"),
    ("toegangslog.exporteren", "access-toegangslog-exporteren"),
    ("organisatie.verifieren", "access-organisatie-verifieren"),
    ("bundel.verifieren", "access-bundel-verifieren"),
    ("wachtwoord.wijzigen", "access-wachtwoord-wijzigen"),
    ("wachtwoord.eerste_eigen", "access-wachtwoord-eerste-eigen"),
    ("tweede_factor.aanzetten", "access-tweede-factor-aanzetten"),
    ("tweede_factor.uitzetten", "access-tweede-factor-uitzetten"),
    ("tweede_factor.herstelcode_gebruikt", "access-tweede-factor-herstelcode-gebruikt"),
    ("tweede_factor.herstelcodes_vernieuwen", "access-tweede-factor-herstelcodes-vernieuwen"),
    ("beheer.tweede_factor_herstellen", "access-beheer-tweede-factor-herstellen"),
    ("beheer.tweede_factor_verplicht", "access-beheer-tweede-factor-verplicht"),
    ("beheer.tweede_factor_niet_verplicht", "access-beheer-tweede-factor-niet-verplicht"),
    ("meldcode.lezen", "access-meldcode-lezen"),
    ("meldcode.schrijven", "access-meldcode-schrijven"),
    ("meldcode.advies", "access-meldcode-advies"),
    ("meldcode.overzicht", "access-meldcode-overzicht"),
    ("casusoverleg.plannen", "access-casusoverleg-plannen"),
    ("casusoverleg.aanmelden", "access-casusoverleg-aanmelden"),
    ("casusoverleggen.eigen_lijst", "access-casusoverleggen-eigen-lijst"),
    ("casusoverleg.lezen", "access-casusoverleg-lezen"),
    ("casusoverleg.schrijven", "access-casusoverleg-schrijven"),
    ("inloggen", "access-inloggen"),
    ("uitloggen", "access-uitloggen"),
];

/// The label of an action code; an unknown code is shown as it is.
pub fn action_label(code: &str, lang: Lang) -> String {
    match ACTIONS.iter().find(|(c, _)| *c == code) {
        Some((_, id)) => lang.tr(id).to_owned(),
        None => code.to_owned(),
    }
}

/// The label of a role as stored in the log (`professional`, `privacy_officer`, …).
pub fn stored_role_label(role: &str, lang: Lang) -> String {
    match grondslag_store::AppRole::parse(role).ok() {
        Some(r) => crate::view::role_label(r, lang).to_owned(),
        None => role.to_owned(),
    }
}

/// The label of an authorisation code: `zorgrelatie`, `doorbraak:<id>`, `rol:<role>`,
/// `sessie`, or a refusal `geweigerd:<reason>`.
pub fn authorisation_label(code: &str, lang: Lang) -> String {
    if let Some(role) = code.strip_prefix("rol:") {
        return format!("{} {}", lang.tr("access-labels-role"), stored_role_label(role, lang));
    }
    if code.starts_with("doorbraak:") {
        return lang.tr("access-labels-emergency-access").to_owned();
    }
    let label = match code {
        "zorgrelatie" => lang.tr("access-labels-care-relation"),
        "sessie" => lang.tr("access-labels-own-account"),
        // One reason for both: the log must not reveal which ids exist in another organisation.
        "geweigerd:onbekend_of_andere_organisatie" => lang.tr("access-labels-refused-unknown-or-of-another"),
        // Codes written before the two were merged.
        "geweigerd:andere_organisatie" => lang.tr("access-labels-refused-other-organisation"),
        "geweigerd:rol" => lang.tr("access-labels-refused-not-for-this-role"),
        "geweigerd:geen_zorgrelatie" => lang.tr("access-labels-refused-no-care-relation"),
        "deelnemer" => lang.tr("access-labels-seat"),
        "geweigerd:geen_deelnemer" => lang.tr("access-labels-refused-no-seat"),
        "geweigerd:onbekende_client" => lang.tr("access-labels-refused-unknown-client"),
        "geweigerd:account_niet_in_gebruik" => lang.tr("access-labels-refused-account-not-yet-taken"),
        other => return other.to_owned(),
    };
    label.to_owned()
}

/// Whether an action code has a label (for the completeness test).
pub fn has_label(code: &str) -> bool {
    ACTIONS.iter().any(|(c, _)| *c == code)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn every_policy_action_has_a_label() {
        for a in Action::ALL {
            assert!(has_label(a.code()), "{}", a.code());
        }
    }

    /// Every event a handler can log has a label, and no two share a code.
    #[test]
    fn every_event_has_a_label_and_its_own_code() {
        let mut codes: Vec<&str> = Event::ALL.iter().map(|e| e.code()).chain(Action::ALL.iter().map(|a| a.code())).collect();
        for c in &codes {
            assert!(has_label(c), "{c} has no label in access_labels::ACTIONS");
        }
        let n = codes.len();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), n, "two actions share a code");
    }

    #[test]
    fn labels_are_readable() {
        assert_eq!(action_label("dossier.lezen", Lang::Nl), "Dossier ingezien");
        assert_eq!(action_label("dossier.lezen", Lang::En), "Dossier read");
        assert_eq!(action_label("iets.nieuws", Lang::Nl), "iets.nieuws");
        assert_eq!(authorisation_label("doorbraak:0192", Lang::Nl), "noodtoegang");
        assert_eq!(authorisation_label("rol:privacy_officer", Lang::Nl), "rol: privacyfunctionaris");
    }
}
