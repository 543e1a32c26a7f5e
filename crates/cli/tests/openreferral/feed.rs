//! Open Referral UK services for the tests: a generated feed of any size (Leicester-area
//! postcodes and coordinates, carematch terms and ISO 639 language codes in rotation), and the
//! shared profile example made importable.

use carematch_domain::provenance::vocabulary_uuid;
use serde_json::{Value, json};
use uuid::Uuid;

const PLACES: &[(&str, f64, f64)] = &[
    ("LE1 3GQ", 52.6369, -1.1398),
    ("LE4 5PA", 52.6614, -1.1213),
    ("LE2 0AA", 52.6221, -1.1227),
    ("LE5 3BE", 52.6402, -1.0911),
    ("LE3 0QG", 52.6339, -1.1702),
];
const LANGUAGES: &[&str] = &["pa", "gu", "ur", "yue", "so", "pl", "bn", "eng"];
const SERVICES: &[&str] = &[
    "luncheon_club",
    "companionship",
    "personal_care",
    "day_activities",
    "befriending",
];
const DIETS: &[&str] = &["halal", "vegetarian", "kosher", "no_pork"];

fn id(kind: &str, i: usize) -> String {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, format!("test:{kind}:{i}").as_bytes()).to_string()
}

/// An attribute tagging a service with a carematch term.
pub fn term(key: &str) -> Value {
    json!({
        "id": Uuid::new_v4().to_string(),
        "taxonomy_term": {"id": vocabulary_uuid(key), "name": key, "description": key}
    })
}

/// The `i`-th generated service.
pub fn service(i: usize) -> Value {
    let (postcode, lat, lon) = PLACES[i % PLACES.len()];
    json!({
        "id": id("service", i),
        "name": format!("Community Service {i}"),
        "description": format!("Generated service number {i}"),
        "status": "active",
        "url": format!("https://service{i}.example.org"),
        "last_modified": "2026-11-01T09:00:00Z",
        "languages": [{"id": id("language", i), "code": LANGUAGES[i % LANGUAGES.len()]}],
        "schedules": [{"id": id("schedule", i), "freq": "WEEKLY", "byday": "MO,WE",
                       "opens_at": "09:00:00", "closes_at": "13:30:00"}],
        "service_at_locations": [{"id": id("sal", i), "location": {
            "id": id("location", i), "location_type": "physical",
            "latitude": lat + (i as f64) * 1e-5, "longitude": lon,
            "addresses": [{"id": id("address", i), "address_1": format!("{i} High Street"),
                           "city": "Leicester", "state_province": "Leicestershire",
                           "postal_code": postcode, "country": "GB", "address_type": "physical"}]
        }}],
        "attributes": [
            term(&format!("service:{}", SERVICES[i % SERVICES.len()])),
            term(&format!("diet:{}", DIETS[i % DIETS.len()])),
        ]
    })
}

/// `n` generated services.
pub fn generated(n: usize) -> Vec<Value> {
    (0..n).map(service).collect()
}

/// The profile's full service example, given what carematch needs that the example lacks or
/// has out of range (a UK postcode, coordinates in range, a carematch service term).
pub fn importable_example(example: &Value) -> Value {
    let mut service = example.clone();
    let location = &mut service["service_at_locations"][0]["location"];
    location["latitude"] = json!(52.6369);
    location["longitude"] = json!(-1.1398);
    location["addresses"][0]["postal_code"] = json!("LE1 3GQ");
    location["addresses"][0]["country"] = json!("GB");
    service["attributes"]
        .as_array_mut()
        .expect("the example has attributes")
        .push(term("service:companionship"));
    service
}
