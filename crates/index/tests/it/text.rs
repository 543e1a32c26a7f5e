//! The text index: multilingual search, vocabulary expansion, filters, facets, lifecycle. One
//! file of cases over one shared fixture set; each test reads on its own.

use std::error::Error;

use carematch_domain::vocabulary::{
    Community, Cuisine, DietaryLaw, FaithPractice, Language, ProviderKind, Service,
};
use carematch_index::text::{
    DocKind, Filters, Hit, OpenState, SCHEMA_VERSION, SearchQuery, SearchResults, TextIndex,
};

use self::fixtures::{carer, provider};

type TestResult = Result<(), Box<dyn Error>>;

/// Small hand-built records.
pub(crate) mod fixtures {
    use carematch_domain::vocabulary::{
        EmploymentStatus, Gender, Language, Proficiency, ProviderKind, Service, TravelMode,
    };
    use carematch_domain::{
        AgencyId, Carer, CarerDetails, CarerId, Contact, GeoPoint, Km, LanguageSkill, Postcode,
        Provider, ProviderDetails, ProviderId, RatePence, ServiceArea,
    };

    fn postcode() -> Postcode {
        Postcode::parse("LE1 5WW").expect("a valid postcode")
    }

    fn leicester() -> GeoPoint {
        GeoPoint::new(52.6369, -1.1398).expect("a valid point")
    }

    fn km(km: f64) -> Km {
        Km::new(km).expect("a valid distance")
    }

    /// A consenting carer of agency 1 who speaks `languages` natively and offers personal care.
    pub fn carer(id: i64, given_name: &str, family_name: &str, languages: &[Language]) -> Carer {
        Carer {
            id: CarerId(id),
            agency_id: AgencyId(1),
            details: CarerDetails {
                given_name: given_name.to_owned(),
                family_name: family_name.to_owned(),
                gender: Gender::Female,
                languages: languages
                    .iter()
                    .map(|&code| LanguageSkill {
                        code,
                        proficiency: Proficiency::Native,
                        reads: true,
                        writes: false,
                    })
                    .collect(),
                cuisines: Vec::new(),
                dietary_laws: Vec::new(),
                faith: None,
                faith_public_consent: false,
                ethnicity: None,
                ethnicity_consent: false,
                medical_diets: Vec::new(),
                lgbt_inclusive: false,
                accepting_new_clients: true,
                accepting_confirmed_on: None,
                faith_practices: Vec::new(),
                services: vec![Service::PersonalCare],
                experience: Vec::new(),
                checks: Vec::new(),
                availability: Vec::new(),
                hours_per_week: 16,
                available_from: Default::default(),
                postcode: postcode(),
                travel_radius_km: km(10.0),
                travel_mode: TravelMode::PublicTransport,
                hourly_rate: RatePence::new(1500).expect("a valid rate"),
                employment_status: EmploymentStatus::SelfEmployed,
                public_listing_consent: true,
                last_confirmed_on: Default::default(),
                bio: String::new(),
                contact: Contact {
                    phone: Some("0116 496 0123".to_owned()),
                    email: Some(format!("{}@example.org", family_name.to_lowercase())),
                    website: None,
                },
                external_ref: None,
            },
            location: leicester(),
            version: 1,
            created_at: Default::default(),
            updated_at: Default::default(),
            listing: Default::default(),
        }
    }

    /// A luncheon club with no agency.
    pub fn provider(id: i64, name: &str, staff_languages: &[Language]) -> Provider {
        Provider {
            id: ProviderId(id),
            agency_id: None,
            details: ProviderDetails {
                name: name.to_owned(),
                kind: ProviderKind::LuncheonClub,
                description: String::new(),
                communities: Vec::new(),
                staff_languages: staff_languages.to_vec(),
                cuisines: Vec::new(),
                dietary_laws: Vec::new(),
                faith_practices: Vec::new(),
                services: vec![Service::LuncheonClub],
                experience: Vec::new(),
                postcode: postcode(),
                service_area: ServiceArea::Radius { km: km(5.0) },
                accepting_new_clients: true,
                accepting_confirmed_on: Default::default(),
                medical_diets: Vec::new(),
                lgbt_inclusive: false,
                delivery_modes: vec![carematch_domain::vocabulary::DeliveryMode::InPerson],
                checks: Vec::new(),
                contact: Contact::default(),
                self_referral: true,
                hourly_rate: None,
                opening_hours: Vec::new(),
                last_confirmed_on: Default::default(),
                external_ref: None,
            },
            location: leicester(),
            version: 1,
            created_at: Default::default(),
            updated_at: Default::default(),
            listing: Default::default(),
            organisation_id: None,
        }
    }
}

