//! `carematch import openreferral URL-or-FILE`: a council's Open Referral UK v3 feed brought in
//! as providers (docs/openreferral-import.md).
//!
//! The whole feed is read first (page by page over HTTP, or from a file); each service record
//! is then mapped ([`carematch_openreferral::read`]); a record that breaks the schema or that
//! carematch cannot take rejects the import, every such record listed with its field paths,
//! and nothing is written. Otherwise [`CareService::sync_source`] applies the feed in one
//! transaction: created, updated, unchanged, retired (dropped by the feed, or now `inactive`
//! or `defunct`), likely duplicates flagged. A feed that cannot be read to the end (a server
//! error that outlasts the retries, a timeout) is an error, and nothing is written either.

pub mod feed;
pub mod fetch;
mod report;
pub mod schedule;

use carematch_domain::SourceKind;
use carematch_openreferral::read::{
    Outcome, Problem, ProblemKind, Vocabulary, read_service, status_text,
};
use carematch_service::sources::{SourceRecord, SourceSnapshot};
use carematch_service::{CareService, ServiceError};
use chrono::Utc;

pub use feed::FeedSource;
pub use fetch::{FetchOptions, Fetcher};
pub use report::ImportReport;

/// How to read a feed.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    /// Services asked for per page.
    pub per_page: u32,
    pub fetch: FetchOptions,
    /// Leave out records that are valid Open Referral but that carematch cannot take (no UK
    /// postcode, no carematch service...), listing them, instead of rejecting the feed.
    pub skip_unmappable: bool,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            per_page: 100,
            fetch: FetchOptions::default(),
            skip_unmappable: false,
        }
    }
}

/// Reads and applies one feed. `Ok` with `imported: false` when records were rejected (the
/// report lists them); `Err` when the feed could not be read or the database failed.
pub fn import(
    service: &CareService,
    source: &FeedSource,
    options: &ImportOptions,
) -> anyhow::Result<ImportReport> {
    let feed = source.feed_name()?;
    let fetched_at = Utc::now();
    let fetcher = Fetcher::new(options.fetch);
    let raw = feed::read(source, &fetcher, options.per_page)?;
    let vocabulary = Vocabulary::new();
    let mut report = ImportReport::new(feed.clone(), fetched_at);
    let mut records = Vec::with_capacity(raw.len());
    let mut notes = std::collections::HashMap::new();
    for record in raw {
        let read = match &record.value {
            Ok(value) => read_service(value, fetched_at.date_naive(), &vocabulary),
            Err(reason) => Err(vec![Problem {
                kind: ProblemKind::Schema,
                field: String::new(),
                reason: reason.clone(),
            }]),
        };
        let source_id = record
            .value
            .as_ref()
            .ok()
            .and_then(carematch_openreferral::read::record_id);
        match read {
            Ok(Outcome::Read(read)) => {
                notes.insert(read.source_id.clone(), (record.number, read.notes));
                records.push(SourceRecord {
                    line: record.number,
                    source_id: read.source_id,
                    details: read.details,
                    location: read.location,
                    uuid: None,
                });
            }
            Ok(Outcome::Withdrawn { source_id, status }) => {
                report.withdrawn(record.number, source_id, status_text(status));
            }
            Err(problems) => {
                let skip = options.skip_unmappable
                    && problems.iter().all(|p| p.kind == ProblemKind::Unmappable);
                report.problem(record.number, record.place, source_id, problems, skip);
            }
        }
    }
    if !report.rejected.is_empty() {
        return Ok(report);
    }
    let places: std::collections::HashMap<u64, String> = records
        .iter()
        .map(|r| (r.line, r.source_id.clone()))
        .collect();
    let snapshot = SourceSnapshot {
        source: SourceKind::OpenReferral,
        feed,
        fetched_at,
        records,
    };
    match service.sync_source(snapshot) {
        Ok(sync) => {
            report.applied(sync, &mut notes);
            Ok(report)
        }
        Err(ServiceError::ImportRejected(rows)) => {
            for row in rows {
                let source_id = places.get(&row.line).cloned();
                report.problem(
                    row.line,
                    format!("record {}", row.line),
                    source_id,
                    vec![Problem {
                        kind: ProblemKind::Unmappable,
                        field: row.column,
                        reason: row.reason,
                    }],
                    false,
                );
            }
            Ok(report)
        }
        Err(other) => Err(other.into()),
    }
}
