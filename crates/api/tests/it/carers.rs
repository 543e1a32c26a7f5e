//! `/v1/carers` over HTTP: roles, privacy of the public view, versions and validation. Also the
//! shared setup (`World`) of the record, auth, error and import suites.

use awc::http::StatusCode;
use carematch_domain::{AgencyId, Role};
use carematch_store::Store;
use carematch_store::gazetteer::GazetteerReader;
use carematch_testkit::TestDb;
use serde_json::{Value, json};

use carematch_testkit::TestApp;

/// A server over a database with the demo gazetteer, two agencies and a key for every role.
pub struct World {
    pub app: TestApp,
    pub store: Store,
    pub agency_a: AgencyId,
    pub agency_b: AgencyId,
    pub key_a: String,
    pub key_b: String,
    pub admin: String,
    pub commissioner: String,
}

pub fn make_key(store: &Store, role: Role, agency: Option<AgencyId>) -> (String, i64) {
    let (key, hash) = carematch_api::auth::generate_key().expect("random");
    let record = store
        .create_api_key(&hash, role, agency, "test")
        .expect("store key");
    (key, record.id)
}

impl World {
    pub async fn new() -> Self {
        let db = TestDb::new();
        let store = db.store.clone();
        let gazetteer = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/gazetteer.csv");
        let reader = GazetteerReader::open(std::path::Path::new(gazetteer)).expect("gazetteer");
        store
            .import_postcodes(reader, &|_| {})
            .expect("import postcodes");
        let agency_a = store.create_agency("Agency A").expect("agency").id;
        let agency_b = store.create_agency("Agency B").expect("agency").id;
        let (key_a, _) = make_key(&store, Role::Agency, Some(agency_a));
        let (key_b, _) = make_key(&store, Role::Agency, Some(agency_b));
        let (admin, _) = make_key(&store, Role::Admin, None);
        let (commissioner, _) = make_key(&store, Role::Commissioner, None);
        let app = TestApp::builder().db(db).without_indexes().spawn().await;
        app.state().mark_indexes_loaded();
        Self {
            app,
            store,
            agency_a,
            agency_b,
            key_a,
            key_b,
            admin,
            commissioner,
        }
    }

