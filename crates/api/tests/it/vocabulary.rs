//! `GET /v1/vocabulary`.

use awc::http::StatusCode;
use carematch_domain::vocabulary::VOCABULARY_VERSION;

use carematch_testkit::TestApp;

#[actix_web::test]
async fn lists_every_code_with_labels_and_autonyms() {
    let app = TestApp::spawn().await;
    let (status, body) = app.get("/v1/vocabulary").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["version"], VOCABULARY_VERSION);
    let languages = body["language"].as_array().expect("languages");
    let yue = languages
        .iter()
        .find(|l| l["code"] == "yue")
        .expect("Cantonese");
    assert_eq!(yue["label_en"], "Cantonese");
    assert_eq!(yue["autonym"], "廣東話");
    for list in [
        "cuisine",
        "diet",
        "faith",
        "faith_practice",
        "service",
        "experience",
        "check",
        "community",
        "provider_kind",
        "gender",
        "travel_mode",
        "employment_status",
        "weekday",
        "proficiency",
    ] {
        let codes = body[list].as_array().unwrap_or_else(|| panic!("{list}"));
        assert!(!codes.is_empty(), "{list}");
        for code in codes {
            assert!(
                code["code"].is_string() && code["label_en"].is_string(),
                "{list}"
            );
        }
    }
    assert!(
        body["diet"]
            .as_array()
            .expect("diets")
            .iter()
            .any(|d| d["code"] == "halal")
    );
}
