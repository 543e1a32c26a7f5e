//! Who is asking: the roles an API key can carry.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::ids::AgencyId;

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
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Self::Agency => "agency",
            Self::Commissioner => "commissioner",
            Self::Admin => "admin",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        [Self::Agency, Self::Commissioner, Self::Admin]
            .into_iter()
            .find(|role| role.code() == code)
    }
}

/// The caller of one request, after its key (if any) was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Caller {
    Anonymous,
    Agency(AgencyId),
    Commissioner,
    Admin,
}

impl Caller {
    /// May this caller see and change the full record of a carer held by `agency`?
    pub fn holds(self, agency: AgencyId) -> bool {
        match self {
            Self::Admin => true,
            Self::Agency(own) => own == agency,
            Self::Anonymous | Self::Commissioner => false,
        }
    }
}
