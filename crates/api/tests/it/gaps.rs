//! `GET /v1/gaps` over the hand-written open-data fixtures (`fixtures/open-data/`): roles, the
//! GeoJSON and CSV answers, bad parameters, an area without supply and one supplier clearing it.

use awc::http::StatusCode;
use carematch_domain::{AgencyId, CarerDetails, GeoPoint, Role};
use carematch_matching::gaps::Sector;
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

/// `GET /v1/gaps?{query}` as CSV.
async fn gaps_csv(
    app: &TestApp,
    query: &str,
    key: &str,
) -> (StatusCode, awc::http::header::HeaderMap, String) {
    app.request(
        "GET",
        &format!("/v1/gaps?{query}"),
        Some(key),
        &[("Accept", "text/csv")],
        Vec::new(),
    )
    .await
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

    let (status, headers, csv) = gaps_csv(&app, "need=language:yue&max_km=10", &key).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/csv"))
    );
    assert!(csv.starts_with("# need: language:yue (speaks Cantonese), within 10 km"));
    assert!(csv.contains("\ncode,name,region,authority,demand,demand_share,demand_in_reach,"));
    assert!(csv.contains("E06000063,Cumberland,North West,,103,,0,0,0,0,0,"));

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

fn sector(code: &str, lat: f64, lon: f64, n: u64) -> Sector {
    Sector {
        code: code.into(),
        centroid: GeoPoint::new(lat, lon).expect("point"),
        n_postcodes: n,
    }
}

/// Hand-written sectors inside the fixture boxes of Manchester, Tower Hamlets and Birmingham.
fn fixture_sectors() -> Vec<Sector> {
    vec![
        sector("B1 1", 52.48, -1.90, 211),
        sector("B1 2", 52.47, -1.89, 97),
        sector("B1 3", 52.45, -1.85, 13),
        sector("E1 6", 51.52, -0.07, 150),
        sector("E14 2", 51.505, -0.02, 149),
        sector("M13 0", 53.46, -2.23, 310),
        sector("M14 5", 53.45, -2.22, 255),
        sector("M8 8", 53.51, -2.24, 17),
    ]
}

fn features_of<'a>(body: &'a Value, authority: &str) -> Vec<&'a Value> {
    body["features"]
        .as_array()
        .expect("features")
        .iter()
        .filter(|f| f["properties"]["authority"] == authority)
        .collect()
}

#[actix_web::test]
async fn census_facts_hold_when_demand_is_spread_over_sectors() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    let key = make_key(&store, Role::Commissioner, None);
    import_open_data(&store);
    store.import_sectors(&fixture_sectors()).expect("sectors");
    for (need, gss, published) in [
        ("language:yue", "E08000003", 2_061u64),
        ("language:ben", "E09000030", 32_772),
        ("language:som", "E08000025", 7_374),
    ] {
        let (status, body) = gaps(&app, &format!("need={need}"), Some(&key)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let row = &feature(&body, gss)["properties"];
        assert_eq!(row["demand"], published, "{need} in {gss}");
        assert_eq!(row["sectors"], if gss == "E09000030" { 2 } else { 3 });
        assert_eq!(row["demand_in_reach"], 0);
        assert_eq!(row["share_in_reach"], 0.0);
        assert_eq!(row["severity"], "none_in_reach");

        let (status, body) = gaps(&app, &format!("need={need}&by=sector"), Some(&key)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["carematch"]["by"], "sector");
        let sectors = features_of(&body, gss);
        let sum: u64 = sectors
            .iter()
            .map(|f| f["properties"]["demand"].as_u64().expect("demand"))
            .sum();
        assert_eq!(sum, published, "the sectors add up to the published figure");
        assert!(sectors.iter().all(|f| f["geometry"]["type"] == "Point"));
        let shares: f64 = sectors
            .iter()
            .map(|f| f["properties"]["demand_share"].as_f64().expect("share"))
            .sum();
        assert!((shares - 1.0).abs() < 1e-3, "{shares}");
    }
    // Authorities without sectors (Cumberland here) still get a point: their centroid.
    let (_, body) = gaps(&app, "need=language:yue&by=sector", Some(&key)).await;
    assert_eq!(features_of(&body, "E06000063").len(), 1);
    assert_eq!(
        feature(&body, "E06000063")["properties"]["authority"],
        "E06000063"
    );
    let (status, headers, csv) = gaps_csv(&app, "need=language:yue&by=sector", &key).await;
    assert_eq!(status, StatusCode::OK, "{headers:?}");
    assert!(
        csv.contains("\nM13 0,Manchester,North West,E08000003,"),
        "{csv}"
    );
}

