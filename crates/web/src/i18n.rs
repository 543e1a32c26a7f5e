//! The interface languages, how a request picks one, and the Fluent catalogues they are
//! translated in (`locales/<tag>/*.ftl`: `main.ftl` and one file per part of the site added
//! since, joined and compiled into the binary).
//!
//! A page's language comes from `?lang=` (remembered in a cookie), else that cookie, else the
//! browser's `Accept-Language`, else English. A message missing from a catalogue falls back to
//! English; a test keeps every catalogue complete.

use std::sync::LazyLock;

use actix_web::HttpRequest;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The cookie that remembers a chosen language.
pub const LANG_COOKIE: &str = "carematch_lang";

/// One locale's catalogue: its files in `locales/<tag>/`, one per part of the site, joined.
macro_rules! catalogue {
    ($tag:literal) => {
        concat!(
            include_str!(concat!("../locales/", $tag, "/main.ftl")),
            "\n",
            include_str!(concat!("../locales/", $tag, "/agencies.ftl")),
            "\n",
            include_str!(concat!("../locales/", $tag, "/enquiries.ftl")),
            "\n",
            include_str!(concat!("../locales/", $tag, "/vacancies.ftl")),
            "\n",
            include_str!(concat!("../locales/", $tag, "/outbox.ftl")),
            "\n",
            include_str!(concat!("../locales/", $tag, "/reports.ftl")),
            "\n",
            include_str!(concat!("../locales/", $tag, "/freshness.ftl")),
            "\n",
            include_str!(concat!("../locales/", $tag, "/accounts.ftl")),
            "\n",
            include_str!(concat!("../locales/", $tag, "/pa.ftl")),
            "\n",
            include_str!(concat!("../locales/", $tag, "/profile.ftl")),
            "\n",
            include_str!(concat!("../locales/", $tag, "/results.ftl")),
            "\n",
            include_str!(concat!("../locales/", $tag, "/map.ftl")),
            "\n",
            include_str!(concat!("../locales/", $tag, "/upload.ftl")),
        )
    };
}

/// A language the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    En,
    ZhHant,
    ZhHans,
    Pa,
    Ur,
    Bn,
    Gu,
    So,
    Pl,
}

impl Locale {
    pub const ALL: [Locale; 9] = [
        Self::En,
        Self::ZhHant,
        Self::ZhHans,
        Self::Pa,
        Self::Ur,
        Self::Bn,
        Self::Gu,
        Self::So,
        Self::Pl,
    ];

