//! `GET /v1/search` over the demo fixtures: multilingual text, filters, facets, radius, privacy.

use awc::http::StatusCode;
use carematch_domain::{CarerId, Role};
use serde_json::Value;

use crate::matches::{make_key, seeded_app};
use carematch_testkit::TestApp;

fn items(body: &Value) -> &Vec<Value> {
    body["items"].as_array().expect("items")
}

fn facet_sum(body: &Value, facet: &str) -> u64 {
    body["facets"][facet]
        .as_array()
        .expect("facet")
        .iter()
        .map(|f| f["count"].as_u64().expect("count"))
        .sum()
}

fn facet(body: &Value, facet: &str, code: &str) -> u64 {
    body["facets"][facet]
        .as_array()
        .expect("facet")
        .iter()
        .find(|f| f["code"] == code)
        .map_or(0, |f| f["count"].as_u64().expect("count"))
}

fn speaks(item: &Value, code: &str) -> bool {
    item["languages"]
        .as_array()
        .expect("languages")
        .iter()
        .any(|l| l == code)
}

#[actix_web::test]
async fn finds_cantonese_speakers_in_english_and_in_chinese() {
    let (app, _) = seeded_app().await;
    let (status, english) = app
        .get("/v1/search?q=Cantonese&kind=carer&per_page=50")
        .await;
    assert_eq!(status, StatusCode::OK, "{english}");
    let (status, chinese) = app
        .get("/v1/search?q=%E5%BB%A3%E6%9D%B1%E8%A9%B1&kind=carer&per_page=50")
        .await;
    assert_eq!(status, StatusCode::OK, "{chinese}");
    for body in [&english, &chinese] {
        assert!(body["total"].as_u64().expect("total") > 0, "{body}");
        assert!(
            items(body).iter().take(5).all(|item| speaks(item, "yue")),
            "{body}"
        );
        assert_eq!(
            facet(body, "kind", "carer"),
            body["total"].as_u64().expect("total")
        );
    }
    let (_, filtered) = app
        .get("/v1/search?language=yue&kind=carer&per_page=1")
        .await;
    assert_eq!(
        facet(&filtered, "language", "yue"),
        filtered["total"].as_u64().expect("total")
    );
}

#[actix_web::test]
async fn facets_add_up_and_pages_are_consistent() {
    let (app, _) = seeded_app().await;
    let (status, all) = app.get("/v1/search?per_page=100").await;
    assert_eq!(status, StatusCode::OK);
    let total = all["total"].as_u64().expect("total");
    assert!(total > 1000);
    assert_eq!(facet_sum(&all, "kind"), total);
    assert_eq!(items(&all).len(), 100);
    let (_, carers) = app.get("/v1/search?kind=carer&per_page=1").await;
    let (_, providers) = app.get("/v1/search?kind=provider&per_page=1").await;
    assert_eq!(
        carers["total"].as_u64().expect("carers") + providers["total"].as_u64().expect("providers"),
        total
    );
    assert_eq!(
        facet(&all, "kind", "carer"),
        carers["total"].as_u64().expect("carers")
    );
    // A filter's facet count is the total with that filter.
    let halal = facet(&all, "diet", "halal");
    let (_, only_halal) = app.get("/v1/search?diet=halal&per_page=1").await;
    assert_eq!(only_halal["total"].as_u64().expect("total"), halal);
    // Lists repeat or take commas.
    let (_, a) = app.get("/v1/search?language=urd,pan&per_page=1").await;
    let (_, b) = app
        .get("/v1/search?language=urd&language=pan&per_page=1")
        .await;
    assert_eq!(a["total"], b["total"]);
    let (_, page2) = app.get("/v1/search?per_page=100&page=2").await;
    assert_eq!(page2["page"], 2);
    assert_ne!(items(&page2)[0]["id"], items(&all)[0]["id"]);
}

#[actix_web::test]
async fn a_radius_keeps_nearby_results_and_counts_them() {
    let (app, _) = seeded_app().await;
    let (status, body) = app
        .get("/v1/search?postcode=M13%200EG&radius_km=5&per_page=100")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let total = body["total"].as_u64().expect("total");
    assert!(total > 0);
    assert_eq!(facet_sum(&body, "kind"), total);
    let mut previous = 0.0;
    for item in items(&body) {
        let d = item["distance_km"].as_f64().expect("distance");
        assert!(d <= 5.5, "{item}");
        if item["kind"] == "carer" {
            assert_eq!((d * 2.0).fract(), 0.0, "{item}");
        }
        assert!(d + 0.5 >= previous, "nearest first");
        previous = d;
    }
    let (status, text) = app
        .get("/v1/search?q=Cantonese&lat=53.4631&lon=-2.2306&radius_km=8")
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(
        items(&text)
            .iter()
            .all(|i| i["distance_km"].as_f64().expect("d") <= 8.5)
    );
    assert_eq!(
        facet_sum(&text, "kind"),
        text["total"].as_u64().expect("total")
    );
}

