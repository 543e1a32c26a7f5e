//! A text search limited to a set of records (`TextIndex::search_among`): every member that
//! matches, scored as the unlimited search scores it, however many non-members match and
//! outscore them.

use std::collections::BTreeSet;
use std::error::Error;

use carematch_domain::vocabulary::Language;
use carematch_index::text::{DocKind, Members, SearchQuery, TextIndex};

use crate::text::fixtures::{carer, provider};

type TestResult = Result<(), Box<dyn Error>>;

/// Members with the word: more than the national search's deepest page (11,000 hits).
const MEMBERS: i64 = 11_500;
/// Non-members with the word three times: each outscores every member.
const OUTSIDERS: i64 = 3_000;

fn with_bio(id: i64, bio: &str) -> carematch_domain::Carer {
    let mut c = carer(id, "Ann", "Smith", &[Language::Eng]);
    c.details.bio = bio.to_owned();
    c
}

/// Members `1..=MEMBERS` (a modest bio with the word), outsiders after them (the word three
/// times), a few records without the word; in several commits, so in several segments.
fn directory() -> Result<TextIndex, Box<dyn Error>> {
    let index = TextIndex::in_ram()?;
    for id in 1..=MEMBERS {
        index.upsert_carer(&with_bio(
            id,
            "dementia care, shopping and visits to the park",
        ))?;
        if id % 4_000 == 0 {
            index.commit(id)?;
        }
    }
    for id in MEMBERS + 1..=MEMBERS + OUTSIDERS {
        index.upsert_carer(&with_bio(id, "dementia dementia dementia"))?;
    }
    for id in MEMBERS + OUTSIDERS + 1..=MEMBERS + OUTSIDERS + 50 {
        index.upsert_carer(&with_bio(id, "shopping and visits"))?;
    }
    // A provider with a carer's id: kinds are told apart.
    let mut home = provider(7, "Dementia Friends Home", &[Language::Eng]);
    home.details.description = "Day care".to_owned();
    index.upsert_provider(&home)?;
    index.commit(1_000_000)?;
    Ok(index)
}

#[test]
fn every_matching_member_is_found_however_many_outsiders_outscore_them() -> TestResult {
    let index = directory()?;
    let national = index.search(&SearchQuery {
        q: Some("dementia".into()),
        limit: 5,
        ..SearchQuery::default()
    })?;
    assert_eq!(national.total as i64, MEMBERS + OUTSIDERS + 1);

    let mut records: Vec<(DocKind, i64)> = (1..=MEMBERS).map(|id| (DocKind::Carer, id)).collect();
    // Members without the word, one outsider and the provider.
    records.extend(
        (MEMBERS + OUTSIDERS + 1..=MEMBERS + OUTSIDERS + 10).map(|id| (DocKind::Carer, id)),
    );
    records.push((DocKind::Carer, MEMBERS + 1));
    records.push((DocKind::Provider, 7));
    let members = Members::new(&records);
    let found = index.search_among(&index.searcher(), "dementia", &members)?;
    assert!(found.matched_all_terms);
    let hits: Vec<(DocKind, i64)> = found
        .hits
        .iter()
        .map(|hit| records[hit.position as usize])
        .collect();
    let distinct: BTreeSet<(DocKind, i64)> = hits.iter().copied().collect();
    assert_eq!(hits.len(), distinct.len(), "no record twice");
    let mut expected: BTreeSet<(DocKind, i64)> =
        (1..=MEMBERS).map(|id| (DocKind::Carer, id)).collect();
    expected.insert((DocKind::Carer, MEMBERS + 1));
    expected.insert((DocKind::Provider, 7));
    assert_eq!(distinct, expected);

    // Scores are the unlimited search's: the outsider (the first carer the national search
    // ranks, after the provider with the word in its name) scores what it scores there.
    let best = national
        .hits
        .iter()
        .find(|hit| hit.kind == DocKind::Carer && hit.id == MEMBERS + 1)
        .ok_or("the outsider ranks high nationally")?
        .score;
    let outsider = found
        .hits
        .iter()
        .find(|hit| records[hit.position as usize] == (DocKind::Carer, MEMBERS + 1))
        .ok_or("the outsider member")?;
    assert_eq!(outsider.score, best);
    assert!(
        found
            .hits
            .iter()
            .map(|hit| (records[hit.position as usize], hit.score))
            .filter(|((kind, id), _)| *kind == DocKind::Carer && *id <= MEMBERS)
            .all(|(_, score)| score < best)
    );
    Ok(())
}

#[test]
fn replaced_and_deleted_records_count_once_or_not_at_all() -> TestResult {
    let index = directory()?;
    // Carer 5 loses the word, carer 6 is written again unchanged, carer 8 is deleted.
    index.upsert_carer(&with_bio(5, "shopping"))?;
    index.upsert_carer(&with_bio(
        6,
        "dementia care, shopping and visits to the park",
    ))?;
    index.delete(DocKind::Carer, 8)?;
    index.commit(1_000_001)?;
    let records: Vec<(DocKind, i64)> = (1..=10).map(|id| (DocKind::Carer, id)).collect();
    let found = index.search_among(&index.searcher(), "dementia", &Members::new(&records))?;
    let mut ids: Vec<i64> = found
        .hits
        .iter()
        .map(|hit| records[hit.position as usize].1)
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, [1, 2, 3, 4, 6, 7, 9, 10]);
    Ok(())
}

