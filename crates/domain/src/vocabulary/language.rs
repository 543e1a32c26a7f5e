use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::vocabulary;

vocabulary! {
    /// A language, by ISO 639-3 code. `zho`, `kur` and `fas` are macrolanguages: a carer recorded with
    /// one of them is at most a partial match for a member language ("confirm dialect").
    Language, "language" {
        Eng => "eng", "English", "English";
        Yue => "yue", "Cantonese", "廣東話";
        Cmn => "cmn", "Mandarin", "普通话";
        Hak => "hak", "Hakka", "客家話";
        Nan => "nan", "Min Nan (Hokkien)", "閩南語";
        Zho => "zho", "Chinese (dialect not stated)", "中文";
        Syl => "syl", "Sylheti", "সিলেটি";
        Ben => "ben", "Bengali", "বাংলা";
        Pan => "pan", "Punjabi", "ਪੰਜਾਬੀ";
        Pnb => "pnb", "Western Punjabi (Shahmukhi)", "پنجابی";
        Phr => "phr", "Pahari-Pothwari (Mirpuri)", "پہاڑی";
        Urd => "urd", "Urdu", "اردو";
        Guj => "guj", "Gujarati", "ગુજરાતી";
        Hin => "hin", "Hindi", "हिन्दी";
        Tam => "tam", "Tamil", "தமிழ்";
        Tel => "tel", "Telugu", "తెలుగు";
        Mal => "mal", "Malayalam", "മലയാളം";
        Mar => "mar", "Marathi", "मराठी";
        Nep => "nep", "Nepali", "नेपाली";
        Sin => "sin", "Sinhala", "සිංහල";
        Pus => "pus", "Pashto", "پښتو";
        Fas => "fas", "Persian (Farsi)", "فارسی";
        Prs => "prs", "Dari", "دری";
        Kur => "kur", "Kurdish (dialect not stated)", "Kurdî";
        Kmr => "kmr", "Kurmanji Kurdish", "Kurmancî";
        Ckb => "ckb", "Sorani Kurdish", "کوردی";
        Ara => "ara", "Arabic", "العربية";
        Tur => "tur", "Turkish", "Türkçe";
        Som => "som", "Somali", "Soomaali";
        Amh => "amh", "Amharic", "አማርኛ";
        Tir => "tir", "Tigrinya", "ትግርኛ";
        Swa => "swa", "Swahili", "Kiswahili";
        Sna => "sna", "Shona", "chiShona";
        Yor => "yor", "Yoruba", "Yorùbá";
        Ibo => "ibo", "Igbo", "Asụsụ Igbo";
        Twi => "twi", "Twi", "Twi";
        Pol => "pol", "Polish", "Polski";
        Ron => "ron", "Romanian", "Română";
        Lit => "lit", "Lithuanian", "Lietuvių";
        Lav => "lav", "Latvian", "Latviešu";
        Bul => "bul", "Bulgarian", "Български";
        Hun => "hun", "Hungarian", "Magyar";
        Slk => "slk", "Slovak", "Slovenčina";
        Ces => "ces", "Czech", "Čeština";
        Hbs => "hbs", "Bosnian, Croatian, Serbian", "BHS / БХС";
        Rus => "rus", "Russian", "Русский";
        Ukr => "ukr", "Ukrainian", "Українська";
        Por => "por", "Portuguese", "Português";
        Spa => "spa", "Spanish", "Español";
        Ita => "ita", "Italian", "Italiano";
        Fra => "fra", "French", "Français";
        Ell => "ell", "Greek", "Ελληνικά";
        Sqi => "sqi", "Albanian", "Shqip";
        Vie => "vie", "Vietnamese", "Tiếng Việt";
        Tgl => "tgl", "Tagalog", "Tagalog";
        Tha => "tha", "Thai", "ไทย";
        Kor => "kor", "Korean", "한국어";
        Jpn => "jpn", "Japanese", "日本語";
        Heb => "heb", "Hebrew", "עברית";
        Yid => "yid", "Yiddish", "ייִדיש";
        Bfi => "bfi", "British Sign Language", "BSL";
        Cym => "cym", "Welsh", "Cymraeg";
        Gle => "gle", "Irish", "Gaeilge";
    }
}

