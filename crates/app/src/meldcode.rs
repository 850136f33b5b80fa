//! The meldcode trajectory stored in the dossier: every event the professional records is one
//! entry of kind `meldcode` ([`EntryPayload::Meldcode`]), and the trajectory is the pure core's
//! fold of those entries in dossier order ([`grondslag_dossier::meldcode::Trajectory::fold`]).
//!
//! Recording checks the new event against that fold first: an event the trajectory refuses (a
//! first event that does not open it, anything but a reopen on a closed trajectory, blank
//! reasons, a date before the opening) is refused with the reason and nothing is appended. The
//! code records the professional's answers and decisions; it never answers or decides for them,
//! and it never refuses a decision that departs from the reporting norm (the trajectory flags
//! it with a notice instead).
//!
//! Who recorded an event and when is the ledger entry's `actor` and `ts`; the payload holds only
//! what the professional recorded, with the date it is about.

use std::collections::HashMap;

use grondslag_dossier::EntryPayload;
use grondslag_dossier::meldcode::{
    CloseReason, Consulted, Conversation, Event, LeftOutReason, Next, Refusal, ReportRecord, SignalSource, SourceId, Step, Trajectory,
};
use grondslag_engine::SourceOut;
use grondslag_i18n::{FluentValue, Msg, tr, tr_with};
use grondslag_rules::{Lang, RuleSet, SourceStatus};
use grondslag_store::{ClientId, OrgId, ProfessionalId, Store};
use serde::Serialize;
use time::Date;

use crate::{App, AppError, AppResult, ReadEntry, Receipt};

/// The ledger `type` of a meldcode entry.
const KIND: &str = "meldcode";

/// One stored meldcode event: its place in the dossier, when and by whom it was recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeldcodeRecord {
    pub seq: u64,
    /// When it was recorded (the entry's `ts`, RFC 3339); the date the event is about is
    /// `event.on()`.
    pub ts: String,
    /// The professional's name (or the recorded id when no longer known).
    pub actor: String,
    /// The professional's role as recorded in the entry.
    pub role: String,
    /// What was recorded; `None` when the content was erased.
    pub event: Option<Event>,
}

/// A client's meldcode trajectory as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeldcodeView {
    /// The fold of the events whose content is still there. `None` when it cannot be folded at
    /// all (the opening event's content was erased).
    pub trajectory: Option<Trajectory>,
    /// Every meldcode entry, in dossier order.
    pub records: Vec<MeldcodeRecord>,
    /// The entries (seq) whose content was erased: the trajectory is folded without them, so it
    /// may say less than was recorded.
    pub erased_events: Vec<u64>,
    /// Readable entries (seq) the fold could not apply, because an erased event they depend on
    /// is missing (or two recordings crossed). They are listed, never silently dropped.
    pub not_folded: Vec<u64>,
}

/// One step of an open trajectory in the aandachtsfunctionaris' overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepState {
    pub step: Step,
    pub done: bool,
    /// The latest date an event of this step was about; `None` when never touched.
    #[serde(serialize_with = "iso_opt")]
    pub last_touched: Option<Date>,
    /// Days from that date (or, never touched, from the opening) to today.
    pub days: i64,
}

/// An open trajectory as the aandachtsfunctionaris' overview shows it: where it stands and how
/// long, never what was recorded (no signals, advice, conversation or reasons). Opening the
/// trajectory itself is a separate, logged access.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeldcodeSummary {
    pub client: ClientId,
    /// Who opened it (name, or the recorded id when no longer known).
    pub opened_by: String,
    #[serde(serialize_with = "iso")]
    pub opened_on: Date,
    pub next: Next,
    pub steps: Vec<StepState>,
    /// The latest date of any recorded event.
    #[serde(serialize_with = "iso")]
    pub last_activity: Date,
    /// Days since then.
    pub idle_days: i64,
    /// Open and idle for more than the set number of days.
    pub overdue: bool,
    /// Acute danger declared and no report recorded since.
    pub acute_danger: bool,
    /// Since when advice of the aandachtsfunctionaris is asked and not yet recorded, if it is.
    #[serde(serialize_with = "iso_opt")]
    pub advice_asked_since: Option<Date>,
    /// Part of the trajectory could not be read (erased or not folded): the overview may say
    /// less than was recorded.
    pub incomplete: bool,
}

fn iso<S: serde::Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.to_string())
}

fn iso_opt<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => iso(d, s),
        None => s.serialize_none(),
    }
}

/// The fold of a dossier's stored meldcode events.
struct Stored {
    trajectory: Option<Trajectory>,
    erased: Vec<u64>,
    not_folded: Vec<u64>,
}

