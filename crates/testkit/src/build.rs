//! Builders for carers, providers and support plans, and the small values they are made of.
//!
//! Defaults are plain: an English-speaking self-employed PA offering personal care in Leicester
//! (LE1 5WW), consenting to a public listing; a plan at Leicester's clock tower that asks for
//! nothing but a distance. Set only what a test is about:
//!
//! ```
//! use carematch_domain::plan::Priority;
//! use carematch_domain::vocabulary::{Cuisine, Language, Proficiency};
//! use carematch_testkit::build::{CarerBuilder, PlanBuilder, leicester};
//!
//! let carer = CarerBuilder::new()
//!     .language(Language::Yue, Proficiency::Native)
//!     .cuisine(Cuisine::Cantonese)
//!     .record(1, leicester());
//! let plan = PlanBuilder::new(10.0)
//!     .language(Language::Yue, Priority::Required)
//!     .build();
//! # let _ = (carer, plan);
//! ```

use carematch_domain::geo::{GeoPoint, Km};
use carematch_domain::plan::{LanguageNeed, Need, Priority, SupportPlan};
use carematch_domain::provider::ServiceArea;
use carematch_domain::schedule::{Slot, TimeOfDay};
use carematch_domain::vocabulary::{
    Cuisine, EmploymentStatus, Gender, Language, Proficiency, ProviderKind, Service, TravelMode,
    Weekday,
};
use carematch_domain::{
    AgencyId, Carer, CarerDetails, CarerId, Contact, LanguageSkill, Postcode, Provider,
    ProviderDetails, ProviderId, RatePence,
};
use chrono::{DateTime, NaiveDate, Utc};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// The day the matching tests call today.
pub fn today() -> NaiveDate {
    date(2026, 11, 20)
}

/// A `last_confirmed_on` for generated records, so that differential tests exercise every
/// part of the score's freshness: 40% confirmed within 90 days of `today`, 25% between 91 and
/// 179 days, 15% 180 days or more, 10% in the future, and 10% on the edges (90, 91, 135, 180
/// days ago).
pub fn confirmed_on(rng: &mut crate::Rng, today: NaiveDate) -> NaiveDate {
    let roll = rng.unit();
    let days_ago = if roll < 0.4 {
        rng.below(91) as i64
    } else if roll < 0.65 {
        91 + rng.below(89) as i64
    } else if roll < 0.8 {
        180 + rng.below(300) as i64
    } else if roll < 0.9 {
        -1 - rng.below(30) as i64
    } else {
        rng.pick(&[90, 91, 135, 180])
    };
    today - chrono::Duration::days(days_ago)
}

pub fn point(lat: f64, lon: f64) -> GeoPoint {
    GeoPoint::new(lat, lon).expect("point")
}

/// Leicester clock tower.
pub fn leicester() -> GeoPoint {
    point(52.6369, -1.1350)
}

/// A point `km` east of `from` (along the parallel; exact enough for tests that re-measure).
pub fn east_of(from: GeoPoint, km: f64) -> GeoPoint {
    let dlon = km / (111.195 * from.lat.to_radians().cos());
    point(from.lat, from.lon + dlon)
}

pub fn slot(day: Weekday, start: &str, end: &str, overnight: bool) -> Slot {
    Slot {
        day,
        start: TimeOfDay::parse(start).expect("time"),
        end: TimeOfDay::parse(end).expect("time"),
        overnight,
    }
}

pub fn need<T>(code: T, priority: Priority) -> Need<T> {
    Need { code, priority }
}

/// When builder records were created and updated.
pub fn epoch() -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000, 0).expect("timestamp")
}

/// A carer's details, then [`CarerBuilder::details`] or a whole record with
/// [`CarerBuilder::record`].
#[derive(Debug, Clone)]
pub struct CarerBuilder {
    details: CarerDetails,
}