/// How well a carer speaks a language; ordered, so `>=` compares levels.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Proficiency {
    Basic,
    Conversational,
    Fluent,
    Native,
}

impl Proficiency {
    pub const ALL: &'static [Self] = &[
        Self::Basic,
        Self::Conversational,
        Self::Fluent,
        Self::Native,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Basic => "basic",
            Self::Conversational => "conversational",
            Self::Fluent => "fluent",
            Self::Native => "native",
        }
    }
}

/// How a language a carer speaks relates to the one a person needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageRelation {
    /// The same language.
    Same,
    /// The carer's language is the macrolanguage (or a close variety) of the one needed: a partial
    /// match that must say "confirm dialect", never a silent full match.
    ConfirmDialect,
    Unrelated,
}

impl Language {
    /// The ISO 639-3 macrolanguage this language belongs to, if we list it.
    pub fn macrolanguage(self) -> Option<Language> {
        match self {
            Self::Yue | Self::Cmn | Self::Hak | Self::Nan => Some(Self::Zho),
            Self::Kmr | Self::Ckb => Some(Self::Kur),
            Self::Prs => Some(Self::Fas),
            _ => None,
        }
    }

    /// How `spoken` (by a carer) relates to `self` (needed by a person).
    ///
    /// Sylheti and standard Bengali are treated like a macrolanguage pair: Census 2021 counts them
    /// together and many speakers use both, but a Sylheti speaker's family must confirm. So are
    /// the Punjabi varieties: Punjabi (`pan`, written in Gurmukhi) and Western Punjabi (`pnb`,
    /// Shahmukhi) are largely one spoken language with two scripts, and Pahari-Pothwari (`phr`,
    /// Mirpuri) is close to Western Punjabi: a speaker of the one may suit, the family confirms.
    pub fn relation_to(self, spoken: Language) -> LanguageRelation {
        if self == spoken {
            LanguageRelation::Same
        } else if self.macrolanguage() == Some(spoken)
            || matches!(
                (self, spoken),
                (Self::Syl, Self::Ben)
                    | (Self::Pnb, Self::Pan)
                    | (Self::Pan, Self::Pnb)
                    | (Self::Phr, Self::Pnb)
            )
        {
            LanguageRelation::ConfirmDialect
        } else {
            LanguageRelation::Unrelated
        }
    }

    /// Other names people search by, beyond the code, English label and autonym.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Yue => &["粵語", "广东话", "粤语", "Guangdonghua"],
            Self::Cmn => &["普通話", "國語", "国语", "Putonghua", "Chinese Mandarin"],
            Self::Hak => &["客家话", "Hakka Chinese"],
            Self::Nan => &["Hokkien", "闽南语", "福建話", "Teochew"],
            Self::Zho => &["Chinese", "漢語", "汉语", "中國話"],
            Self::Syl => &["ꠍꠤꠟꠐꠤ", "Sylhetti", "Siloti"],
            Self::Ben => &["Bangla", "Bengali"],
            Self::Pan => &["Panjabi", "Gurmukhi"],
            Self::Pnb => &[
                "Lahnda",
                "Shahmukhi",
                "Western Panjabi",
                "Pakistani Punjabi",
            ],
            Self::Phr => &[
                "Pahari",
                "Mirpuri",
                "Pothwari",
                "Potwari",
                "Pothohari",
                "Pahari-Potwari",
            ],
            Self::Hbs => &[
                "Bosnian",
                "Croatian",
                "Serbian",
                "Montenegrin",
                "Serbo-Croatian",
            ],
            Self::Urd => &["Urdoo"],
            Self::Fas => &["Farsi", "Persian"],
            Self::Ckb => &["Sorani"],
            Self::Kmr => &["Kurmanji"],
            Self::Tgl => &["Filipino"],
            Self::Bfi => &["BSL", "Sign language"],
            _ => &[],
        }
    }
}