#[test]
fn several_terms_fall_back_to_any_term_among_members_only() -> TestResult {
    let index = directory()?;
    let records = [
        (DocKind::Carer, 1),
        (DocKind::Carer, MEMBERS + OUTSIDERS + 1),
    ];
    let members = Members::new(&records);
    let both = index.search_among(&index.searcher(), "dementia shopping", &members)?;
    assert!(both.matched_all_terms);
    assert_eq!(both.hits.len(), 1);
    // No member has "zzyzx": either word will do, still only among members.
    let either = index.search_among(&index.searcher(), "shopping zzyzx", &members)?;
    assert!(!either.matched_all_terms);
    assert_eq!(either.hits.len(), 2);
    // A blank query: every indexed member.
    assert_eq!(
        index
            .search_among(&index.searcher(), "  ", &members)?
            .hits
            .len(),
        2
    );
    assert!(
        index
            .search_among(&index.searcher(), "dementia", &Members::new(&[]))?
            .hits
            .is_empty()
    );
    Ok(())
}

/// Words of the random bios and names, with misspellings one or two edits away (fuzzy matches)
/// and words that share no letters with the others.
const WORDS: [&str; 12] = [
    "dementia",
    "dementa",
    "shopping",
    "shoping",
    "care",
    "halal",
    "urdu",
    "garden",
    "visits",
    "personal",
    "personnal",
    "park",
];
const GIVEN_NAMES: [&str; 5] = ["Ann", "Care", "Halal", "Mei", "Garden"];

/// Queries of one, two and three terms, exact and misspelt, some matching nobody with every
/// term (the any-term fallback).
const QUERIES: [&str; 12] = [
    "dementia",
    "shoping",
    "care",
    "urdu",
    "dementia care",
    "halal urdu",
    "personal dementa",
    "garden zzyzx",
    "zzyzx qqq",
    "care visits halal",
    "park garden visits zzyzx",
    "",
];

/// A random directory: carers with bios of repeated words in several segments, some written
/// again or deleted after their segment was committed.
fn random_directory(
    rng: &mut carematch_testkit::Rng,
    records: i64,
) -> Result<TextIndex, Box<dyn Error>> {
    let index = TextIndex::in_ram()?;
    let bio = |rng: &mut carematch_testkit::Rng| {
        let words: Vec<&str> = (0..1 + rng.below(8)).map(|_| rng.pick(&WORDS)).collect();
        words.join(" ")
    };
    for id in 1..=records {
        let mut c = carer(id, rng.pick(&GIVEN_NAMES), "Smith", &[Language::Eng]);
        c.details.bio = bio(rng);
        index.upsert_carer(&c)?;
        if id % 150 == 0 {
            index.commit(id)?;
        }
    }
    index.commit(records)?;
    for _ in 0..40 {
        let id = 1 + rng.below(records as usize) as i64;
        if rng.chance(0.5) {
            index.delete(DocKind::Carer, id)?;
        } else {
            let mut c = carer(id, rng.pick(&GIVEN_NAMES), "Smith", &[Language::Eng]);
            c.details.bio = bio(rng);
            index.upsert_carer(&c)?;
        }
    }
    index.commit(records + 1)?;
    Ok(index)
}

#[test]
fn members_score_what_the_unlimited_search_scores_bit_for_bit() -> TestResult {
    let records = 600;
    for seed in 1..=3 {
        let mut rng = carematch_testkit::Rng::new(seed);
        let index = random_directory(&mut rng, records)?;
        // About half the records, a few ids that were never written, in random order.
        let mut members: Vec<(DocKind, i64)> = (1..=records + 20)
            .filter(|_| rng.chance(0.5))
            .map(|id| (DocKind::Carer, id))
            .collect();
        for i in (1..members.len()).rev() {
            members.swap(i, rng.below(i + 1));
        }
        let set = Members::new(&members);
        for q in QUERIES {
            let national = index.search(&SearchQuery {
                q: Some(q.into()),
                limit: carematch_index::text::MAX_LIMIT,
                ..SearchQuery::default()
            })?;
            assert!(
                national.total < carematch_index::text::MAX_LIMIT,
                "every hit on one page"
            );
            let wanted: BTreeSet<(DocKind, i64)> = members.iter().copied().collect();
            let expected: Vec<((DocKind, i64), u32)> = {
                let mut hits: Vec<_> = national
                    .hits
                    .iter()
                    .filter(|hit| wanted.contains(&(hit.kind, hit.id)))
                    .map(|hit| ((hit.kind, hit.id), hit.score.to_bits()))
                    .collect();
                hits.sort_unstable();
                hits
            };
            let found = index.search_among(&index.searcher(), q, &set)?;
            let mut got: Vec<((DocKind, i64), u32)> = found
                .hits
                .iter()
                .map(|hit| (members[hit.position as usize], hit.score.to_bits()))
                .collect();
            got.sort_unstable();
            assert_eq!(got, expected, "seed {seed}, {q:?}");
            if !expected.is_empty() {
                assert_eq!(
                    found.matched_all_terms, national.matched_all_terms,
                    "seed {seed}, {q:?}"
                );
            }
        }
    }
    Ok(())
}
