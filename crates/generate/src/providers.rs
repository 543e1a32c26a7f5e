//! One generated provider.

use std::collections::HashSet;

use carematch_domain::vocabulary::{
    CheckKind, Code, Community, Cuisine, DeliveryMode, DietaryLaw, Experience, Language,
    MedicalDiet, ProviderKind, Service, Weekday,
};
use carematch_domain::{
    Check, Contact, GeoPoint, Km, ProviderDetails, RatePence, ServiceArea, Slot,
};

use crate::areas::{AreaKind, Background, demo_areas};
use crate::carers::some_days;
use crate::culture::{Traits, traits};
use crate::rng::{Rng, stream};
use crate::text::{and_list, at, days_from, slug, words};
use crate::{GeneratedProvider, GeneratorConfig, Place};

const KINDS: &[(ProviderKind, u32)] = &[
    (ProviderKind::MicroProvider, 28),
    (ProviderKind::Charity, 14),
    (ProviderKind::LuncheonClub, 16),
    (ProviderKind::DayService, 12),
    (ProviderKind::HomeCareAgency, 16),
    (ProviderKind::SharedLives, 5),
    (ProviderKind::Advocacy, 9),
];

const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

pub(crate) fn provider(
    config: &GeneratorConfig,
    places: &[Place],
    areas: &[Option<usize>],
    index: usize,
    taken: &mut HashSet<String>,
) -> GeneratedProvider {
    let mut rng = Rng::for_record(config.seed, stream::PROVIDERS, index as u64);
    let rng = &mut rng;
    let today = config.today;
    let p = rng.below(places.len());
    let place = &places[p];
    let area = areas[p].map(|a| &demo_areas()[a]);
    let city = area.filter(|a| a.kind == AreaKind::City);
    let town = area.map_or("Neighbourhood", |a| a.name);
    let deaf = city.is_some() && rng.chance(0.04);
    let mut kind = rng.weighted(KINDS);
    if deaf {
        kind = rng.pick(&[
            ProviderKind::Charity,
            ProviderKind::DayService,
            ProviderKind::Advocacy,
        ]);
    }
    // Community organisations are over-represented among providers compared with the population,
    // and small towns have none.
    let background = match city {
        Some(city) if !deaf => {
            let total: u32 = city.mix.iter().map(|(_, w)| w).sum();
            let british: u32 = city
                .mix
                .iter()
                .filter(|(b, _)| *b == Background::British)
                .map(|(_, w)| w)
                .sum();
            let share = f64::from(british) / f64::from(total.max(1));
            let minorities: Vec<(Background, u32)> = city
                .mix
                .iter()
                .copied()
                .filter(|(b, _)| *b != Background::British)
                .collect();
            if !minorities.is_empty() && rng.chance((1.35 - share).min(0.85)) {
                rng.weighted(&minorities)
            } else {
                Background::British
            }
        }
        _ => Background::British,
    };
    let t = traits(background);
    let mut name = provider_name(rng, kind, t, town, deaf);
    if taken.contains(&name) {
        name = format!("{name} ({})", place.postcode.outward());
        if taken.contains(&name) {
            name = format!("{name} {}", index + 1);
        }
    }
    taken.insert(name.clone());

    let communities: Vec<Community> = if deaf {
        vec![Community::Deaf]
    } else {
        t.communities.to_vec()
    };
    let mut staff_languages = vec![Language::Eng];
    if deaf {
        staff_languages.push(Language::Bfi);
    }
    for (i, language) in t.languages.iter().enumerate() {
        if i == 0 || rng.chance(0.6) {
            staff_languages.push(*language);
        }
    }
    if background == Background::British && !deaf {
        for (language, p) in [
            (Language::Pol, 0.15),
            (Language::Urd, 0.1),
            (Language::Pan, 0.05),
        ] {
            if rng.chance(p) {
                staff_languages.push(language);
            }
        }
    }

    let services = services(rng, kind);
    let feeds = services.iter().any(|s| {
        matches!(
            s,
            Service::MealPreparation | Service::LuncheonClub | Service::LiveIn
        )
    }) || kind == ProviderKind::SharedLives;
    let mut cuisines = Vec::new();
    let mut dietary_laws = Vec::new();
    if feeds {
        for (i, cuisine) in t.cuisines.iter().enumerate() {
            if i == 0 || rng.chance(0.6) {
                cuisines.push(*cuisine);
            }
        }
        if cuisines.is_empty() {
            cuisines.push(Cuisine::British);
        }
        for (i, diet) in t.diets.iter().enumerate() {
            if i == 0 || rng.chance(0.75) {
                dietary_laws.push(*diet);
            }
        }
        if background == Background::British {
            if rng.chance(0.5) {
                dietary_laws.push(DietaryLaw::Vegetarian);
            }
            if rng.chance(0.25) {
                dietary_laws.push(DietaryLaw::Halal);
            }
        }
    }
    let faith_practices = t
        .practices
        .iter()
        .copied()
        .filter(|_| rng.chance(0.6))
        .collect();
    let experience: Vec<Experience> = Experience::ALL
        .iter()
        .copied()
        .filter(|e| {
            let p = match (kind, e) {
                (ProviderKind::DayService, Experience::Dementia) => 0.7,
                (_, Experience::HearingImpairment) if deaf => 1.0,
                _ => 0.25,
            };
            rng.chance(p)
        })
        .collect();

    let service_area = service_area(rng, kind, place.point);
    let accepting_new_clients = rng.chance(0.8);
    let accepting_confirmed_on = if rng.chance(0.15) {
        days_from(today, -rng.range(91, 400))
    } else {
        days_from(today, -rng.range(0, 90))
    };
    let mut checks = Vec::new();
    if kind == ProviderKind::HomeCareAgency {
        checks.push(Check {
            kind: CheckKind::CqcRegistered,
            expires_on: days_from(today, rng.range(120, 730)),
            reference: Some(format!("1-{:010}", rng.range(100_000_000, 9_999_999_999))),
        });
    }
    if rng.chance(0.9) {
        checks.push(Check {
            kind: CheckKind::PublicLiabilityInsurance,
            expires_on: days_from(today, rng.range(-60, 365)),
            reference: None,
        });
    }
    if feeds && rng.chance(0.8) {
        checks.push(Check {
            kind: CheckKind::FoodHygiene,
            expires_on: days_from(today, rng.range(-90, 1000)),
            reference: None,
        });
    }
    let web = slug(&name);
    let phone_prefix = area.map_or("01632 960", |a| a.phone_prefix);
    let contact = Contact {
        phone: Some(format!("{phone_prefix}{:03}", rng.below(1000))),
        email: rng.chance(0.9).then(|| format!("hello@{web}.example.org")),
        website: rng
            .chance(0.6)
            .then(|| format!("https://{web}.example.org")),
    };
    let self_referral = rng.chance(if kind == ProviderKind::HomeCareAgency {
        0.4
    } else {
        0.8
    });
    let hourly_rate = match kind {
        ProviderKind::HomeCareAgency => Some(rng.range(460, 640) * 5),
        ProviderKind::MicroProvider => Some(rng.range(280, 440) * 5),
        _ => None,
    }
    .map(|pence| RatePence::new(pence).expect("£14 to £32 is a valid rate"));
    let opening_hours = opening_hours(rng, kind);
    let description = description(
        kind,
        t,
        town,
        deaf,
        &staff_languages,
        &cuisines,
        &dietary_laws,
    );
    let details = ProviderDetails {
        name,
        kind,
        description,
        communities,
        staff_languages,
        cuisines,
        dietary_laws,
        // Taken from the index, not the random stream, so that adding these fields left every
        // other generated value as it was.
        medical_diets: if index % 4 == 1 {
            vec![MedicalDiet::Diabetic, MedicalDiet::Soft]
        } else {
            Vec::new()
        },
        faith_practices,
        services,
        experience,
        lgbt_inclusive: index % 5 == 2,
        // One in eight also works by phone or online (an advice line, video calls).
        delivery_modes: match index % 8 {
            3 => vec![DeliveryMode::InPerson, DeliveryMode::Phone],
            6 => vec![DeliveryMode::InPerson, DeliveryMode::Online],
            _ => vec![DeliveryMode::InPerson],
        },
        postcode: place.postcode.clone(),
        service_area,
        accepting_new_clients,
        accepting_confirmed_on,
        checks,
        contact,
        self_referral,
        hourly_rate,
        opening_hours,
        last_confirmed_on: days_from(today, -rng.range(0, 364)),
        external_ref: Some(format!("ORG-{:05}", index + 1)),
    };
    GeneratedProvider {
        details,
        location: place.point,
    }
}

