//! Properties of generated records: determinism, validity, proportions, co-occurrence.

use std::collections::HashSet;
use std::sync::OnceLock;

use carematch_domain::ServiceArea;
use carematch_domain::vocabulary::{
    CheckKind, Cuisine, DietaryLaw, Faith, Gender, Language, Proficiency, ProviderKind,
};
use carematch_generate::{
    GeneratedCarer, GeneratedProvider, agencies, area_of, generate_carers, generate_providers,
    write_jsonl,
};

use crate::{config, places, today};

fn carers() -> &'static [GeneratedCarer] {
    static CARERS: OnceLock<Vec<GeneratedCarer>> = OnceLock::new();
    CARERS.get_or_init(|| generate_carers(&config(7, 20_000, 0), places()).collect())
}

fn providers() -> &'static [GeneratedProvider] {
    static PROVIDERS: OnceLock<Vec<GeneratedProvider>> = OnceLock::new();
    PROVIDERS.get_or_init(|| generate_providers(&config(7, 0, 2_000), places()).collect())
}

fn jsonl(seed: u64) -> (Vec<u8>, Vec<u8>) {
    let config = config(seed, 500, 100);
    let mut carers = Vec::new();
    let mut providers = Vec::new();
    assert_eq!(
        write_jsonl(generate_carers(&config, places()), &mut carers).expect("write"),
        500
    );
    assert_eq!(
        write_jsonl(generate_providers(&config, places()), &mut providers).expect("write"),
        100
    );
    (carers, providers)
}

fn speaks(carer: &GeneratedCarer, code: Language) -> bool {
    carer.details.languages.iter().any(|l| l.code == code)
}

fn share(count: usize, total: usize) -> f64 {
    count as f64 / total.max(1) as f64
}

#[test]
fn same_seed_gives_identical_bytes_and_another_seed_differs() {
    let (carers, providers) = jsonl(2026);
    assert_eq!((carers.clone(), providers.clone()), jsonl(2026));
    let (other_carers, other_providers) = jsonl(2027);
    assert_ne!(carers, other_carers);
    assert_ne!(providers, other_providers);
    assert_eq!(carers.iter().filter(|b| **b == b'\n').count(), 500);
}

#[test]
fn a_shorter_run_is_a_prefix_of_a_longer_one() {
    let short: Vec<_> = generate_carers(&config(5, 50, 0), places()).collect();
    let long: Vec<_> = generate_carers(&config(5, 200, 0), places()).collect();
    assert_eq!(short[..], long[..50]);
}

#[test]
fn nothing_is_generated_without_places() {
    assert_eq!(generate_carers(&config(1, 10, 10), &[]).count(), 0);
    assert_eq!(generate_providers(&config(1, 10, 10), &[]).count(), 0);
}

#[test]
fn every_record_validates() {
    for carer in &carers()[..5_000] {
        if let Err(e) = carer.details.validate() {
            panic!("{e}: {carer:?}");
        }
        assert!(carer.agency < agencies().len());
    }
    for provider in providers() {
        if let Err(e) = provider.details.validate() {
            panic!("{e}: {provider:?}");
        }
    }
}

#[test]
fn carer_proportions_are_sane() {
    let carers = carers();
    let n = carers.len();
    let checks: Vec<_> = carers.iter().flat_map(|c| &c.details.checks).collect();
    let expired = checks.iter().filter(|c| !c.valid_on(today())).count();
    let expired = share(expired, checks.len());
    assert!((0.05..=0.20).contains(&expired), "expired checks {expired}");

    let female = share(
        carers
            .iter()
            .filter(|c| c.details.gender == Gender::Female)
            .count(),
        n,
    );
    assert!((0.70..=0.90).contains(&female), "female {female}");

    let consent = share(
        carers
            .iter()
            .filter(|c| c.details.public_listing_consent)
            .count(),
        n,
    );
    assert!((0.80..=0.90).contains(&consent), "consent {consent}");

    let usual_rate = carers
        .iter()
        .filter(|c| (1050..=1500).contains(&c.details.hourly_rate.pence()))
        .count();
    assert!(
        share(usual_rate, n) > 0.85,
        "usual rates {}",
        share(usual_rate, n)
    );

    let overnight = carers
        .iter()
        .filter(|c| c.details.availability.iter().any(|s| s.overnight))
        .count();
    assert!(
        (0.03..0.2).contains(&share(overnight, n)),
        "overnight {overnight}"
    );
    let already = carers
        .iter()
        .filter(|c| c.details.available_from <= today())
        .count();
    assert!(
        (0.2..0.4).contains(&share(already, n)),
        "already available {already}"
    );

    for carer in carers {
        let d = &carer.details;
        assert!((4..=40).contains(&d.hours_per_week));
        assert!((2.0..=25.0).contains(&d.travel_radius_km.get()));
        assert!(d.available_from <= today() + chrono::TimeDelta::weeks(8));
        assert!(d.last_confirmed_on <= today());
        assert!(d.last_confirmed_on > today() - chrono::TimeDelta::days(365));
        assert!(!d.availability.is_empty());
        let phone = d.contact.phone.as_deref().unwrap_or("07700 900000");
        assert!(
            phone.starts_with("07700 900") && phone.len() == 12,
            "{phone}"
        );
        if let Some(email) = &d.contact.email {
            assert!(
                email.ends_with("@example.org") && email.is_ascii(),
                "{email}"
            );
        }
        let external_ref = d.external_ref.as_deref().expect("external ref");
        assert!(
            external_ref.starts_with("PA-") && external_ref.len() >= 9,
            "{external_ref}"
        );
    }
}

