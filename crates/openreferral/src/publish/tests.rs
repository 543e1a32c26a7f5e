use carematch_domain::provenance::{derived_uuid, vocabulary_uuid};
use carematch_domain::{AgencyContact, AgencyId, Provider};
use chrono::NaiveDate;
use serde_json::json;
use uuid::Uuid;

use super::*;

fn provider() -> Provider {
    serde_json::from_value(json!({
        "id": 7, "agency_id": 3, "version": 2,
        "created_at": "2026-10-01T09:00:00Z", "updated_at": "2026-11-02T10:00:00Z",
        "location": {"lat": 52.63, "lon": -1.13},
        "name": "Wah Sum Luncheon Club", "kind": "luncheon_club", "description": "Lunches",
        "staff_languages": ["yue", "eng"], "cuisines": ["cantonese"], "dietary_laws": ["halal"],
        "services": ["luncheon_club"], "postcode": "LE2 0TA",
        "service_area": {"type": "radius", "km": 8.0},
        "accepting_new_clients": true, "accepting_confirmed_on": "2026-01-01",
        "checks": [{"kind": "cqc_registered", "expires_on": "2027-06-30", "reference": "1-123"},
                   {"kind": "public_liability_insurance", "expires_on": "2027-06-30", "reference": "PLI/9"}],
        "contact": {"phone": "0116 496 0999", "email": "hi@wahsum.example"},
        "self_referral": true, "hourly_rate": 2250,
        "opening_hours": [{"day": "wed", "start": "11:30", "end": "14:00"}],
        "last_confirmed_on": "2026-11-02", "external_ref": "ORG-7"
    }))
    .expect("a valid provider")
}

fn agency() -> AgencyContact {
    AgencyContact {
        id: AgencyId(3),
        name: "Fernhollow Support".to_owned(),
        phone: None,
        email: None,
        website: None,
        office_hours: vec![],
    }
}

fn listing<'a>(p: &'a Provider, agency: Option<&'a AgencyContact>) -> Listing<'a> {
    Listing {
        provider: p,
        uuid: Uuid::from_u128(0xfeed),
        agency,
        today: NaiveDate::from_ymd_opt(2026, 12, 1).expect("a date"),
    }
}

#[test]
fn ids_come_from_the_provider_uuid() {
    let p = provider();
    let a = agency();
    let l = listing(&p, Some(&a));
    let s = l.service();
    assert_eq!(s.id, l.uuid);
    assert_eq!(
        s.organization_id,
        Some(derived_uuid(l.uuid, "organization"))
    );
    let sal = &s.service_at_locations[0];
    assert_eq!(sal.id, derived_uuid(l.uuid, "service_at_location"));
    assert_eq!(sal.location_id, Some(derived_uuid(l.uuid, "location")));
    assert_eq!(l.service(), s, "publishing is deterministic");
}

#[test]
fn vocabulary_becomes_attributes_languages_and_schedules() {
    let p = provider();
    let s = listing(&p, None).service();
    let terms: Vec<Uuid> = s
        .attributes
        .iter()
        .filter_map(|a| a.taxonomy_term_id)
        .collect();
    assert!(terms.contains(&vocabulary_uuid("language:yue")));
    assert!(terms.contains(&vocabulary_uuid("diet:halal")));
    assert!(terms.contains(&vocabulary_uuid("provider_kind:luncheon_club")));
    let codes: Vec<_> = s
        .languages
        .iter()
        .filter_map(|l| l.code.as_deref())
        .collect();
    assert_eq!(codes, ["yue", "eng"]);
    assert_eq!(s.schedules.len(), 1);
    assert_eq!(s.schedules[0].byday.as_deref(), Some("WE"));
    assert_eq!(s.schedules[0].opens_at.as_deref(), Some("11:30:00"));
    assert_eq!(s.cost_options[0].amount, Some(22.5));
}

#[test]
fn internal_fields_and_other_checks_are_never_published() {
    let p = provider();
    let a = agency();
    let text = serde_json::to_string(&listing(&p, Some(&a)).service()).expect("json");
    assert!(!text.contains("ORG-7"), "external_ref is internal");
    assert!(!text.contains("PLI/9"), "certificate numbers are internal");
    assert!(text.contains("1-123"), "the CQC id is public");
    assert!(text.contains("Fernhollow Support"), "the agency is named");
}

#[test]
fn a_lapsed_flag_raises_an_alert_and_list_forms_have_no_arrays() {
    let p = provider();
    let l = listing(&p, None);
    let summary = serde_json::to_value(l.service_summary()).expect("json");
    assert_eq!(summary["alert"], "Not taking new clients at present");
    assert!(summary.get("attributes").is_none() && summary.get("schedules").is_none());
    assert!(
        summary["organization"]
            .get("organization_identifiers")
            .is_none()
    );
    let sal = serde_json::to_value(l.service_at_location_summary()).expect("json");
    assert!(sal["location"].get("addresses").is_none());
    assert_eq!(sal["service"]["id"], json!(l.uuid));
}
