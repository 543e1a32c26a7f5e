//! Providers as JSON Lines of `ProviderDetails` (`carematch import providers`, the open-data
//! and demo fixtures' shape), all or nothing like the carers' CSV: every line is parsed,
//! validated and located first; any bad line rejects the whole file
//! ([`ServiceError::ImportRejected`], every bad line listed with its number); otherwise every
//! provider is stored in one transaction and the indexes catch up.

use std::collections::HashMap;

use carematch_domain::{GeoPoint, Postcode, ProviderDetails, ProviderId};
use carematch_store::NewProvider;

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
        for (i, line) in text.lines().enumerate() {
            let number = i as u64 + 1;
            if line.trim().is_empty() {
                continue;
            }
            let details: ProviderDetails = match serde_json::from_str(line) {
                Ok(details) => details,
                Err(error) => {
                    errors.push(RowError::new(number, "", error.to_string()));
                    continue;
                }
            };
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
                Some(location) => rows.push(NewProvider {
                    agency_id: None,
                    details,
                    location,
                }),
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
        let ids = self.store.insert_providers(&rows, progress)?;
        Ok(self.committed(ProviderImportReport {
            imported: ids.len(),
            ids,
        }))
    }
}
