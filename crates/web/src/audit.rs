//! The audited path: every handler that touches a dossier or an organisation-level resource
//! goes through [`Web::open_client`] or [`Web::guard`]. They look up what the policy needs,
//! decide with [`authorise`], and write the NEN 7513 event *before* anything is read or written.
//! If the event cannot be written, the request is refused (fail closed).
//!
//! # What the types guarantee
//!
//! [`Web`] is defined in this module and its application layer (`App`, which holds the
//! organisation keys and every dossier operation) is a private field: only this module and its
//! descendants ([`bootstrap`]) can reach it. Everything else in the crate (pages, API, auth)
//! reaches a dossier only through an [`Opened`], which only [`Web::open_client`] makes, after
//! the policy allowed the action and the access event was durably written. Its operations are
//! bound to its client. Organisation-level operations that create or verify (a client, an
//! account, the organisation's ledger) require a [`Guarded`], which only [`Web::guard`] makes,
//! and act on the guarded user's organisation.
//!
//! The action is checked too: an [`Opened`] made for `DossierRead` refuses every write (an
//! internal error, never a silent write logged as a read), and only one made for
//! `DossierExport` exports.
//!
//! ```compile_fail,E0616
//! // A handler cannot reach the application layer behind the audited path:
//! fn entries<S: grondslag_web::Backend>(web: &grondslag_web::Web<S>) {
//!     let _ = web.app.entries("00000000-0000-0000-0000-000000000000");
//! }
//! ```
//!
//! ```compile_fail,E0451
//! // Nor make an opened dossier without `open_client`:
//! fn forge<S: grondslag_web::Backend>(web: &grondslag_web::Web<S>, client: grondslag_store::Client) {
//!     let _ = grondslag_web::Opened { web, client, basis: grondslag_web::policy::Basis::CareRelation, action: grondslag_web::policy::Action::DossierWrite };
//! }
//! ```
//!
//! What they do not guarantee: that the client directory
//! (names and dates of birth in lists, [`Web::listed_identity`]) is logged per client — it is
//! limited to the user's organisation and is not dossier content. [`Web::store`] is open to
//! handlers for the tables that are not dossier content (sessions, drafts, care relations,
//! access log, accounts); the ledger rows it can return are sealed with the organisation's
//! content key, which only the `App` holds, and [`Web::open_note`] is domain-separated (its
//! associated data never equals a ledger entry's or an identity's), so the store does not
//! reveal dossier content — but it can write care relations and break-the-glass grants, which
//! the policy trusts. Tests build their own `App` on the same store for setup.

pub mod bootstrap;
pub mod conference;

use grondslag_app::deliberation::{Deliberation, Evaluated};
use grondslag_app::{
    App, AppError, AppResult, BundleRefusal, BundleVerdict, Deliberated, History, Identity, MeldcodeSummary, MeldcodeView, OrgVerification,
    Receipt,
};
use grondslag_dossier::meldcode::{Consulted, Event as MeldcodeEvent};
use grondslag_dossier::{ConsentRecord, ConsentState, Decision as DossierDecision, EntryPayload};
use grondslag_engine::{Facts, Judgments};
use grondslag_i18n::Msg;
use grondslag_ledger::{BundleReport, ts_from_unix_millis};
use grondslag_rules::{Lang, RuleSet};
use grondslag_store::{AccessEvent, AccessStore, Client, ClientId, OrgId, Professional, ProfessionalId, StoreError, StoreResult};
use grondslag_store::{AppRole, Client as ClientRecord};
use time::Date;
use tokio::sync::{mpsc, oneshot};

use crate::access_labels::Event;
use crate::auth::User;
use crate::error::{WebError, internal};
use crate::policy::{Action, Basis, Decision, Denial, Target, authorise};
use crate::{Backend, Config, now_ms};

