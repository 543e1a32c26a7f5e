//! Organisations and moderators over HTTP (docs/listings.md): an organisation registers
//! (confirmed by the e-mailed link), proposes, claims and edits only through the moderation
//! queue and only its own listings; moderators decide; nothing unapproved is ever public (public
//! search, matching, the Open Referral feed, the provider by id).

use awc::http::StatusCode;
use carematch_domain::{OrganisationId, ProviderId, Role};
use carematch_store::{
    GazetteerReader, LinkPurpose, MailKind, NewApiKey, OutboxFilter, Page, Store,
};
use carematch_testkit::{TestApp, TestDb};
use serde_json::{Value, json};

use crate::carers::make_key;
use crate::providers::provider;

struct Listings {
    app: TestApp,
    store: Store,
    moderator: String,
    admin: String,
    agency: String,
    commissioner: String,
}

const MODERATOR_EMAIL: &str = "moderation@council.example";

impl Listings {
    async fn new() -> Self {
        let db = TestDb::new();
        let store = db.store.clone();
        let gazetteer = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/gazetteer.csv");
        let reader = GazetteerReader::open(std::path::Path::new(gazetteer)).expect("gazetteer");
        store.import_postcodes(reader, &|_| {}).expect("postcodes");
        let agency_id = store.create_agency("Agency A").expect("agency").id;
        let (agency, _) = make_key(&store, Role::Agency, Some(agency_id));
        let (admin, _) = make_key(&store, Role::Admin, None);
        let (commissioner, _) = make_key(&store, Role::Commissioner, None);
        let (moderator, hash) = carematch_api::auth::generate_key().expect("random");
        store
            .create_key(
                &hash,
                &NewApiKey {
                    email: Some(MODERATOR_EMAIL.into()),
                    ..NewApiKey::new(Role::Moderator, "council moderator")
                },
            )
            .expect("moderator key");
        let app = TestApp::builder().db(db).spawn().await;
        Self {
            app,
            store,
            moderator,
            admin,
            agency,
            commissioner,
        }
    }

