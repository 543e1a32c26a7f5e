//! `/agency/carers/{id}/edit`: the agency edits a PA's record in a form saved through the same
//! service call as `PUT /v1/carers/{id}`, with the version check, errors beside their fields in
//! the page's language, and the fields the form does not show (ethnic group and its consent,
//! checks) kept as stored.

use awc::http::StatusCode;
use carematch_domain::vocabulary::{Code, Ethnicity, Weekday};
use carematch_domain::{Actor, Carer, CarerId, Role, Slot, TimeOfDay};
use carematch_web::agency_edit_form::level_code;

use crate::helpers::TestSite;

/// The form as the page fills it in for `carer`, with `token` and `version`.
fn form_of(carer: &Carer, token: &str, version: i64) -> Vec<(String, String)> {
    let d = &carer.details;
    let mut pairs: Vec<(String, String)> = vec![
        ("csrf".into(), token.into()),
        ("version".into(), version.to_string()),
        ("given_name".into(), d.given_name.clone()),
        ("family_name".into(), d.family_name.clone()),
        ("gender".into(), d.gender.code().into()),
        ("hours_per_week".into(), d.hours_per_week.to_string()),
        ("postcode".into(), d.postcode.as_str().into()),
        (
            "travel_radius_km".into(),
            d.travel_radius_km.get().to_string(),
        ),
        ("travel_mode".into(), d.travel_mode.code().into()),
        (
            "hourly_rate".into(),
            format!("{:.2}", f64::from(d.hourly_rate.pence()) / 100.0),
        ),
        ("bio".into(), d.bio.clone()),
    ];
    for (row, l) in d.languages.iter().enumerate() {
        pairs.push((format!("language-{row}"), l.code.code().into()));
        pairs.push((format!("level-{row}"), level_code(l.proficiency).into()));
    }
    let codes = d
        .cuisines
        .iter()
        .map(|c| ("cuisine", c.code()))
        .chain(d.dietary_laws.iter().map(|c| ("dietary_law", c.code())))
        .chain(
            d.faith_practices
                .iter()
                .map(|c| ("faith_practice", c.code())),
        )
        .chain(d.services.iter().map(|c| ("service", c.code())))
        .chain(d.experience.iter().map(|c| ("experience", c.code())));
    pairs.extend(codes.map(|(k, v)| (k.to_owned(), v.to_owned())));
    if let Some(faith) = d.faith {
        pairs.push(("faith".into(), faith.code().into()));
    }
    for (flag, on) in [
        ("faith_public_consent", d.faith_public_consent),
        ("accepting_new_clients", d.accepting_new_clients),
        ("public_listing_consent", d.public_listing_consent),
    ] {
        if on {
            pairs.push((flag.into(), "yes".into()));
        }
    }
    for day in Weekday::all() {
        for (row, slot) in d.availability.iter().filter(|s| s.day == *day).enumerate() {
            let id = format!("slot-{}-{row}", day.code());
            pairs.push((format!("{id}-from"), slot.start.to_string()));
            pairs.push((format!("{id}-to"), slot.end.to_string()));
        }
    }
    pairs
}

/// `pairs` with `name` set to `value` (every earlier value of `name` removed).
fn with(mut pairs: Vec<(String, String)>, name: &str, value: &str) -> Vec<(String, String)> {
    pairs.retain(|(k, _)| k != name);
    pairs.push((name.into(), value.into()));
    pairs
}

async fn post(
    site: &TestSite,
    path: &str,
    cookie: &str,
    pairs: &[(String, String)],
) -> crate::helpers::Page {
    let fields: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    site.post_form(path, cookie, &fields).await
}

fn stored(site: &TestSite, id: CarerId) -> Carer {
    site.store.get_carer(id).expect("read").expect("carer")
}

