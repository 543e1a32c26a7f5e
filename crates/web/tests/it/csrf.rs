//! Cross-site request forgery: every post needs the form token of its session (the console,
//! sign-out) or of the anonymous form cookie (the shortlist, sign-in); a foreign `Origin` is
//! refused even with it, and forwarding headers count only from trusted proxies. Refused posts
//! are 403 pages and change nothing. Also: the sign-in page's `next`, cookie attributes and
//! `nosniff` on the pages. One file of cases (over 600 lines) so every refused route is listed
//! in one place.

use awc::http::StatusCode;
use carematch_domain::{Carer, Role};

use crate::agency::{GOOD_CSV, multipart};
use crate::helpers::{Page, TestSite, form_tokens};

const FORM: (&str, &str) = ("content-type", "application/x-www-form-urlencoded");
const WRONG: &str = "00000000000000000000000000000000";
/// Headers of a request from another site that also claims, in every forwarding header and
/// in `Host`, to be for that site.
const FORGED: [(&str, &str); 4] = [
    ("origin", "https://evil.example"),
    ("x-forwarded-host", "evil.example"),
    ("x-forwarded-proto", "https"),
    ("forwarded", "host=evil.example;proto=https"),
];

/// A wrong post: what is wrong with it, its fields, and extra headers.
type Attempt<'a> = (&'a str, Vec<(&'a str, &'a str)>, Vec<(&'a str, &'a str)>);
/// The same with the cookie it sends.
type CookieAttempt<'a> = (
    &'a str,
    &'a str,
    Vec<(&'a str, &'a str)>,
    Vec<(&'a str, &'a str)>,
);

fn refused(page: &Page, what: &str) {
    assert_eq!(page.status, StatusCode::FORBIDDEN, "{what}: {}", page.body);
    assert!(
        page.header("content-type").starts_with("text/html"),
        "{what}: a page for people"
    );
    assert!(
        page.body.contains("This form could not be accepted") || page.body.contains("Sign in"),
        "{what}: {}",
        page.body
    );
    assert!(
        page.cookie("carematch_session").is_none() && page.cookie("carematch_shortlist").is_none(),
        "{what}: no cookie changed"
    );
}

/// A form post with extra headers (`cookie` among them when given).
async fn post(
    site: &TestSite,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    extra: &[(&str, &str)],
) -> Page {
    let body = serde_urlencoded::to_string(fields).expect("form");
    let mut headers = vec![FORM];
    if !cookie.is_empty() {
        headers.push(("cookie", cookie));
    }
    headers.extend_from_slice(extra);
    site.request("POST", path, &headers, body).await
}

fn own_carer(site: &TestSite) -> Carer {
    site.carers_of(site.agencies[0], 1).items.remove(0)
}

fn read(site: &TestSite, carer: &Carer) -> Option<Carer> {
    site.store.get_carer(carer.id).expect("read")
}

