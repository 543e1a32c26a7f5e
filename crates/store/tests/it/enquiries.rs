//! Enquiries in the store: batches all or nothing with their mails, duplicates, scopes, status
//! changes with events and mails, withdrawal and the retention purge.

use carematch_domain::AgencyId;
use carematch_domain::enquiry::{
    CloseReason, ContactBy, ContactDetails, EnquiryItem, EnquiryNeeds, EnquiryStatus,
    InterfaceLocale, ItemKind,
};
use carematch_domain::vocabulary::Language;
use carematch_store::enquiries::{
    BatchOutcome, Enquiry, EnquiryContent, EventChange, NewBatch, NewEnquiry,
};
use carematch_store::{MailKind, NewMail, Page, Store, StoreError};
use carematch_testkit::TestDb;
use carematch_testkit::build::epoch;
use chrono::{DateTime, Duration, Utc};

fn content() -> EnquiryContent {
    EnquiryContent {
        name: "陳太太".into(),
        contact: ContactDetails {
            by: ContactBy::Callback,
            phone: Some("07700 900123".into()),
            email: Some("chan@example.org".into()),
            callback_language: Some(Language::Yue),
        },
        message: "想找一位會煮粵菜的護理員".into(),
        needs: EnquiryNeeds {
            languages: vec![Language::Yue],
            ..EnquiryNeeds::default()
        },
        outward_code: Some("LE1".into()),
        authority_code: None,
        locale: InterfaceLocale::ZhHant,
    }
}

fn mail(agency: AgencyId) -> NewMail {
    NewMail {
        kind: MailKind::EnquiryReceived,
        agency: Some(agency),
        enquiry: None,
        vacancy: None,
        recipient: format!("inbox{agency}@example.org"),
        subject: "New enquiry".into(),
        body: "details".into(),
    }
}

fn batch(name: &str, agencies: &[AgencyId], key: &str, at: DateTime<Utc>) -> NewBatch {
    NewBatch {
        batch: format!("CM-{name}"),
        access_hash: "ab".repeat(32),
        dedupe_key: key.into(),
        content: content(),
        enquiries: agencies
            .iter()
            .enumerate()
            .map(|(i, agency)| NewEnquiry {
                reference: format!("CM-{name}-{i}"),
                agency: *agency,
                items: vec![EnquiryItem {
                    kind: ItemKind::Carer,
                    id: i as i64 + 1,
                }],
                mail: Some(mail(*agency)),
            })
            .collect(),
        at,
    }
}

fn agencies(store: &Store, n: usize) -> Vec<AgencyId> {
    (0..n)
        .map(|i| {
            store
                .create_agency(&format!("Agency {i}"))
                .expect("agency")
                .id
        })
        .collect()
}

fn created(outcome: BatchOutcome) -> Vec<Enquiry> {
    match outcome {
        BatchOutcome::Created(enquiries) => enquiries,
        BatchOutcome::Duplicate(_) => panic!("a duplicate"),
    }
}

fn all(store: &Store) -> Vec<Enquiry> {
    store
        .list_enquiries(None, None, Page::new(1, 100))
        .expect("list")
        .items
}

fn change(status: EnquiryStatus, reason: Option<CloseReason>) -> EventChange {
    EventChange {
        actor: "api key 1".into(),
        status: Some(status),
        close_reason: reason,
        note: None,
    }
}

#[test]
fn a_shortlist_over_three_agencies_makes_three_enquiries_and_three_mails_at_once() {
    let db = TestDb::new();
    let ids = agencies(&db.store, 3);
    let stored = created(
        db.store
            .create_enquiries(&batch("A", &ids, "k1", epoch()))
            .expect("create"),
    );
    assert_eq!(stored.len(), 3);
    assert!(stored.iter().all(|e| e.batch == "CM-A"));
    assert_eq!(stored.iter().map(|e| e.agency_id).collect::<Vec<_>>(), ids);
    let first = &stored[0];
    assert_eq!(first.status, EnquiryStatus::New);
    assert_eq!(first.created_at, epoch());
    assert_eq!(first.consent_at, epoch());
    assert_eq!(first.contact, content().contact);
    assert_eq!(first.needs.languages, [Language::Yue]);
    assert_eq!(first.locale, InterfaceLocale::ZhHant);
    let mails = db.store.enquiry_mails(None).expect("mails");
    assert_eq!(mails.len(), 3);
    for (mail, enquiry) in mails.iter().zip(&stored) {
        assert_eq!(mail.enquiry_id, Some(enquiry.id));
        assert_eq!(mail.agency_id, Some(enquiry.agency_id));
        assert_eq!(mail.kind, "enquiry_received");
    }
    let (_, events) = db.store.get_enquiry(None, first.id).expect("get");
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].status, Some(EnquiryStatus::New));
    assert_eq!(events[0].actor, "person");
}

