//! CQC's own register, `HSCA_Active_Locations` (ODS, or its CSV export): one row per active
//! location with Y/N columns for each service type and service user band. The mapping tables
//! here are the ones docs/cqc.md shows.

use carematch_domain::vocabulary::{Experience, ProviderKind};
use chrono::NaiveDate;

use super::fields::{self, Columns, Layout, Scope};
use super::read::Row;
use super::{Mapped, SkipReason, Skipped};
use crate::import_csv::RowError;

/// The columns every in-scope row is read from.
const LAYOUT: Layout = Layout {
    name: "Location Name",
    postcode: "Location Postal Code",
    latitude: "Location Latitude",
    longitude: "Location Longitude",
    phone: "Location Telephone Number",
    website: "Location Web Address",
};

const LOCATION_ID: &str = "Location ID";
pub const NAME: &str = LAYOUT.name;
pub const POSTCODE: &str = LAYOUT.postcode;
pub const DORMANT: &str = "Dormant (Y/N)";
const CARE_HOME: &str = "Care home?";
const DIRECTORATE: &str = "Location Inspection Directorate";
const LOCAL_AUTHORITY: &str = "Location Local Authority";
const PROVIDER_NAME: &str = "Provider Name";

/// Columns without which the file cannot be read.
pub const REQUIRED: &[&str] = &[LOCATION_ID, NAME, POSTCODE, DORMANT];

/// The header row: CQC's names for the id, name and postcode.
pub fn is_header(cells: &[String]) -> bool {
    [LOCATION_ID, NAME, POSTCODE]
        .iter()
        .all(|name| cells.iter().any(|c| c.trim() == *name))
}

/// The service types that make a location a home-care or community service, and what each
/// says in carematch's vocabulary. Every one is registered for the regulated activity
/// "personal care", so each gives `personal_care`.
const SERVICE_TYPES: &[(&str, &[Experience])] = &[
    ("Service type - Domiciliary care service", &[]),
    ("Service type - Supported living service", &[]),
    ("Service type - Extra Care housing services", &[]),
    ("Service type - Shared Lives", &[]),
    (
        "Service type - Community based services for people with a learning disability",
        &[Experience::LearningDisability],
    ),
    (
        "Service type - Community based services for people with mental health needs",
        &[Experience::MentalHealth],
    ),
    (
        "Service type - Hospice services at home",
        &[Experience::EndOfLife],
    ),
];

const SHARED_LIVES: &str = "Service type - Shared Lives";

/// Service user bands with an equivalent in carematch's experience list. The others (older
/// people, younger adults, children, whole population, people who misuse drugs and alcohol,
/// eating disorders, people detained under the Mental Health Act) have none and are not mapped.
const USER_BANDS: &[(&str, &[Experience])] = &[
    ("Service user band - Dementia", &[Experience::Dementia]),
    (
        "Service user band - Learning disabilities or autistic spectrum disorder",
        &[Experience::LearningDisability, Experience::Autism],
    ),
    (
        "Service user band - Mental Health",
        &[Experience::MentalHealth],
    ),
    (
        "Service user band - Physical Disability",
        &[Experience::PhysicalDisability],
    ),
    (
        "Service user band - Sensory Impairment",
        &[Experience::VisualImpairment, Experience::HearingImpairment],
    ),
];

/// The directorate whose locations are social care; hospitals, GP practices and dentists are
/// inspected by others and are not carematch's.
const ADULT_SOCIAL_CARE: &str = "Adult social care";

/// One row: a record, a skipped row, or errors.
pub fn map_row(columns: &Columns, row: &Row, as_of: NaiveDate, out: &mut Mapped) {
    let id = match fields::location_id(row, LOCATION_ID, columns.text(row, LOCATION_ID)) {
        Ok(id) => id,
        Err(e) => return out.errors.push(e),
    };
    let mut errors = Vec::new();
    let dormant = match columns.text(row, DORMANT) {
        "Y" | "y" => true,
        "N" | "n" => false,
        other => {
            out.errors.push(RowError::new(
                row.line,
                DORMANT,
                format!("expected Y or N, found `{other}`"),
            ));
            return;
        }
    };
    let care_home = columns.flag(row, CARE_HOME, &mut errors);
    let types: Vec<&(&str, &[Experience])> = SERVICE_TYPES
        .iter()
        .filter(|(column, _)| columns.flag(row, column, &mut errors))
        .collect();
    let bands: Vec<&(&str, &[Experience])> = USER_BANDS
        .iter()
        .filter(|(column, _)| columns.flag(row, column, &mut errors))
        .collect();
    if !errors.is_empty() {
        return out.errors.extend(errors);
    }
    let skip = |reason: SkipReason, detail: String| Skipped {
        line: row.line,
        location_id: id.clone(),
        name: columns.text(row, NAME).to_owned(),
        postcode: columns.text(row, POSTCODE).to_owned(),
        reason,
        detail,
    };
    let directorate = columns.text(row, DIRECTORATE);
    if dormant {
        return out.skipped.push(skip(
            SkipReason::Dormant,
            "registered but marked dormant: not providing care now".into(),
        ));
    }
    if !directorate.is_empty() && !directorate.eq_ignore_ascii_case(ADULT_SOCIAL_CARE) {
        return out.skipped.push(skip(
            SkipReason::OtherDirectorate,
            format!("inspected by the {directorate} directorate, not adult social care"),
        ));
    }
    if types.is_empty() {
        let (reason, detail) = if care_home {
            (SkipReason::CareHome, "care home only".to_owned())
        } else {
            (
                SkipReason::NoHomeOrCommunityService,
                "no home-care or community service type".to_owned(),
            )
        };
        return out.skipped.push(skip(reason, detail));
    }

    let kind = if types.iter().all(|(column, _)| *column == SHARED_LIVES) {
        ProviderKind::SharedLives
    } else {
        ProviderKind::HomeCareAgency
    };
    let experience = types
        .iter()
        .chain(bands.iter())
        .flat_map(|(_, experience)| experience.iter().copied())
        .collect();
    let type_names: Vec<&str> = types
        .iter()
        .map(|(column, _)| column.trim_start_matches("Service type - "))
        .collect();
    let description = description(
        &id,
        columns.text(row, PROVIDER_NAME),
        &type_names,
        columns.text(row, LOCAL_AUTHORITY),
    );
    let scope = Scope {
        id,
        kind,
        description,
        experience,
    };
    fields::record(columns, &LAYOUT, row, scope, as_of, out);
}

/// What the register says about the location, in a sentence or two.
pub fn description(id: &str, provider: &str, types: &[&str], authority: &str) -> String {
    let mut text = format!("Registered with the Care Quality Commission (location {id})");
    if !provider.is_empty() {
        text.push_str(&format!("; provider: {provider}"));
    }
    text.push('.');
    if !types.is_empty() {
        text.push_str(&format!(" Service types: {}.", types.join(", ")));
    }
    if !authority.is_empty() {
        text.push_str(&format!(" Local authority: {authority}."));
    }
    text
}
