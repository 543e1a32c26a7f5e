//! Builders for carers, providers and plans, and a tiny seeded generator.

use carematch_domain::geo::{GeoPoint, Km};
use carematch_domain::plan::{Need, Priority, SupportPlan};
use carematch_domain::provider::ServiceArea;
use carematch_domain::schedule::{Slot, TimeOfDay};
use carematch_domain::vocabulary::{
    EmploymentStatus, Gender, Language, ProviderKind, Service, TravelMode, Weekday,
};
use carematch_domain::{
    AgencyId, Carer, CarerDetails, CarerId, Contact, LanguageSkill, Postcode, Provider,
    ProviderDetails, ProviderId, RatePence,
};
use chrono::{DateTime, NaiveDate, Utc};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

pub fn today() -> NaiveDate {
    date(2026, 11, 20)
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

pub fn plan(max_km: f64) -> SupportPlan {
    SupportPlan {
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
        checks: Vec::new(),
    }
}

pub fn need<T>(code: T, priority: Priority) -> Need<T> {
    Need { code, priority }
}

/// SplitMix64: small, seeded, good enough to spread test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// A random subset of `items`, each kept with probability `p`.
    pub fn subset<T: Copy>(&mut self, items: &[T], p: f64) -> Vec<T> {
        items.iter().copied().filter(|_| self.chance(p)).collect()
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}
