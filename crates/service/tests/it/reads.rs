//! Matching, search and gap maps through the service: requests are validated with every bad
//! field named, a service whose engine is loading says so, and plans saved as demand.

use carematch_domain::{Caller, SupportPlan};
use carematch_index::gaps::GapQuery;
use carematch_matching::Viewer;
use carematch_matching::gaps::{AreaKind, DemandBasis, NeedSet};
use carematch_service::gaps::{GapsParams, parse_params};
use carematch_service::matching::viewer_of;
use carematch_service::{CareService, MatchRequest, PooledRequest, SearchRequest, ServiceError};
use carematch_store::Page;
use carematch_testkit::TestDb;
use serde_json::json;

use crate::support::{POSTCODE, World};

fn fields(error: ServiceError) -> Vec<String> {
    match error {
        ServiceError::Validation(fields) => fields.into_iter().map(|f| f.field).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn match_requests_name_every_bad_field() {
    let world = World::new();
    let snapshot = world.snapshot();
    let today = carematch_service::today();
    let request: MatchRequest = serde_json::from_value(json!({
        "plan": {"postcode": "ZZ9 9ZZ", "max_distance_km": 10}, "limit": 5}))
    .expect("request");
    let error = world
        .service
        .match_plan(&snapshot, &request, Viewer::Public, today)
        .expect_err("unknown postcode");
    assert_eq!(fields(error), ["plan.postcode"]);

    let request: MatchRequest = serde_json::from_value(json!({
        "plan": {"postcode": POSTCODE, "max_distance_km": 10}, "limit": 0}))
    .expect("request");
    assert_eq!(fields(request.validate().expect_err("limit 0")), ["limit"]);

    let pooled: PooledRequest = serde_json::from_value(json!({
        "plans": [{"postcode": POSTCODE, "max_distance_km": 10}]}))
    .expect("request");
    let error = world
        .service
        .match_pooled(&snapshot, &pooled, Viewer::Public, today)
        .expect_err("one plan is no pool");
    assert_eq!(fields(error), ["plans"]);

    assert!(matches!(
        viewer_of(Caller::Commissioner),
        Err(ServiceError::Forbidden)
    ));
}

#[test]
fn pooled_matching_finds_who_serves_every_plan() {
    let world = World::new();
    let [north, _] = world.agencies;
    let created = world.north_carer("Wingyee");
    let pooled: PooledRequest = serde_json::from_value(json!({
        "plans": [
            {"postcode": POSTCODE, "max_distance_km": 10,
             "languages": [{"code": "yue", "min_proficiency": "fluent", "priority": "required"}]},
            {"postcode": POSTCODE, "max_distance_km": 10}],
        "kinds": ["carer"]}))
    .expect("request");
    let outcome = world
        .service
        .match_pooled(
            &world.snapshot(),
            &pooled,
            Viewer::Agency(north),
            carematch_service::today(),
        )
        .expect("pooled");
    assert_eq!(
        outcome.matches.iter().map(|m| m.id).collect::<Vec<_>>(),
        [created.id.0]
    );
}

#[test]
fn a_service_whose_engine_is_loading_says_so_and_still_writes() {
    let db = TestDb::new();
    let service = CareService::new(db.store.clone());
    assert!(matches!(service.snapshot(), Err(ServiceError::Loading)));
    let search = SearchRequest::from_pairs(vec![("q".into(), "yue".into())]).expect("request");
    assert!(matches!(
        service.search(search, Viewer::Public),
        Err(ServiceError::Loading)
    ));
    let query = GapQuery {
        need: NeedSet::parse("language:yue").expect("need"),
        max_km: 10.0,
        by: AreaKind::LocalAuthority,
        basis: DemandBasis::Census,
        today: 0,
    };
    assert!(matches!(service.gaps(&query), Err(ServiceError::Loading)));
    // Writes need no engine (the CLI's imports): they commit, and a server's follower applies
    // them.
    let agency = db.store.create_agency("North").expect("agency").id;
    let report = service.import_carers(agency, b"", &|_| {});
    assert!(matches!(report, Err(ServiceError::ImportRejected(_))));
}

#[test]
fn gap_maps_need_authorities_and_a_valid_question() {
    let world = World::new();
    let params = GapsParams {
        need: Some("language:xx".into()),
        max_km: Some("500".into()),
        by: Some("county".into()),
        demand: None,
    };
    let error = parse_params(&params, 0).expect_err("bad params");
    assert_eq!(fields(error), ["need", "max_km", "by"]);
    let params = GapsParams {
        need: Some("language:yue".into()),
        ..GapsParams::default()
    };
    let query = parse_params(&params, 0).expect("valid");
    assert!(matches!(
        world.service.gaps(&query),
        Err(ServiceError::NoAuthorities(_))
    ));
}

#[test]
fn plans_are_saved_listed_and_deleted_per_agency() {
    let world = World::new();
    let [north, south] = world.agencies;
    let plan: SupportPlan =
        serde_json::from_value(json!({"postcode": POSTCODE, "max_distance_km": 8})).expect("plan");
    let saved = world.service.save_plan(north, &plan).expect("saved");
    let page = Page::new(1, 20);
    assert_eq!(world.service.plans(north, page).expect("list").total, 1);
    assert_eq!(world.service.plans(south, page).expect("list").total, 0);
    assert!(world.service.delete_plan(south, saved.id).is_err());
    world.service.delete_plan(north, saved.id).expect("deleted");
    assert_eq!(world.service.plans(north, page).expect("list").total, 0);
}
