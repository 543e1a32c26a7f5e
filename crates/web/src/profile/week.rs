//! The usual week as a grid: one row a day, a column for each part of the day the find form
//! offers (morning, afternoon, evening), each cell "free", "part of the time" or "not free",
//! in words as well as marks, and the exact times below for anyone who needs them.

use carematch_domain::schedule::{Slot, WeekMask};
use carematch_domain::vocabulary::{Code, Weekday};
use maud::{Markup, html};

use crate::form::Part;
use crate::i18n::Tr;
use crate::pages::slots_summary;

/// Quarter hours in a day.
const QUARTERS_PER_DAY: u16 = 96;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    Free,
    Partly,
    Busy,
}

fn cell(week: &WeekMask, day: Weekday, part: Part) -> Cell {
    let (start, end) = part.quarters();
    let day_start = u16::from(day.index()) * QUARTERS_PER_DAY;
    let quarters = (day_start + start)..(day_start + end);
    let total = quarters.len();
    let free = quarters.filter(|q| week.contains(*q)).count();
    match free {
        0 => Cell::Busy,
        n if n == total => Cell::Free,
        _ => Cell::Partly,
    }
}

pub fn grid(tr: &Tr, slots: &[Slot]) -> Markup {
    let week = WeekMask::from_slots(slots);
    html! {
        table.week {
            caption { (tr.t("profile-week-caption")) }
            thead {
                tr {
                    td {}
                    @for part in Part::ALL {
                        th scope="col" { (tr.t(&format!("part-{}", part.code()))) }
                    }
                }
            }
            tbody {
                @for day in Weekday::ALL.iter().copied() {
                    tr {
                        th scope="row" { (tr.code(day)) }
                        @for part in Part::ALL {
                            @match cell(&week, day, part) {
                                Cell::Free => td.free { span aria-hidden="true" { "●" } " " (tr.t("profile-week-free")) },
                                Cell::Partly => td.partly { span aria-hidden="true" { "◐" } " " (tr.t("profile-week-partly")) },
                                Cell::Busy => td.busy { span.visually-hidden { (tr.t("profile-week-busy")) } },
                            }
                        }
                    }
                }
            }
        }
        @if !slots.is_empty() {
            p.hint { (tr.with("profile-exact-times", "times", &slots_summary(tr, slots))) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use carematch_domain::schedule::TimeOfDay;

    fn slot(day: Weekday, start: &str, end: &str) -> Slot {
        Slot {
            day,
            start: TimeOfDay::parse(start).expect("time"),
            end: TimeOfDay::parse(end).expect("time"),
            overnight: false,
        }
    }

    #[test]
    fn cells_say_free_partly_or_busy() {
        let week = WeekMask::from_slots(&[
            slot(Weekday::Mon, "08:00", "12:00"),
            slot(Weekday::Tue, "10:00", "13:00"),
        ]);
        assert_eq!(cell(&week, Weekday::Mon, Part::Morning), Cell::Free);
        assert_eq!(cell(&week, Weekday::Mon, Part::Afternoon), Cell::Busy);
        assert_eq!(cell(&week, Weekday::Tue, Part::Morning), Cell::Partly);
        assert_eq!(cell(&week, Weekday::Tue, Part::Afternoon), Cell::Partly);
        assert_eq!(cell(&week, Weekday::Sun, Part::Evening), Cell::Busy);
    }
}
