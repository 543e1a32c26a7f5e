//! Providers: micro-providers, charities, agencies, day services, luncheon clubs and the like.

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::checks::{Check, validate_checks};
use crate::contact::Contact;
use crate::geo::{GeoPoint, Km};
use crate::ids::{AgencyId, ProviderId};
use crate::money::RatePence;
use crate::postcode::Postcode;
use crate::schedule::Slot;
use crate::validation::ValidationErrors;
use crate::vocabulary::{
    Community, Cuisine, DeliveryMode, DietaryLaw, Experience, FaithPractice, Language, MedicalDiet,
    ProviderKind, Service,
};

/// An "accepting new clients" flag not renewed for this many days counts as lapsed.
pub const CAPACITY_FLAG_LAPSES_AFTER_DAYS: u64 = 90;

/// Whether an "accepting new clients" flag holds on `date`: it is set and was confirmed within
/// the last [`CAPACITY_FLAG_LAPSES_AFTER_DAYS`] days (the 90th day still counts). The same rule
/// for providers and for carers (PAs).
pub fn capacity_flag_holds(accepting: bool, confirmed_on: NaiveDate, date: NaiveDate) -> bool {
    accepting
        && confirmed_on
            .checked_add_days(Days::new(CAPACITY_FLAG_LAPSES_AFTER_DAYS))
            .is_some_and(|lapses| date <= lapses)
}

/// Where a provider works: a radius around its base, or a polygon (GeoJSON order: `[lon, lat]`,
/// the first ring the outline, any further rings holes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(
    remote = "Self",
    tag = "type",
    rename_all = "snake_case",
    deny_unknown_fields
)]
pub enum ServiceArea {
    Radius { km: Km },
    Polygon { coordinates: Vec<Vec<[f64; 2]>> },
}

crate::objects_only!(ServiceArea, ProviderDetails);

impl ServiceArea {
    fn validate(&self, errors: &mut ValidationErrors) {
        let ServiceArea::Polygon { coordinates } = self else {
            return;
        };
        if coordinates.is_empty() {
            errors.push(
                "service_area.coordinates",
                "required",
                "a polygon needs an outer ring",
            );
        }
        for (r, ring) in coordinates.iter().enumerate() {
            let field = format!("service_area.coordinates[{r}]");
            if ring.len() < 4 || ring.first() != ring.last() {
                errors.push(
                    &field,
                    "invalid_format",
                    "a ring has at least 4 positions and ends where it starts",
                );
            }
            if ring.len() > 10_000 {
                errors.push(&field, "too_long", "a ring has at most 10000 positions");
            }
            if let Some(i) = ring
                .iter()
                .position(|[lon, lat]| GeoPoint::new(*lat, *lon).is_err())
            {
                errors.push(
                    format!("{field}[{i}]"),
                    "out_of_range",
                    "positions are [longitude, latitude] within -180..180 and -90..90",
                );
            }
        }
    }
}

/// Everything said about a provider: the body of a create or update.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct ProviderDetails {
    #[schema(example = "Wah Sum Luncheon Club", min_length = 1, max_length = 120)]
    pub name: String,
    pub kind: ProviderKind,
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub description: String,
    /// Communities the provider focuses on, without excluding anyone.
    #[serde(default)]
    #[schema(schema_with = crate::openapi::unique_codes::<Community>)]
    pub communities: Vec<Community>,
    #[schema(schema_with = crate::openapi::some_unique_codes::<Language>)]
    pub staff_languages: Vec<Language>,
    #[serde(default)]
    #[schema(schema_with = crate::openapi::unique_codes::<Cuisine>)]
    pub cuisines: Vec<Cuisine>,
    #[serde(default)]
    #[schema(schema_with = crate::openapi::unique_codes::<DietaryLaw>)]
    pub dietary_laws: Vec<DietaryLaw>,
    /// Medical and texture diets the provider's kitchen or staff cook for.
    #[serde(default)]
    #[schema(schema_with = crate::openapi::unique_codes::<MedicalDiet>)]
    pub medical_diets: Vec<MedicalDiet>,
    #[serde(default)]
    #[schema(schema_with = crate::openapi::unique_codes::<FaithPractice>)]
    pub faith_practices: Vec<FaithPractice>,
    #[schema(schema_with = crate::openapi::some_unique_codes::<Service>)]
    pub services: Vec<Service>,
    #[serde(default)]
    #[schema(schema_with = crate::openapi::unique_codes::<Experience>)]
    pub experience: Vec<Experience>,
    /// Whether the provider says it is LGBT+ inclusive (trained, welcoming, signed up to a
    /// charter). Off unless given.
    #[serde(default)]
    pub lgbt_inclusive: bool,
    /// How the service is delivered; `["in_person"]` when left out. A provider working by
    /// `phone` or `online` reaches people wherever they live (docs/matching.md, "Delivery").
    #[serde(default = "in_person_only")]
    #[schema(schema_with = crate::openapi::some_unique_codes::<DeliveryMode>)]
    pub delivery_modes: Vec<DeliveryMode>,
    /// Base (an office or venue): public, since organisations publish their address.
    pub postcode: Postcode,
    pub service_area: ServiceArea,
    pub accepting_new_clients: bool,
    /// When the flag was last confirmed; it lapses after 90 days.
    pub accepting_confirmed_on: NaiveDate,
    /// One check of each kind at most; `cqc_registered` with its CQC location id.
    #[serde(default)]
    pub checks: Vec<Check>,
    #[serde(default)]
    pub contact: Contact,
    pub self_referral: bool,
    #[serde(default)]
    pub hourly_rate: Option<RatePence>,
    /// Weekly opening or visiting hours; empty when by arrangement.
    #[serde(default)]
    pub opening_hours: Vec<Slot>,
    pub last_confirmed_on: NaiveDate,
    #[serde(default)]
    #[schema(min_length = 1, max_length = 64)]
    pub external_ref: Option<String>,
}

