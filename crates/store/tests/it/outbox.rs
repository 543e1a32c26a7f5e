//! The outbox's sender side: leases, attempts and backoff, sent and failed, retry, listing by
//! agency, deletion with the enquiry or vacancy, and claims that never overlap across stores.

use std::collections::BTreeSet;

use carematch_domain::AgencyId;
use carematch_store::{
    Failure, MailKind, MailStatus, NewMail, OutboxFilter, Page, RetryPolicy, Store, StoreError,
};
use carematch_testkit::TestDb;
use chrono::{SubsecRound, TimeDelta, Utc};

fn mail(agency: Option<AgencyId>, enquiry: Option<i64>, vacancy: Option<i64>) -> NewMail {
    NewMail {
        kind: MailKind::EnquiryReceived,
        agency,
        enquiry,
        vacancy,
        recipient: "office@example.org".to_owned(),
        subject: "A new enquiry".to_owned(),
        body: "Someone asked about a PA.".to_owned(),
    }
}

const POLICY: RetryPolicy = RetryPolicy {
    max_attempts: 3,
    backoff_base: TimeDelta::seconds(10),
    max_delay: TimeDelta::seconds(25),
};

fn lease() -> TimeDelta {
    TimeDelta::seconds(60)
}

#[test]
fn a_claim_is_a_lease_and_sent_messages_are_not_claimed_again() {
    let db = TestDb::new();
    let store = &db.store;
    let agency = store.create_agency("Mosaic").expect("agency").id;
    let queued = store
        .queue_mail(&mail(Some(agency), None, None))
        .expect("queue");
    let second = store
        .queue_mail(&mail(Some(agency), None, None))
        .expect("queue");
    assert_eq!(queued.status, MailStatus::Pending);
    assert_eq!(queued.attempts, 0);
    assert_ne!(queued.message_id, second.message_id, "a Message-ID each");

    let t0 = Utc::now();
    let claimed = store.claim_mail("a", lease(), 1, t0).expect("claim");
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].id, queued.id, "oldest first");
    assert_eq!(claimed[0].attempts, 1, "an attempt is counted when claimed");
    assert_eq!(claimed[0].claimed_by.as_deref(), Some("a"));
    assert_eq!(claimed[0].message_id, queued.message_id);

    // Held by "a": another claimer gets only the other message, then nothing.
    let other = store.claim_mail("b", lease(), 10, t0).expect("claim");
    assert_eq!(other.iter().map(|m| m.id).collect::<Vec<_>>(), [second.id]);
    assert!(
        store
            .claim_mail("b", lease(), 10, t0)
            .expect("claim")
            .is_empty()
    );

    // Once the lease lapses (the claimer died), the message is due again, same Message-ID.
    let later = t0 + lease() + TimeDelta::seconds(1);
    let again = store.claim_mail("c", lease(), 1, later).expect("claim");
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].id, queued.id);
    assert_eq!(again[0].attempts, 2);
    assert_eq!(again[0].message_id, queued.message_id);

    assert!(store.mark_mail_sent(queued.id, later).expect("sent"));
    assert!(
        !store.mark_mail_sent(queued.id, later).expect("twice"),
        "only once"
    );
    let sent = store
        .get_mail(queued.id, None)
        .expect("get")
        .expect("found");
    assert_eq!(sent.status, MailStatus::Sent);
    assert!(sent.sent_at.is_some());
    let much_later = later + TimeDelta::days(1);
    let due = store
        .claim_mail("c", lease(), 10, much_later)
        .expect("claim");
    assert_eq!(due.iter().map(|m| m.id).collect::<Vec<_>>(), [second.id]);
}

#[test]
fn failed_attempts_back_off_then_fail_and_can_be_retried() {
    let db = TestDb::new();
    let store = &db.store;
    let agency = store.create_agency("Mosaic").expect("agency").id;
    let queued = store
        .queue_mail(&mail(Some(agency), None, None))
        .expect("queue");
    // Microseconds, as both databases keep them.
    let mut at = Utc::now().trunc_subsecs(6);

    // Attempt 1 fails: 10 s wait; attempt 2: 20 s; attempt 3 is the last.
    for (attempt, wait) in [(1, 10), (2, 20)] {
        let claimed = store.claim_mail("s", lease(), 1, at).expect("claim");
        assert_eq!(claimed[0].attempts, attempt);
        let status = store
            .record_mail_failure(
                queued.id,
                "s",
                Failure::Transient,
                "451 try later",
                &POLICY,
                at,
            )
            .expect("record");
        assert_eq!(status, Some(MailStatus::Pending));
        let stored = store
            .get_mail(queued.id, None)
            .expect("get")
            .expect("found");
        assert_eq!(stored.next_attempt_at, at + TimeDelta::seconds(wait));
        assert_eq!(stored.last_error.as_deref(), Some("451 try later"));
        assert!(stored.claimed_by.is_none());
        let early = at + TimeDelta::seconds(wait - 1);
        assert!(
            store
                .claim_mail("s", lease(), 1, early)
                .expect("claim")
                .is_empty(),
            "waits"
        );
        at += TimeDelta::seconds(wait);
    }
    assert_eq!(POLICY.delay_after(3), TimeDelta::seconds(25), "capped");
    store.claim_mail("s", lease(), 1, at).expect("claim");
    // A sender whose lease lapsed (another holds the message) records nothing.
    assert_eq!(
        store
            .record_mail_failure(queued.id, "stale", Failure::Permanent, "x", &POLICY, at)
            .expect("record"),
        None
    );
    let status = store
        .record_mail_failure(queued.id, "s", Failure::Transient, "451 again", &POLICY, at)
        .expect("record");
    assert_eq!(status, Some(MailStatus::Failed), "after the last attempt");
    let far = at + TimeDelta::days(1);
    assert!(
        store
            .claim_mail("s", lease(), 1, far)
            .expect("claim")
            .is_empty()
    );

    // Retried: pending, due now, attempts afresh. Retrying a pending one changes nothing.
    let retried = store
        .retry_mail(queued.id, Some(agency))
        .expect("retry")
        .expect("was failed");
    assert_eq!((retried.status, retried.attempts), (MailStatus::Pending, 0));
    assert_eq!(store.retry_mail(queued.id, None).expect("retry"), None);

    // A permanent failure fails at once.
    let claimed = store.claim_mail("s", lease(), 1, far).expect("claim");
    assert_eq!(claimed[0].id, queued.id);
    let status = store
        .record_mail_failure(
            queued.id,
            "s",
            Failure::Permanent,
            "550 no such user",
            &POLICY,
            far,
        )
        .expect("record");
    assert_eq!(status, Some(MailStatus::Failed));
}

