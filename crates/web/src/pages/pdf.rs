//! PDF reports (PDF/A-2b, typeset by `grondslag-report-pdf`): a recorded deliberation with its
//! decision, and a client's meldcode trajectory. Each mirrors an HTML page and reads through the
//! same audited path with the same action, so a PDF is authorised and logged (NEN 7513) exactly
//! like the page it prints; the data comes from the same application functions and page models.
//! Typesetting is CPU work of a few hundred milliseconds, so it runs on the blocking pool.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use grondslag_dossier::EntryPayload;
use grondslag_engine::Report;
use grondslag_i18n::Msg;
use grondslag_report_pdf as pdf;

use crate::error::{WebError, internal};
use crate::pages::dossier::decision_fields;
use crate::pages::meldcode;
use crate::policy::Action;
use crate::report_view::{ReportView, SourceRow};
use crate::view::when;
use crate::{Backend, User, Web};

/// `GET /clienten/{id}/dossier/{seq}/verslag.pdf`: the report of a recorded deliberation, with
/// the decision recorded after it, the proof of recording and the dossier's verification status.
pub async fn deliberation<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path((id, seq)): Path<(String, u64)>,
) -> Result<Response, WebError> {
    // The same read as the entry page (`dossier::entry`): one logged `DossierRead`.
    let opened = web.open_client(&user, Action::DossierRead, &id).await?;
    let l = user.lang;
    let entries = opened.entries().await?;
    let (_, kind, _, payload) = entries
        .into_iter()
        .find(|(s, _, _, _)| *s == seq)
        .ok_or_else(|| WebError::NotFound(Msg::new("dossier-dossierregel-bestaat-niet")))?;
    let report = match payload {
        Some(EntryPayload::Deliberation { report }) => report,
        None if kind == "deliberation" => return Err(WebError::NotFound(Msg::new("pdf-content-erased"))),
        _ => return Err(WebError::NotFound(Msg::new("pdf-not-a-deliberation"))),
    };
    let report: Report = serde_json::from_value(report).map_err(|_| internal("report_parse"))?;
    let history = opened.history(l.rules()).await?;
    let proof = |seq: u64, rc: grondslag_app::Receipt| {
        let line = history.lines.iter().find(|h| h.seq == seq);
        pdf::Proof {
            seq,
            recorded: line.map(|h| when(&h.ts)).unwrap_or_default(),
            recorded_by: line.map(|h| h.actor.clone()).unwrap_or_default(),
            leaf_number: rc.leaf_index.saturating_add(1),
            tree_size: rc.tree_size,
            leaf_hash: rc.leaf_hash,
            checkpoint: rc.checkpoint,
        }
    };
    let entry = proof(seq, opened.receipt(seq).await?);
    let decision = match opened.decision_after(seq).await? {
        Some((dseq, d)) => Some(pdf::Decision {
            proof: proof(dseq, opened.receipt(dseq).await?),
            fields: decision_fields(&d, l)
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(label, value)| pdf::Field { label, value })
                .collect(),
        }),
        None => None,
    };
    let header = header(&web, &user, opened.identity().await?.name).await?;
    let verification = verification(&history.status);
    // The date of the law in the pages' notation.
    let law_date = ReportView::new(report.clone(), l, Vec::new(), None).date;
    let bytes = render(move || {
        let doc = pdf::DeliberationReport { header, report: &report, law_date, entry, decision, verification };
        pdf::deliberation(&doc, l.rules(), time::OffsetDateTime::now_utc())
    })
    .await?;
    Ok(download(&format!("beraad-{seq}.pdf"), bytes))
}

/// `GET /clienten/{id}/meldcode.pdf`: the client's meldcode trajectory, as the trajectory page
/// shows it (without its forms), with the dossier's verification status.
pub async fn trajectory<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<Response, WebError> {
    // The same read as the trajectory page (`meldcode::show`): one logged `MeldcodeRead`, which
    // the aandachtsfunctionaris has by role.
    let opened = web.open_client(&user, Action::MeldcodeRead, &id).await?;
    let l = user.lang;
    let p = meldcode::page(&web, &user, &opened, None, None, false).await?;
    if !p.exists {
        return Err(WebError::NotFound(Msg::new("pdf-no-trajectory")));
    }
    let status = opened.verification(l.rules()).await?;
    let header = header(&web, &user, p.name.clone()).await?;
    let doc = trajectory_of(p, header, verification(&status));
    let bytes = render(move || pdf::trajectory(&doc, l.rules(), time::OffsetDateTime::now_utc())).await?;
    Ok(download("meldcodetraject.pdf", bytes))
}

/// The organisation, the client and who made the PDF when.
async fn header<S: Backend>(web: &Web<S>, user: &User, client: String) -> Result<pdf::Header, WebError> {
    let organisation = web.store().organisation(&user.org).await?.name;
    let now = time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
    // The profession by its label, as the dossier names who recorded what.
    let rules = web.rules();
    let role = rules
        .role(&user.profession)
        .map(|r| rules.roles[r.ix()].label.get(user.lang.rules()).to_string())
        .unwrap_or_else(|| user.profession.clone());
    Ok(pdf::Header { organisation, client, generated: when(&now), generated_by: format!("{} ({role})", user.name) })
}

