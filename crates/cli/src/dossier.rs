//! The dossier's subcommands: organisations, professionals, clients, recording deliberations,
//! decisions and consents (each with a receipt), the history, bundles, verification and
//! erasure; the meldcode's subcommands (`meldcode.rs`) run on the same store. Data lives in
//! `--data DIR` (SQLite `<DIR>/grondslag.db`, keys in `<DIR>/keys/`) or, with
//! `--database postgres://…`, in PostgreSQL (keys still in `<DIR>/keys/`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, anyhow, bail};
use grondslag_app::{App, Identity, Receipt};
use grondslag_dossier::{Capacity, ConsentForm, ConsentRecord, Decision};
use grondslag_i18n::tr;
use grondslag_rules::{Lang, Outcome};
use grondslag_store::{AccessStore, AppRole, ClientId, OrgId, ProfessionalId, Store, StoreError};
use time::Date;

use crate::args::{BesluitArgs, ClientCmd, DossierCmd, MeldcodeCmd, OrganisatieCmd, ProfessionalCmd, StoreArgs, ToestemmingCmd};
use crate::common::{Context, out, outln, tr_args};
use crate::render;

/// An id given on the command line. One that is not an id is reported like an unknown one (the
/// store's own "niet gevonden"), as before the ids were typed.
pub(crate) fn id<T: std::str::FromStr>(s: &str, what: &'static str) -> Result<T, StoreError> {
    s.parse().map_err(|_| StoreError::not_found(what, s))
}

/// Every dossier subcommand.
pub enum Cmd {
    Organisatie(OrganisatieCmd),
    Professional(ProfessionalCmd),
    Client(ClientCmd),
    Toestemming(ToestemmingCmd),
    Dossier(DossierCmd),
    Meldcode(MeldcodeCmd),
    Vastleggen { bestand: PathBuf, client: String, professional: String, open: bool, opslag: StoreArgs, json: bool },
    Besluit(Box<BesluitArgs>),
    Exporteer { client: String, naar: Option<PathBuf>, fhir: bool, opslag: StoreArgs },
    Verifieer { bundel: Option<PathBuf>, organisatie: Option<String>, opslag: StoreArgs, json: bool },
    Wis { client: String, regel: u64, opslag: StoreArgs },
}

impl Cmd {
    fn opslag(&self) -> &StoreArgs {
        match self {
            Cmd::Organisatie(OrganisatieCmd::Nieuw { opslag, .. } | OrganisatieCmd::Lijst { opslag, .. })
            | Cmd::Professional(ProfessionalCmd::Nieuw { opslag, .. })
            | Cmd::Client(ClientCmd::Nieuw { opslag, .. })
            | Cmd::Toestemming(ToestemmingCmd::Registreer { opslag, .. } | ToestemmingCmd::Intrek { opslag, .. })
            | Cmd::Dossier(DossierCmd::Toon { opslag, .. })
            | Cmd::Meldcode(
                MeldcodeCmd::Toon { opslag, .. } | MeldcodeCmd::Vastleggen { opslag, .. } | MeldcodeCmd::Overzicht { opslag, .. },
            )
            | Cmd::Vastleggen { opslag, .. }
            | Cmd::Exporteer { opslag, .. }
            | Cmd::Verifieer { opslag, .. }
            | Cmd::Wis { opslag, .. } => opslag,
            Cmd::Besluit(b) => &b.opslag,
        }
    }
}

pub fn run(ctx: &Context, cmd: Cmd) -> anyhow::Result<ExitCode> {
    // Verifying a bundle needs no store.
    if let Cmd::Verifieer { bundel: Some(path), organisatie: None, json, .. } = &cmd {
        return verify_bundle_file(path, *json, ctx.lang);
    }
    let lang = ctx.lang;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context(tr(lang, "cli-common-cannot-start-the-runtime"))?;
    rt.block_on(async {
        let opslag = cmd.opslag().clone();
        match &opslag.database {
            Some(url) => {
                let store = grondslag_store_postgres::PostgresStore::connect(url)
                    .await
                    .context(tr(lang, "cli-common-opening-the-postgresql-database-failed"))?;
                let app = App::new(store.clone(), &opslag.data, ctx.rules.clone());
                let r = dispatch(ctx, &app, cmd).await;
                store.close().await;
                r
            }
            None => {
                std::fs::create_dir_all(&opslag.data)
                    .with_context(|| tr_args(lang, "cli-common-data-directory-cannot-be-created", &[("dir", &opslag.data.display())]))?;
                let db = opslag.data.join("grondslag.db");
                let store = grondslag_store_sqlite::SqliteStore::open(&db)
                    .await
                    .with_context(|| tr_args(lang, "cli-common-opening-the-database-failed", &[("db", &db.display())]))?;
                let app = App::new(store.clone(), &opslag.data, ctx.rules.clone());
                let r = dispatch(ctx, &app, cmd).await;
                store.close().await;
                r
            }
        }
    })
}

