//! Trafford Data Lab's extracts of the CQC directory (`name,cqc_id,type,address,postcode,
//! telephone,website,provider,inspection_date,cqc_webpage,area_name,area_code,lon,lat`): one
//! council's locations of one kind, CQC's "care directory" type in `type`.

use carematch_domain::vocabulary::ProviderKind;
use chrono::NaiveDate;

use super::fields::{self, Columns, Layout, Scope};
use super::hsca::description;
use super::read::Row;
use super::{Mapped, SkipReason, Skipped};

/// The columns every in-scope row is read from.
const LAYOUT: Layout = Layout {
    name: "name",
    postcode: "postcode",
    latitude: "lat",
    longitude: "lon",
    phone: "telephone",
    website: "website",
};

const ID: &str = "cqc_id";
const NAME: &str = LAYOUT.name;
const TYPE: &str = "type";
const POSTCODE: &str = LAYOUT.postcode;
const PROVIDER: &str = "provider";
const AREA_NAME: &str = "area_name";
pub const AREA_CODE: &str = "area_code";

pub const REQUIRED: &[&str] = &[ID, NAME, TYPE, POSTCODE];

pub fn is_header(cells: &[String]) -> bool {
    [ID, TYPE, POSTCODE]
        .iter()
        .all(|name| cells.iter().any(|c| c.trim() == *name))
}

/// The directory's types of a location, `|`-separated (`Residential homes|Homecare
/// agencies|Supported living`).
fn types(kind: &str) -> Vec<&str> {
    kind.split('|')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect()
}

/// Home care (`Homecare agencies`) and supported living reach people where they live; care
/// homes are `Residential homes` and `Nursing homes`.
fn is_home_care(kind: &str) -> bool {
    let kind = kind.to_ascii_lowercase();
    ["homecare", "home care", "domiciliary", "supported living"]
        .iter()
        .any(|t| kind.contains(t))
}

fn is_care_home(kind: &str) -> bool {
    let kind = kind.to_ascii_lowercase();
    ["residential", "nursing home", "care home"]
        .iter()
        .any(|t| kind.contains(t))
}

pub fn map_row(columns: &Columns, row: &Row, as_of: NaiveDate, out: &mut Mapped) {
    let id = match fields::location_id(row, ID, columns.text(row, ID)) {
        Ok(id) => id,
        Err(e) => return out.errors.push(e),
    };
    let kind = columns.text(row, TYPE);
    let types = types(kind);
    if !types.iter().any(|t| is_home_care(t)) {
        let reason = if types.iter().any(|t| is_care_home(t)) {
            SkipReason::CareHome
        } else {
            SkipReason::NoHomeOrCommunityService
        };
        return out.skipped.push(Skipped {
            line: row.line,
            location_id: id,
            name: columns.text(row, NAME).to_owned(),
            postcode: columns.text(row, POSTCODE).to_owned(),
            reason,
            detail: kind.to_owned(),
        });
    }
    let scope = Scope {
        description: description(
            &id,
            columns.text(row, PROVIDER),
            &types,
            columns.text(row, AREA_NAME),
        ),
        id,
        kind: ProviderKind::HomeCareAgency,
        experience: Vec::new(),
    };
    fields::record(columns, &LAYOUT, row, scope, as_of, out);
}