impl Default for CarerBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl CarerBuilder {
    pub fn new() -> Self {
        Self {
            details: CarerDetails {
                given_name: "Mei".to_owned(),
                family_name: "Lam".to_owned(),
                gender: Gender::Female,
                languages: vec![LanguageSkill {
                    code: Language::Eng,
                    proficiency: Proficiency::Fluent,
                    reads: true,
                    writes: true,
                }],
                cuisines: vec![],
                dietary_laws: vec![],
                faith: None,
                faith_public_consent: false,
                ethnicity: None,
                ethnicity_consent: false,
                medical_diets: Vec::new(),
                lgbt_inclusive: false,
                accepting_new_clients: true,
                accepting_confirmed_on: None,
                faith_practices: vec![],
                services: vec![Service::PersonalCare],
                experience: vec![],
                checks: vec![],
                availability: vec![],
                hours_per_week: 20,
                available_from: date(2026, 1, 1),
                postcode: Postcode::parse("LE1 5WW").expect("postcode"),
                travel_radius_km: Km::new(15.0).expect("km"),
                travel_mode: TravelMode::Car,
                hourly_rate: RatePence::new(1500).expect("rate"),
                employment_status: EmploymentStatus::SelfEmployed,
                public_listing_consent: true,
                last_confirmed_on: date(2026, 10, 1),
                bio: String::new(),
                contact: Contact::default(),
                external_ref: None,
            },
        }
    }

    pub fn name(mut self, given: &str, family: &str) -> Self {
        given.clone_into(&mut self.details.given_name);
        family.clone_into(&mut self.details.family_name);
        self
    }

    pub fn gender(mut self, gender: Gender) -> Self {
        self.details.gender = gender;
        self
    }

    /// The agency's own reference (`external_ref`).
    pub fn reference(mut self, reference: &str) -> Self {
        self.details.external_ref = Some(reference.to_owned());
        self
    }

    /// Adds a language (reads and writes it), or sets the level of one already there.
    pub fn language(mut self, code: Language, proficiency: Proficiency) -> Self {
        self.details.languages.retain(|skill| skill.code != code);
        self.details.languages.push(LanguageSkill {
            code,
            proficiency,
            reads: true,
            writes: true,
        });
        self
    }

    pub fn cuisine(mut self, cuisine: Cuisine) -> Self {
        self.details.cuisines.push(cuisine);
        self
    }

    /// Replaces the services offered.
    pub fn services(mut self, services: &[Service]) -> Self {
        self.details.services = services.to_vec();
        self
    }

    pub fn availability(mut self, slots: Vec<Slot>) -> Self {
        self.details.availability = slots;
        self
    }

    pub fn travel_radius_km(mut self, km: f64) -> Self {
        self.details.travel_radius_km = Km::new(km).expect("km");
        self
    }

    pub fn public_listing_consent(mut self, consent: bool) -> Self {
        self.details.public_listing_consent = consent;
        self
    }

    /// Any other field.
    pub fn with(mut self, change: impl FnOnce(&mut CarerDetails)) -> Self {
        change(&mut self.details);
        self
    }

    pub fn details(self) -> CarerDetails {
        self.details
    }

    /// A stored carer of agency 1 (version 1, created at [`epoch`]).
    pub fn record(self, id: i64, location: GeoPoint) -> Carer {
        Carer {
            id: CarerId(id),
            agency_id: AgencyId(1),
            details: self.details,
            location,
            version: 1,
            created_at: epoch(),
            updated_at: epoch(),
            listing: Default::default(),
        }
    }
}

/// A carer with the builder's defaults.
pub fn carer(id: i64, location: GeoPoint) -> Carer {
    CarerBuilder::new().record(id, location)
}

