//! What each caller may see of a record. The rules (also in `docs/api.md`):
//!
//! - **Carers, public view** ([`PublicCarer`]): only carers who consented to a public listing;
//!   display name (given name + family initial), outward postcode only, the kinds of checks valid
//!   today (no certificate numbers), the carer's own bio. Never the family name, full postcode,
//!   coordinates, contact details, external reference, and faith (a special category of personal
//!   data) only when the carer gave `faith_public_consent`; faith *practices* a carer supports
//!   are shown, since people search by them. The holding agency is named with its public
//!   contact (`agency`): that is how the public reaches a PA.
//! - **Carers, agency view**: the whole stored [`Carer`], for the agency that holds it and admins.
//! - **Providers, public view** ([`PublicProvider`]): what an organisation publishes (name, kind,
//!   description, address postcode, contact, service area, ...) without internal fields (which
//!   agency manages the record, its `external_ref`, version, coordinates).
//! - Commissioners see no carer records at all (403): they work with aggregates.

use carematch_domain::vocabulary::{
    CheckKind, Community, Cuisine, DeliveryMode, DietaryLaw, EmploymentStatus, Experience, Faith,
    FaithPractice, Gender, Language, MedicalDiet, ProviderKind, Service, TravelMode,
};
use carematch_domain::{
    AgencyContact, Carer, Contact, Km, LanguageSkill, OutwardCode, Provider, ProviderId, RatePence,
    ServiceArea, Slot,
};
use carematch_service::agencies::Directory;
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use carematch_domain::CarerId;

/// A carer as the public sees it.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PublicCarer {
    pub id: CarerId,
    /// Given name and the initial of the family name.
    #[schema(example = "Mei L.")]
    pub display_name: String,
    pub gender: Gender,
    pub languages: Vec<LanguageSkill>,
    pub cuisines: Vec<Cuisine>,
    pub dietary_laws: Vec<DietaryLaw>,
    pub medical_diets: Vec<MedicalDiet>,
    /// The carer's faith, only when they consented to show it publicly; absent otherwise
    /// (absent does not mean "none").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub faith: Option<Faith>,
    pub faith_practices: Vec<FaithPractice>,
    pub services: Vec<Service>,
    pub experience: Vec<Experience>,
    pub availability: Vec<Slot>,
    #[schema(example = 16)]
    pub hours_per_week: u8,
    /// Taking new clients today: free hours, and the flag set (and, once confirmed, confirmed
    /// in the last 90 days).
    pub accepting_new_clients: bool,
    pub lgbt_inclusive: bool,
    pub available_from: NaiveDate,
    /// The outward code of the carer's base (`LE1`), never the full postcode.
    #[schema(value_type = String, example = "LE1")]
    pub outward_code: OutwardCode,
    pub travel_radius_km: Km,
    pub travel_mode: TravelMode,
    pub hourly_rate: RatePence,
    pub employment_status: EmploymentStatus,
    /// Kinds of checks valid today; certificate numbers are never public.
    pub valid_checks: Vec<CheckKind>,
    /// The carer's own words for the listing.
    pub bio: String,
    pub last_confirmed_on: NaiveDate,
    /// Days since the record was last confirmed as all still true (0 = today).
    #[schema(example = 12)]
    pub confirmed_days_ago: i64,
    /// The agency that holds the PA, with its public contact: how the public reaches a PA
    /// (the PA's own contact details are never public).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<AgencyContact>,
}

impl PublicCarer {
    /// The public view naming the holding agency from the directory.
    pub fn with_agency(carer: &Carer, today: NaiveDate, directory: &Directory) -> Self {
        Self {
            agency: directory.contact(carer.agency_id).cloned(),
            ..Self::new(carer, today)
        }
    }

