//! Matching benchmark over synthetic carers and providers spread across England.
//!
//! ```text
//! cargo bench -p carematch-index --bench matching
//! BENCH_SIZES=100000 BENCH_QUERIES=500 cargo bench -p carematch-index --bench matching
//! BENCH_SIZES=1000000 BENCH_REPEAT=3 BENCH_SLOW=1 cargo bench -p carematch-index --bench matching
//! ```
//!
//! Every plan's first run is timed as it comes (its blocks come from memory: a service answers
//! requests from all over the country), and again with the time the thread spent waiting for a
//! CPU taken out (from `/proc/thread-self/schedstat`: on a shared machine other processes take
//! the CPU away for milliseconds at a time); the runs that were never descheduled are listed on
//! their own. `BENCH_REPEAT=n` runs every plan n times in all, and also reports
//! the best and the median of the n runs (the later runs find the plan's data in the caches).
//! `BENCH_SLOW` lists the slowest plans (first run, waits taken out).
//!
//! For each size (default 100,000 and 1,000,000 carers, plus one provider per 20 carers) it
//! prints: the time to build the candidate arrays and the geographic index from records
//! (generating the records is not timed), single-thread match latency p50/p99/max over a fixed
//! mix of plans, and memory (VmRSS after the build, VmHWM for the process so far).
//!
//! Data: a seeded SplitMix64 generator; 70% of records in 30 city clusters (Gaussian, London the
//! largest), 30% spread uniformly over England's bounding box. Targets at 1M: p99 < 1 ms, build
//! < 60 s.

// The server's allocator (crates/cli): it backs the columns with transparent huge pages, which
// changes both the build time and the match latency, so measure what the server runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::time::{Duration, Instant};

use carematch_domain::plan::{LanguageNeed, Need, Priority, ScheduleNeed, SupportPlan};
use carematch_domain::provider::ServiceArea;
use carematch_domain::schedule::{Slot, TimeOfDay};
use carematch_domain::vocabulary::{
    CheckKind, Cuisine, DietaryLaw, EmploymentStatus, Experience, Faith, FaithPractice, Gender,
    Language, Proficiency, ProviderKind, Service, TravelMode, Weekday,
};
use carematch_domain::{
    AgencyId, Carer, CarerDetails, CarerId, Check, Contact, GeoPoint, Km, LanguageSkill, Postcode,
    Provider, ProviderDetails, ProviderId, RatePence,
};
use carematch_index::geo::CandidateSet;
use carematch_matching::{CandidateKind, CompiledPlan, KindFilter, MatchOptions, Roster, Viewer};
use chrono::{DateTime, NaiveDate, Utc};

use carematch_testkit::Rng;

/// (lat, lon, weight, sigma km)
const CITIES: [(f64, f64, f64, f64); 30] = [
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
    (52.407, -1.510, 1.5, 4.0),
    (51.879, -0.417, 1.0, 3.0),
    (50.910, -1.404, 1.0, 4.0),
    (50.819, -1.088, 1.0, 3.0),
    (50.376, -4.143, 1.0, 4.0),
    (52.630, 1.297, 1.0, 4.0),
    (53.745, -0.336, 1.0, 4.0),
    (53.003, -2.179, 1.0, 4.0),
    (52.922, -1.476, 1.0, 3.0),
    (51.455, -0.978, 1.0, 3.0),
    (51.752, -1.258, 0.8, 3.0),
    (52.205, 0.122, 0.8, 3.0),
    (53.763, -2.703, 0.8, 3.0),
    (53.748, -2.482, 0.8, 3.0),
    (53.578, -2.429, 0.8, 3.0),
    (52.586, -2.129, 1.0, 4.0),
    (53.646, -1.785, 0.8, 3.0),
    (51.589, 0.043, 1.0, 5.0),
    (52.056, 1.148, 0.6, 3.0),
];

