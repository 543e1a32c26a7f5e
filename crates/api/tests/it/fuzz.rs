//! Property tests over hostile input, through the real app (issue 22): mutated carer and match
//! bodies, mutated CSV registers and random query strings never get a 5xx, every error has our
//! JSON shape, and the cases the contract names are refused (a NUL, an object sent as an array, a
//! query value that is not UTF-8 or is empty).
//!
//! Cases come from proptest strategies drawn with a fixed seed, so a run is repeatable; each is
//! sent over HTTP (proptest's runner cannot await). `FUZZ_CASES` sets the number of cases per
//! test (default 64) for a deeper local run. On PostgreSQL when `CAREMATCH_TEST_DATABASE_URL`
//! names one, like the rest of the suite.

use std::fmt::Debug;

use awc::http::StatusCode;
use carematch_domain::{CarerId, Role};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Value, json};

use crate::carers::carer;
use crate::matches::{make_key, plan, seeded_app};
use carematch_testkit::TestApp;

const TEMPLATE: &str = include_str!("../../../../docs/import-template.csv");

/// JSON text spliced in as a value: what `serde_json::Value` cannot hold (numbers out of range,
/// a lone surrogate) or would never write, and values the contract names.
const RAW_VALUES: &[&str] = &[
    r#""Mei\u0000Lam""#,
    r#""\u0000""#,
    r#""=cmd|' /C calc'!A0""#,
    r#""+44 116 496 0123""#,
    r#""- I cook""#,
    r#""@SUM(1+1)""#,
    r#""\t=1+1""#,
    r#""a,\"b\"\r\nc""#,
    r#"[["yue","native"]]"#,
    r#"[[[[[]]]]]"#,
    "{}",
    "[]",
    "null",
    "true",
    "0",
    "-1",
    "1e400",
    "-1e400",
    "1e-400",
    "18446744073709551616",
    "-9223372036854775809",
    "123456789012345678901234567890.5",
    r#""\ud800""#,
    r#""""#,
    r#""   ""#,
];

/// Pieces of text fields: NUL, formula triggers, quotes, separators, line breaks, other scripts.
const TEXT_PIECES: &[&str] = &[
    "\0",
    "\0",
    "=",
    "+",
    "-",
    "@",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "\"",
    ",",
    ";",
    "Mei",
    "廣東話",
    "",
    " ",
    "=HYPERLINK(\"http://x\")",
    "\u{202e}",
    "\u{feff}",
];

/// Text a person could type, and text nobody should.
fn nasty_text() -> impl Strategy<Value = String> {
    let piece = || prop::sample::select(TEXT_PIECES);
    prop_oneof![
        3 => (piece(), piece(), piece()).prop_map(|(a, b, c)| format!("{a}{b}{c}")),
        1 => any::<String>(),
        1 => (piece(), 1..3000_usize).prop_map(|(piece, n)| piece.repeat(n)),
    ]
}

/// The free-text fields of a carer body.
const TEXT_FIELDS: &[&str] = &[
    "/given_name",
    "/family_name",
    "/bio",
    "/external_ref",
    "/contact/phone",
    "/contact/email",
    "/checks/0/reference",
];

/// One change to a JSON body. `at` picks a place among every value of the body.
#[derive(Debug, Clone)]
enum Mutation {
    Splice {
        at: Index,
        raw: &'static str,
    },
    Text {
        at: Index,
        text: String,
    },
    /// A free-text field (when the body has it) set to `text`.
    TextField {
        field: &'static str,
        text: String,
    },
    Remove {
        at: Index,
    },
    Add {
        at: Index,
        raw: &'static str,
    },
    WrapInArray {
        at: Index,
    },
    /// On the serialised text: a byte inserted (invalid UTF-8, a NUL, a bracket...).
    Byte {
        at: Index,
        byte: u8,
    },
    /// On the serialised text: cut short.
    Cut {
        at: Index,
    },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let raw = || prop::sample::select(RAW_VALUES);
    prop_oneof![
        4 => (any::<Index>(), raw()).prop_map(|(at, raw)| Mutation::Splice { at, raw }),
        2 => (any::<Index>(), nasty_text()).prop_map(|(at, text)| Mutation::Text { at, text }),
        4 => (prop::sample::select(TEXT_FIELDS), nasty_text())
            .prop_map(|(field, text)| Mutation::TextField { field, text }),
        1 => any::<Index>().prop_map(|at| Mutation::Remove { at }),
        1 => (any::<Index>(), raw()).prop_map(|(at, raw)| Mutation::Add { at, raw }),
        1 => any::<Index>().prop_map(|at| Mutation::WrapInArray { at }),
        1 => (any::<Index>(), prop::sample::select(&[0xFF_u8, 0x80, 0xC3, 0x00, b'[', b'"', b'\\'][..]))
            .prop_map(|(at, byte)| Mutation::Byte { at, byte }),
        1 => any::<Index>().prop_map(|at| Mutation::Cut { at }),
    ]
}

