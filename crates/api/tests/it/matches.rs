//! `POST /v1/matches` and `/v1/matches/pooled` over the demo fixtures: every fixture plan gets a
//! sensible top five, explanations say why, relaxations appear when few fit, privacy holds.

use std::path::{Path, PathBuf};

use awc::http::StatusCode;
use carematch_domain::vocabulary::Code;
use carematch_domain::{AgencyId, CarerId, Role};
use carematch_store::Store;
use serde_json::{Value, json};

use carematch_testkit::TestApp;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// Loads the demo fixtures through the store, as `carematch seed` does; returns the agencies in
/// `agencies.json` order.
pub fn seed_fixtures(store: &Store) -> Vec<AgencyId> {
    carematch_testkit::seed_demo_fixtures(store)
}

/// A server whose engine started empty and then caught up with the seeded fixtures through the
/// change log (the same path every later write takes).
pub async fn seeded_app() -> (TestApp, Vec<AgencyId>) {
    let app = TestApp::spawn().await;
    let agencies = seed_fixtures(app.engine().store());
    app.engine().catch_up().expect("catch up");
    (app, agencies)
}

pub fn make_key(store: &Store, role: Role, agency: Option<AgencyId>) -> String {
    let (key, hash) = carematch_api::auth::generate_key().expect("random");
    store
        .create_api_key(&hash, role, agency, "test")
        .expect("store key");
    key
}

pub async fn post(
    app: &TestApp,
    path: &str,
    key: Option<&str>,
    body: &Value,
) -> (StatusCode, Value) {
    let (status, _, text) = app
        .request(
            "POST",
            path,
            key,
            &[("content-type", "application/json")],
            body.to_string(),
        )
        .await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

pub fn plan(file: &str) -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("plans").join(file)).expect("plan"),
    )
    .expect("plan json")
}

fn plan_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(fixtures().join("plans"))
        .expect("plans")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json"))
        .collect();
    files.sort();
    files
}

fn criterion<'a>(result: &'a Value, id: &str) -> &'a Value {
    result["criteria"]
        .as_array()
        .expect("criteria")
        .iter()
        .find(|c| c["criterion"] == id)
        .unwrap_or_else(|| panic!("no criterion {id} in {result}"))
}

