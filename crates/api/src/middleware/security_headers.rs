//! Headers every response gets, whoever made it (a handler, actix's own 404/405/413, the rate
//! limiter, the Swagger UI's assets), added by [`super::observe`]:
//!
//! - `X-Content-Type-Options: nosniff`, so that no browser ever runs a JSON body, an error or a
//!   CSV download as a script or a page because it looks like one;
//! - on the Swagger UI (`/docs/...`), a content security policy as tight as the UI allows: its
//!   scripts and styles are our own files, but React sets `style` attributes (so
//!   `'unsafe-inline'` styles) and its stylesheet draws icons from `data:` images; it fetches
//!   only `/openapi.json` and the API itself (`connect-src 'self'`). The web pages set their own
//!   (stricter) policy, which is left as it is.

use actix_web::http::header::{self, HeaderMap, HeaderValue};

/// The Swagger UI's content security policy (see the module documentation; the browser suite
/// loads `/docs/` under it and fails on any violation).
pub const DOCS_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; connect-src 'self'; font-src 'self'; form-action 'self'; \
     frame-ancestors 'none'; base-uri 'none'";

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