/// The JSON pointer of every value in `value`, the root first.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                pointers(
                    child,
                    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// A body with its mutations applied, as bytes.
fn mutate(body: &Value, mutations: &[Mutation]) -> Vec<u8> {
    let mut body = body.clone();
    let mut spliced: Vec<&'static str> = Vec::new();
    let mut bytes_edits = Vec::new();
    for mutation in mutations {
        let mut all = Vec::new();
        pointers(&body, String::new(), &mut all);
        let place = |at: &Index| all[at.index(all.len())].clone();
        // A string no mutation writes, replaced by raw JSON text after serialising.
        let mut placeholder = |raw: &'static str| {
            spliced.push(raw);
            json!(format!("\u{1}RAW{}", spliced.len() - 1))
        };
        match mutation {
            Mutation::Splice { at, raw } => {
                let value = placeholder(raw);
                set(&mut body, &place(at), value);
            }
            Mutation::Text { at, text } => set(&mut body, &place(at), json!(text)),
            Mutation::TextField { field, text } => set(&mut body, field, json!(text)),
            Mutation::Remove { at } => remove(&mut body, &place(at)),
            Mutation::Add { at, raw } => {
                let value = placeholder(raw);
                if let Some(Value::Object(map)) = body.pointer_mut(&place(at)) {
                    map.insert("unexpected".to_owned(), value);
                }
            }
            Mutation::WrapInArray { at } => {
                if let Some(target) = body.pointer_mut(&place(at)) {
                    *target = json!([target.take()]);
                }
            }
            Mutation::Byte { .. } | Mutation::Cut { .. } => bytes_edits.push(mutation.clone()),
        }
    }
    let mut text = body.to_string();
    for (i, raw) in spliced.iter().enumerate() {
        text = text.replace(&format!("\"\\u0001RAW{i}\""), raw);
    }
    let mut bytes = text.into_bytes();
    for edit in bytes_edits {
        match edit {
            Mutation::Byte { at, byte } => {
                let at = at.index(bytes.len() + 1);
                bytes.insert(at, byte);
            }
            Mutation::Cut { at } => bytes.truncate(at.index(bytes.len() + 1)),
            _ => {}
        }
    }
    bytes
}

fn set(body: &mut Value, pointer: &str, value: Value) {
    if let Some(target) = body.pointer_mut(pointer) {
        *target = value;
    }
}

fn remove(body: &mut Value, pointer: &str) {
    let Some((parent, last)) = pointer.rsplit_once('/') else {
        return;
    };
    match body.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.remove(&last.replace("~1", "/").replace("~0", "~"));
        }
        Some(Value::Array(items)) => {
            if let Ok(i) = last.parse::<usize>()
                && i < items.len()
            {
                items.remove(i);
            }
        }
        _ => {}
    }
}

/// `FUZZ_CASES` or 64 values of `strategy`, the same every run.
fn cases<S: Strategy>(strategy: S) -> Vec<S::Value> {
    let count = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    (0..count)
        .map(|_| strategy.new_tree(&mut runner).expect("a case").current())
        .collect()
}

/// No 5xx; an error has our shape: `{"error": {"code", "message", "details": [...]}}`.
fn assert_answered_in_our_shape(input: &dyn Debug, status: StatusCode, text: &str) -> Value {
    assert!(status.as_u16() < 500, "{status} for {input:?}: {text}");
    let body: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    if status.is_client_error() {
        let error = &body["error"];
        assert!(
            error["code"].is_string()
                && error["message"].is_string()
                && error["details"].is_array(),
            "{status} without our error shape for {input:?}: {text}"
        );
    }
    body
}

