//! Carers: personal assistants (PAs) vouched for by an agency.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::checks::{Check, validate_checks};
use crate::contact::Contact;
use crate::geo::{GeoPoint, Km};
use crate::ids::{AgencyId, CarerId};
use crate::money::RatePence;
use crate::postcode::Postcode;
use crate::schedule::Slot;
use crate::validation::ValidationErrors;
use crate::vocabulary::{
    Cuisine, DietaryLaw, EmploymentStatus, Ethnicity, Experience, Faith, FaithPractice, Gender,
    Language, MedicalDiet, Proficiency, Service, TravelMode,
};

/// The furthest a carer can be listed as travelling, in km.
pub const MAX_TRAVEL_RADIUS_KM: f64 = 100.0;
/// The most hours a week a carer can be listed as free.
pub const MAX_HOURS_PER_WEEK: u8 = 80;

/// A language a carer speaks, and how well.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct LanguageSkill {
    pub code: Language,
    pub proficiency: Proficiency,
    #[serde(default)]
    pub reads: bool,
    #[serde(default)]
    pub writes: bool,
}

/// Everything an agency says about a PA: the body of a create or update.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct CarerDetails {
    #[schema(example = "Mei", min_length = 1, max_length = 60)]
    pub given_name: String,
    #[schema(example = "Lam", min_length = 1, max_length = 60)]
    pub family_name: String,
    pub gender: Gender,
    /// At least one; each language once.
    #[schema(min_items = 1)]
    pub languages: Vec<LanguageSkill>,
    #[serde(default)]
    #[schema(schema_with = crate::openapi::unique_codes::<Cuisine>)]
    pub cuisines: Vec<Cuisine>,
    #[serde(default)]
    #[schema(schema_with = crate::openapi::unique_codes::<DietaryLaw>)]
    pub dietary_laws: Vec<DietaryLaw>,
    /// Medical and texture diets the carer cooks for (diabetic, puréed, gluten-free ...).
    #[serde(default)]
    #[schema(schema_with = crate::openapi::unique_codes::<MedicalDiet>)]
    pub medical_diets: Vec<MedicalDiet>,
    /// Self-declared and optional. Special-category data: used for anyone but the holding
    /// agency only with `faith_public_consent`.
    #[serde(default)]
    pub faith: Option<Faith>,
    /// Whether the carer agreed that their faith may be shown to the public and matched on
    /// by anyone (a family asking for a shared faith). Off unless given.
    #[serde(default)]
    pub faith_public_consent: bool,
    /// Self-declared ethnic group (Census 2021 TS021), optional. Accepted only with
    /// `ethnicity_consent`; counted in the PA market report and never shown per person to
    /// anyone but the holding agency and the PA (docs/market.md).
    #[serde(default)]
    pub ethnicity: Option<Ethnicity>,
    /// Whether the PA agreed that their ethnic group may be recorded (for counts only).
    /// Withdrawing it (sending `false`) erases `ethnicity`. Off unless given.
    #[serde(default)]
    pub ethnicity_consent: bool,
    #[serde(default)]
    #[schema(schema_with = crate::openapi::unique_codes::<FaithPractice>)]
    pub faith_practices: Vec<FaithPractice>,
    #[schema(schema_with = crate::openapi::some_unique_codes::<Service>)]
    pub services: Vec<Service>,
    #[serde(default)]
    #[schema(schema_with = crate::openapi::unique_codes::<Experience>)]
    pub experience: Vec<Experience>,
    /// One check of each kind at most.
    #[serde(default)]
    pub checks: Vec<Check>,
    /// Weekly slots when the carer is free.
    #[serde(default)]
    pub availability: Vec<Slot>,
    /// Hours a week the carer has free, `0..=80`. A carer with none is never a match, only a
    /// relaxation ("N more if you include PAs who are currently full").
    #[schema(maximum = 80, example = 16)]
    pub hours_per_week: u8,
    /// Whether the carer takes new clients; `true` when left out. A carer not taking new
    /// clients (or with no free hours) is never a match, only a relaxation.
    #[serde(default = "yes")]
    pub accepting_new_clients: bool,
    /// When `accepting_new_clients` was last confirmed. Like a provider's flag it lapses 90
    /// days later; left out, the flag was never confirmed and is taken as given.
    #[serde(default)]
    #[schema(example = "2026-11-01")]
    pub accepting_confirmed_on: Option<NaiveDate>,
    /// Whether the carer says they are LGBT+ inclusive (a plan can require or prefer it). Off
    /// unless given.
    #[serde(default)]
    pub lgbt_inclusive: bool,
    #[schema(example = "2026-12-01")]
    pub available_from: NaiveDate,
    /// Base postcode: never shown to the public beyond its outward code.
    pub postcode: Postcode,
    /// How far the carer will travel, `0 < km <= 100`.
    #[schema(value_type = f64, exclusive_minimum = 0.0, maximum = 100.0, example = 8.0)]
    pub travel_radius_km: Km,
    pub travel_mode: TravelMode,
    pub hourly_rate: RatePence,
    pub employment_status: EmploymentStatus,
    /// Whether the carer agreed to appear in public search.
    pub public_listing_consent: bool,
    #[schema(example = "2026-11-01")]
    pub last_confirmed_on: NaiveDate,
    /// A few sentences in the carer's own words, in any script.
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub bio: String,
    #[serde(default)]
    pub contact: Contact,
    /// The agency's own reference for this PA; unique within the agency.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 64)]
    pub external_ref: Option<String>,
}