/// The shared state of the server. The application layer is private to this module: see the
/// module documentation.
pub struct Web<S: Backend> {
    app: App<S>,
    pub cfg: Config,
    pub limiter: crate::auth::Limiter,
    /// The NEN 7513 access log, written with group commit.
    pub access: AccessWriter,
    /// Bounds concurrent Argon2 work (CPU denial of service).
    pub(crate) hash_gate: tokio::sync::Semaphore,
    /// A hash verified for unknown login names, so they take as long as known ones.
    pub(crate) dummy_hash: String,
    /// The kennisbank, checked against this server's rule set. `None` when the articles do not
    /// fit the rules (a rule set loaded from a directory may have renamed what they cite): the
    /// server still answers, and the kennisbank pages say it is unavailable.
    knowledge: Option<grondslag_knowledge::KnowledgeBase>,
    /// The case library (`pages/cases.rs`), parsed against the rule set on first use.
    pub(crate) cases: std::sync::OnceLock<grondslag_cases::Library>,
    /// Per kennisbank article, the worked examples whose answer it explains (`pages/cases.rs`).
    pub(crate) examples_by_article: std::sync::OnceLock<std::collections::HashMap<String, Vec<usize>>>,
}

impl<S: Backend> Web<S> {
    pub async fn new(app: App<S>, cfg: Config) -> Result<std::sync::Arc<Self>, WebError> {
        let access = AccessWriter::start(app.store().clone());
        let knowledge = match grondslag_knowledge::load_embedded(app.rules()) {
            Ok(kb) => Some(kb),
            Err(e) => {
                // Counts only: the messages name files and rule ids, never client data.
                tracing::warn!(problems = e.0.len(), "kennisbank not loaded: its articles do not fit the rule set");
                None
            }
        };
        let mut web = Web {
            app,
            cfg,
            limiter: crate::auth::Limiter::new(),
            access,
            hash_gate: tokio::sync::Semaphore::new(2),
            dummy_hash: String::new(),
            knowledge,
            cases: std::sync::OnceLock::new(),
            examples_by_article: std::sync::OnceLock::new(),
        };
        web.dummy_hash = web.hash_password("grondslag-onbekende-gebruiker").await?;
        Ok(std::sync::Arc::new(web))
    }

    /// The store, for the tables that are not dossier content (see the module documentation).
    pub fn store(&self) -> &S {
        self.app.store()
    }

    /// The rule set.
    pub fn rules(&self) -> &RuleSet {
        self.app.rules()
    }

    /// The kennisbank, when its articles fit the rule set.
    pub fn knowledge(&self) -> Option<&grondslag_knowledge::KnowledgeBase> {
        self.knowledge.as_ref()
    }

    /// Seals a note (a draft, a break-the-glass reason, a second-factor secret) with the
    /// organisation's content key, for `purpose`.
    pub fn seal_note(&self, org: &OrgId, purpose: &str, plain: &[u8]) -> AppResult<Vec<u8>> {
        self.app.seal_note(org, purpose, plain)
    }

    /// Opens what [`Web::seal_note`] sealed for the same organisation and purpose.
    pub fn open_note(&self, org: &OrgId, purpose: &str, sealed: &[u8]) -> AppResult<Vec<u8>> {
        self.app.open_note(org, purpose, sealed)
    }

    /// The name and date of birth of a client of the user's own organisation, for lists (the
    /// client directory: not logged per client, not dossier content). A client of another
    /// organisation is not found.
    pub async fn listed_identity(&self, org: &OrgId, client: &ClientRecord) -> Result<Identity, WebError> {
        if client.org != *org {
            return Err(not_found());
        }
        Ok(self.app.identity(client).await?)
    }

    /// The client of the user's own organisation with this reference, if any (the record only).
    pub async fn client_by_reference(&self, user: &User, reference: &str) -> AppResult<Option<ClientRecord>> {
        self.app.client_by_reference(&user.org, reference).await
    }

    /// The origin and key the user's organisation signs its bundles with.
    pub async fn bundle_trust(&self, user: &User) -> AppResult<(String, grondslag_ledger::VerifierKey)> {
        self.app.bundle_trust(&user.org).await
    }

    /// Compares a checked bundle with the user's organisation's own ledger.
    pub async fn compare_bundle(&self, user: &User, report: BundleReport, own: bool) -> AppResult<Result<BundleVerdict, BundleRefusal>> {
        self.app.compare_bundle(&user.org, report, own).await
    }

    /// Registers a client in the guarded user's organisation.
    pub async fn create_client(&self, g: &Guarded, reference: &str, identity: &Identity) -> AppResult<ClientRecord> {
        self.app.create_client(&g.org, reference, identity).await
    }

    /// Creates an account in the guarded user's organisation.
    pub async fn create_professional(&self, g: &Guarded, name: &str, role: AppRole, profession: &str) -> AppResult<Professional> {
        self.app.create_professional(&g.org, name, role, profession).await
    }

