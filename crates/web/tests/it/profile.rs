//! Public profile pages: a listed PA's public view with the agency to contact, the shortlist
//! button and "Enquire"; never the PA's own contact, address or full postcode; an unlisted PA,
//! an unknown id and a provider that does not exist all get the same 404.

use awc::http::StatusCode;
use carematch_domain::Carer;

use crate::helpers::TestSite;

fn carers(site: &TestSite) -> Vec<Carer> {
    site.store
        .list_carers(&Default::default(), carematch_store::Page::new(1, 5000))
        .expect("carers")
        .items
}

#[actix_web::test]
async fn a_listed_pa_has_a_public_profile_with_the_agency_to_contact() {
    let site = TestSite::spawn().await;
    // The results link each card to its profile.
    let results = site
        .get("/find?postcode=M13+0EG&km=8&language=yue", &[])
        .await;
    let href = results
        .body
        .split(r#"<h3><a href=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a result linked to its profile")
        .to_owned();
    assert!(href.starts_with("/carers/"), "{href}");
    let id: i64 = href["/carers/".len()..].parse().expect("id");
    let carer = carers(&site)
        .into_iter()
        .find(|c| c.id.0 == id)
        .expect("the carer");

    let page = site.get(&href, &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    assert!(body.contains(&format!(
        "<h1><bdi>{}</bdi></h1>",
        carer.details.display_name()
    )));
    assert!(body.contains("Listed by "), "the holding agency");
    assert!(body.contains(&format!("/enquire?items=c{id}")), "Enquire");
    assert!(body.contains("/shortlist/add"), "the shortlist button");
    assert!(body.contains(carer.details.postcode.outward().as_str()));
    assert!(
        !body.contains(carer.details.postcode.as_str()),
        "full postcode shown"
    );
    if let Some(phone) = &carer.details.contact.phone {
        assert!(!body.contains(phone.as_str()), "the PA's phone shown");
    }
    if let Some(email) = &carer.details.contact.email {
        assert!(!body.contains(email.as_str()), "the PA's e-mail shown");
    }

    // In Urdu, right to left.
    let urdu = site.get(&format!("{href}?lang=ur"), &[]).await;
    assert!(urdu.body.contains(r#"dir="rtl""#));
}

#[actix_web::test]
async fn unlisted_unknown_and_missing_records_are_one_404() {
    let site = TestSite::spawn().await;
    let unlisted = carers(&site)
        .into_iter()
        .find(|c| !c.details.public_listing_consent)
        .expect("an unlisted carer in the fixtures");
    let hidden = site.get(&format!("/carers/{}", unlisted.id), &[]).await;
    let unknown = site.get("/carers/999999999", &[]).await;
    let no_provider = site.get("/providers/999999999", &[]).await;
    for page in [&hidden, &unknown, &no_provider] {
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        assert!(page.body.contains("no longer listed"));
    }
    assert!(!hidden.body.contains(&unlisted.details.display_name()));
}
