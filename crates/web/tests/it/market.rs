//! The PA market report page: commissioner sign-in, the table with suppression explained and
//! trends with words, filters, the print stylesheet, and the CSV and GeoJSON downloads.

use awc::http::StatusCode;
use carematch_domain::Role;

use crate::helpers::{TestSite, import_open_data};

#[actix_web::test]
async fn the_market_page_shows_counts_with_trends_downloads_and_no_person() {
    let site = TestSite::spawn().await;
    let (agency_key, _) = site.key(Role::Agency, Some(site.agencies[0]));
    let (refused, _) = site.sign_in(&agency_key, "/commissioner/market").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let anonymous = site.get("/commissioner/market", &[]).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);

    let (key, _) = site.key(Role::Commissioner, None);
    let (_, cookie) = site.sign_in(&key, "/commissioner/market").await;
    let cookie = cookie.expect("cookie");
    let empty = site
        .get("/commissioner/market", &[("cookie", &cookie)])
        .await;
    assert_eq!(empty.status, StatusCode::CONFLICT);

    import_open_data(&site.store);
    // A snapshot first, so that the page has a trend to show.
    let service = site.app.state().service().clone();
    actix_web::rt::task::spawn_blocking(move || {
        service.take_market_snapshot("test", chrono::Utc::now())
    })
    .await
    .expect("join")
    .expect("snapshot");
    let page = site
        .get("/commissioner/market", &[("cookie", &cookie)])
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("PA market report"));
    assert!(
        page.body.contains("Why some numbers show as"),
        "suppression in words"
    );
    assert!(page.body.contains("Changes are since the snapshot of"));
    assert!(page.body.contains(r#"<table id="market-table">"#));
    assert!(
        page.body
            .contains(r#"class="visually-hidden">no change since the last snapshot"#),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains(r#"href="/commissioner/market.csv?view=language""#)
    );
    // No personal data: no PA of the demo fixtures is named.
    for carer in site.store.carers_after(None, 100).expect("carers") {
        let name = format!("{} {}", carer.details.given_name, carer.details.family_name);
        assert!(!page.body.contains(&name), "{name}");
        assert!(!page.body.contains(&carer.details.display_name()));
    }
    let css = site.get("/static/site.css", &[]).await;
    assert!(
        css.body
            .contains(".market thead { display: table-header-group; }")
    );

    let filtered = site
        .get(
            "/commissioner/market?view=service&authority=E08000025&lang=pl",
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(filtered.status, StatusCode::OK);
    assert!(
        filtered
            .body
            .contains("Raport o rynku asystentów osobistych")
    );
    assert!(
        filtered
            .body
            .contains(r#"<option value="E08000025" selected>Birmingham</option>"#)
    );

    let csv = site
        .get(
            "/commissioner/market.csv?view=ethnicity",
            &[("cookie", &cookie)],
        )
        .await;
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert!(
        csv.body
            .starts_with("authority,authority_name,ethnicity,pas,")
    );
    let geojson = site
        .get("/commissioner/market.geojson", &[("cookie", &cookie)])
        .await;
    assert_eq!(geojson.header("content-type"), "application/geo+json");
    assert!(geojson.body.contains("FeatureCollection"));
    let anonymous = site.get("/commissioner/market.csv", &[]).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
}
