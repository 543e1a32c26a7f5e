//! Small-number suppression of PA counts (docs/market.md, "Suppression").
//!
//! **Primary:** a count from 1 to 4 ([`SUPPRESS_BELOW`], the gap plans' rule) is shown as
//! `<5`. **Secondary:** for every dimension of a table, the cells that agree on all the other
//! dimensions form a group whose total is published elsewhere (an authority's total, another
//! `by=` view, the same view last period). If exactly one cell of a group is hidden, its value
//! would follow by subtraction, so the smallest shown non-zero cell of the group is hidden too;
//! this is repeated until no group has exactly one hidden cell. A group that would need a
//! second hidden cell but has none left shows only one non-zero cell, which is then the group's
//! total and itself hidden by the primary rule.

use std::collections::HashMap;

use serde::{Deserialize, Serialize, Serializer};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

pub use carematch_matching::gaps::SUPPRESS_BELOW;

/// How a suppressed count is shown.
pub const SUPPRESSED: &str = "<5";

/// A count as published: the number, or `"<5"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Shown {
    Count(u64),
    #[serde(skip_deserializing)]
    Suppressed,
}

impl Serialize for Shown {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Count(n) => serializer.serialize_u64(*n),
            Self::Suppressed => serializer.serialize_str(SUPPRESSED),
        }
    }
}

impl PartialSchema for Shown {
    fn schema() -> RefOr<Schema> {
        OneOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(0)),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some([SUPPRESSED])),
            )
            .description(Some(
                "A count, or \"<5\" when it is hidden (docs/market.md)",
            ))
            .into()
    }
}

impl ToSchema for Shown {}

impl Shown {
    pub fn value(self) -> Option<u64> {
        match self {
            Self::Count(n) => Some(n),
            Self::Suppressed => None,
        }
    }

    pub fn is_suppressed(self) -> bool {
        self == Self::Suppressed
    }

    pub fn text(self) -> String {
        match self {
            Self::Count(n) => n.to_string(),
            Self::Suppressed => SUPPRESSED.to_owned(),
        }
    }
}

/// Whether a count is hidden by the primary rule.
pub fn primary(count: u64) -> bool {
    (1..SUPPRESS_BELOW).contains(&count)
}

/// The shown counts of a table whose cell `i` has key `keys[i]` (one value per dimension, all
/// keys the same length) and count `counts[i]`: primary and secondary suppression.
pub fn suppress<K: AsRef<[u32]>>(keys: &[K], counts: &[u64]) -> Vec<Shown> {
    let mut hidden: Vec<bool> = counts.iter().map(|c| primary(*c)).collect();
    let dims = keys.first().map_or(0, |k| k.as_ref().len());
    // groups[d]: cells agreeing on every dimension but d.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for d in 0..dims {
        let mut by_rest: HashMap<Vec<u32>, Vec<usize>> = HashMap::new();
        for (i, key) in keys.iter().enumerate() {
            if counts[i] == 0 {
                continue;
            }
            let mut rest = key.as_ref().to_vec();
            rest[d] = u32::MAX;
            by_rest.entry(rest).or_default().push(i);
        }
        groups.extend(by_rest.into_values().filter(|g| g.len() > 1));
    }
    loop {
        let mut changed = false;
        for group in &groups {
            if group.iter().filter(|i| hidden[**i]).count() != 1 {
                continue;
            }
            if let Some(next) = group
                .iter()
                .copied()
                .filter(|i| !hidden[*i])
                .min_by_key(|i| (counts[*i], *i))
            {
                hidden[next] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    counts
        .iter()
        .zip(hidden)
        .map(|(c, h)| {
            if h {
                Shown::Suppressed
            } else {
                Shown::Count(*c)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_to_four_are_hidden_and_zero_and_five_are_not() {
        let keys = [[0], [1], [2], [3], [4]];
        let shown = suppress(&keys, &[0, 1, 4, 5, 40]);
        assert_eq!(shown[0], Shown::Count(0));
        assert!(shown[1].is_suppressed() && shown[2].is_suppressed());
        assert_eq!(shown[3], Shown::Count(5));
        assert_eq!(shown[4], Shown::Count(40));
    }

    #[test]
    fn a_lone_hidden_cell_takes_the_smallest_other_with_it() {
        // Authority 0: languages 0..3 with 3, 7, 20; authority 1: 9, 12, 30.
        let keys = [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]];
        let shown = suppress(&keys, &[3, 7, 20, 9, 12, 30]);
        assert!(shown[0].is_suppressed());
        assert!(
            shown[1].is_suppressed(),
            "the 7 would give the 3 away: {shown:?}"
        );
        // Language 0 across authorities now has one hidden (the 3) and the 9: hidden too, and
        // language 1 (7 hidden, 12) likewise.
        assert!(shown[3].is_suppressed() && shown[4].is_suppressed());
        assert_eq!(shown[2], Shown::Count(20));
        assert_eq!(shown[5], Shown::Count(30));
        // No group is left with exactly one hidden cell.
        for d in 0..2 {
            for v in 0..3u32 {
                let hidden = keys
                    .iter()
                    .zip(&shown)
                    .filter(|(k, s)| k[1 - d] == v && s.is_suppressed())
                    .count();
                assert_ne!(hidden, 1, "dimension {d} value {v}");
            }
        }
    }
}
