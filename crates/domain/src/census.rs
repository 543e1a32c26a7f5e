//! Census 2021 categories and the vocabulary codes they stand for.
//!
//! Census categories are not ISO 639-3 codes, and some are lumps: Sylheti is inside "Bengali (with
//! Sylheti and Chatgaya)", Hakka and Min Nan inside "All other Chinese", Kurmanji and Sorani inside
//! "Kurdish". This module is the one place that says which category counts as demand for which
//! code, and with what caveat; `docs/gaps.md` has the same table in prose.
//!
//! Categories are stored as the text after the table's prefix in the Nomis bulk CSV header
//! (`Main language (detailed): East Asian language: Cantonese Chinese` is stored in table
//! `ts024` as `East Asian language: Cantonese Chinese`).

use crate::vocabulary::{Cuisine, DietaryLaw, Faith, Language};

/// The Census 2021 tables carematch imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CensusTable {
    /// TS021 Ethnic group, usual residents (the PA market report, docs/market.md).
    Ts021,
    /// TS024 Main language (detailed), usual residents aged 3 and over.
    Ts024,
    /// TS030 Religion, usual residents.
    Ts030,
}

impl CensusTable {
    pub const ALL: [Self; 3] = [Self::Ts021, Self::Ts024, Self::Ts030];

    /// The code stored in `census_counts.census_table` (`ts024`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Ts021 => "ts021",
            Self::Ts024 => "ts024",
            Self::Ts030 => "ts030",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The prefix of every category column in the Nomis bulk CSV header.
    pub fn header_prefix(self) -> &'static str {
        match self {
            Self::Ts021 => "Ethnic group: ",
            Self::Ts024 => "Main language (detailed): ",
            Self::Ts030 => "Religion: ",
        }
    }

    /// The table whose category columns start this header, if any.
    pub fn from_header(headers: &[&str]) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|t| headers.iter().any(|h| h.starts_with(t.header_prefix())))
    }
}

/// One census category: a column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Category {
    pub table: CensusTable,
    /// The column header without the table's prefix.
    pub name: &'static str,
}

const fn ts024(name: &'static str) -> Category {
    Category {
        table: CensusTable::Ts024,
        name,
    }
}

const fn ts030(name: &'static str) -> Category {
    Category {
        table: CensusTable::Ts030,
        name,
    }
}

pub const CANTONESE: Category = ts024("East Asian language: Cantonese Chinese");
pub const MANDARIN: Category = ts024("East Asian language: Mandarin Chinese");
pub const OTHER_CHINESE: Category = ts024("East Asian language: All other Chinese");
pub const BENGALI: Category = ts024("South Asian language: Bengali (with Sylheti and Chatgaya)");
pub const PANJABI: Category = ts024("South Asian language: Panjabi");
pub const SOMALI: Category = ts024("African language: Somali");
pub const KURDISH: Category = ts024("West or Central Asian language: Kurdish");
pub const PERSIAN: Category = ts024("West or Central Asian language: Persian or Farsi");
pub const URDU: Category = ts024("South Asian language: Urdu");
pub const PAHARI: Category =
    ts024("South Asian language: Pakistani Pahari (with Mirpuri and Potwari)");
pub const AKAN: Category = ts024("African language: Akan");
pub const MUSLIM: Category = ts030("Muslim");
pub const JEWISH: Category = ts030("Jewish");

