//! The CQC register import: the mapping, monthly re-imports through `sync_source` (update,
//! retire, leave hand-made records alone, idempotent), all-or-nothing rejection, the scope
//! filter and the ODS path with title rows above the header.

use std::io::Cursor;

use carematch_domain::vocabulary::{CheckKind, Experience, Language, ProviderKind, Service};
use carematch_domain::{Caller, ProviderDetails, SourceKind};
use carematch_service::ServiceError;
use carematch_service::cqc::{CqcLayout, NATIONAL_FEED, SkipReason, read_cqc};
use carematch_service::sources::SyncAction;
use chrono::NaiveDate;

use crate::support::{POSTCODE, World, provider};

fn as_of(month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, 1).expect("date")
}

/// A location as CQC's columns say it; `with` sets any other column.
#[derive(Clone)]
struct Loc(Vec<(&'static str, String)>);

impl Loc {
    fn home_care(id: &str, name: &str, postcode: &str) -> Self {
        Loc(vec![
            ("Location ID", id.into()),
            ("Location Name", name.into()),
            ("Location Postal Code", postcode.into()),
            ("Dormant (Y/N)", "N".into()),
            (
                "Location Inspection Directorate",
                "Adult social care".into(),
            ),
            ("Service type - Domiciliary care service", "Y".into()),
            ("Provider Name", format!("{name} Ltd")),
            ("Location Local Authority", "Manchester".into()),
        ])
    }

    fn with(mut self, column: &'static str, value: &str) -> Self {
        self.0.retain(|(c, _)| *c != column);
        self.0.push((column, value.into()));
        self
    }
}

/// The columns, in an order of CQC's own, with one it has that the importer does not use.
const COLUMNS: &[&str] = &[
    "Location ID",
    "Location HSCA start date",
    "Dormant (Y/N)",
    "Care home?",
    "Location Name",
    "Location Telephone Number",
    "Location Web Address",
    "Location Inspection Directorate",
    "Location Local Authority",
    "Location Postal Code",
    "Location Latitude",
    "Location Longitude",
    "Provider Name",
    "Service type - Community based services for people with a learning disability",
    "Service type - Domiciliary care service",
    "Service type - Shared Lives",
    "Service user band - Dementia",
    "Service user band - Older People",
    "Service user band - Sensory Impairment",
];

fn table(columns: &[&str], locations: &[Loc]) -> Vec<Vec<String>> {
    let mut rows = vec![
        vec!["Care Quality Commission".to_owned()],
        vec!["HSCA Active Locations".to_owned()],
        vec![],
        columns.iter().map(|c| (*c).to_owned()).collect(),
    ];
    for loc in locations {
        rows.push(
            columns
                .iter()
                .map(|c| {
                    loc.0
                        .iter()
                        .find(|(k, _)| k == c)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                })
                .collect(),
        );
    }
    rows
}

/// The sheet as CSV, title rows first (the header is on line 4).
fn csv(locations: &[Loc]) -> Vec<u8> {
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in table(COLUMNS, locations) {
        out.write_record(if row.is_empty() {
            vec![String::new()]
        } else {
            row
        })
        .expect("row");
    }
    out.into_inner().expect("csv")
}

/// The sheet as ODS, its columns in reverse order.
fn ods(locations: &[Loc]) -> Vec<u8> {
    let reversed: Vec<&str> = COLUMNS.iter().rev().copied().collect();
    carematch_generate::cqc::write_ods(
        Cursor::new(Vec::new()),
        "HSCA_Active_Locations",
        &[],
        table(&reversed, locations),
    )
    .expect("ods")
    .into_inner()
}

fn imported(world: &World) -> Vec<(String, ProviderDetails)> {
    let mut held: Vec<(String, ProviderDetails)> = world
        .db
        .store
        .providers_from_feed(SourceKind::Cqc, NATIONAL_FEED)
        .expect("feed")
        .into_iter()
        .map(|(p, origin)| (origin.provenance.expect("provenance").source_id, p.details))
        .collect();
    held.sort_by(|a, b| a.0.cmp(&b.0));
    held
}

#[test]
fn a_location_maps_to_a_registered_home_care_provider() {
    let loc = Loc::home_care("1-101", "Ashgrove Home Care", "M13 0EG")
        .with(
            "Service type - Community based services for people with a learning disability",
            "Y",
        )
        .with("Service user band - Dementia", "Y")
        .with("Service user band - Older People", "Y")
        .with("Service user band - Sensory Impairment", "Y")
        .with("Location Telephone Number", "1614960123")
        .with("Location Web Address", "www.ashgrove.example.org")
        .with("Location Latitude", "53.46")
        .with("Location Longitude", "-2.22");
    let file = read_cqc(&csv(&[loc]), as_of(10)).expect("read");
    assert_eq!(file.layout, CqcLayout::Hsca);
    assert_eq!(file.rows, 1);
    let record = &file.records[0];
    assert_eq!(record.line, 5, "the header is on line 4");
    assert_eq!(record.source_id, "1-101");
    let d = &record.details;
    assert_eq!(d.kind, ProviderKind::HomeCareAgency);
    assert_eq!(d.services, vec![Service::PersonalCare]);
    assert_eq!(
        d.experience,
        vec![
            Experience::Dementia,
            Experience::VisualImpairment,
            Experience::HearingImpairment,
            Experience::LearningDisability,
        ]
    );
    assert_eq!(d.staff_languages, vec![Language::Eng]);
    assert!(d.communities.is_empty() && d.cuisines.is_empty() && d.faith_practices.is_empty());
    let check = &d.checks[0];
    assert_eq!(check.kind, CheckKind::CqcRegistered);
    assert_eq!(check.reference.as_deref(), Some("1-101"));
    let lapses = NaiveDate::from_ymd_opt(2026, 12, 3).expect("date");
    assert!(check.valid_on(as_of(10)) && check.valid_on(as_of(12)));
    assert!(
        !check.valid_on(lapses),
        "lapses 62 days after the file's date"
    );
    assert_eq!(d.contact.phone.as_deref(), Some("01614960123"));
    assert_eq!(
        d.contact.website.as_deref(),
        Some("http://www.ashgrove.example.org")
    );
    assert!(
        d.description.contains("Ashgrove Home Care Ltd"),
        "{}",
        d.description
    );
    let point = record.location.expect("the file's coordinates");
    assert!((point.lat - 53.46).abs() < 1e-9 && (point.lon + 2.22).abs() < 1e-9);
    d.validate().expect("valid");

    let shared = Loc::home_care("1-102", "Shared Lives North", "M13 0EG")
        .with("Service type - Domiciliary care service", "")
        .with("Service type - Shared Lives", "Y");
    let file = read_cqc(&csv(&[shared]), as_of(10)).expect("read");
    assert_eq!(file.records[0].details.kind, ProviderKind::SharedLives);
}

#[test]
fn the_ods_with_title_rows_reads_like_its_csv_export() {
    let locations = vec![
        Loc::home_care("1-201", "Beechwood Care", "M13 0EG")
            .with("Service user band - Dementia", "Y"),
        Loc::home_care("1-202", "Cedar Care", "M1 1AQ")
            .with("Location Latitude", "53.48318")
            .with("Location Longitude", "-2.23047"),
        Loc::home_care("1-203", "Elm House", "M1 1JS")
            .with("Service type - Domiciliary care service", "")
            .with("Care home?", "Y"),
    ];
    let from_ods = read_cqc(&ods(&locations), as_of(10)).expect("ods");
    let from_csv = read_cqc(&csv(&locations), as_of(10)).expect("csv");
    assert_eq!(from_ods.rows, 3);
    assert_eq!(from_ods.records.len(), 2);
    assert_eq!(from_ods.records, from_csv.records);
    assert_eq!(from_ods.skipped, from_csv.skipped);
    assert_eq!(from_ods.skipped[0].location_id, "1-203");
    assert_eq!(from_ods.skipped[0].reason, SkipReason::CareHome);
}

#[test]
fn monthly_reimports_update_retire_and_leave_hand_made_records_alone() {
    let world = World::new();
    let hand_made = world
        .service
        .create_provider(
            Caller::Agency(world.agencies[0]),
            &provider("Wah Sum Luncheon Club"),
        )
        .expect("hand-made provider");
    let a = Loc::home_care("1-301", "Ashgrove Home Care", POSTCODE);
    let b = Loc::home_care("1-302", "Beechwood Care", "M1 1AQ");
    let c =
        Loc::home_care("1-303", "Cedar Care", "M1 1JS").with("Service user band - Dementia", "Y");
    let month1 = world
        .service
        .import_cqc(&csv(&[a.clone(), b, c.clone()]), as_of(10))
        .expect("month 1");
    assert_eq!((month1.sync.created, month1.in_scope), (3, 3));
    assert_eq!(imported(&world).len(), 3);

    let a2 = a.with("Location Name", "Ashgrove Home Care (Manchester)");
    let d = Loc::home_care("1-304", "Damson Care", "M1 1LN");
    let month2_file = csv(&[a2, c, d]);
    let month2 = world
        .service
        .import_cqc(&month2_file, as_of(10))
        .expect("month 2");
    let action = |id: &str| {
        month2
            .sync
            .records
            .iter()
            .find(|r| r.source_id == id)
            .map(|r| r.action)
    };
    assert_eq!(action("1-301"), Some(SyncAction::Updated));
    assert_eq!(action("1-302"), Some(SyncAction::Retired));
    assert_eq!(action("1-303"), Some(SyncAction::Unchanged));
    assert_eq!(action("1-304"), Some(SyncAction::Created));
    let held = imported(&world);
    let ids: Vec<&str> = held.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["1-301", "1-303", "1-304"]);
    assert_eq!(held[0].1.name, "Ashgrove Home Care (Manchester)");

    let again = world
        .service
        .import_cqc(&month2_file, as_of(10))
        .expect("again");
    assert_eq!(
        (
            again.sync.created,
            again.sync.updated,
            again.sync.unchanged,
            again.sync.retired
        ),
        (0, 0, 3, 0)
    );
    let untouched = world.service.provider(hand_made.id).expect("still there");
    assert_eq!(
        untouched, hand_made,
        "a record made by hand is never touched"
    );
}

#[test]
fn a_file_with_bad_rows_is_rejected_whole_and_nothing_is_written() {
    let world = World::new();
    let rows = vec![
        Loc::home_care("1-401", "Good Care", POSTCODE),
        Loc::home_care("", "No Id Care", POSTCODE),
        Loc::home_care("1-403", "Bad Postcode Care", "NOT A CODE"),
        Loc::home_care("1-404", "Nowhere Care", "ZE3 9XX"),
        Loc::home_care("1-405", "Odd Flag Care", POSTCODE)
            .with("Service user band - Dementia", "maybe"),
        Loc::home_care("1-406", "", POSTCODE),
        Loc::home_care("1-407", "Half Point Care", POSTCODE)
            .with("Location Latitude", "north")
            .with("Location Longitude", "-2.2"),
        Loc::home_care("1-408", "Dormant Unsure", POSTCODE).with("Dormant (Y/N)", ""),
    ];
    let Err(ServiceError::ImportRejected(errors)) =
        world.service.import_cqc(&csv(&rows), as_of(10))
    else {
        panic!("rejected");
    };
    let found: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.column.as_str())).collect();
    assert_eq!(
        found,
        [
            (6, "Location ID"),
            (7, "Location Postal Code"),
            (9, "Service user band - Dementia"),
            (10, "Location Name"),
            (11, "Location Latitude"),
            (12, "Dormant (Y/N)"),
        ],
        "{errors:?}"
    );
    assert!(imported(&world).is_empty(), "nothing is written");

    // Every row well formed, one postcode not in the gazetteer: rejected at the sync, still whole.
    let rows = vec![
        Loc::home_care("1-401", "Good Care", POSTCODE),
        Loc::home_care("1-404", "Nowhere Care", "ZE3 9XX"),
    ];
    let Err(ServiceError::ImportRejected(errors)) =
        world.service.import_cqc(&csv(&rows), as_of(10))
    else {
        panic!("rejected");
    };
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].line, errors[0].column.as_str()), (6, "postcode"));
    assert!(imported(&world).is_empty(), "nothing is written");
}