    /// The organisation's open meldcode trajectories, without their content (the
    /// aandachtsfunctionaris' overview; the guard must be for that action).
    pub async fn meldcode_overview(&self, g: &Guarded, today: Date, overdue_days: u32) -> AppResult<Vec<MeldcodeSummary>> {
        if g.action != Action::MeldcodeOverview {
            return Err(wrong_action(g.action, Action::MeldcodeOverview));
        }
        self.app.meldcode_overview(&g.org, today, overdue_days).await
    }

    /// Verifies the guarded user's organisation's ledger.
    pub async fn verify_organisation(&self, g: &Guarded) -> AppResult<OrgVerification> {
        self.app.verify_organisation(&g.org).await
    }
}

type Pending = (AccessEvent, oneshot::Sender<StoreResult<u64>>);

/// Writes access events with group commit: requests hand their event to one writer task and
/// wait for its acknowledgement; the writer takes every event waiting at that moment and
/// appends them in one durable transaction. A request continues only once its event is
/// durably stored (fail closed), yet one fsync serves many concurrent requests.
#[derive(Debug, Clone)]
pub struct AccessWriter {
    tx: mpsc::Sender<Pending>,
}

/// At most this many events per transaction.
const BATCH: usize = 256;

impl AccessWriter {
    /// Starts the writer task on the current runtime.
    pub fn start<S: AccessStore>(store: S) -> Self {
        let (tx, mut rx) = mpsc::channel::<Pending>(4 * BATCH);
        tokio::spawn(async move {
            let mut batch: Vec<Pending> = Vec::with_capacity(BATCH);
            while rx.recv_many(&mut batch, BATCH).await > 0 {
                let events: Vec<AccessEvent> = batch.iter().map(|(e, _)| e.clone()).collect();
                match store.log_access_batch(&events).await {
                    Ok(seqs) if seqs.len() == batch.len() => {
                        for ((_, ack), seq) in batch.drain(..).zip(seqs) {
                            let _ = ack.send(Ok(seq));
                        }
                    }
                    _ => {
                        // One bad event must not refuse the others: retry each on its own.
                        for (e, ack) in batch.drain(..) {
                            let _ = ack.send(store.log_access(&e).await);
                        }
                    }
                }
            }
        });
        AccessWriter { tx }
    }

    /// Stores one event durably; `Err` when it could not be stored.
    pub async fn write(&self, event: AccessEvent) -> StoreResult<u64> {
        let (ack, done) = oneshot::channel();
        self.tx.send((event, ack)).await.map_err(|_| StoreError::Backend("toegangslog-schrijver gestopt".into()))?;
        done.await.map_err(|_| StoreError::Backend("toegangslog-schrijver gestopt".into()))?
    }
}

/// Ids are UUIDs; anything else is not looked up (and not logged: it names nothing). A string
/// that passes but is not a well-formed id ([`ClientId::parse`] and friends refuse it) is logged
/// and answered like an unknown id, as before the ids were typed.
pub fn is_id(s: &str) -> bool {
    s.len() == 36 && s.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
}

impl<S: Backend> Web<S> {
    /// Writes one access event. An error here refuses the request.
    pub async fn log_event(
        &self,
        user: &User,
        action: impl Into<crate::access_labels::Logged>,
        client: Option<&str>,
        authorisation: &str,
        allowed: bool,
    ) -> Result<(), WebError> {
        let ts = ts_from_unix_millis(now_ms().as_millis()).ok_or_else(|| internal("clock"))?;
        let event = AccessEvent {
            org: user.org.clone(),
            ts,
            user: user.id.to_string(),
            user_role: user.role.as_str().into(),
            on_behalf_of: None,
            client: client.map(str::to_owned),
            action: action.into().code().to_owned(),
            authorisation: authorisation.into(),
            allowed,
            source: user.source.clone(),
        };
        self.access.write(event).await.map_err(|_| internal("access_log"))?;
        Ok(())
    }

