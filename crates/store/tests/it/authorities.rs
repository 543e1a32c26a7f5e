//! Local authorities and boundaries: reading the public formats (hand-written fixtures in
//! `fixtures/open-data/`) and storing them.

use std::fs::File;
use std::path::PathBuf;

use carematch_domain::GeoPoint;
use carematch_matching::gaps::Geometry;
use carematch_store::authorities::{read_authorities_csv, read_boundaries_geojson};

use carematch_testkit::TestDb;

pub fn fixture(name: &str) -> File {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "../../fixtures/open-data", name]
        .iter()
        .collect();
    File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn authorities_import_with_successors_as_gss_codes() {
    let list = read_authorities_csv(fixture("local_authorities.csv")).expect("parse");
    // 11 rows with a GSS code (one without is skipped) plus Gateshead's former code.
    assert_eq!(list.len(), 12);
    let allerdale = list
        .iter()
        .find(|a| a.gss == "E07000026")
        .expect("Allerdale");
    assert_eq!(allerdale.replaced_by.as_deref(), Some("E06000063"));
    let cumbria = list.iter().find(|a| a.gss == "E10000006").expect("Cumbria");
    assert_eq!(cumbria.replaced_by.as_deref(), Some("E06000063,E06000064"));
    let old_gateshead = list.iter().find(|a| a.gss == "E08000020").expect("alias");
    assert_eq!(old_gateshead.replaced_by.as_deref(), Some("E08000037"));

    let db = TestDb::new();
    assert_eq!(db.store.import_authorities(&list).expect("import"), 12);
    // Importing again replaces, never duplicates.
    assert_eq!(db.store.import_authorities(&list).expect("again"), 12);
    let stored = db.store.authorities().expect("load");
    assert_eq!(stored.len(), 12);
    let manchester = stored.get("E08000003").expect("Manchester");
    assert_eq!(manchester.name, "Manchester");
    assert_eq!(manchester.region.as_deref(), Some("North West"));
    assert_eq!(manchester.population, Some(555_741));
    assert_eq!(
        manchester.centroid,
        Some(GeoPoint::new(53.451484, -2.232524).expect("point"))
    );
    let analysed: Vec<&str> = stored.analysed().iter().map(|a| a.gss.as_str()).collect();
    assert_eq!(
        analysed,
        [
            "E06000063",
            "E06000064",
            "E08000003",
            "E08000025",
            "E08000037",
            "E09000030"
        ]
    );
    assert_eq!(
        stored.roll_up("E07000029").map(|a| a.name.as_str()),
        Some("Cumberland")
    );
    assert!(stored.roll_up("E10000006").is_none(), "split county");
    assert!(
        stored.roll_up("W06000015").is_none(),
        "Wales is not analysed"
    );
}

#[test]
fn a_file_that_is_not_the_authority_list_names_the_missing_column() {
    let error = read_authorities_csv("Postcode,lat,long\nLE1 5WW,52,-1\n".as_bytes())
        .expect_err("wrong file");
    assert!(
        error.to_string().contains("local-authority-code"),
        "{error}"
    );
}

#[test]
fn boundaries_import_polygons_and_multipolygons() {
    let list = read_boundaries_geojson(fixture("lad_2023_buc.geojson")).expect("parse");
    assert_eq!(list.len(), 7);
    let cumberland = list
        .iter()
        .find(|b| b.gss == "E06000063")
        .expect("Cumberland");
    assert!(matches!(cumberland.geometry, Geometry::MultiPolygon { .. }));
    assert_eq!(cumberland.name, "Cumberland");
    let db = TestDb::new();
    assert_eq!(db.store.import_boundaries(&list).expect("import"), 7);
    let stored = db.store.boundaries().expect("load");
    assert_eq!(stored.len(), 7);
    let manchester = &stored["E08000003"];
    assert!(manchester.contains(GeoPoint::new(53.45, -2.23).expect("point")));
    assert!(!manchester.contains(GeoPoint::new(52.45, -2.23).expect("point")));
    assert!(read_boundaries_geojson(r#"{"type":"Feature"}"#.as_bytes()).is_err());
}
