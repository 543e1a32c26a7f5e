//! Whole reports on a small candidate set: counting by base, multi-valued dimensions, trends
//! from stored snapshots, and what a snapshot cannot answer.

use std::collections::HashMap;

use carematch_domain::vocabulary::{Ethnicity, Language, Proficiency, Service};
use carematch_domain::{GeoPoint, LanguageSkill};
use carematch_matching::Roster;
use carematch_matching::gaps::{Area, Geometry};
use carematch_testkit::build::carer;
use chrono::{DateTime, Utc};

use super::*;
use crate::geo::CandidateSet;

fn square(code: &str, lon: f64, lat: f64) -> Area {
    let ring = vec![
        [lon, lat],
        [lon + 0.5, lat],
        [lon + 0.5, lat + 0.5],
        [lon, lat + 0.5],
        [lon, lat],
    ];
    let centre = GeoPoint::new(lat + 0.25, lon + 0.25).expect("point");
    Area::new(
        code,
        code,
        None,
        centre,
        Some(Geometry::Polygon {
            coordinates: vec![ring],
        }),
    )
}

fn inputs() -> MarketInputs {
    MarketInputs {
        areas: vec![square("E1", -2.0, 53.0), square("E2", -1.0, 53.0)],
        ..MarketInputs::default()
    }
}

/// `count` PAs in area `n` (0 or 1) speaking English and `language`, offering personal care
/// and `service`.
fn add(
    roster: &mut Roster,
    next: &mut i64,
    n: usize,
    count: usize,
    language: Language,
    service: Service,
) {
    for _ in 0..count {
        *next += 1;
        let at = GeoPoint::new(53.2, -1.8 + n as f64).expect("point");
        let mut c = carer(*next, at);
        c.details.languages = [Language::Eng, language]
            .into_iter()
            .map(|code| LanguageSkill {
                code,
                proficiency: Proficiency::Native,
                reads: false,
                writes: false,
            })
            .collect();
        c.details.services = vec![Service::PersonalCare, service];
        roster.push_carer(&c);
    }
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).expect("time")
}

#[test]
fn counts_by_base_and_trends_from_snapshots() {
    let inputs = inputs();
    let mut roster = Roster::new();
    let mut next = 0;
    add(
        &mut roster,
        &mut next,
        0,
        6,
        Language::Pol,
        Service::Shopping,
    );
    add(
        &mut roster,
        &mut next,
        1,
        9,
        Language::Som,
        Service::Shopping,
    );
    let before = CandidateSet::from_roster(roster.clone());
    let no_ethnicity = HashMap::new();
    let tally = Tally::new(&before, &inputs.areas, &no_ethnicity);
    let stored = StoredSnapshot {
        id: 1,
        taken_at: at(1_700_000_000),
        cells: snapshot_cells(&tally, &inputs),
    };
    assert_eq!(stored.cells.totals(), (15, 0));

    add(
        &mut roster,
        &mut next,
        0,
        2,
        Language::Pol,
        Service::Domestic,
    );
    let now = CandidateSet::from_roster(roster);
    let mut ethnicity = HashMap::new();
    ethnicity.insert(1, Ethnicity::WhiteOther);
    let tally = Tally::new(&now, &inputs.areas, &ethnicity);
    let report = market_report(
        &tally,
        &inputs,
        &MarketQuery::default(),
        std::slice::from_ref(&stored),
        at(1_800_000_000),
    )
    .expect("report");
    let cell = |language: &str, authority: &str| {
        report
            .cells
            .iter()
            .find(|c| {
                c.language.as_deref() == Some(language) && c.authority.as_deref() == Some(authority)
            })
            .expect("cell")
    };
    // Everyone speaks English too: a PA counts once in each of their languages.
    assert_eq!(cell("pol", "E1").pas, Shown::Count(8));
    assert_eq!(cell("eng", "E1").pas, Shown::Count(8));
    assert_eq!(cell("som", "E2").pas, Shown::Count(9));
    assert_eq!(cell("pol", "E1").series[0].pas, Shown::Count(6));
    assert_eq!(
        cell("pol", "E1").change.as_ref().and_then(|c| c.pas),
        Some(2)
    );
    assert_eq!(report.total.pas, Shown::Count(17));
    // One PA with a recorded group: hidden, with the next smallest beside it (not recorded, 7).
    let e1: Vec<&MarketCell> = report
        .ethnicity
        .iter()
        .filter(|c| c.authority.as_deref() == Some("E1"))
        .collect();
    assert!(e1.iter().all(|c| c.pas.is_suppressed()), "{e1:?}");

    // A filter reads the two-dimension table of the snapshot.
    let query = MarketQuery {
        by: vec![Dimension::Service],
        authority: Some("E1".into()),
        language: None,
    };
    let report = market_report(
        &tally,
        &inputs,
        &query,
        std::slice::from_ref(&stored),
        at(1_800_000_000),
    )
    .expect("report");
    let shopping = report
        .cells
        .iter()
        .find(|c| c.service.as_deref() == Some("shopping"))
        .expect("shopping");
    assert_eq!(shopping.series[0].pas, Shown::Count(6));
    // Three dimensions are not kept in snapshots: no series, no change.
    let query = MarketQuery {
        by: vec![
            Dimension::Authority,
            Dimension::Language,
            Dimension::Service,
        ],
        ..MarketQuery::default()
    };
    let report =
        market_report(&tally, &inputs, &query, &[stored], at(1_800_000_000)).expect("report");
    assert!(
        report
            .cells
            .iter()
            .all(|c| c.series.is_empty() && c.change.is_none())
    );
    assert_eq!(
        market_report(
            &tally,
            &inputs,
            &MarketQuery {
                authority: Some("E9".into()),
                ..MarketQuery::default()
            },
            &[],
            at(0)
        ),
        Err(MarketError::UnknownAuthority("E9".into()))
    );
}

