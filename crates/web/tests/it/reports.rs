//! "Something wrong here?" on the web: the link on profiles, the form with its safeguarding
//! notice, field errors, non-public listings, the honeypot, the confirmation and its mails, and
//! the agency's and moderators' consoles moving a report on.

use awc::http::StatusCode;
use carematch_domain::{AgencyId, Role};
use carematch_store::outbox::OutboxFilter;
use carematch_store::reports::{ReportFilter, ReportScope};
use carematch_store::{MailKind, NewApiKey, Page as StorePage};

use crate::helpers::TestSite;

/// A listed and an unlisted PA of the first demo agency.
fn carers(site: &TestSite) -> (AgencyId, i64, i64) {
    let agency = site.agencies[0];
    let all = site.carers_of(agency, 200).items;
    let listed = all
        .iter()
        .find(|c| c.is_public())
        .expect("a listed PA")
        .id
        .0;
    let unlisted = all
        .iter()
        .find(|c| !c.details.public_listing_consent)
        .map_or(999_999, |c| c.id.0);
    (agency, listed, unlisted)
}

fn stored(site: &TestSite) -> u64 {
    site.store
        .list_reports(
            ReportScope::All,
            ReportFilter::default(),
            StorePage::new(1, 10),
        )
        .expect("reports")
        .total
}

#[actix_web::test]
async fn profiles_link_to_a_form_with_the_safeguarding_notice() {
    let site = TestSite::spawn().await;
    let (_, listed, unlisted) = carers(&site);
    let profile = site.get(&format!("/carers/{listed}"), &[]).await;
    assert_eq!(profile.status, StatusCode::OK);
    let path = format!("/report/carer/{listed}");
    assert!(
        profile.body.contains(&format!("href=\"{path}\"")),
        "no report link"
    );
    let form = site.get(&path, &[]).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("999") && form.body.contains("www.gov.uk/report-safeguarding-issue")
    );
    assert!(form.body.contains("name=\"kind\" value=\"safeguarding\""));
    assert!(form.body.contains("name=\"website\""));
    let polish = site.get(&format!("{path}?lang=pl"), &[]).await;
    assert!(polish.body.contains("Zgłoś problem z wpisem"));
    for hidden in [
        format!("/report/carer/{unlisted}"),
        "/report/carer/999999".into(),
        "/report/boat/1".into(),
    ] {
        let page = site.get(&hidden, &[]).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{hidden}");
    }
}

#[actix_web::test]
async fn a_safeguarding_report_is_confirmed_with_the_notice_and_flagged_to_moderators() {
    let site = TestSite::spawn().await;
    let (agency, listed, _) = carers(&site);
    let (key, hash) = carematch_api::auth::generate_key().expect("random");
    site.store
        .create_key(
            &hash,
            &NewApiKey {
                email: Some("mods@example.org".into()),
                ..NewApiKey::new(Role::Moderator, "moderator")
            },
        )
        .expect("moderator key");
    let path = format!("/report/carer/{listed}");
    let (cookie, token) = site.anonymous_form(&path).await;
    // No kind, then a safeguarding report without a message: the form again, errors by fields.
    let page = site
        .post_form(&path, &cookie, &[("csrf", &token), ("message", "")])
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("id=\"kind-error\""));
    let page = site
        .post_form(
            &path,
            &cookie,
            &[("csrf", &token), ("kind", "safeguarding")],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("id=\"message-error\""));
    // The honeypot: thanked, nothing stored.
    let page = site
        .post_form(
            &path,
            &cookie,
            &[
                ("csrf", &token),
                ("kind", "closed"),
                ("website", "http://spam.example"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(stored(&site), 0);
    let page = site
        .post_form(
            &path,
            &cookie,
            &[
                ("csrf", &token),
                ("kind", "safeguarding"),
                ("message", "I saw bruises on a client"),
                ("contact", "0116 496 0000"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("CM-") && page.body.contains("999"));
    assert_eq!(stored(&site), 1);
    let mails: Vec<_> = site
        .store
        .list_mail(OutboxFilter::default(), StorePage::new(1, 50))
        .expect("outbox")
        .items
        .into_iter()
        .filter(|m| m.kind == MailKind::ProblemReport)
        .collect();
    let to_mods = mails
        .iter()
        .find(|m| m.recipient == "mods@example.org")
        .expect("a mail to the moderator");
    assert!(to_mods.subject.starts_with("[SAFEGUARDING]"));
    // The moderators' page shows it flagged and moves it on.
    let (_, session) = site.sign_in(&key, "/moderation/reports").await;
    let session = session.expect("signed in");
    let list = site
        .get("/moderation/reports", &[("cookie", &session)])
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("class=\"flag\""), "{}", list.body);
    let reference = site
        .store
        .list_reports(
            ReportScope::All,
            ReportFilter::default(),
            StorePage::new(1, 1),
        )
        .expect("reports")
        .items[0]
        .reference
        .clone();
    let csrf = site.session_token(&session, "/moderation/reports").await;
    let action = format!("/moderation/reports/{reference}");
    let page = site
        .post_form(
            &action,
            &session,
            &[("csrf", &csrf), ("status", "resolved"), ("resolution", "")],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = site
        .post_form(
            &action,
            &session,
            &[
                ("csrf", &csrf),
                ("status", "resolved"),
                ("resolution", "Passed to the council's team"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let resolved = site
        .store
        .get_report(ReportScope::All, &reference)
        .expect("read")
        .expect("report");
    assert_eq!(resolved.status.code(), "resolved");
    // The agency sees it on its own console; a commissioner cannot open the moderators' page.
    let (agency_key, _) = site.key(Role::Agency, Some(agency));
    let (_, agency_session) = site.sign_in(&agency_key, "/agency/reports").await;
    let agency_page = site
        .get(
            "/agency/reports",
            &[("cookie", &agency_session.expect("signed in"))],
        )
        .await;
    assert_eq!(agency_page.status, StatusCode::OK);
    assert!(agency_page.body.contains(&reference));
    let (commissioner, _) = site.key(Role::Commissioner, None);
    let (_, commissioner_session) = site.sign_in(&commissioner, "/commissioner").await;
    let page = site
        .get(
            "/moderation/reports",
            &[("cookie", &commissioner_session.expect("signed in"))],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
}
