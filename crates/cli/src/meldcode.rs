//! `grondslag meldcode`: a client's meldcode trajectory on the command line, on the same store
//! as the other dossier commands. `toon` shows it readably in the language of `--taal` (with
//! `--json`: the document `GET /api/v1/clienten/{id}/meldcode` returns); `vastleggen` records
//! one event, read exactly as the API reads its body, and appends nothing when the trajectory
//! refuses it; `overzicht` lists an organisation's open trajectories without their content, as
//! the aandachtsfunctionaris' overview does (with `--json`: as `GET /api/v1/meldcode`).
//!
//! Like the other dossier commands the CLI works on the store directly: there is no session and
//! no access log here; whoever runs it holds the data directory and its keys.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::anyhow;
use grondslag_app::meldcode::{close_id, consulted_id, date_text as date, left_out_id, source_id, sources, step_states, summary};
use grondslag_app::{App, MeldcodeSummary, MeldcodeView};
use grondslag_dossier::meldcode::{
    Conversation, EMERGENCY_PHONE, Next, Notice, Outcome, Question, ReportingNorm, Sector, SourceId, Step, Trajectory, VEILIG_THUIS_PHONE,
    Verdict,
};
use grondslag_engine::source_line;
use grondslag_i18n::tr;
use grondslag_rules::{Lang, RuleSet};
use grondslag_store::{ClientId, OrgId, ProfessionalId, Store};
use grondslag_web::api::meldcode::schema::{MeldcodeSamenvatting, Meldcodetraject};
use time::Date;

use crate::args::MeldcodeCmd;
use crate::common::{Context, MAX_INPUT_BYTES, out, outln, read_text_or_stdin, terminal_safe, tr_args};
use crate::dossier::{id, print_json, print_receipt};

