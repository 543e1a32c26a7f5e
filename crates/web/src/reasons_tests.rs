//! Every kind of fact, in every language: each message exists in each catalogue and formats
//! without error for every `$who`, English pages keep the API's sentences, and no other page
//! shows an English one.

use std::collections::BTreeSet;

use carematch_domain::RatePence;
use carematch_domain::vocabulary::{
    CheckKind, Cuisine, DeliveryMode, DietaryLaw, Experience, Faith, FaithPractice, Gender,
    Language, MedicalDiet, Proficiency, Service, Weekday,
};
use carematch_matching::{
    CriterionId, CriterionOutcome, DayPeriod, Explanation, Facts, FreeTime, Relaxation,
    RelaxationFacts, ScheduleFacts, english,
};
use chrono::NaiveDate;

use super::*;
use crate::i18n::{Locale, Tr, message_ids};

fn lang(code: &str) -> Language {
    Language::parse(code).expect("a language of the vocabulary")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn pence(p: i64) -> RatePence {
    RatePence::new(p).expect("a valid rate")
}

fn line(criterion: CriterionId, outcome: CriterionOutcome, facts: Facts) -> Explanation {
    Explanation {
        criterion,
        required: true,
        outcome,
        facts,
    }
}

/// One explanation per message and branch of [`detail_message`].
fn cases() -> Vec<Explanation> {
    use CriterionOutcome::{Met, Partial, Unmet};
    let yue = CriterionId::Language(lang("yue"));
    let language = |staff, level, related, needed| Facts::Language {
        staff,
        level,
        related,
        needed,
    };
    let tue_thu = FreeTime {
        days: vec![
            Weekday::parse("tue").expect("tue"),
            Weekday::parse("thu").expect("thu"),
            Weekday::parse("sat").expect("sat"),
        ],
        periods: vec![DayPeriod::Mornings, DayPeriod::Evenings],
    };
    let sun = FreeTime {
        days: vec![Weekday::parse("sun").expect("sun")],
        periods: vec![DayPeriod::Afternoons, DayPeriod::Nights],
    };
    let free = |percent| {
        Facts::Schedule(ScheduleFacts::Free {
            times: vec![tue_thu.clone(), sun.clone()],
            percent,
        })
    };
    let cantonese = CriterionId::Cuisine(Cuisine::parse("cantonese").expect("cuisine"));
    let halal = CriterionId::Diet(DietaryLaw::parse("halal").expect("diet"));
    let prayer =
        CriterionId::FaithPractice(FaithPractice::parse("prayer_times").expect("practice"));
    let care = CriterionId::Service(Service::parse("personal_care").expect("service"));
    let dementia = CriterionId::Experience(Experience::parse("dementia").expect("experience"));
    let muslim = CriterionId::Faith(Faith::parse("muslim").expect("faith"));
    let dbs = CriterionId::Check(CheckKind::parse("dbs_enhanced").expect("check"));
    let mut out = vec![
        line(
            yue,
            Met,
            language(false, Some(Proficiency::Native), None, Proficiency::Fluent),
        ),
        line(yue, Met, language(true, None, None, Proficiency::Fluent)),
        line(
            yue,
            Partial,
            language(false, None, Some(lang("zho")), Proficiency::Fluent),
        ),
        line(
            yue,
            Partial,
            language(true, None, Some(lang("cmn")), Proficiency::Fluent),
        ),
        line(
            yue,
            Partial,
            language(false, Some(Proficiency::Basic), None, Proficiency::Fluent),
        ),
        line(yue, Unmet, language(false, None, None, Proficiency::Basic)),
        line(yue, Unmet, language(true, None, None, Proficiency::Basic)),
    ];
    let urdu = lang("urd");
    for criterion in [
        cantonese,
        halal,
        prayer,
        care,
        dementia,
        CriterionId::Reads(urdu),
        CriterionId::Writes(urdu),
        CriterionId::MedicalDiet(MedicalDiet::Pureed),
        CriterionId::DeliveryMode(DeliveryMode::Phone),
        CriterionId::LgbtInclusive,
    ] {
        out.push(line(criterion, Met, Facts::Listed));
        out.push(line(criterion, Unmet, Facts::Listed));
    }
    for gender in Gender::all() {
        let criterion = CriterionId::CarerGender(*gender);
        out.push(line(criterion, Met, Facts::Personal));
        out.push(line(criterion, Unmet, Facts::Personal));
        out.push(line(criterion, Partial, Facts::NotApplicableToProvider));
    }
    out.extend([
        line(muslim, Met, Facts::Personal),
        line(muslim, Unmet, Facts::Personal),
        line(muslim, Partial, Facts::NotApplicableToProvider),
        line(CriterionId::Distance, Met, Facts::Distance { km: 2.5 }),
        line(CriterionId::Distance, Unmet, Facts::Distance { km: 12.0 }),
        line(
            CriterionId::Schedule,
            Unmet,
            Facts::Schedule(ScheduleFacts::NothingRecorded),
        ),
        line(
            CriterionId::Schedule,
            Unmet,
            Facts::Schedule(ScheduleFacts::NotFree),
        ),
        line(CriterionId::Schedule, Met, free(100)),
        line(CriterionId::Schedule, Partial, free(75)),
        line(CriterionId::Schedule, Met, Facts::ByArrangement),
        line(CriterionId::NeededBy, Met, Facts::ByArrangement),
        line(
            CriterionId::HoursPerWeek,
            Met,
            Facts::Hours {
                free: 12,
                needed: 8,
            },
        ),
        line(
            CriterionId::HoursPerWeek,
            Partial,
            Facts::Hours { free: 1, needed: 8 },
        ),
        line(
            CriterionId::MaxHourlyRate,
            Partial,
            Facts::Rate {
                rate: None,
                limit: pence(1800),
            },
        ),
        line(
            CriterionId::MaxHourlyRate,
            Met,
            Facts::Rate {
                rate: Some(pence(1260)),
                limit: pence(1800),
            },
        ),
        line(
            CriterionId::MaxHourlyRate,
            Unmet,
            Facts::Rate {
                rate: Some(pence(2150)),
                limit: pence(1800),
            },
        ),
    ]);
    let needed_by = day(2027, 1, 4);
    for (outcome, now, from) in [
        (Met, true, Some(day(2026, 11, 1))),
        (Met, false, Some(day(2026, 12, 14))),
        (Unmet, false, Some(day(2027, 3, 1))),
        (Unmet, false, None),
    ] {
        let facts = Facts::NeededBy {
            now,
            available_from: from,
            needed_by,
        };
        out.push(line(CriterionId::NeededBy, outcome, facts));
    }
    out.extend([
        line(
            dbs,
            Unmet,
            Facts::Check {
                recorded: false,
                expiry: None,
            },
        ),
        line(
            dbs,
            Met,
            Facts::Check {
                recorded: true,
                expiry: Some(day(2027, 9, 30)),
            },
        ),
        line(
            dbs,
            Unmet,
            Facts::Check {
                recorded: true,
                expiry: Some(day(2026, 2, 1)),
            },
        ),
        line(
            CriterionId::AcceptingNewClients,
            Met,
            Facts::Accepting {
                flag: true,
                confirmed: Some(day(2026, 11, 1)),
            },
        ),
        line(
            CriterionId::AcceptingNewClients,
            Unmet,
            Facts::Accepting {
                flag: true,
                confirmed: Some(day(2026, 6, 1)),
            },
        ),
        line(
            CriterionId::AcceptingNewClients,
            Unmet,
            Facts::Accepting {
                flag: false,
                confirmed: None,
            },
        ),
        line(
            CriterionId::Distance,
            Met,
            Facts::Remote {
                km: 140.0,
                modes: vec![DeliveryMode::Phone, DeliveryMode::Online],
            },
        ),
        line(
            CriterionId::WeeklyBudget,
            Met,
            Facts::Budget {
                hours: 20,
                weekly_cost_pence: Some(25_000),
                budget_pence: 30_000,
            },
        ),
        line(
            CriterionId::WeeklyBudget,
            Unmet,
            Facts::Budget {
                hours: 20,
                weekly_cost_pence: Some(35_000),
                budget_pence: 30_000,
            },
        ),
        line(
            CriterionId::WeeklyBudget,
            Partial,
            Facts::Budget {
                hours: 20,
                weekly_cost_pence: None,
                budget_pence: 30_000,
            },
        ),
        line(CriterionId::PreferredCarer, Met, Facts::Listed),
        // Facts that do not fit their criterion: the criterion's label.
        line(CriterionId::Distance, Met, Facts::Listed),
        line(CriterionId::Schedule, Met, Facts::Personal),
    ]);
    out
}

/// One relaxation per message and branch of [`suggestion_message`].
fn relaxations() -> Vec<Relaxation> {
    let yue = CriterionId::Language(lang("yue"));
    let relax = |criterion, additional, facts| Relaxation {
        criterion,
        additional,
        facts,
    };
    let language = |min, related: Vec<Language>, dialect| RelaxationFacts::Language {
        min,
        related,
        dialect,
    };
    let chinese = vec![lang("zho"), lang("cmn"), lang("hak")];
    vec![
        relax(
            CriterionId::Distance,
            3,
            RelaxationFacts::Distance { km: 20.0 },
        ),
        relax(
            CriterionId::HoursPerWeek,
            2,
            RelaxationFacts::Hours { needed: 10 },
        ),
        relax(
            CriterionId::MaxHourlyRate,
            4,
            RelaxationFacts::Rate { limit: pence(1850) },
        ),
        relax(
            CriterionId::NeededBy,
            1,
            RelaxationFacts::NeededBy {
                needed_by: day(2027, 1, 4),
            },
        ),
        relax(yue, 1, language(Proficiency::Basic, vec![lang("zho")], 1)),
        relax(yue, 5, language(Proficiency::Basic, chinese.clone(), 5)),
        relax(yue, 22, language(Proficiency::Basic, chinese.clone(), 22)),
        relax(yue, 3, language(Proficiency::Fluent, chinese, 2)),
        relax(yue, 3, language(Proficiency::Fluent, vec![], 0)),
        relax(yue, 3, language(Proficiency::Basic, vec![], 0)),
        relax(
            CriterionId::AcceptingNewClients,
            2,
            RelaxationFacts::Criterion,
        ),
        relax(CriterionId::Schedule, 6, RelaxationFacts::Criterion),
        relax(CriterionId::CarerCapacity, 2, RelaxationFacts::Criterion),
        relax(
            CriterionId::WeeklyBudget,
            3,
            RelaxationFacts::Budget {
                budget_pence: 30_000,
            },
        ),
        relax(
            CriterionId::MedicalDiet(MedicalDiet::Diabetic),
            1,
            RelaxationFacts::Criterion,
        ),
        relax(CriterionId::LgbtInclusive, 2, RelaxationFacts::Criterion),
        relax(
            CriterionId::Reads(lang("urd")),
            2,
            RelaxationFacts::Criterion,
        ),
        relax(
            CriterionId::Check(CheckKind::parse("dbs_enhanced").expect("check")),
            4,
            RelaxationFacts::Criterion,
        ),
        relax(
            CriterionId::Faith(Faith::parse("sikh").expect("faith")),
            1,
            RelaxationFacts::Criterion,
        ),
        relax(
            CriterionId::Cuisine(Cuisine::parse("somali").expect("cuisine")),
            2,
            RelaxationFacts::Criterion,
        ),
    ]
}

const SUBJECTS: [Subject; 5] = [
    Subject::Carer(Some(Gender::Female)),
    Subject::Carer(Some(Gender::Male)),
    Subject::Carer(Some(Gender::NonBinary)),
    Subject::Carer(None),
    Subject::Provider,
];

#[test]
fn every_reason_and_relaxation_formats_in_every_catalogue() {
    let mut used = BTreeSet::new();
    for locale in Locale::ALL {
        let tr = Tr::new(locale);
        for explanation in cases() {
            for who in SUBJECTS {
                let (id, args) = detail_message(&tr, &explanation, who);
                used.insert(id);
                let text = tr.strict(id, &args).unwrap_or_else(|e| panic!("{e}"));
                assert!(!text.trim().is_empty(), "{} {id} is empty", locale.tag());
            }
        }
        for relaxation in relaxations() {
            let (id, args) = suggestion_message(&tr, &relaxation);
            used.insert(id);
            let text = tr.strict(id, &args).unwrap_or_else(|e| panic!("{e}"));
            assert!(text.contains(&relaxation.additional.to_string()), "{text}");
        }
        // The pieces the sentences are made of.
        for id in [
            "why-free-days",
            "date-format",
            "date-unknown",
            "list-join",
            "list-and",
            "list-or",
            "list-groups",
        ] {
            assert!(tr.has(id), "{} lacks {id}", locale.tag());
            used.insert(id);
        }
        for level in Proficiency::ALL {
            assert!(
                tr.has(&format!("level-{}", level.code())),
                "{}",
                locale.tag()
            );
        }
    }
    // Every reason and relaxation message of the reference catalogue is used by a case above.
    let reference: BTreeSet<String> = message_ids(Locale::En)
        .into_iter()
        .filter(|id| id.starts_with("why-") || id.starts_with("relax-"))
        .filter(|id| {
            !matches!(
                id.as_str(),
                "relax-title" | "relax-distance" | "relax-make-preferred"
            )
        })
        .collect();
    let used: BTreeSet<String> = used.into_iter().map(str::to_owned).collect();
    assert_eq!(
        reference.difference(&used).collect::<Vec<_>>(),
        Vec::<&String>::new(),
        "messages no case renders"
    );
}

#[test]
fn english_pages_show_the_apis_own_sentences() {
    let tr = Tr::new(Locale::En);
    for explanation in cases() {
        for who in SUBJECTS {
            assert_eq!(
                detail(&tr, &explanation, who),
                english::detail(&explanation)
            );
        }
    }
    for relaxation in relaxations() {
        assert_eq!(
            suggestion(&tr, &relaxation),
            english::suggestion(&relaxation)
        );
    }
}

#[test]
fn the_apis_json_writes_each_line_as_its_criterion_result() {
    // An explanation is encoded in place (no strings of its own); its JSON must stay that of
    // the documented `CriterionResult`, field for field and in order.
    for explanation in cases() {
        let written = serde_json::to_string(&explanation).expect("encodes");
        let documented =
            serde_json::to_string(&carematch_matching::CriterionResult::from(&explanation))
                .expect("encodes");
        assert_eq!(written, documented);
    }
}

#[test]
fn no_english_sentence_leaks_into_another_language() {
    let sentences: Vec<String> = cases().iter().map(english::detail).collect();
    let suggestions: Vec<String> = relaxations().iter().map(english::suggestion).collect();
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let tr = Tr::new(locale);
        for explanation in cases() {
            for who in SUBJECTS {
                let text = detail(&tr, &explanation, who);
                for english in sentences.iter().chain(&suggestions) {
                    assert!(!text.contains(english.as_str()), "{}: {text}", locale.tag());
                }
                for word in [
                    " km away", "speaks ", "cooks ", "offers ", "free ", " needed",
                ] {
                    assert!(!text.contains(word), "{}: {text}", locale.tag());
                }
            }
        }
        for relaxation in relaxations() {
            let text = suggestion(&tr, &relaxation);
            assert!(!text.contains(" more"), "{}: {text}", locale.tag());
        }
    }
}