/// Languages whose census category is exactly that language.
const LANGUAGE_CATEGORIES: &[(Language, Category)] = &[
    (Language::Eng, ts024("English (English or Welsh in Wales)")),
    (Language::Cym, ts024("Welsh or Cymraeg (in England only)")),
    (Language::Gle, ts024("Other UK language: Gaelic (Irish)")),
    (Language::Fra, ts024("French")),
    (Language::Por, ts024("Portuguese")),
    (Language::Spa, ts024("Spanish")),
    (
        Language::Ita,
        ts024("Other European language (EU): Italian"),
    ),
    (Language::Pol, ts024("Other European language (EU): Polish")),
    (
        Language::Ron,
        ts024("Other European language (EU): Romanian"),
    ),
    (
        Language::Lit,
        ts024("Other European language (EU): Lithuanian"),
    ),
    (
        Language::Lav,
        ts024("Other European language (EU): Latvian"),
    ),
    (
        Language::Bul,
        ts024("Other European language (EU): Bulgarian"),
    ),
    (
        Language::Hun,
        ts024("Other European language (EU): Hungarian"),
    ),
    (Language::Slk, ts024("Other European language (EU): Slovak")),
    (Language::Ces, ts024("Other European language (EU): Czech")),
    (
        Language::Hbs,
        ts024(
            "Other European language (EU and non-EU): Bosnian, Croatian, Serbian, and Montenegrin",
        ),
    ),
    (Language::Ell, ts024("Other European language (EU): Greek")),
    (
        Language::Sqi,
        ts024("Other European language (non EU): Albanian"),
    ),
    (
        Language::Ukr,
        ts024("Other European language (non EU): Ukrainian"),
    ),
    (
        Language::Yid,
        ts024("Other European language (non-national): Yiddish"),
    ),
    (Language::Rus, ts024("Russian")),
    (Language::Tur, ts024("Turkish")),
    (Language::Ara, ts024("Arabic")),
    (
        Language::Heb,
        ts024("West or Central Asian language: Hebrew"),
    ),
    (Language::Kur, KURDISH),
    (Language::Fas, PERSIAN),
    (
        Language::Pus,
        ts024("West or Central Asian language: Pashto"),
    ),
    (Language::Urd, URDU),
    (Language::Hin, ts024("South Asian language: Hindi")),
    (Language::Pan, PANJABI),
    (Language::Phr, PAHARI),
    (Language::Ben, BENGALI),
    (Language::Guj, ts024("South Asian language: Gujarati")),
    (Language::Mar, ts024("South Asian language: Marathi")),
    (Language::Tel, ts024("South Asian language: Telugu")),
    (Language::Tam, ts024("South Asian language: Tamil")),
    (Language::Mal, ts024("South Asian language: Malayalam")),
    (Language::Sin, ts024("South Asian language: Sinhala")),
    (Language::Nep, ts024("South Asian language: Nepalese")),
    (Language::Cmn, MANDARIN),
    (Language::Yue, CANTONESE),
    (Language::Jpn, ts024("East Asian language: Japanese")),
    (Language::Kor, ts024("East Asian language: Korean")),
    (Language::Vie, ts024("East Asian language: Vietnamese")),
    (Language::Tha, ts024("East Asian language: Thai")),
    (
        Language::Tgl,
        ts024("East Asian language: Tagalog or Filipino"),
    ),
    (Language::Amh, ts024("African language: Amharic")),
    (Language::Tir, ts024("African language: Tigrinya")),
    (Language::Som, SOMALI),
    (Language::Yor, ts024("African language: Yoruba")),
    (Language::Sna, ts024("African language: Shona")),
    (Language::Ibo, ts024("African language: Igbo")),
    (
        Language::Swa,
        ts024("African language: Swahili or Kiswahili"),
    ),
    (Language::Bfi, ts024("Sign language: British Sign Language")),
];

/// Census 2021 single-language categories deliberately given no code: communities whose older
/// members mostly also speak English, or are too few in England for care to be arranged in the
/// language (a few hundred to a few thousand speakers), or that the 64-code language set has no
/// room for today. docs/gaps.md lists them with their England totals.
pub const UNCODED_CATEGORIES: &[&str] = &[
    "Gaelic (Scottish)",
    "Manx Gaelic",
    "Gaelic (Not otherwise specified)",
    "Cornish",
    "Scots",
    "Ulster Scots",
    "Romany English",
    "Irish Traveller Cant",
    "German",
    "Dutch",
    "Swedish",
    "Danish",
    "Finnish",
    "Estonian",
    "Slovenian",
    "Maltese",
    "Northern European language (non EU)",
    "Malay",
    "Krio",
    "Luganda",
    "Lingala",
    "Afrikaans",
    "English-based Caribbean Creole",
];

/// Where the census demand for a need comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CensusSource {
    /// The sum of these categories is the demand; `caveat` says when it is a pool or a proxy
    /// rather than exactly the people who need the code.
    Counted {
        categories: Vec<Category>,
        caveat: Option<&'static str>,
    },
    /// The census has no figure for this need; `reason` says why.
    NoFigure { reason: &'static str },
}

impl CensusSource {
    fn exact(category: Category) -> Self {
        Self::Counted {
            categories: vec![category],
            caveat: None,
        }
    }

    fn pooled(categories: &[Category], caveat: &'static str) -> Self {
        Self::Counted {
            categories: categories.to_vec(),
            caveat: Some(caveat),
        }
    }
}

