//! Weekly schedules: slots of quarter hours, and a 672-bit week mask for coverage in one pass.

use std::fmt;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::validation::ValidationErrors;
use crate::vocabulary::Weekday;

const QUARTERS_PER_DAY: u16 = 96;
const QUARTERS_PER_WEEK: u16 = QUARTERS_PER_DAY * 7;
const WORDS: usize = (QUARTERS_PER_WEEK as usize).div_ceil(64);
/// The half hours of a week, Monday 00:00–00:30 first.
pub const HALF_HOURS_PER_WEEK: usize = QUARTERS_PER_WEEK as usize / 2;
/// Words of a [`WeekMask::whole_half_hours`] bit set.
pub const HALF_HOUR_WORDS: usize = HALF_HOURS_PER_WEEK.div_ceil(64);

/// The two-hour parts of a week, Monday 00:00–02:00 first.
pub const TWO_HOURS_PER_WEEK: usize = QUARTERS_PER_WEEK as usize / 8;
/// Words of a [`WeekMask::two_hour_parts`] bit set.
pub const TWO_HOUR_WORDS: usize = TWO_HOURS_PER_WEEK.div_ceil(64);

/// Even bits of each pair in a word of quarters.
const PAIRS: u64 = 0x5555_5555_5555_5555;

/// A time of day on the quarter hour, `00:00` to `24:00`, stored as quarter hours since midnight.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(try_from = "String", into = "String")]
#[schema(value_type = String, pattern = "^([01][0-9]|2[0-3]):(00|15|30|45)$|^24:00$", example = "09:30")]
pub struct TimeOfDay(u16);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a time: use HH:MM on the quarter hour, from 00:00 to 24:00")]
pub struct TimeError(pub String);

impl TimeOfDay {
    pub fn parse(input: &str) -> Result<Self, TimeError> {
        let error = || TimeError(input.to_owned());
        let (h, m) = input.split_once(':').ok_or_else(error)?;
        if h.len() != 2 || m.len() != 2 {
            return Err(error());
        }
        let h: u16 = h.parse().map_err(|_| error())?;
        let m: u16 = m.parse().map_err(|_| error())?;
        if !m.is_multiple_of(15) || m >= 60 || h > 24 || (h == 24 && m != 0) {
            return Err(error());
        }
        Ok(Self(h * 4 + m / 15))
    }

    pub fn quarters(self) -> u16 {
        self.0
    }

    pub fn from_quarters(quarters: u16) -> Option<Self> {
        (quarters <= QUARTERS_PER_DAY).then_some(Self(quarters))
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 4, (self.0 % 4) * 15)
    }
}

impl TryFrom<String> for TimeOfDay {
    type Error = TimeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<TimeOfDay> for String {
    fn from(value: TimeOfDay) -> Self {
        value.to_string()
    }
}

/// One weekly slot. An overnight slot (`overnight: true`) runs from `start` on `day` to `end` on
/// the next day; otherwise `end` must be after `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Slot {
    pub day: Weekday,
    pub start: TimeOfDay,
    pub end: TimeOfDay,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub overnight: bool,
}

crate::objects_only!(Slot);

impl Slot {
    /// Quarter-hour range `[from, to)` from Monday 00:00; `to` may pass the end of the week.
    fn week_range(self) -> (u16, u16) {
        let day_start = u16::from(self.day as u8) * QUARTERS_PER_DAY;
        let from = day_start + self.start.0;
        let to = if self.overnight {
            day_start + QUARTERS_PER_DAY + self.end.0
        } else {
            day_start + self.end.0
        };
        (from, to)
    }

    /// Quarter-hour range `[from, to)` from Monday 00:00; `to` may pass the end of the week
    /// (a Sunday overnight slot), and [`WeekMask::contains`] wraps it.
    pub fn week_quarters(self) -> (u16, u16) {
        self.week_range()
    }

    pub fn minutes(self) -> u32 {
        let (from, to) = self.week_range();
        u32::from(to.saturating_sub(from)) * 15
    }

    pub fn validate(self, field: &str, errors: &mut ValidationErrors) {
        if self.overnight {
            if self.end >= self.start {
                errors.push(
                    field,
                    "invalid_order",
                    "an overnight slot must end the next morning, before its start time",
                );
            }
        } else if self.end <= self.start {
            errors.push(
                field,
                "invalid_order",
                format!(
                    "ends at {} before it starts at {} (set overnight: true for a slot past midnight)",
                    self.end, self.start
                ),
            );
        }
    }
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}-{}", self.day, self.start, self.end)?;
        if self.overnight {
            f.write_str(" (overnight)")?;
        }
        Ok(())
    }
}

