//! Providers as JSON Lines of `ProviderDetails` (`carematch import providers`, the open-data
//! and demo fixtures' shape), all or nothing like the carers' CSV: every line is parsed,
//! validated and located first; any bad line rejects the whole file
//! ([`ServiceError::ImportRejected`], every bad line listed with its number); otherwise every
//! provider is stored in one transaction and the indexes catch up.
//!
//! A line may also hold the provider's public id as `"uuid"` beside the details (what
//! `carematch export providers` writes): the provider keeps it, so a record moved to another
//! database keeps its Open Referral ids. A uuid given twice in the file is a bad line; one that
//! the database already gives a provider (live or deleted) rejects the file as a conflict
//! ([`ServiceError::ImportConflict`]). Without it the provider gets the usual id.

use std::collections::HashMap;

use carematch_domain::{Actor, ActorKind, GeoPoint, Postcode, ProviderDetails, ProviderId};
use carematch_store::NewProvider;
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::import_csv::RowError;
use crate::{CareService, ServiceError};

/// What a provider import stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderImportReport {
    pub imported: usize,
    /// The new providers' ids, in file order.
    pub ids: Vec<ProviderId>,
}

impl CareService {
    /// Parses, validates, locates and stores JSON Lines of provider details (blank lines are
    /// skipped), all or nothing, then catches the indexes up. Blocking. `progress` gets the
    /// number of providers stored so far.
    pub fn import_providers(
        &self,
        data: &[u8],
        progress: &dyn Fn(u64),
    ) -> Result<ProviderImportReport, ServiceError> {
        let text = String::from_utf8_lossy(data);
        let mut errors = Vec::new();
        let mut places: HashMap<Postcode, Option<GeoPoint>> = HashMap::new();
        let mut rows = Vec::new();
        // Each public id given, and the line it is on.
        let mut uuids: HashMap<Uuid, u64> = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let number = i as u64 + 1;
            if line.trim().is_empty() {
                continue;
            }
            let (uuid, details) = match read_line(line) {
                Ok(read) => read,
                Err(error) => {
                    errors.push(error.at(number));
                    continue;
                }
            };
            if let Some(uuid) = uuid {
                match uuids.get(&uuid) {
                    Some(first) => errors.push(RowError::new(
                        number,
                        "uuid",
                        format!("{uuid} is also given on line {first}"),
                    )),
                    None => {
                        uuids.insert(uuid, number);
                    }
                }
            }
            if let Err(invalid) = details.validate() {
                errors.extend(
                    invalid
                        .0
                        .into_iter()
                        .map(|e| RowError::new(number, e.field, e.reason)),
                );
                continue;
            }
            let postcode = details.postcode.clone();
            let point = match places.get(&postcode) {
                Some(point) => *point,
                None => {
                    let point = self.store.locate(&postcode)?.map(|l| l.point);
                    places.insert(postcode.clone(), point);
                    point
                }
            };
            match point {
                Some(location) => rows.push((
                    number,
                    NewProvider {
                        uuid,
                        ..NewProvider::new(None, details, location)
                    },
                )),
                None => errors.push(RowError::new(
                    number,
                    "postcode",
                    format!("unknown postcode: {postcode} is not in the gazetteer"),
                )),
            }
        }
        if rows.is_empty() && errors.is_empty() {
            errors.push(RowError::new(1, "", "the file has no providers"));
        }
        if !errors.is_empty() {
            return Err(ServiceError::ImportRejected(errors));
        }
        let given: Vec<Uuid> = uuids.keys().copied().collect();
        let held = self.store.provider_uuids_held(&given)?;
        if !held.is_empty() {
            let mut clashes: Vec<RowError> = held
                .iter()
                .filter_map(|uuid| {
                    let line = *uuids.get(uuid)?;
                    Some(RowError::new(
                        line,
                        "uuid",
                        format!(
                            "{uuid} is already a provider's public id in this database (was this file imported before?)"
                        ),
                    ))
                })
                .collect();
            clashes.sort_by_key(|e| e.line);
            return Err(ServiceError::ImportConflict(clashes));
        }
        let rows: Vec<NewProvider> = rows.into_iter().map(|(_, row)| row).collect();
        let actor = Actor::new(ActorKind::Import, None, "import providers JSON Lines");
        let ids = self.store.insert_providers(&rows, progress, &actor)?;
        Ok(self.committed(ProviderImportReport {
            imported: ids.len(),
            ids,
        }))
    }
}

/// Why a line could not be read, before its line number is known.
struct LineError {
    column: &'static str,
    reason: String,
}

impl LineError {
    fn at(self, line: u64) -> RowError {
        RowError::new(line, self.column, self.reason)
    }
}

/// One line: the optional public id and the provider's details (every other key). The details
/// are read as strictly as a `POST /v1/providers` body (unknown keys refused).
fn read_line(line: &str) -> Result<(Option<Uuid>, ProviderDetails), LineError> {
    let whole = |error: serde_json::Error| LineError {
        column: "",
        reason: error.to_string(),
    };
    let mut object: Map<String, Value> = serde_json::from_str(line).map_err(whole)?;
    let uuid = match object.remove("uuid") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(Uuid::parse_str(&text).map_err(|_| LineError {
            column: "uuid",
            reason: format!("`{text}` is not a UUID"),
        })?),
        Some(other) => {
            return Err(LineError {
                column: "uuid",
                reason: format!("expected a UUID as a string, found {other}"),
            });
        }
    };
    let details = serde_json::from_value(Value::Object(object)).map_err(whole)?;
    Ok((uuid, details))
}
