//! The open-data suite: the importers and the gap analysis on the real public files (mySociety
//! authorities, ONS boundaries, Census 2021 TS024/TS030, the national postcode sector centroids),
//! checked against published figures.
//!
//! Runs when `CAREMATCH_OPEN_DATA` names the data folder (`.ci/run` sets it to `../shared/data`,
//! relative to the repository root); then a missing file FAILS the suite. Without the variable
//! every test returns at once (ordinary `cargo test` runs stay self-contained).

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use carematch_domain::census::{BENGALI, CANTONESE, Category, SOMALI};
use carematch_domain::vocabulary::Language;
use carematch_domain::{AgencyId, CarerDetails, GeoPoint};
use carematch_index::gaps::{GapQuery, analyse, load_inputs};
use carematch_index::geo::CandidateSet;
use carematch_matching::gaps::{
    AreaKind, Authorities, CensusCounts, DemandBasis, NeedSet, Severity,
};
use carematch_matching::{Roster, day_number};
use carematch_store::Store;
use carematch_store::authorities::{read_authorities_csv, read_boundaries_geojson};
use carematch_store::census::read_census_csv;

mod support;

const VAR: &str = "CAREMATCH_OPEN_DATA";

/// The data folder, or `None` when the suite is not asked for. A relative path is taken from
/// the repository root (tests run in the crate's folder).
fn data_dir() -> Option<PathBuf> {
    carematch_testkit::shared_dir(VAR)
}

fn data_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    assert!(
        path.is_file(),
        "{VAR} is set but {} is missing: the open-data suite needs it",
        path.display()
    );
    path
}

fn open(dir: &Path, name: &str) -> BufReader<File> {
    BufReader::new(File::open(data_file(dir, name)).expect("open data file"))
}

const AUTHORITIES: &str = "boundaries/local_authorities.csv";
const BOUNDARIES: &str = "boundaries/lad_2023_buc.geojson";
const TS024: &str = "census2021/census2021-ts024-ltla.csv";
const TS030: &str = "census2021/census2021-ts030-ltla.csv";
const SECTORS: &str = "postcodes/sector_centroids.csv";

/// A fresh SQLite store with the real authorities, boundaries and both census tables.
fn loaded_store(dir: &Path) -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", tmp.path().join("open.db").display());
    let store = Store::connect(&url, 2).expect("connect");
    store.migrate().expect("migrate");
    let authorities = read_authorities_csv(open(dir, AUTHORITIES)).expect("authorities");
    store.import_authorities(&authorities).expect("import");
    let boundaries = read_boundaries_geojson(open(dir, BOUNDARIES)).expect("boundaries");
    store.import_boundaries(&boundaries).expect("import");
    for name in [TS024, TS030] {
        let file = read_census_csv(open(dir, name)).expect("census");
        store.import_census(&file).expect("import");
    }
    (tmp, store)
}

fn counts(store: &Store, categories: &[Category]) -> (Authorities, CensusCounts) {
    let authorities = store.authorities().expect("authorities");
    let counts = store
        .census_counts(&authorities, categories)
        .expect("counts");
    (authorities, counts)
}

fn england_total(authorities: &Authorities, counts: &CensusCounts, category: &Category) -> u64 {
    authorities
        .analysed()
        .iter()
        .filter_map(|a| counts.get(&a.gss, category))
        .sum()
}

#[test]
fn census_figures_and_england_totals_come_out_exactly() {
    let Some(dir) = data_dir() else { return };
    let (_tmp, store) = loaded_store(&dir);
    let (authorities, counts) = counts(&store, &[CANTONESE, BENGALI, SOMALI]);
    assert_eq!(
        authorities.analysed().len(),
        296,
        "current English authorities"
    );
    // Published figures (TS024): Manchester has the most Cantonese speakers.
    assert_eq!(counts.get("E08000003", &CANTONESE), Some(2061));
    assert_eq!(counts.get("E09000030", &BENGALI), Some(32_772));
    assert_eq!(counts.get("E08000025", &SOMALI), Some(7374));
    assert_eq!(england_total(&authorities, &counts, &CANTONESE), 53_981);
    assert_eq!(england_total(&authorities, &counts, &BENGALI), 194_820);
    assert_eq!(england_total(&authorities, &counts, &SOMALI), 61_376);
    // Sylheti reads the Bengali pool; Hakka has no figure.
    assert_eq!(
        counts.demand(&NeedSet::language(Language::Syl), "E09000030"),
        carematch_matching::gaps::Demand::Count(32_772)
    );
    assert_eq!(
        counts.demand(&NeedSet::language(Language::Hak), "E08000003"),
        carematch_matching::gaps::Demand::Unknown
    );
}