#[actix_web::test]
async fn the_agency_edits_a_pa_with_errors_beside_fields_and_a_version_check() {
    let site = TestSite::spawn().await;
    let agency = site.agencies[0];
    let first = site.carers_of(agency, 1).items.remove(0);
    // An ethnic group recorded with consent: the form does not show it and must keep it.
    let mut details = first.details.clone();
    details.ethnicity = Some(Ethnicity::AsianChinese);
    details.ethnicity_consent = true;
    // Three slots on a Monday: more than the form's two rows a day, none may be lost.
    details.availability.retain(|s| s.day != Weekday::Mon);
    for (start, end) in [("07:00", "08:00"), ("12:00", "13:00"), ("18:00", "19:00")] {
        details.availability.push(Slot {
            day: Weekday::Mon,
            start: TimeOfDay::parse(start).expect("time"),
            end: TimeOfDay::parse(end).expect("time"),
            overnight: false,
        });
    }
    let carer = site
        .store
        .update_carer(
            first.id,
            &details,
            first.location,
            None,
            &Actor::system("test"),
        )
        .expect("set ethnicity");
    let path = format!("/agency/carers/{}/edit", carer.id);

    let (key, _) = site.key(Role::Agency, Some(agency));
    let (_, cookie) = site.sign_in(&key, "/agency").await;
    let cookie = cookie.expect("session");
    let console = site.get("/agency", &[("cookie", &cookie)]).await;
    assert!(
        console.body.contains(&format!(r#"href="{path}""#)),
        "Edit is linked from the console"
    );

    let page = site.get(&path, &[("cookie", &cookie)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains(&format!(r#"name="version" value="{}""#, carer.version))
    );
    assert!(
        page.body
            .contains(&format!(r#"value="{}""#, carer.details.given_name))
    );
    assert!(page.body.contains(r#"<label for="postcode">"#));
    assert!(
        page.body
            .contains(r#"name="slot-mon-2-from" type="time" step="900" value="18:00""#)
            && page.body.contains(r#"name="slot-mon-3-from""#),
        "a row for each of Monday's three slots and a spare"
    );
    let token = page.form_token().expect("token");
    let good = form_of(&carer, &token, carer.version);

    // Without the session's form token nothing changes.
    let refused = post(&site, &path, &cookie, &with(good.clone(), "csrf", "forged")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // Every problem is marked beside its field and listed at the top; nothing is saved.
    let bad = with(
        with(good.clone(), "given_name", " "),
        "hours_per_week",
        "many",
    );
    let bad = with(with(bad, "slot-mon-0-from", "09:00"), "slot-mon-0-to", "");
    let invalid = post(&site, &path, &cookie, &bad).await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    for marked in [
        r#"id="given_name-error""#,
        r#"id="hours_per_week-error""#,
        r#"id="slot-mon-0-error""#,
        r##"href="#given_name""##,
        "Please fill this in.",
        "This number is outside what is allowed.",
    ] {
        assert!(invalid.body.contains(marked), "{marked}");
    }
    assert!(invalid.body.contains(r#"aria-invalid="true""#));
    assert_eq!(stored(&site, carer.id), carer);

    // The same errors in Urdu, right to left.
    let urdu = post(&site, &format!("{path}?lang=ur"), &cookie, &bad).await;
    assert_eq!(urdu.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(urdu.body.contains(r#"dir="rtl""#));
    assert!(
        urdu.body.contains("براہ کرم یہ خانہ پُر کریں۔"),
        "the required field's error in Urdu"
    );
    assert!(!urdu.body.contains("Please fill this in."));

    // A postcode the gazetteer does not know is the service's error, shown beside the field.
    let unknown = post(
        &site,
        &path,
        &cookie,
        &with(good.clone(), "postcode", "ZZ9 9ZZ"),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains(r#"id="postcode-error""#));
    assert!(unknown.body.contains("This is not a postcode we know."));

    // A good form saves and goes back to the console with a notice.
    let changed = with(
        with(
            with(good.clone(), "bio", "我會講廣東話，也會煮粥。"),
            "hourly_rate",
            "£15.50",
        ),
        &format!("language-{}", carer.details.languages.len()),
        "pol",
    );
    let changed = with(
        changed,
        &format!("level-{}", carer.details.languages.len()),
        "fluent",
    );
    let saved = post(&site, &path, &cookie, &changed).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert!(saved.header("location").starts_with("/agency?updated="));
    let after = stored(&site, carer.id);
    assert_eq!(after.version, carer.version + 1);
    assert_eq!(after.details.bio, "我會講廣東話，也會煮粥。");
    assert_eq!(after.details.hourly_rate.pence(), 1550);
    assert!(
        after
            .details
            .languages
            .iter()
            .any(|l| l.code.code() == "pol")
    );
    assert_eq!(
        after.details.ethnicity,
        Some(Ethnicity::AsianChinese),
        "ethnicity kept"
    );
    assert!(after.details.ethnicity_consent, "its consent kept");
    assert_eq!(after.details.checks, carer.details.checks, "checks kept");
    assert_eq!(after.details.contact, carer.details.contact, "contact kept");
    let week = |carer: &Carer| {
        let mut slots: Vec<_> = carer
            .details
            .availability
            .iter()
            .map(|s| (s.day.code(), s.start, s.end, s.overnight))
            .collect();
        slots.sort_by_key(|(day, start, ..)| (*day, *start));
        slots
    };
    assert_eq!(
        week(&after),
        week(&carer),
        "every slot kept, Monday's third too"
    );

    // A form read before that save is a conflict with a clear message: nothing overwritten,
    // what was typed kept, and the version now stored in the form.
    let stale = with(good.clone(), "bio", "An older idea of the PA.");
    let conflict = post(&site, &path, &cookie, &stale).await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    assert!(
        conflict
            .body
            .contains("Someone else changed this PA's record")
    );
    assert!(conflict.body.contains("An older idea of the PA."));
    assert!(
        conflict
            .body
            .contains(&format!(r#"name="version" value="{}""#, after.version))
    );
    assert_eq!(stored(&site, carer.id), after);
}

#[actix_web::test]
async fn another_agencys_pa_cannot_be_opened_or_saved() {
    let site = TestSite::spawn().await;
    let (mine, theirs) = (site.agencies[0], site.agencies[1]);
    let other = site.carers_of(theirs, 1).items.remove(0);
    let path = format!("/agency/carers/{}/edit", other.id);
    let (key, _) = site.key(Role::Agency, Some(mine));
    let (_, cookie) = site.sign_in(&key, "/agency").await;
    let cookie = cookie.expect("session");
    assert_eq!(
        site.get(&path, &[("cookie", &cookie)]).await.status,
        StatusCode::NOT_FOUND
    );
    let token = site.session_token(&cookie, "/agency").await;
    let form = form_of(&other, &token, other.version);
    let refused = post(&site, &path, &cookie, &with(form, "bio", "taken over")).await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert_eq!(stored(&site, other.id), other);
    // Signed out, the page asks for a key.
    let signed_out = site.get(&path, &[]).await;
    assert_eq!(signed_out.status, StatusCode::SEE_OTHER);
    assert!(signed_out.header("location").starts_with("/login"));
}
