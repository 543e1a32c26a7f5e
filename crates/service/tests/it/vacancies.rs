//! Vacancies through the service, on SQLite or PostgreSQL: the lifecycle and its refusals,
//! urgent ordering, matching restricted to an agency's own PAs, putting forward, owner-only
//! views, alerts written with the vacancy, what a public post keeps, retention and the
//! time-to-fill figures on a hand-made set.

use carematch_domain::vocabulary::{Language, Service};
use carematch_domain::{AgencyId, Caller, CarerId, SupportPlan};
use carematch_service::ServiceError;
use carematch_service::vacancies::time_to_fill::{Measure, Source, TimeToFillRow};
use carematch_service::vacancies::{
    OpenVacancy, OwnerProof, PublicVacancyPost, PutForward, parse_status,
};
use carematch_store::vacancies::{EnquiryRecord, NewVacancy, VacancyStatus};
use carematch_store::{MailKind, NewMail, StoreError};
use chrono::{DateTime, Duration, TimeZone, Utc};
use serde_json::json;

use crate::support::{POSTCODE, World, carer};

fn today() -> chrono::NaiveDate {
    carematch_service::today()
}

fn cantonese_plan() -> SupportPlan {
    serde_json::from_value(json!({
        "postcode": POSTCODE, "max_distance_km": 10,
        "languages": [{"code": "yue", "min_proficiency": "fluent", "priority": "required"}],
        "services": [{"code": "personal_care", "priority": "preferred"}]
    }))
    .expect("plan")
}

fn inline(plan: SupportPlan, urgent: bool) -> OpenVacancy {
    OpenVacancy {
        saved_plan_id: None,
        plan: Some(plan),
        urgent,
    }
}

fn field_code(error: &ServiceError) -> Option<&'static str> {
    match error {
        ServiceError::Validation(fields) => fields.first().map(|f| f.code),
        _ => None,
    }
}

fn set_email(world: &World, agency: AgencyId, email: &str) {
    world.db.execute_raw(&format!(
        "UPDATE agencies SET email = '{email}' WHERE id = {}",
        agency.0
    ));
}

#[test]
fn a_vacancy_opened_from_a_saved_plan_moves_open_introduced_filled_and_refuses_other_moves() {
    let world = World::new();
    let [north, south] = world.agencies;
    let saved = world
        .service
        .save_plan(north, &cantonese_plan())
        .expect("saved");
    let request = OpenVacancy {
        saved_plan_id: Some(saved.id),
        plan: None,
        urgent: false,
    };
    // Another agency's saved plan is not found.
    let err = world
        .service
        .open_vacancy(south, &request, today())
        .expect_err("not south's plan");
    assert!(
        matches!(err, ServiceError::NotFound { what: "plan", .. }),
        "{err:?}"
    );
    let opened = world
        .service
        .open_vacancy(north, &request, today())
        .expect("opened");
    assert_eq!(opened.status, VacancyStatus::Open);
    assert_eq!(opened.saved_plan_id, Some(saved.id));
    assert_eq!(opened.outward_code, "M13");
    // The plan was copied: deleting the saved plan changes nothing.
    world.service.delete_plan(north, saved.id).expect("deleted");
    let owner = OwnerProof::Agency(north);
    let view = world
        .service
        .owned_vacancy(&opened.reference, &owner)
        .expect("still there");
    assert_eq!(view.vacancy.plan, cantonese_plan());

    let introduced = world
        .service
        .change_vacancy_status(&opened.reference, &owner, VacancyStatus::Introduced)
        .expect("introduced");
    assert!(introduced.introduced_at.is_some());
    // Introduced twice is not a move.
    let err = world
        .service
        .change_vacancy_status(&opened.reference, &owner, VacancyStatus::Introduced)
        .expect_err("again");
    assert_eq!(field_code(&err), Some("invalid_transition"), "{err:?}");
    let filled = world
        .service
        .change_vacancy_status(&opened.reference, &owner, VacancyStatus::Filled)
        .expect("filled");
    assert!(filled.filled_at.is_some());
    assert_eq!(filled.introduced_at, introduced.introduced_at);
    for to in [VacancyStatus::Withdrawn, VacancyStatus::Introduced] {
        let err = world
            .service
            .change_vacancy_status(&opened.reference, &owner, to)
            .expect_err("closed");
        assert_eq!(field_code(&err), Some("invalid_transition"), "{err:?}");
    }
    // `open` is never asked for.
    assert_eq!(
        field_code(&parse_status("open").expect_err("open")),
        Some("invalid")
    );
    let events = world
        .service
        .owned_vacancy(&opened.reference, &owner)
        .expect("view")
        .events;
    let statuses: Vec<_> = events.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            Some(VacancyStatus::Open),
            Some(VacancyStatus::Introduced),
            Some(VacancyStatus::Filled)
        ]
    );
    assert!(
        events
            .iter()
            .all(|e| e.actor == format!("agency:{}", north.0))
    );

    // Open -> filled directly: the fill is the first introduction too.
    let other = world
        .service
        .open_vacancy(north, &inline(cantonese_plan(), false), today())
        .expect("opened");
    let filled = world
        .service
        .change_vacancy_status(&other.reference, &owner, VacancyStatus::Filled)
        .expect("filled");
    assert_eq!(filled.introduced_at, filled.filled_at);
}

