//! Parsing an agency's PA register from CSV (the format of `docs/import-template.csv`, described
//! in `docs/import.md`) into [`CarerDetails`], with every problem reported by line and column.
//! Pure: no IO; the caller resolves postcodes and stores the rows.
//!
//! Longer than most files (about 750 lines) for a reason: the column table, the cell checks and
//! one parser per column belong together, so that a column is added in one place.

mod suggest;

use std::collections::HashMap;
use std::str::FromStr;

use carematch_domain::schedule::TimeOfDay;
use carematch_domain::spreadsheet::{formula_trigger, read_cell};
use carematch_domain::vocabulary::{
    CheckKind, Code, Cuisine, DietaryLaw, EmploymentStatus, Experience, Faith, FaithPractice,
    Gender, Language, MedicalDiet, Proficiency, Service, TravelMode, Weekday,
};
use carematch_domain::{
    CarerDetails, Check, Contact, Km, LanguageSkill, Postcode, RatePence, Slot,
};
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

/// One problem in an uploaded file: the line (1 is the header), the column and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct RowError {
    #[schema(example = 3)]
    pub line: u64,
    /// The column's header name; empty when the problem is the whole row.
    #[schema(example = "languages")]
    pub column: String,
    #[schema(example = "`xx` is not a known language code")]
    pub reason: String,
}

impl RowError {
    pub fn new(line: u64, column: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            line,
            column: column.into(),
            reason: reason.into(),
        }
    }
}

/// One parsed and validated row and the line it started on.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedCarer {
    pub line: u64,
    pub details: CarerDetails,
}

/// Every column, in template order; `true` when a value is required.
pub const CARER_COLUMNS: &[(&str, bool)] = &[
    ("external_ref", false),
    ("given_name", true),
    ("family_name", true),
    ("gender", true),
    ("languages", true),
    ("cuisines", false),
    ("dietary_laws", false),
    ("medical_diets", false),
    ("faith", false),
    ("faith_public_consent", false),
    ("faith_practices", false),
    ("services", true),
    ("experience", false),
    ("lgbt_inclusive", false),
    ("checks", false),
    ("availability", false),
    ("hours_per_week", true),
    ("accepting_new_clients", false),
    ("accepting_confirmed_on", false),
    ("available_from", true),
    ("postcode", true),
    ("travel_radius_km", true),
    ("travel_mode", true),
    ("hourly_rate", true),
    ("employment_status", true),
    ("public_listing_consent", true),
    ("last_confirmed_on", true),
    ("bio", false),
    ("phone", false),
    ("email", false),
    ("website", false),
];

/// Columns whose cells may hold a line break (inside quotes): free text written in paragraphs.
/// A line break anywhere else means a quote was left open and the next line was read into the
/// cell, so it is an error.
pub const MULTI_LINE_COLUMNS: &[&str] = &["bio"];

/// Columns where a cell may begin with a formula trigger (`carematch_domain::spreadsheet`) as
/// ordinary text, and which: a phone number `+44 ...`; a bio that begins `- `, `+ ` or `@`, or
/// with white space. Every other column refuses them. Every CSV we write passes text through
/// `spreadsheet::csv_cell`, which neutralises them; a neutralised cell (`'+44 ...`) is read
/// without its `'` (`spreadsheet::read_cell`) and then checked like this.
pub const FORMULA_TEXT_COLUMNS: &[(&str, &[char])] =
    &[("phone", &['+']), ("bio", &['-', '+', '@', '\t', '\r'])];

/// A line inside a multi-line cell with at least this many cells that fit their columns (read
/// as CSV, aligned with the header from where the line would sit) is taken for a row that an
/// unclosed quote swallowed. Prose lines have none: a cell fits only when it is a gender, a
/// language list, a date, a postcode, an hourly rate, ... in exactly that column's place.
pub const SWALLOWED_ROW_CELLS: usize = 3;

