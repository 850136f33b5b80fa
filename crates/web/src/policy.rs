//! Who may do what: one pure function, [`authorise`], used by every handler through the audited
//! path (`audit.rs`). No I/O: the caller looks up the facts (same organisation, care relation,
//! break-the-glass grant) and logs the decision.
//!
//! The model (NEN 7510 access control by organisation, role and care relation):
//! - nothing crosses an organisation;
//! - a dossier (read, write, export) is open only to a professional or aandachtsfunctionaris with
//!   a care relation with the client, or with a valid break-the-glass grant;
//! - a client's meldcode trajectory (and only that part of the dossier) is also open to the
//!   organisation's aandachtsfunctionaris by role: they are consulted on it and keep the
//!   organisation's overview of open trajectories, and they record their own advice in it —
//!   nothing else without a care relation or a grant;
//! - the privacy officer reads the access log, reviews break-the-glass grants and verifies the
//!   organisation's log, but never reads a dossier's content;
//! - the administrator manages accounts, clients and care relations, and never reads a dossier.

use grondslag_store::AppRole;

/// What a signed-in user asks to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Evaluate a case without a client (nothing is stored).
    Evaluate,
    /// Read a client's dossier (timeline, consents, entries, verification status).
    DossierRead,
    /// Add to a client's dossier (deliberation, decision, consent, withdrawal).
    DossierWrite,
    /// Export a client's verification bundle.
    DossierExport,
    /// Ask for break-the-glass access to a client's dossier.
    BreakGlass,
    /// Register a new client.
    RegisterClient,
    /// See the organisation's client list with names (to assign care relations).
    ListAllClients,
    ManageAccounts,
    ManageCareRelations,
    ReadAccessLog,
    ReviewBreakGlass,
    VerifyOrganisation,
    /// Read a client's meldcode trajectory (not the rest of the dossier).
    MeldcodeRead,
    /// Record any meldcode event in a client's trajectory.
    MeldcodeWrite,
    /// Record the aandachtsfunctionaris' own advice in a client's trajectory.
    MeldcodeAdvise,
    /// See the organisation's open meldcode trajectories (no content).
    MeldcodeOverview,
    /// Plan a casusoverleg (as its chair).
    ConferencePlan,
    /// Open a casusoverleg one chairs or is invited to (outcomes and minutes, no dossier).
    ConferenceRead,
    /// Add to a casusoverleg: an answer, a contribution to the minutes, an invitation.
    ConferenceWrite,
    /// Take a seat at a casusoverleg with the chair's one-time invitation code (also from
    /// another organisation in this installation).
    ConferenceJoin,
}

impl Action {
    pub const ALL: [Action; 20] = [
        Action::Evaluate,
        Action::DossierRead,
        Action::DossierWrite,
        Action::DossierExport,
        Action::BreakGlass,
        Action::RegisterClient,
        Action::ListAllClients,
        Action::ManageAccounts,
        Action::ManageCareRelations,
        Action::ReadAccessLog,
        Action::ReviewBreakGlass,
        Action::VerifyOrganisation,
        Action::MeldcodeRead,
        Action::MeldcodeWrite,
        Action::MeldcodeAdvise,
        Action::MeldcodeOverview,
        Action::ConferencePlan,
        Action::ConferenceRead,
        Action::ConferenceWrite,
        Action::ConferenceJoin,
    ];

    /// Whether the action concerns one client's dossier (and so needs a care relation).
    pub fn is_dossier(self) -> bool {
        matches!(self, Action::DossierRead | Action::DossierWrite | Action::DossierExport)
    }

    /// Whether the action concerns one client's meldcode trajectory.
    pub fn is_meldcode(self) -> bool {
        matches!(self, Action::MeldcodeRead | Action::MeldcodeWrite | Action::MeldcodeAdvise)
    }

    /// Whether the decision needs to know about a care relation and a break-the-glass grant.
    pub fn needs_care_relation(self) -> bool {
        self.is_dossier() || self.is_meldcode()
    }

    /// The fixed code written to the access log.
    pub fn code(self) -> &'static str {
        match self {
            Action::Evaluate => "beraad.anoniem",
            Action::DossierRead => "dossier.lezen",
            Action::DossierWrite => "dossier.schrijven",
            Action::DossierExport => "dossier.exporteren",
            Action::BreakGlass => "doorbraak.aanvragen",
            Action::RegisterClient => "client.registreren",
            Action::ListAllClients => "clienten.overzicht",
            Action::ManageAccounts => "beheer.accounts",
            Action::ManageCareRelations => "beheer.zorgrelaties",
            Action::ReadAccessLog => "toegangslog.lezen",
            Action::ReviewBreakGlass => "doorbraak.beoordelen",
            Action::VerifyOrganisation => "organisatie.verifieren",
            Action::MeldcodeRead => "meldcode.lezen",
            Action::MeldcodeWrite => "meldcode.schrijven",
            Action::MeldcodeAdvise => "meldcode.advies",
            Action::MeldcodeOverview => "meldcode.overzicht",
            Action::ConferencePlan => "casusoverleg.plannen",
            Action::ConferenceRead => "casusoverleg.lezen",
            Action::ConferenceWrite => "casusoverleg.schrijven",
            Action::ConferenceJoin => "casusoverleg.aanmelden",
        }
    }
}

