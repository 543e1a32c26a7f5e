//! carematch's vocabulary recognised in a feed: taxonomy terms of carematch's published
//! taxonomies, and languages by ISO 639 code or name.
//!
//! A term is carematch's when its id is the term's vocabulary UUID
//! (`vocabulary_uuid("language:urd")`, the same in every deployment), or when its taxonomy is
//! one of carematch's (`vocabulary_uuid("taxonomy:language")`) and its `code` or `term` is a
//! code of that list. Terms of other taxonomies (a council's own categories) are not read.

use std::collections::HashMap;

use carematch_domain::provenance::vocabulary_uuid;
use carematch_domain::vocabulary::{
    Code, Community, Cuisine, DeliveryMode, DietaryLaw, Experience, FaithPractice, Language,
    MedicalDiet, ProviderKind, Service,
};
use uuid::Uuid;

/// One code of carematch's vocabulary, by list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    Language(Language),
    Cuisine(Cuisine),
    Diet(DietaryLaw),
    MedicalDiet(MedicalDiet),
    FaithPractice(FaithPractice),
    Service(Service),
    Experience(Experience),
    Community(Community),
    Kind(ProviderKind),
    Delivery(DeliveryMode),
}

/// What a taxonomy term turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recognised {
    Term(Term),
    /// In one of carematch's taxonomies, but not a code of it.
    Unknown {
        kind: &'static str,
        code: String,
    },
    /// Another taxonomy's term.
    Foreign,
}

/// carematch's taxonomies and their terms, by UUID.
pub struct Vocabulary {
    terms: HashMap<Uuid, Term>,
    taxonomies: HashMap<Uuid, &'static str>,
}

fn add<C: Code>(
    terms: &mut HashMap<Uuid, Term>,
    taxonomies: &mut HashMap<Uuid, &'static str>,
    wrap: fn(C) -> Term,
) {
    taxonomies.insert(vocabulary_uuid(&format!("taxonomy:{}", C::KIND)), C::KIND);
    for &code in C::all() {
        terms.insert(
            vocabulary_uuid(&format!("{}:{}", C::KIND, code.code())),
            wrap(code),
        );
    }
}

fn parse_in(kind: &str, code: &str) -> Option<Term> {
    fn p<C: Code>(code: &str, wrap: fn(C) -> Term) -> Option<Term> {
        C::parse(code).ok().map(wrap)
    }
    match kind {
        k if k == Language::KIND => p(code, Term::Language),
        k if k == Cuisine::KIND => p(code, Term::Cuisine),
        k if k == DietaryLaw::KIND => p(code, Term::Diet),
        k if k == MedicalDiet::KIND => p(code, Term::MedicalDiet),
        k if k == FaithPractice::KIND => p(code, Term::FaithPractice),
        k if k == Service::KIND => p(code, Term::Service),
        k if k == Experience::KIND => p(code, Term::Experience),
        k if k == Community::KIND => p(code, Term::Community),
        k if k == ProviderKind::KIND => p(code, Term::Kind),
        k if k == DeliveryMode::KIND => p(code, Term::Delivery),
        _ => None,
    }
}

impl Vocabulary {
    pub fn new() -> Self {
        let mut terms = HashMap::new();
        let mut taxonomies = HashMap::new();
        add(&mut terms, &mut taxonomies, Term::Language);
        add(&mut terms, &mut taxonomies, Term::Cuisine);
        add(&mut terms, &mut taxonomies, Term::Diet);
        add(&mut terms, &mut taxonomies, Term::MedicalDiet);
        add(&mut terms, &mut taxonomies, Term::FaithPractice);
        add(&mut terms, &mut taxonomies, Term::Service);
        add(&mut terms, &mut taxonomies, Term::Experience);
        add(&mut terms, &mut taxonomies, Term::Community);
        add(&mut terms, &mut taxonomies, Term::Kind);
        add(&mut terms, &mut taxonomies, Term::Delivery);
        Self { terms, taxonomies }
    }

    /// A term by its id, its taxonomy's id or name (`carematch:language`) and its code
    /// (`code`, else `term`).
    pub fn recognise(
        &self,
        term_id: Uuid,
        taxonomy_id: Option<Uuid>,
        taxonomy_name: Option<&str>,
        code: Option<&str>,
    ) -> Recognised {
        if let Some(term) = self.terms.get(&term_id) {
            return Recognised::Term(*term);
        }
        let by_name = || {
            let kind = taxonomy_name?.strip_prefix("carematch:")?;
            self.taxonomies.values().find(|k| **k == kind)
        };
        let Some(kind) = taxonomy_id
            .and_then(|t| self.taxonomies.get(&t))
            .or_else(by_name)
        else {
            return Recognised::Foreign;
        };
        let code = code.unwrap_or_default().trim();
        match parse_in(kind, code) {
            Some(term) => Recognised::Term(term),
            None => Recognised::Unknown {
                kind,
                code: code.to_owned(),
            },
        }
    }
}

impl Default for Vocabulary {
    fn default() -> Self {
        Self::new()
    }
}