/// Parses a whole file. Every row is parsed and validated; if any row (or the header) is bad,
/// the error lists every problem found, in line order, and no row is returned.
pub fn parse_carers(input: &[u8]) -> Result<Vec<ParsedCarer>, Vec<RowError>> {
    let file = parse_carers_partial(input);
    if file.errors.is_empty() {
        Ok(file.rows)
    } else {
        Err(file.errors)
    }
}

/// What a file holds, as far as it could be read.
#[derive(Debug, Default)]
pub struct ParsedFile {
    /// The rows that parsed and validated.
    pub rows: Vec<ParsedCarer>,
    /// Every problem, in line order.
    pub errors: Vec<RowError>,
    /// The well-formed postcodes of rows refused for other reasons, so that the caller checks
    /// them against the gazetteer in the same pass: one upload lists every problem.
    pub other_postcodes: Vec<(u64, Postcode)>,
}

/// Parses a whole file, returning the good rows and every problem, so that a caller can check
/// the rows further (postcodes) and report everything at once.
pub fn parse_carers_partial(input: &[u8]) -> ParsedFile {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    // Cells are read as bytes and untrimmed, so that bad UTF-8, a NUL or a leading tab is
    // reported against its own cell, and trimmed here afterwards.
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(input);
    let mut errors = Vec::new();
    let headers = match reader.byte_headers() {
        Ok(headers) => headers.clone(),
        Err(e) => {
            return ParsedFile {
                errors: vec![RowError::new(1, "", format!("cannot read the header: {e}"))],
                ..ParsedFile::default()
            };
        }
    };
    let mut columns: Vec<&'static str> = Vec::with_capacity(headers.len());
    for raw in &headers {
        let Ok(name) = std::str::from_utf8(raw) else {
            errors.push(RowError::new(
                1,
                String::from_utf8_lossy(raw),
                "not valid UTF-8: save the file as CSV UTF-8",
            ));
            continue;
        };
        let name = trim(name);
        match CARER_COLUMNS.iter().find(|(c, _)| *c == name) {
            Some((column, _)) => {
                if columns.contains(column) {
                    errors.push(RowError::new(1, name, "this column appears twice"));
                }
                columns.push(column);
            }
            None => errors.push(RowError::new(
                1,
                name,
                "unknown column (see docs/import.md for the columns)",
            )),
        }
    }
    for (column, required) in CARER_COLUMNS {
        if *required && !columns.contains(column) {
            errors.push(RowError::new(1, *column, "required column is missing"));
        }
    }
    if !errors.is_empty() {
        return ParsedFile {
            errors,
            ..ParsedFile::default()
        };
    }

    let mut rows = Vec::new();
    let mut other_postcodes = Vec::new();
    let mut refs: HashMap<String, u64> = HashMap::new();
    let mut record = csv::ByteRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                errors.push(RowError::new(line, "", format!("not valid CSV: {e}")));
                break;
            }
        }
        let line = record.position().map_or(line, csv::Position::line);
        if record.iter().all(|cell| cell.trim_ascii().is_empty()) {
            continue;
        }
        if record.len() != columns.len() {
            errors.push(cell_count_error(line, &record, &columns));
            continue;
        }
        let mut row = RowParser {
            line,
            errors: Vec::new(),
            refused: Vec::new(),
        };
        let mut cells = Vec::with_capacity(columns.len());
        let mut line_of_cell = line;
        for (at, (raw, column)) in record.iter().zip(&columns).enumerate() {
            let line_of_next = line_of_cell + line_breaks(raw);
            // A cell our own exports neutralised (`'+44 ...`) reads as the value written, and
            // is then checked like any other cell.
            let cell = match std::str::from_utf8(raw) {
                Ok(cell) => read_cell(cell),
                Err(_) => {
                    row.refuse(column, "not valid UTF-8: save the file as CSV UTF-8".into());
                    cells.push("");
                    line_of_cell = line_of_next;
                    continue;
                }
            };
            match cell_problem(column, cell, at, line_of_cell, &columns) {
                Some(reason) => {
                    row.refuse(column, reason);
                    cells.push("");
                }
                None => cells.push(trim(cell)),
            }
            line_of_cell = line_of_next;
        }
        let cells = Cells {
            columns: &columns,
            values: &cells,
        };
        let external_ref = cells.get("external_ref");
        if !external_ref.is_empty() {
            if let Some(first) = refs.get(external_ref) {
                row.error(
                    "external_ref",
                    format!("`{external_ref}` is also used on line {first}"),
                );
            } else {
                refs.insert(external_ref.to_owned(), line);
            }
        }
        match row.carer(&cells) {
            Some(details) if row.errors.is_empty() => rows.push(ParsedCarer { line, details }),
            _ => {
                if !row.errors.iter().any(|e| e.column == "postcode")
                    && let Ok(postcode) = Postcode::parse(cells.get("postcode"))
                {
                    other_postcodes.push((line, postcode));
                }
            }
        }
        errors.extend(row.errors);
    }
    ParsedFile {
        rows,
        errors,
        other_postcodes,
    }
}

