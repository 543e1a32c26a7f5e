//! Uploading a register again: the agency's own spreadsheet, exported or kept, sent back with
//! some PAs changed and some new. Rows whose `external_ref` the agency already uses replace
//! those PAs; the others are added; rows identical to the stored record change nothing.
//! [`CareService::plan_register`] says what a file would do ("update these 12, add these 3")
//! without storing anything, and [`CareService::apply_register`] does exactly that, all or
//! nothing, refusing if the register changed since the plan was shown (its digest differs).

use std::collections::HashMap;

use carematch_domain::{Actor, ActorKind, AgencyId, CarerId};
use carematch_store::{CarerUpdate, NewCarer, Store};
use sha2::{Digest, Sha256};

use crate::import_csv::RowError;
use crate::imports::{agency_carers, read_register};
use crate::{CareService, ServiceError};

/// One row of a plan: where it is in the file and whom it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRow {
    pub line: u64,
    pub external_ref: Option<String>,
    /// Given and family name, as the agency knows them.
    pub name: String,
    /// The stored PA it replaces or matches; `None` for a new one.
    pub id: Option<CarerId>,
}

/// What uploading a register would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterPlan {
    pub added: Vec<PlannedRow>,
    pub updated: Vec<PlannedRow>,
    pub unchanged: Vec<PlannedRow>,
    /// Names this plan: the file, and every stored record it replaces at the version read.
    pub digest: String,
}

/// What applying a plan did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterReport {
    pub added: Vec<CarerId>,
    pub updated: Vec<CarerId>,
    pub unchanged: usize,
}

/// A plan with what applying it needs.
struct Prepared {
    plan: RegisterPlan,
    new: Vec<NewCarer>,
    updates: Vec<CarerUpdate>,
}

fn prepare(store: &Store, agency: AgencyId, data: &[u8]) -> Result<Prepared, ServiceError> {
    let rows = read_register(store, agency, data)?;
    let stored: HashMap<String, carematch_domain::Carer> = agency_carers(store, agency)?
        .into_iter()
        .filter_map(|c| Some((c.details.external_ref.clone()?, c)))
        .collect();
    let mut digest = Sha256::new();
    digest.update(agency.0.to_le_bytes());
    digest.update(data);
    let mut prepared = Prepared {
        plan: RegisterPlan {
            added: Vec::new(),
            updated: Vec::new(),
            unchanged: Vec::new(),
            digest: String::new(),
        },
        new: Vec::new(),
        updates: Vec::new(),
    };
    for (line, carer) in rows {
        let details = carer.details;
        let row = |id| PlannedRow {
            line,
            external_ref: details.external_ref.clone(),
            name: format!("{} {}", details.given_name, details.family_name),
            id,
        };
        match details.external_ref.as_ref().and_then(|r| stored.get(r)) {
            Some(current) if current.details == details => {
                prepared.plan.unchanged.push(row(Some(current.id)));
            }
            Some(current) => {
                digest.update(current.id.0.to_le_bytes());
                digest.update(current.version.to_le_bytes());
                prepared.plan.updated.push(row(Some(current.id)));
                prepared.updates.push(CarerUpdate {
                    id: current.id,
                    details,
                    location: carer.location,
                    version: current.version,
                });
            }
            None => {
                prepared.plan.added.push(row(None));
                prepared.new.push(NewCarer { details, ..carer });
            }
        }
    }
    prepared.plan.digest = digest
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(prepared)
}

impl CareService {
    /// What uploading `data` as `agency`'s register would do, storing nothing. Every problem of
    /// the file is [`ServiceError::ImportRejected`], as for a first import. Blocking.
    pub fn plan_register(
        &self,
        agency: AgencyId,
        data: &[u8],
    ) -> Result<RegisterPlan, ServiceError> {
        Ok(prepare(&self.store, agency, data)?.plan)
    }

    /// Applies the plan [`CareService::plan_register`] showed for the same file, all or
    /// nothing, then catches the indexes up. A different `digest` (the file, or a record it
    /// replaces, changed since) is [`ServiceError::ImportConflict`]: plan again. Blocking.
    pub fn apply_register(
        &self,
        agency: AgencyId,
        data: &[u8],
        digest: &str,
        progress: &dyn Fn(u64),
    ) -> Result<RegisterReport, ServiceError> {
        let prepared = prepare(&self.store, agency, data)?;
        if prepared.plan.digest != digest {
            return Err(ServiceError::ImportConflict(vec![RowError::new(
                1,
                "",
                "the register changed since this upload was previewed: upload the file again",
            )]));
        }
        let actor = Actor::new(
            ActorKind::Import,
            Some(agency.0),
            format!("register upload (update and add) for agency {agency}"),
        );
        let added =
            self.store
                .apply_register(&prepared.new, &prepared.updates, progress, &actor)?;
        Ok(self.committed(RegisterReport {
            added,
            updated: prepared.updates.iter().map(|u| u.id).collect(),
            unchanged: prepared.plan.unchanged.len(),
        }))
    }
}
