//! A struct-of-arrays copy of what the filter reads, one column per field, in the roster's slot
//! order: a scan over a run of slots streams through the few columns a plan needs (the position,
//! the reach and, say, the language and cuisine masks: ~50 bytes a candidate) instead of pulling
//! every ~240-byte [`Candidate`] through the cache.

use crate::area::PolygonTable;
use crate::candidate::{CHECK_KINDS, Candidate, CandidateKind, NO_CHECK, Reach, Roster};
use crate::rules::Profile;
use carematch_domain::geo::chord_for_km;
use carematch_domain::ids::AgencyId;
use carematch_domain::schedule::{
    HALF_HOUR_WORDS, HALF_HOURS_PER_WEEK, TWO_HOUR_WORDS, TWO_HOURS_PER_WEEK, WeekMask,
};
use carematch_domain::vocabulary::{
    CheckKind, Code, CodeSet, Cuisine, DeliveryMode, DietaryLaw, Experience, Faith, FaithPractice,
    Gender, Language, MedicalDiet, Service,
};

/// Slots per block: the bitmaps below have one bit per slot of a block.
pub const BLOCK: usize = 64;

/// The code lists with a bitmap per code and block: languages at each level, then cuisines,
/// diets, faith practices, services, experience, gender, faith.
pub(crate) const L_CUISINE: usize = 4;
pub(crate) const L_DIET: usize = 5;
pub(crate) const L_PRACTICE: usize = 6;
pub(crate) const L_SERVICE: usize = 7;
pub(crate) const L_EXPERIENCE: usize = 8;
/// A carer's gender and self-declared faith; a provider has every bit of both (the criteria do
/// not apply to providers, so they never fail them).
pub(crate) const L_GENDER: usize = 9;
pub(crate) const L_FAITH: usize = 10;
const LISTS: usize = 11;

/// Where each list's bitmaps start within a block's words, and the number of words a block has.
pub(crate) fn list_offsets() -> ([usize; LISTS], usize) {
    let sizes = [
        Language::all().len(),
        Language::all().len(),
        Language::all().len(),
        Language::all().len(),
        Cuisine::all().len(),
        DietaryLaw::all().len(),
        FaithPractice::all().len(),
        Service::all().len(),
        Experience::all().len(),
        Gender::all().len(),
        Faith::all().len(),
    ];
    let mut offsets = [0; LISTS];
    let mut width = 0;
    for (offset, size) in offsets.iter_mut().zip(sizes) {
        *offset = width;
        width += size;
    }
    (offsets, width)
}

/// An `accepting_until` this late is a flag that never lapses (a PA's never confirmed).
pub(crate) const ALWAYS_ACCEPTING: i64 = i32::MAX as i64 - 1;

/// Per block of [`BLOCK`] slots: which slots are providers, publicly listed, polygon areas;
/// whether the reach bounds decrease along the block (so runs of them can be found by binary
/// search).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct BlockFlags {
    pub provider: u64,
    pub public: u64,
    pub polygon: u64,
    /// Providers without opening hours (they work by arrangement).
    pub by_arrangement: u64,
    /// Carers taking new clients whose flag never lapses (never confirmed): their capacity
    /// cannot fail on any day, so the bitmaps alone may decide their verdict. Every other
    /// carer (full, or with a flag that lapses) is judged slot by slot.
    pub always_accepting: u64,
    /// The union of [`agency_bit`] over the block's carers: an agency none of whose bits is
    /// here holds no carer in the block.
    pub agencies: u64,
    /// The number of polygon members in earlier blocks: member `j`'s polygon is number
    /// `polygon_base + (polygon & low_bits(j)).count_ones()` of [`HotColumns::polygons`].
    pub polygon_base: u32,
    pub reach_sorted: bool,
}

impl BlockFlags {
    /// The polygon of member `j` (which must be a polygon member) in [`HotColumns::polygons`].
    #[inline(always)]
    pub(crate) fn polygon_of(&self, j: usize) -> usize {
        self.polygon_base as usize + (self.polygon & low_bits(j)).count_ones() as usize
    }
}

/// A block's reach bounds as steps, when it has few distinct ones (travel radii are mostly a
/// handful of round figures): the distinct squared chords, furthest first, and after each the
/// number of members reaching at least that far. One cache line answers "how many reach this
/// far" for the whole block, where the reach column takes eight.
#[derive(Debug, Clone, Copy, Default)]
#[repr(align(64))]
pub(crate) struct ReachSteps {
    values: [f64; REACH_STEPS],
    ends: [u8; REACH_STEPS],
    /// Steps in use; 0 when the block has more distinct reaches (read the column instead).
    len: u8,
}

