//! A client's dossier: the timeline with its verification status, the consent registry, one
//! entry (a deliberation as its report, with the receipt), the receipt and the verification
//! bundle as downloads, and break-the-glass access.

use grondslag_i18n::{Msg, tr_with};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use grondslag_app::{HistoryLine, kind_label};
use grondslag_dossier::EntryPayload;
use grondslag_engine::Report;
use grondslag_store::{BreakGlass, ClientId, GrantId};

use super::FormData;
use crate::access_labels::Event;
use crate::error::{WebError, internal};
use crate::pages::deliberation::PrintablePage;
use crate::policy::{Action, Basis};
use crate::report_view::ReportView;
use crate::view::{Chrome, dutch_date, when};
use crate::{Backend, User, Web, now_ms};

/// A break-the-glass grant lasts four hours.
pub const BREAK_GLASS: Duration = Duration::from_secs(4 * 60 * 60);

pub struct Line {
    pub seq: u64,
    pub kind: String,
    pub when: String,
    pub actor: String,
    pub summary: String,
    pub erased: bool,
    pub is_deliberation: bool,
    /// The decision recorded after this deliberation, if any, and how the link to it reads.
    pub decided_in: Option<u64>,
    pub decided_label: String,
}

pub struct ConsentRow {
    pub seq: u64,
    pub given_by: String,
    pub recipients: String,
    pub data: String,
    pub purposes: String,
    pub period: String,
    pub withdrawn: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "dossier.html")]
pub struct DossierPage {
    pub c: Chrome,
    pub title: String,
    pub client: String,
    pub name: String,
    pub birth_date: String,
    pub lines: Vec<Line>,
    pub verified: bool,
    pub problems: Vec<String>,
    pub consents: Vec<ConsentRow>,
    pub break_glass: bool,
    pub today: String,
    /// The client's meldcode trajectory, if there is one: open or closed, and where it stands.
    pub meldcode: Option<crate::pages::meldcode::Status>,
}

fn line(h: &HistoryLine, lang: grondslag_rules::Lang) -> Line {
    Line {
        seq: h.seq,
        kind: kind_label(&h.kind, lang),
        when: when(&h.ts),
        actor: h.actor.clone(),
        summary: h.summary.clone(),
        erased: h.erased,
        is_deliberation: h.kind == "deliberation",
        decided_in: h.decided_in,
        decided_label: h.decided_in.map(|d| tr_with(lang, "dossier-decided-in", &[("n", d.into())])).unwrap_or_default(),
    }
}

pub async fn show<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<DossierPage, WebError> {
    let opened = web.open_client(&user, Action::DossierRead, &id).await?;
    let who = opened.identity().await?;
    let lang = user.lang.rules();
    let (history, registry) = opened.overview(lang).await?;
    let consents = registry
        .into_iter()
        .map(|s| ConsentRow {
            seq: s.seq,
            given_by: s.record.given_by.clone(),
            recipients: grondslag_app::id_labels(web.rules(), "recipient_role", &s.record.recipient_roles, lang),
            data: grondslag_app::id_labels(web.rules(), "data_categories", &s.record.data_categories, lang),
            purposes: grondslag_app::id_labels(web.rules(), "purpose", &s.record.purposes, lang),
            period: match s.record.valid_to {
                Some(to) => format!("{} – {}", dutch_date(s.record.valid_from), dutch_date(to)),
                None => format!("{} {}", user.lang.tr("dossier-from"), dutch_date(s.record.valid_from)),
            },
            withdrawn: s.withdrawn_on.map(dutch_date),
        })
        .collect();
    let status = &history.status;
    let meldcode = crate::pages::meldcode::status(&opened, user.lang).await?;
    Ok(DossierPage {
        meldcode,
        title: format!("{} — {}", user.lang.tr("dossier-dossier"), who.name),
        c: Chrome::new(&user, &format!("/clienten/{}", opened.id())),
        client: opened.id().to_string(),
        name: who.name,
        birth_date: who.birth_date.as_deref().map(iso_to_dutch).unwrap_or_default(),
        lines: history.lines.iter().rev().map(|h| line(h, lang)).collect(),
        verified: status.ok(),
        problems: status.problems.clone(),
        consents,
        break_glass: matches!(opened.basis(), Basis::BreakGlass(_)),
        today: crate::view::today().to_string(),
    })
}

