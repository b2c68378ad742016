//! The HTTP layer: one place that sends requests, aborts abandoned ones and turns answers into types or errors.

use super::ApiError;
use contract::Problem;
use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use std::sync::Arc;
use web_sys::{AbortController, AbortSignal, RequestCredentials};

/// Sends requests to the configured backend.
#[derive(Clone, Debug)]
pub struct HttpClient {
    base_url: Arc<str>,
}

impl HttpClient {
    /// A client for the API at `base_url` (empty: the app's own origin).
    pub fn new(base_url: &str) -> Self {
        Self { base_url: base_url.trim_end_matches('/').into() }
    }

    /// The full URL of an API path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// `GET` a JSON document. Dropping the future aborts the request (callers that race requests drop the
    /// older future).
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let abort = AbortOnDrop::new();
        let response = Request::get(&self.url(path))
            .header("accept", "application/json")
            .credentials(RequestCredentials::Include)
            .abort_signal(abort.signal().as_ref())
            .send()
            .await
            .map_err(|_| ApiError::Network)?;
        read_json(response).await
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
