use super::*;
use carematch_domain::census::{BENGALI, CANTONESE, CensusTable, MUSLIM};
use carematch_domain::geo::GeoPoint;
use carematch_domain::vocabulary::{Cuisine, DietaryLaw, Language};

fn point(lat: f64, lon: f64) -> GeoPoint {
    GeoPoint::new(lat, lon).expect("point")
}

fn square(lon: f64, lat: f64, half: f64) -> Geometry {
    Geometry::Polygon {
        coordinates: vec![vec![
            [lon - half, lat - half],
            [lon + half, lat - half],
            [lon + half, lat + half],
            [lon - half, lat + half],
            [lon - half, lat - half],
        ]],
    }
}

fn authority(gss: &str, nation: &str, replaced_by: Option<&str>) -> Authority {
    Authority {
        gss: gss.to_owned(),
        name: gss.to_owned(),
        region: None,
        nation: Some(nation.to_owned()),
        centroid: replaced_by.is_none().then(|| point(53.0, -2.0)),
        replaced_by: replaced_by.map(str::to_owned),
        population: None,
    }
}

#[test]
fn need_expressions_parse_and_name_the_bad_term() {
    let need = NeedSet::parse("language:yue, cuisine:cantonese").expect("valid");
    assert_eq!(need.expression(), "language:yue,cuisine:cantonese");
    assert_eq!(need.label(), "speaks Cantonese and cooks Cantonese");
    assert_eq!(
        NeedSet::parse("diet:halal").expect("valid").terms(),
        &[NeedTerm::Diet(DietaryLaw::Halal)]
    );
    NeedSet::parse("faith_practice:same_gender_personal_care").expect("valid");
    let error = NeedSet::parse("language:yue,language:xxx").expect_err("bad code");
    assert_eq!(error.term, "language:xxx");
    assert!(error.to_string().contains("xxx"));
    let error = NeedSet::parse("colour:red").expect_err("bad kind");
    assert_eq!(error.term, "colour:red");
    assert!(NeedSet::parse("").is_err());
    assert!(NeedSet::parse("yue").is_err());
    assert_eq!(
        NeedSet::parse("language:yue,language:yue")
            .expect("dup")
            .terms()
            .len(),
        1
    );
}

#[test]
fn plan_counts_below_five_are_suppressed() {
    assert_eq!(Demand::from_plans(0), Demand::Count(0));
    for n in 1..5 {
        assert_eq!(Demand::from_plans(n), Demand::Suppressed);
        assert_eq!(Demand::from_plans(n).shown(), None);
        assert_eq!(Demand::from_plans(n).display(), "<5");
    }
    assert_eq!(Demand::from_plans(5), Demand::Count(5));
}

#[test]
fn severity_bands_follow_the_documented_thresholds() {
    let t = Thresholds::CENSUS;
    let supply = |n: u32| Supply {
        carers: n,
        providers: 0,
        nearest_km: None,
    };
    assert_eq!(t.severity(Demand::Count(0), supply(0)), Severity::NoDemand);
    assert_eq!(
        t.severity(Demand::Count(10), supply(0)),
        Severity::NoneInReach
    );
    assert_eq!(
        t.severity(Demand::Count(500), supply(1)),
        Severity::Adequate
    );
    assert_eq!(
        t.severity(Demand::Count(501), supply(1)),
        Severity::Moderate
    );
    assert_eq!(t.severity(Demand::Count(2001), supply(1)), Severity::Severe);
    assert_eq!(
        t.severity(Demand::Unknown, supply(0)),
        Severity::NoneInReach
    );
    assert_eq!(
        t.severity(Demand::Unknown, supply(3)),
        Severity::DemandUnknown
    );
    // Suppressed demand is banded as 4 whatever the real count.
    let p = Thresholds::PLANS;
    assert_eq!(
        p.severity(Demand::Suppressed, supply(1)),
        Severity::Moderate
    );
    assert_eq!(
        p.severity(Demand::Suppressed, supply(2)),
        Severity::Adequate
    );
}

