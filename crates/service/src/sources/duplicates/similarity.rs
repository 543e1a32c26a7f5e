//! How alike two provider names and phone numbers are.
//!
//! Names are normalised first: lower case, apostrophes dropped, other punctuation and `&` as
//! spaces, and the words that
//! say nothing about which organisation it is dropped (`the`, `ltd`, `limited`, `cic`, `llp`,
//! `plc`, `inc`, `co`, `company`, `and`, `of`). The similarity is the Sørensen–Dice coefficient
//! of the two names' character trigrams (each word padded with spaces, so word starts and ends
//! count): 1 for the same normalised name, 0 for no trigram in common; it is forgiving of a
//! typo, a word order changed or a word added. Names with different numbers in them score 0:
//! a number is what tells branches and units apart (`Community Centre 7`, `Community Centre 12`),
//! and the trigrams of one short word barely move the coefficient.

use std::collections::HashSet;

const NOISE: &[&str] = &[
    "the", "ltd", "limited", "cic", "llp", "plc", "inc", "co", "company", "and", "of",
];

/// A name ready to compare: its normalised words and their trigrams.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub normalised: String,
    trigrams: HashSet<[char; 3]>,
    /// The words that are numbers (`7` in `Unit 7`), sorted.
    numbers: Vec<String>,
}

impl Name {
    pub fn new(name: &str) -> Self {
        // Apostrophes join (`Women's` and `Womens` are one word); other punctuation splits.
        let lower: String = name
            .to_lowercase()
            .chars()
            .filter(|c| !matches!(c, '\'' | '\u{2019}'))
            .collect();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !NOISE.contains(w))
            .collect();
        let mut trigrams = HashSet::new();
        for word in &words {
            let padded: Vec<char> = std::iter::once(' ')
                .chain(word.chars())
                .chain(std::iter::once(' '))
                .collect();
            for window in padded.windows(3) {
                trigrams.insert([window[0], window[1], window[2]]);
            }
        }
        let mut numbers: Vec<String> = words
            .iter()
            .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
            .map(|w| (*w).to_owned())
            .collect();
        numbers.sort();
        Self {
            normalised: words.join(" "),
            trigrams,
            numbers,
        }
    }
}

/// The Dice coefficient of the two names' trigrams, 0 to 1; 0 when the names carry different
/// numbers (`Unit 7` and `Unit 12` are two places, however alike the rest).
pub fn name_similarity(a: &Name, b: &Name) -> f64 {
    if a.normalised.is_empty() || b.normalised.is_empty() || a.numbers != b.numbers {
        return 0.0;
    }
    if a.normalised == b.normalised {
        return 1.0;
    }
    let common = a.trigrams.intersection(&b.trigrams).count();
    let total = a.trigrams.len() + b.trigrams.len();
    #[expect(
        clippy::cast_precision_loss,
        reason = "trigram counts of a name are far below 2^52"
    )]
    let similarity = 2.0 * common as f64 / total as f64;
    similarity
}

/// A phone number as its digits in national form (`+44 116 496 0123` and `0116 4960123` are
/// both `01164960123`); `None` when it has fewer than 10 digits (an extension, a short code),
/// too little to say two records share it.
pub fn normalise_phone(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let international = digits.strip_prefix("0044").or_else(|| {
        digits
            .strip_prefix("44")
            .filter(|_| phone.trim().starts_with('+'))
    });
    let national = match international {
        // `+44 (0)116...`: the trunk zero written in brackets is dropped with the rest.
        Some(rest) => format!("0{}", rest.trim_start_matches('0')),
        None => digits,
    };
    (national.len() >= 10).then_some(national)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str) -> f64 {
        name_similarity(&Name::new(a), &Name::new(b))
    }

    #[test]
    fn legal_forms_case_and_punctuation_do_not_count() {
        assert_eq!(
            Name::new("The Wah Sum Club Ltd.").normalised,
            "wah sum club"
        );
        assert_eq!(
            sim("Wah Sum Luncheon Club CIC", "wah-sum luncheon club"),
            1.0
        );
        assert_eq!(
            sim("Age UK Leicester & Rutland", "AGE UK LEICESTER AND RUTLAND"),
            1.0
        );
    }

    #[test]
    fn near_names_are_alike_and_other_names_are_not() {
        let typo = sim("Wah Sum Luncheon Club", "Wah Sum Lucheon Club");
        assert!(typo > 0.8, "{typo}");
        let added = sim("Belgrave Day Centre", "Belgrave Asian Day Centre");
        assert!((0.7..1.0).contains(&added), "{added}");
        let other = sim("Wah Sum Luncheon Club", "Somali Women's Group");
        assert!(other < 0.2, "{other}");
        assert_eq!(sim("Ltd", "Wah Sum"), 0.0);
        assert_eq!(sim("Community Service 7", "Community Service 12"), 0.0);
        assert!(sim("Unit 7 Day Centre", "Day Centre, Unit 7") > 0.9);
    }

    #[test]
    fn phones_compare_in_national_form() {
        assert_eq!(
            normalise_phone("+44 116 496 0123").as_deref(),
            Some("01164960123")
        );
        assert_eq!(
            normalise_phone("+44 (0)116 496 0123").as_deref(),
            Some("01164960123")
        );
        assert_eq!(
            normalise_phone("0044 116 496 0123").as_deref(),
            Some("01164960123")
        );
        assert_eq!(
            normalise_phone("0116 496-0123").as_deref(),
            Some("01164960123")
        );
        assert_eq!(normalise_phone("ext 1234"), None);
    }
}
