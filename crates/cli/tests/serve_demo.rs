//! `carematch serve --demo` on a fresh database: the demo fixtures and the demo's open data
//! are loaded, so the gap map has areas at once, and an unknown postcode names the demo areas.
//!
//! Runs the real binary on SQLite, and on PostgreSQL when `CAREMATCH_TEST_DATABASE_URL` names a
//! server (as in `.ci/run`). No sleeps: the test reads the server's log until it says where it
//! listens.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use carematch_testkit::TestDb;

mod support;

/// Stops the server however the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `GET path` with an optional bearer key, over HTTP/1.0 (so the body is neither chunked nor
/// kept alive): the status line and the body.
fn get(address: &str, path: &str, key: Option<&str>) -> (String, String) {
    let mut stream = TcpStream::connect(address).expect("connect");
    let auth = key.map_or(String::new(), |k| format!("Authorization: Bearer {k}\r\n"));
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {address}\r\n{auth}\r\n"
    )
    .expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    (
        head.lines().next().unwrap_or("").to_owned(),
        body.to_owned(),
    )
}

#[test]
fn serve_demo_gives_a_commissioner_map_with_areas() {
    let db = TestDb::new();
    let dir = tempfile::tempdir().expect("working folder");
    support::succeeds(&db.url, dir.path(), &["migrate"]);
    let created = support::succeeds(
        &db.url,
        dir.path(),
        &["keys", "create", "--role", "commissioner"],
    );
    let key = created.lines().last().expect("the key").trim().to_owned();

    let child = Command::new(env!("CARGO_BIN_EXE_carematch"))
        .args(["serve", "--demo"])
        .current_dir(dir.path())
        .env_clear()
        .env("CAREMATCH_DATABASE_URL", &db.url)
        .env("CAREMATCH_BIND", "127.0.0.1:0")
        .env("CAREMATCH_INDEX_DIR", dir.path().join("index"))
        .env("CAREMATCH_LOG", "info")
        .env("CAREMATCH_LOG_FORMAT", "json")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start carematch serve --demo");
    let mut server = Server(child);
    // The log is read on a thread to the end (the pipe stays open while the server runs); the
    // address comes back over a channel as soon as the server says where it listens.
    let stderr = server.0.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains("carematch is listening") {
                let event: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
                let _ = tx.send(event["address"].as_str().map(str::to_owned));
            }
        }
    });
    let address = rx.recv().ok().flatten();
    let address = address.expect("the server says where it listens");

    let (status, body) = get(&address, "/v1/gaps?need=language:yue&max_km=10", Some(&key));
    assert!(status.contains(" 200 "), "{status}: {body}");
    let report: serde_json::Value = serde_json::from_str(&body).expect("GeoJSON");
    let names: Vec<&str> = report["features"]
        .as_array()
        .expect("features")
        .iter()
        .filter_map(|f| f["properties"]["name"].as_str())
        .collect();
    for area in [
        "Tower Hamlets",
        "Newham",
        "Brent",
        "City of Bristol",
        "Birmingham",
        "Manchester",
    ] {
        assert!(names.contains(&area), "{area} in {names:?}");
    }
    let tower_hamlets = report["features"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["properties"]["code"] == "E09000030"))
        .expect("Tower Hamlets");
    // The published Census 2021 figure (TS024, Cantonese) for Tower Hamlets.
    assert_eq!(tower_hamlets["properties"]["demand"], 954);

    let (status, page) = get(&address, "/find?postcode=SW1A+1AA&lang=en", None);
    assert!(status.contains(" 422 "), "{status}");
    assert!(page.contains("BS5 0JH"), "the demo areas are named");
}
