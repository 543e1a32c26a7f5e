//! Vacancy pages, round trips: a person posts their needs (outward code and needs only) and
//! keeps a private link; an agency whose PA matches puts them forward from its console; the
//! person sees who and marks the vacancy filled; an agency opens one from a saved plan; the
//! commissioner page shows the time-to-fill table. Every form needs its token.

use awc::http::StatusCode;
use carematch_domain::{Role, SupportPlan};
use serde_json::json;

use crate::helpers::TestSite;

fn private_link(body: &str) -> String {
    let start = body.find("href=\"/vacancy/").expect("a private link") + "href=\"".len();
    let end = start + body[start..].find('"').expect("end of link");
    body[start..end].to_owned()
}

#[actix_web::test]
async fn a_person_posts_needs_an_agency_puts_a_pa_forward_and_the_person_marks_it_filled() {
    let site = TestSite::spawn().await;
    let form = site.get("/find/vacancy", &[]).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("only the first half of your postcode"),
        "what is shared is said"
    );
    assert!(!form.body.contains("name=\"name\""), "no field for a name");
    let find = site.get("/find", &[]).await;
    assert!(
        find.body.contains("href=\"/find/vacancy\""),
        "the find page links to it"
    );
    let (cookie, token) = site.anonymous_form("/find/vacancy").await;
    let fields = |outward: &'static str, token: &str| {
        vec![
            ("outward_code", outward.to_owned()),
            ("language", "guj".to_owned()),
            ("dietary_laws", "vegetarian".to_owned()),
            ("services", "personal_care".to_owned()),
            ("urgent", "1".to_owned()),
            ("when", "tue-morning".to_owned()),
            ("when", "tue-morning".to_owned()),
            ("when", "sat-evening".to_owned()),
            ("csrf", token.to_owned()),
        ]
    };
    let post = |outward: &'static str, token: String| {
        let site = &site;
        let cookie = cookie.clone();
        async move {
            let owned = fields(outward, &token);
            let pairs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
            site.post_form("/find/vacancy", &cookie, &pairs).await
        }
    };
    assert_eq!(
        post("LE4", String::new()).await.status,
        StatusCode::FORBIDDEN
    );
    let full = post("LE4 0BF", token.clone()).await;
    assert_eq!(full.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        full.body.contains("href=\"#outward_code\""),
        "{}",
        full.body
    );
    let posted = post("LE4", token.clone()).await;
    assert_eq!(posted.status, StatusCode::OK, "{}", posted.body);
    let link = private_link(&posted.body);
    let reference = link.split('/').nth(2).expect("reference").to_owned();
    let private = site.get(&link, &[]).await;
    assert_eq!(private.status, StatusCode::OK);
    assert!(private.body.contains(&reference));
    // The ticked parts of days are the vacancy's schedule (each once), as on the find page.
    let stored = site
        .store
        .vacancy_by_reference(&reference)
        .expect("read")
        .expect("the vacancy");
    let slots = stored.plan.schedule.map(|s| s.slots.len());
    assert_eq!(slots, Some(2), "tue morning and sat evening");
    assert!(private.body.contains("Nobody has been put forward yet."));
    let wrong = site.get(&format!("/vacancy/{reference}/0000"), &[]).await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);

    // An agency whose PA matches sees it with reasons and puts the PA forward.
    let mut forwarded = None;
    for agency in site.agencies.clone() {
        let (key, _) = site.key(Role::Agency, Some(agency));
        let (_, session) = site.sign_in(&key, "/agency/vacancies").await;
        let session = session.expect("signed in");
        let console = site.get("/agency/vacancies", &[("cookie", &session)]).await;
        assert_eq!(console.status, StatusCode::OK);
        let action = format!("action=\"/agency/vacancies/{reference}/forward\"");
        let Some(at) = console.body.find(&action) else {
            continue;
        };
        let rest = &console.body[at..];
        let carer_at = rest
            .find("name=\"carer_id\" value=\"")
            .expect("carer field")
            + 23;
        let carer = &rest[carer_at..carer_at + rest[carer_at..].find('"').expect("end")];
        let token = site.session_token(&session, "/agency/vacancies").await;
        let refused = site
            .post_form(
                &format!("/agency/vacancies/{reference}/forward"),
                &session,
                &[("carer_id", carer)],
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "no token");
        let done = site
            .post_form(
                &format!("/agency/vacancies/{reference}/forward"),
                &session,
                &[
                    ("carer_id", carer),
                    ("note", "Speaks Gujarati"),
                    ("csrf", &token),
                ],
            )
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        assert_eq!(
            done.header("location"),
            format!("/agency/vacancies?forwarded={reference}")
        );
        let name = site
            .store
            .get_agency(agency)
            .expect("read")
            .expect("agency")
            .profile
            .name;
        forwarded = Some(name);
        break;
    }
    let agency_name = forwarded.expect("some agency's PA matches the Gujarati post");
    let private = site.get(&link, &[]).await;
    assert!(
        private.body.contains(&agency_name),
        "the person sees who to contact"
    );
    assert!(private.body.contains("Speaks Gujarati"));

    // The person marks it filled with the page's token.
    let (cookie, token) = {
        let page = site.get(&link, &[("cookie", &cookie)]).await;
        (cookie.clone(), page.form_token().expect("token"))
    };
    let status_path = format!("{link}/status");
    let done = site
        .post_form(
            &status_path,
            &cookie,
            &[("status", "filled"), ("csrf", &token)],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let private = site.get(&link, &[]).await;
    assert!(private.body.contains("Status: filled"), "{}", private.body);
    assert!(!private.body.contains("Mark as filled"));
}

