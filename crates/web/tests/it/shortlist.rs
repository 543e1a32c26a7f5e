//! The shortlist: added and removed by plain form posts, kept in a cookie, shared by link,
//! printable with questions for the agency, public details only.

use awc::http::StatusCode;
use carematch_domain::{CarerId, Postcode};

use crate::helpers::TestSite;

/// The first `c<id>` a results page offers to add.
fn first_item(body: &str) -> String {
    body.split(r#"name="item" value=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("an add button")
        .to_owned()
}

#[actix_web::test]
async fn add_share_print_and_remove() {
    let site = TestSite::spawn().await;
    let search = "/find?postcode=M13+0EG&km=8&language=yue";
    let results = site.get(search, &[]).await;
    let item = first_item(&results.body);
    // The results gave a new visitor the anonymous form cookie and its token.
    let form_cookie = results.cookie("carematch_form").expect("form cookie");
    let token = results.form_token().expect("token");
    let added = site
        .post_form(
            "/shortlist/add",
            &form_cookie,
            &[("item", &item), ("back", search), ("csrf", &token)],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    assert_eq!(added.header("location"), search);
    let cookie = added.cookie("carematch_shortlist").expect("cookie set");
    assert_eq!(cookie, format!("carematch_shortlist={item}"));

    // Back on the results the entry shows as added, and the navigation counts it.
    let again = site.get(search, &[("cookie", &cookie)]).await;
    assert!(again.body.contains("On your shortlist"));
    assert!(again.body.contains("My shortlist (1)"));

    let list = site.get("/shortlist", &[("cookie", &cookie)]).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Questions to ask the agency"));
    assert!(list.body.contains("Listed by "));
    assert!(
        list.body.contains(&format!("/shortlist?s={item}")),
        "share link"
    );
    // Public details only.
    let id: i64 = item[1..].parse().expect("id");
    let carer = site
        .store
        .get_carer(CarerId(id))
        .expect("read")
        .expect("carer");
    let postcode: &Postcode = &carer.details.postcode;
    assert!(
        list.body
            .contains(carer.details.postcode.outward().as_str())
    );
    assert!(
        !list.body.contains(postcode.as_str()),
        "full postcode shown"
    );
    if let Some(phone) = &carer.details.contact.phone {
        assert!(!list.body.contains(phone.as_str()), "phone shown");
    }

    // The shared link shows the same list without the cookie.
    let shared = site.get(&format!("/shortlist?s={item}"), &[]).await;
    assert!(shared.body.contains(&carer.details.display_name()));

    let removed = site
        .post_form(
            "/shortlist/remove",
            &format!("{cookie}; {form_cookie}"),
            &[("item", &item), ("back", "/shortlist"), ("csrf", &token)],
        )
        .await;
    assert_eq!(
        removed.cookie("carematch_shortlist").as_deref(),
        Some("carematch_shortlist=")
    );
    let empty = site
        .get("/shortlist", &[("cookie", "carematch_shortlist=")])
        .await;
    assert!(empty.body.contains("Your shortlist is empty"));
}

#[actix_web::test]
async fn unlisted_carers_and_foreign_redirects_never_show() {
    let site = TestSite::spawn().await;
    let unlisted = site
        .store
        .list_carers(&Default::default(), carematch_store::Page::new(1, 5000))
        .expect("carers")
        .items
        .into_iter()
        .find(|c| !c.details.public_listing_consent)
        .expect("an unlisted carer in the fixtures");
    let page = site
        .get(&format!("/shortlist?s=c{}", unlisted.id), &[])
        .await;
    assert!(page.body.contains("no longer listed"));
    assert!(!page.body.contains(&unlisted.details.display_name()));
    // Result cards send no `back`: the same-origin referrer is the way back, another site's never.
    let host = site.address.trim_start_matches("http://").to_owned();
    let referer = format!("http://{host}/find?postcode=M13+0EG");
    let (form_cookie, token) = site.anonymous_form("/login").await;
    let body = format!("item=c1&csrf={token}");
    let from_results = site
        .request(
            "POST",
            "/shortlist/add",
            &[
                ("content-type", "application/x-www-form-urlencoded"),
                ("cookie", &form_cookie),
                ("referer", &referer),
            ],
            body.clone(),
        )
        .await;
    assert_eq!(from_results.header("location"), "/find?postcode=M13+0EG#c1");
    let foreign = site
        .request(
            "POST",
            "/shortlist/add",
            &[
                ("content-type", "application/x-www-form-urlencoded"),
                ("cookie", &form_cookie),
                ("referer", "https://evil.example/find"),
            ],
            body,
        )
        .await;
    assert_eq!(foreign.header("location"), "/find#c1");
    // `back` must be one of our paths.
    let evil = site
        .post_form(
            "/shortlist/add",
            &form_cookie,
            &[
                ("item", "c1"),
                ("back", "https://evil.example/"),
                ("csrf", &token),
            ],
        )
        .await;
    assert_eq!(evil.header("location"), "/find");
    let evil = site
        .post_form(
            "/shortlist/add",
            &form_cookie,
            &[
                ("item", "c1"),
                ("back", "//evil.example/"),
                ("csrf", &token),
            ],
        )
        .await;
    assert_eq!(evil.header("location"), "/find");
}
