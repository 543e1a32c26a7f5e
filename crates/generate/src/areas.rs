//! Demo areas: groups of postal districts with the community mix of the people who live there.

use carematch_domain::{OutwardCode, Postcode};

/// The cultural background a generated record is drawn from. It only steers which names,
/// languages, food and faith practices go together; it is never written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Background {
    British,
    HongKongChinese,
    MainlandChinese,
    Bangladeshi,
    Gujarati,
    PunjabiSikh,
    Pakistani,
    Somali,
    Caribbean,
    Polish,
    Tamil,
    Lithuanian,
    Kurdish,
    Yoruba,
    Igbo,
    Ghanaian,
    Romanian,
    Jewish,
}

impl Background {
    pub const ALL: &'static [Self] = &[
        Self::British,
        Self::HongKongChinese,
        Self::MainlandChinese,
        Self::Bangladeshi,
        Self::Gujarati,
        Self::PunjabiSikh,
        Self::Pakistani,
        Self::Somali,
        Self::Caribbean,
        Self::Polish,
        Self::Tamil,
        Self::Lithuanian,
        Self::Kurdish,
        Self::Yoruba,
        Self::Igbo,
        Self::Ghanaian,
        Self::Romanian,
        Self::Jewish,
    ];
}

/// A run of postal districts in one postcode area: `B1`..=`B48` is `District { area: "B", first: 1, last: 48 }`.
/// Sub-districts such as `E1W` count as their number (`E1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct District {
    pub area: &'static str,
    pub first: u8,
    pub last: u8,
}

const fn d(area: &'static str, first: u8, last: u8) -> District {
    District { area, first, last }
}

/// Whether an area is a city with community organisations, or a small town far from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaKind {
    City,
    SmallTown,
}

/// A demo area: its postal districts and the community mix of the people who live there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Area {
    pub name: &'static str,
    pub kind: AreaKind,
    pub districts: &'static [District],
    /// Relative weights (per mille) of each background among carers living in the area.
    pub mix: &'static [(Background, u32)],
    /// A fictional landline prefix from Ofcom's drama ranges; three digits follow.
    pub phone_prefix: &'static str,
}

impl Area {
    /// Whether an outward code (`LE3`, `E1W`) is in one of the area's districts.
    pub fn contains(&self, outward: &OutwardCode) -> bool {
        split_outward(outward.as_str()).is_some_and(|(letters, number)| {
            self.districts
                .iter()
                .any(|d| d.area == letters && (d.first..=d.last).contains(&number))
        })
    }
}

/// `("E", 1)` for `E1W`, `("NW", 10)` for `NW10`.
fn split_outward(outward: &str) -> Option<(&str, u8)> {
    let letters_end = outward.find(|c: char| c.is_ascii_digit())?;
    let rest = &outward[letters_end..];
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let number = rest[..digits_end].parse().ok()?;
    Some((&outward[..letters_end], number))
}

use Background::*;

/// England outside the demo cities, roughly as Census 2021 has it.
pub const NATIONAL_MIX: &[(Background, u32)] = &[
    (British, 820),
    (Polish, 30),
    (Pakistani, 30),
    (Caribbean, 20),
    (Romanian, 15),
    (PunjabiSikh, 12),
    (Gujarati, 10),
    (Bangladeshi, 10),
    (Yoruba, 8),
    (Igbo, 6),
    (Ghanaian, 6),
    (HongKongChinese, 6),
    (MainlandChinese, 6),
    (Lithuanian, 5),
    (Tamil, 5),
    (Somali, 4),
    (Kurdish, 4),
    (Jewish, 3),
];

const LONDON: &str = "020 7946 0";
const FICTIONAL: &str = "01632 960";

