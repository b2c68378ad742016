//! Errors: `application/problem+json` (RFC 9457) with a stable `code` and per-field errors.

use crate::wire::{wire_names, WireName};
use serde::{Deserialize, Serialize};

/// An error body. `type`, `title`, `status` and `detail` are RFC 9457's; `code` and `errors` are this API's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Problem {
    /// A URI reference naming the problem type (`about:blank` or `/problems/<code>`).
    #[serde(rename = "type", default = "about_blank")]
    #[cfg_attr(test, schemars(extend("format" = "uri-reference")))]
    pub kind: String,
    /// Short English summary (for logs; the app shows its own translation of `code`).
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// English detail for developers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The stable machine-readable code.
    pub code: ErrorCode,
    /// Errors of individual input fields (on 422).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// Seconds to wait before retrying (on 429 and 503; also in the `Retry-After` header).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u32>,
}

fn about_blank() -> String {
    "about:blank".to_owned()
}

impl Problem {
    /// A problem with the status and title that belong to `code`.
    pub fn new(code: ErrorCode) -> Self {
        Self {
            kind: format!("/problems/{}", code.as_str()),
            title: code.title().to_owned(),
            status: code.status(),
            detail: None,
            code,
            errors: Vec::new(),
            retry_after: None,
        }
    }

    /// Adds a developer-facing detail.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Adds a field error.
    pub fn with_field(mut self, field: impl Into<String>, code: FieldErrorCode) -> Self {
        self.errors.push(FieldError { field: field.into(), code });
        self
    }
}

/// Stable error codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// 400: the request is malformed (e.g. a member the body may not have, a missing header).
    BadRequest,
    /// 400: the body is not JSON at all (a syntax error, or cut short).
    MalformedJson,
    /// 401: not signed in, or the session ended.
    Unauthenticated,
    /// 403: signed in but not allowed (e.g. an admin endpoint, or a missing CSRF token).
    Forbidden,
    /// 403: the CSRF token is missing or wrong.
    CsrfTokenInvalid,
    /// 403: a change sent from a page of another origin (`Origin` is not the app's).
    OriginNotAllowed,
    /// 404: no such resource, or not the signed-in person's.
    NotFound,
    /// 405: the path exists, the method does not (see `Allow`).
    MethodNotAllowed,
    /// 408: the request's body did not arrive in time.
    RequestTimeout,
    /// 409: the action is not allowed in the resource's current state (see `allowed_actions`).
    ActionNotAllowed,
    /// 409: the same `Idempotency-Key` was used for a different request.
    IdempotencyKeyReused,
    /// 400: the body carries a card number or security code, which this API never takes (tokens only).
    CardDataRefused,
    /// 422: the card token is not one the payments origin made, or of the wrong kind.
    CardTokenInvalid,
    /// 409: the card token expired before it was used: make a fresh one.
    CardTokenExpired,
    /// 409: the card token was used already (tokens are single-use): make a fresh one.
    CardTokenSpent,
    /// 412: the resource changed since its `etag` was read.
    PreconditionFailed,
    /// 413: the body is larger than the API takes.
    PayloadTooLarge,
    /// 415: the body is not `application/json`.
    UnsupportedMediaType,
    /// 428: `If-Match` is required for this change.
    PreconditionRequired,
    /// 422: some input fields are invalid (see `errors`).
    ValidationFailed,
    /// 429: too many requests (see `retry_after`).
    RateLimited,
    /// 500: something broke on the server.
    Internal,
    /// 503: the service is temporarily unavailable (see `retry_after`).
    Unavailable,
}

impl ErrorCode {
    /// The HTTP status of this code.
    pub fn status(self) -> u16 {
        match self {
            Self::BadRequest | Self::MalformedJson | Self::CardDataRefused => 400,
            Self::Unauthenticated => 401,
            Self::Forbidden | Self::CsrfTokenInvalid | Self::OriginNotAllowed => 403,
            Self::NotFound => 404,
            Self::MethodNotAllowed => 405,
            Self::RequestTimeout => 408,
            Self::ActionNotAllowed | Self::IdempotencyKeyReused | Self::CardTokenExpired | Self::CardTokenSpent => 409,
            Self::PreconditionFailed => 412,
            Self::PayloadTooLarge => 413,
            Self::UnsupportedMediaType => 415,
            Self::ValidationFailed | Self::CardTokenInvalid => 422,
            Self::PreconditionRequired => 428,
            Self::RateLimited => 429,
            Self::Internal => 500,
            Self::Unavailable => 503,
        }
    }

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        self.wire_name()
    }

    /// A short English title.
    pub fn title(self) -> &'static str {
        match self {
            Self::BadRequest => "Bad request",
            Self::MalformedJson => "Malformed JSON",
            Self::OriginNotAllowed => "Request from another origin",
            Self::MethodNotAllowed => "Method not allowed",
            Self::RequestTimeout => "Request body timed out",
            Self::PayloadTooLarge => "Body too large",
            Self::UnsupportedMediaType => "Body must be application/json",
            Self::Unauthenticated => "Sign-in required",
            Self::Forbidden => "Not allowed",
            Self::CsrfTokenInvalid => "Missing or invalid CSRF token",
            Self::NotFound => "Not found",
            Self::ActionNotAllowed => "Action not allowed now",
            Self::IdempotencyKeyReused => "Idempotency key reused for another request",
            Self::CardDataRefused => "Card numbers and security codes are not accepted here",
            Self::CardTokenInvalid => "Unknown card token",
            Self::CardTokenExpired => "Card token expired",
            Self::CardTokenSpent => "Card token already used",
            Self::PreconditionFailed => "Changed by someone else",
            Self::PreconditionRequired => "If-Match required",
            Self::ValidationFailed => "Invalid input",
            Self::RateLimited => "Too many requests",
            Self::Internal => "Server error",
            Self::Unavailable => "Service unavailable",
        }
    }
}

