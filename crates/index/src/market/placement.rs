//! The authority each live candidate is based in, in the order the candidates are passed over,
//! kept from one report to the next: a candidate whose base is exactly where the last
//! placement had it (same place in the pass, same coordinates, same areas) keeps its authority;
//! any other is located again. Nothing can go stale: the authority of a base depends only on
//! the base and the areas, and both are compared. When no candidate has changed since the last
//! report, no base is located; after a write, only the bases from the first changed position on
//! are (the grid locator is built only then).

use std::hash::{DefaultHasher, Hasher};
use std::sync::{Arc, Mutex};

use carematch_matching::gaps::Area;

use super::locate::AreaLocator;
use super::tally::NONE;
use crate::gaps::{SupplySource, hash_areas};

/// The last placement computed in this process (one engine, one set of areas at a time).
static LAST: Mutex<Option<Arc<Placement>>> = Mutex::new(None);

/// The authority (index into the areas, or [`NONE`]) of every live candidate's base.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    pub(crate) authorities: Vec<u32>,
    /// Each base's latitude and longitude bits, to tell an unchanged base.
    locations: Vec<[u64; 2]>,
    /// The areas' fingerprint ([`hash_areas`]).
    areas: u64,
    /// How many authorities were taken from the previous placement.
    pub(crate) reused: usize,
}

impl Placement {
    /// Locates every base of `source` in `areas`.
    pub fn new<S: SupplySource + ?Sized>(source: &S, areas: &[Area]) -> Self {
        Self::after(None, source, areas)
    }

    /// Places `source`'s bases reusing the last placement computed by this function, and keeps
    /// the result for the next call.
    pub fn reusing<S: SupplySource + ?Sized>(source: &S, areas: &[Area]) -> Arc<Self> {
        let previous = LAST.lock().ok().and_then(|guard| guard.clone());
        let placement = Arc::new(Self::after(previous.as_deref(), source, areas));
        if let Ok(mut guard) = LAST.lock() {
            *guard = Some(Arc::clone(&placement));
        }
        placement
    }

    /// Places `source`'s bases, taking each unchanged one's authority from `previous`.
    pub(crate) fn after<S: SupplySource + ?Sized>(
        previous: Option<&Placement>,
        source: &S,
        areas: &[Area],
    ) -> Self {
        let mut h = DefaultHasher::new();
        hash_areas(areas, &mut h);
        let fingerprint = h.finish();
        let previous = previous.filter(|p| p.areas == fingerprint);
        let mut placement = Placement {
            authorities: Vec::with_capacity(source.count()),
            locations: Vec::with_capacity(source.count()),
            areas: fingerprint,
            reused: 0,
        };
        let mut locator: Option<AreaLocator<'_>> = None;
        source.each(&mut |candidate, _| {
            let at = candidate.held_location();
            let bits = [at.lat.to_bits(), at.lon.to_bits()];
            let i = placement.locations.len();
            let authority = match previous {
                Some(p) if p.locations.get(i) == Some(&bits) => {
                    placement.reused += 1;
                    p.authorities[i]
                }
                _ => locator
                    .get_or_insert_with(|| AreaLocator::new(areas))
                    .locate(at)
                    .and_then(|a| u32::try_from(a).ok())
                    .unwrap_or(NONE),
            };
            placement.locations.push(bits);
            placement.authorities.push(authority);
        });
        placement
    }
}