fn text(q: &str) -> SearchQuery {
    SearchQuery {
        q: Some(q.to_owned()),
        ..SearchQuery::default()
    }
}

fn filtered(filters: Filters) -> SearchQuery {
    SearchQuery {
        filters,
        ..SearchQuery::default()
    }
}

/// The hits as `(kind, id)`, sorted, so tests do not depend on score ties.
fn found(results: &SearchResults) -> Vec<(DocKind, i64)> {
    let mut found: Vec<(DocKind, i64)> = results
        .hits
        .iter()
        .map(|&Hit { kind, id, .. }| (kind, id))
        .collect();
    found.sort();
    found
}

fn carers(ids: &[i64]) -> Vec<(DocKind, i64)> {
    ids.iter().map(|&id| (DocKind::Carer, id)).collect()
}

/// A small directory: Cantonese, Mandarin, Bengali, Punjabi and Urdu speakers and two providers.
fn directory() -> Result<TextIndex, Box<dyn Error>> {
    let index = TextIndex::in_ram()?;

    let mut mei = carer(1, "Mei", "Lamberton", &[Language::Yue, Language::Eng]);
    mei.details.cuisines = vec![Cuisine::Cantonese];
    mei.details.services = vec![Service::PersonalCare, Service::MealPreparation];
    mei.details.bio = "我會煮廣東菜，也可以陪你去飲茶。".to_owned();
    index.upsert_carer(&mei)?;

    let mut li = carer(2, "Li", "Zhang", &[Language::Cmn]);
    li.details.cuisines = vec![Cuisine::NorthChinese];
    li.details.bio = "我会做饺子和面条。".to_owned();
    index.upsert_carer(&li)?;

    let mut rahima = carer(3, "Rahima", "Begum", &[Language::Syl, Language::Ben]);
    rahima.details.cuisines = vec![Cuisine::Bengali];
    rahima.details.dietary_laws = vec![DietaryLaw::Halal];
    rahima.details.faith_practices = vec![FaithPractice::PrayerTimes, FaithPractice::Fasting];
    rahima.details.services = vec![Service::PersonalCare, Service::MealPreparation];
    rahima.details.bio = "আমি বাংলায় কথা বলি এবং রান্না করতে ভালোবাসি।".to_owned();
    index.upsert_carer(&rahima)?;

    let mut harpreet = carer(4, "Harpreet", "Kaur", &[Language::Pan]);
    harpreet.details.cuisines = vec![Cuisine::Punjabi];
    harpreet.details.dietary_laws = vec![DietaryLaw::Vegetarian];
    harpreet.details.bio = "ਮੈਂ ਪੰਜਾਬੀ ਬੋਲਦੀ ਹਾਂ".to_owned();
    index.upsert_carer(&harpreet)?;

    let mut ayesha = carer(5, "Ayesha", "Siddiqui", &[Language::Urd]);
    ayesha.agency_id = carematch_domain::AgencyId(2);
    ayesha.details.cuisines = vec![Cuisine::Pakistani];
    ayesha.details.dietary_laws = vec![DietaryLaw::Halal];
    ayesha.details.bio = "میں اردو بولتی ہوں اور کھانا پکاتی ہوں".to_owned();
    ayesha.details.public_listing_consent = false;
    index.upsert_carer(&ayesha)?;

    let mut wah_sum = provider(
        10,
        "Liverpool Chinese Luncheon Club",
        &[Language::Yue, Language::Hak],
    );
    wah_sum.details.communities = vec![Community::Chinese];
    wah_sum.details.cuisines = vec![Cuisine::Cantonese];
    wah_sum.details.description = "Hot lunches and mahjong every Tuesday.".to_owned();
    index.upsert_provider(&wah_sum)?;

    let mut apna_ghar = provider(11, "Apna Ghar Day Centre", &[Language::Pan, Language::Urd]);
    apna_ghar.details.kind = ProviderKind::DayService;
    apna_ghar.details.dietary_laws = vec![DietaryLaw::Halal, DietaryLaw::Vegetarian];
    apna_ghar.details.services = vec![Service::DayActivities, Service::MealPreparation];
    index.upsert_provider(&apna_ghar)?;

    index.commit(7)?;
    Ok(index)
}

