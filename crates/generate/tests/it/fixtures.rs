//! The committed fixtures: up to date, parseable, valid; the hand-written plans valid.

use std::collections::HashSet;
use std::fs;

use carematch_domain::SupportPlan;
use carematch_domain::plan::Priority;
use carematch_generate::{
    GeneratedCarer, GeneratedProvider, agencies, generate_carers, generate_providers, write_jsonl,
};

use crate::{config, fixtures_dir, places};

fn read(name: &str) -> String {
    fs::read_to_string(fixtures_dir().join(name)).unwrap_or_else(|e| panic!("fixtures/{name}: {e}"))
}

#[test]
fn generated_fixtures_are_up_to_date() {
    // The same settings as examples/make_fixtures.rs.
    let config = config(2026, 2_000, 150);
    let mut carers = Vec::new();
    write_jsonl(generate_carers(&config, places()), &mut carers).expect("write");
    let mut providers = Vec::new();
    write_jsonl(generate_providers(&config, places()), &mut providers).expect("write");
    let stale = "stale fixture: run `cargo run -p carematch-generate --example make_fixtures`";
    assert!(read("carers.jsonl").as_bytes() == carers, "{stale}");
    assert!(read("providers.jsonl").as_bytes() == providers, "{stale}");
}

#[test]
fn fixture_files_parse_and_validate() {
    assert!(places().len() > 2_000);
    let carers: Vec<GeneratedCarer> = read("carers.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("carer line"))
        .collect();
    assert_eq!(carers.len(), 2_000);
    for carer in &carers {
        carer.details.validate().expect("valid carer");
    }
    let providers: Vec<GeneratedProvider> = read("providers.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("provider line"))
        .collect();
    assert_eq!(providers.len(), 150);
    for provider in &providers {
        provider.details.validate().expect("valid provider");
    }
    // The profiles are written by hand; their names are the generator's agencies, in order.
    let profiles: Vec<carematch_domain::AgencyProfile> =
        serde_json::from_str(&read("agencies.json")).expect("agencies");
    let names: Vec<String> = profiles
        .into_iter()
        .map(|p| p.parse().expect("a valid agency profile").name)
        .collect();
    assert_eq!(names, agencies());
    let total: u64 = [
        "carers.jsonl",
        "providers.jsonl",
        "agencies.json",
        "gazetteer.csv",
    ]
    .iter()
    .map(|f| fs::metadata(fixtures_dir().join(f)).expect("file").len())
    .sum();
    assert!(total < 5_000_000, "fixtures are {total} bytes");
}

#[test]
fn support_plans_parse_validate_and_are_described() {
    let dir = fixtures_dir().join("plans");
    let readme = read("plans/README.md");
    let postcodes: HashSet<String> = places().iter().map(|p| p.postcode.to_string()).collect();
    let mut count = 0;
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .expect("fixtures/plans")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_owned();
        let text = fs::read_to_string(&path).expect("plan");
        let plan: SupportPlan =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        if let Err(e) = plan.validate() {
            panic!("{name}: {e}");
        }
        let postcode = plan
            .postcode
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: postcode"));
        assert!(
            postcodes.contains(postcode.as_str()),
            "{name}: {postcode} is not in the gazetteer"
        );
        assert!(
            readme.contains(&name),
            "plans/README.md does not describe {name}"
        );
        let prefix = name.split('-').next().expect("number");
        assert!(
            prefix.len() == 2 && prefix.bytes().all(|b| b.is_ascii_digit()),
            "{name}"
        );
        let required = plan
            .languages
            .iter()
            .any(|l| l.priority == Priority::Required)
            || plan
                .services
                .iter()
                .any(|s| s.priority == Priority::Required);
        let preferred = plan
            .cuisines
            .iter()
            .any(|c| c.priority == Priority::Preferred)
            || plan
                .languages
                .iter()
                .any(|l| l.priority == Priority::Preferred)
            || plan
                .services
                .iter()
                .any(|s| s.priority == Priority::Preferred)
            || plan
                .experience
                .iter()
                .any(|e| e.priority == Priority::Preferred)
            || plan
                .faith_practices
                .iter()
                .any(|p| p.priority == Priority::Preferred);
        assert!(
            required && preferred,
            "{name}: mix required and preferred criteria"
        );
        count += 1;
    }
    assert!(count >= 20, "{count} plans");
}