/// Folds the meldcode entries of `rows` in order, leaving out erased ones and naming what could
/// not be applied without them.
fn fold_stored(rows: &[ReadEntry]) -> Stored {
    let mut out = Stored { trajectory: None, erased: Vec::new(), not_folded: Vec::new() };
    for (row, _, payload) in rows.iter().filter(|(_, e, _)| e.body().kind == KIND) {
        let event = match payload {
            Some((EntryPayload::Meldcode(e), _)) => e,
            None => {
                out.erased.push(row.seq);
                continue;
            }
            // A `meldcode` entry with other content: never written by this code.
            Some(_) => {
                out.not_folded.push(row.seq);
                continue;
            }
        };
        let applied = match &mut out.trajectory {
            None => Trajectory::fold(std::slice::from_ref(event)).map(|t| out.trajectory = Some(t)).is_ok(),
            Some(t) => t.apply(event).is_ok(),
        };
        if !applied {
            out.not_folded.push(row.seq);
        }
    }
    out
}

/// Why an event is refused, for the user.
fn refusal_msg(refusal: Refusal, opened_on: Option<Date>) -> Msg {
    match refusal {
        Refusal::NotOpened => Msg::new("app-meldcode-not-opened"),
        Refusal::AlreadyOpened => Msg::new("app-meldcode-already-opened"),
        Refusal::Closed => Msg::new("app-meldcode-closed"),
        Refusal::NotClosed => Msg::new("app-meldcode-not-closed"),
        Refusal::BeforeOpened => Msg::new("app-meldcode-before-opened").arg("opened", opened_on.map(|d| d.to_string()).unwrap_or_default()),
        Refusal::MissingReasons => Msg::new("app-meldcode-missing-reasons"),
        Refusal::NotDecidedToReport => Msg::new("app-meldcode-not-decided-to-report"),
        Refusal::NotReported => Msg::new("app-meldcode-not-reported"),
        Refusal::ObservedAfterRecorded => Msg::new("app-meldcode-observed-after-recorded"),
    }
}

/// The longest free text one meldcode event may hold, in characters: about five pages. A
/// record of what was seen, said or weighed; longer documents belong in the client's own file.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// The length in characters of the longest text in the event.
fn longest_text(v: &serde_json::Value) -> usize {
    match v {
        serde_json::Value::String(s) => s.chars().count(),
        serde_json::Value::Array(a) => a.iter().map(longest_text).max().unwrap_or(0),
        serde_json::Value::Object(m) => m.values().map(longest_text).max().unwrap_or(0),
        _ => 0,
    }
}

/// Whether any text of the event holds a control character other than a line break.
fn has_control_characters(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::String(s) => s.chars().any(|c| c.is_control() && c != '\n'),
        serde_json::Value::Array(a) => a.iter().any(has_control_characters),
        serde_json::Value::Object(m) => m.values().any(has_control_characters),
        _ => false,
    }
}

impl<S: Store> App<S> {
    /// Records one meldcode event in the client's dossier. The stored events and this one are
    /// folded first: an event the trajectory refuses is refused with its reason and nothing is
    /// appended. While part of the trajectory's content is erased it cannot be continued
    /// reliably (a closure or an answer may be among what is gone), so recording is refused.
    pub async fn record_meldcode(&self, client: &ClientId, professional: &ProfessionalId, event: Event) -> AppResult<Receipt> {
        let (_, d, p) = self.context(client, Some(professional)).await?;
        let p = p.ok_or_else(|| AppError::Invalid(Msg::new("app-app-professional-ontbreekt")))?;
        let value = serde_json::to_value(&event).map_err(|e| AppError::Invalid(Msg::verbatim(e.to_string())))?;
        if has_control_characters(&value) {
            return Err(AppError::Invalid(Msg::new("app-meldcode-control-characters")));
        }
        if longest_text(&value) > MAX_TEXT_CHARS {
            return Err(AppError::Invalid(Msg::new("app-meldcode-text-too-long").arg("max", MAX_TEXT_CHARS)));
        }
        let rows = self.read(&d).await?;
        if let Event::Reported { report: ReportRecord { deliberation: Some(seq), .. }, .. } = &event {
            let names_a_deliberation =
                rows.iter().any(|(row, e, _)| row.seq == *seq && matches!(e.body().kind.as_str(), "deliberation" | "decision"));
            if !names_a_deliberation {
                return Err(AppError::Invalid(Msg::new("app-meldcode-report-deliberation-unknown").arg("seq", *seq)));
            }
        }
        let stored = fold_stored(&rows);
        if !stored.erased.is_empty() {
            let seqs = stored.erased.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
            return Err(AppError::Invalid(Msg::new("app-meldcode-history-erased").arg("seqs", seqs)));
        }
        let checked = match stored.trajectory {
            None => Trajectory::fold(std::slice::from_ref(&event)).map(|_| ()).map_err(|r| refusal_msg(r.refusal, None)),
            Some(mut t) => {
                let opened_on = t.opened_on();
                t.apply(&event).map_err(|r| refusal_msg(r, Some(opened_on)))
            }
        };
        checked.map_err(AppError::Invalid)?;
        // Appended only onto the entries this fold read: a recording that crossed another one
        // at the same moment is refused (a conflict), never appended unchecked.
        let last = rows.last().map_or(0, |(row, _, _)| row.seq);
        self.append_after(&d, &p, &EntryPayload::Meldcode(event), None, Some(last)).await
    }

