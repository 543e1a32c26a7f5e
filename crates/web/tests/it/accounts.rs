//! Signing in by e-mailed links (docs/listings.md): an organisation registers, follows its
//! confirm link (read from the outbox, as the mail would carry it) and gets a session; the link
//! works once; a sign-in link asked for on the page signs a moderator in; the page answers the
//! same for an unknown address.

use awc::http::StatusCode;
use carematch_domain::Role;
use carematch_store::{NewApiKey, OutboxFilter, Page as StorePage};

use crate::helpers::TestSite;

/// The path of the last link mailed to `to`.
pub(crate) fn last_link(site: &TestSite, to: &str) -> Option<String> {
    let mail = site
        .store
        .list_mail(OutboxFilter::default(), StorePage::new(1, 200))
        .expect("outbox")
        .items
        .into_iter()
        .find(|m| m.recipient == to)?;
    let start = mail.body.find("/account/")?;
    Some(
        mail.body[start..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect(),
    )
}

/// Opens a link's page and presses its button: the response to the post.
pub(crate) async fn follow(site: &TestSite, path: &str) -> crate::helpers::Page {
    let page = site.get(path, &[]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let cookie = page.cookie("carematch_form").unwrap_or_default();
    let token = page.form_token().expect("a form token");
    site.post_form(path, &cookie, &[("csrf", &token)]).await
}

#[actix_web::test]
async fn a_confirm_link_signs_the_organisation_in_once() {
    let site = TestSite::spawn().await;
    let service = site.app.state().service().clone();
    service
        .register_organisation(&carematch_service::listings::Registration {
            name: "Shapla Luncheon Club".into(),
            email: "hello@shapla.example".into(),
            phone: String::new(),
            website: String::new(),
            locale: carematch_domain::enquiry::InterfaceLocale::Bn,
        })
        .expect("registered");
    let path = last_link(&site, "hello@shapla.example").expect("a confirm link");
    assert!(path.starts_with("/account/confirm/"), "{path}");
    // Opening the page changes nothing: the link still works after it.
    let page = site.get(&path, &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    let signed_in = follow(&site, &path).await;
    assert_eq!(
        signed_in.status,
        StatusCode::SEE_OTHER,
        "{}",
        signed_in.body
    );
    assert!(signed_in.cookie("carematch_session").is_some());
    let (organisation, _) = site
        .store
        .organisation_by_email("hello@shapla.example")
        .expect("read")
        .expect("registered");
    assert!(organisation.confirmed());
    // Once only.
    let again = follow(&site, &path).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    assert!(again.cookie("carematch_session").is_none());
}

#[actix_web::test]
async fn a_moderator_signs_in_by_an_emailed_link() {
    let site = TestSite::spawn().await;
    let (_, hash) = carematch_api::auth::generate_key().expect("random");
    site.store
        .create_key(
            &hash,
            &NewApiKey {
                email: Some("mod@council.example".into()),
                ..NewApiKey::new(Role::Moderator, "moderator")
            },
        )
        .expect("key");
    for address in ["mod@council.example", "nobody@nowhere.example"] {
        let (cookie, token) = site.anonymous_form("/account/sign-in?lang=bn").await;
        let page = site
            .post_form(
                "/account/sign-in?lang=bn",
                &cookie,
                &[("email", address), ("lang", "bn"), ("csrf", &token)],
            )
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(
            page.body.contains("সাইন-ইন লিঙ্ক পাঠানো হয়েছে"),
            "{}",
            page.body
        );
    }
    assert!(last_link(&site, "nobody@nowhere.example").is_none());
    let path = last_link(&site, "mod@council.example").expect("a sign-in link");
    assert!(path.starts_with("/account/sign-in/"), "{path}");
    let signed_in = follow(&site, &path).await;
    assert_eq!(
        signed_in.status,
        StatusCode::SEE_OTHER,
        "{}",
        signed_in.body
    );
    assert!(signed_in.cookie("carematch_session").is_some());
}

/// The mails in the outbox to `to`.
fn mails_to(site: &TestSite, to: &str) -> Vec<carematch_store::OutboxMessage> {
    site.store
        .list_mail(OutboxFilter::default(), StorePage::new(1, 200))
        .expect("outbox")
        .items
        .into_iter()
        .filter(|m| m.recipient == to)
        .collect()
}

#[actix_web::test]
async fn an_organisation_registers_on_the_web_page_in_bengali() {
    let site = TestSite::spawn().await;
    let path = "/account/register?lang=bn";
    let page = site.get(path, &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"<html lang="bn""#), "{}", page.body);
    assert!(page.body.contains("আপনার সংগঠন নিবন্ধন করুন"));
    for input in ["name", "email", "phone", "website", "fax"] {
        assert!(
            page.body.contains(&format!(r#"for="{input}""#)),
            "{input} is labelled"
        );
    }
    // The sign-in page leads here.
    let sign_in = site.get("/account/sign-in?lang=bn", &[]).await;
    assert!(sign_in.body.contains(r#"href="/account/register""#));

    // What the page can tell is wrong comes back next to its field, with what was typed.
    let (cookie, token) = site.anonymous_form(path).await;
    let bad = site
        .post_form(
            path,
            &cookie,
            &[
                ("name", " "),
                ("email", "not-an-address"),
                ("website", "shapla"),
                ("csrf", &token),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("আপনার সংগঠনের নাম লিখুন।"), "{}", bad.body);
    assert!(bad.body.contains(r##"href="#website""##), "{}", bad.body);
    assert!(bad.body.contains(r#"value="not-an-address""#));
    assert!(bad.body.contains(r#"aria-describedby="email-error""#));

    // Accepted: the check-your-e-mail page, the account stored in Bengali, a confirm link mailed.
    let fields = [
        ("name", "Shapla Luncheon Club"),
        ("email", "Hello@Shapla.example"),
        ("phone", "020 7946 0321"),
        ("website", ""),
        ("fax", ""),
        ("csrf", &token),
    ];
    let done = site.post_form(path, &cookie, &fields).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("আপনার ইমেল দেখুন"), "{}", done.body);
    let (organisation, _) = site
        .store
        .organisation_by_email("hello@shapla.example")
        .expect("read")
        .expect("registered");
    assert_eq!(organisation.name, "Shapla Luncheon Club");
    assert_eq!(organisation.locale, "bn");
    assert!(!organisation.confirmed());
    let mails = mails_to(&site, "hello@shapla.example");
    assert_eq!(mails.len(), 1);
    assert!(
        mails[0].subject.contains("নিশ্চিত করুন"),
        "{}",
        mails[0].subject
    );
    let link = last_link(&site, "hello@shapla.example").expect("a link");
    assert!(link.starts_with("/account/confirm/"), "{link}");

    // The same address again: the same page, nothing new (the last link is too recent).
    let again = site.post_form(path, &cookie, &fields).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.body, done.body);
    assert_eq!(mails_to(&site, "hello@shapla.example").len(), 1);

    // A robot fills in the honeypot: the same page, nothing stored or sent.
    let robot = site
        .post_form(
            path,
            &cookie,
            &[
                ("name", "Spam Ltd"),
                ("email", "robot@spam.example"),
                ("fax", "0800 000 000"),
                ("csrf", &token),
            ],
        )
        .await;
    assert_eq!(robot.status, StatusCode::OK);
    assert_eq!(robot.body, done.body);
    assert!(
        site.store
            .organisation_by_email("robot@spam.example")
            .expect("read")
            .is_none()
    );
    assert!(mails_to(&site, "robot@spam.example").is_empty());

    // Without the form token nothing is stored.
    let forged = site
        .post_form(
            path,
            "",
            &[("name", "Forged"), ("email", "forged@example.org")],
        )
        .await;
    assert_ne!(forged.status, StatusCode::OK);
    assert!(
        site.store
            .organisation_by_email("forged@example.org")
            .expect("read")
            .is_none()
    );
}
