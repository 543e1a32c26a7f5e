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
