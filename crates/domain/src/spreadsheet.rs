//! Text that meets spreadsheets: CSV cells a spreadsheet cannot run as formulas (OWASP, "CSV
//! Injection"). Imports refuse such cells in most columns (`carematch_service::import_csv`); the
//! columns where they are ordinary text (a phone number `+44 ...`, a bio that begins `- `) keep
//! them, so every CSV we write passes its text cells through [`csv_cell`].

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

/// One text cell of a CSV file (RFC 4180): quoted when it holds a comma, a quote or a line break;
/// and when it begins with a formula trigger, prefixed with `'` and quoted, so that a spreadsheet
/// shows the text instead of running it. Numbers we format ourselves (`-2.23`) need no such
/// care and should not get it.
pub fn csv_cell(value: &str) -> Cow<'_, str> {
    let neutralise = formula_trigger(value).is_some();
    if !neutralise && !value.contains([',', '"', '\n', '\r']) {
        return Cow::Borrowed(value);
    }
    let prefix = if neutralise { "'" } else { "" };
    Cow::Owned(format!("\"{prefix}{}\"", value.replace('"', "\"\"")))
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
}
