//! The agency console: signing in with a key, a session cookie, own PAs with contact details,
//! deleting, CSV upload all or nothing, and nothing for other roles or other agencies.

use awc::http::StatusCode;
use carematch_domain::Role;

use crate::helpers::TestSite;

pub const BOUNDARY: &str = "carematchboundary7d1";

/// The upload form's body: the form token, then the file (when there is one).
pub fn multipart(token: &str, file: Option<&str>) -> (String, Vec<u8>) {
    let mut body =
        format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n");
    if let Some(file) = file {
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"register\"; filename=\"register.csv\"\r\n\
             Content-Type: text/csv\r\n\r\n{file}\r\n"
        ));
    }
    body.push_str(&format!("--{BOUNDARY}--\r\n"));
    (
        format!("multipart/form-data; boundary={BOUNDARY}"),
        body.into_bytes(),
    )
}

/// Posts `file` as the console's register upload, with the token the console gives.
async fn upload(site: &TestSite, cookie: &str, file: &str) -> crate::helpers::Page {
    let token = site.session_token(cookie, "/agency").await;
    let (content_type, body) = multipart(&token, Some(file));
    site.request(
        "POST",
        "/agency/import",
        &[("cookie", cookie), ("content-type", &content_type)],
        body,
    )
    .await
}

pub const GOOD_CSV: &str = "external_ref,given_name,family_name,gender,languages,services,hours_per_week,available_from,postcode,travel_radius_km,travel_mode,hourly_rate,employment_status,public_listing_consent,last_confirmed_on\n\
WEB-0001,Wing,Chan,female,yue:native;eng:fluent,personal_care;meal_preparation,16,2026-12-01,M13 0EG,8,public_transport,13.50,self_employed,yes,2026-11-01\n";

#[actix_web::test]
async fn signing_in_needs_the_right_key() {
    let site = TestSite::spawn().await;
    let anonymous = site.get("/agency", &[]).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert_eq!(anonymous.header("location"), "/login?next=%2Fagency");
    let login = site.get("/login?next=/agency", &[]).await;
    assert!(login.body.contains(r#"type="password""#));

    let (bad, cookie) = site.sign_in("cmk_notakey", "/agency").await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    assert!(cookie.is_none());
    let (commissioner, _) = site.key(Role::Commissioner, None);
    let (wrong, cookie) = site.sign_in(&commissioner, "/agency").await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert!(cookie.is_none());

    let (key, key_id) = site.key(Role::Agency, Some(site.agencies[0]));
    let (ok, cookie) = site.sign_in(&key, "/agency").await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let set = ok
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("carematch_session="))
        .expect("session cookie");
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] {
        assert!(set.contains(attribute), "{set} has {attribute}");
    }
    assert!(!set.contains(&key), "the key itself never goes in a cookie");
    let cookie = cookie.expect("cookie");
    let console = site.get("/agency", &[("cookie", &cookie)]).await;
    assert_eq!(console.status, StatusCode::OK);
    assert!(console.body.contains("Agency console"));

    // Revoking the key ends the session.
    site.store.revoke_api_key(key_id).expect("revoke");
    let after = site.get("/agency", &[("cookie", &cookie)]).await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);

    // Signing out ends it too.
    let (key, _) = site.key(Role::Agency, Some(site.agencies[0]));
    let (_, cookie) = site.sign_in(&key, "/agency").await;
    let cookie = cookie.expect("cookie");
    let token = site.session_token(&cookie, "/agency").await;
    let out = site
        .post_form("/logout", &cookie, &[("csrf", &token)])
        .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(
        site.get("/agency", &[("cookie", &cookie)]).await.status,
        StatusCode::SEE_OTHER
    );
}

