//! Swagger UI at `/docs/` (its assets are compiled into the binary, so it works offline) and the
//! OpenAPI document at `/openapi.json`. Neither is part of the OpenAPI document itself. The UI's
//! content security policy is added with the other security headers
//! (`middleware/security_headers.rs`).

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa_swagger_ui::{Config, SwaggerUi};

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
    .service(
        SwaggerUi::new("/docs/{_:.*}")
            .url("/openapi.json", doc)
            // No badge from validator.swagger.io: it would send our document's address to a
            // third party, and the content security policy allows only our own images.
            .config(Config::default().validator_url("none")),
    );
}
