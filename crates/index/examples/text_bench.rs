//! Micro-benchmark of the text index: indexes 100,000 synthetic records (80,000 carers, 20,000
//! providers; seeded, so every run indexes the same data) into a temporary directory, then times
//! a few queries.
//!
//! `cargo run --release -p carematch-index --example text_bench [RECORDS]`

use std::error::Error;
use std::time::{Duration, Instant};

use carematch_domain::vocabulary::{
    Cuisine, DietaryLaw, EmploymentStatus, FaithPractice, Gender, Language, Proficiency,
    ProviderKind, Service, TravelMode,
};
use carematch_domain::{
    AgencyId, Carer, CarerDetails, CarerId, Contact, GeoPoint, Km, LanguageSkill, Postcode,
    Provider, ProviderDetails, ProviderId, RatePence, ServiceArea,
};
use carematch_index::text::{DocKind, Filters, SearchQuery, TextIndex};

use carematch_testkit::Rng;

const GIVEN_NAMES: &[&str] = &[
    "Mei",
    "Wing",
    "Li",
    "Rahima",
    "Shahana",
    "Harpreet",
    "Gurdeep",
    "Ayesha",
    "Fatima",
    "Amina",
    "Priya",
    "Anjali",
    "Hodan",
    "Fartun",
    "Agnieszka",
    "Kasia",
    "Grace",
    "Chioma",
    "Olu",
    "Maria",
    "Elena",
    "Joy",
    "Tran",
    "Nasrin",
    "Leyla",
    "Ruth",
    "Ama",
    "Kofi",
    "Sarah",
    "John",
];
const FAMILY_NAMES: &[&str] = &[
    "Lam", "Chan", "Wong", "Begum", "Ahmed", "Kaur", "Singh", "Khan", "Patel", "Shah", "Mohamed",
    "Nowak", "Kowalska", "Okafor", "Adeyemi", "Nguyen", "Hosseini", "Yilmaz", "Mensah", "Smith",
];
/// Bio phrases in the languages the directory serves.
const PHRASES: &[&str] = &[
    "我會煮廣東菜，也可以陪你去飲茶。",
    "我会做饺子和面条。",
    "আমি বাংলায় কথা বলি এবং রান্না করতে ভালোবাসি।",
    "ਮੈਂ ਪੰਜਾਬੀ ਬੋਲਦੀ ਹਾਂ ਅਤੇ ਖਾਣਾ ਬਣਾਉਂਦੀ ਹਾਂ।",
    "میں اردو بولتی ہوں اور کھانا پکاتی ہوں",
    "હું ગુજરાતી બોલું છું અને રસોઈ બનાવું છું.",
    "मैं हिन्दी बोलती हूँ।",
    "Waxaan ku hadlaa Af-Soomaali.",
    "Mówię po polsku i gotuję polskie jedzenie.",
    "I have cared for my grandmother with dementia for five years.",
    "Happy to help with shopping, appointments and getting to the mosque or gurdwara.",
    "Experienced with personal care, hoists and medication prompting.",
    "I cook Caribbean food: rice and peas, curry goat, plantain.",
    "Patient, cheerful and reliable; I drive and can cover evenings.",
];
const PLACES: &[&str] = &[
    "Liverpool",
    "Leicester",
    "Bradford",
    "Birmingham",
    "Manchester",
    "Tower Hamlets",
    "Southall",
    "Luton",
    "Sheffield",
    "Newcastle",
    "Cardiff",
    "Coventry",
    "Nottingham",
    "Leeds",
    "Bristol",
];
const ORGANISATIONS: &[&str] = &[
    "Chinese Luncheon Club",
    "Bangladeshi Women's Association",
    "Sikh Elders Day Centre",
    "Somali Community Care",
    "Polish Befriending Service",
    "Caribbean Elders Lunch",
    "Gujarati Seniors Circle",
    "Muslim Welfare Home Care",
    "Vietnamese Mutual Aid",
];

fn carer(rng: &mut Rng, id: i64) -> Result<Carer, Box<dyn Error>> {
    let languages = rng.some(Language::ALL, 3);
    Ok(Carer {
        id: CarerId(id),
        agency_id: AgencyId(1 + rng.below(20) as i64),
        details: CarerDetails {
            given_name: (*rng.pick_ref(GIVEN_NAMES)).to_owned(),
            family_name: (*rng.pick_ref(FAMILY_NAMES)).to_owned(),
            gender: *rng.pick_ref(Gender::ALL),
            languages: languages
                .into_iter()
                .map(|code| LanguageSkill {
                    code,
                    proficiency: *rng.pick_ref(Proficiency::ALL),
                    reads: rng.percent(60),
                    writes: rng.percent(40),
                })
                .collect(),
            cuisines: rng.some(Cuisine::ALL, 2),
            dietary_laws: if rng.percent(50) {
                rng.some(DietaryLaw::ALL, 2)
            } else {
                Vec::new()
            },
            faith: None,
            faith_public_consent: false,
            ethnicity: None,
            ethnicity_consent: false,
            medical_diets: Vec::new(),
            lgbt_inclusive: false,
            accepting_new_clients: true,
            accepting_confirmed_on: None,
            faith_practices: if rng.percent(40) {
                rng.some(FaithPractice::ALL, 3)
            } else {
                Vec::new()
            },
            services: rng.some(Service::ALL, 4),
            experience: Vec::new(),
            checks: Vec::new(),
            availability: Vec::new(),
            hours_per_week: 1 + rng.below(40) as u8,
            available_from: Default::default(),
            postcode: Postcode::parse("LE1 5WW")?,
            travel_radius_km: Km::new(1.0 + rng.below(30) as f64)?,
            travel_mode: *rng.pick_ref(TravelMode::ALL),
            hourly_rate: RatePence::new(1200 + rng.below(1000) as i64)?,
            employment_status: *rng.pick_ref(EmploymentStatus::ALL),
            public_listing_consent: rng.percent(80),
            last_confirmed_on: Default::default(),
            bio: (0..1 + rng.below(3))
                .map(|_| *rng.pick_ref(PHRASES))
                .collect::<Vec<_>>()
                .join(" "),
            contact: Contact::default(),
            external_ref: None,
        },
        location: GeoPoint::new(52.6, -1.1)?,
        version: 1,
        created_at: Default::default(),
        updated_at: Default::default(),
        listing: Default::default(),
    })
}