/// Spaces, tabs and line breaks around a cell are not part of it.
fn trim(cell: &str) -> &str {
    cell.trim_matches(|c: char| c.is_ascii_whitespace())
}

/// Line breaks in a cell (`\r\n` counts once), so that a problem names the line it is on.
fn line_breaks(cell: &[u8]) -> u64 {
    let breaks = cell.iter().filter(|b| matches!(b, b'\n' | b'\r')).count();
    let pairs = cell.windows(2).filter(|w| w == b"\r\n").count();
    (breaks - pairs) as u64
}

/// A row with more or fewer cells than the header has columns. Its cells cannot be matched to
/// columns, so nothing else is said about it; a cell that runs over a line break is named, since
/// an unclosed quote is the usual cause.
fn cell_count_error(line: u64, record: &csv::ByteRecord, columns: &[&'static str]) -> RowError {
    let count = format!(
        "{} values but the header has {} columns",
        record.len(),
        columns.len()
    );
    let multi_line = record
        .iter()
        .position(|cell| cell.trim_ascii().iter().any(|b| matches!(b, b'\n' | b'\r')));
    match multi_line {
        Some(at) => {
            let column = columns.get(at).copied().unwrap_or_default();
            RowError::new(
                line,
                column,
                format!(
                    "{count}: cell {} runs over a line break into the lines after it; is a \
                     closing quote missing?",
                    at + 1
                ),
            )
        }
        None => RowError::new(line, "", count),
    }
}

/// What is wrong with one cell before its value is read, if anything: a NUL, a formula trigger
/// where text cannot begin with one, or a line break where the cell must be one line (or, in a
/// multi-line column, a line that reads as another row).
fn cell_problem(
    column: &str,
    cell: &str,
    at: usize,
    line: u64,
    columns: &[&'static str],
) -> Option<String> {
    if cell.contains('\0') {
        return Some("contains a NUL character (\\u0000), which cannot be stored".into());
    }
    if let Some(trigger) = formula_trigger(cell) {
        let allowed = FORMULA_TEXT_COLUMNS
            .iter()
            .any(|(c, triggers)| *c == column && triggers.contains(&trigger));
        if !allowed {
            let what = match trigger {
                '\t' => "a tab".to_owned(),
                '\r' => "a carriage return".to_owned(),
                other => format!("`{other}`"),
            };
            return Some(format!(
                "begins with {what}, which a spreadsheet may run as a formula: remove it"
            ));
        }
    }
    let text = trim(cell);
    if !text.contains(['\n', '\r']) {
        return None;
    }
    if !MULTI_LINE_COLUMNS.contains(&column) {
        return Some(format!(
            "holds a line break, which only {} may: is a closing quote missing?",
            MULTI_LINE_COLUMNS.join(", ")
        ));
    }
    let swallowed = swallowed_row(cell, at, columns)?;
    Some(format!(
        "runs over a line break into what reads as another row (line {}): is a closing quote \
         missing?",
        line + swallowed
    ))
}

/// The first line of a multi-line cell (0 is the line the cell starts on) that reads as a row,
/// or as the rest of the row the cell began in, if any (see [`SWALLOWED_ROW_CELLS`]).
fn swallowed_row(cell: &str, at: usize, columns: &[&'static str]) -> Option<u64> {
    let mut offset = 0;
    let mut rest = cell;
    loop {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let text = &rest[..end];
        // The first line continues the row the cell began in; any later line starts a row.
        let first_column = if offset == 0 { at } else { 0 };
        let fitting = split_line(text)
            .iter()
            .enumerate()
            .filter(|(i, value)| {
                columns
                    .get(first_column + i)
                    .is_some_and(|column| fits(column, value))
            })
            .count();
        if fitting >= SWALLOWED_ROW_CELLS {
            return Some(offset);
        }
        if end == rest.len() {
            return None;
        }
        let next = if rest[end..].starts_with("\r\n") {
            end + 2
        } else {
            end + 1
        };
        rest = &rest[next..];
        offset += 1;
    }
}

/// One line's cells, as CSV.
fn split_line(text: &str) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => record.iter().map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

/// Whether a value is a well-formed value of a structured column (never of a free-text one):
/// how a row is recognised inside a cell.
fn fits(column: &str, value: &str) -> bool {
    let value = trim(value);
    if value.is_empty() {
        return false;
    }
    let lower = value.to_ascii_lowercase();
    let items = || value.split(';').map(str::trim).filter(|i| !i.is_empty());
    fn code<T: FromStr>(item: &str) -> bool {
        T::from_str(&item.to_ascii_lowercase()).is_ok()
    }
    match column {
        "gender" => code::<Gender>(value),
        "languages" => items().all(|i| parse_language(i).is_ok()),
        "cuisines" => items().all(code::<Cuisine>),
        "dietary_laws" => items().all(code::<DietaryLaw>),
        "medical_diets" => items().all(code::<MedicalDiet>),
        "faith" => code::<Faith>(value),
        "faith_practices" => items().all(code::<FaithPractice>),
        "services" => items().all(code::<Service>),
        "experience" => items().all(code::<Experience>),
        "checks" => items().all(|i| parse_check(i).is_ok()),
        "availability" => items().all(|i| parse_slot(i).is_ok()),
        "hours_per_week" => value.parse::<u8>().is_ok(),
        "available_from" | "last_confirmed_on" | "accepting_confirmed_on" => {
            parse_date(value).is_ok()
        }
        "postcode" => Postcode::parse(value).is_ok(),
        "travel_radius_km" => value.parse::<f64>().is_ok_and(|km| Km::new(km).is_ok()),
        "travel_mode" => code::<TravelMode>(value),
        "hourly_rate" => parse_pounds(value).is_ok(),
        "employment_status" => code::<EmploymentStatus>(value),
        "public_listing_consent" | "lgbt_inclusive" | "accepting_new_clients" => {
            matches!(
                lower.as_str(),
                "yes" | "y" | "true" | "1" | "no" | "n" | "false" | "0"
            )
        }
        "phone" => {
            let digits = value.chars().filter(char::is_ascii_digit).count();
            (7..=15).contains(&digits)
                && value
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +()-".contains(c))
        }
        "email" => value.contains('@') && !value.contains(char::is_whitespace),
        _ => false,
    }
}

/// The cells of one record, by column name (empty when the column is absent).
struct Cells<'a> {
    columns: &'a [&'static str],
    values: &'a [&'a str],
}

