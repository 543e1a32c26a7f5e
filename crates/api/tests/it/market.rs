//! The PA market report (`GET /v1/reports/market`, docs/market.md) over the open-data fixtures:
//! roles, self-declared ethnicity's consent rules, suppression (1-4 hidden, secondary), the CSV
//! and GeoJSON shapes, snapshots on demand and on a schedule decided from the database, and
//! trends.

use std::sync::atomic::{AtomicUsize, Ordering};

use awc::http::StatusCode;
use carematch_domain::{AgencyId, CarerDetails, GeoPoint, Role};
use carematch_store::NewCarer;
use chrono::{Duration, Utc};
use serde_json::{Value, json};

use crate::carers::{World, carer};
use crate::matches::{make_key, post};
use carematch_testkit::TestApp;

const MANCHESTER: (f64, f64) = (53.45, -2.23);
const TOWER_HAMLETS: (f64, f64) = (51.51, -0.03);
const BIRMINGHAM: (f64, f64) = (52.48, -1.87);

/// A PA speaking `languages` (native), with an ethnic group recorded with consent when given.
fn pa(n: usize, languages: &[&str], ethnicity: Option<&str>) -> CarerDetails {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let unique = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut body = carer(&format!("M-{unique}"), n.is_multiple_of(2));
    body["languages"] = json!(
        languages
            .iter()
            .map(|code| json!({"code": code, "proficiency": "native"}))
            .collect::<Vec<_>>()
    );
    if let Some(group) = ethnicity {
        body["ethnicity"] = json!(group);
        body["ethnicity_consent"] = json!(true);
    }
    serde_json::from_value(body).expect("carer details")
}

fn at(place: (f64, f64)) -> GeoPoint {
    GeoPoint::new(place.0, place.1).expect("point")
}

/// Stores `count` PAs of `agency` at `place`.
fn add(
    app: &TestApp,
    agency: AgencyId,
    place: (f64, f64),
    count: usize,
    languages: &[&str],
    ethnicity: Option<&str>,
) {
    let store = app.engine().store();
    let rows: Vec<NewCarer> = (0..count)
        .map(|n| NewCarer {
            agency_id: agency,
            details: pa(n, languages, ethnicity),
            location: at(place),
        })
        .collect();
    store
        .insert_carers(&rows, &|_| {}, &carematch_domain::Actor::system("test"))
        .expect("insert");
    app.engine().catch_up().expect("catch up");
}

async fn market(app: &TestApp, query: &str, key: Option<&str>) -> (StatusCode, Value) {
    let (status, _, text) = app
        .request(
            "GET",
            &format!("/v1/reports/market?{query}"),
            key,
            &[],
            Vec::new(),
        )
        .await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn cell<'a>(cells: &'a Value, matches: &[(&str, &str)]) -> &'a Value {
    cells
        .as_array()
        .expect("cells")
        .iter()
        .find(|c| matches.iter().all(|(k, v)| c[*k] == *v))
        .unwrap_or_else(|| panic!("no cell {matches:?} in {cells}"))
}

