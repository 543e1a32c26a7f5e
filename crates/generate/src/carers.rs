//! One generated carer.

use carematch_domain::vocabulary::{
    CheckKind, Cuisine, DietaryLaw, EmploymentStatus, Experience, Gender, Language, MedicalDiet,
    Service, TravelMode, Weekday,
};
use carematch_domain::{CarerDetails, Check, Contact, Km, RatePence, Slot};
use chrono::NaiveDate;

use crate::areas::{Background, NATIONAL_MIX, demo_areas};
use crate::culture::{Culture, culture, name};
use crate::rng::{Rng, stream};
use crate::text::{and_list, ascii_fold, at, days_from};
use crate::{GeneratedCarer, GeneratorConfig, Place, agencies};

pub(crate) fn carer(
    config: &GeneratorConfig,
    places: &[Place],
    areas: &[Option<usize>],
    index: usize,
) -> GeneratedCarer {
    let mut rng = Rng::for_record(config.seed, stream::CARERS, index as u64);
    let rng = &mut rng;
    let today = config.today;
    let p = rng.below(places.len());
    let place = &places[p];
    let area = areas[p];
    let mix = area.map_or(NATIONAL_MIX, |a| demo_areas()[a].mix);
    let background = rng.weighted(mix);
    let gender = {
        let r = rng.unit();
        if r < 0.8 {
            Gender::Female
        } else if r < 0.99 {
            Gender::Male
        } else {
            Gender::NonBinary
        }
    };
    let (given_name, family_name) = name(rng, background, gender);
    let culture = culture(rng, background, gender);
    let services = services(rng, &culture);
    let experience = experience(rng, &culture);
    let employment_status = if rng.chance(0.62) {
        EmploymentStatus::EmployedByPerson
    } else {
        EmploymentStatus::SelfEmployed
    };
    let checks = checks(rng, today, background, employment_status, &services);
    let night = services.contains(&Service::NightSupport);
    let availability = availability(rng, night);
    let hours_per_week = rng.range(4, 40).min(rng.range(4, 40)) as u8;
    let available_from = if rng.chance(0.3) {
        days_from(today, -rng.range(0, 90))
    } else {
        days_from(today, rng.range(1, 56))
    };
    let (travel_mode, radius) = match rng.below(20) {
        0..=2 => (TravelMode::Walk, rng.range(4, 8)),
        3..=10 => (TravelMode::PublicTransport, rng.range(8, 24)),
        _ => (TravelMode::Car, rng.range(16, 50)),
    };
    let travel_radius_km =
        Km::new(radius as f64 / 2.0).expect("2 to 25 km is within a carer's radius");
    let pence = if rng.chance(0.07) {
        rng.range(300, 440) * 5
    } else {
        (rng.range(210, 300) + rng.range(210, 300)) / 2 * 5
    };
    let hourly_rate = RatePence::new(pence).expect("£10.50 to £22.00 is a valid rate");
    let public_listing_consent = rng.chance(0.85);
    let last_confirmed_on = days_from(today, -rng.range(0, 364));
    let bio = bio(rng, &given_name, &culture, &services, &experience);
    let contact = contact(rng, &given_name, &family_name);
    let agency = (area.unwrap_or(demo_areas().len()) * 3 + rng.below(3)) % agencies().len();
    let details = CarerDetails {
        given_name,
        family_name,
        gender,
        languages: culture.languages,
        cuisines: culture.cuisines,
        dietary_laws: culture.dietary_laws,
        // Medical diets, LGBT+ inclusion and capacity come from the index, not the random
        // stream, so that adding them left every other generated value as it was.
        medical_diets: medical_diets(index),
        lgbt_inclusive: index % 6 == 1,
        accepting_new_clients: true,
        accepting_confirmed_on: None,
        // Two in five of those who state a faith agree to show it. Taken from the index, not
        // the random stream, so that adding this field left every other generated value as it was.
        faith_public_consent: culture.faith.is_some() && index % 5 < 2,
        ethnicity: None,
        ethnicity_consent: false,
        faith: culture.faith,
        faith_practices: culture.faith_practices,
        services,
        experience,
        checks,
        availability,
        hours_per_week,
        available_from,
        postcode: place.postcode.clone(),
        travel_radius_km,
        travel_mode,
        hourly_rate,
        employment_status,
        public_listing_consent,
        last_confirmed_on,
        bio,
        contact,
        external_ref: Some(format!("PA-{:06}", index + 1)),
    };
    GeneratedCarer {
        agency,
        details,
        location: place.point,
    }
}

/// About one carer in five cooks for a medical or texture diet.
fn medical_diets(index: usize) -> Vec<MedicalDiet> {
    match index % 10 {
        2 => vec![MedicalDiet::Diabetic],
        5 => vec![MedicalDiet::Soft, MedicalDiet::Pureed],
        _ if index % 23 == 7 => vec![MedicalDiet::GlutenFree, MedicalDiet::LowSalt],
        _ => Vec::new(),
    }
}