#[test]
fn urgent_vacancies_come_first_in_the_agencys_list_and_in_the_matching_list() {
    let world = World::new();
    let [north, south] = world.agencies;
    world.north_carer("Wingyee");
    let first = world
        .service
        .open_vacancy(south, &inline(cantonese_plan(), false), today())
        .expect("first");
    let urgent = world
        .service
        .open_vacancy(south, &inline(cantonese_plan(), true), today())
        .expect("urgent");
    let last = world
        .service
        .open_vacancy(south, &inline(cantonese_plan(), false), today())
        .expect("last");
    let own = world
        .service
        .agency_vacancies(south, carematch_store::Page::default())
        .expect("list");
    let order: Vec<&str> = own.items.iter().map(|v| v.reference.as_str()).collect();
    assert_eq!(
        order,
        [&urgent.reference, &first.reference, &last.reference]
    );
    let matching = world
        .service
        .matching_vacancies(north, today())
        .expect("matching");
    let order: Vec<&str> = matching
        .iter()
        .map(|m| m.vacancy.reference.as_str())
        .collect();
    assert_eq!(
        order,
        [&urgent.reference, &first.reference, &last.reference]
    );
}

#[test]
fn the_matching_list_shows_only_the_agencys_own_pas_ranked_and_explained() {
    let world = World::new();
    let [north, south] = world.agencies;
    let wingyee = world.north_carer("Wingyee");
    let mut far = carer("Lok");
    far.postcode = carematch_domain::Postcode::parse("M13 0UL").expect("postcode");
    let lok = world
        .service
        .create_carer(north, &far, &carematch_domain::Actor::system("test"))
        .expect("created");
    let _south_carer = world
        .service
        .create_carer(
            south,
            &carer("Suklan"),
            &carematch_domain::Actor::system("test"),
        )
        .expect("south carer");
    let english_only = {
        let mut d = carer("Peter");
        d.languages = vec![carematch_domain::LanguageSkill {
            code: Language::Eng,
            proficiency: carematch_domain::vocabulary::Proficiency::Native,
            reads: true,
            writes: true,
        }];
        world
            .service
            .create_carer(north, &d, &carematch_domain::Actor::system("test"))
            .expect("created")
    };
    let vacancy = world
        .service
        .open_vacancy(south, &inline(cantonese_plan(), false), today())
        .expect("opened");
    let list = world
        .service
        .matching_vacancies(north, today())
        .expect("matching");
    assert_eq!(list.len(), 1);
    let ids: Vec<i64> = list[0].matches.iter().map(|m| m.id).collect();
    assert_eq!(
        ids,
        [wingyee.id.0, lok.id.0],
        "north's Cantonese speakers, nearest first"
    );
    assert!(list[0].matches[0].score >= list[0].matches[1].score);
    assert!(!ids.contains(&english_only.id.0));
    assert!(!list[0].matches[0].criteria.is_empty(), "explained");
    assert_eq!(list[0].vacancy.reference, vacancy.reference);
    // South's own PA matches its own vacancy too, and only south's.
    let south_list = world
        .service
        .matching_vacancies(south, today())
        .expect("matching");
    assert_eq!(south_list.len(), 1);
    assert!(south_list[0].matches.iter().all(|m| m.id != wingyee.id.0));
    // An agency without a matching PA sees nothing.
    let third = world
        .service
        .store()
        .create_agency("West")
        .expect("agency")
        .id;
    assert!(
        world
            .service
            .matching_vacancies(third, today())
            .expect("matching")
            .is_empty()
    );
}