/// An error of one input field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct FieldError {
    /// The field's name in the request body, e.g. `total` or `address.postal_code`.
    pub field: String,
    /// What is wrong with it.
    pub code: FieldErrorCode,
}

/// What is wrong with a field. The app translates these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldErrorCode {
    /// Required and missing.
    Required,
    /// Not a whole number.
    NotAWholeNumber,
    /// Zero where at least one is needed.
    Zero,
    /// Above the allowed maximum.
    AboveMaximum,
    /// Below the number of assigned licenses.
    BelowAssigned,
    /// Equal to the current value: nothing to change.
    Unchanged,
    /// Too long.
    TooLong,
    /// More items than allowed.
    TooMany,
    /// Not one of the allowed values.
    UnknownValue,
    /// The card has expired.
    CardExpired,
    /// The security code (its token's) has the wrong length for the stored card's brand.
    InvalidSecurityCode,
    /// Not a valid date.
    InvalidDate,
    /// A date in the future where only past dates make sense.
    InFuture,
    /// The start of a range is after its end.
    StartAfterEnd,
    /// The range is longer than allowed.
    RangeTooLong,
    /// The field cannot be changed.
    NotEditable,
    /// Malformed (e.g. an e-mail address or postal code).
    Malformed,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_round_trips_with_type_and_fields() {
        let problem = Problem::new(ErrorCode::ValidationFailed).with_field("total", FieldErrorCode::Zero);
        let json = serde_json::to_string(&problem).unwrap();
        assert!(json.contains(r#""type":"/problems/validation_failed""#), "{json}");
        assert!(json.contains(r#""status":422"#));
        assert_eq!(serde_json::from_str::<Problem>(&json).unwrap(), problem);
    }

    #[test]
    fn minimal_problem_from_another_backend_parses() {
        let problem: Problem = serde_json::from_str(r#"{"title":"Nope","status":404,"code":"not_found"}"#).unwrap();
        assert_eq!(problem.kind, "about:blank");
        assert_eq!(problem.code, ErrorCode::NotFound);
    }

    #[test]
    fn every_code_has_an_error_status_and_its_own_title() {
        let mut titles = std::collections::HashSet::new();
        for &code in <ErrorCode as WireName>::ALL {
            assert!((400..600).contains(&code.status()));
            assert!(titles.insert(code.title()), "{code:?} shares its title");
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }
}

wire_names!(ErrorCode {
    BadRequest => "bad_request",
    MalformedJson => "malformed_json",
    OriginNotAllowed => "origin_not_allowed",
    MethodNotAllowed => "method_not_allowed",
    RequestTimeout => "request_timeout",
    PayloadTooLarge => "payload_too_large",
    UnsupportedMediaType => "unsupported_media_type",
    Unauthenticated => "unauthenticated",
    Forbidden => "forbidden",
    CsrfTokenInvalid => "csrf_token_invalid",
    NotFound => "not_found",
    ActionNotAllowed => "action_not_allowed",
    IdempotencyKeyReused => "idempotency_key_reused",
    CardDataRefused => "card_data_refused",
    CardTokenInvalid => "card_token_invalid",
    CardTokenExpired => "card_token_expired",
    CardTokenSpent => "card_token_spent",
    PreconditionFailed => "precondition_failed",
    PreconditionRequired => "precondition_required",
    ValidationFailed => "validation_failed",
    RateLimited => "rate_limited",
    Internal => "internal",
    Unavailable => "unavailable",
});

wire_names!(FieldErrorCode {
    Required => "required",
    NotAWholeNumber => "not_a_whole_number",
    Zero => "zero",
    AboveMaximum => "above_maximum",
    BelowAssigned => "below_assigned",
    Unchanged => "unchanged",
    TooLong => "too_long",
    TooMany => "too_many",
    UnknownValue => "unknown_value",
    CardExpired => "card_expired",
    InvalidSecurityCode => "invalid_security_code",
    InvalidDate => "invalid_date",
    InFuture => "in_future",
    StartAfterEnd => "start_after_end",
    RangeTooLong => "range_too_long",
    NotEditable => "not_editable",
    Malformed => "malformed",
});