fn services(rng: &mut Rng, culture: &Culture) -> Vec<Service> {
    use Service::*;
    let multilingual = culture
        .languages
        .iter()
        .filter(|l| !matches!(l.code, Language::Eng | Language::Bfi))
        .count()
        > 0;
    let interpreting = if multilingual { 0.12 } else { 0.0 };
    let shares = [
        (PersonalCare, 0.75),
        (MealPreparation, 0.8),
        (Domestic, 0.55),
        (Shopping, 0.5),
        (Companionship, 0.7),
        (MedicationPrompting, 0.45),
        (AccompanyAppointments, 0.4),
        (NightSupport, 0.1),
        (LiveIn, 0.04),
        (Respite, 0.2),
        (DayActivities, 0.1),
        (Befriending, 0.2),
        (Interpreting, interpreting),
    ];
    let mut services: Vec<Service> = shares
        .into_iter()
        .filter(|(_, p)| rng.chance(*p))
        .map(|(s, _)| s)
        .collect();
    if services.is_empty() {
        services.push(Companionship);
    }
    services
}

fn experience(rng: &mut Rng, culture: &Culture) -> Vec<Experience> {
    use Experience::*;
    let signs = culture.languages.iter().any(|l| l.code == Language::Bfi);
    let shares = [
        (Dementia, 0.35),
        (MentalHealth, 0.25),
        (PhysicalDisability, 0.3),
        (VisualImpairment, 0.1),
        (HearingImpairment, if signs { 1.0 } else { 0.08 }),
        (LearningDisability, 0.2),
        (Autism, 0.15),
        (Stroke, 0.2),
        (EndOfLife, 0.12),
    ];
    shares
        .into_iter()
        .filter(|(_, p)| rng.chance(*p))
        .map(|(e, _)| e)
        .collect()
}

/// About one check in ten has expired; the rest run out within three years.
fn expiry(rng: &mut Rng, today: NaiveDate) -> NaiveDate {
    if rng.chance(0.1) {
        days_from(today, -rng.range(1, 540))
    } else {
        days_from(today, rng.range(20, 1100))
    }
}

fn checks(
    rng: &mut Rng,
    today: NaiveDate,
    background: Background,
    employment: EmploymentStatus,
    services: &[Service],
) -> Vec<Check> {
    let mut checks = Vec::with_capacity(6);
    let add = |rng: &mut Rng,
               checks: &mut Vec<Check>,
               kind: CheckKind,
               p: f64,
               reference: Option<String>| {
        if rng.chance(p) {
            let expires_on = expiry(rng, today);
            checks.push(Check {
                kind,
                expires_on,
                reference,
            });
        }
    };
    let dbs = Some(format!("00{:010}", rng.range(0, 9_999_999_999)));
    add(rng, &mut checks, CheckKind::DbsEnhanced, 0.95, dbs);
    // British and Irish citizens' right to work does not run out; others' visas and shares do.
    let settled = matches!(
        background,
        Background::British | Background::Caribbean | Background::Jewish
    );
    if settled {
        if rng.chance(0.85) {
            checks.push(Check {
                kind: CheckKind::RightToWork,
                expires_on: days_from(today, 3650),
                reference: None,
            });
        }
    } else {
        add(rng, &mut checks, CheckKind::RightToWork, 0.88, None);
    }
    let self_employed = employment == EmploymentStatus::SelfEmployed;
    add(
        rng,
        &mut checks,
        CheckKind::PublicLiabilityInsurance,
        if self_employed { 0.8 } else { 0.1 },
        None,
    );
    add(rng, &mut checks, CheckKind::FirstAid, 0.65, None);
    let cooks = services.contains(&Service::MealPreparation);
    add(
        rng,
        &mut checks,
        CheckKind::FoodHygiene,
        if cooks { 0.65 } else { 0.15 },
        None,
    );
    let lifts = services.contains(&Service::PersonalCare);
    add(
        rng,
        &mut checks,
        CheckKind::ManualHandling,
        if lifts { 0.65 } else { 0.2 },
        None,
    );
    checks
}

const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];
const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// `k` distinct days of `days`, in week order.
pub(crate) fn some_days<const N: usize>(
    rng: &mut Rng,
    days: [Weekday; N],
    k: usize,
) -> Vec<Weekday> {
    let mut days = days;
    let k = k.min(N);
    for i in 0..k {
        let j = i + rng.below(N - i);
        days.swap(i, j);
    }
    let mut chosen = days[..k].to_vec();
    chosen.sort_unstable();
    chosen
}

