//! The CQC register in: CQC's monthly `HSCA_Active_Locations` file (ODS, read directly, or its
//! CSV export) and Trafford Data Lab's CSV extracts of the CQC directory. Home-care and
//! community locations become providers through [`CareService::sync_source`] (source `cqc`,
//! source id = the CQC location id), so a monthly re-import updates what changed, retires
//! what the register dropped and never touches records made by hand. Everything else (dormant
//! locations, care homes, hospitals and GP practices) is reported row by row as skipped, with
//! the reason. A file with any bad row is rejected whole, every bad row listed, nothing
//! written. The mapping and its defaults are in docs/cqc.md.

mod datalab;
mod fields;
mod hsca;
mod read;

use carematch_domain::SourceKind;
use chrono::{NaiveDate, Utc};

pub use fields::{DEFAULT_SERVICE_RADIUS_KM, REGISTRATION_CONFIRMED_FOR_DAYS};

use self::fields::Columns;
use self::read::read_table;
use crate::import_csv::RowError;
use crate::sources::{SourceRecord, SourceSnapshot, SyncReport};
use crate::{CareService, ServiceError};

/// The feed name of CQC's national register. A Data Lab extract covers one council only, so
/// it is a feed of its own (`cqc:<area code>`): importing it never retires what the national
/// register brought in.
pub const NATIONAL_FEED: &str = "cqc";

/// Which kind of file it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CqcLayout {
    /// CQC's `HSCA_Active_Locations` sheet.
    Hsca,
    /// A Trafford Data Lab extract.
    DataLab,
}

/// Why a row was not imported. None of these is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// Registered but marked dormant (not providing care now).
    Dormant,
    /// Inspected by another directorate (hospitals, primary medical services, dentists).
    OtherDirectorate,
    /// A care home: a place to live, not a service that reaches people at home.
    CareHome,
    /// Adult social care, but none of the home-care or community service types.
    NoHomeOrCommunityService,
}

/// A row outside the import's scope.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    pub line: u64,
    pub location_id: String,
    pub name: String,
    /// As written in the file.
    pub postcode: String,
    pub reason: SkipReason,
    /// The file's own words: the directorate, the Data Lab `type`.
    pub detail: String,
}

/// Rows mapped so far.
#[derive(Debug, Default)]
pub(crate) struct Mapped {
    pub(crate) records: Vec<SourceRecord>,
    pub(crate) skipped: Vec<Skipped>,
    pub(crate) notes: Vec<RowError>,
    pub(crate) errors: Vec<RowError>,
}

/// A file read and mapped, before anything is written.
#[derive(Debug, Clone, PartialEq)]
pub struct CqcFile {
    pub layout: CqcLayout,
    pub feed: String,
    /// Rows below the header that are not blank.
    pub rows: usize,
    pub records: Vec<SourceRecord>,
    pub skipped: Vec<Skipped>,
    /// Cells left out of an imported record (a telephone number or web address that is not
    /// one), each with the reason.
    pub notes: Vec<RowError>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CqcReport {
    pub layout: CqcLayout,
    pub feed: String,
    pub rows: usize,
    /// Rows in scope, each synced as one provider.
    pub in_scope: usize,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<RowError>,
    /// False when no row was in scope: then nothing is written (an empty snapshot would
    /// retire every provider the feed brought in before).
    pub written: bool,
    pub sync: SyncReport,
}

/// Reads and maps a CQC file (see the module docs); `as_of` is the date the register stands
/// at, which dates the `cqc_registered` check and the records' "last confirmed".
pub fn read_cqc(data: &[u8], as_of: NaiveDate) -> Result<CqcFile, ServiceError> {
    let is_header = |cells: &[String]| hsca::is_header(cells) || datalab::is_header(cells);
    let table = read_table(data, &is_header).map_err(|e| ServiceError::ImportRejected(vec![e]))?;
    let (layout, required) = if hsca::is_header(&table.header) {
        (CqcLayout::Hsca, hsca::REQUIRED)
    } else {
        (CqcLayout::DataLab, datalab::REQUIRED)
    };
    let columns = Columns::new(&table.header);
    let missing: Vec<RowError> = required
        .iter()
        .filter(|name| !columns.has(name))
        .map(|name| RowError::new(table.header_line, *name, "this column is required"))
        .collect();
    if !missing.is_empty() {
        return Err(ServiceError::ImportRejected(missing));
    }
    let mut mapped = Mapped::default();
    let mut rows = 0;
    let mut feed = NATIONAL_FEED.to_owned();
    for row in table.rows.iter().filter(|row| !row.is_blank()) {
        rows += 1;
        match layout {
            CqcLayout::Hsca => hsca::map_row(&columns, row, as_of, &mut mapped),
            CqcLayout::DataLab => {
                if rows == 1 {
                    feed = match columns.text(row, datalab::AREA_CODE) {
                        "" => format!("{NATIONAL_FEED}:data-lab"),
                        code => format!("{NATIONAL_FEED}:{code}"),
                    };
                }
                datalab::map_row(&columns, row, as_of, &mut mapped);
            }
        }
    }
    if !mapped.errors.is_empty() {
        return Err(ServiceError::ImportRejected(mapped.errors));
    }
    Ok(CqcFile {
        layout,
        feed,
        rows,
        records: mapped.records,
        skipped: mapped.skipped,
        notes: mapped.notes,
    })
}

impl CareService {
    /// Imports a CQC file: reads and maps it ([`read_cqc`]), then syncs the in-scope rows as
    /// one snapshot of the feed. All or nothing; blocking.
    pub fn import_cqc(&self, data: &[u8], as_of: NaiveDate) -> Result<CqcReport, ServiceError> {
        let file = read_cqc(data, as_of)?;
        let in_scope = file.records.len();
        let written = in_scope > 0;
        let sync = if written {
            self.sync_source(SourceSnapshot {
                source: SourceKind::Cqc,
                feed: file.feed.clone(),
                fetched_at: Utc::now(),
                records: file.records,
            })?
        } else {
            SyncReport::default()
        };
        Ok(CqcReport {
            layout: file.layout,
            feed: file.feed,
            rows: file.rows,
            in_scope,
            skipped: file.skipped,
            notes: file.notes,
            written,
            sync,
        })
    }
}
