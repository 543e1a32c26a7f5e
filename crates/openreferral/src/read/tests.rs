use carematch_domain::provenance::vocabulary_uuid;
use carematch_domain::vocabulary::{DietaryLaw, Service};
use serde_json::{Value, json};

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).expect("a date")
}

fn term(key: &str, name: &str) -> Value {
    json!({
        "id": "7a0d5a7e-1111-4f00-8000-000000000001",
        "taxonomy_term": {"id": vocabulary_uuid(key), "name": name, "description": name}
    })
}

fn service() -> Value {
    json!({
        "id": "ac148810-d857-441c-9679-408f346de14b",
        "name": "Wah Sum Luncheon Club",
        "description": "Cantonese lunches on Tuesdays",
        "status": "active",
        "url": "https://wahsum.example.org",
        "email": "hello@wahsum.example.org",
        "last_modified": "2026-11-30T10:30:45.123Z",
        "languages": [
            {"id": "2989d3ed-c547-48f8-8f9d-432d81c7892e", "code": "yue"},
            {"id": "2989d3ed-c547-48f8-8f9d-432d81c7892f", "code": "en"},
            {"id": "2989d3ed-c547-48f8-8f9d-432d81c78930", "name": "German"}
        ],
        "schedules": [{
            "id": "48102e86-bb50-41c4-8f1e-e269368c41d1",
            "freq": "WEEKLY", "byday": "TU,TH", "opens_at": "11:10:00", "closes_at": "14:00:00"
        }],
        "service_at_locations": [{
            "id": "e94c9f38-1e8f-4564-91d4-d53501ab1765",
            "location": {
                "id": "3a19ff88-4620-4d17-9830-ac1d859eb5d5",
                "location_type": "physical",
                "latitude": 52.6369, "longitude": -1.1398,
                "addresses": [{
                    "id": "74706e55-df26-4b84-80fe-ecc30b5befb4",
                    "address_1": "1 Belgrave Gate", "city": "Leicester",
                    "state_province": "Leicestershire", "postal_code": "le1 3gq",
                    "country": "GB", "address_type": "physical"
                }]
            }
        }],
        "attributes": [
            term("service:luncheon_club", "Luncheon club"),
            term("diet:halal", "Halal"),
            term("provider_kind:luncheon_club", "Luncheon club"),
            {"id": "ae58cc39-8b70-4ab1-8aea-786882e5ac8e", "taxonomy_term": {
                "id": "3f7b145d-84af-42d7-8fae-eaca714b02b2", "name": "Older people",
                "description": "a council's own category"}}
        ]
    })
}

fn read(value: &Value) -> Result<Outcome, Vec<Problem>> {
    read_service(value, today(), &Vocabulary::new())
}

fn read_ok(value: &Value) -> ReadService {
    match read(value) {
        Ok(Outcome::Read(service)) => *service,
        other => panic!("expected a provider, got {other:?}"),
    }
}