fn provider_name(rng: &mut Rng, kind: ProviderKind, t: &Traits, town: &str, deaf: bool) -> String {
    let adjective = if deaf { "Deaf" } else { t.adjective };
    let nick = if deaf {
        rng.pick(&[
            "Signs of Life",
            "Hands Together",
            "Open Hands",
            "Clear Signs",
        ])
    } else {
        rng.pick(t.nicknames)
    };
    let general = adjective.is_empty();
    match kind {
        ProviderKind::LuncheonClub if general => {
            if rng.chance(0.5) {
                words(&[town, "Over-60s Luncheon Club"])
            } else {
                words(&[nick, "Lunch Club"])
            }
        }
        ProviderKind::LuncheonClub => words(&[nick, adjective, "Elders Luncheon Club"]),
        ProviderKind::DayService if general => words(&[town, "Community Day Service"]),
        ProviderKind::DayService => {
            if rng.chance(0.6) {
                words(&[town, adjective, "Day Centre"])
            } else {
                words(&[nick, adjective, "Day Care"])
            }
        }
        ProviderKind::Charity if general => words(&[town, "Good Neighbours"]),
        ProviderKind::Charity => {
            if rng.chance(0.5) {
                words(&[nick, adjective, "Community Association"])
            } else {
                words(&[town, adjective, "Women's Welfare Group"])
            }
        }
        ProviderKind::MicroProvider => {
            let suffix = rng.pick(&[
                "Home Support",
                "Care Collective",
                "Companions",
                "Helping Hands",
            ]);
            words(&[nick, suffix])
        }
        ProviderKind::HomeCareAgency => {
            let suffix = rng.pick(&["Home Care Ltd", "Care Services Ltd", "Homecare"]);
            words(&[nick, suffix])
        }
        ProviderKind::SharedLives => words(&[town, adjective, "Shared Lives"]),
        ProviderKind::Advocacy => words(&[town, adjective, "Elders Advocacy Project"]),
    }
}