#[test]
fn lists_and_counts_are_per_agency_and_messages_go_with_their_enquiry_or_vacancy() {
    let db = TestDb::new();
    let store = &db.store;
    let mosaic = store.create_agency("Mosaic").expect("agency").id;
    let other = store.create_agency("Other").expect("agency").id;
    let first = store
        .queue_mail(&mail(Some(mosaic), Some(7), None))
        .expect("queue");
    store
        .queue_mail(&mail(Some(mosaic), None, Some(9)))
        .expect("queue");
    let theirs = store
        .queue_mail(&mail(Some(other), Some(8), None))
        .expect("queue");
    store
        .claim_mail("s", lease(), 1, Utc::now())
        .expect("claim");
    store.mark_mail_sent(first.id, Utc::now()).expect("sent");

    let own = OutboxFilter {
        agency: Some(mosaic),
        status: None,
    };
    let page = store.list_mail(own, Page::new(1, 10)).expect("list");
    assert_eq!(page.total, 2);
    assert!(page.items.iter().all(|m| m.agency == Some(mosaic)));
    assert!(page.items[0].id > page.items[1].id, "newest first");
    let sent = OutboxFilter {
        status: Some(MailStatus::Sent),
        ..own
    };
    let page = store.list_mail(sent, Page::new(1, 10)).expect("list");
    assert_eq!(
        page.items.iter().map(|m| m.id).collect::<Vec<_>>(),
        [first.id]
    );
    let all = store
        .list_mail(OutboxFilter::default(), Page::new(2, 2))
        .expect("list");
    assert_eq!((all.total, all.items.len()), (3, 1));

    let counts = store.count_mail(Some(mosaic)).expect("count");
    assert_eq!((counts.pending, counts.sent, counts.failed), (1, 1, 0));
    assert_eq!(store.count_mail(None).expect("count").pending, 2);

    // Another agency's message is not found, neither read nor retried.
    assert!(
        store
            .get_mail(theirs.id, Some(mosaic))
            .expect("get")
            .is_none()
    );
    assert!(matches!(
        store.retry_mail(theirs.id, Some(mosaic)),
        Err(StoreError::NotFound { .. })
    ));

    assert_eq!(store.delete_mail_of_enquiry(7).expect("delete"), 1);
    assert_eq!(store.delete_mail_of_vacancy(9).expect("delete"), 1);
    assert_eq!(store.delete_mail_of_vacancy(9).expect("delete"), 0);
    assert!(store.get_mail(first.id, None).expect("get").is_none());
    assert_eq!(store.count_mail(None).expect("count").pending, 1);
}

/// Senders on two stores (as two processes would have), four threads each claiming as fast as
/// they can: every message is claimed by exactly one of them.
#[test]
fn concurrent_claims_never_share_a_message() {
    const MESSAGES: usize = 120;
    let db = TestDb::new();
    let agency = db.store.create_agency("Mosaic").expect("agency").id;
    let ids: BTreeSet<i64> = (0..MESSAGES)
        .map(|_| {
            db.store
                .queue_mail(&mail(Some(agency), None, None))
                .expect("queue")
                .id
        })
        .collect();
    let second = db.another_store(4);
    let stores: Vec<Store> = vec![db.store.clone(), db.store.clone(), second.clone(), second];
    let claims: Vec<Vec<i64>> = std::thread::scope(|scope| {
        let handles: Vec<_> = stores
            .iter()
            .enumerate()
            .map(|(n, store)| {
                scope.spawn(move || {
                    let me = format!("sender-{n}");
                    let mut mine = Vec::new();
                    loop {
                        let claimed = store
                            .claim_mail(&me, TimeDelta::hours(1), 3, Utc::now())
                            .expect("claim");
                        if claimed.is_empty() {
                            return mine;
                        }
                        mine.extend(claimed.iter().map(|m| m.id));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("thread"))
            .collect()
    });
    let all: Vec<i64> = claims.iter().flatten().copied().collect();
    assert_eq!(all.len(), MESSAGES, "each claimed once: {claims:?}");
    assert_eq!(all.iter().copied().collect::<BTreeSet<_>>(), ids);
}
