//! Records with every field filled, and changed, for round-trip tests (store, API), and an
//! agency's register read back.

use carematch_domain::vocabulary::{
    CheckKind, Community, Cuisine, DietaryLaw, EmploymentStatus, Experience, Faith, FaithPractice,
    Gender, Language, Proficiency, ProviderKind, Service, TravelMode, Weekday,
};
use carematch_domain::{
    CarerDetails, Check, Contact, GeoPoint, Km, LanguageSkill, Postcode, ProviderDetails,
    RatePence, ServiceArea, Slot, TimeOfDay,
};

use crate::build::{date, point};

/// A point with more digits than any postcode centroid, to show coordinates survive a round
/// trip (in Leicester).
pub fn precise_point() -> GeoPoint {
    point(52.636_912_345_678_9, -1.139_812_345_678_9)
}

fn time(text: &str) -> TimeOfDay {
    TimeOfDay::parse(text).expect("time")
}

/// A carer with every field filled, optional ones included.
pub fn full_carer() -> CarerDetails {
    CarerDetails {
        given_name: "Mei".to_owned(),
        family_name: "Lam".to_owned(),
        gender: Gender::Female,
        languages: vec![
            LanguageSkill {
                code: Language::Yue,
                proficiency: Proficiency::Native,
                reads: true,
                writes: true,
            },
            LanguageSkill {
                code: Language::Hak,
                proficiency: Proficiency::Conversational,
                reads: false,
                writes: false,
            },
            LanguageSkill {
                code: Language::Eng,
                proficiency: Proficiency::Fluent,
                reads: true,
                writes: false,
            },
        ],
        cuisines: vec![Cuisine::Cantonese, Cuisine::NorthChinese, Cuisine::British],
        dietary_laws: vec![DietaryLaw::Halal, DietaryLaw::NoPork],
        faith: Some(Faith::Buddhist),
        faith_public_consent: false,
        ethnicity: None,
        ethnicity_consent: false,
        medical_diets: Vec::new(),
        lgbt_inclusive: false,
        accepting_new_clients: true,
        accepting_confirmed_on: None,
        faith_practices: vec![FaithPractice::Fasting, FaithPractice::SameGenderPersonalCare],
        services: vec![
            Service::PersonalCare,
            Service::MealPreparation,
            Service::NightSupport,
        ],
        experience: vec![Experience::Dementia, Experience::Stroke],
        checks: vec![
            Check {
                kind: CheckKind::DbsEnhanced,
                expires_on: date(2027, 3, 31),
                reference: Some("001234567890".to_owned()),
            },
            Check {
                kind: CheckKind::FirstAid,
                expires_on: date(2026, 12, 1),
                reference: None,
            },
        ],
        availability: vec![
            Slot {
                day: Weekday::Tue,
                start: time("09:00"),
                end: time("12:30"),
                overnight: false,
            },
            Slot {
                day: Weekday::Sun,
                start: time("22:00"),
                end: time("07:00"),
                overnight: true,
            },
        ],
        hours_per_week: 16,
        available_from: date(2026, 12, 1),
        postcode: Postcode::parse("le1 5ww").expect("postcode"),
        travel_radius_km: Km::new(12.5).expect("km"),
        travel_mode: TravelMode::PublicTransport,
        hourly_rate: RatePence::new(1350).expect("rate"),
        employment_status: EmploymentStatus::SelfEmployed,
        public_listing_consent: true,
        last_confirmed_on: date(2026, 11, 1),
        bio: "我會煮廣東家常菜, 中文; আমি বাংলা বলি; ਮੈਂ ਪੰਜਾਬੀ ਬੋਲਦੀ ਹਾਂ; میں اردو بولتی ہوں. \"Quotes\", commas, and\nnew lines."
            .to_owned(),
        contact: Contact {
            phone: Some("0116 496 0123".to_owned()),
            email: Some("mei@example.org".to_owned()),
            website: Some("https://example.org/mei".to_owned()),
        },
        external_ref: Some("PA-0042".to_owned()),
    }
}

/// The same carer with every field changed (and optional ones emptied where possible).
pub fn changed_carer() -> CarerDetails {
    CarerDetails {
        given_name: "Amrit".to_owned(),
        family_name: "Kaur".to_owned(),
        gender: Gender::NonBinary,
        languages: vec![LanguageSkill {
            code: Language::Pan,
            proficiency: Proficiency::Basic,
            reads: false,
            writes: true,
        }],
        cuisines: vec![],
        dietary_laws: vec![DietaryLaw::Vegetarian],
        faith: None,
        faith_public_consent: false,
        ethnicity: None,
        ethnicity_consent: false,
        medical_diets: Vec::new(),
        lgbt_inclusive: false,
        accepting_new_clients: true,
        accepting_confirmed_on: None,
        faith_practices: vec![],
        services: vec![Service::Companionship],
        experience: vec![],
        checks: vec![],
        availability: vec![],
        hours_per_week: 80,
        available_from: date(2027, 1, 2),
        postcode: Postcode::parse("EC1A 1BB").expect("postcode"),
        travel_radius_km: Km::new(100.0).expect("km"),
        travel_mode: TravelMode::Car,
        hourly_rate: RatePence::new(0).expect("rate"),
        employment_status: EmploymentStatus::EmployedByPerson,
        public_listing_consent: false,
        last_confirmed_on: date(2027, 1, 1),
        bio: String::new(),
        contact: Contact::default(),
        external_ref: None,
    }
}

