//! Edit history, restore, confirmation and the freshness sweep on the store alone (both
//! backends: see main.rs).

use carematch_domain::listing::{HIDE_AFTER_DAYS, REMIND_AFTER_DAYS};
use carematch_domain::{Actor, ActorKind, AgencyId, AgencyProfile, CarerDetails, HistoryOp, Role};
use carematch_store::freshness::ReminderText;
use carematch_store::{
    ChangeOp, Entity, MailKind, NewApiKey, NewProvider, OutboxFilter, Page, StoreError,
};
use carematch_testkit::TestDb;
use carematch_testkit::build::date;
use carematch_testkit::records::{changed_carer, full_carer, full_provider, precise_point};
use chrono::{Days, NaiveDate};

fn agency_actor(agency: AgencyId) -> Actor {
    Actor::new(
        ActorKind::Agency,
        Some(agency.0),
        format!("agency {agency}"),
    )
}

fn history_ops(db: &TestDb, entity: Entity, id: i64) -> Vec<HistoryOp> {
    db.store
        .history(entity, id, Page::new(1, 100))
        .expect("history")
        .items
        .into_iter()
        .map(|e| e.op)
        .collect()
}

#[test]
fn every_kind_of_change_is_recorded_with_its_actor_and_field_names_never_values() {
    let db = TestDb::new();
    let agency = db.store.create_agency("Mosaic 1898").expect("agency").id;
    let by = agency_actor(agency);
    let details = full_carer();
    let carer = db
        .store
        .insert_carer(agency, &details, precise_point(), &by)
        .expect("insert");
    let changed = CarerDetails {
        bio: "Now also cooks Sylheti food.".into(),
        ..details.clone()
    };
    db.store
        .update_carer(carer.id, &changed, precise_point(), None, &by)
        .expect("update");
    db.store.delete_carer(carer.id, &by).expect("delete");
    assert!(db.store.get_carer(carer.id).expect("get").is_none());
    let restored = db.store.restore_carer(carer.id, &by).expect("restore");
    assert_eq!(restored.details, changed);
    assert!(matches!(
        db.store.restore_carer(carer.id, &by),
        Err(StoreError::NotFound { .. })
    ));
    db.store
        .confirm_carer(carer.id, date(2026, 11, 1), &by)
        .expect("confirm");

    let history = db
        .store
        .history(Entity::Carer, carer.id.0, Page::new(1, 100))
        .expect("history");
    let ops: Vec<HistoryOp> = history.items.iter().map(|e| e.op).collect();
    // Newest first.
    assert_eq!(
        ops,
        [
            HistoryOp::Confirm,
            HistoryOp::Restore,
            HistoryOp::Delete,
            HistoryOp::Update,
            HistoryOp::Create
        ]
    );
    assert_eq!(history.total, 5);
    for entry in &history.items {
        assert_eq!(entry.actor(), by);
    }
    let update = &history.items[3];
    assert_eq!(update.fields, ["bio"]);
    let create = &history.items[4];
    assert!(
        create.fields.contains(&"given_name".to_owned()),
        "{create:?}"
    );
    assert!(create.fields.contains(&"contact".to_owned()));
    assert_eq!(
        history.items[0].fields,
        ["last_confirmed_on", "confirmed_by"]
    );
    // Names only: no value of the record appears anywhere in its history.
    let text = format!("{:?}", history.items);
    for value in [
        details.given_name.as_str(),
        details.family_name.as_str(),
        changed.bio.as_str(),
        details.postcode.as_str(),
    ] {
        assert!(!text.contains(value), "`{value}` leaked into {text}");
    }

    // Paged, newest first.
    let second = db
        .store
        .history(Entity::Carer, carer.id.0, Page::new(2, 2))
        .expect("page 2");
    assert_eq!(
        second.items.iter().map(|e| e.op).collect::<Vec<_>>(),
        [HistoryOp::Delete, HistoryOp::Update]
    );

    // The restore went through the change log as an upsert, so indexes take it back.
    let changes = db.store.changes_since(0, 100).expect("changes");
    let ours: Vec<ChangeOp> = changes
        .iter()
        .filter(|c| c.entity == Entity::Carer && c.entity_id == carer.id.0)
        .map(|c| c.op)
        .collect();
    assert_eq!(
        ours,
        [
            ChangeOp::Upsert,
            ChangeOp::Upsert,
            ChangeOp::Delete,
            ChangeOp::Upsert,
            ChangeOp::Upsert
        ]
    );
}