#[test]
fn cantonese_by_code_label_autonym_or_alias_not_mandarin() -> TestResult {
    let index = directory()?;
    for q in [
        "Cantonese",
        "cantonese",
        "yue",
        "廣東話",
        "粵語",
        "粤语",
        "Guangdonghua",
    ] {
        let carers_found: Vec<_> = found(&index.search(&text(q))?)
            .into_iter()
            .filter(|(kind, _)| *kind == DocKind::Carer)
            .collect();
        assert_eq!(carers_found, carers(&[1]), "query {q}");
    }
    let mandarin = found(&index.search(&text("Mandarin"))?);
    assert_eq!(mandarin, carers(&[2]));
    let mandarin = found(&index.search(&text("普通話"))?);
    assert_eq!(mandarin, carers(&[2]));
    Ok(())
}

#[test]
fn halal_finds_halal_cooks() -> TestResult {
    let index = directory()?;
    let results = index.search(&text("halal"))?;
    assert_eq!(
        found(&results),
        [
            (DocKind::Carer, 3),
            (DocKind::Carer, 5),
            (DocKind::Provider, 11)
        ]
    );
    assert!(results.matched_all_terms);
    Ok(())
}

#[test]
fn words_from_bios_in_many_scripts_are_found() -> TestResult {
    let index = directory()?;
    assert_eq!(found(&index.search(&text("বাংলায়"))?), carers(&[3]));
    assert_eq!(found(&index.search(&text("রান্না"))?), carers(&[3]));
    assert_eq!(found(&index.search(&text("ਪੰਜਾਬੀ ਬੋਲਦੀ"))?), carers(&[4]));
    assert_eq!(found(&index.search(&text("بولتی"))?), carers(&[5]));
    assert_eq!(found(&index.search(&text("廣東菜"))?), carers(&[1]));
    assert_eq!(found(&index.search(&text("飲茶"))?), carers(&[1]));
    assert_eq!(found(&index.search(&text("饺子"))?), carers(&[2]));
    Ok(())
}

#[test]
fn misspelt_words_are_found_fuzzily() -> TestResult {
    let index = directory()?;
    assert_eq!(
        found(&index.search(&text("Liverpol"))?),
        [(DocKind::Provider, 10)]
    );
    assert_eq!(
        found(&index.search(&text("Liverpol luncheon"))?),
        [(DocKind::Provider, 10)]
    );
    // One edit in a 5-letter word, none in a short one.
    assert_eq!(found(&index.search(&text("hallal"))?).len(), 3);
    assert_eq!(found(&index.search(&text("yeu"))?), []);
    Ok(())
}

#[test]
fn exact_matches_outrank_fuzzy_ones() -> TestResult {
    let index = TextIndex::in_ram()?;
    index.upsert_provider(&provider(1, "Carers Centre", &[Language::Eng]))?;
    index.upsert_provider(&provider(2, "Cares Centre", &[Language::Eng]))?;
    index.commit(1)?;
    let results = index.search(&text("cares"))?;
    assert_eq!(results.hits.len(), 2);
    assert_eq!(results.hits[0].id, 2);
    assert!(results.hits[0].score > results.hits[1].score);
    Ok(())
}

#[test]
fn all_terms_must_match_with_a_documented_fallback_to_any() -> TestResult {
    let index = directory()?;
    let both = index.search(&text("halal Bengali"))?;
    assert_eq!(found(&both), carers(&[3]));
    assert!(both.matched_all_terms);

    let neither_has_both = index.search(&text("Mandarin halal"))?;
    assert!(!neither_has_both.matched_all_terms);
    assert_eq!(
        found(&neither_has_both),
        [
            (DocKind::Carer, 2),
            (DocKind::Carer, 3),
            (DocKind::Carer, 5),
            (DocKind::Provider, 11)
        ]
    );
    Ok(())
}

