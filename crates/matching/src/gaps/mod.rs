//! Commissioner gap maps: demand (Census 2021 residents or saved support plans) against the
//! carers and providers who meet a need and can reach each area. Pure: the caller supplies the
//! areas, the demand figures and the supply counts (`carematch_index::gaps` computes supply from
//! the candidate set). See `docs/gaps.md`.

mod analysis;
mod area;
mod need;
mod render;

pub use analysis::{
    AreaKind, CensusCounts, Demand, DemandBasis, GapReport, GapRow, SUPPRESS_BELOW, Severity,
    Supply, Thresholds, census_caveats, plan_demand,
};
pub use area::{Area, Authorities, Authority, Geometry, locate_area};
pub use need::{MAX_TERMS, NeedError, NeedSet, NeedTerm, SUPPLY_MIN_PROFICIENCY};
pub use render::{Feature, FeatureCollection, GapMeta, severity_colour};

#[cfg(test)]
mod tests;
