//! `POST /v1/imports/carers` over HTTP: all or nothing, every bad row listed by line and column.

use std::time::Instant;

use awc::http::StatusCode;
use carematch_store::{CarerFilter, Page};
use serde_json::Value;

use crate::carers::World;

const TEMPLATE: &str = include_str!("../../../../docs/import-template.csv");

/// Postcodes from the demo gazetteer, so every generated row locates.
const POSTCODES: &[&str] = &[
    "LE1 1LA", "LE1 1LE", "LE1 1QD", "LE1 1QP", "B1 1FZ", "B1 1QJ",
];
const LANGUAGES: &[&str] = &[
    "yue:native;eng:fluent",
    "syl:native;ben:fluent:reads",
    "pan:native;urd:conversational;eng:fluent",
    "pol:native;eng:conversational",
    "som:native;ara:basic:reads:writes",
];

/// A register of `rows` carers in the template's format (header from the template).
pub fn register(rows: usize) -> String {
    // Optional columns may be left out: these rows do without the capacity, diet, LGBT+ and
    // website ones.
    let optional = [
        "medical_diets",
        "lgbt_inclusive",
        "accepting_new_clients",
        "accepting_confirmed_on",
        "website",
    ];
    let header = TEMPLATE.lines().next().expect("header");
    let header: Vec<&str> = header
        .split(',')
        .filter(|c| !optional.contains(c))
        .collect();
    let mut out = String::with_capacity(rows * 400);
    out.push_str(&header.join(","));
    out.push('\n');
    for i in 0..rows {
        let consent = if i % 3 == 0 { "no" } else { "yes" };
        out.push_str(&format!(
            "GEN-{i:06},Given{i},Family{i},{gender},{languages},cantonese;british,halal,,,prayer_times,personal_care;meal_preparation,dementia,dbs_enhanced:2099-03-31:REF{i};right_to_work:2099-01-01,mon 09:00-13:00;fri 22:00-07:00 overnight,{hours},2026-12-01,{postcode},{radius},car,{pounds}.{pence:02},self_employed,{consent},2026-11-01,\"Bio, with a comma, number {i}\",0116 496 {phone:04},carer{i}@example.org\n",
            gender = ["female", "male", "non_binary"][i % 3],
            languages = LANGUAGES[i % LANGUAGES.len()],
            hours = 4 + i % 40,
            postcode = POSTCODES[i % POSTCODES.len()],
            radius = 3 + i % 20,
            pounds = 11 + i % 8,
            pence = (i * 7) % 100,
            phone = i % 10_000,
        ));
    }
    out
}

async fn upload(w: &World, key: Option<&str>, csv: String) -> (StatusCode, Value) {
    let (status, _, text) = w
        .app
        .request(
            "POST",
            "/v1/imports/carers",
            key,
            &[("Content-Type", "text/csv; charset=utf-8")],
            csv.into_bytes(),
        )
        .await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn stored(w: &World) -> u64 {
    w.store
        .list_carers(&CarerFilter::default(), Page::new(1, 1))
        .expect("list")
        .total
}

#[actix_web::test]
async fn the_template_imports_and_a_second_import_clashes_on_external_ref() {
    let w = World::new().await;
    let (status, body) = upload(&w, Some(&w.key_a), TEMPLATE.to_owned()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["imported"], 2);
    assert_eq!(body["ids"].as_array().map(Vec::len), Some(2));
    let (_, mine) = w.json("GET", "/v1/carers", Some(&w.key_a), None).await;
    assert_eq!(mine["total"], 2);
    assert_eq!(mine["items"][0]["external_ref"], "PA-0001");
    assert_eq!(mine["items"][0]["hourly_rate"], 1350);
    assert_eq!(mine["items"][1]["hourly_rate"], 1400);
    assert_eq!(mine["items"][0]["availability"][2]["overnight"], true);

    let (status, body) = upload(&w, Some(&w.key_a), TEMPLATE.to_owned()).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["error"]["code"], "conflict");
    let details = body["error"]["details"].as_array().expect("details");
    assert_eq!(details.len(), 2);
    assert_eq!(details[0]["line"], 2);
    assert_eq!(details[0]["column"], "external_ref");
    assert_eq!(details[1]["line"], 3);
    assert_eq!(stored(&w), 2);
    // Another agency may use the same references.
    let (status, _) = upload(&w, Some(&w.key_b), TEMPLATE.to_owned()).await;
    assert_eq!(status, StatusCode::CREATED);
}

