//! Swagger UI at `/docs/` (its assets are compiled into the binary, so it works offline) and the
//! OpenAPI document at `/openapi.json`. Neither is part of the OpenAPI document itself.

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa_swagger_ui::SwaggerUi;

/// Registers `/docs` (a redirect), `/docs/` with its assets, and `/openapi.json`.
pub fn configure(cfg: &mut web::ServiceConfig, doc: OpenApiDoc) {
    cfg.route(
        "/docs",
        web::get().to(|| async {
            HttpResponse::PermanentRedirect()
                .insert_header((header::LOCATION, "/docs/"))
                .finish()
        }),
    )
    .service(SwaggerUi::new("/docs/{_:.*}").url("/openapi.json", doc));
}