    /// The BCP 47 tag, used in `?lang=`, the `lang` attribute and the catalogue folder.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::ZhHant => "zh-Hant",
            Self::ZhHans => "zh-Hans",
            Self::Pa => "pa",
            Self::Ur => "ur",
            Self::Bn => "bn",
            Self::Gu => "gu",
            Self::So => "so",
            Self::Pl => "pl",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn autonym(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::ZhHant => "繁體中文",
            Self::ZhHans => "简体中文",
            Self::Pa => "ਪੰਜਾਬੀ",
            Self::Ur => "اردو",
            Self::Bn => "বাংলা",
            Self::Gu => "ગુજરાતી",
            Self::So => "Soomaali",
            Self::Pl => "Polski",
        }
    }

    /// Text direction for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        match self {
            Self::Ur => "rtl",
            _ => "ltr",
        }
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }

    fn source(self) -> &'static str {
        match self {
            Self::En => catalogue!("en"),
            Self::ZhHant => catalogue!("zh-Hant"),
            Self::ZhHans => catalogue!("zh-Hans"),
            Self::Pa => catalogue!("pa"),
            Self::Ur => catalogue!("ur"),
            Self::Bn => catalogue!("bn"),
            Self::Gu => catalogue!("gu"),
            Self::So => catalogue!("so"),
            Self::Pl => catalogue!("pl"),
        }
    }

    /// A tag as given in `?lang=` (exactly one of ours, case-insensitive).
    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
    }

    /// The interface language closest to one language range of `Accept-Language`.
    fn from_range(range: &str) -> Option<Self> {
        let range = range.trim().to_ascii_lowercase();
        let mut parts = range.split(['-', '_']);
        let primary = parts.next()?;
        let rest: Vec<&str> = parts.collect();
        let has = |subtag: &str| rest.contains(&subtag);
        Some(match primary {
            "en" => Self::En,
            // Cantonese speakers read Traditional characters; so do Taiwan, Hong Kong and Macau.
            "yue" => Self::ZhHant,
            "zh" if has("hant") || has("tw") || has("hk") || has("mo") => Self::ZhHant,
            "zh" => Self::ZhHans,
            // Punjabi in Shahmukhi (pa-Arab) is not Gurmukhi: no match rather than the wrong script.
            "pa" if has("arab") || has("pk") => return None,
            "pa" => Self::Pa,
            "ur" => Self::Ur,
            "bn" => Self::Bn,
            "gu" => Self::Gu,
            "so" => Self::So,
            "pl" => Self::Pl,
            _ => return None,
        })
    }

    /// The best interface language for an `Accept-Language` header (RFC 9110 quality values;
    /// ties keep the header's order).
    pub fn negotiate(accept_language: &str) -> Option<Self> {
        let mut ranges: Vec<(f32, usize, &str)> = accept_language
            .split(',')
            .enumerate()
            .filter_map(|(i, item)| {
                let mut parts = item.split(';');
                let range = parts.next()?.trim();
                let q = parts
                    .filter_map(|p| p.trim().strip_prefix("q="))
                    .find_map(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0 && !range.is_empty()).then_some((q, i, range))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranges.into_iter().find_map(|(_, _, r)| Self::from_range(r))
    }

    /// The language of a request: `?lang=`, the cookie, `Accept-Language`, English.
    pub fn of_request(req: &HttpRequest) -> Self {
        Self::chosen_in_query(req)
            .or_else(|| {
                req.cookie(LANG_COOKIE)
                    .and_then(|c| Self::from_tag(c.value()))
            })
            .or_else(|| {
                req.headers()
                    .get(actix_web::http::header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(Self::negotiate)
            })
            .unwrap_or(Self::En)
    }

    /// The language `?lang=` chose explicitly, if any (the page then remembers it in a cookie).
    pub fn chosen_in_query(req: &HttpRequest) -> Option<Self> {
        serde_urlencoded::from_str::<Vec<(String, String)>>(req.query_string())
            .ok()?
            .into_iter()
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Self::from_tag(&v))
    }
}

/// The BCP 47 tag of a vocabulary language, for `lang` attributes: its ISO 639-1 code where it
/// has one (BCP 47 requires the shortest), else the ISO 639-3 code (`yue`, `syl`, `bfi`).
pub fn lang_tag(language: carematch_domain::vocabulary::Language) -> &'static str {
    use carematch_domain::vocabulary::Code;
    const TWO_LETTER: [(&str, &str); 52] = [
        ("eng", "en"),
        ("zho", "zh"),
        ("ben", "bn"),
        ("pan", "pa"),
        ("urd", "ur"),
        ("guj", "gu"),
        ("hin", "hi"),
        ("tam", "ta"),
        ("tel", "te"),
        ("mal", "ml"),
        ("mar", "mr"),
        ("nep", "ne"),
        ("sin", "si"),
        ("pus", "ps"),
        ("fas", "fa"),
        ("kur", "ku"),
        ("ara", "ar"),
        ("tur", "tr"),
        ("som", "so"),
        ("amh", "am"),
        ("tir", "ti"),
        ("swa", "sw"),
        ("sna", "sn"),
        ("yor", "yo"),
        ("ibo", "ig"),
        ("twi", "tw"),
        ("pol", "pl"),
        ("ron", "ro"),
        ("lit", "lt"),
        ("lav", "lv"),
        ("bul", "bg"),
        ("hun", "hu"),
        ("slk", "sk"),
        ("ces", "cs"),
        ("hbs", "sh"),
        ("rus", "ru"),
        ("ukr", "uk"),
        ("por", "pt"),
        ("spa", "es"),
        ("ita", "it"),
        ("fra", "fr"),
        ("ell", "el"),
        ("sqi", "sq"),
        ("vie", "vi"),
        ("tgl", "tl"),
        ("tha", "th"),
        ("kor", "ko"),
        ("jpn", "ja"),
        ("heb", "he"),
        ("yid", "yi"),
        ("cym", "cy"),
        ("gle", "ga"),
    ];
    let code = language.code();
    TWO_LETTER
        .iter()
        .find(|(three, _)| *three == code)
        .map_or(code, |(_, two)| two)
}

type Bundle = FluentBundle<FluentResource>;

/// Every catalogue, parsed once.
struct Catalogues {
    bundles: Vec<Bundle>,
}

/// Problems in one catalogue (tests report them; at run time the parsable part is used).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueProblem {
    pub locale: &'static str,
    pub problem: String,
}

