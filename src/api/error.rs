//! The one error type of every API call.

use contract::{ErrorCode, FieldError, Problem};

/// What went wrong with a request, as the app needs to tell it apart.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The request did not reach the service, or no answer came back (offline, dropped, aborted by the network).
    #[error("network error")]
    Network,
    /// 401: not signed in, or the session ended; also a 403 `csrf_token_invalid` (a token of an ended session).
    #[error("signed out")]
    Unauthorized,
    /// 403: signed in but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// 404: no such thing, or not the person's.
    #[error("not found")]
    NotFound,
    /// 409 or 412: the resource's state or version does not allow this change; or a card token that cannot be
    /// used (`card_token_invalid` is a 422, the others 409).
    #[error("conflict: {0:?}")]
    Conflict(ErrorCode),
    /// 422: input fields are invalid.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// 429: too many requests; wait `retry_after` seconds when given.
    #[error("rate limited")]
    RateLimited {
        /// Seconds to wait, from the `Retry-After` header or the problem body.
        retry_after: Option<u32>,
    },
    /// 5xx or another unexpected status.
    #[error("server error {status}")]
    Server {
        /// The HTTP status.
        status: u16,
    },
    /// A success status whose body is not what the contract says.
    #[error("unreadable response")]
    Unreadable,
}

impl ApiError {
    /// The error for a failed response: its status, its problem body if it had one, and its `Retry-After` header.
    pub fn from_response(status: u16, problem: Option<Problem>, retry_after_header: Option<u32>) -> Self {
        let code = problem.as_ref().map(|p| p.code);
        match status {
            401 => Self::Unauthorized,
            // A CSRF token refused: the session the page knew ended, and another began (signed in again).
            403 if code == Some(ErrorCode::CsrfTokenInvalid) => Self::Unauthorized,
            403 => Self::Forbidden,
            404 => Self::NotFound,
            409 | 412 | 428 => Self::Conflict(code.unwrap_or(if status == 412 {
                ErrorCode::PreconditionFailed
            } else {
                ErrorCode::ActionNotAllowed
            })),
            422 if code == Some(ErrorCode::CardTokenInvalid) => Self::Conflict(ErrorCode::CardTokenInvalid),
            400 | 422 => Self::Validation(problem.map(|p| p.errors).unwrap_or_default()),
            429 => Self::RateLimited { retry_after: retry_after_header.or(problem.and_then(|p| p.retry_after)) },
            _ => Self::Server { status },
        }
    }

    /// Whether trying the same request again may work.
    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::Network | Self::RateLimited { .. } | Self::Server { .. } | Self::Unreadable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::problem::FieldErrorCode;

    #[test]
    fn statuses_map_to_variants() {
        assert_eq!(ApiError::from_response(401, None, None), ApiError::Unauthorized);
        assert_eq!(ApiError::from_response(403, None, None), ApiError::Forbidden);
        let csrf = Problem::new(ErrorCode::CsrfTokenInvalid);
        assert_eq!(ApiError::from_response(403, Some(csrf), None), ApiError::Unauthorized);
        assert_eq!(ApiError::from_response(404, None, None), ApiError::NotFound);
        assert_eq!(ApiError::from_response(412, None, None), ApiError::Conflict(ErrorCode::PreconditionFailed));
        assert_eq!(ApiError::from_response(502, None, None), ApiError::Server { status: 502 });
    }

    #[test]
    fn problem_bodies_give_codes_fields_and_retry_after() {
        let problem = Problem::new(ErrorCode::ValidationFailed).with_field("total", FieldErrorCode::Zero);
        assert_eq!(
            ApiError::from_response(422, Some(problem.clone()), None),
            ApiError::Validation(problem.errors.clone())
        );
        let mut limited = Problem::new(ErrorCode::RateLimited);
        limited.retry_after = Some(7);
        assert_eq!(
            ApiError::from_response(429, Some(limited.clone()), None),
            ApiError::RateLimited { retry_after: Some(7) }
        );
        assert_eq!(
            ApiError::from_response(429, Some(limited), Some(3)),
            ApiError::RateLimited { retry_after: Some(3) }
        );
        let unusable = Problem::new(ErrorCode::CardTokenInvalid);
        assert_eq!(ApiError::from_response(422, Some(unusable), None), ApiError::Conflict(ErrorCode::CardTokenInvalid));
        let conflict = Problem::new(ErrorCode::ActionNotAllowed);
        assert_eq!(ApiError::from_response(409, Some(conflict), None), ApiError::Conflict(ErrorCode::ActionNotAllowed));
    }

    #[test]
    fn only_transient_errors_are_retryable() {
        assert!(ApiError::Network.is_retryable());
        assert!(ApiError::Server { status: 500 }.is_retryable());
        assert!(!ApiError::NotFound.is_retryable());
        assert!(!ApiError::Unauthorized.is_retryable());
    }
}
