//! `POST /v1/tokens`: the hosted fields' tokenize endpoint. Only pages of the payments origin itself may call it
//! (the fields, framed by the portal; never the portal's own page). The values are checked by the same rules the
//! fields apply ([`contract::hosted_fields`]) and kept in the vault; the answer is a single-use token with the
//! brand and last four digits.

use super::vault::Issued;
use crate::server::Peer;
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use axum::Json;
use contract::billing::CardBrand;
use contract::hosted_fields::{number_issue, security_code_issue};
use serde::Deserialize;
use std::sync::Arc;

/// Where the endpoint is.
pub const PATH: &str = "/v1/tokens";

/// What the fields send.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// The card number (a card token); absent for a security code token.
    #[serde(default)]
    number: Option<String>,
    /// The security code.
    security_code: String,
    /// The brand the security code belongs to (a security code token).
    #[serde(default)]
    brand: Option<CardBrand>,
}

fn no_store(status: StatusCode, body: serde_json::Value) -> Response {
    let mut response = (status, Json(body)).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn refused(status: StatusCode, code: &str, field: Option<&str>) -> Response {
    no_store(status, serde_json::json!({ "status": status.as_u16(), "code": code, "field": field }))
}

/// Whether the request comes from a page of this origin: `Sec-Fetch-Site: same-origin` where the browser sends
/// it, else an `Origin` equal to this server's own.
fn same_origin(headers: &HeaderMap) -> bool {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    match (text("sec-fetch-site"), text("origin"), text("host")) {
        (Some(site), _, _) => site == "same-origin",
        (None, Some(origin), Some(host)) => {
            origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://")) == Some(host)
        }
        _ => false,
    }
}

fn answer(issued: Issued) -> Response {
    no_store(
        StatusCode::CREATED,
        serde_json::json!({ "token": issued.token, "brand": issued.brand, "last4": issued.last4 }),
    )
}

/// Tokenizes a card (number and security code) or a security code alone; at most
/// [`PER_WINDOW`](super::limit::PER_WINDOW) a minute from one address (then `429` with `Retry-After`).
pub async fn tokenize(
    State(state): State<Arc<AppState>>,
    peer: Option<Extension<Peer>>,
    headers: HeaderMap,
    body: Result<Json<TokenRequest>, JsonRejection>,
) -> Response {
    if !same_origin(&headers) {
        return refused(StatusCode::FORBIDDEN, "cross_origin", None);
    }
    if let Err(seconds) = state.token_limit.check(peer.map(|Extension(Peer(ip))| ip), std::time::Instant::now()) {
        let mut response = refused(StatusCode::TOO_MANY_REQUESTS, "rate_limited", None);
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        return response;
    }
    let Ok(Json(request)) = body else { return refused(StatusCode::BAD_REQUEST, "bad_request", None) };
    let code = request.security_code.trim();
    match request.number.as_deref().map(str::trim) {
        Some(number) => {
            let brand = match number_issue(number) {
                Ok(brand) => brand,
                Err(issue) => return refused(StatusCode::UNPROCESSABLE_ENTITY, issue.as_str(), Some("number")),
            };
            if let Err(issue) = security_code_issue(code, Some(brand)) {
                return refused(StatusCode::UNPROCESSABLE_ENTITY, issue.as_str(), Some("security_code"));
            }
            let digits: String = number.chars().filter(char::is_ascii_digit).collect();
            answer(state.vault.tokenize_card(&digits, code, brand))
        }
        None => {
            let Some(brand) = request.brand else {
                return refused(StatusCode::UNPROCESSABLE_ENTITY, "brand_required", Some("brand"));
            };
            if let Err(issue) = security_code_issue(code, Some(brand)) {
                return refused(StatusCode::UNPROCESSABLE_ENTITY, issue.as_str(), Some("security_code"));
            }
            answer(state.vault.tokenize_security_code(code, brand))
        }
    }
}
