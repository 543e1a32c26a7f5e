//! Values as CSV cells in the import template's notation (`docs/import.md`): lists joined with
//! `;`, `code:level` languages, `kind:expiry[:reference]` checks, `day HH:MM-HH:MM` slots,
//! pounds with two decimals, `yes`/`no`. Each is what `import_csv` parses back.

use std::fmt::Display;

use carematch_domain::spreadsheet::csv_cell;
use carematch_domain::{Check, LanguageSkill, RatePence, Slot};

/// A UTF-8 byte-order mark: Excel reads a CSV file as UTF-8 only when it begins with one
/// (otherwise 廣東話 shows as mojibake); our importer skips it.
pub const BOM: &str = "\u{feff}";

/// One CSV line from cells, each passed through [`csv_cell`] (quoted when needed; neutralised
/// when a spreadsheet would run it as a formula).
pub fn line(cells: impl IntoIterator<Item = String>) -> String {
    let mut out = String::new();
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(&cell));
    }
    out.push('\n');
    out
}

/// Codes (or anything written by its `Display`) joined with `;`.
pub fn list<T: Display>(items: &[T]) -> String {
    join(items.iter().map(ToString::to_string))
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(";")
}

pub fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_owned()
}

/// `yue:native:reads:writes;eng:fluent`.
pub fn languages(skills: &[LanguageSkill]) -> String {
    join(skills.iter().map(|s| {
        let mut out = format!("{}:{}", s.code, s.proficiency.code());
        if s.reads {
            out.push_str(":reads");
        }
        if s.writes {
            out.push_str(":writes");
        }
        out
    }))
}

/// `dbs_enhanced:2027-03-31:001234567890;first_aid:2026-12-01`.
pub fn checks(checks: &[Check]) -> String {
    join(checks.iter().map(|c| match &c.reference {
        Some(reference) => format!("{}:{}:{reference}", c.kind, c.expires_on),
        None => format!("{}:{}", c.kind, c.expires_on),
    }))
}

/// `tue 09:00-12:30;sun 22:00-07:00 overnight`.
pub fn slots(slots: &[Slot]) -> String {
    join(slots.iter().map(|s| {
        let overnight = if s.overnight { " overnight" } else { "" };
        format!("{} {}-{}{overnight}", s.day, s.start, s.end)
    }))
}

/// Pence as pounds with two decimals: `13.50`.
pub fn pounds(rate: RatePence) -> String {
    let pence = i64::from(rate);
    format!("{}.{:02}", pence / 100, pence % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_neutralised() {
        assert_eq!(
            line(["a, b".to_owned(), "+44 116".to_owned(), "plain".to_owned()]),
            "\"a, b\",\"'+44 116\",plain\n"
        );
    }

    #[test]
    fn pounds_have_two_decimals() {
        for (pence, written) in [(1350, "13.50"), (1400, "14.00"), (5, "0.05"), (0, "0.00")] {
            assert_eq!(pounds(RatePence::new(pence).expect("rate")), written);
        }
    }
}
