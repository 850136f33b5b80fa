//! `grondslag`: the command-line face of Grondslag. Subcommands are Dutch, like everything a
//! user reads: `toets` runs scenarios, `controleer` checks the rule set, `vraag` holds a
//! deliberation in the terminal, `beoordeel` answers from a facts file.

mod beoordeel;
mod common;
mod controleer;
mod render;
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = (|| -> anyhow::Result<ExitCode> {
        let ctx = common::Context::new(cli.regels.as_deref(), cli.datum.as_deref(), &cli.taal)?;
        match cli.command {
            Command::Toets { paden, json } => toets::run(&ctx, &paden, json),
            Command::Controleer { json } => controleer::run(&ctx, json),
            Command::Vraag { json } => vraag::run(&ctx, json),
            Command::Beoordeel { bestand, json, open } => beoordeel::run(&ctx, &bestand, json, open),
        }
    })();
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("fout: {e:#}");
            ExitCode::from(2)
        }
    }
}
