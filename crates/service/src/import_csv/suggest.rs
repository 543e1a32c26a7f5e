//! Suggestions for near-miss values in an uploaded register: `F` in `gender` (did you mean
//! `female`?), `Cantonese` in `languages` (`yue`), `halall` (`halal`), and a value that belongs in
//! another column (`cantonese` is a cuisine). Added to the problem's reason, so the agency fixes
//! the file once.

use carematch_domain::vocabulary::Code;

use super::{CARER_COLUMNS, fits};

/// `; did you mean `yue` (Cantonese)?` when `value` is not one of `T`'s codes but is close to one:
/// its English label or its name in its own language, the unique start of a code or label, or
/// a code within two letters of it (codes of four letters or more). Empty when nothing is close.
pub(super) fn code_hint<T: Code>(value: &str) -> String {
    let wanted = value.trim().to_lowercase();
    if wanted.is_empty() {
        return String::new();
    }
    let all = T::all();
    let named = all.iter().copied().find(|c| {
        c.label_en().to_lowercase() == wanted
            || c.autonym().is_some_and(|a| a.to_lowercase() == wanted)
    });
    let starting = || {
        let mut found = all.iter().copied().filter(|c| {
            c.code().starts_with(&wanted) || c.label_en().to_lowercase().starts_with(&wanted)
        });
        match (found.next(), found.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    };
    let near = || {
        if wanted.chars().count() < 4 {
            return None;
        }
        all.iter()
            .copied()
            .map(|c| (edit_distance(&wanted, c.code()), c))
            .filter(|(d, _)| *d <= 2)
            .min_by_key(|(d, c)| (*d, c.code()))
            .map(|(_, c)| c)
    };
    match named.or_else(starting).or_else(near) {
        Some(code) => format!("; did you mean `{}` ({})?", code.code(), code.label_en()),
        None => String::new(),
    }
}

/// `; `cantonese` fits the `cuisines` column: is it in the right place?` when `value` is a well-formed
/// value of another structured column than `column`. Empty otherwise.
pub(super) fn column_hint(column: &str, value: &str) -> String {
    CARER_COLUMNS
        .iter()
        .map(|(other, _)| *other)
        .find(|other| *other != column && fits(other, value))
        .map(|other| {
            format!(
                "; `{}` fits the `{other}` column: is it in the right place?",
                value.trim()
            )
        })
        .unwrap_or_default()
}

/// Levenshtein distance between two short strings.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use carematch_domain::vocabulary::{Cuisine, DietaryLaw, Gender, Language, Service};

    #[test]
    fn near_misses_get_the_code_they_meant() {
        assert_eq!(
            code_hint::<Gender>("F"),
            "; did you mean `female` (Female)?"
        );
        assert_eq!(code_hint::<Gender>("m"), "; did you mean `male` (Male)?");
        assert_eq!(
            code_hint::<Language>("Cantonese"),
            "; did you mean `yue` (Cantonese)?"
        );
        assert_eq!(
            code_hint::<Language>("廣東話"),
            "; did you mean `yue` (Cantonese)?"
        );
        assert_eq!(
            code_hint::<DietaryLaw>("halall"),
            "; did you mean `halal` (Halal)?"
        );
        assert_eq!(
            code_hint::<Service>("personal care"),
            "; did you mean `personal_care` (Personal care)?"
        );
        assert_eq!(code_hint::<Cuisine>("zzzz"), "");
        assert_eq!(code_hint::<Language>(""), "");
    }

    #[test]
    fn values_in_the_wrong_column_are_named() {
        assert_eq!(
            column_hint("languages", "cantonese"),
            "; `cantonese` fits the `cuisines` column: is it in the right place?"
        );
        assert_eq!(column_hint("cuisines", "nonsense"), "");
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("halall", "halal"), 1);
        assert_eq!(edit_distance("kosher", "kosher"), 0);
        assert_eq!(edit_distance("abc", "xyz"), 3);
    }
}