static AREAS: &[Area] = &[
    Area {
        name: "Leicester",
        kind: AreaKind::City,
        districts: &[d("LE", 1, 5)],
        mix: &[
            (British, 340),
            (Gujarati, 300),
            (PunjabiSikh, 90),
            (Somali, 60),
            (Pakistani, 50),
            (Polish, 50),
            (Caribbean, 30),
            (Bangladeshi, 20),
            (Tamil, 10),
            (Kurdish, 10),
            (MainlandChinese, 10),
            (Romanian, 20),
        ],
        phone_prefix: "0116 496 0",
    },
    Area {
        name: "Liverpool",
        kind: AreaKind::City,
        districts: &[d("L", 1, 25)],
        mix: &[
            (British, 760),
            (HongKongChinese, 70),
            (MainlandChinese, 40),
            (Somali, 25),
            (Polish, 30),
            (Kurdish, 20),
            (Caribbean, 15),
            (Yoruba, 15),
            (Igbo, 10),
            (Pakistani, 10),
            (Lithuanian, 5),
        ],
        phone_prefix: "0151 496 0",
    },
    Area {
        name: "Bristol",
        kind: AreaKind::City,
        districts: &[d("BS", 1, 16)],
        mix: &[
            (British, 700),
            (Somali, 90),
            (Caribbean, 80),
            (Polish, 60),
            (Pakistani, 30),
            (Yoruba, 10),
            (Ghanaian, 10),
            (MainlandChinese, 15),
            (Bangladeshi, 5),
        ],
        phone_prefix: "0117 496 0",
    },
    Area {
        name: "Birmingham",
        kind: AreaKind::City,
        districts: &[d("B", 1, 48)],
        mix: &[
            (British, 430),
            (Pakistani, 190),
            (PunjabiSikh, 80),
            (Caribbean, 90),
            (Somali, 50),
            (Bangladeshi, 50),
            (Polish, 30),
            (Yoruba, 15),
            (Igbo, 10),
            (Ghanaian, 10),
            (Kurdish, 15),
            (Romanian, 15),
            (MainlandChinese, 10),
            (HongKongChinese, 5),
        ],
        phone_prefix: "0121 496 0",
    },
    Area {
        name: "Manchester",
        kind: AreaKind::City,
        districts: &[d("M", 1, 23), d("M", 40, 40)],
        mix: &[
            (British, 540),
            (HongKongChinese, 90),
            (MainlandChinese, 45),
            (Pakistani, 110),
            (Bangladeshi, 30),
            (Somali, 40),
            (Caribbean, 45),
            (Polish, 35),
            (Jewish, 30),
            (Yoruba, 15),
            (Igbo, 10),
            (Kurdish, 10),
        ],
        phone_prefix: "0161 496 0",
    },
    Area {
        name: "Oldham",
        kind: AreaKind::City,
        districts: &[d("OL", 1, 9)],
        mix: &[
            (British, 620),
            (Pakistani, 160),
            (Bangladeshi, 150),
            (Polish, 30),
            (Caribbean, 15),
            (Kurdish, 15),
            (Romanian, 10),
        ],
        phone_prefix: "0161 496 0",
    },
    Area {
        name: "Sunderland",
        kind: AreaKind::City,
        districts: &[d("SR", 1, 6)],
        mix: &[
            (British, 930),
            (Polish, 30),
            (Bangladeshi, 20),
            (Kurdish, 15),
            (MainlandChinese, 5),
        ],
        phone_prefix: "0191 498 0",
    },
    Area {
        name: "Doncaster",
        kind: AreaKind::City,
        districts: &[d("DN", 1, 12)],
        mix: &[
            (British, 910),
            (Polish, 45),
            (Kurdish, 15),
            (Bangladeshi, 10),
            (Romanian, 10),
            (Lithuanian, 10),
        ],
        phone_prefix: FICTIONAL,
    },
    Area {
        name: "Tower Hamlets",
        kind: AreaKind::City,
        districts: &[d("E", 1, 3), d("E", 14, 14)],
        mix: &[
            (Bangladeshi, 400),
            (British, 350),
            (Somali, 50),
            (Polish, 35),
            (MainlandChinese, 30),
            (Pakistani, 25),
            (Yoruba, 20),
            (Ghanaian, 20),
            (Caribbean, 30),
            (Lithuanian, 20),
            (Jewish, 20),
        ],
        phone_prefix: LONDON,
    },
    Area {
        name: "Brent",
        kind: AreaKind::City,
        districts: &[d("NW", 10, 10), d("NW", 2, 2), d("HA", 0, 0), d("HA", 9, 9)],
        mix: &[
            (British, 300),
            (Gujarati, 180),
            (Somali, 100),
            (Caribbean, 110),
            (Polish, 90),
            (Romanian, 60),
            (Pakistani, 40),
            (Tamil, 40),
            (Yoruba, 30),
            (Ghanaian, 20),
            (Kurdish, 15),
            (Jewish, 15),
        ],
        phone_prefix: LONDON,
    },
    Area {
        name: "Newham",
        kind: AreaKind::City,
        districts: &[d("E", 6, 7), d("E", 12, 13), d("E", 15, 16)],
        mix: &[
            (Bangladeshi, 200),
            (Pakistani, 150),
            (Tamil, 100),
            (Lithuanian, 80),
            (British, 220),
            (Yoruba, 50),
            (Igbo, 30),
            (Ghanaian, 30),
            (Somali, 40),
            (Caribbean, 50),
            (Polish, 30),
            (Romanian, 30),
            (Gujarati, 20),
        ],
        phone_prefix: LONDON,
    },
    Area {
        name: "Skegness",
        kind: AreaKind::SmallTown,
        districts: &[d("PE", 25, 25)],
        mix: NATIONAL_MIX,
        phone_prefix: FICTIONAL,
    },
    Area {
        name: "Whitby",
        kind: AreaKind::SmallTown,
        districts: &[d("YO", 21, 21)],
        mix: NATIONAL_MIX,
        phone_prefix: FICTIONAL,
    },
    Area {
        name: "Bude",
        kind: AreaKind::SmallTown,
        districts: &[d("EX", 23, 23)],
        mix: NATIONAL_MIX,
        phone_prefix: FICTIONAL,
    },
];