#[test]
fn somali_urdu_and_punjabi_sentences_agree_with_a_woman() {
    let native = line(
        CriterionId::Language(lang("som")),
        CriterionOutcome::Met,
        Facts::Language {
            staff: false,
            level: Some(Proficiency::Native),
            related: None,
            needed: Proficiency::Fluent,
        },
    );
    let woman = Subject::Carer(Some(Gender::Female));
    let man = Subject::Carer(Some(Gender::Male));
    let so = Tr::new(Locale::So);
    assert!(detail(&so, &native, woman).starts_with("waxay ku hadashaa"));
    assert!(detail(&so, &native, man).starts_with("wuxuu ku hadlaa"));
    // Urdu: a woman "بولتی ہیں", a man the respectful masculine "بولتے ہیں", never crossed.
    let ur = Tr::new(Locale::Ur);
    assert!(detail(&ur, &native, woman).contains("بولتی"));
    assert!(!detail(&ur, &native, woman).contains("بولتے"));
    assert!(detail(&ur, &native, man).contains("بولتے"));
    assert!(!detail(&so, &native, woman).contains("wuxuu"));
    assert!(detail(&Tr::new(Locale::Pa), &native, woman).contains("ਬੋਲਦੀ"));
    assert!(detail(&Tr::new(Locale::Pa), &native, man).contains("ਬੋਲਦਾ"));
}