/// The census demand for a language.
pub fn language_source(language: Language) -> CensusSource {
    match language {
        Language::Syl => CensusSource::pooled(
            &[BENGALI],
            "Sylheti has no census category of its own: the figure is everyone whose main language \
             is Bengali (with Sylheti and Chatgaya), the pool Sylheti speakers are in",
        ),
        Language::Hak => CensusSource::NoFigure {
            reason: "Hakka is counted inside \"All other Chinese\" with other Chinese languages: \
                     the census has no Hakka figure (use saved plans as demand)",
        },
        Language::Nan => CensusSource::NoFigure {
            reason: "Min Nan (Hokkien) is counted inside \"All other Chinese\": the census has no \
                     figure for it (use saved plans as demand)",
        },
        Language::Zho => CensusSource::NoFigure {
            reason: "\"Chinese, dialect not stated\" is not a census category; Cantonese, Mandarin \
                     and \"All other Chinese\" are counted separately",
        },
        Language::Kmr | Language::Ckb => CensusSource::pooled(
            &[KURDISH],
            "the census counts Kurdish as one language: the figure is every Kurdish speaker, \
             Kurmanji and Sorani together",
        ),
        Language::Prs => CensusSource::pooled(
            &[PERSIAN],
            "Dari has no census category: the figure is \"Persian or Farsi\", which Dari speakers \
             may have answered (others wrote in \"Any other West or Central Asian language\")",
        ),
        Language::Pnb => CensusSource::pooled(
            &[PANJABI],
            "Western Punjabi has no census category of its own: the figure is everyone whose main \
             language is Panjabi, Eastern and Western together (Pahari-Pothwari and Mirpuri \
             speakers are counted apart, under `phr`)",
        ),
        Language::Twi => CensusSource::pooled(
            &[AKAN],
            "Twi is counted inside Akan: the figure is every Akan speaker",
        ),
        other => LANGUAGE_CATEGORIES
            .iter()
            .find(|(code, _)| *code == other)
            .map_or(
                CensusSource::NoFigure {
                    reason: "the census has no separate category for this language",
                },
                |(_, category)| CensusSource::exact(*category),
            ),
    }
}

/// The census religion category of a faith.
pub fn faith_category(faith: Faith) -> Category {
    ts030(match faith {
        Faith::Buddhist => "Buddhist",
        Faith::Christian => "Christian",
        Faith::Hindu => "Hindu",
        Faith::Jewish => "Jewish",
        Faith::Muslim => "Muslim",
        Faith::Sikh => "Sikh",
        Faith::Other => "Other religion",
        Faith::None => "No religion",
    })
}

/// The census proxy for a dietary law, when there is a defensible one.
pub fn diet_source(diet: DietaryLaw) -> CensusSource {
    match diet {
        DietaryLaw::Halal => CensusSource::pooled(
            &[MUSLIM],
            "proxy: everyone who gave their religion as Muslim is counted as needing halal food",
        ),
        DietaryLaw::Kosher => CensusSource::pooled(
            &[JEWISH],
            "proxy and upper bound: everyone who gave their religion as Jewish is counted, though \
             not all keep kosher",
        ),
        _ => CensusSource::NoFigure {
            reason: "the census has no figure for this dietary law (use saved plans as demand)",
        },
    }
}

/// The census proxy for a cuisine: the speakers of the language most tied to it.
pub fn cuisine_source(cuisine: Cuisine) -> CensusSource {
    let caveat = "proxy: speakers of the main language of the cuisine's community";
    let language = match cuisine {
        Cuisine::Cantonese => CANTONESE,
        Cuisine::NorthChinese => MANDARIN,
        Cuisine::Punjabi => PANJABI,
        Cuisine::Bengali => BENGALI,
        Cuisine::Somali => SOMALI,
        Cuisine::Pakistani => {
            return CensusSource::pooled(
                &[URDU, PAHARI],
                "proxy: speakers of Urdu and of Pakistani Pahari (with Mirpuri and Potwari)",
            );
        }
        Cuisine::Gujarati => ts024("South Asian language: Gujarati"),
        Cuisine::Vietnamese => ts024("East Asian language: Vietnamese"),
        Cuisine::Filipino => ts024("East Asian language: Tagalog or Filipino"),
        Cuisine::Polish => ts024("Other European language (EU): Polish"),
        Cuisine::Turkish => ts024("Turkish"),
        Cuisine::Kurdish => KURDISH,
        Cuisine::Persian => PERSIAN,
        _ => {
            return CensusSource::NoFigure {
                reason: "the census has no figure tied to this cuisine (use saved plans as demand)",
            };
        }
    };
    CensusSource::pooled(&[language], caveat)
}