const REACH_STEPS: usize = 7;

impl ReachSteps {
    /// The steps of a block's reach column, sorted furthest first; none in use (`len` 0) when
    /// there are more than [`REACH_STEPS`] distinct values.
    fn of(sorted: &[f64]) -> Self {
        let mut steps = Self::default();
        for (i, reach) in sorted.iter().enumerate() {
            let len = usize::from(steps.len);
            if len > 0 && steps.values[len - 1].to_bits() == reach.to_bits() {
                steps.ends[len - 1] = (i + 1) as u8;
            } else if len < REACH_STEPS {
                steps.values[len] = *reach;
                steps.ends[len] = (i + 1) as u8;
                steps.len += 1;
            } else {
                return Self::default();
            }
        }
        steps
    }

    /// The number of members whose reach is at least `threshold`, when the steps are in use.
    #[inline(always)]
    pub(crate) fn count_at_least(&self, threshold: f64) -> Option<usize> {
        if self.len == 0 {
            return None;
        }
        let above = self.values[..usize::from(self.len).min(REACH_STEPS)]
            .iter()
            .filter(|v| **v >= threshold)
            .count();
        Some(
            above
                .checked_sub(1)
                .map_or(0, |last| usize::from(self.ends[last])),
        )
    }
}

/// Eight bits of a multiplicative hash of an agency's id: a member's [`HotColumns::agency_tag`].
#[inline(always)]
pub(crate) fn agency_tag(agency: AgencyId) -> u8 {
    ((agency.0 as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as u8
}

/// One bit of 64 for an agency (the top six bits of its tag).
#[inline(always)]
pub(crate) fn agency_bit(agency: AgencyId) -> u64 {
    1u64 << (agency_tag(agency) >> 2)
}

pub(crate) const F_PROVIDER: u8 = 1;
pub(crate) const F_PUBLIC: u8 = 2;
pub(crate) const F_POLYGON: u8 = 4;
pub(crate) const F_BY_ARRANGEMENT: u8 = 8;
pub(crate) const F_LGBT_INCLUSIVE: u8 = 16;

/// The hot fields of every candidate of a [`super::Roster`], as columns indexed by slot. Build it
/// from the roster's candidates after the roster's final layout ([`super::Roster::permute`]) and
/// rebuild it whenever the roster changes.
#[derive(Debug, Clone, Default)]
pub struct HotColumns {
    /// Unit vectors `[cos φ cos λ, cos φ sin λ, sin φ]` of the bases.
    pub(crate) pos: Vec<[f64; 3]>,
    /// The reach bound (km) and its squared chord.
    pub(crate) reach_km: Vec<f64>,
    pub(crate) reach_chord_2: Vec<f64>,
    pub(crate) flags: Vec<u8>,
    /// Last day the "accepting" flag counts (`i64::MIN` when unset or a PA has no free hours).
    pub(crate) accepting_until: Vec<i64>,
    pub(crate) languages: [Vec<CodeSet<Language>>; 4],
    pub(crate) cuisines: Vec<CodeSet<Cuisine>>,
    pub(crate) diets: Vec<CodeSet<DietaryLaw>>,
    pub(crate) practices: Vec<CodeSet<FaithPractice>>,
    pub(crate) services: Vec<CodeSet<Service>>,
    pub(crate) experience: Vec<CodeSet<Experience>>,
    pub(crate) faith: Vec<Option<Faith>>,
    pub(crate) gender: Vec<Option<Gender>>,
    pub(crate) hours_free: Vec<u8>,
    pub(crate) rate_pence: Vec<Option<u32>>,
    pub(crate) available_from: Vec<i32>,
    /// Day number of the last confirmation, read only to score a candidate that passed.
    pub(crate) confirmed_on: Vec<i32>,
    pub(crate) check_expiry: Vec<[i32; CHECK_KINDS]>,
    /// Read only by plans that ask for them (no bitmaps): medical diets, delivery modes, and the
    /// languages read and written.
    pub(crate) medical_diets: Vec<CodeSet<MedicalDiet>>,
    pub(crate) delivery: Vec<CodeSet<DeliveryMode>>,
    pub(crate) literacy: Vec<[CodeSet<Language>; 2]>,
    pub(crate) weeks: Vec<WeekMask>,
    pub(crate) agency: Vec<Option<AgencyId>>,
    /// [`agency_tag`] of the agency (0 without one): a block's 64 tags fill one cache line, so
    /// an agency viewer finds its own private members there and reads `agency` only to confirm
    /// a matching tag.
    pub(crate) agency_tag: Vec<u8>,
    /// One word per code of every list ([`list_offsets`]) and block, code-major (the words of one
    /// code for consecutive blocks are adjacent): bit `j` of word `code · blocks + block` is set
    /// when slot `block · BLOCK + j` has the code.
    pub(crate) bits: Vec<u64>,
    pub(crate) width: usize,
    /// [`HALF_HOURS_PER_WEEK`] rows of a word per block, like `bits`: bit `j` of word
    /// `k · blocks + block` is set when slot `block · BLOCK + j` is free for the whole of half
    /// hour `k` (a provider working by arrangement is free for all of them).
    pub(crate) half_hours: Vec<u64>,
    /// [`TWO_HOURS_PER_WEEK`] rows of a word per block, part-major (a plan reads a few parts, for
    /// blocks mostly in slot order): bit `j` of word `s · blocks + block` is set when slot
    /// `block · BLOCK + j` has any time free in two-hour part `s` of the week (a provider working
    /// by arrangement, in all of them). A member with none in the parts a preferred schedule
    /// touches covers none of it, which bounds its score.
    pub(crate) two_hours: Vec<u64>,
    pub(crate) blocks: Vec<BlockFlags>,
    /// Per block, its reaches as steps ([`ReachSteps`]); none in use when the block's reaches
    /// are not sorted ([`BlockFlags::reach_sorted`]) or too varied.
    pub(crate) reach_steps: Vec<ReachSteps>,
    /// The polygon areas of the polygon members, in slot order ([`BlockFlags::polygon_of`]).
    pub(crate) polygons: PolygonTable,
}

impl HotColumns {
    /// The columns of every candidate of `roster`, in slot order.
    pub fn build(roster: &Roster) -> Self {
        let candidates = roster.candidates();
        let n = candidates.len();
        let mut hot = Self {
            pos: Vec::with_capacity(n),
            reach_km: Vec::with_capacity(n),
            reach_chord_2: Vec::with_capacity(n),
            flags: Vec::with_capacity(n),
            accepting_until: Vec::with_capacity(n),
            languages: std::array::from_fn(|_| Vec::with_capacity(n)),
            cuisines: Vec::with_capacity(n),
            diets: Vec::with_capacity(n),
            practices: Vec::with_capacity(n),
            services: Vec::with_capacity(n),
            experience: Vec::with_capacity(n),
            faith: Vec::with_capacity(n),
            gender: Vec::with_capacity(n),
            hours_free: Vec::with_capacity(n),
            rate_pence: Vec::with_capacity(n),
            available_from: Vec::with_capacity(n),
            confirmed_on: Vec::with_capacity(n),
            check_expiry: Vec::with_capacity(n),
            medical_diets: Vec::with_capacity(n),
            delivery: Vec::with_capacity(n),
            literacy: Vec::with_capacity(n),
            weeks: Vec::with_capacity(n),
            agency: Vec::with_capacity(n),
            agency_tag: Vec::with_capacity(n),
            bits: Vec::new(),
            width: 0,
            half_hours: Vec::new(),
            two_hours: Vec::new(),
            blocks: Vec::new(),
            reach_steps: Vec::new(),
            polygons: PolygonTable::default(),
        };
        for (c, slot) in candidates.iter().zip(0u32..) {
            hot.push(c);
            if matches!(c.reach, Reach::Polygon { .. }) {
                let area = roster.side(slot).and_then(|side| side.area.as_ref());
                hot.polygons.push(area);
            }
        }
        hot.index_blocks();
        hot
    }

    fn index_blocks(&mut self) {
        let (offsets, width) = list_offsets();
        let n = self.len();
        let blocks = n.div_ceil(BLOCK);
        self.width = width;
        self.bits = vec![0; blocks * width];
        self.blocks = vec![BlockFlags::default(); blocks];
        for i in 0..n {
            let (b, bit) = (i / BLOCK, 1u64 << (i % BLOCK));
            let bits = &mut self.bits;
            let mut set = |list: usize, mut codes: u64| {
                while codes != 0 {
                    let code = codes.trailing_zeros() as usize;
                    if let Some(word) = bits.get_mut((offsets[list] + code) * blocks + b) {
                        *word |= bit;
                    }
                    codes &= codes - 1;
                }
            };
            for (level, column) in self.languages.iter().enumerate() {
                set(level, column[i].bits());
            }
            set(L_CUISINE, self.cuisines[i].bits());
            set(L_DIET, self.diets[i].bits());
            set(L_PRACTICE, self.practices[i].bits());
            set(L_SERVICE, self.services[i].bits());
            set(L_EXPERIENCE, self.experience[i].bits());
            if self.flags[i] & F_PROVIDER != 0 {
                set(L_GENDER, low_bits(Gender::all().len()));
                set(L_FAITH, low_bits(Faith::all().len()));
            } else {
                if let Some(gender) = self.gender[i] {
                    set(L_GENDER, 1 << gender.index());
                }
                if let Some(faith) = self.faith[i] {
                    set(L_FAITH, 1 << faith.index());
                }
            }
            let flags = self.flags[i];
            let block = &mut self.blocks[b];
            if flags & F_PROVIDER != 0 {
                block.provider |= bit;
            }
            if flags & F_PUBLIC != 0 {
                block.public |= bit;
            }
            if flags & F_POLYGON != 0 {
                block.polygon |= bit;
            }
            if flags & F_BY_ARRANGEMENT != 0 {
                block.by_arrangement |= bit;
            }
            if flags & F_PROVIDER == 0 && self.accepting_until[i] >= ALWAYS_ACCEPTING {
                block.always_accepting |= bit;
            }
            if flags & F_PROVIDER == 0
                && let Some(agency) = self.agency[i]
            {
                block.agencies |= agency_bit(agency);
            }
        }
        self.half_hours = vec![0; blocks * HALF_HOURS_PER_WEEK];
        self.two_hours = vec![0; blocks * TWO_HOURS_PER_WEEK];
        for (i, week) in self.weeks.iter().enumerate() {
            let (b, bit) = (i / BLOCK, 1u64 << (i % BLOCK));
            let (halves, parts) = if self.flags[i] & F_BY_ARRANGEMENT != 0 {
                ([u64::MAX; HALF_HOUR_WORDS], [u64::MAX; TWO_HOUR_WORDS])
            } else {
                (week.whole_half_hours(), week.two_hour_parts())
            };
            set_rows(&mut self.half_hours, blocks, b, &halves, bit);
            set_rows(&mut self.two_hours, blocks, b, &parts, bit);
        }
        let mut polygons = 0u32;
        for (b, block) in self.blocks.iter_mut().enumerate() {
            let reach = &self.reach_chord_2[b * BLOCK..((b + 1) * BLOCK).min(n)];
            block.reach_sorted = reach.windows(2).all(|w| w[0] >= w[1]);
            self.reach_steps.push(if block.reach_sorted {
                ReachSteps::of(reach)
            } else {
                ReachSteps::default()
            });
            block.polygon_base = polygons;
            polygons += block.polygon.count_ones();
        }
    }

    fn push(&mut self, c: &Candidate) {
        self.pos.push(c.location.unit_vector());
        let bound = c.reach.bound_km();
        self.reach_km.push(bound);
        self.reach_chord_2
            .push(chord_for_km(bound.max(0.0)).powi(2));
        let mut flags = 0;
        if c.kind == CandidateKind::Provider {
            flags |= F_PROVIDER;
        }
        if c.public_listing {
            flags |= F_PUBLIC;
        }
        if matches!(c.reach, Reach::Polygon { .. }) {
            flags |= F_POLYGON;
        }
        if c.hours_by_arrangement {
            flags |= F_BY_ARRANGEMENT;
        }
        if c.lgbt_inclusive {
            flags |= F_LGBT_INCLUSIVE;
        }
        self.flags.push(flags);
        self.accepting_until.push(c.accepting_until());
        for (column, set) in self.languages.iter_mut().zip(c.languages) {
            column.push(set);
        }
        self.cuisines.push(c.cuisines);
        self.diets.push(c.diets);
        self.practices.push(c.practices);
        self.services.push(c.services);
        self.experience.push(c.experience);
        self.faith.push(c.faith);
        self.gender.push(c.gender);
        self.hours_free.push(c.hours_free);
        self.rate_pence.push(c.rate_pence);
        self.available_from.push(c.available_from);
        self.confirmed_on.push(c.confirmed_on);
        self.check_expiry.push(c.check_expiry);
        self.medical_diets.push(c.medical_diets);
        self.delivery.push(c.delivery);
        self.literacy.push([c.reads, c.writes]);
        self.weeks.push(c.week);
        self.agency.push(c.agency);
        self.agency_tag.push(c.agency.map_or(0, agency_tag));
    }

    pub fn len(&self) -> usize {
        self.flags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.flags.is_empty()
    }

    /// Members of `block` free for the whole of each half hour in `halves` (stops reading once
    /// none is left).
    #[inline(always)]
    pub(crate) fn free_for(&self, block: usize, halves: &[u16]) -> u64 {
        let blocks = self.blocks.len();
        let mut free = u64::MAX;
        for k in halves {
            free &= self
                .half_hours
                .get(usize::from(*k) * blocks + block)
                .copied()
                .unwrap_or(0);
            if free == 0 {
                break;
            }
        }
        free
    }

    /// Members of `block` with any time free in one of the two-hour `parts` of the week.
    #[inline(always)]
    pub(crate) fn free_in_some(&self, block: usize, parts: &[u8]) -> u64 {
        let blocks = self.blocks.len();
        parts.iter().fold(0, |free, s| {
            free | self
                .two_hours
                .get(usize::from(*s) * blocks + block)
                .copied()
                .unwrap_or(0)
        })
    }

    /// The unit vector of the base in `slot` (as [`carematch_domain::GeoPoint::unit_vector`]).
    pub fn position(&self, slot: u32) -> Option<[f64; 3]> {
        self.pos.get(slot as usize).copied()
    }

    /// The reach bound in km of the candidate in `slot` (a carer's travel radius, a provider's
    /// radius or the radius around its base that holds its polygon).
    pub fn reach_km(&self, slot: u32) -> Option<f64> {
        self.reach_km.get(slot as usize).copied()
    }

    /// Bytes held by the columns.
    pub fn heap_bytes(&self) -> usize {
        let n = self.len();
        n * (size_of::<[f64; 3]>()
            + 2 * size_of::<f64>()
            + 1
            + size_of::<i64>()
            + 4 * 8
            + 5 * 8
            + 2
            + 1
            + size_of::<Option<u32>>()
            + 2 * size_of::<i32>()
            + size_of::<[i32; CHECK_KINDS]>()
            + size_of::<CodeSet<MedicalDiet>>()
            + size_of::<CodeSet<DeliveryMode>>()
            + size_of::<[CodeSet<Language>; 2]>()
            + size_of::<WeekMask>()
            + size_of::<Option<AgencyId>>()
            + 1)
            + (self.bits.len() + self.half_hours.len() + self.two_hours.len()) * size_of::<u64>()
            + self.blocks.len() * (size_of::<BlockFlags>() + size_of::<ReachSteps>())
            + self.polygons.heap_bytes()
    }
}

fn low_bits(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

/// Sets `bit` in block `b`'s word of row `k` (rows of `blocks` words) for every bit `k` of `set`.
fn set_rows(rows: &mut [u64], blocks: usize, b: usize, set: &[u64], bit: u64) {
    for k in bit_indices(set) {
        if let Some(w) = rows.get_mut(k * blocks + b) {
            *w |= bit;
        }
    }
}

/// The indices of the bits set in `words` (bit `k` of word `w` is `64·w + k`), in order.
pub(crate) fn bit_indices(words: &[u64]) -> impl Iterator<Item = usize> + '_ {
    words.iter().enumerate().flat_map(|(w, word)| {
        let mut rest = *word;
        std::iter::from_fn(move || {
            (rest != 0).then(|| {
                let k = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                64 * w + k
            })
        })
    })
}

/// One slot of [`HotColumns`], read through [`Profile`]. The slot is in range (checked by the
/// caller once per run of slots).
pub(crate) struct HotRow<'a> {
    pub hot: &'a HotColumns,
    pub i: usize,
}

impl HotRow<'_> {
    /// Whether the member's bit is set in one of its block's bitmaps: the block's flags are in
    /// the cache while the block is examined, the member's own flag byte often is not.
    #[inline(always)]
    fn in_block(&self, bitmap: fn(&BlockFlags) -> u64) -> bool {
        (bitmap(&self.hot.blocks[self.i / BLOCK]) >> (self.i % BLOCK)) & 1 != 0
    }
}

