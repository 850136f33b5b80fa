//! The audited path to a casusoverleg: planning it (`ConferencePlan`), opening it as its chair
//! or an invited participant (`ConferenceRead`), and adding to it (`ConferenceWrite`). Like a
//! dossier, the decision is the policy's and is logged before anything is read; unlike a
//! dossier, only a seat opens it — no care relation, grant or role does — and a conference the
//! user has no seat at looks the same as one that does not exist.

use grondslag_app::conference::{ConferenceContent, OpenConference};
use grondslag_i18n::Msg;
use grondslag_store::{ConferenceId, ProfessionalId};

use super::not_found;
use crate::access_labels::Event;
use crate::error::WebError;
use crate::policy::{Action, Target, authorise};
use crate::{Backend, User, Web};

/// A casusoverleg opened for one user and one action.
pub struct OpenedConference<'a, S: Backend> {
    web: &'a Web<S>,
    user: &'a User,
    action: Action,
    pub conference: OpenConference,
}

impl<S: Backend> Web<S> {
    /// Plans a casusoverleg with `user` as its chair.
    pub async fn plan_conference(&self, user: &User, content: ConferenceContent) -> Result<ConferenceId, WebError> {
        self.guard(user, Action::ConferencePlan).await?;
        Ok(self.app.create_conference(&user.org, &user.id, content).await?)
    }

    /// The conferences the user chairs or is invited to (logged as her own list).
    pub async fn own_conferences(&self, user: &User) -> Result<Vec<OpenConference>, WebError> {
        self.log_event(user, Event::OwnConferences, None, "sessie", true).await?;
        let all = self.app.conferences_of(&user.id).await?;
        Ok(all.into_iter().filter(|c| c.admits(&user.id)).collect())
    }

    /// Opens a casusoverleg for `action`, if the user has a seat at it.
    pub async fn open_conference<'a>(&'a self, user: &'a User, action: Action, id: &str) -> Result<OpenedConference<'a, S>, WebError> {
        let found = match ConferenceId::parse(id) {
            Ok(id) => self.app.open_conference(&id).await?,
            Err(_) => None,
        };
        let seat = found.as_ref().is_some_and(|c| c.admits(&user.id));
        // A seat the chair invited her to brings her organisation into the conference.
        let same_org = found.as_ref().is_some_and(|c| c.record.org == user.org) || seat;
        let decision = authorise(user.role, action, &Target { same_org, seat, ..Target::default() });
        self.record(user, action, None, &decision).await?;
        match (decision, found) {
            (Ok(_), Some(conference)) => Ok(OpenedConference { web: self, user, action, conference }),
            _ => Err(not_found()),
        }
    }
}

impl<S: Backend> Web<S> {
    /// Takes a seat with the chair's one-time code. Logged like every conference action; a wrong
    /// code and an unknown conference are refused alike.
    pub async fn join_conference(&self, user: &User, id: &str, code: &str) -> Result<ConferenceId, WebError> {
        let decision = authorise(user.role, Action::ConferenceJoin, &Target { same_org: true, ..Target::default() });
        self.record(user, Action::ConferenceJoin, None, &decision).await?;
        decision.map_err(|_| WebError::Forbidden(Msg::new("dossier-rol-geeft-geen-toegang")))?;
        let id = ConferenceId::parse(id).map_err(|_| WebError::Invalid(Msg::new("conference-code-wrong")))?;
        self.app.join_conference(&id, &user.id, code).await?;
        Ok(id)
    }
}

impl<S: Backend> OpenedConference<'_, S> {
    /// The chair's one-time invitation code for a seat (shown once).
    pub async fn invitation_code(&mut self, seat: u32) -> Result<String, WebError> {
        self.require_write()?;
        let (open, code) = self.web.app.conference_code(&self.conference.record.id, &self.user.id, seat).await?;
        self.conference = open;
        Ok(code)
    }

    fn require_write(&self) -> Result<(), WebError> {
        if self.action == Action::ConferenceWrite { Ok(()) } else { Err(WebError::Forbidden(Msg::new("dossier-rol-geeft-geen-toegang"))) }
    }

    /// The chair invites an account of the organisation to a seat, or withdraws it (`None`).
    pub async fn invite(&mut self, seat: u32, account: Option<ProfessionalId>) -> Result<(), WebError> {
        self.require_write()?;
        self.conference = self.web.app.invite_to_conference(&self.conference.record.id, &self.user.id, seat, account).await?;
        Ok(())
    }

    /// The user's answer on sharing with seat `to`, from a deliberation she recorded.
    pub async fn answer(&mut self, to: u32, outcome: &str, grounds: Vec<String>) -> Result<(), WebError> {
        self.require_write()?;
        self.conference = self.web.app.answer_in_conference(&self.conference.record.id, &self.user.id, to, outcome, grounds).await?;
        Ok(())
    }

    /// Withdraws one of the user's own contributions to the minutes.
    pub async fn withdraw_from_minutes(&mut self, index: usize) -> Result<(), WebError> {
        self.require_write()?;
        self.conference = self.web.app.withdraw_from_minutes(&self.conference.record.id, &self.user.id, index).await?;
        Ok(())
    }

    /// The user's contribution to the minutes.
    pub async fn add_to_minutes(&mut self, text: &str, anonymous: bool) -> Result<(), WebError> {
        self.require_write()?;
        self.conference = self.web.app.add_to_minutes(&self.conference.record.id, &self.user.id, text, anonymous).await?;
        Ok(())
    }
}