    pub fn new(carer: &Carer, today: NaiveDate) -> Self {
        let d = &carer.details;
        Self {
            id: carer.id,
            display_name: d.display_name(),
            gender: d.gender,
            languages: d.languages.clone(),
            cuisines: d.cuisines.clone(),
            dietary_laws: d.dietary_laws.clone(),
            medical_diets: d.medical_diets.clone(),
            faith: d.faith.filter(|_| d.faith_public_consent),
            faith_practices: d.faith_practices.clone(),
            services: d.services.clone(),
            experience: d.experience.clone(),
            availability: d.availability.clone(),
            hours_per_week: d.hours_per_week,
            accepting_new_clients: d.accepting_on(today),
            lgbt_inclusive: d.lgbt_inclusive,
            available_from: d.available_from,
            outward_code: d.postcode.outward(),
            travel_radius_km: d.travel_radius_km,
            travel_mode: d.travel_mode,
            hourly_rate: d.hourly_rate,
            employment_status: d.employment_status,
            valid_checks: d
                .checks
                .iter()
                .filter(|c| c.valid_on(today))
                .map(|c| c.kind)
                .collect(),
            bio: d.bio.clone(),
            last_confirmed_on: d.last_confirmed_on,
            confirmed_days_ago: carematch_domain::listing::days_since(d.last_confirmed_on, today),
            agency: None,
        }
    }
}

/// A carer in a response: the full record for its agency and admins, else the public view.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(untagged)]
pub enum CarerView {
    Full(Box<Carer>),
    Public(Box<PublicCarer>),
}

/// A provider as the public sees it: what the organisation publishes.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PublicProvider {
    pub id: ProviderId,
    #[schema(example = "Wah Sum Luncheon Club")]
    pub name: String,
    pub kind: ProviderKind,
    pub description: String,
    pub communities: Vec<Community>,
    pub staff_languages: Vec<Language>,
    pub cuisines: Vec<Cuisine>,
    pub dietary_laws: Vec<DietaryLaw>,
    pub medical_diets: Vec<MedicalDiet>,
    pub faith_practices: Vec<FaithPractice>,
    pub services: Vec<Service>,
    pub experience: Vec<Experience>,
    pub lgbt_inclusive: bool,
    /// In person, by phone, online.
    pub delivery_modes: Vec<DeliveryMode>,
    /// The organisation's published address postcode.
    #[schema(value_type = String, example = "LE1 5WW")]
    pub postcode: String,
    pub service_area: ServiceArea,
    /// Taking new clients today: the flag is set and was confirmed in the last 90 days.
    pub accepting_new_clients: bool,
    pub accepting_confirmed_on: NaiveDate,
    /// Kinds of checks and registrations valid today.
    pub valid_checks: Vec<CheckKind>,
    /// The CQC location id, when the provider is CQC registered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cqc_location_id: Option<String>,
    pub contact: Contact,
    pub self_referral: bool,
    pub hourly_rate: Option<RatePence>,
    pub opening_hours: Vec<Slot>,
    pub last_confirmed_on: NaiveDate,
    /// Days since the record was last confirmed as all still true (0 = today).
    #[schema(example = 12)]
    pub confirmed_days_ago: i64,
}

impl PublicProvider {
    pub fn new(provider: &Provider, today: NaiveDate) -> Self {
        let d = &provider.details;
        Self {
            id: provider.id,
            name: d.name.clone(),
            kind: d.kind,
            description: d.description.clone(),
            communities: d.communities.clone(),
            staff_languages: d.staff_languages.clone(),
            cuisines: d.cuisines.clone(),
            dietary_laws: d.dietary_laws.clone(),
            medical_diets: d.medical_diets.clone(),
            faith_practices: d.faith_practices.clone(),
            services: d.services.clone(),
            experience: d.experience.clone(),
            lgbt_inclusive: d.lgbt_inclusive,
            delivery_modes: d.delivery_modes.clone(),
            postcode: d.postcode.to_string(),
            service_area: d.service_area.clone(),
            accepting_new_clients: d.accepting_on(today),
            accepting_confirmed_on: d.accepting_confirmed_on,
            valid_checks: d
                .checks
                .iter()
                .filter(|c| c.valid_on(today))
                .map(|c| c.kind)
                .collect(),
            cqc_location_id: d
                .checks
                .iter()
                .find(|c| c.kind == CheckKind::CqcRegistered && c.valid_on(today))
                .and_then(|c| c.reference.clone()),
            contact: d.contact.clone(),
            self_referral: d.self_referral,
            hourly_rate: d.hourly_rate,
            opening_hours: d.opening_hours.clone(),
            last_confirmed_on: d.last_confirmed_on,
            confirmed_days_ago: carematch_domain::listing::days_since(d.last_confirmed_on, today),
        }
    }
}

/// A provider in a response: the full record for the agency that manages it and admins.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(untagged)]
pub enum ProviderView {
    Full(Box<Provider>),
    Public(Box<PublicProvider>),
}

/// Today's date, for which checks are valid and whether a capacity flag has lapsed.
pub use carematch_service::today;
