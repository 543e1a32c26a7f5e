//! Census 2021 counts: reading Nomis bulk CSV, storing, and rolling merged districts up.

use carematch_domain::census::{BENGALI, CANTONESE, CensusTable, MUSLIM, SOMALI};
use carematch_domain::vocabulary::Language;
use carematch_matching::gaps::{Demand, NeedSet};
use carematch_store::authorities::read_authorities_csv;
use carematch_store::census::read_census_csv;

use crate::authorities::fixture;
use carematch_testkit::TestDb;

#[test]
fn ts024_and_ts030_are_recognised_and_stored() {
    let ts024 = read_census_csv(fixture("census2021-ts024-ltla.csv")).expect("TS024");
    assert_eq!(ts024.table, CensusTable::Ts024);
    assert_eq!(ts024.areas, 8);
    assert_eq!(ts024.records.len(), 8 * 8);
    let ts030 = read_census_csv(fixture("census2021-ts030-ltla.csv")).expect("TS030");
    assert_eq!(ts030.table, CensusTable::Ts030);
    assert_eq!(ts030.records.len(), 6 * 10);

    let db = TestDb::new();
    let authorities = read_authorities_csv(fixture("local_authorities.csv")).expect("list");
    db.store
        .import_authorities(&authorities)
        .expect("authorities");
    assert_eq!(db.store.import_census(&ts024).expect("import"), 64);
    assert_eq!(db.store.import_census(&ts030).expect("import"), 60);
    // A second import of the same table replaces it.
    assert_eq!(db.store.import_census(&ts024).expect("again"), 64);
    assert_eq!(db.store.census_rows(CensusTable::Ts024).expect("rows"), 64);

    let authorities = db.store.authorities().expect("load");
    let counts = db
        .store
        .census_counts(&authorities, &[CANTONESE, BENGALI, SOMALI, MUSLIM])
        .expect("counts");
    assert_eq!(counts.get("E08000003", &CANTONESE), Some(2061));
    assert_eq!(counts.get("E09000030", &BENGALI), Some(32_772));
    assert_eq!(counts.get("E08000025", &SOMALI), Some(7374));
    assert_eq!(counts.get("E09000030", &MUSLIM), Some(123_912));
    // Allerdale 24 + Carlisle 50 + Copeland 29 roll up into Cumberland.
    assert_eq!(counts.get("E06000063", &CANTONESE), Some(103));
    assert_eq!(counts.get("E07000026", &CANTONESE), None);
    // Wales is not analysed.
    assert_eq!(counts.get("W06000015", &CANTONESE), None);
    assert_eq!(
        counts.demand(&NeedSet::language(Language::Syl), "E09000030"),
        Demand::Count(32_772)
    );
}

#[test]
fn a_bad_count_names_its_line_and_column() {
    let text = "date,geography,geography code,Religion: Muslim\n2021,X,E08000003,12\n2021,Y,E08000004,many\n";
    let error = read_census_csv(text.as_bytes()).expect_err("bad count");
    let message = error.to_string();
    assert!(
        message.contains("line 3") && message.contains("Muslim"),
        "{message}"
    );
    assert!(read_census_csv("a,b\n1,2\n".as_bytes()).is_err());
}

/// TS021 (ethnic group), for the PA market report: recognised, stored, read back by the codes'
/// categories, former districts rolled up. Figures are the published ones.
#[test]
fn ts021_is_recognised_and_read_by_ethnic_group() {
    use carematch_domain::ethnicity::{ETHNICITY_TOTAL, ethnicity_categories, ethnicity_category};
    use carematch_domain::vocabulary::Ethnicity;
    let ts021 = read_census_csv(fixture("census2021-ts021-ltla.csv")).expect("TS021");
    assert_eq!(ts021.table, CensusTable::Ts021);
    assert_eq!(
        ts021.records.len(),
        6 * 25,
        "the total, 5 groups and 19 detailed"
    );
    let db = TestDb::new();
    let authorities = read_authorities_csv(fixture("local_authorities.csv")).expect("list");
    db.store
        .import_authorities(&authorities)
        .expect("authorities");
    assert_eq!(db.store.import_census(&ts021).expect("import"), 150);
    let authorities = db.store.authorities().expect("load");
    let counts = db
        .store
        .census_counts(&authorities, &ethnicity_categories())
        .expect("counts");
    let bangladeshi = ethnicity_category(Ethnicity::AsianBangladeshi).expect("category");
    assert_eq!(counts.get("E09000030", &bangladeshi), Some(107_333));
    assert_eq!(counts.get("E09000030", &ETHNICITY_TOTAL), Some(310_306));
    // Allerdale 43 + Carlisle 179 (Copeland is not in the fixture) in Cumberland.
    assert_eq!(counts.get("E06000063", &bangladeshi), Some(222));
    assert_eq!(
        counts.get("W06000015", &bangladeshi),
        None,
        "Wales is not analysed"
    );
}