async fn send(
    app: &TestApp,
    method: &str,
    path: &str,
    key: Option<&str>,
    kind: &str,
    body: Vec<u8>,
) -> (StatusCode, String) {
    let (status, _, text) = app
        .request(method, path, key, &[("Content-Type", kind)], body)
        .await;
    (status, text)
}

#[actix_web::test]
async fn mutated_carer_and_match_bodies_never_get_a_5xx() {
    let (app, agencies) = seeded_app().await;
    let key = make_key(app.engine().store(), Role::Agency, Some(agencies[0]));
    // One free-text field changed alone, so that the body is otherwise valid and the field's
    // own check is what answers; or a few changes of any kind.
    let mutations = || {
        prop_oneof![
            1 => (prop::sample::select(TEXT_FIELDS), nasty_text())
                .prop_map(|(field, text)| vec![Mutation::TextField { field, text }]),
            2 => prop::collection::vec(mutation(), 1..4),
        ]
    };
    for (i, changes) in cases(mutations()).into_iter().enumerate() {
        let body = mutate(&carer(&format!("FUZZ-{i}"), true), &changes);
        let (status, text) = send(
            &app,
            "POST",
            "/v1/carers",
            Some(&key),
            "application/json",
            body.clone(),
        )
        .await;
        assert_answered_in_our_shape(&String::from_utf8_lossy(&body), status, &text);
        check_named_refusals(&body, status, &text);
    }
    let request = json!({"plan": plan("01-cantonese-manchester-sight-loss.json"), "limit": 5});
    for changes in cases(mutations()) {
        let body = mutate(&request, &changes);
        let (status, text) = send(
            &app,
            "POST",
            "/v1/matches",
            None,
            "application/json",
            body.clone(),
        )
        .await;
        assert_answered_in_our_shape(&String::from_utf8_lossy(&body), status, &text);
        check_named_refusals(&body, status, &text);
    }
}

