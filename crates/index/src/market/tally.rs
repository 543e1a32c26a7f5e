//! One pass over every live candidate: where each one is based (authority), who holds it
//! (agency), what it speaks and does, and (PAs with consent) its ethnic group; then counts
//! over any choice of dimensions ([`Tally::count`]).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use carematch_domain::vocabulary::{Code, Ethnicity, Language, Service};
use carematch_matching::gaps::{Area, SUPPLY_MIN_PROFICIENCY};
use carematch_matching::{CandidateKind, SideEntry};

use super::placement::Placement;
use super::{Dimension, MarketFilter};
use crate::gaps::SupplySource;

/// `ethnicity` of a PA who recorded none.
pub(crate) const NOT_RECORDED: u32 = Ethnicity::ALL.len() as u32;
/// `ethnicity` of a provider (not counted by ethnic group).
const NO_ETHNICITY: u32 = u32::MAX;
/// `authority`/`agency` when there is none.
pub(crate) const NONE: u32 = u32::MAX;

/// One candidate, reduced to what the report counts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub pa: bool,
    pub authority: u32,
    /// Index into [`Tally::agencies`], or [`NONE`].
    pub agency: u32,
    pub languages: u64,
    pub services: u64,
    pub ethnicity: u32,
}

/// Every live candidate reduced, and the named providers per authority.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub(crate) entries: Vec<Entry>,
    /// Agency ids in first-seen order (the `agency` values index this).
    pub(crate) agencies: Vec<i64>,
    /// Publicly listed providers: (authority, languages, name).
    pub(crate) providers: Vec<(u32, u64, String)>,
}

impl Tally {
    /// Reduces every live candidate of `source`. `ethnicity` is by carer id (recorded with
    /// consent only); `areas` are the authorities a base is counted in. Every base is located
    /// afresh; [`Tally::reusing`] keeps the placement between reports.
    pub fn new<S: SupplySource + ?Sized>(
        source: &S,
        areas: &[Area],
        ethnicity: &HashMap<i64, Ethnicity>,
    ) -> Self {
        Self::placed(source, &Placement::new(source, areas), ethnicity)
    }

    /// As [`Tally::new`], placing the bases with [`Placement::reusing`] the last placement
    /// computed in this process.
    pub fn reusing<S: SupplySource + ?Sized>(
        source: &S,
        areas: &[Area],
        ethnicity: &HashMap<i64, Ethnicity>,
    ) -> Self {
        Self::placed(source, &Placement::reusing(source, areas), ethnicity)
    }

    /// Reduces every live candidate of `source`, based in the authorities of `placement`
    /// (computed over the same `source`).
    fn placed<S: SupplySource + ?Sized>(
        source: &S,
        placement: &Placement,
        ethnicity: &HashMap<i64, Ethnicity>,
    ) -> Self {
        let mut tally = Tally {
            entries: Vec::with_capacity(source.count()),
            ..Tally::default()
        };
        let mut agency_index: HashMap<i64, u32, BuildHasherDefault<Fx>> = HashMap::default();
        let mut at = 0usize;
        source.each(&mut |candidate, side: &SideEntry| {
            let pa = candidate.kind() == CandidateKind::Carer;
            let authority = placement.authorities.get(at).copied().unwrap_or(NONE);
            at += 1;
            let agency = match candidate.agency() {
                Some(id) => {
                    let next = u32::try_from(tally.agencies.len()).unwrap_or(NONE);
                    *agency_index.entry(id.0).or_insert_with(|| {
                        tally.agencies.push(id.0);
                        next
                    })
                }
                None => NONE,
            };
            let languages = candidate.languages_at(SUPPLY_MIN_PROFICIENCY).bits();
            let ethnicity = if pa {
                ethnicity
                    .get(&candidate.id())
                    .map_or(NOT_RECORDED, |e| u32::from(e.index()))
            } else {
                NO_ETHNICITY
            };
            if !pa && candidate.public_listing() {
                tally
                    .providers
                    .push((authority, languages, side.name.clone()));
            }
            tally.entries.push(Entry {
                pa,
                authority,
                agency,
                languages,
                services: candidate.services().bits(),
                ethnicity,
            });
        });
        tally
    }

