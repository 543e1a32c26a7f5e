//! `/v1/agencies` over HTTP: who may change a profile, validation with every field named,
//! versions, areas against the loaded authorities, and the holding agency named (with its
//! public contact, never the PA's) on every public carer view, search result and match.

use awc::http::StatusCode;
use carematch_domain::Role;
use carematch_testkit::TestApp;
use serde_json::{Value, json};

use crate::carers::{World, make_key};
use crate::matches::{plan, post, seeded_app};

fn profile(name: &str) -> Value {
    json!({
        "name": format!("  {name}  "),
        "phone": "+44 (0)161 496 0123",
        "email": "hello@fernhollow.example.org",
        "website": "https://fernhollow.example.org",
        "office_hours": [
            {"day": "wed", "start": "09:00", "end": "17:00"},
            {"day": "mon", "start": "09:00", "end": "12:30"}
        ],
        "staff_languages": ["yue", "eng"],
        "areas": ["E08000003"],
        "description": "我們講廣東話。"
    })
}

#[actix_web::test]
async fn the_agency_itself_or_an_admin_may_replace_a_profile_and_no_one_else() {
    let w = World::new().await;
    let path = format!("/v1/agencies/{}", w.agency_a);
    let body = profile("Fernhollow");

    let (status, _) = w.json("PUT", &path, None, Some(&body)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    for other in [&w.key_b, &w.commissioner] {
        let (status, answer) = w.json("PUT", &path, Some(other), Some(&body)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{answer}");
    }
    let (status, unchanged) = w.json("GET", &path, None, None).await;
    assert_eq!(
        (status, &unchanged["name"]),
        (StatusCode::OK, &json!("Agency A"))
    );

    let (status, own) = w.json("PUT", &path, Some(&w.key_a), Some(&body)).await;
    assert_eq!(status, StatusCode::OK, "{own}");
    assert_eq!(own["name"], "Fernhollow");
    assert_eq!(
        own["phone"], "0161 496 0123",
        "stored in the national format"
    );
    assert_eq!(own["office_hours"][0]["day"], "mon", "sorted, Monday first");
    assert_eq!(own["description"], "我們講廣東話。");
    assert_eq!(own["version"], 2);

    let (status, by_admin) = w
        .json(
            "PUT",
            &path,
            Some(&w.admin),
            Some(&profile("Fernhollow PA")),
        )
        .await;
    assert_eq!((status, &by_admin["version"]), (StatusCode::OK, &json!(3)));

    // Public: anyone reads the profile, with its version as ETag.
    let (status, headers, text) = w.send("GET", &path, None, &[], None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers.get("etag").expect("etag"), "\"3\"");
    let read: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(read, by_admin);
    let (status, _) = w.json("GET", "/v1/agencies/999999", None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // An admin replacing an unknown agency: 404; an agency naming it: 403 (not its own).
    let (status, _) = w
        .json("PUT", "/v1/agencies/999999", Some(&w.admin), Some(&body))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = w
        .json("PUT", "/v1/agencies/999999", Some(&w.key_a), Some(&body))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn every_invalid_field_is_named_and_nothing_is_stored() {
    let w = World::new().await;
    let path = format!("/v1/agencies/{}", w.agency_a);
    let bad = json!({
        "name": "   ",
        "phone": "+1 212 555 0100",
        "email": "not an address",
        "website": "ftp://example.org",
        "office_hours": [{"day": "mon", "start": "17:00", "end": "09:00"}],
        "staff_languages": ["yue", "yue"],
        "areas": ["Manchester"],
        "description": "字".repeat(1001)
    });
    let (status, answer) = w.json("PUT", &path, Some(&w.key_a), Some(&bad)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(answer["error"]["code"], "validation_failed");
    let named: Vec<(String, String)> = answer["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .map(|d| {
            (
                d["field"].as_str().unwrap_or_default().to_owned(),
                d["code"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    for (field, code) in [
        ("name", "required"),
        ("phone", "invalid_format"),
        ("email", "invalid_format"),
        ("website", "invalid_format"),
        ("office_hours[0]", "invalid_order"),
        ("staff_languages[1]", "duplicate"),
        ("areas[0]", "invalid_format"),
        ("description", "too_long"),
    ] {
        assert!(
            named.contains(&(field.to_owned(), code.to_owned())),
            "{field} {code} in {named:?}"
        );
    }
    // A code outside the vocabulary and an unknown field are named too.
    let (status, answer) = w
        .json(
            "PUT",
            &path,
            Some(&w.key_a),
            Some(&json!({"name": "A", "staff_languages": ["xx"]})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer["error"]["details"][0]["field"], "staff_languages[0]");
    let (status, _) = w
        .json(
            "PUT",
            &path,
            Some(&w.key_a),
            Some(&json!({"name": "A", "fax": "0161"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (_, read) = w.json("GET", &path, None, None).await;
    assert_eq!(
        (&read["name"], &read["version"]),
        (&json!("Agency A"), &json!(1))
    );
}

#[actix_web::test]
async fn a_stale_if_match_is_409_and_changes_nothing() {
    let w = World::new().await;
    let path = format!("/v1/agencies/{}", w.agency_a);
    let first = profile("First").to_string();
    let (status, _, _) = w
        .app
        .request(
            "PUT",
            &path,
            Some(&w.key_a),
            &[("Content-Type", "application/json"), ("If-Match", "\"1\"")],
            first,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, text) = w
        .app
        .request(
            "PUT",
            &path,
            Some(&w.key_a),
            &[("Content-Type", "application/json"), ("If-Match", "\"1\"")],
            profile("Second").to_string(),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{text}");
    assert!(text.contains("\"conflict\""), "{text}");
    let (status, _, _) = w
        .app
        .request(
            "PUT",
            &path,
            Some(&w.key_a),
            &[("Content-Type", "application/json"), ("If-Match", "soon")],
            profile("Third").to_string(),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, read) = w.json("GET", &path, None, None).await;
    assert_eq!(
        (&read["name"], &read["version"]),
        (&json!("First"), &json!(2))
    );
}

#[actix_web::test]
async fn admins_create_agencies_and_anyone_lists_them_in_pages() {
    let w = World::new().await;
    let body = profile("Kestrelgate");
    let (status, _) = w.json("POST", "/v1/agencies", None, Some(&body)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = w
        .json("POST", "/v1/agencies", Some(&w.key_a), Some(&body))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, headers, text) = w
        .send("POST", "/v1/agencies", Some(&w.admin), &[], Some(&body))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let created: Value = serde_json::from_str(&text).expect("json");
    let id = created["id"].as_i64().expect("id");
    assert_eq!(
        headers.get("location").expect("location"),
        format!("/v1/agencies/{id}").as_str()
    );
    assert_eq!(
        (&created["name"], &created["version"]),
        (&json!("Kestrelgate"), &json!(1))
    );

    let (status, page) = w
        .json("GET", "/v1/agencies?per_page=2&page=2", None, None)
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(page["total"], 3);
    assert_eq!(page["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["items"][0], created);
    let (status, _) = w.json("GET", "/v1/agencies?per_page=101", None, None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[actix_web::test]
async fn areas_are_checked_against_the_loaded_authorities_and_named() {
    let app = TestApp::builder()
        .open_data()
        .without_indexes()
        .spawn()
        .await;
    let store = app.db().store.clone();
    let agency = store.create_agency("Lanternwick").expect("agency").id;
    let (key, _) = make_key(&store, Role::Agency, Some(agency));
    let path = format!("/v1/agencies/{agency}");
    let put = |body: Value| {
        let app = &app;
        let key = key.clone();
        let path = path.clone();
        async move {
            let (status, _, text) = app
                .request(
                    "PUT",
                    &path,
                    Some(&key),
                    &[("Content-Type", "application/json")],
                    body.to_string(),
                )
                .await;
            (
                status,
                serde_json::from_str::<Value>(&text).unwrap_or(Value::Null),
            )
        }
    };
    let (status, answer) =
        put(json!({"name": "Lanternwick", "areas": ["E08000003", "E09999999"]})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(answer["error"]["details"][0]["field"], "areas[1]");
    assert_eq!(answer["error"]["details"][0]["code"], "unknown_code");
    let (status, answer) = put(json!({"name": "Lanternwick", "areas": ["E08000003"]})).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["area_names"], json!({"E08000003": "Manchester"}));
}

/// The fields of an agency's public contact on a card.
fn contact_of(card: &Value) -> (Value, Value, Value) {
    let agency = &card["agency"];
    (
        agency["phone"].clone(),
        agency["email"].clone(),
        agency["website"].clone(),
    )
}

#[actix_web::test]
async fn public_carer_views_search_results_and_matches_name_the_holding_agency() {
    let (app, agencies) = seeded_app().await;
    let store = app.db().store.clone();
    let expected: Vec<(Value, Value, Value)> = agencies
        .iter()
        .map(|id| {
            let p = store
                .get_agency(*id)
                .expect("read")
                .expect("agency")
                .profile;
            (json!(p.phone), json!(p.email), json!(p.website))
        })
        .collect();
    let holder = |id: i64| {
        let carer = store
            .get_carer(carematch_domain::CarerId(id))
            .expect("read")
            .expect("carer");
        let i = agencies
            .iter()
            .position(|a| *a == carer.agency_id)
            .expect("agency");
        (expected[i].clone(), carer.details.contact)
    };

    let (status, outcome) = post(
        &app,
        "/v1/matches",
        None,
        &json!({"plan": plan("01-cantonese-manchester-sight-loss.json"), "limit": 5}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{outcome}");
    let matches = outcome["matches"].as_array().expect("matches");
    let carers: Vec<&Value> = matches.iter().filter(|m| m["kind"] == "carer").collect();
    assert!(!carers.is_empty(), "{outcome}");
    for m in &carers {
        let (agency, own) = holder(m["id"].as_i64().expect("id"));
        assert_eq!(contact_of(m), agency, "{m}");
        assert!(
            m["agency"]["phone"]
                .as_str()
                .is_some_and(|p| p.contains(" 496 ") || p.starts_with("020 7946"))
        );
        let text = m.to_string();
        for private in [own.phone, own.email].into_iter().flatten() {
            assert!(
                !text.contains(&private),
                "the PA's own contact leaked: {text}"
            );
        }
    }
    for m in matches.iter().filter(|m| m["kind"] == "provider") {
        assert!(
            m.get("agency").is_none(),
            "providers publish their own contact: {m}"
        );
    }

    let (status, found) = app
        .get("/v1/search?kind=carer&language=yue&per_page=5")
        .await;
    assert_eq!(status, StatusCode::OK, "{found}");
    for item in found["items"].as_array().expect("items") {
        let (agency, _) = holder(item["id"].as_i64().expect("id"));
        assert_eq!(contact_of(item), agency, "{item}");
    }

    let (status, listed) = app.get("/v1/carers?per_page=5").await;
    assert_eq!(status, StatusCode::OK);
    for item in listed["items"].as_array().expect("items") {
        let (agency, _) = holder(item["id"].as_i64().expect("id"));
        assert_eq!(contact_of(item), agency, "{item}");
        assert!(item.get("contact").is_none());
        let (_, one) = app.get(&format!("/v1/carers/{}", item["id"])).await;
        assert_eq!(one["agency"], item["agency"]);
    }

    // The agency changes its phone: the next answer (even one asked before) shows the new one.
    let first = carers[0];
    let carer = store
        .get_carer(carematch_domain::CarerId(first["id"].as_i64().expect("id")))
        .expect("read")
        .expect("carer");
    let key = crate::matches::make_key(&store, Role::Agency, Some(carer.agency_id));
    let mut changed = store
        .get_agency(carer.agency_id)
        .expect("read")
        .expect("agency")
        .profile;
    changed.phone = Some("0161 496 0999".into());
    let (status, _, text) = app
        .request(
            "PUT",
            &format!("/v1/agencies/{}", carer.agency_id),
            Some(&key),
            &[("Content-Type", "application/json")],
            serde_json::to_string(&changed).expect("json"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let (_, again) = post(
        &app,
        "/v1/matches",
        None,
        &json!({"plan": plan("01-cantonese-manchester-sight-loss.json"), "limit": 5}),
    )
    .await;
    let same = again["matches"]
        .as_array()
        .expect("matches")
        .iter()
        .find(|m| m["id"] == first["id"] && m["kind"] == "carer")
        .expect("the same carer");
    assert_eq!(same["agency"]["phone"], "0161 496 0999");
}
