//! First run and demo data. On an empty database `grondslag start` creates an organisation and
//! an administrator with a random password, printed once. `--demo` adds a demo organisation with
//! synthetic professionals, clients, care relations and a consent, so the product can be tried
//! without any real data.

use grondslag_app::Identity;
use grondslag_dossier::{Capacity, ConsentForm, ConsentRecord};
use grondslag_store::{AppRole, CareRelation, ClientId, OrgId, PasswordOrigin, ProfessionalId};

use crate::error::{WebError, internal};
use crate::{Backend, Web};

/// What to tell the person who started the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Login {
    pub who: String,
    pub login: String,
    pub password: String,
}

/// A random password of 20 characters from a 32-letter alphabet without look-alikes (100 bits).
pub fn random_password() -> Result<String, WebError> {
    const ALPHABET: &[u8; 32] = b"abcdefghjkmnpqrstuvwxyz23456789-";
    let mut b = [0u8; 20];
    getrandom::fill(&mut b).map_err(|_| internal("random"))?;
    Ok(b.iter().map(|x| ALPHABET[usize::from(x % 32)] as char).collect())
}

impl<S: Backend> Web<S> {
    /// Creates a professional with a login whose password counts as their own (demo accounts:
    /// their password is public by design); returns their id.
    pub async fn add_account(
        &self,
        org: &OrgId,
        name: &str,
        role: AppRole,
        profession: &str,
        login: &str,
        password: &str,
    ) -> Result<ProfessionalId, WebError> {
        self.add_account_as(org, name, role, profession, login, password, PasswordOrigin::Own).await
    }