fn provider(rng: &mut Rng, id: i64) -> Result<Provider, Box<dyn Error>> {
    Ok(Provider {
        id: ProviderId(id),
        agency_id: rng.percent(30).then(|| AgencyId(1 + rng.below(20) as i64)),
        details: ProviderDetails {
            name: format!("{} {}", rng.pick_ref(PLACES), rng.pick_ref(ORGANISATIONS)),
            kind: *rng.pick_ref(ProviderKind::ALL),
            description: (0..1 + rng.below(3))
                .map(|_| *rng.pick_ref(PHRASES))
                .collect::<Vec<_>>()
                .join(" "),
            communities: Vec::new(),
            staff_languages: rng.some(Language::ALL, 4),
            cuisines: rng.some(Cuisine::ALL, 3),
            dietary_laws: rng.some(DietaryLaw::ALL, 2),
            faith_practices: rng.some(FaithPractice::ALL, 3),
            services: rng.some(Service::ALL, 5),
            experience: Vec::new(),
            postcode: Postcode::parse("LE1 5WW")?,
            service_area: ServiceArea::Radius { km: Km::new(5.0)? },
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
        location: GeoPoint::new(52.6, -1.1)?,
        version: 1,
        created_at: Default::default(),
        updated_at: Default::default(),
        listing: Default::default(),
        organisation_id: None,
    })
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn main() -> Result<(), Box<dyn Error>> {
    let records: usize = std::env::args()
        .nth(1)
        .map(|n| n.parse())
        .transpose()?
        .unwrap_or(100_000);
    let providers = records / 5;
    let carers = records - providers;

    let mut rng = Rng::new(20_261_101);
    let started = Instant::now();
    let mut generated_carers = Vec::with_capacity(carers);
    for id in 1..=carers {
        generated_carers.push(carer(&mut rng, id as i64)?);
    }
    let mut generated_providers = Vec::with_capacity(providers);
    for id in 1..=providers {
        generated_providers.push(provider(&mut rng, id as i64)?);
    }
    let generating = started.elapsed();

    let dir = tempfile::tempdir()?;
    let (index, _) = TextIndex::open_or_create(dir.path())?;
    let started = Instant::now();
    for carer in &generated_carers {
        index.upsert_carer(carer)?;
    }
    for provider in &generated_providers {
        index.upsert_provider(provider)?;
    }
    index.commit(1)?;
    let indexing = started.elapsed();
    println!(
        "records: {records} ({carers} carers, {providers} providers); generated in {:.2?}",
        generating
    );
    println!(
        "indexed and committed in {:.2?} ({:.0} records/s); {} docs",
        indexing,
        records as f64 / indexing.as_secs_f64(),
        index.num_docs()
    );

    let text = |q: &str| SearchQuery {
        q: Some(q.to_owned()),
        ..SearchQuery::default()
    };
    let queries: Vec<(&str, SearchQuery)> = vec![
        ("q=Cantonese", text("Cantonese")),
        ("q=廣東話", text("廣東話")),
        ("q=halal", text("halal")),
        ("q=Liverpol (fuzzy)", text("Liverpol")),
        ("q=halal Bengali meal", text("halal Bengali meal")),
        ("q=বাংলায়", text("বাংলায়")),
        ("q=dementia grandmother", text("dementia grandmother")),
        (
            "filters: carer yue+halal, public",
            SearchQuery {
                filters: Filters {
                    kind: Some(DocKind::Carer),
                    languages: vec![Language::Yue],
                    diets: vec![DietaryLaw::Halal],
                    public_only: true,
                    ..Filters::default()
                },
                ..SearchQuery::default()
            },
        ),
        (
            "q=Urdu + personal_care, agency 3",
            SearchQuery {
                q: Some("Urdu".to_owned()),
                filters: Filters {
                    services: vec![Service::PersonalCare],
                    agency: Some(3),
                    ..Filters::default()
                },
                ..SearchQuery::default()
            },
        ),
        ("no text, no filter (all)", SearchQuery::default()),
    ];
    println!(
        "{:<36} {:>8} {:>10} {:>10}",
        "query (20 hits + facets)", "total", "p50", "p99"
    );
    for (label, query) in &queries {
        let warm = index.search(query)?;
        let mut times = Vec::with_capacity(200);
        for _ in 0..200 {
            let started = Instant::now();
            let results = index.search(query)?;
            times.push(started.elapsed());
            std::hint::black_box(results);
        }
        times.sort();
        println!(
            "{label:<36} {:>8} {:>10.2?} {:>10.2?}",
            warm.total,
            percentile(&times, 0.50),
            percentile(&times, 0.99)
        );
    }
    Ok(())
}