fn build(locale: Locale, problems: &mut Vec<CatalogueProblem>) -> Bundle {
    let langid: LanguageIdentifier = locale.tag().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    // Unicode isolation marks keep a left-to-right name or number from reordering right-to-left
    // text; in left-to-right languages they only get in the way of copying and searching.
    bundle.set_use_isolating(locale.dir() == "rtl");
    let resource = match FluentResource::try_new(locale.source().to_owned()) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                problems.push(CatalogueProblem {
                    locale: locale.tag(),
                    problem: format!("syntax: {error:?}"),
                });
            }
            resource
        }
    };
    if let Err(errors) = bundle.add_resource(resource) {
        for error in errors {
            problems.push(CatalogueProblem {
                locale: locale.tag(),
                problem: format!("{error:?}"),
            });
        }
    }
    bundle
}

static CATALOGUES: LazyLock<(Catalogues, Vec<CatalogueProblem>)> = LazyLock::new(|| {
    let mut problems = Vec::new();
    let bundles = Locale::ALL
        .into_iter()
        .map(|l| build(l, &mut problems))
        .collect();
    (Catalogues { bundles }, problems)
});

/// Syntax or duplicate-id problems found while loading the catalogues.
pub fn catalogue_problems() -> &'static [CatalogueProblem] {
    &CATALOGUES.1
}

