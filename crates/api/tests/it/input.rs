//! Hostile input over HTTP (issue 22): NUL characters, objects sent as arrays, query strings that
//! cannot be read, over-long targets and CSV files that try to swallow rows or smuggle formulas.
//! Each gets our JSON error shape with a clear status, code and place, never a 5xx, on SQLite and
//! PostgreSQL alike.

use std::io::{Read, Write};

use awc::http::StatusCode;
use carematch_api::long_target::MAX_TARGET_BYTES;
use carematch_store::{CarerFilter, Page};
use serde_json::{Value, json};

use crate::carers::{World, carer};
use crate::providers::provider;

const TEMPLATE: &str = include_str!("../../../../docs/import-template.csv");

/// The `(field, code)` of every entry in an error's details.
fn details(body: &Value) -> Vec<(String, String)> {
    entries(body, "field", "code")
}

/// The `(column, line)` of every row of an import's error details.
fn rows(body: &Value) -> Vec<(String, String)> {
    entries(body, "column", "line")
}

fn entries(body: &Value, place: &str, what: &str) -> Vec<(String, String)> {
    body["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .map(|d| {
            let text = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            (text(&d[place]), text(&d[what]))
        })
        .collect()
}

fn stored(w: &World) -> u64 {
    w.store
        .list_carers(&CarerFilter::default(), Page::new(1, 1))
        .expect("list")
        .total
}

#[actix_web::test]
async fn a_nul_in_any_text_field_is_422_naming_the_field() {
    let w = World::new().await;
    for (field, value) in [
        ("/given_name", "Mei\u{0}"),
        ("/family_name", "\u{0}"),
        ("/bio", "I cook\u{0}"),
        ("/external_ref", "PA-\u{0}"),
        ("/contact/email", "mei\u{0}@example.org"),
        ("/checks/0/reference", "DBS\u{0}"),
    ] {
        let mut body = carer("PA-1", true);
        *body.pointer_mut(field).expect(field) = json!(value);
        let (status, reply) = w
            .json("POST", "/v1/carers", Some(&w.key_a), Some(&body))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {reply}");
        assert_eq!(reply["error"]["code"], "validation_failed");
        let expected = field
            .trim_start_matches('/')
            .replace("/0/", "[0].")
            .replace('/', ".");
        assert_eq!(
            details(&reply),
            [(expected, "invalid_format".to_owned())],
            "{reply}"
        );
    }
    let mut body = provider("Wah\u{0}Sum");
    body["contact"]["website"] = json!("https://example.org/\u{0}");
    let (status, reply) = w
        .json("POST", "/v1/providers", Some(&w.key_a), Some(&body))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reply}");
    let fields: Vec<String> = details(&reply).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["name", "contact.website"], "{reply}");
    assert_eq!(stored(&w), 0);
}

#[actix_web::test]
async fn objects_sent_as_arrays_are_422_invalid_type() {
    let w = World::new().await;
    for (pointer, array) in [
        ("/languages", json!([["yue", "native"]])),
        ("/checks", json!([["dbs_enhanced", "2099-01-01"]])),
        ("/availability", json!([["mon", "09:00", "13:00"]])),
    ] {
        let mut body = carer("PA-1", true);
        *body.pointer_mut(pointer).expect(pointer) = array;
        let (status, reply) = w
            .json("POST", "/v1/carers", Some(&w.key_a), Some(&body))
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{pointer}: {reply}"
        );
        let field = format!("{}[0]", pointer.trim_start_matches('/'));
        assert_eq!(
            details(&reply),
            [(field, "invalid_type".to_owned())],
            "{reply}"
        );
    }
    // The whole body as an array of its field values in order.
    let values: Vec<Value> = carer("PA-1", true)
        .as_object()
        .expect("object")
        .values()
        .cloned()
        .collect();
    let (status, reply) = w
        .json(
            "POST",
            "/v1/carers",
            Some(&w.key_a),
            Some(&Value::Array(values)),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reply}");
    assert_eq!(
        details(&reply),
        [("body".to_owned(), "invalid_type".to_owned())]
    );
    assert_eq!(stored(&w), 0);
}