pub async fn run<S: Store>(ctx: &Context, app: &App<S>, cmd: MeldcodeCmd) -> anyhow::Result<ExitCode> {
    let lang = ctx.lang;
    match cmd {
        MeldcodeCmd::Toon { client, json, .. } => {
            let client = id::<ClientId>(&client, "cliënt")?;
            let Some(view) = app.meldcode(&client).await? else {
                if json {
                    outln!("null");
                } else {
                    outln!("{}", tr(lang, "cli-meldcode-no-trajectory"));
                }
                return Ok(ExitCode::from(1));
            };
            if json {
                print_json(&Meldcodetraject::of(&client, &view, &ctx.rules, ctx.date))?;
            } else {
                out!("{}", show(&client, &view, &ctx.rules, ctx.date, lang));
            }
        }
        MeldcodeCmd::Vastleggen { client, professional, bestand, json, .. } => {
            let text = read_text_or_stdin(&bestand, MAX_INPUT_BYTES, lang)?;
            let event = grondslag_web::api::meldcode::event_from_json(&text).map_err(|e| {
                let file =
                    if bestand.as_os_str() == "-" { tr(lang, "cli-common-standard-input").into() } else { bestand.display().to_string() };
                // serde's words, in Dutch where the API gives them in Dutch.
                let detail = if lang == Lang::Nl { grondslag_web::api::extract::dutch_detail(&e) } else { e };
                anyhow!(tr_args(lang, "cli-meldcode-not-an-event", &[("file", &terminal_safe(&file)), ("error", &detail)]))
            })?;
            let client = id::<ClientId>(&client, "cliënt")?;
            let receipt = app.record_meldcode(&client, &id::<ProfessionalId>(&professional, "professional")?, event.clone()).await?;
            if json {
                print_json(&receipt)?;
            } else {
                outln!("{}", summary(&event, lang));
                print_receipt("cli-meldcode-event", &receipt, false, lang)?;
                if let Some(t) = app.meldcode(&client).await?.and_then(|v| v.trajectory) {
                    outln!("\n{}\n  {}", tr(lang, "cli-meldcode-next-heading"), next_text(t.next(), lang));
                }
            }
        }
        MeldcodeCmd::Overzicht { organisatie, dagen, json, .. } => {
            let org = id::<OrgId>(&organisatie, "organisatie")?;
            // An organisation that does not exist is an error, not an empty overview.
            app.store().organisation(&org).await?;
            let open = app.meldcode_overview(&org, ctx.date, dagen).await?;
            if json {
                print_json(&open.iter().map(MeldcodeSamenvatting::from).collect::<Vec<_>>())?;
            } else {
                out!("{}", overview(&open, ctx.date, dagen, lang));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

// --- words for the core's values ------------------------------------------------------------

fn step_name(s: Step, lang: Lang) -> &'static str {
    tr(
        lang,
        match s {
            Step::Signals => "cli-meldcode-step-signals",
            Step::Consultation => "cli-meldcode-step-consultation",
            Step::Conversation => "cli-meldcode-step-conversation",
            Step::Weighing => "cli-meldcode-step-weighing",
            Step::Decision => "cli-meldcode-step-decision",
        },
    )
}

/// The question's short name ("vermoeden") and the question itself, in the reader's words.
fn question_text(q: Question, lang: Lang) -> (&'static str, &'static str) {
    let (name, text) = match q {
        Question::Suspicion => ("cli-meldcode-question-suspicion-name", "cli-meldcode-question-suspicion"),
        Question::Safety => ("cli-meldcode-question-safety-name", "cli-meldcode-question-safety"),
        Question::Help => ("cli-meldcode-question-help-name", "cli-meldcode-question-help"),
        Question::Acceptance => ("cli-meldcode-question-acceptance-name", "cli-meldcode-question-acceptance"),
        Question::Result => ("cli-meldcode-question-result-name", "cli-meldcode-question-result"),
    };
    (tr(lang, name), tr(lang, text))
}

fn outcome_text(o: Outcome, lang: Lang) -> &'static str {
    tr(
        lang,
        match o {
            Outcome::Close => "cli-meldcode-outcome-close",
            Outcome::Report => "cli-meldcode-outcome-report",
            Outcome::ReportAndJointlyDecideHelp => "cli-meldcode-outcome-report-jointly",
            Outcome::OfferHelpAndMonitor => "cli-meldcode-outcome-offer-help",
            Outcome::CloseWithMonitoringAgreements => "cli-meldcode-outcome-close-with-agreements",
        },
    )
}

fn norm_text(n: ReportingNorm, lang: Lang) -> &'static str {
    tr(
        lang,
        match n {
            ReportingNorm::AcuteOrStructuralUnsafety => "cli-meldcode-norm-unsafety",
            ReportingNorm::NoSufficientOwnHelp => "cli-meldcode-norm-no-own-help",
            ReportingNorm::UnsafetyPersistsOrRecurs => "cli-meldcode-norm-persists",
        },
    )
}

fn sector_name(s: Sector, lang: Lang) -> &'static str {
    tr(
        lang,
        match s {
            Sector::Care => "cli-meldcode-sector-care",
            Sector::YouthCare => "cli-meldcode-sector-youth-care",
            Sector::SocialSupport => "cli-meldcode-sector-social-support",
            Sector::Education => "cli-meldcode-sector-education",
            Sector::Childcare => "cli-meldcode-sector-childcare",
            Sector::Justice => "cli-meldcode-sector-justice",
            Sector::Other => "cli-meldcode-sector-other",
        },
    )
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    tr(lang, if b { "common-yes" } else { "common-no" })
}

/// What to do next, as one sentence.
fn next_text(n: Next, lang: Lang) -> String {
    match n {
        Next::Nothing => tr(lang, "cli-meldcode-next-nothing").into(),
        Next::ReportNow => report_now(lang),
        Next::Reweigh => tr(lang, "cli-meldcode-next-reweigh").into(),
        Next::Do(s) => tr_args(lang, "cli-meldcode-next-do", &[("number", &s.number()), ("step", &step_name(s, lang))]),
        Next::Answer(q) => {
            let (name, text) = question_text(q, lang);
            tr_args(lang, "cli-meldcode-next-answer", &[("number", &q.number()), ("name", &name), ("question", &text)])
        }
        Next::Decide(o) => tr_args(lang, "cli-meldcode-next-decide", &[("outcome", &outcome_text(o, lang))]),
        Next::Monitor => tr(lang, "cli-meldcode-next-monitor").into(),
        Next::RecordReport => tr(lang, "cli-meldcode-next-record-report").into(),
        Next::AwaitFeedback => tr(lang, "cli-meldcode-next-await-feedback").into(),
        Next::Close => tr(lang, "cli-meldcode-next-close").into(),
    }
}

