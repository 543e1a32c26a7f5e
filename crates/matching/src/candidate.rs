//! Compact, allocation-free candidate profiles built from carers and providers, and the
//! [`Roster`] that keeps them beside their display side table.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::area::AreaPolygon;
use carematch_domain::carer::Carer;
use carematch_domain::geo::GeoPoint;
use carematch_domain::ids::AgencyId;
use carematch_domain::listing::freshness_after_days;
use carematch_domain::provider::{CAPACITY_FLAG_LAPSES_AFTER_DAYS, Provider, ServiceArea};
use carematch_domain::schedule::WeekMask;
use carematch_domain::vocabulary::{
    CheckKind, Code, CodeSet, Cuisine, DeliveryMode, DietaryLaw, Experience, Faith, FaithPractice,
    Gender, Language, MedicalDiet, Proficiency, Service,
};

/// `accepting_confirmed` of a PA whose capacity flag was never confirmed: it never lapses.
const NEVER_LAPSES: i32 = i32::MAX - CAPACITY_FLAG_LAPSES_AFTER_DAYS as i32;
/// Carer or provider.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CandidateKind {
    Carer,
    Provider,
}

impl CandidateKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Carer => "carer",
            Self::Provider => "provider",
        }
    }
}

/// A date as a day number (days from the Common Era), so comparisons in the hot loop are integers.
pub fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// [`carematch_domain::listing::freshness_after_days`] between two day numbers: how fresh a
/// record confirmed on day `confirmed_on` is on day `today`. Both engines score with this one
/// function, so they agree to the bit.
#[inline(always)]
pub(crate) fn freshness_on_day(confirmed_on: i32, today: i32) -> f64 {
    freshness_after_days(i64::from(today) - i64::from(confirmed_on))
}

/// The inverse of [`day_number`].
pub fn date_of_day(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

/// No check of this kind is recorded.
pub(crate) const NO_CHECK: i32 = i32::MIN;

/// How far a candidate reaches.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Reach {
    /// A carer's travel radius or a provider's service radius, in km from the base.
    Radius(f64),
    /// A provider's polygon service area: the rings are in the [`Roster`]'s side table; `bound_km`
    /// is the distance from the base within which the whole polygon lies.
    Polygon { bound_km: f64 },
}

impl Reach {
    /// The distance from the base beyond which the candidate certainly does not reach.
    pub fn bound_km(self) -> f64 {
        match self {
            Self::Radius(km) => km,
            Self::Polygon { bound_km } => bound_km,
        }
    }
}

/// Everything the matcher reads, as bitsets and integers: no heap data.
///
/// Display data (names) and polygon rings live in the [`Roster`]'s side table.
///
/// Serde (for the engine's persisted candidate snapshot) writes every field as is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// Laid out by hand: what the filter reads first, so that most rejections touch one or two
// adjacent cache lines.
#[repr(C)]
pub struct Candidate {
    pub(crate) kind: CandidateKind,
    pub(crate) public_listing: bool,
    pub(crate) accepting: bool,
    /// A provider with no opening hours works by arrangement: any schedule is covered.
    pub(crate) hours_by_arrangement: bool,
    /// Hours free a week; `u8::MAX` for providers (by arrangement).
    pub(crate) hours_free: u8,
    pub(crate) faith: Option<Faith>,
    pub(crate) gender: Option<Gender>,
    pub(crate) accepting_confirmed: i32,
    pub(crate) reach: Reach,
    /// `languages[i]`: languages spoken at level `i` or better (basic, conversational, fluent, native).
    pub(crate) languages: [CodeSet<Language>; 4],
    pub(crate) cuisines: CodeSet<Cuisine>,
    pub(crate) diets: CodeSet<DietaryLaw>,
    pub(crate) practices: CodeSet<FaithPractice>,
    pub(crate) services: CodeSet<Service>,
    pub(crate) experience: CodeSet<Experience>,
    pub(crate) medical_diets: CodeSet<MedicalDiet>,
    /// How the candidate works: a carer in person; a provider as it says.
    pub(crate) delivery: CodeSet<DeliveryMode>,
    pub(crate) lgbt_inclusive: bool,
    /// Languages read, and written (a provider's staff languages count as both).
    pub(crate) reads: CodeSet<Language>,
    pub(crate) writes: CodeSet<Language>,
    /// Hourly rate in pence, `None` when a provider does not publish one.
    pub(crate) rate_pence: Option<u32>,
    pub(crate) available_from: i32,
    /// Day number of `last_confirmed_on`: when the record was last confirmed true (the score's
    /// freshness, [`freshness_on_day`]).
    pub(crate) confirmed_on: i32,
    /// Expiry day number per check kind ([`NO_CHECK`] when none is recorded).
    pub(crate) check_expiry: [i32; CHECK_KINDS],
    pub(crate) agency: Option<AgencyId>,
    pub(crate) id: i64,
    /// Where answers for anyone who may not see the full record are measured from: a carer's
    /// public cell ([`GeoPoint::public_cell`]), a provider's published base.
    pub(crate) location: GeoPoint,
    pub(crate) week: WeekMask,
    /// What only the record's holder may be answered from ([`super::Viewer::holds`]).
    pub(crate) held: Held,
}