/// A small carer whose external reference is `reference`.
pub fn carer_ref(reference: &str) -> CarerDetails {
    let mut details = changed_carer();
    details.given_name = format!("Carer {reference}");
    details.external_ref = Some(reference.to_owned());
    details
}

/// A provider with every field filled, a polygon service area included.
pub fn full_provider() -> ProviderDetails {
    ProviderDetails {
        name: "Wah Sum Luncheon Club 華心".to_owned(),
        kind: ProviderKind::LuncheonClub,
        description: "Cantonese lunches; বাংলা and ਪੰਜਾਬੀ and اردو spoken too.".to_owned(),
        communities: vec![Community::Chinese, Community::Vietnamese],
        staff_languages: vec![Language::Yue, Language::Cmn, Language::Vie],
        cuisines: vec![Cuisine::Cantonese, Cuisine::Vietnamese],
        dietary_laws: vec![DietaryLaw::Halal, DietaryLaw::Vegetarian],
        faith_practices: vec![FaithPractice::ReligiousFestivals],
        services: vec![Service::LuncheonClub, Service::Companionship],
        experience: vec![Experience::Dementia],
        postcode: Postcode::parse("LE2 0TA").expect("postcode"),
        service_area: ServiceArea::Polygon {
            coordinates: vec![
                vec![
                    [-1.2, 52.6],
                    [-1.0, 52.6],
                    [-1.0, 52.7],
                    [-1.2, 52.7],
                    [-1.2, 52.6],
                ],
                vec![
                    [-1.15, 52.62],
                    [-1.12, 52.62],
                    [-1.12, 52.65],
                    [-1.15, 52.62],
                ],
            ],
        },
        accepting_new_clients: true,
        accepting_confirmed_on: date(2026, 10, 15),
        medical_diets: Vec::new(),
        lgbt_inclusive: false,
        delivery_modes: vec![carematch_domain::vocabulary::DeliveryMode::InPerson],
        checks: vec![
            Check {
                kind: CheckKind::CqcRegistered,
                expires_on: date(2027, 6, 30),
                reference: Some("1-123456789".to_owned()),
            },
            Check {
                kind: CheckKind::PublicLiabilityInsurance,
                expires_on: date(2027, 1, 31),
                reference: Some("PLI/99".to_owned()),
            },
        ],
        contact: Contact {
            phone: Some("+44 116 496 0999".to_owned()),
            email: Some("hello@wahsum.example".to_owned()),
            website: Some("https://wahsum.example".to_owned()),
        },
        self_referral: true,
        hourly_rate: Some(RatePence::new(2250).expect("rate")),
        opening_hours: vec![
            Slot {
                day: Weekday::Wed,
                start: time("11:30"),
                end: time("14:00"),
                overnight: false,
            },
            Slot {
                day: Weekday::Fri,
                start: time("20:00"),
                end: time("08:00"),
                overnight: true,
            },
        ],
        last_confirmed_on: date(2026, 11, 2),
        external_ref: Some("ORG-7".to_owned()),
    }
}

pub fn changed_provider() -> ProviderDetails {
    ProviderDetails {
        name: "Ujala Day Centre".to_owned(),
        kind: ProviderKind::DayService,
        description: String::new(),
        communities: vec![],
        staff_languages: vec![Language::Urd],
        cuisines: vec![],
        dietary_laws: vec![],
        faith_practices: vec![],
        services: vec![Service::DayActivities],
        experience: vec![],
        postcode: Postcode::parse("B33 8TH").expect("postcode"),
        service_area: ServiceArea::Radius {
            km: Km::new(7.5).expect("km"),
        },
        accepting_new_clients: false,
        accepting_confirmed_on: date(2026, 1, 1),
        medical_diets: Vec::new(),
        lgbt_inclusive: false,
        delivery_modes: vec![carematch_domain::vocabulary::DeliveryMode::InPerson],
        checks: vec![],
        contact: Contact::default(),
        self_referral: false,
        hourly_rate: None,
        opening_hours: vec![],
        last_confirmed_on: date(2026, 1, 2),
        external_ref: None,
    }
}

/// An agency's profile with every field filled (normalised: `AgencyProfile::parse` leaves it
/// unchanged), in Manchester, with a description in Traditional Chinese.
pub fn full_agency_profile() -> carematch_domain::AgencyProfile {
    carematch_domain::AgencyProfile {
        name: "Fernhollow Direct Payments Support".to_owned(),
        phone: Some("0161 496 0123".to_owned()),
        email: Some("hello@fernhollow.example.org".to_owned()),
        website: Some("https://fernhollow.example.org".to_owned()),
        office_hours: vec![
            carematch_domain::OfficeHours {
                day: Weekday::Mon,
                start: time("09:00"),
                end: time("17:00"),
            },
            carematch_domain::OfficeHours {
                day: Weekday::Sat,
                start: time("10:00"),
                end: time("12:30"),
            },
        ],
        staff_languages: vec![Language::Eng, Language::Yue, Language::Urd],
        areas: vec!["E08000003".to_owned(), "E08000007".to_owned()],
        description: "We help families find and employ PAs. 我們講廣東話。".to_owned(),
    }
}

/// An agency's live carers, in id order (up to 1000: registers in tests are small).
pub fn agency_register(
    store: &carematch_store::Store,
    agency: carematch_domain::AgencyId,
) -> Vec<carematch_domain::Carer> {
    let filter = carematch_store::CarerFilter {
        agency: Some(agency),
        ..carematch_store::CarerFilter::default()
    };
    store
        .list_carers(&filter, carematch_store::Page::new(1, 1000))
        .expect("list the register")
        .items
}
