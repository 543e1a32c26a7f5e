//! A CQC file as rows of text cells with their spreadsheet row numbers, whichever form it came
//! in: an ODS workbook (read with calamine) or a CSV export of the same sheet. The header row
//! is found by its column names, below however many title rows the sheet starts with.

use std::io::Cursor;

use calamine::{Data, Ods, Reader};

use crate::import_csv::RowError;

/// One row: its number as a spreadsheet shows it (1 = the first row) and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
}

impl Row {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// How far down a sheet the header row may be: CQC's files have had up to 27 title rows.
const HEADER_SEARCH_ROWS: usize = 100;

/// The sheet CQC's workbook keeps the register in; other sheets (a README, dual registrations)
/// are only looked at when it is missing.
const HSCA_SHEET: &str = "HSCA_Active_Locations";

/// A table: the header row and the rows below it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header_line: u64,
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// Reads `data` (ODS when it is a zip, else CSV in UTF-8) and splits it at the first row that
/// `is_header` accepts.
pub fn read_table(data: &[u8], is_header: &dyn Fn(&[String]) -> bool) -> Result<Table, RowError> {
    let sheets = if data.starts_with(b"PK\x03\x04") {
        ods_sheets(data)?
    } else {
        vec![csv_rows(data)?]
    };
    for rows in sheets {
        let found = rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .position(|row| is_header(&row.cells));
        if let Some(at) = found {
            let mut rows = rows;
            let body = rows.split_off(at + 1);
            let header = rows
                .pop()
                .unwrap_or_else(|| unreachable!("row {at} was found"));
            return Ok(Table {
                header_line: header.line,
                header: header.cells.iter().map(|c| c.trim().to_owned()).collect(),
                rows: body,
            });
        }
    }
    Err(RowError::new(
        0,
        "",
        format!(
            "no header row in the first {HEADER_SEARCH_ROWS} rows: expected CQC's HSCA_Active_Locations columns (`Location ID`, `Location Name`, `Location Postal Code`, `Dormant (Y/N)`) or a Trafford Data Lab extract (`cqc_id`, `name`, `type`, `postcode`)"
        ),
    ))
}

/// Every sheet of the workbook, CQC's register sheet first.
fn ods_sheets(data: &[u8]) -> Result<Vec<Vec<Row>>, RowError> {
    let unreadable = |e: calamine::OdsError| {
        RowError::new(0, "", format!("not a readable ODS spreadsheet: {e}"))
    };
    let mut workbook: Ods<_> = Ods::new(Cursor::new(data)).map_err(unreadable)?;
    let mut names = workbook.sheet_names();
    names.sort_by_key(|name| name != HSCA_SHEET);
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = workbook.worksheet_range(&name).map_err(unreadable)?;
        // The range starts at its first used cell; row numbers count from the sheet's top.
        let first = range.start().map_or(0, |(row, _)| u64::from(row));
        let offset = range.start().map_or(0, |(_, col)| col as usize);
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let mut text = vec![String::new(); offset];
                text.extend(cells.iter().map(cell_text));
                Row {
                    line: first + i as u64 + 1,
                    cells: text,
                }
            })
            .collect();
        sheets.push(rows);
    }
    Ok(sheets)
}

/// A cell as the text a CSV export would hold. Whole numbers lose their `.0` (a telephone
/// number saved as a number reads back as its digits).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        other => other.to_string(),
    }
}

/// A CSV file's records (any width: a title row has one cell, the header many).
fn csv_rows(data: &[u8]) -> Result<Vec<Row>, RowError> {
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, csv::Position::line);
            RowError::new(line, "", format!("not readable as CSV: {e}"))
        })?;
        let line = record
            .position()
            .map_or(rows.len() as u64 + 1, csv::Position::line);
        rows.push(Row {
            line,
            cells: record.iter().map(str::to_owned).collect(),
        });
    }
    Ok(rows)
}
