//! Builders for carers, providers and plans, and a tiny seeded generator.

use carematch_domain::geo::{GeoPoint, Km};
use carematch_domain::provider::ServiceArea;

use carematch_domain::vocabulary::{
    EmploymentStatus, Gender, Language, ProviderKind, Service, TravelMode,
};
use carematch_domain::{
    AgencyId, Carer, CarerDetails, CarerId, Contact, LanguageSkill, Postcode, Provider,
    ProviderDetails, ProviderId, RatePence,
};
use chrono::{DateTime, NaiveDate, Utc};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

pub fn point(lat: f64, lon: f64) -> GeoPoint {
    GeoPoint::new(lat, lon).expect("point")
}

/// Leicester clock tower.
pub fn leicester() -> GeoPoint {
    point(52.6369, -1.1350)
}

fn epoch() -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000, 0).expect("timestamp")
}

pub fn carer(id: i64, location: GeoPoint) -> Carer {
    Carer {
        id: CarerId(id),
        agency_id: AgencyId(1),
        details: CarerDetails {
            given_name: "Mei".to_owned(),
            family_name: "Lam".to_owned(),
            gender: Gender::Female,
            languages: vec![LanguageSkill {
                code: Language::Eng,
                proficiency: carematch_domain::vocabulary::Proficiency::Fluent,
                reads: true,
                writes: true,
            }],
            cuisines: vec![],
            dietary_laws: vec![],
            faith: None,
            faith_public_consent: false,
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
        location,
        version: 1,
        created_at: epoch(),
        updated_at: epoch(),
    }
}

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
    }
}
