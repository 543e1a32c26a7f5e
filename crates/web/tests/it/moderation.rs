//! Moderation on the web (docs/listings.md, "Moderation"): an organisation signed in by its
//! e-mailed link proposes a listing on `/organisation`; a moderator finds it on `/moderation`,
//! cannot reject it without a reason, approves it, and the listing is then public in search
//! and in the Open Referral feed.

use awc::http::StatusCode;
use carematch_domain::Role;
use carematch_domain::moderation::SubmissionStatus;
use carematch_store::submissions::SubmissionFilter;
use carematch_store::{NewApiKey, Page as StorePage};

use crate::accounts::{follow, last_link};
use crate::helpers::TestSite;

const NAME: &str = "Kowloon Tong Lunch Club";

/// A confirmed organisation's session cookie.
async fn organisation_session(site: &TestSite) -> String {
    organisation_session_as(site, "Kowloon Tong Association", "hello@kowloon.example").await
}

/// An organisation registered as `name` with `email`, confirmed by its link: its session cookie.
pub(crate) async fn organisation_session_as(site: &TestSite, name: &str, email: &str) -> String {
    site.app
        .state()
        .service()
        .register_organisation(&carematch_service::listings::Registration {
            name: name.into(),
            email: email.into(),
            phone: String::new(),
            website: String::new(),
            locale: carematch_domain::enquiry::InterfaceLocale::En,
        })
        .expect("registered");
    let path = last_link(site, email).expect("a confirm link");
    let signed_in = follow(site, &path).await;
    assert_eq!(
        signed_in.status,
        StatusCode::SEE_OTHER,
        "{}",
        signed_in.body
    );
    assert!(
        signed_in.header("location").starts_with("/organisation"),
        "organisations land on their console"
    );
    signed_in.cookie("carematch_session").expect("a session")
}

async fn moderator_session(site: &TestSite) -> String {
    let (key, hash) = carematch_api::auth::generate_key().expect("random");
    site.store
        .create_key(
            &hash,
            &NewApiKey {
                email: Some("mod@council.example".into()),
                ..NewApiKey::new(Role::Moderator, "moderator")
            },
        )
        .expect("moderator key");
    let (_, session) = site.sign_in(&key, "/moderation").await;
    session.expect("a moderator session")
}