#[actix_web::test]
async fn one_bad_row_rejects_the_file_and_every_bad_row_is_listed() {
    let w = World::new().await;
    let good = register(40);
    let mut lines: Vec<String> = good.lines().map(str::to_owned).collect();
    // Line numbers are 1-based with the header on line 1: row i is on line i + 2.
    lines[6] = lines[6].replacen("yue:native", "xx:native", 1); // line 7
    lines[12] = lines[12].replacen("mon 09:00-13:00", "mon 13:00-09:00", 1); // line 13
    lines[20] = lines[20].replacen(",car,", ",hovercraft,", 1); // line 21
    lines[31] = lines[31].replacen(",LE1 1LA,", ",ZE3 9XX,", 1); // line 32: unknown postcode
    let csv = lines.join("\n") + "\n";
    let (status, body) = upload(&w, Some(&w.key_a), csv).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["code"], "import_rejected");
    let places: Vec<(u64, String)> = body["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().expect("line"),
                d["column"].as_str().expect("column").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            (7, "languages".to_owned()),
            (13, "availability".to_owned()),
            (21, "travel_mode".to_owned()),
            (32, "postcode".to_owned()),
        ],
        "{body}"
    );
    assert_eq!(stored(&w), 0);

    // With the parse errors fixed, the unknown postcode is reported, still nothing stored.
    let mut lines: Vec<String> = good.lines().map(str::to_owned).collect();
    lines[31] = lines[31].replacen(",LE1 1LA,", ",ZE3 9XX,", 1);
    let (status, body) = upload(&w, Some(&w.key_a), lines.join("\n")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["details"][0]["line"], 32);
    assert_eq!(body["error"]["details"][0]["column"], "postcode");
    assert_eq!(stored(&w), 0);
}

#[actix_web::test]
async fn one_upload_lists_every_problem_with_suggestions_postcodes_included() {
    let w = World::new().await;
    let good = register(10);
    let mut lines: Vec<String> = good.lines().map(str::to_owned).collect();
    // Line 2: an abbreviated gender AND an unknown postcode in the same row.
    lines[1] = lines[1]
        .replacen(",female,", ",F,", 1)
        .replacen(",LE1 1LA,", ",ZE3 9XX,", 1);
    // Line 4: a language by its English name; a misspelt food rule.
    lines[3] = lines[3]
        .replacen("pan:native", "cantonese", 1)
        .replacen(",halal,", ",halall,", 1);
    let (status, body) = upload(&w, Some(&w.key_a), lines.join("\n")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let details = body["error"]["details"].as_array().expect("details");
    let found: Vec<(u64, &str, &str)> = details
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().expect("line"),
                d["column"].as_str().expect("column"),
                d["reason"].as_str().expect("reason"),
            )
        })
        .collect();
    let reason = |line: u64, column: &str| {
        found
            .iter()
            .find(|(l, c, _)| *l == line && *c == column)
            .map(|(_, _, r)| *r)
            .unwrap_or_else(|| panic!("no problem at line {line}, {column}: {body}"))
    };
    // The postcode of a row with another problem is checked in the same pass.
    assert!(reason(2, "gender").contains("did you mean `female` (Female)?"));
    assert!(reason(2, "postcode").contains("ZE3 9XX"));
    assert!(reason(4, "languages").contains("did you mean `yue` (Cantonese)?"));
    // "cantonese" is also a cuisine: the reason says so.
    assert!(reason(4, "languages").contains("fits the `cuisines` column"));
    assert!(reason(4, "dietary_laws").contains("did you mean `halal` (Halal)?"));
    assert_eq!(found.len(), 4, "{body}");
    assert_eq!(stored(&w), 0);
}

#[actix_web::test]
async fn imports_need_an_agency_key_csv_and_a_sane_size() {
    let w = World::new().await;
    let (status, _) = upload(&w, None, TEMPLATE.to_owned()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = upload(&w, Some(&w.commissioner), TEMPLATE.to_owned()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, text) = w
        .app
        .request(
            "POST",
            "/v1/imports/carers",
            Some(&w.key_a),
            &[("Content-Type", "application/json")],
            b"{}".to_vec(),
        )
        .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{text}");
    let big = register(30_000);
    assert!(big.len() > 10 * 1024 * 1024);
    let (status, body) = upload(&w, Some(&w.key_a), big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert_eq!(stored(&w), 0);
}

/// 10,000 rows in the template format. Prints the time taken (measure in release:
/// `cargo test --release -p carematch-api --test it ten_thousand -- --nocapture`); asserts none.
#[actix_web::test]
async fn ten_thousand_rows_import_in_one_request() {
    let w = World::new().await;
    let csv = register(10_000);
    let bytes = csv.len();
    let started = Instant::now();
    let (status, body) = upload(&w, Some(&w.key_a), csv).await;
    let elapsed = started.elapsed();
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["imported"], 10_000);
    assert_eq!(stored(&w), 10_000);
    println!("imported 10,000 rows ({bytes} bytes) in {elapsed:.2?}");
    let (_, public) = w.json("GET", "/v1/carers?per_page=1", None, None).await;
    assert_eq!(public["total"], 6_666);
}
