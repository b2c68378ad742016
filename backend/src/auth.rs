//! Sessions and the guard in front of every `/api` route: a session cookie is required (401 otherwise), and every
//! state-changing request (anything but GET and HEAD) must come from the app's origin when it names one (403
//! `origin_not_allowed` otherwise) and carry the session's `X-CSRF-Token` (403 `csrf_token_invalid` otherwise). Sessions live in memory; they end when the process does.

use crate::problem::ApiError;
use crate::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use contract::headers::{CSRF_TOKEN, SESSION_COOKIE};
use contract::me::Role;
use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, Mutex, MutexGuard};

/// A signed-in session.
#[derive(Clone, Debug)]
pub struct Session {
    /// Who signed in.
    pub person_id: String,
    /// The token state-changing requests must send.
    pub csrf_token: String,
}

/// The session store: session token → session.
#[derive(Default)]
pub struct Sessions(Mutex<HashMap<String, Session>>);

impl Sessions {
    fn map(&self) -> MutexGuard<'_, HashMap<String, Session>> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Starts a session for a person; returns the cookie value.
    pub fn create(&self, person_id: &str) -> String {
        let token = random_token();
        self.map().insert(token.clone(), Session { person_id: person_id.to_owned(), csrf_token: random_token() });
        token
    }

    /// The session of a cookie value.
    pub fn get(&self, token: &str) -> Option<Session> {
        self.map().get(token).cloned()
    }

    /// Ends a session.
    pub fn remove(&self, token: &str) {
        self.map().remove(token);
    }
}

/// 128 random bits as hex, from the operating system (falling back to std's randomly keyed hasher).
pub fn random_token() -> String {
    let mut bytes = [0u8; 16];
    let from_os = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes)).is_ok();
    if !from_os {
        use std::hash::{BuildHasher, Hasher};
        for chunk in bytes.chunks_mut(8) {
            let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write_u128(
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos(),
            );
            chunk.copy_from_slice(&hasher.finish().to_le_bytes());
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The session cookie's value in a request, if any.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.to_owned())
        .filter(|value| !value.is_empty())
}

/// The `Set-Cookie` value that ends the session cookie in the browser.
pub fn cleared_session_cookie() -> String {
    format!("{SESSION_COOKIE}=; Max-Age=0; HttpOnly; SameSite=Lax; Path=/")
}

/// The signed-in person, as handlers see them.
#[derive(Clone, Debug)]
pub struct Viewer {
    /// Their person id.
    pub person_id: String,
    /// Their organization.
    pub org_id: String,
    /// Purchaser or admin.
    pub role: Role,
    /// Preferred locale.
    pub locale: String,
    /// Their session's CSRF token.
    pub csrf_token: String,
}

impl Viewer {
    /// Whether this person is an administrator.
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Viewer>().cloned().ok_or(ApiError::Unauthenticated)
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD)
}

/// The guard: resolves the session to a [`Viewer`] or answers 401/403.
pub async fn require_session(State(state): State<Arc<AppState>>, mut request: Request, next: Next) -> Response {
    match authenticate(&state, &request) {
        Ok(viewer) => {
            request.extensions_mut().insert(viewer);
            next.run(request).await
        }
        Err(error) => error.into_response(),
    }
}

/// Whether a change may come from the page that sent it (defence in depth beside the CSRF token): with no `Origin`
/// (not a browser, or a browser that sends none), yes; otherwise only from the app's origins or this server's own
/// (its `Host`).
pub fn origin_allowed(headers: &HeaderMap, app_origins: &[String]) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else { return true };
    let Ok(origin) = origin.to_str() else { return false };
    let authority = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://"));
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    app_origins.iter().any(|allowed| allowed == origin) || (authority.is_some() && authority == host)
}

fn authenticate(state: &AppState, request: &Request) -> Result<Viewer, ApiError> {
    let token = session_token(request.headers()).ok_or(ApiError::Unauthenticated)?;
    let session = state.sessions.get(&token).ok_or(ApiError::Unauthenticated)?;
    if !is_safe(request.method()) {
        if !origin_allowed(request.headers(), &state.payments.app_origins) {
            return Err(ApiError::OriginNotAllowed);
        }
        let sent = request.headers().get(CSRF_TOKEN).and_then(|v| v.to_str().ok());
        if sent != Some(session.csrf_token.as_str()) {
            return Err(ApiError::CsrfTokenInvalid);
        }
    }
    let user = state.db.with(|conn| crate::db::people::user(conn, &session.person_id))?;
    let user = user.ok_or(ApiError::Unauthenticated)?;
    Ok(Viewer {
        person_id: session.person_id,
        org_id: user.org_id,
        role: user.role,
        locale: user.locale,
        csrf_token: session.csrf_token,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn session_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.append(header::COOKIE, HeaderValue::from_static("a=1; ssp_session=abc; b=2"));
        assert_eq!(session_token(&headers).as_deref(), Some("abc"));
        headers.clear();
        headers.append(header::COOKIE, HeaderValue::from_static("ssp_session="));
        assert_eq!(session_token(&headers), None);
    }

    #[test]
    fn changes_come_from_the_app_or_this_server_or_no_page() {
        let apps = ["http://127.0.0.1:8080".to_owned()];
        let with = |origin: Option<&'static str>, host: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::HOST, HeaderValue::from_static(host));
            if let Some(origin) = origin {
                headers.insert(header::ORIGIN, HeaderValue::from_static(origin));
            }
            origin_allowed(&headers, &apps)
        };
        assert!(with(None, "127.0.0.1:8081"));
        assert!(with(Some("http://127.0.0.1:8080"), "127.0.0.1:8081"));
        assert!(with(Some("https://portal.example"), "portal.example"));
        assert!(!with(Some("https://evil.example"), "127.0.0.1:8081"));
        assert!(!with(Some("null"), "127.0.0.1:8081"));
        assert!(!with(Some("http://127.0.0.1:8080.evil.example"), "127.0.0.1:8081"));
    }

    #[test]
    fn tokens_are_random_hex() {
        let (a, b) = (random_token(), random_token());
        assert_eq!(a.len(), 32);
        assert_ne!(a, b);
    }
}