#[test]
fn a_failure_part_way_leaves_no_enquiry_and_no_mail() {
    let db = TestDb::new();
    let mut ids = agencies(&db.store, 2);
    ids.push(AgencyId(9_999));
    let error = db
        .store
        .create_enquiries(&batch("B", &ids, "k1", epoch()))
        .expect_err("an unknown agency");
    assert!(
        matches!(
            error,
            StoreError::NotFound {
                entity: "agency",
                ..
            }
        ),
        "{error}"
    );
    assert!(all(&db.store).is_empty());
    assert!(db.store.enquiry_mails(None).expect("mails").is_empty());
}

#[test]
fn the_same_enquiry_within_a_day_returns_the_first_and_writes_nothing() {
    let db = TestDb::new();
    let ids = agencies(&db.store, 2);
    let first = created(
        db.store
            .create_enquiries(&batch("C", &ids, "same", epoch()))
            .expect("create"),
    );
    let again = db
        .store
        .create_enquiries(&batch("D", &ids, "same", epoch() + Duration::hours(23)))
        .expect("create");
    assert_eq!(again, BatchOutcome::Duplicate(first.clone()));
    assert_eq!(all(&db.store).len(), 2);
    assert_eq!(db.store.enquiry_mails(None).expect("mails").len(), 2);
    // A day later it is a new enquiry.
    let later = created(
        db.store
            .create_enquiries(&batch("E", &ids, "same", epoch() + Duration::hours(25)))
            .expect("create"),
    );
    assert_eq!(later.len(), 2);
    assert_eq!(db.store.enquiry_mails(None).expect("mails").len(), 4);
}

#[test]
fn an_agency_sees_only_its_own_newest_first_and_by_status() {
    let db = TestDb::new();
    let ids = agencies(&db.store, 2);
    created(
        db.store
            .create_enquiries(&batch("F", &ids, "k1", epoch()))
            .expect("create"),
    );
    created(
        db.store
            .create_enquiries(&batch("G", &ids[..1], "k2", epoch()))
            .expect("create"),
    );
    let own = db
        .store
        .list_enquiries(Some(ids[0]), None, Page::new(1, 10))
        .expect("list");
    assert_eq!(own.total, 2);
    assert_eq!(own.items[0].reference, "CM-G-0");
    assert!(own.items.iter().all(|e| e.agency_id == ids[0]));
    let other = db
        .store
        .list_enquiries(Some(ids[1]), None, Page::new(1, 10))
        .expect("list");
    assert_eq!(other.total, 1);
    let id = own.items[0].id;
    assert!(matches!(
        db.store.get_enquiry(Some(ids[1]), id),
        Err(StoreError::NotFound { .. })
    ));
    let closed = db
        .store
        .list_enquiries(Some(ids[0]), Some(EnquiryStatus::Closed), Page::new(1, 10))
        .expect("list");
    assert_eq!(closed.total, 0);
    let by_batch = db.store.enquiries_by_reference("CM-F").expect("batch");
    assert_eq!(by_batch.len(), 2);
    let one = db.store.enquiries_by_reference("CM-F-1").expect("one");
    assert_eq!(one.len(), 1);
}

