//! Fault injection (only reachable through `/dev/faults`, which exists with `--dev`): the next `count` requests
//! matching a method and path are delayed, answered with an error status as problem+json, or dropped (the
//! connection is closed without any response: the handler marks the response with [`DropConnection`] and the
//! server's connection service turns that mark into an error, which makes hyper close the connection).
//! `/dev/` paths are never affected, so faults can always be cleared.

use crate::problem::{problem_response, ApiError};
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use contract::problem::FieldErrorCode;
use contract::{ErrorCode, FieldError, Problem};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// `POST /dev/faults` body.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    /// HTTP method to match; absent: any.
    #[serde(default)]
    pub method: Option<String>,
    /// Path to match exactly, or a prefix when it ends with `*`.
    pub path: String,
    /// Answer with this status (problem+json); absent: serve normally after the delay (unless `drop`).
    #[serde(default)]
    pub status: Option<u16>,
    /// How many matching requests are affected (default 1).
    #[serde(default)]
    pub count: Option<u32>,
    /// Delay before answering, in milliseconds (default 0).
    #[serde(default)]
    pub delay_ms: Option<u64>,
    /// `Retry-After` seconds (on 429 and 503 it defaults to 1).
    #[serde(default)]
    pub retry_after: Option<u32>,
    /// Close the connection without a response.
    #[serde(default)]
    pub drop: bool,
    /// Let the request through first (the change is applied), then drop or replace its answer: the answer to a
    /// change that succeeded is lost, as after a timeout.
    #[serde(default)]
    pub after: bool,
}

/// An armed fault, as `GET /dev/faults` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ArmedFault {
    /// Method to match (upper case), or any.
    pub method: Option<String>,
    /// Path or `prefix*`.
    pub path: String,
    /// Status to answer with.
    pub status: Option<u16>,
    /// Matching requests still to affect.
    pub remaining: u32,
    /// Delay in milliseconds.
    pub delay_ms: u64,
    /// `Retry-After` seconds.
    pub retry_after: Option<u32>,
    /// Close without a response.
    pub drop: bool,
    /// Applied after the request was served.
    pub after: bool,
}

impl ArmedFault {
    fn matches(&self, method: &str, path: &str) -> bool {
        let method_ok = self.method.as_deref().is_none_or(|m| m == method);
        let path_ok = match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => path == self.path,
        };
        method_ok && path_ok
    }

    /// The problem this fault answers with, if it answers with a status.
    pub fn problem(&self) -> Option<Problem> {
        let status = self.status?;
        let code = crate::answers::code_of(StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST));
        let retry_after = self.retry_after.or(matches!(status, 429 | 503).then_some(1));
        Some(Problem { status, retry_after, ..Problem::new(code).with_detail("injected fault") })
    }
}

/// Marks a response whose connection must be closed without sending it.
#[derive(Clone, Copy, Debug)]
pub struct DropConnection;

/// The armed faults, in the order they were armed (the last armed is matched first).
#[derive(Default)]
pub struct Faults(Mutex<Vec<ArmedFault>>);

const METHODS: [&str; 7] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

impl Faults {
    fn list_mut(&self) -> MutexGuard<'_, Vec<ArmedFault>> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Checks and arms a fault.
    pub fn arm(&self, spec: FaultSpec) -> Result<ArmedFault, ApiError> {
        let mut errors = Vec::new();
        let mut error = |field: &str, code| errors.push(FieldError { field: field.to_owned(), code });
        let method = spec.method.map(|m| m.trim().to_ascii_uppercase()).filter(|m| !m.is_empty());
        if method.as_deref().is_some_and(|m| !METHODS.contains(&m)) {
            error("method", FieldErrorCode::UnknownValue);
        }
        if !spec.path.starts_with('/') {
            error("path", FieldErrorCode::Malformed);
        }
        if spec.status.is_some_and(|s| !(400..=599).contains(&s)) {
            error("status", FieldErrorCode::UnknownValue);
        }
        if spec.count == Some(0) {
            error("count", FieldErrorCode::Zero);
        }
        if spec.delay_ms.is_some_and(|d| d > 120_000) {
            error("delay_ms", FieldErrorCode::AboveMaximum);
        }
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        let fault = ArmedFault {
            method,
            path: spec.path,
            status: spec.status,
            remaining: spec.count.unwrap_or(1),
            delay_ms: spec.delay_ms.unwrap_or(0),
            retry_after: spec.retry_after,
            drop: spec.drop,
            after: spec.after,
        };
        self.list_mut().push(fault.clone());
        Ok(fault)
    }

