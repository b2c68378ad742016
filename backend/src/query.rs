//! Query-string parameters, read one by one so that every bad value becomes a field error (not a generic 400).

use crate::problem::ApiError;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use contract::problem::FieldErrorCode;
use contract::FieldError;
use time::Date;

/// The decoded query pairs of a request, plus the field errors found while reading them.
pub struct Params {
    pairs: Vec<(String, String)>,
    /// Errors found so far.
    pub errors: Vec<FieldError>,
}

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
            .map_err(|_| ApiError::bad_field("query", FieldErrorCode::Malformed))?;
        Ok(Self { pairs, errors: Vec::new() })
    }
}

impl Params {
    /// Pairs from a list (tests).
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Self {
        Self { pairs: pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(), errors: Vec::new() }
    }

    fn error(&mut self, field: &str, code: FieldErrorCode) {
        self.errors.push(FieldError { field: field.to_owned(), code });
    }

    /// The raw value (the first, if repeated); an empty value counts as absent.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).filter(|v| !v.is_empty())
    }

    /// A value parsed by `parse`; `unknown_value` when it does not parse.
    pub fn parsed<T>(&mut self, name: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        let raw = self.text(name)?;
        let value = parse(raw);
        if value.is_none() {
            self.error(name, FieldErrorCode::UnknownValue);
        }
        value
    }

    /// A whole number clamped into `1..=max` (as the contract documents for page numbers, page sizes and `top`);
    /// `not_a_whole_number` when it is not a string of ASCII digits.
    pub fn clamped(&mut self, name: &str, max: u32) -> Option<u32> {
        let raw = self.text(name)?;
        if !raw.bytes().all(|b| b.is_ascii_digit()) {
            self.error(name, FieldErrorCode::NotAWholeNumber);
            return None;
        }
        Some(raw.parse::<u32>().unwrap_or(u32::MAX).clamp(1, max.max(1)))
    }

    /// A required `YYYY-MM-DD` date; `required` or `invalid_date` otherwise.
    pub fn required_date(&mut self, name: &str) -> Option<Date> {
        let Some(raw) = self.text(name) else {
            self.error(name, FieldErrorCode::Required);
            return None;
        };
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let date = Date::parse(raw, &format).ok();
        if date.is_none() {
            self.error(name, FieldErrorCode::InvalidDate);
        }
        date
    }

    /// Fails with 400 and the field errors, if any.
    pub fn finish(&mut self) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::BadQuery(std::mem::take(&mut self.errors)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_clamped_and_non_numbers_refused() {
        let pairs = [("a", "0"), ("b", "x"), ("c", "999"), ("d", "5"), ("e", "99999999999"), ("f", "-1"), ("g", "1.5")];
        let mut p = Params::from_pairs(&pairs);
        assert_eq!(p.clamped("a", 10), Some(1));
        assert_eq!(p.clamped("b", 10), None);
        assert_eq!(p.clamped("c", 10), Some(10));
        assert_eq!(p.clamped("d", 10), Some(5));
        assert_eq!(p.clamped("e", 10), Some(10));
        assert_eq!(p.clamped("f", 10), None);
        assert_eq!(p.clamped("g", 10), None);
        assert_eq!(p.clamped("missing", 10), None);
        let fields: Vec<&str> = p.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["b", "f", "g"]);
        assert!(p.errors.iter().all(|e| e.code == FieldErrorCode::NotAWholeNumber));
    }

    #[test]
    fn dates_are_required_and_strict() {
        let mut p = Params::from_pairs(&[("from", "2026-02-30"), ("to", "2026-02-01")]);
        assert_eq!(p.required_date("from"), None);
        assert!(p.required_date("to").is_some());
        assert_eq!(p.required_date("other"), None);
        let codes: Vec<FieldErrorCode> = p.errors.iter().map(|e| e.code).collect();
        assert_eq!(codes, [FieldErrorCode::InvalidDate, FieldErrorCode::Required]);
    }
}
