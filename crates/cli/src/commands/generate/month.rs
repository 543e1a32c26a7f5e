//! `carematch generate month`: a seeded synthetic month of vacancies and enquiries written
//! through the store (opening, introduction, fill or withdrawal at their generated dates), so
//! that the time-to-fill report reads real rows; then the report's headline figures.

use std::path::PathBuf;

use anyhow::{Context, bail};
use carematch_domain::{AgencyId, Caller};
use carematch_generate::{Month, MonthConfig, generate_month};
use carematch_service::CareService;
use carematch_service::vacancies::time_to_fill::{Measure, Source, TimeToFillReport};
use carematch_store::Store;
use carematch_store::vacancies::{EnquiryRecord, NewVacancy, VacancyStatus};
use chrono::NaiveDate;
use clap::Args;

use crate::settings::Settings;

#[derive(Debug, Args)]
pub struct MonthArgs {
    /// Seed: the same seed, start, counts and agencies always give the same month.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// How many of the stored agencies (in id order) the month is spread over; all by default.
    #[arg(long)]
    agencies: Option<usize>,
    /// The month's first day (default: 30 days ago).
    #[arg(long)]
    start: Option<NaiveDate>,
    #[arg(long, default_value_t = 30)]
    days: u32,
    #[arg(long, default_value_t = 120)]
    vacancies: usize,
    #[arg(long, default_value_t = 240)]
    enquiries: usize,
    /// Postcodes to place the month at (as for `generate`).
    #[arg(long, value_name = "PATH", default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/gazetteer.csv"))]
    postcodes: PathBuf,
}

/// How many rows a month wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub vacancies: usize,
    pub enquiries: usize,
}

/// Writes `month` through the store: each vacancy opened, introduced, filled or withdrawn at
/// its dates (actor `generator`), each enquiry with its dates. References are `G<seed>-V<i>`
/// and `G<seed>-E<i>`, so writing the same seed twice into one database is refused.
pub fn write_month(
    store: &Store,
    month: &Month,
    agencies: &[AgencyId],
    seed: u64,
) -> anyhow::Result<Written> {
    for (i, v) in month.vacancies.iter().enumerate() {
        let new = NewVacancy {
            reference: format!("G{seed}-V{i:05}"),
            access_hash: None,
            agency: v.agency.map(|a| agencies[a % agencies.len()]),
            saved_plan_id: None,
            plan: v.plan.clone(),
            outward_code: v.outward_code.clone(),
            location: v.location,
            authority_code: None,
            urgent: v.urgent,
        };
        let opened = store
            .open_vacancy_at(&new, "generator", &[], v.opened_at)
            .with_context(|| format!("writing vacancy {}", new.reference))?;
        let steps = [
            (v.introduced_at, VacancyStatus::Introduced),
            (v.filled_at, VacancyStatus::Filled),
            (v.withdrawn_at, VacancyStatus::Withdrawn),
        ];
        for (at, status) in steps {
            let Some(at) = at else { continue };
            if let Err(refusal) =
                store.set_vacancy_status_at(opened.id, status, "generator", None, at)?
            {
                bail!(
                    "generated history refused for {}: {refusal:?}",
                    new.reference
                );
            }
        }
    }
    let records: Vec<EnquiryRecord> = month
        .enquiries
        .iter()
        .enumerate()
        .map(|(i, e)| EnquiryRecord {
            reference: format!("G{seed}-E{i:05}"),
            agency: agencies[e.agency % agencies.len()],
            needs: e.needs.clone(),
            outward_code: Some(e.outward_code.clone()),
            authority_code: None,
            sent_at: e.sent_at,
            contacted_at: e.contacted_at,
            introduced_at: e.introduced_at,
            closed_at: e.closed_at,
            close_reason: e.close_reason.map(str::to_owned),
        })
        .collect();
    store
        .insert_enquiry_records(&records)
        .context("writing enquiries")?;
    Ok(Written {
        vacancies: month.vacancies.len(),
        enquiries: records.len(),
    })
}

