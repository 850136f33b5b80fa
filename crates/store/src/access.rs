//! What the web application keeps beside the dossier: login credentials, server-side sessions,
//! care relations (behandelrelaties), break-the-glass grants, the NEN 7513 access log and
//! deliberation drafts.
//!
//! The access log is hash-chained per organisation: each event's hash covers the previous
//! event's hash and the event's canonical JSON ([`access_event_hash`]), so deleting, reordering
//! or editing a row is detected by [`verify_access_chain`]. Backends append under the same
//! per-organisation serialisation as ledger appends, never update or delete an event, and
//! refuse `UPDATE`/`DELETE` with triggers.

use std::future::Future;

use grondslag_ledger::{Hash, jcs};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{StoreError, StoreResult};
use crate::ids::{ClientId, ConferenceId, DraftId, GrantId, OrgId, ProfessionalId, UnixMillis};

/// A professional's login: a unique login name and an Argon2id PHC string.
#[derive(Clone, PartialEq, Eq)]
pub struct Credential {
    pub professional: ProfessionalId,
    pub login: String,
    pub password_hash: String,
    pub disabled: bool,
    /// The password was chosen by someone else (an administrator, or the first run): the account
    /// must replace it by one of its own before it reaches anything.
    pub must_change_password: bool,
    /// When the account first completed a sign-in with a password of its own; `None` for an
    /// account that was never taken into use.
    pub first_use: Option<UnixMillis>,
}

/// Who chose a password that is being set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PasswordOrigin {
    /// The account's owner chose it.
    Own,
    /// Someone else chose it for the account (an administrator creating or resetting it): it
    /// must be replaced at the next sign-in.
    Initial,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credential")
            .field("professional", &self.professional)
            .field("login", &self.login)
            .field("must_change_password", &self.must_change_password)
            .field("first_use", &self.first_use)
            .finish_non_exhaustive()
    }
}

/// A server-side session. Only the SHA-256 of the session token is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// Hex SHA-256 of the token the browser holds.
    pub id_hash: String,
    pub professional: ProfessionalId,
    pub created: UnixMillis,
    pub last_seen: UnixMillis,
    /// Absolute end.
    pub expires: UnixMillis,
    /// How far signing in has got. Only a [`SessionStage::Full`] session reaches the application.
    pub stage: SessionStage,
}

/// How far a session has got through signing in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SessionStage {
    /// Password and (where the account has one) second factor given: the session is signed in.
    Full,
    /// The password was right; the second factor (a code or a recovery code) is still to come.
    SecondFactor,
    /// The password was right, but the account must set up a second factor before anything else.
    Enrol,
}

impl SessionStage {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SessionStage::Full => "full",
            SessionStage::SecondFactor => "code",
            SessionStage::Enrol => "enrol",
        }
    }

    pub fn parse(s: &str) -> Result<Self, StoreError> {
        [SessionStage::Full, SessionStage::SecondFactor, SessionStage::Enrol]
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| StoreError::Integrity(format!("onbekende sessiefase {s:?}")))
    }
}

/// A professional's TOTP second factor (RFC 6238). The secret is sealed by the caller with the
/// organisation's content key; the store never sees it in the clear.
#[derive(Clone, PartialEq, Eq)]
pub struct SecondFactor {
    pub professional: ProfessionalId,
    /// The sealed shared secret (nonce ‖ ciphertext).
    pub secret_sealed: Vec<u8>,
    /// `false` while enrolment waits for the first valid code; only a confirmed factor counts.
    pub confirmed: bool,
    /// The last time step (RFC 6238 counter) whose code was accepted: a code for it or an
    /// earlier step is refused, so an observed code cannot be replayed.
    pub last_step: Option<i64>,
    pub created: UnixMillis,
}

impl std::fmt::Debug for SecondFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecondFactor")
            .field("professional", &self.professional)
            .field("confirmed", &self.confirmed)
            .field("last_step", &self.last_step)
            .finish_non_exhaustive()
    }
}

/// A care relation (behandelrelatie) between a professional and a client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CareRelation {
    pub org: OrgId,
    pub professional: ProfessionalId,
    pub client: ClientId,
    /// RFC 3339 UTC.
    pub since: String,
}

/// A break-the-glass grant: access without a care relation, for a reason, for a limited time,
/// to be reviewed by the privacy officer afterwards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakGlass {
    pub id: GrantId,
    pub org: OrgId,
    pub professional: ProfessionalId,
    pub client: ClientId,
    /// The reason, sealed by the caller with the organisation's content key.
    pub reason_sealed: Vec<u8>,
    pub granted: UnixMillis,
    pub expires: UnixMillis,
    pub reviewed_by: Option<ProfessionalId>,
    pub reviewed_at: Option<UnixMillis>,
}