    /// A JSON request; the status, headers and body parsed as JSON (`Null` if not JSON).
    pub async fn json(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&Value>,
    ) -> (StatusCode, Value) {
        let (status, _, text) = self.send(method, path, key, &[], body).await;
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    pub async fn send(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<&Value>,
    ) -> (StatusCode, awc::http::header::HeaderMap, String) {
        let mut all = vec![("Content-Type", "application/json")];
        all.extend_from_slice(headers);
        let bytes = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
        let headers = if body.is_some() { &all[..] } else { headers };
        self.app.request(method, path, key, headers, bytes).await
    }

    /// Creates a carer for the agency of `key`; its id.
    pub async fn create(&self, key: &str, body: &Value) -> i64 {
        let (status, created) = self.json("POST", "/v1/carers", Some(key), Some(body)).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        created["id"].as_i64().expect("id")
    }
}

/// A valid carer body; `LE1 1LA` is in the demo gazetteer.
pub fn carer(external_ref: &str, consent: bool) -> Value {
    json!({
        "given_name": "Mei",
        "family_name": "Lamberton",
        "gender": "female",
        "languages": [{"code": "yue", "proficiency": "native"}, {"code": "eng", "proficiency": "fluent"}],
        "cuisines": ["cantonese"],
        "faith": "buddhist",
        "faith_practices": ["religious_festivals"],
        "services": ["personal_care", "meal_preparation"],
        "checks": [
            {"kind": "dbs_enhanced", "expires_on": "2099-03-31", "reference": "DBS-SECRET-123"},
            {"kind": "first_aid", "expires_on": "2001-01-01"}
        ],
        "availability": [{"day": "mon", "start": "09:00", "end": "13:00"}],
        "hours_per_week": 16,
        "available_from": "2026-12-01",
        "postcode": "LE1 1LA",
        "travel_radius_km": 8.0,
        "travel_mode": "public_transport",
        "hourly_rate": 1350,
        "employment_status": "self_employed",
        "public_listing_consent": consent,
        "last_confirmed_on": "2026-11-01",
        "bio": "I cook Cantonese home food.",
        "contact": {"phone": "0116 496 0123", "email": "mei.private@example.org"},
        "external_ref": external_ref
    })
}

#[actix_web::test]
async fn an_agency_creates_reads_updates_and_deletes_its_carer() {
    let w = World::new().await;
    let (status, headers, text) = w
        .send(
            "POST",
            "/v1/carers",
            Some(&w.key_a),
            &[],
            Some(&carer("PA-1", true)),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let created: Value = serde_json::from_str(&text).expect("json");
    let id = created["id"].as_i64().expect("id");
    assert_eq!(created["agency_id"], w.agency_a.0);
    assert_eq!(created["version"], 1);
    assert_eq!(created["family_name"], "Lamberton");
    assert_eq!(headers.get("etag").expect("etag"), "\"1\"");
    assert_eq!(
        headers.get("location").expect("location"),
        format!("/v1/carers/{id}").as_str()
    );

    let (status, full) = w
        .json("GET", &format!("/v1/carers/{id}"), Some(&w.key_a), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(full["contact"]["email"], "mei.private@example.org");
    assert_eq!(
        full["location"]["lat"].as_f64().map(|l| l > 52.0),
        Some(true)
    );

    let mut changed = carer("PA-1", true);
    changed["hours_per_week"] = json!(20);
    let (status, _, text) = w
        .send(
            "PUT",
            &format!("/v1/carers/{id}"),
            Some(&w.key_a),
            &[("If-Match", "\"1\"")],
            Some(&changed),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let updated: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(updated["version"], 2);
    assert_eq!(updated["hours_per_week"], 20);

    let (status, _) = w
        .json("DELETE", &format!("/v1/carers/{id}"), Some(&w.key_a), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = w
        .json("GET", &format!("/v1/carers/{id}"), Some(&w.key_a), None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["code"], "not_found");
}

#[actix_web::test]
async fn the_public_list_never_shows_private_fields_or_non_consenting_carers() {
    let w = World::new().await;
    let public = w.create(&w.key_a, &carer("PA-1", true)).await;
    let hidden = w.create(&w.key_a, &carer("PA-2", false)).await;

    let (status, _, text) = w.send("GET", "/v1/carers", None, &[], None).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    for secret in [
        "Lamberton",
        "LE1 1LA",
        "\"lat\"",
        "\"lon\"",
        "\"location\"",
        "0116 496 0123",
        "mei.private@example.org",
        "contact",
        "DBS-SECRET-123",
        "buddhist",
        "PA-1",
        "agency_id",
    ] {
        assert!(!text.contains(secret), "public list shows {secret}: {text}");
    }
    let body: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(body["total"], 1);
    assert_eq!(body["page"], 1);
    assert_eq!(body["per_page"], 20);
    let item = &body["items"][0];
    assert_eq!(item["id"], public);
    assert_eq!(item["display_name"], "Mei L.");
    assert_eq!(item["outward_code"], "LE1");
    assert_eq!(item["valid_checks"], json!(["dbs_enhanced"]));
    assert_eq!(item["faith_practices"], json!(["religious_festivals"]));

    // One record alone: the same rules.
    let (status, _, text) = w
        .send("GET", &format!("/v1/carers/{public}"), None, &[], None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!text.contains("Lamberton") && !text.contains("LE1 1LA") && !text.contains("\"lat\""));
    let (status, _) = w
        .json("GET", &format!("/v1/carers/{hidden}"), None, None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Another agency sees the public view of a consenting carer, nothing of the other.
    let (status, _, text) = w
        .send(
            "GET",
            &format!("/v1/carers/{public}"),
            Some(&w.key_b),
            &[],
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!text.contains("Lamberton"));
    let (status, _) = w
        .json("GET", &format!("/v1/carers/{hidden}"), Some(&w.key_b), None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn agencies_list_their_own_carers_in_full_and_admins_all() {
    let w = World::new().await;
    w.create(&w.key_a, &carer("A-1", false)).await;
    w.create(&w.key_a, &carer("A-2", true)).await;
    w.create(&w.key_b, &carer("B-1", true)).await;

    let (status, body) = w.json("GET", "/v1/carers", Some(&w.key_a), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], 2);
    for item in body["items"].as_array().expect("items") {
        assert_eq!(item["agency_id"], w.agency_a.0);
        assert_eq!(item["family_name"], "Lamberton");
        assert_eq!(item["contact"]["phone"], "0116 496 0123");
    }
    let (status, body) = w.json("GET", "/v1/carers", Some(&w.admin), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["total"], 3);
    let path = format!("/v1/carers?agency_id={}", w.agency_b.0);
    let (_, body) = w.json("GET", &path, Some(&w.admin), None).await;
    assert_eq!(body["total"], 1);
    let (status, _) = w.json("GET", &path, Some(&w.key_a), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn the_list_filters_and_pages() {
    let w = World::new().await;
    for i in 0..5 {
        w.create(&w.key_a, &carer(&format!("PA-{i}"), true)).await;
    }
    let mut other = carer("PA-X", true);
    other["languages"] = json!([{"code": "syl", "proficiency": "native"}]);
    other["services"] = json!(["shopping"]);
    w.create(&w.key_a, &other).await;

    let (_, body) = w.json("GET", "/v1/carers?language=syl", None, None).await;
    assert_eq!(body["total"], 1);
    let (_, body) = w
        .json("GET", "/v1/carers?service=personal_care", None, None)
        .await;
    assert_eq!(body["total"], 5);
    let (_, body) = w.json("GET", "/v1/carers?outward=le1", None, None).await;
    assert_eq!(body["total"], 6);
    let (_, body) = w.json("GET", "/v1/carers?outward=M1", None, None).await;
    assert_eq!(body["total"], 0);
    let (status, body) = w
        .json("GET", "/v1/carers?page=2&per_page=4", None, None)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(body["total"], 6);
    let (status, body) = w.json("GET", "/v1/carers?per_page=101", None, None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["details"][0]["field"], "per_page");
    let (status, body) = w
        .json("GET", "/v1/carers?language=klingon", None, None)
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "bad_request");
}

#[actix_web::test]
async fn a_stale_if_match_is_a_conflict() {
    let w = World::new().await;
    let id = w.create(&w.key_a, &carer("PA-1", true)).await;
    let path = format!("/v1/carers/{id}");
    let body = carer("PA-1", true);
    let (status, _, _) = w
        .send(
            "PUT",
            &path,
            Some(&w.key_a),
            &[("If-Match", "1")],
            Some(&body),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, text) = w
        .send(
            "PUT",
            &path,
            Some(&w.key_a),
            &[("If-Match", "\"1\"")],
            Some(&body),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{text}");
    assert!(text.contains("\"code\":\"conflict\""), "{text}");
    let (status, _, _) = w
        .send(
            "PUT",
            &path,
            Some(&w.key_a),
            &[("If-Match", "soon")],
            Some(&body),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[actix_web::test]
async fn a_duplicate_external_ref_is_a_conflict_within_one_agency_only() {
    let w = World::new().await;
    w.create(&w.key_a, &carer("PA-1", true)).await;
    let (status, body) = w
        .json(
            "POST",
            "/v1/carers",
            Some(&w.key_a),
            Some(&carer("PA-1", true)),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "conflict");
    w.create(&w.key_b, &carer("PA-1", true)).await;
}

#[actix_web::test]
async fn unknown_ids_are_404() {
    let w = World::new().await;
    for (method, body) in [
        ("GET", None),
        ("DELETE", None),
        ("PUT", Some(carer("X", true))),
    ] {
        let (status, reply) = w
            .json(method, "/v1/carers/999999", Some(&w.key_a), body.as_ref())
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method}");
        assert_eq!(reply["error"]["code"], "not_found");
    }
    let (status, reply) = w.json("GET", "/v1/carers/not-a-number", None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(reply["error"]["code"], "not_found");
}

#[actix_web::test]
async fn an_admin_creates_for_a_named_agency() {
    let w = World::new().await;
    let (status, body) = w
        .json(
            "POST",
            "/v1/carers",
            Some(&w.admin),
            Some(&carer("PA-1", true)),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["details"][0]["field"], "agency_id");
    let path = format!("/v1/carers?agency_id={}", w.agency_b.0);
    let (status, body) = w
        .json("POST", &path, Some(&w.admin), Some(&carer("PA-1", true)))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(body["agency_id"], w.agency_b.0);
    let (status, _) = w
        .json(
            "POST",
            "/v1/carers?agency_id=4242",
            Some(&w.admin),
            Some(&carer("PA-2", true)),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}
