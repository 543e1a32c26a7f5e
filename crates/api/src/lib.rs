//! carematch's HTTP API (v1): handlers, errors in one place, and the OpenAPI document generated
//! from the handlers themselves.

pub mod auth;
pub mod error;
pub mod routes;
pub mod state;

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::{App, HttpServer, web};
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
        (name = "health", description = "Liveness and readiness")
    )
)]
struct ApiDoc;

/// Limits and switches for the HTTP server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Largest accepted JSON body, in bytes.
    pub json_limit: usize,
    /// Worker threads; 0 means one per core.
    pub workers: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            json_limit: 256 * 1024,
            workers: 0,
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
    App::new()
        .app_data(web::Data::new(state))
        .app_data(web::JsonConfig::default().limit(json_limit))
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(utoipa_actix_web::scope("/v1").configure(configure_v1))
        .split_for_parts()
}

/// Every `/v1` route, module by module.
fn configure_v1(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::health::configure(cfg);
}

/// The OpenAPI document of the whole API, with the version pinned so that the committed file does
/// not change on every release.
pub fn openapi_document() -> OpenApiDoc {
    let (_, mut doc) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(utoipa_actix_web::scope("/v1").configure(configure_v1))
        .split_for_parts();
    doc.info.version = "1".to_owned();
    doc
}

/// Starts the server on an already bound listener (port 0 in tests).
pub fn run(
    listener: TcpListener,
    state: AppState,
    config: ServerConfig,
) -> std::io::Result<Server> {
    let workers = config.workers;
    let mut server = HttpServer::new(move || {
        let (app, _) = build_app(state.clone(), config.json_limit);
        app
    })
    .listen(listener)?
    .shutdown_timeout(30);
    if workers > 0 {
        server = server.workers(workers);
    }
    Ok(server.run())
}