/// One NEN 7513 event: who, on whose behalf, which client, which action, when, on what
/// authorisation, and whether it was allowed. Ids and fixed codes only; no client content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessEvent {
    pub org: OrgId,
    /// RFC 3339 UTC with milliseconds.
    pub ts: String,
    /// The professional's id (or `anoniem` for a refused unauthenticated attempt).
    pub user: String,
    /// The user's application role at the time.
    pub user_role: String,
    /// On whose behalf (NEN 7513 "namens"), if not on their own.
    pub on_behalf_of: Option<String>,
    /// The client whose dossier was touched (or, refused, the id asked for). `user`,
    /// `on_behalf_of` and `client` stay strings: the log records what was asked, also ids that
    /// name nothing (`anoniem`, an unknown client), and old rows must read back and hash as written.
    pub client: Option<String>,
    /// A fixed action code, e.g. `dossier.lezen`, `beraad.vastleggen`.
    pub action: String,
    /// The authorisation relied on: `zorgrelatie`, `doorbraak:<grant id>`, `rol:<role>`, or why
    /// it was refused (`geweigerd:<reason code>`).
    pub authorisation: String,
    pub allowed: bool,
    /// Where the request came from (the peer address).
    pub source: String,
}

/// An event as stored, with its place and hashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAccessEvent {
    pub seq: u64,
    pub event: AccessEvent,
    pub prev_hash: Hash,
    pub hash: Hash,
}

/// A sealed deliberation in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub id: DraftId,
    pub org: OrgId,
    pub professional: ProfessionalId,
    pub client: Option<ClientId>,
    /// Sealed by the caller (nonce ‖ ciphertext).
    pub sealed: Vec<u8>,
    pub updated: UnixMillis,
}

/// A casusoverleg: its content (purpose, pseudonym of the family, participants, each
/// participant's recorded answer and contribution to the minutes) is sealed by the caller with
/// the organisation's key; the store keeps in clear only who may open it. Every update names
/// the version it read, so two participants writing at once cannot undo each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conference {
    pub id: ConferenceId,
    pub org: OrgId,
    pub chair: ProfessionalId,
    /// The accounts invited besides the chair (each may open it).
    pub members: Vec<ProfessionalId>,
    /// Sealed by the caller (nonce ‖ ciphertext).
    pub sealed: Vec<u8>,
    /// 1 when created, one more on every update.
    pub version: i64,
    pub updated: UnixMillis,
}

/// Which access events to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccessQuery {
    pub client: Option<String>,
    pub user: Option<String>,
    /// Only events with `seq < before` (paging backwards).
    pub before: Option<u64>,
    /// Only events at or after this moment (RFC 3339 UTC with milliseconds, as stored).
    pub from: Option<String>,
    /// Only events before this moment (RFC 3339 UTC with milliseconds, as stored).
    pub until: Option<String>,
    pub limit: u32,
}

/// The hash of the first event's predecessor.
pub const ACCESS_GENESIS: Hash = [0u8; 32];

/// `SHA-256("grondslag/v1/toegang" ‖ prev ‖ JCS(event))`.
pub fn access_event_hash(prev: &Hash, event: &AccessEvent) -> StoreResult<Hash> {
    let value = serde_json::to_value(event).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let text = jcs(&value).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let mut h = Sha256::new();
    h.update(b"grondslag/v1/toegang");
    h.update(prev);
    h.update(text.as_bytes());
    Ok(h.finalize().into())
}

/// Checks a complete, ordered access log of one organisation: numbering from 1 without gaps,
/// each event linked to its predecessor and hashed correctly. Names the first broken event.
pub fn verify_access_chain(events: &[StoredAccessEvent]) -> Result<(), String> {
    let mut prev = ACCESS_GENESIS;
    for (i, e) in events.iter().enumerate() {
        let expected_seq = i as u64 + 1;
        if e.seq != expected_seq {
            return Err(format!("toegangslog: gebeurtenis {expected_seq} ontbreekt (gevonden: {})", e.seq));
        }
        if e.prev_hash != prev {
            return Err(format!("toegangslog: gebeurtenis {} sluit niet aan op de vorige", e.seq));
        }
        let h = access_event_hash(&prev, &e.event).map_err(|err| format!("toegangslog: gebeurtenis {}: {err}", e.seq))?;
        if h != e.hash {
            return Err(format!("toegangslog: gebeurtenis {} is gewijzigd", e.seq));
        }
        prev = h;
    }
    Ok(())
}