    /// Writes an event about a professional's own account before their session is fully signed
    /// in (e.g. a recovery code used at login). An error here refuses the request.
    pub async fn log_account_event(&self, p: &Professional, source: &str, action: Event) -> Result<(), WebError> {
        let ts = ts_from_unix_millis(now_ms().as_millis()).ok_or_else(|| internal("clock"))?;
        let event = AccessEvent {
            org: p.org.clone(),
            ts,
            user: p.id.to_string(),
            user_role: p.app_role.as_str().into(),
            on_behalf_of: None,
            client: None,
            action: action.code().to_owned(),
            authorisation: "sessie".into(),
            allowed: true,
            source: source.into(),
        };
        self.access.write(event).await.map_err(|_| internal("access_log"))?;
        Ok(())
    }

    async fn record(&self, user: &User, action: Action, client: Option<&str>, decision: &Decision) -> Result<(), WebError> {
        let (authorisation, allowed) = match decision {
            Ok(b) => (b.code(), true),
            Err(d) => (d.code().to_owned(), false),
        };
        self.log_event(user, action, client, &authorisation, allowed).await
    }

    /// Authorises an organisation-level action (no client), logging the decision.
    pub async fn guard(&self, user: &User, action: Action) -> Result<Guarded, WebError> {
        let decision = authorise(user.role, action, &Target { same_org: true, ..Target::default() });
        self.record(user, action, None, &decision).await?;
        let basis = decision.map_err(|d| refusal(d, None))?;
        Ok(Guarded { org: user.org.clone(), basis, action })
    }

    /// Authorises an organisation-level `action` on the account of professional `id` (block,
    /// reset a password or a second factor, a care relation) and returns it. The organisation
    /// check is the policy's, like a dossier's: an account of another organisation looks the
    /// same as one that does not exist, and the refusal is logged with the same reason.
    pub async fn open_professional(&self, user: &User, action: Action, id: &str) -> Result<Professional, WebError> {
        let gone = || WebError::NotFound(Msg::new("audit-professional-bestaat-niet"));
        if !is_id(id) {
            return Err(gone());
        }
        let professional = match ProfessionalId::parse(id) {
            Ok(id) => match self.app.store().professional(&id).await {
                Ok(p) => Some(p),
                Err(StoreError::NotFound { .. }) => None,
                Err(e) => return Err(e.into()),
            },
            Err(_) => None,
        };
        let same_org = professional.as_ref().is_some_and(|p| p.org == user.org);
        let decision = authorise(user.role, action, &Target { same_org, ..Target::default() });
        self.record(user, action, None, &decision).await?;
        match (decision, professional) {
            (Ok(_), Some(p)) => Ok(p),
            (Err(Denial::OtherOrganisation), _) | (Ok(_), None) => Err(gone()),
            (Err(d), _) => Err(refusal(d, None)),
        }
    }

    /// Authorises `action` on the dossier of client `id` and returns the client. The decision is
    /// logged first, allowed or not; a client of another organisation looks the same as one that
    /// does not exist.
    pub async fn open_client(&self, user: &User, action: Action, id: &str) -> Result<Opened<'_, S>, WebError> {
        if !is_id(id) {
            return Err(not_found());
        }
        let store = self.app.store();
        let client = match ClientId::parse(id) {
            Ok(id) => match store.client(&id).await {
                Ok(c) => Some(c),
                Err(StoreError::NotFound { .. }) => None,
                Err(e) => return Err(e.into()),
            },
            Err(_) => None,
        };
        let Some(client) = client else {
            self.log_event(user, action, Some(id), Denial::OtherOrganisation.code(), false).await?;
            return Err(not_found());
        };
        let same_org = client.org == user.org;
        let (care_relation, break_glass) = if same_org && action.needs_care_relation() {
            let care = store.has_care_relation(&user.id, &client.id).await?;
            let grant = if care { None } else { store.active_break_glass(&user.id, &client.id, now_ms()).await?.map(|g| g.id.to_string()) };
            (care, grant)
        } else {
            (false, None)
        };
        let decision = authorise(user.role, action, &Target { same_org, care_relation, break_glass, seat: false });
        self.record(user, action, Some(client.id.as_str()), &decision).await?;
        match decision {
            Ok(basis) => Ok(Opened { web: self, client, basis, action }),
            Err(d) => Err(refusal(d, Some(client.id.as_str()))),
        }
    }
}

/// An allowed and logged organisation-level action: the proof that [`Web::guard`] allowed
/// `action` for a user of organisation `org`. Only `guard` makes one; the organisation-level
/// operations on [`Web`] that create or verify require it and act on its organisation.
#[derive(Debug)]
pub struct Guarded {
    org: OrgId,
    basis: Basis,
    action: Action,
}