#[test]
fn filters_and_together() -> TestResult {
    let index = directory()?;
    let halal_meals = index.search(&filtered(Filters {
        diets: vec![DietaryLaw::Halal],
        services: vec![Service::MealPreparation],
        ..Filters::default()
    }))?;
    assert_eq!(
        found(&halal_meals),
        [(DocKind::Carer, 3), (DocKind::Provider, 11)]
    );

    let halal_meal_carers = index.search(&filtered(Filters {
        kind: Some(DocKind::Carer),
        diets: vec![DietaryLaw::Halal],
        services: vec![Service::MealPreparation],
        ..Filters::default()
    }))?;
    assert_eq!(found(&halal_meal_carers), carers(&[3]));

    let two_languages = index.search(&filtered(Filters {
        languages: vec![Language::Syl, Language::Ben],
        faith_practices: vec![FaithPractice::Fasting],
        ..Filters::default()
    }))?;
    assert_eq!(found(&two_languages), carers(&[3]));

    let none = index.search(&filtered(Filters {
        languages: vec![Language::Yue, Language::Cmn],
        ..Filters::default()
    }))?;
    assert_eq!(none.total, 0);

    let agency_two = index.search(&filtered(Filters {
        agency: Some(2),
        ..Filters::default()
    }))?;
    assert_eq!(found(&agency_two), carers(&[5]));

    let text_and_filter = index.search(&SearchQuery {
        q: Some("Cantonese".to_owned()),
        filters: Filters {
            kind: Some(DocKind::Provider),
            ..Filters::default()
        },
        ..SearchQuery::default()
    })?;
    assert_eq!(found(&text_and_filter), [(DocKind::Provider, 10)]);
    Ok(())
}

#[test]
fn facet_counts_are_over_the_filtered_results() -> TestResult {
    let index = directory()?;
    let everything = index.search(&SearchQuery::default())?;
    assert_eq!(everything.total, 7);
    assert_eq!(
        everything.facets.kind,
        [("carer".to_owned(), 5), ("provider".to_owned(), 2)]
    );
    assert_eq!(
        everything.facets.diet,
        [("halal".to_owned(), 3), ("vegetarian".to_owned(), 2)]
    );

    let halal = index.search(&filtered(Filters {
        diets: vec![DietaryLaw::Halal],
        ..Filters::default()
    }))?;
    assert_eq!(halal.total, 3);
    assert_eq!(
        halal.facets.kind,
        [("carer".to_owned(), 2), ("provider".to_owned(), 1)]
    );
    assert_eq!(
        halal.facets.language,
        [
            ("urd".to_owned(), 2),
            ("ben".to_owned(), 1),
            ("pan".to_owned(), 1),
            ("syl".to_owned(), 1)
        ]
    );
    assert_eq!(
        halal.facets.service,
        [
            ("meal_preparation".to_owned(), 2),
            ("personal_care".to_owned(), 2),
            ("day_activities".to_owned(), 1)
        ]
    );
    assert_eq!(
        halal.facets.cuisine,
        [("bengali".to_owned(), 1), ("pakistani".to_owned(), 1)]
    );
    assert_eq!(
        halal.facets.faith_practice,
        [("fasting".to_owned(), 1), ("prayer_times".to_owned(), 1)]
    );

    let public_halal = index.search(&SearchQuery {
        q: Some("halal".to_owned()),
        filters: Filters {
            public_only: true,
            ..Filters::default()
        },
        ..SearchQuery::default()
    })?;
    assert_eq!(public_halal.total, 2);
    assert_eq!(
        public_halal.facets.language,
        [
            ("ben".to_owned(), 1),
            ("pan".to_owned(), 1),
            ("syl".to_owned(), 1),
            ("urd".to_owned(), 1)
        ]
    );
    Ok(())
}

#[test]
fn pages_and_counts() -> TestResult {
    let index = directory()?;
    let first = index.search(&SearchQuery {
        limit: 3,
        ..SearchQuery::default()
    })?;
    let rest = index.search(&SearchQuery {
        limit: 10,
        offset: 3,
        ..SearchQuery::default()
    })?;
    assert_eq!((first.hits.len(), first.total), (3, 7));
    assert_eq!((rest.hits.len(), rest.total), (4, 7));
    let mut all: Vec<_> = first
        .hits
        .iter()
        .chain(&rest.hits)
        .map(|h| (h.kind, h.id))
        .collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 7);

    let counts_only = index.search(&SearchQuery {
        q: Some("halal".to_owned()),
        limit: 0,
        ..SearchQuery::default()
    })?;
    assert!(counts_only.hits.is_empty());
    assert_eq!(counts_only.total, 3);
    Ok(())
}

