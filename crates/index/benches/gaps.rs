//! Gap-analysis benchmark: supply for one need over every English local authority, and for
//! every language in the vocabulary, with 1,000,000 carers and 50,000 providers loaded.
//!
//! ```text
//! cargo bench -p carematch-index --bench gaps
//! BENCH_CARERS=100000 cargo bench -p carematch-index --bench gaps
//! ```
//!
//! Areas: the 296 current English authorities with their boundaries, read from the real files
//! in `../shared/data` (or `CAREMATCH_OPEN_DATA`), measured at the real postcode sectors
//! (`postcodes/sector_centroids.csv`, the English ones found through the boundaries); without
//! the files, 296 synthetic centroids over England (and a message saying so). Candidates: a
//! seeded SplitMix64 generator, 70% in 12 city clusters and 30% spread over England; everyone
//! speaks English, half also one community language and a fifth of those a second. Targets at
//! sector resolution: one need <= 300 ms, every language <= 3 s (single thread).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use carematch_domain::provider::ServiceArea;
use carematch_domain::vocabulary::{
    Cuisine, EmploymentStatus, Gender, Language, Proficiency, ProviderKind, Service, TravelMode,
};
use carematch_domain::{
    AgencyId, Carer, CarerDetails, CarerId, Contact, GeoPoint, Km, LanguageSkill, Postcode,
    Provider, ProviderDetails, ProviderId, RatePence,
};
use carematch_index::gaps::{GapInputs, GapQuery, analyse, analyse_many};
use carematch_index::geo::CandidateSet;
use carematch_matching::gaps::{AreaKind, Authorities, DemandBasis, NeedSet};
use carematch_matching::{Roster, day_number};
use carematch_store::authorities::{read_authorities_csv, read_boundaries_geojson};
use carematch_store::sectors::read_sectors_csv;
use chrono::{DateTime, NaiveDate};

use carematch_testkit::Rng;

/// (lat, lon, weight, sigma km)
const CITIES: [(f64, f64, f64, f64); 12] = [
    (51.507, -0.128, 16.0, 12.0),
    (52.486, -1.890, 5.0, 8.0),
    (53.480, -2.242, 5.0, 8.0),
    (53.800, -1.549, 3.0, 6.0),
    (53.408, -2.991, 2.5, 5.0),
    (53.381, -1.470, 2.0, 5.0),
    (51.454, -2.588, 2.0, 5.0),
    (52.637, -1.135, 2.0, 4.0),
    (53.795, -1.759, 2.0, 4.0),
    (54.978, -1.618, 2.0, 5.0),
    (52.954, -1.158, 2.0, 4.0),
    (50.376, -4.143, 1.0, 4.0),
];

