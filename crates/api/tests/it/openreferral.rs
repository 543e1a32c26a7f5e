//! `/openreferral/v3` over HTTP: every list walked at its first, middle and last page, every id
//! endpoint read, every body checked against the profile's compiled schemas (read from
//! `CAREMATCH_OPENREFERRAL_SCHEMAS`, which `.ci/run` sets; without it the schema check is
//! skipped and the rest still runs), filters against a brute force over the store, stable ids,
//! errors, CORS, and a writer reading its own write.

use std::collections::{BTreeSet, HashMap};

use awc::http::StatusCode;
use carematch_domain::{GeoPoint, Postcode, Provider, Role};
use carematch_openreferral::publish::vocabulary::{taxonomy_id, term_id};
use carematch_store::Store;
use carematch_testkit::{TestApp, TestDb};
use serde_json::{Value, json};

use crate::matches::make_key;

const BASE: &str = "/openreferral/v3";

/// The profile's compiled schemas, when `CAREMATCH_OPENREFERRAL_SCHEMAS` names their folder.
struct Schemas {
    by_name: HashMap<&'static str, jsonschema::Validator>,
}

impl Schemas {
    fn load() -> Option<Self> {
        let value = std::env::var("CAREMATCH_OPENREFERRAL_SCHEMAS")
            .ok()
            .filter(|v| !v.is_empty())?;
        // Relative to the repository root, as `.ci/run` gives it (tests run in the crate).
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(&value);
        assert!(
            dir.is_dir(),
            "CAREMATCH_OPENREFERRAL_SCHEMAS={value} but {} is not a folder",
            dir.display()
        );
        let read = |file: &str| -> Value {
            let text = std::fs::read_to_string(dir.join(file))
                .unwrap_or_else(|e| panic!("{file} in CAREMATCH_OPENREFERRAL_SCHEMAS: {e}"));
            serde_json::from_str(&text).expect("a schema is JSON")
        };
        let build = |schema: &Value| {
            jsonschema::options()
                .with_draft(jsonschema::Draft::Draft202012)
                .should_validate_formats(true)
                .build(schema)
                .expect("the schema compiles")
        };
        let service = read("service.json");
        // The profile has no compiled schema of its own for a taxonomy term: the one nested
        // in a service's attributes is it.
        let term =
            service["properties"]["attributes"]["items"]["properties"]["taxonomy_term"].clone();
        assert!(
            term.is_object(),
            "service.json nests the taxonomy term schema"
        );
        let mut by_name = HashMap::new();
        by_name.insert("service", build(&service));
        by_name.insert("taxonomy_term", build(&term));
        for (name, file) in [
            ("service_list", "service_list.json"),
            ("service_at_location", "service_at_location.json"),
            ("service_at_location_list", "service_at_location_list.json"),
            ("organization", "organization.json"),
            ("organization_list", "organization_list.json"),
        ] {
            by_name.insert(name, build(&read(file)));
        }
        // The validators do refuse: a service without its required status, with a bad UUID.
        let broken = json!({"id": "not-a-uuid", "name": "No status"});
        assert!(!by_name["service"].is_valid(&broken));
        Some(Self { by_name })
    }

    fn check(&self, name: &str, body: &Value) {
        let validator = &self.by_name[name];
        let errors: Vec<String> = validator
            .iter_errors(body)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}\n{body:#}");
    }

    /// A taxonomy: the profile's example fields, and its terms against the term schema.
    fn check_taxonomy(&self, body: &Value) {
        for field in ["id", "name", "description"] {
            assert!(body[field].is_string(), "taxonomy.{field}: {body}");
        }
        for term in body["taxonomy_terms"].as_array().into_iter().flatten() {
            self.check("taxonomy_term", term);
        }
    }
}

async fn get(app: &TestApp, path: &str) -> (StatusCode, Value) {
    let (status, headers, body) = app.request("GET", path, None, &[], Vec::new()).await;
    assert_eq!(
        headers
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some("*"),
        "CORS on {path} ({status})"
    );
    let json = serde_json::from_str(&body).unwrap_or_else(|_| panic!("{path}: JSON: {body}"));
    (status, json)
}

