//! `grondslag vraag`: a deliberation in the terminal. One question at a time (only those that
//! can still change the answer), "waarom" explains why it is asked and on which source,
//! "terug" and "wijzig" revise earlier answers (revisions are listed with the answer), the
//! professional records their own weighing where the law leaves it to them, and the session
//! ends with the answer in plain Dutch. Prompts go to stderr, the answer to stdout, so
//! `--json` output can be piped.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use grondslag_app::deliberation::{Criterion, Deliberation, Evaluated, evaluate_plain};
use grondslag_engine::{QuestionOut, SourceOut, options, report, source_line};
use grondslag_rules::{Domain, FactId, JudgmentId, Outcome, RawValue, RuleSet, Value};

use crate::common::{Context, out, outln, tr_args};
use crate::render;

struct Session<'a, R: BufRead, W: Write> {
    ctx: &'a Context,
    input: R,
    out: W,
    /// The same deliberation model as the web application's and the API's.
    d: Deliberation,
}

/// The longest answer line read.
const MAX_LINE: u64 = 64 * 1024;

enum Line {
    Text(String),
    Eof,
}

impl<R: BufRead, W: Write> Session<'_, R, W> {
    fn tr(&self, id: &'static str) -> &'static str {
        grondslag_i18n::tr(self.ctx.lang, id)
    }

    fn say(&mut self, s: &str) {
        let _ = writeln!(self.out, "{}", crate::common::terminal_safe(s));
    }

    fn read(&mut self, prompt: &str) -> Line {
        let _ = write!(self.out, "{} ", crate::common::terminal_safe(prompt));
        let _ = self.out.flush();
        let mut buf = String::new();
        // An answer is a word or a number; a line without end (e.g. /dev/zero as input) must not
        // fill memory.
        match std::io::BufRead::read_line(&mut <&mut R as std::io::Read>::take(&mut self.input, MAX_LINE), &mut buf) {
            Ok(0) | Err(_) => Line::Eof,
            Ok(n) if n as u64 >= MAX_LINE && !buf.ends_with('\n') => {
                let msg = self.tr("cli-vraag-that-input-is-too-long");
                self.say(msg);
                Line::Eof
            }
            Ok(_) => Line::Text(buf.trim().to_string()),
        }
    }

    fn rules(&self) -> &RuleSet {
        &self.ctx.rules
    }

    fn evaluate(&self) -> anyhow::Result<Evaluated> {
        Ok(evaluate_plain(self.rules(), &self.d)?)
    }

    fn set(&mut self, fact: FactId, value: Value) {
        self.d.set_value(&self.ctx.rules, fact, value, self.ctx.lang);
    }

    fn undo(&mut self) -> bool {
        self.d.back()
    }

    /// Lets the user pick an earlier answer to change; returns the fact to ask again.
    fn choose_revision(&mut self) -> Option<FactId> {
        let known: Vec<(FactId, Value)> = self.d.facts(self.rules()).known().collect();
        if known.is_empty() {
            let m = self.tr("cli-vraag-there-are-no-answers-to").to_string();
            self.say(&m);
            return None;
        }
        let head = self.tr("cli-vraag-which-answer-do-you-want").to_string();
        self.say(&head);
        for (n, (f, v)) in known.iter().enumerate() {
            let rules = self.rules();
            let line =
                format!("  {}. {}: {}", n + 1, rules.facts[f.ix()].label.get(self.ctx.lang), rules.value_label(*f, *v, self.ctx.lang));
            self.say(&line);
        }
        let prompt = self.tr("cli-vraag-number-empty-back").to_string();
        match self.read(&prompt) {
            Line::Text(s) => s.parse::<usize>().ok().and_then(|n| known.get(n.wrapping_sub(1))).map(|(f, _)| *f),
            Line::Eof => None,
        }
    }

    fn show_why(&mut self, q: &QuestionOut) {
        let lang = self.ctx.lang;
        let mut lines =
            vec![format!("{} {}", self.tr("cli-vraag-why-i-ask-this"), q.why), q.why_now.clone(), self.tr("common-source").to_string()];
        // Each source by publisher and title, with its status and address.
        for c in &q.sources {
            match self.rules().sources.iter().find(|s| &s.citation == c) {
                Some(s) => {
                    let s = SourceOut::new(s);
                    lines.push(format!("  • {}", source_line(&s, lang)));
                    lines.push(format!("    {}", s.url));
                }
                None => lines.push(format!("  • {c}")),
            }
        }
        lines.push(format!("{} {}", self.tr("cli-vraag-who-can-answer-this"), self.who(&q.answered_by)));
        for l in lines {
            self.say(&l);
        }
    }

    fn who(&self, answered_by: &str) -> String {
        match answered_by {
            "professional" => self.tr("cli-vraag-you-yourself"),
            "client" => self.tr("cli-vraag-the-client-ask-him"),
            "requester" => self.tr("cli-vraag-the-requester-check-with-him"),
            other => other,
        }
        .to_string()
    }

    fn show_options(&mut self, fact: FactId, all: bool) {
        let opts = options(self.rules(), fact, self.ctx.lang);
        let is_role = matches!(self.rules().facts[fact.ix()].domain, Domain::Role { .. });
        if is_role && !all {
            let m = self.tr("cli-vraag-type-part-of-the-role").to_string();
            self.say(&m);
            return;
        }
        for (n, o) in opts.iter().enumerate() {
            let line = format!("  {:>2}. {} ({})", n + 1, o.label, o.value);
            self.say(&line);
        }
    }

    /// Parses an answer typed by a person: a number from the list, an id, part of a label,
    /// ja/nee, or an age. Errors are in the session's language and say what is expected.
    fn parse_answer(&self, fact: FactId, text: &str) -> Result<Value, String> {
        let rules = self.rules();
        let opts = options(rules, fact, self.ctx.lang);
        let lower = text.to_lowercase();
        let pick = |token: &str| -> Result<String, String> {
            let token = token.trim().to_lowercase();
            if let Ok(n) = token.parse::<usize>()
                && let Some(o) = opts.get(n.wrapping_sub(1))
            {
                return Ok(o.value.clone());
            }
            // Exact matches win over partial ones: "veilig thuis" is Veilig Thuis, not the
            // vertrouwensarts whose label mentions it.
            let as_id = token.replace(' ', "_");
            if let Some(o) = opts.iter().find(|o| o.value == token || o.value == as_id || o.label.to_lowercase() == token) {
                return Ok(o.value.clone());
            }
            let starts: Vec<_> = opts.iter().filter(|o| o.label.to_lowercase().starts_with(&token)).collect();
            if let [one] = starts.as_slice() {
                return Ok(one.value.clone());
            }
            let matches: Vec<_> = opts.iter().filter(|o| o.label.to_lowercase().contains(&token) || o.value.contains(&token)).collect();
            match matches.as_slice() {
                [one] => Ok(one.value.clone()),
                [] => Err(tr_args(self.ctx.lang, "cli-vraag-not-recognised-choose-a-number", &[("input", &token)])),
                many => Err(tr_args(
                    self.ctx.lang,
                    "cli-vraag-matches-more-than-one-choice",
                    &[
                        ("input", &token),
                        ("choices", &many.iter().map(|o| format!("{} ({})", o.label, o.value)).collect::<Vec<_>>().join(", ")),
                    ],
                )),
            }
        };
        let raw = match &rules.facts[fact.ix()].domain {
            Domain::Bool => match lower.as_str() {
                "j" | "ja" | "y" | "yes" | "true" | "1" => RawValue::Bool(true),
                "n" | "nee" | "no" | "false" | "0" => RawValue::Bool(false),
                _ => return Err(self.tr("cli-vraag-answer-ja-or-nee").into()),
            },
            Domain::Age => match lower.parse::<i64>() {
                Ok(n) => RawValue::Int(n),
                Err(_) => return Err(self.tr("cli-vraag-give-the-age-in-whole-years").into()),
            },
            Domain::Set(_) => RawValue::List(lower.split([',', ' ']).filter(|s| !s.is_empty()).map(pick).collect::<Result<_, _>>()?),
            Domain::Enum(_) | Domain::Role { .. } => RawValue::Str(pick(&lower)?),
        };
        rules.parse_value(fact, &raw)
    }

    /// Asks one fact. Returns false when the input ended.
    fn ask(&mut self, q: &QuestionOut, fact: FactId, number: usize) -> bool {
        let header = format!("\n{} {number}. {}", self.tr("common-question"), q.text);
        self.say(&header);
        let is_age = matches!(self.rules().facts[fact.ix()].domain, Domain::Age);
        let is_bool = matches!(self.rules().facts[fact.ix()].domain, Domain::Bool);
        if !is_age && !is_bool {
            self.show_options(fact, false);
        }
        let help = self.tr("cli-vraag-type-waarom-for-the-reason").to_string();
        self.say(&help);
        loop {
            let prompt = if is_bool { self.tr("cli-vraag-yes-no") } else { ">" }.to_string();
            let text = match self.read(&prompt) {
                Line::Eof => return false,
                Line::Text(t) => t,
            };
            match text.to_lowercase().as_str() {
                "" => continue,
                "waarom" | "waarom?" | "?" | "why" => self.show_why(q),
                "lijst" | "list" => self.show_options(fact, true),
                "terug" | "back" => {
                    if !self.undo() {
                        let m = self.tr("cli-vraag-this-is-the-first-question").to_string();
                        self.say(&m);
                        continue;
                    }
                    return true;
                }
                "wijzig" | "change" => {
                    if let Some(f) = self.choose_revision() {
                        self.reask(f);
                    }
                    return true;
                }
                "stop" | "quit" => return false,
                _ => match self.parse_answer(fact, &text) {
                    Ok(v) => {
                        self.set(fact, v);
                        return true;
                    }
                    Err(e) => {
                        let m = format!("{} {e}", self.tr("cli-vraag-i-dont-understand"));
                        self.say(&m);
                    }
                },
            }
        }
    }

    /// Asks a fact again (a revision), with its own question text.
    fn reask(&mut self, fact: FactId) {
        let rules = self.rules();
        let f = &rules.facts[fact.ix()];
        let q = QuestionOut {
            fact: f.id.clone(),
            text: f.question.get(self.ctx.lang).to_string(),
            why: f.why.get(self.ctx.lang).to_string(),
            why_now: self.tr("common-you-are-changing-an-earlier").to_string(),
            purpose: grondslag_engine::QuestionPurpose::Outcome,
            answered_by: f.answered_by.clone(),
            answer_type: String::new(),
            options: Vec::new(),
            sources: f.sources.iter().map(|s| rules.source(*s).citation.clone()).collect(),
        };
        self.ask(&q, fact, 0);
    }

    /// Records the professional's own weighing, criterion by criterion, with reasons.
    fn record_judgment(&mut self, j: JudgmentId) -> bool {
        let set = self.rules().judgments[j.ix()].clone();
        let lang = self.ctx.lang;
        let intro = format!("\n{}\n{}", set.title.get(lang), set.intro.get(lang));
        self.say(&intro);
        let mut criteria = Vec::with_capacity(set.criteria.len());
        for (i, c) in set.criteria.iter().enumerate() {
            let line = format!("\n{}. {}", i + 1, c.label.get(lang));
            self.say(&line);
            let answer = loop {
                let p = self.tr("cli-vraag-your-judgment-yes-no").to_string();
                match self.read(&p) {
                    Line::Eof => return false,
                    Line::Text(t) => match t.to_lowercase().as_str() {
                        "j" | "ja" | "y" | "yes" => break true,
                        "n" | "nee" | "no" => break false,
                        _ => {
                            let m = self.tr("cli-vraag-answer-yes-or-no-this").to_string();
                            self.say(&m);
                        }
                    },
                }
            };
            let reason = loop {
                let p = self.tr("cli-vraag-your-reasons-in-your-own").to_string();
                match self.read(&p) {
                    Line::Eof => return false,
                    Line::Text(t) if !t.is_empty() => break t,
                    Line::Text(_) => {
                        let m = self.tr("cli-vraag-write-briefly-why-it-belongs").to_string();
                        self.say(&m);
                    }
                }
            };
            criteria.push(Criterion { answer: Some(answer), reasons: reason });
        }
        self.d.set_judgment(&self.ctx.rules, j, criteria);
        true
    }
}

