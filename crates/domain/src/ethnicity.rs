//! Self-declared ethnicity against Census 2021 TS021: which census column each code is, for
//! the PA market report's "PAs by ethnic group against the population share" (docs/market.md).

use crate::census::{Category, CensusTable};
use crate::vocabulary::Ethnicity;

const fn ts021(name: &'static str) -> Category {
    Category {
        table: CensusTable::Ts021,
        name,
    }
}

/// All usual residents: the denominator of every population share.
pub const ETHNICITY_TOTAL: Category = ts021("Total: All usual residents");

/// The TS021 column of an ethnic group; `None` for "prefer not to say" (no census figure).
pub fn ethnicity_category(ethnicity: Ethnicity) -> Option<Category> {
    use Ethnicity as E;
    let name = match ethnicity {
        E::AsianBangladeshi => "Asian, Asian British or Asian Welsh: Bangladeshi",
        E::AsianChinese => "Asian, Asian British or Asian Welsh: Chinese",
        E::AsianIndian => "Asian, Asian British or Asian Welsh: Indian",
        E::AsianPakistani => "Asian, Asian British or Asian Welsh: Pakistani",
        E::AsianOther => "Asian, Asian British or Asian Welsh: Other Asian",
        E::BlackAfrican => "Black, Black British, Black Welsh, Caribbean or African: African",
        E::BlackCaribbean => "Black, Black British, Black Welsh, Caribbean or African: Caribbean",
        E::BlackOther => "Black, Black British, Black Welsh, Caribbean or African: Other Black",
        E::MixedWhiteAsian => "Mixed or Multiple ethnic groups: White and Asian",
        E::MixedWhiteBlackAfrican => "Mixed or Multiple ethnic groups: White and Black African",
        E::MixedWhiteBlackCaribbean => "Mixed or Multiple ethnic groups: White and Black Caribbean",
        E::MixedOther => "Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups",
        E::WhiteBritish => "White: English, Welsh, Scottish, Northern Irish or British",
        E::WhiteIrish => "White: Irish",
        E::WhiteGypsyTraveller => "White: Gypsy or Irish Traveller",
        E::WhiteRoma => "White: Roma",
        E::WhiteOther => "White: Other White",
        E::OtherArab => "Other ethnic group: Arab",
        E::OtherAny => "Other ethnic group: Any other ethnic group",
        E::PreferNotToSay => return None,
    };
    Some(ts021(name))
}

/// Every TS021 category the report reads: the total and the 19 groups.
pub fn ethnicity_categories() -> Vec<Category> {
    std::iter::once(ETHNICITY_TOTAL)
        .chain(Ethnicity::ALL.iter().filter_map(|e| ethnicity_category(*e)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every detailed column of the real TS021 header is one code's category, and back.
    #[test]
    fn every_detailed_ts021_column_is_a_code() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/census2021/census2021-ts021-ltla.csv"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            return; // the shared data is beside the project, not in it
        };
        let header = text.lines().next().unwrap_or_default();
        let mut reader = csv_cells(header);
        assert_eq!(CensusTable::from_header(&reader), Some(CensusTable::Ts021));
        reader.retain(|c| c.starts_with(CensusTable::Ts021.header_prefix()));
        let detailed: Vec<&str> = reader
            .iter()
            .filter_map(|c| c.strip_prefix(CensusTable::Ts021.header_prefix()))
            .filter(|c| c.contains(": ") && !c.starts_with("Total"))
            .collect();
        assert_eq!(detailed.len(), 19, "{detailed:?}");
        for name in detailed {
            assert!(
                Ethnicity::ALL
                    .iter()
                    .any(|e| ethnicity_category(*e).map(|c| c.name) == Some(name)),
                "no code for {name}"
            );
        }
        assert!(header.contains(ETHNICITY_TOTAL.name));
    }

    /// Splits one CSV line whose quoted cells hold commas but no quotes.
    fn csv_cells(line: &str) -> Vec<&str> {
        line.split('"')
            .enumerate()
            .flat_map(|(i, part)| {
                if i % 2 == 1 {
                    vec![part]
                } else {
                    part.split(',').filter(|c| !c.is_empty()).collect()
                }
            })
            .collect()
    }
}