fn problems(value: &Value) -> Vec<(ProblemKind, String)> {
    match read(value) {
        Err(problems) => problems.into_iter().map(|p| (p.kind, p.field)).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn a_full_record_maps_field_by_field() {
    let read = read_ok(&service());
    let d = &read.details;
    assert_eq!(read.source_id, "ac148810-d857-441c-9679-408f346de14b");
    assert_eq!(d.name, "Wah Sum Luncheon Club");
    assert_eq!(d.kind, ProviderKind::LuncheonClub);
    assert_eq!(d.staff_languages, vec![Language::Yue, Language::Eng]);
    assert_eq!(d.services, vec![Service::LuncheonClub]);
    assert_eq!(d.dietary_laws, vec![DietaryLaw::Halal]);
    assert!(d.cuisines.is_empty() && d.faith_practices.is_empty());
    assert_eq!(d.postcode.as_str(), "LE1 3GQ");
    assert_eq!(read.location, GeoPoint::new(52.6369, -1.1398).ok());
    assert_eq!(d.contact.email.as_deref(), Some("hello@wahsum.example.org"));
    assert_eq!(
        d.contact.website.as_deref(),
        Some("https://wahsum.example.org")
    );
    assert_eq!(
        d.last_confirmed_on,
        NaiveDate::from_ymd_opt(2026, 11, 30).expect("date")
    );
    assert!(d.accepting_new_clients);
    assert!(!d.self_referral);
    assert_eq!(d.delivery_modes, vec![DeliveryMode::InPerson]);
    // 11:10 opens at 11:15 (rounded inwards); Tuesday and Thursday.
    let hours: Vec<String> = d
        .opening_hours
        .iter()
        .map(|s| format!("{:?} {}-{}", s.day, s.start, s.end))
        .collect();
    assert_eq!(hours, ["Tue 11:15-14:00", "Thu 11:15-14:00"]);
    assert_eq!(
        read.notes,
        ["language German is not in carematch's vocabulary: left out"]
    );
}

#[test]
fn no_language_means_english_and_says_so() {
    let mut record = service();
    record["languages"] = json!([]);
    let read = read_ok(&record);
    assert_eq!(read.details.staff_languages, vec![Language::Eng]);
    assert!(read.notes.iter().any(|n| n.contains("English assumed")));
}

#[test]
fn schema_breaks_are_reported_with_their_path() {
    let mut record = service();
    record.as_object_mut().expect("object").remove("name");
    assert_eq!(problems(&record), [(ProblemKind::Schema, String::new())]);
    let mut record = service();
    record["service_at_locations"][0]["location"]["id"] = json!("not-a-uuid");
    assert_eq!(
        problems(&record),
        [(
            ProblemKind::Schema,
            "service_at_locations[0].location.id".into()
        )]
    );
    let mut record = service();
    record["status"] = json!("open");
    assert_eq!(problems(&record), [(ProblemKind::Schema, "status".into())]);
    let mut record = service();
    record["last_modified"] = json!("yesterday");
    assert_eq!(
        problems(&record),
        [(ProblemKind::Schema, "last_modified".into())]
    );
    let mut record = service();
    record["email"] = json!("not an address");
    assert_eq!(problems(&record), [(ProblemKind::Schema, "email".into())]);
}

#[test]
fn what_carematch_cannot_take_is_reported_field_by_field() {
    let mut record = service();
    let location = &mut record["service_at_locations"][0]["location"];
    location["latitude"] = json!(100);
    location["longitude"] = json!(101);
    location["addresses"][0]["postal_code"] = json!("ABC 1234");
    record["attributes"] = json!([{
        "id": "ae58cc39-8b70-4ab1-8aea-786882e5ac8e",
        "taxonomy_term_id": "3f7b145d-84af-42d7-8fae-eaca714b02b2",
        "taxonomy_term": {
            "id": "3f7b145d-84af-42d7-8fae-eaca714b02b2", "name": "x", "description": "x",
            "taxonomy_id": vocabulary_uuid("taxonomy:cuisine"), "code": "martian"
        }
    }]);
    let found = problems(&record);
    assert_eq!(
        found,
        [
            (
                ProblemKind::Unmappable,
                "attributes[0].taxonomy_term".into()
            ),
            (
                ProblemKind::Unmappable,
                "service_at_locations[0].location.addresses[0].postal_code".into()
            ),
            (
                ProblemKind::Unmappable,
                "service_at_locations[0].location.latitude".into()
            ),
            (ProblemKind::Unmappable, "attributes".into()),
        ]
    );
}

#[test]
fn a_field_missing_from_a_nested_object_names_its_path() {
    let mut record = service();
    record["service_at_locations"][0]["location"]["addresses"][0]
        .as_object_mut()
        .expect("object")
        .remove("postal_code");
    match read(&record) {
        Err(problems) => {
            assert_eq!(
                problems[0].field,
                "service_at_locations[0].location.addresses[0]"
            );
            assert!(problems[0].reason.contains("postal_code"), "{problems:?}");
        }
        other => panic!("expected a problem, got {other:?}"),
    }
}

#[test]
fn withdrawn_and_closed_services() {
    let mut record = service();
    record["status"] = json!("defunct");
    assert_eq!(
        read(&record),
        Ok(Outcome::Withdrawn {
            source_id: "ac148810-d857-441c-9679-408f346de14b".into(),
            status: ServiceStatus::Defunct
        })
    );
    record["status"] = json!("temporarily closed");
    assert!(!read_ok(&record).details.accepting_new_clients);
}

#[test]
fn times_round_inwards_to_quarter_hours() {
    assert_eq!(quarters("09:00", true), Some(36));
    assert_eq!(quarters("09:01:00", true), Some(37));
    assert_eq!(quarters("17:14:59", false), Some(68));
    assert_eq!(quarters("24:00:00", false), Some(96));
    assert_eq!(quarters("25:00", false), None);
    assert_eq!(quarters("nine", true), None);
}