/// The report's overall lines: `vacancy first_introduction: n=.. median .. d, p90 .. d`.
pub fn headline(report: &TimeToFillReport) -> Vec<String> {
    let mut out = Vec::new();
    for source in [Source::Vacancy, Source::Enquiry] {
        for measure in [Measure::FirstIntroduction, Measure::Filled] {
            let Some(row) = report
                .rows
                .iter()
                .find(|r| r.source == source && r.measure == measure && r.dimension == "overall")
            else {
                continue;
            };
            let shown = |x: Option<f64>| x.map_or("-".to_owned(), |x| format!("{x:.1}"));
            out.push(format!(
                "{source:?} to {measure:?}: {} measured, median {} days, 90th percentile {} days",
                row.count.map_or("<5".to_owned(), |n| n.to_string()),
                shown(row.median_days),
                shown(row.p90_days),
            ));
        }
    }
    out
}

pub fn run(settings: &Settings, args: &MonthArgs) -> anyhow::Result<()> {
    let places = super::load_places(&args.postcodes)?;
    let store = crate::commands::open_store(settings)?;
    let mut agencies: Vec<AgencyId> = store.list_agencies()?.into_iter().map(|a| a.id).collect();
    if let Some(n) = args.agencies {
        agencies.truncate(n);
    }
    if agencies.is_empty() {
        bail!("no agencies to spread the month over: run `carematch seed` first");
    }
    let config = MonthConfig {
        seed: args.seed,
        start: args
            .start
            .unwrap_or_else(|| chrono::Utc::now().date_naive() - chrono::Duration::days(30)),
        days: args.days,
        vacancies: args.vacancies,
        enquiries: args.enquiries,
        agencies: agencies.len(),
    };
    let month = generate_month(&config, &places);
    let written = write_month(&store, &month, &agencies, args.seed)?;
    println!(
        "wrote {} vacancies and {} enquiries from {} over {} days, {} agencies (seed {})",
        written.vacancies,
        written.enquiries,
        config.start,
        config.days,
        agencies.len(),
        args.seed
    );
    let report = CareService::new(store.clone()).time_to_fill(Caller::Admin)?;
    for line in headline(&report) {
        println!("{line}");
    }
    store.close()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use carematch_generate::parse_places_csv;
    use carematch_testkit::{TestDb, fixtures_dir};

    use super::*;

    fn report_of_month(seed: u64) -> TimeToFillReport {
        let db = TestDb::new();
        let agencies: Vec<AgencyId> = ["A", "B", "C"]
            .iter()
            .map(|n| db.store.create_agency(n).expect("agency").id)
            .collect();
        let text = std::fs::read_to_string(fixtures_dir().join("gazetteer.csv")).expect("csv");
        let places = parse_places_csv(&text).expect("places");
        let config = MonthConfig {
            seed,
            start: NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"),
            days: 30,
            vacancies: 120,
            enquiries: 240,
            agencies: agencies.len(),
        };
        let month = generate_month(&config, &places);
        write_month(&db.store, &month, &agencies, seed).expect("written");
        CareService::new(db.store.clone())
            .time_to_fill(Caller::Admin)
            .expect("report")
    }

    #[test]
    fn a_generated_month_gives_stable_plausible_figures() {
        let report = report_of_month(7);
        assert_eq!(report, report_of_month(7), "same seed, same figures");
        let overall = |source, measure| {
            report
                .rows
                .iter()
                .find(|r| r.source == source && r.measure == measure && r.dimension == "overall")
                .expect("an overall row")
        };
        let intro = overall(Source::Vacancy, Measure::FirstIntroduction);
        let filled = overall(Source::Vacancy, Measure::Filled);
        let (ni, nf) = (intro.count.expect("shown"), filled.count.expect("shown"));
        assert!(
            nf < ni && ni <= 120 && nf >= 20,
            "{ni} introduced, {nf} filled"
        );
        let (mi, mf) = (
            intro.median_days.expect("m"),
            filled.median_days.expect("m"),
        );
        assert!((2.0..15.0).contains(&mi), "median to introduction {mi}");
        assert!(mi < mf && mf < 25.0, "median to filled {mf}");
        assert!(intro.p90_days.expect("p90") >= mi);
        let e = overall(Source::Enquiry, Measure::FirstIntroduction);
        assert!(e.count.expect("shown") >= 50);
        // Languages appear as needs; rare ones are suppressed in the aggregate.
        assert!(
            report
                .rows
                .iter()
                .any(|r| r.dimension == "language" && r.key == "yue")
        );
        assert!(report.rows.iter().any(|r| r.suppressed));
        println!("{}", headline(&report).join("\n"));
    }
}