/// Faith practices have no census figure: religion says nothing about who needs, say,
/// same-gender personal care.
pub const FAITH_PRACTICE_NO_FIGURE: &str = "the census has no figure for faith practices: religion \
     alone does not say who needs them (use saved plans as demand)";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::Code;

    #[test]
    fn cantonese_mandarin_panjabi_somali_are_exact() {
        for (language, category) in [
            (Language::Yue, CANTONESE),
            (Language::Cmn, MANDARIN),
            (Language::Pan, PANJABI),
            (Language::Phr, PAHARI),
            (Language::Som, SOMALI),
            (Language::Ben, BENGALI),
        ] {
            assert_eq!(language_source(language), CensusSource::exact(category));
        }
    }

    #[test]
    fn sylheti_is_the_bengali_pool_with_a_caveat_and_hakka_has_no_figure() {
        let CensusSource::Counted { categories, caveat } = language_source(Language::Syl) else {
            panic!("Sylheti has a pooled figure");
        };
        assert_eq!(categories, vec![BENGALI]);
        assert!(caveat.is_some_and(|c| c.contains("Sylheti")));
        assert!(matches!(
            language_source(Language::Hak),
            CensusSource::NoFigure { reason } if reason.contains("All other Chinese")
        ));
    }

    #[test]
    fn every_language_has_a_source_and_categories_are_distinct() {
        for language in Language::ALL {
            let _ = language_source(*language);
        }
        let mut names: Vec<&str> = LANGUAGE_CATEGORIES.iter().map(|(_, c)| c.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "a category is mapped twice");
        let mut codes: Vec<&str> = LANGUAGE_CATEGORIES.iter().map(|(l, _)| l.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), LANGUAGE_CATEGORIES.len());
    }

    #[test]
    fn pahari_and_the_punjabi_varieties_have_their_census_figures() {
        assert_eq!(language_source(Language::Phr), CensusSource::exact(PAHARI));
        assert!(PAHARI.name.contains("Mirpuri and Potwari"));
        let CensusSource::Counted { categories, caveat } = language_source(Language::Pnb) else {
            panic!("Western Punjabi has a pooled figure");
        };
        assert_eq!(categories, vec![PANJABI]);
        assert!(caveat.is_some());
        assert_eq!(language_source(Language::Pan), CensusSource::exact(PANJABI));
    }

    /// Every category in the real TS024 header that names one language is either mapped to a
    /// code or on the list of those deliberately left without one (docs/gaps.md says why).
    #[test]
    fn every_named_census_language_is_mapped_or_deliberately_left_out() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/census2021/census2021-ts024-ltla.csv"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            return; // the shared data is beside the project, not in it
        };
        let header = text.lines().next().unwrap_or_default();
        // The one quoted header cell holds commas; no header cell holds a quote.
        let columns: Vec<&str> = header
            .split('"')
            .enumerate()
            .flat_map(|(i, part)| {
                if i % 2 == 1 {
                    vec![part]
                } else {
                    part.split(',').collect()
                }
            })
            .filter_map(|c| c.strip_prefix(CensusTable::Ts024.header_prefix()))
            .collect();
        assert!(columns.len() > 90, "read {} categories", columns.len());
        let mapped: Vec<&str> = LANGUAGE_CATEGORIES
            .iter()
            .map(|(_, c)| c.name)
            .chain([OTHER_CHINESE.name, AKAN.name])
            .collect();
        let lumps = [
            "Other language",
            "Oceanic or Australian language",
            "North or South American language",
        ];
        for name in &columns {
            let heading = columns.iter().any(|c| {
                c.strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with(':'))
            });
            let uncoded = UNCODED_CATEGORIES
                .iter()
                .any(|u| name.rsplit(": ").next() == Some(*u));
            assert!(
                mapped.contains(name)
                    || heading
                    || uncoded
                    || lumps.contains(name)
                    || name.contains("Any ")
                    || name.starts_with("Total"),
                "census category without a code or a reason: {name}"
            );
        }
    }

    #[test]
    fn tables_are_recognised_from_the_nomis_header() {
        let header = [
            "date",
            "geography",
            "geography code",
            "Religion: Total: All usual residents",
        ];
        assert_eq!(CensusTable::from_header(&header), Some(CensusTable::Ts030));
        assert_eq!(CensusTable::parse("ts024"), Some(CensusTable::Ts024));
    }
}
