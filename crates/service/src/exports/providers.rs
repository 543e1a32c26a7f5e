//! Every provider out: as JSON Lines in exactly the shape `carematch import providers` reads
//! (a `POST /v1/providers` body with the provider's public `uuid` beside it), so that export
//! then import into another database gives the same records with the same public ids; or as a
//! CSV file for spreadsheets, one row per provider, with what organisations publish
//! (`docs/export.md`).

use std::io::Write;

use carematch_domain::vocabulary::CheckKind;
use carematch_domain::{Check, Provider, ProviderDetails, ProviderOrigin, ServiceArea};
use serde::Serialize;
use uuid::Uuid;

use super::cells::{self, BOM, line, list, yes_no};
use crate::{CareService, ServiceError};

/// One line of the JSON Lines export (and of the import): the provider's details, and its
/// public id as `uuid` (optional on import; kept when given).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProviderExportLine<'a> {
    pub uuid: Uuid,
    #[serde(flatten)]
    pub details: &'a ProviderDetails,
}

/// How one column of the providers' CSV is written.
type Writer = fn(&Provider, &ProviderOrigin) -> String;

/// The providers' CSV columns, in order (documented in docs/export.md). Lists and values use
/// the carers' import template notation; the service area is a radius in km or, for a polygon,
/// its GeoJSON coordinates. What an organisation publishes (the API's public view of a
/// provider) and no more, so the file can be handed on: not the managing agency, the
/// `external_ref`, the coordinates, nor certificate numbers (a check's reference is written
/// for `cqc_registered` only, where it is the public CQC location id).
pub const PROVIDER_CSV_COLUMNS: &[(&str, Writer)] = &[
    ("uuid", |_, o| o.uuid.to_string()),
    ("name", |p, _| p.details.name.clone()),
    ("kind", |p, _| p.details.kind.to_string()),
    ("description", |p, _| p.details.description.clone()),
    ("communities", |p, _| list(&p.details.communities)),
    ("staff_languages", |p, _| list(&p.details.staff_languages)),
    ("cuisines", |p, _| list(&p.details.cuisines)),
    ("dietary_laws", |p, _| list(&p.details.dietary_laws)),
    ("medical_diets", |p, _| list(&p.details.medical_diets)),
    ("faith_practices", |p, _| list(&p.details.faith_practices)),
    ("services", |p, _| list(&p.details.services)),
    ("experience", |p, _| list(&p.details.experience)),
    ("lgbt_inclusive", |p, _| yes_no(p.details.lgbt_inclusive)),
    ("delivery_modes", |p, _| list(&p.details.delivery_modes)),
    ("postcode", |p, _| p.details.postcode.to_string()),
    ("service_area_km", |p, _| match &p.details.service_area {
        ServiceArea::Radius { km } => km.get().to_string(),
        ServiceArea::Polygon { .. } => String::new(),
    }),
    ("service_area_polygon", |p, _| {
        match &p.details.service_area {
            ServiceArea::Radius { .. } => String::new(),
            // Arrays of numbers always serialise.
            ServiceArea::Polygon { coordinates } => {
                serde_json::to_string(coordinates).unwrap_or_default()
            }
        }
    }),
    ("accepting_new_clients", |p, _| {
        yes_no(p.details.accepting_new_clients)
    }),
    ("accepting_confirmed_on", |p, _| {
        p.details.accepting_confirmed_on.to_string()
    }),
    ("checks", |p, _| {
        cells::checks(&published_checks(&p.details.checks))
    }),
    ("phone", |p, _| {
        p.details.contact.phone.clone().unwrap_or_default()
    }),
    ("email", |p, _| {
        p.details.contact.email.clone().unwrap_or_default()
    }),
    ("website", |p, _| {
        p.details.contact.website.clone().unwrap_or_default()
    }),
    ("self_referral", |p, _| yes_no(p.details.self_referral)),
    ("hourly_rate", |p, _| {
        p.details.hourly_rate.map(cells::pounds).unwrap_or_default()
    }),
    ("opening_hours", |p, _| {
        cells::slots(&p.details.opening_hours)
    }),
    ("last_confirmed_on", |p, _| {
        p.details.last_confirmed_on.to_string()
    }),
    ("source", |_, o| {
        o.provenance
            .as_ref()
            .map(|p| p.source.as_str().to_owned())
            .unwrap_or_default()
    }),
    ("source_feed", |_, o| {
        o.provenance
            .as_ref()
            .map(|p| p.feed.clone())
            .unwrap_or_default()
    }),
    ("source_id", |_, o| {
        o.provenance
            .as_ref()
            .map(|p| p.source_id.clone())
            .unwrap_or_default()
    }),
    ("fetched_at", |_, o| {
        o.provenance
            .as_ref()
            .map(|p| {
                p.fetched_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            })
            .unwrap_or_default()
    }),
];

/// Checks as published: every check with its expiry, the reference only for a CQC
/// registration (the public CQC location id; other references are certificate numbers).
fn published_checks(checks: &[Check]) -> Vec<Check> {
    checks
        .iter()
        .map(|c| Check {
            reference: c
                .reference
                .clone()
                .filter(|_| c.kind == CheckKind::CqcRegistered),
            ..c.clone()
        })
        .collect()
}

/// How the providers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProviderFormat {
    /// JSON Lines that `carematch import providers` reads back.
    JsonLines,
    /// CSV for spreadsheets ([`PROVIDER_CSV_COLUMNS`]).
    Csv,
}

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error("writing the export: {0}")]
    Write(#[from] std::io::Error),
}

/// Writes providers with their origins as JSON Lines, one provider a line.
pub fn write_json_lines(
    out: &mut dyn Write,
    providers: &[(Provider, ProviderOrigin)],
) -> std::io::Result<()> {
    for (provider, origin) in providers {
        let line = ProviderExportLine {
            uuid: origin.uuid,
            details: &provider.details,
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes providers with their origins as CSV: a byte-order mark, the header, one row each.
pub fn write_csv(
    out: &mut dyn Write,
    providers: &[(Provider, ProviderOrigin)],
) -> std::io::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let header = PROVIDER_CSV_COLUMNS
        .iter()
        .map(|(name, _)| (*name).to_owned());
    out.write_all(line(header).as_bytes())?;
    for (provider, origin) in providers {
        let row = PROVIDER_CSV_COLUMNS
            .iter()
            .map(|(_, write)| write(provider, origin));
        out.write_all(line(row).as_bytes())?;
    }
    Ok(())
}

impl CareService {
    /// Every live provider, in id order, written to `out` in `format`; the number written.
    /// Blocking. Providers are public records (organisations publish them), so this holds
    /// nothing private; PAs are never in it.
    pub fn export_providers(
        &self,
        format: ProviderFormat,
        out: &mut dyn Write,
    ) -> Result<usize, ExportError> {
        let providers = self
            .store
            .providers_with_origins()
            .map_err(ServiceError::from)?;
        match format {
            ProviderFormat::JsonLines => write_json_lines(out, &providers)?,
            ProviderFormat::Csv => write_csv(out, &providers)?,
        }
        out.flush()?;
        Ok(providers.len())
    }
}