fn availability(rng: &mut Rng, night: bool) -> Vec<Slot> {
    let mut slots = Vec::new();
    let mut push = |days: Vec<Weekday>, start: u16, end: u16, overnight: bool| {
        for day in days {
            slots.push(Slot {
                day,
                start: at(start),
                end: at(end),
                overnight,
            });
        }
    };
    let patterns = if rng.chance(0.45) { 2 } else { 1 };
    for _ in 0..patterns {
        match rng.below(5) {
            // Weekday mornings.
            0 => {
                let k = rng.range(2, 5) as usize;
                push(
                    some_days(rng, WEEKDAYS, k),
                    rng.range(28, 34) as u16,
                    rng.range(46, 52) as u16,
                    false,
                );
            }
            // Weekday afternoons.
            1 => {
                let k = rng.range(2, 5) as usize;
                push(
                    some_days(rng, WEEKDAYS, k),
                    rng.range(48, 54) as u16,
                    rng.range(64, 72) as u16,
                    false,
                );
            }
            // Evenings, any day.
            2 => {
                let k = rng.range(2, 7) as usize;
                push(
                    some_days(rng, WEEK, k),
                    rng.range(66, 72) as u16,
                    rng.range(80, 88) as u16,
                    false,
                );
            }
            // Weekends.
            3 => {
                let k = rng.range(1, 2) as usize;
                push(
                    some_days(rng, [Weekday::Sat, Weekday::Sun], k),
                    rng.range(32, 40) as u16,
                    rng.range(56, 80) as u16,
                    false,
                );
            }
            // Whole weekdays.
            _ => {
                let k = rng.range(2, 5) as usize;
                push(
                    some_days(rng, WEEKDAYS, k),
                    rng.range(32, 36) as u16,
                    rng.range(64, 72) as u16,
                    false,
                );
            }
        }
    }
    if night {
        let k = rng.range(1, 3) as usize;
        push(
            some_days(rng, WEEK, k),
            rng.range(84, 90) as u16,
            rng.range(28, 32) as u16,
            true,
        );
    }
    slots.sort_by_key(|s| (s.day, s.start, s.end));
    slots.dedup();
    slots
}

fn experience_phrase(experience: Experience) -> &'static str {
    match experience {
        Experience::Dementia => "people living with dementia",
        Experience::MentalHealth => "people with mental health needs",
        Experience::PhysicalDisability => "people with physical disabilities",
        Experience::VisualImpairment => "people with sight loss",
        Experience::HearingImpairment => "people who are deaf or hard of hearing",
        Experience::LearningDisability => "adults with learning disabilities",
        Experience::Autism => "autistic adults",
        Experience::Stroke => "people recovering from a stroke",
        Experience::EndOfLife => "people at the end of their lives",
    }
}

fn bio(
    rng: &mut Rng,
    given_name: &str,
    culture: &Culture,
    services: &[Service],
    experience: &[Experience],
) -> String {
    use carematch_domain::vocabulary::Code;
    let years = rng.range(1, 20);
    let mut bio = match rng.below(4) {
        0 => format!("I have been a personal assistant for {years} years."),
        1 => format!(
            "I looked after my {} for {years} years before becoming a PA.",
            rng.pick(&[
                "mother",
                "father",
                "grandmother",
                "grandfather",
                "aunt",
                "husband"
            ])
        ),
        2 => format!(
            "Hello, I am {given_name}, a patient and cheerful carer with {years} years' experience."
        ),
        _ => format!("I have worked in care for {years} years, at home and in day centres."),
    };
    if culture.languages.len() > 1 {
        let mut spoken: Vec<&str> = culture
            .languages
            .iter()
            .filter(|l| l.code != Language::Eng)
            .map(|l| l.code.label_en())
            .collect();
        spoken.push("English");
        bio.push_str(&format!(" I speak {}.", and_list(&spoken)));
    }
    if services.contains(&Service::MealPreparation)
        && let Some(cuisine) = culture.cuisines.first()
    {
        let label = match cuisine {
            Cuisine::Bengali => "Bengali",
            Cuisine::Jewish => "Jewish",
            other => other.label_en(),
        };
        bio.push_str(&format!(" I cook fresh {label} meals at home"));
        if culture.dietary_laws.contains(&DietaryLaw::Halal) {
            bio.push_str(" and keep everything halal.");
        } else if culture.dietary_laws.contains(&DietaryLaw::Kosher) {
            bio.push_str(" and keep a kosher kitchen.");
        } else if culture.dietary_laws.contains(&DietaryLaw::Vegetarian) {
            bio.push_str(", all vegetarian.");
        } else {
            bio.push('.');
        }
    }
    if let Some(first) = experience.first() {
        bio.push_str(&format!(" I have supported {}.", experience_phrase(*first)));
    }
    if services.contains(&Service::NightSupport) {
        bio.push_str(" I can do sleep-in and waking nights.");
    }
    if let Some(own) = culture.own_words
        && rng.chance(0.6)
    {
        bio.push(' ');
        bio.push_str(own);
    }
    bio
}

fn contact(rng: &mut Rng, given_name: &str, family_name: &str) -> Contact {
    let phone = rng
        .chance(0.95)
        .then(|| format!("07700 900{:03}", rng.below(1000)));
    let email = rng.chance(0.7).then(|| {
        let (given, family) = (ascii_fold(given_name), ascii_fold(family_name));
        let local = match (given.is_empty(), family.is_empty()) {
            (false, false) => format!("{given}.{family}"),
            (false, true) => given,
            (true, false) => family,
            (true, true) => "pa".to_owned(),
        };
        if rng.chance(0.5) {
            format!("{local}{}@example.org", rng.range(1, 99))
        } else {
            format!("{local}@example.org")
        }
    });
    Contact {
        phone,
        email,
        website: None,
    }
}
