//! carematch's HTTP API (v1): handlers, errors in one place, and the OpenAPI document generated
//! from the handlers themselves.

pub mod auth;
pub mod error;
pub mod forwarded;
pub mod json;
pub mod launch;
pub mod long_target;
pub mod match_cache;
pub mod middleware;
pub mod outcome_json;
pub mod routes;
pub mod shutdown;
pub mod state;
pub mod views;

use std::net::TcpListener;
use std::time::Duration;

use actix_http::error::DispatchError;
use actix_http::{HttpService, Protocol};
use actix_service::{IntoServiceFactory, ServiceFactoryExt, fn_service, map_config};
use actix_web::dev::{AppConfig, Server};
use actix_web::middleware::from_fn;
use actix_web::rt::net::TcpStream;
use actix_web::{App, web};
use utoipa::OpenApi;
use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa_actix_web::AppExt;

pub use error::ApiError;
pub use state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "carematch",
        description = "Find culturally appropriate care in England: personal assistants and community \
                       providers who speak a person's language, cook their food and respect their faith.",
        license(name = "AGPL-3.0-or-later")
    ),
    tags(
        (name = "health", description = "Liveness and readiness"),
        (name = "carers", description = "Personal assistants (PAs): agencies write their own; the public reads consenting carers in a privacy-reduced view"),
        (name = "providers", description = "Micro-providers, charities, agencies and services: their published information"),
        (name = "imports", description = "Bulk uploads of an agency's register, all or nothing"),
        (name = "vocabulary", description = "The closed, versioned code lists with labels"),
        (name = "search", description = "Text, vocabulary and distance search with facet counts"),
        (name = "matching", description = "Rank carers and providers against support plans, with reasons and relaxations"),
        (name = "plans", description = "Support plans agencies save as demand for gap maps"),
        (name = "market", description = "Commissioners: the PA market report (counts by authority, language, service, agency and ethnic group, with trends over snapshots)"),
        (name = "gaps", description = "Commissioners: demand against reachable supply per local authority or hexagon, as GeoJSON or CSV"),
        (name = "agencies", description = "Agencies as organisations: public contact details, staff languages, areas covered"),
        (name = "enquiries", description = "Enquiries from the public to the agency that holds a record, and the agency's inbox"),
        (name = "vacancies", description = "Plans opened for filling, PAs put forward, and time to fill"),
        (name = "reports", description = "\"Something wrong here?\": the public reports a problem with a listing; its manager and moderators handle it"),
        (name = "pa", description = "Personal assistants who register themselves, vouched for by the agency they choose; their own record"),
        (name = "outbox", description = "E-mail notifications queued in the same transaction as the change they report"),
        (name = "listings", description = "Organisation accounts, their proposals, claims and edits, and the moderation queue"),
        (name = "openreferral", description = "Open Referral UK v3 (HSDS 3.0 UK profile): providers as services for council directories; open, no key")
    ),
    // Named by a query parameter's `value_type` only, which utoipa does not collect by itself.
    components(schemas(carematch_service::openreferral::params::IcalDay))
)]
struct ApiDoc;

/// Limits and switches for the HTTP server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Largest accepted JSON body, in bytes.
    pub json_limit: usize,
    /// Worker threads; 0 means one per core.
    pub workers: usize,
    /// Largest accepted raw body (`Bytes`/`String` extractors), in bytes; larger ones get 413.
    pub payload_limit: usize,
    /// Time limit on each handler; past it the client gets 503 `timeout`. Zero turns it off.
    pub request_timeout: Duration,
    /// Time a client has to send the request head; past it actix answers 408 and closes.
    pub client_request_timeout: Duration,
    /// On SIGTERM/SIGINT, how long requests in flight may take to finish.
    pub shutdown_timeout: Duration,
    /// Stop gracefully on SIGTERM and SIGINT (the `serve` command); otherwise actix's own signal
    /// handling applies (SIGINT stops at once).
    pub handle_signals: bool,
    /// Per-client rate limits, with the trusted proxies: peers whose `X-Forwarded-For` is
    /// believed here, and whose `Forwarded`/`X-Forwarded-Host`/`X-Forwarded-Proto` say which site
    /// the browser asked for ([`forwarded::Site`]).
    pub rate_limit: middleware::RateLimitConfig,
    /// Extra gauges for `/metrics` (e.g. the index's last applied change-log sequence).
    pub gauges: Vec<middleware::Gauge>,
    /// Routes served beside the API (the web pages of `carematch-web`), under the same
    /// middleware: request ids, logs, metrics, rate limits and time limits.
    pub pages: Option<Pages>,
}