#[actix_web::test]
async fn an_agency_opens_an_urgent_vacancy_from_a_saved_plan_and_commissioners_see_time_to_fill() {
    let site = TestSite::spawn().await;
    let agency = site.agencies[0];
    let plan: SupportPlan = serde_json::from_value(json!({
        "postcode": "LE4 0BF", "max_distance_km": 5,
        "languages": [{"code": "guj", "priority": "required"}]}))
    .expect("plan");
    let location = carematch_domain::GeoPoint::new(52.66, -1.12).expect("point");
    let saved = site
        .store
        .save_plan(agency, &plan, location)
        .expect("saved");
    let (key, _) = site.key(Role::Agency, Some(agency));
    let (_, session) = site.sign_in(&key, "/agency/vacancies").await;
    let session = session.expect("signed in");
    let console = site.get("/agency", &[("cookie", &session)]).await;
    assert!(console.body.contains("href=\"/agency/vacancies\""));
    let token = site.session_token(&session, "/agency/vacancies").await;
    let id = saved.id.to_string();
    for urgent in [false, true] {
        let mut fields = vec![("saved_plan_id", id.as_str()), ("csrf", token.as_str())];
        if urgent {
            fields.push(("urgent", "1"));
        }
        let opened = site
            .post_form("/agency/vacancies/open", &session, &fields)
            .await;
        assert_eq!(opened.status, StatusCode::SEE_OTHER);
        assert!(
            opened
                .header("location")
                .starts_with("/agency/vacancies?opened=V-")
        );
    }
    let page = site.get("/agency/vacancies", &[("cookie", &session)]).await;
    let own = &page.body[page.body.find("id=\"own-title\"").expect("own list")..];
    let first_row = &own[own.find("<tbody>").expect("rows")..];
    let first_row = &first_row[..first_row.find("</tr>").expect("row end")];
    assert!(
        first_row.contains("Urgent: leaving hospital"),
        "urgent first: {first_row}"
    );
    // Another role is sent to sign in.
    let anonymous = site.get("/agency/vacancies", &[]).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);

    let (commissioner, _) = site.key(Role::Commissioner, None);
    let (_, session) = site.sign_in(&commissioner, "/commissioner").await;
    let session = session.expect("signed in");
    crate::helpers::import_open_data(&site.store);
    let map = site.get("/commissioner", &[("cookie", &session)]).await;
    assert!(
        map.body.contains("id=\"ttf-title\""),
        "the time-to-fill section"
    );
    assert!(map.body.contains("Vacancy opened to first introduction"));
    let csv = site
        .get("/commissioner/time-to-fill.csv", &[("cookie", &session)])
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.body
            .starts_with("source,measure,dimension,key,label,count,median_days,p90_days\n")
    );
    let urdu = site.get("/find/vacancy?lang=ur", &[]).await;
    assert!(urdu.body.contains("dir=\"rtl\""));
}
