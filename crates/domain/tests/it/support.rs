//! Builders for carers and providers: carematch-testkit's.

pub use carematch_testkit::build::{carer, date, leicester, provider};
