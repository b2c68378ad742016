//! `DELETE /api/v1/session`: signing out.

use crate::auth::{cleared_session_cookie, session_token, Viewer};
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::IntoResponse;
use std::sync::Arc;

/// Ends the session of the request's cookie (the guard has checked it and the CSRF token) and clears the cookie:
/// 204. Any later request with that cookie is 401.
pub async fn sign_out(State(state): State<Arc<AppState>>, _viewer: Viewer, headers: HeaderMap) -> impl IntoResponse {
    if let Some(token) = session_token(&headers) {
        state.sessions.remove(&token);
    }
    (StatusCode::NO_CONTENT, [(header::SET_COOKIE, cleared_session_cookie())])
}
