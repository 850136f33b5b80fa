//! Readable labels for what the access log records: the action codes and the authorisation
//! codes, in Dutch and English. The log itself keeps the fixed codes (they are hashed into its
//! chain); pages and the CSV export show these labels. A test checks that every action the code
//! logs has a label.

use crate::i18n::Lang;

/// Every action code written to the access log, with its Dutch and English label: the
/// policy's actions ([`Action::code`]) and the events logged by name.
pub const ACTIONS: &[(&str, &str, &str)] = &[
    ("beraad.anoniem", "Beraad zonder cliënt", "Deliberation without a client"),
    ("dossier.lezen", "Dossier ingezien", "Dossier read"),
    ("dossier.schrijven", "Vastgelegd in het dossier", "Recorded in the dossier"),
    ("dossier.exporteren", "Dossier geëxporteerd (bundel)", "Dossier exported (bundle)"),
    ("doorbraak.aanvragen", "Noodtoegang gevraagd", "Emergency access requested"),
    ("doorbraak.toegekend", "Noodtoegang genomen", "Emergency access taken"),
    ("doorbraak.beoordelen", "Noodtoegang beoordeeld", "Emergency access reviewed"),
    ("client.registreren", "Cliënt geregistreerd", "Client registered"),
    ("clienten.overzicht", "Overzicht van alle cliënten", "Overview of all clients"),
    ("clienten.eigen_lijst", "Eigen cliëntenlijst bekeken", "Own client list viewed"),
    ("clienten.zoeken", "Gezocht in eigen cliënten", "Searched own clients"),
    ("beraden.eigen_lijst", "Eigen onafgemaakte beraden bekeken", "Own unfinished deliberations viewed"),
    ("beheer.accounts", "Accounts beheerd", "Accounts managed"),
    ("beheer.zorgrelaties", "Behandelrelaties beheerd", "Care relations managed"),
    ("beheer.wachtwoord_herstellen", "Wachtwoord van een collega hersteld", "A colleague's password reset"),
    ("zorgrelatie.vastleggen", "Behandelrelatie vastgelegd", "Care relation recorded"),
    ("zorgrelatie.beeindigen", "Behandelrelatie beëindigd", "Care relation ended"),
    ("toegangslog.lezen", "Toegangslog ingezien", "Access log read"),
    ("toegangslog.exporteren", "Toegangslog gedownload (CSV)", "Access log downloaded (CSV)"),
    ("organisatie.verifieren", "Organisatie geverifieerd", "Organisation verified"),
    ("bundel.verifieren", "Bundel gecontroleerd", "Bundle checked"),
    ("wachtwoord.wijzigen", "Eigen wachtwoord gewijzigd", "Own password changed"),
    (
        "wachtwoord.eerste_eigen",
        "Eerste eigen wachtwoord gekozen: account in gebruik genomen",
        "First own password chosen: account taken into use",
    ),
    ("tweede_factor.aanzetten", "Tweede factor aangezet", "Second factor turned on"),
    ("tweede_factor.uitzetten", "Tweede factor uitgezet", "Second factor turned off"),
    ("tweede_factor.herstelcode_gebruikt", "Ingelogd met een herstelcode", "Signed in with a recovery code"),
    ("tweede_factor.herstelcodes_vernieuwen", "Nieuwe herstelcodes gemaakt", "New recovery codes made"),
    ("beheer.tweede_factor_herstellen", "Tweede factor van een collega verwijderd", "A colleague's second factor removed"),
    ("beheer.tweede_factor_verplicht", "Tweede factor verplicht gemaakt voor iedereen", "Second factor required for everyone"),
    (
        "beheer.tweede_factor_niet_verplicht",
        "Tweede factor niet meer verplicht voor iedereen",
        "Second factor no longer required for everyone",
    ),
    ("inloggen", "Ingelogd", "Signed in"),
    ("uitloggen", "Uitgelogd", "Signed out"),
];

/// The label of an action code; an unknown code is shown as it is.
pub fn action_label(code: &str, lang: Lang) -> String {
    match ACTIONS.iter().find(|(c, _, _)| *c == code) {
        Some((_, nl, en)) => lang.t(nl, en).to_owned(),
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
        return format!("{} {}", lang.t("rol:", "role:"), stored_role_label(role, lang));
    }
    if code.starts_with("doorbraak:") {
        return lang.t("noodtoegang", "emergency access").to_owned();
    }
    let label = match code {
        "zorgrelatie" => lang.t("behandelrelatie", "care relation"),
        "sessie" => lang.t("eigen account", "own account"),
        "geweigerd:andere_organisatie" => lang.t("geweigerd: andere organisatie", "refused: other organisation"),
        "geweigerd:rol" => lang.t("geweigerd: niet voor deze rol", "refused: not for this role"),
        "geweigerd:geen_zorgrelatie" => lang.t("geweigerd: geen behandelrelatie", "refused: no care relation"),
        "geweigerd:onbekende_client" => lang.t("geweigerd: onbekende cliënt", "refused: unknown client"),
        "geweigerd:account_niet_in_gebruik" => {
            lang.t("geweigerd: account nog niet in gebruik genomen", "refused: account not yet taken into use")
        }
        other => return other.to_owned(),
    };
    label.to_owned()
}

/// Whether an action code has a label (for the completeness test).
pub fn has_label(code: &str) -> bool {
    ACTIONS.iter().any(|(c, _, _)| *c == code)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::policy::Action;

    #[test]
    fn every_policy_action_has_a_label() {
        for a in Action::ALL {
            assert!(has_label(a.code()), "{}", a.code());
        }
    }

    /// Every `log_event(.., "literal", ..)` in the sources has a label.
    #[test]
    fn every_logged_literal_has_a_label() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![dir.clone()];
        let mut found = 0;
        while let Some(p) = files.pop() {
            if p.is_dir() {
                files.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if p.ends_with("access_labels.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            // The call may be formatted over several lines: look at what follows each call.
            for (i, _) in text.match_indices("log_event(") {
                let rest = &text[i..text.len().min(i + 200)];
                let Some(q) = rest.find('"') else { continue };
                let Some(end) = rest[q + 1..].find('"') else { continue };
                let code = &rest[q + 1..q + 1 + end];
                let before_quote = &rest[..q];
                // Only a literal as the second argument (after `user,` or `&user,`).
                if before_quote.matches(',').count() != 1 {
                    continue;
                }
                found += 1;
                assert!(has_label(code), "{}: {code} has no label in access_labels::ACTIONS", p.display());
            }
        }
        assert!(found >= 10, "only {found} logged literals found: the scan is broken");
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