#[test]
fn census_demand_is_exact_pooled_or_unknown() {
    let mut counts = CensusCounts::new();
    counts.add("E08000003", CensusTable::Ts024, CANTONESE.name, 4000);
    counts.add("E09000030", CensusTable::Ts024, BENGALI.name, 32_772);
    counts.add("E09000030", CensusTable::Ts030, MUSLIM.name, 123_912);
    let yue = NeedSet::language(Language::Yue);
    assert_eq!(counts.demand(&yue, "E08000003"), Demand::Count(4000));
    assert_eq!(counts.demand(&yue, "E09000030"), Demand::Unknown);
    let syl = NeedSet::language(Language::Syl);
    assert_eq!(counts.demand(&syl, "E09000030"), Demand::Count(32_772));
    assert!(census_caveats(&syl)[0].contains("Sylheti"));
    let hak = NeedSet::language(Language::Hak);
    assert_eq!(counts.demand(&hak, "E08000003"), Demand::Unknown);
    assert!(census_caveats(&hak)[0].contains("All other Chinese"));
    let halal = NeedSet::parse("diet:halal,language:ben").expect("valid");
    // Both terms have figures: the smaller is the upper bound.
    assert_eq!(counts.demand(&halal, "E09000030"), Demand::Count(32_772));
    let cantonese_food = NeedSet::parse("cuisine:cantonese").expect("valid");
    assert_eq!(
        counts.demand(&cantonese_food, "E08000003"),
        Demand::Count(4000)
    );
    assert_eq!(
        NeedSet::parse("cuisine:caribbean")
            .expect("valid")
            .terms()
            .first()
            .map(|t| matches!(
                t.census_source(),
                carematch_domain::census::CensusSource::NoFigure { .. }
            )),
        Some(true)
    );
    let _ = Cuisine::Caribbean;
}

#[test]
fn merged_districts_roll_up_to_their_new_council() {
    let authorities = Authorities::new([
        authority("E06000063", "England", None),
        authority("E07000026", "England", Some("E06000063")),
        authority("E07000028", "England", Some("E06000063")),
        authority("E10000006", "England", None),
        authority("W06000001", "Wales", None),
    ]);
    assert_eq!(
        authorities.roll_up("E07000026").map(|a| a.gss.as_str()),
        Some("E06000063")
    );
    assert_eq!(
        authorities.roll_up("E06000063").map(|a| a.gss.as_str()),
        Some("E06000063")
    );
    assert!(authorities.roll_up("E10000006").is_none(), "county council");
    assert!(authorities.roll_up("W06000001").is_none(), "Wales");
    assert!(authorities.roll_up("E99999999").is_none());
    assert_eq!(authorities.analysed().len(), 1);
}

#[test]
fn plans_are_placed_by_boundary_then_nearest_centroid() {
    let areas = vec![
        Area::new(
            "A",
            "A",
            None,
            point(53.0, -2.0),
            Some(square(-2.0, 53.0, 0.5)),
        ),
        Area::new(
            "B",
            "B",
            None,
            point(53.0, 0.0),
            Some(square(0.0, 53.0, 0.5)),
        ),
    ];
    assert_eq!(locate_area(&areas, point(53.2, -1.8)), Some(0));
    assert_eq!(locate_area(&areas, point(53.2, 0.1)), Some(1));
    // Between the squares, nearer B's centroid.
    assert_eq!(locate_area(&areas, point(53.0, -0.7)), Some(1));
    let plans = std::iter::repeat_n(point(53.1, -2.1), 6).chain([point(53.0, 0.2)]);
    let demand = plan_demand(areas.len(), plans, |p| locate_area(&areas, p));
    assert_eq!(demand, vec![Demand::Count(6), Demand::Suppressed]);
}

#[test]
fn holes_are_outside() {
    let ring = |h: f64| vec![[-h, -h], [h, -h], [h, h], [-h, h], [-h, -h]];
    let g = Geometry::MultiPolygon {
        coordinates: vec![vec![ring(1.0), ring(0.5)]],
    };
    assert!(g.contains(point(0.8, 0.0)));
    assert!(!g.contains(point(0.1, 0.1)));
    assert!(!g.contains(point(2.0, 0.0)));
}