/// A carer's private facts, read only for a viewer who holds the record: the real base and
/// the faith given without public consent. `faith` above is the public one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Held {
    pub(crate) location: GeoPoint,
    pub(crate) faith: Option<Faith>,
}

pub(crate) const CHECK_KINDS: usize = CheckKind::ALL.len();

impl Candidate {
    pub fn from_carer(carer: &Carer) -> Self {
        let d = &carer.details;
        let mut languages = [CodeSet::EMPTY; 4];
        for skill in &d.languages {
            for (level, set) in languages.iter_mut().enumerate() {
                if skill.proficiency as usize >= level {
                    set.insert(skill.code);
                }
            }
        }
        let mut check_expiry = [NO_CHECK; CHECK_KINDS];
        for check in &d.checks {
            let slot = &mut check_expiry[usize::from(check.kind.index())];
            *slot = (*slot).max(day_number(check.expires_on));
        }
        Self {
            kind: CandidateKind::Carer,
            id: carer.id.0,
            agency: Some(carer.agency_id),
            public_listing: carer.is_public(),
            location: carer.location.public_cell(),
            held: Held {
                location: carer.location,
                faith: d.faith,
            },
            reach: Reach::Radius(d.travel_radius_km.get()),
            languages,
            cuisines: d.cuisines.iter().collect(),
            diets: d.dietary_laws.iter().collect(),
            practices: d.faith_practices.iter().collect(),
            services: d.services.iter().collect(),
            experience: d.experience.iter().collect(),
            medical_diets: d.medical_diets.iter().collect(),
            delivery: [DeliveryMode::InPerson].into_iter().collect(),
            lgbt_inclusive: d.lgbt_inclusive,
            reads: d
                .languages
                .iter()
                .filter(|l| l.reads)
                .map(|l| l.code)
                .collect(),
            writes: d
                .languages
                .iter()
                .filter(|l| l.writes)
                .map(|l| l.code)
                .collect(),
            faith: d.faith.filter(|_| d.faith_public_consent),
            gender: Some(d.gender),
            check_expiry,
            week: WeekMask::from_slots(&d.availability),
            hours_by_arrangement: false,
            hours_free: d.hours_per_week,
            rate_pence: Some(d.hourly_rate.pence()),
            available_from: day_number(d.available_from),
            confirmed_on: day_number(d.last_confirmed_on),
            // A PA is full without free hours; a flag never confirmed never lapses.
            accepting: d.accepting_new_clients && d.hours_per_week > 0,
            accepting_confirmed: d.accepting_confirmed_on.map_or(NEVER_LAPSES, day_number),
        }
    }

    /// A provider's profile; staff languages count as fluent. For a polygon area the bound is
    /// computed here and the rings go to the side table ([`SideEntry::from_provider`]).
    pub fn from_provider(provider: &Provider) -> Self {
        let d = &provider.details;
        let mut languages = [CodeSet::EMPTY; 4];
        for code in &d.staff_languages {
            for set in &mut languages[..=Proficiency::Fluent as usize] {
                set.insert(*code);
            }
        }
        let mut check_expiry = [NO_CHECK; CHECK_KINDS];
        for check in &d.checks {
            let slot = &mut check_expiry[usize::from(check.kind.index())];
            *slot = (*slot).max(day_number(check.expires_on));
        }
        let reach = match &d.service_area {
            ServiceArea::Radius { km } => Reach::Radius(km.get()),
            ServiceArea::Polygon { coordinates } => Reach::Polygon {
                bound_km: AreaPolygon::new(coordinates.clone())
                    .map_or(0.0, |p| polygon_bound(&p, provider.location)),
            },
        };
        Self {
            kind: CandidateKind::Provider,
            id: provider.id.0,
            agency: provider.agency_id,
            public_listing: provider.is_public(),
            location: provider.location,
            held: Held {
                location: provider.location,
                faith: None,
            },
            reach,
            languages,
            cuisines: d.cuisines.iter().collect(),
            diets: d.dietary_laws.iter().collect(),
            practices: d.faith_practices.iter().collect(),
            services: d.services.iter().collect(),
            experience: d.experience.iter().collect(),
            medical_diets: d.medical_diets.iter().collect(),
            delivery: d.delivery_modes.iter().collect(),
            lgbt_inclusive: d.lgbt_inclusive,
            reads: d.staff_languages.iter().collect(),
            writes: d.staff_languages.iter().collect(),
            faith: None,
            gender: None,
            check_expiry,
            week: WeekMask::from_slots(&d.opening_hours),
            hours_by_arrangement: d.opening_hours.is_empty(),
            hours_free: u8::MAX,
            rate_pence: d.hourly_rate.map(|r| r.pence()),
            available_from: i32::MIN,
            confirmed_on: day_number(d.last_confirmed_on),
            accepting: d.accepting_new_clients,
            accepting_confirmed: day_number(d.accepting_confirmed_on),
        }
    }