impl<'a> Cells<'a> {
    fn get(&self, column: &str) -> &'a str {
        self.columns
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.values.get(i).copied())
            .unwrap_or_default()
    }
}

struct RowParser {
    line: u64,
    errors: Vec<RowError>,
    /// Columns whose cell was refused before being read: reported once, and nothing more is
    /// said about them (not also "required").
    refused: Vec<&'static str>,
}

impl RowParser {
    fn error(&mut self, column: &str, reason: impl Into<String>) {
        if !self.refused.contains(&column) {
            self.errors.push(RowError::new(self.line, column, reason));
        }
    }

    fn refuse(&mut self, column: &'static str, reason: String) {
        self.error(column, reason);
        self.refused.push(column);
    }

    fn required<'a>(&mut self, column: &str, value: &'a str) -> Option<&'a str> {
        if value.is_empty() {
            self.error(column, "required");
            None
        } else {
            Some(value)
        }
    }

    fn one<T: FromStr>(&mut self, column: &str, value: &str) -> Option<T>
    where
        T::Err: std::fmt::Display,
    {
        let value = self.required(column, value)?;
        match value.parse() {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(column, e.to_string());
                None
            }
        }
    }

    /// A `;`-separated list; every bad item is reported.
    fn list<T>(
        &mut self,
        column: &str,
        value: &str,
        item: impl Fn(&str) -> Result<T, String>,
    ) -> Option<Vec<T>> {
        let mut out = Vec::new();
        let mut ok = true;
        for part in value.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match item(part) {
                Ok(v) => out.push(v),
                Err(reason) => {
                    self.error(column, reason);
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    fn codes<T: FromStr + Code>(&mut self, column: &str, value: &str) -> Option<Vec<T>>
    where
        T::Err: std::fmt::Display,
    {
        self.list(column, value, |code| {
            code.to_ascii_lowercase().parse().map_err(|e: T::Err| {
                format!(
                    "{e}{}{}",
                    suggest::code_hint::<T>(code),
                    suggest::column_hint(column, code)
                )
            })
        })
    }

    /// One code of a vocabulary (`gender`, `travel_mode`), with a suggestion when it misses.
    fn code<T: FromStr + Code>(&mut self, column: &str, value: &str) -> Option<T>
    where
        T::Err: std::fmt::Display,
    {
        let value = self.required(column, value)?;
        match value.to_ascii_lowercase().parse() {
            Ok(code) => Some(code),
            Err(e) => {
                self.error(
                    column,
                    format!(
                        "{e}{}{}",
                        suggest::code_hint::<T>(value),
                        suggest::column_hint(column, value)
                    ),
                );
                None
            }
        }
    }

    /// [`Self::code`], blank allowed.
    fn optional_code<T: FromStr + Code>(&mut self, column: &str, value: &str) -> Option<Option<T>>
    where
        T::Err: std::fmt::Display,
    {
        if value.is_empty() {
            Some(None)
        } else {
            self.code(column, value).map(Some)
        }
    }

    fn date(&mut self, column: &str, value: &str) -> Option<NaiveDate> {
        let value = self.required(column, value)?;
        match parse_date(value) {
            Ok(date) => Some(date),
            Err(reason) => {
                self.error(column, reason);
                None
            }
        }
    }

    fn boolean(&mut self, column: &str, value: &str) -> Option<bool> {
        let value = self.required(column, value)?;
        match value.to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" | "1" => Some(true),
            "no" | "n" | "false" | "0" => Some(false),
            _ => {
                self.error(column, format!("`{value}` is not yes or no"));
                None
            }
        }
    }

    /// An optional yes/no column: `default` when blank.
    fn boolean_or<'c>(
        &mut self,
        column: &str,
        get: impl Fn(&str) -> &'c str,
        default: bool,
    ) -> Option<bool> {
        match get(column) {
            "" => Some(default),
            value => self.boolean(column, value),
        }
    }

    fn carer(&mut self, cells: &Cells<'_>) -> Option<CarerDetails> {
        let get = |column: &str| cells.get(column);
        let given_name = get("given_name").to_owned();
        let family_name = get("family_name").to_owned();
        let gender = self.code::<Gender>("gender", get("gender"));
        let languages = self.list("languages", get("languages"), parse_language);
        let cuisines = self.codes::<Cuisine>("cuisines", get("cuisines"));
        let dietary_laws = self.codes::<DietaryLaw>("dietary_laws", get("dietary_laws"));
        let medical_diets = self.codes::<MedicalDiet>("medical_diets", get("medical_diets"));
        let faith = self.optional_code::<Faith>("faith", get("faith"));
        // Off unless given: faith is shown and matched on publicly only with consent.
        let faith_public_consent = self.boolean_or("faith_public_consent", get, false);
        let faith_practices =
            self.codes::<FaithPractice>("faith_practices", get("faith_practices"));
        let services = self.codes::<Service>("services", get("services"));
        let experience = self.codes::<Experience>("experience", get("experience"));
        let checks = self.list("checks", get("checks"), parse_check);
        let availability = self.list("availability", get("availability"), parse_slot);
        let hours_per_week = self.one::<u8>("hours_per_week", get("hours_per_week"));
        // Blank: taking new clients (confirmed with the record), not stated as LGBT+ inclusive.
        let accepting_new_clients = self.boolean_or("accepting_new_clients", get, true);
        let accepting_confirmed_on = match get("accepting_confirmed_on") {
            "" => Some(None),
            value => self.date("accepting_confirmed_on", value).map(Some),
        };
        let lgbt_inclusive = self.boolean_or("lgbt_inclusive", get, false);
        let available_from = self.date("available_from", get("available_from"));
        let postcode = self.one::<Postcode>("postcode", get("postcode"));
        let travel_radius_km = self
            .one::<f64>("travel_radius_km", get("travel_radius_km"))
            .and_then(|km| match Km::new(km) {
                Ok(km) => Some(km),
                Err(e) => {
                    self.error("travel_radius_km", e.to_string());
                    None
                }
            });
        let travel_mode = self.code::<TravelMode>("travel_mode", get("travel_mode"));
        let hourly_rate = self
            .required("hourly_rate", get("hourly_rate"))
            .and_then(|v| match parse_pounds(v) {
                Ok(rate) => Some(rate),
                Err(reason) => {
                    self.error("hourly_rate", reason);
                    None
                }
            });
        let employment_status =
            self.code::<EmploymentStatus>("employment_status", get("employment_status"));
        let public_listing_consent =
            self.boolean("public_listing_consent", get("public_listing_consent"));
        let last_confirmed_on = self.date("last_confirmed_on", get("last_confirmed_on"));
        let non_empty = |v: &str| (!v.is_empty()).then(|| v.to_owned());
        let contact = Contact {
            phone: non_empty(get("phone")),
            email: non_empty(get("email")),
            website: non_empty(get("website")),
        };
        let details = CarerDetails {
            given_name,
            family_name,
            gender: gender?,
            languages: languages?,
            cuisines: cuisines?,
            dietary_laws: dietary_laws?,
            medical_diets: medical_diets?,
            faith: faith?,
            faith_public_consent: faith_public_consent?,
            faith_practices: faith_practices?,
            services: services?,
            experience: experience?,
            checks: checks?,
            availability: availability?,
            hours_per_week: hours_per_week?,
            accepting_new_clients: accepting_new_clients?,
            accepting_confirmed_on: accepting_confirmed_on?,
            lgbt_inclusive: lgbt_inclusive?,
            available_from: available_from?,
            postcode: postcode?,
            travel_radius_km: travel_radius_km?,
            travel_mode: travel_mode?,
            hourly_rate: hourly_rate?,
            employment_status: employment_status?,
            public_listing_consent: public_listing_consent?,
            last_confirmed_on: last_confirmed_on?,
            bio: get("bio").to_owned(),
            contact,
            external_ref: non_empty(get("external_ref")),
        };
        if let Err(errors) = details.validate() {
            for error in errors.0 {
                let column = column_of(&error.field);
                self.error(column, error.reason);
            }
        }
        self.errors.is_empty().then_some(details)
    }
}

