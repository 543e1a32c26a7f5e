//! Gaps measured where people live: sectors against centroids, distinct suppliers, the spread of
//! census demand, brute-force supply at sectors, gender terms and plan suppression per sector.

use std::collections::HashMap;

use carematch_domain::census::{CANTONESE, CensusTable, SOMALI};
use carematch_domain::provider::ServiceArea;
use carematch_domain::vocabulary::{FaithPractice, Gender, Language, Proficiency};
use carematch_domain::{GeoPoint, Km};
use carematch_matching::gaps::{
    AreaKind, Authorities, Authority, CensusCounts, DemandBasis, Geometry, NeedSet, Sector,
    Severity,
};

use super::points::supply_points;
use super::tests::{carer, day, point, provider, square, today};
use super::{GapInputs, GapQuery, analyse};
use crate::geo::CandidateSet;

/// An authority whose listed centroid lies in the sea 25 km west of where its people live, as
/// Bristol's lies in the Severn estuary.
const CENTROID: (f64, f64) = (51.45, -3.0);
const TOWN: (f64, f64) = (51.45, -2.6);

fn estuary() -> (Authorities, HashMap<String, Geometry>) {
    let list = vec![Authority {
        gss: "E06000099".into(),
        name: "Estuary".into(),
        region: Some("South West".into()),
        nation: Some("England".into()),
        centroid: Some(point(CENTROID.0, CENTROID.1)),
        replaced_by: None,
        population: None,
    }];
    // A box from the estuary (west) to the town (east).
    let boundary = Geometry::Polygon {
        coordinates: vec![vec![
            [-3.05, 51.35],
            [-2.45, 51.35],
            [-2.45, 51.55],
            [-3.05, 51.55],
            [-3.05, 51.35],
        ]],
    };
    (
        Authorities::new(list),
        HashMap::from([("E06000099".to_owned(), boundary)]),
    )
}

fn sector(code: &str, lat: f64, lon: f64, n: u64) -> Sector {
    Sector {
        code: code.into(),
        centroid: point(lat, lon),
        n_postcodes: n,
    }
}

/// Three sectors in the town, one on the estuary shore with few postcodes, one in Wales.
fn town_sectors() -> Vec<Sector> {
    vec![
        sector("ES1 1", TOWN.0, TOWN.1, 300),
        sector("ES1 2", TOWN.0 + 0.01, TOWN.1 + 0.01, 200),
        sector("ES1 3", TOWN.0 - 0.01, TOWN.1, 100),
        sector("ES9 9", CENTROID.0 + 0.05, CENTROID.1 + 0.02, 10),
        sector("CF1 1", 51.48, -3.18, 500),
    ]
}

fn inputs(sectors: Vec<Sector>, yue: u64) -> GapInputs {
    let (authorities, boundaries) = estuary();
    let mut census = CensusCounts::new();
    census.add("E06000099", CensusTable::Ts024, CANTONESE.name, yue);
    census.add("E06000099", CensusTable::Ts024, SOMALI.name, 900);
    GapInputs {
        authorities,
        boundaries,
        census,
        plan_locations: vec![],
        sectors,
    }
}

fn query(need: &str, by: AreaKind) -> GapQuery {
    GapQuery {
        need: NeedSet::parse(need).expect("need"),
        max_km: 5.0,
        by,
        basis: DemandBasis::Census,
        today: today(),
    }
}

#[test]
fn the_centroid_says_nobody_but_the_people_are_covered() {
    let town_carers: Vec<_> = (1..=3)
        .map(|id| {
            carer(
                id,
                point(TOWN.0 + 0.005, TOWN.1),
                5.0,
                Language::Yue,
                Proficiency::Native,
            )
        })
        .collect();
    let set = CandidateSet::build(&town_carers, &[]);
    let q = query("language:yue", AreaKind::LocalAuthority);

    // Without sectors the authority is measured at its centroid, 28 km from the carers.
    let old = analyse(&set, &inputs(vec![], 1200), &q);
    assert_eq!(old.rows[0].severity, Severity::NoneInReach);
    assert_eq!(old.rows[0].sectors, Some(0));
    assert!(old.caveats.iter().any(|c| c.contains("centroid only")));

    let new = analyse(&set, &inputs(town_sectors(), 1200), &q);
    let row = &new.rows[0];
    assert_eq!(row.sectors, Some(4), "the Welsh sector is left out");
    assert_eq!(row.demand, Some(1200));
    assert_eq!(
        row.carers, 3,
        "each carer counted once, not once per sector"
    );
    // 1,200 over 610 postcodes: the shore sector (10 postcodes) gets 20, out of reach.
    assert_eq!(row.demand_in_reach, Some(1180));
    assert_eq!(row.share_in_reach, Some(0.983));
    assert_eq!(row.people_per_supplier, Some(393.3));
    assert_eq!(row.severity, Severity::Adequate);
    assert_eq!(row.nearest_km, Some(1.0));
    assert!(new.caveats.iter().any(|c| c.contains("postcode sectors")));
}