pub fn run(ctx: &Context, json: bool) -> anyhow::Result<ExitCode> {
    let stdin = std::io::stdin();
    let mut s = Session { ctx, input: stdin.lock(), out: std::io::stderr(), d: Deliberation::new(None, ctx.date) };
    let intro = s.tr("cli-vraag-grondslag-may-i-share-this");
    s.say(intro);
    let mut asked_judgment: Vec<JudgmentId> = Vec::new();
    let mut n = 0;
    let finished = loop {
        let Evaluated { evaluation: ev, facts, judgments, .. } = s.evaluate()?;
        let rep = report(&ctx.rules, &ev, &facts, &judgments, ctx.lang);
        if let (Some(q), Some(qo)) = (ev.questions.first(), rep.questions.first()) {
            n += 1;
            if !s.ask(qo, q.fact, n) {
                break false;
            }
            continue;
        }
        // The outcome stands. Where the law leaves a weighing to the professional, offer to
        // record it now; the answer then rests on their judgment, quoted as theirs.
        if let Some(j) = ev.required_judgments.iter().copied().find(|j| !asked_judgment.contains(j)) {
            asked_judgment.push(j);
            let title = ctx.rules.judgments[j.ix()].title.get(ctx.lang).to_string();
            let p = format!(
                "\n{} '{title}' {} {}",
                s.tr("cli-vraag-this-answer-needs-your-own"),
                s.tr("cli-vraag-record-it-now"),
                s.tr("cli-vraag-yes-no-choice")
            );
            match s.read(&p) {
                Line::Eof => break true,
                Line::Text(t) if matches!(t.to_lowercase().as_str(), "j" | "ja" | "y" | "yes") => {
                    if !s.record_judgment(j) {
                        break false;
                    }
                }
                Line::Text(_) => {}
            }
            continue;
        }
        // Final answer; the user may still change an answer.
        let text = render::answer(&rep, ctx.lang, &s.d.revisions);
        if json {
            s.say(&format!("\n{text}"));
        } else {
            outln!("\n{text}");
        }
        let p = s.tr("cli-vraag-type-wijzig-to-change-an").to_string();
        match s.read(&p) {
            Line::Text(t) if t.eq_ignore_ascii_case("wijzig") || t.eq_ignore_ascii_case("change") => {
                if let Some(f) = s.choose_revision() {
                    s.reask(f);
                }
                continue;
            }
            _ => break true,
        }
    };
    let Evaluated { evaluation: ev, facts, judgments, .. } = s.evaluate()?;
    let rep = report(&ctx.rules, &ev, &facts, &judgments, ctx.lang);
    if json {
        outln!("{}", serde_json::to_string_pretty(&rep)?);
    } else if ev.outcome == Outcome::Undetermined {
        let m = s.tr("cli-vraag-stopped-before-the-answer-was");
        s.say(m);
        out!("{}", render::answer(&rep, ctx.lang, &s.d.revisions));
    } else if !finished {
        out!("{}", render::answer(&rep, ctx.lang, &s.d.revisions));
    }
    Ok(if ev.outcome == Outcome::Undetermined { ExitCode::from(3) } else { ExitCode::SUCCESS })
}