/// The facts about the target that the decision needs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Target {
    /// The target belongs to the user's organisation.
    pub same_org: bool,
    /// The user has a care relation with the client (dossier actions only).
    pub care_relation: bool,
    /// The id of the user's valid break-the-glass grant for the client, if any.
    pub break_glass: Option<String>,
    /// The user chairs the casusoverleg or is invited to one of its seats (conference actions).
    /// For a conference, `same_org` means that the user's organisation takes part in it: hers
    /// is the chair's, or she holds a seat the chair invited her to.
    pub seat: bool,
}

/// On what the permission rests (written to the access log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    CareRelation,
    BreakGlass(String),
    Role(AppRole),
    /// A seat at the casusoverleg (its chair or an invited participant).
    Seat,
}

impl Basis {
    pub fn code(&self) -> String {
        match self {
            Basis::CareRelation => "zorgrelatie".into(),
            Basis::BreakGlass(id) => format!("doorbraak:{id}"),
            Basis::Role(r) => format!("rol:{}", r.as_str()),
            Basis::Seat => "deelnemer".into(),
        }
    }
}

/// Why a request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denial {
    OtherOrganisation,
    RoleNotAllowed,
    NoCareRelation,
    /// Not the chair of this casusoverleg and not invited to it.
    NoSeat,
}

impl Denial {
    pub fn code(self) -> &'static str {
        match self {
            // The same reason as for an id that does not exist: the access log of one
            // organisation must not reveal which ids exist in another.
            Denial::OtherOrganisation => "geweigerd:onbekend_of_andere_organisatie",
            Denial::RoleNotAllowed => "geweigerd:rol",
            Denial::NoCareRelation => "geweigerd:geen_zorgrelatie",
            Denial::NoSeat => "geweigerd:geen_deelnemer",
        }
    }
}

pub type Decision = Result<Basis, Denial>;

/// The care relation, or else the break-the-glass grant, the target offers as a basis.
fn by_relation(target: &Target) -> Option<Basis> {
    if target.care_relation { Some(Basis::CareRelation) } else { target.break_glass.clone().map(Basis::BreakGlass) }
}