fn services(rng: &mut Rng, kind: ProviderKind) -> Vec<Service> {
    use Service::*;
    let shares: &[(Service, f64)] = match kind {
        ProviderKind::MicroProvider => &[
            (PersonalCare, 0.7),
            (MealPreparation, 0.8),
            (Domestic, 0.5),
            (Shopping, 0.5),
            (Companionship, 0.8),
            (MedicationPrompting, 0.4),
            (AccompanyAppointments, 0.4),
            (Respite, 0.3),
            (DayActivities, 0.2),
            (Befriending, 0.3),
        ],
        ProviderKind::Charity => &[
            (Befriending, 0.9),
            (Companionship, 0.8),
            (DayActivities, 0.5),
            (LuncheonClub, 0.4),
            (Advocacy, 0.3),
            (Interpreting, 0.4),
        ],
        ProviderKind::LuncheonClub => &[
            (LuncheonClub, 1.0),
            (Companionship, 0.9),
            (DayActivities, 0.4),
            (Befriending, 0.3),
        ],
        ProviderKind::DayService => &[
            (DayActivities, 1.0),
            (LuncheonClub, 0.6),
            (Companionship, 0.9),
            (Respite, 0.5),
            (PersonalCare, 0.4),
        ],
        ProviderKind::HomeCareAgency => &[
            (PersonalCare, 1.0),
            (MealPreparation, 0.9),
            (Domestic, 0.6),
            (MedicationPrompting, 0.8),
            (NightSupport, 0.4),
            (LiveIn, 0.2),
            (Respite, 0.4),
            (Shopping, 0.4),
        ],
        ProviderKind::SharedLives => &[
            (Respite, 0.9),
            (DayActivities, 0.7),
            (Companionship, 0.9),
            (PersonalCare, 0.5),
            (LiveIn, 0.4),
        ],
        ProviderKind::Advocacy => &[
            (Advocacy, 1.0),
            (Interpreting, 0.5),
            (AccompanyAppointments, 0.6),
            (Befriending, 0.2),
        ],
    };
    let mut services: Vec<Service> = shares
        .iter()
        .filter(|(_, p)| rng.chance(*p))
        .map(|(s, _)| *s)
        .collect();
    if services.is_empty() {
        services.push(Companionship);
    }
    services
}

fn round5(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}