/// ISO 639-1 (two letters) and the ISO 639-2/B codes that differ from 639-3, for carematch's
/// languages; a 639-3 code is looked up as it is.
const ISO_639_OTHER: &[(&str, &str)] = &[
    ("en", "eng"),
    ("zh", "zho"),
    ("chi", "zho"),
    ("bn", "ben"),
    ("pa", "pan"),
    ("ur", "urd"),
    ("gu", "guj"),
    ("hi", "hin"),
    ("ta", "tam"),
    ("te", "tel"),
    ("ml", "mal"),
    ("mr", "mar"),
    ("ne", "nep"),
    ("si", "sin"),
    ("ps", "pus"),
    ("fa", "fas"),
    ("per", "fas"),
    ("ku", "kur"),
    ("ar", "ara"),
    ("tr", "tur"),
    ("so", "som"),
    ("am", "amh"),
    ("ti", "tir"),
    ("sw", "swa"),
    ("sn", "sna"),
    ("yo", "yor"),
    ("ig", "ibo"),
    ("tw", "twi"),
    ("pl", "pol"),
    ("ro", "ron"),
    ("rum", "ron"),
    ("lt", "lit"),
    ("lv", "lav"),
    ("bg", "bul"),
    ("hu", "hun"),
    ("sk", "slk"),
    ("slo", "slk"),
    ("cs", "ces"),
    ("cze", "ces"),
    ("sh", "hbs"),
    ("ru", "rus"),
    ("uk", "ukr"),
    ("pt", "por"),
    ("es", "spa"),
    ("it", "ita"),
    ("fr", "fra"),
    ("fre", "fra"),
    ("el", "ell"),
    ("gre", "ell"),
    ("sq", "sqi"),
    ("alb", "sqi"),
    ("vi", "vie"),
    ("tl", "tgl"),
    ("th", "tha"),
    ("ko", "kor"),
    ("ja", "jpn"),
    ("he", "heb"),
    ("yi", "yid"),
    ("cy", "cym"),
    ("wel", "cym"),
    ("ga", "gle"),
];

/// A language by ISO 639 code (639-3, 639-1 or 639-2/B; case and a region suffix such as
/// `-GB` ignored).
pub fn language_by_code(code: &str) -> Option<Language> {
    let code = code.trim().to_ascii_lowercase();
    let base = code.split(['-', '_']).next().unwrap_or_default();
    let three = ISO_639_OTHER
        .iter()
        .find(|(other, _)| *other == base)
        .map_or(base, |(_, three)| three);
    Language::parse(three).ok()
}

/// A language by its English name, autonym or a known alias (case ignored).
pub fn language_by_name(name: &str) -> Option<Language> {
    let name = name.trim();
    Language::ALL.iter().copied().find(|language| {
        language.label_en().eq_ignore_ascii_case(name)
            || language.autonym().is_some_and(|a| a == name)
            || language
                .aliases()
                .iter()
                .any(|alias| alias.eq_ignore_ascii_case(name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_by_any_iso_639_code_or_name() {
        assert_eq!(language_by_code("ur"), Some(Language::Urd));
        assert_eq!(language_by_code("URD"), Some(Language::Urd));
        assert_eq!(language_by_code("yue"), Some(Language::Yue));
        assert_eq!(language_by_code("en-GB"), Some(Language::Eng));
        assert_eq!(language_by_code("wel"), Some(Language::Cym));
        assert_eq!(language_by_code("de"), None);
        assert_eq!(language_by_name("cantonese"), Some(Language::Yue));
        assert_eq!(language_by_name("Sylhetti"), Some(Language::Syl));
        assert_eq!(language_by_name("Klingon"), None);
    }

    #[test]
    fn terms_by_vocabulary_id_or_by_taxonomy_and_code() {
        let vocabulary = Vocabulary::new();
        let halal = vocabulary_uuid("diet:halal");
        assert_eq!(
            vocabulary.recognise(halal, None, None, None),
            Recognised::Term(Term::Diet(DietaryLaw::Halal))
        );
        let services = vocabulary_uuid("taxonomy:service");
        assert_eq!(
            vocabulary.recognise(
                Uuid::from_u128(1),
                Some(services),
                None,
                Some("personal_care")
            ),
            Recognised::Term(Term::Service(Service::PersonalCare))
        );
        assert_eq!(
            vocabulary.recognise(Uuid::from_u128(1), Some(services), None, Some("juggling")),
            Recognised::Unknown {
                kind: "service",
                code: "juggling".into()
            }
        );
        assert_eq!(
            vocabulary.recognise(
                Uuid::from_u128(1),
                Some(Uuid::from_u128(2)),
                None,
                Some("x")
            ),
            Recognised::Foreign
        );
        assert_eq!(
            vocabulary.recognise(
                Uuid::from_u128(1),
                None,
                Some("carematch:diet"),
                Some("vegan")
            ),
            Recognised::Term(Term::Diet(DietaryLaw::Vegan))
        );
    }
}