fn date(text: &str, what: &str, lang: Lang) -> anyhow::Result<Date> {
    Date::parse(text, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| anyhow!(tr_args(lang, "cli-dossier-invalid-date", &[("flag", &what), ("date", &text)])))
}

fn yes_no(text: &str, what: &str, lang: Lang) -> anyhow::Result<bool> {
    match text {
        "ja" => Ok(true),
        "nee" => Ok(false),
        other => bail!(tr_args(lang, "cli-dossier-choose-ja-or-nee", &[("flag", &what), ("value", &other)])),
    }
}

fn app_role(text: &str, lang: Lang) -> anyhow::Result<AppRole> {
    AppRole::ALL
        .into_iter()
        .find(|r| r.as_str() == text)
        .ok_or_else(|| anyhow!(tr_args(lang, "cli-dossier-unknown-role", &[("role", &text)])))
}

fn capacity(text: &str, lang: Lang) -> anyhow::Result<Capacity> {
    Ok(match text {
        "client" | "cliënt" => Capacity::Client,
        "ouder_met_gezag" => Capacity::ParentWithAuthority,
        "voogd" => Capacity::Guardian,
        "curator" => Capacity::Curator,
        "mentor" => Capacity::Mentor,
        "schriftelijk_gemachtigde" => Capacity::WrittenProxy,
        "partner" => Capacity::Partner,
        "familie" => Capacity::Family,
        other => bail!(tr_args(lang, "cli-dossier-unknown-capacity", &[("capacity", &other)])),
    })
}

fn form(text: &str, lang: Lang) -> anyhow::Result<ConsentForm> {
    Ok(match text {
        "schriftelijk" => ConsentForm::Written,
        "mondeling" => ConsentForm::Oral,
        "digitaal" => ConsentForm::Digital,
        other => bail!(tr_args(lang, "cli-dossier-unknown-form", &[("form", &other)])),
    })
}

