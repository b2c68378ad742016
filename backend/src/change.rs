//! The guards of every state-changing request: `Idempotency-Key` (the first successful answer is stored and
//! replayed, so a retried change applies once) and `If-Match` (a change computed from an old version is refused).

use crate::auth::Viewer;
use crate::db::billing::etag;
use crate::problem::{ApiError, ApiResult};
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use contract::headers::{IDEMPOTENCY_KEY, IF_MATCH};
use contract::problem::FieldErrorCode;
use rusqlite::{params, Connection, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Answers that replay a stored response carry this header.
pub const REPLAYED: &str = "idempotent-replayed";

/// The longest accepted `Idempotency-Key`.
const MAX_KEY_LEN: usize = 255;

/// The guard headers of a change, as sent.
#[derive(Clone, Debug)]
pub struct ChangeHeaders {
    /// `If-Match`, if sent.
    pub if_match: Option<String>,
    /// `Idempotency-Key`, if sent.
    pub idempotency_key: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for ChangeHeaders {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let text =
            |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim).filter(|v| !v.is_empty());
        Ok(Self {
            if_match: text(IF_MATCH).map(str::to_owned),
            idempotency_key: text(IDEMPOTENCY_KEY).map(str::to_owned),
        })
    }
}

impl ChangeHeaders {
    /// Checks `If-Match` against a resource's version: missing is 428, another version 412.
    pub fn check_version(&self, version: u32) -> ApiResult<()> {
        let sent = self.if_match.as_deref().ok_or(ApiError::PreconditionRequired)?;
        let current = etag(version);
        // Strong comparison (RFC 9110 §13.1.1): a weak tag never matches.
        let matches = sent == "*" || sent.split(',').map(str::trim).any(|tag| tag == current);
        if matches {
            Ok(())
        } else {
            Err(ApiError::PreconditionFailed)
        }
    }

    fn key(&self) -> ApiResult<&str> {
        match self.idempotency_key.as_deref() {
            None => Err(ApiError::bad_field("Idempotency-Key", FieldErrorCode::Required)),
            Some(key) if key.len() > MAX_KEY_LEN => {
                Err(ApiError::bad_field("Idempotency-Key", FieldErrorCode::TooLong))
            }
            Some(key) => Ok(key),
        }
    }
}

/// Applies a change once per `Idempotency-Key`. `request` identifies what was asked (method, path and the
/// canonical body, or a digest of it where the body holds secrets): the same key with the same request replays the
/// first success (before `If-Match` is looked at, so a retry after a success still gets it); with another request it
/// is `409 idempotency_key_reused`. Failures are not stored (nothing was applied), so retrying them tries again.
/// Everything runs in one transaction.
pub fn apply_once<T: Serialize>(
    state: &AppState,
    viewer: &Viewer,
    headers: &ChangeHeaders,
    request: String,
    change: impl FnOnce(&Connection) -> ApiResult<T>,
) -> ApiResult<Response> {
    let (status, body, replayed) = once(state, viewer, headers.key()?, request, StatusCode::OK, change)?;
    Ok(json_response(status, body, replayed))
}

/// [`apply_once`] where the key is optional (edits that are safe to repeat): with a key, a retry replays the first
/// answer instead of failing its `If-Match`; without one, the change is simply applied.
pub fn apply_with_optional_key<T: Serialize>(
    state: &AppState,
    viewer: &Viewer,
    headers: &ChangeHeaders,
    request: String,
    change: impl FnOnce(&Connection) -> ApiResult<T>,
) -> ApiResult<Response> {
    if headers.idempotency_key.is_some() {
        return apply_once(state, viewer, headers, request, change);
    }
    let value = state.db.write(change)?;
    let body = serde_json::to_string(&value).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(json_response(200, body, false))
}

/// [`apply_once`] for a change that creates something: `201 Created` with `Location` from `location` (replays too).
pub fn create_once<T: Serialize + DeserializeOwned>(
    state: &AppState,
    viewer: &Viewer,
    headers: &ChangeHeaders,
    request: String,
    location: impl Fn(&T) -> String,
    change: impl FnOnce(&Connection) -> ApiResult<T>,
) -> ApiResult<Response> {
    let (status, body, replayed) = once(state, viewer, headers.key()?, request, StatusCode::CREATED, change)?;
    let created: T = serde_json::from_str(&body).map_err(|e| ApiError::Internal(e.to_string()))?;
    let mut response = json_response(status, body, replayed);
    if let Ok(value) = HeaderValue::from_str(&location(&created)) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

/// The status and body of the change under `key`: replayed when stored, otherwise applied and stored.
fn once<T: Serialize>(
    state: &AppState,
    viewer: &Viewer,
    key: &str,
    request: String,
    status: StatusCode,
    change: impl FnOnce(&Connection) -> ApiResult<T>,
) -> ApiResult<(u16, String, bool)> {
    state.db.write(|conn| {
        let stored: Option<(String, u16, String)> = conn
            .prepare_cached("SELECT fingerprint, status, body FROM idempotency WHERE person_id = ?1 AND key = ?2")?
            .query_row(params![viewer.person_id, key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        if let Some((fingerprint, status, body)) = stored {
            return if fingerprint == request { Ok((status, body, true)) } else { Err(ApiError::IdempotencyKeyReused) };
        }
        let value = change(conn)?;
        let body = serde_json::to_string(&value).map_err(|e| ApiError::Internal(e.to_string()))?;
        conn.prepare_cached(
            "INSERT INTO idempotency (person_id, key, fingerprint, status, body) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![viewer.person_id, key, request, status.as_u16(), body])?;
        Ok((status.as_u16(), body, false))
    })
}

fn json_response(status: u16, body: String, replayed: bool) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if replayed {
        headers.insert(REPLAYED, HeaderValue::from_static("true"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(if_match: Option<&str>) -> ChangeHeaders {
        ChangeHeaders { if_match: if_match.map(str::to_owned), idempotency_key: None }
    }

    #[test]
    fn if_match_compares_etags() {
        assert!(matches!(headers(None).check_version(3), Err(ApiError::PreconditionRequired)));
        assert!(headers(Some("\"3\"")).check_version(3).is_ok());
        assert!(matches!(headers(Some("W/\"3\"")).check_version(3), Err(ApiError::PreconditionFailed)));
        assert!(headers(Some("\"2\", \"3\"")).check_version(3).is_ok());
        assert!(matches!(headers(Some("\"2\"")).check_version(3), Err(ApiError::PreconditionFailed)));
    }
}
