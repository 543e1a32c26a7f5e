//! The Open Referral UK v3 objects (HSDS 3.0 UK profile) as carematch publishes and reads them.
//!
//! Field names, required fields and formats follow the profile's compiled schemas
//! (`standards/openreferral-uk/schema/compiled/*.json`): ids are UUIDs, `last_modified` a
//! date-time, `url`/`website`/`term_uri` URIs. Optional fields are left out when empty rather than
//! sent as `null` (the schemas type them as plain strings or numbers, so `null` would break
//! them). Every type reads as well as writes: a council's feed is read back with the same types
//! (`crate::read`), lenient on unknown fields, which the profile allows.
//!
//! One struct serves both the list form of an object (its one-to-one fields) and the full form
//! (with its nested arrays): the list form simply leaves the arrays empty, and empty arrays are
//! not sent.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// The HSDS version this API speaks (`version` in [`ApiMeta`]).
pub const HSDS_VERSION: &str = "HSDS-UK-3.0";

/// Where the profile is described (`profile` in [`ApiMeta`]).
pub const PROFILE_URL: &str = "https://github.com/openreferral/uk-profile";

/// `GET /`: what this API is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralApiMeta)]
pub struct ApiMeta {
    /// HSDS version of this API.
    #[schema(example = "HSDS-UK-3.0")]
    pub version: String,
    /// The profile's home.
    #[schema(example = "https://github.com/openreferral/uk-profile")]
    pub profile: String,
    /// The OpenAPI document that describes this API.
    #[schema(example = "https://carematch.example.org/openapi.json")]
    pub openapi_url: String,
}

/// One page of a list, in the profile's envelope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Page<T> {
    /// Items over every page.
    pub total_items: u64,
    pub total_pages: u64,
    /// 1 for the first page.
    pub page_number: u64,
    /// Items on this page.
    pub size: u64,
    pub first_page: bool,
    pub last_page: bool,
    /// Whether there are no items at all.
    pub empty: bool,
    pub contents: Vec<T>,
}

impl<T> Page<T> {
    /// The page `page_number` (from 1) of `per_page` items out of `total_items`, holding
    /// `contents`. A page past the end is empty and marked last.
    pub fn new(contents: Vec<T>, total_items: u64, page_number: u64, per_page: u64) -> Self {
        let total_pages = total_items.div_ceil(per_page.max(1));
        Self {
            total_items,
            total_pages,
            page_number,
            size: contents.len() as u64,
            first_page: page_number <= 1,
            last_page: page_number >= total_pages,
            empty: total_items == 0,
            contents,
        }
    }
}

/// Whether a service is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralServiceStatus)]
pub enum ServiceStatus {
    #[serde(rename = "active")]
    Active,
    #[serde(rename = "inactive")]
    Inactive,
    #[serde(rename = "defunct")]
    Defunct,
    #[serde(rename = "temporarily closed")]
    TemporarilyClosed,
}

/// A service: what a provider does for people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralService)]
pub struct Service {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<Uuid>,
    #[schema(example = "Wah Sum Luncheon Club")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(format = Email)]
    pub email: Option<String>,
    pub status: ServiceStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accreditations: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_age: Option<f64>,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assured_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(format = Email)]
    pub assurer_email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<Schedule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_areas: Vec<ServiceArea>,
    /// Where the service is offered; each names its location (not the service again).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schema(no_recursion)]
    pub service_at_locations: Vec<ServiceAtLocation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    /// HSDS 3.0 phones (the UK profile leaves them out; additional properties are allowed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(no_recursion)]
    pub organization: Option<Box<Organization>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<Funding>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cost_options: Vec<CostOption>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
}

/// An organisation that provides services.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralOrganization)]
pub struct Organization {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(format = Email)]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_organization_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organization_identifiers: Vec<OrganizationIdentifier>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
    /// Its services, in full (only on `GET /organizations/{id}`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schema(no_recursion)]
    pub services: Vec<Service>,
}

/// An identifier of an organisation in a register (a CQC location id, a charity number).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralOrganizationIdentifier)]
pub struct OrganizationIdentifier {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "GB-CQC")]
    pub identifier_scheme: Option<String>,
    #[schema(example = "CQC location id")]
    pub identifier_type: String,
    #[schema(example = "1-123456789")]
    pub identifier: String,
}

/// A service offered at a location.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralServiceAtLocation)]
pub struct ServiceAtLocation {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The service (on `/service_at_locations` only; left out inside a service).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(no_recursion)]
    pub service: Option<Box<Service>>,
}

/// Whether a location is a place, a postal address or online.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralLocationType)]
#[serde(rename_all = "snake_case")]
pub enum LocationType {
    Physical,
    Postal,
    Virtual,
}