    /// Disarms every fault.
    pub fn clear(&self) {
        self.list_mut().clear();
    }

    /// The armed faults.
    pub fn list(&self) -> Vec<ArmedFault> {
        self.list_mut().clone()
    }

    /// Takes one use of the fault matching the request; faults armed later are matched first.
    pub fn take(&self, method: &str, path: &str) -> Option<ArmedFault> {
        let mut faults = self.list_mut();
        let index = faults.iter().rposition(|f| f.matches(method, path))?;
        let fault = faults[index].clone();
        faults[index].remaining -= 1;
        if faults[index].remaining == 0 {
            faults.remove(index);
        }
        Some(fault)
    }
}

/// The middleware in front of everything but `/dev/`.
pub async fn inject(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path.starts_with("/dev/") {
        return next.run(request).await;
    }
    let Some(fault) = state.faults.take(request.method().as_str(), path) else {
        return next.run(request).await;
    };
    if fault.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
    }
    if fault.after {
        let _served = next.run(request).await;
        return lost_answer(&fault);
    }
    if fault.drop {
        return dropped();
    }
    match fault.problem() {
        // Like every failure of the API: a problem, never stored, never sniffed.
        Some(problem) => crate::answers::api_answers_of(problem_response(&problem)),
        None => next.run(request).await,
    }
}

/// The answer that replaces a served one: dropped, the fault's problem, or a gateway timeout.
fn lost_answer(fault: &ArmedFault) -> Response {
    let timeout = || Problem {
        status: StatusCode::GATEWAY_TIMEOUT.as_u16(),
        ..Problem::new(ErrorCode::Internal).with_detail("injected fault: the answer was lost (gateway timeout)")
    };
    match (fault.drop, fault.problem()) {
        (true, _) => dropped(),
        (false, problem) => crate::answers::api_answers_of(problem_response(&problem.unwrap_or_else(timeout))),
    }
}

/// A response the server turns into a closed connection.
fn dropped() -> Response {
    let mut response = StatusCode::SERVICE_UNAVAILABLE.into_response();
    response.extensions_mut().insert(DropConnection);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(path: &str) -> FaultSpec {
        FaultSpec {
            method: None,
            path: path.into(),
            status: Some(500),
            count: Some(2),
            delay_ms: None,
            retry_after: None,
            drop: false,
            after: false,
        }
    }

    #[test]
    fn prefix_faults_match_and_run_out() {
        let faults = Faults::default();
        faults.arm(spec("/api/v1/subscriptions*")).unwrap();
        assert!(faults.take("GET", "/api/v1/me").is_none());
        assert!(faults.take("GET", "/api/v1/subscriptions/x").is_some());
        assert!(faults.take("POST", "/api/v1/subscriptions").is_some());
        assert!(faults.take("GET", "/api/v1/subscriptions").is_none(), "count 2 is used up");
    }

    #[test]
    fn bad_specs_are_refused_with_field_errors() {
        let faults = Faults::default();
        let bad = FaultSpec { method: Some("FETCH".into()), status: Some(200), count: Some(0), ..spec("api") };
        let Err(ApiError::Validation(errors)) = faults.arm(bad) else { panic!("accepted") };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["method", "path", "status", "count"]);
    }
}
