//! The help texts of every command and argument (`grondslag … --help`), from the catalogue in
//! the language of `--taal`. Ids follow the command's path below `grondslag`, lowercase with
//! hyphens for underscores:
//!
//! - a command: `cli-help` for `grondslag` itself, `cli-help-toestemming-registreer` for
//!   `grondslag toestemming registreer`;
//! - an argument: the command's id, two hyphens, the argument (`cli-help-toets--json`,
//!   `cli-help--taal` for a global one). An argument many commands share (`--json`, `--data`)
//!   has one text under `cli-help-all--<argument>`, used where the command has none of its own.
//!
//! clap's own words ("Usage", "Options", "Print help") stay as clap writes them. The CLI's tests
//! compile this file too, so it names nothing but clap, std and the catalogue.

use std::ffi::OsString;

use clap::Command;
use grondslag_i18n::{Lang, tr_id};

/// The first part of every help id.
const PREFIX: &str = "cli-help";
/// The path part of the ids of shared argument texts.
const SHARED: &str = "all";

/// The language of the help, decided before clap parses: English for `--taal en` or `--taal=en`
/// (the last one counts, as in clap), Dutch for anything else. clap still checks the flag itself.
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut lang = Lang::Nl;
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        if arg == "--" {
            break;
        }
        let value =
            if arg == "--taal" { rest.next().cloned() } else { arg.to_str().and_then(|a| a.strip_prefix("--taal=")).map(OsString::from) };
        if let Some(value) = value {
            lang = if value == "en" { Lang::En } else { Lang::Nl };
        }
    }
    lang
}

fn part(name: &str) -> String {
    name.replace('_', "-").to_lowercase()
}

/// The id of the help text of the command at `path` (the names below `grondslag`).
pub fn command_id(path: &[String]) -> String {
    std::iter::once(PREFIX.to_owned()).chain(path.iter().map(|p| part(p))).collect::<Vec<_>>().join("-")
}

/// The id of the help text of argument `arg` (its clap id) of the command at `path`.
pub fn arg_id(path: &[String], arg: &str) -> String {
    format!("{}--{}", command_id(path), part(arg))
}

/// The help text of the command at `path`, if the catalogue has it in `lang`.
pub fn command_help(lang: Lang, path: &[String]) -> Option<&'static str> {
    tr_id(lang, &command_id(path))
}

/// The help text of argument `arg` of the command at `path`: its own, or else the shared one.
pub fn arg_help(lang: Lang, path: &[String], arg: &str) -> Option<&'static str> {
    tr_id(lang, &arg_id(path, arg)).or_else(|| tr_id(lang, &arg_id(&[SHARED.to_owned()], arg)))
}

/// `cmd` with the help texts of every (sub)command and argument in `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    localize_at(cmd, lang, &mut Vec::new())
}

fn localize_at(mut cmd: Command, lang: Lang, path: &mut Vec<String>) -> Command {
    if let Some(about) = command_help(lang, path) {
        cmd = cmd.about(about);
    }
    let args: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for arg in args {
        if let Some(help) = arg_help(lang, path, &arg) {
            cmd = cmd.mut_arg(arg, |a| a.help(help));
        }
    }
    let subcommands: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in subcommands {
        path.push(name.clone());
        cmd = cmd.mut_subcommand(name, |sub| localize_at(sub, lang, path));
        path.pop();
    }
    cmd
}