pub(crate) fn print_json(v: &impl serde::Serialize) -> anyhow::Result<()> {
    outln!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

fn receipt_text(r: &Receipt, lang: Lang) -> String {
    let title = tr(lang, "cli-dossier-receipt-title");
    format!(
        "\n{title}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}",
        "-".repeat(title.chars().count()),
        tr_args(lang, "cli-dossier-receipt-dossier", &[("dossier", &r.dossier)]),
        tr_args(lang, "cli-dossier-receipt-entry", &[("seq", &r.seq)]),
        tr_args(lang, "cli-dossier-receipt-leaf", &[("index", &r.leaf_index), ("hash", &r.leaf_hash)]),
        tr_args(lang, "cli-dossier-receipt-tree-size", &[("size", &r.tree_size)]),
        tr_args(lang, "cli-dossier-receipt-inclusion-proof", &[("hashes", &r.inclusion_proof.len())]),
        tr(lang, "cli-dossier-receipt-checkpoint"),
        r.checkpoint.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")
    )
}

/// `what` is the catalogue id of what was recorded (a decision, a consent, a withdrawal).
pub(crate) fn print_receipt(what: &'static str, r: &Receipt, json: bool, lang: Lang) -> anyhow::Result<()> {
    if json {
        print_json(r)
    } else {
        outln!("{}", tr_args(lang, "cli-dossier-recorded-as-dossier-entry", &[("what", &tr(lang, what)), ("seq", &r.seq)]));
        outln!("{}", receipt_text(r, lang));
        Ok(())
    }
}

async fn dispatch<S: Store + AccessStore>(ctx: &Context, app: &App<S>, cmd: Cmd) -> anyhow::Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        Cmd::Organisatie(OrganisatieCmd::Nieuw { naam, json, .. }) => {
            let (org, key) = app.create_organisation(&naam).await?;
            if json {
                print_json(&serde_json::json!({"id": org.id, "naam": org.name, "origin": org.origin, "sleutel": key.to_string()}))?;
            } else {
                outln!(
                    "{}\nid: {}\norigin: {}",
                    tr_args(lang, "cli-dossier-organisation-created", &[("name", &org.name)]),
                    org.id,
                    org.origin
                );
                outln!("{}", tr_args(lang, "cli-dossier-verification-key-publish-it", &[("key", &key)]));
                outln!("{}", tr_args(lang, "cli-dossier-keys-stored-in", &[("dir", &app.key_dir().display())]));
            }
        }
        Cmd::Organisatie(OrganisatieCmd::Lijst { json, .. }) => {
            let orgs = app.organisations().await?;
            if json {
                let v: Vec<_> = orgs.iter().map(|o| serde_json::json!({"id": o.id, "naam": o.name, "origin": o.origin})).collect();
                print_json(&v)?;
            } else if orgs.is_empty() {
                outln!("{}", tr(lang, "cli-dossier-there-are-no-organisations-yet"));
            } else {
                for o in orgs {
                    outln!("{}  {}", o.id, o.name);
                }
            }
        }
        Cmd::Professional(ProfessionalCmd::Nieuw { organisatie, naam, rol, beroep, json, .. }) => {
            let p = app.create_professional(&id::<OrgId>(&organisatie, "organisatie")?, &naam, app_role(&rol, lang)?, &beroep).await?;
            if json {
                print_json(
                    &serde_json::json!({"id": p.id, "organisatie": p.org, "naam": p.name, "rol": p.app_role.as_str(), "beroep": p.profession}),
                )?;
            } else {
                outln!(
                    "{}\nid: {}",
                    tr_args(
                        lang,
                        "cli-dossier-professional-registered",
                        &[("name", &p.name), ("profession", &p.profession), ("role", &p.app_role.as_str())]
                    ),
                    p.id
                );
            }
        }
        Cmd::Client(ClientCmd::Nieuw { organisatie, referentie, naam, geboortedatum, json, .. }) => {
            let c = app
                .create_client(&id::<OrgId>(&organisatie, "organisatie")?, &referentie, &Identity { name: naam, birth_date: geboortedatum })
                .await?;
            if json {
                print_json(&serde_json::json!({"id": c.id, "organisatie": c.org, "pseudoniem": c.pseudonym}))?;
            } else {
                outln!("{}\nid: {}", tr(lang, "cli-dossier-client-registered"), c.id);
                outln!("{}", tr_args(lang, "cli-dossier-pseudonym", &[("pseudonym", &c.pseudonym)]));
            }
        }
        Cmd::Vastleggen { bestand, client, professional, open, json, .. } => {
            let name = bestand.display().to_string();
            let content = crate::common::read_text(&bestand, crate::common::MAX_INPUT_BYTES, lang)?;
            let d = app
                .deliberate(
                    &id::<ClientId>(&client, "cliënt")?,
                    &id::<ProfessionalId>(&professional, "professional")?,
                    grondslag_app::FactsInput { file_name: &name, content: &content, date: ctx.date, lang: ctx.lang, open },
                )
                .await?;
            if json {
                print_json(&serde_json::json!({"antwoord": d.report, "toestemming": d.consent, "bewijs": d.receipt}))?;
            } else {
                out!("{}", render::answer(&d.report, ctx.lang, &[]));
                let title = grondslag_i18n::tr(ctx.lang, "cli-dossier-consent-from-the-dossier");
                outln!("\n{title}\n{}", "-".repeat(title.chars().count()));
                outln!("• {}", d.consent.explanation);
                outln!(
                    "\n{}",
                    tr_args(
                        lang,
                        "cli-dossier-recorded-as-dossier-entry",
                        &[("what", &tr(lang, "cli-dossier-deliberation")), ("seq", &d.receipt.seq)]
                    )
                );
                outln!("{}", receipt_text(&d.receipt, lang));
            }
            if d.report.outcome == Outcome::Undetermined {
                return Ok(ExitCode::from(3));
            }
        }
        Cmd::Besluit(b) => {
            let decision = Decision {
                deliberation_seq: b.beraad,
                shared: yes_no(&b.gedeeld, "--gedeeld", lang)?,
                what: b.wat,
                recipient: b.ontvanger,
                shared_at: b.gedeeld_op,
                client_informed: b.client_geinformeerd,
                client_not_informed_reason: b.niet_geinformeerd_omdat,
                reasons: b.redenen,
            };
            let r = app
                .decide(&id::<ClientId>(&b.client, "cliënt")?, &id::<ProfessionalId>(&b.professional, "professional")?, decision)
                .await?;
            print_receipt("cli-dossier-decision", &r, b.json, lang)?;
        }
        Cmd::Toestemming(ToestemmingCmd::Registreer {
            client,
            professional,
            door,
            hoedanigheid,
            ontvangers,
            gegevens,
            doelen,
            van,
            tot,
            vorm,
            niet_vrij,
            niet_geinformeerd_over_gevolgen,
            notitie,
            json,
            ..
        }) => {
            let record = ConsentRecord {
                given_by: door,
                capacity: capacity(&hoedanigheid, lang)?,
                recipient_roles: ontvangers,
                data_categories: gegevens,
                purposes: doelen,
                valid_from: date(&van, "--van", lang)?,
                valid_to: tot.as_deref().map(|t| date(t, "--tot", lang)).transpose()?,
                form: form(&vorm, lang)?,
                freely_given: !niet_vrij,
                informed_of_consequences: !niet_geinformeerd_over_gevolgen,
                note: notitie,
            };
            let r = app
                .register_consent(&id::<ClientId>(&client, "cliënt")?, &id::<ProfessionalId>(&professional, "professional")?, record)
                .await?;
            print_receipt("cli-dossier-consent", &r, json, lang)?;
        }
        Cmd::Toestemming(ToestemmingCmd::Intrek { client, professional, regel, per, door, notitie, json, .. }) => {
            let on = match per {
                Some(p) => date(&p, "--per", lang)?,
                None => ctx.date,
            };
            let r = app
                .withdraw_consent(
                    &id::<ClientId>(&client, "cliënt")?,
                    &id::<ProfessionalId>(&professional, "professional")?,
                    regel,
                    on,
                    &door,
                    &notitie,
                )
                .await?;
            print_receipt("cli-dossier-withdrawal-of-consent", &r, json, lang)?;
        }
        Cmd::Dossier(DossierCmd::Toon { client, json, .. }) => {
            let h = app.history(&id::<ClientId>(&client, "cliënt")?, ctx.lang).await?;
            if json {
                print_json(&h)?;
            } else {
                outln!("{}", tr_args(lang, "cli-dossier-dossier-of-client", &[("dossier", &h.dossier), ("client", &h.client)]));
                if h.lines.is_empty() {
                    outln!("{}", tr(lang, "cli-dossier-no-dossier-entries-yet"));
                }
                for l in &h.lines {
                    outln!("{:>3}. {}  {}  {}\n     {}", l.seq, l.ts, grondslag_app::kind_label(&l.kind, ctx.lang), l.actor, l.summary);
                }
                let s = &h.status;
                outln!("\n{}", tr(lang, "cli-dossier-verification"));
                let chain = tr(lang, if s.chain_ok { "cli-dossier-chain-intact" } else { "cli-dossier-chain-not-intact" });
                outln!("• {}", tr_args(lang, "cli-dossier-chain", &[("status", &chain)]));
                let checkpoint = match (s.checkpoint_ok, s.checkpoint_size) {
                    (true, Some(n)) => tr_args(lang, "cli-dossier-signature-correct", &[("size", &n)]),
                    _ => tr(lang, "cli-dossier-signature-not-in-order").into(),
                };
                outln!("• {}", tr_args(lang, "cli-dossier-checkpoint", &[("status", &checkpoint)]));
                let inclusion = tr(lang, if s.inclusion_ok { "cli-dossier-every-entry-shown" } else { "cli-dossier-not-shown" });
                outln!("• {}", tr_args(lang, "cli-dossier-inclusion-in-the-checkpoint", &[("status", &inclusion)]));
                for p in &s.problems {
                    outln!("  ! {p}");
                }
                outln!("{}", tr(lang, if s.ok() { "cli-dossier-verified" } else { "cli-dossier-not-verified" }));
            }
            if !h.status.ok() {
                return Ok(ExitCode::from(1));
            }
        }
        Cmd::Meldcode(c) => return crate::meldcode::run(ctx, app, c).await,
        Cmd::Exporteer { client, naar, fhir: true, .. } => {
            // The FHIR bundle reads the client's access log too; the CLI, like its other
            // commands, acts on the store directly and logs nothing itself.
            let text = app.fhir_json(&id::<ClientId>(&client, "cliënt")?, None).await?;
            match naar {
                Some(path) => {
                    write_new(&path, &text, lang)?;
                    outln!("{}", tr_args(lang, "cli-dossier-fhir-written", &[("file", &path.display())]));
                }
                None => outln!("{text}"),
            }
        }
        Cmd::Exporteer { client, naar: Some(naar), .. } => {
            let bundle = app.export(&id::<ClientId>(&client, "cliënt")?).await?;
            let text = bundle.to_json().map_err(|e| anyhow!("{e}"))?;
            write_new(&naar, &text, lang)?;
            outln!(
                "{}",
                tr_args(
                    lang,
                    "cli-dossier-bundle-written",
                    &[("file", &naar.display()), ("entries", &bundle.entries.len()), ("keys", &bundle.keys.join(", "))]
                )
            );
        }
        // clap requires `--naar` without `--fhir`; this says so should that ever change.
        Cmd::Exporteer { naar: None, .. } => bail!(tr(lang, "cli-dossier-export-needs-file")),
        Cmd::Verifieer { bundel, organisatie, json, .. } => match (bundel, organisatie) {
            (Some(path), None) => return verify_bundle_file(&path, json, lang),
            (None, Some(org)) => match app.verify_organisation(&id::<OrgId>(&org, "organisatie")?).await {
                Ok(v) => {
                    if json {
                        print_json(
                            &serde_json::json!({"geverifieerd": true, "dossiers": v.report.dossiers, "entries": v.report.entries, "boomgrootte": v.report.tree_size, "checkpoint": v.checkpoint_size, "sleutel": v.key}),
                        )?;
                    } else {
                        outln!(
                            "{}\n{}",
                            tr_args(
                                lang,
                                "cli-dossier-organisation-verification",
                                &[
                                    ("org", &org),
                                    ("dossiers", &v.report.dossiers),
                                    ("entries", &v.report.entries),
                                    ("size", &v.report.tree_size),
                                    ("checkpoint", &v.checkpoint_size),
                                    ("key", &v.key),
                                ]
                            ),
                            tr(lang, "cli-dossier-verified")
                        );
                    }
                }
                Err(e @ grondslag_app::AppError::Store(grondslag_store::StoreError::NotFound { .. })) => return Err(e.into()),
                Err(e) => {
                    if json {
                        print_json(&serde_json::json!({"geverifieerd": false, "reden": e.to_string()}))?;
                    } else {
                        outln!("{}", tr_args(lang, "cli-dossier-not-verified-because", &[("error", &e)]));
                    }
                    return Ok(ExitCode::from(1));
                }
            },
            _ => bail!(tr(lang, "cli-dossier-give-a-bundle-file-or-organisation")),
        },
        Cmd::Wis { client, regel, .. } => {
            app.erase(&id::<ClientId>(&client, "cliënt")?, regel).await?;
            outln!("{}", tr_args(lang, "cli-dossier-content-of-entry-erased", &[("seq", &regel)]));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write_new(path: &Path, text: &str, lang: Lang) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| tr_args(lang, "cli-dossier-cannot-write-does-it-exist", &[("file", &path.display())]))?;
    f.write_all(text.as_bytes()).with_context(|| tr_args(lang, "cli-dossier-writing-failed", &[("file", &path.display())]))?;
    Ok(())
}