/// The CSV column a validation error's field belongs to (`availability[1]` -> `availability`,
/// `contact.phone` -> `phone`).
fn column_of(field: &str) -> &str {
    if let Some(rest) = field.strip_prefix("contact.") {
        return rest;
    }
    let end = field.find(['[', '.']).unwrap_or(field.len());
    &field[..end]
}

/// `2027-03-31`, or `31/03/2027` as spreadsheets write it in the UK.
fn parse_date(value: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(value, "%d/%m/%Y"))
        .map_err(|_| format!("`{value}` is not a date: write YYYY-MM-DD (or DD/MM/YYYY)"))
}

/// `yue:native`, `eng:fluent:reads:writes`.
fn parse_language(item: &str) -> Result<LanguageSkill, String> {
    let mut parts = item.split(':').map(str::trim);
    let code = parts.next().unwrap_or_default().to_ascii_lowercase();
    let code = Language::from_str(&code).map_err(|e| {
        format!(
            "{e}{}{}",
            suggest::code_hint::<Language>(&code),
            suggest::column_hint("languages", item)
        )
    })?;
    let level = parts.next().unwrap_or_default().to_ascii_lowercase();
    let proficiency = Proficiency::ALL
        .iter()
        .copied()
        .find(|p| p.code() == level)
        .ok_or_else(|| {
            format!("`{item}`: write code:level with level basic, conversational, fluent or native")
        })?;
    let mut skill = LanguageSkill {
        code,
        proficiency,
        reads: false,
        writes: false,
    };
    for flag in parts {
        match flag.to_ascii_lowercase().as_str() {
            "reads" => skill.reads = true,
            "writes" => skill.writes = true,
            other => return Err(format!("`{item}`: `{other}` is not reads or writes")),
        }
    }
    Ok(skill)
}

