//! `/agency/profile` (the agency edits its public profile) and the agency named on public cards
//! and shortlist entries with its public contact, never the PA's own.

use awc::http::StatusCode;
use carematch_domain::{CarerId, Role};

use crate::helpers::TestSite;

/// The fields of a complete, valid profile form.
fn good_form<'a>(token: &'a str, version: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", token),
        ("version", version),
        ("name", "  Fernhollow PA Support "),
        ("phone", "+44 161 496 0777"),
        ("email", "hello@fernhollow.example.org"),
        ("website", "https://fernhollow.example.org"),
        ("hours-mon-0-start", "09:00"),
        ("hours-mon-0-end", "17:00"),
        ("hours-mon-1-start", ""),
        ("hours-mon-1-end", ""),
        ("language", "yue"),
        ("language", "eng"),
        ("areas", "e08000003, E08000004"),
        ("description", "我們講廣東話。"),
    ]
}

#[actix_web::test]
async fn the_agency_edits_its_profile_with_errors_next_to_fields_and_a_form_token() {
    let site = TestSite::spawn().await;
    let agency = site.agencies[0];
    let (key, _) = site.key(Role::Agency, Some(agency));
    let (_, cookie) = site.sign_in(&key, "/agency/profile").await;
    let cookie = cookie.expect("session");
    let console = site.get("/agency", &[("cookie", &cookie)]).await;
    assert!(
        console.body.contains(r#"href="/agency/profile""#),
        "linked from the console"
    );
    let page = site.get("/agency/profile", &[("cookie", &cookie)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("0117 496 0142"),
        "the stored phone is filled in"
    );
    assert!(page.body.contains(r#"<label for="phone">"#));
    let token = page.form_token().expect("token");

    // Without the session's form token nothing changes.
    let refused = site
        .post_form("/agency/profile", &cookie, &good_form("forged", "1"))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let before = site
        .store
        .get_agency(agency)
        .expect("read")
        .expect("agency");
    assert_eq!(before.version, 1);

    // Every bad field is marked where it is, and listed at the top with a link to it.
    let mut bad = good_form(&token, "1");
    bad.retain(|(k, _)| {
        !matches!(
            *k,
            "name" | "phone" | "hours-mon-0-start" | "hours-mon-0-end"
        )
    });
    bad.extend([
        ("name", " "),
        ("phone", "12"),
        ("hours-tue-0-start", "17:00"),
        ("hours-tue-0-end", "09:00"),
        ("hours-wed-0-start", "09:10"),
        ("hours-wed-0-end", "12:00"),
    ]);
    let invalid = site.post_form("/agency/profile", &cookie, &bad).await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    for marked in [
        r#"id="name" name="name""#,
        r#"id="phone-error""#,
        r#"id="hours-tue-0-error""#,
        r#"id="hours-wed-0-error""#,
        r##"href="#phone""##,
        "The closing time must be after the opening time.",
    ] {
        assert!(invalid.body.contains(marked), "{marked}");
    }
    assert!(invalid.body.contains(r#"aria-invalid="true""#));
    assert!(
        invalid.body.contains("我們講廣東話。"),
        "what was typed is kept"
    );
    assert_eq!(
        site.store
            .get_agency(agency)
            .expect("read")
            .expect("agency"),
        before
    );

    // A good form saves, normalised, and says so.
    let saved = site
        .post_form("/agency/profile", &cookie, &good_form(&token, "1"))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(saved.header("location"), "/agency/profile?saved=1");
    let after = site
        .store
        .get_agency(agency)
        .expect("read")
        .expect("agency");
    assert_eq!(after.version, 2);
    assert_eq!(after.profile.name, "Fernhollow PA Support");
    assert_eq!(after.profile.phone.as_deref(), Some("0161 496 0777"));
    assert_eq!(after.profile.areas, ["E08000003", "E08000004"]);
    assert_eq!(after.profile.office_hours.len(), 1);
    let notice = site
        .get("/agency/profile?saved=1", &[("cookie", &cookie)])
        .await;
    assert!(notice.body.contains("Your profile was saved."));

    // A form read before that save is a conflict: nothing is overwritten unseen.
    let mut stale = good_form(&token, "1");
    stale.retain(|(k, _)| *k != "phone");
    stale.push(("phone", "0161 496 0111"));
    let conflict = site.post_form("/agency/profile", &cookie, &stale).await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    assert!(conflict.body.contains("Someone else saved this profile"));
    assert_eq!(
        site.store
            .get_agency(agency)
            .expect("read")
            .expect("agency")
            .version,
        2
    );

    // In Urdu the page is right to left and translated.
    let urdu = site
        .get("/agency/profile?lang=ur", &[("cookie", &cookie)])
        .await;
    assert!(urdu.body.contains(r#"dir="rtl""#));
    assert!(urdu.body.contains("آپ کی ایجنسی کا عوامی پروفائل"));
}

#[actix_web::test]
async fn result_cards_and_the_shortlist_show_the_agencys_contact_never_the_pas() {
    let site = TestSite::spawn().await;
    let results = site
        .get("/find?postcode=M13+0EG&km=8&language=yue", &[])
        .await;
    assert_eq!(results.status, StatusCode::OK);
    let item = results
        .body
        .split(r#"name="item" value="c"#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a carer card");
    let id: i64 = item.parse().expect("id");
    let carer = site
        .store
        .get_carer(CarerId(id))
        .expect("read")
        .expect("carer");
    let agency = site
        .store
        .get_agency(carer.agency_id)
        .expect("read")
        .expect("agency")
        .profile;
    let phone = agency.phone.clone().expect("demo agencies have a phone");
    let email = agency.email.clone().expect("and an e-mail");
    let website = agency.website.clone().expect("and a website");
    let shortlist = site.get(&format!("/shortlist?s=c{id}"), &[]).await;
    assert_eq!(shortlist.status, StatusCode::OK);
    for page in [&results.body, &shortlist.body] {
        assert!(page.contains(&format!("Listed by {}", agency.name)));
        assert!(page.contains(&format!(r#"href="tel:{}""#, phone.replace(' ', ""))));
        assert!(page.contains(&format!(r#"href="mailto:{email}""#)));
        assert!(page.contains(&format!(r#"href="{website}""#)));
        for private in [&carer.details.contact.phone, &carer.details.contact.email]
            .into_iter()
            .flatten()
        {
            assert!(
                !page.contains(private.as_str()),
                "the PA's own {private} is shown"
            );
        }
    }
}
