//! The address a request was sent to (scheme and host), as the browser saw it.
//!
//! Behind a reverse proxy the `Host` header and the connection describe the hop from the proxy,
//! so the proxy says what the browser asked for in `Forwarded` (RFC 7239) or
//! `X-Forwarded-Host`/`X-Forwarded-Proto`. Anyone can send those headers, so they are believed
//! only when the direct peer is one of the `trusted_proxies` (the same setting that decides
//! whose `X-Forwarded-For` the rate limiter believes). From any other peer the site is the
//! `Host` header and the connection's own scheme.
//!
//! actix's `ConnectionInfo` believes those headers from anyone; use [`Site::of`] instead
//! wherever the answer matters (the web pages' `Origin` check and their cookies' `Secure`).

use std::net::{IpAddr, SocketAddr};

use actix_web::http::header::{self, HeaderMap, HeaderName};
use actix_web::{HttpRequest, web};

const X_FORWARDED_HOST: HeaderName = HeaderName::from_static("x-forwarded-host");
const X_FORWARDED_PROTO: HeaderName = HeaderName::from_static("x-forwarded-proto");

/// The reverse proxies whose forwarding headers are believed, as app data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpAddr>);

impl TrustedProxies {
    pub fn new(proxies: Vec<IpAddr>) -> Self {
        Self(proxies)
    }

    /// Is the direct peer one of the trusted proxies?
    pub fn trusts(&self, peer: Option<SocketAddr>) -> bool {
        peer.is_some_and(|peer| self.0.contains(&peer.ip()))
    }
}

/// Where the browser sent a request: `https` or `http`, and the host with its port when it is
/// not the default one, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub scheme: String,
    pub host: String,
}

impl Site {
    /// The site of a request. Without [`TrustedProxies`] in the app data no peer is trusted.
    pub fn of(req: &HttpRequest) -> Self {
        let trusted = req
            .app_data::<web::Data<TrustedProxies>>()
            .is_some_and(|proxies| proxies.trusts(req.peer_addr()));
        let direct_scheme = if req.app_config().secure() {
            "https"
        } else {
            "http"
        };
        let direct_host = req
            .headers()
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .or_else(|| req.uri().authority().map(|a| a.to_string()))
            .unwrap_or_default();
        if trusted {
            Self::forwarded(req.headers(), direct_scheme, &direct_host)
        } else {
            Self::new(direct_scheme, &direct_host)
        }
    }

    /// What a trusted proxy forwarded: `Forwarded` first, then the `X-Forwarded-*` pair, each
    /// field falling back to the direct connection's.
    fn forwarded(headers: &HeaderMap, direct_scheme: &str, direct_host: &str) -> Self {
        let forwarded = headers
            .get(header::FORWARDED)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let first = |name: &HeaderName| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let scheme = forwarded_param(forwarded, "proto")
            .or_else(|| first(&X_FORWARDED_PROTO))
            .unwrap_or_else(|| direct_scheme.to_owned());
        let host = forwarded_param(forwarded, "host")
            .or_else(|| first(&X_FORWARDED_HOST))
            .unwrap_or_else(|| direct_host.to_owned());
        Self::new(&scheme, &host)
    }

    fn new(scheme: &str, host: &str) -> Self {
        let scheme = if scheme.eq_ignore_ascii_case("https") {
            "https"
        } else {
            "http"
        };
        Self {
            scheme: scheme.to_owned(),
            host: without_default_port(scheme, &host.trim().to_ascii_lowercase()),
        }
    }

    pub fn is_https(&self) -> bool {
        self.scheme == "https"
    }

    /// Does `origin` (an `Origin` header: `scheme://host[:port]`) name this site's host? The
    /// scheme is not compared: behind a proxy that is not (yet) listed as trusted the connection
    /// looks like plain http while browsers send `https://` origins, and a page of ours over
    /// plain http could only be an attacker's with control of the network, who cannot read our
    /// https pages' form tokens anyway.
    pub fn is_origin(&self, origin: &str) -> bool {
        let Some((scheme, host)) = origin.trim().split_once("://") else {
            return false;
        };
        let scheme = scheme.to_ascii_lowercase();
        if !matches!(scheme.as_str(), "http" | "https") || host.contains('/') {
            return false;
        }
        !self.host.is_empty()
            && without_default_port(&scheme, &host.to_ascii_lowercase()) == self.host
    }
}

