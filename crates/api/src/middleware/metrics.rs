//! Prometheus metrics, kept in memory and written by hand in the text exposition format 0.0.4.
//!
//! Label values are bounded: routes are patterns (`/v1/carers/{id}`, never raw paths; requests that
//! match no route count as `unmatched`), methods are the standard ones (others count as `OTHER`) and
//! statuses are classes (`2xx` ... `5xx`). Every metric is described in docs/operations.md.

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use actix_web::http::{Method, StatusCode};

/// Upper bounds of the latency histogram buckets, in seconds.
const BUCKETS: [f64; 14] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// A gauge read when `/metrics` is scraped, e.g. the last change-log sequence an index applied.
/// The reader returns `None` when it has no value yet (the line is then left out).
#[derive(Clone)]
pub struct Gauge {
    /// Metric name, `carematch_...`; must be a valid Prometheus name.
    pub name: &'static str,
    pub help: &'static str,
    pub read: Arc<dyn Fn() -> Option<f64> + Send + Sync>,
}

impl Gauge {
    pub fn new(
        name: &'static str,
        help: &'static str,
        read: impl Fn() -> Option<f64> + Send + Sync + 'static,
    ) -> Self {
        Self {
            name,
            help,
            read: Arc::new(read),
        }
    }
}

impl fmt::Debug for Gauge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gauge").field("name", &self.name).finish()
    }
}

#[derive(Default)]
struct RouteStats {
    /// Responses by status class: index 0 is 1xx ... 4 is 5xx.
    by_class: [u64; 5],
    /// Non-cumulative counts per bucket; the last slot is `+Inf`.
    buckets: [u64; BUCKETS.len() + 1],
    sum_seconds: f64,
    count: u64,
}

/// Every counter, gauge and histogram of one server (shared by its workers).
pub struct Metrics {
    started: SystemTime,
    started_at: Instant,
    in_flight: AtomicI64,
    rate_limited: AtomicU64,
    timeouts: AtomicU64,
    /// Route pattern -> (method, stats); a route has few methods, so they are scanned.
    routes: Mutex<HashMap<String, Vec<(&'static str, RouteStats)>>>,
    gauges: Vec<Gauge>,
}

impl fmt::Debug for Metrics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

/// Decrements the in-flight gauge when the request is over, however it ends.
pub struct InFlight<'a>(&'a Metrics);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
    }
}

fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        _ => "OTHER",
    }
}

const CLASSES: [&str; 5] = ["1xx", "2xx", "3xx", "4xx", "5xx"];

impl Metrics {
    pub fn new(gauges: Vec<Gauge>) -> Self {
        Self {
            started: SystemTime::now(),
            started_at: Instant::now(),
            in_flight: AtomicI64::new(0),
            rate_limited: AtomicU64::new(0),
            timeouts: AtomicU64::new(0),
            routes: Mutex::new(HashMap::new()),
            gauges,
        }
    }