#[test]
fn an_agency_puts_forward_only_its_own_carers_once_and_only_while_the_vacancy_is_open() {
    let world = World::new();
    let [north, south] = world.agencies;
    let wingyee = world.north_carer("Wingyee");
    set_email(&world, south, "south@example.org");
    let vacancy = world
        .service
        .open_vacancy(south, &inline(cantonese_plan(), false), today())
        .expect("opened");
    let forward = |agency, carer: CarerId| {
        world.service.put_forward(
            agency,
            &vacancy.reference,
            &PutForward {
                carer_id: carer.0,
                note: "Free on Tuesdays.".into(),
            },
        )
    };
    // South cannot put north's carer forward.
    let err = forward(south, wingyee.id).expect_err("not south's");
    assert!(matches!(err, ServiceError::Forbidden), "{err:?}");
    let proposal = forward(north, wingyee.id).expect("put forward");
    assert_eq!(proposal.carer, wingyee.id);
    let err = forward(north, wingyee.id).expect_err("twice");
    assert!(
        matches!(
            err,
            ServiceError::Store(StoreError::Duplicate { field: "carer_id" })
        ),
        "{err:?}"
    );
    // The owner agency heard of it through the outbox, with the vacancy.
    let mails = world
        .service
        .store()
        .vacancy_outbox(vacancy.id)
        .expect("outbox");
    assert!(
        mails
            .iter()
            .any(|(agency, kind, _)| *agency == Some(south) && kind == "vacancy_update"),
        "{mails:?}"
    );
    // The owner sees the PA and the proposing agency.
    let view = world
        .service
        .owned_vacancy(&vacancy.reference, &OwnerProof::Agency(south))
        .expect("owner");
    assert_eq!(view.proposals.len(), 1);
    assert_eq!(view.proposals[0].agency.as_ref().map(|a| a.id), Some(north));
    world
        .service
        .change_vacancy_status(
            &vacancy.reference,
            &OwnerProof::Agency(south),
            VacancyStatus::Withdrawn,
        )
        .expect("withdrawn");
    let another = world.north_carer("Lok");
    let err = forward(north, another.id).expect_err("withdrawn");
    assert_eq!(field_code(&err), Some("vacancy_closed"), "{err:?}");
}

#[test]
fn only_the_owner_sees_a_vacancy_and_a_wrong_token_is_not_found() {
    let world = World::new();
    let [north, south] = world.agencies;
    let opened = world
        .service
        .open_vacancy(north, &inline(cantonese_plan(), false), today())
        .expect("opened");
    let not_found = |proof: &OwnerProof, reference: &str| {
        matches!(
            world.service.owned_vacancy(reference, proof),
            Err(ServiceError::NotFound { .. })
        )
    };
    assert!(
        world
            .service
            .owned_vacancy(&opened.reference, &OwnerProof::Agency(north))
            .is_ok()
    );
    assert!(not_found(&OwnerProof::Agency(south), &opened.reference));
    // An agency's vacancy has no token at all.
    assert!(not_found(
        &OwnerProof::Token(String::new()),
        &opened.reference
    ));

    let posted = world
        .service
        .post_vacancy(&public_post(), today())
        .expect("posted");
    let reference = posted.vacancy.reference.clone();
    assert!(
        world
            .service
            .owned_vacancy(&reference, &OwnerProof::Token(posted.token.clone()))
            .is_ok()
    );
    let mut wrong = posted.token.clone();
    wrong.replace_range(0..1, if wrong.starts_with('0') { "1" } else { "0" });
    assert!(not_found(&OwnerProof::Token(wrong), &reference));
    assert!(not_found(&OwnerProof::Agency(north), &reference));
    assert!(not_found(
        &OwnerProof::Token(posted.token.clone()),
        "V-NOSUCHREF"
    ));
    let err = world
        .service
        .change_vacancy_status(
            &reference,
            &OwnerProof::Agency(south),
            VacancyStatus::Filled,
        )
        .expect_err("not the owner");
    assert!(matches!(err, ServiceError::NotFound { .. }));
    let filled = world
        .service
        .change_vacancy_status(
            &reference,
            &OwnerProof::Token(posted.token.clone()),
            VacancyStatus::Filled,
        )
        .expect("the person marks it filled");
    assert_eq!(filled.status, VacancyStatus::Filled);
    let events = world
        .service
        .store()
        .vacancy_events(filled.id)
        .expect("events");
    assert_eq!(events.last().map(|e| e.actor.as_str()), Some("person"));
}