#[test]
fn census_demand_spreads_over_sectors_exactly_and_sector_rows_show_it() {
    let set = CandidateSet::build(
        &[carer(
            1,
            point(TOWN.0, TOWN.1),
            2.0,
            Language::Yue,
            Proficiency::Native,
        )],
        &[],
    );
    let report = analyse(
        &set,
        &inputs(town_sectors(), 1001),
        &query("language:yue", AreaKind::Sector),
    );
    assert_eq!(report.rows.len(), 4);
    let total: u64 = report.rows.iter().filter_map(|r| r.demand).sum();
    assert_eq!(
        total, 1001,
        "largest remainder keeps the authority's figure"
    );
    let es11 = report
        .rows
        .iter()
        .find(|r| r.code == "ES1 1")
        .expect("ES1 1");
    assert_eq!(es11.authority.as_deref(), Some("E06000099"));
    assert_eq!(es11.name, "Estuary");
    assert_eq!(es11.demand_share, Some(0.4918));
    assert_eq!(es11.demand, Some(492));
    assert_eq!(es11.carers, 1);
    assert_eq!(es11.severity, Severity::Adequate);
    let shore = report
        .rows
        .iter()
        .find(|r| r.code == "ES9 9")
        .expect("shore");
    assert_eq!(shore.carers, 0);
    assert_eq!(shore.severity, Severity::NoneInReach);
    let fc = report.feature_collection();
    assert!(matches!(fc.features[0].geometry, Geometry::Point { .. }));
    assert!(
        report
            .to_csv()
            .contains("\nES1 1,Estuary,South West,E06000099,492,0.4918,")
    );

    // A sixth of the people in reach: the coverage makes it a severe gap whatever the ratio.
    let edge = carer(
        2,
        point(TOWN.0 - 0.01, TOWN.1 - 0.005),
        1.0,
        Language::Som,
        Proficiency::Native,
    );
    let set = CandidateSet::build(&[edge], &[]);
    let report = analyse(
        &set,
        &inputs(town_sectors(), 1001),
        &query("language:som", AreaKind::LocalAuthority),
    );
    let row = &report.rows[0];
    assert_eq!(row.demand, Some(900));
    assert_eq!(row.demand_in_reach, Some(147), "ES1 3 only: 900 x 100/610");
    assert_eq!(row.share_in_reach, Some(0.163));
    assert_eq!(row.severity, Severity::Severe);
}

#[test]
fn supply_at_points_agrees_with_brute_force() {
    let mut carers = Vec::new();
    // Cantonese is rare (14 of 122: its suppliers go in a list and an R-tree), Somali and
    // English common (searched in the source's own index).
    for i in 0..120 {
        let lat = 53.3 + f64::from(i % 10) * 0.03;
        let lon = -2.4 + f64::from(i / 10) * 0.025;
        let language = if i % 9 == 0 {
            Language::Yue
        } else {
            Language::Som
        };
        carers.push(carer(
            i64::from(i) + 1,
            point(lat, lon),
            2.0 + f64::from(i % 7),
            language,
            Proficiency::Native,
        ));
    }
    let providers = vec![
        provider(
            1,
            point(53.4, -2.3),
            ServiceArea::Radius {
                km: Km::new(4.0).expect("km"),
            },
            day(2026, 11, 1),
        ),
        provider(
            2,
            point(53.45, -2.2),
            ServiceArea::Polygon {
                coordinates: vec![square(-2.2, 53.45, 0.04)],
            },
            day(2026, 11, 1),
        ),
    ];
    let set = CandidateSet::build(&carers, &providers);
    let points: Vec<GeoPoint> = (0..80)
        .map(|i| {
            point(
                53.28 + f64::from(i % 9) * 0.04,
                -2.45 + f64::from(i / 9) * 0.04,
            )
        })
        .collect();
    let groups: Vec<u32> = (0..80).map(|i| i % 5).collect();
    let needs = vec![
        NeedSet::language(Language::Yue),
        NeedSet::language(Language::Som),
        // Met by most candidates: searched in the source's own index, not a list.
        NeedSet::language(Language::Eng),
    ];
    let got = supply_points(&set, &needs, &points, &groups, 5, 6.0, today(), true);
    let by_group = supply_points(&set, &needs, &points, &groups, 5, 6.0, today(), false);
    for (n, need) in needs.iter().enumerate() {
        let mut group_sets = vec![std::collections::HashSet::new(); 5];
        let mut group_nearest = [f64::INFINITY; 5];
        for (i, p) in points.iter().enumerate() {
            let mut count = 0;
            let mut nearest = f64::INFINITY;
            super::SupplySource::each(&set, &mut |c, side| {
                if !need.met_by(c, today()) {
                    return;
                }
                let km = c.location().distance_km(*p);
                nearest = nearest.min(km);
                let g = &mut group_nearest[groups[i] as usize];
                *g = g.min(km);
                if super::reaches(c.reach(), side.area.as_ref(), *p, km, 6.0) {
                    count += 1;
                    group_sets[groups[i] as usize].insert((c.kind().code(), c.id()));
                }
            });
            assert_eq!(got[n].points[i].total(), count, "need {n} point {i}");
            let expected = (nearest <= super::NEAREST_CAP_KM).then_some(nearest);
            match (got[n].points[i].nearest_km, expected) {
                (Some(a), Some(b)) if b > 1.0 => assert!((a - b).abs() < 1e-6, "{a} {b}"),
                // At most 1 km: shown as 1 km whichever supplier it is.
                (Some(a), Some(_)) => assert!(a <= 1.0, "{a}"),
                (a, b) => assert_eq!(a, b),
            }
        }
        for (g, set) in group_sets.iter().enumerate() {
            assert_eq!(
                got[n].groups[g].total() as usize,
                set.len(),
                "need {n} group {g}"
            );
            // Per group only: the same counts and the same figure, rounded up, as per point.
            assert_eq!(
                (
                    by_group[n].groups[g].carers,
                    by_group[n].groups[g].providers
                ),
                (got[n].groups[g].carers, got[n].groups[g].providers)
            );
            let expected = (group_nearest[g] <= super::NEAREST_CAP_KM).then_some(group_nearest[g]);
            let shown = |km: Option<f64>| km.map(f64::ceil);
            assert_eq!(
                shown(by_group[n].groups[g].nearest_km),
                shown(expected),
                "need {n} group {g}"
            );
            assert_eq!(
                shown(got[n].groups[g].nearest_km),
                shown(expected),
                "need {n} group {g}"
            );
        }
        assert!(by_group[n].points.iter().all(|p| p.nearest_km.is_none()));
    }
}