    /// How the candidate works: in person (every carer), by phone, online.
    pub fn delivery(&self) -> CodeSet<DeliveryMode> {
        self.delivery
    }

    pub fn kind(&self) -> CandidateKind {
        self.kind
    }

    pub fn id(&self) -> i64 {
        self.id
    }

    pub fn agency(&self) -> Option<AgencyId> {
        self.agency
    }

    pub fn public_listing(&self) -> bool {
        self.public_listing
    }

    /// The point public answers are measured from: a carer's public cell, a provider's base.
    pub fn location(&self) -> GeoPoint {
        self.location
    }

    /// The real base, for a viewer who holds the record only.
    pub fn held_location(&self) -> GeoPoint {
        self.held.location
    }

    /// This candidate as its holder sees it: the real base and the faith whatever its consent.
    pub fn as_held(&self) -> Self {
        Self {
            location: self.held.location,
            faith: self.held.faith,
            ..self.clone()
        }
    }

    pub fn reach(&self) -> Reach {
        self.reach
    }

    /// The languages spoken at `level` or better (a provider's staff languages count as fluent).
    pub fn languages_at(&self, level: Proficiency) -> CodeSet<Language> {
        self.languages[level as usize]
    }

    pub fn services(&self) -> CodeSet<Service> {
        self.services
    }

    /// Whether the candidate takes new clients on the given day: the flag is set and was
    /// confirmed within the last 90 days (as [`carematch_domain::ProviderDetails::accepting_on`]
    /// and [`carematch_domain::CarerDetails::accepting_on`]: a PA with no free hours is full, and
    /// a PA's flag never confirmed does not lapse).
    pub fn accepting_on(&self, today: i32) -> bool {
        i64::from(today) <= self.accepting_until()
    }

    /// The last day the "accepting new clients" flag counts (`i64::MIN` when it is unset).
    pub(crate) fn accepting_until(&self) -> i64 {
        if self.accepting {
            i64::from(self.accepting_confirmed) + CAPACITY_FLAG_LAPSES_AFTER_DAYS as i64
        } else {
            i64::MIN
        }
    }

    /// Whether the check is recorded and unexpired on the given day.
    pub fn check_valid(&self, kind: CheckKind, today: i32) -> bool {
        self.check_expiry[usize::from(kind.index())] >= today
    }

    pub(crate) fn valid_checks(&self, today: i32) -> CodeSet<CheckKind> {
        let mut set = CodeSet::EMPTY;
        for (i, expiry) in self.check_expiry.iter().enumerate() {
            if *expiry != NO_CHECK && *expiry >= today {
                set = set.union(CodeSet::from_bits(1 << i));
            }
        }
        set
    }

    /// The highest level at which the candidate speaks `code`.
    pub(crate) fn level_of(&self, code: Language) -> Option<Proficiency> {
        Proficiency::ALL
            .iter()
            .rev()
            .copied()
            .find(|level| self.languages[*level as usize].contains(code))
    }
}

/// The bound on a polygon from the base, with a margin for the planar ring test.
fn polygon_bound(polygon: &AreaPolygon, base: GeoPoint) -> f64 {
    polygon.bounding_radius_km(base) * 1.001 + 0.01
}

/// What the hot struct leaves out: the name shown in results and polygon rings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SideEntry {
    /// A carer's public display name (`Mei L.`), or a provider's name.
    pub name: String,
    pub area: Option<AreaPolygon>,
}

impl SideEntry {
    pub fn from_carer(carer: &Carer) -> Self {
        Self {
            name: carer.details.display_name(),
            area: None,
        }
    }

    pub fn from_provider(provider: &Provider) -> Self {
        let area = match &provider.details.service_area {
            ServiceArea::Radius { .. } => None,
            ServiceArea::Polygon { coordinates } => AreaPolygon::new(coordinates.clone()),
        };
        Self {
            name: provider.details.name.clone(),
            area,
        }
    }
}

/// The roster a judge reads: one [`Roster`], or a first and a second one read together
/// without copying either (the engine's base and its overlay of recent writes, see
/// [`crate::Matcher::with_second`]). A slot with [`Rosters::SECOND`] set is in the second roster.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rosters<'a> {
    first: &'a Roster,
    second: Option<&'a Roster>,
}