    /// The client's meldcode trajectory as stored, with per event who recorded it and when;
    /// `None` when the dossier holds no meldcode entry. Erased events are named, not folded.
    pub async fn meldcode(&self, client: &ClientId) -> AppResult<Option<MeldcodeView>> {
        let (_, d, _) = self.context(client, None).await?;
        let rows = self.read(&d).await?;
        if !rows.iter().any(|(_, e, _)| e.body().kind == KIND) {
            return Ok(None);
        }
        let stored = fold_stored(&rows);
        let mut names = HashMap::new();
        let mut records = Vec::new();
        for (row, entry, payload) in rows.iter().filter(|(_, e, _)| e.body().kind == KIND) {
            let b = entry.body();
            records.push(MeldcodeRecord {
                seq: row.seq,
                ts: b.ts.clone(),
                actor: self.actor_name(&mut names, &b.actor.user).await,
                role: b.actor.role.clone(),
                event: match payload {
                    Some((EntryPayload::Meldcode(e), _)) => Some(e.clone()),
                    _ => None,
                },
            });
        }
        Ok(Some(MeldcodeView { trajectory: stored.trajectory, records, erased_events: stored.erased, not_folded: stored.not_folded }))
    }
}

impl<S: Store> App<S> {
    /// Every open meldcode trajectory of the organisation, for the aandachtsfunctionaris: where
    /// each stands, how long each step has been open, whether it is overdue (no progress for
    /// more than `overdue_days` days before `today`) and whether their advice is asked. Only
    /// meldcode entries are decrypted, and nothing of their content is returned. Ordered with
    /// acute danger first, then overdue, then the longest idle.
    pub async fn meldcode_overview(&self, org: &OrgId, today: Date, overdue_days: u32) -> AppResult<Vec<MeldcodeSummary>> {
        let mut out = Vec::new();
        let mut names = HashMap::new();
        for d in self.store.dossiers(org).await? {
            let rows = self.read_kinds(&d, |k| k == KIND).await?;
            let Some((_, first, _)) = rows.first() else { continue };
            let stored = fold_stored(&rows);
            let Some(t) = stored.trajectory else { continue };
            if t.is_closed() {
                continue;
            }
            let opened_by = self.actor_name(&mut names, &first.body().actor.user).await;
            out.push(MeldcodeSummary {
                client: d.client.clone(),
                opened_by,
                opened_on: t.opened_on(),
                next: t.next(),
                steps: step_states(&t, today),
                last_activity: t.last_activity(),
                idle_days: (today - t.last_activity()).whole_days(),
                overdue: t.is_overdue(today, overdue_days),
                acute_danger: t.acute_danger().is_some(),
                advice_asked_since: t.pending_requests().filter(|r| r.of == Consulted::Aandachtsfunctionaris).map(|r| r.on).min(),
                incomplete: !stored.erased.is_empty() || !stored.not_folded.is_empty(),
            });
        }
        out.sort_by_key(|s| (!s.acute_danger, !s.overdue, -s.idle_days));
        Ok(out)
    }
}

/// Where each of the five steps stands on `today`: done or not, when last touched, and for how
/// many days (from that date or, never touched, from the opening).
pub fn step_states(t: &Trajectory, today: Date) -> Vec<StepState> {
    Step::ALL
        .into_iter()
        .map(|step| {
            let last = t.last_touched(step);
            StepState { step, done: t.is_done(step), last_touched: last, days: (today - last.unwrap_or(t.opened_on())).whole_days() }
        })
        .collect()
}