impl Guarded {
    /// The organisation the action was allowed in.
    pub fn org(&self) -> &OrgId {
        &self.org
    }

    /// On what the permission rests.
    pub fn basis(&self) -> &Basis {
        &self.basis
    }

    /// The action that was allowed and logged.
    pub fn action(&self) -> Action {
        self.action
    }
}

/// An opened dossier: the proof that the policy allowed `action` on this client for this request
/// and that the access event was durably logged first. Only [`Web::open_client`] makes one (the
/// fields are private to this module), so a handler holding an `Opened` has passed the audited
/// path. The dossier operations are methods on it, bound to its client: a handler cannot name
/// another client's id in them.
pub struct Opened<'w, S: Backend> {
    web: &'w Web<S>,
    client: Client,
    basis: Basis,
    action: Action,
}

impl<S: Backend> std::fmt::Debug for Opened<'_, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Opened").field("client", &self.client.id).field("basis", &self.basis).field("action", &self.action).finish()
    }
}

impl<'w, S: Backend> Opened<'w, S> {
    /// The opened client (its record: ids, organisation, sealed identity).
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The opened client's id.
    pub fn id(&self) -> &ClientId {
        &self.client.id
    }

    /// On what the permission rests (care relation, break-the-glass grant, role).
    pub fn basis(&self) -> &Basis {
        &self.basis
    }

    /// The action that was allowed and logged.
    pub fn action(&self) -> Action {
        self.action
    }

    /// The client's name and date of birth (decrypted).
    pub async fn identity(&self) -> AppResult<Identity> {
        self.web.app.identity(&self.client).await
    }

    /// The dossier's entries: sequence number, kind, time and (unless erased) the payload.
    pub async fn entries(&self) -> AppResult<Vec<(u64, String, String, Option<EntryPayload>)>> {
        self.require_dossier()?;
        self.web.app.entries(&self.client.id).await
    }

    /// The dossier's history (the API's view).
    pub async fn history(&self, lang: grondslag_rules::Lang) -> AppResult<History> {
        self.require_dossier()?;
        self.web.app.history(&self.client.id, lang).await
    }

    /// The history and the consent registry (the dossier page).
    pub async fn overview(&self, lang: grondslag_rules::Lang) -> AppResult<(History, Vec<ConsentState>)> {
        self.require_dossier()?;
        self.web.app.overview(&self.client.id, lang).await
    }

    /// The consent registry derived from the dossier.
    pub async fn consent_registry(&self) -> AppResult<Vec<ConsentState>> {
        self.require_dossier()?;
        self.web.app.consent_registry(&self.client.id).await
    }

    /// The receipt of entry `seq`.
    pub async fn receipt(&self, seq: u64) -> AppResult<Receipt> {
        self.require_dossier()?;
        self.web.app.receipt(&self.client.id, seq).await
    }

    /// The dossier as a signed bundle (JSON).
    pub async fn export_json(&self) -> AppResult<String> {
        self.require(Action::DossierExport)?;
        self.web.app.export_json(&self.client.id).await
    }

    /// The dossier, consent registry and the exporting user's own access events about the client
    /// as a FHIR R4 bundle (JSON). An export like [`Opened::export_json`]: only an `Opened` made
    /// for `DossierExport`, whose logged event is then the last one in the bundle's access log.
    /// Colleagues' accesses stay out: reading those is the privacy officer's.
    pub async fn fhir_json(&self, by: &User) -> AppResult<String> {
        self.require(Action::DossierExport)?;
        self.web.app.fhir_json(&self.client.id, Some(by.id.as_ref())).await
    }

    /// The decision recorded after the deliberation at `seq`, if any.
    pub async fn decision_after(&self, seq: u64) -> AppResult<Option<(u64, DossierDecision)>> {
        self.require_dossier()?;
        self.web.app.decision_after(&self.client.id, seq).await
    }

    /// The lines for the professional's own record system about deliberation or decision `seq`.
    pub async fn record_text(&self, seq: u64, lang: grondslag_rules::Lang) -> AppResult<Option<String>> {
        self.require_dossier()?;
        self.web.app.record_text(&self.client.id, seq, lang).await
    }

