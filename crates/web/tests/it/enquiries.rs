//! Enquiries on the web: from the shortlist to the form, the confirmation, the private status
//! page and withdrawal; field errors next to fields; the honeypot; the agency inbox.

use awc::http::StatusCode;
use carematch_domain::enquiry::EnquiryStatus;
use carematch_domain::{AgencyId, Role};
use carematch_store::Page as StorePage;

use crate::helpers::{Page, TestSite};

/// Two listed PAs of the first demo agency, as shortlist codes (`c12`).
fn listed(site: &TestSite) -> (AgencyId, Vec<String>) {
    let agency = site.agencies[0];
    let codes = site
        .carers_of(agency, 100)
        .items
        .into_iter()
        .filter(|c| c.details.public_listing_consent)
        .take(2)
        .map(|c| format!("c{}", c.id.0))
        .collect::<Vec<_>>();
    assert_eq!(codes.len(), 2, "the demo agency has two listed PAs");
    (agency, codes)
}

fn fields<'a>(items: &'a str, token: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", token),
        ("items", items),
        ("language", "yue"),
        ("service", "meal_preparation"),
        ("outward", "LE1"),
        ("name", "陳太太"),
        ("by", "callback"),
        ("phone", "07700 900123"),
        ("email", "chan@example.org"),
        ("callback_language", "yue"),
        ("message", "想找一位會煮粵菜的護理員"),
        ("consent", "1"),
        ("website", ""),
    ]
}