#[test]
fn upsert_replaces_and_delete_removes() -> TestResult {
    let index = directory()?;
    let mut mei = carer(1, "Mei", "Lamberton", &[Language::Yue]);
    mei.details.bio = "Now also cooks dim sum.".to_owned();
    index.upsert_carer(&mei)?;
    index.upsert_carer(&mei)?;
    // Not visible before the commit.
    assert_eq!(found(&index.search(&text("dim sum"))?), []);
    index.commit(8)?;

    assert_eq!(index.num_docs(), 7);
    assert_eq!(found(&index.search(&text("dim sum"))?), carers(&[1]));
    assert_eq!(
        found(&index.search(&text("飲茶"))?),
        [],
        "the old bio is gone"
    );
    let mei_hits = index.search(&text("Mei"))?;
    assert_eq!(found(&mei_hits), carers(&[1]), "no duplicate");

    index.delete(DocKind::Carer, 1)?;
    index.delete(DocKind::Provider, 999)?;
    index.commit(9)?;
    assert_eq!(index.num_docs(), 6);
    assert_eq!(found(&index.search(&text("Mei"))?), []);
    // Same id, other kind: untouched.
    index.delete(DocKind::Provider, 2)?;
    index.commit(10)?;
    assert_eq!(found(&index.search(&text("Mandarin"))?), carers(&[2]));
    assert_eq!(index.last_seq()?, 10);
    Ok(())
}

#[test]
fn non_consenting_carers_are_left_out_of_public_search() -> TestResult {
    let index = directory()?;
    let public = SearchQuery {
        q: Some("Urdu".to_owned()),
        filters: Filters {
            public_only: true,
            ..Filters::default()
        },
        ..SearchQuery::default()
    };
    assert_eq!(found(&index.search(&public)?), [(DocKind::Provider, 11)]);
    // Their agency still finds them.
    let agency = SearchQuery {
        q: Some("Urdu".to_owned()),
        filters: Filters {
            agency: Some(2),
            ..Filters::default()
        },
        ..SearchQuery::default()
    };
    assert_eq!(found(&index.search(&agency)?), carers(&[5]));
    Ok(())
}

#[test]
fn only_the_public_display_name_is_searchable() -> TestResult {
    let index = directory()?;
    assert_eq!(found(&index.search(&text("Mei"))?), carers(&[1]));
    for private in [
        "Lamberton",
        "lamberton@example.org",
        "0116 496 0123",
        "LE1 5WW",
        "LE1",
    ] {
        let results = index.search(&text(private))?;
        assert_eq!(found(&results), [], "{private} must not be searchable");
    }
    Ok(())
}

#[test]
fn any_user_string_is_safe() -> TestResult {
    let index = directory()?;
    let long = "Cantonese ".repeat(10_000);
    let odd = [
        "",
        "   ",
        "AND OR NOT",
        "name:Mei",
        "\"unterminated",
        "(((",
        "*",
        "a^2",
        "[1 TO 2]",
        "-halal",
        "🙂",
        "\0",
        "\u{0301}",
        long.as_str(),
    ];
    for q in odd {
        let results = index.search(&text(q))?;
        assert!(results.total <= 7, "{q:.20}");
    }
    let deep = index.search(&SearchQuery {
        limit: usize::MAX,
        offset: usize::MAX,
        ..SearchQuery::default()
    })?;
    assert!(deep.hits.is_empty());
    assert_eq!(deep.total, 7);
    Ok(())
}