/// The quarter hours of a week, Monday 00:00 first; Sunday overnight slots wrap to Monday.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct WeekMask([u64; WORDS]);

impl WeekMask {
    pub fn from_slots(slots: &[Slot]) -> Self {
        let mut mask = Self::default();
        for slot in slots {
            let (from, to) = slot.week_range();
            for quarter in from..to {
                let q = usize::from(quarter % QUARTERS_PER_WEEK);
                mask.0[q / 64] |= 1 << (q % 64);
            }
        }
        mask
    }

    pub fn quarters(&self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    pub fn intersection(&self, other: &Self) -> Self {
        let mut out = [0; WORDS];
        for (o, (a, b)) in out.iter_mut().zip(self.0.iter().zip(other.0.iter())) {
            *o = a & b;
        }
        Self(out)
    }

    pub fn union(&self, other: &Self) -> Self {
        let mut out = self.0;
        for (o, b) in out.iter_mut().zip(other.0.iter()) {
            *o |= b;
        }
        Self(out)
    }

    /// The quarter hours of `self` not in `other`.
    pub fn difference(&self, other: &Self) -> Self {
        let mut out = self.0;
        for (o, b) in out.iter_mut().zip(other.0.iter()) {
            *o &= !b;
        }
        Self(out)
    }

    /// Whether quarter hour `quarter` from Monday 00:00 (wrapping past the end of the week, as
    /// [`Slot::week_quarters`] may) is in the mask.
    pub fn contains(&self, quarter: u16) -> bool {
        let q = usize::from(quarter % QUARTERS_PER_WEEK);
        self.0[q / 64] & (1 << (q % 64)) != 0
    }

    /// Share of `needed` that `self` covers, in [0, 1]; 1 when nothing is needed.
    pub fn coverage_of(&self, needed: &Self) -> f64 {
        let total = needed.quarters();
        if total == 0 {
            return 1.0;
        }
        f64::from(self.intersection(needed).quarters()) / f64::from(total)
    }

    /// The half hours the mask holds whole (both quarters), as a bit set (bit `k` is half hour
    /// `k` of the week): a mask covers a schedule made of whole half hours exactly when it holds
    /// each of them whole.
    pub fn whole_half_hours(&self) -> [u64; HALF_HOUR_WORDS] {
        let mut out = [0; HALF_HOUR_WORDS];
        for (w, word) in self.0.iter().enumerate() {
            // Each pair of quarters to one bit: both set, then the even bits packed into 32.
            let mut x = word & (word >> 1) & PAIRS;
            x = (x | (x >> 1)) & 0x3333_3333_3333_3333;
            x = (x | (x >> 2)) & 0x0f0f_0f0f_0f0f_0f0f;
            x = (x | (x >> 4)) & 0x00ff_00ff_00ff_00ff;
            x = (x | (x >> 8)) & 0x0000_ffff_0000_ffff;
            x = (x | (x >> 16)) & 0x0000_0000_ffff_ffff;
            out[w / 2] |= x << (32 * (w % 2));
        }
        out
    }

    /// The two-hour parts of the week with any time in the mask, as a bit set (bit `s` is hours
    /// `2s` to `2s + 2` of the week): a mask with none of the parts a schedule touches covers
    /// none of it.
    pub fn two_hour_parts(&self) -> [u64; TWO_HOUR_WORDS] {
        let mut out = [0; TWO_HOUR_WORDS];
        for (w, word) in self.0.iter().enumerate() {
            for (b, byte) in word.to_le_bytes().iter().enumerate() {
                if *byte != 0 {
                    let part = w * 8 + b;
                    out[part / 64] |= 1 << (part % 64);
                }
            }
        }
        out
    }

    /// Whether every half hour is in the mask whole or not at all (slots on the hour or the
    /// half hour).
    pub fn is_whole_half_hours(&self) -> bool {
        self.0.iter().all(|word| (word ^ (word >> 1)) & PAIRS == 0)
    }

    /// Days (Monday first) that have any time in the mask, for readable explanations.
    pub fn days(&self) -> impl Iterator<Item = Weekday> + '_ {
        Weekday::ALL.iter().copied().filter(move |day| {
            let start = usize::from(*day as u8) * usize::from(QUARTERS_PER_DAY);
            (start..start + usize::from(QUARTERS_PER_DAY))
                .any(|q| self.0[q / 64] & (1 << (q % 64)) != 0)
        })
    }
}