/// A body holding a NUL or one of the spliced arrays of arrays (neither fits anywhere in these
/// bodies) is refused.
fn check_named_refusals(body: &[u8], status: StatusCode, text: &str) {
    let body = String::from_utf8_lossy(body);
    if body.contains("\\u0000")
        || body.contains('\0')
        || body.contains(r#"[["yue","native"]]"#)
        || body.contains("[[[[[]]]]]")
    {
        assert!(
            status.is_client_error(),
            "{status} for a body with a NUL or an array of arrays: {body}\n{text}"
        );
    }
}

/// Bytes a CSV mutation inserts: quotes, separators, line breaks, formula triggers, NUL, bytes
/// that are not UTF-8.
const CSV_BYTES: &[&[u8]] = &[
    b"\"",
    b",",
    b"\n",
    b"\r\n",
    b"\r",
    b"=",
    b"+",
    b"-",
    b"@",
    b"\t",
    b"\0",
    b"\xFF",
    b"\xC3",
    b";",
    b":",
    "廣東話".as_bytes(),
    b"\"\"",
    b",,,,,,,,,,",
];

/// One change to a CSV file.
#[derive(Debug, Clone)]
enum CsvEdit {
    /// Bytes inserted anywhere.
    Insert { at: Index, bytes: &'static [u8] },
    /// Bytes inserted at the start of a cell (after a comma or a line break).
    AtCellStart { cell: Index, bytes: &'static [u8] },
    /// A byte removed; when `quote`, one of the quotes (leaving a quoted cell open).
    Remove { at: Index, quote: bool },
}

fn csv_edit() -> impl Strategy<Value = CsvEdit> {
    let bytes = || prop::sample::select(CSV_BYTES);
    prop_oneof![
        3 => (any::<Index>(), bytes()).prop_map(|(at, bytes)| CsvEdit::Insert { at, bytes }),
        3 => (any::<Index>(), bytes()).prop_map(|(cell, bytes)| CsvEdit::AtCellStart { cell, bytes }),
        2 => (any::<Index>(), any::<bool>()).prop_map(|(at, quote)| CsvEdit::Remove { at, quote }),
    ]
}

fn edit_csv(csv: &mut Vec<u8>, edit: &CsvEdit) {
    match edit {
        CsvEdit::Insert { at, bytes } => {
            let at = at.index(csv.len() + 1);
            csv.splice(at..at, bytes.iter().copied());
        }
        CsvEdit::AtCellStart { cell, bytes } => {
            let starts: Vec<usize> = (0..=csv.len())
                .filter(|i| *i == 0 || matches!(csv[i - 1], b',' | b'\n'))
                .collect();
            let at = starts[cell.index(starts.len())];
            csv.splice(at..at, bytes.iter().copied());
        }
        CsvEdit::Remove { at, quote } => {
            let candidates: Vec<usize> = (0..csv.len())
                .filter(|i| !quote || csv[*i] == b'"')
                .collect();
            if !candidates.is_empty() {
                csv.remove(candidates[at.index(candidates.len())]);
            }
        }
    }
}

#[actix_web::test]
async fn mutated_csv_registers_never_get_a_5xx() {
    let (app, agencies) = seeded_app().await;
    let key = make_key(app.engine().store(), Role::Agency, Some(agencies[0]));
    for (i, edits) in cases(prop::collection::vec(csv_edit(), 1..4))
        .into_iter()
        .enumerate()
    {
        let mut csv = TEMPLATE
            .replace("PA-000", &format!("FUZZ-{i}-"))
            .into_bytes();
        for edit in &edits {
            edit_csv(&mut csv, edit);
        }
        let (status, text) = send(
            &app,
            "POST",
            "/v1/imports/carers",
            Some(&key),
            "text/csv",
            csv.clone(),
        )
        .await;
        let body = assert_answered_in_our_shape(&String::from_utf8_lossy(&csv), status, &text);
        if status == StatusCode::CREATED {
            // What was stored never begins with a formula trigger where names and references go.
            for id in body["ids"].as_array().expect("ids") {
                let id = CarerId(id.as_i64().expect("id"));
                let stored = app
                    .engine()
                    .store()
                    .get_carer(id)
                    .expect("read")
                    .expect("stored");
                let details = stored.details;
                for text in [&details.given_name, &details.family_name]
                    .into_iter()
                    .chain(details.external_ref.as_ref())
                {
                    assert!(
                        carematch_domain::spreadsheet::formula_trigger(text).is_none(),
                        "{text:?} stored from {:?}",
                        String::from_utf8_lossy(&csv)
                    );
                }
                // No row was swallowed into another's cell: a stored bio never holds the start
                // of a row (its reference).
                assert!(
                    !details.bio.contains(&format!("FUZZ-{i}-")),
                    "a row swallowed into a bio: {:?} from {:?}",
                    details.bio,
                    String::from_utf8_lossy(&csv)
                );
            }
        }
    }
}

const PARAMETERS: &[&str] = &[
    "q",
    "language",
    "service",
    "postcode",
    "lat",
    "lon",
    "radius_km",
    "page",
    "per_page",
    "kind",
    "outward",
    "mine",
    "need",
    "max_km",
];

#[actix_web::test]
async fn random_query_strings_never_get_a_5xx() {
    let (app, _) = seeded_app().await;
    let path = prop::sample::select(&["/v1/search", "/v1/carers", "/v1/providers", "/v1/gaps"][..]);
    let parameter = (
        prop::sample::select(PARAMETERS),
        prop::collection::vec(any::<u8>(), 0..8),
    );
    let query = (path, prop::collection::vec(parameter, 0..4));
    for (path, parameters) in cases(query) {
        let encoded: Vec<String> = parameters
            .iter()
            .map(|(name, value)| {
                let value: String = value.iter().map(|b| format!("%{b:02X}")).collect();
                format!("{name}={value}")
            })
            .collect();
        let target = format!("{path}?{}", encoded.join("&"));
        let (status, _, text) = app.request("GET", &target, None, &[], "").await;
        let body = assert_answered_in_our_shape(&target, status, &text);
        // A value that is not UTF-8 once decoded is 400; one that holds a NUL or is empty (but
        // `q`) is 422 unless another is not UTF-8; either names its parameter.
        let not_text = parameters
            .iter()
            .any(|(_, v)| std::str::from_utf8(v).is_err());
        let unreadable = parameters.iter().find(|(name, value)| {
            std::str::from_utf8(value).is_err()
                || value.contains(&0)
                || (value.is_empty() && *name != "q")
        });
        if let Some((name, _)) = unreadable {
            let wanted = if not_text {
                StatusCode::BAD_REQUEST
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            assert_eq!(status, wanted, "{target}: {text}");
            let named = body["error"]["details"]
                .as_array()
                .expect("details")
                .iter()
                .any(|d| d["field"] == *name);
            assert!(named, "{target}: {text}");
        }
    }
}