/// What registers the pages served beside the API, on every worker. A closure rather than a
/// function, so that it can carry what the pages were configured with (such as a council's own
/// help texts) without a global.
#[derive(Clone)]
pub struct Pages(std::sync::Arc<dyn Fn(&mut web::ServiceConfig) + Send + Sync>);

impl Pages {
    pub fn new(register: impl Fn(&mut web::ServiceConfig) + Send + Sync + 'static) -> Self {
        Self(std::sync::Arc::new(register))
    }

    fn register(&self, cfg: &mut web::ServiceConfig) {
        (self.0)(cfg);
    }
}

impl std::fmt::Debug for Pages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pages(..)")
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            json_limit: 256 * 1024,
            workers: 0,
            payload_limit: 4 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            client_request_timeout: Duration::from_secs(5),
            shutdown_timeout: Duration::from_secs(30),
            handle_signals: false,
            rate_limit: middleware::RateLimitConfig::default(),
            gauges: Vec::new(),
            pages: None,
        }
    }
}

/// Registers every route on an app, returning the app and the OpenAPI document of what it registered.
fn build_app(
    state: AppState,
    json_limit: usize,
) -> (
    App<
        impl actix_web::dev::ServiceFactory<
            actix_web::dev::ServiceRequest,
            Config = (),
            Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
            Error = actix_web::Error,
            InitError = (),
        >,
    >,
    OpenApiDoc,
) {
    let (app, mut doc) = App::new()
        .app_data(web::Data::new(state))
        .app_data(
            web::JsonConfig::default()
                .limit(json_limit)
                .error_handler(json::json_error_handler),
        )
        .app_data(json::JsonLimit(json_limit))
        .app_data(web::QueryConfig::default().error_handler(json::query_error_handler))
        .app_data(web::PathConfig::default().error_handler(json::path_error_handler))
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(utoipa_actix_web::scope("/v1").configure(configure_v1))
        .service(openreferral_scope())
        .split_for_parts();
    document_common_answers(&mut doc);
    (app, doc)
}

/// Answers every operation may give whatever its handler does, documented once here rather
/// than on each handler: `414` for a request target (path and query) over
/// [`long_target::MAX_TARGET_BYTES`], which [`long_target::TargetLimit`] answers before any
/// handler runs.
fn document_common_answers(doc: &mut OpenApiDoc) {
    use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
    let too_long = ResponseBuilder::new()
        .description("The request target (path and query) is longer than 8 KiB")
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build();
    for item in doc.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ];
        for operation in operations.into_iter().flatten() {
            operation
                .responses
                .responses
                .entry("414".to_owned())
                .or_insert_with(|| RefOr::T(too_long.clone()));
        }
    }
}