#[actix_web::test]
async fn query_parameters_that_cannot_be_read_are_400_or_422_naming_them() {
    let w = World::new().await;
    // Not UTF-8: 400 bad_request. Text the schema allows but the field does not (empty, NUL):
    // 422 validation_failed.
    let (bad, invalid) = (StatusCode::BAD_REQUEST, StatusCode::UNPROCESSABLE_ENTITY);
    for (path, field, code, status_wanted) in [
        ("/v1/search?q=%FF", "q", "invalid_encoding", bad),
        ("/v1/search?q=caf%C3", "q", "invalid_encoding", bad),
        ("/v1/search?language=", "language", "empty", invalid),
        (
            "/v1/search?language=yue&postcode=LE1%00",
            "postcode",
            "invalid_format",
            invalid,
        ),
        ("/v1/carers?language=", "language", "empty", invalid),
        ("/v1/carers?outward=%FF", "outward", "invalid_encoding", bad),
        ("/v1/providers?page=", "page", "empty", invalid),
        (
            "/v1/plans?per_page=%FE",
            "per_page",
            "invalid_encoding",
            bad,
        ),
    ] {
        // A method no route answers is 405 whatever its query string.
        for method in ["TRACE", "PATCH"] {
            let (status, _) = w.json(method, path, None, None).await;
            assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
        }
        if path.starts_with("/v1/search") {
            let (status, _) = w.json("PUT", path, None, None).await;
            assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "PUT {path}");
        }
        let (status, body) = w.json("GET", path, None, None).await;
        assert_eq!(status, status_wanted, "{path}: {body}");
        let wanted_code = if status_wanted == bad {
            "bad_request"
        } else {
            "validation_failed"
        };
        assert_eq!(body["error"]["code"], wanted_code, "{path}");
        assert_eq!(
            details(&body),
            [(field.to_owned(), code.to_owned())],
            "{path}: {body}"
        );
    }
}

/// Sends raw bytes on a connection of its own and reads one response (status and body), then,
/// when given, sends `then` on the same connection and reads its status.
fn raw_exchange(address: &str, request: &[u8], then: Option<&[u8]>) -> (u16, Value, Option<u16>) {
    let address = address.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .expect("timeout");
    stream.write_all(request).expect("send");
    let (status, body) = read_response(&mut stream);
    let second = then.map(|then| {
        stream.write_all(then).expect("send again");
        read_response(&mut stream).0
    });
    (
        status,
        serde_json::from_slice(&body).unwrap_or(Value::Null),
        second,
    )
}

/// One response with a `Content-Length` body.
fn read_response(stream: &mut std::net::TcpStream) -> (u16, Vec<u8>) {
    let mut received = Vec::new();
    let mut byte = [0_u8; 1];
    while !received.ends_with(b"\r\n\r\n") {
        let n = stream.read(&mut byte).expect("read the head");
        assert_eq!(n, 1, "closed before the head ended: {received:?}");
        received.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&received).to_ascii_lowercase();
    let status = head[9..12].parse().expect("status");
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map_or(0, |v| v.trim().parse().expect("length"));
    let mut body = vec![0_u8; length];
    stream.read_exact(&mut body).expect("read the body");
    (status, body)
}