#[test]
fn every_english_census_area_rolls_up_and_merged_districts_sum() {
    let Some(dir) = data_dir() else { return };
    let (_tmp, store) = loaded_store(&dir);
    let authorities = store.authorities().expect("authorities");
    let ts024 = read_census_csv(open(&dir, TS024)).expect("TS024");
    let raw = |gss: &str| {
        ts024
            .records
            .iter()
            .find(|r| r.gss == gss && r.category == CANTONESE.name)
            .map(|r| r.count)
            .unwrap_or_else(|| panic!("{gss} in TS024"))
    };
    let mut english = 0;
    for record in ts024
        .records
        .iter()
        .filter(|r| r.category == CANTONESE.name)
    {
        if record.gss.starts_with('E') {
            english += 1;
            assert!(
                authorities.roll_up(&record.gss).is_some(),
                "{} does not roll up to a current authority",
                record.gss
            );
        }
    }
    assert_eq!(
        english,
        296 + 17 - 4,
        "2022 codes: 17 districts later merged into 4"
    );
    let (_, counts) = counts(&store, &[CANTONESE]);
    let cases: [(&str, &[&str]); 4] = [
        ("E06000063", &["E07000026", "E07000028", "E07000029"]),
        ("E06000064", &["E07000027", "E07000030", "E07000031"]),
        (
            "E06000065",
            &[
                "E07000163",
                "E07000164",
                "E07000165",
                "E07000166",
                "E07000167",
                "E07000168",
                "E07000169",
            ],
        ),
        (
            "E06000066",
            &["E07000187", "E07000188", "E07000189", "E07000246"],
        ),
    ];
    for (council, districts) in cases {
        let sum: u64 = districts.iter().map(|d| raw(d)).sum();
        assert_eq!(counts.get(council, &CANTONESE), Some(sum), "{council}");
    }
}

#[test]
fn boundaries_cover_the_analysed_authorities() {
    let Some(dir) = data_dir() else { return };
    let (_tmp, store) = loaded_store(&dir);
    let authorities = store.authorities().expect("authorities");
    let boundaries = store.boundaries().expect("boundaries");
    assert_eq!(boundaries.len(), 361);
    let analysed = authorities.analysed();
    let missing: Vec<&str> = analysed
        .iter()
        .filter(|a| !boundaries.contains_key(&a.gss))
        .map(|a| a.gss.as_str())
        .collect();
    assert!(missing.is_empty(), "no boundary for {missing:?}");
    let inside = analysed
        .iter()
        .filter(|a| a.centroid.is_some_and(|c| boundaries[&a.gss].contains(c)))
        .count();
    assert!(
        inside * 100 >= analysed.len() * 95,
        "{inside} centroids inside"
    );
}

fn carer(at: GeoPoint, radius_km: f64) -> carematch_domain::Carer {
    let details: CarerDetails = serde_json::from_value(serde_json::json!({
        "given_name": "Mei", "family_name": "Lam", "gender": "female",
        "languages": [{"code": "yue", "proficiency": "native", "reads": true, "writes": true}],
        "cuisines": ["cantonese"], "dietary_laws": [], "faith_practices": [],
        "services": ["personal_care"], "experience": [], "checks": [], "availability": [],
        "hours_per_week": 10, "available_from": "2026-01-01", "postcode": "M13 0EG",
        "travel_radius_km": radius_km, "travel_mode": "car", "hourly_rate": 1500,
        "employment_status": "self_employed", "public_listing_consent": true,
        "last_confirmed_on": "2026-10-01", "bio": "", "contact": {}
    }))
    .expect("details");
    let epoch = chrono::DateTime::from_timestamp(1_700_000_000, 0).expect("time");
    carematch_domain::Carer {
        id: carematch_domain::CarerId(1),
        agency_id: AgencyId(1),
        details,
        location: at,
        version: 1,
        created_at: epoch,
        updated_at: epoch,
        listing: Default::default(),
    }
}

