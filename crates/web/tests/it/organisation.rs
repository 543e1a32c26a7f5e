//! An organisation's own listing on the web (docs/listings.md, "Moderation", "Freshness"):
//! it changes the listing on `/organisation/listings/{id}` (the change waits for a moderator
//! and keeps what the form does not show), confirms that all of it is still true (a stale
//! listing is public again), and cannot open another organisation's listing.

use awc::http::StatusCode;
use carematch_domain::moderation::{SubmissionKind, SubmissionStatus};
use carematch_domain::{Caller, ProviderDetails, ProviderId, Role};
use carematch_service::listings::Verdict;
use carematch_store::Page as StorePage;
use carematch_store::submissions::{Submission, SubmissionFilter};

use crate::helpers::TestSite;
use crate::moderation::organisation_session_as;

const NAME: &str = "Shapla Luncheon Club";

/// The newest submission of `kind`.
fn newest(site: &TestSite, kind: SubmissionKind) -> Submission {
    let filter = SubmissionFilter {
        kind: Some(kind),
        ..SubmissionFilter::default()
    };
    site.store
        .list_submissions(&filter, StorePage::new(1, 100))
        .expect("queue")
        .items
        .into_iter()
        .max_by_key(|s| s.id.0)
        .expect("a submission")
}

fn approve(site: &TestSite, submission: &Submission) -> Submission {
    let (_, moderator) = site.key(Role::Moderator, None);
    site.app
        .state()
        .service()
        .decide(
            Caller::Moderator,
            moderator,
            submission.id,
            Verdict::Approve,
            None,
        )
        .expect("approved")
}