fn place(rng: &mut Rng) -> GeoPoint {
    let total: f64 = CITIES.iter().map(|c| c.2).sum();
    let spot = if rng.chance(0.7) {
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
        let dlat = rng.gaussian() * sigma / 111.2;
        let dlon = rng.gaussian() * sigma / (111.2 * lat.to_radians().cos());
        (lat + dlat, lon + dlon)
    } else {
        (rng.range(50.0, 55.8), rng.range(-5.7, 1.8))
    };
    GeoPoint::new(spot.0.clamp(-90.0, 90.0), spot.1.clamp(-180.0, 180.0)).unwrap_or(GeoPoint {
        lat: 52.0,
        lon: -1.0,
    })
}

const COMMUNITY: [Language; 14] = [
    Language::Urd,
    Language::Pan,
    Language::Ben,
    Language::Guj,
    Language::Pol,
    Language::Yue,
    Language::Som,
    Language::Ara,
    Language::Syl,
    Language::Cmn,
    Language::Zho,
    Language::Tam,
    Language::Ron,
    Language::Tur,
];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn time(s: &str) -> TimeOfDay {
    TimeOfDay::parse(s)
        .unwrap_or_else(|_| TimeOfDay::from_quarters(0).unwrap_or_else(|| unreachable!()))
}

fn slots(rng: &mut Rng, n: usize) -> Vec<Slot> {
    let starts = ["07:00", "08:00", "09:00", "12:00", "14:00", "17:00"];
    let ends = ["11:00", "13:00", "16:00", "19:00", "21:00"];
    (0..n)
        .map(|_| {
            let day = rng.pick(Weekday::ALL);
            if rng.chance(0.1) {
                Slot {
                    day,
                    start: time("22:00"),
                    end: time("07:00"),
                    overnight: true,
                }
            } else {
                let start = rng.pick(&starts);
                let end = ends.iter().copied().find(|e| *e > start).unwrap_or("21:00");
                Slot {
                    day,
                    start: time(start),
                    end: time(end),
                    overnight: false,
                }
            }
        })
        .collect()
}

fn subset<T: Copy>(rng: &mut Rng, items: &[T], p: f64) -> Vec<T> {
    items.iter().copied().filter(|_| rng.chance(p)).collect()
}

struct Template {
    postcode: Postcode,
    epoch: DateTime<Utc>,
}

fn carer(rng: &mut Rng, id: i64, t: &Template) -> Carer {
    let mut languages = vec![LanguageSkill {
        code: Language::Eng,
        proficiency: if rng.chance(0.7) {
            Proficiency::Native
        } else {
            Proficiency::Fluent
        },
        reads: true,
        writes: true,
    }];
    if rng.chance(0.45) {
        languages.push(LanguageSkill {
            code: rng.pick(&COMMUNITY),
            proficiency: rng.pick(Proficiency::ALL),
            reads: false,
            writes: false,
        });
    }
    let n = 2 + rng.below(5);
    Carer {
        id: CarerId(id),
        agency_id: AgencyId(1 + rng.below(200) as i64),
        details: CarerDetails {
            given_name: "Sam".to_owned(),
            family_name: "Example".to_owned(),
            gender: if rng.chance(0.8) {
                Gender::Female
            } else {
                Gender::Male
            },
            languages,
            cuisines: subset(rng, Cuisine::ALL, 0.08),
            dietary_laws: subset(rng, DietaryLaw::ALL, 0.15),
            faith: if rng.chance(0.6) {
                Some(rng.pick(Faith::ALL))
            } else {
                None
            },
            // Every stated faith public, so that plans asking for a shared faith do the same
            // work as in the figures before the consent existed.
            faith_public_consent: true,
            ethnicity: None,
            ethnicity_consent: false,
            medical_diets: Vec::new(),
            lgbt_inclusive: false,
            accepting_new_clients: true,
            accepting_confirmed_on: None,
            faith_practices: subset(rng, FaithPractice::ALL, 0.25),
            services: subset(rng, Service::ALL, 0.3),
            experience: subset(rng, Experience::ALL, 0.2),
            checks: vec![Check {
                kind: CheckKind::DbsEnhanced,
                expires_on: date(2026 + rng.below(3) as i32, 1 + rng.below(12) as u32, 1),
                reference: None,
            }],
            availability: slots(rng, n),
            hours_per_week: (5 + rng.below(36)) as u8,
            available_from: date(2026, 1 + rng.below(12) as u32, 1),
            postcode: t.postcode.clone(),
            travel_radius_km: Km::new(rng.range(3.0, 25.0)).unwrap_or_else(|_| unreachable!()),
            travel_mode: TravelMode::Car,
            hourly_rate: RatePence::new(1100 + rng.below(900) as i64)
                .unwrap_or_else(|_| unreachable!()),
            employment_status: EmploymentStatus::SelfEmployed,
            public_listing_consent: rng.chance(0.8),
            last_confirmed_on: date(2026, 10, 1),
            bio: String::new(),
            contact: Contact::default(),
            external_ref: None,
        },
        location: place(rng),
        version: 1,
        created_at: t.epoch,
        updated_at: t.epoch,
        listing: Default::default(),
    }
}