    /// The consent the deliberation at `seq` relied on, if it was withdrawn since.
    pub async fn lapsed_consent(&self, seq: u64) -> AppResult<Option<(u64, Date)>> {
        self.require_dossier()?;
        self.web.app.lapsed_consent(&self.client.id, seq).await
    }

    /// Records a decision by `professional`.
    pub async fn decide(&self, professional: &ProfessionalId, decision: DossierDecision) -> AppResult<Receipt> {
        self.require(Action::DossierWrite)?;
        self.web.app.decide(&self.client.id, professional, decision).await
    }

    /// Registers consent.
    pub async fn register_consent(&self, professional: &ProfessionalId, record: ConsentRecord) -> AppResult<Receipt> {
        self.require(Action::DossierWrite)?;
        self.web.app.register_consent(&self.client.id, professional, record).await
    }

    /// Withdraws the consent registered at `consent_seq`, as of `on`.
    pub async fn withdraw_consent(
        &self,
        professional: &ProfessionalId,
        consent_seq: u64,
        on: Date,
        by: &str,
        note: &str,
    ) -> AppResult<Receipt> {
        self.require(Action::DossierWrite)?;
        self.web.app.withdraw_consent(&self.client.id, professional, consent_seq, on, by, note).await
    }

    /// Records a deliberation on the given facts (the API).
    pub async fn deliberate_facts(
        &self,
        professional: &ProfessionalId,
        facts: Facts,
        judgments: &Judgments,
        date: Date,
        lang: Lang,
    ) -> AppResult<Deliberated> {
        self.require(Action::DossierWrite)?;
        self.web.app.deliberate_facts(&self.client.id, professional, facts, judgments, date, lang).await
    }

    /// Records the draft `d`, bound to the version `shown`. The draft must be about this client.
    pub async fn record_deliberation(
        &self,
        professional: &ProfessionalId,
        d: &Deliberation,
        shown: &str,
        lang: Lang,
    ) -> AppResult<Deliberated> {
        self.require(Action::DossierWrite)?;
        self.same_client(d)?;
        self.web.app.record_deliberation(professional, d, shown, lang).await
    }

    /// Evaluates the draft `d` with this client's consent registry. The draft must be about
    /// this client.
    pub async fn evaluate_draft(&self, d: &Deliberation) -> AppResult<Evaluated> {
        self.require_dossier()?;
        self.same_client(d)?;
        self.web.app.evaluate_deliberation(d).await
    }

    /// The client's meldcode trajectory: open to every dossier and meldcode action (the
    /// aandachtsfunctionaris reads it by role, without the rest of the dossier).
    pub async fn meldcode(&self) -> AppResult<Option<MeldcodeView>> {
        if !(self.action.is_dossier() || self.action.is_meldcode()) {
            return Err(wrong_action(self.action, Action::MeldcodeRead));
        }
        self.web.app.meldcode(&self.client.id).await
    }

    /// The dossier's verification status (no content): open to every dossier and meldcode
    /// action, so the meldcode report can state it to the aandachtsfunctionaris too.
    pub async fn verification(&self, lang: grondslag_rules::Lang) -> AppResult<grondslag_app::DossierStatus> {
        if !(self.action.is_dossier() || self.action.is_meldcode()) {
            return Err(wrong_action(self.action, Action::MeldcodeRead));
        }
        self.web.app.verification(&self.client.id, lang).await
    }

    /// Records a meldcode event by `professional`. Opened to write the trajectory, any event;
    /// opened for the aandachtsfunctionaris' advice, only their own consultation.
    pub async fn record_meldcode(&self, professional: &ProfessionalId, event: MeldcodeEvent) -> AppResult<Receipt> {
        let allowed = match self.action {
            Action::MeldcodeWrite => true,
            Action::MeldcodeAdvise => is_advice(&event),
            _ => false,
        };
        if !allowed {
            return Err(wrong_action(self.action, Action::MeldcodeWrite));
        }
        self.web.app.record_meldcode(&self.client.id, professional, event).await
    }

    /// Refuses a read of the dossier's content when it was opened for its meldcode trajectory
    /// only (or an organisation-level action).
    fn require_dossier(&self) -> AppResult<()> {
        if self.action.is_dossier() { Ok(()) } else { Err(wrong_action(self.action, Action::DossierRead)) }
    }