/// The meldcode's sources as every front end names a source: the rule set's entry (publisher,
/// title, citation, address and status) for each id. A rule set without one (a maintainer's own
/// `--regels`) gives the core's own citation, without an address and marked unverified.
pub fn sources(rules: &RuleSet, ids: &[SourceId]) -> Vec<SourceOut> {
    ids.iter()
        .map(|id| {
            let c = id.citation();
            rules.sources.iter().find(|s| s.id == c.id).map(SourceOut::new).unwrap_or_else(|| SourceOut {
                id: c.id.into(),
                publisher: c.publisher.into(),
                title: c.title.into(),
                citation: c.citation.into(),
                url: String::new(),
                status: SourceStatus::Unverified,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// One-line summaries for the dossier's timeline
// ---------------------------------------------------------------------------------------------

/// The longest free text (in characters) a one-line summary quotes before shortening it.
const QUOTE: usize = 60;
/// The longest name or role (in characters) a one-line summary quotes.
const NAME: usize = 40;

/// The first non-empty line of `text`, cut at a word before `max` characters with `…` when it
/// is longer or has more lines.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("");
    let more = lines.next().is_some();
    if first.chars().count() <= max && !more {
        return first.to_owned();
    }
    let cut: String = first.chars().take(max).collect();
    let cut = if first.chars().count() > max {
        match cut.rfind(' ') {
            Some(i) if cut[..i].chars().count() > max / 2 => &cut[..i],
            _ => cut.as_str(),
        }
    } else {
        cut.as_str()
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':', '.', '-']))
}

/// A date as the reader writes it: "3 december 2026", "3 December 2026".
pub fn date_text(d: Date, lang: Lang) -> String {
    tr_with(
        lang,
        "entry-meldcode-date",
        &[("day", d.day().to_string().into()), ("month", FluentValue::from(u8::from(d.month()))), ("year", d.year().to_string().into())],
    )
}

/// The catalogue id of where a signal comes from.
pub fn source_id(s: SignalSource) -> &'static str {
    match s {
        SignalSource::OwnObservation => "entry-meldcode-source-own-observation",
        SignalSource::Client => "entry-meldcode-source-client",
        SignalSource::Child => "entry-meldcode-source-child",
        SignalSource::Relative => "entry-meldcode-source-relative",
        SignalSource::OtherProfessional => "entry-meldcode-source-other-professional",
        SignalSource::Conversation => "entry-meldcode-source-conversation",
        SignalSource::Records => "entry-meldcode-source-records",
        SignalSource::Other => "entry-meldcode-source-other",
    }
}

/// The catalogue id of an adviser (with the article: "de aandachtsfunctionaris").
pub fn consulted_id(c: Consulted) -> &'static str {
    match c {
        Consulted::Aandachtsfunctionaris => "entry-meldcode-with-aandachtsfunctionaris",
        Consulted::Colleague => "entry-meldcode-with-colleague",
        Consulted::VeiligThuisAnonymousAdvice => "entry-meldcode-with-veilig-thuis",
        Consulted::ForensicPhysician => "entry-meldcode-with-forensic-physician",
    }
}

/// The catalogue id of why a conversation was left out ("vanwege …").
pub fn left_out_id(r: LeftOutReason) -> &'static str {
    match r {
        LeftOutReason::SafetyOfChild => "entry-meldcode-left-out-safety-of-child",
        LeftOutReason::SafetyOfClient => "entry-meldcode-left-out-safety-of-client",
        LeftOutReason::SafetyOfProfessional => "entry-meldcode-left-out-safety-of-professional",
        LeftOutReason::SafetyOfOthers => "entry-meldcode-left-out-safety-of-others",
        LeftOutReason::ClientWouldBreakContact => "entry-meldcode-left-out-break-contact",
        LeftOutReason::CouldNotReach => "entry-meldcode-left-out-could-not-reach",
    }
}

/// The catalogue id of why a trajectory was closed.
pub fn close_id(r: CloseReason) -> &'static str {
    match r {
        CloseReason::NoSuspicion => "entry-meldcode-close-no-suspicion",
        CloseReason::Reported => "entry-meldcode-close-reported",
        CloseReason::HelpCompleted => "entry-meldcode-close-help-completed",
        CloseReason::HandedOver => "entry-meldcode-close-handed-over",
        CloseReason::Other => "entry-meldcode-close-other",
    }
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    tr(lang, if b { "common-yes" } else { "common-no" })
}

