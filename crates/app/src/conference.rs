//! A casusoverleg that lasts (issue 13): a chair plans a meeting about a family or client known
//! only by a pseudonym, with the roles at the table; each participant who has an account is
//! invited and answers for herself, in her own deliberation, whether she may share with each of
//! the others. The conference keeps of that answer only the outcome and its grounds — never the
//! facts, the client or the dossier entry, which stay in the participant's own dossier. The
//! minutes take a participant's words as identifying only when her own recorded answers allow
//! sharing with everyone at the table; otherwise only what she marks as holding nothing that
//! identifies.
//!
//! A convenant or working agreement is stored as context and shown as such: it is never an
//! input of any deliberation (safety property (f) of `controleer`).

use grondslag_i18n::Msg;
use grondslag_store::{AccessStore, Conference, ConferenceId, OrgId, ProfessionalId, Store, UnixMillis};
use serde::{Deserialize, Serialize};

use crate::case_conference::PARTICIPANTS_MAX;
use crate::{App, AppError, AppResult};

/// The longest pseudonym or title ("Gezin B., casusoverleg maart").
pub const TITLE_MAX: usize = 120;
/// The longest description of the convenant or working agreement.
pub const AGREEMENT_MAX: usize = 2_000;
/// The longest organisation name of a seat.
pub const ORGANISATION_MAX: usize = 120;
/// The longest contribution to the minutes.
pub const MINUTES_MAX: usize = 4_000;
/// At most this many contributions to one conference's minutes.
pub const MINUTES_ITEMS_MAX: usize = 200;

/// A place at the table: a role (an id of the rule set's roles), the organisation it comes
/// from, and the account invited to it, if the participant uses this Grondslag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    pub key: u32,
    pub role: String,
    pub organisation: String,
    pub account: Option<ProfessionalId>,
    /// SHA-256 (hex) of a one-time invitation code for someone of another organisation in
    /// this installation; the code itself is shown to the chair once and never stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_hash: Option<String>,
}

/// A participant's recorded answer on sharing with one other seat: the outcome (its id) and
/// the grounds (ids) of her deliberation — nothing else of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatAnswer {
    pub from: u32,
    pub to: u32,
    pub outcome: String,
    pub grounds: Vec<String>,
    /// YYYY-MM-DD.
    pub on: String,
}

/// A contribution to the minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesItem {
    pub from: u32,
    pub text: String,
    /// Marked by its author as holding nothing that identifies the client.
    pub anonymous: bool,
    /// YYYY-MM-DD.
    pub on: String,
    /// Withdrawn by its author: the text is gone, the place in the minutes stays.
    #[serde(default)]
    pub withdrawn: bool,
}

/// The sealed content of a conference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConferenceContent {
    /// A pseudonym, never a name.
    pub title: String,
    /// The meeting's date, YYYY-MM-DD.
    pub date: String,
    /// A value id of the rule set's `purpose` fact.
    pub purpose: String,
    /// The convenant or working agreement it runs under (context only).
    pub agreement: String,
    /// An anonymous case discussion: the participants do not know whom it is about. Otherwise
    /// (the usual casusoverleg about a family everyone knows) leaving out the name identifies
    /// nobody less: without a ground only working methods, steps and general knowledge may go.
    #[serde(default)]
    pub anonymous: bool,
    /// The chair's own seat.
    pub chair_seat: u32,
    pub seats: Vec<Seat>,
    pub answers: Vec<SeatAnswer>,
    pub minutes: Vec<MinutesItem>,
}

/// Text a person typed: no control characters but newlines and tabs (they would hide text or
/// break a printed page).
fn plain(text: &str) -> bool {
    !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// What a participant may bring in at this table, from her own recorded answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Her answers allow sharing with every other seat.
    Identifying,
    /// She has no ground towards these seats: only what identifies nobody.
    OnlyAnonymous { without_ground: Vec<u32> },
    /// She has not answered for these seats yet (and has a ground towards the rest).
    NotYet { missing: Vec<u32> },
}

/// Whether an outcome lets the participant share (her weighing, if it needed one, is recorded
/// in her deliberation).
pub fn allows_sharing(outcome: &str) -> bool {
    matches!(outcome, "must_share" | "may_share" | "may_share_after_weighing")
}

impl ConferenceContent {
    pub fn seat(&self, key: u32) -> Option<&Seat> {
        self.seats.iter().find(|s| s.key == key)
    }

