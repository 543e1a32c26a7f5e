//! carematch-matching integration tests: one binary, one module per area.

mod brute_v2;
mod examples;
mod matching_props;
mod matching_rules;
mod pools_teams;
mod rules_v2;
mod snapshot;
mod support;