fn in_person_only() -> Vec<DeliveryMode> {
    vec![DeliveryMode::InPerson]
}

/// A stored provider. Its OpenAPI schema is written by hand: one closed object with the
/// fields of [`ProviderDetails`] and the stored fields (`crate::openapi`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provider {
    pub id: ProviderId,
    /// The agency or admin account that manages the record, if any.
    pub agency_id: Option<AgencyId>,
    #[serde(flatten)]
    pub details: ProviderDetails,
    pub location: GeoPoint,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The community organisation that manages the listing (after moderation approved its
    /// proposal or claim), if any.
    #[serde(skip)]
    pub organisation_id: Option<crate::OrganisationId>,
    /// Vetting and freshness: kept by workflows, not part of the record's JSON.
    #[serde(skip)]
    pub listing: crate::Listing,
}

impl ProviderDetails {
    /// Checks every field, reporting all problems at once.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("name", &self.name, true, 120);
        errors.text("description", &self.description, false, 4000);
        errors.no_duplicates("communities", &self.communities);
        if self.staff_languages.is_empty() {
            errors.push("staff_languages", "required", "list at least one language");
        }
        errors.no_duplicates("staff_languages", &self.staff_languages);
        errors.no_duplicates("cuisines", &self.cuisines);
        errors.no_duplicates("dietary_laws", &self.dietary_laws);
        errors.no_duplicates("faith_practices", &self.faith_practices);
        if self.services.is_empty() {
            errors.push("services", "required", "list at least one service");
        }
        errors.no_duplicates("services", &self.services);
        errors.no_duplicates("experience", &self.experience);
        errors.no_duplicates("medical_diets", &self.medical_diets);
        if self.delivery_modes.is_empty() {
            errors.push(
                "delivery_modes",
                "required",
                "list at least one of in_person, phone, online (or leave it out for in_person)",
            );
        }
        errors.no_duplicates("delivery_modes", &self.delivery_modes);
        self.service_area.validate(&mut errors);
        validate_checks("checks", &self.checks, &mut errors);
        self.contact.validate("contact", &mut errors);
        for (i, slot) in self.opening_hours.iter().enumerate() {
            slot.validate(&format!("opening_hours[{i}]"), &mut errors);
        }
        if let Some(external_ref) = &self.external_ref {
            errors.text("external_ref", external_ref, true, 64);
        }
        errors.into_result()
    }

    /// Whether the provider takes new clients on `date`: the flag is set and was confirmed within
    /// the last 90 days.
    pub fn accepting_on(&self, date: NaiveDate) -> bool {
        capacity_flag_holds(
            self.accepting_new_clients,
            self.accepting_confirmed_on,
            date,
        )
    }

    /// Whether the provider can be reached from anywhere: it works by phone or online.
    pub fn works_remotely(&self) -> bool {
        self.delivery_modes
            .iter()
            .any(|m| matches!(m, DeliveryMode::Phone | DeliveryMode::Online))
    }
}

impl Provider {
    /// May the public see this provider (public search, matching, the Open Referral feed):
    /// its listing is fresh (docs/listings.md).
    pub fn is_public(&self) -> bool {
        self.listing.is_public()
    }
}