/// A one-line summary of a meldcode event in `lang`. The professional's free text is quoted
/// only where it is the point of the event (acute danger, closing, reopening) and then
/// shortened; reasons for answers and decisions are in the entry itself.
pub fn summary(e: &Event, lang: Lang) -> String {
    let date = date_text(e.on(), lang);
    match e {
        Event::Opened { signal, .. } => {
            tr_with(lang, "entry-summary-meldcode-opened", &[("source", tr(lang, source_id(signal.source)).into()), ("date", date.into())])
        }
        Event::SignalAdded { signal, .. } => {
            tr_with(lang, "entry-summary-meldcode-signal", &[("source", tr(lang, source_id(signal.source)).into()), ("date", date.into())])
        }
        Event::Consulted { consultation, .. } => tr_with(
            lang,
            "entry-summary-meldcode-consulted",
            &[("with", tr(lang, consulted_id(consultation.with)).into()), ("date", date.into())],
        ),
        Event::ConsultationRequested { of, .. } => {
            tr_with(lang, "entry-summary-meldcode-requested", &[("of", tr(lang, consulted_id(*of)).into()), ("date", date.into())])
        }
        Event::Conversation { conversation: Conversation::Held { with, .. }, .. } => {
            tr_with(lang, "entry-summary-meldcode-conversation", &[("with", shorten(with, NAME).into()), ("date", date.into())])
        }
        Event::Conversation { conversation: Conversation::LeftOut { reason, .. }, .. } => tr_with(
            lang,
            "entry-summary-meldcode-conversation-left-out",
            &[("reason", tr(lang, left_out_id(*reason)).into()), ("date", date.into())],
        ),
        Event::Answered { answer, .. } => tr_with(
            lang,
            "entry-summary-meldcode-answered",
            &[
                ("question", answer.question.number().to_string().into()),
                ("answer", yes_no(answer.yes, lang).into()),
                ("jointly", if answer.jointly_with_veilig_thuis { tr(lang, "entry-meldcode-jointly") } else { "" }.into()),
                ("date", date.into()),
            ],
        ),
        Event::Decided { decision, .. } => tr_with(
            lang,
            "entry-summary-meldcode-decided",
            &[("report", yes_no(decision.report, lang).into()), ("help", yes_no(decision.own_help, lang).into()), ("date", date.into())],
        ),
        Event::Reported { report, .. } => match report.deliberation {
            Some(seq) => tr_with(lang, "entry-summary-meldcode-reported-with", &[("date", date.into()), ("seq", seq.into())]),
            None => tr_with(lang, "entry-summary-meldcode-reported", &[("date", date.into())]),
        },
        Event::VeiligThuisFeedback { feedback, .. } => tr_with(
            lang,
            "entry-summary-meldcode-feedback",
            &[("date", date.into()), ("feedback", shorten(&feedback.feedback, QUOTE).into())],
        ),
        Event::AcuteDangerDeclared { reasons, .. } => {
            tr_with(lang, "entry-summary-meldcode-acute", &[("date", date.into()), ("reasons", shorten(reasons, QUOTE).into())])
        }
        Event::Closed { reason, explanation, .. } => tr_with(
            lang,
            "entry-summary-meldcode-closed",
            &[("reason", tr(lang, close_id(*reason)).into()), ("date", date.into()), ("explanation", shorten(explanation, QUOTE).into())],
        ),
        Event::Reopened { reasons, .. } => {
            tr_with(lang, "entry-summary-meldcode-reopened", &[("date", date.into()), ("reasons", shorten(reasons, QUOTE).into())])
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn long_free_text_is_shortened_at_a_word() {
        assert_eq!(shorten("kort", 60), "kort");
        assert_eq!(shorten("  eerste regel\ntweede regel", 60), "eerste regel…");
        let long = "vader dreigde tijdens het huisbezoek de kinderen mee te nemen naar het buitenland en sloeg de deur";
        let s = shorten(long, 60);
        assert!(s.ends_with('…') && s.chars().count() <= 61, "{s}");
        assert!(long.starts_with(s.trim_end_matches('…')), "{s}");
        assert!(!s.trim_end_matches('…').ends_with(' '), "{s}");
        // One long word is cut inside it, at a character boundary.
        assert_eq!(shorten(&"é".repeat(70), 60), format!("{}…", "é".repeat(60)));
        assert_eq!(shorten("", 60), "");
    }

    #[test]
    fn dates_are_written_as_the_reader_writes_them() {
        let d = time::macros::date!(2026 - 12 - 03);
        assert_eq!(date_text(d, Lang::Nl), "3 december 2026");
        assert_eq!(date_text(d, Lang::En), "3 December 2026");
        assert_eq!(date_text(time::macros::date!(2027 - 01 - 31), Lang::Nl), "31 januari 2027");
    }
}