#[test]
fn statuses_move_forward_with_dates_events_and_the_persons_mail() {
    let db = TestDb::new();
    let ids = agencies(&db.store, 1);
    let enquiry = created(
        db.store
            .create_enquiries(&batch("H", &ids, "k1", epoch()))
            .expect("create"),
    )
    .remove(0);
    let person_mail = |e: &Enquiry| {
        Some(NewMail {
            kind: MailKind::EnquiryStatus,
            agency: Some(e.agency_id),
            enquiry: Some(e.id),
            vacancy: None,
            recipient: e.contact.email.clone().expect("an e-mail"),
            subject: e.status.code().into(),
            body: String::new(),
        })
    };
    let at = epoch() + Duration::days(1);
    let introduced = db
        .store
        .record_enquiry_event(
            Some(ids[0]),
            enquiry.id,
            &change(EnquiryStatus::Introduced, None),
            at,
            person_mail,
        )
        .expect("record")
        .expect("allowed");
    // Introducing marks it contacted at the same time.
    assert_eq!(introduced.status, EnquiryStatus::Introduced);
    assert_eq!(introduced.contacted_at, Some(at));
    assert_eq!(introduced.introduced_at, Some(at));
    let refused = db
        .store
        .record_enquiry_event(
            Some(ids[0]),
            enquiry.id,
            &change(EnquiryStatus::Contacted, None),
            at,
            person_mail,
        )
        .expect("record")
        .expect_err("backwards");
    assert_eq!(refused.current, EnquiryStatus::Introduced);
    let note = EventChange {
        actor: "console (key 2)".into(),
        status: None,
        close_reason: None,
        note: Some("她想星期二見面".into()),
    };
    db.store
        .record_enquiry_event(Some(ids[0]), enquiry.id, &note, at, person_mail)
        .expect("record")
        .expect("a note");
    let closed_at = at + Duration::days(2);
    let closed = db
        .store
        .record_enquiry_event(
            Some(ids[0]),
            enquiry.id,
            &change(EnquiryStatus::Closed, Some(CloseReason::Filled)),
            closed_at,
            person_mail,
        )
        .expect("record")
        .expect("allowed");
    assert_eq!(closed.closed_at, Some(closed_at));
    assert_eq!(closed.close_reason, Some(CloseReason::Filled));
    assert_eq!(closed.introduced_at, Some(at));
    let (_, events) = db.store.get_enquiry(None, enquiry.id).expect("get");
    let kinds: Vec<_> = events
        .iter()
        .map(|e| (e.status, e.note.is_some()))
        .collect();
    assert_eq!(
        kinds,
        [
            (Some(EnquiryStatus::New), false),
            (Some(EnquiryStatus::Introduced), false),
            (None, true),
            (Some(EnquiryStatus::Closed), false),
        ]
    );
    assert_eq!(events[2].actor, "console (key 2)");
    // Status changes only were mailed (not the note, not the refusal).
    let mails = db.store.enquiry_mails(Some(enquiry.id)).expect("mails");
    let subjects: Vec<_> = mails.iter().map(|m| m.subject.as_str()).collect();
    assert_eq!(subjects, ["New enquiry", "introduced", "closed"]);
    // Closed is final; another agency cannot touch it at all.
    assert!(
        db.store
            .record_enquiry_event(
                Some(ids[0]),
                enquiry.id,
                &change(EnquiryStatus::Closed, Some(CloseReason::Other)),
                at,
                person_mail
            )
            .expect("record")
            .is_err()
    );
    assert!(matches!(
        db.store
            .record_enquiry_event(Some(AgencyId(9_999)), enquiry.id, &note, at, person_mail),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn withdrawal_deletes_the_enquiries_their_events_and_mails_and_queues_the_notice() {
    let db = TestDb::new();
    let ids = agencies(&db.store, 2);
    let stored = created(
        db.store
            .create_enquiries(&batch("I", &ids, "k1", epoch()))
            .expect("create"),
    );
    let keep = created(
        db.store
            .create_enquiries(&batch("J", &ids[..1], "k2", epoch()))
            .expect("create"),
    );
    let withdrawn: Vec<i64> = stored.iter().map(|e| e.id).collect();
    let deleted = db
        .store
        .withdraw_enquiries(&withdrawn, epoch(), |e| {
            Some(NewMail {
                subject: format!("{} withdrawn", e.reference),
                ..mail(e.agency_id)
            })
        })
        .expect("withdraw");
    assert_eq!(deleted, 2);
    assert_eq!(all(&db.store), keep);
    for id in withdrawn {
        assert!(db.store.get_enquiry(None, id).is_err());
        assert!(db.store.enquiry_mails(Some(id)).expect("mails").is_empty());
    }
    let mails = db.store.enquiry_mails(None).expect("mails");
    let subjects: Vec<_> = mails.iter().map(|m| m.subject.as_str()).collect();
    assert_eq!(
        subjects,
        ["New enquiry", "CM-I-0 withdrawn", "CM-I-1 withdrawn"]
    );
    assert!(mails.iter().all(|m| !m.body.contains("陳")));
}

#[test]
fn the_purge_deletes_enquiries_closed_before_the_cutoff_with_events_and_mails() {
    let db = TestDb::new();
    let ids = agencies(&db.store, 1);
    let old = created(
        db.store
            .create_enquiries(&batch("K", &ids, "k1", epoch()))
            .expect("create"),
    )
    .remove(0);
    let recent = created(
        db.store
            .create_enquiries(&batch("L", &ids, "k2", epoch()))
            .expect("create"),
    )
    .remove(0);
    let open = created(
        db.store
            .create_enquiries(&batch("M", &ids, "k3", epoch()))
            .expect("create"),
    )
    .remove(0);
    let close = |id: i64, at: DateTime<Utc>| {
        db.store
            .record_enquiry_event(
                None,
                id,
                &change(EnquiryStatus::Closed, Some(CloseReason::NoReply)),
                at,
                |_| None,
            )
            .expect("record")
            .expect("allowed");
    };
    close(old.id, epoch() + Duration::days(1));
    close(recent.id, epoch() + Duration::days(100));
    let cutoff = epoch() + Duration::days(50);
    assert_eq!(db.store.purge_enquiries(cutoff).expect("purge"), 1);
    let left: Vec<i64> = all(&db.store).iter().map(|e| e.id).collect();
    assert_eq!(left, [open.id, recent.id]);
    assert!(
        db.store
            .enquiry_mails(Some(old.id))
            .expect("mails")
            .is_empty()
    );
    assert!(db.store.get_enquiry(None, old.id).is_err());
    assert_eq!(db.store.purge_enquiries(cutoff).expect("again"), 0);
    let counts = db.store.enquiry_counts().expect("counts");
    assert_eq!(counts.total, 2);
    assert_eq!(counts.by_status.get(&EnquiryStatus::Closed), Some(&1));
}
