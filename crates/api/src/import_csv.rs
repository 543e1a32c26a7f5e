//! Parsing an agency's PA register from CSV (the format of `docs/import-template.csv`, described
//! in `docs/import.md`) into [`CarerDetails`], with every problem reported by line and column.
//! Pure: no IO; the caller resolves postcodes and stores the rows.

use std::collections::HashMap;
use std::str::FromStr;

use carematch_domain::schedule::TimeOfDay;
use carematch_domain::vocabulary::{
    CheckKind, Cuisine, DietaryLaw, EmploymentStatus, Experience, Faith, FaithPractice, Gender,
    Language, Proficiency, Service, TravelMode, Weekday,
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
    ("faith", false),
    ("faith_public_consent", false),
    ("faith_practices", false),
    ("services", true),
    ("experience", false),
    ("checks", false),
    ("availability", false),
    ("hours_per_week", true),
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
];

/// Parses a whole file. Every row is parsed and validated; if any row (or the header) is bad,
/// the error lists every problem found, in line order, and no row is returned.
pub fn parse_carers(input: &[u8]) -> Result<Vec<ParsedCarer>, Vec<RowError>> {
    let (rows, errors) = parse_carers_partial(input);
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// Parses a whole file, returning the good rows and every problem (in line order), so that a
/// caller can check the good rows further (postcodes) and report everything at once.
pub fn parse_carers_partial(input: &[u8]) -> (Vec<ParsedCarer>, Vec<RowError>) {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    let mut errors = Vec::new();
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => {
            return (
                Vec::new(),
                vec![RowError::new(1, "", format!("cannot read the header: {e}"))],
            );
        }
    };
    let mut index: HashMap<&'static str, usize> = HashMap::new();
    for (i, name) in headers.iter().enumerate() {
        match CARER_COLUMNS.iter().find(|(c, _)| *c == name) {
            Some((column, _)) => {
                if index.insert(column, i).is_some() {
                    errors.push(RowError::new(1, name, "this column appears twice"));
                }
            }
            None => errors.push(RowError::new(
                1,
                name,
                "unknown column (see docs/import.md for the columns)",
            )),
        }
    }
    for (column, required) in CARER_COLUMNS {
        if *required && !index.contains_key(column) {
            errors.push(RowError::new(1, *column, "required column is missing"));
        }
    }
    if !errors.is_empty() {
        return (Vec::new(), errors);
    }

    let mut rows = Vec::new();
    let mut refs: HashMap<String, u64> = HashMap::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                errors.push(RowError::new(line, "", format!("not valid CSV: {e}")));
                break;
            }
        }
        let line = record.position().map_or(line, csv::Position::line);
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() > headers.len() {
            errors.push(RowError::new(
                line,
                "",
                format!(
                    "{} values but the header has {} columns",
                    record.len(),
                    headers.len()
                ),
            ));
            continue;
        }
        let cells = Cells {
            index: &index,
            record: &record,
        };
        let mut row = RowParser {
            line,
            errors: Vec::new(),
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
        if let Some(details) = row.carer(&cells)
            && row.errors.is_empty()
        {
            rows.push(ParsedCarer { line, details });
        }
        errors.extend(row.errors);
    }
    (rows, errors)
}

/// The cells of one record, by column name (empty when the column is absent).
struct Cells<'a> {
    index: &'a HashMap<&'static str, usize>,
    record: &'a csv::StringRecord,
}

impl<'a> Cells<'a> {
    fn get(&self, column: &str) -> &'a str {
        self.index
            .get(column)
            .and_then(|i| self.record.get(*i))
            .unwrap_or_default()
    }
}

struct RowParser {
    line: u64,
    errors: Vec<RowError>,
}