#[actix_web::test]
async fn over_long_targets_are_414_in_our_json_shape() {
    let w = World::new().await;
    let health = b"GET /v1/health HTTP/1.1\r\nHost: test\r\n\r\n".to_vec();
    // A request with a body it did not read is answered and its connection closed, as actix
    // does for every early answer; without one, the connection stays usable.
    for (target_len, method, body) in [
        (1024 * 1024, "GET", ""),
        (MAX_TARGET_BYTES + 1, "GET", ""),
        (200 * 1024, "POST", "{\"plan\": {}}"),
    ] {
        let target = format!("/v1/search?q={}", "a".repeat(target_len));
        let request = format!(
            "{method} {target} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let address = w.app.address.clone();
        let then = body.is_empty().then(|| health.clone());
        let (status, reply, next) = actix_web::rt::task::spawn_blocking(move || {
            raw_exchange(&address, request.as_bytes(), then.as_deref())
        })
        .await
        .expect("client thread");
        assert_eq!(status, 414, "{target_len}: {reply}");
        assert_eq!(reply["error"]["code"], "uri_too_long", "{reply}");
        assert!(reply["error"]["details"].is_array());
        if body.is_empty() {
            assert_eq!(
                next,
                Some(200),
                "the connection stays usable after {target_len} bytes"
            );
        }
    }
    // At the limit, the request is read as usual.
    let target = format!("/v1/vocabulary?x={}", "a".repeat(MAX_TARGET_BYTES - 17));
    assert_eq!(target.len(), MAX_TARGET_BYTES);
    let (status, _) = w.json("GET", &target, None, None).await;
    assert_eq!(status, StatusCode::OK);
}

/// The template's header and two rows.
fn template() -> (String, String, String) {
    let mut lines = TEMPLATE.lines().map(str::to_owned);
    let mut next = || lines.next().expect("a template line");
    (next(), next(), next())
}

async fn upload(w: &World, csv: Vec<u8>) -> (StatusCode, Value) {
    let (status, _, text) = w
        .app
        .request(
            "POST",
            "/v1/imports/carers",
            Some(&w.key_a),
            &[("Content-Type", "text/csv")],
            csv,
        )
        .await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[actix_web::test]
async fn an_import_cannot_swallow_rows_or_smuggle_formulas_nul_or_bad_utf8() {
    let w = World::new().await;
    let (header, first, second) = template();
    let bio = "\"I cook Cantonese home food and have cared for my grandmother, who had dementia.\"";

    // An unclosed quote in the first bio would carry the second row (with its phone and faith)
    // into a public bio.
    let unclosed = first.replace(bio, bio.trim_end_matches('"'));
    let (status, body) = upload(&w, format!("{header}\n{unclosed}\n{second}\n").into()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["code"], "import_rejected");
    assert_eq!(rows(&body), [("bio".to_owned(), "2".to_owned())], "{body}");
    assert_eq!(stored(&w), 0);

    let bad = [
        first.replacen("Mei", "=HYPERLINK(\"http://evil.example\")", 1),
        second.replacen("Abdul", "Abd\u{0}ul", 1),
        first
            .replacen("PA-0001", "PA-0003", 1)
            .replacen("Lam", "L\u{1}m", 1),
        second.replacen("PA-0002", "PA-0004", 1) + ",one too many",
    ];
    let mut csv = format!("{header}\n{}\n", bad.join("\n")).into_bytes();
    // Not UTF-8: a lone continuation byte where the marker is.
    let at = csv.iter().position(|b| *b == 1).expect("marker");
    csv[at] = 0x80;
    let (status, body) = upload(&w, csv).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        rows(&body),
        [
            ("given_name".to_owned(), "2".to_owned()),
            ("given_name".to_owned(), "3".to_owned()),
            ("family_name".to_owned(), "4".to_owned()),
            (String::new(), "5".to_owned()),
        ],
        "{body}"
    );
    assert_eq!(stored(&w), 0);

    // Text that only looks like a formula where it is ordinary: stored as written.
    let allowed = first
        .replace("0116 496 0123", "+44 116 496 0123")
        .replace(bio, "\"- I cook Cantonese home food.\"");
    let (status, body) = upload(&w, format!("{header}\n{allowed}\n").into()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["ids"][0].as_i64().expect("id");
    let (_, carer) = w
        .json("GET", &format!("/v1/carers/{id}"), Some(&w.key_a), None)
        .await;
    assert_eq!(carer["bio"], "- I cook Cantonese home food.");
    assert_eq!(carer["contact"]["phone"], "+44 116 496 0123");
}