#[actix_web::test]
async fn combined_needs_say_which_census_figure_the_demand_is() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    let key = make_key(&store, Role::Commissioner, None);
    import_open_data(&store);
    let (status, body) = gaps(
        &app,
        "need=language:som,gender:female,service:personal_care",
        Some(&key),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(feature(&body, "E08000025")["properties"]["demand"], 7_374);
    let figure = &body["carematch"]["demand_figure"];
    assert_eq!(
        figure["figures"][0]["categories"][0],
        "African language: Somali"
    );
    assert_eq!(figure["not_covered"][0]["term"], "gender:female");
    assert!(
        figure["summary"]
            .as_str()
            .expect("summary")
            .contains("No census figure for gender:female")
    );
    let (_, body) = gaps(&app, "need=language:yue,cuisine:cantonese", Some(&key)).await;
    assert_eq!(feature(&body, "E08000003")["properties"]["demand"], 2_061);
    assert_eq!(
        body["carematch"]["demand_figure"]["figures"][0]["covers"],
        json!(["language:yue", "cuisine:cantonese"])
    );
    // Halal and Bengali: the smaller of Muslims and Bengali speakers in each authority.
    let (_, body) = gaps(&app, "need=diet:halal,language:ben", Some(&key)).await;
    assert_eq!(
        body["carematch"]["demand_figure"]["combined"],
        "smallest_per_area"
    );
    assert_eq!(feature(&body, "E09000030")["properties"]["demand"], 32_772);
    let (status, body) = gaps(&app, "need=gender:female,gender:male", Some(&key)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

/// Bristol as mySociety lists it (centroid in the Severn estuary) and its ONS ultra-generalised
/// boundary, and its Census 2021 religion row (Muslim: 31,776).
const BRISTOL_ROW: &str = r#"BST,Bristol City Council,City of Bristol,E06000023,2005-06-18,,,England,South West,UA,Unitary authority,,WECA,"City of Bristol",,,True,BST,E0102,,bristol,110.0,465866.0,346534.052994608,172922.21528706604,51.45274453311869,-2.770838705597792,unitary,True,UTA,00-HB,801,local-authority-eng:BST,3,,,"#;
const BRISTOL_BOUNDARY: &str = "[[-2.68461, 51.48049], [-2.70882, 51.4978], [-2.71822, 51.50824], [-2.70775, 51.51678], [-2.67381, 51.54443], [-2.65254, 51.5131], [-2.58099, 51.51741], [-2.58815, 51.50123], [-2.55185, 51.49225], [-2.51587, 51.49387], [-2.51225, 51.46233], [-2.52177, 51.4501], [-2.53935, 51.44579], [-2.51046, 51.42878], [-2.52629, 51.43478], [-2.53601, 51.41114], [-2.56087, 51.41172], [-2.57075, 51.39937], [-2.59013, 51.39755], [-2.63329, 51.40348], [-2.62952, 51.43737], [-2.64008, 51.44046], [-2.62592, 51.44921], [-2.63404, 51.46649], [-2.66147, 51.48638], [-2.68461, 51.48049]]";
const BRISTOL_TS030: &str = "date,geography,geography code,Religion: Total: All usual residents,Religion: No religion,Religion: Christian,Religion: Buddhist,Religion: Hindu,Religion: Jewish,Religion: Muslim,Religion: Sikh,Religion: Other religion,Religion: Not answered\n2021,\"Bristol, City of\",E06000023,472465,242864,152126,2710,3545,1228,31776,2247,3546,32423\n";

fn import_bristol(store: &Store) {
    let fixtures = carematch_testkit::fixtures_dir().join("open-data");
    let mut list = std::fs::read_to_string(fixtures.join("local_authorities.csv")).expect("csv");
    list.push_str(BRISTOL_ROW);
    list.push('\n');
    let authorities =
        carematch_store::authorities::read_authorities_csv(list.as_bytes()).expect("authorities");
    store.import_authorities(&authorities).expect("import");
    let boundary = format!(
        r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"LAD23CD":"E06000023","LAD23NM":"Bristol, City of"}},"geometry":{{"type":"Polygon","coordinates":[{BRISTOL_BOUNDARY}]}}}}]}}"#
    );
    let boundaries = carematch_store::authorities::read_boundaries_geojson(boundary.as_bytes())
        .expect("geojson");
    store.import_boundaries(&boundaries).expect("boundaries");
    let census = carematch_store::census::read_census_csv(BRISTOL_TS030.as_bytes()).expect("ts030");
    store.import_census(&census).expect("census");
}

#[actix_web::test]
async fn bristol_halal_within_5_km_is_measured_where_people_live() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    let key = make_key(&store, Role::Commissioner, None);
    carematch_testkit::seed_demo_fixtures(&store);
    import_bristol(&store);
    app.engine().catch_up().expect("catch up");

    let (status, body) = gaps(&app, "need=diet:halal&max_km=5", Some(&key)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let bristol = &feature(&body, "E06000023")["properties"];
    assert_eq!(bristol["demand"], 31_776);
    assert_ne!(bristol["severity"], "none_in_reach", "{bristol}");
    assert!(
        bristol["sectors"].as_u64().expect("sectors") > 5,
        "{bristol}"
    );
    assert!(bristol["carers"].as_u64().expect("carers") > 0, "{bristol}");
    assert!(
        bristol["share_in_reach"].as_f64().expect("share") > 0.5,
        "{bristol}"
    );
    assert_eq!(bristol["nearest_km"], 1.0);

    // The old method, one point per authority: the estuary centroid has nobody within 5 km.
    store.import_sectors(&[]).expect("no sectors");
    let (_, body) = gaps(&app, "need=diet:halal&max_km=5", Some(&key)).await;
    let bristol = &feature(&body, "E06000023")["properties"];
    assert_eq!(bristol["severity"], "none_in_reach", "{bristol}");
    assert_eq!(bristol["sectors"], 0);
}