fn public_post() -> PublicVacancyPost {
    PublicVacancyPost {
        outward_code: "M13".into(),
        languages: vec![Language::Yue],
        services: vec![Service::PersonalCare],
        ..PublicVacancyPost::default()
    }
}

#[test]
fn a_public_post_keeps_the_outward_code_and_the_needs_only() {
    let world = World::new();
    let posted = world
        .service
        .post_vacancy(&public_post(), today())
        .expect("posted");
    let stored = world
        .service
        .store()
        .get_vacancy(posted.vacancy.id)
        .expect("read")
        .expect("stored");
    assert_eq!(stored.agency, None);
    assert_eq!(stored.outward_code, "M13");
    assert_eq!(stored.plan.postcode, None, "no full postcode");
    let centroid = world
        .service
        .store()
        .outward_centroid(&carematch_domain::OutwardCode::parse("M13").expect("code"))
        .expect("read")
        .expect("known");
    assert_eq!(stored.location, centroid);
    // The plan is JSON text, whose floats serde_json reads back to within a unit in the last place.
    let in_plan = stored.plan.location.expect("a location");
    assert!(in_plan.distance_km(centroid) < 1e-6, "{in_plan:?}");
    // Only the token's hash is kept.
    let hash = stored.access_hash.expect("hash");
    assert_ne!(hash, posted.token);
    assert_eq!(
        hash,
        carematch_service::vacancies::hash_token(&posted.token)
    );
    // A full postcode in place of the outward code is refused, as is an empty post.
    let mut full = public_post();
    full.outward_code = "M13 0EG".into();
    let err = world
        .service
        .post_vacancy(&full, today())
        .expect_err("full");
    assert_eq!(field_code(&err), Some("invalid"), "{err:?}");
    let empty = PublicVacancyPost {
        outward_code: "M13".into(),
        ..PublicVacancyPost::default()
    };
    let err = world
        .service
        .post_vacancy(&empty, today())
        .expect_err("no need");
    assert_eq!(field_code(&err), Some("required"), "{err:?}");
    let unknown = PublicVacancyPost {
        outward_code: "ZZ99".into(),
        ..public_post()
    };
    let err = world
        .service
        .post_vacancy(&unknown, today())
        .expect_err("unknown");
    assert_eq!(field_code(&err), Some("unknown_postcode"), "{err:?}");
    // The body has no field for a name.
    let named: Result<PublicVacancyPost, _> = serde_json::from_value(
        json!({"outward_code": "M13", "languages": ["yue"], "name": "Mrs Chan"}),
    );
    assert!(named.is_err());
}

#[test]
fn alerts_go_with_the_vacancy_to_agencies_with_an_email_and_a_matching_pa_only() {
    let world = World::new();
    let [north, south] = world.agencies;
    let store = world.service.store().clone();
    let west = store.create_agency("West").expect("agency").id;
    let east = store.create_agency("East").expect("agency").id;
    world.north_carer("Wingyee");
    // East has a matching PA but no e-mail; west has an e-mail but no matching PA.
    world
        .service
        .create_carer(
            east,
            &carer("Lok"),
            &carematch_domain::Actor::system("test"),
        )
        .expect("east carer");
    set_email(&world, north, "north@example.org");
    set_email(&world, west, "west@example.org");
    let posted = world
        .service
        .post_vacancy(&public_post(), today())
        .expect("posted");
    let mails = store.vacancy_outbox(posted.vacancy.id).expect("outbox");
    assert_eq!(mails.len(), 1, "{mails:?}");
    let (agency, kind, body) = &mails[0];
    assert_eq!(*agency, Some(north));
    assert_eq!(kind, MailKind::VacancyAlert.code());
    assert!(body.contains("M13") && body.contains("yue"), "{body}");
    // The owner agency gets no alert about its own vacancy.
    let own = world
        .service
        .open_vacancy(north, &inline(cantonese_plan(), false), today())
        .expect("opened");
    assert!(store.vacancy_outbox(own.id).expect("outbox").is_empty());
    let _ = south;

    // One transaction: an alert that cannot be written takes the vacancy with it.
    let bad_alert = NewMail {
        kind: MailKind::VacancyAlert,
        agency: Some(AgencyId(999_999)),
        enquiry: None,
        vacancy: None,
        recipient: "nobody@example.org".into(),
        subject: "s".into(),
        body: "b".into(),
    };
    let new = NewVacancy {
        reference: "V-ROLLBACK01".into(),
        access_hash: None,
        agency: Some(north),
        saved_plan_id: None,
        plan: cantonese_plan(),
        outward_code: "M13".into(),
        location: own.location,
        authority_code: None,
        urgent: false,
    };
    store
        .open_vacancy(&new, "agency:1", &[bad_alert])
        .expect_err("the alert's agency does not exist");
    assert_eq!(
        store.vacancy_by_reference("V-ROLLBACK01").expect("read"),
        None
    );
}

