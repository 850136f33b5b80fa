//! Drafts: a deliberation in progress ([`Deliberation`], the model shared with the API and the
//! CLI) stored sealed with the organisation's content key (it describes a case), per
//! professional. Every page evaluates the draft afresh, so it always shows what the rules say
//! about exactly these answers.

pub use grondslag_app::deliberation::{Criterion, Deliberation, Evaluated, Example, PROPOSAL_FACTS, Refusal, Version, parse_answer};
use std::time::Duration;

use grondslag_i18n::Msg;
use grondslag_store::{Draft, DraftId};

use crate::error::{WebError, internal};
use crate::{Backend, User, Web, now_ms};

/// Drafts untouched for this long are deleted (a deliberation is not kept half-done for ever).
pub const DRAFT_TTL: Duration = Duration::from_secs(7 * 24 * 60 * 60);

impl<S: Backend> Web<S> {
    pub async fn load_draft(&self, user: &User, id: &str) -> Result<Deliberation, WebError> {
        let not_found = || WebError::NotFound(Msg::new("draft-beraad-bestaat-niet-meer"));
        let Ok(id) = DraftId::parse(id) else { return Err(not_found()) };
        let Some(d) = self.store().draft(&id).await? else { return Err(not_found()) };
        if d.professional != user.id || d.org != user.org {
            return Err(not_found());
        }
        let plain = self.open_note(&d.org, &format!("concept|{id}"), &d.sealed).map_err(|_| internal("draft_open"))?;
        serde_json::from_slice(&plain).map_err(|_| internal("draft_parse"))
    }

    pub async fn save_draft(&self, user: &User, id: Option<&str>, state: &Deliberation) -> Result<String, WebError> {
        let id = match id {
            Some(id) => DraftId::parse(id).map_err(|_| internal("draft_id"))?,
            None => DraftId::generate(),
        };
        let plain = serde_json::to_vec(state).map_err(|_| internal("draft_json"))?;
        let sealed = self.seal_note(&user.org, &format!("concept|{id}"), &plain)?;
        let draft = Draft {
            id: id.clone(),
            org: user.org.clone(),
            professional: user.id.clone(),
            client: state.client.clone(),
            sealed,
            updated: now_ms(),
        };
        self.store().save_draft(&draft).await?;
        Ok(id.into_string())
    }

    /// The user's unfinished deliberations that have not expired, most recently changed first.
    /// Ids and times only: nothing is decrypted.
    pub async fn own_drafts(&self, user: &User) -> Result<Vec<Draft>, WebError> {
        let fresh = now_ms().saturating_sub(DRAFT_TTL);
        let mut drafts = self.store().drafts_of(&user.id).await?;
        drafts.retain(|d| d.org == user.org && d.updated >= fresh);
        Ok(drafts)
    }
}