crate::objects_only!(LanguageSkill, CarerDetails);

fn yes() -> bool {
    true
}

/// A stored carer. Its OpenAPI schema is written by hand: one closed object with the
/// fields of [`CarerDetails`] and the stored fields (`crate::openapi`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Carer {
    pub id: CarerId,
    pub agency_id: AgencyId,
    #[serde(flatten)]
    pub details: CarerDetails,
    /// The base point, resolved from the postcode through the gazetteer. Never public.
    pub location: GeoPoint,
    /// Incremented on every update; send it back in `If-Match` to avoid lost updates.
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Vetting and freshness: kept by workflows, not part of the record's JSON.
    #[serde(skip)]
    pub listing: crate::Listing,
}

impl CarerDetails {
    /// Checks every field, reporting all problems at once.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("given_name", &self.given_name, true, 60);
        errors.text("family_name", &self.family_name, true, 60);
        if self.languages.is_empty() {
            errors.push("languages", "required", "list at least one language");
        }
        let codes: Vec<Language> = self.languages.iter().map(|l| l.code).collect();
        errors.no_duplicates("languages", &codes);
        errors.no_duplicates("cuisines", &self.cuisines);
        errors.no_duplicates("dietary_laws", &self.dietary_laws);
        errors.no_duplicates("medical_diets", &self.medical_diets);
        errors.no_duplicates("faith_practices", &self.faith_practices);
        if self.ethnicity.is_some() && !self.ethnicity_consent {
            errors.push(
                "ethnicity",
                "consent_required",
                "an ethnic group is recorded only with the PA's consent (`ethnicity_consent`)",
            );
        }
        if self.services.is_empty() {
            errors.push("services", "required", "list at least one service");
        }
        errors.no_duplicates("services", &self.services);
        errors.no_duplicates("experience", &self.experience);
        validate_checks("checks", &self.checks, &mut errors);
        for (i, slot) in self.availability.iter().enumerate() {
            slot.validate(&format!("availability[{i}]"), &mut errors);
        }
        if self.hours_per_week > MAX_HOURS_PER_WEEK {
            errors.push(
                "hours_per_week",
                "out_of_range",
                format!("must be at most {MAX_HOURS_PER_WEEK}"),
            );
        }
        if self.travel_radius_km.get() > MAX_TRAVEL_RADIUS_KM {
            errors.push(
                "travel_radius_km",
                "out_of_range",
                format!("a carer's travel radius must be at most {MAX_TRAVEL_RADIUS_KM} km"),
            );
        }
        errors.text("bio", &self.bio, false, 2000);
        self.contact.validate("contact", &mut errors);
        if let Some(external_ref) = &self.external_ref {
            errors.text("external_ref", external_ref, true, 64);
        }
        errors.into_result()
    }

    /// Whether the carer takes new clients on `date`: they have free hours, and the flag is set
    /// and, when it was ever confirmed, confirmed within the last 90 days (lapsing like a
    /// provider's). A flag never confirmed (records from before capacity was recorded, rows
    /// that leave it blank) counts as set; the explanation says "capacity not confirmed — ask".
    pub fn accepting_on(&self, date: NaiveDate) -> bool {
        self.hours_per_week > 0
            && match self.accepting_confirmed_on {
                Some(confirmed) => crate::provider::capacity_flag_holds(
                    self.accepting_new_clients,
                    confirmed,
                    date,
                ),
                None => self.accepting_new_clients,
            }
    }

    /// The public name: given name and the initial of the family name (`Mei L.`).
    pub fn display_name(&self) -> String {
        let initial = self
            .family_name
            .trim()
            .chars()
            .next()
            .map(|c| format!(" {c}."))
            .unwrap_or_default();
        format!("{}{initial}", self.given_name.trim())
    }
}

impl Carer {
    /// May the public see this PA: their consent, their agency's vetting, and freshness
    /// (docs/listings.md). The agency holding the record sees it regardless.
    pub fn is_public(&self) -> bool {
        self.details.public_listing_consent && self.listing.is_public()
    }
}