fn report_now(lang: Lang) -> String {
    tr_args(lang, "cli-meldcode-report-now", &[("phone", &VEILIG_THUIS_PHONE), ("emergency", &EMERGENCY_PHONE)])
}

/// Free text of the professional, its later lines indented under the first.
fn indented(text: &str, depth: usize) -> String {
    text.trim().replace('\n', &format!("\n{}", " ".repeat(depth)))
}

fn seqs(list: &[u64]) -> String {
    list.iter().map(u64::to_string).collect::<Vec<_>>().join(", ")
}

// --- toon ---------------------------------------------------------------------------------------

/// The text being written: headings, lines, and items (`• `) with their details, the later lines
/// of the professional's free text indented under the first.
struct Page {
    text: String,
}

impl Page {
    fn new() -> Self {
        Page { text: String::new() }
    }

    fn heading(&mut self, title: &str) {
        let _ = write!(self.text, "\n{title}\n{}\n", "-".repeat(title.chars().count()));
    }

    fn line(&mut self, depth: usize, text: &str) {
        let _ = writeln!(self.text, "{}{}", " ".repeat(depth), indented(text, depth + 2));
    }

    fn item(&mut self, text: &str) {
        self.line(0, &format!("• {text}"));
    }

    fn detail(&mut self, text: &str) {
        self.line(2, text);
    }
}

fn show(client: &ClientId, view: &MeldcodeView, rules: &RuleSet, today: Date, lang: Lang) -> String {
    let mut s = Page::new();
    let _ = writeln!(s.text, "{}", tr_args(lang, "cli-meldcode-title", &[("client", client)]));
    match &view.trajectory {
        Some(t) => trajectory(&mut s, t, rules, today, lang),
        None => s.line(0, &format!("! {}", tr(lang, "cli-meldcode-unreadable"))),
    }
    records(&mut s, view, lang);
    s.text
}

