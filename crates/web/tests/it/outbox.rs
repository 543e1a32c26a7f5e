//! `/agency/messages`: an agency reads its own notifications with their text (what it would
//! have been e-mailed; with no SMTP configured, the only place to read them), in its language,
//! and queues a failed one again; other agencies' messages never show.

use awc::http::StatusCode;
use carematch_domain::Role;
use carematch_store::{Failure, MailKind, NewMail, RetryPolicy};
use chrono::{TimeDelta, Utc};

use crate::helpers::TestSite;

fn mail(agency: carematch_domain::AgencyId, subject: &str, body: &str) -> NewMail {
    NewMail {
        kind: MailKind::EnquiryReceived,
        agency: Some(agency),
        enquiry: Some(1),
        vacancy: None,
        recipient: "office@agency.test".to_owned(),
        subject: subject.to_owned(),
        body: body.to_owned(),
    }
}

#[actix_web::test]
async fn an_agency_reads_its_messages_and_queues_a_failed_one_again() {
    let site = TestSite::spawn().await;
    let (own, other) = (site.agencies[0], site.agencies[1]);
    let store = &site.store;
    let queued = store
        .queue_mail(&mail(
            own,
            "New enquiry CM-7K2P",
            "陳太太 would like a call back in Cantonese.\n\nReference CM-7K2P",
        ))
        .expect("queue");
    let failing = store
        .queue_mail(&mail(
            own,
            "Vacancy alert",
            "A new vacancy matches your PAs.",
        ))
        .expect("queue");
    store
        .queue_mail(&mail(other, "Another agency's enquiry", "Not yours."))
        .expect("queue");
    // The first message due is claimed; fail the second for good, as a 550 would.
    let claimed = store
        .claim_mail("test", TimeDelta::minutes(1), 10, Utc::now())
        .expect("claim");
    let policy = RetryPolicy {
        max_attempts: 1,
        backoff_base: TimeDelta::seconds(1),
        max_delay: TimeDelta::seconds(1),
    };
    for m in claimed.iter().filter(|m| m.id == failing.id) {
        store
            .record_mail_failure(
                m.id,
                "test",
                Failure::Permanent,
                "550 5.1.1 unknown user",
                &policy,
                Utc::now(),
            )
            .expect("fail");
    }

    let anonymous = site.get("/agency/messages", &[]).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER, "sign in first");

    let (key, _) = site.key(Role::Agency, Some(own));
    let (_, cookie) = site.sign_in(&key, "/agency/messages").await;
    let cookie = cookie.expect("signed in");
    let console = site.get("/agency", &[("cookie", &cookie)]).await;
    assert!(
        console.body.contains(r#"href="/agency/messages""#),
        "linked from the console"
    );

    let page = site.get("/agency/messages", &[("cookie", &cookie)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("New enquiry CM-7K2P"));
    assert!(
        page.body
            .contains("陳太太 would like a call back in Cantonese.")
    );
    assert!(page.body.contains("550 5.1.1 unknown user"));
    assert!(
        !page.body.contains("Another agency"),
        "only its own messages"
    );
    assert!(page.body.contains("Waiting (1)") && page.body.contains("Failed (1)"));

    let failed = site
        .get("/agency/messages?status=failed", &[("cookie", &cookie)])
        .await;
    assert!(failed.body.contains("Vacancy alert"));
    assert!(
        !failed.body.contains("New enquiry CM-7K2P"),
        "filtered by status"
    );

    // Queue the failed one again, with the session's form token.
    let token = failed.form_token().expect("the retry form has a token");
    let path = format!("/agency/messages/{}/retry", failing.id);
    let refused = site.post_form(&path, &cookie, &[("csrf", "forged")]).await;
    assert_ne!(
        refused.status,
        StatusCode::SEE_OTHER,
        "a forged token changes nothing"
    );
    let retried = site.post_form(&path, &cookie, &[("csrf", &token)]).await;
    assert_eq!(retried.status, StatusCode::SEE_OTHER);
    assert_eq!(retried.header("location"), "/agency/messages?retried=1");
    let again = store
        .get_mail(failing.id, None)
        .expect("read")
        .expect("there");
    assert_eq!(again.status, carematch_store::MailStatus::Pending);
    let theirs = store
        .list_mail(
            carematch_store::OutboxFilter {
                agency: Some(other),
                status: None,
            },
            carematch_store::Page::new(1, 5),
        )
        .expect("list")
        .items[0]
        .id;
    let not_theirs = site
        .post_form(
            &format!("/agency/messages/{theirs}/retry"),
            &cookie,
            &[("csrf", &token)],
        )
        .await;
    assert_eq!(not_theirs.status, StatusCode::NOT_FOUND);
    assert_eq!(queued.agency, Some(own));

    // In Traditional Chinese, right to left in Urdu.
    let zh = site
        .get("/agency/messages?lang=zh-Hant", &[("cookie", &cookie)])
        .await;
    assert!(zh.body.contains("貴機構的訊息"), "{}", zh.body);
    let ur = site
        .get("/agency/messages?lang=ur", &[("cookie", &cookie)])
        .await;
    assert!(ur.body.contains(r#"dir="rtl""#));
}