/// The message ids of a locale's catalogue, in file order.
pub fn message_ids(locale: Locale) -> Vec<String> {
    let resource = match FluentResource::try_new(locale.source().to_owned()) {
        Ok(r) | Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// The translator for one page: `t` looks a message up in the page's language, then English.
#[derive(Clone, Copy)]
pub struct Tr {
    pub locale: Locale,
}

impl Tr {
    pub fn new(locale: Locale) -> Self {
        Self { locale }
    }

    fn format(&self, locale: Locale, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let bundle = CATALOGUES.0.bundles.get(locale.index())?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(
                locale = locale.tag(),
                id,
                ?errors,
                "message formatting problem"
            );
        }
        Some(text.into_owned())
    }

    fn lookup(&self, id: &str, args: Option<&FluentArgs>) -> String {
        self.format(self.locale, id, args)
            .or_else(|| self.format(Locale::En, id, args))
            .unwrap_or_else(|| id.to_owned())
    }

    /// Whether the page's own catalogue has the message (else English is used).
    pub fn has(&self, id: &str) -> bool {
        CATALOGUES
            .0
            .bundles
            .get(self.locale.index())
            .is_some_and(|b| b.has_message(id))
    }

    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        self.lookup(id, None)
    }

    /// A message with named arguments.
    pub fn args<'a>(&self, id: &str, args: &[(&'a str, FluentValue<'a>)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        self.lookup(id, Some(&fluent))
    }

    /// A message in the page's own catalogue only, formatted without any error (a missing
    /// message, variable or selector gives `Err` with what went wrong); for tests.
    pub fn strict<'a>(
        &self,
        id: &str,
        args: &[(&'a str, FluentValue<'a>)],
    ) -> Result<String, String> {
        let bundle = CATALOGUES
            .0
            .bundles
            .get(self.locale.index())
            .ok_or("no catalogue")?;
        let pattern = bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| format!("{} lacks {id}", self.locale.tag()))?;
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(format!("{} {id}: {errors:?}", self.locale.tag()))
        }
    }

    /// A message with one text argument.
    pub fn with(&self, id: &str, name: &str, value: &str) -> String {
        self.args(id, &[(name, FluentValue::from(value))])
    }

    /// A message with one number argument (plural forms).
    pub fn count(&self, id: &str, name: &str, n: f64) -> String {
        self.args(id, &[(name, FluentValue::from(n))])
    }

    /// The label of a vocabulary code in this language (`cuisine-cantonese`).
    pub fn code<C: carematch_domain::vocabulary::Code>(&self, code: C) -> String {
        let id = format!("{}-{}", C::KIND, code.code());
        // `t` falls back to English, then to the id itself: then the vocabulary's own label.
        let text = self.t(&id);
        if text == id {
            code.label_en().to_owned()
        } else {
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(
            Locale::negotiate("zh-TW,zh;q=0.9,en;q=0.8"),
            Some(Locale::ZhHant)
        );
        assert_eq!(Locale::negotiate("zh-CN,zh;q=0.9"), Some(Locale::ZhHans));
        assert_eq!(Locale::negotiate("zh-HK"), Some(Locale::ZhHant));
        assert_eq!(Locale::negotiate("yue"), Some(Locale::ZhHant));
        assert_eq!(
            Locale::negotiate("de-DE,ur;q=0.5,en;q=0.4"),
            Some(Locale::Ur)
        );
        assert_eq!(Locale::negotiate("en;q=0.2,pl;q=0.9"), Some(Locale::Pl));
        assert_eq!(
            Locale::negotiate("pa-Arab-PK,pa-Guru;q=0.5"),
            Some(Locale::Pa)
        );
        assert_eq!(Locale::negotiate("pa-PK"), None);
        assert_eq!(Locale::negotiate("so-SO;q=0,en"), Some(Locale::En));
        assert_eq!(Locale::negotiate("fr, de"), None);
        assert_eq!(Locale::negotiate(""), None);
    }

    #[test]
    fn every_catalogue_parses_and_has_exactly_the_english_messages() {
        assert_eq!(catalogue_problems(), &[] as &[CatalogueProblem]);
        let english = message_ids(Locale::En);
        assert!(english.len() > 200);
        for locale in Locale::ALL {
            assert_eq!(
                message_ids(locale),
                english,
                "{} has the English ids",
                locale.tag()
            );
        }
    }

    #[test]
    fn catalogues_are_translated_not_copied() {
        let en = Tr::new(Locale::En);
        for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
            let tr = Tr::new(locale);
            let ids = message_ids(locale);
            let same = ids.iter().filter(|id| tr.t(id) == en.t(id)).count();
            assert!(
                same * 5 < ids.len(),
                "{}: {same} of {} messages are the English text",
                locale.tag(),
                ids.len()
            );
        }
    }

    #[test]
    fn every_vocabulary_code_shown_on_a_page_has_a_label() {
        use carematch_domain::vocabulary::{
            CheckKind, Cuisine, DeliveryMode, DietaryLaw, Experience, Faith, FaithPractice, Gender,
            MedicalDiet, ProviderKind, Service, Weekday,
        };
        fn all<C: carematch_domain::vocabulary::Code>(ids: &mut Vec<String>) {
            ids.extend(C::all().iter().map(|c| format!("{}-{}", C::KIND, c.code())));
        }
        let mut ids = Vec::new();
        all::<Cuisine>(&mut ids);
        all::<DietaryLaw>(&mut ids);
        all::<Faith>(&mut ids);
        all::<FaithPractice>(&mut ids);
        all::<Service>(&mut ids);
        all::<Experience>(&mut ids);
        all::<CheckKind>(&mut ids);
        all::<ProviderKind>(&mut ids);
        all::<Gender>(&mut ids);
        all::<Weekday>(&mut ids);
        all::<MedicalDiet>(&mut ids);
        all::<DeliveryMode>(&mut ids);
        for locale in Locale::ALL {
            let tr = Tr::new(locale);
            for id in &ids {
                assert!(tr.has(id), "{} lacks {id}", locale.tag());
            }
        }
    }

    #[test]
    fn plurals_and_arguments_format_in_every_language() {
        for locale in Locale::ALL {
            let tr = Tr::new(locale);
            for n in [0.0, 1.0, 2.0, 5.0, 22.0] {
                let text = tr.count("results-count", "count", n);
                assert!(
                    !text.contains("results-count") && !text.is_empty(),
                    "{}: {text}",
                    locale.tag()
                );
            }
            assert!(
                tr.with("shortlist-add", "name", "Mei L.")
                    .contains("Mei L.")
            );
        }
    }

    #[test]
    fn language_tags_are_the_shortest_bcp47_subtag() {
        use carematch_domain::vocabulary::Language;
        // BCP 47 (and axe's valid-lang rule) want the ISO 639-1 code where one exists.
        for (language, tag) in [
            (Language::Sna, "sn"),
            (Language::Hun, "hu"),
            (Language::Slk, "sk"),
            (Language::Ces, "cs"),
            (Language::Yue, "yue"),
            (Language::Eng, "en"),
        ] {
            assert_eq!(lang_tag(language), tag);
        }
    }

    #[test]
    fn tags_round_trip_and_only_urdu_is_right_to_left() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
            assert_eq!(locale.dir() == "rtl", locale == Locale::Ur);
        }
        assert_eq!(Locale::from_tag("ZH-hant"), Some(Locale::ZhHant));
        assert_eq!(Locale::from_tag("xx"), None);
    }
}