    /// Refuses an operation the dossier was not opened (and logged) for.
    fn require(&self, action: Action) -> AppResult<()> {
        if self.action == action { Ok(()) } else { Err(wrong_action(self.action, action)) }
    }

    fn same_client(&self, d: &Deliberation) -> AppResult<()> {
        match &d.client {
            Some(c) if *c == self.client.id => Ok(()),
            _ => Err(AppError::Invalid(Msg::new("audit-beraad-gaat-over-andere"))),
        }
    }
}

impl<S: Backend> Web<S> {
    /// Evaluates a draft. A draft about a client is evaluated with that client's consent
    /// registry, so it needs the client opened (`opened`, the same client); a draft without a
    /// client needs nothing.
    pub async fn evaluate_draft(&self, opened: Option<&Opened<'_, S>>, state: &Deliberation) -> Result<Evaluated, WebError> {
        match (opened, &state.client) {
            (Some(o), _) => Ok(o.evaluate_draft(state).await?),
            (None, None) => Ok(self.app.evaluate_deliberation(state).await?),
            (None, Some(_)) => Err(internal("draft_not_opened")),
        }
    }
}

/// Whether `event` is the aandachtsfunctionaris' advice: a consultation with them.
fn is_advice(event: &MeldcodeEvent) -> bool {
    matches!(event, MeldcodeEvent::Consulted { consultation, .. } if consultation.with == Consulted::Aandachtsfunctionaris)
}

/// The action a user with `role` opens a trajectory with to record `event`: an
/// aandachtsfunctionaris recording their own advice needs [`Action::MeldcodeAdvise`] (open to
/// them by role), everything else [`Action::MeldcodeWrite`] (a care relation or a grant). So the
/// access log says which of the two it was, and [`Opened::record_meldcode`] accepts the event.
pub fn meldcode_action(role: AppRole, event: &MeldcodeEvent) -> Action {
    if role == AppRole::Aandachtsfunctionaris && is_advice(event) { Action::MeldcodeAdvise } else { Action::MeldcodeWrite }
}

/// An operation the dossier was not opened (and logged) for: an internal error, never a silent
/// read or write under another action's log line.
fn wrong_action(opened: Action, wanted: Action) -> AppError {
    AppError::Store(StoreError::Backend(format!("dossier geopend voor {opened:?}, niet voor {wanted:?}")))
}

fn not_found() -> WebError {
    WebError::NotFound(Msg::new("audit-client-bestaat-niet-heeft"))
}

