//! The per-record report of an import: printed, and written as JSON with `--report FILE`.

use std::collections::HashMap;

use carematch_openreferral::read::Problem;
use carematch_service::sources::{DuplicateFlag, SyncAction, SyncReport};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// What an import did, record by record.
#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    pub feed: String,
    pub fetched_at: DateTime<Utc>,
    /// Whether the feed was applied; `false` when records were rejected (nothing written).
    pub imported: bool,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub retired: usize,
    /// Services the feed lists as `inactive` or `defunct` (not imported; retired if held).
    pub withdrawn: usize,
    /// Records left out with `--skip-unmappable`.
    pub skipped: usize,
    pub records: Vec<RecordLine>,
    /// Likely duplicates of providers already held, flagged for review.
    pub duplicates: Vec<DuplicateFlag>,
    /// Records that stopped the import, each with every problem found.
    pub rejected: Vec<Rejected>,
}

/// One record's fate.
#[derive(Debug, Clone, Serialize)]
pub struct RecordLine {
    /// The record's number in the feed; `null` for a provider retired because the feed no
    /// longer has it.
    pub record: Option<u64>,
    pub source_id: String,
    /// `created`, `updated`, `unchanged`, `retired`, `withdrawn` or `skipped`.
    pub action: &'static str,
    pub provider_id: Option<i64>,
    /// What was assumed or left out (a language outside the vocabulary...), or why skipped.
    pub notes: Vec<String>,
}

/// A record that breaks the schema or that carematch cannot take.
#[derive(Debug, Clone, Serialize)]
pub struct Rejected {
    pub record: u64,
    /// Where it is: `page 3, item 7`, `line 12`.
    pub place: String,
    pub source_id: Option<String>,
    pub problems: Vec<Problem>,
}

fn action_name(action: SyncAction) -> &'static str {
    match action {
        SyncAction::Created => "created",
        SyncAction::Updated => "updated",
        SyncAction::Unchanged => "unchanged",
        SyncAction::Retired => "retired",
    }
}

impl ImportReport {
    pub fn new(feed: String, fetched_at: DateTime<Utc>) -> Self {
        Self {
            feed,
            fetched_at,
            imported: false,
            created: 0,
            updated: 0,
            unchanged: 0,
            retired: 0,
            withdrawn: 0,
            skipped: 0,
            records: Vec::new(),
            duplicates: Vec::new(),
            rejected: Vec::new(),
        }
    }

    pub(super) fn withdrawn(&mut self, record: u64, source_id: String, status: &str) {
        self.withdrawn += 1;
        self.records.push(RecordLine {
            record: Some(record),
            source_id,
            action: "withdrawn",
            provider_id: None,
            notes: vec![format!("the feed lists it as {status}")],
        });
    }

    pub(super) fn problem(
        &mut self,
        record: u64,
        place: String,
        source_id: Option<String>,
        problems: Vec<Problem>,
        skip: bool,
    ) {
        if skip {
            self.skipped += 1;
            self.records.push(RecordLine {
                record: Some(record),
                source_id: source_id.unwrap_or_default(),
                action: "skipped",
                provider_id: None,
                notes: problems
                    .into_iter()
                    .map(|p| format!("{}: {}", p.field, p.reason))
                    .collect(),
            });
        } else {
            self.rejected.push(Rejected {
                record,
                place,
                source_id,
                problems,
            });
        }
    }

    pub(super) fn applied(
        &mut self,
        sync: SyncReport,
        notes: &mut HashMap<String, (u64, Vec<String>)>,
    ) {
        self.imported = true;
        self.created = sync.created;
        self.updated = sync.updated;
        self.unchanged = sync.unchanged;
        self.retired = sync.retired;
        for outcome in sync.records {
            let (record, notes) = notes
                .remove(&outcome.source_id)
                .map_or((None, Vec::new()), |(n, notes)| (Some(n), notes));
            self.records.push(RecordLine {
                record,
                source_id: outcome.source_id,
                action: action_name(outcome.action),
                provider_id: Some(outcome.provider_id.0),
                notes,
            });
        }
        self.records.sort_by_key(|r| (r.record.is_none(), r.record));
        self.duplicates = sync.duplicates;
    }

    /// The report as people read it: one line per record, then duplicates and problems.
    pub fn print(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        for line in &self.records {
            let at = line
                .record
                .map_or_else(|| "-".to_owned(), |n| format!("#{n}"));
            let provider = line
                .provider_id
                .map_or_else(String::new, |id| format!(" (provider {id})"));
            writeln!(
                out,
                "{at} {} {}{provider}{}",
                line.action,
                line.source_id,
                if line.notes.is_empty() {
                    String::new()
                } else {
                    format!(": {}", line.notes.join("; "))
                }
            )?;
        }
        for flag in &self.duplicates {
            writeln!(
                out,
                "possible duplicate: provider {} looks like provider {} ({}; similarity {:.2}): review with GET /v1/providers/duplicates",
                flag.provider_id.0,
                flag.candidate_id.0,
                flag.reasons.join(", "),
                flag.similarity
            )?;
        }
        for rejected in &self.rejected {
            for problem in &rejected.problems {
                writeln!(
                    out,
                    "rejected #{} ({}{}): {}: {}",
                    rejected.record,
                    rejected.place,
                    rejected
                        .source_id
                        .as_ref()
                        .map_or_else(String::new, |id| format!(", id {id}")),
                    if problem.field.is_empty() {
                        "record"
                    } else {
                        &problem.field
                    },
                    problem.reason
                )?;
            }
        }
        if self.imported {
            writeln!(
                out,
                "{}: {} created, {} updated, {} unchanged, {} retired, {} withdrawn, {} skipped, {} possible duplicate(s)",
                self.feed,
                self.created,
                self.updated,
                self.unchanged,
                self.retired,
                self.withdrawn,
                self.skipped,
                self.duplicates.len()
            )
        } else {
            writeln!(
                out,
                "{}: {} record(s) rejected; nothing was imported",
                self.feed,
                self.rejected.len()
            )
        }
    }
}
