//! Providers brought in from an outside source (an Open Referral feed, the CQC register) as one
//! snapshot: every record is located and checked first, and any bad record rejects the whole
//! snapshot with every problem listed ([`ServiceError::ImportRejected`]); otherwise one
//! transaction creates what is new, updates what changed, confirms what is unchanged, retires
//! what the source dropped and flags likely duplicates of records already held for review
//! (never merged). Records made by hand (no provenance) are never touched.

pub mod duplicates;
mod review;

use std::collections::{HashMap, HashSet};

use carematch_domain::{
    Actor, ActorKind, GeoPoint, Postcode, Provenance, ProviderDetails, ProviderId, SourceKind,
};
use carematch_store::{NewProvider, SourceSync, SourceUpdate};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::import_csv::RowError;
use crate::{CareService, ServiceError};

/// One record of a source, mapped to carematch's provider fields.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRecord {
    /// Where the record is in the source (a line or record number), for the report.
    pub line: u64,
    /// Its id in the source (an Open Referral service id, a CQC location id).
    pub source_id: String,
    pub details: ProviderDetails,
    /// The source's own coordinates, when it gives them; else the postcode is located.
    pub location: Option<GeoPoint>,
    /// A public id to keep when the record is new (a carematch export coming back).
    pub uuid: Option<Uuid>,
}

/// Everything a source holds now.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceSnapshot {
    pub source: SourceKind,
    /// The feed within the source: an Open Referral feed's URL or file name; `cqc`.
    pub feed: String,
    pub fetched_at: DateTime<Utc>,
    pub records: Vec<SourceRecord>,
}

/// What became of one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SyncAction {
    Created,
    Updated,
    Unchanged,
    Retired,
}

/// One line of the per-record report.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct RecordOutcome {
    pub source_id: String,
    pub provider_id: ProviderId,
    pub action: SyncAction,
}

/// A likely duplicate flagged for review.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct DuplicateFlag {
    /// The imported provider.
    pub provider_id: ProviderId,
    /// The record already held that it looks like.
    pub candidate_id: ProviderId,
    pub similarity: f64,
    /// What matched: `name`, `postcode`, `phone`.
    pub reasons: Vec<String>,
}

/// What a sync did, record by record.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct SyncReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub retired: usize,
    pub records: Vec<RecordOutcome>,
    pub duplicates: Vec<DuplicateFlag>,
}

impl CareService {
    /// Applies a source's snapshot (see the module docs). Blocking.
    pub fn sync_source(&self, snapshot: SourceSnapshot) -> Result<SyncReport, ServiceError> {
        let SourceSnapshot {
            source,
            feed,
            fetched_at,
            records,
        } = snapshot;
        let mut errors = Vec::new();
        let mut places: HashMap<Postcode, Option<GeoPoint>> = HashMap::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut located = Vec::with_capacity(records.len());
        for record in records {
            if !seen.insert(record.source_id.clone()) {
                errors.push(RowError::new(
                    record.line,
                    "id",
                    format!("the id {} appears twice in the source", record.source_id),
                ));
                continue;
            }
            if let Err(invalid) = record.details.validate() {
                errors.extend(
                    invalid
                        .0
                        .into_iter()
                        .map(|e| RowError::new(record.line, e.field, e.reason)),
                );
                continue;
            }
            let point = match record.location {
                Some(point) => Some(point),
                None => {
                    let postcode = &record.details.postcode;
                    match places.get(postcode) {
                        Some(point) => *point,
                        None => {
                            let point = self.store.locate(postcode)?.map(|l| l.point);
                            places.insert(postcode.clone(), point);
                            point
                        }
                    }
                }
            };
            match point {
                Some(point) => located.push((record, point)),
                None => errors.push(RowError::new(
                    record.line,
                    "postcode",
                    format!(
                        "unknown postcode: {} is not in the gazetteer",
                        record.details.postcode
                    ),
                )),
            }
        }
        if !errors.is_empty() {
            return Err(ServiceError::ImportRejected(errors));
        }

        let held = self.store.providers_from_feed(source, &feed)?;
        let mut by_source_id: HashMap<String, (carematch_domain::Provider, bool)> = held
            .into_iter()
            .filter_map(|(provider, origin)| {
                origin.provenance.map(|p| (p.source_id, (provider, false)))
            })
            .collect();
        let mut sync = SourceSync {
            source,
            feed: feed.clone(),
            fetched_at,
            create: Vec::new(),
            update: Vec::new(),
            unchanged: Vec::new(),
            retire: Vec::new(),
            duplicates: Vec::new(),
        };
        let mut outcomes: Vec<(String, Option<ProviderId>, SyncAction)> = Vec::new();
        for (record, location) in located {
            match by_source_id.get_mut(&record.source_id) {
                Some((held, kept)) => {
                    *kept = true;
                    let action = if held.details == record.details && held.location == location {
                        sync.unchanged.push(held.id);
                        SyncAction::Unchanged
                    } else {
                        sync.update.push(SourceUpdate {
                            id: held.id,
                            details: record.details,
                            location,
                        });
                        SyncAction::Updated
                    };
                    outcomes.push((record.source_id, Some(held.id), action));
                }
                None => {
                    outcomes.push((record.source_id.clone(), None, SyncAction::Created));
                    sync.create.push(NewProvider {
                        agency_id: None,
                        details: record.details,
                        location,
                        provenance: Some(Provenance {
                            source,
                            feed: feed.clone(),
                            source_id: record.source_id,
                            fetched_at,
                        }),
                        uuid: record.uuid,
                    });
                }
            }
        }
        for (source_id, (held, kept)) in &by_source_id {
            if !kept {
                sync.retire.push(held.id);
                outcomes.push((source_id.clone(), Some(held.id), SyncAction::Retired));
            }
        }
        sync.duplicates = duplicates::likely_duplicates(self, &sync)?;
        let actor = Actor::new(
            ActorKind::Import,
            None,
            format!("import {} {}", sync.source.as_str(), sync.feed),
        );
        let created = self.store.apply_source_sync(&sync, &actor)?;
        let mut created_ids = created.iter();
        let mut report = SyncReport::default();
        for (source_id, id, action) in outcomes {
            let provider_id = match id {
                Some(id) => id,
                None => *created_ids.next().ok_or_else(|| {
                    ServiceError::Internal("fewer providers created than asked".into())
                })?,
            };
            match action {
                SyncAction::Created => report.created += 1,
                SyncAction::Updated => report.updated += 1,
                SyncAction::Unchanged => report.unchanged += 1,
                SyncAction::Retired => report.retired += 1,
            }
            report.records.push(RecordOutcome {
                source_id,
                provider_id,
                action,
            });
        }
        report.duplicates = sync
            .duplicates
            .iter()
            .filter_map(|d| {
                let provider_id = match d.subject {
                    carematch_store::DuplicateSubject::Created(i) => *created.get(i)?,
                    carematch_store::DuplicateSubject::Existing(id) => id,
                };
                Some(DuplicateFlag {
                    provider_id,
                    candidate_id: d.candidate,
                    similarity: d.similarity,
                    reasons: d.reasons.clone(),
                })
            })
            .collect();
        Ok(self.committed(report))
    }
}