#[test]
fn reports_render_as_csv_geojson_parts_and_svg() {
    let areas = vec![
        Area::new(
            "E1",
            "Town, \"North\"",
            Some("North West".into()),
            point(53.0, -2.0),
            Some(square(-2.0, 53.0, 0.2)),
        ),
        Area::new("E2", "City", None, point(52.0, -1.0), None),
    ];
    let report = GapReport::build(
        NeedSet::language(Language::Yue),
        10.0,
        AreaKind::LocalAuthority,
        DemandBasis::Census,
        vec![],
        areas,
        &[Demand::Count(3000), Demand::Count(0)],
        &[Supply::default(), Supply::default()],
        &[],
    );
    assert_eq!(report.rows[0].severity, Severity::NoneInReach);
    assert_eq!(report.rows[1].severity, Severity::NoDemand);
    let csv = report.to_csv();
    assert!(csv.starts_with("# need: language:yue (speaks Cantonese), within 10 km"));
    assert!(csv.contains("\n# demand_figure: Demand is Census 2021 TS024"));
    assert!(csv.contains("\ncode,name,region,authority,demand,"));
    assert!(csv.contains("E1,\"Town, \"\"North\"\"\",North West,,3000,,0,0,,0,0,,,none_in_reach"));
    let fc = report.feature_collection();
    assert_eq!(fc.features.len(), 2);
    assert!(matches!(fc.features[1].geometry, Geometry::Point { .. }));
    let svg = report.to_svg("Cantonese & more");
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("Cantonese &amp; more"));
    assert!(svg.contains("#b2182b"));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(report.largest_gaps(5).len(), 1);
}

#[test]
fn the_csv_neutralises_area_names_a_spreadsheet_would_run() {
    // Authority names and regions come from imported files: a name written to look like a
    // formula reaches the commissioner's spreadsheet as text.
    let areas = vec![Area::new(
        "E1",
        "=HYPERLINK(\"http://evil.example\",\"Leicester\")",
        Some("@SUM(A1)".into()),
        point(53.0, -2.0),
        None,
    )];
    let report = GapReport::build(
        NeedSet::language(Language::Yue),
        10.0,
        AreaKind::LocalAuthority,
        DemandBasis::Census,
        vec![],
        areas,
        &[Demand::Count(3000)],
        &[Supply::default()],
        &[],
    );
    let csv = report.to_csv();
    let row = csv.lines().nth(3).expect("a row");
    assert!(
        row.starts_with(
            "E1,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Leicester\"\")\",\"'@SUM(A1)\",,3000,"
        ),
        "{row}"
    );
    // Coordinates are numbers we wrote: a negative longitude stays a number.
    assert!(row.ends_with(",53,-2"), "{row}");
}

#[test]
fn largest_remainder_keeps_the_total_exactly() {
    assert_eq!(spread(10, &[1, 1, 1]), vec![4, 3, 3]);
    assert_eq!(spread(0, &[5, 7]), vec![0, 0]);
    assert_eq!(spread(7, &[0, 0]), vec![4, 3], "no weights: even");
    assert_eq!(spread(5, &[]), Vec::<u64>::new());
    for total in [1u64, 2_061, 32_772, 7_374, 1_000_003] {
        let weights = [313, 1, 0, 97, 2_000, 45, 45];
        let parts = spread(total, &weights);
        assert_eq!(parts.iter().sum::<u64>(), total);
        let sum: u64 = weights.iter().sum();
        for (p, w) in parts.iter().zip(weights) {
            let exact = total as f64 * w as f64 / sum as f64;
            assert!((*p as f64 - exact).abs() < 1.0, "{p} vs {exact}");
        }
    }
}

#[test]
fn sectors_go_to_the_boundary_containing_them_or_a_nearby_one() {
    let areas = vec![
        Area::new(
            "E1",
            "Coast",
            None,
            point(51.0, -3.0),
            Some(square(-2.0, 51.0, 0.1)),
        ),
        Area::new("E2", "No boundary", None, point(53.0, -1.0), None),
    ];
    let sector = |lat: f64, lon: f64| Sector {
        code: "X1 1".into(),
        centroid: point(lat, lon),
        n_postcodes: 1,
    };
    let got = assign_sectors(
        &areas,
        &[
            sector(51.0, -2.0),  // inside
            sector(51.0, -1.87), // 2 km beyond the east edge: the coast cut it off
            sector(51.0, -1.7),  // 14 km beyond: another nation
            sector(53.05, -1.0), // 6 km from a boundary-less authority's centroid
            sector(54.0, -1.0),  // far from everything
        ],
    );
    assert_eq!(got, vec![Some(0), Some(0), None, Some(1), None]);
}

