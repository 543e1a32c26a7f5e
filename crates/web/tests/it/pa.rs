//! PA self-registration on the web (docs/listings.md, "PA self-registration"): a PA registers
//! through the form, confirms by the link read from the outbox, their agency sees them waiting
//! and approves them with their checks, and the PA signs in, updates their availability and
//! confirms "all still true".

use awc::http::StatusCode;
use carematch_domain::{CarerId, Role, Vetting};
use carematch_store::{OutboxFilter, Page as StorePage};

use crate::helpers::{Page, TestSite};

/// The path of the last PA link mailed to `to`.
fn last_link(site: &TestSite, to: &str) -> Option<String> {
    let mail = site
        .store
        .list_mail(OutboxFilter::default(), StorePage::new(1, 200))
        .expect("outbox")
        .items
        .into_iter()
        .find(|m| m.recipient == to)?;
    let start = mail.body.find("/pa/")?;
    Some(
        mail.body[start..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect(),
    )
}

/// Opens a link's page and presses its button: the response to the post.
async fn follow(site: &TestSite, path: &str) -> Page {
    let page = site.get(path, &[]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let cookie = page.cookie("carematch_form").unwrap_or_default();
    let token = page.form_token().expect("a form token");
    site.post_form(path, &cookie, &[("csrf", &token)]).await
}

async fn register(site: &TestSite, fields: &[(&str, &str)]) -> Page {
    let (cookie, token) = site.anonymous_form("/pa/register?lang=zh-Hant").await;
    let mut all = fields.to_vec();
    all.push(("csrf", &token));
    site.post_form("/pa/register?lang=zh-Hant", &cookie, &all)
        .await
}

#[actix_web::test]
async fn a_pa_registers_is_approved_and_keeps_their_record_current() {
    let site = TestSite::spawn().await;
    let agency = site.agencies[0];
    let agency_id = agency.0.to_string();
    let form = [
        ("given_name", "Mei"),
        ("family_name", "Lam"),
        ("gender", "female"),
        ("language_1", "yue"),
        ("proficiency_1", "native"),
        ("cuisine", "cantonese"),
        ("service", "personal_care"),
        ("service", "meal_preparation"),
        ("hours_per_week", "16"),
        ("hourly_rate", "13.50"),
        ("postcode", "LE1 5WW"),
        ("travel_radius_km", "8"),
        ("travel_mode", "public_transport"),
        ("bio", "我做廣東菜。"),
        ("public_listing_consent", "yes"),
        ("email", "mei.lam@example.org"),
        ("agency_id", agency_id.as_str()),
    ];

    // A missing postcode is shown next to its field, with what was typed kept.
    let mut bad = form.to_vec();
    bad.retain(|(k, _)| *k != "postcode");
    let page = register(&site, &bad).await;
    assert_eq!(
        page.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        page.body
    );
    assert!(page.body.contains("id=\"postcode-error\""), "{}", page.body);
    assert!(page.body.contains("value=\"Mei\""));

    let page = register(&site, &form).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let answer = page.body.clone();
    // The same e-mail again, and a robot, get the same answer.
    let again = register(&site, &form).await;
    let mut robot = form.to_vec();
    robot.push(("website", "http://spam.example"));
    robot.retain(|(k, _)| *k != "email");
    robot.push(("email", "robot@example.org"));
    let robot = register(&site, &robot).await;
    for other in [&again, &robot] {
        assert_eq!(other.status, StatusCode::OK);
        assert!(other.body.contains("請查看你的電郵"), "{}", other.body);
    }
    assert!(answer.contains("請查看你的電郵"), "{answer}");
    assert!(last_link(&site, "robot@example.org").is_none());
    // The confirm mail is in the form's language.
    let mail = site
        .store
        .list_mail(OutboxFilter::default(), StorePage::new(1, 200))
        .expect("outbox")
        .items
        .into_iter()
        .find(|m| m.recipient == "mei.lam@example.org")
        .expect("a confirm mail");
    assert_eq!(mail.subject, "請確認你在 carematch 的登記");

    // Before confirming, the agency does not see the PA.
    let (key, _) = site.key(Role::Agency, Some(agency));
    let (_, agency_cookie) = site.sign_in(&key, "/agency").await;
    let agency_cookie = agency_cookie.expect("agency session");
    let console = site.get("/agency", &[("cookie", &agency_cookie)]).await;
    assert!(!console.body.contains("/vetting\""), "{}", console.body);

    let path = last_link(&site, "mei.lam@example.org").expect("a confirm link");
    assert!(path.starts_with("/pa/confirm/"), "{path}");
    // Opening the link changes nothing; its button confirms and signs the PA in.
    let confirmed = follow(&site, &path).await;
    assert_eq!(
        confirmed.status,
        StatusCode::SEE_OTHER,
        "{}",
        confirmed.body
    );
    assert!(confirmed.header("location").starts_with("/pa?"));
    let pa_cookie = confirmed.cookie("carematch_session").expect("PA session");
    let home = site.get("/pa?lang=en", &[("cookie", &pa_cookie)]).await;
    assert_eq!(home.status, StatusCode::OK, "{}", home.body);
    assert!(
        home.body.contains("Waiting for your agency"),
        "{}",
        home.body
    );

    // The agency sees the PA waiting and approves them with their checks.
    let console = site
        .get("/agency?lang=en", &[("cookie", &agency_cookie)])
        .await;
    assert!(
        console.body.contains("Waiting for your checks"),
        "{}",
        console.body
    );
    let start = console.body.find("/agency/pa/").expect("a vetting form") + "/agency/pa/".len();
    let id: i64 = console.body[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("an id");
    let token = console.form_token().expect("token");
    let missing = site
        .post_form(
            &format!("/agency/pa/{id}/vetting"),
            &agency_cookie,
            &[("csrf", &token), ("decision", "approve")],
        )
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    let approved = site
        .post_form(
            &format!("/agency/pa/{id}/vetting"),
            &agency_cookie,
            &[
                ("csrf", &token),
                ("decision", "approve"),
                ("dbs_expires_on", "2029-03-31"),
                ("rtw_expires_on", "2030-01-01"),
            ],
        )
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    let (carer, _) = site
        .store
        .get_carer_any(CarerId(id))
        .expect("read")
        .expect("the PA");
    assert_eq!(carer.listing.vetting, Vetting::Approved);
    assert_eq!(carer.details.checks.len(), 2);

    // The PA signs in by an e-mailed link.
    let (cookie, token) = site.anonymous_form("/pa/sign-in").await;
    let sent = site
        .post_form(
            "/pa/sign-in",
            &cookie,
            &[("email", "mei.lam@example.org"), ("csrf", &token)],
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    let path = last_link(&site, "mei.lam@example.org").expect("a sign-in link");
    assert!(path.starts_with("/pa/sign-in/"), "{path}");
    let signed_in = follow(&site, &path).await;
    assert_eq!(
        signed_in.status,
        StatusCode::SEE_OTHER,
        "{}",
        signed_in.body
    );
    let pa_cookie = signed_in.cookie("carematch_session").expect("PA session");
    let home = site.get("/pa?lang=en", &[("cookie", &pa_cookie)]).await;
    assert!(
        home.body.contains("Your agency approved you"),
        "{}",
        home.body
    );
    // A PA's session opens no agency page.
    let console = site.get("/agency", &[("cookie", &pa_cookie)]).await;
    assert_eq!(console.status, StatusCode::SEE_OTHER);

    // They update their availability, applied at once.
    let token = home.form_token().expect("token");
    let saved = site
        .post_form(
            "/pa/availability",
            &pa_cookie,
            &[
                ("csrf", &token),
                ("mon_from", "09:00"),
                ("mon_to", "13:00"),
                ("thu_from", "14:00"),
                ("thu_to", "18:00"),
                ("hours_per_week", "8"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let (carer, _) = site
        .store
        .get_carer_any(CarerId(id))
        .expect("read")
        .expect("PA");
    assert_eq!(carer.details.availability.len(), 2);
    assert_eq!(carer.details.hours_per_week, 8);
    assert!(!carer.details.accepting_new_clients);
    // Half a row is an error shown on the page.
    let half = site
        .post_form(
            "/pa/availability",
            &pa_cookie,
            &[
                ("csrf", &token),
                ("tue_from", "09:00"),
                ("hours_per_week", "8"),
            ],
        )
        .await;
    assert_eq!(half.status, StatusCode::UNPROCESSABLE_ENTITY);

    // "All still true".
    let confirmed = site
        .post_form("/pa/confirm", &pa_cookie, &[("csrf", &token)])
        .await;
    assert_eq!(
        confirmed.status,
        StatusCode::SEE_OTHER,
        "{}",
        confirmed.body
    );
    let home = site
        .get("/pa?confirmed=1&lang=en", &[("cookie", &pa_cookie)])
        .await;
    assert!(
        home.body.contains("your record is confirmed"),
        "{}",
        home.body
    );

    // A post without the session's token changes nothing.
    let refused = site
        .post_form("/pa/confirm", &pa_cookie, &[("csrf", "nope")])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn an_agency_rejects_a_pa_with_a_reason() {
    let site = TestSite::spawn().await;
    let agency = site.agencies[0];
    let agency_id = agency.0.to_string();
    let page = register(
        &site,
        &[
            ("given_name", "Ahmed"),
            ("family_name", "Hussain"),
            ("gender", "male"),
            ("language_1", "urd"),
            ("proficiency_1", "native"),
            ("service", "companionship"),
            ("hours_per_week", "10"),
            ("hourly_rate", "12"),
            ("postcode", "LE1 5WW"),
            ("travel_radius_km", "5"),
            ("travel_mode", "walk"),
            ("email", "ahmed@example.org"),
            ("agency_id", agency_id.as_str()),
        ],
    )
    .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let path = last_link(&site, "ahmed@example.org").expect("a confirm link");
    let confirmed = follow(&site, &path).await;
    assert_eq!(
        confirmed.status,
        StatusCode::SEE_OTHER,
        "{}",
        confirmed.body
    );
    let pa_cookie = confirmed.cookie("carematch_session").expect("PA session");

    let (key, _) = site.key(Role::Agency, Some(agency));
    let (_, agency_cookie) = site.sign_in(&key, "/agency").await;
    let agency_cookie = agency_cookie.expect("agency session");
    let console = site
        .get("/agency?lang=en", &[("cookie", &agency_cookie)])
        .await;
    let start = console.body.find("/agency/pa/").expect("a vetting form") + "/agency/pa/".len();
    let id: String = console.body[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let token = console.form_token().expect("token");
    let action = format!("/agency/pa/{id}/vetting");
    // A rejection needs a reason.
    let bare = site
        .post_form(
            &action,
            &agency_cookie,
            &[("csrf", &token), ("decision", "reject")],
        )
        .await;
    assert_eq!(bare.status, StatusCode::UNPROCESSABLE_ENTITY);
    let rejected = site
        .post_form(
            &action,
            &agency_cookie,
            &[
                ("csrf", &token),
                ("decision", "reject"),
                ("reason", "We could not verify the right to work."),
            ],
        )
        .await;
    assert_eq!(rejected.status, StatusCode::SEE_OTHER, "{}", rejected.body);
    let home = site.get("/pa?lang=en", &[("cookie", &pa_cookie)]).await;
    assert!(home.body.contains("did not approve you"), "{}", home.body);
    // Decided once: the list is empty and a second decision is refused.
    let console = site
        .get("/agency?lang=en", &[("cookie", &agency_cookie)])
        .await;
    assert!(!console.body.contains("Waiting for your checks"));
    let again = site
        .post_form(
            &action,
            &agency_cookie,
            &[
                ("csrf", &token),
                ("decision", "reject"),
                ("reason", "again"),
            ],
        )
        .await;
    assert_ne!(again.status, StatusCode::SEE_OTHER);
}