impl<'a> Rosters<'a> {
    /// The bit that marks a slot of the second roster.
    pub(crate) const SECOND: u32 = 1 << 31;

    pub(crate) fn one(roster: &'a Roster) -> Self {
        Self {
            first: roster,
            second: None,
        }
    }

    /// Two rosters; their slots leave [`Rosters::SECOND`] clear ([`Roster::push`]).
    pub(crate) fn two(first: &'a Roster, second: &'a Roster) -> Self {
        Self {
            first,
            second: Some(second),
        }
    }

    fn locate(&self, slot: u32) -> Option<(&'a Roster, u32)> {
        if slot & Self::SECOND == 0 {
            Some((self.first, slot))
        } else {
            Some((self.second?, slot & !Self::SECOND))
        }
    }

    pub(crate) fn get(&self, slot: u32) -> Option<&'a Candidate> {
        let (roster, slot) = self.locate(slot)?;
        roster.get(slot)
    }

    pub(crate) fn side(&self, slot: u32) -> Option<&'a SideEntry> {
        let (roster, slot) = self.locate(slot)?;
        roster.side(slot)
    }

    /// Slots of the first roster (the columnar scan's range).
    pub(crate) fn first_len(&self) -> usize {
        self.first.len()
    }
}

/// Candidates in a compact array plus their side table; a candidate's *slot* indexes both.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    candidates: Vec<Candidate>,
    side: Vec<SideEntry>,
}

impl Roster {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            candidates: Vec::with_capacity(capacity),
            side: Vec::with_capacity(capacity),
        }
    }

    /// Appends a candidate and its side entry; returns its slot.
    ///
    /// # Panics
    /// With 2^31 candidates or more: a slot's top bit is left for [`Rosters::SECOND`].
    pub fn push(&mut self, candidate: Candidate, side: SideEntry) -> u32 {
        let slot = u32::try_from(self.candidates.len())
            .ok()
            .filter(|slot| slot & Rosters::SECOND == 0)
            .expect("fewer than 2^31 candidates");
        self.candidates.push(candidate);
        self.side.push(side);
        slot
    }

    pub fn push_carer(&mut self, carer: &Carer) -> u32 {
        self.push(Candidate::from_carer(carer), SideEntry::from_carer(carer))
    }

    pub fn push_provider(&mut self, provider: &Provider) -> u32 {
        self.push(
            Candidate::from_provider(provider),
            SideEntry::from_provider(provider),
        )
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    pub fn get(&self, slot: u32) -> Option<&Candidate> {
        self.candidates.get(slot as usize)
    }

    pub fn side(&self, slot: u32) -> Option<&SideEntry> {
        self.side.get(slot as usize)
    }

    /// Whether the candidate in `slot` reaches `point` at `distance_km` from its base: within a
    /// carer's travel radius or a provider's radius, or inside a provider's polygon.
    pub fn reaches(&self, slot: u32, point: GeoPoint, distance_km: f64) -> bool {
        let Some(candidate) = self.get(slot) else {
            return false;
        };
        match candidate.reach {
            Reach::Radius(km) => distance_km <= km,
            Reach::Polygon { bound_km } => {
                distance_km <= bound_km
                    && self
                        .side(slot)
                        .and_then(|side| side.area.as_ref())
                        .is_some_and(|area| area.contains(point))
            }
        }
    }

    /// Reorders candidates (and side entries) so that `order[i]` becomes slot `i`, e.g. along a
    /// space-filling curve so that nearby candidates sit together in memory. `order` must be a
    /// permutation of the slots; anything else leaves the roster unchanged and returns false.
    pub fn permute(&mut self, order: &[u32]) -> bool {
        let n = self.candidates.len();
        if order.len() != n {
            return false;
        }
        let mut seen = vec![false; n];
        for slot in order {
            match seen.get_mut(*slot as usize) {
                Some(s) if !*s => *s = true,
                _ => return false,
            }
        }
        let mut candidates: Vec<Option<Candidate>> = std::mem::take(&mut self.candidates)
            .into_iter()
            .map(Some)
            .collect();
        let mut side: Vec<Option<SideEntry>> = std::mem::take(&mut self.side)
            .into_iter()
            .map(Some)
            .collect();
        // Sized once: growing a vector of a million candidates by doubling copies it into fresh
        // memory each time (mimalloc, which the server uses, does not remap), and that was most
        // of the time a build took.
        self.candidates = Vec::with_capacity(n);
        self.side = Vec::with_capacity(n);
        for slot in order {
            let i = *slot as usize;
            if let (Some(c), Some(s)) = (candidates[i].take(), side[i].take()) {
                self.candidates.push(c);
                self.side.push(s);
            }
        }
        true
    }
}