#[test]
fn an_authority_without_supply_is_flagged_and_one_supplier_clears_it() {
    let Some(dir) = data_dir() else { return };
    let (_tmp, store) = loaded_store(&dir);
    let query = GapQuery {
        need: NeedSet::language(Language::Yue),
        max_km: 10.0,
        by: AreaKind::LocalAuthority,
        basis: DemandBasis::Census,
        today: day_number(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")),
    };
    let inputs = load_inputs(&store, &query.need, query.basis).expect("inputs");
    let manchester = GeoPoint::new(53.4794, -2.2453).expect("point");
    let mut roster = Roster::new();
    roster.push_carer(&carer(manchester, 10.0));
    let set = CandidateSet::from_roster(roster);
    let report = analyse(&set, &inputs, &query);
    assert_eq!(report.rows.len(), 296);
    let row = |report: &carematch_matching::gaps::GapReport, code: &str| {
        report
            .rows
            .iter()
            .find(|r| r.code == code)
            .cloned()
            .unwrap_or_else(|| panic!("{code}"))
    };
    assert_eq!(row(&report, "E08000003").carers, 1);
    let cornwall = row(&report, "E06000052");
    assert!(cornwall.demand.is_some_and(|d| d > 0));
    assert_eq!(cornwall.severity, Severity::NoneInReach);
    let total: u64 = report.rows.iter().filter_map(|r| r.demand).sum();
    assert_eq!(
        total, 53_981,
        "the report's demand adds up to England's total"
    );

    let cornwall_centre = inputs
        .authorities
        .get("E06000052")
        .and_then(|a| a.centroid)
        .expect("Cornwall centroid");
    let mut roster = Roster::new();
    roster.push_carer(&carer(manchester, 10.0));
    roster.push_carer(&carer(cornwall_centre, 10.0));
    let set = CandidateSet::from_roster(roster);
    let report = analyse(&set, &inputs, &query);
    let cornwall = row(&report, "E06000052");
    assert_eq!(cornwall.carers, 1);
    assert_ne!(cornwall.severity, Severity::NoneInReach);
}

#[test]
fn the_binary_imports_the_files_and_writes_the_map() {
    let Some(dir) = data_dir() else { return };
    let tmp = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", tmp.path().join("cli.db").display());
    let run = |args: &[&str]| support::succeeds(&url, tmp.path(), args);
    let path = |name: &str| data_file(&dir, name).display().to_string();
    let out = run(&["import", "authorities", &path(AUTHORITIES)]);
    assert!(out.contains("296 current English authorities"), "{out}");
    run(&["import", "boundaries", &path(BOUNDARIES)]);
    let out = run(&["import", "census", &path(TS024)]);
    assert!(out.contains("ts024"), "{out}");
    run(&["import", "census", &path(TS030)]);
    let out = run(&["import", "sectors", &path(SECTORS)]);
    assert!(out.contains("postcode sectors"), "{out}");
    let csv = tmp.path().join("gaps.csv");
    let svg = tmp.path().join("gaps.svg");
    let geojson = tmp.path().join("gaps.geojson");
    let out = run(&[
        "gaps",
        "--need",
        "diet:halal",
        "--max-km",
        "10",
        "--csv",
        &csv.display().to_string(),
        "--svg",
        &svg.display().to_string(),
        "--geojson",
        &geojson.display().to_string(),
    ]);
    assert!(
        out.contains("none_in_reach 295") && out.contains("no_demand 1"),
        "{out}"
    );
    assert!(
        out.contains("demand figure: Demand is Census 2021 TS030"),
        "{out}"
    );
    assert!(
        !out.contains("centroid only"),
        "every authority has sectors: {out}"
    );
    let csv = std::fs::read_to_string(csv).expect("csv");
    assert_eq!(
        csv.lines().count(),
        2 + 1 + 296,
        "two comment lines, the header, the rows"
    );
    let svg = std::fs::read_to_string(svg).expect("svg");
    assert_eq!(svg.matches("<path ").count(), 296);
    let geojson: serde_json::Value =
        serde_json::from_slice(&std::fs::read(geojson).expect("geojson")).expect("json");
    assert_eq!(geojson["features"].as_array().map(Vec::len), Some(296));
}

/// Every analysed authority gets sectors from the national file, the demand spread over them
/// adds up to the published figures, and England's total is unchanged.
#[test]
fn census_facts_hold_over_the_national_sectors() {
    let Some(dir) = data_dir() else { return };
    let (_tmp, store) = loaded_store(&dir);
    let sectors = carematch_store::sectors::read_sectors_csv(open(&dir, SECTORS)).expect("sectors");
    assert!(sectors.len() > 11_000, "{}", sectors.len());
    store.import_sectors(&sectors).expect("import");
    let today = day_number(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"));
    let set = CandidateSet::from_roster(Roster::new());
    for (need, gss, published) in [
        ("language:yue", "E08000003", 2_061u64),
        ("language:ben", "E09000030", 32_772),
        ("language:som", "E08000025", 7_374),
    ] {
        let mut query = GapQuery {
            need: NeedSet::parse(need).expect("need"),
            max_km: 10.0,
            by: AreaKind::LocalAuthority,
            basis: DemandBasis::Census,
            today,
        };
        let inputs = load_inputs(&store, &query.need, query.basis).expect("inputs");
        let report = analyse(&set, &inputs, &query);
        let row = report.rows.iter().find(|r| r.code == gss).expect("row");
        assert_eq!(row.demand, Some(published), "{need} in {gss}");
        assert!(row.sectors.is_some_and(|n| n > 20), "{row:?}");
        assert!(
            report.rows.iter().all(|r| r.sectors.is_some_and(|n| n > 0)),
            "an authority without sectors"
        );
        query.by = AreaKind::Sector;
        let sectors = analyse(&set, &inputs, &query);
        let sum: u64 = sectors
            .rows
            .iter()
            .filter(|r| r.authority.as_deref() == Some(gss))
            .filter_map(|r| r.demand)
            .sum();
        assert_eq!(sum, published, "{need}: {gss}'s sectors add up");
        let england: u64 = sectors.rows.iter().filter_map(|r| r.demand).sum();
        let by_authority: u64 = report.rows.iter().filter_map(|r| r.demand).sum();
        assert_eq!(england, by_authority, "{need}: nothing lost in the spread");
    }
}

/// Bristol's listed centroid lies in the Severn estuary: measured there, halal within 5 km is
/// "none in reach" on the demo data; measured at its postcode sectors it is not.
#[test]
fn bristol_halal_within_5_km_is_covered_on_the_demo_data() {
    let Some(dir) = data_dir() else { return };
    let (_tmp, store) = loaded_store(&dir);
    carematch_testkit::seed_demo_fixtures(&store);
    let carers = store.carers_after(None, 100_000).expect("carers");
    let providers = store.providers_after(None, 100_000).expect("providers");
    let set = CandidateSet::build(&carers, &providers);
    let query = GapQuery {
        need: NeedSet::parse("diet:halal").expect("need"),
        max_km: 5.0,
        by: AreaKind::LocalAuthority,
        basis: DemandBasis::Census,
        today: day_number(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")),
    };
    let bristol = |store: &Store| {
        let inputs = load_inputs(store, &query.need, query.basis).expect("inputs");
        analyse(&set, &inputs, &query)
            .rows
            .into_iter()
            .find(|r| r.code == "E06000023")
            .expect("Bristol")
    };
    // The demo gazetteer's sectors only (seeding computed them): then the national file.
    store.import_sectors(&[]).expect("no sectors");
    let at_centroid = bristol(&store);
    assert_eq!(
        at_centroid.severity,
        Severity::NoneInReach,
        "{at_centroid:?}"
    );
    let sectors = carematch_store::sectors::read_sectors_csv(open(&dir, SECTORS)).expect("sectors");
    store.import_sectors(&sectors).expect("import");
    let row = bristol(&store);
    assert_eq!(row.demand, Some(31_776), "Muslim residents (TS030)");
    assert_ne!(row.severity, Severity::NoneInReach, "{row:?}");
    assert!(row.carers >= 10, "{row:?}");
    assert!(row.share_in_reach.is_some_and(|s| s > 0.5), "{row:?}");
    assert_eq!(row.nearest_km, Some(1.0));
}

const CQC_EXTRACT: &str = "cqc/trafford_care_homes_2026-02.csv";

/// Trafford Data Lab's extract of the CQC directory (25 Feb 2026): every row read, every id
/// and postcode parsed, the care homes reported as skipped by type and the one location that
/// also runs a home-care agency imported, through the binary, on SQLite or PostgreSQL.
#[test]
fn the_trafford_cqc_extract_reads_every_row() {
    use carematch_service::cqc::{CqcLayout, SkipReason, read_cqc};
    use std::collections::{BTreeMap, HashSet};

    let Some(dir) = data_dir() else { return };
    let path = data_file(&dir, CQC_EXTRACT);
    let data = std::fs::read(&path).expect("extract");
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 2, 25).expect("date");
    let file = read_cqc(&data, as_of).expect("the extract reads");
    assert_eq!(file.layout, CqcLayout::DataLab);
    assert_eq!(
        file.feed, "cqc:E0800009",
        "the extract is a feed of its own"
    );
    assert_eq!(file.rows, 56);
    assert_eq!(file.records.len() + file.skipped.len(), 56);
    let mut ids = HashSet::new();
    for (id, postcode) in file
        .skipped
        .iter()
        .map(|s| (s.location_id.as_str(), s.postcode.as_str()))
        .chain(
            file.records
                .iter()
                .map(|r| (r.source_id.as_str(), r.details.postcode.as_str())),
        )
    {
        assert!(
            id.strip_prefix("1-")
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit())),
            "{id}"
        );
        assert!(ids.insert(id), "{id} twice");
        let postcode = carematch_domain::Postcode::parse(postcode).expect("postcode");
        assert!(
            ["M", "WA"]
                .iter()
                .any(|area| postcode.as_str().starts_with(area)),
            "{postcode} is in Trafford's postcode areas"
        );
    }
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    for row in &file.skipped {
        assert_eq!(row.reason, SkipReason::CareHome, "{row:?}");
        *by_type.entry(row.detail.as_str()).or_default() += 1;
    }
    assert_eq!(
        by_type,
        BTreeMap::from([
            ("Nursing homes", 17),
            ("Nursing homes|Residential homes", 1),
            ("Residential homes", 37),
        ])
    );
    let first = &file.skipped[0];
    assert_eq!(
        (
            first.line,
            first.location_id.as_str(),
            first.postcode.as_str()
        ),
        (2, "1-466088203", "M41 5BU")
    );
    let [record] = file.records.as_slice() else {
        panic!(
            "one location also runs a home-care agency: {:?}",
            file.records
        );
    };
    assert_eq!(record.source_id, "1-9397179795");
    assert!(record.location.is_some(), "the extract's own lon/lat");
    assert!(
        record.details.description.contains("Homecare agencies"),
        "{}",
        record.details.description
    );

    let db = carematch_testkit::TestDb::new();
    let tmp = tempfile::tempdir().expect("temp dir");
    let stdout = support::succeeds(
        &db.url,
        tmp.path(),
        &[
            "import",
            "cqc",
            &path.display().to_string(),
            "--as-of",
            "2026-02-25",
        ],
    );
    assert!(
        stdout.contains("56 rows, 1 in scope (1 created"),
        "{stdout}"
    );
    assert!(
        stdout.contains("skipped 55 (not errors): care_home 55"),
        "{stdout}"
    );
    let held = db
        .store
        .providers_from_feed(carematch_domain::SourceKind::Cqc, "cqc:E0800009")
        .expect("feed");
    assert_eq!(held.len(), 1);
}