fn place(rng: &mut Rng) -> GeoPoint {
    let total: f64 = CITIES.iter().map(|c| c.2).sum();
    let (lat, lon) = if rng.chance(0.7) {
        let mut x = rng.unit() * total;
        let mut city = CITIES[0];
        for c in CITIES {
            if x < c.2 {
                city = c;
                break;
            }
            x -= c.2;
        }
        let (lat, lon, _, sigma) = city;
        (
            lat + rng.gaussian() * sigma / 111.2,
            lon + rng.gaussian() * sigma / (111.2 * lat.to_radians().cos()),
        )
    } else {
        (rng.range(50.1, 55.7), rng.range(-5.5, 1.7))
    };
    GeoPoint::new(lat.clamp(-89.0, 89.0), lon.clamp(-179.0, 179.0)).unwrap_or(GeoPoint {
        lat: 52.0,
        lon: -1.0,
    })
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn skill(code: Language, proficiency: Proficiency) -> LanguageSkill {
    LanguageSkill {
        code,
        proficiency,
        reads: true,
        writes: true,
    }
}

fn carer(rng: &mut Rng, id: i64, postcode: &Postcode) -> Carer {
    let mut languages = vec![skill(Language::Eng, Proficiency::Native)];
    let community: Vec<Language> = Language::ALL
        .iter()
        .copied()
        .filter(|l| *l != Language::Eng)
        .collect();
    if rng.chance(0.5) {
        languages.push(skill(rng.pick(&community), Proficiency::Native));
        if rng.chance(0.2) {
            let second = rng.pick(&community);
            if languages.iter().all(|l| l.code != second) {
                languages.push(skill(second, Proficiency::Conversational));
            }
        }
    }
    let epoch = DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default();
    Carer {
        id: CarerId(id),
        agency_id: AgencyId(1 + id % 50),
        details: CarerDetails {
            given_name: "Bench".to_owned(),
            family_name: "Carer".to_owned(),
            gender: if rng.chance(0.8) {
                Gender::Female
            } else {
                Gender::Male
            },
            languages,
            cuisines: vec![rng.pick(Cuisine::ALL)],
            dietary_laws: vec![],
            faith: None,
            faith_public_consent: false,
            ethnicity: None,
            ethnicity_consent: false,
            medical_diets: Vec::new(),
            lgbt_inclusive: false,
            accepting_new_clients: true,
            accepting_confirmed_on: None,
            faith_practices: vec![],
            services: vec![Service::PersonalCare],
            experience: vec![],
            checks: vec![],
            availability: vec![],
            hours_per_week: 20,
            available_from: date(2026, 1, 1),
            postcode: postcode.clone(),
            travel_radius_km: Km::new(rng.range(2.0, 25.0)).unwrap_or_else(|_| unreachable!()),
            travel_mode: TravelMode::Car,
            hourly_rate: RatePence::new(1500).unwrap_or_else(|_| unreachable!()),
            employment_status: EmploymentStatus::SelfEmployed,
            public_listing_consent: rng.chance(0.7),
            last_confirmed_on: date(2026, 10, 1),
            bio: String::new(),
            contact: Contact::default(),
            external_ref: None,
        },
        location: place(rng),
        version: 1,
        created_at: epoch,
        updated_at: epoch,
        listing: Default::default(),
    }
}

fn provider(rng: &mut Rng, id: i64, postcode: &Postcode) -> Provider {
    let at = place(rng);
    let area = if rng.chance(0.1) {
        let h = rng.range(0.05, 0.3);
        ServiceArea::Polygon {
            coordinates: vec![vec![
                [at.lon - h, at.lat - h],
                [at.lon + h, at.lat - h],
                [at.lon + h, at.lat + h],
                [at.lon - h, at.lat + h],
                [at.lon - h, at.lat - h],
            ]],
        }
    } else {
        ServiceArea::Radius {
            km: Km::new(rng.range(3.0, 30.0)).unwrap_or_else(|_| unreachable!()),
        }
    };
    let epoch = DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default();
    Provider {
        id: ProviderId(id),
        agency_id: None,
        details: ProviderDetails {
            name: "Bench provider".to_owned(),
            kind: ProviderKind::Charity,
            description: String::new(),
            communities: vec![],
            staff_languages: vec![Language::Eng, rng.pick(Language::ALL)],
            cuisines: vec![rng.pick(Cuisine::ALL)],
            dietary_laws: vec![],
            faith_practices: vec![],
            services: vec![Service::LuncheonClub],
            experience: vec![],
            postcode: postcode.clone(),
            service_area: area,
            accepting_new_clients: true,
            accepting_confirmed_on: date(2026, 11, 1),
            medical_diets: Vec::new(),
            lgbt_inclusive: false,
            delivery_modes: vec![carematch_domain::vocabulary::DeliveryMode::InPerson],
            checks: vec![],
            contact: Contact::default(),
            self_referral: true,
            hourly_rate: None,
            opening_hours: vec![],
            last_confirmed_on: date(2026, 11, 1),
            external_ref: None,
        },
        location: at,
        version: 1,
        created_at: epoch,
        updated_at: epoch,
        listing: Default::default(),
        organisation_id: None,
    }
}

fn data_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    match std::env::var("CAREMATCH_OPEN_DATA") {
        Ok(dir) if Path::new(&dir).is_absolute() => PathBuf::from(dir),
        Ok(dir) => root.join(dir),
        Err(_) => root.join("../shared/data"),
    }
}

