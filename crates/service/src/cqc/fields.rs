//! What both layouts share: looking cells up by column name, CQC's Y/N flags and ids, contact
//! details as CQC writes them, and the provider record every in-scope location becomes.

use std::collections::HashMap;

use carematch_domain::vocabulary::{
    CheckKind, DeliveryMode, Experience, Language, ProviderKind, Service,
};
use carematch_domain::{
    Check, Contact, GeoPoint, Km, Postcode, ProviderDetails, ServiceArea, ValidationErrors,
};
use chrono::{Days, NaiveDate};

use super::Mapped;
use super::read::Row;
use crate::import_csv::RowError;
use crate::sources::SourceRecord;

/// Columns by their header name.
pub struct Columns {
    index: HashMap<String, usize>,
}

impl Columns {
    pub fn new(header: &[String]) -> Self {
        let mut index = HashMap::new();
        for (i, name) in header.iter().enumerate() {
            // The first of two same-named columns wins, as a reader scanning left to right sees.
            index.entry(name.trim().to_owned()).or_insert(i);
        }
        Self { index }
    }

    pub fn has(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }

    /// The trimmed cell, `None` when the file has no such column.
    pub fn get<'r>(&self, row: &'r Row, name: &str) -> Option<&'r str> {
        let i = *self.index.get(name)?;
        Some(row.cells.get(i).map_or("", |c| c.trim()))
    }

    /// The trimmed cell, empty when the column is missing too.
    pub fn text<'r>(&self, row: &'r Row, name: &str) -> &'r str {
        self.get(row, name).unwrap_or("")
    }

    /// A Y/N flag: `Y` true, `N` or blank false (CQC leaves a service type blank when it is not
    /// provided); a missing column is false. Anything else is a bad row.
    pub fn flag(&self, row: &Row, name: &str, errors: &mut Vec<RowError>) -> bool {
        match self.text(row, name) {
            "Y" | "y" => true,
            "N" | "n" | "" => false,
            other => {
                errors.push(RowError::new(
                    row.line,
                    name,
                    format!("expected Y, N or blank, found `{other}`"),
                ));
                false
            }
        }
    }
}

/// A CQC location id: `1-` and digits for most, an NHS ODS code for NHS locations; letters,
/// digits and hyphens, at most 64 (the check's reference limit).
pub fn location_id(row: &Row, column: &str, value: &str) -> Result<String, RowError> {
    let valid = !value.is_empty()
        && value.len() <= 64
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if valid {
        Ok(value.to_owned())
    } else if value.is_empty() {
        Err(RowError::new(
            row.line,
            column,
            "a location needs its CQC location id",
        ))
    } else {
        Err(RowError::new(
            row.line,
            column,
            format!("`{value}` is not a CQC location id (letters, digits and hyphens, at most 64)"),
        ))
    }
}

/// Cells meaning "nothing here" in the files seen: blank, `NA` (the Data Lab's R export), `-`.
fn absent(value: &str) -> bool {
    matches!(value, "" | "NA" | "N/A" | "-")
}

/// A point from the file's own latitude and longitude cells, when both are there.
pub fn point(
    row: &Row,
    columns: (&str, &str),
    cells: (&str, &str),
) -> Result<Option<GeoPoint>, RowError> {
    if absent(cells.0) || absent(cells.1) {
        return Ok(None);
    }
    let lat: f64 = cells.0.parse().map_err(|_| {
        RowError::new(
            row.line,
            columns.0,
            format!("`{}` is not a latitude", cells.0),
        )
    })?;
    let lon: f64 = cells.1.parse().map_err(|_| {
        RowError::new(
            row.line,
            columns.1,
            format!("`{}` is not a longitude", cells.1),
        )
    })?;
    GeoPoint::new(lat, lon)
        .map(Some)
        .map_err(|e| RowError::new(row.line, columns.0, e.to_string()))
}

pub fn postcode(row: &Row, column: &str, value: &str) -> Result<Postcode, RowError> {
    Postcode::parse(value).map_err(|e| RowError::new(row.line, column, e.to_string()))
}

/// Contact details as far as they are usable. A telephone number written as a number loses
/// its leading zero (`1617486414`): ten digits not starting with 0 get it back. A web address
/// without a scheme (`www.example.org`, how CQC writes most) gets `http://`, which every site
/// still answers. What is still not a phone number or web address is left out and noted.
pub fn contact(
    row: &Row,
    phone: (&str, &str),
    website: (&str, &str),
    notes: &mut Vec<RowError>,
) -> Contact {
    let mut contact = Contact::default();
    let (column, value) = phone;
    if !absent(value) {
        let value = if value.len() == 10
            && value.bytes().all(|b| b.is_ascii_digit())
            && !value.starts_with('0')
        {
            format!("0{value}")
        } else {
            value.to_owned()
        };
        contact.phone = usable(
            row,
            column,
            Contact {
                phone: Some(value),
                ..Contact::default()
            },
            notes,
        )
        .and_then(|c| c.phone);
    }
    let (column, value) = website;
    if !absent(value) {
        let lower = value.to_ascii_lowercase();
        let value = if lower.starts_with("http://") || lower.starts_with("https://") {
            value.to_owned()
        } else {
            format!("http://{value}")
        };
        contact.website = usable(
            row,
            column,
            Contact {
                website: Some(value),
                ..Contact::default()
            },
            notes,
        )
        .and_then(|c| c.website);
    }
    contact
}

