//! `GET /v1/gaps` over the hand-written open-data fixtures (`fixtures/open-data/`): roles, the
//! GeoJSON and CSV answers, bad parameters, an area without supply and one supplier clearing it.

use awc::http::StatusCode;
use carematch_domain::{AgencyId, CarerDetails, GeoPoint, Role};
use carematch_store::Store;
use serde_json::{Value, json};

use crate::matches::make_key;
use carematch_testkit::TestApp;

pub fn import_open_data(store: &Store) {
    carematch_testkit::import_open_data_fixtures(store);
}

pub fn cantonese_carer(store: &Store, agency: AgencyId, at: GeoPoint, radius_km: f64) {
    let details: CarerDetails = serde_json::from_value(json!({
        "given_name": "Mei", "family_name": "Lam", "gender": "female",
        "languages": [{"code": "yue", "proficiency": "native", "reads": true, "writes": true}],
        "cuisines": ["cantonese"], "dietary_laws": [], "faith_practices": [],
        "services": ["personal_care"], "experience": [], "checks": [], "availability": [],
        "hours_per_week": 10, "available_from": "2026-01-01", "postcode": "M13 0EG",
        "travel_radius_km": radius_km, "travel_mode": "car", "hourly_rate": 1500,
        "employment_status": "self_employed", "public_listing_consent": false,
        "last_confirmed_on": "2026-10-01", "bio": "", "contact": {}
    }))
    .expect("carer details");
    store
        .insert_carer(
            agency,
            &details,
            at,
            &carematch_domain::Actor::system("test"),
        )
        .expect("carer");
}

async fn gaps(app: &TestApp, query: &str, key: Option<&str>) -> (StatusCode, Value) {
    let (status, _, text) = app
        .request("GET", &format!("/v1/gaps?{query}"), key, &[], Vec::new())
        .await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn feature<'a>(body: &'a Value, code: &str) -> &'a Value {
    body["features"]
        .as_array()
        .expect("features")
        .iter()
        .find(|f| f["id"] == code)
        .unwrap_or_else(|| panic!("no feature {code}"))
}

#[actix_web::test]
async fn only_commissioners_and_admins_map_gaps() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    let agency = store.create_agency("Agency").expect("agency").id;
    let agency_key = make_key(&store, Role::Agency, Some(agency));
    let commissioner = make_key(&store, Role::Commissioner, None);
    let admin = make_key(&store, Role::Admin, None);
    let (status, body) = gaps(&app, "need=language:yue", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let (status, body) = gaps(&app, "need=language:yue", Some(&agency_key)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["error"]["code"], "forbidden");
    // Nothing imported yet: 409 saying what to run.
    let (status, body) = gaps(&app, "need=language:yue", Some(&commissioner)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("message")
            .contains("import authorities")
    );
    import_open_data(&store);
    let (status, _) = gaps(&app, "need=language:yue", Some(&admin)).await;
    assert_eq!(status, StatusCode::OK);
}

#[actix_web::test]
async fn bad_parameters_are_422_naming_them() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    let key = make_key(&store, Role::Commissioner, None);
    import_open_data(&store);
    let (status, body) = gaps(&app, "need=language:xxx", Some(&key)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "need");
    assert!(
        body["error"]["details"][0]["reason"]
            .as_str()
            .expect("reason")
            .contains("language:xxx")
    );
    let (status, body) = gaps(&app, "max_km=5", Some(&key)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["details"][0]["field"], "need");
    let (status, body) = gaps(
        &app,
        "need=language:yue&max_km=0&by=ward&demand=guess",
        Some(&key),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = body["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .filter_map(|d| d["field"].as_str())
        .collect();
    assert_eq!(fields, ["max_km", "by", "demand"]);
}

#[actix_web::test]
async fn census_gaps_as_geojson_and_csv_and_one_supplier_clears_a_gap() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    let key = make_key(&store, Role::Commissioner, None);
    let agency = store.create_agency("Agency").expect("agency").id;
    import_open_data(&store);
    let manchester = GeoPoint::new(53.46, -2.23).expect("point");
    cantonese_carer(&store, agency, manchester, 10.0);
    app.engine().catch_up().expect("catch up");

    let (status, body) = gaps(&app, "need=language:yue&max_km=10", Some(&key)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["type"], "FeatureCollection");
    assert_eq!(body["carematch"]["need"], "language:yue");
    assert_eq!(body["features"].as_array().expect("features").len(), 6);
    let m = &feature(&body, "E08000003")["properties"];
    assert_eq!(m["demand"], 2061);
    assert_eq!(m["carers"], 1);
    assert_eq!(m["severity"], "severe");
    assert_eq!(feature(&body, "E08000003")["geometry"]["type"], "Polygon");
    let cumberland = &feature(&body, "E06000063");
    assert_eq!(cumberland["geometry"]["type"], "MultiPolygon");
    assert_eq!(
        cumberland["properties"]["demand"], 103,
        "three districts rolled up"
    );
    assert_eq!(cumberland["properties"]["severity"], "none_in_reach");
    // No carer identity or base leaks: counts only.
    let text = body.to_string();
    assert!(!text.contains("Mei") && !text.contains("M13 0EG"));

    let (status, headers, csv) = app
        .request(
            "GET",
            "/v1/gaps?need=language:yue&max_km=10",
            Some(&key),
            &[("Accept", "text/csv")],
            Vec::new(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/csv"))
    );
    assert!(csv.starts_with("code,name,region,demand,carers,providers"));
    assert!(csv.contains("E06000063,Cumberland,North West,103,0,0,"));

    cantonese_carer(
        &store,
        agency,
        GeoPoint::new(54.70, -3.15).expect("point"),
        15.0,
    );
    app.engine().catch_up().expect("catch up");
    let (_, body) = gaps(&app, "need=language:yue&max_km=10", Some(&key)).await;
    let cumberland = &feature(&body, "E06000063")["properties"];
    assert_eq!(cumberland["carers"], 1);
    assert_eq!(cumberland["severity"], "adequate");

    // Sylheti: the Bengali pool, with the caveat said.
    let (_, body) = gaps(&app, "need=language:syl", Some(&key)).await;
    assert_eq!(feature(&body, "E09000030")["properties"]["demand"], 32_772);
    assert!(
        body["carematch"]["caveats"][0]
            .as_str()
            .expect("caveat")
            .contains("Sylheti")
    );
    // Hakka: no census figure.
    let (_, body) = gaps(&app, "need=language:hak", Some(&key)).await;
    assert_eq!(
        feature(&body, "E08000003")["properties"]["demand"],
        Value::Null
    );

    let (status, body) = gaps(&app, "need=language:yue&by=hex", Some(&key)).await;
    assert_eq!(status, StatusCode::OK);
    let hexes = body["features"].as_array().expect("features");
    assert!(hexes.len() > 20, "{}", hexes.len());
    assert_eq!(hexes[0]["geometry"]["type"], "Polygon");
}