#[test]
fn rows_outside_scope_are_reported_not_errors() {
    let world = World::new();
    let rows = vec![
        Loc::home_care("1-501", "Sleeping Care", POSTCODE).with("Dormant (Y/N)", "Y"),
        Loc::home_care("RXH09", "City Hospital", POSTCODE)
            .with("Location Inspection Directorate", "Hospitals"),
        Loc::home_care("1-503", "Elm House", POSTCODE)
            .with("Service type - Domiciliary care service", "")
            .with("Care home?", "Y"),
        Loc::home_care("1-504", "Office Only", POSTCODE)
            .with("Service type - Domiciliary care service", ""),
    ];
    let report = world
        .service
        .import_cqc(&csv(&rows), as_of(10))
        .expect("import");
    let reasons: Vec<(&str, SkipReason)> = report
        .skipped
        .iter()
        .map(|s| (s.location_id.as_str(), s.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            ("1-501", SkipReason::Dormant),
            ("RXH09", SkipReason::OtherDirectorate),
            ("1-503", SkipReason::CareHome),
            ("1-504", SkipReason::NoHomeOrCommunityService),
        ]
    );
    assert_eq!((report.rows, report.in_scope), (4, 0));
    assert!(
        !report.written,
        "an empty snapshot would retire the whole feed"
    );
    assert!(imported(&world).is_empty());
}