#[actix_web::test]
async fn anonymous_results_never_show_private_details() {
    let (app, _) = seeded_app().await;
    let store = app.engine().store().clone();
    let (_, body) = app.get("/v1/search?kind=carer&per_page=100").await;
    assert_eq!(items(&body).len(), 100);
    for item in items(&body) {
        let carer = store
            .get_carer(CarerId(item["id"].as_i64().expect("id")))
            .expect("get")
            .expect("carer");
        assert!(carer.details.public_listing_consent);
        // The name is the display name; nothing else holds the family name (which may also be
        // part of a given name, as "Kwok Wai Kwok" shows).
        assert_eq!(item["name"], carer.details.display_name().as_str());
        let mut rest = item.clone();
        rest["name"] = Value::Null;
        // The holding agency is named with its public contact: the agency's, never the PA's.
        assert_eq!(rest["agency"]["id"], carer.agency_id.0, "{rest}");
        if let Some(object) = rest.as_object_mut() {
            object.remove("agency");
        }
        let text = rest.to_string();
        assert!(!text.contains(&carer.details.family_name), "{text}");
        for private in [
            "\"contact\"",
            "\"lat\"",
            "\"lon\"",
            "location",
            "email",
            "phone",
            "\"gender\"",
            "\"faith\"",
        ] {
            assert!(!text.contains(private), "{private} in {text}");
        }
        if let Some(phone) = &carer.details.contact.phone {
            assert!(!text.contains(phone.as_str()));
        }
        assert_eq!(
            item["outward_postcode"],
            carer.details.postcode.outward().as_str()
        );
        assert_eq!(item["name"], carer.details.display_name());
    }
}

#[actix_web::test]
async fn agencies_also_see_their_own_unlisted_carers() {
    let (app, agencies) = seeded_app().await;
    let store = app.engine().store().clone();
    let carer = store
        .carers_after(None, 5000)
        .expect("scan")
        .into_iter()
        .find(|c| !c.details.public_listing_consent)
        .expect("an unlisted carer in the fixtures");
    let name = carer.details.given_name.clone();
    let own = make_key(&store, Role::Agency, Some(carer.agency_id));
    let other_agency = agencies
        .iter()
        .copied()
        .find(|a| *a != carer.agency_id)
        .expect("another agency");
    let other = make_key(&store, Role::Agency, Some(other_agency));
    let path = format!("/v1/search?q={name}&kind=carer&per_page=100");
    let found = |body: &Value| items(body).iter().any(|i| i["id"] == carer.id.0);
    let (_, public) = app.get(&path).await;
    assert!(!found(&public));
    let (_, _, text) = app.request("GET", &path, Some(&own), &[], "").await;
    let mine: Value = serde_json::from_str(&text).expect("json");
    assert!(found(&mine), "{mine}");
    let (_, _, text) = app.request("GET", &path, Some(&other), &[], "").await;
    let theirs: Value = serde_json::from_str(&text).expect("json");
    assert!(!found(&theirs));
}

#[actix_web::test]
async fn bad_parameters_are_422_naming_the_parameter() {
    let app = TestApp::spawn().await;
    for (query, field) in [
        ("language=xx", "language"),
        ("cuisine=pizza", "cuisine"),
        ("diet=paleo", "diet"),
        ("faith_practice=x", "faith_practice"),
        ("service=x", "service"),
        ("kind=robot", "kind"),
        ("per_page=101", "per_page"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("radius_km=5", "radius_km"),
        ("lat=52.6", "lon"),
        ("lat=95&lon=0", "lat"),
        ("postcode=NOT%20A%20POSTCODE", "postcode"),
        ("postcode=ZZ9%209ZZ", "postcode"),
        ("colour=red", "colour"),
    ] {
        let (status, body) = app.get(&format!("/v1/search?{query}")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {body}");
        assert_eq!(body["error"]["code"], "validation_failed");
        let fields: Vec<&str> = body["error"]["details"]
            .as_array()
            .expect("details")
            .iter()
            .filter_map(|d| d["field"].as_str())
            .collect();
        assert!(fields.contains(&field), "{query}: {body}");
    }
}

#[actix_web::test]
async fn a_write_is_searchable_after_catch_up() {
    let (app, agencies) = seeded_app().await;
    let store = app.engine().store().clone();
    let mut carer = store
        .carers_after(None, 1)
        .expect("scan")
        .pop()
        .expect("carer");
    carer.details.given_name = "Wenceslas".into();
    carer.details.external_ref = Some("SEARCH-1".into());
    carer.details.public_listing_consent = true;
    let new = store
        .insert_carer(
            agencies[2],
            &carer.details,
            carer.location,
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    app.engine().catch_up().expect("catch up");
    let (_, body) = app.get("/v1/search?q=Wenceslas").await;
    assert_eq!(body["total"], 1, "{body}");
    assert_eq!(items(&body)[0]["id"], new.id.0);
    store
        .delete_carer(new.id, &carematch_domain::Actor::system("test"))
        .expect("delete");
    app.engine().catch_up().expect("catch up");
    let (_, body) = app.get("/v1/search?q=Wenceslas").await;
    assert_eq!(body["total"], 0, "{body}");
}