impl Profile for HotRow<'_> {
    #[inline(always)]
    fn kind(&self) -> CandidateKind {
        if self.in_block(|b| b.provider) {
            CandidateKind::Provider
        } else {
            CandidateKind::Carer
        }
    }
    #[inline(always)]
    fn accepting_on(&self, today: i32) -> bool {
        i64::from(today) <= self.hot.accepting_until[self.i]
    }
    #[inline(always)]
    fn cuisines(&self) -> CodeSet<Cuisine> {
        self.hot.cuisines[self.i]
    }
    #[inline(always)]
    fn diets(&self) -> CodeSet<DietaryLaw> {
        self.hot.diets[self.i]
    }
    #[inline(always)]
    fn practices(&self) -> CodeSet<FaithPractice> {
        self.hot.practices[self.i]
    }
    #[inline(always)]
    fn services(&self) -> CodeSet<Service> {
        self.hot.services[self.i]
    }
    #[inline(always)]
    fn experience(&self) -> CodeSet<Experience> {
        self.hot.experience[self.i]
    }
    #[inline(always)]
    fn languages_at(&self, level: usize) -> CodeSet<Language> {
        self.hot
            .languages
            .get(level)
            .map_or(CodeSet::EMPTY, |column| column[self.i])
    }
    #[inline(always)]
    fn faith(&self) -> Option<Faith> {
        self.hot.faith[self.i]
    }
    #[inline(always)]
    fn gender(&self) -> Option<Gender> {
        self.hot.gender[self.i]
    }
    #[inline(always)]
    fn hours_free(&self) -> u8 {
        self.hot.hours_free[self.i]
    }
    #[inline(always)]
    fn rate_pence(&self) -> Option<u32> {
        self.hot.rate_pence[self.i]
    }
    #[inline(always)]
    fn available_from(&self) -> i32 {
        self.hot.available_from[self.i]
    }
    #[inline(always)]
    fn confirmed_on(&self) -> i32 {
        self.hot.confirmed_on[self.i]
    }
    #[inline(always)]
    fn covers(&self, needed: &WeekMask) -> bool {
        self.in_block(|b| b.by_arrangement)
            || self.hot.weeks[self.i].intersection(needed) == *needed
    }
    #[inline(always)]
    fn coverage(&self, needed: &WeekMask) -> f64 {
        if self.in_block(|b| b.by_arrangement) {
            1.0
        } else {
            self.hot.weeks[self.i].coverage_of(needed)
        }
    }
    #[inline(always)]
    fn valid_checks(&self, today: i32) -> CodeSet<CheckKind> {
        let mut set = CodeSet::EMPTY;
        for (i, expiry) in self.hot.check_expiry[self.i].iter().enumerate() {
            if *expiry != NO_CHECK && *expiry >= today {
                set = set.union(CodeSet::from_bits(1 << i));
            }
        }
        set
    }
    #[inline(always)]
    fn medical_diets(&self) -> CodeSet<MedicalDiet> {
        self.hot.medical_diets[self.i]
    }
    #[inline(always)]
    fn delivery(&self) -> CodeSet<DeliveryMode> {
        self.hot.delivery[self.i]
    }
    #[inline(always)]
    fn lgbt_inclusive(&self) -> bool {
        self.hot.flags[self.i] & F_LGBT_INCLUSIVE != 0
    }
    #[inline(always)]
    fn reads(&self) -> CodeSet<Language> {
        self.hot.literacy[self.i][0]
    }
    #[inline(always)]
    fn writes(&self) -> CodeSet<Language> {
        self.hot.literacy[self.i][1]
    }
}

#[cfg(test)]
mod tests {
    use super::super::layout::count_leading;
    use super::ReachSteps;

    #[test]
    fn reach_steps_count_what_the_column_counts() {
        let radii = [30.0, 20.0, 15.0, 10.0, 8.0, 5.0, 0.0, -0.0, 12.5, 3.0];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for case in 0..2_000 {
            let distinct = 1 + case % radii.len();
            let len = 1 + case % 64;
            let mut reach: Vec<f64> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    radii[(seed % distinct as u64) as usize]
                })
                .collect();
            reach.sort_by(|a, b| b.total_cmp(a));
            let steps = ReachSteps::of(&reach);
            let mut values = reach.iter().map(|r| r.to_bits()).collect::<Vec<_>>();
            values.dedup();
            assert_eq!(steps.count_at_least(1.0).is_some(), values.len() <= 7);
            for threshold in radii.iter().chain(&[31.0, 9.0, 4.0, -1.0, f64::NAN]) {
                if let Some(count) = steps.count_at_least(*threshold) {
                    assert_eq!(
                        count,
                        count_leading(&reach, *threshold),
                        "{reach:?} {threshold}"
                    );
                }
            }
        }
    }
}