#[test]
fn closed_vacancies_older_than_the_cutoff_are_purged_with_their_rows() {
    let world = World::new();
    let [north, south] = world.agencies;
    let wingyee = world.north_carer("Wingyee");
    set_email(&world, south, "south@example.org");
    let store = world.service.store().clone();
    let old = world
        .service
        .open_vacancy(south, &inline(cantonese_plan(), false), today())
        .expect("opened");
    world
        .service
        .put_forward(
            north,
            &old.reference,
            &PutForward {
                carer_id: wingyee.id.0,
                note: String::new(),
            },
        )
        .expect("forward");
    let kept = world
        .service
        .open_vacancy(south, &inline(cantonese_plan(), false), today())
        .expect("opened");
    store
        .set_vacancy_status(old.id, VacancyStatus::Withdrawn, "agency:2", None)
        .expect("write")
        .expect("withdrawn");
    // Not yet past the cutoff.
    let before = Utc::now() - Duration::days(180);
    assert_eq!(store.purge_closed_vacancies(before).expect("purge"), 0);
    let after = Utc::now() + Duration::seconds(5);
    assert_eq!(store.purge_closed_vacancies(after).expect("purge"), 1);
    assert_eq!(store.get_vacancy(old.id).expect("read"), None);
    assert!(store.vacancy_outbox(old.id).expect("outbox").is_empty());
    assert!(
        store
            .vacancy_proposals(old.id)
            .expect("proposals")
            .is_empty()
    );
    assert!(store.vacancy_events(old.id).expect("events").is_empty());
    assert!(
        store.get_vacancy(kept.id).expect("read").is_some(),
        "open ones stay"
    );
}

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0)
        .single()
        .expect("date")
}

fn row<'a>(
    rows: &'a [TimeToFillRow],
    source: Source,
    measure: Measure,
    dimension: &str,
    key: &str,
) -> &'a TimeToFillRow {
    rows.iter()
        .find(|r| {
            r.source == source && r.measure == measure && r.dimension == dimension && r.key == key
        })
        .unwrap_or_else(|| panic!("no row {source:?} {measure:?} {dimension} {key}"))
}

/// Six vacancies of north opened on 1 March at 09:00, introduced after 1, 2, 3, 4, 5 and 10
/// days; filled (the first five) after 2, 4, 6, 8 and 20 days; and four enquiries to north.
fn hand_made_month(world: &World) -> AgencyId {
    let [north, _] = world.agencies;
    let store = world.service.store().clone();
    let introduced = [1, 2, 3, 4, 5, 10];
    let filled = [Some(2), Some(4), Some(6), Some(8), Some(20), None];
    for (i, (intro, fill)) in introduced.into_iter().zip(filled).enumerate() {
        let new = NewVacancy {
            reference: format!("V-HANDMADE{i:02}"),
            access_hash: None,
            agency: Some(north),
            saved_plan_id: None,
            plan: cantonese_plan(),
            outward_code: "M13".into(),
            location: carematch_domain::GeoPoint::new(53.46, -2.23).expect("point"),
            authority_code: Some("E08000003".into()),
            urgent: false,
        };
        let v = store
            .open_vacancy_at(&new, "agency:1", &[], at(1, 9))
            .expect("opened");
        store
            .set_vacancy_status_at(
                v.id,
                VacancyStatus::Introduced,
                "agency:1",
                None,
                at(1 + intro, 9),
            )
            .expect("write")
            .expect("introduced");
        if let Some(fill) = fill {
            store
                .set_vacancy_status_at(
                    v.id,
                    VacancyStatus::Filled,
                    "agency:1",
                    None,
                    at(1 + fill, 9),
                )
                .expect("write")
                .expect("filled");
        }
    }
    let enquiries: Vec<EnquiryRecord> = (0..4)
        .map(|i| EnquiryRecord {
            reference: format!("E-HANDMADE{i:02}"),
            agency: north,
            needs: r#"{"languages":["yue"],"services":["personal_care"]}"#.into(),
            outward_code: Some("M13".into()),
            authority_code: None,
            sent_at: at(2, 12),
            contacted_at: None,
            introduced_at: Some(at(2, 12) + Duration::hours(12 * (i + 1))),
            closed_at: Some(at(10, 12)),
            close_reason: Some(if i == 0 { "filled" } else { "declined" }.into()),
        })
        .collect();
    store.insert_enquiry_records(&enquiries).expect("enquiries");
    north
}