    /// Counts of (PAs, providers) per cell of `dims` (keys: one value per dimension, in the
    /// order given), over the candidates `filter` keeps. A PA speaking three languages counts
    /// once in each language's cell; providers have no ethnic group and are left out of a
    /// table by ethnicity.
    pub(crate) fn count(
        &self,
        dims: &[Dimension],
        filter: &MarketFilter,
    ) -> HashMap<Vec<u32>, [u64; 2]> {
        // Keys are packed into one integer while counting (a million candidates, several keys
        // each): each dimension gets a fixed field of the bits it needs.
        let mut layout = Vec::with_capacity(dims.len());
        let mut shift = 0u32;
        for dim in dims {
            let width = match dim {
                Dimension::Authority => 13,
                Dimension::Language | Dimension::Service => 7,
                Dimension::Agency => 21,
                Dimension::Ethnicity => 6,
            };
            layout.push((*dim, shift, width));
            shift += width;
        }
        let mut packed: HashMap<u64, [u64; 2], BuildHasherDefault<Fx>> = HashMap::default();
        let language_filter = filter.language.map(|l| 1u64 << l.index());
        let ethnic = dims.contains(&Dimension::Ethnicity);
        for entry in &self.entries {
            if filter.authority.is_some_and(|a| a != entry.authority)
                || language_filter.is_some_and(|bit| entry.languages & bit == 0)
                || (ethnic && !entry.pa)
            {
                continue;
            }
            let slot = usize::from(!entry.pa);
            each_key(entry, &layout, 0, language_filter, &mut |key| {
                packed.entry(key).or_default()[slot] += 1;
            });
        }
        packed
            .into_iter()
            .map(|(key, counts)| {
                let values = layout
                    .iter()
                    .map(|(_, shift, width)| {
                        let all = (1u64 << width) - 1;
                        match (key >> shift) & all {
                            v if v == all => NONE,
                            v => u32::try_from(v).unwrap_or(NONE),
                        }
                    })
                    .collect();
                (values, counts)
            })
            .collect()
    }

    pub(crate) fn agency_id(&self, index: u32) -> Option<i64> {
        self.agencies.get(index as usize).copied()
    }
}

/// Calls `f` with every packed key of `entry` over `layout` (the product of its values in
/// each dimension), `key` holding the fields before `at`.
fn each_key(
    entry: &Entry,
    layout: &[(Dimension, u32, u32)],
    at: usize,
    language_filter: Option<u64>,
    f: &mut impl FnMut(u64),
) {
    fn go(
        entry: &Entry,
        layout: &[(Dimension, u32, u32)],
        at: usize,
        key: u64,
        language_filter: Option<u64>,
        f: &mut impl FnMut(u64),
    ) {
        let Some((dim, shift, width)) = layout.get(at) else {
            f(key);
            return;
        };
        let all = (1u64 << width) - 1;
        let mut one = |value: u32| {
            let field = if value == NONE {
                all
            } else {
                u64::from(value) & all
            };
            go(
                entry,
                layout,
                at + 1,
                key | (field << shift),
                language_filter,
                f,
            );
        };
        match dim {
            Dimension::Authority => one(entry.authority),
            Dimension::Agency => one(entry.agency),
            Dimension::Ethnicity => one(entry.ethnicity),
            Dimension::Language => {
                for_bits(entry.languages & language_filter.unwrap_or(u64::MAX), one)
            }
            Dimension::Service => for_bits(entry.services, one),
        }
    }
    go(entry, layout, at, 0, language_filter, f);
}

/// A fast hasher for the packed keys and ids counted here (FxHash's multiply-rotate): the
/// keys are ours, not an attacker's, so flooding resistance buys nothing.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }
}

fn for_bits(mut bits: u64, mut f: impl FnMut(u32)) {
    while bits != 0 {
        let b = bits.trailing_zeros();
        f(b);
        bits &= bits - 1;
    }
}

/// The code of value `v` of a vocabulary dimension.
pub(crate) fn language_code(v: u32) -> Option<&'static str> {
    Language::ALL.get(v as usize).map(|l| l.code())
}

pub(crate) fn service_code(v: u32) -> Option<&'static str> {
    Service::ALL.get(v as usize).map(|s| s.code())
}

pub(crate) fn ethnicity_code(v: u32) -> Option<&'static str> {
    if v == NOT_RECORDED {
        return Some("not_recorded");
    }
    Ethnicity::ALL.get(v as usize).map(|e| e.code())
}
