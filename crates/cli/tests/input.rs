//! What the CLI reads and writes to the terminal: only regular files of a bounded size are read
//! (a directory, a device, a FIFO or a huge file is refused with a Dutch error naming it), and
//! control characters from files never reach the terminal raw (issue 9). And the language of
//! what it writes, help texts included, follows `--taal`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// The binary's own declaration of its commands and the code that gives them their help texts,
// compiled here too, so the test walks exactly the tree `grondslag` parses with.
#[path = "../src/args.rs"]
#[allow(dead_code)]
mod args;
#[path = "../src/help.rs"]
mod help;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

/// Runs the binary; fails the test if it has not finished within 20 seconds (a FIFO that
/// blocks the open would hang here).
fn run(args: &[&str]) -> Run {
    run_with_stdin(args, Stdio::null())
}

fn run_with_stdin(args: &[&str], stdin: Stdio) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_grondslag"))
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read both pipes while waiting: a large output (a JSON report) would otherwise fill the
    // pipe and block the child, which would look like a hang.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn std::io::Read + Send>));
    let began = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if began.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("grondslag {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        stdout: String::from_utf8_lossy(&stdout.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&stderr.join().unwrap()).into_owned(),
        code: status.code().unwrap_or(-1),
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn only_regular_files_of_bounded_size_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pijp");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let huge = dir.path().join("groot.yaml");
    std::fs::File::create(&huge).unwrap().set_len(10 * 1024 * 1024 + 1).unwrap();
    let huge_bundle = dir.path().join("bundel.json");
    std::fs::File::create(&huge_bundle).unwrap().set_len(32 * 1024 * 1024 + 1).unwrap();
    let folder = dir.path().join("map");
    std::fs::create_dir(&folder).unwrap();
    for (path, why) in [
        (s(&folder), "geen gewoon bestand"),
        ("/dev/zero", "geen gewoon bestand"),
        (s(&fifo), "geen gewoon bestand"),
        (s(&huge), "te groot"),
    ] {
        let bundle = if path == s(&huge) { s(&huge_bundle) } else { path };
        for args in [vec!["beoordeel", path], vec!["verifieer", bundle]] {
            let path = args[1];
            let r = run(&args);
            assert_eq!(r.code, 2, "{args:?}: {} {}", r.stdout, r.stderr);
            assert!(r.stderr.contains(path) && r.stderr.contains(why), "{args:?}: {}", r.stderr);
        }
        // `toets` reports the file as invalid and goes on.
        let r = run(&["toets", path]);
        assert_ne!(r.code, 0);
    }
    let r = run(&["toets", s(&huge)]);
    assert!(r.stdout.contains("te groot"), "{}", r.stdout);
}