#[actix_web::test]
async fn a_proposed_listing_goes_public_once_a_moderator_approves_it() {
    let site = TestSite::spawn().await;
    let organisation = organisation_session(&site).await;
    let console = site
        .get("/organisation", &[("cookie", &organisation)])
        .await;
    assert_eq!(console.status, StatusCode::OK, "{}", console.body);
    let token = console.form_token().expect("a form token");

    // A bad postcode and no services: the errors sit next to their fields; nothing is queued.
    let bad = site
        .post_form(
            "/organisation/propose",
            &organisation,
            &[
                ("csrf", &token),
                ("name", NAME),
                ("kind", "luncheon_club"),
                ("language", "yue"),
                ("postcode", "not a postcode"),
                ("km", "8"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains(r#"id="postcode-error""#), "{}", bad.body);
    assert!(bad.body.contains("Enter a valid postcode."));
    assert!(bad.body.contains(NAME), "what was typed is kept");

    let sent = site
        .post_form(
            "/organisation/propose",
            &organisation,
            &[
                ("csrf", &token),
                ("name", NAME),
                ("kind", "luncheon_club"),
                (
                    "description",
                    "Cantonese lunches on Tuesdays and Thursdays.",
                ),
                ("language", "yue"),
                ("language", "eng"),
                ("cuisine", "cantonese"),
                ("service", "meal_preparation"),
                ("service", "luncheon_club"),
                ("postcode", "M13 0EG"),
                ("km", "8"),
                ("accepting", "yes"),
                ("phone", "0161 496 0000"),
                ("email", "lunch@kowloon.example"),
                ("note", "We meet at the community centre."),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let console = site
        .get(sent.header("location"), &[("cookie", &organisation)])
        .await;
    assert!(
        console.body.contains("Sent to the moderators"),
        "{}",
        console.body
    );
    assert!(console.body.contains("New listing"));
    assert!(console.body.contains("Waiting"));
    // Not public yet.
    let feed = site
        .get("/openreferral/v3/services?search=Kowloon", &[])
        .await;
    assert!(!feed.body.contains(NAME), "{}", feed.body);

    let submission = site
        .store
        .list_submissions(&SubmissionFilter::default(), StorePage::new(1, 10))
        .expect("queue")
        .items
        .into_iter()
        .next()
        .expect("a submission");
    let moderator = moderator_session(&site).await;
    let queue = site.get("/moderation", &[("cookie", &moderator)]).await;
    assert_eq!(queue.status, StatusCode::OK, "{}", queue.body);
    assert!(queue.body.contains("Kowloon Tong Association"));
    assert!(queue.body.contains("We meet at the community centre."));
    assert!(queue.body.contains(r#"href="/moderation/reports""#));
    let detail_path = format!("/moderation/submissions/{}", submission.id.0);
    assert!(queue.body.contains(&detail_path));
    let detail = site.get(&detail_path, &[("cookie", &moderator)]).await;
    assert_eq!(detail.status, StatusCode::OK, "{}", detail.body);
    assert!(detail.body.contains(NAME));
    assert!(detail.body.contains("M13 0EG"));
    // Codes by their names, each with the code the record will hold.
    assert!(
        detail.body.contains("Luncheon club (luncheon_club)"),
        "{}",
        detail.body
    );
    assert!(detail.body.contains("Cantonese (cantonese)"));
    let token = detail.form_token().expect("a form token");

    // Rejecting needs a reason, shown next to the field.
    let refused = site
        .post_form(
            &detail_path,
            &moderator,
            &[("csrf", &token), ("decision", "reject"), ("reason", " ")],
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains(r#"id="reason-error""#),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("Give a reason for the rejection."));
    let still = site
        .store
        .get_submission(submission.id)
        .expect("read")
        .expect("there");
    assert_eq!(still.status, SubmissionStatus::Pending);

    // An organisation cannot open the queue; a moderator cannot open the console.
    let barred = site.get("/moderation", &[("cookie", &organisation)]).await;
    assert_eq!(barred.status, StatusCode::SEE_OTHER);
    let barred = site.get("/organisation", &[("cookie", &moderator)]).await;
    assert_eq!(barred.status, StatusCode::SEE_OTHER);

    let approved = site
        .post_form(
            &detail_path,
            &moderator,
            &[("csrf", &token), ("decision", "approve"), ("reason", "")],
        )
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    let decided = site
        .store
        .get_submission(submission.id)
        .expect("read")
        .expect("there");
    assert_eq!(decided.status, SubmissionStatus::Approved);
    let queue = site.get("/moderation", &[("cookie", &moderator)]).await;
    assert!(!queue.body.contains(&detail_path), "decided: off the queue");

    // Public now: on the organisation's console, in search and in the Open Referral feed.
    let console = site
        .get("/organisation", &[("cookie", &organisation)])
        .await;
    assert!(console.body.contains("Approved"));
    let provider = decided.provider_id.expect("the new listing");
    assert!(console.body.contains(&format!("/providers/{}", provider.0)));
    let profile = site.get(&format!("/providers/{}", provider.0), &[]).await;
    assert_eq!(profile.status, StatusCode::OK);
    assert!(profile.body.contains(NAME));
    let search = site
        .get(
            "/find?postcode=M13+0EG&km=8&language=yue&service=meal_preparation",
            &[],
        )
        .await;
    assert_eq!(search.status, StatusCode::OK);
    assert!(search.body.contains(NAME), "{}", search.body);
    let feed = site
        .get("/openreferral/v3/services?search=Kowloon", &[])
        .await;
    assert_eq!(feed.status, StatusCode::OK, "{}", feed.body);
    assert!(feed.body.contains(NAME), "{}", feed.body);

    // An edit of the new listing: the moderator sees which fields change.
    let mut payload: serde_json::Value = serde_json::from_str(&decided.payload).expect("json");
    payload["description"] = "Cantonese lunches every weekday.".into();
    let edit = site
        .app
        .state()
        .service()
        .submit(
            carematch_domain::Caller::Organisation(decided.organisation_id.expect("org")),
            decided.submitted_by,
            &carematch_service::listings::SubmissionRequest {
                kind: carematch_domain::moderation::SubmissionKind::EditProvider,
                provider_id: Some(provider),
                payload: Some(payload),
                note: String::new(),
            },
        )
        .expect("edit queued");
    let detail = site
        .get(
            &format!("/moderation/submissions/{}", edit.id.0),
            &[("cookie", &moderator)],
        )
        .await;
    assert_eq!(detail.status, StatusCode::OK, "{}", detail.body);
    assert!(detail.body.contains("Edit of a listing"));
    assert!(detail.body.contains("Fields that change"));
    assert!(
        detail
            .body
            .contains(r#"<ul class="changes"><li><code>description</code></li></ul>"#),
        "{}",
        detail.body
    );
}

#[actix_web::test]
async fn an_organisation_claims_a_listing_by_its_number() {
    let site = TestSite::spawn().await;
    let organisation = organisation_session(&site).await;
    let token = site.session_token(&organisation, "/organisation").await;
    let missing = site
        .post_form(
            "/organisation/claim",
            &organisation,
            &[("csrf", &token), ("provider_id", ""), ("note", "ours")],
        )
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        missing.body.contains(r#"id="provider_id-error""#),
        "{}",
        missing.body
    );
    let provider = site
        .store
        .list_providers(&Default::default(), StorePage::new(1, 1))
        .expect("providers")
        .items
        .into_iter()
        .next()
        .expect("a demo provider");
    let claimed = site
        .post_form(
            "/organisation/claim",
            &organisation,
            &[
                ("csrf", &token),
                ("provider_id", &provider.id.0.to_string()),
                ("note", "We run this club."),
            ],
        )
        .await;
    assert_eq!(claimed.status, StatusCode::SEE_OTHER, "{}", claimed.body);
    let console = site
        .get(claimed.header("location"), &[("cookie", &organisation)])
        .await;
    assert!(
        console.body.contains("Claim of a listing"),
        "{}",
        console.body
    );
    // Without the form token nothing is sent.
    let forged = site
        .post_form(
            "/organisation/claim",
            &organisation,
            &[("provider_id", &provider.id.0.to_string())],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
}