    /// The seat an account sits in (one seat per account).
    pub fn seat_of(&self, who: &ProfessionalId) -> Option<&Seat> {
        self.seats.iter().find(|s| s.account.as_ref() == Some(who))
    }

    /// The latest recorded answer of `from` on sharing with `to`.
    pub fn answer(&self, from: u32, to: u32) -> Option<&SeatAnswer> {
        self.answers.iter().rev().find(|a| a.from == from && a.to == to)
    }

    /// The accounts that may open the conference besides the chair.
    pub fn members(&self, chair: &ProfessionalId) -> Vec<ProfessionalId> {
        let mut out: Vec<ProfessionalId> = self.seats.iter().filter_map(|s| s.account.clone()).filter(|a| a != chair).collect();
        out.sort();
        out.dedup();
        out
    }

    /// What seat `from` may bring in: identifying only when each other seat has her recorded
    /// answer and each allows sharing.
    pub fn standing(&self, from: u32) -> Standing {
        let others = self.seats.iter().filter(|s| s.key != from);
        let mut missing = Vec::new();
        let mut without_ground = Vec::new();
        for s in others {
            match self.answer(from, s.key) {
                None => missing.push(s.key),
                Some(a) if !allows_sharing(&a.outcome) => without_ground.push(s.key),
                Some(_) => {}
            }
        }
        if !without_ground.is_empty() {
            Standing::OnlyAnonymous { without_ground }
        } else if !missing.is_empty() {
            Standing::NotYet { missing }
        } else {
            Standing::Identifying
        }
    }

    /// Nobody at the table may share anything identifying with everyone: the meeting runs
    /// without identifying data.
    pub fn anonymous_only(&self) -> bool {
        self.seats.iter().all(|s| matches!(self.standing(s.key), Standing::OnlyAnonymous { .. }))
    }

    /// Checks what a chair (or a later edit) gives: a title, a date, a purpose the rule set
    /// knows, known roles, limits. Errors name the field.
    pub fn check(&self, rules: &grondslag_rules::RuleSet) -> AppResult<()> {
        let invalid = |k: &'static str| Err(AppError::Invalid(Msg::new(k)));
        if self.title.trim().is_empty() {
            return invalid("conference-plan-title-empty");
        }
        if self.title.chars().count() > TITLE_MAX || !plain(&self.title) || self.title.contains('\n') {
            return invalid("conference-plan-title-invalid");
        }
        if time::Date::parse(&self.date, &time::format_description::well_known::Iso8601::DATE).is_err() {
            return invalid("conference-plan-date-invalid");
        }
        let purpose_ok =
            rules.fact("purpose").is_some_and(|f| rules.parse_value(f, &grondslag_rules::RawValue::Str(self.purpose.clone())).is_ok());
        if !purpose_ok {
            return invalid("conference-plan-purpose-invalid");
        }
        if self.agreement.chars().count() > AGREEMENT_MAX || !plain(&self.agreement) {
            return invalid("conference-plan-agreement-too-long");
        }
        if self.seats.len() < 2 || self.seats.len() > PARTICIPANTS_MAX + 1 {
            return invalid("conference-plan-seats-invalid");
        }
        for (i, s) in self.seats.iter().enumerate() {
            if rules.role(&s.role).is_none() || s.organisation.chars().count() > ORGANISATION_MAX || !plain(&s.organisation) {
                return invalid("conference-unknown-role");
            }
            if self.seats[..i].iter().any(|o| o.key == s.key || (s.account.is_some() && o.account == s.account)) {
                return invalid("conference-plan-seats-invalid");
            }
        }
        if self.seat(self.chair_seat).is_none() {
            return invalid("conference-plan-seats-invalid");
        }
        Ok(())
    }
}

/// A conference as its reader sees it: the stored record and its opened content.
#[derive(Debug, Clone)]
pub struct OpenConference {
    pub record: Conference,
    pub content: ConferenceContent,
}

impl OpenConference {
    /// Whether `who` may open it: its chair, or an account invited to a seat.
    pub fn admits(&self, who: &ProfessionalId) -> bool {
        self.record.chair == *who || self.content.seat_of(who).is_some()
    }
}

fn purpose_of(id: &ConferenceId) -> String {
    format!("casusoverleg|{id}")
}

