//! carematch-domain integration tests: one binary, one module per area.

mod examples;
mod input;
mod matching_props;
mod matching_rules;
mod support;
