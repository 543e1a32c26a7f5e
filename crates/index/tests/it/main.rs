//! The integration tests of carematch-index, one binary.

mod among;
mod engine;
mod imports;
mod text;
