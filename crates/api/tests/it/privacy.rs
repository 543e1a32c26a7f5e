//! Privacy from the outside (docs/api.md, "Privacy model"): what a caller who may not see a
//! carer's full record can learn with unlimited requests. Each test here failed before the
//! public cell and the faith consent existed.

use std::collections::BTreeSet;

use awc::http::StatusCode;
use carematch_domain::{AgencyId, CarerDetails, GeoPoint, Role};
use carematch_store::NewCarer;
use serde_json::{Value, json};

use crate::carers::carer;
use crate::matches::{make_key, post};
use carematch_testkit::TestApp;

/// A remote spot (mid Wales) with no fixture carers, so that every answer near it is about the
/// carers placed here.
fn remote() -> GeoPoint {
    GeoPoint::new(52.30, -3.60).expect("point")
}

/// `km` north and `east_km` east of `from` (flat approximation, fine at a few km).
fn offset(from: GeoPoint, north_km: f64, east_km: f64) -> GeoPoint {
    let lat = from.lat + north_km / 111.195;
    let lon = from.lon + east_km / (111.195 * from.lat.to_radians().cos());
    GeoPoint::new(lat, lon).expect("point")
}

/// A carer body (`crate::carers::carer`) with changes, as domain details.
fn details(external_ref: &str, change: impl FnOnce(&mut Value)) -> CarerDetails {
    let mut body = carer(external_ref, true);
    body["travel_radius_km"] = json!(25.0);
    change(&mut body);
    serde_json::from_value(body).expect("carer details")
}

/// A server whose store holds `carers` of one agency at the given points; their ids, and a key of
/// that agency.
async fn world(carers: Vec<(CarerDetails, GeoPoint)>) -> (TestApp, Vec<i64>, String, AgencyId) {
    let app = TestApp::spawn().await;
    let store = app.engine().store().clone();
    let agency = store.create_agency("Holding agency").expect("agency").id;
    let rows: Vec<NewCarer> = carers
        .into_iter()
        .map(|(details, location)| NewCarer {
            agency_id: agency,
            details,
            location,
        })
        .collect();
    let ids = store
        .insert_carers(&rows, &|_| {}, &carematch_domain::Actor::system("test"))
        .expect("insert");
    app.engine().catch_up().expect("catch up");
    let key = make_key(&store, Role::Agency, Some(agency));
    (app, ids.into_iter().map(|id| id.0).collect(), key, agency)
}

fn ids_in(body: &Value, list: &str) -> Vec<i64> {
    body[list]
        .as_array()
        .map(|items| items.iter().filter_map(|i| i["id"].as_i64()).collect())
        .unwrap_or_default()
}

/// Whether an anonymous radius search around `at` finds carer `id`.
async fn search_finds(app: &TestApp, at: GeoPoint, km: f64, id: i64) -> bool {
    let path = format!(
        "/v1/search?lat={}&lon={}&radius_km={km}&kind=carer&per_page=100",
        at.lat, at.lon
    );
    let (status, body) = app.get(&path).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    ids_in(&body, "items").contains(&id)
}

/// Whether an anonymous match at `at` with maximum distance `km` returns carer `id`.
async fn match_finds(app: &TestApp, at: GeoPoint, km: f64, id: i64) -> bool {
    let body = json!({
        "plan": {"location": {"lat": at.lat, "lon": at.lon}, "max_distance_km": km},
        "limit": 100, "kinds": ["carer"]
    });
    let (status, out) = post(app, "/v1/matches", None, &body).await;
    assert_eq!(status, StatusCode::OK, "{out}");
    ids_in(&out, "matches").contains(&id)
}