/// `dbs_enhanced:2027-03-31`, `dbs_enhanced:2027-03-31:001234567890`.
fn parse_check(item: &str) -> Result<Check, String> {
    let mut parts = item.splitn(3, ':').map(str::trim);
    let kind = parts.next().unwrap_or_default().to_ascii_lowercase();
    let kind = CheckKind::from_str(&kind).map_err(|e| e.to_string())?;
    let expires_on = match parts.next() {
        Some(date) if !date.is_empty() => parse_date(date).map_err(|e| format!("`{item}`: {e}"))?,
        _ => {
            return Err(format!(
                "`{item}`: write kind:expiry date, e.g. dbs_enhanced:2027-03-31"
            ));
        }
    };
    let reference = parts.next().filter(|r| !r.is_empty()).map(str::to_owned);
    Ok(Check {
        kind,
        expires_on,
        reference,
    })
}

/// `mon 09:00-13:00`, `fri 22:00-07:00 overnight`.
fn parse_slot(item: &str) -> Result<Slot, String> {
    let hint = "write day HH:MM-HH:MM, with `overnight` after a slot that ends the next morning";
    let words: Vec<&str> = item.split_whitespace().collect();
    let (day, times, overnight) = match words.as_slice() {
        [day, times] => (*day, *times, false),
        [day, times, flag] if flag.eq_ignore_ascii_case("overnight") => (*day, *times, true),
        _ => return Err(format!("`{item}`: {hint}")),
    };
    let day = Weekday::from_str(&day.to_ascii_lowercase()).map_err(|e| format!("`{item}`: {e}"))?;
    let (start, end) = times
        .split_once('-')
        .ok_or_else(|| format!("`{item}`: {hint}"))?;
    let start = TimeOfDay::parse(start).map_err(|e| format!("`{item}`: {e}"))?;
    let end = TimeOfDay::parse(end).map_err(|e| format!("`{item}`: {e}"))?;
    Ok(Slot {
        day,
        start,
        end,
        overnight,
    })
}

/// `13.50`, `£13.50`, `14` (pounds) -> pence.
fn parse_pounds(value: &str) -> Result<RatePence, String> {
    let error = || format!("`{value}` is not an hourly rate in pounds, e.g. 13.50");
    let digits = value.trim_start_matches('£').trim();
    let (pounds, pence) = match digits.split_once('.') {
        Some((pounds, pence)) => (pounds, pence),
        None => (digits, "0"),
    };
    if pounds.is_empty()
        || !pounds.bytes().all(|b| b.is_ascii_digit())
        || pence.is_empty()
        || pence.len() > 2
        || !pence.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(error());
    }
    let pounds: i64 = pounds.parse().map_err(|_| error())?;
    let mut pence: i64 = pence.parse().map_err(|_| error())?;
    if digits.split_once('.').is_some_and(|(_, p)| p.len() == 1) {
        pence *= 10;
    }
    let total = pounds
        .checked_mul(100)
        .and_then(|p| p.checked_add(pence))
        .ok_or_else(error)?;
    RatePence::new(total).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;
