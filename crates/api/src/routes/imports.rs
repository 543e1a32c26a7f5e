//! `POST /v1/imports/carers`: an agency's PA register as CSV (`docs/import.md`). All or nothing:
//! every row is parsed, validated and located first; any bad row rejects the whole file (422
//! `import_rejected`, every bad row listed); a row whose `external_ref` the agency already uses
//! rejects it too (409 `conflict`, every such row listed); otherwise every row is stored in one
//! transaction. `carematch import carers FILE --agency ID` runs the same [`import_carers`].

#![expect(
    unused_qualifications,
    reason = "utoipa expands `params(...)` of a `Query<T>` argument to a qualified path"
)]

use std::collections::{HashMap, HashSet};

use actix_web::http::header;
use actix_web::web::Query;
use actix_web::{HttpRequest, HttpResponse, post, web};
use carematch_domain::{AgencyId, Caller, CarerId, FieldError, GeoPoint, Postcode, Role};
use carematch_store::{CarerFilter, NewCarer, Page, Store};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Authenticated;
use crate::error::{ApiError, ErrorBody};
use crate::import_csv::{RowError, parse_carers_partial};
use crate::routes::carers::after_write;
use crate::state::AppState;

/// The largest accepted upload, in bytes (about 40,000 rows of the template).
pub const IMPORT_LIMIT: usize = 10 * 1024 * 1024;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(import_carers_csv);
}

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ImportReport {
    #[schema(example = 2)]
    pub imported: usize,
    /// The new carers' ids, in file order.
    pub ids: Vec<CarerId>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// Admins only: the agency the carers belong to.
    #[param(minimum = 1)]
    pub agency_id: Option<i64>,
}

/// Parses, validates, locates and stores a CSV register for `agency`, all or nothing. Blocking:
/// call it from `web::block` or a thread. `progress` gets the number of rows stored so far.
pub fn import_carers(
    store: &Store,
    agency: AgencyId,
    data: &[u8],
    progress: &dyn Fn(u64),
) -> Result<ImportReport, ApiError> {
    let (rows, mut errors) = parse_carers_partial(data);
    if rows.is_empty() && errors.is_empty() {
        errors.push(RowError::new(1, "", "the file has no rows"));
    }
    if store.get_agency(agency)?.is_none() {
        return Err(ApiError::NotFound {
            what: "agency",
            id: agency.to_string(),
        });
    }

    let mut places: HashMap<Postcode, Option<GeoPoint>> = HashMap::new();
    let mut new = Vec::with_capacity(rows.len());
    for row in rows {
        let postcode = &row.details.postcode;
        let point = match places.get(postcode) {
            Some(point) => *point,
            None => {
                let point = store.locate(postcode)?.map(|l| l.point);
                places.insert(postcode.clone(), point);
                point
            }
        };
        match point {
            Some(location) => new.push((
                row.line,
                NewCarer {
                    agency_id: agency,
                    details: row.details,
                    location,
                },
            )),
            None => errors.push(RowError::new(
                row.line,
                "postcode",
                format!("unknown postcode: {postcode} is not in the gazetteer"),
            )),
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(ApiError::ImportRejected(errors));
    }

    let taken = external_refs(store, agency)?;
    let clashes: Vec<RowError> = new
        .iter()
        .filter_map(|(line, carer)| {
            let external_ref = carer.details.external_ref.as_ref()?;
            taken.contains(external_ref).then(|| {
                RowError::new(
                    *line,
                    "external_ref",
                    format!(
                        "`{external_ref}` is already one of this agency's carers: change it with PUT /v1/carers/{{id}}"
                    ),
                )
            })
        })
        .collect();
    if !clashes.is_empty() {
        return Err(ApiError::ImportConflict(clashes));
    }

    let new: Vec<NewCarer> = new.into_iter().map(|(_, carer)| carer).collect();
    let ids = store.insert_carers(&new, progress)?;
    Ok(ImportReport {
        imported: ids.len(),
        ids,
    })
}

/// Every `external_ref` the agency's live carers use.
fn external_refs(
    store: &Store,
    agency: AgencyId,
) -> Result<HashSet<String>, carematch_store::StoreError> {
    let filter = CarerFilter {
        agency: Some(agency),
        ..CarerFilter::default()
    };
    let mut refs = HashSet::new();
    let mut page = 1;
    loop {
        let found = store.list_carers(&filter, Page::new(page, 1000))?;
        let count = found.items.len();
        refs.extend(
            found
                .items
                .into_iter()
                .filter_map(|c| c.details.external_ref),
        );
        if count < 1000 {
            return Ok(refs);
        }
        page += 1;
    }
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
    let agency = match (caller, params.agency_id) {
        (Caller::Agency(own), None) => own,
        (Caller::Agency(own), Some(id)) if id == own.0 => own,
        (Caller::Agency(_), Some(_)) => return Err(ApiError::Forbidden),
        (_, Some(id)) => AgencyId(id),
        (_, None) => {
            return Err(ApiError::Validation(vec![FieldError {
                field: "agency_id".into(),
                code: "required",
                reason: "an admin must name the agency with ?agency_id=".into(),
            }]));
        }
    };
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
    let store = state.store.clone();
    let report = web::block(move || import_carers(&store, agency, &data, &|_| {})).await??;
    after_write(&state).await;
    tracing::info!(agency = %agency, imported = report.imported, "imported carers");
    Ok(HttpResponse::Created().json(report))
}
