//! The edit history of carers and providers: who changed which fields, and when. Values are
//! never kept (a history row must not become a second copy of a PA's contact or faith).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::listing::{Actor, ActorKind};

/// What happened to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HistoryOp {
    Create,
    Update,
    /// Soft delete: the row stays and can be restored.
    Delete,
    Restore,
    /// "All still true": the manager confirmed the record.
    Confirm,
    /// The agency approved or rejected a self-registered PA.
    Vet,
    /// The freshness sweep hid the record after [`crate::listing::HIDE_AFTER_DAYS`] days.
    Stale,
}

impl HistoryOp {
    pub const ALL: [Self; 7] = [
        Self::Create,
        Self::Update,
        Self::Delete,
        Self::Restore,
        Self::Confirm,
        Self::Vet,
        Self::Stale,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Create => "create",
            Self::Update => "update",
            Self::Delete => "delete",
            Self::Restore => "restore",
            Self::Confirm => "confirm",
            Self::Vet => "vet",
            Self::Stale => "stale",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|op| op.code() == code)
    }
}

/// One change to one record, as read back from the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct HistoryEntry {
    pub id: i64,
    pub op: HistoryOp,
    /// Names of the fields that changed (top-level keys of the record's details), never their
    /// values.
    pub fields: Vec<String>,
    pub actor_kind: ActorKind,
    pub actor_id: Option<i64>,
    pub actor_label: String,
    pub at: DateTime<Utc>,
}

impl HistoryEntry {
    pub fn actor(&self) -> Actor {
        Actor::new(self.actor_kind, self.actor_id, self.actor_label.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn op_codes_round_trip() {
        for op in HistoryOp::ALL {
            assert_eq!(HistoryOp::parse(op.code()), Some(op));
        }
        assert_eq!(HistoryOp::parse("erase"), None);
    }
}