#[actix_web::test]
async fn an_agency_sees_its_own_pas_in_full_and_cannot_touch_others() {
    let site = TestSite::spawn().await;
    let (mine, theirs) = (site.agencies[0], site.agencies[1]);
    let (key, _) = site.key(Role::Agency, Some(mine));
    let (_, cookie) = site.sign_in(&key, "/agency").await;
    let cookie = cookie.expect("cookie");
    let token = site.session_token(&cookie, "/agency").await;
    let own = site.carers_of(mine, 1).items.remove(0);
    // The console lists stale PAs first, and a stale record's freshness counts 0 in the score,
    // which can leave it below the results' limit: confirm it, as the agency would, so that
    // what follows is about whose PA it is, not how fresh.
    let by =
        carematch_domain::Actor::new(carematch_domain::ActorKind::Agency, Some(mine.0), "agency");
    let own = site
        .store
        .confirm_carer(own.id, carematch_service::today(), &by)
        .expect("confirm");
    site.app.engine().catch_up().expect("catch up");
    let console = site.get("/agency", &[("cookie", &cookie)]).await;
    assert!(console.body.contains(&format!(
        "{} {}",
        own.details.given_name, own.details.family_name
    )));
    assert!(console.body.contains(own.details.postcode.as_str()));

    // Matching for a client in the console shows full names and contact details of own PAs only.
    let outward = own.details.postcode.as_str().replace(' ', "+");
    let found = site
        .get(
            &format!("/agency?postcode={outward}&km=15"),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(found.body.contains("Find PAs for a client"));
    // The console asks for the client's hours, budget and the PAs they know or do not want;
    // the public form does not.
    assert!(found.body.contains("Weekly budget (£)"));
    assert!(
        !site
            .get("/find", &[])
            .await
            .body
            .contains("Weekly budget (£)")
    );
    // The agency's own PA is a result; blocked for this client, it is not.
    let full_name = format!("{} {}", own.details.given_name, own.details.family_name);
    let in_results = |body: &str| {
        body.find("class=\"results\"").is_some_and(|start| {
            let section = &body[start..];
            let end = section.find("</section>").unwrap_or(section.len());
            section[..end].contains(&full_name)
        })
    };
    assert!(in_results(&found.body), "{full_name} is a result");
    let blocked = site
        .get(
            &format!("/agency?postcode={outward}&km=15&block={}", own.id),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(blocked.status, StatusCode::OK);
    assert!(!in_results(&blocked.body), "a blocked PA is not a result");
    assert!(
        blocked.body.contains(&format!("value=\"{}\"", own.id)),
        "the form keeps the PA numbers"
    );

    let other = site.carers_of(theirs, 1).items.remove(0);
    let refused = site
        .post_form(
            &format!("/agency/carers/{}/delete", other.id),
            &cookie,
            &[("csrf", &token)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert!(site.store.get_carer(other.id).expect("read").is_some());

    // A post from another site is refused even with the cookie (crates/web/tests/it/csrf.rs
    // has every other way of getting it wrong).
    let foreign = site
        .request(
            "POST",
            &format!("/agency/carers/{}/delete", own.id),
            &[
                ("cookie", &cookie),
                ("origin", "https://evil.example"),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            format!("csrf={token}"),
        )
        .await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    assert!(site.store.get_carer(own.id).expect("read").is_some());

    // Confirming and listing change the record (and the index); another agency's PA is 404.
    let listed = own.details.public_listing_consent;
    let action = if listed { "unlist" } else { "list" };
    let updated = site
        .post_form(
            &format!("/agency/carers/{}/update", own.id),
            &cookie,
            &[("action", action), ("csrf", &token)],
        )
        .await;
    assert_eq!(updated.status, StatusCode::SEE_OTHER);
    let after = site.store.get_carer(own.id).expect("read").expect("carer");
    assert_eq!(after.details.public_listing_consent, !listed);
    assert_eq!(after.version, own.version + 1);
    let confirmed = site
        .post_form(
            &format!("/agency/carers/{}/update", own.id),
            &cookie,
            &[("action", "confirm"), ("csrf", &token)],
        )
        .await;
    assert_eq!(confirmed.status, StatusCode::SEE_OTHER);
    let after = site.store.get_carer(own.id).expect("read").expect("carer");
    assert_eq!(
        after.details.last_confirmed_on,
        chrono::Utc::now().date_naive()
    );
    let notice = site
        .get(confirmed.header("location"), &[("cookie", &cookie)])
        .await;
    assert!(notice.body.contains("was updated"));
    // The carer's consent to show their faith publicly, as the agency recorded it.
    assert!(notice.body.contains("Faith shown publicly"));
    let shows = after.details.faith_public_consent;
    let faith_action = if shows {
        "faith_private"
    } else {
        "faith_public"
    };
    let toggled = site
        .post_form(
            &format!("/agency/carers/{}/update", own.id),
            &cookie,
            &[("action", faith_action), ("csrf", &token)],
        )
        .await;
    assert_eq!(toggled.status, StatusCode::SEE_OTHER);
    let after = site.store.get_carer(own.id).expect("read").expect("carer");
    assert_eq!(after.details.faith_public_consent, !shows);
    let theirs_update = site
        .post_form(
            &format!("/agency/carers/{}/update", other.id),
            &cookie,
            &[("action", "unlist"), ("csrf", &token)],
        )
        .await;
    assert_eq!(theirs_update.status, StatusCode::NOT_FOUND);
    let junk = site
        .post_form(
            &format!("/agency/carers/{}/update", own.id),
            &cookie,
            &[("action", "promote"), ("csrf", &token)],
        )
        .await;
    assert_eq!(junk.status, StatusCode::UNPROCESSABLE_ENTITY);

    let deleted = site
        .post_form(
            &format!("/agency/carers/{}/delete", own.id),
            &cookie,
            &[("csrf", &token)],
        )
        .await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert!(site.store.get_carer(own.id).expect("read").is_none());
    let notice = site
        .get(deleted.header("location"), &[("cookie", &cookie)])
        .await;
    assert!(notice.body.contains("was deleted"));
}

#[actix_web::test]
async fn uploads_import_all_or_nothing_with_every_bad_row_listed() {
    let site = TestSite::spawn().await;
    let agency = site.agencies[0];
    let (key, _) = site.key(Role::Agency, Some(agency));
    let (_, cookie) = site.sign_in(&key, "/agency").await;
    let cookie = cookie.expect("cookie");
    let count = || site.carers_of(agency, 1).total;
    let before = count();

    let bad = format!(
        "{GOOD_CSV}WEB-0002,Ali,Khan,male,xx:native,personal_care,10,2026-12-01,M13 0EG,8,car,12.00,self_employed,yes,2026-11-01\nWEB-0003,Ann,Lee,female,eng:native,personal_care,10,2026-12-01,NOT A POSTCODE,8,car,12.00,self_employed,yes,2026-11-01\n"
    );
    let rejected = upload(&site, &cookie, &bad).await;
    assert_eq!(rejected.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        rejected.body.contains("Nothing was imported"),
        "{}",
        rejected.body
    );
    assert!(
        rejected.body.contains("<td>3</td>") && rejected.body.contains("<td>4</td>"),
        "{}",
        rejected.body
    );
    assert_eq!(count(), before, "nothing stored");

    let imported = upload(&site, &cookie, GOOD_CSV).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    assert!(imported.body.contains("One PA was imported."));
    assert_eq!(count(), before + 1);

    // Over the import limit: 413 with a message, nothing stored; no file at all: 422.
    let huge = format!("{GOOD_CSV}{}", "x".repeat(carematch_service::IMPORT_LIMIT));
    let too_large = upload(&site, &cookie, &huge).await;
    assert_eq!(too_large.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(too_large.body.contains("larger than 10 MB"));
    let token = site.session_token(&cookie, "/agency").await;
    let (content_type, body) = multipart(&token, None);
    let empty = site
        .request(
            "POST",
            "/agency/import",
            &[("cookie", &cookie), ("content-type", &content_type)],
            body,
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("Choose a CSV file"));
    assert_eq!(count(), before + 1);

    let template = site.get("/agency/template.csv", &[]).await;
    assert!(template.body.starts_with("external_ref,"));

    // The register (the demo agency's PAs and the one just imported) comes back out in the
    // template (the console links to it), and a new agency's console imports that file as the
    // same PAs, field for field.
    let console = site.get("/agency", &[("cookie", &cookie)]).await;
    assert!(console.body.contains(r#"href="/agency/register.csv""#));
    let register = site
        .get("/agency/register.csv", &[("cookie", &cookie)])
        .await;
    assert_eq!(register.status, StatusCode::OK);
    assert_eq!(register.header("content-type"), "text/csv; charset=utf-8");
    assert_eq!(register.header("cache-control"), "no-store");
    assert!(
        register
            .body
            .starts_with("\u{feff}external_ref,given_name,")
    );
    assert!(
        register.body.contains("\nWEB-0001,Wing,Chan,female,"),
        "{}",
        register.body
    );
    let signed_out = site.get("/agency/register.csv", &[]).await;
    assert_eq!(signed_out.status, StatusCode::SEE_OTHER);
    let fresh = site.store.create_agency("Fresh start").expect("agency").id;
    let (other_key, _) = site.key(Role::Agency, Some(fresh));
    let (_, other) = site.sign_in(&other_key, "/agency").await;
    let other = other.expect("cookie");
    let imported = upload(&site, &other, &register.body).await;
    assert_eq!(imported.status, StatusCode::OK, "{}", imported.body);
    let theirs = site
        .get("/agency/register.csv", &[("cookie", &other)])
        .await;
    assert_eq!(
        theirs.body, register.body,
        "the same records, field for field"
    );
}

/// The confirmation form of a preview: its token, digest and the file it carries back.
fn confirmation(body: &str) -> (String, String, String) {
    let form = &body[body
        .find(r#"action="/agency/import/confirm""#)
        .expect("a confirm form")..];
    let token = crate::helpers::form_tokens(form)
        .into_iter()
        .next()
        .expect("token");
    let digest = form
        .split(r#"name="digest" value=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("digest")
        .to_owned();
    let text = form
        .split(r#"aria-hidden="true">"#)
        .nth(1)
        .and_then(|s| s.split("</textarea>").next())
        .expect("the file")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    (token, digest, text)
}

fn confirm_body(token: &str, digest: &str, file: &str) -> (String, Vec<u8>) {
    let body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"digest\"\r\n\r\n{digest}\r\n\
         --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"register\"\r\n\r\n{file}\r\n\
         --{BOUNDARY}--\r\n"
    );
    (
        format!("multipart/form-data; boundary={BOUNDARY}"),
        body.into_bytes(),
    )
}

#[actix_web::test]
async fn uploading_the_register_again_previews_updates_and_additions_before_saving() {
    let site = TestSite::spawn().await;
    let agency = site.agencies[0];
    let (key, _) = site.key(Role::Agency, Some(agency));
    let (_, cookie) = site.sign_in(&key, "/agency").await;
    let cookie = cookie.expect("cookie");
    let second = "WEB-0002,Amina,Yusuf,female,som:native;eng:fluent,personal_care,12,2026-12-01,M13 0EG,6,car,12.50,self_employed,yes,2026-11-01\n";
    let first = upload(&site, &cookie, &format!("{GOOD_CSV}{second}")).await;
    assert!(first.body.contains("were imported"), "{}", first.body);
    let count = || site.carers_of(agency, 1).total;
    let before = count();

    // The same file with Wing's rate changed, Amina as she was, and a new PA.
    let changed = GOOD_CSV.replace(",13.50,", ",14.25,");
    let third = "WEB-0003,Nasrin,Begum,female,syl:native;ben:fluent,personal_care,8,2026-12-01,M13 0EG,5,public_transport,12.00,self_employed,yes,2026-11-01\n";
    let preview = upload(&site, &cookie, &format!("{changed}{second}{third}")).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(
        preview
            .body
            .contains("This file updates 1 of your PAs and adds 1 new ones; 1 are unchanged."),
        "{}",
        preview.body
    );
    assert!(
        preview
            .body
            .contains("<bdi>Wing Chan</bdi> (<bdi>WEB-0001</bdi>)")
    );
    assert!(preview.body.contains("<bdi>Nasrin Begum</bdi>"));
    // The report opens the page: before the find form.
    let report = preview
        .body
        .find(r#"id="upload-report""#)
        .expect("the report");
    let find = preview
        .body
        .find(r#"id="find-title""#)
        .expect("the find form");
    assert!(report < find, "the report comes first");
    // Nothing saved yet; the old message about PUT /v1/carers is gone from the web.
    assert_eq!(count(), before);
    assert!(!preview.body.contains("PUT /v1/carers"));

    // A confirmation whose digest does not match what is stored now is refused.
    let (token, digest, text) = confirmation(&preview.body);
    let (content_type, body) = confirm_body(&token, "0000", &text);
    let stale = site
        .request(
            "POST",
            "/agency/import/confirm",
            &[("cookie", &cookie), ("content-type", &content_type)],
            body,
        )
        .await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        stale
            .body
            .contains("changed since this upload was previewed")
    );
    assert_eq!(count(), before);

    let (content_type, body) = confirm_body(&token, &digest, &text);
    let saved = site
        .request(
            "POST",
            "/agency/import/confirm",
            &[("cookie", &cookie), ("content-type", &content_type)],
            body,
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert!(
        saved.body.contains("Updated 1, added 1; 1 unchanged."),
        "{}",
        saved.body
    );
    assert_eq!(count(), before + 1);
    let wing = site
        .carers_of(agency, 500)
        .items
        .into_iter()
        .find(|c| c.details.external_ref.as_deref() == Some("WEB-0001"))
        .expect("Wing");
    assert_eq!(
        wing.details.hourly_rate,
        carematch_domain::RatePence::new(1425).expect("rate")
    );
    assert_eq!(wing.version, 2, "updated in place");

    // Confirming the same preview twice changes nothing more: the digest names the old version.
    let (content_type, body) = confirm_body(&token, &digest, &text);
    let again = site
        .request(
            "POST",
            "/agency/import/confirm",
            &[("cookie", &cookie), ("content-type", &content_type)],
            body,
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(), before + 1);
}