fn verification(s: &grondslag_app::DossierStatus) -> pdf::Verification {
    pdf::Verification { ok: s.ok(), checkpoint_size: s.checkpoint_size, problems: s.problems.clone() }
}

/// Typesets off the async runtime; a failure is logged with a fixed code only (never the
/// document's content) and shown as an internal error.
async fn render<F>(f: F) -> Result<Vec<u8>, WebError>
where
    F: FnOnce() -> Result<Vec<u8>, pdf::PdfError> + Send + 'static,
{
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(pdf::PdfError::Typeset(_))) => Err(internal("pdf_typeset")),
        Ok(Err(pdf::PdfError::Export(_))) => Err(internal("pdf_export")),
        Ok(Err(pdf::PdfError::Input(_))) => Err(internal("pdf_input")),
        Err(_) => Err(internal("pdf_task")),
    }
}

/// A PDF as a download. The file name carries no client name (only the kind and entry number),
/// so it can sit in a downloads folder or a mail attachment without naming the client.
fn download(name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
            // A dossier document: never kept by a shared cache or the browser's cache.
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

fn source(s: SourceRow) -> pdf::Source {
    pdf::Source { name: s.name, citation: s.citation, url: s.url, status: s.status.to_owned(), uncertain: s.uncertain }
}

fn sources(v: Vec<SourceRow>) -> Vec<pdf::Source> {
    v.into_iter().map(source).collect()
}

fn rec(r: meldcode::Rec) -> pdf::Rec {
    pdf::Rec { seq: r.seq, line: r.line }
}

fn text_row(x: meldcode::TextRow) -> pdf::TextRow {
    pdf::TextRow { rec: rec(x.rec), on: x.on, label: x.label.to_owned(), text: x.text, more: x.more }
}

fn answer(a: meldcode::AnswerRow) -> pdf::AnswerRow {
    pdf::AnswerRow { rec: rec(a.rec), on: a.on, number: a.number, yes: a.yes, reasons: a.reasons, jointly: a.jointly }
}

/// The trajectory page's read-only parts, field by field.
fn trajectory_of(p: meldcode::MeldcodePage, header: pdf::Header, verification: pdf::Verification) -> pdf::TrajectoryReport {
    pdf::TrajectoryReport {
        header,
        title: p.title,
        opened_on: p.opened_on,
        sector: p.sector.to_owned(),
        closed: p.closed,
        next: p.next_text,
        incomplete: p.incomplete,
        acute: p.acute.map(text_row),
        steps: p
            .steps
            .into_iter()
            .map(|s| pdf::StepRow { number: s.number, name: s.name.to_owned(), done: s.done, last: s.last })
            .collect(),
        signals: p
            .signals
            .into_iter()
            .map(|s| pdf::SignalRow {
                rec: rec(s.rec),
                observed: s.observed,
                recorded: s.recorded,
                source: s.source.to_owned(),
                detail: s.detail,
                observation: s.observation,
                interpretation: s.interpretation,
                staff: s.staff,
            })
            .collect(),
        requests: p
            .requests
            .into_iter()
            .map(|r| pdf::RequestRow { rec: rec(r.rec), on: r.on, of: r.of.to_owned(), question: r.question, answered: r.answered })
            .collect(),
        consultations: p
            .consultations
            .into_iter()
            .map(|c| pdf::ConsultRow { rec: rec(c.rec), on: c.on, with: c.with.to_owned(), who: c.who, advice: c.advice })
            .collect(),
        conversations: p
            .conversations
            .into_iter()
            .map(|c| pdf::ConversationRow { rec: rec(c.rec), on: c.on, held: c.held, who_or_why: c.who_or_why, text: c.text })
            .collect(),
        questions: p
            .questions
            .into_iter()
            .map(|q| pdf::QuestionRow { number: q.number, text: q.text.to_owned(), answer: q.answer.map(answer) })
            .collect(),
        stale: p.stale,
        reading: p.reading,
        norm: p.norm.map(str::to_owned),
        then_ask: p.then_ask,
        weighing_sources: sources(p.weighing_sources),
        earlier_rounds: p.earlier_rounds.into_iter().map(|r| r.into_iter().map(answer).collect()).collect(),
        replaced: p.replaced.into_iter().map(answer).collect(),
        notices: p.notices.into_iter().map(|n| pdf::NoticeRow { text: n.text, sources: sources(n.sources) }).collect(),
        decisions: p
            .decisions
            .into_iter()
            .map(|d| pdf::DecisionRow {
                rec: rec(d.rec),
                on: d.on,
                report: d.report,
                own_help: d.own_help,
                reasons: d.reasons,
                reading: d.reading,
                acute: d.acute,
            })
            .collect(),
        reports: p
            .reports
            .into_iter()
            .map(|r| pdf::ReportRow {
                rec: rec(r.rec),
                on: r.on,
                deliberation: r.deliberation,
                informed: r.informed,
                agreements: r.agreements,
            })
            .collect(),
        feedback: p.feedback.into_iter().map(text_row).collect(),
        acute_history: p.acute_history.into_iter().map(text_row).collect(),
        closures: p.closures.into_iter().map(text_row).collect(),
        reopenings: p.reopenings.into_iter().map(text_row).collect(),
        step_sources: sources(p.step_sources),
        verification,
    }
}