impl fmt::Debug for WeekMask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WeekMask({} quarters)", self.quarters())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(day: Weekday, start: &str, end: &str, overnight: bool) -> Slot {
        Slot {
            day,
            start: TimeOfDay::parse(start).expect("time"),
            end: TimeOfDay::parse(end).expect("time"),
            overnight,
        }
    }

    #[test]
    fn parses_times_on_the_quarter_hour() {
        assert_eq!(TimeOfDay::parse("09:30").expect("ok").to_string(), "09:30");
        assert_eq!(TimeOfDay::parse("24:00").expect("ok").quarters(), 96);
        for bad in ["9:30", "09:20", "24:15", "25:00", "09-30", "ab:cd", ""] {
            assert!(TimeOfDay::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rejects_slots_that_end_before_they_start() {
        let mut errors = ValidationErrors::default();
        slot(Weekday::Mon, "12:00", "09:00", false).validate("availability[0]", &mut errors);
        slot(Weekday::Mon, "09:00", "09:00", false).validate("availability[1]", &mut errors);
        slot(Weekday::Mon, "22:00", "23:00", true).validate("availability[2]", &mut errors);
        slot(Weekday::Mon, "22:00", "07:00", true).validate("availability[3]", &mut errors);
        assert_eq!(
            errors.fields().collect::<Vec<_>>(),
            ["availability[0]", "availability[1]", "availability[2]"]
        );
    }

    #[test]
    fn coverage_counts_overlapping_slots_once() {
        let needed = WeekMask::from_slots(&[slot(Weekday::Tue, "09:00", "11:00", false)]);
        let offered = WeekMask::from_slots(&[
            slot(Weekday::Tue, "08:00", "10:00", false),
            slot(Weekday::Tue, "09:30", "10:00", false),
        ]);
        assert_eq!(offered.quarters(), 8);
        assert!((offered.coverage_of(&needed) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn whole_half_hours_are_those_held_from_start_to_end() {
        let mask = WeekMask::from_slots(&[
            slot(Weekday::Mon, "00:00", "01:00", false),
            slot(Weekday::Wed, "09:15", "10:30", false),
            slot(Weekday::Sun, "23:30", "00:30", true),
        ]);
        let halves: Vec<usize> = (0..HALF_HOURS_PER_WEEK)
            .filter(|k| mask.whole_half_hours()[k / 64] & (1 << (k % 64)) != 0)
            .collect();
        // Monday 00:00-01:00 and, from Sunday's overnight slot, 00:00-00:30 again; Wednesday
        // 09:30-10:30 (09:15-09:30 is half of a half hour); Sunday 23:30-24:00.
        let wednesday = 2 * 48;
        assert_eq!(halves, [0, 1, wednesday + 19, wednesday + 20, 335]);
        assert!(!mask.is_whole_half_hours());
        let plan = WeekMask::from_slots(&[
            slot(Weekday::Tue, "07:30", "09:00", false),
            slot(Weekday::Sat, "22:00", "07:00", true),
        ]);
        assert!(plan.is_whole_half_hours());
        let whole = plan.whole_half_hours();
        assert_eq!(
            whole.iter().map(|w| w.count_ones()).sum::<u32>() * 2,
            plan.quarters()
        );
    }

    #[test]
    fn two_hour_parts_are_those_with_any_time() {
        let mask = WeekMask::from_slots(&[
            slot(Weekday::Mon, "01:45", "02:15", false),
            slot(Weekday::Sun, "23:45", "00:00", true),
        ]);
        let parts: Vec<usize> = (0..TWO_HOURS_PER_WEEK)
            .filter(|s| mask.two_hour_parts()[s / 64] & (1 << (s % 64)) != 0)
            .collect();
        assert_eq!(parts, [0, 1, TWO_HOURS_PER_WEEK - 1]);
    }

    #[test]
    fn overnight_slots_cross_midnight_and_the_week_end() {
        let night = WeekMask::from_slots(&[slot(Weekday::Sun, "22:00", "07:00", true)]);
        assert_eq!(night.quarters(), 36);
        assert_eq!(
            night.days().collect::<Vec<_>>(),
            [Weekday::Mon, Weekday::Sun]
        );
        let monday_morning = WeekMask::from_slots(&[slot(Weekday::Mon, "06:00", "08:00", false)]);
        assert!((night.coverage_of(&monday_morning) - 0.5).abs() < 1e-12);
        assert_eq!(WeekMask::default().coverage_of(&WeekMask::default()), 1.0);
    }
}