#[test]
fn a_gender_term_counts_carers_of_that_gender_and_providers_promising_it() {
    let mut woman = carer(
        1,
        point(TOWN.0, TOWN.1),
        5.0,
        Language::Som,
        Proficiency::Native,
    );
    woman.details.gender = Gender::Female;
    let mut man = carer(
        2,
        point(TOWN.0, TOWN.1),
        5.0,
        Language::Som,
        Proficiency::Native,
    );
    man.details.gender = Gender::Male;
    let area = || ServiceArea::Radius {
        km: Km::new(10.0).expect("km"),
    };
    let mut promising = provider(1, point(TOWN.0, TOWN.1), area(), day(2026, 11, 1));
    promising.details.staff_languages = vec![Language::Som];
    promising.details.services = vec![carematch_domain::vocabulary::Service::PersonalCare];
    promising.details.faith_practices = vec![FaithPractice::SameGenderPersonalCare];
    let mut other = promising.clone();
    other.id = carematch_domain::ProviderId(2);
    other.details.faith_practices = vec![];
    let set = CandidateSet::build(&[woman, man], &[promising, other]);
    let report = analyse(
        &set,
        &inputs(town_sectors(), 10),
        &query(
            "language:som,gender:female,service:personal_care",
            AreaKind::LocalAuthority,
        ),
    );
    let row = &report.rows[0];
    assert_eq!((row.carers, row.providers), (1, 1));
    assert_eq!(
        row.demand,
        Some(900),
        "no census figure by sex: all Somali speakers"
    );
    let figure = report.meta().demand_figure;
    assert_eq!(figure.figures.len(), 1);
    assert_eq!(figure.figures[0].covers, vec!["language:som"]);
    let uncovered: Vec<&str> = figure.not_covered.iter().map(|t| t.term.as_str()).collect();
    assert_eq!(uncovered, vec!["gender:female", "service:personal_care"]);
}

#[test]
fn saved_plans_are_suppressed_below_five_in_every_sector_and_in_reach() {
    let mut q = query("language:yue", AreaKind::Sector);
    q.basis = DemandBasis::Plans;
    let mut data = inputs(town_sectors(), 0);
    let shore = point(CENTROID.0 + 0.05, CENTROID.1 + 0.02);
    data.plan_locations = [vec![point(TOWN.0, TOWN.1); 6], vec![shore; 2]].concat();
    let carer_near = carer(
        1,
        point(TOWN.0, TOWN.1),
        1.0,
        Language::Yue,
        Proficiency::Native,
    );
    let set = CandidateSet::build(&[carer_near], &[]);
    let sectors = analyse(&set, &data, &q);
    let es11 = sectors
        .rows
        .iter()
        .find(|r| r.code == "ES1 1")
        .expect("ES1 1");
    assert_eq!(es11.demand, Some(6));
    let es99 = sectors
        .rows
        .iter()
        .find(|r| r.code == "ES9 9")
        .expect("ES9 9");
    assert_eq!((es99.demand, es99.demand_shown.as_str()), (None, "<5"));
    q.by = AreaKind::LocalAuthority;
    let authority = analyse(&set, &data, &q);
    let row = &authority.rows[0];
    assert_eq!(row.demand, Some(8));
    // 6 in reach, 2 out of reach: showing 6 would reveal the 2.
    assert_eq!(row.demand_in_reach, None);
    assert_eq!(row.share_in_reach, None);
    assert_eq!(row.people_per_supplier, None);
}
