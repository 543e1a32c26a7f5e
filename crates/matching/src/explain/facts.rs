//! The facts behind an outcome, one shape per kind of criterion: what a renderer needs to say
//! why, in any language, without reading the candidate again.

use carematch_domain::money::RatePence;
use carematch_domain::vocabulary::{DeliveryMode, Language, Proficiency, Weekday};
use chrono::NaiveDate;

/// Why a candidate stands where it does on one criterion ([`super::Explanation`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Facts {
    /// A language need. `staff`: a provider's staff (no level is recorded for them). Met: spoken
    /// at `level` (carers). Partial: `related` is spoken ("confirm dialect"), or the language is
    /// spoken at `level`, below `needed`. Unmet: not spoken.
    Language {
        staff: bool,
        level: Option<Proficiency>,
        related: Option<Language>,
        needed: Proficiency,
    },
    /// A code from a list (cuisine, diet, medical diet, practice, service, experience, delivery
    /// mode), reading or writing a language, LGBT+ inclusion, or a carer the person named
    /// (a carer's faith or gender is [`Facts::Personal`]): listed when met, not when unmet.
    Listed,
    /// A carer's faith or gender: shared or not (the outcome says).
    Personal,
    /// Faith or gender asked of a provider: does not apply (partial; "ask").
    NotApplicableToProvider,
    /// The distance the viewer may see, km.
    Distance {
        km: f64,
    },
    /// Beyond the plan's maximum distance, but working in remote `modes` (phone, online) the
    /// plan lists: the distance does not apply.
    Remote {
        km: f64,
        modes: Vec<DeliveryMode>,
    },
    /// The plan's `hours` a week at the candidate's rate (`None`: no rate published) against
    /// the weekly budget, in pence.
    Budget {
        hours: u8,
        weekly_cost_pence: Option<u64>,
        budget_pence: u64,
    },
    Schedule(ScheduleFacts),
    /// Hours, schedule or start date arranged with the provider (or a carer working by
    /// arrangement).
    ByArrangement,
    /// Hours a week free against those needed.
    Hours {
        free: u8,
        needed: u8,
    },
    /// The hourly rate (`None`: not published) against the plan's limit.
    Rate {
        rate: Option<RatePence>,
        limit: RatePence,
    },
    /// Available now, or from a date (`None`: unknown), against the date needed.
    NeededBy {
        now: bool,
        available_from: Option<NaiveDate>,
        needed_by: NaiveDate,
    },
    /// A check: recorded or not, and when it expires (expired when the outcome is unmet).
    Check {
        recorded: bool,
        expiry: Option<NaiveDate>,
    },
    /// A provider's "accepting new clients" flag and when it was last confirmed.
    Accepting {
        flag: bool,
        confirmed: Option<NaiveDate>,
    },
}

/// How a candidate's free time meets the plan's schedule.
#[derive(Debug, Clone, PartialEq)]
pub enum ScheduleFacts {
    NothingRecorded,
    NotFree,
    /// Free at `times` (within the schedule), covering `percent` of it (100: all of it).
    Free {
        times: Vec<FreeTime>,
        percent: u8,
    },
}

/// Days with the same periods free.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeTime {
    pub days: Vec<Weekday>,
    pub periods: Vec<DayPeriod>,
}

/// Parts of a day: mornings 06–12, afternoons 12–17, evenings 17–22, nights 22–06.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPeriod {
    Mornings,
    Afternoons,
    Evenings,
    Nights,
}

/// What a relaxation would give up ([`super::Relaxation`]).
#[derive(Debug, Clone, PartialEq)]
pub enum RelaxationFacts {
    /// Searching out to `km` (twice the plan's maximum distance).
    Distance { km: f64 },
    /// Accepting fewer than `needed` hours a week free.
    Hours { needed: u8 },
    /// Accepting rates above `limit` or unpublished.
    Rate { limit: RatePence },
    /// Accepting a start after `needed_by`.
    NeededBy { needed_by: NaiveDate },
    /// Accepting a weekly cost over the budget (or no published rate).
    Budget { budget_pence: u64 },
    /// Not requiring a language at `min` level; `dialect` of those counted speak one of
    /// `related` ("confirm dialect").
    Language {
        min: Proficiency,
        related: Vec<Language>,
        dialect: u32,
    },
    /// Not requiring the criterion; it names all there is to say.
    Criterion,
}