#[actix_web::test]
async fn console_posts_need_their_sessions_token() {
    let site = TestSite::spawn().await;
    let (key, _) = site.key(Role::Agency, Some(site.agencies[0]));
    let (_, mine) = site.sign_in(&key, "/agency").await;
    let mine = mine.expect("session");
    let (_, other_session) = site.sign_in(&key, "/agency").await;
    let other_session = other_session.expect("another session");
    let token = site.session_token(&mine, "/agency").await;
    let other_token = site.session_token(&other_session, "/agency").await;
    assert_ne!(token, other_token, "each session has its own token");
    let own = own_carer(&site);
    let update = format!("/agency/carers/{}/update", own.id);
    let host = site.address.trim_start_matches("http://").to_owned();
    let forged_host: Vec<(&str, &str)> = FORGED
        .iter()
        .copied()
        .chain([("host", "evil.example")])
        .collect();

    let attempts: Vec<Attempt> = vec![
        ("no token, no Origin", vec![("action", "unlist")], vec![]),
        (
            "a wrong token",
            vec![("action", "unlist"), ("csrf", WRONG)],
            vec![],
        ),
        (
            "another session's token",
            vec![("action", "unlist"), ("csrf", &other_token)],
            vec![],
        ),
        (
            "no token, a foreign Origin that every forwarding header and Host agree with",
            vec![("action", "unlist")],
            forged_host.clone(),
        ),
        (
            "the token, with a foreign Origin and forwarding headers from an untrusted peer",
            vec![("action", "unlist"), ("csrf", &token)],
            FORGED.to_vec(),
        ),
        (
            "the token, with Origin null",
            vec![("action", "unlist"), ("csrf", &token)],
            vec![("origin", "null")],
        ),
        (
            "the token, sent by another site's page (Sec-Fetch-Site)",
            vec![("action", "unlist"), ("csrf", &token)],
            vec![("sec-fetch-site", "cross-site")],
        ),
    ];
    for (what, fields, extra) in &attempts {
        let page = post(&site, &update, &mine, fields, extra).await;
        refused(&page, what);
        let after = read(&site, &own).expect("carer");
        assert_eq!(after.version, own.version, "{what}: nothing changed");
    }

    // With its token the same post works: with our own Origin, or with none (token alone).
    let origin = format!("http://{host}");
    let listed = own.details.public_listing_consent;
    let flip = if listed { "unlist" } else { "list" };
    let page = post(
        &site,
        &update,
        &mine,
        &[("action", flip), ("csrf", &token)],
        &[("origin", &origin), ("sec-fetch-site", "same-origin")],
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let after = read(&site, &own).expect("carer");
    assert_eq!(after.details.public_listing_consent, !listed);
    let page = post(
        &site,
        &update,
        &mine,
        &[("action", "confirm"), ("csrf", &token)],
        &[],
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);

    // Deleting: refused without the token, done with it.
    let delete = format!("/agency/carers/{}/delete", own.id);
    for (what, fields) in [
        ("no token", vec![]),
        (
            "another session's token",
            vec![("csrf", other_token.as_str())],
        ),
    ] {
        refused(&post(&site, &delete, &mine, &fields, &[]).await, what);
        assert!(read(&site, &own).is_some(), "{what}: not deleted");
    }
    let page = post(&site, &delete, &mine, &[("csrf", &token)], &[]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert!(read(&site, &own).is_none());

    // Uploading a register: the token is a field of the multipart form.
    let count = || site.carers_of(site.agencies[0], 1).total;
    let before = count();
    for (what, given, extra) in [
        ("no token", "", vec![]),
        ("another session's token", other_token.as_str(), vec![]),
        ("a foreign Origin", token.as_str(), FORGED.to_vec()),
    ] {
        let (content_type, body) = multipart(given, Some(GOOD_CSV));
        let mut headers = vec![("cookie", mine.as_str()), ("content-type", &content_type)];
        headers.extend(extra);
        let page = site.request("POST", "/agency/import", &headers, body).await;
        refused(&page, what);
        assert_eq!(count(), before, "{what}: nothing imported");
    }
    let (content_type, body) = multipart(&token, Some(GOOD_CSV));
    let page = site
        .request(
            "POST",
            "/agency/import",
            &[("cookie", &mine), ("content-type", &content_type)],
            body,
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(count(), before + 1);

    // Signing out: another site cannot end the session; its own page can.
    for (what, fields, extra) in [
        ("no token", vec![], vec![]),
        ("a wrong token", vec![("csrf", WRONG)], vec![]),
        (
            "another session's token",
            vec![("csrf", other_token.as_str())],
            vec![],
        ),
        (
            "a foreign Origin",
            vec![("csrf", token.as_str())],
            FORGED.to_vec(),
        ),
    ] {
        let page = post(&site, "/logout", &mine, &fields, &extra).await;
        refused(&page, what);
        let console = site.get("/agency", &[("cookie", &mine)]).await;
        assert_eq!(console.status, StatusCode::OK, "{what}: still signed in");
    }
    // Another site's post comes without the strict session cookie: refused, not answered by
    // clearing the cookie (which would sign the browser out).
    let page = post(&site, "/logout", "", &[("csrf", &token)], &[]).await;
    refused(&page, "sign-out without the session cookie");
    let out = post(&site, "/logout", &mine, &[("csrf", &token)], &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(
        site.get("/agency", &[("cookie", &mine)]).await.status,
        StatusCode::SEE_OTHER,
        "signed out"
    );
    // The other session is untouched.
    let console = site.get("/agency", &[("cookie", &other_session)]).await;
    assert_eq!(console.status, StatusCode::OK);
}

#[actix_web::test]
async fn shortlist_and_sign_in_need_the_form_cookies_token() {
    let site = TestSite::spawn().await;
    let (cookie, token) = site.anonymous_form("/login").await;
    let (other_cookie, other_token) = site.anonymous_form("/login").await;
    assert!(cookie.starts_with("carematch_form=") && !token.is_empty());
    assert_ne!(token, other_token, "each browser has its own token");

    for path in ["/shortlist/add", "/shortlist/remove"] {
        let attempts: [CookieAttempt; 6] = [
            ("no cookie, no token", "", vec![], vec![]),
            ("the cookie, no token", &cookie, vec![], vec![]),
            ("a wrong token", &cookie, vec![("csrf", WRONG)], vec![]),
            (
                "another browser's token",
                &cookie,
                vec![("csrf", &other_token)],
                vec![],
            ),
            (
                "a token without its cookie",
                "",
                vec![("csrf", &token)],
                vec![],
            ),
            (
                "a foreign Origin that forwarding headers agree with",
                &cookie,
                vec![("csrf", &token)],
                FORGED.to_vec(),
            ),
        ];
        for (what, cookie, mut fields, extra) in attempts {
            fields.push(("item", "c1"));
            let page = post(&site, path, cookie, &fields, &extra).await;
            refused(&page, &format!("{path}: {what}"));
        }
        let page = post(
            &site,
            path,
            &cookie,
            &[("item", "c1"), ("csrf", &token)],
            &[],
        )
        .await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{path}");
        assert!(page.cookie("carematch_shortlist").is_some(), "{path}");
    }
    // The other browser's pair works for itself.
    let page = post(
        &site,
        "/shortlist/add",
        &other_cookie,
        &[("item", "c1"), ("csrf", &other_token)],
        &[],
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);

    // Signing in (login CSRF: another site must not sign a browser in to its own account).
    let (key, _) = site.key(Role::Agency, Some(site.agencies[0]));
    let attempts: [CookieAttempt; 5] = [
        ("no cookie, no token", "", vec![], vec![]),
        ("a wrong token", &cookie, vec![("csrf", WRONG)], vec![]),
        (
            "another browser's token",
            &cookie,
            vec![("csrf", &other_token)],
            vec![],
        ),
        (
            "a foreign Origin that forwarding headers agree with",
            &cookie,
            vec![("csrf", &token)],
            FORGED.to_vec(),
        ),
        (
            "no token, a foreign Origin that every forwarding header and Host agree with",
            &cookie,
            vec![],
            FORGED
                .iter()
                .copied()
                .chain([("host", "evil.example")])
                .collect(),
        ),
    ];
    for (what, cookie, mut fields, extra) in attempts {
        fields.extend([("key", key.as_str()), ("next", "/agency")]);
        let page = post(&site, "/login", cookie, &fields, &extra).await;
        refused(&page, &format!("sign-in: {what}"));
        // (With `Host` forged as well the request is for that other site, as far as any server
        // can tell; it is refused all the same, for want of a token.)
        let has = |name: &str| extra.iter().any(|(k, _)| *k == name);
        if !has("origin") || has("host") {
            // From our own page: the form comes back, ready to try again.
            assert!(page.form_token().is_some_and(|t| !t.is_empty()), "{what}");
        } else {
            // From another site: no form, so no new form cookie to replace the browser's own.
            assert!(page.form_token().is_none(), "{what}");
            assert!(page.cookie("carematch_form").is_none(), "{what}");
        }
    }
    // Without any cookie the refusal sets one, so that the form it shows works.
    let fresh = post(&site, "/login", "", &[("key", &key)], &[]).await;
    let fresh_cookie = fresh.cookie("carematch_form").expect("a form cookie");
    let fresh_token = fresh.form_token().expect("a token");
    let page = post(
        &site,
        "/login",
        &fresh_cookie,
        &[("key", &key), ("next", "/agency"), ("csrf", &fresh_token)],
        &[],
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert!(page.cookie("carematch_session").is_some());
}

#[actix_web::test]
async fn forwarding_headers_count_only_from_trusted_proxies() {
    // Not trusted (the default): the forwarded https is not believed.
    let site = TestSite::spawn().await;
    let page = site
        .get(
            "/login?lang=pl",
            &[("x-forwarded-proto", "https"), ("forwarded", "proto=https")],
        )
        .await;
    let set = page
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("carematch_form="))
        .expect("plain form cookie");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(set.contains(attribute), "{set} has {attribute}");
    }
    assert!(!set.contains("Secure"), "{set}: served over http");
    let lang = page
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("carematch_lang="))
        .expect("language cookie");
    assert!(
        lang.contains("HttpOnly") && !lang.contains("Secure"),
        "{lang}"
    );

    // Behind a trusted proxy (the tests connect from 127.0.0.1) that says the browser asked
    // for https://carematch.example.
    let site = TestSite::spawn_with(vec!["127.0.0.1".parse().expect("ip")]).await;
    let proxy = [
        ("x-forwarded-host", "carematch.example"),
        ("x-forwarded-proto", "https"),
    ];
    let page = site.get("/login?lang=pl", &proxy).await;
    let set = page
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("__Host-carematch_form="))
        .expect("a __Host- form cookie over https");
    for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(set.contains(attribute), "{set} has {attribute}");
    }
    assert!(!set.contains("Domain"), "{set}");
    let lang = page
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("carematch_lang="))
        .expect("language cookie");
    assert!(lang.contains("Secure"), "{lang}");
    let cookie = page.cookie("__Host-carematch_form").expect("cookie");
    let token = page.form_token().expect("token");
    let (key, _) = site.key(Role::Agency, Some(site.agencies[0]));
    let fields = [("key", key.as_str()), ("csrf", token.as_str())];

    // The proxy forwarded another site's post: refused.
    let mut foreign = proxy.to_vec();
    foreign.push(("origin", "https://evil.example"));
    refused(
        &post(&site, "/login", &cookie, &fields, &foreign).await,
        "foreign Origin behind the proxy",
    );
    // The plain-http cookie is not the https one.
    let plain = cookie.replacen("__Host-", "", 1);
    let mut ours = proxy.to_vec();
    ours.push(("origin", "https://carematch.example"));
    refused(
        &post(&site, "/login", &plain, &fields, &ours).await,
        "the http cookie over https",
    );
    // Our own page, through the proxy: signed in, the shortlist cookie `Secure` too.
    let page = post(&site, "/login", &cookie, &fields, &ours).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let page = post(
        &site,
        "/shortlist/add",
        &cookie,
        &[("item", "c1"), ("csrf", &token)],
        &ours,
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let shortlist = page
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("carematch_shortlist="))
        .expect("shortlist cookie");
    assert!(shortlist.contains("Secure"), "{shortlist}");
}