#[test]
fn control_characters_from_files_are_escaped_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // An unknown fact whose name clears the screen; the error names it.
    let facts = dir.path().join("feiten.yaml");
    std::fs::write(&facts, "facts:\n  \"\\e[2Jkwaad\": true\n").unwrap();
    let r = run(&["beoordeel", s(&facts)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(!r.stderr.contains('\u{1b}'), "raw escape on stderr: {:?}", r.stderr);
    assert!(r.stderr.contains("\\u{1b}[2Jkwaad"), "{}", r.stderr);
    // A scenario whose id and title carry escape sequences.
    let scenario = dir.path().join("scenario.yaml");
    std::fs::write(
        &scenario,
        "id: \"x\\e]0;titel\\ay\"\ntitle: \"\\e[31mrood\"\nsituation: s\nfacts:\n  sender_role: huisarts\nexpect:\n  outcome: may_share\n",
    )
    .unwrap();
    let r = run(&["toets", s(&scenario)]);
    assert!(!r.stdout.contains('\u{1b}') && !r.stdout.contains('\u{7}'), "raw control characters on stdout: {:?}", r.stdout);
    assert!(r.stdout.contains("\\u{1b}"), "{}", r.stdout);
}

/// `vraag` reads answers line by line; an endless line (here /dev/zero as standard input) ends
/// the session with a Dutch message instead of filling memory.
#[test]
fn an_endless_answer_line_is_refused() {
    let r = run_with_stdin(&["vraag"], Stdio::from(std::fs::File::open("/dev/zero").unwrap()));
    let all = format!("{}{}", r.stdout, r.stderr);
    assert!(all.contains("Die invoer is te lang"), "{all}");
}

/// `--taal en` gives the CLI's own messages in English; without it they are Dutch, word for word
/// as before. A language the CLI does not speak is refused in Dutch.
#[test]
fn the_language_flag_chooses_the_words_of_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("bestaat-niet.yaml");
    let r = run(&["beoordeel", s(&missing)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.starts_with("fout: "), "{}", r.stderr);
    assert!(r.stderr.contains(&format!("{}: kan bestand niet lezen", s(&missing))), "{}", r.stderr);
    let r = run(&["--taal", "en", "beoordeel", s(&missing)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
    assert!(r.stderr.contains(&format!("{}: cannot read the file", s(&missing))), "{}", r.stderr);
    assert!(!r.stderr.contains("kan bestand niet lezen"), "{}", r.stderr);

    let r = run(&["--taal", "en", "--datum", "gisteren", "controleer"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("invalid date 'gisteren'; write YYYY-MM-DD"), "{}", r.stderr);
    let r = run(&["--datum", "gisteren", "controleer"]);
    assert!(r.stderr.contains("ongeldige datum 'gisteren'; schrijf JJJJ-MM-DD"), "{}", r.stderr);

    let r = run(&["--taal", "fr", "beoordeel", s(&missing)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("fout: onbekende taal 'fr'; kies nl of en"), "{}", r.stderr);
}

/// The app's own refusals, worded through the catalogue, also follow `--taal`.
#[test]
fn the_apps_catalogue_errors_follow_the_language_flag() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let command = [
        "client",
        "nieuw",
        "--organisatie",
        "0192f000-0000-7000-8000-000000000001",
        "--referentie",
        "r",
        "--naam",
        "\u{7}",
        "--data",
        s(&data),
    ];
    for (flags, prefix, message) in
        [(&[][..], "fout: ", "is leeg of bevat stuurtekens"), (&["--taal", "en"][..], "error: ", "is empty or contains control characters")]
    {
        let args: Vec<&str> = flags.iter().copied().chain(command).collect();
        let r = run(&args);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stderr.starts_with(prefix) && r.stderr.contains(message), "{}", r.stderr);
    }
}

/// Every command and every argument a user sees (not clap's own help and version), with the id
/// of its help text and the text the command tree carries after `help::localize`.
fn help_texts(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<(String, String)>) {
    out.push((help::command_id(path), cmd.get_about().map(ToString::to_string).unwrap_or_default()));
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set() && !matches!(a.get_id().as_str(), "help" | "version")) {
        // The command's own id; a text shared by many commands (`help::arg_help`) also counts.
        out.push((help::arg_id(path, arg.get_id().as_str()), arg.get_help().map(ToString::to_string).unwrap_or_default()));
    }
    for sub in cmd.get_subcommands() {
        path.push(sub.get_name().to_owned());
        help_texts(sub, path, out);
        path.pop();
    }
}

/// The clap types carry no help texts of their own: every command and argument gets one from
/// the catalogue, in Dutch and in English, and the two differ at the top.
#[test]
fn every_command_and_argument_has_a_help_text_in_both_languages() {
    use clap::CommandFactory;
    use grondslag_i18n::Lang;

    let mut bare = Vec::new();
    help_texts(&args::Cli::command(), &mut Vec::new(), &mut bare);
    assert!(bare.len() > 100, "the walk found almost nothing ({})", bare.len());
    let worded: Vec<_> = bare.iter().filter(|(_, text)| !text.is_empty()).collect();
    assert!(worded.is_empty(), "help texts outside the catalogue: {worded:?}");

    let mut tops = Vec::new();
    for lang in [Lang::Nl, Lang::En] {
        let mut texts = Vec::new();
        help_texts(&help::localize(args::Cli::command(), lang), &mut Vec::new(), &mut texts);
        assert_eq!(texts.len(), bare.len());
        let missing: Vec<_> = texts.iter().filter(|(_, text)| text.trim().is_empty()).map(|(id, _)| id).collect();
        assert!(missing.is_empty(), "{lang:?}: no help text for {missing:?}");
        tops.push(texts[0].1.clone());
    }
    assert_ne!(tops[0], tops[1], "the English help is the Dutch one");
}

#[test]
fn the_help_language_is_read_from_the_arguments_before_parsing() {
    use grondslag_i18n::Lang;
    let lang = |args: &[&str]| help::lang_of(&args.iter().map(std::ffi::OsString::from).collect::<Vec<_>>());
    assert_eq!(lang(&["grondslag", "--help"]), Lang::Nl);
    assert_eq!(lang(&["grondslag", "--taal", "en", "--help"]), Lang::En);
    assert_eq!(lang(&["grondslag", "vraag", "--taal=en", "--help"]), Lang::En);
    assert_eq!(lang(&["grondslag", "--taal", "fr", "--help"]), Lang::Nl);
    assert_eq!(lang(&["grondslag", "--taal", "en", "--taal", "nl", "--help"]), Lang::Nl);
    assert_eq!(lang(&["grondslag", "toets", "--", "--taal", "en"]), Lang::Nl);
}

/// `--help` speaks the language of `--taal`: Dutch as before by default, English on request,
/// for the commands and for their arguments; clap's own words stay clap's.
#[test]
fn help_follows_the_language_flag() {
    let r = run(&["--help"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Mag ik dit delen — met wie, wat, en op welke grond?"), "{}", r.stdout);
    assert!(r.stdout.contains("Map met regelbestanden (standaard: de regels die in dit programma zijn ingebouwd)"), "{}", r.stdout);
    assert!(r.stdout.contains("Taal van de uitvoer: nl (standaard) of en [default: nl]"), "{}", r.stdout);
    assert!(r.stdout.contains("Usage: grondslag"), "{}", r.stdout);

    let r = run(&["--taal", "en", "--help"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("May I share this — with whom, what, and on what grounds?"), "{}", r.stdout);
    assert!(r.stdout.contains("Record a decision after a deliberation"), "{}", r.stdout);
    assert!(!r.stdout.contains("Mag ik dit delen"), "{}", r.stdout);

    let r = run(&["--taal", "en", "vraag", "--help"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("--json           Output as JSON for machines"), "{}", r.stdout);
    assert!(r.stdout.contains("Language of the output: nl (default) or en [default: nl]"), "{}", r.stdout);

    let r = run(&["toestemming", "intrek", "--taal=en", "--help"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("The dossier entry (sequence number) of the consent"), "{}", r.stdout);

    // What clap refuses it still refuses with its own exit code.
    let r = run(&["--taal", "en", "--nonsense"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn casusoverleg_answers_per_participant_and_refuses_bad_participants_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let facts = dir.path().join("overleg.yaml");
    std::fs::write(
        &facts,
        "facts:\n  sender_role: jeugdhulpverlener\n  purpose: care\n  data_categories: [youth_care]\n  client_age: 9\n  client_competent: false\n  consent: not_asked\n  danger: none\n",
    )
    .unwrap();
    let r = run(&["casusoverleg", s(&facts), "--deelnemer", "leraar", "--deelnemer", "huisarts=betrokken"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Leraar, intern begeleider of schoolleiding: U mag niet delen"), "{}", r.stdout);
    assert!(r.stdout.contains("Huisarts (werkt mee aan uw behandeling of hulp): U mag delen"), "{}", r.stdout);
    assert!(r.stdout.contains("Zonder naam bespreken") && r.stdout.contains("convenant"));
    let r = run(&["casusoverleg", s(&facts), "--deelnemer", "leraar", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["deelnemers"][0]["verslag"]["outcome"], "may_not_share");
    // Bad participants: a Dutch message, exit code 2.
    for bad in ["leraar=ja", "bestaat_niet"] {
        let r = run(&["casusoverleg", s(&facts), "--deelnemer", bad]);
        assert_eq!(r.code, 2, "{bad}: {}", r.stdout);
        assert!(r.stderr.contains("--deelnemer"), "{bad}: {}", r.stderr);
    }
    // The recipient belongs to the participants, not the facts file.
    std::fs::write(&facts, "facts:\n  sender_role: huisarts\n  recipient_role: politie\n").unwrap();
    let r = run(&["casusoverleg", s(&facts), "--deelnemer", "leraar"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("niet in de feiten"), "{}", r.stderr);
}
