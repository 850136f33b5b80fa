//! `grondslag`: the command-line face of Grondslag. Subcommands are Dutch, like everything a
//! user reads: `toets` runs scenarios, `controleer` checks the rule set, `vraag` holds a
//! deliberation in the terminal, `beoordeel` answers from a facts file. The dossier's commands (`organisatie`, `professional`,
//! `client`, `vastleggen`, `besluit`, `toestemming`, `dossier`, `exporteer`, `verifieer`, `wis`)
//! are in `dossier.rs`, the meldcode's (`meldcode toon`, `vastleggen`, `overzicht`) in
//! `meldcode.rs`. What a user may type is declared in `args.rs`; its help texts come from
//! the catalogue through `help.rs`.

mod args;
mod backup;
mod beoordeel;
mod casusoverleg;
mod common;
mod controleer;
mod dossier;
mod help;
mod meldcode;
mod render;
mod start;
mod toets;
mod vraag;

use std::ffi::OsString;
use std::process::ExitCode;

use args::{Cli, Command};
use clap::{CommandFactory, FromArgMatches};

fn main() -> ExitCode {
    // `Cli::parse()`, with the help texts in the language of `--taal` (clap's errors and exit
    // codes unchanged).
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut command = help::localize(Cli::command(), help::lang_of(&args));
    let matches = command.try_get_matches_from_mut(args).unwrap_or_else(|e| e.exit());
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.format(&mut command).exit());
    let result = (|| -> anyhow::Result<ExitCode> {
        let ctx = common::Context::new(cli.regels.as_deref(), cli.datum.as_deref(), &cli.taal)?;
        match cli.command {
            Command::Start(args) => start::run(&ctx, args),
            Command::Toets { paden, json } => toets::run(&ctx, &paden, json),
            Command::Controleer { json } => controleer::run(&ctx, json),
            Command::Vraag { json } => vraag::run(&ctx, json),
            Command::Beoordeel { bestand, json, open } => beoordeel::run(&ctx, &bestand, json, open),
            Command::Casusoverleg { bestand, deelnemers, json } => casusoverleg::run(&ctx, &bestand, &deelnemers, json),
            Command::Organisatie(c) => dossier::run(&ctx, dossier::Cmd::Organisatie(c)),
            Command::Professional(c) => dossier::run(&ctx, dossier::Cmd::Professional(c)),
            Command::Client(c) => dossier::run(&ctx, dossier::Cmd::Client(c)),
            Command::Vastleggen { bestand, client, professional, open, opslag, json } => {
                dossier::run(&ctx, dossier::Cmd::Vastleggen { bestand, client, professional, open, opslag, json })
            }
            Command::Besluit(b) => dossier::run(&ctx, dossier::Cmd::Besluit(b)),
            Command::Toestemming(c) => dossier::run(&ctx, dossier::Cmd::Toestemming(c)),
            Command::Dossier(c) => dossier::run(&ctx, dossier::Cmd::Dossier(c)),
            Command::Meldcode(c) => dossier::run(&ctx, dossier::Cmd::Meldcode(c)),
            Command::Exporteer { client, naar, fhir, opslag } => dossier::run(&ctx, dossier::Cmd::Exporteer { client, naar, fhir, opslag }),
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
