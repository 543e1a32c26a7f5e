//! The demo's areas, named on the find page (and in the agency console) when a postcode is not
//! in the gazetteer and the server runs over the demo data (`carematch serve --demo`).

use maud::{Markup, html};

use crate::i18n::Tr;
use crate::layout::link;

/// The demo's areas with a postcode in each that the demo gazetteer holds
/// (`carematch_generate::demo_areas()`; a test checks each against `fixtures/gazetteer.csv`).
pub const DEMO_AREAS: [(&str, &str); 14] = [
    ("Birmingham", "B11 1JX"),
    ("Brent", "NW10 0BY"),
    ("Bristol", "BS5 0JH"),
    ("Bude", "EX23 0AA"),
    ("Doncaster", "DN4 0AP"),
    ("Leicester", "LE2 0AU"),
    ("Liverpool", "L8 1UX"),
    ("Manchester", "M13 0EG"),
    ("Newham", "E13 0EL"),
    ("Oldham", "OL8 1AJ"),
    ("Skegness", "PE25 1AL"),
    ("Sunderland", "SR4 0LN"),
    ("Tower Hamlets", "E1 0AS"),
    ("Whitby", "YO21 1DF"),
];

/// Which areas the demo covers, each with a postcode to try (a search for it).
pub fn list(tr: &Tr, action: &str) -> Markup {
    html! {
        aside.relax #demo-areas aria-labelledby="demo-areas-title" {
            p #demo-areas-title { (tr.t("find-demo-areas")) }
            ul.demo-areas {
                @for (area, postcode) in DEMO_AREAS {
                    li { (area) " — " a href=(link(action, &[("postcode".into(), postcode.into()), ("lang".into(), tr.locale.tag().into())])) { (postcode) } }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DEMO_AREAS;

    #[test]
    fn every_demo_postcode_is_in_the_demo_gazetteer() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/gazetteer.csv");
        let gazetteer = std::fs::read_to_string(path).expect("fixtures/gazetteer.csv");
        for (area, postcode) in DEMO_AREAS {
            assert!(
                gazetteer
                    .lines()
                    .any(|l| l.starts_with(&format!("{postcode},"))),
                "{area}: {postcode}"
            );
        }
    }
}
