//! The HTTP layer: one place that sends requests, aborts abandoned ones and turns answers into types or errors.

use super::ApiError;
use contract::Problem;
use gloo_net::http::{Method, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::{Arc, Mutex};
use web_sys::{AbortController, AbortSignal, RequestCredentials};

/// Sends requests to the configured backend.
#[derive(Clone, Debug)]
pub struct HttpClient {
    base_url: Arc<str>,
    csrf_token: Arc<Mutex<Option<String>>>,
}

/// The guards a change sends: `If-Match` with the etag it was computed from (changes that do not depend on a
/// version, such as assigning, send none), and its `Idempotency-Key`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeGuard {
    /// The etag of the resource as the person saw it.
    pub if_match: Option<String>,
    /// The key of this intended change (the same for its retries).
    pub idempotency_key: String,
}

impl HttpClient {
    /// A client for the API at `base_url` (empty: the app's own origin).
    pub fn new(base_url: &str) -> Self {
        Self { base_url: base_url.trim_end_matches('/').into(), csrf_token: Arc::default() }
    }

    /// Remembers the session's CSRF token (from `GET /me`); every change sends it.
    pub fn set_csrf_token(&self, token: String) {
        *self.csrf_token.lock().unwrap_or_else(|p| p.into_inner()) = Some(token);
    }

    /// The full URL of an API path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// `GET` a JSON document. Dropping the future aborts the request (callers that race requests drop the
    /// older future).
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let abort = AbortOnDrop::new();
        let response = self.request(Method::GET, path, &abort).send().await.map_err(|_| ApiError::Network)?;
        read_json(response).await
    }

    /// Sends a state-changing request with the CSRF token, the guards when given, and a JSON body when given.
    pub async fn send<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        guard: Option<&ChangeGuard>,
        body: Option<&B>,
    ) -> Result<T, ApiError> {
        let abort = AbortOnDrop::new();
        let mut builder = self.request(method, path, &abort);
        if let Some(token) = self.csrf_token.lock().unwrap_or_else(|p| p.into_inner()).clone() {
            builder = builder.header(contract::headers::CSRF_TOKEN, &token);
        }
        if let Some(guard) = guard {
            builder = builder.header(contract::headers::IDEMPOTENCY_KEY, &guard.idempotency_key);
            if let Some(etag) = &guard.if_match {
                builder = builder.header(contract::headers::IF_MATCH, etag);
            }
        }
        let request = match body {
            Some(body) => builder.json(body).map_err(|_| ApiError::Unreadable)?,
            None => builder.build().map_err(|_| ApiError::Unreadable)?,
        };
        let response = request.send().await.map_err(|_| ApiError::Network)?;
        read_json(response).await
    }

    fn request(&self, method: Method, path: &str, abort: &AbortOnDrop) -> RequestBuilder {
        RequestBuilder::new(&self.url(path))
            .method(method)
            .header("accept", "application/json")
            .credentials(RequestCredentials::Include)
            .abort_signal(abort.signal().as_ref())
    }
}

/// Reads a success body as `T`, or a failure as an [`ApiError`].
async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        return response.json::<T>().await.map_err(|_| ApiError::Unreadable);
    }
    let status = response.status();
    let retry_after = response.headers().get(contract::headers::RETRY_AFTER).and_then(|v| v.trim().parse().ok());
    let problem = response.json::<Problem>().await.ok();
    Err(ApiError::from_response(status, problem, retry_after))
}

/// Aborts its request when dropped (a newer request replaced it, or the page went away).
struct AbortOnDrop(Option<AbortController>);

impl AbortOnDrop {
    fn new() -> Self {
        Self(AbortController::new().ok())
    }

    fn signal(&self) -> Option<AbortSignal> {
        self.0.as_ref().map(AbortController::signal)
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}