pub async fn break_glass<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path(id): Path<String>,
    form: FormData,
) -> Result<Response, WebError> {
    web.guard(&user, Action::BreakGlass).await?;
    let reason = form.optional("reden", "field-reden", 2000)?;
    if reason.chars().count() < 10 {
        return Err(WebError::Invalid(Msg::new("dossier-geef-reden-minstens-10")));
    }
    if !crate::audit::is_id(&id) {
        return Err(WebError::NotFound(Msg::new("audit-client-bestaat-niet-heeft")));
    }
    // A string that passes `is_id` but is not a well-formed id is refused like an unknown id.
    let found = match ClientId::parse(&id) {
        Ok(cid) => web.store().client(&cid).await.ok(),
        Err(_) => None,
    };
    let client = match found {
        Some(c) if c.org == user.org => c,
        _ => {
            web.log_event(&user, Action::BreakGlass, Some(&id), crate::policy::Denial::OtherOrganisation.code(), false).await?;
            return Err(WebError::NotFound(Msg::new("audit-client-bestaat-niet-heeft")));
        }
    };
    let grant_id = GrantId::generate();
    let now = now_ms();
    let reason_sealed = web.seal_note(&user.org, &format!("doorbraak|{grant_id}"), reason.as_bytes())?;
    let grant = BreakGlass {
        id: grant_id.clone(),
        org: user.org.clone(),
        professional: user.id.clone(),
        client: client.id.clone(),
        reason_sealed,
        granted: now,
        expires: now.saturating_add(BREAK_GLASS),
        reviewed_by: None,
        reviewed_at: None,
    };
    web.store().create_break_glass(&grant).await?;
    web.log_event(&user, Event::BreakGlassTaken, Some(client.id.as_str()), &format!("doorbraak:{grant_id}"), true).await?;
    Ok(Redirect::to(&format!("/clienten/{}", client.id)).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "entry.html")]
pub struct EntryPage {
    pub c: Chrome,
    pub title: String,
    pub client: String,
    pub seq: u64,
    pub kind: String,
    pub when: String,
    pub fields: Vec<(String, String)>,
    pub erased: bool,
    pub receipt: Option<grondslag_app::Receipt>,
    /// A decision while the client has an open meldcode trajectory: link back to it.
    pub meldcode_open: bool,
    /// For a decision: the lines for the professional's own record system.
    pub record_text: Option<String>,
}

pub async fn entry<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path((id, seq)): Path<(String, u64)>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let opened = web.open_client(&user, Action::DossierRead, &id).await?;
    let entries = opened.entries().await?;
    let (_, kind, ts, payload) = entries
        .into_iter()
        .find(|(s, _, _, _)| *s == seq)
        .ok_or_else(|| WebError::NotFound(Msg::new("dossier-dossierregel-bestaat-niet")))?;
    let who = opened.identity().await?;
    let l = user.lang;
    if let Some(EntryPayload::Deliberation { report }) = &payload {
        let rep: Report = serde_json::from_value(report.clone()).map_err(|_| internal("report_parse"))?;
        let receipt = opened.receipt(seq).await?;
        return Ok(PrintablePage {
            title: format!("{} — {} {seq}", l.tr("common-report-of-a-deliberation"), l.tr("dossier-entry")),
            subtitle: format!("{} {} · {} {}", l.tr("common-client"), who.name, l.tr("dossier-recorded"), when(&ts)),
            c: Chrome::new(&user, &format!("/clienten/{}/dossier/{seq}", opened.id())),
            rv: ReportView::new(rep, l, Vec::new(), web.knowledge()),
            back: format!("/clienten/{}", opened.id()),
            receipt: Some(receipt),
            proof: Some(format!("/clienten/{}/dossier/{seq}/bewijs", opened.id())),
            record_text: opened.record_text(seq, l.rules()).await?,
            pdf: Some(format!("/clienten/{}/dossier/{seq}/verslag.pdf", opened.id())),
        }
        .into_response());
    }
    let fields: Vec<(String, String)> = match &payload {
        Some(EntryPayload::Decision(d)) => decision_fields(d, l),
        Some(p) => vec![(l.tr("dossier-content").into(), grondslag_app::summary(web.rules(), p, user.lang.rules()))],
        None => Vec::new(),
    };
    let meldcode_open = matches!(payload, Some(EntryPayload::Decision(_))) && crate::pages::meldcode::has_open_trajectory(&opened).await?;
    let record_text = match payload {
        Some(EntryPayload::Decision(_)) => opened.record_text(seq, l.rules()).await?,
        _ => None,
    };
    Ok(EntryPage {
        record_text,
        meldcode_open,
        title: format!("{} {seq}: {}", l.tr("dossier-entry-2"), kind_label(&kind, user.lang.rules())),
        c: Chrome::new(&user, &format!("/clienten/{}/dossier/{seq}", opened.id())),
        client: opened.id().to_string(),
        seq,
        kind: kind_label(&kind, user.lang.rules()),
        when: when(&ts),
        fields: fields.into_iter().filter(|(_, v)| !v.is_empty()).collect(),
        erased: payload.is_none(),
        receipt: if q.contains_key("vastgelegd") { Some(opened.receipt(seq).await?) } else { None },
    }
    .into_response())
}

