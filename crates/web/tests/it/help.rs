//! The help pages (docs/web.md, "Help pages"): every topic in every language with its sources,
//! and a council's own wording laid over the built-in texts from `help_dir`.

use actix_web::http::StatusCode;
use carematch_testkit::TestApp;
use carematch_web::help::{HelpError, HelpTexts, Topic};

async fn get(app: &TestApp, path: &str) -> (StatusCode, String) {
    let (status, _, body) = app.request("GET", path, None, &[], Vec::new()).await;
    (status, body)
}

#[actix_web::test]
async fn every_topic_is_served_in_every_language_with_its_sources() {
    let app = TestApp::builder().spawn().await;
    let (status, index) = get(&app, "/help?lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        index.contains("Help with care and direct payments"),
        "{index}"
    );
    for topic in Topic::ALL {
        assert!(index.contains(&format!("href=\"/help/{}\"", topic.slug())));
    }
    // The header links to help on every page.
    let (_, find) = get(&app, "/find?lang=en").await;
    assert!(find.contains(r#"<a href="/help">Help</a>"#), "nav link");

    for lang in [
        "en", "zh-Hant", "zh-Hans", "pa", "ur", "bn", "gu", "so", "pl",
    ] {
        for topic in Topic::ALL {
            let path = format!("/help/{}?lang={lang}", topic.slug());
            let (status, page) = get(&app, &path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            assert!(page.contains(&format!("<html lang=\"{lang}\"")), "{path}");
            // Sources are cited with their addresses, marked as English documents.
            assert!(
                page.contains(r#"lang="en" hreflang="en""#),
                "{path}: sources"
            );
            assert!(page.contains("https://www."), "{path}: a source address");
            // Lists are real lists: several items.
            assert!(page.matches("<li>").count() >= 4, "{path}: list items");
            // No message id left unformatted.
            assert!(!page.contains(">help-"), "{path}: a raw message id");
        }
    }
    let (_, family) = get(&app, "/help/family-as-pa?lang=en").await;
    assert!(family.contains("living elsewhere") || family.contains("lives elsewhere"));
    assert!(family.contains("only if the council decides it is necessary"));
    assert!(family.contains("legislation.gov.uk/uksi/2014/2871/regulation/3"));
    let (_, urdu) = get(&app, "/help/family-as-pa?lang=ur").await;
    assert!(urdu.contains(r#"dir="rtl""#));
    assert!(urdu.contains("خاندان کے فرد کو پی اے کے طور پر کب ادائیگی ہو سکتی ہے"));

    let (status, _) = get(&app, "/help/no-such-topic").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

fn write(dir: &std::path::Path, tag: &str, text: &str) {
    let folder = dir.join(tag);
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(folder.join("help.ftl"), text).expect("write");
}

#[actix_web::test]
async fn a_council_replaces_messages_and_adds_its_own_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "en",
        "help-council = Call Leicester's direct payment support service on 0116 496 0000.\n\
         help-family-household = In Leicester, ask your social worker first.\n",
    );
    write(
        dir.path(),
        "so",
        "help-council = Wac adeegga taageerada ee Leicester: 0116 496 0000.\n",
    );
    let help = HelpTexts::load(Some(dir.path())).expect("the council's texts load");
    let app = TestApp::builder()
        .config(|config| config.pages = Some(carematch_web::pages(help)))
        .spawn()
        .await;

    let (_, english) = get(&app, "/help/family-as-pa?lang=en").await;
    assert!(english.contains("In Leicester, ask your social worker first."));
    assert!(!english.contains("only if the council decides it is necessary"));
    assert!(english.contains("0116 496 0000"), "the council's note");
    // What the council did not replace stays as built in.
    assert!(english.contains("A relative who lives elsewhere"));
    let (_, somali) = get(&app, "/help?lang=so").await;
    assert!(somali.contains("Wac adeegga taageerada ee Leicester"));
    // A language the council wrote nothing in keeps its own texts, and shows the council's
    // note in English rather than none.
    let (_, polish) = get(&app, "/help/family-as-pa?lang=pl").await;
    assert!(polish.contains("Krewny mieszkający z Tobą"));
    assert!(polish.contains("Call Leicester's direct payment support service"));

    // Without a council folder there is no note.
    let plain = TestApp::builder().spawn().await;
    let (_, page) = get(&plain, "/help?lang=en").await;
    assert!(!page.contains("0116 496 0000"));
}

#[test]
fn a_council_file_with_a_mistake_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "ur", "help-famly-title = misspelt\n");
    match HelpTexts::load(Some(dir.path())) {
        Err(HelpError::UnknownMessage { path, id, .. }) => {
            assert!(path.ends_with("ur/help.ftl"), "{}", path.display());
            assert_eq!(id, "help-famly-title");
        }
        other => panic!("expected an unknown message, got {other:?}"),
    }
    write(dir.path(), "ur", "help-title = { broken\n");
    let error = HelpTexts::load(Some(dir.path())).expect_err("a syntax error");
    assert!(matches!(error, HelpError::Syntax { .. }), "{error}");
    assert!(error.to_string().contains("help.ftl"), "{error}");
    let missing = dir.path().join("no-such-folder");
    assert!(matches!(
        HelpTexts::load(Some(&missing)),
        Err(HelpError::NotAFolder { .. })
    ));
}