    /// Counts a request as in flight until the guard is dropped.
    pub fn start(&self) -> InFlight<'_> {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
        InFlight(self)
    }

    /// Records one finished request.
    pub fn record(&self, route: &str, method: &Method, status: StatusCode, elapsed: Duration) {
        let class = usize::from(status.as_u16() / 100).clamp(1, 5) - 1;
        let seconds = elapsed.as_secs_f64();
        let bucket = BUCKETS
            .iter()
            .position(|&le| seconds <= le)
            .unwrap_or(BUCKETS.len());
        let method = method_label(method);
        let Ok(mut routes) = self.routes.lock() else {
            return;
        };
        if !routes.contains_key(route) {
            routes.insert(route.to_owned(), Vec::new());
        }
        let Some(methods) = routes.get_mut(route) else {
            return;
        };
        let index = match methods.iter().position(|(m, _)| *m == method) {
            Some(index) => index,
            None => {
                methods.push((method, RouteStats::default()));
                methods.len() - 1
            }
        };
        let stats = &mut methods[index].1;
        stats.by_class[class] += 1;
        stats.buckets[bucket] += 1;
        stats.sum_seconds += seconds;
        stats.count += 1;
    }

    pub fn count_rate_limited(&self) {
        self.rate_limited.fetch_add(1, Ordering::Relaxed);
    }

    pub fn count_timeout(&self) {
        self.timeouts.fetch_add(1, Ordering::Relaxed);
    }

    /// The exposition text. `extra` are gauges known only to the caller (readiness, buckets).
    pub fn render(&self, extra: &[(&str, &str, f64)]) -> String {
        let mut out = String::with_capacity(8 * 1024);
        let started = self
            .started
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        header(
            &mut out,
            "carematch_build_info",
            "gauge",
            "Always 1; the version label names the running build.",
        );
        let _ = writeln!(
            out,
            "carematch_build_info{{version=\"{}\"}} 1",
            env!("CARGO_PKG_VERSION")
        );
        gauge(
            &mut out,
            "carematch_process_start_time_seconds",
            "When the server started, in seconds since the Unix epoch.",
            started,
        );
        gauge(
            &mut out,
            "carematch_uptime_seconds",
            "Seconds since the server started.",
            self.started_at.elapsed().as_secs_f64(),
        );
        gauge(
            &mut out,
            "carematch_http_requests_in_flight",
            "Requests being handled right now.",
            self.in_flight.load(Ordering::Relaxed) as f64,
        );
        header(
            &mut out,
            "carematch_http_rate_limited_total",
            "counter",
            "Requests refused with 429 rate_limited.",
        );
        let _ = writeln!(
            out,
            "carematch_http_rate_limited_total {}",
            self.rate_limited.load(Ordering::Relaxed)
        );
        header(
            &mut out,
            "carematch_http_timeouts_total",
            "counter",
            "Requests whose handler ran past the time limit (answered 503 timeout).",
        );
        let _ = writeln!(
            out,
            "carematch_http_timeouts_total {}",
            self.timeouts.load(Ordering::Relaxed)
        );
        for (name, help, value) in extra {
            gauge(&mut out, name, help, *value);
        }
        for g in &self.gauges {
            if let Some(value) = (g.read)() {
                gauge(&mut out, g.name, g.help, value);
            }
        }
        self.render_routes(&mut out);
        out
    }

    fn render_routes(&self, out: &mut String) {
        let mut rows: Vec<_> = match self.routes.lock() {
            Ok(routes) => routes
                .iter()
                .flat_map(|(route, methods)| {
                    methods.iter().map(move |(method, s)| {
                        (
                            route.clone(),
                            *method,
                            s.by_class,
                            s.buckets,
                            s.sum_seconds,
                            s.count,
                        )
                    })
                })
                .collect(),
            Err(_) => return,
        };
        rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        header(
            out,
            "carematch_http_requests_total",
            "counter",
            "Finished requests by route pattern, method and status class.",
        );
        for (route, method, by_class, ..) in &rows {
            let route = escape(route);
            for (class, count) in CLASSES.iter().zip(by_class) {
                if *count > 0 {
                    let _ = writeln!(
                        out,
                        "carematch_http_requests_total{{route=\"{route}\",method=\"{method}\",status=\"{class}\"}} {count}"
                    );
                }
            }
        }
        header(
            out,
            "carematch_http_request_duration_seconds",
            "histogram",
            "Time from the request reaching the server to the response head, by route pattern and method.",
        );
        for (route, method, _, buckets, sum, count) in &rows {
            let route = escape(route);
            let mut cumulative = 0;
            for (le, n) in BUCKETS.iter().zip(buckets) {
                cumulative += n;
                let _ = writeln!(
                    out,
                    "carematch_http_request_duration_seconds_bucket{{route=\"{route}\",method=\"{method}\",le=\"{le}\"}} {cumulative}"
                );
            }
            let _ = writeln!(
                out,
                "carematch_http_request_duration_seconds_bucket{{route=\"{route}\",method=\"{method}\",le=\"+Inf\"}} {count}"
            );
            let _ = writeln!(
                out,
                "carematch_http_request_duration_seconds_sum{{route=\"{route}\",method=\"{method}\"}} {sum}"
            );
            let _ = writeln!(
                out,
                "carematch_http_request_duration_seconds_count{{route=\"{route}\",method=\"{method}\"}} {count}"
            );
        }
    }
}

fn header(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
}

fn gauge(out: &mut String, name: &str, help: &str, value: f64) {
    header(out, name, "gauge", help);
    let _ = writeln!(out, "{name} {value}");
}

/// Escapes a label value: backslash, double quote and newline.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_and_cumulative_histograms() {
        let metrics = Metrics::new(vec![Gauge::new("carematch_test_seq", "A test.", || {
            Some(42.0)
        })]);
        let get = Method::GET;
        metrics.record(
            "/v1/carers/{id}",
            &get,
            StatusCode::OK,
            Duration::from_millis(3),
        );
        metrics.record(
            "/v1/carers/{id}",
            &get,
            StatusCode::NOT_FOUND,
            Duration::from_millis(30),
        );
        {
            let _guard = metrics.start();
            let text = metrics.render(&[]);
            assert!(text.contains("carematch_http_requests_in_flight 1\n"));
        }
        let text = metrics.render(&[("carematch_ready", "Ready.", 1.0)]);
        assert!(text.contains("carematch_http_requests_in_flight 0\n"));
        assert!(text.contains(
            "carematch_http_requests_total{route=\"/v1/carers/{id}\",method=\"GET\",status=\"2xx\"} 1\n"
        ));
        assert!(text.contains(
            "carematch_http_requests_total{route=\"/v1/carers/{id}\",method=\"GET\",status=\"4xx\"} 1\n"
        ));
        assert!(text.contains(
            "carematch_http_request_duration_seconds_bucket{route=\"/v1/carers/{id}\",method=\"GET\",le=\"0.005\"} 1\n"
        ));
        assert!(text.contains(
            "carematch_http_request_duration_seconds_bucket{route=\"/v1/carers/{id}\",method=\"GET\",le=\"+Inf\"} 2\n"
        ));
        assert!(text.contains("carematch_test_seq 42\n"));
        assert!(text.contains("carematch_ready 1\n"));
        assert!(text.contains("# TYPE carematch_http_request_duration_seconds histogram\n"));
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
