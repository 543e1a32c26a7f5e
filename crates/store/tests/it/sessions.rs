//! Web sessions: stored as a hash, tied to a live key, expiring, ended by sign-out or revocation.

use carematch_domain::Role;
use chrono::Duration;

use carematch_testkit::TestDb;

#[test]
fn a_session_lives_while_its_key_does_and_until_it_expires() {
    let db = TestDb::new();
    let store = &db.store;
    let agency = store.create_agency("Mosaic").expect("agency");
    let key = store
        .create_api_key("keyhash", Role::Agency, Some(agency.id), "console")
        .expect("key");

    let expires = store
        .create_web_session("token-a", key.id, Duration::hours(8))
        .expect("session");
    let found = store
        .find_web_session("token-a")
        .expect("read")
        .expect("live");
    assert_eq!(found.key.id, key.id);
    assert_eq!(found.key.agency_id, Some(agency.id));
    assert_eq!(found.expires_at.timestamp(), expires.timestamp());
    assert!(store.find_web_session("token-b").expect("read").is_none());

    // Expired sessions are not found, and are purged when the next one opens.
    store
        .create_web_session("token-old", key.id, Duration::seconds(-1))
        .expect("expired session");
    assert!(store.find_web_session("token-old").expect("read").is_none());

    store.delete_web_session("token-a").expect("sign out");
    assert!(store.find_web_session("token-a").expect("read").is_none());
    store
        .delete_web_session("token-a")
        .expect("signing out twice is fine");

    store
        .create_web_session("token-c", key.id, Duration::hours(1))
        .expect("session");
    store.revoke_api_key(key.id).expect("revoke");
    assert!(store.find_web_session("token-c").expect("read").is_none());
    assert!(store.get_api_key(key.id).expect("read").is_none());
}
