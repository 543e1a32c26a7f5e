//! Supply counting against brute force, reach rules, and whole reports on small inputs.

use std::collections::HashMap;

use carematch_domain::census::{CANTONESE, CensusTable};
use carematch_domain::provider::ServiceArea;
use carematch_domain::vocabulary::{
    Cuisine, EmploymentStatus, Gender, Language, Proficiency, ProviderKind, Service, TravelMode,
};
use carematch_domain::{
    AgencyId, Carer, CarerDetails, CarerId, Contact, GeoPoint, Km, LanguageSkill, Postcode,
    Provider, ProviderDetails, ProviderId, RatePence,
};
use carematch_matching::day_number;
use carematch_matching::gaps::{
    AreaKind, Authorities, Authority, CensusCounts, DemandBasis, Geometry, NeedSet, Severity,
};
use chrono::{DateTime, NaiveDate};

use super::{GapInputs, GapQuery, analyse, hex_areas, supply};
use crate::geo::CandidateSet;

pub(super) fn point(lat: f64, lon: f64) -> GeoPoint {
    GeoPoint::new(lat, lon).expect("point")
}

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

pub(super) fn today() -> i32 {
    day_number(day(2026, 11, 22))
}

pub(super) fn carer(
    id: i64,
    at: GeoPoint,
    radius: f64,
    language: Language,
    level: Proficiency,
) -> Carer {
    let epoch = DateTime::from_timestamp(1_700_000_000, 0).expect("time");
    Carer {
        id: CarerId(id),
        agency_id: AgencyId(1),
        details: CarerDetails {
            given_name: format!("C{id}"),
            family_name: "Example".to_owned(),
            gender: Gender::Female,
            languages: vec![
                LanguageSkill {
                    code: language,
                    proficiency: level,
                    reads: false,
                    writes: false,
                },
                LanguageSkill {
                    code: Language::Eng,
                    proficiency: Proficiency::Fluent,
                    reads: false,
                    writes: false,
                },
            ],
            cuisines: vec![Cuisine::Cantonese],
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
            available_from: day(2026, 1, 1),
            postcode: Postcode::parse("M1 1AA").expect("postcode"),
            travel_radius_km: Km::new(radius).expect("km"),
            travel_mode: TravelMode::Car,
            hourly_rate: RatePence::new(1500).expect("rate"),
            employment_status: EmploymentStatus::SelfEmployed,
            public_listing_consent: id % 2 == 0,
            last_confirmed_on: day(2026, 10, 1),
            bio: String::new(),
            contact: Contact::default(),
            external_ref: None,
        },
        location: at,
        version: 1,
        created_at: epoch,
        updated_at: epoch,
        listing: Default::default(),
    }
}

pub(super) fn provider(id: i64, at: GeoPoint, area: ServiceArea, confirmed: NaiveDate) -> Provider {
    let epoch = DateTime::from_timestamp(1_700_000_000, 0).expect("time");
    Provider {
        id: ProviderId(id),
        agency_id: None,
        details: ProviderDetails {
            name: format!("P{id}"),
            kind: ProviderKind::Charity,
            description: String::new(),
            communities: vec![],
            staff_languages: vec![Language::Yue],
            cuisines: vec![Cuisine::Cantonese],
            dietary_laws: vec![],
            faith_practices: vec![],
            services: vec![Service::LuncheonClub],
            experience: vec![],
            postcode: Postcode::parse("M1 1AA").expect("postcode"),
            service_area: area,
            accepting_new_clients: true,
            accepting_confirmed_on: confirmed,
            medical_diets: Vec::new(),
            lgbt_inclusive: false,
            delivery_modes: vec![carematch_domain::vocabulary::DeliveryMode::InPerson],
            checks: vec![],
            contact: Contact::default(),
            self_referral: true,
            hourly_rate: None,
            opening_hours: vec![],
            last_confirmed_on: confirmed,
            external_ref: None,
        },
        location: at,
        version: 1,
        created_at: epoch,
        updated_at: epoch,
        listing: Default::default(),
        organisation_id: None,
    }
}

pub(super) fn square(lon: f64, lat: f64, half: f64) -> Vec<[f64; 2]> {
    vec![
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
    ]
}

const MANCHESTER: (f64, f64) = (53.4794, -2.2453);