/// `/openreferral/v3`: open to every site (`Access-Control-Allow-Origin: *`, as the profile
/// requires), on answers and errors alike.
fn openreferral_scope() -> utoipa_actix_web::scope::Scope<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    utoipa_actix_web::scope("/openreferral/v3")
        .wrap(
            actix_web::middleware::DefaultHeaders::new()
                .add((actix_web::http::header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")),
        )
        .configure(routes::openreferral::configure)
}

/// Every `/v1` route, module by module.
fn configure_v1(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::health::configure(cfg);
    routes::carers::configure(cfg);
    routes::history::configure(cfg);
    // Before the providers' routes: `/providers/duplicates` is not a provider id.
    routes::duplicates::configure(cfg);
    routes::providers::configure(cfg);
    routes::imports::configure(cfg);
    routes::vocabulary::configure(cfg);
    routes::search::configure(cfg);
    routes::matches::configure(cfg);
    routes::plans::configure(cfg);
    routes::gaps::configure(cfg);
    routes::agencies::configure(cfg);
    routes::enquiries::configure(cfg);
    routes::vacancies::configure(cfg);
    routes::outbox::configure(cfg);
    // Before the problem reports' routes: `/reports/market` is not a report reference.
    routes::market::configure(cfg);
    routes::reports::configure(cfg);
    routes::pa::configure(cfg);
    routes::listings::configure(cfg);
}

/// The OpenAPI document of the whole API, with the version pinned so that the committed file does
/// not change on every release.
pub fn openapi_document() -> OpenApiDoc {
    let (_, mut doc) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(utoipa_actix_web::scope("/v1").configure(configure_v1))
        .service(openreferral_scope())
        .split_for_parts();
    doc.info.version = "1".to_owned();
    document_common_answers(&mut doc);
    doc
}

/// Starts the server on an already bound listener (port 0 in tests).
pub fn run(
    listener: TcpListener,
    state: AppState,
    config: ServerConfig,
) -> std::io::Result<Server> {
    let workers = config.workers;
    // Shared by every worker: one set of metrics and one rate limiter per server.
    let metrics = web::Data::new(middleware::Metrics::new(config.gauges.clone()));
    let limiter = web::Data::new(middleware::RateLimiter::new(config.rate_limit.clone()));
    let proxies = web::Data::new(forwarded::TrustedProxies::new(
        config.rate_limit.trusted_proxies.clone(),
    ));
    let handler_timeout = (!config.request_timeout.is_zero())
        .then(|| web::Data::new(middleware::HandlerTimeout(config.request_timeout)));
    let (payload_limit, json_limit) = (config.payload_limit, config.json_limit);
    let pages = config.pages;
    let addr = listener.local_addr()?;
    let mut builder = Server::build();
    let graceful_shutdown = builder.graceful_shutdown_signal();
    let client_request_timeout = config.client_request_timeout;
    let app = move || {
        let (app, doc) = build_app(state.clone(), json_limit);
        let app = app
            .app_data(metrics.clone())
            .app_data(limiter.clone())
            .app_data(proxies.clone())
            .app_data(web::Data::new(middleware::KnownPaths::from_document(&doc)))
            .app_data(web::PayloadConfig::new(payload_limit))
            .configure(routes::metrics::configure)
            .configure(|cfg| routes::docs::configure(cfg, doc))
            .configure(|cfg| {
                if let Some(pages) = &pages {
                    pages.register(cfg);
                }
            });
        let app = match &handler_timeout {
            Some(limit) => app.app_data(limit.clone()),
            None => app,
        };
        app.wrap(from_fn(middleware::check_input))
            .wrap(from_fn(middleware::timeout))
            .wrap(from_fn(middleware::rate_limit))
            .wrap(from_fn(middleware::observe))
    };
    // What `HttpServer::listen` builds, with one difference: each connection is read through
    // `long_target::TargetLimit`, so that an over-long request target reaches the app and gets
    // our JSON 414 instead of actix-http's empty 431.
    builder = builder.listen("carematch-http", listener, move || {
        let graceful_shutdown = graceful_shutdown.clone();
        let http = HttpService::build()
            .graceful_shutdown_signal(move || {
                let signal = graceful_shutdown.clone();
                async move { signal.notified().await }
            })
            .client_request_timeout(client_request_timeout)
            .client_disconnect_timeout(Duration::from_secs(1))
            .h1_allow_half_closed(true)
            .local_addr(addr)
            .finish(map_config(
                app().into_factory().map_err(|error| error.error_response()),
                // `AppConfig::new` is crate-private; this is the same constructor, public for
                // tests: plain HTTP, the listening address as the host of last resort.
                move |_| AppConfig::__priv_test_new(false, addr.to_string(), addr),
            ));
        fn_service(|io: TcpStream| async move {
            let peer_addr = io.peer_addr().ok();
            Ok::<_, DispatchError>((
                long_target::TargetLimit::new(io),
                Protocol::Http1,
                peer_addr,
            ))
        })
        .and_then(http)
    })?;
    builder = builder.shutdown_timeout(config.shutdown_timeout.as_secs());
    if config.handle_signals {
        builder = builder.shutdown_signal(shutdown::signal());
    }
    if workers > 0 {
        builder = builder.workers(workers);
    }
    Ok(builder.run())
}
