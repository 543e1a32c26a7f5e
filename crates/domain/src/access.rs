//! Who is asking: the roles an API key can carry.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::ids::{AgencyId, CarerId, OrganisationId};

/// The role of an API key. Anonymous callers have no key and see only public views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A direct-payment support agency: its own carers in full, contact details.
    Agency,
    /// Council staff: gaps and aggregates, no personal data.
    Commissioner,
    /// Everything.
    Admin,
    /// A community organisation (luncheon club, micro-provider, faith group, charity): proposes,
    /// claims and edits its own provider listings, each change through moderation.
    Organisation,
    /// Council staff who approve or reject what organisations and PAs submit, and handle reports.
    Moderator,
    /// A personal assistant who registered themselves: their own profile only.
    Pa,
}

impl Role {
    pub const ALL: [Self; 6] = [
        Self::Agency,
        Self::Commissioner,
        Self::Admin,
        Self::Organisation,
        Self::Moderator,
        Self::Pa,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Agency => "agency",
            Self::Commissioner => "commissioner",
            Self::Admin => "admin",
            Self::Organisation => "organisation",
            Self::Moderator => "moderator",
            Self::Pa => "pa",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.code() == code)
    }
}

/// The caller of one request, after its key (if any) was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Caller {
    Anonymous,
    Agency(AgencyId),
    Commissioner,
    Admin,
    Organisation(OrganisationId),
    Moderator,
    /// A PA signed in to their own record, which the agency `agency` holds (or is vetting).
    Pa {
        carer: CarerId,
        agency: AgencyId,
    },
}

impl Caller {
    /// The role behind the caller; `None` for anonymous callers.
    pub fn role(self) -> Option<Role> {
        Some(match self {
            Self::Anonymous => return None,
            Self::Agency(_) => Role::Agency,
            Self::Commissioner => Role::Commissioner,
            Self::Admin => Role::Admin,
            Self::Organisation(_) => Role::Organisation,
            Self::Moderator => Role::Moderator,
            Self::Pa { .. } => Role::Pa,
        })
    }

    /// The edit-history actor for a change this caller makes.
    pub fn actor(self) -> crate::Actor {
        use crate::ActorKind;
        match self {
            Self::Anonymous => crate::Actor::new(ActorKind::System, None, "anonymous"),
            Self::Agency(a) => {
                crate::Actor::new(ActorKind::Agency, Some(a.0), format!("agency {a}"))
            }
            Self::Commissioner => crate::Actor::new(ActorKind::System, None, "commissioner"),
            Self::Admin => crate::Actor::new(ActorKind::Admin, None, "admin"),
            Self::Organisation(o) => crate::Actor::new(
                ActorKind::Organisation,
                Some(o.0),
                format!("organisation {o}"),
            ),
            Self::Moderator => crate::Actor::new(ActorKind::Moderator, None, "moderator"),
            Self::Pa { carer, .. } => {
                crate::Actor::new(ActorKind::Pa, Some(carer.0), format!("PA {carer}"))
            }
        }
    }

    /// May this caller see and change the full record of a carer held by `agency`?
    pub fn holds(self, agency: AgencyId) -> bool {
        match self {
            Self::Admin => true,
            Self::Agency(own) => own == agency,
            Self::Anonymous
            | Self::Commissioner
            | Self::Organisation(_)
            | Self::Moderator
            | Self::Pa { .. } => false,
        }
    }
}