fn verify_bundle_file(path: &Path, json: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    let text = crate::common::read_text(path, crate::common::MAX_BUNDLE_BYTES, lang)?;
    match grondslag_app::verify_bundle_text(&text) {
        Ok(r) => {
            if json {
                print_json(
                    &serde_json::json!({"geverifieerd": true, "origin": r.origin, "boomgrootte": r.tree_size, "sleutel": r.key.to_string(), "dossier": r.dossier, "entries": r.entries, "inhoud_gecontroleerd": r.payloads_verified, "inhoud_afwezig": r.payloads_absent}),
                )?;
            } else {
                outln!("origin: {}", r.origin);
                outln!("{}", tr_args(lang, "cli-dossier-bundle-tree-size", &[("size", &r.tree_size)]));
                outln!("{}", tr_args(lang, "cli-dossier-bundle-key", &[("key", &r.key)]));
                outln!(
                    "{}",
                    tr_args(
                        lang,
                        "cli-dossier-bundle-contents",
                        &[
                            ("dossier", &r.dossier),
                            ("entries", &r.entries),
                            ("verified", &r.payloads_verified),
                            ("absent", &r.payloads_absent),
                        ]
                    )
                );
                outln!("{}", tr(lang, "cli-dossier-verified"));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            if json {
                print_json(&serde_json::json!({"geverifieerd": false, "reden": e.to_string()}))?;
            } else {
                outln!("{}", tr_args(lang, "cli-dossier-not-verified-because", &[("error", &e)]));
            }
            Ok(ExitCode::from(1))
        }
    }
}
