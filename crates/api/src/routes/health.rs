//! Liveness and readiness.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health).service(ready);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    pub status: &'static str,
    #[schema(example = "0.1.0")]
    pub version: &'static str,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Readiness {
    #[schema(example = "ready")]
    pub status: &'static str,
    pub database: bool,
    pub indexes: bool,
}

/// Liveness: the process is up and answering.
#[utoipa::path(
    tag = "health",
    description = "Answers 200 while the process runs; it touches neither the database nor the indexes.",
    responses((status = 200, description = "The process is alive", body = Health,
        example = json!({"status": "ok", "version": "0.1.0"})))
)]
#[get("/health")]
pub async fn health() -> web::Json<Health> {
    web::Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    })
}

/// Readiness: the database answers and the indexes are loaded.
#[utoipa::path(
    tag = "health",
    description = "Answers 200 when the database is reachable and the search and matching indexes \
                   have been loaded; 503 otherwise, so a load balancer can hold traffic back.",
    responses(
        (status = 200, description = "Ready to serve", body = Readiness,
            example = json!({"status": "ready", "database": true, "indexes": true})),
        (status = 503, description = "Not ready yet", body = ErrorBody)
    )
)]
#[get("/ready")]
pub async fn ready(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let store = state.store.clone();
    let database = web::block(move || store.ping()).await?.is_ok();
    let indexes = state.indexes_loaded();
    if !database {
        return Err(ApiError::Unavailable("the database does not answer".into()));
    }
    if !indexes {
        return Err(ApiError::Unavailable(
            "the indexes are still loading".into(),
        ));
    }
    Ok(HttpResponse::Ok().json(Readiness {
        status: "ready",
        database,
        indexes,
    }))
}
