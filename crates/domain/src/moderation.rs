//! The moderation queue's vocabulary: what can be submitted and where a submission stands.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What a submission asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionKind {
    /// An organisation proposes a new provider listing (the record is made on approval).
    ProposeProvider,
    /// An organisation claims a listing already held (imported from a feed or the register).
    ClaimProvider,
    /// An organisation changes a listing it manages (applied on approval).
    EditProvider,
    /// A PA changes the public facts of their own profile (applied on approval).
    EditCarer,
}

impl SubmissionKind {
    pub const ALL: [Self; 4] = [
        Self::ProposeProvider,
        Self::ClaimProvider,
        Self::EditProvider,
        Self::EditCarer,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::ProposeProvider => "propose_provider",
            Self::ClaimProvider => "claim_provider",
            Self::EditProvider => "edit_provider",
            Self::EditCarer => "edit_carer",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Where a submission stands: `pending` until a moderator decides, then for good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionStatus {
    Pending,
    Approved,
    Rejected,
}

impl SubmissionStatus {
    pub const ALL: [Self; 3] = [Self::Pending, Self::Approved, Self::Rejected];

    pub fn code(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}