/// A charity offering personal care within 20 km, accepting new clients, named `Provider {id}`.
pub fn provider(id: i64, location: GeoPoint) -> Provider {
    Provider {
        id: ProviderId(id),
        agency_id: None,
        details: ProviderDetails {
            name: format!("Provider {id}"),
            kind: ProviderKind::Charity,
            description: String::new(),
            communities: vec![],
            staff_languages: vec![Language::Eng],
            cuisines: vec![],
            dietary_laws: vec![],
            faith_practices: vec![],
            services: vec![Service::PersonalCare],
            experience: vec![],
            postcode: Postcode::parse("LE1 5WW").expect("postcode"),
            service_area: ServiceArea::Radius {
                km: Km::new(20.0).expect("km"),
            },
            accepting_new_clients: true,
            accepting_confirmed_on: date(2026, 11, 1),
            medical_diets: Vec::new(),
            lgbt_inclusive: false,
            delivery_modes: vec![carematch_domain::vocabulary::DeliveryMode::InPerson],
            checks: vec![],
            contact: Contact::default(),
            self_referral: true,
            hourly_rate: Some(RatePence::new(1800).expect("rate")),
            opening_hours: vec![],
            last_confirmed_on: date(2026, 11, 1),
            external_ref: None,
        },
        location,
        version: 1,
        created_at: epoch(),
        updated_at: epoch(),
        listing: Default::default(),
        organisation_id: None,
    }
}

/// A support plan, then [`PlanBuilder::build`].
#[derive(Debug, Clone)]
pub struct PlanBuilder {
    plan: SupportPlan,
}

impl PlanBuilder {
    /// A plan at Leicester's clock tower within `max_km`, asking for nothing else.
    pub fn new(max_km: f64) -> Self {
        Self {
            plan: SupportPlan {
                postcode: None,
                location: Some(leicester()),
                max_distance_km: Km::new(max_km).expect("km"),
                languages: vec![],
                cuisines: vec![],
                dietary_laws: vec![],
                faith_practices: vec![],
                shared_faith: None,
                carer_gender: None,
                services: vec![],
                experience: vec![],
                schedule: None,
                hours_per_week: None,
                max_hourly_rate: None,
                needed_by: None,
                lgbt_inclusive: None,
                delivery_modes: Vec::new(),
                preferred_carers: Vec::new(),
                blocked_carers: Vec::new(),
                weekly_budget: None,
                medical_diets: Vec::new(),
                checks: vec![],
            },
        }
    }

    pub fn at(mut self, location: GeoPoint) -> Self {
        self.plan.location = Some(location);
        self
    }

    /// Located by postcode instead of a point.
    pub fn postcode(mut self, postcode: &str) -> Self {
        self.plan.postcode = Some(Postcode::parse(postcode).expect("postcode"));
        self.plan.location = None;
        self
    }

    /// A language at the default minimum level (conversational).
    pub fn language(self, code: Language, priority: Priority) -> Self {
        self.language_at(code, Proficiency::Conversational, priority)
    }

    pub fn language_at(mut self, code: Language, min: Proficiency, priority: Priority) -> Self {
        self.plan.languages.push(LanguageNeed {
            code,
            min_proficiency: min,
            reads: false,
            writes: false,
            priority,
        });
        self
    }

    pub fn cuisine(mut self, code: Cuisine, priority: Priority) -> Self {
        self.plan.cuisines.push(need(code, priority));
        self
    }

    pub fn service(mut self, code: Service, priority: Priority) -> Self {
        self.plan.services.push(need(code, priority));
        self
    }

    pub fn carer_gender(mut self, gender: Gender, priority: Priority) -> Self {
        self.plan.carer_gender = Some(need(gender, priority));
        self
    }

    /// Any other field.
    pub fn with(mut self, change: impl FnOnce(&mut SupportPlan)) -> Self {
        change(&mut self.plan);
        self
    }

    pub fn build(self) -> SupportPlan {
        self.plan
    }
}

/// A plan with the builder's defaults.
pub fn plan(max_km: f64) -> SupportPlan {
    PlanBuilder::new(max_km).build()
}