#[test]
fn severity_follows_the_share_of_people_in_reach() {
    let t = Thresholds::CENSUS;
    let band = |demand: u64, in_reach: u64, suppliers: u32| {
        t.severity_in_reach(Demand::Count(demand), in_reach, suppliers)
    };
    assert_eq!(
        band(1000, 0, 3),
        Severity::NoneInReach,
        "suppliers reach only empty sectors"
    );
    assert_eq!(band(1000, 1000, 2), Severity::Adequate);
    assert_eq!(band(1000, 900, 2), Severity::Adequate, "90% in reach");
    assert_eq!(band(1000, 600, 2), Severity::Moderate, "60% in reach");
    assert_eq!(band(1000, 400, 2), Severity::Severe, "40% in reach");
    assert_eq!(band(10_000, 10_000, 2), Severity::Severe, "ratio");
    assert_eq!(band(0, 0, 0), Severity::NoDemand);
    assert_eq!(
        t.severity_in_reach(Demand::Unknown, 0, 1),
        Severity::DemandUnknown
    );
    let p = Thresholds::PLANS;
    assert_eq!(
        p.severity_in_reach(Demand::Suppressed, 0, 1),
        Severity::NoneInReach
    );
    assert_eq!(
        p.severity_in_reach(Demand::Suppressed, 2, 1),
        Severity::Moderate
    );
}

#[test]
fn the_demand_figure_names_the_census_category_and_what_it_leaves_out() {
    let figure = |need: &str| {
        NeedSet::parse(need)
            .expect("need")
            .demand_figure(DemandBasis::Census)
    };
    // Cantonese speakers are the figure for both the language and the cuisine.
    let yue = figure("language:yue,cuisine:cantonese");
    assert_eq!(yue.combined, "single");
    assert_eq!(yue.figures.len(), 1);
    assert_eq!(yue.figures[0].table, "TS024");
    assert_eq!(
        yue.figures[0].categories,
        vec!["East Asian language: Cantonese Chinese"]
    );
    assert_eq!(
        yue.figures[0].covers,
        vec!["language:yue", "cuisine:cantonese"]
    );
    assert!(!yue.figures[0].exact, "the cuisine's figure is a proxy");
    assert!(yue.not_covered.is_empty());

    let som = figure("language:som,gender:female,service:personal_care");
    assert_eq!(som.figures[0].categories, vec!["African language: Somali"]);
    assert!(som.figures[0].exact);
    assert_eq!(som.not_covered[0].term, "gender:female");
    assert!(
        som.not_covered[0]
            .reason
            .contains("no census figure by sex")
    );
    assert!(
        som.summary
            .contains("No census figure for gender:female, service:personal_care")
    );

    let halal = figure("diet:halal,language:ben");
    assert_eq!(halal.combined, "smallest_per_area");
    let tables: Vec<&str> = halal.figures.iter().map(|f| f.table.as_str()).collect();
    assert_eq!(tables, vec!["TS030", "TS024"]);
    assert!(
        halal
            .summary
            .starts_with("Demand in each area is the smallest of")
    );

    let plans = NeedSet::parse("language:yue")
        .expect("need")
        .demand_figure(DemandBasis::Plans);
    assert_eq!(plans.source, "plans");
    assert!(plans.figures.is_empty());
}

#[test]
fn gender_terms_parse_once() {
    let need = NeedSet::parse("language:som,gender:female").expect("need");
    assert_eq!(need.expression(), "language:som,gender:female");
    assert_eq!(need.label(), "speaks Somali and is female");
    let error = NeedSet::parse("gender:female,gender:male").expect_err("two genders");
    assert_eq!(error.term, "gender:male");
    assert!(NeedSet::parse("gender:robot").is_err());
}