/// Every `<form ...>...</form>` with `method="post"` on a page.
fn post_forms(body: &str) -> Vec<&str> {
    body.split("<form")
        .skip(1)
        .filter_map(|rest| rest.split("</form>").next())
        .filter(|form| {
            form.split('>')
                .next()
                .is_some_and(|tag| tag.contains(r#"method="post""#))
        })
        .collect()
}

/// Each post form carries the one token of the page, first thing in it.
fn every_post_form_has_the_token(page: &Page, what: &str) -> String {
    assert_eq!(page.status, StatusCode::OK, "{what}: {}", page.body);
    let forms = post_forms(&page.body);
    assert!(!forms.is_empty(), "{what}: no form that posts");
    let tokens = form_tokens(&page.body);
    let token = tokens.first().cloned().unwrap_or_default();
    assert_eq!(token.len(), 32, "{what}: a token");
    for form in &forms {
        assert!(
            form.contains(&format!(
                r#"<input type="hidden" name="csrf" value="{token}">"#
            )),
            "{what}: a form without the token: <form{form}</form>"
        );
    }
    assert!(tokens.iter().all(|t| *t == token), "{what}: one token");
    assert_eq!(tokens.len(), forms.len(), "{what}: one token per form");
    token
}

#[actix_web::test]
async fn every_form_that_posts_carries_the_token() {
    let site = TestSite::spawn().await;
    crate::helpers::import_open_data(&site.store);

    // Anonymous pages: a new visitor gets the cookie the token belongs to.
    let search = "/find?postcode=M13+0EG&km=8&language=yue";
    for path in ["/login", "/login?next=/commissioner", search] {
        let page = site.get(path, &[]).await;
        every_post_form_has_the_token(&page, path);
        assert!(
            page.cookie("carematch_form").is_some(),
            "{path}: the cookie"
        );
    }
    // A visitor who has it keeps it (and the token with it).
    let (cookie, token) = site.anonymous_form("/login").await;
    let results = site.get(search, &[("cookie", &cookie)]).await;
    assert_eq!(every_post_form_has_the_token(&results, search), token);
    assert!(results.cookie("carematch_form").is_none());
    let item = results
        .body
        .split(r#"name="item" value=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("an item")
        .to_owned();
    let list = format!("carematch_shortlist={item}; {cookie}");
    for path in ["/shortlist".to_owned(), format!("/shortlist?s={item}")] {
        let page = site.get(&path, &[("cookie", &list)]).await;
        assert_eq!(every_post_form_has_the_token(&page, &path), token);
    }
    // Pages with no form that posts set no cookie.
    for path in ["/find", "/shortlist"] {
        let page = site.get(path, &[]).await;
        assert!(post_forms(&page.body).is_empty(), "{path}");
        assert!(page.cookie("carematch_form").is_none(), "{path}");
    }
    // The sign-in form shown again after a bad key.
    let bad = post(
        &site,
        "/login",
        &cookie,
        &[("key", "cmk_nope"), ("csrf", &token)],
        &[],
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    assert_eq!(post_forms(&bad.body).len(), 1);
    assert_eq!(form_tokens(&bad.body), [token.as_str()]);

    // Signed-in pages carry the session's token.
    let (key, _) = site.key(Role::Agency, Some(site.agencies[0]));
    let (_, session) = site.sign_in(&key, "/agency").await;
    let session = session.expect("session");
    let console = site.get("/agency", &[("cookie", &session)]).await;
    let token = every_post_form_has_the_token(&console, "/agency");
    assert!(
        post_forms(&console.body).len() >= 5,
        "sign-out, upload and each PA's buttons"
    );
    let found = site
        .get("/agency?postcode=M13+0EG&km=15", &[("cookie", &session)])
        .await;
    assert_eq!(
        every_post_form_has_the_token(&found, "/agency search"),
        token
    );
    let (content_type, body) = multipart(&token, Some(GOOD_CSV));
    let uploaded = site
        .request(
            "POST",
            "/agency/import",
            &[("cookie", &session), ("content-type", &content_type)],
            body,
        )
        .await;
    assert_eq!(
        every_post_form_has_the_token(&uploaded, "the upload report"),
        token
    );

    let (key, _) = site.key(Role::Commissioner, None);
    let (_, session) = site.sign_in(&key, "/commissioner").await;
    let session = session.expect("session");
    let map = site
        .get(
            "/commissioner?need=language:yue&max_km=10",
            &[("cookie", &session)],
        )
        .await;
    every_post_form_has_the_token(&map, "/commissioner");
}

#[actix_web::test]
async fn sign_in_goes_only_to_our_own_paths() {
    let site = TestSite::spawn().await;
    let (key, _) = site.key(Role::Agency, Some(site.agencies[0]));
    let (cookie, token) = site.anonymous_form("/login").await;
    for next in [
        "/agency\r\nSet-Cookie: evil=1",
        "/agency\nx",
        "/agency\rx",
        "/agency\u{0}",
        "/agency\u{7f}",
        "/agency\u{85}",
        "/agency?name=Zoë",
        "/agency page",
        "https://evil.example/",
        "//evil.example",
        "\\\\evil.example",
        "/\\evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "\t//evil.example",
        " /agency",
        "evil.example",
        "javascript:alert(1)",
    ] {
        let page = post(
            &site,
            "/login",
            &cookie,
            &[("key", &key), ("next", next), ("csrf", &token)],
            &[],
        )
        .await;
        assert_eq!(
            page.status,
            StatusCode::SEE_OTHER,
            "{next:?}: {}",
            page.body
        );
        assert_eq!(page.header("location"), "/find", "{next:?}");
        assert!(page.cookie("evil").is_none());
        // The sign-in page itself puts only a safe `next` in its form.
        let query = serde_urlencoded::to_string([("next", next)]).expect("query");
        let form = site.get(&format!("/login?{query}"), &[]).await;
        assert_eq!(form.status, StatusCode::OK, "{next:?}");
        assert!(
            form.body.contains(r#"name="next" value="/find""#),
            "{next:?}: {}",
            form.body
        );
    }
    let page = post(
        &site,
        "/login",
        &cookie,
        &[("key", &key), ("next", "/agency?page=2"), ("csrf", &token)],
        &[],
    )
    .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.header("location"), "/agency?page=2");
}

#[actix_web::test]
async fn pages_assets_and_refusals_say_nosniff() {
    let site = TestSite::spawn().await;
    let (key, _) = site.key(Role::Agency, Some(site.agencies[0]));
    let (_, session) = site.sign_in(&key, "/agency").await;
    let session = session.expect("session");
    let mut pages = Vec::new();
    for path in [
        "/find",
        "/find?postcode=NOT+A+CODE",
        "/shortlist",
        "/login",
        "/static/site.css",
        "/static/site.js",
        "/agency",
        "/agency/template.csv",
        "/no/such/page",
        "/v1/health",
        "/docs/",
    ] {
        pages.push((path, site.get(path, &[]).await));
    }
    pages.push((
        "/agency (signed in)",
        site.get("/agency", &[("cookie", &session)]).await,
    ));
    pages.push((
        "a refused post",
        post(&site, "/shortlist/add", "", &[("item", "c1")], &[]).await,
    ));
    for (what, page) in &pages {
        assert_eq!(
            page.header("x-content-type-options"),
            "nosniff",
            "{what} ({})",
            page.status
        );
    }
    // The pages keep their own content security policy (stricter than the Swagger UI's).
    let find = &pages[0].1;
    assert!(
        find.header("content-security-policy").starts_with(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"
        ),
        "{}",
        find.header("content-security-policy")
    );
    let refusal = &pages[pages.len() - 1].1;
    assert_eq!(
        refusal.header("content-security-policy"),
        find.header("content-security-policy")
    );
}
