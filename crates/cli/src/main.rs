//! `grondslag`: the command-line face of Grondslag. Subcommands are Dutch, like everything a
//! user reads: `toets` runs scenarios, `controleer` checks the rule set, `vraag` holds a
//! deliberation in the terminal, `beoordeel` answers from a facts file. The dossier's commands (`organisatie`, `professional`,
//! `client`, `vastleggen`, `besluit`, `toestemming`, `dossier`, `exporteer`, `verifieer`, `wis`)
//! are in `dossier.rs`.

mod backup;
mod beoordeel;
mod common;
mod controleer;
mod dossier;
mod render;
mod start;
mod toets;
mod vraag;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "grondslag", version, about = "Mag ik dit delen — met wie, wat, en op welke grond?", long_about = None)]
struct Cli {
    /// Map met regelbestanden (standaard: de regels die in dit programma zijn ingebouwd).
    #[arg(long, global = true, value_name = "MAP")]
    regels: Option<PathBuf>,
    /// Datum waarop het recht wordt toegepast (JJJJ-MM-DD; standaard vandaag).
    #[arg(long, global = true, value_name = "DATUM")]
    datum: Option<String>,
    /// Taal van de uitvoer: nl (standaard) of en.
    #[arg(long, global = true, default_value = "nl")]
    taal: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start de webapplicatie (standaard op http://127.0.0.1:8080, met SQLite in grondslag-data).
    Start(start::StartArgs),
    /// Toets scenariobestanden (FORMAT.md) en vergelijk met het verwachte antwoord.
    Toets {
        /// Bestanden of mappen met scenario's.
        #[arg(required = true)]
        paden: Vec<PathBuf>,
        /// Uitvoer als JSON voor machines.
        #[arg(long)]
        json: bool,
    },
    /// Controleer de regelset: bronnen, verwijzingen, en alle combinaties van antwoorden.
    Controleer {
        #[arg(long)]
        json: bool,
    },
    /// Stel de vragen één voor één in de terminal en geef een onderbouwd antwoord.
    Vraag {
        #[arg(long)]
        json: bool,
    },
    /// Beoordeel een feitenbestand zonder vragen te stellen.
    Beoordeel {
        bestand: PathBuf,
        #[arg(long)]
        json: bool,
        /// Laat weggelaten feiten onbekend (geen standaardwaarden): Grondslag noemt dan wat het nog moet weten.
        #[arg(long)]
        open: bool,
    },
    /// Organisaties aanmaken en tonen.
    #[command(subcommand)]
    Organisatie(dossier::OrganisatieCmd),
    /// Professionals registreren.
    #[command(subcommand)]
    Professional(dossier::ProfessionalCmd),
    /// Cliënten registreren.
    #[command(subcommand)]
    Client(dossier::ClientCmd),
    /// Beoordeel een feitenbestand voor een cliënt en leg het beraad vast in het dossier (toestemming uit het register).
    Vastleggen {
        bestand: PathBuf,
        #[arg(long, value_name = "ID")]
        client: String,
        #[arg(long, value_name = "ID")]
        professional: String,
        /// Laat weggelaten feiten onbekend (geen standaardwaarden).
        #[arg(long)]
        open: bool,
        #[command(flatten)]
        opslag: dossier::StoreArgs,
        #[arg(long)]
        json: bool,
    },
    /// Leg een besluit vast na een beraad.
    Besluit(Box<dossier::BesluitArgs>),
    /// Toestemming registreren of intrekken.
    #[command(subcommand)]
    Toestemming(dossier::ToestemmingCmd),
    /// Het dossier van een cliënt tonen.
    #[command(subcommand)]
    Dossier(dossier::DossierCmd),
    /// Schrijf een verificatiebundel van het dossier van een cliënt.
    Exporteer {
        #[arg(long, value_name = "ID")]
        client: String,
        #[arg(long, value_name = "BUNDEL.json")]
        naar: PathBuf,
        #[command(flatten)]
        opslag: dossier::StoreArgs,
    },
    /// Maak een versleutelde backup van de gegevensmap (SQLite-database en sleutels).
    /// Bij PostgreSQL: maak een backup met pg_dump en bewaar de map keys/ apart en versleuteld;
    /// controleer na herstel met `verifieer --organisatie`.
    Backup {
        /// Het backupbestand (mag nog niet bestaan).
        #[arg(long, value_name = "BESTAND")]
        naar: PathBuf,
        /// De gegevensmap.
        #[arg(long, value_name = "MAP", default_value = "grondslag-data")]
        data: PathBuf,
        /// Bestand met het wachtwoord (anders GRONDSLAG_BACKUP_WACHTWOORD).
        #[arg(long, value_name = "BESTAND")]
        wachtwoord_bestand: Option<PathBuf>,
    },
    /// Herstel een backup in een nieuwe map en verifieer daarna elke organisatie.
    Herstel {
        bestand: PathBuf,
        /// Een nieuwe of lege map.
        #[arg(long, value_name = "MAP")]
        naar: PathBuf,
        /// Bestand met het wachtwoord (anders GRONDSLAG_BACKUP_WACHTWOORD).
        #[arg(long, value_name = "BESTAND")]
        wachtwoord_bestand: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Verifieer een bundel (offline) of alles wat voor een organisatie is opgeslagen.
    Verifieer {
        bundel: Option<PathBuf>,
        #[arg(long, value_name = "ID", conflicts_with = "bundel")]
        organisatie: Option<String>,
        #[command(flatten)]
        opslag: dossier::StoreArgs,
        #[arg(long)]
        json: bool,
    },
    /// Wis de inhoud van een dossierregel (bewaartermijn verstreken); de regel zelf blijft.
    Wis {
        #[arg(long, value_name = "ID")]
        client: String,
        #[arg(long, value_name = "SEQ")]
        regel: u64,
        #[command(flatten)]
        opslag: dossier::StoreArgs,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = (|| -> anyhow::Result<ExitCode> {
        let ctx = common::Context::new(cli.regels.as_deref(), cli.datum.as_deref(), &cli.taal)?;
        match cli.command {
            Command::Start(args) => start::run(&ctx, args),
            Command::Toets { paden, json } => toets::run(&ctx, &paden, json),
            Command::Controleer { json } => controleer::run(&ctx, json),
            Command::Vraag { json } => vraag::run(&ctx, json),
            Command::Beoordeel { bestand, json, open } => beoordeel::run(&ctx, &bestand, json, open),
            Command::Organisatie(c) => dossier::run(&ctx, dossier::Cmd::Organisatie(c)),
            Command::Professional(c) => dossier::run(&ctx, dossier::Cmd::Professional(c)),
            Command::Client(c) => dossier::run(&ctx, dossier::Cmd::Client(c)),
            Command::Vastleggen { bestand, client, professional, open, opslag, json } => {
                dossier::run(&ctx, dossier::Cmd::Vastleggen { bestand, client, professional, open, opslag, json })
            }
            Command::Besluit(b) => dossier::run(&ctx, dossier::Cmd::Besluit(b)),
            Command::Toestemming(c) => dossier::run(&ctx, dossier::Cmd::Toestemming(c)),
            Command::Dossier(c) => dossier::run(&ctx, dossier::Cmd::Dossier(c)),
            Command::Exporteer { client, naar, opslag } => dossier::run(&ctx, dossier::Cmd::Exporteer { client, naar, opslag }),
            Command::Verifieer { bundel, organisatie, opslag, json } => {
                dossier::run(&ctx, dossier::Cmd::Verifieer { bundel, organisatie, opslag, json })
            }
            Command::Backup { naar, data, wachtwoord_bestand } => backup::backup(&ctx, &data, &naar, wachtwoord_bestand.as_deref()),
            Command::Herstel { bestand, naar, wachtwoord_bestand, json } => {
                backup::herstel(&ctx, &bestand, &naar, wachtwoord_bestand.as_deref(), json)
            }
            Command::Wis { client, regel, opslag } => dossier::run(&ctx, dossier::Cmd::Wis { client, regel, opslag }),
        }
    })();
    match result {
        Ok(code) => code,
        Err(e) => {
            // Before the context exists (or when `--taal` itself is wrong) the language comes from
            // the flag as typed, Dutch when it is not one the CLI speaks.
            let lang = common::parse_lang(&cli.taal).unwrap_or(grondslag_rules::Lang::Nl);
            eprintln!("{}", common::terminal_safe(&common::tr_args(lang, "cli-main-error", &[("error", &error_text(&e, lang))])));
            ExitCode::from(2)
        }
    }
}

/// The error as `{e:#}` writes it (each cause after a colon), with the messages the app words
/// through the catalogue in `lang`.
fn error_text(e: &anyhow::Error, lang: grondslag_rules::Lang) -> String {
    e.chain()
        .map(|cause| match cause.downcast_ref::<grondslag_app::AppError>() {
            Some(grondslag_app::AppError::Invalid(m)) => m.render(lang),
            Some(grondslag_app::AppError::Refused(r)) => r.message().render(lang),
            _ => match cause.downcast_ref::<grondslag_app::backup::BackupError>() {
                Some(b) => b.message().render(lang),
                None => cause.to_string(),
            },
        })
        .collect::<Vec<_>>()
        .join(": ")
}