fn usable(row: &Row, column: &str, contact: Contact, notes: &mut Vec<RowError>) -> Option<Contact> {
    let mut errors = ValidationErrors::default();
    contact.validate("contact", &mut errors);
    match errors.into_result() {
        Ok(()) => Some(contact),
        Err(invalid) => {
            for e in invalid.0 {
                notes.push(RowError::new(
                    row.line,
                    column,
                    format!("left out: {}", e.reason),
                ));
            }
            None
        }
    }
}

/// How long a `cqc_registered` check counts after the file's date: the register is published
/// monthly, so a location missing from two months of files (or a register not re-imported for
/// two months) no longer shows as registered.
pub const REGISTRATION_CONFIRMED_FOR_DAYS: u64 = 62;

/// The radius a CQC location is taken to work within: CQC records an office, not an area
/// (docs/cqc.md, "Defaults").
pub const DEFAULT_SERVICE_RADIUS_KM: f64 = 10.0;

/// A CQC location in carematch's terms, before the defaults are added.
pub struct Location {
    pub id: String,
    pub name: String,
    pub kind: ProviderKind,
    pub description: String,
    pub postcode: Postcode,
    pub services: Vec<Service>,
    pub experience: Vec<Experience>,
    pub contact: Contact,
}

/// Where a layout keeps the cells every in-scope row is read from, by column name.
pub struct Layout {
    pub name: &'static str,
    pub postcode: &'static str,
    pub latitude: &'static str,
    pub longitude: &'static str,
    pub phone: &'static str,
    pub website: &'static str,
}

/// What a layout has worked out about an in-scope row.
pub struct Scope {
    pub id: String,
    pub kind: ProviderKind,
    pub description: String,
    pub experience: Vec<Experience>,
}

/// An in-scope row: reads its postcode, point and contact, adds the defaults, checks the
/// record and keeps it (or its errors).
pub fn record(
    columns: &Columns,
    layout: &Layout,
    row: &Row,
    scope: Scope,
    as_of: NaiveDate,
    out: &mut Mapped,
) {
    let postcode = match postcode(row, layout.postcode, columns.text(row, layout.postcode)) {
        Ok(postcode) => postcode,
        Err(e) => return out.errors.push(e),
    };
    let cells = (
        columns.text(row, layout.latitude),
        columns.text(row, layout.longitude),
    );
    let location = match point(row, (layout.latitude, layout.longitude), cells) {
        Ok(point) => point,
        Err(e) => return out.errors.push(e),
    };
    let contact = contact(
        row,
        (layout.phone, columns.text(row, layout.phone)),
        (layout.website, columns.text(row, layout.website)),
        &mut out.notes,
    );
    let details = details(
        Location {
            id: scope.id.clone(),
            name: columns.text(row, layout.name).to_owned(),
            kind: scope.kind,
            description: scope.description,
            postcode,
            services: vec![Service::PersonalCare],
            experience: scope.experience,
            contact,
        },
        as_of,
    );
    if validated(row, &details, layout.name, &mut out.errors) {
        out.records.push(SourceRecord {
            line: row.line,
            source_id: scope.id,
            details,
            location,
            uuid: None,
        });
    }
}

/// The provider record: what the file says, and for what it does not say the documented
/// defaults (docs/cqc.md): English as the staff language, no communities, food or faith
/// claims, not taking self-referrals or new clients until the provider says so.
pub fn details(location: Location, as_of: NaiveDate) -> ProviderDetails {
    let mut services = location.services;
    services.sort();
    services.dedup();
    let mut experience = location.experience;
    experience.sort();
    experience.dedup();
    ProviderDetails {
        name: location.name,
        kind: location.kind,
        description: location.description,
        communities: Vec::new(),
        staff_languages: vec![Language::Eng],
        cuisines: Vec::new(),
        dietary_laws: Vec::new(),
        medical_diets: Vec::new(),
        faith_practices: Vec::new(),
        services,
        experience,
        lgbt_inclusive: false,
        delivery_modes: vec![DeliveryMode::InPerson],
        postcode: location.postcode,
        service_area: ServiceArea::Radius {
            km: Km::new(DEFAULT_SERVICE_RADIUS_KM)
                .unwrap_or_else(|_| unreachable!("10 km is a valid radius")),
        },
        accepting_new_clients: false,
        accepting_confirmed_on: as_of,
        checks: vec![Check {
            kind: CheckKind::CqcRegistered,
            expires_on: as_of
                .checked_add_days(Days::new(REGISTRATION_CONFIRMED_FOR_DAYS))
                .unwrap_or_else(|| unreachable!("a register's date is far from chrono's end")),
            reference: Some(location.id),
        }],
        contact: location.contact,
        self_referral: false,
        hourly_rate: None,
        opening_hours: Vec::new(),
        last_confirmed_on: as_of,
        external_ref: None,
    }
}

/// Checks the record, naming the file's column where a field came from one.
pub fn validated(
    row: &Row,
    details: &ProviderDetails,
    name_column: &str,
    errors: &mut Vec<RowError>,
) -> bool {
    match details.validate() {
        Ok(()) => true,
        Err(invalid) => {
            for e in invalid.0 {
                let column = if e.field == "name" {
                    name_column.to_owned()
                } else {
                    e.field
                };
                errors.push(RowError::new(row.line, column, e.reason));
            }
            false
        }
    }
}
