//! Freshness and edit history on the pages (docs/web.md, "Freshness and edit history").

use actix_web::http::StatusCode;
use carematch_domain::Role;
use carematch_domain::listing::HIDE_AFTER_DAYS;

use crate::helpers::TestSite;

#[actix_web::test]
async fn the_console_flags_stale_pas_first_restores_deleted_ones_and_shows_history() {
    let site = TestSite::spawn().await;
    let agency = site.agencies[0];
    let (key, _) = site.key(Role::Agency, Some(agency));
    let (_, cookie) = site.sign_in(&key, "/agency").await;
    let cookie = cookie.expect("cookie");
    let token = site.session_token(&cookie, "/agency").await;
    let pas = site.carers_of(agency, 3).items;
    let (stale, gone) = (&pas[1], &pas[2]);

    // Hide one PA as stale: the sweep as of 180 days after its last confirmation.
    let service = carematch_service::CareService::new(site.store.clone());
    let day = stale
        .details
        .last_confirmed_on
        .checked_add_days(chrono::Days::new(
            u64::try_from(HIDE_AFTER_DAYS).expect("positive"),
        ))
        .expect("date");
    service.freshness_sweep(day).expect("sweep");
    let console = site.get("/agency", &[("cookie", &cookie)]).await;
    assert_eq!(console.status, StatusCode::OK);
    let flag = console
        .body
        .find("Hidden from the public")
        .expect("a stale PA is flagged");
    // Stale PAs come first: the flag is in the first row of the list.
    let list = console.body.find("<tbody>").expect("list");
    let second_row = console.body[list..]
        .find("</tr>")
        .map(|end| list + end)
        .expect("row");
    assert!(flag > list && flag < second_row, "the first row is flagged");
    assert!(console.body.contains("Confirmed "));

    // Confirm brings it back.
    let stale_now = site
        .store
        .get_carer(stale.id)
        .expect("read")
        .expect("carer");
    let confirmed = site
        .post_form(
            &format!("/agency/carers/{}/update", stale_now.id),
            &cookie,
            &[("action", "confirm"), ("csrf", &token)],
        )
        .await;
    assert_eq!(confirmed.status, StatusCode::SEE_OTHER);
    let back = site
        .store
        .get_carer(stale.id)
        .expect("read")
        .expect("carer");
    assert!(back.listing.stale_since.is_none());

    // Delete, then restore from the deleted list.
    let deleted = site
        .post_form(
            &format!("/agency/carers/{}/delete", gone.id),
            &cookie,
            &[("csrf", &token)],
        )
        .await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    let console = site.get("/agency", &[("cookie", &cookie)]).await;
    let name = format!("{} {}", gone.details.given_name, gone.details.family_name);
    assert!(
        console.body.contains(&format!("Restore {name}")),
        "listed as deleted"
    );
    let restored = site
        .post_form(
            &format!("/agency/carers/{}/restore", gone.id),
            &cookie,
            &[("csrf", &token)],
        )
        .await;
    assert_eq!(restored.status, StatusCode::SEE_OTHER);
    assert!(site.store.get_carer(gone.id).expect("read").is_some());
    let notice = site
        .get(restored.header("location"), &[("cookie", &cookie)])
        .await;
    assert!(notice.body.contains("Restored: "));

    // Another agency's PA cannot be restored or its history read.
    let other = site.carers_of(site.agencies[1], 1).items.remove(0);
    let refused = site
        .post_form(
            &format!("/agency/carers/{}/restore", other.id),
            &cookie,
            &[("csrf", &token)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    let refused = site
        .get(
            &format!("/agency/carers/{}/history", other.id),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);

    // The history page: each change, by whom, field names only.
    let history = site
        .get(
            &format!("/agency/carers/{}/history", gone.id),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(history.status, StatusCode::OK);
    for text in [
        "Restored",
        "Deleted",
        "Created",
        &format!("agency {agency}"),
    ] {
        assert!(history.body.contains(text), "{text}");
    }
    // In Polish too, with its plural forms on the console.
    let polish = site.get("/agency?lang=pl", &[("cookie", &cookie)]).await;
    assert!(polish.body.contains("Potwierdzono"), "translated");
}
