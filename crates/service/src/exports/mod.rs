//! Exports (`docs/export.md`): an agency's register as CSV in the import template
//! ([`register`]) and every provider as JSON Lines in the import's shape or as a spreadsheet
//! ([`providers`]). Each is what the matching import reads back as the same records; every CSV
//! cell a spreadsheet would run as a formula is neutralised (`spreadsheet::csv_cell`).

pub mod cells;
pub mod providers;
pub mod register;

pub use providers::{ExportError, PROVIDER_CSV_COLUMNS, ProviderExportLine, ProviderFormat};
pub use register::{REGISTER_COLUMNS, register_csv};
