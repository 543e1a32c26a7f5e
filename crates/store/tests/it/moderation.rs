//! The moderation queue and one-time sign-in links, on the store alone.

use carematch_domain::{Role, SubmissionKind, SubmissionStatus};
use carematch_store::{
    LinkPurpose, MailKind, NewApiKey, NewMail, NewSubmission, Page, StoreError, SubmissionFilter,
};
use carematch_testkit::TestDb;
use chrono::{TimeDelta, Utc};

fn moderator_key(db: &TestDb) -> i64 {
    let key = NewApiKey {
        email: Some("moderator@council.example".into()),
        ..NewApiKey::new(Role::Moderator, "moderator")
    };
    db.store.create_key("hash-moderator", &key).expect("key").id
}

#[test]
fn a_submission_is_decided_once_with_its_effect_in_the_same_transaction() {
    let db = TestDb::new();
    let by = moderator_key(&db);
    let submitted = db
        .store
        .submit(&NewSubmission {
            kind: SubmissionKind::ProposeProvider,
            organisation_id: None,
            carer_id: None,
            provider_id: None,
            submitted_by: by,
            payload: "{}".into(),
            note: "our luncheon club".into(),
        })
        .expect("submit");
    assert_eq!(submitted.status, SubmissionStatus::Pending);
    let pending = SubmissionFilter {
        status: Some(SubmissionStatus::Pending),
        ..SubmissionFilter::default()
    };
    assert_eq!(
        db.store
            .list_submissions(&pending, Page::new(1, 10))
            .expect("list")
            .total,
        1
    );

    // An effect that fails rolls the decision back: still pending.
    let failed = db.store.decide_submission(
        submitted.id,
        SubmissionStatus::Approved,
        None,
        by,
        |_, _| {
            Err(StoreError::Conflict {
                reason: "no".into(),
            })
        },
    );
    assert!(matches!(failed, Err(StoreError::Conflict { .. })));
    let again = db
        .store
        .get_submission(submitted.id)
        .expect("get")
        .expect("found");
    assert_eq!(again.status, SubmissionStatus::Pending);

    let decided = db
        .store
        .decide_submission(
            submitted.id,
            SubmissionStatus::Rejected,
            Some("not care"),
            by,
            |_, _| Ok(()),
        )
        .expect("decide");
    assert_eq!(decided.status, SubmissionStatus::Rejected);
    assert_eq!(decided.reason.as_deref(), Some("not care"));
    let twice = db.store.decide_submission(
        submitted.id,
        SubmissionStatus::Approved,
        None,
        by,
        |_, _| Ok(()),
    );
    assert!(
        matches!(twice, Err(StoreError::Conflict { .. })),
        "{twice:?}"
    );
    assert_eq!(
        db.store
            .list_submissions(&pending, Page::new(1, 10))
            .expect("list")
            .total,
        0
    );
}

#[test]
fn a_link_works_once_and_never_after_it_expires() {
    let db = TestDb::new();
    let key = moderator_key(&db);
    let mail = NewMail {
        kind: MailKind::SignInLink,
        agency: None,
        enquiry: None,
        vacancy: None,
        recipient: "moderator@council.example".into(),
        subject: "Sign in".into(),
        body: "link".into(),
    };
    let now = Utc::now();
    db.store
        .create_sign_in_link(
            "t1",
            key,
            LinkPurpose::SignIn,
            now + TimeDelta::minutes(30),
            &mail,
        )
        .expect("link");
    db.store
        .create_sign_in_link(
            "t2",
            key,
            LinkPurpose::SignIn,
            now - TimeDelta::minutes(1),
            &mail,
        )
        .expect("expired link");
    assert!(
        db.store
            .redeem_sign_in_link("t1", LinkPurpose::Confirm, now)
            .expect("redeem")
            .is_none()
    );
    let signed_in = db
        .store
        .redeem_sign_in_link("t1", LinkPurpose::SignIn, now)
        .expect("redeem");
    assert_eq!(signed_in.map(|k| k.id), Some(key));
    assert!(
        db.store
            .redeem_sign_in_link("t1", LinkPurpose::SignIn, now)
            .expect("again")
            .is_none()
    );
    assert!(
        db.store
            .redeem_sign_in_link("t2", LinkPurpose::SignIn, now)
            .expect("expired")
            .is_none()
    );
    // Both mails were queued with their links.
    assert_eq!(db.store.count_mail(None).expect("count").pending, 2);
}
