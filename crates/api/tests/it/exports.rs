//! `GET /v1/agencies/{id}/register.csv`: an agency's register back out in the import template.
//! Export then import (the same file through `POST /v1/imports/carers`, into a fresh database,
//! for a new agency) gives the same records; only the agency itself and admins may export.

use awc::http::StatusCode;
use carematch_domain::{AgencyId, CarerDetails, Postcode};
use carematch_store::{NewCarer, Store};
use carematch_testkit::records::{agency_register, changed_carer, full_carer};

use crate::carers::World;

/// Carers that exercise every column and every way a cell can be awkward: every field filled,
/// optional fields empty, a phone number and bio a spreadsheet would run as formulas, text that
/// begins with `'` (before a trigger and before a letter), commas, quotes and line breaks,
/// several scripts.
fn awkward_register() -> Vec<CarerDetails> {
    let mut full = full_carer();
    full.accepting_confirmed_on = Some(carematch_testkit::build::date(2026, 11, 20));
    full.faith_public_consent = true;
    full.lgbt_inclusive = true;
    full.accepting_new_clients = false;
    full.medical_diets = vec![carematch_domain::vocabulary::MedicalDiet::Diabetic];
    let mut empty = changed_carer();
    empty.postcode = Postcode::parse("B33 0AH").expect("postcode");
    let mut formulas = changed_carer();
    formulas.given_name = "'Tis".to_owned();
    formulas.family_name = "O'Brien, \"Jr\"".to_owned();
    formulas.external_ref = Some("PA-'=3".to_owned());
    formulas.contact.phone = Some("+44 116 496 0123".to_owned());
    formulas.contact.email = Some("o.brien@example.org".to_owned());
    formulas.bio = "@home; - cooks\n+ drives".to_owned();
    formulas.postcode = Postcode::parse("B1 1FZ").expect("postcode");
    let mut quoted = changed_carer();
    quoted.bio = "'=1+1 is what I write".to_owned();
    quoted.postcode = Postcode::parse("LE1 5WW").expect("postcode");
    quoted.external_ref = Some("PA-Q".to_owned());
    vec![full, empty, formulas, quoted]
}

/// Stores `carers` for `agency`, each located through the gazetteer as an import would.
fn store_register(store: &Store, agency: AgencyId, carers: &[CarerDetails]) {
    let rows: Vec<NewCarer> = carers
        .iter()
        .map(|details| NewCarer {
            agency_id: agency,
            details: details.clone(),
            location: store
                .locate(&details.postcode)
                .expect("locate")
                .expect("a known postcode")
                .point,
        })
        .collect();
    store
        .insert_carers(&rows, &|_| {}, &carematch_domain::Actor::system("test"))
        .expect("insert");
}

async fn export(w: &World, agency: AgencyId, key: Option<&str>) -> (StatusCode, String, String) {
    let (status, headers, text) = w
        .app
        .request(
            "GET",
            &format!("/v1/agencies/{agency}/register.csv"),
            key,
            &[],
            Vec::new(),
        )
        .await;
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, content_type, text)
}

#[actix_web::test]
async fn the_register_exported_then_imported_into_a_fresh_database_is_the_same() {
    let from = World::new().await;
    let register = awkward_register();
    store_register(&from.store, from.agency_a, &register);
    // Another agency's carer and a deleted one are not in the export.
    let mut others = changed_carer();
    others.postcode = Postcode::parse("B33 0NY").expect("postcode");
    store_register(&from.store, from.agency_b, &[others]);
    let mut gone = changed_carer();
    gone.given_name = "Deleted".to_owned();
    gone.postcode = Postcode::parse("B1 1QJ").expect("postcode");
    store_register(&from.store, from.agency_a, &[gone]);
    let deleted = agency_register(&from.store, from.agency_a)
        .into_iter()
        .find(|c| c.details.given_name == "Deleted")
        .expect("stored");
    from.store
        .delete_carer(deleted.id, &carematch_domain::Actor::system("test"))
        .expect("delete");

    let (status, content_type, csv) = export(&from, from.agency_a, Some(&from.key_a)).await;
    assert_eq!(status, StatusCode::OK, "{csv}");
    assert_eq!(content_type, "text/csv; charset=utf-8");
    assert!(csv.starts_with("\u{feff}external_ref,given_name,"), "{csv}");
    assert!(
        csv.contains(",\"'+44 116 496 0123\","),
        "a neutralised phone: {csv}"
    );
    assert!(csv.contains(",\"''=1+1 is what I write\","), "{csv}");
    assert!(!csv.contains("Deleted"), "{csv}");
    // The admin's export of the same agency is the same file.
    let (status, _, by_admin) = export(&from, from.agency_a, Some(&from.admin)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(by_admin, csv);

    let to = World::new().await;
    let (status, _, text) = to
        .app
        .request(
            "POST",
            "/v1/imports/carers",
            Some(&to.key_b),
            &[("Content-Type", "text/csv")],
            csv.into_bytes(),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let before = agency_register(&from.store, from.agency_a);
    let after = agency_register(&to.store, to.agency_b);
    assert_eq!(after.len(), register.len());
    for (old, new) in before.iter().zip(&after) {
        assert_eq!(new.details, old.details, "every field");
        assert_eq!(new.location, old.location);
        assert_eq!(new.agency_id, to.agency_b);
    }
    assert!(agency_register(&to.store, to.agency_a).is_empty());
}

#[actix_web::test]
async fn only_the_agency_itself_or_an_admin_exports_its_register() {
    let w = World::new().await;
    store_register(&w.store, w.agency_a, &awkward_register());
    let path_agency = w.agency_a;
    for (key, expected) in [
        (None, StatusCode::UNAUTHORIZED),
        (Some(w.key_b.as_str()), StatusCode::FORBIDDEN),
        (Some(w.commissioner.as_str()), StatusCode::FORBIDDEN),
    ] {
        let (status, content_type, text) = export(&w, path_agency, key).await;
        assert_eq!(status, expected, "{text}");
        assert!(
            content_type.starts_with("application/json"),
            "{content_type}"
        );
        assert!(!text.contains("Mei") && !text.contains("Lam"), "{text}");
    }
    // An agency naming another id, even one that does not exist, is refused the same way.
    let (status, _, _) = export(&w, AgencyId(9999), Some(&w.key_a)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, text) = export(&w, AgencyId(9999), Some(&w.admin)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{text}");
    let body: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(body["error"]["code"], "not_found");
    // An agency with no carers exports the header alone.
    let (status, _, text) = export(&w, w.agency_b, Some(&w.key_b)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(text.lines().count(), 1, "{text}");
}