async fn ok(app: &TestApp, path: &str) -> Value {
    let (status, body) = get(app, path).await;
    assert_eq!(status, StatusCode::OK, "{path}: {body}");
    body
}

/// Checks the page envelope and returns the page's items.
fn envelope(body: &Value, page: u64, per_page: u64) -> Vec<Value> {
    let total = body["total_items"].as_u64().expect("total_items");
    let pages = body["total_pages"].as_u64().expect("total_pages");
    let contents = body["contents"].as_array().expect("contents").clone();
    assert_eq!(pages, total.div_ceil(per_page), "{body}");
    assert_eq!(body["page_number"], page);
    assert_eq!(body["size"], contents.len() as u64);
    assert_eq!(body["first_page"], page == 1);
    assert_eq!(body["last_page"], page >= pages);
    assert_eq!(body["empty"], total == 0);
    let expected = total.saturating_sub((page - 1) * per_page).min(per_page);
    assert_eq!(contents.len() as u64, expected, "page {page} of {pages}");
    contents
}

/// Walks the first, middle and last pages of a list; every item found.
async fn walk(app: &TestApp, list: &str, per_page: u64) -> (u64, Vec<Value>) {
    let first = ok(app, &format!("{BASE}/{list}?per_page={per_page}")).await;
    let pages = first["total_pages"].as_u64().expect("total_pages");
    assert!(
        pages >= 3,
        "{list}: enough items for first, middle and last pages"
    );
    let mut items = envelope(&first, 1, per_page);
    for page in [pages.div_ceil(2), pages] {
        let body = ok(
            app,
            &format!("{BASE}/{list}?per_page={per_page}&page={page}"),
        )
        .await;
        items.extend(envelope(&body, page, per_page));
    }
    let past = ok(
        app,
        &format!("{BASE}/{list}?per_page={per_page}&page={}", pages + 1),
    )
    .await;
    assert!(envelope(&past, pages + 1, per_page).is_empty());
    (first["total_items"].as_u64().expect("total"), items)
}

fn demo_app() -> carematch_testkit::TestAppBuilder {
    TestApp::builder().demo_fixtures()
}

fn uuids(store: &Store) -> BTreeSet<String> {
    store
        .provider_origins()
        .expect("origins")
        .values()
        .map(|o| o.uuid.to_string())
        .collect()
}

fn providers(store: &Store) -> Vec<Provider> {
    store.providers_after(None, 10_000).expect("providers")
}

