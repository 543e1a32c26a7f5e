//! Facet counts of a search: from the text index's collectors, or counted over the engine path's
//! results.

use std::marker::PhantomData;

use carematch_domain::vocabulary::{Code, CodeSet};
use carematch_index::engine::{Facts, doc_kind};
use carematch_index::text;
use carematch_matching::CandidateKind;

use super::{FacetCount, SearchFacets};

/// Most frequent first, ties by code.
fn sorted(mut counts: Vec<FacetCount>) -> Vec<FacetCount> {
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.code.cmp(&b.code)));
    counts
}

/// Records per code of one vocabulary list, by the code's bit in a [`CodeSet`]: a dense city
/// counts 100,000 results with a few codes each, so counting goes to an array and codes are only
/// named once at the end.
struct Tally<T> {
    counts: [u64; 64],
    kind: PhantomData<T>,
}

impl<T: Code> Tally<T> {
    fn new() -> Self {
        Self {
            counts: [0; 64],
            kind: PhantomData,
        }
    }

    fn add(&mut self, set: CodeSet<T>) {
        let mut bits = set.bits();
        while bits != 0 {
            self.counts[bits.trailing_zeros() as usize] += 1;
            bits &= bits - 1;
        }
    }

    fn into_counts(self) -> Vec<FacetCount> {
        sorted(
            T::all()
                .iter()
                .filter_map(|code| {
                    let count = self.counts[usize::from(code.index())];
                    (count > 0).then(|| FacetCount {
                        code: code.code().to_owned(),
                        count,
                    })
                })
                .collect(),
        )
    }
}

/// Facet counts over every result of the engine path, given as kind and facts.
pub(super) fn facets_of<'a>(
    results: impl IntoIterator<Item = (CandidateKind, &'a Facts)>,
) -> SearchFacets {
    let mut carers = 0;
    let mut providers = 0;
    let mut language = Tally::new();
    let mut service = Tally::new();
    let mut cuisine = Tally::new();
    let mut diet = Tally::new();
    for (kind, facts) in results {
        match kind {
            CandidateKind::Carer => carers += 1,
            CandidateKind::Provider => providers += 1,
        }
        language.add(facts.languages);
        service.add(facts.services);
        cuisine.add(facts.cuisines);
        diet.add(facts.diets);
    }
    let kind = [
        (CandidateKind::Carer, carers),
        (CandidateKind::Provider, providers),
    ]
    .into_iter()
    .filter(|(_, count)| *count > 0)
    .map(|(kind, count)| FacetCount {
        code: doc_kind(kind).code().to_owned(),
        count,
    })
    .collect();
    SearchFacets {
        language: language.into_counts(),
        service: service.into_counts(),
        kind: sorted(kind),
        cuisine: cuisine.into_counts(),
        diet: diet.into_counts(),
    }
}

/// The text index's facet counts, as the API gives them.
pub(super) fn text_facets(facets: &text::Facets) -> SearchFacets {
    let convert = |counts: &[(String, u64)]| {
        counts
            .iter()
            .map(|(code, count)| FacetCount {
                code: code.clone(),
                count: *count,
            })
            .collect()
    };
    SearchFacets {
        language: convert(&facets.language),
        service: convert(&facets.service),
        kind: convert(&facets.kind),
        cuisine: convert(&facets.cuisine),
        diet: convert(&facets.diet),
    }
}

#[cfg(test)]
mod tests {
    use carematch_domain::vocabulary::{Cuisine, Language, Service};

    use super::*;

    fn facts(languages: &[Language], services: &[Service]) -> Facts {
        Facts {
            languages: languages.iter().copied().collect(),
            services: services.iter().copied().collect(),
            ..Facts::default()
        }
    }

    fn codes(counts: &[FacetCount]) -> Vec<(&str, u64)> {
        counts.iter().map(|c| (c.code.as_str(), c.count)).collect()
    }

    #[test]
    fn counts_every_code_most_frequent_first_ties_by_code() {
        let a = facts(&[Language::Yue, Language::Eng], &[Service::PersonalCare]);
        let b = facts(&[Language::Eng], &[]);
        let c = facts(&[Language::Urd], &[]);
        let facets = facets_of([
            (CandidateKind::Carer, &a),
            (CandidateKind::Carer, &b),
            (CandidateKind::Provider, &c),
        ]);
        assert_eq!(
            codes(&facets.language),
            [("eng", 2), ("urd", 1), ("yue", 1)]
        );
        assert_eq!(codes(&facets.service), [("personal_care", 1)]);
        assert_eq!(codes(&facets.kind), [("carer", 2), ("provider", 1)]);
        assert!(facets.cuisine.is_empty() && facets.diet.is_empty());
    }

    #[test]
    fn a_tally_names_each_bit_as_its_code() {
        let mut tally = Tally::<Cuisine>::new();
        for cuisine in Cuisine::all() {
            tally.add([*cuisine].into_iter().collect());
        }
        let counts = tally.into_counts();
        assert_eq!(counts.len(), Cuisine::all().len());
        assert!(counts.iter().all(|c| c.count == 1));
        let mut names: Vec<&str> = Cuisine::all().iter().map(|c| c.code()).collect();
        names.sort_unstable();
        assert_eq!(
            counts.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(),
            names
        );
    }
}