#[test]
fn bulk_inserts_and_provider_changes_are_recorded_too() {
    let db = TestDb::new();
    let import = Actor::new(ActorKind::Import, None, "import providers JSON Lines");
    let rows: Vec<NewProvider> = (0..3)
        .map(|i| {
            let mut details = full_provider();
            details.name = format!("Luncheon club {i}");
            details.external_ref = Some(format!("club-{i}"));
            NewProvider::new(None, details, precise_point())
        })
        .collect();
    let ids = db
        .store
        .insert_providers(&rows, &|_| {}, &import)
        .expect("insert");
    for id in &ids {
        let history = db
            .store
            .history(Entity::Provider, id.0, Page::new(1, 10))
            .expect("history");
        assert_eq!(history.total, 1);
        assert_eq!(history.items[0].op, HistoryOp::Create);
        assert_eq!(history.items[0].actor(), import);
    }
    let admin = Actor::new(ActorKind::Admin, None, "admin");
    let provider = db.store.get_provider(ids[0]).expect("get").expect("found");
    let mut renamed = provider.details.clone();
    renamed.name = "Kwun Tong club".into();
    db.store
        .update_provider(ids[0], &renamed, provider.location, None, &admin)
        .expect("update");
    db.store.delete_provider(ids[0], &admin).expect("delete");
    db.store.restore_provider(ids[0], &admin).expect("restore");
    let history = db
        .store
        .history(Entity::Provider, ids[0].0, Page::new(1, 10))
        .expect("history");
    assert_eq!(history.items[2].op, HistoryOp::Update);
    assert_eq!(history.items[2].fields, ["name"]);
    assert_eq!(history.items[0].actor(), admin);
    assert_eq!(
        history_ops(&db, Entity::Provider, ids[1].0),
        [HistoryOp::Create]
    );
}

fn plus(day: NaiveDate, days: i64) -> NaiveDate {
    day.checked_add_days(Days::new(u64::try_from(days).expect("positive")))
        .expect("in range")
}

fn reminder_text() -> impl Fn(&carematch_store::freshness::DueReminder) -> ReminderText {
    |due| ReminderText {
        subject: format!("Is {} still up to date?", due.name),
        body: format!("confirmed on {}", due.last_confirmed_on),
    }
}

fn reminders(db: &TestDb) -> Vec<(String, String)> {
    db.store
        .list_mail(OutboxFilter::default(), Page::new(1, 100))
        .expect("outbox")
        .items
        .into_iter()
        .filter(|m| m.kind == MailKind::FreshnessReminder)
        .map(|m| (m.recipient, m.subject))
        .collect()
}