#[test]
fn reach_levels_and_lapsed_flags_decide_who_counts() {
    let centre = point(MANCHESTER.0, MANCHESTER.1);
    let near = point(MANCHESTER.0 + 0.03, MANCHESTER.1); // ~3.3 km north
    let far = point(MANCHESTER.0 + 0.3, MANCHESTER.1); // ~33 km north
    let carers = vec![
        carer(1, near, 10.0, Language::Yue, Proficiency::Native),
        carer(2, near, 2.0, Language::Yue, Proficiency::Native), // own radius too short
        carer(3, near, 10.0, Language::Yue, Proficiency::Basic), // below conversational
        carer(4, near, 10.0, Language::Zho, Proficiency::Native), // macrolanguage
        carer(5, far, 50.0, Language::Yue, Proficiency::Fluent), // beyond max_km
    ];
    let providers = vec![
        provider(
            6,
            near,
            ServiceArea::Polygon {
                coordinates: vec![square(MANCHESTER.1, MANCHESTER.0, 0.1)],
            },
            day(2026, 11, 1),
        ),
        provider(
            7,
            near,
            ServiceArea::Radius {
                km: Km::new(20.0).expect("km"),
            },
            day(2026, 1, 1), // flag lapsed
        ),
    ];
    let set = CandidateSet::build(&carers, &providers);
    let need = NeedSet::language(Language::Yue);
    let got = supply(&set, &need, &[centre], 10.0, today());
    assert_eq!(got[0].carers, 1);
    assert_eq!(got[0].providers, 1);
    // Supply is measured from carers' public cells (commissioners see no personal data) and
    // providers' bases: the nearest is the nearer of the carers' cell and the providers.
    let nearest = got[0].nearest_km.expect("nearest");
    let expected = centre
        .distance_km(near.public_cell())
        .min(centre.distance_km(near));
    assert!((nearest - expected).abs() < 1e-6, "{nearest} vs {expected}");
    // Nobody within reach of a point 100 km away: nearest is still reported.
    let away = point(MANCHESTER.0 - 0.9, MANCHESTER.1);
    let got = supply(&set, &need, &[away], 10.0, today());
    assert_eq!(got[0].carers + got[0].providers, 0);
    assert!(got[0].nearest_km.is_some_and(|km| km > 60.0));
}

#[test]
fn supply_agrees_with_brute_force_for_one_need_or_many() {
    let mut carers = Vec::new();
    let mut seed = 7u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    for id in 0..400 {
        let at = point(52.0 + next() * 2.0, -3.0 + next() * 3.0);
        let language = if id % 10 == 0 {
            Language::Yue
        } else {
            Language::Pol
        };
        carers.push(carer(
            id,
            at,
            5.0 + next() * 30.0,
            language,
            Proficiency::Fluent,
        ));
    }
    let set = CandidateSet::build(&carers, &[]);
    let centroids: Vec<GeoPoint> = (0..30)
        .map(|i| point(52.1 + f64::from(i) * 0.06, -2.9 + f64::from(i) * 0.09))
        .collect();
    for (language, max_km) in [
        (Language::Yue, 15.0),
        (Language::Eng, 15.0),
        (Language::Pol, 8.0),
    ] {
        let need = NeedSet::language(language);
        let got = supply(&set, &need, &centroids, max_km, today());
        for (centroid, s) in centroids.iter().zip(&got) {
            let expected = carers
                .iter()
                .filter(|c| {
                    let km = c.location.public_cell().distance_km(*centroid);
                    c.details.languages.iter().any(|l| l.code == language)
                        && km <= max_km
                        && km <= c.details.travel_radius_km.get()
                })
                .count();
            assert_eq!(s.carers as usize, expected, "{language:?} at {centroid:?}");
            let nearest = carers
                .iter()
                .filter(|c| c.details.languages.iter().any(|l| l.code == language))
                .map(|c| c.location.public_cell().distance_km(*centroid))
                .fold(f64::INFINITY, f64::min);
            let got = s.nearest_km.unwrap_or(f64::INFINITY);
            assert!(
                (got - nearest).abs() < 1e-6 || (got.is_infinite() && nearest > 150.0),
                "{language:?}: nearest {got} vs {nearest}"
            );
        }
    }
    // Several needs in one pass give the same as one at a time.
    let needs: Vec<NeedSet> = [Language::Yue, Language::Eng, Language::Pol, Language::Som]
        .into_iter()
        .map(NeedSet::language)
        .collect();
    let many = super::supply_many(&set, &needs, &centroids, 12.0, today());
    for (need, got) in needs.iter().zip(&many) {
        assert_eq!(got, &supply(&set, need, &centroids, 12.0, today()));
    }
}

