//! A support plan compiled into masks: what the hot loop compares candidates against.

use chrono::NaiveDate;

use super::candidate::day_number;
use carematch_domain::geo::GeoPoint;
use carematch_domain::plan::{Need, Priority, SupportPlan};
use carematch_domain::schedule::{Slot, WeekMask};
use carematch_domain::vocabulary::{
    CheckKind, Code, CodeSet, Cuisine, DeliveryMode, DietaryLaw, Experience, Faith, FaithPractice,
    Gender, Language, LanguageRelation, MedicalDiet, Proficiency, Service,
};

/// Required and preferred codes of one list. A code listed as both counts as required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeedMasks<T: Code> {
    pub required: CodeSet<T>,
    pub preferred: CodeSet<T>,
}

impl<T: Code> Default for NeedMasks<T> {
    fn default() -> Self {
        Self {
            required: CodeSet::EMPTY,
            preferred: CodeSet::EMPTY,
        }
    }
}

impl<T: Code> NeedMasks<T> {
    fn from_needs(needs: &[Need<T>]) -> Self {
        let mut masks = Self::default();
        for need in needs {
            masks.add(need.code, need.priority);
        }
        masks
    }

    fn add(&mut self, code: T, priority: Priority) {
        match priority {
            Priority::Required => {
                self.required.insert(code);
                self.preferred = self.preferred.difference(self.required);
            }
            Priority::Preferred if !self.required.contains(code) => self.preferred.insert(code),
            Priority::Preferred => {}
        }
    }

    pub fn is_empty(&self) -> bool {
        self.required.is_empty() && self.preferred.is_empty()
    }
}

/// One language need, compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompiledLanguage {
    pub code: Language,
    pub min: Proficiency,
    /// Languages that make a partial "confirm dialect" match (the macrolanguage, or Bengali for
    /// Sylheti): see [`Language::relation_to`].
    pub dialect_of: CodeSet<Language>,
    /// The carer must also read, and write, the language: criteria of their own
    /// ([`crate::CriterionId::Reads`], [`crate::CriterionId::Writes`]) with the need's priority.
    pub reads: bool,
    pub writes: bool,
    pub required: bool,
}

/// A value with whether it is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wanted<T> {
    pub value: T,
    pub required: bool,
}

fn wanted<T: Copy>(value: T, priority: Priority) -> Wanted<T> {
    Wanted {
        value,
        required: priority == Priority::Required,
    }
}

/// A weekly budget and the hours it pays for: the plan's own hours, kept here because pooled
/// matching adds the pool's hours up in [`CompiledPlan::hours`] while each person's budget
/// still pays for their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeeklyBudget {
    pub pence: u64,
    pub hours: u8,
}

impl WeeklyBudget {
    /// Whether `hours` at `rate_pence` fit: `None` without a published rate.
    pub fn fits(self, rate_pence: Option<u32>) -> Option<bool> {
        rate_pence.map(|rate| u64::from(self.hours) * u64::from(rate) <= self.pence)
    }

    /// The weekly cost at `rate_pence`, in pence.
    pub fn cost(self, rate_pence: Option<u32>) -> Option<u64> {
        rate_pence.map(|rate| u64::from(self.hours) * u64::from(rate))
    }
}

/// The compiled schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledSchedule {
    pub mask: WeekMask,
    pub slots: Vec<Slot>,
    pub required: bool,
}

/// A support plan as masks, with the location already resolved by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledPlan {
    pub location: GeoPoint,
    pub max_km: f64,
    pub languages: Vec<CompiledLanguage>,
    pub cuisines: NeedMasks<Cuisine>,
    pub diets: NeedMasks<DietaryLaw>,
    pub practices: NeedMasks<FaithPractice>,
    pub shared_faith: Option<Wanted<Faith>>,
    pub carer_gender: Option<Wanted<Gender>>,
    pub services: NeedMasks<Service>,
    pub experience: NeedMasks<Experience>,
    pub schedule: Option<CompiledSchedule>,
    pub hours: Option<Wanted<u8>>,
    pub max_rate_pence: Option<Wanted<u32>>,
    pub needed_by: Option<Wanted<NaiveDate>>,
    pub(crate) needed_by_day: i32,
    pub checks: NeedMasks<CheckKind>,
    pub medical_diets: NeedMasks<MedicalDiet>,
    pub lgbt_inclusive: Option<Wanted<()>>,
    pub delivery: NeedMasks<DeliveryMode>,
    /// The remote modes (phone, online) the plan lists, whatever their priority: a provider
    /// offering one of them reaches the person wherever they are.
    pub remote: CodeSet<DeliveryMode>,
    /// The weekly budget for the plan's own hours; no budget without hours.
    pub weekly_budget: Option<Wanted<WeeklyBudget>>,
    /// Carer ids the person named as preferred, sorted: those who pass rank first.
    pub preferred_carers: Vec<i64>,
    /// Carer ids the person does not want, sorted: never in a result or a count.
    pub blocked_carers: Vec<i64>,
    /// A team search ([`CompiledPlan::for_team_search`]): the schedule is not required, but a
    /// candidate must be free for some of it.
    pub(crate) some_of_schedule: bool,
}

/// The most language needs a plan can carry (the vocabulary has fewer languages than this).
pub const MAX_LANGUAGE_NEEDS: usize = 64;