fn today() -> String {
    let d = time::OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn now() -> UnixMillis {
    UnixMillis::from_millis(i64::try_from(time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX))
}

impl<S: Store + AccessStore> App<S> {
    /// Stores a new conference of `org`, chaired by `chair` (who sits in `content.chair_seat`).
    pub async fn create_conference(&self, org: &OrgId, chair: &ProfessionalId, mut content: ConferenceContent) -> AppResult<ConferenceId> {
        content.check(&self.rules)?;
        content.answers.clear();
        content.minutes.clear();
        if let Some(s) = content.seats.iter_mut().find(|s| s.key == content.chair_seat) {
            s.account = Some(chair.clone());
        }
        let id = ConferenceId::generate();
        let plain = serde_json::to_vec(&content).map_err(|e| AppError::Invalid(Msg::verbatim(e.to_string())))?;
        let record = Conference {
            id: id.clone(),
            org: org.clone(),
            chair: chair.clone(),
            members: content.members(chair),
            sealed: self.seal_note(org, &purpose_of(&id), &plain)?,
            version: 1,
            updated: now(),
        };
        self.store.create_conference(&record).await?;
        Ok(id)
    }

    /// Opens a conference. Who may read it is the caller's to decide ([`OpenConference::admits`]).
    pub async fn open_conference(&self, id: &ConferenceId) -> AppResult<Option<OpenConference>> {
        let Some(record) = self.store.conference(id).await? else { return Ok(None) };
        let plain = self.open_note(&record.org, &purpose_of(id), &record.sealed)?;
        let content = serde_json::from_slice(&plain).map_err(|e| AppError::Invalid(Msg::verbatim(e.to_string())))?;
        Ok(Some(OpenConference { record, content }))
    }

    /// The conferences `who` chairs or is invited to, newest first.
    pub async fn conferences_of(&self, who: &ProfessionalId) -> AppResult<Vec<OpenConference>> {
        let mut out = Vec::new();
        for record in self.store.conferences_of(who).await? {
            let plain = self.open_note(&record.org, &purpose_of(&record.id), &record.sealed)?;
            let content = serde_json::from_slice(&plain).map_err(|e| AppError::Invalid(Msg::verbatim(e.to_string())))?;
            out.push(OpenConference { record, content });
        }
        Ok(out)
    }

    /// Changes a conference's content with `change`, from the version just read; when someone
    /// else wrote in between, reads again and retries (a few times), so nobody's answer or
    /// contribution is lost.
    async fn change_conference(
        &self,
        id: &ConferenceId,
        change: impl Fn(&mut ConferenceContent, &Conference) -> AppResult<()>,
    ) -> AppResult<OpenConference> {
        for _ in 0..8 {
            let mut open = self.open_conference(id).await?.ok_or_else(|| AppError::Invalid(Msg::new("conference-not-found")))?;
            change(&mut open.content, &open.record)?;
            open.content.check(&self.rules)?;
            let plain = serde_json::to_vec(&open.content).map_err(|e| AppError::Invalid(Msg::verbatim(e.to_string())))?;
            let record = Conference {
                members: open.content.members(&open.record.chair),
                sealed: self.seal_note(&open.record.org, &purpose_of(id), &plain)?,
                version: open.record.version + 1,
                updated: now(),
                ..open.record.clone()
            };
            if self.store.update_conference(&record).await? {
                return Ok(OpenConference { record, content: open.content });
            }
        }
        Err(AppError::Invalid(Msg::new("conference-busy")))
    }

    /// The chair invites an account of her organisation to a seat (or, with `None`, withdraws
    /// the invitation). Refused once that seat has answered: its answers are its own.
    pub async fn invite_to_conference(
        &self,
        id: &ConferenceId,
        chair: &ProfessionalId,
        seat: u32,
        account: Option<ProfessionalId>,
    ) -> AppResult<OpenConference> {
        if let Some(a) = &account {
            let p = self.store.professional(a).await?;
            let record = self.store.conference(id).await?.ok_or_else(|| AppError::Invalid(Msg::new("conference-not-found")))?;
            if p.org != record.org {
                return Err(AppError::Invalid(Msg::new("conference-invite-other-organisation")));
            }
        }
        self.change_conference(id, |c, record| {
            if record.chair != *chair {
                return Err(AppError::Invalid(Msg::new("conference-only-chair")));
            }
            if seat == c.chair_seat || c.answers.iter().any(|a| a.from == seat) {
                return Err(AppError::Invalid(Msg::new("conference-invite-seat-answered")));
            }
            if account.as_ref().is_some_and(|a| c.seats.iter().any(|s| s.key != seat && s.account.as_ref() == Some(a))) {
                return Err(AppError::Invalid(Msg::new("conference-invite-twice")));
            }
            let s = c.seats.iter_mut().find(|s| s.key == seat).ok_or_else(|| AppError::Invalid(Msg::new("conference-unknown-seat")))?;
            s.account = account.clone();
            s.code_hash = None;
            Ok(())
        })
        .await
    }

    /// Records a participant's answer on sharing with another seat, from a deliberation she
    /// recorded in her own client's dossier: only its outcome and grounds reach the conference.
    pub async fn answer_in_conference(
        &self,
        id: &ConferenceId,
        who: &ProfessionalId,
        to: u32,
        outcome: &str,
        grounds: Vec<String>,
    ) -> AppResult<OpenConference> {
        self.change_conference(id, |c, _| {
            let from = c.seat_of(who).map(|s| s.key).ok_or_else(|| AppError::Invalid(Msg::new("conference-no-seat")))?;
            if to == from || c.seat(to).is_none() {
                return Err(AppError::Invalid(Msg::new("conference-unknown-seat")));
            }
            c.answers.push(SeatAnswer { from, to, outcome: outcome.to_owned(), grounds: grounds.clone(), on: today() });
            Ok(())
        })
        .await
    }

    /// Adds a participant's contribution to the minutes: identifying only when her own answers
    /// allow sharing with everyone at the table; otherwise only marked as identifying nobody.
    pub async fn add_to_minutes(&self, id: &ConferenceId, who: &ProfessionalId, text: &str, anonymous: bool) -> AppResult<OpenConference> {
        let text = text.trim();
        if text.is_empty() || text.chars().count() > MINUTES_MAX || !plain(text) {
            return Err(AppError::Invalid(Msg::new("conference-minutes-text-invalid")));
        }
        self.change_conference(id, |c, _| {
            let from = c.seat_of(who).map(|s| s.key).ok_or_else(|| AppError::Invalid(Msg::new("conference-no-seat")))?;
            if !anonymous && c.standing(from) != Standing::Identifying {
                return Err(AppError::Invalid(Msg::new("conference-minutes-no-ground")));
            }
            if c.minutes.len() >= MINUTES_ITEMS_MAX {
                return Err(AppError::Invalid(Msg::new("conference-minutes-full")));
            }
            c.minutes.push(MinutesItem { from, text: text.to_owned(), anonymous, on: today(), withdrawn: false });
            Ok(())
        })
        .await
    }
}

fn code_hash(code: &str) -> String {
    use sha2::Digest as _;
    let normal: String = code.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
    sha2::Sha256::digest(normal.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

impl<S: Store + AccessStore> App<S> {
    /// The chair makes a one-time invitation code for a seat, for a participant of another
    /// organisation in this installation (the chair cannot list other organisations' accounts,
    /// and should not). 80 random bits, shown once as five groups of four hex digits; only its
    /// hash is kept. A new code replaces the previous one.
    pub async fn conference_code(&self, id: &ConferenceId, chair: &ProfessionalId, seat: u32) -> AppResult<(OpenConference, String)> {
        let bytes = crate::keys::random24()?;
        let hex: String = bytes[..10].iter().map(|b| format!("{b:02x}")).collect();
        let code = hex.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-");
        let hash = code_hash(&code);
        let open = self
            .change_conference(id, |c, record| {
                if record.chair != *chair {
                    return Err(AppError::Invalid(Msg::new("conference-only-chair")));
                }
                if seat == c.chair_seat || c.answers.iter().any(|a| a.from == seat) {
                    return Err(AppError::Invalid(Msg::new("conference-invite-seat-answered")));
                }
                let s = c.seats.iter_mut().find(|s| s.key == seat).ok_or_else(|| AppError::Invalid(Msg::new("conference-unknown-seat")))?;
                if s.account.is_some() {
                    return Err(AppError::Invalid(Msg::new("conference-code-seat-taken")));
                }
                s.code_hash = Some(hash.clone());
                Ok(())
            })
            .await?;
        Ok((open, code))
    }

    /// Takes the seat whose invitation code this is. The same refusal for an unknown
    /// conference, a wrong or used code: nothing tells which.
    pub async fn join_conference(&self, id: &ConferenceId, who: &ProfessionalId, code: &str) -> AppResult<OpenConference> {
        let hash = code_hash(code);
        let refused = || AppError::Invalid(Msg::new("conference-code-wrong"));
        if self.store.conference(id).await?.is_none() {
            return Err(refused());
        }
        self.change_conference(id, |c, record| {
            if record.chair == *who || c.seat_of(who).is_some() {
                return Err(AppError::Invalid(Msg::new("conference-invite-twice")));
            }
            let s =
                c.seats.iter_mut().find(|s| s.code_hash.as_deref() == Some(hash.as_str()) && s.account.is_none()).ok_or_else(refused)?;
            s.account = Some(who.clone());
            s.code_hash = None;
            Ok(())
        })
        .await
    }

    /// Withdraws a contribution to the minutes: only its author can, and its text is erased
    /// from the conference (for words that should not have been shared).
    pub async fn withdraw_from_minutes(&self, id: &ConferenceId, who: &ProfessionalId, index: usize) -> AppResult<OpenConference> {
        self.change_conference(id, |c, _| {
            let from = c.seat_of(who).map(|s| s.key).ok_or_else(|| AppError::Invalid(Msg::new("conference-no-seat")))?;
            let item = c.minutes.get_mut(index).ok_or_else(|| AppError::Invalid(Msg::new("conference-minutes-unknown")))?;
            if item.from != from {
                return Err(AppError::Invalid(Msg::new("conference-minutes-not-yours")));
            }
            item.text.clear();
            item.withdrawn = true;
            Ok(())
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn content(n: u32) -> ConferenceContent {
        ConferenceContent {
            title: "Gezin B.".into(),
            date: "2026-12-10".into(),
            purpose: "care".into(),
            agreement: String::new(),
            anonymous: false,
            chair_seat: 0,
            seats: (0..n)
                .map(|k| Seat { key: k, role: "huisarts".into(), organisation: String::new(), account: None, code_hash: None })
                .collect(),
            answers: Vec::new(),
            minutes: Vec::new(),
        }
    }

    fn outcome() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec!["must_share", "may_share", "may_share_after_weighing", "may_not_share"])
    }

    proptest! {
        /// A participant may speak identifyingly only when, for every other seat, her latest
        /// answer allows sharing; one refusal anywhere makes her anonymous-only.
        #[test]
        fn identifying_only_with_a_ground_towards_everyone(
            n in 2u32..6,
            answers in prop::collection::vec((0u32..6, 0u32..6, outcome()), 0..30),
        ) {
            let mut c = content(n);
            for (from, to, o) in answers {
                if from < n && to < n && from != to {
                    c.answers.push(SeatAnswer { from, to, outcome: o.into(), grounds: vec![], on: "2026-12-10".into() });
                }
            }
            for s in 0..n {
                let latest: Vec<Option<&str>> = (0..n).filter(|t| *t != s).map(|t| c.answer(s, t).map(|a| a.outcome.as_str())).collect();
                let st = c.standing(s);
                let all_allow = latest.iter().all(|o| o.is_some_and(allows_sharing));
                prop_assert_eq!(st == Standing::Identifying, all_allow);
                let any_refusal = latest.iter().any(|o| o.is_some_and(|o| !allows_sharing(o)));
                prop_assert_eq!(matches!(st, Standing::OnlyAnonymous { .. }), any_refusal);
            }
        }
    }

    #[test]
    fn a_later_answer_replaces_an_earlier_one_for_the_same_seat() {
        let mut c = content(2);
        let a = |o: &str| SeatAnswer { from: 0, to: 1, outcome: o.into(), grounds: vec![], on: "2026-12-10".into() };
        c.answers.push(a("may_not_share"));
        assert!(matches!(c.standing(0), Standing::OnlyAnonymous { .. }));
        c.answers.push(a("may_share"));
        assert_eq!(c.standing(0), Standing::Identifying);
        assert_eq!(c.standing(1), Standing::NotYet { missing: vec![0] });
        assert!(!c.anonymous_only());
    }

    #[test]
    fn check_refuses_what_a_chair_could_get_wrong() {
        let rules = grondslag_rules::load_embedded().unwrap_or_else(|e| unreachable!("{e:?}"));
        assert!(content(3).check(&rules).is_ok());
        for broken in [
            ConferenceContent { title: " ".into(), ..content(3) },
            ConferenceContent { title: "Gezin\u{7}B.".into(), ..content(3) },
            ConferenceContent { date: "10-12-2026x".into(), ..content(3) },
            ConferenceContent { purpose: "gezellig".into(), ..content(3) },
            ConferenceContent { chair_seat: 9, ..content(3) },
            content(1),
            ConferenceContent { seats: vec![content(3).seats[0].clone(), content(3).seats[0].clone()], ..content(3) },
        ] {
            assert!(broken.check(&rules).is_err(), "{broken:?}");
        }
    }
}
