//! Where a provider record came from, and its stable public id.
//!
//! Every provider has a UUID that never changes: it is the Open Referral id of its service, and
//! the ids of its organisation, location and service-at-location are derived from it
//! ([`derived_uuid`]), so a council directory that reads carematch's feed sees the same ids
//! across restarts, exports and databases. A record with a stable key gets a name-based UUID
//! (version 5) from that key, so the same source record gets the same UUID in any database;
//! other records get a random one (version 4) when they are first stored, kept thereafter.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::ids::AgencyId;

/// carematch's UUID namespace for name-based ids (a fixed random UUID; never change it).
pub const NAMESPACE: Uuid = Uuid::from_u128(0x5c1d_2b6e_8f3a_4c71_9e0d_6a4b_2f87_c3d1);

/// An outside source providers are imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// An Open Referral UK v3 feed (a council's service directory).
    OpenReferral,
    /// The CQC register of active locations.
    Cqc,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OpenReferral => "openreferral",
            Self::Cqc => "cqc",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "openreferral" => Some(Self::OpenReferral),
            "cqc" => Some(Self::Cqc),
            _ => None,
        }
    }
}

/// Where an imported provider came from: the source, the feed within it (an Open Referral
/// feed's URL or file name; `cqc` for the register), the record's id there, and when it was
/// last fetched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    pub source: SourceKind,
    pub feed: String,
    pub source_id: String,
    pub fetched_at: DateTime<Utc>,
}

/// A provider's public id and, when imported, its provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderOrigin {
    pub uuid: Uuid,
    pub provenance: Option<Provenance>,
}

/// The UUID a provider gets when first stored: name-based from its source record
/// (`feed#source_id`) when imported, else from its agency's own reference when it has one, else
/// `None` (the store then draws a random one).
pub fn stable_uuid(
    provenance: Option<&Provenance>,
    agency: Option<AgencyId>,
    external_ref: Option<&str>,
) -> Option<Uuid> {
    let key = match (provenance, agency, external_ref) {
        (Some(p), _, _) => format!("source:{}:{}#{}", p.source.as_str(), p.feed, p.source_id),
        (None, Some(agency), Some(reference)) => format!("agency:{}:{reference}", agency.0),
        (None, None, Some(reference)) => format!("ref:{reference}"),
        (None, _, None) => return None,
    };
    Some(Uuid::new_v5(&NAMESPACE, key.as_bytes()))
}

/// The id of an object derived from a provider (its Open Referral organisation, location,
/// service-at-location...): name-based under the provider's UUID, so it is as stable as it.
pub fn derived_uuid(provider: Uuid, object: &str) -> Uuid {
    Uuid::new_v5(&provider, object.as_bytes())
}

/// The id of a vocabulary object (an Open Referral taxonomy or taxonomy term), e.g.
/// `taxonomy:language` or `language:urd`: the same in every carematch deployment.
pub fn vocabulary_uuid(key: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("vocabulary:{key}").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn provenance(feed: &str, id: &str) -> Provenance {
        Provenance {
            source: SourceKind::OpenReferral,
            feed: feed.into(),
            source_id: id.into(),
            fetched_at: DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn the_same_source_record_gets_the_same_uuid_anywhere() {
        let a = stable_uuid(Some(&provenance("https://x/feed", "s1")), None, None);
        let b = stable_uuid(
            Some(&provenance("https://x/feed", "s1")),
            Some(AgencyId(3)),
            None,
        );
        assert_eq!(a, b);
        assert_ne!(
            a,
            stable_uuid(Some(&provenance("https://x/feed", "s2")), None, None)
        );
        assert_eq!(a.map(|u| u.get_version_num()), Some(5));
    }

    #[test]
    fn agency_references_are_scoped_by_agency_and_plain_records_get_none() {
        let one = stable_uuid(None, Some(AgencyId(1)), Some("P-1"));
        assert_ne!(one, stable_uuid(None, Some(AgencyId(2)), Some("P-1")));
        assert_eq!(stable_uuid(None, Some(AgencyId(1)), None), None);
    }

    #[test]
    fn derived_ids_differ_by_object_and_are_stable() {
        let p = Uuid::from_u128(42);
        assert_eq!(derived_uuid(p, "location"), derived_uuid(p, "location"));
        assert_ne!(derived_uuid(p, "location"), derived_uuid(p, "organization"));
        assert_ne!(
            vocabulary_uuid("language:urd"),
            vocabulary_uuid("language:ben")
        );
    }
}
