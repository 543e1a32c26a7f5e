//! Identifiers of stored records.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

macro_rules! id_type {
    ($(#[doc = $doc:literal])* $name:ident) => {
        $(#[doc = $doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A carer (personal assistant) record.
    CarerId
);
id_type!(
    /// A provider record.
    ProviderId
);
id_type!(
    /// A direct-payment support agency that vouches for carer records.
    AgencyId
);
id_type!(
    /// A community organisation's account (luncheon club, micro-provider, faith group, charity).
    OrganisationId
);
id_type!(
    /// An entry in the moderation queue: a proposal, claim or edit waiting for a decision.
    SubmissionId
);
id_type!(
    /// A member of the public's report that a listing is wrong.
    ProblemReportId
);