#[test]
fn numbers_dates_and_lists_follow_the_locale() {
    assert_eq!(number(Locale::Pl, 2.5, 1), "2,5");
    assert_eq!(number(Locale::ZhHant, 2.5, 1), "2.5");
    assert_eq!(number(Locale::So, 4.0, 1), "4");
    assert_eq!(pounds(Locale::Pl, pence(1260)), "12,60");
    assert_eq!(pounds(Locale::Ur, pence(905)), "9.05");
    let d = Some(day(2027, 3, 1));
    assert_eq!(date(&Tr::new(Locale::ZhHant), d), "2027年3月1日");
    assert_eq!(date(&Tr::new(Locale::Pl), d), "01.03.2027");
    assert_eq!(date(&Tr::new(Locale::En), d), "2027-03-01");
    let zh = Tr::new(Locale::ZhHant);
    let times = [FreeTime {
        days: vec![
            Weekday::parse("tue").expect("tue"),
            Weekday::parse("thu").expect("thu"),
            Weekday::parse("sat").expect("sat"),
        ],
        periods: vec![DayPeriod::Mornings],
    }];
    assert_eq!(free_times(&zh, &times), "星期二、星期四和星期六上午");
    let pl = Tr::new(Locale::Pl);
    assert_eq!(free_times(&pl, &times), "wtorek, czwartek i sobota: rano");
}
