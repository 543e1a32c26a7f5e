//! A small Open Referral UK v3 feed over HTTP for the import tests: `/v3/services?page=&per_page=`
//! (pages of summaries, so the importer fetches each `/v3/services/{id}`), and an optional
//! failure (500) from the n-th request on. Bound before the thread starts, so no waiting.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

#[derive(Default)]
struct State {
    services: Vec<Value>,
    requests: usize,
    fail_from: Option<usize>,
}

/// The feed being served; change it between runs.
#[derive(Clone)]
pub struct FeedServer {
    state: Arc<Mutex<State>>,
    pub base: String,
}

impl FeedServer {
    pub fn start(services: Vec<Value>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}/v3", listener.local_addr().expect("address"));
        let state = Arc::new(Mutex::new(State {
            services,
            ..State::default()
        }));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                handle(stream, &shared);
            }
        });
        Self { state, base }
    }

    pub fn set_services(&self, services: Vec<Value>) {
        let mut state = self.state.lock().expect("lock");
        state.services = services;
        state.fail_from = None;
    }

    /// Every request from the `n`-th on (counting from now) answers 500.
    pub fn fail_from(&self, n: usize) {
        let mut state = self.state.lock().expect("lock");
        state.fail_from = Some(state.requests + n);
    }
}

fn handle(stream: TcpStream, state: &Mutex<State>) {
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(_) if header == "\r\n" || header == "\n" => break,
            Ok(_) => {}
        }
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or_default();
    let (status, body) = answer(target, state);
    let body = body.to_string();
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Internal Server Error",
    };
    let mut stream = reader.into_inner();
    let _ = write!(
        stream,
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

fn answer(target: &str, state: &Mutex<State>) -> (u16, Value) {
    let mut state = state.lock().expect("lock");
    state.requests += 1;
    if state.fail_from.is_some_and(|n| state.requests >= n) {
        return (500, json!({"error": "the feed broke"}));
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let param = |name: &str| {
        query
            .split('&')
            .find_map(|kv| kv.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse::<usize>().ok())
    };
    if path == "/v3/services" {
        let page = param("page").unwrap_or(1).max(1);
        let per_page = param("per_page").unwrap_or(50).max(1);
        let total = state.services.len();
        let contents: Vec<Value> = state
            .services
            .iter()
            .skip((page - 1) * per_page)
            .take(per_page)
            .map(summary)
            .collect();
        let total_pages = total.div_ceil(per_page);
        return (
            200,
            json!({
                "total_items": total, "total_pages": total_pages, "page_number": page,
                "size": contents.len(), "first_page": page == 1,
                "last_page": page >= total_pages, "empty": total == 0, "contents": contents
            }),
        );
    }
    if let Some(id) = path.strip_prefix("/v3/services/") {
        return match state.services.iter().find(|s| s["id"] == id) {
            Some(service) => (200, service.clone()),
            None => (404, json!({"error": "no such service"})),
        };
    }
    (404, json!({"error": "no such path"}))
}

/// The list form of a service: its own fields, none of the nested objects.
fn summary(service: &Value) -> Value {
    let mut summary = serde_json::Map::new();
    for key in ["id", "name", "description", "status", "url", "email"] {
        if let Some(value) = service.get(key) {
            summary.insert(key.to_owned(), value.clone());
        }
    }
    Value::Object(summary)
}
