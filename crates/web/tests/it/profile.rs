//! Public profile pages: a listed PA's public view with the agency to contact, the shortlist
//! button and "Enquire"; never the PA's own contact, address or full postcode; an unlisted PA,
//! an unknown id and a provider that does not exist all get the same 404.

use awc::http::StatusCode;
use carematch_domain::Carer;

use crate::helpers::TestSite;

fn carers(site: &TestSite) -> Vec<Carer> {
    site.store
        .list_carers(&Default::default(), carematch_store::Page::new(1, 5000))
        .expect("carers")
        .items
}

#[actix_web::test]
async fn a_listed_pa_has_a_public_profile_with_the_agency_to_contact() {
    let site = TestSite::spawn().await;
    // The results link each card to its profile.
    let results = site
        .get("/find?postcode=M13+0EG&km=8&language=yue", &[])
        .await;
    let href = results
        .body
        .split(r#"<h3><a href=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a result linked to its profile")
        .to_owned();
    assert!(href.starts_with("/carers/"), "{href}");
    let id: i64 = href["/carers/".len()..].parse().expect("id");
    let carer = carers(&site)
        .into_iter()
        .find(|c| c.id.0 == id)
        .expect("the carer");

    let page = site.get(&href, &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    assert!(body.contains(&format!(
        "<h1><bdi>{}</bdi></h1>",
        carer.details.display_name()
    )));
    assert!(body.contains("Listed by "), "the holding agency");
    assert!(body.contains(&format!("/enquire?items=c{id}")), "Enquire");
    assert!(body.contains("/shortlist/add"), "the shortlist button");
    assert!(body.contains(carer.details.postcode.outward().as_str()));
    assert!(
        !body.contains(carer.details.postcode.as_str()),
        "full postcode shown"
    );
    if let Some(phone) = &carer.details.contact.phone {
        assert!(!body.contains(phone.as_str()), "the PA's phone shown");
    }
    if let Some(email) = &carer.details.contact.email {
        assert!(!body.contains(email.as_str()), "the PA's e-mail shown");
    }

    // In Urdu, right to left.
    let urdu = site.get(&format!("{href}?lang=ur"), &[]).await;
    assert!(urdu.body.contains(r#"dir="rtl""#));
}

#[actix_web::test]
async fn unlisted_unknown_and_missing_records_are_one_404() {
    let site = TestSite::spawn().await;
    let unlisted = carers(&site)
        .into_iter()
        .find(|c| !c.details.public_listing_consent)
        .expect("an unlisted carer in the fixtures");
    let hidden = site.get(&format!("/carers/{}", unlisted.id), &[]).await;
    let unknown = site.get("/carers/999999999", &[]).await;
    let no_provider = site.get("/providers/999999999", &[]).await;
    for page in [&hidden, &unknown, &no_provider] {
        assert_eq!(page.status, StatusCode::NOT_FOUND);
        assert!(page.body.contains("no longer listed"));
    }
    assert!(!hidden.body.contains(&unlisted.details.display_name()));
}

/// Text as maud writes it into the page.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[actix_web::test]
async fn a_profile_shows_the_pas_own_words_languages_checks_week_and_ways_to_share() {
    let site = TestSite::spawn().await;
    let today = carematch_service::today();
    let all = carers(&site);
    let carer = all
        .iter()
        .find(|c| {
            c.is_public()
                && !c.details.bio.is_empty()
                && c.details.checks.iter().any(|k| k.valid_on(today))
                && !c.details.availability.is_empty()
        })
        .expect("a listed PA with a bio, a valid check and free times");
    let page = site
        .get(&format!("/carers/{}?lang=en", carer.id), &[])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    // The PA's own words, whatever their script, with the direction found from the text.
    assert!(
        body.contains(&format!(
            r#"<blockquote class="bio" dir="auto">{}"#,
            escaped(&carer.details.bio)
        )),
        "the bio"
    );
    // Languages by their own names, with how well.
    for skill in &carer.details.languages {
        let level = format!("level-{}", skill.proficiency.code());
        let words = carematch_web::i18n::Tr::new(carematch_web::i18n::Locale::En).t(&level);
        assert!(
            body.contains(&format!(": {words}")),
            "level of {:?}",
            skill.code
        );
    }
    // Each check valid today with the month it runs to; never a certificate number.
    for check in carer.details.checks.iter().filter(|k| k.valid_on(today)) {
        let until = check.expires_on.format("%m/%Y").to_string();
        assert!(body.contains(&format!("valid until {until}")), "{check:?}");
        if let Some(reference) = &check.reference {
            assert!(
                !body.contains(reference.as_str()),
                "a certificate number shown"
            );
        }
    }
    // The usual week as a grid with a caption, a row a day, and the exact times.
    assert!(body.contains("<caption>A usual week</caption>"));
    assert_eq!(body.matches(r#"<th scope="row">"#).count(), 7);
    assert!(body.contains("Exact times: "));
    // Faith only with consent.
    if let Some(faith) = carer.details.faith {
        let name = carematch_web::i18n::Tr::new(carematch_web::i18n::Locale::En).code(faith);
        assert_eq!(
            body.contains(&format!("<dd>{name}</dd>")),
            carer.details.faith_public_consent,
            "faith shown without consent, or hidden with it"
        );
    }
    // Listen (hidden until the browser has a voice) and share by WhatsApp, SMS and e-mail,
    // carrying a short text and the absolute link to this page in the reader's language.
    assert!(body.contains(r#"data-listen="profile""#));
    assert!(body.contains(r#"<button class="listen no-print" type="button" hidden"#));
    let link = format!(
        "http%3A%2F%2F127.0.0.1%3A8080%2Fcarers%2F{}%3Flang%3Den",
        carer.id
    );
    for app in [
        "https://wa.me/?text=",
        "sms:?&amp;body=",
        "mailto:?subject=",
    ] {
        let at = body.find(app).unwrap_or_else(|| panic!("{app} link"));
        let href = &body[at..at + body[at..].find('"').expect("end")];
        assert!(href.contains(&link), "{href}");
        assert!(href.contains("personal%20assistant"), "{href}");
    }
    // Never the address, exact place or the PA's own contact.
    assert!(!body.contains(carer.details.postcode.as_str()));

    // In Traditional Chinese every label is Chinese, the share text too.
    let chinese = site
        .get(&format!("/carers/{}?lang=zh-Hant", carer.id), &[])
        .await;
    for english in [
        "A usual week",
        "valid until",
        "Exact times",
        "How to reach them",
        "Share",
    ] {
        assert!(!chinese.body.contains(english), "English left: {english}");
    }
    assert!(chinese.body.contains("一般的一星期"));
}

#[actix_web::test]
async fn a_provider_profile_shows_what_it_publishes_and_how_to_reach_it() {
    let site = TestSite::spawn().await;
    let providers = site
        .store
        .list_providers(&Default::default(), carematch_store::Page::new(1, 500))
        .expect("providers")
        .items;
    let provider = providers
        .iter()
        .find(|p| p.is_public() && p.details.contact.phone.is_some())
        .expect("a public provider with a phone");
    let page = site
        .get(&format!("/providers/{}?lang=en", provider.id), &[])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    assert!(body.contains(&format!(
        "<h1><bdi>{}</bdi></h1>",
        escaped(&provider.details.name)
    )));
    let phone = provider.details.contact.phone.as_deref().expect("phone");
    assert!(body.contains(&format!("<bdi>{phone}</bdi>")), "its phone");
    assert!(body.contains("How to reach them"));
    assert!(
        body.contains("%20a%20service%20I%20found%20on%20carematch"),
        "share text"
    );
    if !provider.details.opening_hours.is_empty() {
        assert!(body.contains("<caption>A usual week</caption>"));
    }
}

#[actix_web::test]
async fn the_shortlist_shares_once_with_its_link_and_reads_aloud() {
    let site = TestSite::spawn().await;
    let carer = carers(&site)
        .into_iter()
        .find(|c| c.is_public())
        .expect("a listed PA");
    let page = site
        .get(&format!("/shortlist?s=c{}&lang=zh-Hant", carer.id), &[])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    // "Share this shortlist" once as the link's own words, not "Share: Share".
    assert_eq!(
        page.body.matches("分享這份候選名單").count(),
        1,
        "{}",
        page.body
    );
    assert!(page.body.contains("https://wa.me/?text="));
    assert!(page.body.contains(&format!(
        "%2Fshortlist%3Fs%3Dc{}%26lang%3Dzh-Hant",
        carer.id
    )));
    assert!(page.body.contains(r#"data-listen="shortlist-entries""#));
}
