//! `/v1/plans`: agencies save plans as demand; gap maps count them by authority and suppress
//! any count below 5.

use awc::http::StatusCode;
use carematch_domain::Role;
use serde_json::{Value, json};

use crate::gaps::import_open_data;
use crate::matches::make_key;
use carematch_testkit::TestApp;

fn plan(lat: f64, lon: f64) -> Value {
    json!({
        "location": {"lat": lat, "lon": lon},
        "max_distance_km": 8,
        "languages": [{"code": "yue", "min_proficiency": "fluent", "priority": "required"}],
        "cuisines": [{"code": "cantonese", "priority": "preferred"}]
    })
}

async fn call(
    app: &TestApp,
    method: &str,
    path: &str,
    key: Option<&str>,
    body: Option<&Value>,
) -> (StatusCode, Value) {
    let headers: &[(&str, &str)] = if body.is_some() {
        &[("Content-Type", "application/json")]
    } else {
        &[]
    };
    let bytes = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
    let (status, _, text) = app.request(method, path, key, headers, bytes).await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[actix_web::test]
async fn agencies_save_list_and_delete_their_own_plans() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    let a = store.create_agency("A").expect("agency").id;
    let b = store.create_agency("B").expect("agency").id;
    let key_a = make_key(&store, Role::Agency, Some(a));
    let key_b = make_key(&store, Role::Agency, Some(b));
    let commissioner = make_key(&store, Role::Commissioner, None);
    let body = plan(53.46, -2.23);

    let (status, _) = call(&app, "POST", "/v1/plans", None, Some(&body)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = call(&app, "POST", "/v1/plans", Some(&commissioner), Some(&body)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(&app, "GET", "/v1/plans", Some(&commissioner), None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, saved) = call(&app, "POST", "/v1/plans", Some(&key_a), Some(&body)).await;
    assert_eq!(status, StatusCode::CREATED, "{saved}");
    let id = saved["id"].as_i64().expect("id");
    assert_eq!(saved["plan"]["languages"][0]["code"], "yue");

    // Anything beyond the plan (a name, say) is refused, naming the field.
    let mut named = body.clone();
    named["name"] = json!("Mrs Chan");
    let (status, error) = call(&app, "POST", "/v1/plans", Some(&key_a), Some(&named)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert!(error.to_string().contains("name"));

    let (status, list) = call(&app, "GET", "/v1/plans", Some(&key_a), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], id);
    let (_, list) = call(&app, "GET", "/v1/plans", Some(&key_b), None).await;
    assert_eq!(list["total"], 0, "B sees none of A's plans");

    let path = format!("/v1/plans/{id}");
    let (status, _) = call(&app, "DELETE", &path, Some(&key_b), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = call(&app, "DELETE", &path, Some(&key_a), None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = call(&app, "DELETE", &path, Some(&key_a), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn plan_demand_below_five_is_suppressed() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    import_open_data(&store);
    let a = store.create_agency("A").expect("agency").id;
    let key_a = make_key(&store, Role::Agency, Some(a));
    let commissioner = make_key(&store, Role::Commissioner, None);
    for _ in 0..3 {
        let (status, _) = call(
            &app,
            "POST",
            "/v1/plans",
            Some(&key_a),
            Some(&plan(53.46, -2.23)),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    // One in Tower Hamlets, one asking for something else.
    call(
        &app,
        "POST",
        "/v1/plans",
        Some(&key_a),
        Some(&plan(51.515, -0.035)),
    )
    .await;
    let mut other = plan(53.46, -2.23);
    other["languages"][0]["code"] = json!("som");
    call(&app, "POST", "/v1/plans", Some(&key_a), Some(&other)).await;

    let gaps = "/v1/gaps?need=language:yue&demand=plans";
    let (status, body) = call(&app, "GET", gaps, Some(&commissioner), None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let find = |body: &Value, code: &str| {
        body["features"]
            .as_array()
            .expect("features")
            .iter()
            .find(|f| f["id"] == code)
            .expect("feature")["properties"]
            .clone()
    };
    let m = find(&body, "E08000003");
    assert_eq!(m["demand"], Value::Null);
    assert_eq!(m["demand_shown"], "<5");
    assert_eq!(m["severity"], "none_in_reach");
    assert_eq!(find(&body, "E09000030")["demand_shown"], "<5");
    assert_eq!(find(&body, "E08000025")["demand"], 0);
    assert_eq!(find(&body, "E08000025")["severity"], "no_demand");
    let text = body.to_string();
    assert!(!text.contains("\"demand\":3") && !text.contains("\"demand\":1,"));

    for _ in 0..2 {
        call(
            &app,
            "POST",
            "/v1/plans",
            Some(&key_a),
            Some(&plan(53.47, -2.24)),
        )
        .await;
    }
    let (_, body) = call(&app, "GET", gaps, Some(&commissioner), None).await;
    assert_eq!(find(&body, "E08000003")["demand"], 5);
    let (_, _, csv) = app
        .request(
            "GET",
            gaps,
            Some(&commissioner),
            &[("Accept", "text/csv")],
            Vec::new(),
        )
        .await;
    assert!(csv.contains("E09000030,Tower Hamlets,London,,<5,"), "{csv}");
}

#[actix_web::test]
async fn agencies_save_a_pool_as_demand_all_or_none() {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    let a = store.create_agency("A").expect("agency").id;
    let key = make_key(&store, Role::Agency, Some(a));
    let commissioner = make_key(&store, Role::Commissioner, None);
    let pool = json!({"plans": [plan(53.46, -2.23), plan(53.47, -2.24)]});

    let (status, _) = call(&app, "POST", "/v1/plan-pools", None, Some(&pool)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = call(
        &app,
        "POST",
        "/v1/plan-pools",
        Some(&commissioner),
        Some(&pool),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let one = json!({"plans": [plan(53.46, -2.23)]});
    let (status, body) = call(&app, "POST", "/v1/plan-pools", Some(&key), Some(&one)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "plans");
    // One bad plan: nothing is saved.
    let mut bad = pool.clone();
    bad["plans"][1]["max_distance_km"] = json!(-1);
    let (status, body) = call(&app, "POST", "/v1/plan-pools", Some(&key), Some(&bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (_, listed) = call(&app, "GET", "/v1/plans", Some(&key), None).await;
    assert_eq!(listed["total"], 0);

    let (status, saved) = call(&app, "POST", "/v1/plan-pools", Some(&key), Some(&pool)).await;
    assert_eq!(status, StatusCode::CREATED, "{saved}");
    let items = saved["items"].as_array().expect("items");
    assert_eq!(items.len(), 2);
    assert_eq!(items[1]["location"]["lat"], 53.47);
    let (_, listed) = call(&app, "GET", "/v1/plans", Some(&key), None).await;
    assert_eq!(listed["total"], 2, "each person counts once as demand");
}
