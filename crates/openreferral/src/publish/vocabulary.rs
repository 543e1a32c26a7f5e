//! carematch's vocabulary as Open Referral taxonomies: one taxonomy per code list a provider is
//! described by, one term per code. Ids are name-based ([`vocabulary_uuid`]), so every
//! carematch deployment publishes the same ids and a council directory can filter on them
//! across deployments.

use std::collections::HashMap;
use std::sync::OnceLock;

use carematch_domain::provenance::vocabulary_uuid;
use carematch_domain::vocabulary::{
    Code, Community, Cuisine, DeliveryMode, DietaryLaw, Experience, FaithPractice, Language,
    MedicalDiet, ProviderKind, Service, VOCABULARY_VERSION,
};
use uuid::Uuid;

use crate::model::{Taxonomy, TaxonomyTerm};

/// One published code list: its name in carematch and a description for directories.
struct List {
    kind: &'static str,
    title: &'static str,
    terms: Vec<TermSource>,
}

struct TermSource {
    code: &'static str,
    label: &'static str,
    autonym: Option<&'static str>,
}

fn list<T: Code>(title: &'static str) -> List {
    List {
        kind: T::KIND,
        title,
        terms: T::all()
            .iter()
            .map(|c| TermSource {
                code: c.code(),
                label: c.label_en(),
                autonym: c.autonym(),
            })
            .collect(),
    }
}

/// The code lists published, in the order taxonomies are listed. Faith (a special category of
/// personal data) and the carers' own lists (gender, travel, employment) are not published:
/// providers are not described by them.
fn lists() -> Vec<List> {
    vec![
        list::<Language>("Languages staff speak (ISO 639-3)"),
        list::<Cuisine>("Cuisines the provider cooks"),
        list::<DietaryLaw>("Dietary laws kept in preparing food"),
        list::<MedicalDiet>("Medical and texture diets catered for"),
        list::<FaithPractice>("Faith practices understood and supported"),
        list::<Service>("Services (tasks) offered"),
        list::<Experience>("Experience of conditions and impairments"),
        list::<Community>("Communities served (focused but not excluding)"),
        list::<ProviderKind>("Kind of organisation"),
        list::<DeliveryMode>("How the service is delivered"),
    ]
}

/// The id of the taxonomy of a code list (`language`).
pub fn taxonomy_id(kind: &str) -> Uuid {
    vocabulary_uuid(&format!("taxonomy:{kind}"))
}

/// The id of a term (`language`, `yue`).
pub fn term_id(kind: &str, code: &str) -> Uuid {
    vocabulary_uuid(&format!("{kind}:{code}"))
}

/// A taxonomy's published name: `carematch:` and the code list's name.
pub fn taxonomy_name(kind: &str) -> String {
    format!("carematch:{kind}")
}

/// Every taxonomy with its terms, and an index from term id to (list, code).
#[derive(Debug)]
pub struct Vocabulary {
    pub taxonomies: Vec<Taxonomy>,
    terms: HashMap<Uuid, (usize, usize)>,
}

impl Vocabulary {
    /// Built once per process: the vocabulary is compiled in.
    pub fn get() -> &'static Vocabulary {
        static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
        VOCABULARY.get_or_init(Self::build)
    }

    fn build() -> Self {
        let mut terms = HashMap::new();
        let taxonomies = lists()
            .into_iter()
            .enumerate()
            .map(|(t, list)| {
                let id = taxonomy_id(list.kind);
                let name = taxonomy_name(list.kind);
                let taxonomy_terms = list
                    .terms
                    .iter()
                    .enumerate()
                    .map(|(i, source)| {
                        let term = TaxonomyTerm {
                            id: term_id(list.kind, source.code),
                            name: source.label.to_owned(),
                            description: match source.autonym {
                                Some(autonym) => format!("{} ({autonym})", source.label),
                                None => source.label.to_owned(),
                            },
                            parent_id: None,
                            taxonomy: Some(name.clone()),
                            taxonomy_id: Some(id),
                            term_uri: None,
                            term: Some(source.code.to_owned()),
                            code: Some(source.code.to_owned()),
                        };
                        terms.insert(term.id, (t, i));
                        term
                    })
                    .collect();
                Taxonomy {
                    id,
                    name,
                    description: list.title.to_owned(),
                    uri: None,
                    version: Some(VOCABULARY_VERSION.to_owned()),
                    taxonomy_terms,
                }
            })
            .collect();
        Self { taxonomies, terms }
    }

    /// A term by id.
    pub fn term(&self, id: Uuid) -> Option<&TaxonomyTerm> {
        let (t, i) = self.terms.get(&id)?;
        self.taxonomies.get(*t)?.taxonomy_terms.get(*i)
    }

    /// A taxonomy by id.
    pub fn taxonomy(&self, id: Uuid) -> Option<&Taxonomy> {
        self.taxonomies.iter().find(|t| t.id == id)
    }

    /// Every term, taxonomy by taxonomy.
    pub fn terms(&self) -> impl Iterator<Item = &TaxonomyTerm> {
        self.taxonomies.iter().flat_map(|t| t.taxonomy_terms.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_found_by_its_id_and_ids_are_unique() {
        let v = Vocabulary::get();
        let all: Vec<_> = v.terms().collect();
        assert_eq!(all.len(), v.terms.len(), "term ids are unique");
        let urdu = v
            .term(term_id("language", "urd"))
            .expect("Urdu is published");
        assert_eq!(urdu.term.as_deref(), Some("urd"));
        assert_eq!(urdu.taxonomy_id, Some(taxonomy_id("language")));
        assert_eq!(urdu.id, vocabulary_uuid("language:urd"));
        assert!(
            v.taxonomy(taxonomy_id("faith")).is_none(),
            "faith is not published"
        );
    }
}