#[actix_web::test]
async fn every_page_and_every_object_meets_the_profile() {
    let app = demo_app().spawn().await;
    let schemas = Schemas::load();
    let meta = ok(&app, &format!("{BASE}/")).await;
    assert_eq!(meta["version"], "HSDS-UK-3.0");
    assert!(
        meta["openapi_url"]
            .as_str()
            .is_some_and(|u| u.starts_with("http"))
    );
    assert!(
        meta["profile"]
            .as_str()
            .is_some_and(|u| u.starts_with("http"))
    );

    let providers = uuids(&app.store);
    let (total, services) = walk(&app, "services", 20).await;
    assert_eq!(
        total as usize,
        providers.len(),
        "one service per live provider, no PA"
    );
    for item in &services {
        let id = item["id"].as_str().expect("id");
        assert!(providers.contains(id), "a service is a provider: {id}");
        let full = ok(&app, &format!("{BASE}/services/{id}")).await;
        assert_eq!(full["id"], item["id"]);
        assert!(full["attributes"].as_array().is_some_and(|a| !a.is_empty()));
        if let Some(s) = &schemas {
            s.check("service_list", item);
            s.check("service", &full);
        }
    }

    let (total, sals) = walk(&app, "service_at_locations", 20).await;
    assert_eq!(total as usize, providers.len());
    for item in &sals {
        let id = item["id"].as_str().expect("id");
        let full = ok(&app, &format!("{BASE}/service_at_locations/{id}")).await;
        assert_eq!(full["location"]["addresses"][0]["country"], "GB");
        assert!(providers.contains(full["service"]["id"].as_str().expect("service id")));
        if let Some(s) = &schemas {
            s.check("service_at_location_list", item);
            s.check("service_at_location", &full);
        }
    }

    let (total, organizations) = walk(&app, "organizations", 20).await;
    assert_eq!(total as usize, providers.len());
    for item in &organizations {
        let id = item["id"].as_str().expect("id");
        let full = ok(&app, &format!("{BASE}/organizations/{id}")).await;
        assert_eq!(full["services"][0]["organization_id"], item["id"]);
        if let Some(s) = &schemas {
            s.check("organization_list", item);
            s.check("organization", &full);
        }
    }

    let (_, taxonomies) = walk(&app, "taxonomies", 3).await;
    for item in &taxonomies {
        let full = ok(
            &app,
            &format!("{BASE}/taxonomies/{}", item["id"].as_str().expect("id")),
        )
        .await;
        assert!(
            full["taxonomy_terms"]
                .as_array()
                .is_some_and(|t| !t.is_empty())
        );
        if let Some(s) = &schemas {
            s.check_taxonomy(item);
            s.check_taxonomy(&full);
        }
    }

    let (_, terms) = walk(&app, "taxonomy_terms", 50).await;
    for item in &terms {
        let full = ok(
            &app,
            &format!("{BASE}/taxonomy_terms/{}", item["id"].as_str().expect("id")),
        )
        .await;
        assert_eq!(&full, item);
        if let Some(s) = &schemas {
            s.check("taxonomy_term", &full);
        }
    }
}

/// Bodies without `last_modified`, which is when the record was written in that database.
fn without_times(mut body: Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("last_modified");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut body);
    body
}

async fn everything(app: &TestApp) -> Vec<Value> {
    let list = ok(app, &format!("{BASE}/services?per_page=500")).await;
    let mut out = Vec::new();
    for item in list["contents"].as_array().expect("contents") {
        let id = item["id"].as_str().expect("id");
        out.push(without_times(
            ok(app, &format!("{BASE}/services/{id}")).await,
        ));
    }
    out
}

#[actix_web::test]
async fn ids_are_the_same_after_a_restart_and_in_another_database() {
    let app = demo_app().spawn().await;
    let first = everything(&app).await;
    assert!(!first.is_empty());
    let restarted = app.second_server();
    assert_eq!(
        everything(&restarted).await,
        first,
        "another process, same ids"
    );
    let other = demo_app().db(TestDb::new()).spawn().await;
    assert_eq!(
        everything(&other).await,
        first,
        "the same input in another database publishes the same objects"
    );
}

fn listed_ids(body: &Value) -> BTreeSet<String> {
    let contents = body["contents"].as_array().expect("contents");
    assert_eq!(
        body["total_items"],
        contents.len() as u64,
        "one page holds all"
    );
    contents
        .iter()
        .map(|i| i["id"].as_str().expect("id").to_owned())
        .collect()
}

fn expected(store: &Store, keep: impl Fn(&Provider) -> bool) -> BTreeSet<String> {
    let origins = store.provider_origins().expect("origins");
    providers(store)
        .iter()
        .filter(|p| keep(p))
        .map(|p| origins[&p.id].uuid.to_string())
        .collect()
}