/// The status link on a confirmation page.
fn status_link(page: &Page) -> String {
    page.body
        .split(r#"id="status-link" href=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a status link")
        .replace("&amp;", "&")
}

async fn send(site: &TestSite, items: &str) -> Page {
    let (cookie, token) = site
        .anonymous_form(&format!("/enquire?items={items}"))
        .await;
    site.post_form("/enquire", &cookie, &fields(items, &token))
        .await
}

#[actix_web::test]
async fn a_family_enquires_from_the_shortlist_and_follows_its_status() {
    let site = TestSite::spawn().await;
    let (agency, codes) = listed(&site);
    let list = codes.join(",");
    let shortlist = site
        .get(
            "/shortlist",
            &[("cookie", &format!("carematch_shortlist={list}"))],
        )
        .await;
    let whole = format!("/enquire?items={}", list.replace(',', "%2C"));
    assert!(shortlist.body.contains(&whole), "{}", shortlist.body);
    assert!(
        shortlist
            .body
            .contains(&format!("/enquire?items={}", codes[0]))
    );

    let form = site
        .get(
            &format!("{whole}&language=yue&outward=LE1&lang=zh-Hant"),
            &[],
        )
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains(r#"lang="zh-Hant""#));
    assert!(form.body.contains("提出查詢"));
    assert!(form.body.contains(r#"<div class="hp" aria-hidden="true">"#));
    assert!(
        form.body
            .contains(r#"name="website" value="" tabindex="-1""#)
    );
    assert!(
        form.body
            .contains(r#"type="hidden" name="language" value="yue""#)
    );
    assert!(
        form.body
            .contains(r#"type="hidden" name="outward" value="LE1""#)
    );

    let sent = send(&site, &list).await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    assert!(sent.body.contains("CM-"));
    let link = status_link(&sent);
    assert!(link.starts_with("/enquiries/status/CM-") && link.contains("?token="));
    let stored = site
        .store
        .list_enquiries(Some(agency), None, StorePage::new(1, 10))
        .expect("list");
    assert_eq!(stored.total, 1);
    let enquiry = &stored.items[0];
    assert_eq!(enquiry.items.len(), 2);
    assert_eq!(enquiry.needs.languages.len(), 1);
    assert_eq!(enquiry.outward_code.as_deref(), Some("LE1"));

    let status = site.get(&link, &[]).await;
    assert_eq!(status.status, StatusCode::OK);
    assert!(status.body.contains(&enquiry.reference));
    assert!(status.body.contains("Sent: waiting for the agency"));
    assert!(!status.body.contains("07700"));
    let urdu = site.get(&format!("{link}&lang=ur"), &[]).await;
    assert!(urdu.body.contains(r#"dir="rtl""#));
    assert!(urdu.body.contains("آپ کی پوچھ گچھ"));
    // The link with its token's last digit changed (never to the same digit).
    let last = if link.ends_with('0') { '1' } else { '0' };
    let wrong = site
        .get(&format!("{}{last}", &link[..link.len() - 1]), &[])
        .await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn errors_are_shown_next_to_their_fields_and_nothing_is_sent() {
    let site = TestSite::spawn().await;
    let (agency, codes) = listed(&site);
    let (cookie, token) = site
        .anonymous_form(&format!("/enquire?items={}", codes[0]))
        .await;
    let mut bad = fields(&codes[0], &token);
    bad.retain(|(k, _)| !matches!(*k, "consent" | "name"));
    let page = site.post_form("/enquire", &cookie, &bad).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains(r#"id="error-summary""#));
    assert!(page.body.contains(r#"id="name-error""#));
    assert!(page.body.contains(r#"id="consent-error""#));
    assert!(page.body.contains(r#"aria-describedby="name-error""#));
    // What was typed is kept.
    assert!(page.body.contains("07700 900123"));
    // Without the form token nothing is sent either.
    let mut forged = fields(&codes[0], "");
    forged[0] = ("csrf", "0123");
    let refused = site.post_form("/enquire", &cookie, &forged).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // The honeypot: answered as sent, nothing stored.
    let mut robot = fields(&codes[0], &token);
    robot.retain(|(k, _)| *k != "website");
    robot.push(("website", "http://spam.example"));
    let page = site.post_form("/enquire", &cookie, &robot).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("CM-"));
    let stored = site
        .store
        .list_enquiries(Some(agency), None, StorePage::new(1, 10))
        .expect("list");
    assert_eq!(stored.total, 0);
}

#[actix_web::test]
async fn the_person_withdraws_after_confirming_and_everything_is_deleted() {
    let site = TestSite::spawn().await;
    let (agency, codes) = listed(&site);
    let sent = send(&site, &codes[0]).await;
    let link = status_link(&sent);
    let (path, token) = link.split_once("?token=").expect("token");
    let status = site.get(&link, &[]).await;
    let form_token = status.form_token().expect("withdraw form");
    let cookie = status.cookie("carematch_form").unwrap_or_default();
    let cookie = if cookie.is_empty() {
        // The confirmation page set it already; the status page reuses the browser's.
        sent.cookie("carematch_form").unwrap_or_default()
    } else {
        cookie
    };
    let action = format!("{path}/withdraw");
    let ask = site
        .post_form(&action, &cookie, &[("csrf", &form_token), ("token", token)])
        .await;
    assert_eq!(ask.status, StatusCode::OK, "{}", ask.body);
    assert!(ask.body.contains(r#"name="confirm" value="yes""#));
    let still = site
        .store
        .list_enquiries(Some(agency), None, StorePage::new(1, 10))
        .expect("list");
    assert_eq!(still.total, 1, "nothing is deleted before confirming");
    let done = site
        .post_form(
            &action,
            &cookie,
            &[("csrf", &form_token), ("token", token), ("confirm", "yes")],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("withdrawn"));
    let gone = site
        .store
        .list_enquiries(Some(agency), None, StorePage::new(1, 10))
        .expect("list");
    assert_eq!(gone.total, 0);
    assert_eq!(site.get(&link, &[]).await.status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn the_agency_inbox_lists_shows_and_moves_an_enquiry_on() {
    let site = TestSite::spawn().await;
    let (agency, codes) = listed(&site);
    send(&site, &codes[0]).await;
    let id = site
        .store
        .list_enquiries(Some(agency), None, StorePage::new(1, 10))
        .expect("list")
        .items[0]
        .id;
    let (key, key_id) = site.key(Role::Agency, Some(agency));
    let (_, cookie) = site.sign_in(&key, "/agency").await;
    let cookie = cookie.expect("signed in");
    let console = site.get("/agency", &[("cookie", &cookie)]).await;
    assert!(console.body.contains(r#"href="/agency/enquiries""#));
    let inbox = site
        .get("/agency/enquiries?status=new", &[("cookie", &cookie)])
        .await;
    assert_eq!(inbox.status, StatusCode::OK);
    assert!(inbox.body.contains(&format!("/agency/enquiries/{id}")));
    assert!(inbox.body.contains("陳太太"));
    let path = format!("/agency/enquiries/{id}");
    let detail = site.get(&path, &[("cookie", &cookie)]).await;
    assert!(detail.body.contains("07700 900123") && detail.body.contains("粵菜"));
    // The agency's own PA is named in full: it holds the record.
    let carer = site
        .store
        .get_carer(carematch_domain::CarerId(
            codes[0][1..].parse().expect("id"),
        ))
        .expect("read")
        .expect("carer");
    let full = format!("{} {}", carer.details.given_name, carer.details.family_name);
    assert!(detail.body.contains(&full), "the inbox names {full}");
    let token = detail.form_token().expect("token");
    let closing = site
        .post_form(
            &path,
            &cookie,
            &[("csrf", &token), ("status", "closed"), ("note", "")],
        )
        .await;
    assert_eq!(closing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(closing.body.contains("Choose a reason"));
    let saved = site
        .post_form(
            &path,
            &cookie,
            &[
                ("csrf", &token),
                ("status", "introduced"),
                ("note", "Met on Tuesday"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(saved.header("location"), format!("{path}?saved=1"));
    let (enquiry, events) = site.store.get_enquiry(Some(agency), id).expect("get");
    assert_eq!(enquiry.status, EnquiryStatus::Introduced);
    assert_eq!(
        events.last().map(|e| e.actor.clone()),
        Some(format!("console (key {key_id})"))
    );
    let after = site
        .get(&format!("{path}?saved=1"), &[("cookie", &cookie)])
        .await;
    assert!(after.body.contains("Saved.") && after.body.contains("Met on Tuesday"));

    // Another agency's console finds nothing.
    let (other, _) = site.key(Role::Agency, Some(site.agencies[1]));
    let (_, other_cookie) = site.sign_in(&other, "/agency").await;
    let other_cookie = other_cookie.expect("signed in");
    let hidden = site.get(&path, &[("cookie", &other_cookie)]).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    assert!(!hidden.body.contains("陳太太"));
    // Signed out: to the sign-in page.
    let anonymous = site.get("/agency/enquiries", &[]).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
}