/// A recorded decision's fields as the entry page and the PDF report show them (label, value;
/// empty values included).
pub(crate) fn decision_fields(d: &grondslag_dossier::Decision, l: crate::i18n::Lang) -> Vec<(String, String)> {
    let yes = |b: bool| if b { l.tr("common-yes") } else { l.tr("common-no") }.to_owned();
    vec![
        (l.tr("dossier-after-deliberation-entry").into(), d.deliberation_seq.to_string()),
        (l.tr("common-shared").into(), yes(d.shared)),
        (l.tr("common-what").into(), d.what.clone()),
        (l.tr("common-with-whom").into(), d.recipient.clone()),
        (l.tr("dossier-when-shared").into(), d.shared_at.as_deref().map(iso_to_dutch).unwrap_or_default()),
        (l.tr("dossier-client-informed").into(), d.client_informed.clone().unwrap_or_default()),
        (l.tr("dossier-why-not-informed").into(), d.client_not_informed_reason.clone().unwrap_or_default()),
        (l.tr("dossier-reasons").into(), d.reasons.clone()),
    ]
}

#[derive(Template, WebTemplate)]
#[template(path = "receipt.html")]
pub struct ReceiptPage {
    pub c: Chrome,
    pub title: String,
    pub client: String,
    pub name: String,
    pub kind: String,
    pub when: String,
    pub rc: grondslag_app::Receipt,
}

/// The proof of recording as a person reads it, with the file to keep as a download.
pub async fn receipt_page<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path((id, seq)): Path<(String, u64)>,
) -> Result<ReceiptPage, WebError> {
    let opened = web.open_client(&user, Action::DossierRead, &id).await?;
    let entries = opened.entries().await?;
    let (_, kind, ts, _) = entries
        .into_iter()
        .find(|(s, _, _, _)| *s == seq)
        .ok_or_else(|| WebError::NotFound(Msg::new("dossier-dossierregel-bestaat-niet")))?;
    let rc = opened.receipt(seq).await?;
    Ok(ReceiptPage {
        title: user.lang.tr("common-proof-of-recording").into(),
        c: Chrome::new(&user, &format!("/clienten/{}/dossier/{seq}/bewijs", opened.id())),
        client: opened.id().to_string(),
        name: opened.identity().await?.name,
        kind: kind_label(&kind, user.lang.rules()),
        when: when(&ts),
        rc,
    })
}

/// A recorded date (YYYY-MM-DD) in Dutch notation; anything else as it was recorded.
pub(crate) fn iso_to_dutch(d: &str) -> String {
    time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]")).map(dutch_date).unwrap_or_else(|_| d.to_owned())
}

fn download(name: &str, json: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        json,
    )
        .into_response()
}

pub async fn receipt<S: Backend>(
    State(web): State<Arc<Web<S>>>,
    user: User,
    Path((id, seq)): Path<(String, u64)>,
) -> Result<Response, WebError> {
    let opened = web.open_client(&user, Action::DossierRead, &id).await?;
    let r = opened.receipt(seq).await?;
    let json = serde_json::to_string_pretty(&r).map_err(|_| internal("receipt_json"))?;
    Ok(download(&format!("ontvangstbewijs-{seq}.json"), json))
}

pub async fn bundle<S: Backend>(State(web): State<Arc<Web<S>>>, user: User, Path(id): Path<String>) -> Result<Response, WebError> {
    let opened = web.open_client(&user, Action::DossierExport, &id).await?;
    let json = opened.export_json().await?;
    Ok(download("grondslag-bundel.json", json))
}
