use awc::http::StatusCode;
use awc::http::header::HeaderMap;
use carematch_domain::{AgencyId, Role};
use carematch_store::Store;
use carematch_testkit::TestApp;

/// A server over the demo fixtures (carematch-testkit's `TestApp`, which serves the pages as
/// production does), with a client that does not follow redirects.
pub struct TestSite {
    pub address: String,
    pub store: Store,
    pub agencies: Vec<AgencyId>,
    pub app: TestApp,
}

/// A response: status, headers and body text.
pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// Every `Set-Cookie` value.
    pub fn cookies(&self) -> Vec<String> {
        self.headers
            .get_all("set-cookie")
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect()
    }

    /// `name=value` of the cookie set under `name`.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies()
            .into_iter()
            .find(|c| c.starts_with(&format!("{name}=")))
            .and_then(|c| c.split(';').next().map(str::to_owned))
    }

    /// The first form token (`<input type="hidden" name="csrf" value="...">`) on the page.
    pub fn form_token(&self) -> Option<String> {
        form_tokens(&self.body).into_iter().next()
    }
}

/// Every form token on a page, in order.
pub fn form_tokens(body: &str) -> Vec<String> {
    body.split(r#"name="csrf" value=""#)
        .skip(1)
        .filter_map(|s| s.split('"').next().map(str::to_owned))
        .collect()
}

/// The small open-data fixtures (authorities, boundaries, census) for the map.
pub fn import_open_data(store: &Store) {
    carematch_testkit::import_open_data_fixtures(store);
}

impl TestSite {
    pub async fn spawn() -> Self {
        Self::spawn_with(Vec::new()).await
    }

    /// A server that believes forwarding headers from these peers (the tests connect from
    /// 127.0.0.1).
    pub async fn spawn_with(trusted_proxies: Vec<std::net::IpAddr>) -> Self {
        let app = TestApp::builder()
            .demo_fixtures()
            .no_redirects()
            .config(|config| config.rate_limit.trusted_proxies = trusted_proxies)
            .spawn()
            .await;
        Self {
            address: app.address.clone(),
            store: app.store.clone(),
            agencies: app.agencies.clone(),
            app,
        }
    }

    /// The first page (`per_page` long) of an agency's PAs in the console's order (stale
    /// first, then by name), and their total.
    pub fn carers_of(
        &self,
        agency: AgencyId,
        per_page: u32,
    ) -> carematch_store::Paged<carematch_domain::Carer> {
        self.store
            .console_carers(
                agency,
                &Default::default(),
                carematch_store::Page::new(1, per_page),
            )
            .expect("list carers")
    }

    pub fn key(&self, role: Role, agency: Option<AgencyId>) -> (String, i64) {
        let (key, hash) = carematch_api::auth::generate_key().expect("random");
        let record = self
            .store
            .create_api_key(&hash, role, agency, "web test")
            .expect("key");
        (key, record.id)
    }

    /// Any request; `headers` as given (a `cookie` header carries cookies).
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: impl Into<Vec<u8>>,
    ) -> Page {
        let (status, headers, body) = self.app.request(method, path, None, headers, body).await;
        Page {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        self.request("GET", path, headers, Vec::new()).await
    }

    /// A form post (`application/x-www-form-urlencoded`).
    pub async fn post_form(&self, path: &str, cookie: &str, fields: &[(&str, &str)]) -> Page {
        let body = serde_urlencoded::to_string(fields).expect("form");
        let mut headers = vec![("content-type", "application/x-www-form-urlencoded")];
        if !cookie.is_empty() {
            headers.push(("cookie", cookie));
        }
        self.request("POST", path, &headers, body).await
    }

    /// The anonymous form cookie (`name=value`) and the token a page with such forms (the
    /// sign-in page, results, the shortlist) gives a new visitor.
    pub async fn anonymous_form(&self, path: &str) -> (String, String) {
        let page = self.get(path, &[]).await;
        let cookie = page.cookie("carematch_form").unwrap_or_default();
        (cookie, page.form_token().unwrap_or_default())
    }

    /// Signs in with `key` for `next` from the sign-in page, as a browser does; the session
    /// cookie (`name=value`) when it worked.
    pub async fn sign_in(&self, key: &str, next: &str) -> (Page, Option<String>) {
        let (form_cookie, token) = self.anonymous_form("/login").await;
        let page = self
            .post_form(
                "/login",
                &form_cookie,
                &[("key", key), ("next", next), ("csrf", &token)],
            )
            .await;
        let cookie = page.cookie("carematch_session");
        (page, cookie)
    }

    /// The form token of a signed-in session (`cookie`), as its pages carry it.
    pub async fn session_token(&self, cookie: &str, page: &str) -> String {
        self.get(page, &[("cookie", cookie)])
            .await
            .form_token()
            .expect("the page has a form token")
    }
}