/// The placement kept between reports: reused whole while nothing changes, and after a move, an
/// addition, a removal or other areas, every base is where a fresh placement puts it.
#[test]
fn the_kept_placement_is_reused_only_for_unchanged_bases() {
    let inputs = inputs();
    // PAs 1-4 in E1 and 5-9 in E2.
    let mut carers: Vec<_> = (1..=9)
        .map(|id| {
            carer(
                id,
                GeoPoint::new(53.2, if id <= 4 { -1.8 } else { -0.8 }).expect("point"),
            )
        })
        .collect();
    let set_of = |carers: &[carematch_domain::Carer]| {
        let mut roster = Roster::new();
        for c in carers {
            roster.push_carer(c);
        }
        CandidateSet::from_roster(roster)
    };
    let fresh = |set: &CandidateSet, areas: &[Area]| Placement::new(set, areas).authorities;
    let first = set_of(&carers);

    let placed = Placement::after(None, &first, &inputs.areas);
    assert_eq!(placed.reused, 0);
    assert_eq!(placed.authorities, [0, 0, 0, 0, 1, 1, 1, 1, 1]);
    let again = Placement::after(Some(&placed), &first, &inputs.areas);
    assert_eq!(again.reused, 9, "nothing changed: nothing located");
    assert_eq!(again.authorities, placed.authorities);

    // PA 2 moves from E1 to E2 (same place in the pass), and two join E1.
    carers[1].location = GeoPoint::new(53.2, -0.7).expect("point");
    carers.push(carer(10, GeoPoint::new(53.3, -1.9).expect("point")));
    carers.push(carer(11, GeoPoint::new(53.3, -1.7).expect("point")));
    let second = set_of(&carers);
    let after_write = Placement::after(Some(&again), &second, &inputs.areas);
    assert_eq!(after_write.authorities, fresh(&second, &inputs.areas));
    assert!(
        after_write.reused < 11,
        "the moved and new bases are located"
    );
    let tally = Tally::reusing(&second, &inputs.areas, &HashMap::new());
    let counts = tally.count(&[Dimension::Authority], &MarketFilter::default());
    assert_eq!(
        (counts[&vec![0]][0], counts[&vec![1]][0]),
        (5, 6),
        "{counts:?}"
    );

    // Fewer candidates: the ones left are placed as a fresh placement places them.
    carers.remove(0);
    let third = set_of(&carers);
    let shrunk = Placement::after(Some(&after_write), &third, &inputs.areas);
    assert_eq!(shrunk.authorities, fresh(&third, &inputs.areas));

    // Other areas (the two squares swapped): nothing is reused.
    let swapped: Vec<Area> = inputs.areas.iter().rev().cloned().collect();
    let other = Placement::after(Some(&shrunk), &third, &swapped);
    assert_eq!(other.reused, 0);
    assert_eq!(other.authorities, fresh(&third, &swapped));
}