/// An organisation with one approved listing: its session and the listing's id.
async fn organisation_with_listing(site: &TestSite) -> (String, ProviderId) {
    let session =
        organisation_session_as(site, "Shapla Community Association", "hello@shapla.example").await;
    let console = site.get("/organisation", &[("cookie", &session)]).await;
    let token = console.form_token().expect("a form token");
    let sent = site
        .post_form(
            "/organisation/propose",
            &session,
            &[
                ("csrf", &token),
                ("name", NAME),
                ("kind", "luncheon_club"),
                ("description", "Bengali lunches on Fridays."),
                ("language", "ben"),
                ("cuisine", "bengali"),
                ("diet", "halal"),
                ("service", "luncheon_club"),
                ("postcode", "M13 0EG"),
                ("km", "6"),
                ("accepting", "yes"),
                ("phone", "0161 496 0101"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let approved = approve(site, &newest(site, SubmissionKind::ProposeProvider));
    (session, approved.provider_id.expect("the new listing"))
}

#[actix_web::test]
async fn an_organisation_changes_its_listing_through_moderation_and_keeps_the_rest() {
    let site = TestSite::spawn().await;
    let (session, id) = organisation_with_listing(&site).await;
    let path = format!("/organisation/listings/{}", id.0);
    let console = site.get("/organisation", &[("cookie", &session)]).await;
    assert!(
        console.body.contains(&format!(r#"href="{path}""#)),
        "{}",
        console.body
    );
    assert!(console.body.contains("Confirmed today"), "{}", console.body);

    // What the form does not show (the website, opening hours) must survive an edit.
    let service = site.app.state().service();
    let mut details = service.provider(id).expect("listing").details;
    details.contact.website = Some("https://shapla.example".into());
    details.opening_hours = vec![carematch_testkit::build::slot(
        carematch_domain::vocabulary::Weekday::Fri,
        "11:30",
        "14:00",
        false,
    )];
    service
        .update_provider(Caller::Admin, id, &details, None)
        .expect("admin adds hours");

    let edit = site.get(&path, &[("cookie", &session)]).await;
    assert_eq!(edit.status, StatusCode::OK, "{}", edit.body);
    assert!(
        edit.body.contains(r#"value="Shapla Luncheon Club""#),
        "{}",
        edit.body
    );
    assert!(
        edit.body.contains(r#"value="bengali" checked"#),
        "the ticked boxes as they stand"
    );
    let token = edit.form_token().expect("a form token");
    let form = |description: &'static str, language: &'static str| {
        vec![
            ("csrf", token.clone()),
            ("name", NAME.to_owned()),
            ("kind", "luncheon_club".to_owned()),
            ("description", description.to_owned()),
            ("language", language.to_owned()),
            ("cuisine", "bengali".to_owned()),
            ("diet", "halal".to_owned()),
            ("service", "luncheon_club".to_owned()),
            ("postcode", "M13 0EG".to_owned()),
            ("km", "6".to_owned()),
            ("accepting", "yes".to_owned()),
            ("phone", "0161 496 0202".to_owned()),
        ]
    };
    let send = |fields: Vec<(&'static str, String)>| {
        let site = &site;
        let session = session.clone();
        let path = path.clone();
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            site.post_form(&path, &session, &fields).await
        }
    };

    // No language: the error sits by its field, what was typed is kept, nothing is queued.
    let bad = send(form("Lunches on Fridays and Mondays.", "")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains(r#"id="language-error""#), "{}", bad.body);
    assert!(bad.body.contains("Lunches on Fridays and Mondays."));
    let queued = SubmissionFilter {
        kind: Some(SubmissionKind::EditProvider),
        ..SubmissionFilter::default()
    };
    let none = site.store.list_submissions(&queued, StorePage::new(1, 10));
    assert!(none.expect("queue").items.is_empty());

    let sent = send(form("Lunches on Fridays and Mondays.", "ben")).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let after = site
        .get(sent.header("location"), &[("cookie", &session)])
        .await;
    assert!(
        after.body.contains("Sent to the moderators"),
        "{}",
        after.body
    );
    assert!(after.body.contains("Changes waiting for a moderator"));
    assert!(after.body.contains("Edit of a listing"));

    // The change is the listing as it stands with the form's fields over it, nothing else.
    let submission = newest(&site, SubmissionKind::EditProvider);
    assert_eq!(submission.status, SubmissionStatus::Pending);
    assert_eq!(submission.provider_id, Some(id));
    let proposed: ProviderDetails = serde_json::from_str(&submission.payload).expect("details");
    let mut expected = details;
    expected.description = "Lunches on Fridays and Mondays.".into();
    expected.contact.phone = Some("0161 496 0202".into());
    expected.last_confirmed_on = proposed.last_confirmed_on;
    expected.accepting_confirmed_on = proposed.accepting_confirmed_on;
    assert_eq!(proposed, expected);

    // Public only once approved.
    let profile = site.get(&format!("/providers/{}", id.0), &[]).await;
    assert!(
        profile.body.contains("Bengali lunches on Fridays."),
        "{}",
        profile.body
    );
    approve(&site, &submission);
    let profile = site.get(&format!("/providers/{}", id.0), &[]).await;
    assert!(
        profile.body.contains("Lunches on Fridays and Mondays."),
        "{}",
        profile.body
    );
    let edit = site.get(&path, &[("cookie", &session)]).await;
    assert!(!edit.body.contains("Changes waiting for a moderator"));
}

#[actix_web::test]
async fn confirming_brings_a_stale_listing_back_and_others_cannot_touch_it() {
    let site = TestSite::spawn().await;
    let (session, id) = organisation_with_listing(&site).await;
    let path = format!("/organisation/listings/{}", id.0);
    let public = format!("/providers/{}", id.0);

    // 181 days on, the sweep takes the listing out of public view.
    let later = carematch_service::today() + chrono::Days::new(181);
    // Off the server's thread: the sweep writes every fixture record and would stall it.
    let service = carematch_service::CareService::new(site.store.clone());
    actix_web::rt::task::spawn_blocking(move || service.freshness_sweep(later))
        .await
        .expect("joined")
        .expect("sweep");
    assert_eq!(site.get(&public, &[]).await.status, StatusCode::NOT_FOUND);
    let page = site.get(&path, &[("cookie", &session)]).await;
    assert!(
        page.body.contains("Hidden from the public"),
        "{}",
        page.body
    );

    // Another organisation sees no such listing, and can neither confirm nor change it.
    let other = organisation_session_as(&site, "Another Group", "hello@another.example").await;
    let theirs = site.get(&path, &[("cookie", &other)]).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND, "{}", theirs.body);
    let token = site.session_token(&other, "/organisation").await;
    let refused = site
        .post_form(&format!("{path}/confirm"), &other, &[("csrf", &token)])
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    let refused = site
        .post_form(&path, &other, &[("csrf", &token), ("name", "Taken")])
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert_eq!(site.get(&public, &[]).await.status, StatusCode::NOT_FOUND);

    // Anonymous visitors are sent to sign in.
    let anonymous = site.get(&path, &[]).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);

    let token = page.form_token().expect("a form token");
    let confirmed = site
        .post_form(&format!("{path}/confirm"), &session, &[("csrf", &token)])
        .await;
    assert_eq!(
        confirmed.status,
        StatusCode::SEE_OTHER,
        "{}",
        confirmed.body
    );
    let page = site
        .get(confirmed.header("location"), &[("cookie", &session)])
        .await;
    assert!(
        page.body.contains("the listing is confirmed as of today"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Hidden from the public"));
    assert_eq!(site.get(&public, &[]).await.status, StatusCode::OK);
}
