//! The one error type of the handlers, answered as `application/problem+json` (RFC 9457) with [`contract::Problem`].

use crate::payments::vault::TokenError;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use contract::problem::FieldErrorCode;
use contract::{ErrorCode, FieldError, Problem};

/// Everything a request can fail with.
#[derive(Debug)]
pub enum ApiError {
    /// No session, or the session ended (401).
    Unauthenticated,
    /// A state-changing request without the session's CSRF token (403).
    CsrfTokenInvalid,
    /// Signed in, but the role does not allow this (403), e.g. a purchaser reading the administrator's view.
    Forbidden,
    /// No such resource, or not the signed-in person's (404; never 403, which would leak existence).
    NotFound,
    /// Malformed query parameters (400), with the fields at fault.
    BadQuery(Vec<FieldError>),
    /// A request body of the wrong shape (400 `bad_request`), with a developer-facing detail.
    BadBody(String),
    /// A body that is not JSON at all (400 `malformed_json`), with the parser's detail.
    MalformedJson(String),
    /// A body without `Content-Type: application/json` (415).
    UnsupportedMediaType,
    /// A body over the size limit (413).
    PayloadTooLarge,
    /// A body that did not arrive in time (408).
    RequestTimeout,
    /// A change whose `Origin` is not the app's (403).
    OriginNotAllowed,
    /// Invalid input values (422), with the fields at fault.
    Validation(Vec<FieldError>),
    /// The action is not allowed in the resource's current state (409).
    ActionNotAllowed,
    /// The `Idempotency-Key` was used for a different request (409).
    IdempotencyKeyReused,
    /// The resource changed since the `If-Match` etag was read (412).
    PreconditionFailed,
    /// `If-Match` is missing (428).
    PreconditionRequired,
    /// The method does not exist on this path (405).
    MethodNotAllowed,
    /// The body carries a card number or security code, which this API never takes (400).
    CardDataRefused,
    /// A card token that cannot be used: unknown or of the wrong kind (422), expired or spent (409).
    CardToken(crate::payments::vault::TokenError),
    /// Something broke; the detail goes to the log, not to the client (500).
    Internal(String),
}

impl ApiError {
    /// A 400 with one field error.
    pub fn bad_field(field: &str, code: FieldErrorCode) -> Self {
        Self::BadQuery(vec![FieldError { field: field.to_owned(), code }])
    }

    /// A 422 with one field error.
    pub fn invalid_field(field: &str, code: FieldErrorCode) -> Self {
        Self::Validation(vec![FieldError { field: field.to_owned(), code }])
    }

    /// The problem body of this error.
    pub fn problem(&self) -> Problem {
        match self {
            Self::Unauthenticated => Problem::new(ErrorCode::Unauthenticated),
            Self::CsrfTokenInvalid => Problem::new(ErrorCode::CsrfTokenInvalid),
            Self::Forbidden => Problem::new(ErrorCode::Forbidden),
            Self::NotFound => Problem::new(ErrorCode::NotFound),
            Self::BadQuery(errors) => Problem { errors: errors.clone(), ..Problem::new(ErrorCode::BadRequest) },
            Self::BadBody(detail) => Problem::new(ErrorCode::BadRequest).with_detail(detail.clone()),
            Self::MalformedJson(detail) => Problem::new(ErrorCode::MalformedJson).with_detail(detail.clone()),
            Self::UnsupportedMediaType => Problem::new(ErrorCode::UnsupportedMediaType),
            Self::PayloadTooLarge => Problem::new(ErrorCode::PayloadTooLarge),
            Self::RequestTimeout => Problem::new(ErrorCode::RequestTimeout),
            Self::OriginNotAllowed => Problem::new(ErrorCode::OriginNotAllowed),
            Self::Validation(errors) => Problem { errors: errors.clone(), ..Problem::new(ErrorCode::ValidationFailed) },
            Self::ActionNotAllowed => Problem::new(ErrorCode::ActionNotAllowed),
            Self::IdempotencyKeyReused => Problem::new(ErrorCode::IdempotencyKeyReused),
            Self::PreconditionFailed => Problem::new(ErrorCode::PreconditionFailed),
            Self::PreconditionRequired => Problem::new(ErrorCode::PreconditionRequired),
            Self::MethodNotAllowed => Problem::new(ErrorCode::MethodNotAllowed),
            Self::CardDataRefused => Problem::new(ErrorCode::CardDataRefused).with_detail(
                "card numbers and security codes are typed into the payments origin's hosted fields; send their token",
            ),
            Self::CardToken(error) => Problem::new(match error {
                TokenError::Invalid => ErrorCode::CardTokenInvalid,
                TokenError::Expired => ErrorCode::CardTokenExpired,
                TokenError::Spent => ErrorCode::CardTokenSpent,
            }),
            Self::Internal(_) => Problem::new(ErrorCode::Internal),
        }
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> Self {
        Self::Internal(format!("database: {error}"))
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::JsonSyntaxError(error) => Self::MalformedJson(error.body_text()),
            JsonRejection::MissingJsonContentType(_) => Self::UnsupportedMediaType,
            JsonRejection::BytesRejection(error) => error.into(),
            other => Self::BadBody(other.body_text()),
        }
    }
}

impl From<BytesRejection> for ApiError {
    fn from(rejection: BytesRejection) -> Self {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Self::PayloadTooLarge
        } else if crate::server::is_body_timeout(&rejection) {
            Self::RequestTimeout
        } else {
            Self::BadBody(rejection.body_text())
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let Self::Internal(detail) = &self {
            eprintln!("internal error: {detail}");
        }
        let mut response = problem_response(&self.problem());
        if let Self::RequestTimeout = self {
            // The rest of the body may still come: this connection serves no other request.
            response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        response
    }
}

/// Renders a problem with its status, the problem media type and, when set, `Retry-After`.
pub fn problem_response(problem: &Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(problem).unwrap_or_default();
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(contract::headers::PROBLEM_JSON));
    if let Some(seconds) = problem.retry_after {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// Result of a handler.
pub type ApiResult<T> = Result<T, ApiError>;