#[actix_web::test]
async fn filters_agree_with_a_brute_force_over_the_store() {
    use carematch_domain::vocabulary::{Code, Language};
    use carematch_openreferral::publish::ical_day;
    let app = demo_app().spawn().await;
    let store = &app.store;
    let services = |query: String| {
        let app = &app;
        async move { ok(app, &format!("{BASE}/services?per_page=500&{query}")).await }
    };

    let urdu = term_id("language", "urd");
    let found = listed_ids(&services(format!("taxonomy_term_id={urdu}")).await);
    let want = expected(store, |p| {
        p.details.staff_languages.contains(&Language::Urd)
    });
    assert!(!want.is_empty());
    assert_eq!(found, want, "taxonomy_term_id");

    let cuisine = taxonomy_id("cuisine");
    let found = listed_ids(&services(format!("taxonomy_id={cuisine}")).await);
    let want = expected(store, |p| !p.details.cuisines.is_empty());
    assert!(!want.is_empty());
    assert_eq!(found, want, "taxonomy_id");

    // The hours of some fixture provider, as a filter: it and every other open within them.
    let slot = providers(store)
        .iter()
        .flat_map(|p| p.details.opening_hours.clone())
        .find(|s| !s.overnight)
        .expect("a fixture with opening hours");
    let query = format!(
        "day={}&start_time={}&end_time={}:00",
        ical_day(slot.day),
        slot.start,
        slot.end
    );
    let found = listed_ids(&services(query).await);
    let want = expected(store, |p| {
        p.details.opening_hours.iter().any(|s| {
            s.day == slot.day && s.start >= slot.start && !s.overnight && s.end <= slot.end
        })
    });
    assert!(!want.is_empty());
    assert_eq!(found, want, "day, start_time, end_time");

    let found = listed_ids(&services("search=HALAL".into()).await);
    assert!(!found.is_empty());
    let want = expected(store, |p| {
        let d = &p.details;
        format!("{} {}", d.name, d.description)
            .to_lowercase()
            .contains("halal")
            || d.dietary_laws.iter().any(|l| l.code() == "halal")
    });
    assert!(want.is_subset(&found) && found.is_subset(&want), "search");

    let adults = listed_ids(&services("minimum_age=18".into()).await);
    assert_eq!(
        adults.len(),
        providers(store).len(),
        "every service is for adults from 18"
    );
    assert!(listed_ids(&services("minimum_age=19".into()).await).is_empty());

    // Postcode and proximity: based within the distance of the postcode's centroid.
    let first = &providers(store)[0];
    let postcode = first.details.postcode.to_string();
    let centre = store
        .locate(&Postcode::parse(&postcode).expect("postcode"))
        .expect("locate")
        .expect("known")
        .point;
    let query = format!("postcode={}&proximity=3000", postcode.replace(' ', "+"));
    let body = ok(
        &app,
        &format!("{BASE}/service_at_locations?per_page=500&{query}"),
    )
    .await;
    let found: BTreeSet<String> = body["contents"]
        .as_array()
        .expect("contents")
        .iter()
        .map(|i| i["service"]["id"].as_str().expect("id").to_owned())
        .collect();
    let want = expected(store, |p| p.location.haversine_m(centre) <= 3000.0);
    assert!(!want.is_empty());
    assert_eq!(found, want, "postcode + proximity");
    let distances: Vec<f64> = body["contents"]
        .as_array()
        .expect("contents")
        .iter()
        .map(|i| {
            let l = &i["location"];
            GeoPoint::new(
                l["latitude"].as_f64().expect("lat"),
                l["longitude"].as_f64().expect("lon"),
            )
            .expect("point")
            .haversine_m(centre)
        })
        .collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "nearest first");

    // A postcode alone: services whose area covers it.
    let covering = listed_ids(&services(format!("postcode={}", postcode.replace(' ', "+"))).await);
    assert!(
        covering.contains(
            &expected(store, |p| p.id == first.id)
                .into_iter()
                .next()
                .expect("one")
        )
    );
}

