//! The integration tests of carematch-index, one binary.

mod engine;
mod imports;
mod text;
