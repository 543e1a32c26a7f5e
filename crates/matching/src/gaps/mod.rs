//! Commissioner gap maps: demand (Census 2021 residents or saved support plans) against the
//! carers and providers who meet a need and can reach each area. Pure: the caller supplies the
//! areas, the demand figures and the supply counts (`carematch_index::gaps` computes supply from
//! the candidate set). See `docs/gaps.md`.

mod analysis;
mod area;
mod figure;
mod need;
mod render;
mod sector;
mod severity;

pub use analysis::{
    AreaKind, CensusCounts, Coverage, Demand, DemandBasis, GapReport, GapRow, PARTLY_COVERED,
    SUPPRESS_BELOW, Severity, Supply, Thresholds, WELL_COVERED, census_caveats, plan_demand,
};
pub use area::{Area, Authorities, Authority, Geometry, locate_area};
pub use figure::{CensusFigure, DemandFigure, UncoveredTerm};
pub use need::{GENDER_NO_FIGURE, MAX_TERMS, NeedError, NeedSet, NeedTerm, SUPPLY_MIN_PROFICIENCY};
pub use render::{Feature, FeatureCollection, GapMeta, severity_colour};
pub use sector::{CENTROID_ONLY_KM, SEA_MARGIN_KM, Sector, assign_sectors, spread};

#[cfg(test)]
mod tests;