    /// Creates a professional with a login; with [`PasswordOrigin::Initial`] the account must
    /// choose its own password at its first sign-in.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_account_as(
        &self,
        org: &OrgId,
        name: &str,
        role: AppRole,
        profession: &str,
        login: &str,
        password: &str,
        origin: PasswordOrigin,
    ) -> Result<ProfessionalId, WebError> {
        let hash = self.hash_password(password).await?;
        let p = self.app.create_professional(org, name, role, profession).await?;
        self.app.store().set_credential(&p.id, login, &hash, origin).await?;
        Ok(p.id)
    }

    /// On a database without organisations: creates `org_name` and its administrator.
    pub async fn first_run(&self, org_name: &str) -> Result<Option<Login>, WebError> {
        if !self.app.organisations().await?.is_empty() {
            return Ok(None);
        }
        let (org, _) = self.app.create_organisation(org_name).await?;
        let password = random_password()?;
        // The administrator has no care role; `collega` is the rule set's neutral profession. The
        // printed password is replaced by one of their own at the first sign-in.
        self.add_account_as(&org.id, "Beheerder", AppRole::Administrator, "collega", "beheerder", &password, PasswordOrigin::Initial)
            .await?;
        Ok(Some(Login { who: "beheerder".into(), login: "beheerder".into(), password }))
    }

    /// Adds the demo organisation (once). Returns the logins, all with the same password.
    pub async fn demo(&self) -> Result<Option<(Vec<Login>, String)>, WebError> {
        const NAME: &str = "Demo: Wijkteam en huisartsenpraktijk Oost (fictief)";
        if self.app.organisations().await?.iter().any(|o| o.name == NAME) {
            return Ok(None);
        }
        let password = "demo-wachtwoord-oost".to_owned();
        let (org, _) = self.app.create_organisation(NAME).await?;
        let o = &org.id;
        let people = [
            ("Anna de Vries", AppRole::Professional, "huisarts", "huisarts"),
            ("Bram Kok", AppRole::Professional, "jeugdarts", "jeugd"),
            ("Chantal Dijkstra", AppRole::Aandachtsfunctionaris, "wijkteammedewerker", "aandacht"),
            ("Dewi Smit", AppRole::PrivacyOfficer, "collega", "privacy"),
            ("Erik Mulder", AppRole::Administrator, "collega", "beheer"),
            ("Fatima El Amrani", AppRole::Professional, "wijkteammedewerker", "wijkteam"),
        ];
        let mut ids = Vec::new();
        let mut logins = Vec::new();
        for (name, role, profession, login) in people {
            ids.push(self.add_account(o, name, role, profession, login, &password).await?);
            logins.push(Login {
                who: format!("{name} ({})", crate::view::role_label(role, crate::i18n::Lang::Nl)),
                login: login.into(),
                password: password.clone(),
            });
        }
        let clients = [
            ("Sam Jansen", "2015-03-02", "DEMO-1001"),
            ("Noor Bakker", "1984-07-19", "DEMO-1002"),
            ("Daan Visser", "1950-01-05", "DEMO-1003"),
            ("Lotte de Boer", "2009-11-30", "DEMO-1004"),
            ("Milan Hoekstra", "2016-05-12", "DEMO-1005"),
            ("Yara Peters", "1991-09-03", "DEMO-1006"),
            ("Ruben Meijer", "2013-02-20", "DEMO-1007"),
        ];
        let since = grondslag_ledger::ts_from_unix_millis(crate::now_ms().as_millis()).unwrap_or_default();
        let mut client_ids = Vec::new();
        for (name, birth, reference) in clients {
            let c = self.app.create_client(o, reference, &Identity { name: name.into(), birth_date: Some(birth.into()) }).await?;
            client_ids.push(c.id);
        }
        // The huisarts treats Sam, Noor and Daan; the jeugdverpleegkundige Sam and Lotte; the
        // aandachtsfunctionaris is consulted about Sam; the wijkteammedewerker supports Milan,
        // Yara and Ruben (the aandachtsfunctionaris reads their meldcode trajectories by role).
        for (p, clients) in [(0usize, vec![0usize, 1, 2]), (1, vec![0, 3]), (2, vec![0]), (5, vec![4, 5, 6])] {
            for c in clients {
                let rel =
                    CareRelation { org: o.clone(), professional: ids[p].clone(), client: client_ids[c].clone(), since: since.clone() };
                self.app.store().add_care_relation(&rel).await?;
            }
        }
        // Noor agreed that her GP may inform her mantelzorger about her health.
        let today = time::OffsetDateTime::now_utc().date();
        let consent = ConsentRecord {
            given_by: "Noor Bakker".into(),
            capacity: Capacity::Client,
            recipient_roles: vec!["mantelzorger".into()],
            data_categories: vec!["health".into()],
            purposes: vec!["inform_relatives".into()],
            valid_from: today,
            valid_to: None,
            form: ConsentForm::Oral,
            freely_given: true,
            informed_of_consequences: true,
            note: "Mondeling gegeven tijdens het consult (demo).".into(),
        };
        self.app.register_consent(&client_ids[1], &ids[0], consent).await?;
        self.demo_meldcode(&ids[5], &client_ids[4], &client_ids[5]).await?;
        Ok(Some((logins, password)))
    }

    /// Two demo meldcode trajectories of the wijkteammedewerker, dated back from today: Milan's
    /// waits for the aandachtsfunctionaris' advice; Yara's has had no progress for three weeks,
    /// so the overview marks it overdue. Synthetic.
    async fn demo_meldcode(&self, by: &ProfessionalId, milan: &ClientId, yara: &ClientId) -> Result<(), WebError> {
        use grondslag_dossier::meldcode::{Consultation, Consulted, Event, Sector, Signal, SignalSource};
        let today = crate::view::today();
        let ago = |days: i64| today - time::Duration::days(days);
        let signal = |days: i64, source, source_detail: &str, observation: &str, interpretation: Option<&str>| Signal {
            observed_on: ago(days),
            source,
            source_detail: source_detail.into(),
            observation: observation.into(),
            interpretation: interpretation.map(str::to_owned),
            concerns_staff_member: false,
        };
        let milan_events = [
            Event::Opened {
                on: ago(6),
                sector: Sector::SocialSupport,
                signal: signal(
                    6,
                    SignalSource::OtherProfessional,
                    "de leerkracht van Milan",
                    "Milan (9) zei in de klas dat hij niet naar huis wilde, \"want dan wordt papa weer boos\". Hij had een blauwe plek op zijn bovenarm. (demo)",
                    Some("Misschien geweld thuis. Dat weet ik nog niet."),
                ),
            },
            Event::SignalAdded {
                on: ago(4),
                signal: signal(
                    4,
                    SignalSource::OwnObservation,
                    "",
                    "Bij het huisbezoek schreeuwde vader tegen moeder. Milan zat stil in een hoek van de kamer. (demo)",
                    None,
                ),
            },
            Event::ConsultationRequested {
                on: ago(3),
                of: Consulted::Aandachtsfunctionaris,
                question:
                    "Wil je meedenken? Is dit genoeg voor een gesprek met de ouders, of vraag ik eerst advies aan Veilig Thuis? (demo)"
                        .into(),
            },
        ];
        for e in milan_events {
            self.app.record_meldcode(milan, by, e).await?;
        }
        let yara_events = [
            Event::Opened {
                on: ago(30),
                sector: Sector::SocialSupport,
                signal: signal(
                    30,
                    SignalSource::Client,
                    "Yara zelf",
                    "Yara vertelt dat haar partner haar telefoon controleert en haar pinpas afneemt. (demo)",
                    Some("Dit kan een patroon van controle zijn."),
                ),
            },
            Event::Consulted {
                on: ago(21),
                consultation: Consultation {
                    with: Consulted::Colleague,
                    who: "een collega van het wijkteam".into(),
                    advice: "Spreek Yara eerst alleen, op een moment dat het veilig is. (demo)".into(),
                },
            },
        ];
        for e in yara_events {
            self.app.record_meldcode(yara, by, e).await?;
        }
        Ok(())
    }
}