fn trajectory(s: &mut Page, t: &Trajectory, rules: &RuleSet, today: Date, lang: Lang) {
    s.line(0, &tr_args(lang, "cli-meldcode-opened", &[("date", &date(t.opened_on(), lang)), ("sector", &sector_name(t.sector(), lang))]));
    match t.closure() {
        Some(c) => s.line(
            0,
            &tr_args(lang, "cli-meldcode-status-closed", &[("date", &date(c.on, lang)), ("reason", &tr(lang, close_id(c.reason)))]),
        ),
        None => s.line(0, tr(lang, "cli-meldcode-status-open")),
    }
    if let Some(acute) = t.acute_danger() {
        s.line(0, "");
        s.line(
            0,
            &format!("! {}", tr_args(lang, "cli-meldcode-acute", &[("date", &date(acute.on, lang)), ("reasons", &acute.item.trim())])),
        );
    }

    s.heading(tr(lang, "cli-meldcode-next-heading"));
    s.line(0, &next_text(t.next(), lang));
    if !t.is_closed() {
        s.line(0, tr(lang, "cli-meldcode-order-is-free"));
    }

    s.heading(tr(lang, "cli-meldcode-steps-heading"));
    for st in step_states(t, today) {
        let state = match (st.done, st.last_touched) {
            (true, Some(d)) => tr_args(lang, "cli-meldcode-step-done", &[("date", &date(d, lang))]),
            (false, Some(d)) => tr_args(lang, "cli-meldcode-step-open", &[("date", &date(d, lang)), ("days", &st.days)]),
            (_, None) => tr(lang, "cli-meldcode-step-never").into(),
        };
        s.line(
            0,
            &tr_args(
                lang,
                "cli-meldcode-step-line",
                &[("number", &st.step.number()), ("step", &step_name(st.step, lang)), ("state", &state)],
            ),
        );
    }

    if !t.signals().is_empty() {
        s.heading(tr(lang, "cli-meldcode-signals-heading"));
        for x in t.signals() {
            let sig = &x.item;
            s.item(&tr_args(
                lang,
                "cli-meldcode-signal-line",
                &[("date", &date(x.on, lang)), ("source", &tr(lang, source_id(sig.source))), ("observation", &sig.observation.trim())],
            ));
            if !sig.source_detail.trim().is_empty() {
                s.detail(&tr_args(lang, "cli-meldcode-signal-who", &[("who", &sig.source_detail.trim())]));
            }
            if sig.observed_on != x.on {
                s.detail(&tr_args(lang, "cli-meldcode-signal-observed", &[("date", &date(sig.observed_on, lang))]));
            }
            if let Some(i) = sig.interpretation.as_deref().map(str::trim).filter(|i| !i.is_empty()) {
                s.detail(&tr_args(lang, "cli-meldcode-signal-interpretation", &[("interpretation", &i)]));
            }
            if sig.concerns_staff_member {
                s.detail(tr(lang, "cli-meldcode-signal-staff"));
            }
        }
    }

    if !t.consultations().is_empty() {
        s.heading(tr(lang, "cli-meldcode-consultations-heading"));
        for x in t.consultations() {
            let c = &x.item;
            let with = tr(lang, consulted_id(c.with));
            let line = if c.who.trim().is_empty() {
                tr_args(
                    lang,
                    "cli-meldcode-consultation-line",
                    &[("date", &date(x.on, lang)), ("with", &with), ("advice", &c.advice.trim())],
                )
            } else {
                tr_args(
                    lang,
                    "cli-meldcode-consultation-line-who",
                    &[("date", &date(x.on, lang)), ("with", &with), ("who", &c.who.trim()), ("advice", &c.advice.trim())],
                )
            };
            s.item(&line);
        }
    }

    if !t.requests().is_empty() {
        s.heading(tr(lang, "cli-meldcode-requests-heading"));
        for r in t.requests() {
            s.item(&tr_args(
                lang,
                "cli-meldcode-request-line",
                &[("date", &date(r.on, lang)), ("of", &tr(lang, consulted_id(r.of))), ("question", &r.question.trim())],
            ));
            s.detail(&match r.answered_on {
                Some(d) => tr_args(lang, "cli-meldcode-request-answered", &[("date", &date(d, lang))]),
                None => tr(lang, "cli-meldcode-request-open").into(),
            });
        }
    }

    if !t.conversations().is_empty() {
        s.heading(tr(lang, "cli-meldcode-conversations-heading"));
        for x in t.conversations() {
            s.item(&match &x.item {
                Conversation::Held { with, summary } => tr_args(
                    lang,
                    "cli-meldcode-conversation-held",
                    &[("date", &date(x.on, lang)), ("with", &with.trim()), ("summary", &summary.trim())],
                ),
                Conversation::LeftOut { reason, explanation } => tr_args(
                    lang,
                    "cli-meldcode-conversation-left-out",
                    &[("date", &date(x.on, lang)), ("reason", &tr(lang, left_out_id(*reason))), ("explanation", &explanation.trim())],
                ),
            });
        }
    }

    weighing(s, t, lang);

    if !t.decisions().is_empty() {
        s.heading(tr(lang, "cli-meldcode-decisions-heading"));
        for d in t.decisions() {
            s.item(&tr_args(
                lang,
                "cli-meldcode-decision-line",
                &[("date", &date(d.on, lang)), ("report", &yes_no(d.decision.report, lang)), ("help", &yes_no(d.decision.own_help, lang))],
            ));
            s.detail(&tr_args(lang, "cli-meldcode-your-reasons", &[("reasons", &d.decision.reasons.trim())]));
        }
    }

    if !t.reports().is_empty() {
        s.heading(tr(lang, "cli-meldcode-reports-heading"));
        for x in t.reports() {
            let r = &x.item;
            s.item(&tr_args(lang, "cli-meldcode-report-line", &[("date", &date(x.on, lang))]));
            s.detail(&tr_args(lang, "cli-meldcode-report-informed", &[("informed", &r.informed.trim())]));
            if !r.agreements.trim().is_empty() {
                s.detail(&tr_args(lang, "cli-meldcode-report-agreements", &[("agreements", &r.agreements.trim())]));
            }
            if let Some(seq) = r.deliberation {
                s.detail(&tr_args(lang, "cli-meldcode-report-deliberation", &[("seq", &seq)]));
            }
        }
    }

    if !t.feedback().is_empty() {
        s.heading(tr(lang, "cli-meldcode-feedback-heading"));
        for x in t.feedback() {
            s.item(&tr_args(lang, "cli-meldcode-dated-text", &[("date", &date(x.on, lang)), ("text", &x.item.feedback.trim())]));
            if !x.item.follow_up.trim().is_empty() {
                s.detail(&tr_args(lang, "cli-meldcode-follow-up", &[("follow_up", &x.item.follow_up.trim())]));
            }
        }
    }

    let closures: Vec<_> = t.earlier_closures().iter().chain(t.closure()).collect();
    if !closures.is_empty() || !t.reopenings().is_empty() {
        s.heading(tr(lang, "cli-meldcode-closures-heading"));
        for c in closures {
            s.item(&tr_args(
                lang,
                "cli-meldcode-closure",
                &[("date", &date(c.on, lang)), ("reason", &tr(lang, close_id(c.reason))), ("explanation", &c.explanation.trim())],
            ));
            if !c.follow_up.trim().is_empty() {
                s.detail(&tr_args(lang, "cli-meldcode-follow-up", &[("follow_up", &c.follow_up.trim())]));
            }
        }
        for x in t.reopenings() {
            s.item(&tr_args(lang, "cli-meldcode-reopened", &[("date", &date(x.on, lang)), ("reasons", &x.item.trim())]));
        }
    }

    let notices = t.notices();
    if !notices.is_empty() {
        s.heading(tr(lang, "cli-meldcode-notices-heading"));
        for n in &notices {
            let (text, cited): (String, &[SourceId]) = match n {
                Notice::D11StaffReportDuty { sources } => (tr(lang, "cli-meldcode-notice-d11").into(), sources),
                Notice::DecisionDepartsFromNorm { norm, sources } => {
                    (tr_args(lang, "cli-meldcode-notice-departs", &[("norm", &norm_text(*norm, lang))]), sources)
                }
                Notice::DecidedWithoutCurrentWeighing => (tr(lang, "cli-meldcode-notice-without-weighing").into(), &[]),
                Notice::DecidedToReportWithOpenSteps { open } => {
                    let steps = open.iter().map(|st| format!("{}. {}", st.number(), step_name(*st, lang))).collect::<Vec<_>>().join("; ");
                    (tr_args(lang, "cli-meldcode-notice-open-steps", &[("steps", &steps)]), &[])
                }
            };
            s.item(&text);
            for src in sources(rules, cited) {
                s.detail(&tr_args(lang, "cli-meldcode-source", &[("source", &source_line(&src, lang))]));
            }
        }
    }

    s.heading(tr(lang, "cli-meldcode-sources-heading"));
    let mut cited: Vec<SourceId> = Trajectory::step_sources().to_vec();
    for id in t.weighing().sources {
        if !cited.contains(id) {
            cited.push(*id);
        }
    }
    for src in sources(rules, &cited) {
        s.item(&source_line(&src, lang));
    }
}