#[actix_web::test]
async fn every_fixture_plan_gets_a_sensible_top_five() {
    let (app, _) = seeded_app().await;
    let store = app.engine().store().clone();
    let files = plan_files();
    assert!(files.len() >= 20, "{files:?}");
    let mut with_matches = 0;
    for file in &files {
        let (status, body) = post(
            &app,
            "/v1/matches",
            None,
            &json!({"plan": plan(file), "limit": 5}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{file}: {body}");
        let matches = body["matches"].as_array().expect("matches");
        assert!(matches.len() <= 5, "{file}");
        if matches.len() >= 5 {
            assert_eq!(body["relaxations"], json!([]), "{file}");
        }
        eprintln!(
            "{file}: {} matches, {} relaxations, {} considered",
            matches.len(),
            body["relaxations"].as_array().map_or(0, Vec::len),
            body["considered"]
        );
        let mut previous = f64::INFINITY;
        for m in matches {
            let score = m["score"].as_f64().expect("score");
            assert!(
                (0.0..=1.0).contains(&score) && score <= previous,
                "{file}: order"
            );
            previous = score;
            // Every required criterion is met, and says so in words.
            for c in m["criteria"].as_array().expect("criteria") {
                assert!(!c["detail"].as_str().expect("detail").is_empty());
                let criterion = c["criterion"].as_str().expect("criterion");
                let not_applicable = m["kind"] == "provider"
                    && (criterion.starts_with("carer_gender:") || criterion.starts_with("faith:"));
                if c["required"] == true && !not_applicable {
                    assert_eq!(c["result"], "met", "{file}: {c}");
                }
            }
            // Anonymous: distances in half kilometres for carers, consenting carers only.
            if m["kind"] == "carer" {
                let d = m["distance_km"].as_f64().expect("distance");
                assert_eq!((d * 2.0).fract(), 0.0, "{file}: {d}");
                // The distance line says no more than the rounded figure.
                let line = m["criteria"]
                    .as_array()
                    .expect("criteria")
                    .iter()
                    .find(|c| c["criterion"] == "distance")
                    .expect("a distance line");
                assert_eq!(line["detail"], format!("{d:.1} km away"), "{file}");
                let carer = store
                    .get_carer(CarerId(m["id"].as_i64().expect("id")))
                    .expect("get")
                    .expect("carer");
                assert!(carer.details.public_listing_consent, "{file}");
                assert_eq!(m["name"], carer.details.display_name());
            }
        }
        if !matches.is_empty() {
            with_matches += 1;
        }
    }
    // The demo data is sparse on purpose (rural plans, rare languages): most plans find someone,
    // the rest are covered by relaxations (see a_small_town_plan_gets_relaxations).
    assert!(
        with_matches * 3 >= files.len() * 2,
        "only {with_matches} of {} plans found anyone",
        files.len()
    );
}

#[actix_web::test]
async fn the_cantonese_plan_finds_cantonese_speakers_who_cook_cantonese_food() {
    let (app, _) = seeded_app().await;
    let body = json!({"plan": plan("01-cantonese-manchester-sight-loss.json"), "limit": 5});
    let (status, body) = post(&app, "/v1/matches", None, &body).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let top = &body["matches"][0];
    assert!(top.is_object(), "no match: {body}");
    let language = criterion(top, "language:yue");
    assert_eq!(language["result"], "met");
    assert!(
        language["detail"]
            .as_str()
            .expect("detail")
            .contains("Cantonese"),
        "{language}"
    );
    let cuisine = criterion(top, "cuisine:cantonese");
    assert_eq!(cuisine["result"], "met");
    assert!(
        cuisine["detail"]
            .as_str()
            .expect("detail")
            .contains("Cantonese"),
        "{cuisine}"
    );
    // The same request always gives the same order.
    let (_, again) = post(
        &app,
        "/v1/matches",
        None,
        &json!({"plan": plan("01-cantonese-manchester-sight-loss.json"), "limit": 5}),
    )
    .await;
    assert_eq!(again, body);
}

#[actix_web::test]
async fn a_small_town_plan_gets_relaxations() {
    let (app, _) = seeded_app().await;
    let mut found = false;
    for file in [
        "10-bengali-widow-skegness.json",
        "23-end-of-life-at-home-whitby.json",
    ] {
        let (status, body) = post(
            &app,
            "/v1/matches",
            None,
            &json!({"plan": plan(file), "limit": 20}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let relaxations = body["relaxations"].as_array().expect("relaxations");
        assert!(
            body["matches"].as_array().expect("matches").len() < 20,
            "{file}"
        );
        for r in relaxations {
            assert!(r["additional"].as_u64().expect("additional") > 0);
            assert!(!r["suggestion"].as_str().expect("suggestion").is_empty());
            assert!(r["criterion"].is_string());
        }
        found |= !relaxations.is_empty();
    }
    assert!(found, "neither small-town plan got a relaxation");
}

#[actix_web::test]
async fn bad_requests_name_the_field() {
    let (app, _) = seeded_app().await;
    let mut unknown = plan("01-cantonese-manchester-sight-loss.json");
    unknown["postcode"] = json!("ZZ9 9ZZ");
    let (status, body) = post(&app, "/v1/matches", None, &json!({"plan": unknown})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "plan.postcode");

    let good = plan("01-cantonese-manchester-sight-loss.json");
    for limit in [0, 101] {
        let (status, body) = post(
            &app,
            "/v1/matches",
            None,
            &json!({"plan": good, "limit": limit}),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"]["details"][0]["field"], "limit");
    }
    let (status, body) = post(&app, "/v1/matches/pooled", None, &json!({"plans": [good]})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "plans");

    let commissioner = make_key(app.engine().store(), Role::Commissioner, None);
    let (status, body) = post(
        &app,
        "/v1/matches",
        Some(&commissioner),
        &json!({"plan": good}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
}

#[actix_web::test]
async fn agencies_also_match_their_own_unlisted_carers() {
    let (app, agencies) = seeded_app().await;
    let store = app.engine().store().clone();
    // Make every carer of the first agency unlisted, and see who can find them.
    let mut hidden = Vec::new();
    let mut after = None;
    loop {
        let page = store.carers_after(after, 500).expect("scan");
        let Some(last) = page.last() else { break };
        after = Some(last.id);
        for carer in page.into_iter().filter(|c| c.agency_id == agencies[0]) {
            let mut details = carer.details.clone();
            details.public_listing_consent = false;
            store
                .update_carer(
                    carer.id,
                    &details,
                    carer.location,
                    None,
                    &carematch_domain::Actor::system("test"),
                )
                .expect("update");
            hidden.push(carer.id.0);
        }
    }
    assert!(!hidden.is_empty());
    app.engine().catch_up().expect("catch up");
    let own = make_key(&store, Role::Agency, Some(agencies[0]));
    let mut seen_by_agency = 0;
    for file in plan_files() {
        let body = json!({"plan": plan(&file), "limit": 100, "kinds": ["carer"]});
        let (_, public) = post(&app, "/v1/matches", None, &body).await;
        let (_, agency) = post(&app, "/v1/matches", Some(&own), &body).await;
        // The agency's answer to the same body, now cached, is never served to the public.
        let (_, public_again) = post(&app, "/v1/matches", None, &body).await;
        assert_eq!(public, public_again, "{file}");
        for m in public["matches"].as_array().expect("matches") {
            assert!(!hidden.contains(&m["id"].as_i64().expect("id")), "{file}");
        }
        seen_by_agency += agency["matches"]
            .as_array()
            .expect("matches")
            .iter()
            .filter(|m| hidden.contains(&m["id"].as_i64().expect("id")))
            .count();
    }
    assert!(
        seen_by_agency > 0,
        "the agency never saw its own unlisted carers"
    );
}

#[actix_web::test]
async fn pooled_plans_find_candidates_who_serve_everyone() {
    let (app, _) = seeded_app().await;
    let first = plan("09-urdu-couple-oldham.json");
    let mut second = first.clone();
    second["services"] = json!([{"code": "companionship", "priority": "preferred"}]);
    let body = json!({"plans": [first, second], "limit": 5});
    let (status, body) = post(&app, "/v1/matches/pooled", None, &body).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for m in body["matches"].as_array().expect("matches") {
        let plans = m["plans"].as_array().expect("plans");
        assert_eq!(plans.len(), 2);
        for fit in plans {
            for c in fit["criteria"].as_array().expect("criteria") {
                if c["required"] == true {
                    assert_eq!(c["result"], "met", "{c}");
                }
            }
        }
    }
}

#[actix_web::test]
async fn a_write_is_visible_to_matching_after_catch_up() {
    let (app, agencies) = seeded_app().await;
    let store = app.engine().store().clone();
    // A Hakka speaker right by the Liverpool plan's postcode.
    let postcode = plan("07-hakka-speaker-liverpool.json")["postcode"].clone();
    let request = json!({"plan": {"postcode": postcode, "max_distance_km": 10,
        "languages": [{"code": "hak", "min_proficiency": "fluent", "priority": "required"}]},
        "limit": 100, "kinds": ["carer"]});
    let (_, before) = post(&app, "/v1/matches", None, &request).await;
    let mut carer = store
        .carers_after(None, 1)
        .expect("scan")
        .pop()
        .expect("a carer");
    let postcode =
        carematch_domain::Postcode::parse(postcode.as_str().expect("postcode")).expect("postcode");
    let location = store
        .locate(&postcode)
        .expect("locate")
        .expect("known")
        .point;
    let d = &mut carer.details;
    d.given_name = "Hok".into();
    d.external_ref = Some("HAKKA-1".into());
    d.public_listing_consent = true;
    d.postcode = postcode;
    d.languages = vec![carematch_domain::LanguageSkill {
        code: carematch_domain::vocabulary::Language::parse("hak").expect("hak"),
        proficiency: carematch_domain::vocabulary::Proficiency::Native,
        reads: true,
        writes: true,
    }];
    d.travel_radius_km = carematch_domain::Km::new(30.0).expect("km");
    let new = store
        .insert_carer(
            agencies[1],
            &carer.details,
            location,
            &carematch_domain::Actor::system("test"),
        )
        .expect("insert");
    app.engine().catch_up().expect("catch up");
    let (_, after) = post(&app, "/v1/matches", None, &request).await;
    let ids = |body: &Value| -> Vec<i64> {
        body["matches"]
            .as_array()
            .expect("matches")
            .iter()
            .map(|m| m["id"].as_i64().expect("id"))
            .collect()
    };
    assert!(!ids(&before).contains(&new.id.0));
    assert!(ids(&after).contains(&new.id.0), "{after}");

    store
        .delete_carer(new.id, &carematch_domain::Actor::system("test"))
        .expect("delete");
    app.engine().catch_up().expect("catch up");
    let (_, gone) = post(&app, "/v1/matches", None, &request).await;
    assert!(!ids(&gone).contains(&new.id.0));
}

/// `carematch_match_cache_hits` and `..._misses` from `/metrics`.
async fn cache_counts(app: &TestApp) -> (u64, u64) {
    let (_, _, text) = app.request("GET", "/metrics", None, &[], "").await;
    let read = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(name)?.trim().parse::<f64>().ok())
            .unwrap_or_else(|| panic!("{name} missing from /metrics"))
    };
    (
        read("carematch_match_cache_hits ") as u64,
        read("carematch_match_cache_misses ") as u64,
    )
}

#[actix_web::test]
async fn the_same_request_is_answered_from_the_cache_until_a_write() {
    let (app, _) = seeded_app().await;
    let store = app.engine().store().clone();
    let body = json!({"plan": plan("01-cantonese-manchester-sight-loss.json"), "limit": 5,
        "kinds": ["carer"]});
    let (status, first) = post(&app, "/v1/matches", None, &body).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cache_counts(&app).await, (0, 1));
    let (_, second) = post(&app, "/v1/matches", None, &body).await;
    assert_eq!(first, second);
    assert_eq!(cache_counts(&app).await, (1, 1));

    // A write publishes a new snapshot: the next answer is computed again, and shows it.
    let top = first["matches"][0]["id"].as_i64().expect("a match");
    store
        .delete_carer(CarerId(top), &carematch_domain::Actor::system("test"))
        .expect("delete");
    app.engine().catch_up().expect("catch up");
    let (_, after) = post(&app, "/v1/matches", None, &body).await;
    assert_eq!(cache_counts(&app).await, (1, 2));
    assert_ne!(after["matches"][0]["id"], top, "{after}");

    // Errors are never cached.
    let bad = json!({"plan": {"postcode": "ZZ99 9ZZ", "max_distance_km": 5}});
    for _ in 0..2 {
        let (status, _) = post(&app, "/v1/matches", None, &bad).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_eq!(cache_counts(&app).await, (1, 4));
}

#[actix_web::test]
async fn a_team_covers_a_required_schedule_nobody_covers_alone() {
    let (app, agencies) = seeded_app().await;
    let store = app.engine().store().clone();
    let postcode = plan("07-hakka-speaker-liverpool.json")["postcode"].clone();
    let request = json!({"plan": {"postcode": postcode, "max_distance_km": 10,
        "languages": [{"code": "hak", "min_proficiency": "fluent", "priority": "required"}],
        "schedule": {"slots": [{"day": "sun", "start": "03:00", "end": "05:00"}], "priority": "required"}},
        "limit": 10, "kinds": ["carer"]});
    let postcode =
        carematch_domain::Postcode::parse(postcode.as_str().expect("postcode")).expect("postcode");
    let location = store
        .locate(&postcode)
        .expect("locate")
        .expect("known")
        .point;
    let mut ids = Vec::new();
    for (name, start, end) in [("Hok", "03:00", "04:00"), ("Lin", "04:00", "05:00")] {
        let mut carer = store
            .carers_after(None, 1)
            .expect("scan")
            .pop()
            .expect("a carer");
        let d = &mut carer.details;
        d.given_name = name.into();
        d.external_ref = Some(format!("TEAM-{name}"));
        d.public_listing_consent = true;
        d.postcode = postcode.clone();
        d.languages = vec![carematch_domain::LanguageSkill {
            code: carematch_domain::vocabulary::Language::parse("hak").expect("hak"),
            proficiency: carematch_domain::vocabulary::Proficiency::Native,
            reads: true,
            writes: true,
        }];
        d.availability = vec![carematch_domain::Slot {
            day: carematch_domain::vocabulary::Weekday::Sun,
            start: carematch_domain::TimeOfDay::parse(start).expect("time"),
            end: carematch_domain::TimeOfDay::parse(end).expect("time"),
            overnight: false,
        }];
        d.travel_radius_km = carematch_domain::Km::new(30.0).expect("km");
        let new = store
            .insert_carer(
                agencies[1],
                &carer.details,
                location,
                &carematch_domain::Actor::system("test"),
            )
            .expect("insert");
        ids.push(new.id.0);
    }
    app.engine().catch_up().expect("catch up");
    let (status, body) = post(&app, "/v1/matches", None, &request).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["matches"], json!([]), "{body}");
    let team = &body["teams"][0];
    assert_eq!(team["coverage"], 1.0, "{body}");
    let mut members: Vec<i64> = team["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| m["id"].as_i64().expect("id"))
        .collect();
    members.sort_unstable();
    assert_eq!(members, ids);
    let parts = team["slots"][0]["parts"].as_array().expect("parts");
    assert_eq!(parts.len(), 2, "{team}");
    assert_eq!(parts[0]["start"], "03:00");
    assert_eq!(parts[1]["end"], "05:00");
    let detail = team["slots"][0]["detail"].as_str().expect("detail");
    assert!(detail.contains("Sun 03:00–04:00"), "{detail}");

    // A schedule that is only preferred gets no teams: one carer covering part of it matches.
    let mut preferred = request.clone();
    preferred["plan"]["schedule"]["priority"] = json!("preferred");
    let (_, body) = post(&app, "/v1/matches", None, &preferred).await;
    assert!(body.get("teams").is_none(), "{body}");
}

#[actix_web::test]
async fn a_pool_adds_up_its_hours() {
    let (app, _) = seeded_app().await;
    let mut first = plan("09-urdu-couple-oldham.json");
    first["hours_per_week"] = json!({"hours": 100, "priority": "required"});
    let second = first.clone();
    let body = json!({"plans": [first, second], "limit": 5});
    let (status, body) = post(&app, "/v1/matches/pooled", None, &body).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Nobody has 200 hours a week free.
    assert_eq!(body["matches"], json!([]), "{body}");
    let hours = body["relaxations"]
        .as_array()
        .expect("relaxations")
        .iter()
        .find(|r| r["criterion"] == "hours_per_week");
    if let Some(hours) = hours {
        assert!(
            hours["suggestion"]
                .as_str()
                .is_some_and(|s| s.contains("fewer than 200 hours")),
            "{hours}"
        );
    }
}