fn refusal(d: Denial, client: Option<&str>) -> WebError {
    match (d, client) {
        (Denial::OtherOrganisation, _) => not_found(),
        (Denial::NoCareRelation, Some(c)) => WebError::NoCareRelation { client: c.to_owned() },
        _ => WebError::Forbidden(Msg::new("dossier-rol-geeft-geen-toegang")),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use grondslag_store::Store;
    use grondslag_store_sqlite::SqliteStore;

    use super::*;
    use crate::HashCost;

    async fn web() -> (std::sync::Arc<Web<SqliteStore>>, Vec<ClientRecord>, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(dir.path().join("t.db")).await.unwrap();
        let app = App::new(store, dir.path(), grondslag_rules::load_embedded().unwrap());
        let web = Web::new(app, Config { hash_cost: HashCost::TEST, ..Config::default() }).await.unwrap();
        web.demo().await.unwrap();
        let org = web.app.organisations().await.unwrap().remove(0);
        let clients = web.store().clients(&org.id).await.unwrap();
        assert!(clients.len() >= 2);
        (web, clients, dir)
    }

    fn opened<'w, S: Backend>(web: &'w Web<S>, client: &ClientRecord, action: Action) -> Opened<'w, S> {
        Opened { web, client: client.clone(), basis: Basis::CareRelation, action }
    }

    #[tokio::test]
    async fn an_opened_dossier_does_only_what_it_was_opened_and_logged_for() {
        let (web, clients, _dir) = web().await;
        // The demo client with a registered consent (a dossier with an entry).
        let mut with_entries = None;
        for c in &clients {
            if !web.app.entries(&c.id).await.unwrap().is_empty() {
                with_entries = Some(c);
            }
        }
        let c = with_entries.expect("a demo dossier with an entry");
        let before = web.app.entries(&c.id).await.unwrap().len();
        // Opened for reading: it reads, but does not export or write.
        let read = opened(&web, c, Action::DossierRead);
        assert_eq!(read.entries().await.unwrap().len(), before);
        assert!(read.export_json().await.is_err());
        let draft = Deliberation::new(Some(c.id.clone()), crate::view::today());
        assert!(read.record_deliberation(&ProfessionalId::generate(), &draft, "", Lang::Nl).await.is_err());
        assert_eq!(web.app.entries(&c.id).await.unwrap().len(), before, "nothing was written");
        // Opened for export: it exports this client's dossier.
        let export = opened(&web, c, Action::DossierExport);
        let bundle: serde_json::Value = serde_json::from_str(&export.export_json().await.unwrap()).unwrap();
        assert!(bundle.is_object());
    }

    #[tokio::test]
    async fn a_trajectory_opened_for_the_meldcode_reads_and_writes_only_the_meldcode() {
        use grondslag_dossier::meldcode::{Consultation, Sector, Signal, SignalSource};
        let (web, clients, _dir) = web().await;
        let c = &clients[0];
        let org = web.app.organisations().await.unwrap().remove(0);
        let prof = web.store().professionals(&org.id).await.unwrap().remove(0).id;
        let day = time::macros::date!(2026 - 12 - 01);
        let signal = Signal {
            observed_on: day,
            source: SignalSource::OwnObservation,
            source_detail: String::new(),
            observation: "kind komt hongerig op school (synthetisch)".into(),
            interpretation: None,
            concerns_staff_member: false,
        };
        let open = MeldcodeEvent::Opened { on: day, sector: Sector::Education, signal };
        let advice = |with| MeldcodeEvent::Consulted {
            on: day,
            consultation: Consultation { with, who: "A.F.".into(), advice: "eerst een gesprek met de ouders".into() },
        };
        // Read for the meldcode: the trajectory, none of the rest of the dossier.
        let read = opened(&web, c, Action::MeldcodeRead);
        assert!(read.meldcode().await.is_ok());
        assert!(read.entries().await.is_err() && read.history(Lang::Nl).await.is_err() && read.consent_registry().await.is_err());
        assert!(read.record_meldcode(&prof, open.clone()).await.is_err(), "reading never writes");
        // Advice: only the aandachtsfunctionaris' own consultation.
        let write = opened(&web, c, Action::MeldcodeWrite);
        write.record_meldcode(&prof, open).await.unwrap();
        let advise = opened(&web, c, Action::MeldcodeAdvise);
        assert!(advise.record_meldcode(&prof, advice(Consulted::Colleague)).await.is_err());
        advise.record_meldcode(&prof, advice(Consulted::Aandachtsfunctionaris)).await.unwrap();
        assert_eq!(read.meldcode().await.unwrap().unwrap().records.len(), 2);
        // A dossier opened for a decision does not write the trajectory.
        assert!(opened(&web, c, Action::DossierWrite).record_meldcode(&prof, advice(Consulted::Colleague)).await.is_err());
        // The overview needs a guard for it.
        let user_guard =
            Guarded { org: org.id.clone(), basis: Basis::Role(AppRole::Aandachtsfunctionaris), action: Action::MeldcodeOverview };
        // This trajectory, beside the demo's own two.
        let overview = web.meldcode_overview(&user_guard, day, 14).await.unwrap();
        assert_eq!(overview.iter().filter(|s| s.client == c.id).count(), 1);
        assert_eq!(overview.len(), 3);
        let other = Guarded { action: Action::VerifyOrganisation, ..user_guard };
        assert!(web.meldcode_overview(&other, day, 14).await.is_err());
    }

    #[tokio::test]
    async fn a_draft_about_a_client_is_evaluated_only_through_that_clients_opened_dossier() {
        let (web, clients, _dir) = web().await;
        let (a, b) = (&clients[0], &clients[1]);
        let about_b = Deliberation::new(Some(b.id.clone()), crate::view::today());
        assert!(web.evaluate_draft(None, &about_b).await.is_err(), "not opened");
        assert!(web.evaluate_draft(Some(&opened(&web, a, Action::DossierRead)), &about_b).await.is_err(), "another client");
        assert!(web.evaluate_draft(Some(&opened(&web, b, Action::DossierRead)), &about_b).await.is_ok());
        let anonymous = Deliberation::new(None, crate::view::today());
        assert!(web.evaluate_draft(None, &anonymous).await.is_ok());
    }
}
