//! `POST /v1/imports/carers`: an agency's PA register as CSV (`docs/import.md`). All or nothing:
//! every row is parsed, validated and located first; any bad row rejects the whole file (422
//! `import_rejected`, every bad row listed); a row whose `external_ref` the agency already uses
//! rejects it too (409 `conflict`, every such row listed); otherwise every row is stored in one
//! transaction. The import itself is `carematch_service::imports`, which the agency console and
//! `carematch import carers FILE --agency ID` run too.

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use actix_web::http::header;
use actix_web::web::Query;
use actix_web::{HttpRequest, HttpResponse, post, web};
use carematch_domain::Role;
use carematch_service::records::acting_agency;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

pub use carematch_service::{IMPORT_LIMIT, ImportReport};

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(import_carers_csv);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// Admins only: the agency the carers belong to.
    #[param(minimum = 1)]
    pub agency_id: Option<i64>,
}

fn is_csv(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("text/csv"))
}

/// Import carers from CSV
#[utoipa::path(
    tag = "imports",
    description = "Uploads an agency's PA register as CSV (`Content-Type: text/csv`, up to 10 MB; \
                   the columns are described in docs/import.md and shown in \
                   docs/import-template.csv). All or nothing: if any row is bad the answer is 422 \
                   `import_rejected` listing every bad row as `{line, column, reason}` and nothing \
                   is stored; rows whose `external_ref` the agency already uses are 409 \
                   `conflict`, listed the same way (update those carers with PUT instead); \
                   otherwise every row is stored in one transaction. Agency keys import for their \
                   own agency; admins name it with `agency_id`.",
    params(ImportParams),
    request_body(content = String, content_type = "text/csv",
        example = "external_ref,given_name,family_name,gender,languages,services,hours_per_week,available_from,postcode,travel_radius_km,travel_mode,hourly_rate,employment_status,public_listing_consent,last_confirmed_on\nPA-0001,Mei,Lam,female,yue:native;eng:fluent,personal_care;meal_preparation,16,2026-12-01,LE1 5WW,8,public_transport,13.50,self_employed,yes,2026-11-01\n"),
    responses(
        (status = 201, description = "Every row stored", body = ImportReport,
            example = json!({"imported": 2, "ids": [101, 102]})),
        (status = 400, description = "Malformed query string (`agency_id` not a number or given twice)", body = ErrorBody),
        (status = 401, description = "No key, or an unknown or revoked key", body = ErrorBody),
        (status = 403, description = "Only agencies (and admins) import carers", body = ErrorBody),
        (status = 404, description = "Unknown agency", body = ErrorBody),
        (status = 409, description = "Rows whose external_ref is already used; nothing stored", body = ErrorBody),
        (status = 413, description = "Upload over 10 MB", body = ErrorBody),
        (status = 415, description = "Not `text/csv`", body = ErrorBody),
        (status = 422, description = "Bad rows, every one listed; nothing stored", body = ErrorBody,
            example = json!({"error": {"code": "import_rejected", "message": "the file has 2 problem(s); nothing was imported",
                "details": [{"line": 3, "column": "languages", "reason": "`xx` is not a known language code"},
                            {"line": 7, "column": "availability", "reason": "ends at 09:00 before it starts at 13:00 (set overnight: true for a slot past midnight)"}]}})),
        (status = 429, description = "Too many requests", body = ErrorBody)
    )
)]
#[post("/imports/carers")]
pub async fn import_carers_csv(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: Authenticated,
    params: Query<ImportParams>,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let caller = auth.require(&[Role::Agency, Role::Admin])?;
    let agency = acting_agency(caller, params.agency_id)?;
    if !is_csv(&req) {
        return Err(ApiError::UnsupportedMediaType(
            "send the register as CSV with `Content-Type: text/csv`".into(),
        ));
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > IMPORT_LIMIT) {
        return Err(ApiError::PayloadTooLarge {
            limit: IMPORT_LIMIT,
        });
    }
    let data = match body.to_bytes_limited(IMPORT_LIMIT).await {
        Ok(Ok(data)) => data,
        Ok(Err(e)) => return Err(ApiError::BadRequest(format!("cannot read the body: {e}"))),
        Err(_) => {
            return Err(ApiError::PayloadTooLarge {
                limit: IMPORT_LIMIT,
            });
        }
    };
    let report = state
        .run(move |service| service.import_carers(agency, &data, &|_| {}))
        .await?;
    tracing::info!(agency = %agency, imported = report.imported, "imported carers");
    Ok(HttpResponse::Created().json(report))
}