fn service_area(rng: &mut Rng, kind: ProviderKind, base: GeoPoint) -> ServiceArea {
    let (lo, hi) = match kind {
        ProviderKind::LuncheonClub | ProviderKind::DayService => (6, 16),
        ProviderKind::Advocacy => (16, 30),
        _ => (6, 30),
    };
    if rng.chance(0.9) {
        let km = Km::new(rng.range(lo, hi) as f64 / 2.0).expect("3 to 15 km is a valid radius");
        return ServiceArea::Radius { km };
    }
    // A rough polygon around the base, like one drawn by hand on a map.
    let vertices = rng.range(6, 9) as usize;
    let base_km = rng.range(lo, hi) as f64 / 2.0;
    let km_per_deg_lat = 111.2;
    let km_per_deg_lon = km_per_deg_lat * base.lat.to_radians().cos();
    let mut ring: Vec<[f64; 2]> = (0..vertices)
        .map(|i| {
            let angle = (i as f64 + rng.unit() * 0.5) * std::f64::consts::TAU / vertices as f64;
            let r = base_km * (0.7 + 0.6 * rng.unit());
            [
                round5(base.lon + r * angle.cos() / km_per_deg_lon),
                round5(base.lat + r * angle.sin() / km_per_deg_lat),
            ]
        })
        .collect();
    ring.push(ring[0]);
    ServiceArea::Polygon {
        coordinates: vec![ring],
    }
}

fn opening_hours(rng: &mut Rng, kind: ProviderKind) -> Vec<Slot> {
    let (days, start, end): (Vec<Weekday>, u16, u16) = match kind {
        ProviderKind::LuncheonClub => {
            let k = rng.range(1, 3) as usize;
            (some_days(rng, WEEKDAYS, k), 46, rng.range(56, 60) as u16)
        }
        ProviderKind::DayService => {
            let k = rng.range(3, 5) as usize;
            (
                some_days(rng, WEEKDAYS, k),
                rng.range(38, 40) as u16,
                rng.range(60, 64) as u16,
            )
        }
        ProviderKind::Charity => {
            let k = rng.range(2, 4) as usize;
            (some_days(rng, WEEKDAYS, k), 40, 64)
        }
        ProviderKind::Advocacy => (WEEKDAYS.to_vec(), 36, 68),
        ProviderKind::MicroProvider | ProviderKind::HomeCareAgency if rng.chance(0.5) => (
            vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ],
            28,
            88,
        ),
        _ => (Vec::new(), 0, 0),
    };
    days.into_iter()
        .map(|day| Slot {
            day,
            start: at(start),
            end: at(end),
            overnight: false,
        })
        .collect()
}

fn description(
    kind: ProviderKind,
    t: &Traits,
    town: &str,
    deaf: bool,
    languages: &[Language],
    cuisines: &[Cuisine],
    diets: &[DietaryLaw],
) -> String {
    let who = if deaf {
        "Deaf people who use BSL".to_owned()
    } else if t.adjective.is_empty() {
        "older and disabled people".to_owned()
    } else {
        format!("{} elders and families", t.adjective)
    };
    let mut text = match kind {
        ProviderKind::LuncheonClub => format!(
            "A luncheon club in {town} for {who}: a freshly cooked hot meal, company and activities."
        ),
        ProviderKind::DayService => {
            format!("A day centre in {town} for {who}, with meals, outings and activities.")
        }
        ProviderKind::Charity => format!(
            "A volunteer-led community group in {town} offering befriending and support to {who}."
        ),
        ProviderKind::MicroProvider => format!(
            "A small local care service in {town} run by and for {who}, at home and in the community."
        ),
        ProviderKind::HomeCareAgency => {
            format!("A CQC-registered home-care agency in {town} supporting {who} at home.")
        }
        ProviderKind::SharedLives => format!(
            "Shared Lives carers in {town} who welcome {who} into family life for day support, short breaks or longer stays."
        ),
        ProviderKind::Advocacy => format!(
            "Independent advocacy in {town} for {who}, in their own language, at reviews, assessments and appointments."
        ),
    };
    let spoken: Vec<&str> = languages.iter().map(|l| l.label_en()).collect();
    text.push_str(&format!(" Staff speak {}.", and_list(&spoken)));
    if let Some(cuisine) = cuisines.first() {
        let diet = if diets.contains(&DietaryLaw::Halal) {
            " halal"
        } else if diets.contains(&DietaryLaw::Kosher) {
            " kosher"
        } else if diets.contains(&DietaryLaw::Vegetarian) {
            " vegetarian"
        } else {
            ""
        };
        text.push_str(&format!(
            " We cook{diet} {} food.",
            match cuisine {
                Cuisine::Bengali => "Bengali",
                Cuisine::Jewish => "Jewish",
                other => other.label_en(),
            }
        ));
    }
    text
}
