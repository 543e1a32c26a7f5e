//! Field-level validation errors: every bad field is reported, each with a stable code and a reason.

use serde::Serialize;
use utoipa::ToSchema;

/// One bad field: where it is (`languages[1].code`), a stable code and a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// Path of the field in the request body, `.` between fields and `[i]` for list items.
    pub field: String,
    /// Stable snake_case code: `required`, `out_of_range`, `invalid_format`, `unknown_code`,
    /// `duplicate`, `invalid_order`, `too_long`, `conflict`.
    pub code: &'static str,
    pub reason: String,
}

/// Every problem found in one value; never empty when returned as an error.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
#[error("{} invalid field(s): {}", .0.len(), summary(.0))]
pub struct ValidationErrors(pub Vec<FieldError>);

fn summary(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.reason))
        .collect::<Vec<_>>()
        .join("; ")
}

impl ValidationErrors {
    pub fn push(
        &mut self,
        field: impl Into<String>,
        code: &'static str,
        reason: impl Into<String>,
    ) {
        self.0.push(FieldError {
            field: field.into(),
            code,
            reason: reason.into(),
        });
    }

    /// Ok when nothing was pushed.
    pub fn into_result(self) -> Result<(), Self> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }

    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|e| e.field.as_str())
    }

    /// Checks a free-text field: not blank when required, not longer than `max` characters, no
    /// NUL character.
    pub fn text(&mut self, field: &str, value: &str, required: bool, max: usize) {
        if required && value.trim().is_empty() {
            self.push(field, "required", "must not be empty");
        }
        self.no_nul(field, value);
        if value.chars().count() > max {
            self.push(
                field,
                "too_long",
                format!("must be at most {max} characters"),
            );
        }
    }

    /// Reports a NUL character (`\u0000`), which PostgreSQL cannot store in text and no person
    /// means to write. Returns whether the value was free of them.
    pub fn no_nul(&mut self, field: &str, value: &str) -> bool {
        if value.contains('\0') {
            self.push(
                field,
                "invalid_format",
                "contains a NUL character (\\u0000), which cannot be stored",
            );
            return false;
        }
        true
    }

    /// Reports codes listed twice in one list.
    pub fn no_duplicates<T: PartialEq + std::fmt::Display>(&mut self, field: &str, values: &[T]) {
        for (i, value) in values.iter().enumerate() {
            if values[..i].contains(value) {
                self.push(
                    format!("{field}[{i}]"),
                    "duplicate",
                    format!("`{value}` is listed more than once"),
                );
            }
        }
    }
}
