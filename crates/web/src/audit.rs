//! The audited path: every handler that touches a dossier or an organisation-level resource
//! goes through [`Web::open_client`] or [`Web::guard`]. They look up what the policy needs,
//! decide with [`authorise`], and write the NEN 7513 event *before* anything is read or written.
//! If the event cannot be written, the request is refused (fail closed).

use grondslag_app::deliberation::{Deliberation, Evaluated};
use grondslag_app::{AppError, AppResult, Deliberated, History, Identity, Receipt};
use grondslag_dossier::{ConsentRecord, ConsentState, Decision as DossierDecision, EntryPayload};
use grondslag_engine::{Facts, Judgments};
use grondslag_ledger::ts_from_unix_millis;
use grondslag_rules::Lang;
use grondslag_store::{AccessEvent, AccessStore, Client, Professional, StoreError, StoreResult};
use time::Date;
use tokio::sync::{mpsc, oneshot};

use crate::access_labels::Event;
use crate::auth::User;
use crate::error::{WebError, internal};
use crate::policy::{Action, Basis, Decision, Denial, Target, authorise};
use crate::{Backend, Web, now_ms};

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

/// Ids are UUIDs; anything else is not looked up (and not logged: it names nothing).
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
        let ts = ts_from_unix_millis(now_ms()).ok_or_else(|| internal("clock"))?;
        let event = AccessEvent {
            org: user.org.clone(),
            ts,
            user: user.id.clone(),
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
        let ts = ts_from_unix_millis(now_ms()).ok_or_else(|| internal("clock"))?;
        let event = AccessEvent {
            org: p.org.clone(),
            ts,
            user: p.id.clone(),
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
    pub async fn guard(&self, user: &User, action: Action) -> Result<Basis, WebError> {
        let decision = authorise(user.role, action, &Target { same_org: true, ..Target::default() });
        self.record(user, action, None, &decision).await?;
        decision.map_err(|d| refusal(d, None))
    }

    /// Authorises an organisation-level `action` on the account of professional `id` (block,
    /// reset a password or a second factor, a care relation) and returns it. The organisation
    /// check is the policy's, like a dossier's: an account of another organisation looks the
    /// same as one that does not exist, and the refusal is logged with the same reason.
    pub async fn open_professional(&self, user: &User, action: Action, id: &str) -> Result<Professional, WebError> {
        let gone = || WebError::NotFound("Deze professional bestaat niet.".into());
        if !is_id(id) {
            return Err(gone());
        }
        let professional = match self.app.store().professional(id).await {
            Ok(p) => Some(p),
            Err(StoreError::NotFound { .. }) => None,
            Err(e) => return Err(e.into()),
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
        let client = match store.client(id).await {
            Ok(c) => Some(c),
            Err(StoreError::NotFound { .. }) => None,
            Err(e) => return Err(e.into()),
        };
        let Some(client) = client else {
            self.log_event(user, action, Some(id), Denial::OtherOrganisation.code(), false).await?;
            return Err(not_found());
        };
        let same_org = client.org == user.org;
        let (care_relation, break_glass) = if same_org && action.is_dossier() {
            let care = store.has_care_relation(&user.id, &client.id).await?;
            let grant = if care { None } else { store.active_break_glass(&user.id, &client.id, now_ms()).await?.map(|g| g.id) };
            (care, grant)
        } else {
            (false, None)
        };
        let decision = authorise(user.role, action, &Target { same_org, care_relation, break_glass });
        self.record(user, action, Some(&client.id), &decision).await?;
        match decision {
            Ok(basis) => Ok(Opened { web: self, client, basis, action }),
            Err(d) => Err(refusal(d, Some(&client.id))),
        }
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
    pub fn id(&self) -> &str {
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
        self.web.app.entries(&self.client.id).await
    }

    /// The dossier's history (the API's view).
    pub async fn history(&self) -> AppResult<History> {
        self.web.app.history(&self.client.id).await
    }

    /// The history and the consent registry (the dossier page).
    pub async fn overview(&self) -> AppResult<(History, Vec<ConsentState>)> {
        self.web.app.overview(&self.client.id).await
    }

    /// The consent registry derived from the dossier.
    pub async fn consent_registry(&self) -> AppResult<Vec<ConsentState>> {
        self.web.app.consent_registry(&self.client.id).await
    }

    /// The receipt of entry `seq`.
    pub async fn receipt(&self, seq: u64) -> AppResult<Receipt> {
        self.web.app.receipt(&self.client.id, seq).await
    }

    /// The dossier as a signed bundle (JSON).
    pub async fn export_json(&self) -> AppResult<String> {
        self.web.app.export_json(&self.client.id).await
    }

    /// The decision recorded after the deliberation at `seq`, if any.
    pub async fn decision_after(&self, seq: u64) -> AppResult<Option<(u64, DossierDecision)>> {
        self.web.app.decision_after(&self.client.id, seq).await
    }

    /// The consent the deliberation at `seq` relied on, if it was withdrawn since.
    pub async fn lapsed_consent(&self, seq: u64) -> AppResult<Option<(u64, Date)>> {
        self.web.app.lapsed_consent(&self.client.id, seq).await
    }

    /// Records a decision by `professional`.
    pub async fn decide(&self, professional: &str, decision: DossierDecision) -> AppResult<Receipt> {
        self.web.app.decide(&self.client.id, professional, decision).await
    }

    /// Registers consent.
    pub async fn register_consent(&self, professional: &str, record: ConsentRecord) -> AppResult<Receipt> {
        self.web.app.register_consent(&self.client.id, professional, record).await
    }

    /// Withdraws the consent registered at `consent_seq`, as of `on`.
    pub async fn withdraw_consent(&self, professional: &str, consent_seq: u64, on: Date, by: &str, note: &str) -> AppResult<Receipt> {
        self.web.app.withdraw_consent(&self.client.id, professional, consent_seq, on, by, note).await
    }

    /// Records a deliberation on the given facts (the API).
    pub async fn deliberate_facts(
        &self,
        professional: &str,
        facts: Facts,
        judgments: &Judgments,
        date: Date,
        lang: Lang,
    ) -> AppResult<Deliberated> {
        self.web.app.deliberate_facts(&self.client.id, professional, facts, judgments, date, lang).await
    }

    /// Records the draft `d`, bound to the version `shown`. The draft must be about this client.
    pub async fn record_deliberation(&self, professional: &str, d: &Deliberation, shown: &str, lang: Lang) -> AppResult<Deliberated> {
        self.same_client(d)?;
        self.web.app.record_deliberation(professional, d, shown, lang).await
    }

    /// Evaluates the draft `d` with this client's consent registry. The draft must be about
    /// this client.
    pub async fn evaluate_draft(&self, d: &Deliberation) -> AppResult<Evaluated> {
        self.same_client(d)?;
        self.web.app.evaluate_deliberation(d).await
    }

    fn same_client(&self, d: &Deliberation) -> AppResult<()> {
        match &d.client {
            Some(c) if *c == self.client.id => Ok(()),
            _ => Err(AppError::Invalid("het beraad gaat over een andere cliënt".into())),
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

fn not_found() -> WebError {
    WebError::NotFound("Deze cliënt bestaat niet, of u heeft er geen toegang toe.".into())
}

fn refusal(d: Denial, client: Option<&str>) -> WebError {
    match (d, client) {
        (Denial::OtherOrganisation, _) => not_found(),
        (Denial::NoCareRelation, Some(c)) => WebError::NoCareRelation { client: c.to_owned() },
        _ => WebError::Forbidden("Uw rol geeft geen toegang tot dit onderdeel.".into()),
    }
}