/// The real authorities and boundaries when the files are there, else synthetic centroids.
fn inputs() -> (GapInputs, &'static str) {
    let dir = data_dir();
    let read = || -> Option<GapInputs> {
        let file = std::fs::File::open(dir.join("boundaries/local_authorities.csv")).ok()?;
        let authorities = Authorities::new(read_authorities_csv(file).ok()?);
        let file = std::fs::File::open(dir.join("boundaries/lad_2023_buc.geojson")).ok()?;
        let boundaries = read_boundaries_geojson(std::io::BufReader::new(file))
            .ok()?
            .into_iter()
            .map(|b| (b.gss, b.geometry))
            .collect();
        Some(GapInputs {
            authorities,
            boundaries,
            ..GapInputs::default()
        })
    };
    if let Some(mut inputs) = read() {
        let sectors = std::fs::File::open(dir.join("postcodes/sector_centroids.csv"))
            .ok()
            .and_then(|f| read_sectors_csv(std::io::BufReader::new(f)).ok());
        let Some(sectors) = sectors else {
            println!("postcodes/sector_centroids.csv not found: authorities measured at centroids");
            return (
                inputs,
                "296 real English authorities (../shared/data), no sectors",
            );
        };
        inputs.sectors = sectors;
        return (
            inputs,
            "296 real English authorities (../shared/data) at their postcode sectors",
        );
    }
    println!(
        "open data not found under {}: synthetic centroids",
        dir.display()
    );
    let mut rng = Rng::new(99);
    let list = (0..296)
        .map(|i| carematch_matching::gaps::Authority {
            gss: format!("E06{i:06}"),
            name: format!("Area {i}"),
            region: None,
            nation: Some("England".into()),
            centroid: Some(place(&mut rng)),
            replaced_by: None,
            population: None,
        })
        .collect::<Vec<_>>();
    (
        GapInputs {
            authorities: Authorities::new(list),
            ..GapInputs::default()
        },
        "296 synthetic centroids (open data not found)",
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let carers: usize = std::env::var("BENCH_CARERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let providers = carers / 20;
    let postcode = Postcode::parse("LE1 5WW").unwrap_or_else(|_| unreachable!());
    let mut rng = Rng::new(2026);
    let started = Instant::now();
    let mut roster = Roster::with_capacity(carers + providers);
    for id in 0..carers {
        roster.push_carer(&carer(&mut rng, id as i64 + 1, &postcode));
    }
    for id in 0..providers {
        roster.push_provider(&provider(&mut rng, id as i64 + 1, &postcode));
    }
    let set = CandidateSet::from_roster(roster);
    println!(
        "{carers} carers + {providers} providers generated and indexed in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let (inputs, areas) = inputs();
    println!("areas: {areas}");
    let authority_areas =
        carematch_index::gaps::authority_areas(&inputs.authorities, &inputs.boundaries);
    let t = Instant::now();
    let assigned = carematch_index::gaps::sector_assignment(&authority_areas, &inputs.sectors);
    println!(
        "{} sectors read, {} in the analysed authorities, assigned in {:.1} ms (then cached)",
        inputs.sectors.len(),
        assigned.iter().filter(|a| a.is_some()).count(),
        ms(t.elapsed())
    );
    let today = day_number(date(2026, 11, 22));
    let query = |need: NeedSet| GapQuery {
        need,
        max_km: 10.0,
        by: AreaKind::LocalAuthority,
        basis: DemandBasis::Census,
        today,
    };

    // One need, several runs: the whole report (areas, demand, supply, severity).
    let mut times = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let report = analyse(&set, &inputs, &query(NeedSet::language(Language::Yue)));
        times.push(t.elapsed());
        black_box(report);
    }
    times.sort();
    println!(
        "one need (language:yue) over every authority at its sectors: median {:.1} ms, max {:.1} ms (target <= 300 ms)",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    );
    let t = Instant::now();
    black_box(analyse(
        &set,
        &inputs,
        &query(NeedSet::language(Language::Eng)),
    ));
    println!(
        "one common need (language:eng, 85% of candidates): {:.1} ms",
        ms(t.elapsed())
    );
    let t = Instant::now();
    let mut by_sector = query(NeedSet::language(Language::Yue));
    by_sector.by = AreaKind::Sector;
    let report = analyse(&set, &inputs, &by_sector);
    println!(
        "one need by=sector ({} sector rows): {:.1} ms",
        report.rows.len(),
        ms(t.elapsed())
    );
    black_box(report);
    let t = Instant::now();
    black_box(analyse(
        &set,
        &inputs,
        &query(
            NeedSet::parse("language:som,gender:female,service:personal_care")
                .unwrap_or_else(|_| unreachable!()),
        ),
    ));
    println!(
        "one combined need (language:som,gender:female,service:personal_care): {:.1} ms",
        ms(t.elapsed())
    );

    // Every language in the vocabulary: one report each, supply counted in one pass.
    let needs: Vec<NeedSet> = Language::ALL
        .iter()
        .map(|l| NeedSet::language(*l))
        .collect();
    let mut times = Vec::new();
    let mut flagged = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let reports = analyse_many(&set, &inputs, &needs, 10.0, today);
        times.push(t.elapsed());
        flagged = reports
            .iter()
            .flat_map(|r| &r.rows)
            .filter(|r| r.carers == 0)
            .count();
    }
    times.sort();
    println!(
        "every language ({} reports, one pass): median {:.1} ms, max {:.1} ms (target <= 3000 ms); {flagged} area-language pairs without a carer",
        needs.len(),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    );
}