impl RowParser {
    fn error(&mut self, column: &str, reason: impl Into<String>) {
        self.errors.push(RowError::new(self.line, column, reason));
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

    fn optional<T: FromStr>(&mut self, column: &str, value: &str) -> Option<Option<T>>
    where
        T::Err: std::fmt::Display,
    {
        if value.is_empty() {
            Some(None)
        } else {
            self.one(column, value).map(Some)
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

    fn codes<T: FromStr>(&mut self, column: &str, value: &str) -> Option<Vec<T>>
    where
        T::Err: std::fmt::Display,
    {
        self.list(column, value, |code| {
            code.to_ascii_lowercase()
                .parse()
                .map_err(|e: T::Err| e.to_string())
        })
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

    fn carer(&mut self, cells: &Cells<'_>) -> Option<CarerDetails> {
        let get = |column: &str| cells.get(column);
        let given_name = get("given_name").to_owned();
        let family_name = get("family_name").to_owned();
        let gender = self.one::<Gender>("gender", &get("gender").to_ascii_lowercase());
        let languages = self.list("languages", get("languages"), parse_language);
        let cuisines = self.codes::<Cuisine>("cuisines", get("cuisines"));
        let dietary_laws = self.codes::<DietaryLaw>("dietary_laws", get("dietary_laws"));
        let faith = self.optional::<Faith>("faith", &get("faith").to_ascii_lowercase());
        // Off unless given: faith is shown and matched on publicly only with consent.
        let faith_public_consent = match get("faith_public_consent") {
            "" => Some(false),
            value => self.boolean("faith_public_consent", value),
        };
        let faith_practices =
            self.codes::<FaithPractice>("faith_practices", get("faith_practices"));
        let services = self.codes::<Service>("services", get("services"));
        let experience = self.codes::<Experience>("experience", get("experience"));
        let checks = self.list("checks", get("checks"), parse_check);
        let availability = self.list("availability", get("availability"), parse_slot);
        let hours_per_week = self.one::<u8>("hours_per_week", get("hours_per_week"));
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
        let travel_mode =
            self.one::<TravelMode>("travel_mode", &get("travel_mode").to_ascii_lowercase());
        let hourly_rate = self
            .required("hourly_rate", get("hourly_rate"))
            .and_then(|v| match parse_pounds(v) {
                Ok(rate) => Some(rate),
                Err(reason) => {
                    self.error("hourly_rate", reason);
                    None
                }
            });
        let employment_status = self.one::<EmploymentStatus>(
            "employment_status",
            &get("employment_status").to_ascii_lowercase(),
        );
        let public_listing_consent =
            self.boolean("public_listing_consent", get("public_listing_consent"));
        let last_confirmed_on = self.date("last_confirmed_on", get("last_confirmed_on"));
        let non_empty = |v: &str| (!v.is_empty()).then(|| v.to_owned());
        let contact = Contact {
            phone: non_empty(get("phone")),
            email: non_empty(get("email")),
            website: None,
        };
        let details = CarerDetails {
            given_name,
            family_name,
            gender: gender?,
            languages: languages?,
            cuisines: cuisines?,
            dietary_laws: dietary_laws?,
            faith: faith?,
            faith_public_consent: faith_public_consent?,
            faith_practices: faith_practices?,
            services: services?,
            experience: experience?,
            checks: checks?,
            availability: availability?,
            hours_per_week: hours_per_week?,
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
    let code = Language::from_str(&code).map_err(|e| e.to_string())?;
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
mod tests {
    use super::*;

    const TEMPLATE: &str = include_str!("../../../docs/import-template.csv");

    #[test]
    fn the_template_parses() {
        let rows = parse_carers(TEMPLATE.as_bytes()).expect("template parses");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].details.languages[0].code, Language::Yue);
    }

    #[test]
    fn every_bad_cell_is_reported_with_its_line_and_column() {
        let mut lines: Vec<&str> = TEMPLATE.lines().collect();
        let good = lines[1].to_owned();
        let bad_language = good.replacen("yue:native", "xx:native", 1);
        let bad_slot = good.replacen("mon 09:00-13:00", "mon 13:00-09:00", 1);
        lines.push(&bad_language);
        lines.push(&bad_slot);
        let file = lines.join("\n");
        let errors = parse_carers(file.as_bytes()).expect_err("bad rows");
        let places: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.column.as_str())).collect();
        assert!(places.contains(&(4, "languages")), "{errors:?}");
        assert!(places.contains(&(5, "availability")), "{errors:?}");
        // The external_ref of the good first row is repeated on lines 4 and 5.
        assert!(places.contains(&(4, "external_ref")), "{errors:?}");
    }

    #[test]
    fn rates_are_pounds() {
        assert_eq!(parse_pounds("13.50").map(RatePence::pence), Ok(1350));
        assert_eq!(parse_pounds("£14").map(RatePence::pence), Ok(1400));
        assert_eq!(parse_pounds("12.5").map(RatePence::pence), Ok(1250));
        assert!(parse_pounds("-3").is_err());
        assert!(parse_pounds("12.345").is_err());
    }

    #[test]
    fn header_problems_are_reported_on_line_one() {
        let errors = parse_carers(b"given_name,nickname\nMei,M").expect_err("bad header");
        assert!(errors.iter().all(|e| e.line == 1));
        assert!(errors.iter().any(|e| e.column == "nickname"));
        assert!(errors.iter().any(|e| e.column == "languages"));
    }
}