/// The demo areas: eleven cities and boroughs with distinct community mixes, and three small
/// towns far from any community organisation.
pub fn demo_areas() -> &'static [Area] {
    AREAS
}

/// The index into [`demo_areas`] of the area a postcode is in, if any.
pub fn area_index(postcode: &Postcode) -> Option<usize> {
    let outward = postcode.outward();
    AREAS.iter().position(|area| area.contains(&outward))
}

/// The demo area a postcode is in, if any.
pub fn area_of(postcode: &Postcode) -> Option<&'static Area> {
    area_index(postcode).map(|i| &AREAS[i])
}

/// The community mix for a postcode: its area's, or the national default.
pub fn mix_for(postcode: &Postcode) -> &'static [(Background, u32)] {
    area_of(postcode).map_or(NATIONAL_MIX, |area| area.mix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area_name(postcode: &str) -> Option<&'static str> {
        area_of(&Postcode::parse(postcode).expect("postcode")).map(|a| a.name)
    }

    #[test]
    fn postcodes_fall_in_their_areas() {
        assert_eq!(area_name("E1 6AN"), Some("Tower Hamlets"));
        assert_eq!(area_name("E1W 1AA"), Some("Tower Hamlets"));
        assert_eq!(area_name("E14 5AB"), Some("Tower Hamlets"));
        assert_eq!(area_name("E13 9AA"), Some("Newham"));
        assert_eq!(area_name("E10 5AA"), None);
        assert_eq!(area_name("B33 8TH"), Some("Birmingham"));
        assert_eq!(area_name("B49 5AA"), None);
        assert_eq!(area_name("BS5 6AA"), Some("Bristol"));
        assert_eq!(area_name("M40 1AA"), Some("Manchester"));
        assert_eq!(area_name("M30 1AA"), None);
        assert_eq!(area_name("NW10 4AA"), Some("Brent"));
        assert_eq!(area_name("NW1 4AA"), None);
        assert_eq!(area_name("HA0 1AA"), Some("Brent"));
        assert_eq!(area_name("PE25 1AA"), Some("Skegness"));
        assert_eq!(area_name("EC1A 1BB"), None);
    }

    #[test]
    fn every_mix_has_weight() {
        for area in demo_areas() {
            assert!(
                area.mix.iter().map(|(_, w)| w).sum::<u32>() > 0,
                "{}",
                area.name
            );
        }
    }
}
