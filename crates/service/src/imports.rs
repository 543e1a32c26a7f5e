//! Bulk imports: an agency's PA register as CSV (`docs/import.md`), all or nothing. Every row
//! is parsed, validated and located first; any bad row rejects the whole file
//! ([`ServiceError::ImportRejected`], every bad row listed); a row whose `external_ref` the
//! agency already uses rejects it too ([`ServiceError::ImportConflict`]); otherwise every row
//! is stored in one transaction. `POST /v1/imports/carers`, the agency console's upload and
//! `carematch import carers` all run [`CareService::import_carers`].

use std::collections::HashMap;

use carematch_domain::{Actor, ActorKind, AgencyId, Carer, CarerId, GeoPoint, Postcode};
use carematch_store::{CarerFilter, NewCarer, Page, Store};
use serde::Serialize;
use utoipa::ToSchema;

use crate::import_csv::{ParsedFile, RowError, parse_carers_partial};
use crate::{CareService, ServiceError};

/// The largest accepted upload, in bytes (about 40,000 rows of the template).
pub const IMPORT_LIMIT: usize = 10 * 1024 * 1024;

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ImportReport {
    #[schema(example = 2)]
    pub imported: usize,
    /// The new carers' ids, in file order.
    pub ids: Vec<CarerId>,
}

impl CareService {
    /// Parses, validates, locates and stores a CSV register for `agency`, all or nothing, then
    /// catches the indexes up. Blocking. `progress` gets the number of rows stored so far.
    pub fn import_carers(
        &self,
        agency: AgencyId,
        data: &[u8],
        progress: &dyn Fn(u64),
    ) -> Result<ImportReport, ServiceError> {
        let report = import_carers(&self.store, agency, data, progress)?;
        Ok(self.committed(report))
    }
}

fn import_carers(
    store: &Store,
    agency: AgencyId,
    data: &[u8],
    progress: &dyn Fn(u64),
) -> Result<ImportReport, ServiceError> {
    let new = read_register(store, agency, data)?;
    let refs: Vec<&str> = new
        .iter()
        .filter_map(|(_, carer)| carer.details.external_ref.as_deref())
        .collect();
    // One indexed query (per 10,000 references) however many PAs the agency holds.
    let taken = store.carer_refs_in_use(agency, &refs)?;
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
        return Err(ServiceError::ImportConflict(clashes));
    }

    let new: Vec<NewCarer> = new.into_iter().map(|(_, carer)| carer).collect();
    // The file is the source; the agency it is for is named in the label.
    let actor = Actor::new(
        ActorKind::Import,
        Some(agency.0),
        format!("import carers CSV for agency {agency}"),
    );
    let ids = store.insert_carers(&new, progress, &actor)?;
    Ok(ImportReport {
        imported: ids.len(),
        ids,
    })
}

/// Parses, validates and locates a register for `agency`: its rows with their lines, or every
/// problem of the file at once ([`ServiceError::ImportRejected`]). Blocking: postcode lookups.
pub(crate) fn read_register(
    store: &Store,
    agency: AgencyId,
    data: &[u8],
) -> Result<Vec<(u64, NewCarer)>, ServiceError> {
    let ParsedFile {
        rows,
        mut errors,
        other_postcodes,
    } = parse_carers_partial(data);
    if rows.is_empty() && errors.is_empty() {
        errors.push(RowError::new(1, "", "the file has no rows"));
    }
    if store.get_agency(agency)?.is_none() {
        return Err(ServiceError::NotFound {
            what: "agency",
            id: agency.to_string(),
        });
    }

    let mut places: HashMap<Postcode, Option<GeoPoint>> = HashMap::new();
    let mut locate = |postcode: &Postcode| -> Result<Option<GeoPoint>, ServiceError> {
        Ok(match places.get(postcode) {
            Some(point) => *point,
            None => {
                let point = store.locate(postcode)?.map(|l| l.point);
                places.insert(postcode.clone(), point);
                point
            }
        })
    };
    let unknown = |line: u64, postcode: &Postcode| {
        RowError::new(
            line,
            "postcode",
            format!("unknown postcode: {postcode} is not in the gazetteer"),
        )
    };
    // Rows refused for other reasons have their postcodes checked too, so that one upload
    // lists every problem of the file.
    for (line, postcode) in &other_postcodes {
        if locate(postcode)?.is_none() {
            errors.push(unknown(*line, postcode));
        }
    }
    let mut new = Vec::with_capacity(rows.len());
    for row in rows {
        let postcode = &row.details.postcode;
        match locate(postcode)? {
            Some(location) => new.push((
                row.line,
                NewCarer {
                    agency_id: agency,
                    details: row.details,
                    location,
                },
            )),
            None => errors.push(unknown(row.line, postcode)),
        }
    }
    if !errors.is_empty() {
        // Stable: a row's problems keep their column order.
        errors.sort_by_key(|e| e.line);
        return Err(ServiceError::ImportRejected(errors));
    }
    Ok(new)
}

/// Carers read per query when reading a whole register.
const REGISTER_BATCH: u32 = 1000;

/// Every live carer of the agency, in id order (the register an import checks against and an
/// export writes).
pub(crate) fn agency_carers(
    store: &Store,
    agency: AgencyId,
) -> Result<Vec<Carer>, carematch_store::StoreError> {
    let filter = CarerFilter {
        agency: Some(agency),
        ..CarerFilter::default()
    };
    let mut carers = Vec::new();
    let mut page = 1;
    loop {
        let found = store.list_carers(&filter, Page::new(page, REGISTER_BATCH))?;
        let count = found.items.len();
        carers.extend(found.items);
        if count < REGISTER_BATCH as usize {
            return Ok(carers);
        }
        page += 1;
    }
}
