//! Prometheus metrics through `prometheus-client`: one registry per server (tests run many servers
//! in one process), written by its Prometheus text exposition format 0.0.4 encoder.
//!
//! Label values are bounded: routes are patterns (`/v1/carers/{id}`, never raw paths; requests that
//! match no route count as `unmatched`), methods are the standard ones (others count as `OTHER`) and
//! statuses are classes (`2xx` ... `5xx`). Every metric is described in docs/operations.md.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use actix_web::http::{Method, StatusCode};
use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::MetricType;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::{ConstGauge, Gauge as AtomicGauge};
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

/// Upper bounds of the latency histogram buckets, in seconds.
const BUCKETS: [f64; 14] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The `Content-Type` of `/metrics`.
pub const CONTENT_TYPE: &str = prometheus_client::encoding::prometheus_text::CONTENT_TYPE;

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

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    route: String,
    method: &'static str,
    status: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
    method: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct VersionLabel {
    version: &'static str,
}

fn duration_histogram() -> Histogram {
    Histogram::new(BUCKETS)
}

/// Every counter, gauge and histogram of one server (shared by its workers).
pub struct Metrics {
    registry: Registry,
    started: SystemTime,
    started_at: Instant,
    requests: Family<RequestLabels, Counter>,
    durations: Family<RouteLabels, Histogram, fn() -> Histogram>,
    in_flight: AtomicGauge,
    rate_limited: Counter,
    timeouts: Counter,
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
        self.0.in_flight.dec();
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
        // `prometheus-client` adds `_total` to counter names and a full stop to help texts.
        let mut registry = Registry::default();
        let build_info = Family::<VersionLabel, AtomicGauge>::default();
        build_info
            .get_or_create(&VersionLabel {
                version: env!("CARGO_PKG_VERSION"),
            })
            .set(1);
        registry.register(
            "carematch_build_info",
            "Always 1; the version label names the running build",
            build_info,
        );
        let in_flight = AtomicGauge::default();
        registry.register(
            "carematch_http_requests_in_flight",
            "Requests being handled right now",
            in_flight.clone(),
        );
        let rate_limited = Counter::default();
        registry.register(
            "carematch_http_rate_limited",
            "Requests refused with 429 rate_limited",
            rate_limited.clone(),
        );
        let timeouts = Counter::default();
        registry.register(
            "carematch_http_timeouts",
            "Requests whose handler ran past the time limit (answered 503 timeout)",
            timeouts.clone(),
        );
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "carematch_http_requests",
            "Finished requests by route pattern, method and status class",
            requests.clone(),
        );
        let durations = Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(
            duration_histogram,
        );
        registry.register(
            "carematch_http_request_duration_seconds",
            "Time from the request reaching the server to the response head, by route pattern and method",
            durations.clone(),
        );
        Self {
            registry,
            started: SystemTime::now(),
            started_at: Instant::now(),
            requests,
            durations,
            in_flight,
            rate_limited,
            timeouts,
            gauges,
        }
    }

    /// Counts a request as in flight until the guard is dropped.
    pub fn start(&self) -> InFlight<'_> {
        self.in_flight.inc();
        InFlight(self)
    }

    /// Records one finished request.
    pub fn record(&self, route: &str, method: &Method, status: StatusCode, elapsed: Duration) {
        let class = usize::from(status.as_u16() / 100).clamp(1, 5) - 1;
        let method = method_label(method);
        let labels = RouteLabels {
            route: route.to_owned(),
            method,
        };
        self.durations
            .get_or_create(&labels)
            .observe(elapsed.as_secs_f64());
        self.requests
            .get_or_create(&RequestLabels {
                route: labels.route,
                method,
                status: CLASSES[class],
            })
            .inc();
    }

    pub fn count_rate_limited(&self) {
        self.rate_limited.inc();
    }

    pub fn count_timeout(&self) {
        self.timeouts.inc();
    }

    /// The exposition text. `extra` are gauges known only to the caller (readiness, buckets).
    pub fn render(&self, extra: &[(&'static str, &'static str, f64)]) -> String {
        let started = self
            .started
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        let mut values = vec![
            (
                "carematch_process_start_time_seconds",
                "When the server started, in seconds since the Unix epoch.",
                started,
            ),
            (
                "carematch_uptime_seconds",
                "Seconds since the server started.",
                self.started_at.elapsed().as_secs_f64(),
            ),
        ];
        values.extend_from_slice(extra);
        values.extend(
            self.gauges
                .iter()
                .filter_map(|g| (g.read)().map(|value| (g.name, g.help, value))),
        );
        // Read now, written by the same encoder as the registry's own metrics.
        let mut scrape = Registry::default();
        scrape.register_collector(Box::new(ScrapeGauges(values)));
        let mut out = String::with_capacity(8 * 1024);
        let encoded = prometheus_client::encoding::prometheus_text::encode(&mut out, &scrape)
            .and_then(|()| {
                prometheus_client::encoding::prometheus_text::encode(&mut out, &self.registry)
            });
        if encoded.is_err() {
            // Writing to a String cannot fail; a metric that could not be encoded is logged.
            tracing::warn!("a metric could not be encoded");
        }
        out
    }
}

/// Gauges whose values were read at this scrape.
#[derive(Debug)]
struct ScrapeGauges(Vec<(&'static str, &'static str, f64)>);

impl Collector for ScrapeGauges {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), fmt::Error> {
        for &(name, help, value) in &self.0 {
            let metric = encoder.encode_descriptor(name, help, None, MetricType::Gauge)?;
            // Whole numbers are written as integers (`1`, not `1.0`), as they always were.
            if value.fract() == 0.0 && value.abs() < 9.0e15 {
                ConstGauge::new(value as i64).encode(metric)?;
            } else {
                ConstGauge::new(value).encode(metric)?;
            }
        }
        Ok(())
    }
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
        metrics.count_rate_limited();
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
        assert!(text.contains(
            "carematch_http_request_duration_seconds_count{route=\"/v1/carers/{id}\",method=\"GET\"} 2\n"
        ));
        assert!(text.contains("carematch_http_rate_limited_total 1\n"));
        assert!(text.contains("# TYPE carematch_http_rate_limited_total counter\n"));
        assert!(text.contains("carematch_http_timeouts_total 0\n"));
        assert!(text.contains("carematch_test_seq 42\n"));
        assert!(text.contains("carematch_ready 1\n"));
        assert!(text.contains(&format!(
            "carematch_build_info{{version=\"{}\"}} 1\n",
            env!("CARGO_PKG_VERSION")
        )));
        assert!(text.contains("# TYPE carematch_http_request_duration_seconds histogram\n"));
        assert!(text.contains(
            "# HELP carematch_http_requests_total Finished requests by route pattern, method and status class.\n"
        ));
    }

    #[test]
    fn label_values_are_escaped() {
        let metrics = Metrics::default();
        metrics.record("/a\"b\\c\nd", &Method::GET, StatusCode::OK, Duration::ZERO);
        let text = metrics.render(&[]);
        assert!(text.contains("route=\"/a\\\"b\\\\c\\nd\""), "{text}");
    }
}
