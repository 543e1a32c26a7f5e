//! Builders for carers, providers and plans, and the seeded generator: carematch-testkit's, so
//! every crate's tests build the same records from the same seeds.

pub use carematch_testkit::Rng;
pub use carematch_testkit::build::{
    carer, confirmed_on, date, east_of, leicester, need, plan, point, provider, slot, today,
};