fn provider(rng: &mut Rng, id: i64, t: &Template) -> Provider {
    let location = place(rng);
    let service_area = if rng.chance(0.2) {
        let (w, h) = (rng.range(0.05, 0.25), rng.range(0.03, 0.15));
        let (x, y) = (location.lon, location.lat);
        ServiceArea::Polygon {
            coordinates: vec![vec![
                [x - w, y - h],
                [x + w, y - h],
                [x + w, y + h],
                [x - w, y + h],
                [x - w, y - h],
            ]],
        }
    } else {
        ServiceArea::Radius {
            km: Km::new(rng.range(3.0, 30.0)).unwrap_or_else(|_| unreachable!()),
        }
    };
    let mut staff_languages = vec![Language::Eng];
    staff_languages.extend(subset(rng, &COMMUNITY, 0.15));
    let n = rng.below(4);
    Provider {
        id: ProviderId(id),
        agency_id: None,
        details: ProviderDetails {
            name: "Example Care".to_owned(),
            kind: ProviderKind::Charity,
            description: String::new(),
            communities: vec![],
            staff_languages,
            cuisines: subset(rng, Cuisine::ALL, 0.1),
            dietary_laws: subset(rng, DietaryLaw::ALL, 0.2),
            faith_practices: subset(rng, FaithPractice::ALL, 0.3),
            services: subset(rng, Service::ALL, 0.35),
            experience: subset(rng, Experience::ALL, 0.3),
            postcode: t.postcode.clone(),
            service_area,
            accepting_new_clients: rng.chance(0.8),
            accepting_confirmed_on: date(2026, 6 + rng.below(6) as u32, 1),
            medical_diets: Vec::new(),
            lgbt_inclusive: false,
            delivery_modes: vec![carematch_domain::vocabulary::DeliveryMode::InPerson],
            checks: vec![],
            contact: Contact::default(),
            self_referral: true,
            hourly_rate: None,
            opening_hours: slots(rng, n),
            last_confirmed_on: date(2026, 10, 1),
            external_ref: None,
        },
        location,
        version: 1,
        created_at: t.epoch,
        updated_at: t.epoch,
        listing: Default::default(),
        organisation_id: None,
    }
}

fn need<T>(code: T, priority: Priority) -> Need<T> {
    Need { code, priority }
}