#[test]
fn the_sweep_reminds_once_at_90_days_and_hides_at_180_until_confirmed() {
    let db = TestDb::new();
    let agency = db
        .store
        .create_agency_with(&AgencyProfile {
            email: Some("office@mosaic.example.org".into()),
            ..AgencyProfile::named("Mosaic 1898")
        })
        .expect("agency")
        .id;
    let silent = db.store.create_agency("No Address Ltd").expect("agency").id;
    let confirmed = date(2026, 1, 5);
    let mut details = full_carer();
    details.last_confirmed_on = confirmed;
    let by = agency_actor(agency);
    let carer = db
        .store
        .insert_carer(agency, &details, precise_point(), &by)
        .expect("carer");
    let mut own = changed_carer();
    own.last_confirmed_on = confirmed;
    own.external_ref = Some("own".into());
    let self_registered = db
        .store
        .insert_carer(agency, &own, precise_point(), &by)
        .expect("carer");
    db.store
        .create_key(
            "hash-pa",
            &NewApiKey {
                carer_id: Some(self_registered.id),
                agency_id: Some(agency),
                email: Some("pa@example.net".into()),
                ..NewApiKey::new(Role::Pa, "PA")
            },
        )
        .expect("PA key");
    let mut unmailed = full_carer();
    unmailed.last_confirmed_on = confirmed;
    unmailed.external_ref = Some("other".into());
    let no_address = db
        .store
        .insert_carer(silent, &unmailed, precise_point(), &agency_actor(silent))
        .expect("carer");
    let mut provider = full_provider();
    provider.last_confirmed_on = confirmed;
    let provider = db
        .store
        .insert_provider(Some(agency), &provider, precise_point(), &by)
        .expect("provider");
    let text = reminder_text();
    let sweeper = Actor::system("freshness sweep");

    // Day 89: nothing.
    let day89 = db
        .store
        .freshness_sweep(plus(confirmed, REMIND_AFTER_DAYS - 1), &text, &sweeper)
        .expect("sweep");
    assert!(day89.reminded.is_empty() && day89.hidden.is_empty());
    assert!(reminders(&db).is_empty());

    // Day 90: one reminder per record; the PA who registered themselves gets their own.
    let day90 = db
        .store
        .freshness_sweep(plus(confirmed, REMIND_AFTER_DAYS), &text, &sweeper)
        .expect("sweep");
    assert_eq!(day90.reminded.len(), 4);
    assert_eq!(day90.mailed, 3, "the agency with no address gets no mail");
    assert!(day90.hidden.is_empty());
    let mut sent: Vec<String> = reminders(&db).into_iter().map(|(to, _)| to).collect();
    sent.sort();
    assert_eq!(
        sent,
        [
            "office@mosaic.example.org",
            "office@mosaic.example.org",
            "pa@example.net"
        ]
    );
    let reminded = db
        .store
        .get_carer(no_address.id)
        .expect("get")
        .expect("found");
    assert_eq!(
        reminded.listing.reminded_on,
        Some(plus(confirmed, REMIND_AFTER_DAYS))
    );

    // Day 179: no second reminder, not yet hidden.
    let day179 = db
        .store
        .freshness_sweep(plus(confirmed, HIDE_AFTER_DAYS - 1), &text, &sweeper)
        .expect("sweep");
    assert!(day179.reminded.is_empty() && day179.hidden.is_empty());
    assert_eq!(reminders(&db).len(), 3);
    let still = db.store.get_carer(carer.id).expect("get").expect("found");
    assert!(still.is_public());

    // Day 180: hidden, recorded, and the index told.
    let seq = db.store.latest_change_seq().expect("seq");
    let day180_date = plus(confirmed, HIDE_AFTER_DAYS);
    let day180 = db
        .store
        .freshness_sweep(day180_date, &text, &sweeper)
        .expect("sweep");
    assert_eq!(day180.hidden.len(), 4);
    let stale = db.store.get_carer(carer.id).expect("get").expect("found");
    assert_eq!(stale.listing.stale_since, Some(day180_date));
    assert!(!stale.is_public());
    let stale_provider = db
        .store
        .get_provider(provider.id)
        .expect("get")
        .expect("found");
    assert!(!stale_provider.is_public());
    assert!(
        db.store
            .changes_since(seq, 100)
            .expect("changes")
            .iter()
            .any(|c| c.entity == Entity::Carer && c.entity_id == carer.id.0)
    );
    assert_eq!(
        history_ops(&db, Entity::Carer, carer.id.0)[0],
        HistoryOp::Stale
    );
    // The agency still lists it.
    let listed = db
        .store
        .list_carers(
            &carematch_store::CarerFilter {
                agency: Some(agency),
                ..Default::default()
            },
            Page::new(1, 10),
        )
        .expect("list");
    assert!(listed.items.iter().any(|c| c.id == carer.id));

    // Confirming brings it back and starts a new cycle.
    let back = db
        .store
        .confirm_carer(carer.id, day180_date, &by)
        .expect("confirm");
    assert!(back.is_public());
    assert_eq!(back.listing.confirmed_by, format!("agency {agency}"));
    assert_eq!(back.listing.reminded_on, None);
    assert_eq!(back.details.last_confirmed_on, day180_date);
    let again = db
        .store
        .freshness_sweep(plus(day180_date, 1), &text, &sweeper)
        .expect("sweep");
    assert!(again.hidden.is_empty() && again.reminded.is_empty());
}
