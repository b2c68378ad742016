//! What every answer of `/api` and `/dev` carries, whichever handler, extractor or layer made it: a failure is
//! `application/problem+json` with a stable code (axum's own rejections, such as a 405 or a 413, are rewritten),
//! and nothing is cached or sniffed (`Cache-Control: no-store` unless the handler chose, `X-Content-Type-Options:
//! nosniff`).

use crate::problem::problem_response;
use axum::body::to_bytes;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use contract::headers::PROBLEM_JSON;
use contract::{ErrorCode, Problem};

/// The code of a failure that came without a problem body, from its status.
pub fn code_of(status: StatusCode) -> ErrorCode {
    match status.as_u16() {
        401 => ErrorCode::Unauthenticated,
        403 => ErrorCode::Forbidden,
        404 => ErrorCode::NotFound,
        405 => ErrorCode::MethodNotAllowed,
        408 => ErrorCode::RequestTimeout,
        409 => ErrorCode::ActionNotAllowed,
        412 => ErrorCode::PreconditionFailed,
        413 => ErrorCode::PayloadTooLarge,
        415 => ErrorCode::UnsupportedMediaType,
        422 => ErrorCode::ValidationFailed,
        428 => ErrorCode::PreconditionRequired,
        429 => ErrorCode::RateLimited,
        503 => ErrorCode::Unavailable,
        500..=599 => ErrorCode::Internal,
        _ => ErrorCode::BadRequest,
    }
}

fn is_problem(response: &Response) -> bool {
    response.headers().get(header::CONTENT_TYPE).is_some_and(|value| value == PROBLEM_JSON)
}

/// Rewrites a failure that is not problem+json into one (its text, if any, becomes the detail), keeping the
/// headers that matter to the client (`Allow`, `Retry-After`, `Connection`).
async fn as_problem(response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let text = to_bytes(body, 4096).await.ok().and_then(|bytes| String::from_utf8(bytes.to_vec()).ok());
    let mut problem = Problem::new(code_of(parts.status));
    problem.status = parts.status.as_u16();
    if let Some(text) = text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()) {
        problem = problem.with_detail(text);
    }
    let mut answer = problem_response(&problem);
    for name in [header::ALLOW, header::RETRY_AFTER, header::CONNECTION] {
        if let Some(value) = parts.headers.get(&name) {
            answer.headers_mut().insert(name, value.clone());
        }
    }
    answer.extensions_mut().extend(parts.extensions);
    answer
}

/// The middleware.
pub async fn api_answers(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let failed = response.status().is_client_error() || response.status().is_server_error();
    api_answers_of(if failed && !is_problem(&response) { as_problem(response).await } else { response })
}

/// The headers every answer carries, on an answer that is problem+json already if it failed.
pub fn api_answers_of(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_status_has_a_code_of_its_own_status() {
        for status in [401, 403, 404, 405, 408, 409, 412, 413, 415, 422, 428, 429, 500, 503] {
            let code = code_of(StatusCode::from_u16(status).unwrap());
            assert_eq!(code.status(), status, "{code:?}");
        }
        assert_eq!(code_of(StatusCode::IM_A_TEAPOT), ErrorCode::BadRequest);
    }
}