/// The professional's answers to the afwegingskader and the framework's reading of them.
fn weighing(s: &mut Page, t: &Trajectory, lang: Lang) {
    s.heading(tr(lang, "cli-meldcode-answers-heading"));
    let round = t.round();
    if round.answers.is_empty() {
        s.line(0, tr(lang, "cli-meldcode-no-answers"));
    }
    for x in &round.answers {
        let a = &x.item;
        let (name, _) = question_text(a.question, lang);
        let jointly = if a.jointly_with_veilig_thuis { tr(lang, "entry-meldcode-jointly") } else { "" };
        s.item(&tr_args(
            lang,
            "cli-meldcode-answer-line",
            &[
                ("number", &a.question.number()),
                ("name", &name),
                ("date", &date(x.on, lang)),
                ("answer", &yes_no(a.yes, lang)),
                ("jointly", &jointly),
            ],
        ));
        s.detail(&tr_args(lang, "cli-meldcode-your-reasons", &[("reasons", &a.reasons.trim())]));
    }
    if t.weighing_is_stale() {
        s.line(0, &format!("! {}", tr(lang, "cli-meldcode-answers-stale")));
    }
    if !t.earlier_rounds().is_empty() {
        s.line(0, &tr_args(lang, "cli-meldcode-earlier-rounds", &[("count", &t.earlier_rounds().len())]));
    }
    let w = t.weighing();
    s.line(0, "");
    match w.verdict {
        Verdict::Ask(q) => {
            let (name, text) = question_text(q, lang);
            s.line(0, &tr_args(lang, "cli-meldcode-reading-ask", &[("number", &q.number()), ("name", &name), ("question", &text)]));
        }
        Verdict::Outcome(o) => {
            s.line(0, &tr_args(lang, "cli-meldcode-reading-outcome", &[("outcome", &outcome_text(o, lang))]));
            if let Some(n) = w.norm {
                s.line(0, &tr_args(lang, "cli-meldcode-reading-norm", &[("norm", &norm_text(n, lang))]));
            }
            if let Some(q) = w.then_ask {
                let (name, _) = question_text(q, lang);
                s.line(0, &tr_args(lang, "cli-meldcode-reading-then-ask", &[("number", &q.number()), ("name", &name)]));
            }
        }
    }
    s.line(0, tr(lang, "cli-meldcode-reading-yours"));
}