#[test]
fn time_to_fill_medians_and_90th_percentiles_on_a_hand_made_set() {
    let world = World::new();
    let north = hand_made_month(&world);
    let report = world
        .service
        .time_to_fill(Caller::Agency(north))
        .expect("report");
    assert_eq!(report.scope, "agency");
    let rows = &report.rows;
    // Introductions after 1, 2, 3, 4, 5, 10 days: median 3.5, p90 rank ceil(5.4) = 6 -> 10.
    let intro = row(
        rows,
        Source::Vacancy,
        Measure::FirstIntroduction,
        "overall",
        "",
    );
    assert_eq!(
        (intro.count, intro.median_days, intro.p90_days),
        (Some(6), Some(3.5), Some(10.0))
    );
    // Fills after 2, 4, 6, 8, 20 days: median 6, p90 rank ceil(4.5) = 5 -> 20.
    let filled = row(rows, Source::Vacancy, Measure::Filled, "overall", "");
    assert_eq!(
        (filled.count, filled.median_days, filled.p90_days),
        (Some(5), Some(6.0), Some(20.0))
    );
    let yue = row(rows, Source::Vacancy, Measure::Filled, "language", "yue");
    assert_eq!(
        (yue.count, yue.median_days, yue.label.as_str()),
        (Some(5), Some(6.0), "Cantonese")
    );
    let la = row(
        rows,
        Source::Vacancy,
        Measure::Filled,
        "local_authority",
        "E08000003",
    );
    assert_eq!(la.count, Some(5));
    // Enquiries introduced after 0.5, 1, 1.5, 2 days; one filled after 8 days.
    let e_intro = row(
        rows,
        Source::Enquiry,
        Measure::FirstIntroduction,
        "overall",
        "",
    );
    assert_eq!(
        (e_intro.count, e_intro.median_days, e_intro.p90_days),
        (Some(4), Some(1.3), Some(2.0))
    );
    let e_filled = row(
        rows,
        Source::Enquiry,
        Measure::Filled,
        "service",
        "personal_care",
    );
    assert_eq!((e_filled.count, e_filled.median_days), (Some(1), Some(8.0)));
    // No authorities imported: the enquiries' outward code cannot be placed.
    let unknown = row(
        rows,
        Source::Enquiry,
        Measure::FirstIntroduction,
        "local_authority",
        "unknown",
    );
    assert_eq!(unknown.count, Some(4));

    // Commissioners see every agency, with cells below 5 suppressed.
    let all = world
        .service
        .time_to_fill(Caller::Commissioner)
        .expect("report");
    assert_eq!((all.scope, all.suppress_below), ("all", Some(5)));
    let filled = row(&all.rows, Source::Vacancy, Measure::Filled, "overall", "");
    assert_eq!(filled.count, Some(5), "5 is shown");
    let e_intro = row(
        &all.rows,
        Source::Enquiry,
        Measure::FirstIntroduction,
        "overall",
        "",
    );
    assert!(e_intro.suppressed);
    assert_eq!(
        (e_intro.count, e_intro.median_days, e_intro.p90_days),
        (None, None, None)
    );
    let csv = all.to_csv();
    assert!(
        csv.contains("enquiry,first_introduction,overall,,All,<5,,\n"),
        "{csv}"
    );
    // The other agency sees nothing of north's; the public may not ask.
    let south = world
        .service
        .time_to_fill(Caller::Agency(world.agencies[1]))
        .expect("report");
    assert!(south.rows.is_empty());
    assert!(matches!(
        world.service.time_to_fill(Caller::Anonymous),
        Err(ServiceError::Forbidden)
    ));
}