/// The radius at which `finds` turns true, to 1 mm: what an attacker binary-searching learns.
async fn boundary<F, Fut>(mut finds: F) -> f64
where
    F: FnMut(f64) -> Fut,
    Fut: Future<Output = bool>,
{
    let (mut lo, mut hi) = (0.1, 20.0);
    assert!(finds(hi).await, "the target is within 20 km");
    while hi - lo > 1e-6 {
        let mid = (lo + hi) / 2.0;
        if finds(mid).await {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// The point at distances `d` from `anchors` (least squares on a local flat plane).
fn trilaterate(anchors: &[GeoPoint; 3], d: [f64; 3]) -> GeoPoint {
    let origin = anchors[0];
    let xy = |p: GeoPoint| {
        (
            (p.lon - origin.lon) * 111.195 * origin.lat.to_radians().cos(),
            (p.lat - origin.lat) * 111.195,
        )
    };
    let [(x0, y0), (x1, y1), (x2, y2)] = anchors.map(xy);
    // Subtracting the first circle's equation from the others leaves two linear equations.
    let (a1, b1, c1) = (
        2.0 * (x1 - x0),
        2.0 * (y1 - y0),
        d[0] * d[0] - d[1] * d[1] + x1 * x1 - x0 * x0 + y1 * y1 - y0 * y0,
    );
    let (a2, b2, c2) = (
        2.0 * (x2 - x0),
        2.0 * (y2 - y0),
        d[0] * d[0] - d[2] * d[2] + x2 * x2 - x0 * x0 + y2 * y2 - y0 * y0,
    );
    let det = a1 * b2 - a2 * b1;
    let (x, y) = ((c1 * b2 - c2 * b1) / det, (a1 * c2 - a2 * c1) / det);
    offset(origin, y, x)
}

#[actix_web::test]
async fn an_attacker_binary_searching_radii_from_three_points_finds_only_the_public_cell() {
    let cell = remote().public_cell();
    // The real base sits 0.45 km from its cell's centre, well inside the cell.
    let base = offset(cell, 0.36, 0.27);
    assert_eq!(base.public_cell(), cell);
    let (app, ids, agency_key, _) = world(vec![(details("PA-T", |_| {}), base)]).await;
    let target = ids[0];
    let anchors = [
        offset(base, 6.0, 0.0),
        offset(base, -3.0, 5.2),
        offset(base, -3.0, -5.2),
    ];
    for attack in ["search", "match"] {
        let mut d = [0.0; 3];
        for (i, anchor) in anchors.iter().enumerate() {
            d[i] = match attack {
                "search" => boundary(|km| search_finds(&app, *anchor, km, target)).await,
                _ => boundary(|km| match_finds(&app, *anchor, km, target)).await,
            };
        }
        let found = trilaterate(&anchors, d);
        // The attack works, and what it finds is the cell's centre, not the carer's base.
        assert!(
            found.distance_km(cell) < 0.02,
            "{attack}: {found:?} vs cell {cell:?}"
        );
        assert!(
            found.distance_km(base) > 0.4,
            "{attack} located the base to {} km",
            found.distance_km(base)
        );
    }
    // Shown distances come from the cell too, rounded to 0.5 km.
    let (_, body) = app
        .get(&format!(
            "/v1/search?lat={}&lon={}&radius_km=5&kind=carer",
            base.lat, base.lon
        ))
        .await;
    assert_eq!(body["items"][0]["distance_km"], json!(0.5), "{body}");
    // The holding agency is answered from the real base: found within 100 m, at 0 km.
    assert!(!search_finds(&app, base, 0.1, target).await);
    let (status, _, text) = app
        .request(
            "GET",
            &format!(
                "/v1/search?lat={}&lon={}&radius_km=0.1&kind=carer",
                base.lat, base.lon
            ),
            Some(&agency_key),
            &[],
            Vec::new(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let theirs: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(ids_in(&theirs, "items"), [target], "{theirs}");
    assert_eq!(theirs["items"][0]["distance_km"], json!(0.0));
}

/// A plan near `remote()` asking for a shared faith.
fn faith_plan(faith: &str, priority: &str) -> Value {
    let at = remote();
    json!({
        "plan": {
            "location": {"lat": at.lat, "lon": at.lon}, "max_distance_km": 10,
            "shared_faith": {"code": faith, "priority": priority}
        },
        "limit": 1, "kinds": ["carer"]
    })
}

#[actix_web::test]
async fn faith_is_matched_and_shown_only_with_the_carers_consent_or_for_the_holder() {
    let at = remote();
    let (app, ids, agency_key, _) = world(vec![
        (details("PA-1", |b| b["faith"] = json!("muslim")), at),
        (
            details("PA-2", |b| {
                b["faith"] = json!("muslim");
                b["faith_public_consent"] = json!(true);
            }),
            offset(at, 3.0, 0.0),
        ),
        (details("PA-3", |b| b["faith"] = json!("christian")), at),
    ])
    .await;
    let (silent_muslim, open_muslim, silent_christian) = (ids[0], ids[1], ids[2]);

    let mut required = faith_plan("muslim", "required");
    required["limit"] = json!(20);
    let (status, public) = post(&app, "/v1/matches", None, &required).await;
    assert_eq!(status, StatusCode::OK, "{public}");
    assert_eq!(ids_in(&public, "matches"), [open_muslim], "{public}");
    let text = public.to_string();
    assert!(
        text.contains("shares the person's faith (Muslim)"),
        "{text}"
    );
    // The relaxation counts both carers who did not consent, whatever their faith.
    let (_, one) = post(&app, "/v1/matches", None, &faith_plan("muslim", "required")).await;
    assert_eq!(
        one["relaxations"],
        json!([]),
        "one match fills a limit of one"
    );
    let mut none_fit = faith_plan("muslim", "required");
    none_fit["plan"]["languages"] =
        json!([{"code": "yue", "min_proficiency": "basic", "priority": "required"}]);
    none_fit["limit"] = json!(5);
    let (_, relaxed) = post(&app, "/v1/matches", None, &none_fit).await;
    let faith_relaxation = relaxed["relaxations"]
        .as_array()
        .expect("relaxations")
        .iter()
        .find(|r| r["criterion"] == "faith:muslim")
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(faith_relaxation["additional"], json!(2), "{relaxed}");

    // The holding agency matches on faith whatever the consent.
    let (_, theirs) = post(&app, "/v1/matches", Some(&agency_key), &required).await;
    let mut held = ids_in(&theirs, "matches");
    held.sort_unstable();
    assert_eq!(held, [silent_muslim, open_muslim], "{theirs}");

    // The public view shows faith only with consent.
    for (id, shown) in [
        (silent_muslim, Value::Null),
        (open_muslim, json!("muslim")),
        (silent_christian, Value::Null),
    ] {
        let (status, view) = app.get(&format!("/v1/carers/{id}")).await;
        assert_eq!(status, StatusCode::OK, "{view}");
        assert_eq!(view["faith"], shown, "{view}");
    }
}

/// Every (method, path) in the committed OpenAPI document.
fn documented_operations() -> BTreeSet<(String, String)> {
    let spec: Value = serde_json::from_str(include_str!("../../../../openapi/openapi.json"))
        .expect("openapi.json");
    let mut out = BTreeSet::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            out.insert((method.to_uppercase(), path.clone()));
        }
    }
    out
}

/// The documented template a concrete path answers to: same method and number of segments,
/// every literal segment equal; of several, the one with most literal segments (so
/// `/v1/reports/time-to-fill` is itself, not `/v1/reports/{reference}`).
fn template_of(
    documented: &BTreeSet<(String, String)>,
    method: &str,
    path: &str,
) -> Option<String> {
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    documented
        .iter()
        .filter(|(m, _)| m == method)
        .filter_map(|(_, template)| {
            let parts: Vec<&str> = template.trim_end_matches('/').split('/').collect();
            let fits = parts.len() == segments.len()
                && parts
                    .iter()
                    .zip(&segments)
                    .all(|(t, s)| t.starts_with('{') || t == s);
            fits.then(|| {
                (
                    parts.iter().filter(|t| !t.starts_with('{')).count(),
                    template,
                )
            })
        })
        .max_by_key(|(literal, _)| *literal)
        .map(|(_, template)| template.clone())
}

/// The private fields of a carer (docs/api.md, "Privacy model"), set to one of two values, and
/// the carer's base at one of two points of the same public cell.
fn private_twin(which: usize) -> (CarerDetails, GeoPoint) {
    let cell = remote().public_cell();
    let base = [offset(cell, 0.3, -0.3), offset(cell, -0.35, 0.32)][which];
    assert_eq!(base.public_cell(), cell);
    let details = details(["PA-PRIVATE-A", "PA-PRIVATE-B"][which], |b| {
        b["family_name"] = json!(["Ahmed", "Akhtar"][which]);
        b["faith"] = json!(["muslim", "christian"][which]);
        b["postcode"] = json!(["LD1 5AA", "LD1 6BB"][which]);
        let phone = ["01597 000111", "01597 000222"][which];
        let email = ["a.private@example.org", "b.private@example.org"][which];
        let reference = ["DBS-AAA-111", "DBS-BBB-222"][which];
        b["contact"] = json!({"phone": phone, "email": email});
        b["checks"] = json!([{"kind": "dbs_enhanced", "expires_on": "2099-03-31",
                              "reference": reference}]);
    });
    (details, base)
}

/// Everything a caller who may not see the carer's full record can ask, with the key to ask it
/// with (anonymous, or a commissioner's).
fn probes(target: i64) -> Vec<(&'static str, String, Option<Value>)> {
    let cell = remote().public_cell();
    let mut out: Vec<(&'static str, String, Option<Value>)> = vec![
        ("GET", "/v1/carers?per_page=100".to_owned(), None),
        ("GET", "/v1/carers?outward=LD1".to_owned(), None),
        ("GET", format!("/v1/carers/{target}"), None),
        ("GET", "/v1/providers".to_owned(), None),
        ("GET", "/v1/plans".to_owned(), None),
        ("GET", "/v1/outbox".to_owned(), None),
        // Admin only: flags pair providers (organisations), never carers.
        ("GET", "/v1/providers/duplicates".to_owned(), None),
        (
            "POST",
            "/v1/providers/duplicates/1".to_owned(),
            Some(json!({"status": "distinct"})),
        ),
        ("GET", "/v1/enquiries".to_owned(), None),
        ("GET", "/v1/enquiries/summary".to_owned(), None),
        ("GET", "/v1/enquiries/1".to_owned(), None),
        (
            "POST",
            "/v1/enquiries/1/events".to_owned(),
            Some(json!({"status": "contacted"})),
        ),
        (
            "GET",
            "/v1/enquiries/status/CM-2222-2222?token=00".to_owned(),
            None,
        ),
        (
            "DELETE",
            "/v1/enquiries/status/CM-2222-2222?token=00".to_owned(),
            None,
        ),
        // Refused (no consent): the answer names fields only, never what the record holds.
        (
            "POST",
            "/v1/enquiries".to_owned(),
            Some(
                json!({"name": "A", "contact": {"by": "phone", "phone": "0116 496 0123"},
                "items": [{"kind": "carer", "id": target}], "consent": false}),
            ),
        ),
        ("GET", "/v1/vocabulary".to_owned(), None),
        ("GET", "/v1/vacancies".to_owned(), None),
        ("GET", "/v1/vacancies/matching".to_owned(), None),
        ("GET", "/v1/vacancies/V-NOSUCHREF0".to_owned(), None),
        (
            "GET",
            "/v1/vacancies/V-NOSUCHREF0?token=0123".to_owned(),
            None,
        ),
        (
            "POST",
            "/v1/vacancies/V-NOSUCHREF0/status?token=0123".to_owned(),
            Some(json!({"status": "filled"})),
        ),
        // A post with no need is refused before anything is matched or stored.
        (
            "POST",
            "/v1/vacancies/public".to_owned(),
            Some(json!({"outward_code": "LD1"})),
        ),
        ("GET", "/v1/reports/time-to-fill".to_owned(), None),
        (
            "GET",
            "/v1/reports/time-to-fill?format=csv".to_owned(),
            None,
        ),
        ("GET", "/v1/health".to_owned(), None),
        // Agencies' profiles are public by design; they say nothing about a PA.
        ("GET", "/v1/agencies".to_owned(), None),
        ("GET", "/v1/agencies/1".to_owned(), None),
        // The holding agency's register (401 without a key, 403 for a commissioner).
        ("GET", "/v1/agencies/1/register.csv".to_owned(), None),
        ("GET", "/v1/ready".to_owned(), None),
        (
            "GET",
            "/v1/gaps?need=language:yue&max_km=5&by=hex&demand=plans".to_owned(),
            None,
        ),
        // The PA market report: counts only, whatever the dimensions.
        (
            "GET",
            "/v1/reports/market?by=authority,language,service,agency,ethnicity".to_owned(),
            None,
        ),
        ("GET", "/v1/reports/market/snapshots".to_owned(), None),
        // Open Referral publishes providers only, never a PA.
        ("GET", "/openreferral/v3/".to_owned(), None),
        (
            "GET",
            "/openreferral/v3/services?per_page=500".to_owned(),
            None,
        ),
        (
            "GET",
            "/openreferral/v3/services?search=Ahmed&per_page=500".to_owned(),
            None,
        ),
        (
            "GET",
            "/openreferral/v3/service_at_locations?postcode=LD1+5AA&proximity=5000".to_owned(),
            None,
        ),
        (
            "GET",
            "/openreferral/v3/organizations?per_page=500".to_owned(),
            None,
        ),
        (
            "GET",
            "/openreferral/v3/taxonomy_terms?per_page=500".to_owned(),
            None,
        ),
        ("GET", "/openreferral/v3/taxonomies".to_owned(), None),
        // Listings (issue 18): history, confirmation, restore and vetting are for the record's
        // manager; the public writes are refused here for their input alone, before any record
        // is read, so their answers are the same in both worlds.
        ("GET", format!("/v1/carers/{target}/history"), None),
        ("POST", format!("/v1/carers/{target}/confirm"), None),
        ("POST", format!("/v1/carers/{target}/restore"), None),
        (
            "POST",
            format!("/v1/carers/{target}/vetting"),
            Some(json!({"approve": true})),
        ),
        ("GET", "/v1/providers/1/history".to_owned(), None),
        ("POST", "/v1/providers/1/confirm".to_owned(), None),
        ("POST", "/v1/providers/1/restore".to_owned(), None),
        ("GET", "/v1/pa/me".to_owned(), None),
        ("PUT", "/v1/pa/me".to_owned(), Some(json!({}))),
        ("PUT", "/v1/pa/me/availability".to_owned(), Some(json!({}))),
        ("POST", "/v1/pa/me/confirm".to_owned(), None),
        ("GET", "/v1/pa/me/submissions".to_owned(), None),
        ("GET", "/v1/pa/registrations".to_owned(), None),
        ("POST", "/v1/pa/registrations".to_owned(), Some(json!({}))),
        (
            "POST",
            "/v1/pa/confirmations".to_owned(),
            Some(json!({"token": "00"})),
        ),
        ("POST", "/v1/organisations".to_owned(), Some(json!({}))),
        ("GET", "/v1/submissions".to_owned(), None),
        ("GET", "/v1/submissions/1".to_owned(), None),
        ("POST", "/v1/submissions".to_owned(), Some(json!({}))),
        (
            "POST",
            "/v1/submissions/1/decision".to_owned(),
            Some(json!({"decision": "approve"})),
        ),
        (
            "POST",
            "/v1/reports".to_owned(),
            Some(json!({"entity": "carer", "id": target, "kind": "no_such_kind"})),
        ),
        ("GET", "/v1/reports".to_owned(), None),
        ("GET", "/v1/reports/R-NOSUCHREF".to_owned(), None),
        (
            "POST",
            "/v1/reports/R-NOSUCHREF/status".to_owned(),
            Some(json!({"status": "resolved"})),
        ),
    ];
    for object in [
        "services",
        "service_at_locations",
        "organizations",
        "taxonomies",
        "taxonomy_terms",
    ] {
        out.push((
            "GET",
            format!("/openreferral/v3/{object}/00000000-0000-0000-0000-000000000000"),
            None,
        ));
    }
    for q in [
        "Ahmed",
        "Akhtar",
        "muslim",
        "christian",
        "LD1 5AA",
        "LD1 6BB",
        "01597",
        "private",
        "DBS-AAA-111",
        "PA-PRIVATE-A",
        "Mei",
    ] {
        out.push((
            "GET",
            format!("/v1/search?q={}&per_page=100", q.replace(' ', "+")),
            None,
        ));
    }
    for (north, east) in [
        (0.0, 0.0),
        (0.3, -0.3),
        (-0.35, 0.32),
        (0.8, 0.1),
        (-0.2, -1.1),
    ] {
        let at = offset(cell, north, east);
        for km in [0.1, 0.4, 0.6, 1.0, 3.0] {
            out.push((
                "GET",
                format!(
                    "/v1/search?lat={}&lon={}&radius_km={km}&per_page=100",
                    at.lat, at.lon
                ),
                None,
            ));
        }
        for (faith, priority) in [
            ("muslim", "required"),
            ("christian", "required"),
            ("muslim", "preferred"),
        ] {
            for km in [0.5, 1.0, 5.0] {
                let plan = json!({"location": {"lat": at.lat, "lon": at.lon},
                    "max_distance_km": km,
                    "shared_faith": {"code": faith, "priority": priority}});
                out.push((
                    "POST",
                    "/v1/matches".to_owned(),
                    Some(json!({"plan": plan, "limit": 1})),
                ));
            }
        }
        // A required schedule nobody covers alone: `teams` are proposed from public facts too.
        let schedule = json!({"slots": [{"day": "mon", "start": "00:00", "end": "24:00"},
            {"day": "sat", "start": "06:00", "end": "22:00"}], "priority": "required"});
        for km in [1.0, 5.0] {
            let plan = json!({"location": {"lat": at.lat, "lon": at.lon},
                "max_distance_km": km, "schedule": schedule});
            out.push((
                "POST",
                "/v1/matches".to_owned(),
                Some(json!({"plan": plan, "limit": 1})),
            ));
        }
        let plan = json!({"location": {"lat": at.lat, "lon": at.lon}, "max_distance_km": 2});
        out.push((
            "POST",
            "/v1/matches/pooled".to_owned(),
            Some(json!({"plans": [plan.clone(), plan], "limit": 5})),
        ));
    }
    out
}

/// Operations that return no carer data to a caller who does not hold the record: writes need
/// the holder's key (401/403 otherwise, tested in carers.rs and auth.rs).
const HOLDER_ONLY: &[(&str, &str)] = &[
    ("POST", "/v1/carers"),
    ("PUT", "/v1/carers/{id}"),
    ("DELETE", "/v1/carers/{id}"),
    ("POST", "/v1/imports/carers"),
    ("POST", "/v1/plans"),
    ("POST", "/v1/plan-pools"),
    ("DELETE", "/v1/plans/{id}"),
    ("POST", "/v1/providers"),
    ("PUT", "/v1/providers/{id}"),
    ("DELETE", "/v1/providers/{id}"),
    ("GET", "/v1/providers/{id}"),
    ("POST", "/v1/outbox/{id}/retry"),
    ("POST", "/v1/vacancies"),
    ("POST", "/v1/vacancies/{reference}/proposals"),
    // The agency itself (or an admin) edits its profile; admins create agencies.
    ("POST", "/v1/agencies"),
    ("PUT", "/v1/agencies/{id}"),
    // A market snapshot answers its time and the two totals (docs/market.md); what it stores is
    // read back through `GET /v1/reports/market`, probed.
    ("POST", "/v1/reports/market/snapshots"),
];

/// A response as compared between the worlds. Text hits of equal score come in the text index's
/// own order, which its segment layout decides (not a private field): their items are
/// compared in id order.
fn comparable(path: &str, text: &str) -> String {
    let Ok(mut body) = serde_json::from_str::<Value>(text) else {
        return text.to_owned();
    };
    if path.contains("q=")
        && let Some(items) = body["items"].as_array_mut()
    {
        items.sort_by_key(|item| (item["kind"].to_string(), item["id"].as_i64()));
    }
    // When each world's agency was created is not a private field of the carer.
    if path.starts_with("/v1/agencies") {
        if let Some(object) = body.as_object_mut() {
            object.remove("updated_at");
        }
        for item in body["items"].as_array_mut().into_iter().flatten() {
            if let Some(object) = item.as_object_mut() {
                object.remove("updated_at");
            }
        }
    }
    body.to_string()
}

/// Two worlds that differ only in one carer's private fields (family name but its initial,
/// faith given without consent, full postcode in the same outward code, contact, check
/// reference, external reference, and the base within the same public cell) give the same
/// answer to every public question, from every documented operation: nothing private can be
/// inferred.
#[actix_web::test]
async fn no_public_answer_depends_on_a_private_field() {
    let decoys = || {
        let at = remote();
        vec![
            (details("PA-D1", |_| {}), offset(at, 1.7, 0.4)),
            (
                details("PA-D2", |b| {
                    b["faith"] = json!("muslim");
                    b["faith_public_consent"] = json!(true);
                }),
                offset(at, -0.9, 1.3),
            ),
            (
                details("PA-D3", |b| b["faith"] = json!("christian")),
                offset(at, 0.2, -2.2),
            ),
        ]
    };
    let mut worlds = Vec::new();
    for which in 0..2 {
        let mut carers = decoys();
        carers.push(private_twin(which));
        let (app, ids, _, _) = world(carers).await;
        let commissioner = make_key(app.engine().store(), Role::Commissioner, None);
        worlds.push((app, ids[3], commissioner));
    }
    assert_eq!(worlds[0].1, worlds[1].1, "the twins have the same id");
    let probes = probes(worlds[0].1);

    // Every documented operation is probed here or is for the record's holder only.
    let mut covered: BTreeSet<(String, String)> = HOLDER_ONLY
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    let documented = documented_operations();
    for (method, path, _) in &probes {
        let path = path.split('?').next().unwrap_or_default();
        let template = template_of(&documented, method, path)
            .unwrap_or_else(|| panic!("{method} {path} is not a documented operation"));
        covered.insert((method.to_string(), template));
    }
    let missing: Vec<_> = documented.difference(&covered).cloned().collect();
    assert!(missing.is_empty(), "operations not probed: {missing:?}");

    for (method, path, body) in &probes {
        let mut answers = Vec::new();
        for (app, _, commissioner) in &worlds {
            for key in [None, Some(commissioner.as_str())] {
                let bytes = body.as_ref().map(|b| b.to_string()).unwrap_or_default();
                let (status, _, text) = app
                    .request(
                        method,
                        path,
                        key,
                        &[("content-type", "application/json")],
                        bytes,
                    )
                    .await;
                assert!(status.as_u16() < 500, "{method} {path}: {status} {text}");
                answers.push((key.is_some(), status, comparable(path, &text)));
            }
        }
        assert_eq!(answers[0], answers[2], "{method} {path} (anonymous)");
        assert_eq!(answers[1], answers[3], "{method} {path} (commissioner)");
    }
}