/// Every recorded event: who recorded it when, and what (or that its content was erased).
fn records(s: &mut Page, view: &MeldcodeView, lang: Lang) {
    s.heading(tr(lang, "cli-meldcode-records-heading"));
    for r in &view.records {
        s.line(0, &tr_args(lang, "cli-meldcode-record-line", &[("seq", &r.seq), ("ts", &r.ts), ("actor", &r.actor), ("role", &r.role)]));
        match &r.event {
            Some(e) => s.line(5, &summary(e, lang)),
            None => s.line(5, tr(lang, "cli-meldcode-record-erased")),
        }
    }
    if !view.erased_events.is_empty() {
        s.line(0, &format!("! {}", tr_args(lang, "cli-meldcode-erased", &[("seqs", &seqs(&view.erased_events))])));
    }
    if !view.not_folded.is_empty() {
        s.line(0, &format!("! {}", tr_args(lang, "cli-meldcode-not-folded", &[("seqs", &seqs(&view.not_folded))])));
    }
}

// --- overzicht ----------------------------------------------------------------------------------

fn overview(open: &[MeldcodeSummary], today: Date, days: u32, lang: Lang) -> String {
    let mut s = Page::new();
    let _ = writeln!(s.text, "{}", tr_args(lang, "cli-meldcode-overview-title", &[("date", &date(today, lang)), ("days", &days)]));
    s.line(0, tr(lang, "cli-meldcode-overview-no-content"));
    if open.is_empty() {
        s.line(0, "");
        s.line(0, tr(lang, "cli-meldcode-overview-none"));
    }
    for m in open {
        s.line(0, "");
        s.item(&tr_args(lang, "cli-meldcode-overview-client", &[("client", &m.client)]));
        if m.acute_danger {
            s.detail(&format!("! {}", tr(lang, "cli-meldcode-overview-acute")));
        }
        if m.overdue {
            s.detail(&format!("! {}", tr_args(lang, "cli-meldcode-overview-overdue", &[("days", &days)])));
        }
        s.detail(&tr_args(lang, "cli-meldcode-overview-opened", &[("date", &date(m.opened_on, lang)), ("by", &m.opened_by)]));
        s.detail(&tr_args(lang, "cli-meldcode-overview-next", &[("next", &next_text(m.next, lang))]));
        s.detail(&tr_args(lang, "cli-meldcode-overview-idle", &[("date", &date(m.last_activity, lang)), ("days", &m.idle_days)]));
        if let Some(d) = m.advice_asked_since {
            s.detail(&tr_args(lang, "cli-meldcode-overview-advice", &[("date", &date(d, lang)), ("days", &(today - d).whole_days())]));
        }
        let numbers = |done: bool| {
            let list: Vec<String> = m.steps.iter().filter(|st| st.done == done).map(|st| st.step.number().to_string()).collect();
            if list.is_empty() { "—".to_owned() } else { list.join(", ") }
        };
        s.detail(&tr_args(lang, "cli-meldcode-overview-steps", &[("done", &numbers(true)), ("open", &numbers(false))]));
        if m.incomplete {
            s.detail(&format!("! {}", tr(lang, "cli-meldcode-overview-incomplete")));
        }
    }
    s.text
}