impl CompiledPlan {
    /// Compiles a plan whose postcode the caller has resolved to `location`.
    ///
    /// Language needs beyond [`MAX_LANGUAGE_NEEDS`] and repeated languages are ignored (plan
    /// validation rejects them anyway).
    pub fn compile(plan: &SupportPlan, location: GeoPoint) -> Self {
        let mut languages: Vec<CompiledLanguage> = Vec::with_capacity(plan.languages.len());
        for need in &plan.languages {
            if languages.len() == MAX_LANGUAGE_NEEDS
                || languages.iter().any(|l| l.code == need.code)
            {
                continue;
            }
            let dialect_of = Language::ALL
                .iter()
                .copied()
                .filter(|spoken| need.code.relation_to(*spoken) == LanguageRelation::ConfirmDialect)
                .collect();
            languages.push(CompiledLanguage {
                code: need.code,
                min: need.min_proficiency,
                dialect_of,
                reads: need.reads,
                writes: need.writes,
                required: need.priority == Priority::Required,
            });
        }
        let needed_by = plan.needed_by.map(|n| wanted(n.date, n.priority));
        let delivery = NeedMasks::from_needs(&plan.delivery_modes);
        let remote: CodeSet<DeliveryMode> = [DeliveryMode::Phone, DeliveryMode::Online]
            .into_iter()
            .collect();
        let ids = |ids: &[carematch_domain::ids::CarerId]| {
            let mut ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let hours = plan.hours_per_week.map(|h| wanted(h.hours, h.priority));
        Self {
            location,
            max_km: plan.max_distance_km.get(),
            languages,
            cuisines: NeedMasks::from_needs(&plan.cuisines),
            diets: NeedMasks::from_needs(&plan.dietary_laws),
            practices: NeedMasks::from_needs(&plan.faith_practices),
            shared_faith: plan.shared_faith.map(|n| wanted(n.code, n.priority)),
            carer_gender: plan.carer_gender.map(|n| wanted(n.code, n.priority)),
            services: NeedMasks::from_needs(&plan.services),
            experience: NeedMasks::from_needs(&plan.experience),
            schedule: plan
                .schedule
                .as_ref()
                .map(|s| CompiledSchedule {
                    mask: WeekMask::from_slots(&s.slots),
                    slots: s.slots.clone(),
                    required: s.priority == Priority::Required,
                })
                .filter(|s| !s.mask.is_empty()),
            hours,
            max_rate_pence: plan
                .max_hourly_rate
                .map(|r| wanted(r.max.pence(), r.priority)),
            needed_by_day: needed_by.map_or(i32::MAX, |n| day_number(n.value)),
            needed_by,
            checks: NeedMasks::from_needs(&plan.checks),
            medical_diets: NeedMasks::from_needs(&plan.medical_diets),
            lgbt_inclusive: plan.lgbt_inclusive.map(|p| wanted((), p)),
            remote: remote.intersection(delivery.required.union(delivery.preferred)),
            delivery,
            weekly_budget: plan.weekly_budget.zip(hours).map(|(b, h)| {
                let budget = WeeklyBudget {
                    pence: u64::from(b.max.pence()),
                    hours: h.value,
                };
                wanted(budget, b.priority)
            }),
            preferred_carers: ids(&plan.preferred_carers),
            blocked_carers: ids(&plan.blocked_carers),
            some_of_schedule: false,
        }
    }

    /// The plan the columnar engine searches for team members with
    /// ([`crate::Matcher::finish_teams`]): every required criterion but the schedule, which a
    /// candidate must instead be free for some of. Scores are unchanged (the schedule counts in
    /// the score whether it is required or not).
    #[must_use]
    pub fn for_team_search(&self) -> Self {
        let mut search = self.clone();
        if let Some(schedule) = search.schedule.as_mut() {
            schedule.required = false;
            search.some_of_schedule = true;
        }
        search
    }

    /// Whether carer `id` is one the person named as preferred.
    pub fn prefers_carer(&self, id: i64) -> bool {
        self.preferred_carers.binary_search(&id).is_ok()
    }

    /// Whether carer `id` is one the person does not want.
    pub fn blocks_carer(&self, id: i64) -> bool {
        self.blocked_carers.binary_search(&id).is_ok()
    }

    /// Adds a check criterion (e.g. `dbs_enhanced` required): met only by a recorded check that has
    /// not expired on the day of the match. Applies to carers and providers alike.
    #[must_use]
    pub fn with_check(mut self, kind: CheckKind, priority: Priority) -> Self {
        self.checks.add(kind, priority);
        self
    }

    /// Whether the plan has any preferred criterion other than the schedule (which has its own
    /// weight).
    pub fn has_preferred(&self) -> bool {
        self.languages.iter().any(|l| !l.required)
            || !self.cuisines.preferred.is_empty()
            || !self.diets.preferred.is_empty()
            || !self.practices.preferred.is_empty()
            || !self.services.preferred.is_empty()
            || !self.experience.preferred.is_empty()
            || !self.checks.preferred.is_empty()
            || self.shared_faith.is_some_and(|w| !w.required)
            || self.carer_gender.is_some_and(|w| !w.required)
            || self.hours.is_some_and(|w| !w.required)
            || self.max_rate_pence.is_some_and(|w| !w.required)
            || self.needed_by.is_some_and(|w| !w.required)
            || self
                .languages
                .iter()
                .any(|l| !l.required && (l.reads || l.writes))
            || !self.medical_diets.preferred.is_empty()
            || !self.delivery.preferred.is_empty()
            || self.lgbt_inclusive.is_some_and(|w| !w.required)
            || self.weekly_budget.is_some_and(|w| !w.required)
    }
}