fn plan(rng: &mut Rng) -> SupportPlan {
    let at = place(rng);
    let mut p = SupportPlan {
        postcode: None,
        location: Some(at),
        max_distance_km: Km::new(rng.pick(&[5.0, 8.0, 10.0, 10.0, 15.0, 20.0]))
            .unwrap_or_else(|_| unreachable!()),
        languages: vec![],
        cuisines: vec![],
        dietary_laws: vec![],
        faith_practices: vec![],
        shared_faith: None,
        carer_gender: None,
        services: vec![],
        experience: vec![],
        schedule: None,
        hours_per_week: None,
        max_hourly_rate: None,
        needed_by: None,
        lgbt_inclusive: None,
        delivery_modes: Vec::new(),
        preferred_carers: Vec::new(),
        blocked_carers: Vec::new(),
        weekly_budget: None,
        medical_diets: Vec::new(),
        checks: Vec::new(),
    };
    let language = rng.pick(&COMMUNITY);
    let schedule = ScheduleNeed {
        slots: slots(rng, 2),
        priority: Priority::Preferred,
    };
    match rng.below(10) {
        // A community language required, food and tasks preferred.
        0..=3 => {
            p.languages = vec![LanguageNeed {
                code: language,
                min_proficiency: Proficiency::Conversational,
                reads: false,
                writes: false,
                priority: Priority::Required,
            }];
            p.cuisines = vec![need(rng.pick(Cuisine::ALL), Priority::Preferred)];
            p.services = vec![
                need(Service::PersonalCare, Priority::Preferred),
                need(Service::MealPreparation, Priority::Preferred),
            ];
            p.schedule = Some(schedule);
        }
        // Halal personal care required, language preferred.
        4..=6 => {
            p.services = vec![need(Service::PersonalCare, Priority::Required)];
            p.dietary_laws = vec![need(DietaryLaw::Halal, Priority::Required)];
            p.languages = vec![LanguageNeed {
                code: language,
                min_proficiency: Proficiency::Fluent,
                reads: false,
                writes: false,
                priority: Priority::Preferred,
            }];
            p.carer_gender = Some(need(Gender::Female, Priority::Preferred));
            p.schedule = Some(schedule);
        }
        // Broad: preferences only.
        7..=8 => {
            p.services = vec![
                need(Service::Companionship, Priority::Preferred),
                need(Service::Shopping, Priority::Preferred),
            ];
            p.experience = vec![need(Experience::Dementia, Priority::Preferred)];
        }
        // Very selective: Cantonese-speaking female carer who cooks Cantonese, full schedule.
        _ => {
            p.languages = vec![LanguageNeed {
                code: Language::Yue,
                min_proficiency: Proficiency::Conversational,
                reads: false,
                writes: false,
                priority: Priority::Required,
            }];
            p.cuisines = vec![need(Cuisine::Cantonese, Priority::Required)];
            p.carer_gender = Some(need(Gender::Female, Priority::Required));
            p.schedule = Some(ScheduleNeed {
                priority: Priority::Required,
                ..schedule
            });
        }
    }
    p
}

fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "n/a".to_owned())
}

/// Writes every cache line of `buffer` (to push the matcher's data out of the caches).
fn evict_caches(buffer: &mut [u8]) {
    for (i, line) in buffer.chunks_mut(64).enumerate() {
        line[0] = line[0].wrapping_add(i as u8);
    }
    black_box(buffer);
}

/// p50, p99, max and mean of `latencies` (sorted in place).
fn summary(latencies: &mut [Duration]) -> String {
    latencies.sort();
    let n = latencies.len().max(1);
    let mean = latencies.iter().sum::<Duration>() / u32::try_from(n).unwrap_or(u32::MAX);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    format!(
        "p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms, mean {:.3} ms",
        ms(percentile(latencies, 0.5)),
        ms(percentile(latencies, 0.99)),
        ms(latencies.last().copied().unwrap_or_default()),
        ms(mean),
    )
}

/// The scheduler's figures for this thread (`/proc/thread-self/schedstat`): time spent runnable
/// waiting for a CPU, and the number of times it was given one. Both are brought up to date
/// when the thread gets a CPU back, so a difference across a run that ends on the CPU is exact.
#[derive(Debug, Clone, Copy)]
struct SchedStat {
    run_delay_ns: u64,
    timeslices: u64,
}

