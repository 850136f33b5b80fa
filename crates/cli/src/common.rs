//! What every subcommand needs: the rule set, the date of the law applied, the language.

use std::path::Path;

use anyhow::{Context as _, anyhow};
use grondslag_i18n::tr_with;
use grondslag_rules::{Lang, RuleSet};
use time::{Date, OffsetDateTime, macros::format_description};

pub struct Context {
    pub rules: RuleSet,
    pub date: Date,
    pub lang: Lang,
}

impl Context {
    pub fn new(rules_dir: Option<&Path>, date: Option<&str>, lang: &str) -> anyhow::Result<Self> {
        // The language is known before anything else is checked, so that every error below is
        // in it; an unknown language is still reported where it always was, after the rest.
        let chosen = parse_lang(lang);
        let l = chosen.unwrap_or(Lang::Nl);
        let rules = match rules_dir {
            Some(dir) => grondslag_rules::load_dir(dir),
            None => grondslag_rules::load_embedded(),
        }
        .map_err(|e| anyhow!("{}\n{e}", grondslag_i18n::tr(l, "cli-common-the-rule-set-cannot-be-loaded")))?;
        let date = match date {
            Some(d) => Date::parse(d, format_description!("[year]-[month]-[day]"))
                .with_context(|| tr_args(l, "cli-common-invalid-date-write-yyyy-mm-dd", &[("date", &d)]))?,
            None => OffsetDateTime::now_utc().date(),
        };
        let lang = chosen.ok_or_else(|| anyhow!(tr_args(l, "cli-common-unknown-language-choose-nl-or-en", &[("lang", &lang)])))?;
        Ok(Context { rules, date, lang })
    }
}

/// The language of `--taal`, if it is one the CLI speaks.
pub fn parse_lang(lang: &str) -> Option<Lang> {
    match lang {
        "nl" => Some(Lang::Nl),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// [`tr_with`] with every variable given as text (numbers too, so they appear exactly as
/// `format!` would write them).
pub fn tr_args(lang: Lang, id: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let values: Vec<(&str, grondslag_i18n::FluentValue<'_>)> = args.iter().map(|(n, v)| (*n, v.to_string().into())).collect();
    tr_with(lang, id, &values)
}

/// The largest facts, scenario or password file read (far beyond any real one; a mistake such
/// as a log file or an image is refused before it fills memory).
pub const MAX_INPUT_BYTES: u64 = 10 * 1024 * 1024;
/// The largest bundle read: the largest the server exports.
pub const MAX_BUNDLE_BYTES: u64 = grondslag_app::MAX_BUNDLE_BYTES as u64;
/// The largest backup read; `herstel` holds it in memory while decrypting.
pub const MAX_BACKUP_BYTES: u64 = 2 * 1024 * 1024 * 1024;

fn size_text(bytes: u64, lang: Lang) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MiB", bytes.div_ceil(1024 * 1024))
    } else {
        tr_args(lang, "cli-common-size-bytes", &[("bytes", &bytes)])
    }
}

/// Reads a file given on the command line: only a regular file (not a directory, device or
/// pipe, which could block or never end) of at most `max` bytes. Errors are in `lang` and name
/// the file.
pub fn read_input(path: &Path, max: u64, lang: Lang) -> anyhow::Result<Vec<u8>> {
    use std::io::Read as _;
    let shown = terminal_safe(&path.display().to_string()).into_owned();
    let not_regular = || anyhow!(tr_args(lang, "cli-common-file-is-not-a-regular-file", &[("file", &shown)]));
    let unreadable = || tr_args(lang, "cli-common-file-cannot-be-read", &[("file", &shown)]);
    // Checked before opening: opening a FIFO would wait for a writer.
    let meta = std::fs::metadata(path).with_context(unreadable)?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let file = std::fs::File::open(path).with_context(unreadable)?;
    // And again on the opened file, in case the path was swapped in between.
    let meta = file.metadata().with_context(unreadable)?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let too_big = || anyhow!(tr_args(lang, "cli-common-file-is-too-big", &[("file", &shown), ("max", &size_text(max, lang))]));
    if meta.len() > max {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).with_context(unreadable)?;
    if bytes.len() as u64 > max {
        return Err(too_big());
    }
    Ok(bytes)
}

/// As [`read_input`], as UTF-8 text.
pub fn read_text(path: &Path, max: u64, lang: Lang) -> anyhow::Result<String> {
    let bytes = read_input(path, max, lang)?;
    String::from_utf8(bytes)
        .map_err(|_| anyhow!(tr_args(lang, "cli-common-file-is-not-utf-8-text", &[("file", &terminal_safe(&path.display().to_string()))])))
}

/// As [`read_text`], where `-` is standard input (read up to `max` bytes, then refused as too
/// big; not a terminal's endless wait: the user ends it with Ctrl+D).
pub fn read_text_or_stdin(path: &Path, max: u64, lang: Lang) -> anyhow::Result<String> {
    use std::io::Read as _;
    if path.as_os_str() != "-" {
        return read_text(path, max, lang);
    }
    let shown = grondslag_i18n::tr(lang, "cli-common-standard-input");
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .with_context(|| tr_args(lang, "cli-common-file-cannot-be-read", &[("file", &shown)]))?;
    if bytes.len() as u64 > max {
        return Err(anyhow!(tr_args(lang, "cli-common-file-is-too-big", &[("file", &shown), ("max", &size_text(max, lang))])));
    }
    String::from_utf8(bytes).map_err(|_| anyhow!(tr_args(lang, "cli-common-file-is-not-utf-8-text", &[("file", &shown)])))
}

/// Text for the terminal. Client names, scenario texts, file names and file contents can hold
/// control characters (an ANSI escape sequence can rewrite the screen or fake output); every
/// control character except newline and tab is shown as an escape such as `\u{1b}`. The CLI
/// itself writes no other control characters, so all its output passes through here.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { c.escape_unicode().to_string() } else { c.to_string() }).collect(),
    )
}

/// Writes to standard output through [`terminal_safe`]. Write errors (a closed pipe) end the
/// output quietly instead of panicking as `print!` would.
pub fn write_out(text: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(terminal_safe(text).as_bytes());
}

/// `print!` through [`terminal_safe`].
macro_rules! out {
    ($($arg:tt)*) => { $crate::common::write_out(&format!($($arg)*)) };
}

/// `println!` through [`terminal_safe`].
macro_rules! outln {
    () => { $crate::common::write_out("\n") };
    ($($arg:tt)*) => { $crate::common::write_out(&format!("{}\n", format_args!($($arg)*))) };
}

pub(crate) use {out, outln};
