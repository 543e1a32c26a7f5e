//! Which census figure a need's demand comes from, said in plain words (`demand_figure` in the
//! GeoJSON `carematch` member, the CSV header comment and the CLI's output).

use serde::Serialize;
use utoipa::ToSchema;

use super::analysis::DemandBasis;
use super::need::NeedSet;
use carematch_domain::census::{Category, CensusSource, CensusTable};

/// One census figure: a table's categories (summed), and the need's terms it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct CensusFigure {
    /// `TS024` (main language, residents aged 3 and over) or `TS030` (religion).
    pub table: String,
    /// The category labels as published, summed when several.
    pub categories: Vec<String>,
    /// The terms this figure is the demand for (`language:yue`, `cuisine:cantonese`).
    pub covers: Vec<String>,
    /// Whether the figure is exactly the people with the term or a pool or proxy of them.
    pub exact: bool,
}

/// A term no census figure counts, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct UncoveredTerm {
    pub term: String,
    pub reason: String,
}

/// Where a report's demand comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct DemandFigure {
    /// `census` or `plans`.
    pub source: String,
    /// The census figures read (none for plans, or when no term has one).
    pub figures: Vec<CensusFigure>,
    /// How several figures combine: `single`, `smallest_per_area` or `none`.
    pub combined: String,
    /// Terms without a figure: the demand does not narrow by them.
    pub not_covered: Vec<UncoveredTerm>,
    /// The same in one plain sentence.
    pub summary: String,
}

fn table_code(table: CensusTable) -> &'static str {
    match table {
        CensusTable::Ts021 => "TS021",
        CensusTable::Ts024 => "TS024",
        CensusTable::Ts030 => "TS030",
    }
}

fn table_label(table: CensusTable) -> &'static str {
    match table {
        CensusTable::Ts021 => "ethnic group, all residents",
        CensusTable::Ts024 => "main language, residents aged 3 and over",
        CensusTable::Ts030 => "religion, all residents",
    }
}

impl NeedSet {
    /// The most specific census figures for this need: terms reading the same categories share
    /// one figure; with several figures the demand in each area is the smallest of them (everyone
    /// needing all the terms is in each). Terms without a figure are listed with the reason.
    pub fn demand_figure(&self, basis: DemandBasis) -> DemandFigure {
        if basis == DemandBasis::Plans {
            return DemandFigure {
                source: "plans".into(),
                figures: Vec::new(),
                combined: "none".into(),
                not_covered: Vec::new(),
                summary: format!(
                    "Demand is the saved support plans that list every term ({}); counts from 1 \
                     to 4 are shown as <5.",
                    self.expression()
                ),
            };
        }
        let mut figures: Vec<(Vec<Category>, CensusFigure)> = Vec::new();
        let mut not_covered = Vec::new();
        for term in self.terms() {
            match term.census_source() {
                CensusSource::Counted { categories, caveat } => {
                    if let Some((_, figure)) = figures.iter_mut().find(|(c, _)| *c == categories) {
                        figure.covers.push(term.expression());
                        figure.exact &= caveat.is_none();
                    } else {
                        let table = categories.first().map_or(CensusTable::Ts024, |c| c.table);
                        let figure = CensusFigure {
                            table: table_code(table).into(),
                            categories: categories.iter().map(|c| c.name.to_owned()).collect(),
                            covers: vec![term.expression()],
                            exact: caveat.is_none(),
                        };
                        figures.push((categories, figure));
                    }
                }
                CensusSource::NoFigure { reason } => not_covered.push(UncoveredTerm {
                    term: term.expression(),
                    reason: reason.to_owned(),
                }),
            }
        }
        let figures: Vec<CensusFigure> = figures.into_iter().map(|(_, f)| f).collect();
        let combined = match figures.len() {
            0 => "none",
            1 => "single",
            _ => "smallest_per_area",
        };
        let summary = summary(&figures, &not_covered);
        DemandFigure {
            source: "census".into(),
            figures,
            combined: combined.into(),
            not_covered,
            summary,
        }
    }
}

fn describe(figure: &CensusFigure) -> String {
    let table = match figure.table.as_str() {
        "TS030" => CensusTable::Ts030,
        _ => CensusTable::Ts024,
    };
    format!(
        "Census 2021 {} ({}): {}{}",
        figure.table,
        table_label(table),
        figure.categories.join(" + "),
        if figure.exact {
            ""
        } else {
            " (a pool or proxy)"
        }
    )
}

fn summary(figures: &[CensusFigure], not_covered: &[UncoveredTerm]) -> String {
    let mut out = match figures {
        [] => "No census figure covers this need: demand is unknown (use saved plans).".to_owned(),
        [one] => format!(
            "Demand is {}, for {}.",
            describe(one),
            one.covers.join(" and ")
        ),
        many => format!(
            "Demand in each area is the smallest of: {}.",
            many.iter()
                .map(|f| format!("{} for {}", describe(f), f.covers.join(" and ")))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    };
    if !figures.is_empty() && !not_covered.is_empty() {
        let names: Vec<&str> = not_covered.iter().map(|t| t.term.as_str()).collect();
        out.push_str(&format!(
            " No census figure for {}: demand counts everyone in the figure{}, whether or not \
             they need {}.",
            names.join(", "),
            if figures.len() == 1 { "" } else { "s" },
            if names.len() == 1 { "it" } else { "them" }
        ));
    }
    out
}