#[test]
fn a_persisted_index_reopens_with_its_last_seq() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("text");
    {
        let (index, state) = TextIndex::open_or_create(&path)?;
        assert_eq!(state, OpenState::Fresh);
        assert_eq!(index.last_seq()?, 0);
        index.upsert_carer(&carer(1, "Mei", "Lamberton", &[Language::Yue]))?;
        index.upsert_provider(&provider(
            2,
            "Liverpool Chinese Luncheon Club",
            &[Language::Yue],
        ))?;
        index.commit(41)?;
        index.upsert_carer(&carer(3, "Li", "Zhang", &[Language::Cmn]))?;
        index.commit(42)?;
        assert_eq!(index.last_seq()?, 42);
    }
    let (index, state) = TextIndex::open_or_create(&path)?;
    assert_eq!(state, OpenState::Existing { last_seq: 42 });
    assert_eq!(index.last_seq()?, 42);
    assert_eq!(index.num_docs(), 3);
    assert_eq!(found(&index.search(&text("廣東話"))?).len(), 2);
    // Still writable after reopening.
    index.delete(DocKind::Carer, 3)?;
    index.commit(43)?;
    drop(index);
    let (index, state) = TextIndex::open_or_create(&path)?;
    assert_eq!(state, OpenState::Existing { last_seq: 43 });
    assert_eq!(index.num_docs(), 2);
    Ok(())
}

#[test]
fn an_index_of_another_schema_version_is_wiped() -> TestResult {
    use tantivy::schema::{STORED, Schema, TEXT};

    let dir = tempfile::tempdir()?;
    let path = dir.path().join("text");
    std::fs::create_dir_all(&path)?;
    std::fs::write(path.join("README"), "not tantivy's")?;
    {
        let mut builder = Schema::builder();
        let title = builder.add_text_field("title", TEXT | STORED);
        let old = tantivy::Index::create_in_dir(&path, builder.build())?;
        let mut writer: tantivy::IndexWriter = old.writer_with_num_threads(1, 15_000_000)?;
        writer.add_document(tantivy::doc!(title => "an old document"))?;
        let mut prepared = writer.prepare_commit()?;
        let old_payload = format!("carematch-text;schema={};seq=99", SCHEMA_VERSION + 1);
        prepared.set_payload(&old_payload);
        prepared.commit()?;
        writer.wait_merging_threads()?;
    }
    let (index, state) = TextIndex::open_or_create(&path)?;
    assert_eq!(state, OpenState::Fresh);
    assert_eq!(index.num_docs(), 0);
    assert_eq!(index.last_seq()?, 0);
    assert!(
        path.join("README").exists(),
        "only tantivy's files are wiped"
    );
    index.upsert_carer(&carer(1, "Mei", "Lamberton", &[Language::Yue]))?;
    index.commit(1)?;
    drop(index);
    let (index, state) = TextIndex::open_or_create(&path)?;
    assert_eq!(state, OpenState::Existing { last_seq: 1 });
    assert_eq!(index.num_docs(), 1);
    Ok(())
}

#[test]
fn a_created_but_never_committed_index_is_fresh() -> TestResult {
    let dir = tempfile::tempdir()?;
    {
        let (index, _) = TextIndex::open_or_create(dir.path())?;
        index.upsert_carer(&carer(1, "Mei", "Lamberton", &[Language::Yue]))?;
        // Dropped without a commit: no payload, so a rebuild is needed.
    }
    let (index, state) = TextIndex::open_or_create(dir.path())?;
    assert_eq!(state, OpenState::Fresh);
    assert_eq!(index.num_docs(), 0);
    Ok(())
}

#[test]
fn two_writers_cannot_share_a_directory() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (_index, _) = TextIndex::open_or_create(dir.path())?;
    assert!(TextIndex::open_or_create(dir.path()).is_err());
    Ok(())
}

#[test]
fn writes_and_searches_from_many_threads() -> TestResult {
    let index = std::sync::Arc::new(TextIndex::in_ram()?);
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let index = std::sync::Arc::clone(&index);
            std::thread::spawn(move || -> Result<(), String> {
                for i in 0..25 {
                    let id = t * 100 + i;
                    let carer = carer(id, "Mei", "Lamberton", &[Language::Yue]);
                    index.upsert_carer(&carer).map_err(|e| e.to_string())?;
                    index.search(&text("Mei")).map_err(|e| e.to_string())?;
                }
                Ok(())
            })
        })
        .collect();
    for handle in handles {
        handle.join().map_err(|_| "a thread panicked")??;
    }
    index.commit(1)?;
    assert_eq!(index.num_docs(), 100);
    assert_eq!(index.search(&text("yue"))?.total, 100);
    Ok(())
}
