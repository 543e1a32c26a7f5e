//! Text that meets spreadsheets: CSV cells a spreadsheet cannot run as formulas (OWASP, "CSV
//! Injection"). Imports refuse such cells in most columns (`carematch_service::import_csv`); the
//! columns where they are ordinary text (a phone number `+44 ...`, a bio that begins `- `) keep
//! them, so every CSV we write passes its text cells through [`csv_cell`], and imports read
//! cells through [`read_cell`], which undoes its `'` prefix.

use std::borrow::Cow;

/// First characters that make a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@`, and tab
/// and carriage return, which some spreadsheets skip before looking for one of the others.
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The formula trigger a cell begins with, ignoring leading spaces (which some spreadsheets
/// skip too), if any.
pub fn formula_trigger(value: &str) -> Option<char> {
    value
        .trim_start_matches(' ')
        .chars()
        .next()
        .filter(|c| FORMULA_TRIGGERS.contains(c))
}

/// Whether [`csv_cell`] puts a `'` before `value`: when it begins with a formula trigger, or
/// with `'`s and then one (so that a value that really begins `'=` gets a `'` too, and
/// [`read_cell`] can tell the two apart: writing then reading gives back every value).
pub fn needs_neutralising(value: &str) -> bool {
    formula_trigger(value.trim_start_matches('\'')).is_some()
}

/// One text cell of a CSV file (RFC 4180): quoted when it holds a comma, a quote or a line break;
/// and when it begins with a formula trigger, prefixed with `'` and quoted, so that a spreadsheet
/// shows the text instead of running it. Numbers we format ourselves (`-2.23`) need no such
/// care and should not get it. [`read_cell`] undoes the prefix.
pub fn csv_cell(value: &str) -> Cow<'_, str> {
    let neutralise = needs_neutralising(value);
    if !neutralise && !value.contains([',', '"', '\n', '\r']) {
        return Cow::Borrowed(value);
    }
    let prefix = if neutralise { "'" } else { "" };
    Cow::Owned(format!("\"{prefix}{}\"", value.replace('"', "\"\"")))
}

/// A cell as read from a CSV file (after unquoting) without the `'` that [`csv_cell`] put
/// before it: a cell that begins with `'` and is then one [`csv_cell`] would neutralise loses
/// that one `'` (`'+44 116 496 0123` -> `+44 116 496 0123`, `''=x` -> `'=x`); any other cell is
/// returned as it is (`'twas` stays `'twas`). The inverse of [`csv_cell`] on every value, so an
/// importer that reads our exports gets back what was written.
pub fn read_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_neutralising(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_written_as_it_is() {
        assert_eq!(csv_cell("Leicester"), "Leicester");
        assert_eq!(csv_cell("E06000016"), "E06000016");
        assert_eq!(csv_cell("<5"), "<5");
        assert_eq!(csv_cell(""), "");
        assert_eq!(csv_cell("a-b+c=d@e"), "a-b+c=d@e");
    }

    #[test]
    fn separators_and_quotes_are_quoted() {
        assert_eq!(csv_cell("Town, \"North\""), "\"Town, \"\"North\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn formulas_are_neutralised() {
        for (value, written) in [
            (
                "=HYPERLINK(\"http://x\")",
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
            ),
            ("+44 116 496 0123", "\"'+44 116 496 0123\""),
            ("- I cook", "\"'- I cook\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\t=1+1", "\"'\t=1+1\""),
            ("\r=1+1", "\"'\r=1+1\""),
            ("  =1+1", "\"'  =1+1\""),
            ("=1,2", "\"'=1,2\""),
        ] {
            assert_eq!(csv_cell(value), written, "{value:?}");
        }
    }

    #[test]
    fn a_value_that_begins_with_quotes_before_a_trigger_gets_one_more() {
        assert_eq!(csv_cell("'=1+1"), "\"''=1+1\"");
        assert_eq!(csv_cell("'twas"), "'twas");
        assert_eq!(csv_cell("O'Brien"), "O'Brien");
    }

    /// What [`csv_cell`] writes, unquoted as a CSV reader would, read back with [`read_cell`].
    fn round_trip(value: &str) -> String {
        let written = csv_cell(value);
        let unquoted = match written.strip_prefix('"').and_then(|w| w.strip_suffix('"')) {
            Some(inner) => inner.replace("\"\"", "\""),
            None => written.into_owned(),
        };
        read_cell(&unquoted).to_owned()
    }

    #[test]
    fn reading_undoes_writing_for_every_value() {
        for value in [
            "+44 116 496 0123",
            "=HYPERLINK(\"http://x\")",
            "- I cook",
            "@SUM(A1)",
            "\t=1+1",
            "\r=1+1",
            "  =1+1",
            "'=1+1",
            "''+44",
            "'",
            "''",
            "'twas",
            "' =x",
            "Leicester",
            "a, \"b\"",
            "",
        ] {
            assert_eq!(round_trip(value), value, "{value:?}");
        }
    }

    #[test]
    fn only_our_prefix_is_removed() {
        assert_eq!(read_cell("'+44 116 496 0123"), "+44 116 496 0123");
        assert_eq!(read_cell("''=x"), "'=x");
        assert_eq!(read_cell("'twas"), "'twas");
        assert_eq!(read_cell("+44"), "+44");
        assert_eq!(read_cell("'"), "'");
    }
}
