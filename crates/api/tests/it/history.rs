//! Edit history, restore, confirmation and the freshness sweep over HTTP (docs/api.md, "Edit
//! history and freshness").

use awc::http::StatusCode;
use carematch_domain::listing::HIDE_AFTER_DAYS;
use carematch_domain::{Actor, ActorKind, Role};
use carematch_store::Entity;
use chrono::{Days, NaiveDate};
use serde_json::Value;

use crate::carers::{World, carer, make_key};
use crate::matches::seeded_app;

fn ops(body: &Value) -> Vec<&str> {
    body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["op"].as_str().expect("op"))
        .collect()
}

#[actix_web::test]
async fn the_holding_agency_reads_history_restores_and_confirms_others_may_not() {
    let w = World::new().await;
    let id = w.create(&w.key_a, &carer("HIST-1", true)).await;
    let mut changed = carer("HIST-1", true);
    changed["bio"] = "Also cooks Sylheti food.".into();
    let path = format!("/v1/carers/{id}");
    let (status, _) = w.json("PUT", &path, Some(&w.key_a), Some(&changed)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = w.send("DELETE", &path, Some(&w.key_a), &[], None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    // Another agency, a commissioner and the public may not restore or read it.
    let restore = format!("{path}/restore");
    for key in [Some(&w.key_b), Some(&w.commissioner), None] {
        let (status, _) = w
            .json("POST", &restore, key.map(String::as_str), None)
            .await;
        assert!(
            matches!(
                status,
                StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED | StatusCode::NOT_FOUND
            ),
            "{status}"
        );
        let (status, _) = w
            .json(
                "GET",
                &format!("{path}/history"),
                key.map(String::as_str),
                None,
            )
            .await;
        assert!(
            matches!(status, StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED),
            "{status}"
        );
    }
    let (status, restored) = w.json("POST", &restore, Some(&w.key_a), None).await;
    assert_eq!(status, StatusCode::OK, "{restored}");
    assert_eq!(restored["id"], id);
    let (status, _) = w.json("GET", &path, Some(&w.key_a), None).await;
    assert_eq!(status, StatusCode::OK);
    // Restoring a live record changes nothing: the same record, the same version.
    let (status, again) = w.json("POST", &restore, Some(&w.key_a), None).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["version"], restored["version"]);

    let (status, confirmed) = w
        .json("POST", &format!("{path}/confirm"), Some(&w.key_a), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{confirmed}");
    assert_eq!(
        confirmed["last_confirmed_on"],
        carematch_service::today().to_string(),
        "{confirmed}"
    );
    let (status, _) = w
        .json("POST", &format!("{path}/confirm"), Some(&w.key_b), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, history) = w
        .json("GET", &format!("{path}/history"), Some(&w.key_a), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{history}");
    assert_eq!(
        ops(&history),
        ["confirm", "restore", "delete", "update", "create"]
    );
    assert_eq!(history["total"], 5);
    let update = &history["items"][3];
    assert_eq!(update["fields"], serde_json::json!(["bio"]));
    assert_eq!(update["actor_kind"], "agency");
    assert_eq!(update["actor_id"], w.agency_a.0);
    assert!(!history.to_string().contains("Sylheti"), "{history}");
    // Admins read it too, paged.
    let (status, page) = w
        .json(
            "GET",
            &format!("{path}/history?page=2&per_page=2"),
            Some(&w.admin),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ops(&page), ["delete", "update"]);
    let (status, _) = w
        .json(
            "GET",
            &format!("{path}/history?per_page=0"),
            Some(&w.admin),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = w
        .json("GET", "/v1/carers/999999/history", Some(&w.admin), None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn provider_history_is_for_its_manager_moderators_and_admins() {
    let w = World::new().await;
    let body: Value = serde_json::from_str(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/providers.jsonl"
        ))
        .lines()
        .next()
        .expect("a provider"),
    )
    .expect("json");
    let (status, created) = w
        .json(
            "POST",
            "/v1/providers",
            Some(&w.key_a),
            Some(&body["details"]),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let path = format!("/v1/providers/{}", created["id"]);
    let (moderator, _) = make_key(&w.store, Role::Moderator, None);
    for (key, want) in [
        (&w.key_a, StatusCode::OK),
        (&moderator, StatusCode::OK),
        (&w.admin, StatusCode::OK),
        (&w.key_b, StatusCode::FORBIDDEN),
        (&w.commissioner, StatusCode::FORBIDDEN),
    ] {
        let (status, body) = w
            .json("GET", &format!("{path}/history"), Some(key), None)
            .await;
        assert_eq!(status, want, "{body}");
    }
    let (status, _) = w
        .json("POST", &format!("{path}/confirm"), Some(&moderator), None)
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "moderators decide, they do not confirm"
    );
    let (status, _) = w
        .json("POST", &format!("{path}/confirm"), Some(&w.key_a), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, _) = w.send("DELETE", &path, Some(&w.key_a), &[], None).await;
    let (status, _) = w
        .json("POST", &format!("{path}/restore"), Some(&w.key_b), None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = w
        .json("POST", &format!("{path}/restore"), Some(&w.key_a), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, history) = w
        .json("GET", &format!("{path}/history"), Some(&w.admin), None)
        .await;
    assert_eq!(ops(&history), ["restore", "delete", "confirm", "create"]);
}

fn plus(day: NaiveDate, days: i64) -> NaiveDate {
    day.checked_add_days(Days::new(u64::try_from(days).expect("positive")))
        .expect("in range")
}

#[actix_web::test]
async fn a_stale_pa_leaves_public_search_and_matching_until_confirmed() {
    let (app, agencies) = seeded_app().await;
    let store = app.engine().store().clone();
    let mut carer = store
        .carers_after(None, 1)
        .expect("scan")
        .pop()
        .expect("carer");
    let confirmed = carematch_service::today() - Days::new(200);
    carer.details.given_name = "Eudoxia".into();
    carer.details.external_ref = Some("FRESH-1".into());
    carer.details.public_listing_consent = true;
    carer.details.last_confirmed_on = confirmed;
    let by = Actor::new(ActorKind::Agency, Some(agencies[2].0), "agency");
    let new = store
        .insert_carer(agencies[2], &carer.details, carer.location, &by)
        .expect("insert");
    app.engine().catch_up().expect("catch up");
    let (_, body) = app.get("/v1/search?q=Eudoxia").await;
    assert_eq!(body["total"], 1, "{body}");
    let (status, public) = app.get(&format!("/v1/carers/{}", new.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(public["confirmed_days_ago"], 200, "{public}");

    // Day 179: still public. Day 180: hidden.
    let service = app.state().service().clone();
    let summary = service
        .freshness_sweep(plus(confirmed, HIDE_AFTER_DAYS - 1))
        .expect("sweep");
    assert!(!summary.hidden.iter().any(|(_, id)| *id == new.id.0));
    let summary = service
        .freshness_sweep(plus(confirmed, HIDE_AFTER_DAYS))
        .expect("sweep");
    assert!(summary.hidden.iter().any(|(_, id)| *id == new.id.0));
    app.engine().catch_up().expect("catch up");
    let (_, body) = app.get("/v1/search?q=Eudoxia").await;
    assert_eq!(body["total"], 0, "{body}");
    let (status, _) = app.get(&format!("/v1/carers/{}", new.id)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Its agency still sees it, flagged.
    let key = crate::matches::make_key(&store, Role::Agency, Some(agencies[2]));
    let (status, _, text) = app
        .request(
            "GET",
            &format!("/v1/carers/{}", new.id),
            Some(&key),
            &[],
            "",
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");

    let (status, _, text) = app
        .request(
            "POST",
            &format!("/v1/carers/{}/confirm", new.id),
            Some(&key),
            &[],
            "",
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    app.engine().catch_up().expect("catch up");
    let (_, body) = app.get("/v1/search?q=Eudoxia").await;
    assert_eq!(body["total"], 1, "{body}");
    let (_, public) = app.get(&format!("/v1/carers/{}", new.id)).await;
    assert_eq!(public["confirmed_days_ago"], 0, "{public}");
}

#[actix_web::test]
async fn a_stale_provider_is_gone_for_the_public_and_kept_for_its_agency() {
    let (app, agencies) = seeded_app().await;
    let store = app.engine().store().clone();
    let mut provider = store
        .providers_after(None, 1)
        .expect("scan")
        .pop()
        .expect("provider");
    let confirmed = carematch_service::today() - Days::new(200);
    provider.details.name = "Eudoxia Day Centre".into();
    provider.details.external_ref = Some("FRESH-P1".into());
    provider.details.last_confirmed_on = confirmed;
    let by = Actor::new(ActorKind::Agency, Some(agencies[2].0), "agency");
    let new = store
        .insert_provider(Some(agencies[2]), &provider.details, provider.location, &by)
        .expect("insert");
    let path = format!("/v1/providers/{}", new.id.0);
    let (status, _) = app.get(&path).await;
    assert_eq!(status, StatusCode::OK);
    let (_, before) = app.get("/v1/providers?per_page=1").await;

    let summary = app
        .state()
        .service()
        .freshness_sweep(plus(confirmed, HIDE_AFTER_DAYS))
        .expect("sweep");
    assert!(summary.hidden.contains(&(Entity::Provider, new.id.0)));
    // Gone for the public: the record, and as many fewer in the list as providers were hidden
    // (fixtures as old as this one would be hidden too, as the clock moves on).
    let (status, _) = app.get(&path).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, after) = app.get("/v1/providers?per_page=1").await;
    let hidden_now = summary
        .hidden
        .iter()
        .filter(|(entity, _)| *entity == Entity::Provider)
        .count() as u64;
    assert_eq!(
        after["total"].as_u64(),
        before["total"].as_u64().map(|t| t - hidden_now),
        "{after}"
    );
    // Its agency still reads it and lists it with mine=true.
    let key = crate::matches::make_key(&store, Role::Agency, Some(agencies[2]));
    let (status, _, text) = app.request("GET", &path, Some(&key), &[], "").await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let (status, _, text) = app
        .request(
            "GET",
            "/v1/providers?mine=true&per_page=100",
            Some(&key),
            &[],
            "",
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(text.contains("Eudoxia Day Centre"), "{text}");

    let (status, _, text) = app
        .request("POST", &format!("{path}/confirm"), Some(&key), &[], "")
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let (status, _) = app.get(&path).await;
    assert_eq!(status, StatusCode::OK);
}