pub(super) fn authorities() -> (Authorities, HashMap<String, Geometry>) {
    let list = vec![
        Authority {
            gss: "E08000003".into(),
            name: "Manchester".into(),
            region: Some("North West".into()),
            nation: Some("England".into()),
            centroid: Some(point(MANCHESTER.0, MANCHESTER.1)),
            replaced_by: None,
            population: Some(552_000),
        },
        Authority {
            gss: "E06000063".into(),
            name: "Cumberland".into(),
            region: Some("North West".into()),
            nation: Some("England".into()),
            centroid: Some(point(54.6986, -3.1433)),
            replaced_by: None,
            population: Some(274_000),
        },
        Authority {
            gss: "E07000026".into(),
            name: "Allerdale".into(),
            region: None,
            nation: Some("England".into()),
            centroid: None,
            replaced_by: Some("E06000063".into()),
            population: None,
        },
    ];
    let boundaries = HashMap::from([
        (
            "E08000003".to_owned(),
            Geometry::Polygon {
                coordinates: vec![square(MANCHESTER.1, MANCHESTER.0, 0.08)],
            },
        ),
        (
            "E06000063".to_owned(),
            Geometry::Polygon {
                coordinates: vec![square(-3.1433, 54.6986, 0.3)],
            },
        ),
    ]);
    (Authorities::new(list), boundaries)
}

#[test]
fn an_area_without_supply_is_flagged_and_one_supplier_clears_it() {
    let (authorities, boundaries) = authorities();
    let mut census = CensusCounts::new();
    for (gss, n) in [("E08000003", 4000), ("E07000026", 60)] {
        let rolled = authorities
            .roll_up(gss)
            .map(|a| a.gss.clone())
            .expect("rolls up");
        census.add(&rolled, CensusTable::Ts024, CANTONESE.name, n);
    }
    let inputs = GapInputs {
        authorities,
        boundaries,
        census,
        plan_locations: vec![],
        sectors: vec![],
    };
    let query = GapQuery {
        need: NeedSet::language(Language::Yue),
        max_km: 10.0,
        by: AreaKind::LocalAuthority,
        basis: DemandBasis::Census,
        today: today(),
    };
    let manchester_carer = carer(
        1,
        point(MANCHESTER.0, MANCHESTER.1 + 0.02),
        10.0,
        Language::Yue,
        Proficiency::Native,
    );
    let set = CandidateSet::build(std::slice::from_ref(&manchester_carer), &[]);
    let report = analyse(&set, &inputs, &query);
    let cumberland = report
        .rows
        .iter()
        .find(|r| r.code == "E06000063")
        .expect("Cumberland");
    assert_eq!(
        cumberland.demand,
        Some(60),
        "Allerdale rolled up into Cumberland"
    );
    assert_eq!(cumberland.severity, Severity::NoneInReach);
    let manchester = report
        .rows
        .iter()
        .find(|r| r.code == "E08000003")
        .expect("row");
    assert_eq!(manchester.demand, Some(4000));
    assert_eq!(manchester.severity, Severity::Severe);

    let cumbrian = carer(
        2,
        point(54.70, -3.15),
        15.0,
        Language::Yue,
        Proficiency::Fluent,
    );
    let set = CandidateSet::build(&[manchester_carer, cumbrian], &[]);
    let report = analyse(&set, &inputs, &query);
    let cumberland = report
        .rows
        .iter()
        .find(|r| r.code == "E06000063")
        .expect("Cumberland");
    assert_eq!(cumberland.carers, 1);
    assert_eq!(cumberland.severity, Severity::Adequate);
}

#[test]
fn hexes_cover_the_boundaries_and_plans_land_in_their_cell() {
    let (authorities, boundaries) = authorities();
    let areas = super::authority_areas(&authorities, &boundaries);
    let (hexes, parents) = hex_areas(&areas);
    assert_eq!(hexes.len(), parents.len());
    // Manchester's square is about 18 x 18 km: some 9 resolution-6 cells (36 km² each).
    let in_manchester = parents
        .iter()
        .filter(|p| areas[**p].code == "E08000003")
        .count();
    assert!((5..=15).contains(&in_manchester), "{in_manchester}");
    let inputs = GapInputs {
        authorities,
        boundaries,
        census: CensusCounts::new(),
        plan_locations: vec![point(MANCHESTER.0, MANCHESTER.1); 6],
        sectors: vec![],
    };
    let query = GapQuery {
        need: NeedSet::language(Language::Yue),
        max_km: 10.0,
        by: AreaKind::Hex,
        basis: DemandBasis::Plans,
        today: today(),
    };
    let set = CandidateSet::build(&[], &[]);
    let report = analyse(&set, &inputs, &query);
    let with_demand: Vec<_> = report
        .rows
        .iter()
        .filter(|r| r.demand.unwrap_or(0) > 0)
        .collect();
    assert_eq!(with_demand.len(), 1);
    assert_eq!(with_demand[0].demand, Some(6));
    assert_eq!(with_demand[0].severity, Severity::NoneInReach);
    assert_eq!(with_demand[0].name, "Manchester");
}