    async fn json(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&Value>,
    ) -> (StatusCode, Value) {
        let headers: &[(&str, &str)] = if body.is_some() {
            &[("Content-Type", "application/json")]
        } else {
            &[]
        };
        let bytes = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
        let (status, _, text) = self.app.request(method, path, key, headers, bytes).await;
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    /// The mails queued to `to`, oldest first.
    fn mails_to(&self, to: &str) -> Vec<carematch_store::OutboxMessage> {
        let mut mails: Vec<_> = self
            .store
            .list_mail(OutboxFilter::default(), Page::new(1, 500))
            .expect("outbox")
            .items
            .into_iter()
            .filter(|m| m.recipient == to)
            .collect();
        mails.reverse();
        mails
    }

    /// The token of the last link mailed to `to`.
    fn last_link(&self, to: &str) -> (String, String) {
        let mail = self.mails_to(to).pop().expect("a mail");
        assert_eq!(mail.kind, MailKind::SignInLink);
        let start = mail.body.find("/account/").expect("a link");
        let path: String = mail.body[start..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect();
        let token = path.rsplit('/').next().expect("token").to_owned();
        (path, token)
    }

    /// Registers an organisation, follows its confirm link and gives it an API key.
    async fn organisation(&self, name: &str, email: &str) -> (OrganisationId, String) {
        let body = json!({"name": name, "email": email, "locale": "bn"});
        let (status, reply) = self
            .json("POST", "/v1/organisations", None, Some(&body))
            .await;
        assert_eq!(status, StatusCode::ACCEPTED, "{reply}");
        let (path, token) = self.last_link(email);
        assert!(path.starts_with("/account/confirm/"), "{path}");
        let service = self.app.state().service().clone();
        let key = service
            .follow_link(&token, LinkPurpose::Confirm)
            .expect("the link works");
        let organisation = key.organisation_id.expect("an organisation key");
        let (api_key, hash) = carematch_api::auth::generate_key().expect("random");
        self.store
            .rotate_organisation_key(organisation, &hash)
            .expect("api key");
        (organisation, api_key)
    }

    async fn submit(&self, key: &str, body: &Value) -> (StatusCode, Value) {
        self.json("POST", "/v1/submissions", Some(key), Some(body))
            .await
    }

    async fn decide(&self, key: &str, id: &Value, body: &Value) -> (StatusCode, Value) {
        self.json(
            "POST",
            &format!("/v1/submissions/{id}/decision"),
            Some(key),
            Some(body),
        )
        .await
    }

    /// Is a provider named `name` public: in public search, the Open Referral feed, matching?
    async fn public(&self, name: &str) -> [bool; 3] {
        let query = name.replace(' ', "%20");
        let (status, search) = self
            .json(
                "GET",
                &format!("/v1/search?q={query}&kind=provider"),
                None,
                None,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{search}");
        let (status, feed) = self
            .json(
                "GET",
                &format!("/openreferral/v3/services?search={query}"),
                None,
                None,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{feed}");
        let plan = json!({"plan": {
            "postcode": "LE1 1LA", "max_distance_km": 20,
            "languages": [{"code": "ben", "priority": "preferred"}],
            "services": [{"code": "luncheon_club", "priority": "preferred"}]
        }, "limit": 50});
        let (status, matched) = self.json("POST", "/v1/matches", None, Some(&plan)).await;
        assert_eq!(status, StatusCode::OK, "{matched}");
        [
            search.to_string().contains(name),
            feed.to_string().contains(name),
            matched.to_string().contains(name),
        ]
    }
}

fn club(name: &str) -> Value {
    let mut body = provider(name);
    body["staff_languages"] = json!(["ben", "eng"]);
    body["description"] = json!("দুপুরের খাবার ও আড্ডা, প্রতি মঙ্গলবার।");
    body["external_ref"] = Value::Null;
    // Taking clients as of today, so matching does not drop it as lapsed.
    let today = chrono::Utc::now().date_naive().to_string();
    body["accepting_confirmed_on"] = json!(today);
    body["last_confirmed_on"] = json!(today);
    body
}

#[actix_web::test]
async fn a_proposal_is_public_only_after_approval() {
    let w = Listings::new().await;
    let (_, key) = w.organisation("Shapla Club", "hello@shapla.example").await;
    let name = "Shapla Luncheon Club";
    let (status, submitted) = w
        .submit(
            &key,
            &json!({"kind": "propose_provider", "payload": club(name), "note": "new club"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{submitted}");
    assert_eq!(submitted["status"], "pending");
    // The moderator was told that something waits.
    assert_eq!(w.mails_to(MODERATOR_EMAIL).len(), 1);
    assert_eq!(w.public(name).await, [false, false, false]);

    // The organisation cannot decide its own submission.
    let approve = json!({"decision": "approve"});
    let (status, _) = w.decide(&key, &submitted["id"], &approve).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = w.decide(&w.agency, &submitted["id"], &approve).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = w
        .json(
            "POST",
            &format!("/v1/submissions/{}/decision", submitted["id"]),
            None,
            Some(&approve),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let (status, decided) = w.decide(&w.moderator, &submitted["id"], &approve).await;
    assert_eq!(status, StatusCode::OK, "{decided}");
    assert_eq!(decided["status"], "approved");
    assert!(decided["provider_id"].is_i64(), "{decided}");
    assert_eq!(w.public(name).await, [true, true, true]);
    // The organisation was told, in its language (Bengali).
    let told = w
        .mails_to("hello@shapla.example")
        .pop()
        .expect("decision mail");
    assert_eq!(told.kind, MailKind::Moderation);
    assert!(told.body.contains("অনুমোদিত"), "{}", told.body);
    // A second decision is a conflict.
    let (status, _) = w.decide(&w.admin, &submitted["id"], &approve).await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[actix_web::test]
async fn a_rejection_needs_a_reason_and_changes_nothing() {
    let w = Listings::new().await;
    let (_, key) = w.organisation("Wah Sum", "wahsum@example.org").await;
    let name = "Wah Sum Lunch Group";
    let (_, submitted) = w
        .submit(
            &key,
            &json!({"kind": "propose_provider", "payload": club(name)}),
        )
        .await;
    let (status, reply) = w
        .decide(
            &w.moderator,
            &submitted["id"],
            &json!({"decision": "reject"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reply}");
    assert_eq!(reply["error"]["details"][0]["field"], "reason");
    let reject = json!({"decision": "reject", "reason": "Please give the hall's postcode."});
    let (status, decided) = w.decide(&w.moderator, &submitted["id"], &reject).await;
    assert_eq!(status, StatusCode::OK, "{decided}");
    assert_eq!(decided["status"], "rejected");
    assert_eq!(decided["reason"], "Please give the hall's postcode.");
    assert_eq!(w.public(name).await, [false, false, false]);
    let told = w
        .mails_to("wahsum@example.org")
        .pop()
        .expect("decision mail");
    assert!(told.body.contains("hall's postcode"), "{}", told.body);
}

#[actix_web::test]
async fn organisations_claim_and_edit_only_through_moderation_and_only_their_own() {
    let w = Listings::new().await;
    let (org_a, key_a) = w.organisation("Org A", "a@orgs.example").await;
    let (_, key_b) = w.organisation("Org B", "b@orgs.example").await;
    // A listing imported by an agency (as from a council feed).
    let (status, held) = w
        .json(
            "POST",
            "/v1/providers",
            Some(&w.admin),
            Some(&club("Old Hall Lunches")),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{held}");
    let id = held["id"].clone();

    // Organisations cannot write providers directly.
    let path = format!("/v1/providers/{id}");
    let (status, _) = w
        .json("PUT", &path, Some(&key_a), Some(&club("Taken")))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = w
        .json("POST", "/v1/providers", Some(&key_a), Some(&club("Direct")))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Editing a listing it does not manage is 403.
    let edit =
        json!({"kind": "edit_provider", "provider_id": id, "payload": club("New Hall Lunches")});
    let (status, _) = w.submit(&key_a, &edit).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // A claim: pending changes nothing; approved makes it A's.
    let (status, claim) = w
        .submit(
            &key_a,
            &json!({"kind": "claim_provider", "provider_id": id, "note": "We run it."}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{claim}");
    let (status, _) = w
        .json(
            "GET",
            &format!("/v1/submissions/{}", claim["id"]),
            Some(&key_b),
            None,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "another organisation's submission"
    );
    let (_, theirs) = w.json("GET", "/v1/submissions", Some(&key_b), None).await;
    assert_eq!(theirs["total"], 0);
    let (_, queue) = w
        .json(
            "GET",
            "/v1/submissions?status=pending",
            Some(&w.moderator),
            None,
        )
        .await;
    assert_eq!(queue["total"], 1);
    let (status, _) = w
        .decide(&w.moderator, &claim["id"], &json!({"decision": "approve"}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let claimed = w
        .store
        .get_provider(ProviderId(id.as_i64().expect("id")))
        .expect("read")
        .expect("provider");
    assert_eq!(claimed.organisation_id, Some(org_a));

    // Now A may propose an edit; it is applied only when approved. B may not.
    let (status, _) = w.submit(&key_b, &edit).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, edited) = w.submit(&key_a, &edit).await;
    assert_eq!(status, StatusCode::CREATED, "{edited}");
    assert_eq!(w.public("New Hall Lunches").await, [false, false, false]);
    assert!(w.public("Old Hall Lunches").await[0]);
    let (status, _) = w
        .decide(&w.moderator, &edited["id"], &json!({"decision": "approve"}))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(w.public("New Hall Lunches").await, [true, true, true]);
}

#[actix_web::test]
async fn registration_reveals_nothing_and_unconfirmed_accounts_cannot_submit() {
    let w = Listings::new().await;
    let body = json!({"name": "Masjid Lunches", "email": "Lunch@Masjid.example", "locale": "ur"});
    let (status, first) = w.json("POST", "/v1/organisations", None, Some(&body)).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let (status, again) = w.json("POST", "/v1/organisations", None, Some(&body)).await;
    assert_eq!((status, &again), (StatusCode::ACCEPTED, &first));
    // One link only within the quiet period, in Urdu.
    let mails = w.mails_to("lunch@masjid.example");
    assert_eq!(mails.len(), 1);
    assert!(mails[0].subject.contains("تصدیق"), "{}", mails[0].subject);
    // The honeypot: accepted, nothing kept.
    let robot = json!({"name": "X", "email": "robot@spam.example", "fax": "1"});
    let (status, reply) = w
        .json("POST", "/v1/organisations", None, Some(&robot))
        .await;
    assert_eq!((status, reply), (StatusCode::ACCEPTED, first));
    assert!(w.mails_to("robot@spam.example").is_empty());
    // Bad fields are named.
    let (status, reply) = w
        .json(
            "POST",
            "/v1/organisations",
            None,
            Some(&json!({"name": "", "email": "nope"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reply}");

    // An unconfirmed account's key cannot submit.
    let (organisation, _) = w
        .store
        .organisation_by_email("lunch@masjid.example")
        .expect("read")
        .expect("registered");
    let (key, hash) = carematch_api::auth::generate_key().expect("random");
    w.store
        .rotate_organisation_key(organisation.id, &hash)
        .expect("key");
    let (status, reply) = w
        .submit(
            &key,
            &json!({"kind": "propose_provider", "payload": club("Masjid Lunches")}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reply}");
    assert_eq!(reply["error"]["details"][0]["code"], "email_unconfirmed");
}

#[actix_web::test]
async fn the_role_matrix_of_the_queue() {
    let w = Listings::new().await;
    let (_, org) = w.organisation("Org", "org@orgs.example").await;
    let propose = json!({"kind": "propose_provider", "payload": club("Matrix Club")});
    let (status, _) = w.submit(&w.agency, &propose).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    for key in [&w.moderator, &w.admin, &w.commissioner] {
        let (status, _) = w.submit(key, &propose).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, _) = w
        .json("POST", "/v1/submissions", None, Some(&propose))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = w.json("GET", "/v1/submissions", None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    for key in [&w.agency, &w.commissioner] {
        let (status, _) = w.json("GET", "/v1/submissions", Some(key), None).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    // Invalid payloads are named under `payload.`; an organisation may not edit a carer.
    let mut bad = club("Bad");
    bad["postcode"] = json!("ZZ9 9ZZ");
    let (status, reply) = w
        .submit(&org, &json!({"kind": "propose_provider", "payload": bad}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reply}");
    assert!(reply.to_string().contains("payload.postcode"), "{reply}");
    let (status, _) = w
        .submit(&org, &json!({"kind": "edit_carer", "payload": {}}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, mine) = w.submit(&org, &propose).await;
    assert_eq!(status, StatusCode::CREATED);
    for key in [&w.moderator, &w.admin, &org] {
        let (status, _) = w
            .json(
                "GET",
                &format!("/v1/submissions/{}", mine["id"]),
                Some(key),
                None,
            )
            .await;
        assert_eq!(status, StatusCode::OK);
    }
}