#[test]
fn cantonese_speakers_live_mostly_in_manchester_and_liverpool() {
    let carers = carers();
    let in_m_or_l = |c: &GeneratedCarer| {
        area_of(&c.details.postcode).is_some_and(|a| matches!(a.name, "Manchester" | "Liverpool"))
    };
    let cantonese: Vec<_> = carers.iter().filter(|c| speaks(c, Language::Yue)).collect();
    let local = cantonese.iter().filter(|c| in_m_or_l(c)).count();
    assert!(cantonese.len() > 200, "{}", cantonese.len());
    assert!(
        share(local, cantonese.len()) > 0.75,
        "{local} of {}",
        cantonese.len()
    );

    let ml = carers.iter().filter(|c| in_m_or_l(c)).count();
    let elsewhere = carers.len() - ml;
    let rate_ml = share(local, ml);
    let rate_elsewhere = share(cantonese.len() - local, elsewhere);
    assert!(
        rate_ml > 5.0 * rate_elsewhere,
        "{rate_ml} vs {rate_elsewhere}"
    );

    let tower_hamlets_sylheti = carers
        .iter()
        .filter(|c| speaks(c, Language::Syl))
        .filter(|c| area_of(&c.details.postcode).is_some_and(|a| a.name == "Tower Hamlets"))
        .count();
    assert!(tower_hamlets_sylheti > 100, "{tower_hamlets_sylheti}");
    let leicester_gujarati = carers
        .iter()
        .filter(|c| speaks(c, Language::Guj))
        .filter(|c| area_of(&c.details.postcode).is_some_and(|a| a.name == "Leicester"))
        .count();
    assert!(leicester_gujarati > 100, "{leicester_gujarati}");
}