/// Whether `role` may perform `action` on `target`.
pub fn authorise(role: AppRole, action: Action, target: &Target) -> Decision {
    use AppRole::*;
    if !target.same_org {
        return Err(Denial::OtherOrganisation);
    }
    let care_role = matches!(role, Professional | Aandachtsfunctionaris);
    match action {
        Action::Evaluate | Action::BreakGlass => {
            if care_role {
                Ok(Basis::Role(role))
            } else {
                Err(Denial::RoleNotAllowed)
            }
        }
        Action::DossierRead | Action::DossierWrite | Action::DossierExport | Action::MeldcodeWrite => {
            if !care_role {
                Err(Denial::RoleNotAllowed)
            } else {
                by_relation(target).ok_or(Denial::NoCareRelation)
            }
        }
        // The trajectory: as the dossier, and the aandachtsfunctionaris by role.
        Action::MeldcodeRead | Action::MeldcodeAdvise => {
            if !care_role {
                Err(Denial::RoleNotAllowed)
            } else if let Some(basis) = by_relation(target) {
                Ok(basis)
            } else if role == Aandachtsfunctionaris {
                Ok(Basis::Role(role))
            } else {
                Err(Denial::NoCareRelation)
            }
        }
        Action::MeldcodeOverview => {
            if role == Aandachtsfunctionaris {
                Ok(Basis::Role(role))
            } else {
                Err(Denial::RoleNotAllowed)
            }
        }
        Action::ConferencePlan | Action::ConferenceJoin => {
            if care_role {
                Ok(Basis::Role(role))
            } else {
                Err(Denial::RoleNotAllowed)
            }
        }
        // Only a seat opens a casusoverleg: a care relation with one of the family's members,
        // a break-the-glass grant or an aandachtsfunctionaris' role never does.
        Action::ConferenceRead | Action::ConferenceWrite => {
            if !care_role {
                Err(Denial::RoleNotAllowed)
            } else if target.seat {
                Ok(Basis::Seat)
            } else {
                Err(Denial::NoSeat)
            }
        }
        Action::RegisterClient => {
            if care_role || role == Administrator {
                Ok(Basis::Role(role))
            } else {
                Err(Denial::RoleNotAllowed)
            }
        }
        Action::ListAllClients | Action::ManageAccounts | Action::ManageCareRelations => {
            if role == Administrator {
                Ok(Basis::Role(role))
            } else {
                Err(Denial::RoleNotAllowed)
            }
        }
        Action::ReadAccessLog | Action::ReviewBreakGlass => {
            if role == PrivacyOfficer {
                Ok(Basis::Role(role))
            } else {
                Err(Denial::RoleNotAllowed)
            }
        }
        Action::VerifyOrganisation => {
            if matches!(role, PrivacyOfficer | Administrator) {
                Ok(Basis::Role(role))
            } else {
                Err(Denial::RoleNotAllowed)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use proptest::prelude::*;

    fn role() -> impl Strategy<Value = AppRole> {
        prop::sample::select(AppRole::ALL.to_vec())
    }
    fn action() -> impl Strategy<Value = Action> {
        prop::sample::select(Action::ALL.to_vec())
    }
    fn target() -> impl Strategy<Value = Target> {
        (any::<bool>(), any::<bool>(), prop::option::of("[a-f0-9]{8}"), any::<bool>())
            .prop_map(|(same_org, care_relation, break_glass, seat)| Target { same_org, care_relation, break_glass, seat })
    }

    proptest! {
        #[test]
        fn nothing_crosses_an_organisation(r in role(), a in action(), mut t in target()) {
            t.same_org = false;
            prop_assert_eq!(authorise(r, a, &t), Err(Denial::OtherOrganisation));
        }

        #[test]
        fn a_dossier_needs_a_care_relation_or_a_grant(r in role(), a in action(), t in target()) {
            if a.is_dossier() && !t.care_relation && t.break_glass.is_none() {
                prop_assert!(authorise(r, a, &t).is_err());
            }
        }

        #[test]
        fn only_care_roles_ever_open_a_dossier(r in role(), a in action(), t in target()) {
            if a.is_dossier() && authorise(r, a, &t).is_ok() {
                prop_assert!(matches!(r, AppRole::Professional | AppRole::Aandachtsfunctionaris));
            }
        }

        #[test]
        fn a_grant_is_named_when_it_is_the_basis(r in role(), a in action(), t in target()) {
            if let Ok(Basis::BreakGlass(id)) = authorise(r, a, &t) {
                prop_assert!(!t.care_relation);
                prop_assert_eq!(Some(id), t.break_glass.clone());
            }
        }

        #[test]
        fn more_facts_never_take_a_permission_away(r in role(), a in action(), t in target()) {
            // Adding a care relation or a grant can only widen access.
            let wider = Target { care_relation: true, break_glass: Some("x".into()), ..t.clone() };
            if authorise(r, a, &t).is_ok() {
                prop_assert!(authorise(r, a, &wider).is_ok());
            }
        }
    }

    proptest! {
        #[test]
        fn only_care_roles_ever_see_a_trajectory(r in role(), a in action(), t in target()) {
            if (a.is_meldcode() || a == Action::MeldcodeOverview) && authorise(r, a, &t).is_ok() {
                prop_assert!(matches!(r, AppRole::Professional | AppRole::Aandachtsfunctionaris));
            }
        }

        /// Without a care relation or a grant, a trajectory is open only to the
        /// aandachtsfunctionaris, and only to read it and record their advice.
        #[test]
        fn without_a_relation_only_the_aandachtsfunctionaris_reads_and_advises(r in role(), a in action(), t in target()) {
            if a.is_meldcode() && !t.care_relation && t.break_glass.is_none() {
                let allowed = authorise(r, a, &t).is_ok();
                let expected = t.same_org && r == AppRole::Aandachtsfunctionaris && a != Action::MeldcodeWrite;
                prop_assert_eq!(allowed, expected);
            }
        }
    }

    proptest! {
        /// A casusoverleg is open only to its chair and invited participants in care roles; no
        /// care relation, grant or role opens it otherwise (issue 13: no participant reaches
        /// another's answers but through the table, and nobody else reaches the table).
        #[test]
        fn only_a_seat_opens_a_casusoverleg(r in role(), t in target()) {
            for a in [Action::ConferenceRead, Action::ConferenceWrite] {
                let allowed = authorise(r, a, &t).is_ok();
                prop_assert_eq!(allowed, t.same_org && t.seat && matches!(r, AppRole::Professional | AppRole::Aandachtsfunctionaris));
            }
        }

        /// A seat never opens a dossier or a trajectory.
        #[test]
        fn a_seat_never_opens_a_dossier(r in role(), a in action(), t in target()) {
            if a.needs_care_relation() {
                let without = Target { seat: false, ..t.clone() };
                prop_assert_eq!(authorise(r, a, &t), authorise(r, a, &without));
            }
        }
    }

    #[test]
    fn the_meldcode_overview_is_for_the_aandachtsfunctionaris_only() {
        let t = Target { same_org: true, care_relation: true, break_glass: Some("g".into()), seat: true };
        for r in AppRole::ALL {
            assert_eq!(authorise(r, Action::MeldcodeOverview, &t).is_ok(), r == AppRole::Aandachtsfunctionaris, "{r:?}");
        }
    }

    #[test]
    fn the_access_log_is_for_the_privacy_officer_only() {
        let t = Target { same_org: true, care_relation: true, break_glass: Some("g".into()), seat: true };
        for r in AppRole::ALL {
            assert_eq!(authorise(r, Action::ReadAccessLog, &t).is_ok(), r == AppRole::PrivacyOfficer, "{r:?}");
        }
    }
}
