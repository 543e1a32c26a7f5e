//! Input the domain must refuse wherever it comes from (JSON bodies, CSV imports, web forms):
//! NUL characters in text, which PostgreSQL cannot store, and objects sent as arrays.

use carematch_domain::vocabulary::CheckKind;
use carematch_domain::{CarerDetails, Check, Contact, ProviderDetails, SupportPlan};
use serde_json::{Value, json};

use crate::support::{carer, date, leicester, provider};

fn fields(errors: &carematch_domain::ValidationErrors) -> Vec<&str> {
    errors.fields().collect()
}

/// A change to a carer's details.
type Edit = fn(&mut CarerDetails);

const NUL: &str = "Mei\0Lam";

#[test]
fn a_nul_in_any_text_field_of_a_carer_is_named() {
    let good = carer(1, leicester()).details;
    let cases: Vec<(&str, Edit)> = vec![
        ("given_name", |d| d.given_name = NUL.to_owned()),
        ("family_name", |d| d.family_name = NUL.to_owned()),
        ("bio", |d| d.bio = NUL.to_owned()),
        ("external_ref", |d| d.external_ref = Some(NUL.to_owned())),
        ("contact.email", |d| {
            d.contact.email = Some("mei\0@example.org".to_owned())
        }),
        ("contact.website", |d| {
            d.contact.website = Some("https://example.org/\0".to_owned())
        }),
        ("contact.phone", |d| {
            d.contact.phone = Some("0116 496\0 0123".to_owned())
        }),
        ("checks[0].reference", |d| {
            d.checks = vec![Check {
                kind: CheckKind::DbsEnhanced,
                expires_on: date(2030, 1, 1),
                reference: Some(NUL.to_owned()),
            }]
        }),
    ];
    for (field, set) in cases {
        let mut details = good.clone();
        set(&mut details);
        let errors = details.validate().expect_err(field);
        assert_eq!(fields(&errors), [field], "{errors}");
    }
}

#[test]
fn a_nul_in_a_provider_is_named() {
    let good = provider(1, leicester()).details;
    for field in ["name", "description", "external_ref", "contact.email"] {
        let mut details: ProviderDetails = good.clone();
        match field {
            "name" => details.name = "Wah\0Sum".to_owned(),
            "description" => details.description = "\0".to_owned(),
            "external_ref" => details.external_ref = Some("\0".to_owned()),
            _ => {
                details.contact = Contact {
                    email: Some("a\0@b.org".to_owned()),
                    ..Contact::default()
                }
            }
        }
        let errors = details.validate().expect_err(field);
        assert_eq!(fields(&errors), [field], "{errors}");
    }
}

#[test]
fn objects_sent_as_arrays_are_refused_at_every_depth() {
    let good = serde_json::to_value(carer(1, leicester()).details).expect("json");
    serde_json::from_value::<CarerDetails>(good.clone()).expect("the carer reads back");
    for (pointer, array) in [
        ("/languages/0", json!(["yue", "native"])),
        ("/checks", json!([["dbs_enhanced", "2030-01-01", null]])),
        ("/availability", json!([["mon", "09:00", "13:00", false]])),
        ("/contact", json!([null, null, null])),
    ] {
        let mut body = good.clone();
        *body.pointer_mut(pointer).expect(pointer) = array;
        let error = serde_json::from_value::<CarerDetails>(body).expect_err(pointer);
        assert!(
            error.to_string().contains("expected a JSON object"),
            "{pointer}: {error}"
        );
    }
    let fields: Vec<Value> = good
        .as_object()
        .expect("object")
        .values()
        .cloned()
        .collect();
    assert!(serde_json::from_value::<CarerDetails>(Value::Array(fields)).is_err());

    let plan = json!({"location": {"lat": 52.6, "lon": -1.1}, "max_distance_km": 5.0,
        "languages": [["yue", "fluent", "required"]]});
    assert!(serde_json::from_value::<SupportPlan>(plan).is_err());
    let plan = json!({"location": {"lat": 52.6, "lon": -1.1}, "max_distance_km": 5.0,
        "cuisines": [["cantonese", "preferred"]]});
    assert!(serde_json::from_value::<SupportPlan>(plan).is_err());

    let mut area = serde_json::to_value(provider(1, leicester()).details).expect("json");
    area["service_area"] = json!(["radius", 5.0]);
    assert!(serde_json::from_value::<ProviderDetails>(area).is_err());
}
