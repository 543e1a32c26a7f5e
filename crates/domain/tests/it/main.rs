//! carematch-domain integration tests: one binary, one module per area.

mod input;
mod support;