/// A place where services are offered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralLocation)]
pub struct Location {
    pub id: Uuid,
    pub location_type: LocationType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_identifier_type: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessibility: Vec<Accessibility>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
}

/// A location's address. The profile requires every line below; carematch knows the postcode
/// and the local authority, and sends `country` as `GB`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralAddress)]
pub struct Address {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attention: Option<String>,
    pub address_1: String,
    pub city: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub state_province: String,
    #[schema(example = "LE1 5WW")]
    pub postal_code: String,
    #[schema(example = "GB")]
    pub country: String,
    pub address_type: LocationType,
}

/// How a location can be reached by people with a disability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralAccessibility)]
pub struct Accessibility {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessibility: Option<String>,
}

/// How often a schedule repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralFrequency)]
#[serde(rename_all = "UPPERCASE")]
pub enum Frequency {
    Weekly,
    Monthly,
}

/// When a service is open, in iCal terms (`freq`, `byday`) with opening and closing times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralSchedule)]
pub struct Schedule {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_at_location_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dtstart: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq: Option<Frequency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<f64>,
    /// Comma-separated iCal days (`MO,TU`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "MO")]
    pub byday: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bymonthday: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `HH:MM:SS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "09:30:00")]
    pub opens_at: Option<String>,
    /// `HH:MM:SS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "13:00:00")]
    pub closes_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_link: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attending_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// The area a service covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralServiceArea)]
pub struct ServiceArea {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The area itself, in the format `extent_type` names (`geojson`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "geojson")]
    pub extent_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// A description of the area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_area: Option<String>,
}

/// A language a service is delivered in. The profile's own fields are the ids; `name` and
/// `code` (ISO 639-3) are HSDS 3.0's, which the profile allows as additional properties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralLanguage)]
pub struct Language {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "Cantonese")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "yue")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A phone number of a service (HSDS 3.0; an additional property in the UK profile).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralPhone)]
pub struct Phone {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<Uuid>,
    #[schema(example = "0116 496 0123")]
    pub number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "voice")]
    pub r#type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Where a service's money comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralFunding)]
pub struct Funding {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// What a service costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralCostOption)]
pub struct CostOption {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// In pounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "per hour")]
    pub amount_description: Option<String>,
}

/// Someone to contact about a service (an organisation's role, never a private person here).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralContact)]
pub struct Contact {
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A taxonomy term attached to an object (a service here): how a council directory filters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralAttribute)]
pub struct Attribute {
    pub id: Uuid,
    /// The object the term describes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy_term_id: Option<Uuid>,
    /// What the term says of it (`service`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "service")]
    pub link_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy_term: Option<TaxonomyTerm>,
}

/// A term of a taxonomy (`yue` Cantonese in the language taxonomy).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralTaxonomyTerm)]
pub struct TaxonomyTerm {
    pub id: Uuid,
    #[schema(example = "Cantonese")]
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<Uuid>,
    /// The taxonomy's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "carematch:language")]
    pub taxonomy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_uri: Option<String>,
    /// The term's code in its taxonomy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "yue")]
    pub term: Option<String>,
    /// HSDS 3.0's code of the term (the same code; additional in the UK profile).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "yue")]
    pub code: Option<String>,
}

/// A controlled vocabulary of terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = OpenReferralTaxonomy)]
pub struct Taxonomy {
    pub id: Uuid,
    #[schema(example = "carematch:language")]
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Its terms (on `GET /taxonomies/{id}`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxonomy_terms: Vec<TaxonomyTerm>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_say_where_they_are() {
        let first = Page::new(vec![1, 2], 5, 1, 2);
        assert_eq!((first.total_pages, first.size), (3, 2));
        assert!(first.first_page && !first.last_page && !first.empty);
        let last = Page::new(vec![5], 5, 3, 2);
        assert!(!last.first_page && last.last_page);
        let none: Page<u8> = Page::new(vec![], 0, 1, 50);
        assert!(none.empty && none.first_page && none.last_page);
        assert_eq!(none.total_pages, 0);
    }

    #[test]
    fn the_shared_example_reads_and_optional_fields_are_left_out() {
        let example = r#"{"id":"ac148810-d857-441c-9679-408f346de14b","name":"Counselling",
            "status":"temporarily closed","minimum_age":12,"last_modified":"2023-03-15T10:30:45.123Z",
            "languages":[{"id":"2989d3ed-c547-48f8-8f9d-432d81c7892e"}],"extra":"allowed"}"#;
        let service: Service = serde_json::from_str(example).expect("the example reads");
        assert_eq!(service.status, ServiceStatus::TemporarilyClosed);
        assert_eq!(service.languages.len(), 1);
        let back = serde_json::to_value(&service).expect("it writes");
        assert_eq!(back["status"], "temporarily closed");
        assert!(back.get("description").is_none() && back.get("schedules").is_none());
    }
}
