//! Census 2021 counts by local authority: reading Nomis bulk CSV (TS021 ethnic group, TS024
//! main language, TS030 religion) and storing them under the census's own codes; roll-up to current authorities
//! happens on reading ([`load_counts`]).

use std::io::Read;

use carematch_domain::census::{Category, CensusTable};
use carematch_matching::gaps::{Authorities, CensusCounts};
use diesel::prelude::*;

use crate::authorities::OpenDataError;
use crate::backend::{DbConnection, each_backend};
use crate::error::StoreError;

diesel::table! {
    census_counts (gss, census_table, category) {
        gss -> Text,
        census_table -> Text,
        category -> Text,
        count -> BigInt,
    }
}

/// One published figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CensusRecord {
    pub gss: String,
    pub category: String,
    pub count: u64,
}

/// A whole table as read from one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CensusFile {
    pub table: CensusTable,
    pub records: Vec<CensusRecord>,
    /// Areas (rows) read.
    pub areas: usize,
}

/// Reads a Nomis bulk CSV (`date,geography,geography code,<Table>: <category>,...`). The table
/// is recognised from the column prefixes (`Main language (detailed): ` is TS024, `Religion: `
/// TS030); each category column becomes one record per area.
pub fn read_census_csv(reader: impl Read) -> Result<CensusFile, OpenDataError> {
    let mut csv = csv::Reader::from_reader(reader);
    let headers = csv
        .headers()
        .map_err(|e| OpenDataError::Csv {
            line: 1,
            message: e.to_string(),
        })?
        .clone();
    let names: Vec<&str> = headers.iter().collect();
    let table = CensusTable::from_header(&names).ok_or(OpenDataError::MissingColumn {
        column: "Ethnic group: ..., Main language (detailed): ... or Religion: ...".into(),
        expected: "a Nomis bulk CSV of Census 2021 TS021, TS024 or TS030",
    })?;
    let code = names
        .iter()
        .position(|h| h.trim() == "geography code")
        .ok_or(OpenDataError::MissingColumn {
            column: "geography code".into(),
            expected: "a Nomis bulk CSV",
        })?;
    let categories: Vec<(usize, String)> = names
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            h.strip_prefix(table.header_prefix())
                .map(|c| (i, c.trim().to_owned()))
        })
        .collect();
    let mut records = Vec::new();
    let mut areas = 0;
    for (i, record) in csv.records().enumerate() {
        let line = i as u64 + 2;
        let record = record.map_err(|e| OpenDataError::Csv {
            line,
            message: e.to_string(),
        })?;
        let gss = record.get(code).unwrap_or_default().trim().to_owned();
        if gss.is_empty() {
            continue;
        }
        areas += 1;
        for (column, category) in &categories {
            let raw = record.get(*column).unwrap_or_default().trim();
            let count = raw.parse::<u64>().map_err(|_| OpenDataError::Value {
                line,
                message: format!("`{raw}` in column `{category}` is not a count"),
            })?;
            records.push(CensusRecord {
                gss: gss.clone(),
                category: category.clone(),
                count,
            });
        }
    }
    Ok(CensusFile {
        table,
        records,
        areas,
    })
}

#[derive(Insertable)]
#[diesel(table_name = census_counts)]
struct NewCount<'a> {
    gss: &'a str,
    census_table: &'a str,
    category: &'a str,
    count: i64,
}

const BATCH: usize = 1000;

/// Replaces every count of the file's table.
pub(crate) fn replace_table(
    conn: &mut DbConnection,
    file: &CensusFile,
) -> Result<usize, StoreError> {
    let table = file.table.code();
    diesel::delete(census_counts::table.filter(census_counts::census_table.eq(table)))
        .execute(conn)?;
    let rows: Vec<NewCount<'_>> = file
        .records
        .iter()
        .map(|r| NewCount {
            gss: &r.gss,
            census_table: table,
            category: &r.category,
            count: i64::try_from(r.count).unwrap_or(i64::MAX),
        })
        .collect();
    for chunk in rows.chunks(BATCH) {
        each_backend!(conn, |c| diesel::insert_into(census_counts::table)
            .values(chunk)
            .execute(c))?;
    }
    Ok(rows.len())
}

/// The counts of `categories`, rolled up to current English authorities (figures under former
/// codes are added to their successor; other nations and unknown codes are left out).
pub(crate) fn load_counts(
    conn: &mut DbConnection,
    authorities: &Authorities,
    categories: &[Category],
) -> Result<CensusCounts, StoreError> {
    let mut counts = CensusCounts::new();
    for table in CensusTable::ALL {
        let names: Vec<&str> = categories
            .iter()
            .filter(|c| c.table == table)
            .map(|c| c.name)
            .collect();
        if names.is_empty() {
            continue;
        }
        let rows: Vec<(String, String, i64)> = census_counts::table
            .filter(census_counts::census_table.eq(table.code()))
            .filter(census_counts::category.eq_any(&names))
            .select((
                census_counts::gss,
                census_counts::category,
                census_counts::count,
            ))
            .load(conn)?;
        for (gss, category, count) in rows {
            if let Some(authority) = authorities.roll_up(&gss) {
                counts.add(
                    &authority.gss,
                    table,
                    &category,
                    u64::try_from(count).unwrap_or(0),
                );
            }
        }
    }
    Ok(counts)
}

/// How many counts are stored for a table.
pub(crate) fn count_rows(conn: &mut DbConnection, table: CensusTable) -> Result<u64, StoreError> {
    let n: i64 = census_counts::table
        .filter(census_counts::census_table.eq(table.code()))
        .count()
        .get_result(conn)?;
    Ok(u64::try_from(n).unwrap_or(0))
}

impl crate::Store {
    /// Replaces every count of the file's table in one transaction; returns the rows stored.
    pub fn import_census(&self, file: &CensusFile) -> Result<usize, StoreError> {
        self.write(|conn| replace_table(conn, file))
    }

    /// The counts of `categories`, rolled up to current English authorities.
    pub fn census_counts(
        &self,
        authorities: &Authorities,
        categories: &[Category],
    ) -> Result<CensusCounts, StoreError> {
        self.read(|conn| load_counts(conn, authorities, categories))
    }

    /// How many counts are stored for a table (0 before its import).
    pub fn census_rows(&self, table: CensusTable) -> Result<u64, StoreError> {
        self.read(|conn| count_rows(conn, table))
    }
}