#[test]
fn things_go_together_as_in_life() {
    let carers = carers();
    let mut sylheti = 0;
    let mut sylheti_bengali = 0;
    for carer in carers {
        let d = &carer.details;
        // Everyone speaks some English; most fluently.
        assert!(speaks(carer, Language::Eng), "{d:?}");
        if speaks(carer, Language::Syl) {
            sylheti += 1;
            sylheti_bengali += usize::from(speaks(carer, Language::Ben));
            assert!(d.cuisines.contains(&Cuisine::Bengali), "{d:?}");
            assert!(d.dietary_laws.contains(&DietaryLaw::Halal), "{d:?}");
        }
        if d.languages
            .iter()
            .any(|l| l.code == Language::Yue && l.proficiency == Proficiency::Native)
        {
            assert!(d.cuisines.contains(&Cuisine::Cantonese), "{d:?}");
        }
        if speaks(carer, Language::Hak) {
            assert!(speaks(carer, Language::Yue), "{d:?}");
        }
        if speaks(carer, Language::Som) {
            assert!(d.dietary_laws.contains(&DietaryLaw::Halal), "{d:?}");
            assert!(d.cuisines.contains(&Cuisine::Somali), "{d:?}");
        }
        if d.languages
            .iter()
            .any(|l| l.code == Language::Pol && l.proficiency == Proficiency::Native)
        {
            assert!(d.cuisines.contains(&Cuisine::Polish), "{d:?}");
            assert!(
                matches!(d.faith, None | Some(Faith::Christian | Faith::None)),
                "{d:?}"
            );
        }
        if d.faith == Some(Faith::Muslim) {
            assert!(d.dietary_laws.contains(&DietaryLaw::Halal), "{d:?}");
        }
        if d.dietary_laws.contains(&DietaryLaw::Jain) {
            assert!(d.dietary_laws.contains(&DietaryLaw::Vegetarian), "{d:?}");
        }
        if d.languages.iter().all(|l| l.code == Language::Eng) {
            assert_eq!(d.languages[0].proficiency, Proficiency::Native);
        }
    }
    assert!(
        share(sylheti_bengali, sylheti) > 0.85,
        "{sylheti_bengali} of {sylheti}"
    );

    let gujarati_hindus: Vec<_> = carers
        .iter()
        .filter(|c| speaks(c, Language::Guj) && c.details.faith == Some(Faith::Hindu))
        .collect();
    let vegetarian = gujarati_hindus
        .iter()
        .filter(|c| c.details.dietary_laws.contains(&DietaryLaw::Vegetarian))
        .count();
    assert!(share(vegetarian, gujarati_hindus.len()) > 0.65);
    assert!(
        carers
            .iter()
            .any(|c| c.details.dietary_laws.contains(&DietaryLaw::Jain))
    );

    let sikhs: Vec<_> = carers
        .iter()
        .filter(|c| c.details.faith == Some(Faith::Sikh))
        .collect();
    let no_beef = sikhs
        .iter()
        .filter(|c| c.details.dietary_laws.contains(&DietaryLaw::NoBeef))
        .count();
    assert!(share(no_beef, sikhs.len()) > 0.5);
    assert!(sikhs.iter().all(|c| speaks(c, Language::Pan)));

    let migrants: Vec<_> = carers
        .iter()
        .filter(|c| c.details.languages.len() > 1)
        .collect();
    let fluent_english = migrants
        .iter()
        .filter(|c| {
            c.details
                .languages
                .iter()
                .any(|l| l.code == Language::Eng && l.proficiency >= Proficiency::Fluent)
        })
        .count();
    let fluent = share(fluent_english, migrants.len());
    assert!((0.55..0.9).contains(&fluent), "fluent English {fluent}");

    // Some bios are also in the carer's own script.
    assert!(carers.iter().any(|c| c.details.bio.contains("廣東")));
    assert!(carers.iter().any(|c| c.details.bio.contains("বাংলা")));
    assert!(carers.iter().any(|c| c.details.bio.contains("ਪੰਜਾਬੀ")));
}

#[test]
fn provider_proportions_are_sane() {
    let providers = providers();
    let n = providers.len();
    let names: HashSet<_> = providers.iter().map(|p| p.details.name.as_str()).collect();
    assert_eq!(names.len(), n, "provider names are unique");
    for kind in ProviderKind::ALL {
        assert!(providers.iter().any(|p| p.details.kind == *kind), "{kind}");
    }
    let polygons = providers
        .iter()
        .filter(|p| matches!(p.details.service_area, ServiceArea::Polygon { .. }))
        .count();
    assert!(
        (0.05..0.15).contains(&share(polygons, n)),
        "polygons {polygons}"
    );
    for provider in providers {
        if let ServiceArea::Radius { km } = provider.details.service_area {
            assert!((3.0..=15.0).contains(&km.get()));
        }
        let cqc = provider
            .details
            .checks
            .iter()
            .find(|c| c.kind == CheckKind::CqcRegistered);
        if provider.details.kind == ProviderKind::HomeCareAgency {
            let reference = cqc.and_then(|c| c.reference.as_deref()).expect("cqc id");
            let (prefix, digits) = reference.split_at(2);
            assert_eq!(prefix, "1-");
            assert!(
                digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()),
                "{reference}"
            );
        }
    }
    let lapsed = providers
        .iter()
        .filter(|p| p.details.accepting_confirmed_on < today() - chrono::TimeDelta::days(90))
        .count();
    assert!((0.10..0.20).contains(&share(lapsed, n)), "lapsed {lapsed}");
    // Small towns have no community organisations.
    for provider in providers {
        if area_of(&provider.details.postcode)
            .is_some_and(|a| a.kind == carematch_generate::AreaKind::SmallTown)
        {
            assert!(
                provider.details.communities.is_empty(),
                "{:?}",
                provider.details
            );
        }
    }
}
