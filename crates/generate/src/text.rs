//! Small text helpers: ASCII slugs for emails and web addresses, readable lists.

use carematch_domain::TimeOfDay;
use chrono::{NaiveDate, TimeDelta};

/// Lower-case ASCII letters and digits of `s`, with common Latin diacritics folded
/// (`Małgorzata` -> `malgorzata`) and everything else dropped.
pub(crate) fn ascii_fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'a'..='z' | '0'..='9' => c,
            'ą' | 'à' | 'á' | 'â' | 'ă' | 'ā' | 'ä' => 'a',
            'ć' | 'č' | 'ç' => 'c',
            'ę' | 'ė' | 'é' | 'è' | 'ê' | 'ë' => 'e',
            'į' | 'í' | 'î' | 'ï' => 'i',
            'ł' => 'l',
            'ń' | 'ñ' => 'n',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ś' | 'š' | 'ș' | 'ş' => 's',
            'ț' | 'ţ' => 't',
            'ū' | 'ų' | 'ú' | 'ü' => 'u',
            'ź' | 'ż' | 'ž' => 'z',
            _ => continue,
        };
        out.push(folded);
    }
    out
}

/// `wah-sum-chinese-elders-luncheon-club` from a name.
pub(crate) fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\'')
        .map(ascii_fold)
        .filter(|w| !w.is_empty())
        .collect();
    words.join("-")
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Words joined by single spaces, empty ones left out.
pub(crate) fn words(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn days_from(today: NaiveDate, days: i64) -> NaiveDate {
    today + TimeDelta::days(days)
}

/// A time of day from quarter hours, clamped to the day.
pub(crate) fn at(quarters: u16) -> TimeOfDay {
    TimeOfDay::from_quarters(quarters.min(96)).expect("quarter hours are clamped to 0..=96")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_joins() {
        assert_eq!(ascii_fold("Małgorzata"), "malgorzata");
        assert_eq!(ascii_fold("Žukauskaitė"), "zukauskaite");
        assert_eq!(ascii_fold("Mei Ling"), "meiling");
        assert_eq!(
            slug("Wah Sum Chinese Elders' Luncheon Club"),
            "wah-sum-chinese-elders-luncheon-club"
        );
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(
            words(&["Leicester", "", "Day Centre"]),
            "Leicester Day Centre"
        );
    }
}
