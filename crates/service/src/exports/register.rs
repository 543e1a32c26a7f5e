//! An agency's PA register back out as CSV in the import template (`docs/import.md`): the same
//! columns in the same order, in the notation the importer reads, so that the file imports
//! again as the same records (`docs/export.md`, "The round trip").

use carematch_domain::{AgencyId, Caller, CarerDetails};

use super::cells::{self, BOM, line, list, yes_no};
use crate::imports::agency_carers;
use crate::{CareService, ServiceError};

/// How one column is written from a carer's details.
type Writer = fn(&CarerDetails) -> String;

/// Every column of the import template (`import_csv::CARER_COLUMNS`, in its order; a test
/// holds the two lists equal) with how it is written.
pub const REGISTER_COLUMNS: &[(&str, Writer)] = &[
    ("external_ref", |d| {
        d.external_ref.clone().unwrap_or_default()
    }),
    ("given_name", |d| d.given_name.clone()),
    ("family_name", |d| d.family_name.clone()),
    ("gender", |d| d.gender.to_string()),
    ("languages", |d| cells::languages(&d.languages)),
    ("cuisines", |d| list(&d.cuisines)),
    ("dietary_laws", |d| list(&d.dietary_laws)),
    ("medical_diets", |d| list(&d.medical_diets)),
    ("faith", |d| {
        d.faith.map(|f| f.to_string()).unwrap_or_default()
    }),
    ("faith_public_consent", |d| yes_no(d.faith_public_consent)),
    ("faith_practices", |d| list(&d.faith_practices)),
    ("ethnicity", |d| {
        d.ethnicity.map(|e| e.to_string()).unwrap_or_default()
    }),
    ("ethnicity_consent", |d| yes_no(d.ethnicity_consent)),
    ("services", |d| list(&d.services)),
    ("experience", |d| list(&d.experience)),
    ("lgbt_inclusive", |d| yes_no(d.lgbt_inclusive)),
    ("checks", |d| cells::checks(&d.checks)),
    ("availability", |d| cells::slots(&d.availability)),
    ("hours_per_week", |d| d.hours_per_week.to_string()),
    ("accepting_new_clients", |d| yes_no(d.accepting_new_clients)),
    ("accepting_confirmed_on", |d| {
        d.accepting_confirmed_on
            .map(|date| date.to_string())
            .unwrap_or_default()
    }),
    ("available_from", |d| d.available_from.to_string()),
    ("postcode", |d| d.postcode.to_string()),
    // f64's shortest form that reads back as the same number (`12.5`, `8`).
    ("travel_radius_km", |d| d.travel_radius_km.get().to_string()),
    ("travel_mode", |d| d.travel_mode.to_string()),
    ("hourly_rate", |d| cells::pounds(d.hourly_rate)),
    ("employment_status", |d| d.employment_status.to_string()),
    ("public_listing_consent", |d| {
        yes_no(d.public_listing_consent)
    }),
    ("last_confirmed_on", |d| d.last_confirmed_on.to_string()),
    ("bio", |d| d.bio.clone()),
    ("phone", |d| d.contact.phone.clone().unwrap_or_default()),
    ("email", |d| d.contact.email.clone().unwrap_or_default()),
    ("website", |d| d.contact.website.clone().unwrap_or_default()),
];

/// The carers as a CSV file in the import template: a byte-order mark, the header, one row per
/// carer in the order given, every cell through `spreadsheet::csv_cell`.
pub fn register_csv<'a>(carers: impl IntoIterator<Item = &'a CarerDetails>) -> String {
    let mut out = String::from(BOM);
    out.push_str(&line(
        REGISTER_COLUMNS.iter().map(|(name, _)| (*name).to_owned()),
    ));
    for carer in carers {
        out.push_str(&line(
            REGISTER_COLUMNS.iter().map(|(_, write)| write(carer)),
        ));
    }
    out
}

impl CareService {
    /// An agency's live carers, in id order, as a CSV file in the import template
    /// ([`register_csv`]). The agency itself and admins only: anyone else is
    /// [`ServiceError::Forbidden`]; an unknown agency is [`ServiceError::NotFound`]. Blocking.
    pub fn export_register(
        &self,
        caller: Caller,
        agency: AgencyId,
    ) -> Result<String, ServiceError> {
        if !caller.holds(agency) {
            return Err(ServiceError::Forbidden);
        }
        if self.store.get_agency(agency)?.is_none() {
            return Err(ServiceError::NotFound {
                what: "agency",
                id: agency.to_string(),
            });
        }
        let carers: Vec<CarerDetails> = agency_carers(&self.store, agency)?
            .into_iter()
            .map(|c| c.details)
            .collect();
        Ok(register_csv(&carers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_csv::{CARER_COLUMNS, parse_carers};

    #[test]
    fn the_columns_are_the_import_templates() {
        let written: Vec<&str> = REGISTER_COLUMNS.iter().map(|(name, _)| *name).collect();
        let read: Vec<&str> = CARER_COLUMNS.iter().map(|(name, _)| *name).collect();
        assert_eq!(written, read);
    }

    #[test]
    fn a_full_carer_parses_back_the_same() {
        let full = carematch_testkit::records::full_carer();
        let changed = carematch_testkit::records::changed_carer();
        let csv = register_csv([&full, &changed]);
        let rows = parse_carers(csv.as_bytes()).expect("the export parses");
        let read: Vec<CarerDetails> = rows.into_iter().map(|r| r.details).collect();
        assert_eq!(read, vec![full, changed]);
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised_and_read_back() {
        let mut carer = carematch_testkit::records::full_carer();
        carer.contact.phone = Some("+44 116 496 0123".to_owned());
        carer.bio = "- cooks\n@ home, \"quoted\"".to_owned();
        let csv = register_csv([&carer]);
        assert!(csv.contains(",\"'+44 116 496 0123\","), "{csv}");
        assert!(
            csv.contains(",\"'- cooks\n@ home, \"\"quoted\"\"\","),
            "{csv}"
        );
        let rows = parse_carers(csv.as_bytes()).expect("the export parses");
        assert_eq!(rows[0].details, carer);
    }
}