#[actix_web::test]
async fn bad_parameters_are_refused_with_every_one_named_and_unknown_ids_are_not_found() {
    let app = demo_app().spawn().await;
    for (query, fields) in [
        ("page=0", vec!["page"]),
        ("per_page=abc&page=-1", vec!["page", "per_page"]),
        (
            "taxonomy_term_id=xyz&taxonomy_id=1",
            vec!["taxonomy_term_id", "taxonomy_id"],
        ),
        (
            "day=Funday&start_time=25:00&end_time=9:00",
            vec!["day", "start_time", "end_time"],
        ),
        (
            "minimum_age=old&maximum_age=-1",
            vec!["minimum_age", "maximum_age"],
        ),
        ("proximity=500", vec!["proximity"]),
        (
            "postcode=NOT+A+POSTCODE&proximity=far",
            vec!["postcode", "proximity"],
        ),
        ("postcode=ZZ99+9ZZ", vec!["postcode"]),
    ] {
        for list in ["services", "service_at_locations"] {
            let (status, body) = get(&app, &format!("{BASE}/{list}?{query}")).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {body}");
            assert_eq!(body["error"]["code"], "validation_failed");
            let mut named: Vec<&str> = body["error"]["details"]
                .as_array()
                .expect("details")
                .iter()
                .filter_map(|d| d["field"].as_str())
                .collect();
            named.sort_unstable();
            let mut want = fields.clone();
            want.sort_unstable();
            assert_eq!(named, want, "{query}");
        }
    }
    for list in ["organizations", "taxonomies", "taxonomy_terms"] {
        let (status, body) = get(&app, &format!("{BASE}/{list}?per_page=100000")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{list}: {body}");
    }
    for object in [
        "services",
        "service_at_locations",
        "organizations",
        "taxonomies",
        "taxonomy_terms",
    ] {
        for id in ["not-a-uuid", "00000000-0000-0000-0000-000000000000"] {
            let (status, body) = get(&app, &format!("{BASE}/{object}/{id}")).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{object}/{id}: {body}");
            assert_eq!(body["error"]["code"], "not_found");
        }
    }
    // A service id is not an organisation's.
    let list = ok(&app, &format!("{BASE}/services?per_page=1")).await;
    let service = list["contents"][0]["id"].as_str().expect("id").to_owned();
    let (status, _) = get(&app, &format!("{BASE}/organizations/{service}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn a_writer_reads_its_own_write_and_deleted_providers_leave() {
    let app = demo_app().spawn().await;
    let agency = app
        .store
        .create_agency("Listing agency")
        .expect("agency")
        .id;
    let key = make_key(&app.store, Role::Agency, Some(agency));
    let send = |method: &'static str, path: String, body: Value| {
        let (app, key) = (&app, key.clone());
        async move {
            let (status, _, text) = app
                .request(
                    method,
                    &path,
                    Some(&key),
                    &[("Content-Type", "application/json"), ("If-Match", "*")],
                    body.to_string(),
                )
                .await;
            (
                status,
                serde_json::from_str::<Value>(&text).unwrap_or(Value::Null),
            )
        }
    };
    let body = crate::providers::provider("Zebedee Unique Lunches");
    let (status, created) = send("POST", "/v1/providers".into(), body.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let found = ok(&app, &format!("{BASE}/services?search=zebedee")).await;
    assert_eq!(found["total_items"], 1, "{found}");
    let uuid = found["contents"][0]["id"].as_str().expect("id").to_owned();
    let full = ok(&app, &format!("{BASE}/services/{uuid}")).await;
    assert_eq!(
        full["contacts"][0]["name"], "Listing agency",
        "the agency is named"
    );
    assert!(
        !full.to_string().contains("ORG-INTERNAL-7"),
        "external_ref is internal"
    );

    let mut renamed = body;
    renamed["name"] = json!("Zebedee Renamed Lunches");
    let path = format!("/v1/providers/{}", created["id"]);
    let (status, updated) = send("PUT", path.clone(), renamed).await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    let full = ok(&app, &format!("{BASE}/services/{uuid}")).await;
    assert_eq!(full["name"], "Zebedee Renamed Lunches", "same id, new name");

    let (status, _) = send("DELETE", path, Value::Null).await;
    assert!(status.is_success(), "{status}");
    let (status, _) = get(&app, &format!("{BASE}/services/{uuid}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let found = ok(&app, &format!("{BASE}/services?search=zebedee")).await;
    assert_eq!(found["total_items"], 0);
}
