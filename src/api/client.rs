//! The HTTP layer: one place that sends requests, aborts abandoned ones and turns answers into types or errors.

use super::{json, ApiError};
use contract::me::Me;
use contract::{paths, PersonId, Problem};
use gloo_net::http::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::{Arc, Mutex};
use wasm_bindgen::JsValue;
use web_sys::{AbortController, AbortSignal, RequestCredentials};

/// Sends requests to the configured backend.
#[derive(Clone, Debug)]
pub struct HttpClient {
    base_url: Arc<str>,
    session: Arc<Mutex<Option<Session>>>,
}

/// The session the page works in: whose it is, and the token its changes send.
#[derive(Clone, Debug)]
struct Session {
    person: PersonId,
    csrf_token: String,
}

/// The guards a change sends: `If-Match` with the etag it was computed from (changes that do not depend on a
/// version, such as assigning, send none), and its `Idempotency-Key`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeGuard {
    /// The etag of the resource as the person saw it.
    pub if_match: Option<String>,
    /// The key of this intended change (the same for its retries); `None` for a change whose repeat is harmless
    /// (removing a card: again, it is already gone).
    pub idempotency_key: Option<String>,
}

impl HttpClient {
    /// A client for the API at `base_url` (empty: the app's own origin).
    pub fn new(base_url: &str) -> Self {
        Self { base_url: base_url.trim_end_matches('/').into(), session: Arc::default() }
    }

    fn session(&self) -> std::sync::MutexGuard<'_, Option<Session>> {
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Remembers whose session this is and its CSRF token (from `GET /me`); every change sends the token.
    pub fn set_session(&self, person: PersonId, csrf_token: String) {
        *self.session() = Some(Session { person, csrf_token });
    }

    /// The full URL of an API path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// `GET` a JSON document. Dropping the future aborts the request (callers that race requests drop the
    /// older future).
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        json::decode(self.exchange(Method::GET, path, None, None).await?).map_err(|_| ApiError::Unreadable)
    }

    /// `GET` a JSON document whose order depends on the reader's language (lists of names): `lang` goes as
    /// `Accept-Language`.
    pub async fn get_in<T: DeserializeOwned>(&self, path: &str, lang: &str) -> Result<T, ApiError> {
        json::decode(self.exchange(Method::GET, path, None, Some(lang)).await?).map_err(|_| ApiError::Unreadable)
    }

    /// Sends a state-changing request with the CSRF token, the guards when given, and a JSON body when given.
    pub async fn send<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        guard: Option<&ChangeGuard>,
        body: Option<&B>,
    ) -> Result<T, ApiError> {
        let body = body.map(serde_json::to_string).transpose().map_err(|_| ApiError::Unreadable)?;
        let answer = self.change(method, path, Change { guard, body }).await?;
        json::decode(answer).map_err(|_| ApiError::Unreadable)
    }

    /// Sends a change; when the session it was signed with ended (401, or a CSRF token of an earlier session),
    /// reads the session again and, if the same person has signed in again meanwhile (in another tab), sends the
    /// same change once more (same `Idempotency-Key`) with the new token. What they typed is never lost to a new
    /// sign-in. Refused changes are refused before any effect, so the resend cannot apply anything twice.
    async fn change(&self, method: Method, path: &str, change: Change<'_>) -> Result<JsValue, ApiError> {
        match self.exchange(method.clone(), path, Some(&change), None).await {
            Err(ApiError::Unauthorized) => {
                self.resume_session().await?;
                self.exchange(method, path, Some(&change), None).await
            }
            answer => answer,
        }
    }

    /// Takes up the session signed in now (`GET /me`) if it is the same person's: `Unauthorized` when nobody is
    /// signed in, someone else is (their session must not send this person's draft), or it cannot be told.
    async fn resume_session(&self) -> Result<(), ApiError> {
        let me = self
            .exchange(Method::GET, paths::ME, None, None)
            .await
            .and_then(|answer| json::decode::<Me>(answer).map_err(|_| ApiError::Unreadable));
        let Ok(me) = me else { return Err(ApiError::Unauthorized) };
        let mut session = self.session();
        match session.as_mut() {
            Some(session) if session.person == me.id => session.csrf_token = me.csrf_token,
            Some(_) => return Err(ApiError::Unauthorized),
            None => *session = Some(Session { person: me.id, csrf_token: me.csrf_token }),
        }
        Ok(())
    }

    /// Sends a request and reads its JSON answer, or turns a failure into an [`ApiError`]: the part of every call
    /// that does not depend on its types, so the wasm carries it once rather than once per type.
    ///
    /// In the deployable build no request leaves before the app's first frame is on the screen (`first_paint`):
    /// the frame (page heading and introduction) needs none of them, and requests started before it is painted
    /// count towards it in Lighthouse's simulated largest paint (300 ms of the Products page's 2.5 s). The data
    /// then leaves about a frame later.
    async fn exchange(
        &self,
        method: Method,
        path: &str,
        change: Option<&Change<'_>>,
        lang: Option<&str>,
    ) -> Result<JsValue, ApiError> {
        #[cfg(feature = "split")]
        crate::first_paint::first_paint().await;
        let abort = AbortOnDrop::new();
        let mut builder = RequestBuilder::new(&self.url(path))
            .method(method)
            .header("accept", "application/json")
            .credentials(RequestCredentials::Include)
            .abort_signal(abort.signal().as_ref());
        if let Some(lang) = lang {
            builder = builder.header("accept-language", lang);
        }
        let mut body = None;
        if let Some(change) = change {
            if let Some(token) = self.session().as_ref().map(|s| s.csrf_token.clone()) {
                builder = builder.header(contract::headers::CSRF_TOKEN, &token);
            }
            if let Some(guard) = change.guard {
                if let Some(key) = &guard.idempotency_key {
                    builder = builder.header(contract::headers::IDEMPOTENCY_KEY, key);
                }
                if let Some(etag) = &guard.if_match {
                    builder = builder.header(contract::headers::IF_MATCH, etag);
                }
            }
            body = change.body.as_deref();
        }
        let request = match body {
            Some(json) => builder.header("content-type", "application/json").body(json),
            None => builder.build(),
        };
        let response = request.map_err(|_| ApiError::Unreadable)?.send().await.map_err(|_| ApiError::Network)?;
        if response.status() == 204 {
            return Ok(JsValue::NULL);
        }
        if response.ok() {
            return json::read(response).await.map_err(|_| ApiError::Unreadable);
        }
        let status = response.status();
        let retry_after = response.headers().get(contract::headers::RETRY_AFTER).and_then(|v| v.trim().parse().ok());
        let problem = json::read(response).await.ok().and_then(|answer| json::decode::<Problem>(answer).ok());
        Err(ApiError::from_response(status, problem, retry_after))
    }
}

/// What a state-changing request sends beyond a read: the CSRF token, its guards when given, its JSON body when
/// given.
struct Change<'a> {
    guard: Option<&'a ChangeGuard>,
    body: Option<String>,
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
