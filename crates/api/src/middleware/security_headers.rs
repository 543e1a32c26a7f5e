//! Headers every response gets, whoever made it (a handler, actix's own 404/405/413, the rate
//! limiter, the Swagger UI's assets), added by [`super::observe`]:
//!
//! - `X-Content-Type-Options: nosniff`, so that no browser ever runs a JSON body, an error or a
//!   CSV download as a script or a page because it looks like one;
//! - on the Swagger UI (`/docs/...`), the tightest content security policy it works under (the
//!   browser suite loads it, opens operations and the schemas and runs "Try it out" under it,
//!   failing on any violation): its scripts and stylesheets are our own files (no inline
//!   script, no `eval`); the one inline `<style>` it adds (the colours of its SVG logo,
//!   `.logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}`) is allowed by
//!   its hash rather than with `'unsafe-inline'` (React's `style` properties are set through
//!   the CSSOM, which the policy does not govern); its stylesheet draws icons from `data:`
//!   images; it fetches only `/openapi.json` and the API itself (`connect-src 'self'`). A new
//!   Swagger UI version may change that `<style>`: the browser suite then names the new hash.
//!   The web pages set their own (stricter) policy, which is left as it is.

use actix_web::http::header::{self, HeaderMap, HeaderValue};

/// The Swagger UI's content security policy (see the module documentation; the browser suite
/// loads `/docs/` under it and fails on any violation).
pub const DOCS_CSP: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; \
     img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
     base-uri 'none'";

/// Adds the headers to a response for `path`, keeping any the response already set.
pub fn add_security_headers(path: &str, headers: &mut HeaderMap) {
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if (path == "/docs" || path.starts_with("/docs/"))
        && !headers.contains_key(header::CONTENT_SECURITY_POLICY)
    {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DOCS_CSP),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_response_gets_nosniff_and_the_docs_their_policy() {
        let mut headers = HeaderMap::new();
        add_security_headers("/v1/health", &mut headers);
        assert_eq!(
            headers
                .get(header::X_CONTENT_TYPE_OPTIONS)
                .map(|v| v.as_bytes()),
            Some(&b"nosniff"[..])
        );
        assert!(!headers.contains_key(header::CONTENT_SECURITY_POLICY));

        let mut headers = HeaderMap::new();
        add_security_headers("/docs/swagger-ui.css", &mut headers);
        assert_eq!(
            headers
                .get(header::CONTENT_SECURITY_POLICY)
                .map(|v| v.as_bytes()),
            Some(DOCS_CSP.as_bytes())
        );

        // A page's own policy is kept; `/docsx` is not the Swagger UI.
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'self'"),
        );
        add_security_headers("/docs/", &mut headers);
        assert_eq!(
            headers
                .get(header::CONTENT_SECURITY_POLICY)
                .map(|v| v.as_bytes()),
            Some(&b"default-src 'self'"[..])
        );
        let mut headers = HeaderMap::new();
        add_security_headers("/docsx", &mut headers);
        assert!(!headers.contains_key(header::CONTENT_SECURITY_POLICY));
    }
}