#[actix_web::test]
async fn only_commissioners_and_admins_see_the_market() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    let agency = store.create_agency("Agency").expect("agency").id;
    let agency_key = make_key(&store, Role::Agency, Some(agency));
    let commissioner = make_key(&store, Role::Commissioner, None);
    let admin = make_key(&store, Role::Admin, None);
    let (status, _) = market(&app, "", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = market(&app, "", Some(&agency_key)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, _) = post(
        &app,
        "/v1/reports/market/snapshots",
        Some(&agency_key),
        &json!({}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, _) = app
        .request("GET", "/v1/reports/market/snapshots", None, &[], Vec::new())
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = market(&app, "", Some(&commissioner)).await;
    assert_eq!(status, StatusCode::CONFLICT, "no authorities yet: {body}");
    carematch_testkit::import_open_data_fixtures(&store);
    let (status, body) = market(&app, "", Some(&admin)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = market(
        &app,
        "by=authority,colour&language=xx&format=pdf",
        Some(&admin),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: Vec<&str> = body["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .filter_map(|d| d["field"].as_str())
        .collect();
    assert_eq!(fields, ["by", "language", "format"]);
    let (status, body) = market(&app, "authority=E99999999", Some(&admin)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "authority");
}

#[actix_web::test]
async fn ethnicity_needs_consent_and_withdrawing_consent_erases_it() {
    let world = World::new().await;
    let key = world.key_a.clone();
    let mut body = carer("ETH-1", true);
    body["ethnicity"] = json!("asian_chinese");
    let (status, answer) = world
        .json("POST", "/v1/carers", Some(&key), Some(&body))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(answer["error"]["details"][0]["field"], "ethnicity");
    assert_eq!(answer["error"]["details"][0]["code"], "consent_required");
    body["ethnicity"] = json!("martian");
    body["ethnicity_consent"] = json!(true);
    let (status, _) = world
        .json("POST", "/v1/carers", Some(&key), Some(&body))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "an unknown code");
    body["ethnicity"] = json!("asian_chinese");
    let id = world.create(&key, &body).await;
    let path = format!("/v1/carers/{id}");
    let (_, own) = world.json("GET", &path, Some(&key), None).await;
    assert_eq!(own["ethnicity"], "asian_chinese");
    assert_eq!(own["ethnicity_consent"], true);
    // Never per person to anyone but the holding agency: not the public, not a commissioner,
    // not another agency.
    for caller in [
        None,
        Some(world.commissioner.as_str()),
        Some(world.key_b.as_str()),
    ] {
        let (status, _, text) = world.send("GET", &path, caller, &[], None).await;
        assert!(
            matches!(status, StatusCode::OK | StatusCode::FORBIDDEN),
            "{status}"
        );
        assert!(
            !text.contains("asian_chinese") && !text.contains("ethnicity"),
            "{text}"
        );
    }
    // Withdrawing consent while still sending the group: refused.
    body["ethnicity_consent"] = json!(false);
    let (status, answer) = world.json("PUT", &path, Some(&key), Some(&body)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    // Withdrawn: the value is gone from the record and the database.
    body.as_object_mut().expect("object").remove("ethnicity");
    let (status, updated) = world.json("PUT", &path, Some(&key), Some(&body)).await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["ethnicity"], Value::Null);
    assert!(world.store.carer_ethnicities().expect("read").is_empty());
}

#[actix_web::test]
async fn small_counts_are_hidden_with_a_second_cell_and_csv_and_geojson_have_their_shapes() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    carematch_testkit::import_open_data_fixtures(&store);
    let agency = store.create_agency("Agency").expect("agency").id;
    let key = make_key(&store, Role::Commissioner, None);
    add(
        &app,
        agency,
        MANCHESTER,
        7,
        &["eng", "pol"],
        Some("white_other"),
    );
    add(
        &app,
        agency,
        MANCHESTER,
        3,
        &["eng", "som"],
        Some("black_african"),
    );
    add(&app, agency, MANCHESTER, 5, &["eng"], Some("white_british"));
    add(&app, agency, TOWER_HAMLETS, 6, &["eng", "ben"], None);
    add(&app, agency, BIRMINGHAM, 2, &["eng"], None);

    let (status, body) = market(&app, "", Some(&key)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["by"], json!(["authority", "language"]));
    let cells = &body["cells"];
    assert_eq!(
        cell(cells, &[("authority", "E08000003"), ("language", "eng")])["pas"],
        15
    );
    assert_eq!(
        cell(cells, &[("authority", "E08000003"), ("language", "som")])["pas"],
        "<5"
    );
    // Secondary: the 7 beside the hidden 3 is hidden too.
    assert_eq!(
        cell(cells, &[("authority", "E08000003"), ("language", "pol")])["pas"],
        "<5"
    );
    // English across authorities: Birmingham's 2 hidden takes Tower Hamlets' 6 with it, and
    // that leaves Tower Hamlets' Bengali (6) alone beside one hidden cell: hidden too.
    assert_eq!(
        cell(cells, &[("authority", "E08000025"), ("language", "eng")])["pas"],
        "<5"
    );
    assert_eq!(
        cell(cells, &[("authority", "E09000030"), ("language", "eng")])["pas"],
        "<5"
    );
    assert_eq!(
        cell(cells, &[("authority", "E09000030"), ("language", "ben")])["pas"],
        "<5"
    );
    assert_eq!(
        cell(cells, &[("authority", "E09000030"), ("language", "ben")])["providers"],
        0
    );
    // Per authority: Birmingham's 2 hidden, and the smallest other (Tower Hamlets' 6) with it.
    let authorities = &body["authorities"];
    assert_eq!(
        cell(authorities, &[("authority", "E08000025")])["pas"],
        "<5"
    );
    assert_eq!(
        cell(authorities, &[("authority", "E09000030")])["pas"],
        "<5"
    );
    assert_eq!(cell(authorities, &[("authority", "E08000003")])["pas"], 15);
    assert_eq!(body["total"]["pas"], 23);
    assert_eq!(body["suppression"]["below"], 5);
    // Ethnicity against the census (TS021 fixture, Manchester's published figures).
    let ethnic = &body["ethnicity"];
    let other_white = cell(
        ethnic,
        &[("authority", "E08000003"), ("ethnicity", "white_other")],
    );
    assert_eq!(other_white["pas"], 7);
    let share = other_white["census_share"].as_f64().expect("census share");
    assert!(share > 0.03 && share < 0.1, "{share}");
    assert_eq!(
        cell(
            ethnic,
            &[("authority", "E08000003"), ("ethnicity", "black_african")]
        )["pas"],
        "<5"
    );
    // The hidden 3 takes the smallest count beside it (the 5) with it.
    assert_eq!(
        cell(
            ethnic,
            &[("authority", "E08000003"), ("ethnicity", "white_british")]
        )["pas"],
        "<5"
    );
    assert_eq!(
        other_white["pa_share"],
        Value::Null,
        "a hidden count beside it"
    );
    // Nothing about a person: no names, postcodes or ids.
    let text = body.to_string();
    assert!(!text.contains("Lamberton") && !text.contains("LE1 1LA") && !text.contains("M-1"));

    let (status, headers, csv) = app
        .request(
            "GET",
            "/v1/reports/market?by=authority,ethnicity",
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
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "authority,authority_name,ethnicity,pas,providers,pa_share,census_share,\
             last_snapshot_at,last_pas,last_providers,change_pas,change_providers"
        )
    );
    assert!(
        csv.contains("E08000003,Manchester,black_african,<5,"),
        "{csv}"
    );

    let (status, headers, text) = app
        .request(
            "GET",
            "/v1/reports/market?by=language",
            Some(&key),
            &[("Accept", "application/geo+json")],
            Vec::new(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers.get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/geo+json")
    );
    let geo: Value = serde_json::from_str(&text).expect("geojson");
    assert_eq!(geo["type"], "FeatureCollection");
    assert_eq!(geo["carematch"]["by"], json!(["authority", "language"]));
    let features = geo["features"].as_array().expect("features");
    assert_eq!(
        features.len(),
        6,
        "the six current English authorities with PAs or none"
    );
    let manchester = features
        .iter()
        .find(|f| f["id"] == "E08000003")
        .expect("Manchester");
    assert_eq!(manchester["geometry"]["type"], "Polygon");
    assert_eq!(manchester["properties"]["pas"], 15);
    assert!(
        manchester["properties"]["cells"]
            .as_array()
            .is_some_and(|c| c.len() == 3)
    );
}

#[actix_web::test]
async fn snapshots_on_demand_and_on_schedule_give_each_figure_its_trend() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    carematch_testkit::import_open_data_fixtures(&store);
    let agency = store.create_agency("Agency").expect("agency").id;
    let key = make_key(&store, Role::Commissioner, None);
    add(&app, agency, MANCHESTER, 8, &["eng", "pol"], None);

    let (status, taken) = post(&app, "/v1/reports/market/snapshots", Some(&key), &json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{taken}");
    assert_eq!(taken["kind"], "on_demand");
    assert_eq!(taken["pas"], 8);

    add(&app, agency, MANCHESTER, 4, &["eng", "pol"], None);
    let (_, body) = market(&app, "authority=E08000003&language=pol", Some(&key)).await;
    let pol = cell(&body["cells"], &[("language", "pol")]);
    assert_eq!(pol["pas"], 12);
    assert_eq!(pol["series"][0]["pas"], 8);
    assert_eq!(pol["change"]["pas"], 4);
    assert_eq!(body["snapshots"].as_array().map(Vec::len), Some(1));
    let (_, _, csv) = app
        .request(
            "GET",
            "/v1/reports/market?format=csv&authority=E08000003",
            Some(&key),
            &[],
            Vec::new(),
        )
        .await;
    assert!(csv.contains("E08000003,Manchester,pol,12,0,"), "{csv}");
    assert!(
        csv.lines()
            .any(|l| l.starts_with("E08000003,Manchester,pol,12,0,") && l.ends_with(",8,0,4,0")),
        "{csv}"
    );

    // The schedule reads the database: the latest snapshot is fresh, so none is due ...
    let service = app.state().service().clone();
    let six_months = Duration::days(182);
    let now = Utc::now();
    let again = service.clone();
    let due =
        actix_web::rt::task::spawn_blocking(move || again.market_snapshot_if_due(six_months, now))
            .await
            .expect("join")
            .expect("schedule");
    assert_eq!(due, None);
    // ... and six months on one is, taken once even by two servers asking at the same time.
    let later = now + Duration::days(183);
    let second = app.second_server();
    second.engine().catch_up().expect("catch up");
    let one = service.clone();
    let other = second.state().service().clone();
    // Both start before either is awaited: they run at once on the blocking pool.
    let first =
        actix_web::rt::task::spawn_blocking(move || one.market_snapshot_if_due(six_months, later));
    let other = actix_web::rt::task::spawn_blocking(move || {
        other.market_snapshot_if_due(six_months, later)
    });
    let (a, b) = (first.await, other.await);
    let taken: Vec<_> = [a, b]
        .into_iter()
        .filter_map(|r| r.expect("join").expect("schedule"))
        .collect();
    assert_eq!(taken.len(), 1, "{taken:?}");
    assert_eq!(taken[0].pas, 12);
    let (status, _, list) = app
        .request(
            "GET",
            "/v1/reports/market/snapshots",
            Some(&key),
            &[],
            Vec::new(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let list: Value = serde_json::from_str(&list).expect("json");
    let kinds: Vec<&str> = list["snapshots"]
        .as_array()
        .expect("snapshots")
        .iter()
        .filter_map(|s| s["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["scheduled", "on_demand"]);
    // Not due again until six months after that one.
    let again = service.clone();
    let due = actix_web::rt::task::spawn_blocking(move || {
        again.market_snapshot_if_due(six_months, later + Duration::days(1))
    })
    .await
    .expect("join")
    .expect("schedule");
    assert_eq!(due, None);
}
