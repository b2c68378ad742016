//! Development routes, present only with `--dev`: sign in as a fixture user, sign out, arm or clear faults, reset
//! the data, read a subscription's order history.
//! They need no CSRF token.

use crate::auth::session_token;
use crate::db::changes::{self, Order};
use crate::db::people::{user_by_email, users};
use crate::faults::{ArmedFault, FaultSpec};
use crate::problem::{ApiError, ApiResult};
use crate::query::Params;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use contract::headers::SESSION_COOKIE;
use contract::paths::encode;
use contract::problem::FieldErrorCode;
use std::sync::Arc;

/// `redirect` if it is a same-origin relative path (one leading `/`, no `//` or `/\` start, no backslash, only
/// visible ASCII), otherwise `/`.
pub fn safe_redirect(redirect: Option<&str>) -> String {
    match redirect {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && path.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

fn see_other(location: &str, cookie: String) -> ApiResult<Response> {
    let location = HeaderValue::from_str(location).map_err(|e| ApiError::Internal(e.to_string()))?;
    let cookie = HeaderValue::from_str(&cookie).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok((StatusCode::SEE_OTHER, [(header::LOCATION, location), (header::SET_COOKIE, cookie)]).into_response())
}

/// `GET /dev/sign-in?user=<e-mail or person id>&redirect=<path>`: starts a session and redirects (303); without
/// `user`, a page listing the users; an unknown user is a 404.
pub async fn sign_in(State(state): State<Arc<AppState>>, headers: HeaderMap, params: Params) -> ApiResult<Response> {
    let redirect = safe_redirect(params.text("redirect"));
    let Some(email) = params.text("user") else {
        let users = state.db.with(users)?;
        let items: String = users
            .iter()
            .map(|u| {
                let href = format!("/dev/sign-in?user={}&redirect={}", encode(&u.email), encode(&redirect));
                let role = crate::db::codec::name(&u.role);
                format!(
                    "<li><a href=\"{}\">{}</a> ({}, {role}, {})</li>\n",
                    escape(&href),
                    escape(&u.display_name),
                    escape(&u.email),
                    escape(&u.locale)
                )
            })
            .collect();
        let page = format!(
            "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>Sign in (development)</title></head>\n<body>\n<main>\n<h1>Sign in as a fixture user</h1>\n\
             <ul>\n{items}</ul>\n</main>\n</body>\n</html>\n"
        );
        return Ok(Html(page).into_response());
    };
    let found = state.db.with(|conn| match user_by_email(conn, email)? {
        Some(user) => Ok(Some(user)),
        None => crate::db::people::user(conn, email),
    })?;
    let Some(user) = found else {
        return Ok((StatusCode::NOT_FOUND, format!("No fixture user can sign in as {email}.\n")).into_response());
    };
    if let Some(old) = session_token(&headers) {
        state.sessions.remove(&old);
    }
    let token = state.sessions.create(&user.person_id);
    see_other(&redirect, format!("{SESSION_COOKIE}={token}; HttpOnly; SameSite=Lax; Path=/"))
}

/// `GET /dev/sign-out?redirect=<path>`: ends the session, clears the cookie and redirects (303).
pub async fn sign_out(State(state): State<Arc<AppState>>, headers: HeaderMap, params: Params) -> ApiResult<Response> {
    if let Some(token) = session_token(&headers) {
        state.sessions.remove(&token);
    }
    let redirect = safe_redirect(params.text("redirect"));
    see_other(&redirect, crate::auth::cleared_session_cookie())
}

/// `POST /dev/faults`: arms a fault (body: [`FaultSpec`]); 204, or 400 (`malformed_json`, `bad_request`) / 422 (bad
/// values).
pub async fn arm_fault(
    State(state): State<Arc<AppState>>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<StatusCode> {
    let spec: FaultSpec = serde_json::from_slice(&body?).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ApiError::BadBody(e.to_string()),
        _ => ApiError::MalformedJson(e.to_string()),
    })?;
    state.faults.arm(spec)?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /dev/faults`: the armed faults.
pub async fn list_faults(State(state): State<Arc<AppState>>) -> Json<Vec<ArmedFault>> {
    Json(state.faults.list())
}

/// `DELETE /dev/faults`: disarms every fault.
pub async fn clear_faults(State(state): State<Arc<AppState>>) -> StatusCode {
    state.faults.clear();
    StatusCode::NO_CONTENT
}

/// `POST /dev/reset`: loads the fixture again (every change undone, stored idempotent answers forgotten) and
/// disarms every fault; sessions stay signed in. 204.
pub async fn reset(State(state): State<Arc<AppState>>) -> ApiResult<StatusCode> {
    state.db.reset(&state.fixture)?;
    state.faults.clear();
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /dev/orders?subscription=<id>`: a subscription's order history (what was charged or credited, by whom),
/// so tests can check that a change was applied, and charged, exactly once.
pub async fn orders(State(state): State<Arc<AppState>>, mut params: Params) -> ApiResult<Json<Vec<Order>>> {
    let id = params.text("subscription").map(str::to_owned);
    params.finish()?;
    let id = id.ok_or_else(|| ApiError::bad_field("subscription", FieldErrorCode::Required))?;
    Ok(Json(state.db.with(|conn| changes::orders(conn, &id))?))
}

/// `POST /dev/csp-reports`: keeps a Content-Security-Policy violation report as the browser sent it. 204.
pub async fn add_csp_report(
    State(state): State<Arc<AppState>>,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<StatusCode> {
    state.csp_reports.add(String::from_utf8_lossy(&body?).into_owned());
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /dev/csp-reports`: every violation report received since start or the last `DELETE`.
pub async fn csp_reports(State(state): State<Arc<AppState>>) -> Json<Vec<String>> {
    Json(state.csp_reports.all())
}

/// `DELETE /dev/csp-reports`: forgets the reports. 204.
pub async fn clear_csp_reports(State(state): State<Arc<AppState>>) -> StatusCode {
    state.csp_reports.clear();
    StatusCode::NO_CONTENT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_relative_paths_are_redirect_targets() {
        assert_eq!(safe_redirect(Some("/products?tab=a")), "/products?tab=a");
        for bad in ["//evil.com", "/\\evil.com", "https://evil.com", "evil", "/a b", "/\u{e5}", ""] {
            assert_eq!(safe_redirect(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_redirect(None), "/");
    }
}