impl SchedStat {
    fn read() -> Option<Self> {
        let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        let mut fields = text.split_whitespace().skip(1);
        Some(Self {
            run_delay_ns: fields.next()?.parse().ok()?,
            timeslices: fields.next()?.parse().ok()?,
        })
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

fn run(carers: usize, queries: usize, repeat: usize) {
    let providers = carers / 20;
    let template = Template {
        postcode: Postcode::parse("LE1 5WW").unwrap_or_else(|_| unreachable!()),
        epoch: DateTime::from_timestamp(1_700_000_000, 0).unwrap_or_default(),
    };
    let mut rng = Rng::new(0x00c0_ffee ^ carers as u64);
    let mut roster = Roster::with_capacity(carers + providers);
    let mut build = Duration::ZERO;
    let chunk = 50_000;
    let mut id = 1;
    while (id as usize) <= carers {
        let batch: Vec<Carer> = (0..chunk.min(carers + 1 - id as usize))
            .map(|i| carer(&mut rng, id + i as i64, &template))
            .collect();
        id += batch.len() as i64;
        let start = Instant::now();
        for c in &batch {
            roster.push_carer(c);
        }
        build += start.elapsed();
    }
    let batch: Vec<Provider> = (0..providers)
        .map(|i| provider(&mut rng, i as i64 + 1, &template))
        .collect();
    let start = Instant::now();
    for p in &batch {
        roster.push_provider(p);
    }
    build += start.elapsed();
    drop(batch);
    let start = Instant::now();
    let set = CandidateSet::from_roster(roster);
    let index = start.elapsed();
    build += index;
    println!(
        "{carers} carers + {providers} providers: build {:.2} s (arrays {:.2} s, sort + R-trees {:.2} s); VmRSS {}",
        build.as_secs_f64(),
        (build - index).as_secs_f64(),
        index.as_secs_f64(),
        status("VmRSS:")
    );

    let today = date(2026, 11, 20);
    let mut qrng = Rng::new(42);
    let plans: Vec<CompiledPlan> = (0..queries + 100)
        .map(|_| {
            let p = plan(&mut qrng);
            let at = p.location.unwrap_or(GeoPoint {
                lat: 52.0,
                lon: -1.0,
            });
            CompiledPlan::compile(&p, at)
        })
        .collect();
    // The options plan `i` runs with: a quarter carers only, a fifth seen by an agency.
    let options_for = |i: usize| MatchOptions {
        limit: 20,
        kinds: if i.is_multiple_of(4) {
            KindFilter::from_kinds(&[CandidateKind::Carer])
        } else {
            KindFilter::BOTH
        },
        today,
        viewer: if i.is_multiple_of(5) {
            Viewer::Agency(AgencyId(1 + (i % 200) as i64))
        } else {
            Viewer::Public
        },
        weights: Default::default(),
    };
    // BENCH_ONLY=i[,j...]: run those plans only, BENCH_RUNS times each (default 100), with the
    // options they have in the mix (for profiling a few plans).
    if let Ok(only) = std::env::var("BENCH_ONLY") {
        let runs = std::env::var("BENCH_RUNS")
            .ok()
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(100);
        // BENCH_COLD: before each run, write 512 MiB (more than the last-level cache), so that
        // every run finds the plan's columns in memory, as a first run does.
        let mut evict = std::env::var("BENCH_COLD")
            .is_ok()
            .then(|| vec![0u8; 512 << 20]);
        for i in only
            .split(',')
            .filter_map(|v| v.trim().parse::<usize>().ok())
        {
            let Some(compiled) = plans.get(i) else {
                println!("  plan {i}: no such plan (BENCH_QUERIES + 100 plans)");
                continue;
            };
            let options = options_for(i);
            let mut total = Duration::ZERO;
            for _ in 0..runs {
                if let Some(evict) = evict.as_mut() {
                    evict_caches(evict);
                }
                let start = Instant::now();
                black_box(set.match_plan(black_box(compiled), &options));
                total += start.elapsed();
            }
            println!(
                "  plan {i} x{runs}{}: mean {:.3} ms",
                if evict.is_some() {
                    ", caches evicted before each run"
                } else {
                    ""
                },
                total.as_secs_f64() * 1e3 / runs.max(1) as f64
            );
        }
        return;
    }
    // Per plan: the first run (the plan's part of the columns comes from memory, as for a
    // service answering requests from all over the country), whether the thread waited for a
    // CPU during it, and with BENCH_REPEAT=n the best and the median of n runs (the later runs
    // find the plan's blocks in the caches).
    let mut first = Vec::with_capacity(queries);
    let mut on_cpu = Vec::with_capacity(queries);
    let mut undisturbed = Vec::with_capacity(queries);
    let mut best = Vec::with_capacity(queries);
    let mut median = Vec::with_capacity(queries);
    let mut descheduled = 0usize;
    let mut slow: Vec<(Duration, usize, usize, bool, f64, f64, f64)> = Vec::new();
    let (mut considered, mut matched, mut relaxed) = (0usize, 0usize, 0usize);
    let mut runs = Vec::with_capacity(repeat);
    for (i, compiled) in plans.iter().enumerate() {
        let options = options_for(i);
        let before = SchedStat::read();
        let start = Instant::now();
        let outcome = black_box(set.match_plan(black_box(compiled), &options));
        let elapsed = start.elapsed();
        let after = SchedStat::read();
        runs.clear();
        runs.push(elapsed);
        for _ in 1..repeat {
            let start = Instant::now();
            black_box(set.match_plan(black_box(compiled), &options));
            runs.push(start.elapsed());
        }
        runs.sort();
        if i >= 100 {
            // The time the thread spent runnable but waiting for a CPU (another process had
            // it) is the machine's, not the matcher's.
            let (waited, switched) = match (before, after) {
                (Some(b), Some(a)) => (
                    Duration::from_nanos(a.run_delay_ns.saturating_sub(b.run_delay_ns)),
                    a.timeslices != b.timeslices,
                ),
                _ => (Duration::ZERO, false),
            };
            descheduled += usize::from(switched);
            on_cpu.push(elapsed.saturating_sub(waited));
            if !switched {
                undisturbed.push(elapsed);
            }
            slow.push((
                elapsed.saturating_sub(waited),
                i,
                outcome.considered,
                !outcome.relaxations.is_empty(),
                compiled.max_km,
                compiled.location.lat,
                compiled.location.lon,
            ));
            first.push(elapsed);
            best.push(runs[0]);
            median.push(runs[runs.len() / 2]);
            considered += outcome.considered;
            matched += outcome.matches.len();
            relaxed += usize::from(!outcome.relaxations.is_empty());
        }
    }
    if std::env::var("BENCH_SLOW").is_ok() {
        slow.sort_by_key(|s| std::cmp::Reverse(s.0));
        for (t, i, considered, relaxed, max_km, lat, lon) in slow.iter().take(15) {
            let p = &plans[*i];
            println!(
                "  slow {:.3} ms (first run, waits for a CPU taken out): plan {i} at ({lat:.3}, {lon:.3}) max {max_km} km, considered {considered}, relaxed {relaxed}, langs {}, cuisines {:?}, services {:?}, schedule {}",
                t.as_secs_f64() * 1e3,
                p.languages.len(),
                p.cuisines.required.bits(),
                p.services.required.bits(),
                p.schedule.is_some(),
            );
        }
    }
    let n = first.len().max(1);
    println!(
        "  match x{n}, first run of each plan: {}; mean considered {}, mean matches {:.1}, with relaxations {:.0}%",
        summary(&mut first),
        considered / n,
        matched as f64 / n as f64,
        relaxed as f64 * 100.0 / n as f64,
    );
    println!(
        "    the same, time waiting for a CPU taken out: {}; {descheduled} of {n} runs were descheduled",
        summary(&mut on_cpu),
    );
    println!(
        "    the {} runs not descheduled: {}",
        undisturbed.len(),
        summary(&mut undisturbed)
    );
    if repeat > 1 {
        println!(
            "    best of {repeat} runs: {}; median of {repeat}: {}",
            summary(&mut best),
            summary(&mut median)
        );
    }
    println!(
        "  memory: VmRSS {}, VmHWM {}",
        status("VmRSS:"),
        status("VmHWM:")
    );
}

fn main() {
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000, 1_000_000]);
    let queries = std::env::var("BENCH_QUERIES")
        .ok()
        .and_then(|q| q.parse().ok())
        .unwrap_or(2000);
    let repeat = std::env::var("BENCH_REPEAT")
        .ok()
        .and_then(|q| q.parse().ok())
        .unwrap_or(1usize)
        .max(1);
    // `cargo test --benches` runs this with `--bench` absent: keep that quick.
    if !std::env::args().any(|a| a == "--bench") {
        run(2_000, 50, 1);
        return;
    }
    for carers in sizes {
        run(carers, queries, repeat);
    }
}
