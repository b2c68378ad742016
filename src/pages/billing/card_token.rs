//! Sending a card change with a token of the hosted fields.

use crate::api::ApiError;
use crate::hosted_fields::HostedFields;
use contract::hosted_fields::TokenizeFailure;
use contract::ErrorCode;
use std::future::Future;

/// The failure of a tokenize request, as a save reports failures.
pub fn tokenize_error(failure: TokenizeFailure) -> ApiError {
    match failure {
        TokenizeFailure::Network => ApiError::Network,
        TokenizeFailure::RateLimited => ApiError::RateLimited { retry_after: None },
        TokenizeFailure::Unavailable => ApiError::Server { status: 503 },
        // The fields say what is wrong beside themselves.
        TokenizeFailure::Invalid => ApiError::Validation(Vec::new()),
    }
}

/// Sends `request` with a token of `hosted`. When the backend says the token cannot be used (an earlier attempt
/// spent it and failed afterwards, it waited too long, or the payments origin no longer knows it), a fresh token
/// of the same values is made and the request sent again, once, under the same idempotency key: the backend knows
/// a card by what was typed, not by its token, so a change that did go through is answered as such. Values typed
/// meanwhile are another change: then the refusal is the answer.
pub async fn with_card_token<T, F, R>(hosted: HostedFields, request: F) -> Result<T, ApiError>
where
    F: Fn(String) -> R,
    R: Future<Output = Result<T, ApiError>>,
{
    let revisions = hosted.revisions();
    let token = hosted.token().await.map_err(tokenize_error)?;
    let answer = match request(token.token).await {
        Err(
            refused @ ApiError::Conflict(
                ErrorCode::CardTokenSpent | ErrorCode::CardTokenExpired | ErrorCode::CardTokenInvalid,
            ),
        ) => {
            hosted.forget_token();
            if hosted.revisions() != revisions {
                return Err(refused);
            }
            let token = hosted.token().await.map_err(tokenize_error)?;
            request(token.token).await
        }
        other => other,
    };
    if answer.is_ok() {
        hosted.forget_token();
    }
    answer
}