/// `example.org:443` over https is `example.org` (browsers leave default ports out of `Origin`).
fn without_default_port(scheme: &str, host: &str) -> String {
    let default = if scheme == "https" { ":443" } else { ":80" };
    host.strip_suffix(default).unwrap_or(host).to_owned()
}

/// One parameter of the first element of a `Forwarded` header (the one the proxy nearest to
/// the browser wrote), unquoted: `for=1.2.3.4;proto=https;host=example.org, for=...`.
fn forwarded_param(value: &str, name: &str) -> Option<String> {
    let first = value.split(',').next()?;
    first.split(';').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        if !key.trim().eq_ignore_ascii_case(name) {
            return None;
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        (!value.is_empty()).then(|| value.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    fn site(peer: &str, trusted: &[&str], headers: &[(&str, &str)]) -> Site {
        let proxies =
            TrustedProxies::new(trusted.iter().map(|ip| ip.parse().expect("ip")).collect());
        let mut req = TestRequest::post()
            .uri("/login")
            .peer_addr(peer.parse().expect("peer"))
            .app_data(web::Data::new(proxies));
        for (name, value) in headers {
            req = req.insert_header((*name, *value));
        }
        Site::of(&req.to_http_request())
    }

    const FORGED: &[(&str, &str)] = &[
        ("host", "carematch.example"),
        ("x-forwarded-host", "evil.example"),
        ("x-forwarded-proto", "https"),
        ("forwarded", "host=evil.example;proto=https"),
    ];

    #[test]
    fn forwarding_headers_from_other_peers_are_ignored() {
        let site = site("203.0.113.9:5000", &["10.0.0.1"], FORGED);
        assert_eq!(site.host, "carematch.example");
        assert_eq!(site.scheme, "http");
        assert!(site.is_origin("http://carematch.example"));
        assert!(!site.is_origin("https://evil.example"));
    }

    #[test]
    fn a_trusted_proxy_says_where_the_browser_went() {
        // `Forwarded` wins over `X-Forwarded-*`, and only its first element counts.
        let site_ = site(
            "10.0.0.1:5000",
            &["10.0.0.1"],
            &[
                ("host", "127.0.0.1:8080"),
                ("x-forwarded-host", "other.example"),
                (
                    "forwarded",
                    "for=192.0.2.1;proto=https;host=\"Carematch.Example:443\", host=inner",
                ),
            ],
        );
        assert_eq!(
            site_,
            Site {
                scheme: "https".into(),
                host: "carematch.example".into()
            }
        );
        assert!(site_.is_https());
        assert!(site_.is_origin("https://carematch.example"));
        assert!(site_.is_origin("https://carematch.example:443"));
        assert!(!site_.is_origin("https://inner"));

        let site_ = site(
            "10.0.0.1:5000",
            &["10.0.0.1"],
            &[
                ("host", "127.0.0.1:8080"),
                ("x-forwarded-host", "carematch.example:8443, inner:80"),
                ("x-forwarded-proto", "HTTPS"),
            ],
        );
        assert_eq!(site_.host, "carematch.example:8443");
        assert!(site_.is_origin("https://carematch.example:8443"));
        assert!(!site_.is_origin("https://carematch.example"));

        // A trusted proxy that forwards nothing: the direct host and scheme.
        let site_ = site("10.0.0.1:5000", &["10.0.0.1"], &[("host", "a.example:80")]);
        assert_eq!(site_.host, "a.example");
        assert!(site_.is_origin("http://a.example"));
    }

    #[test]
    fn odd_origins_never_match() {
        let site = site("127.0.0.1:5000", &[], &[("host", "carematch.example")]);
        for origin in [
            "null",
            "",
            "carematch.example",
            "http://carematch.example/",
            "http://carematch.example.evil.example",
            "ftp://carematch.example",
            "http://evil.example@carematch.example/x",
        ] {
            assert!(!site.is_origin(origin), "{origin}");
        }
        let no_host = self::site("127.0.0.1:5000", &[], &[]);
        assert!(!no_host.is_origin("http://"));
    }
}
