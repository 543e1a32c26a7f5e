use std::cell::Cell;
use std::path::Path;

use carematch_domain::Postcode;
use carematch_store::gazetteer::{GazetteerFormat, GazetteerReader};
use carematch_store::{GazetteerError, Precision};

use carematch_testkit::TestDb;

const NSPL: &str = "\
pcd,pcd2,pcds,dointr,doterm,oseast1m,osnrth1m,lat,long,lsoa21
LE1 5WW,LE1  5WW,LE1 5WW,199801,,458868,304339,52.634000,-1.130000,E01013701
LE1 5XX,LE1  5XX,LE1 5XX,199801,,458868,304339,52.636000,-1.134000,E01013701
LE1 6AA,LE1  6AA,LE1 6AA,199801,200412,458868,304339,52.640000,-1.140000,E01013701
LE1 7ZZ,LE1  7ZZ,LE1 7ZZ,199801,,,,99.999999,0.000000,
LE2 0TA,LE2  0TA,LE2 0TA,199801,,458868,304339,52.620000,-1.120000,E01013701
";

const PLAIN: &str = "\
Postcode,lat,long
le1 5ww,52.63400,-1.13000
LE15XX,52.63600,-1.13400
LE1 7ZZ,,0.00000
LE2 0TA,52.62000,-1.12000
";

fn read_all(text: &str) -> (Vec<carematch_store::PostcodeRow>, u64, GazetteerFormat) {
    let mut reader = GazetteerReader::new(text.as_bytes()).expect("header");
    let format = reader.format();
    let rows = reader
        .by_ref()
        .collect::<Result<Vec<_>, _>>()
        .expect("rows");
    (rows, reader.skipped(), format)
}

#[test]
fn both_csv_forms_parse_and_skip_rows_without_coordinates() {
    let (nspl, nspl_skipped, format) = read_all(NSPL);
    assert_eq!(format, GazetteerFormat::Nspl);
    assert_eq!(nspl_skipped, 1);
    assert_eq!(
        nspl.iter().map(|r| r.postcode.as_str()).collect::<Vec<_>>(),
        ["LE1 5WW", "LE1 5XX", "LE1 6AA", "LE2 0TA"]
    );
    assert_eq!(
        nspl.iter().map(|r| r.terminated).collect::<Vec<_>>(),
        [false, false, true, false]
    );
    assert_eq!((nspl[0].point.lat, nspl[0].point.lon), (52.634, -1.13));

    let (plain, plain_skipped, format) = read_all(PLAIN);
    assert_eq!(format, GazetteerFormat::Plain);
    assert_eq!(plain_skipped, 1);
    assert_eq!(
        plain
            .iter()
            .map(|r| r.postcode.as_str())
            .collect::<Vec<_>>(),
        ["LE1 5WW", "LE1 5XX", "LE2 0TA"]
    );
    assert!(plain.iter().all(|r| !r.terminated));
}

#[test]
fn nonstandard_postcodes_are_counted_and_bad_coordinates_are_errors_with_a_line() {
    // `NPT 0AD` is a real pre-1984 Newport postcode that the national file still lists.
    let text =
        "Postcode,lat,long\nLE1 5WW,52.6,-1.1\nNPT 0AD,51.58,-2.99\nNOT A POSTCODE,52.6,-1.1\n";
    let mut reader = GazetteerReader::new(text.as_bytes()).expect("header");
    let rows: Vec<_> = reader
        .by_ref()
        .collect::<Result<_, _>>()
        .expect("no errors");
    assert_eq!(rows.len(), 1);
    assert_eq!(reader.nonstandard(), 2);
    let bad_number = "Postcode,lat,long\nLE1 5WW,north,-1.1\n";
    let result = GazetteerReader::new(bad_number.as_bytes())
        .expect("header")
        .next()
        .expect("a row");
    assert!(
        matches!(result, Err(GazetteerError::Coordinates { line: 2, .. })),
        "{result:?}"
    );
    assert!(matches!(
        GazetteerReader::new("name,x,y\n".as_bytes()),
        Err(GazetteerError::UnknownFormat { .. })
    ));
}

#[test]
fn real_sample_parses_when_present() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/postcodes/full/LE.csv");
    if !path.is_file() {
        eprintln!("skipping: {} not found", path.display());
        return;
    }
    let mut reader = GazetteerReader::open(&path).expect("open");
    let mut count = 0u64;
    for row in reader.by_ref() {
        let row = row.expect("every LE postcode parses");
        assert_eq!(row.postcode.area(), "LE");
        count += 1;
    }
    assert!(count > 10_000, "{count}");
}

#[test]
fn import_then_locate_falls_back_postcode_sector_district() {
    let db = TestDb::new();
    let mut reader = GazetteerReader::new(NSPL.as_bytes()).expect("header");
    let progress = Cell::new(0);
    let summary = db
        .store
        .import_postcodes(&mut reader, &|done| progress.set(done))
        .expect("import");
    assert_eq!(reader.skipped(), 1);
    assert_eq!(summary.postcodes, 4);
    assert_eq!(progress.get(), 4);
    assert_eq!(summary.sectors, 3); // LE1 5, LE1 6, LE2 0
    assert_eq!(summary.districts, 2); // LE1, LE2

    let locate = |text: &str| {
        db.store
            .locate(&Postcode::parse(text).expect("postcode"))
            .expect("locate")
    };
    let exact = locate("le15ww").expect("known");
    assert_eq!(exact.precision, Precision::Postcode);
    assert_eq!((exact.point.lat, exact.point.lon), (52.634, -1.13));

    let terminated = locate("LE1 6AA").expect("terminated postcodes still locate");
    assert_eq!(terminated.precision, Precision::Postcode);

    let sector = locate("LE1 5ZZ").expect("same sector");
    assert_eq!(sector.precision, Precision::Sector);
    assert!((sector.point.lat - 52.635).abs() < 1e-9);
    assert!((sector.point.lon - -1.132).abs() < 1e-9);

    let district = locate("LE1 9AB").expect("same district");
    assert_eq!(district.precision, Precision::District);
    assert!((district.point.lat - (52.634 + 52.636 + 52.640) / 3.0).abs() < 1e-9);

    assert_eq!(locate("M1 1AE"), None);

    // re-importing updates in place (upsert) and moves the centroids
    let moved = "Postcode,lat,long\nLE1 5WW,52.700,-1.200\n";
    let summary = db
        .store
        .import_postcodes(
            GazetteerReader::new(moved.as_bytes()).expect("header"),
            &|_| {},
        )
        .expect("re-import");
    assert_eq!(summary.postcodes, 1);
    assert_eq!(summary.sectors, 3);
    let exact = locate("LE1 5WW").expect("known");
    assert_eq!((exact.point.lat, exact.point.lon), (52.7, -1.2));
    let sector = locate("LE1 5ZZ").expect("sector");
    assert!((sector.point.lat - (52.7 + 52.636) / 2.0).abs() < 1e-9);
}

#[test]
fn an_import_error_names_the_line() {
    let db = TestDb::new();
    let text = "Postcode,lat,long\nLE1 5WW,52.6,-1.1\nLE1 5XX,north,-1.1\n";
    let err = db
        .store
        .import_postcodes(
            GazetteerReader::new(text.as_bytes()).expect("header"),
            &|_| {},
        )
        .expect_err("bad row");
    assert!(err.to_string().contains("line 3"), "{err}");
}
