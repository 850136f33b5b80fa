//! The kinds of entries a dossier holds. Nothing is ever updated or deleted in place: a
//! correction is a new entry that points at the entry it corrects.

use serde::{Deserialize, Serialize};

use crate::consent::ConsentRecord;
use crate::meldcode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Deliberation,
    Decision,
    Consent,
    ConsentRevocation,
    Disclosure,
    Correction,
    /// One event of a meldcode trajectory. One type for every event, on purpose: the `type`
    /// stays readable after the content is erased, and a finer type would say more than needed.
    Meldcode,
}

impl EntryKind {
    /// The `type` written in the ledger entry.
    pub fn ledger_type(self) -> &'static str {
        match self {
            EntryKind::Deliberation => "deliberation",
            EntryKind::Decision => "decision",
            EntryKind::Consent => "consent",
            EntryKind::ConsentRevocation => "consent.revocation",
            EntryKind::Disclosure => "disclosure",
            EntryKind::Correction => "correction",
            EntryKind::Meldcode => "meldcode",
        }
    }
}

/// What the professional decided after a deliberation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The deliberation (sequence number in this dossier) this decision follows.
    pub deliberation_seq: u64,
    pub shared: bool,
    /// What was shared, in the professional's words (empty when nothing was shared).
    pub what: String,
    pub recipient: String,
    /// When it was shared (RFC 3339), if it was.
    pub shared_at: Option<String>,
    /// Whether and when the client was informed, or why not.
    pub client_informed: Option<String>,
    pub client_not_informed_reason: Option<String>,
    pub reasons: String,
}

/// The content of an entry. It is stored encrypted and committed to in the ledger, so it can
/// be erased when its retention period ends while the log still verifies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EntryPayload {
    /// The facts, judgments (with the professional's reasons), outcome and explanation of one
    /// evaluation, as JSON produced by the engine's report.
    Deliberation {
        report: serde_json::Value,
    },
    Decision(Decision),
    Consent(ConsentRecord),
    ConsentRevocation {
        consent_seq: u64,
        revoked_on: String,
        by: String,
        note: String,
    },
    Disclosure {
        decision_seq: u64,
        what: String,
        recipient: String,
        channel: String,
        at: String,
    },
    Correction {
        corrects_seq: u64,
        reason: String,
        replacement: Box<EntryPayload>,
    },
    /// One event of the meldcode trajectory, as the professional recorded it; its fields sit
    /// beside `kind` (`{"kind": "meldcode", "event": "opened", "on": "2026-03-02", …}`). Who
    /// recorded it and when are the ledger entry's `actor` and `ts`, not repeated here.
    Meldcode(meldcode::Event),
}

impl EntryPayload {
    pub fn kind(&self) -> EntryKind {
        match self {
            EntryPayload::Deliberation { .. } => EntryKind::Deliberation,
            EntryPayload::Decision(_) => EntryKind::Decision,
            EntryPayload::Consent(_) => EntryKind::Consent,
            EntryPayload::ConsentRevocation { .. } => EntryKind::ConsentRevocation,
            EntryPayload::Disclosure { .. } => EntryKind::Disclosure,
            EntryPayload::Correction { .. } => EntryKind::Correction,
            EntryPayload::Meldcode(_) => EntryKind::Meldcode,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::meldcode::{Event, Signal, SignalSource};

    /// The stored shape of a meldcode entry: flat, snake_case, dates as `YYYY-MM-DD`, and it
    /// reads back as the same event.
    #[test]
    fn a_meldcode_event_is_stored_flat_beside_its_kind() {
        let on = time::macros::date!(2026 - 12 - 03);
        let event = Event::Opened {
            on,
            sector: crate::meldcode::Sector::YouthCare,
            signal: Signal {
                observed_on: on,
                source: SignalSource::OwnObservation,
                source_detail: String::new(),
                observation: "blauwe plekken op beide bovenarmen".into(),
                interpretation: None,
                concerns_staff_member: false,
            },
        };
        let p = EntryPayload::Meldcode(event);
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "kind": "meldcode",
                "event": "opened",
                "on": "2026-12-03",
                "sector": "youth_care",
                "signal": {
                    "observed_on": "2026-12-03",
                    "source": "own_observation",
                    "source_detail": "",
                    "observation": "blauwe plekken op beide bovenarmen",
                    "interpretation": null,
                    "concerns_staff_member": false
                }
            })
        );
        assert_eq!(serde_json::from_value::<EntryPayload>(json).unwrap(), p);
        assert_eq!(p.kind().ledger_type(), "meldcode");
    }
}