/// The web application's storage beside the dossier.
pub trait AccessStore: Clone + Send + Sync + 'static {
    // --- credentials -----------------------------------------------------------------------

    /// Sets (or replaces) the login of a professional. Login names are unique across the
    /// installation (case-insensitive); a clash is a `Conflict`. `origin` says whether the
    /// account must replace the password at its next sign-in ([`PasswordOrigin::Initial`]).
    /// `first_use` is kept as it was.
    fn set_credential(
        &self,
        professional: &ProfessionalId,
        login: &str,
        password_hash: &str,
        origin: PasswordOrigin,
    ) -> impl Future<Output = StoreResult<()>> + Send;
    fn credential_by_login(&self, login: &str) -> impl Future<Output = StoreResult<Option<Credential>>> + Send;
    fn credential_of(&self, professional: &ProfessionalId) -> impl Future<Output = StoreResult<Option<Credential>>> + Send;
    fn set_disabled(&self, professional: &ProfessionalId, disabled: bool) -> impl Future<Output = StoreResult<()>> + Send;
    /// Records the account's first completed sign-in with a password of its own, at `at`, once:
    /// `true` when this call recorded it, `false` when it was recorded before (the first moment
    /// is kept). Atomic. `NotFound` for a professional without a login.
    fn record_first_use(&self, professional: &ProfessionalId, at: UnixMillis) -> impl Future<Output = StoreResult<bool>> + Send;

    // --- sessions --------------------------------------------------------------------------

    fn create_session(&self, session: &SessionRecord) -> impl Future<Output = StoreResult<()>> + Send;
    fn session(&self, id_hash: &str) -> impl Future<Output = StoreResult<Option<SessionRecord>>> + Send;
    fn touch_session(&self, id_hash: &str, last_seen: UnixMillis) -> impl Future<Output = StoreResult<()>> + Send;
    fn delete_session(&self, id_hash: &str) -> impl Future<Output = StoreResult<()>> + Send;
    /// Ends every session of a professional ("log out everywhere", on disabling an account).
    fn delete_sessions_of(&self, professional: &ProfessionalId) -> impl Future<Output = StoreResult<u64>> + Send;

    // --- second factor ---------------------------------------------------------------------

    /// The professional's second factor, confirmed or still being set up.
    fn second_factor(&self, professional: &ProfessionalId) -> impl Future<Output = StoreResult<Option<SecondFactor>>> + Send;
    /// Starts enrolment: keeps a new, unconfirmed secret, replacing an earlier unconfirmed one.
    /// A professional whose factor is already confirmed gets a `Conflict` (turn it off first).
    fn start_second_factor(
        &self,
        professional: &ProfessionalId,
        secret_sealed: &[u8],
        created: UnixMillis,
    ) -> impl Future<Output = StoreResult<()>> + Send;
    /// Confirms the unconfirmed factor with the step of its first valid code and stores the
    /// recovery codes' hashes (replacing any), in one transaction. `NotFound` without an
    /// unconfirmed factor.
    fn confirm_second_factor(
        &self,
        professional: &ProfessionalId,
        step: i64,
        recovery_hashes: &[String],
    ) -> impl Future<Output = StoreResult<()>> + Send;
    /// Accepts the code of `step` once: `true` (and remembers the step) only when the factor is
    /// confirmed and `step` is later than the last accepted step. Atomic, so two requests with
    /// the same code cannot both succeed.
    fn accept_second_factor_step(&self, professional: &ProfessionalId, step: i64) -> impl Future<Output = StoreResult<bool>> + Send;
    /// Removes the factor and its recovery codes (turning it off, or a reset by the administrator).
    fn remove_second_factor(&self, professional: &ProfessionalId) -> impl Future<Output = StoreResult<()>> + Send;
    /// Replaces the professional's recovery codes by these hashes (all unused).
    fn set_recovery_codes(&self, professional: &ProfessionalId, hashes: &[String]) -> impl Future<Output = StoreResult<()>> + Send;
    /// Uses a recovery code once: `true` when an unused code with this hash existed; it is then
    /// marked used at `at`. Atomic.
    fn use_recovery_code(
        &self,
        professional: &ProfessionalId,
        hash: &str,
        at: UnixMillis,
    ) -> impl Future<Output = StoreResult<bool>> + Send;
    /// How many unused recovery codes the professional has.
    fn recovery_codes_left(&self, professional: &ProfessionalId) -> impl Future<Output = StoreResult<u64>> + Send;
    /// Whether the organisation requires a second factor of every account (administrators and
    /// privacy officers need one regardless). `false` for an organisation never set.
    fn second_factor_required(&self, org: &OrgId) -> impl Future<Output = StoreResult<bool>> + Send;
    fn set_second_factor_required(&self, org: &OrgId, required: bool) -> impl Future<Output = StoreResult<()>> + Send;

    // --- care relations --------------------------------------------------------------------

    /// Starts a care relation; starting an existing one is not an error.
    fn add_care_relation(&self, relation: &CareRelation) -> impl Future<Output = StoreResult<()>> + Send;
    fn end_care_relation(&self, professional: &ProfessionalId, client: &ClientId) -> impl Future<Output = StoreResult<()>> + Send;
    fn has_care_relation(&self, professional: &ProfessionalId, client: &ClientId) -> impl Future<Output = StoreResult<bool>> + Send;
    /// The client ids a professional has a care relation with.
    fn clients_of(&self, professional: &ProfessionalId) -> impl Future<Output = StoreResult<Vec<ClientId>>> + Send;
    fn care_relations(&self, org: &OrgId) -> impl Future<Output = StoreResult<Vec<CareRelation>>> + Send;

    // --- break the glass ---------------------------------------------------------------------

    fn create_break_glass(&self, grant: &BreakGlass) -> impl Future<Output = StoreResult<()>> + Send;
    /// The grant of this professional for this client that is still valid at `now`, if any.
    fn active_break_glass(
        &self,
        professional: &ProfessionalId,
        client: &ClientId,
        now: UnixMillis,
    ) -> impl Future<Output = StoreResult<Option<BreakGlass>>> + Send;
    /// Every grant of an organisation, newest first.
    fn break_glass_grants(&self, org: &OrgId) -> impl Future<Output = StoreResult<Vec<BreakGlass>>> + Send;
    /// Marks a grant reviewed (once; a second review is a `Conflict`).
    fn review_break_glass(
        &self,
        org: &OrgId,
        id: &GrantId,
        by: &ProfessionalId,
        at: UnixMillis,
    ) -> impl Future<Output = StoreResult<()>> + Send;

    // --- the access log ----------------------------------------------------------------------

    /// Appends events (of one or more organisations) to their organisations' chains in one
    /// durable transaction, in order, and returns their sequence numbers. All or nothing.
    /// Callers treat an error as a refusal (fail closed). One transaction for many events is
    /// group commit: one fsync acknowledges every request waiting in the batch.
    fn log_access_batch(&self, events: &[AccessEvent]) -> impl Future<Output = StoreResult<Vec<u64>>> + Send;

    /// Appends one event; see [`AccessStore::log_access_batch`].
    fn log_access(&self, event: &AccessEvent) -> impl Future<Output = StoreResult<u64>> + Send {
        async move {
            let seqs = self.log_access_batch(std::slice::from_ref(event)).await?;
            seqs.first().copied().ok_or_else(|| StoreError::Integrity("geen volgnummer voor de gebeurtenis".into()))
        }
    }
    /// Events of an organisation, newest first, filtered.
    fn access_events(&self, org: &OrgId, query: &AccessQuery) -> impl Future<Output = StoreResult<Vec<StoredAccessEvent>>> + Send;
    /// The whole chain of an organisation, oldest first (for verification).
    fn access_chain(&self, org: &OrgId) -> impl Future<Output = StoreResult<Vec<StoredAccessEvent>>> + Send;

    // --- drafts ------------------------------------------------------------------------------

    fn save_draft(&self, draft: &Draft) -> impl Future<Output = StoreResult<()>> + Send;
    fn draft(&self, id: &DraftId) -> impl Future<Output = StoreResult<Option<Draft>>> + Send;
    fn delete_draft(&self, id: &DraftId) -> impl Future<Output = StoreResult<()>> + Send;
    /// The drafts of a professional, most recently updated first.
    fn drafts_of(&self, professional: &ProfessionalId) -> impl Future<Output = StoreResult<Vec<Draft>>> + Send;
    /// Deletes drafts last updated before `before`; returns how many.
    fn delete_drafts_before(&self, before: UnixMillis) -> impl Future<Output = StoreResult<u64>> + Send;

    // --- casusoverleg ------------------------------------------------------------------------

    /// Stores a new conference (its `version` is 1) with its members.
    fn create_conference(&self, conference: &Conference) -> impl Future<Output = StoreResult<()>> + Send;
    fn conference(&self, id: &ConferenceId) -> impl Future<Output = StoreResult<Option<Conference>>> + Send;
    /// Replaces the sealed content and the members, if the stored version is still
    /// `conference.version - 1`; false (nothing written) when someone else updated it first.
    fn update_conference(&self, conference: &Conference) -> impl Future<Output = StoreResult<bool>> + Send;
    /// The conferences a professional chairs or is invited to, most recently updated first.
    fn conferences_of(&self, professional: &ProfessionalId) -> impl Future<Output = StoreResult<Vec<Conference>>> + Send;
}
