//! `--static DIR`: the built single-page app, for every path that is not `/api` or `/dev`; with `--base-path
//! /portal/`, for the paths under `/portal/` (`/portal/products` is `DIR/index.html`, `/portal/config.json` is
//! `DIR/config.json`), `/` and `/portal` redirecting to `/portal/`, and nothing else.
//!
//! Files are served as they are, preferring a precompressed `.br` or `.gz` sibling the client accepts. Hashed asset
//! names (a `-` and 12 or more hex digits, as trunk writes them: `portal-1a2b3c4d5e6f7a8b_bg.wasm`; trunk's hash is
//! a u64 in hex without leading zeros, so 15 digits happen) are cached for a year as immutable; everything else
//! (`index.html`, `config.json`, unhashed files) is `no-cache`, i.e. revalidated.
//! A path without a file extension that matches no file is a client-side route: it gets `index.html` (200).
//! Every answer carries the security headers of [`crate::csp`] (frames only from the payments origin), the policy
//! reporting violations with `--dev`. `config.json` is answered with its `payments_origin` set to this server's
//! payments origin, so one build finds the hosted card fields of whichever backend serves it.

use crate::AppState;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use std::path::Path;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// `Cache-Control` of hashed assets.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of everything else.
pub const NO_CACHE: &str = "no-cache";

/// Whether a file name carries a content hash: `-` followed by at least 12 hex digits.
pub fn is_hashed(file_name: &str) -> bool {
    file_name.match_indices('-').any(|(i, _)| {
        let hex = file_name[i + 1..].bytes().take_while(u8::is_ascii_hexdigit).count();
        hex >= 12
    })
}

fn has_extension(path: &str) -> bool {
    path.rsplit('/').next().is_some_and(|segment| segment.contains('.'))
}

/// Serves `request` from `dir`, under the base path, with the security headers (reporting violations with
/// `--dev`).
pub async fn serve(state: &AppState, dir: &Path, mut request: Request) -> Response {
    let (path, base) = (request.uri().path(), state.base_path.as_str());
    let mut response = match path.strip_prefix(base) {
        _ if !base.is_empty() && (path == "/" || path == base) => {
            let query = request.uri().query().map(|query| format!("?{query}")).unwrap_or_default();
            (StatusCode::PERMANENT_REDIRECT, [(header::LOCATION, format!("{base}/{query}"))]).into_response()
        }
        Some("/config.json") if request.method() == Method::GET => config(dir, &state.payments.origin, state.dev),
        Some(file) if file.starts_with('/') => {
            let file = match request.uri().query() {
                Some(query) => format!("{file}?{query}"),
                None => file.to_owned(),
            };
            match file.parse() {
                Ok(uri) => {
                    *request.uri_mut() = uri;
                    serve_file(dir, request).await
                }
                Err(_) => (StatusCode::BAD_REQUEST, "Bad request\n").into_response(),
            }
        }
        _ => (StatusCode::NOT_FOUND, "Not found\n").into_response(),
    };
    crate::csp::add_security_headers(response.headers_mut(), &state.payments.origin, state.dev);
    response
}

/// The development sign-in (`--dev`), for a `config.json` that names none: `cargo xtask dist` ships one without it.
const DEV_SIGN_IN_URL: &str = "/dev/sign-in?redirect={redirect}";

/// The app's `config.json` with `payments_origin` set to `payments_origin`, and with `--dev` the development
/// sign-in when the file has no `sign_in_url`.
fn config(dir: &Path, payments_origin: &str, dev: bool) -> Response {
    let Ok(text) = std::fs::read_to_string(dir.join("config.json")) else {
        return (StatusCode::NOT_FOUND, "Not found\n").into_response();
    };
    let Ok(serde_json::Value::Object(mut config)) = serde_json::from_str(&text) else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "config.json is not a JSON object\n").into_response();
    };
    config.insert("payments_origin".to_owned(), payments_origin.into());
    if dev && !config.contains_key("sign_in_url") {
        config.insert("sign_in_url".to_owned(), DEV_SIGN_IN_URL.into());
    }
    let mut response = axum::Json(config).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    response
}

async fn serve_file(dir: &Path, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let method = request.method().clone();
    let headers = request.headers().clone();
    let served = ServeDir::new(dir).precompressed_br().precompressed_gzip().oneshot(request).await;
    let mut response = match served {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    let spa_route = response.status() == StatusCode::NOT_FOUND
        && matches!(method, Method::GET | Method::HEAD)
        && !has_extension(&path);
    if spa_route {
        let mut index = Request::new(Body::empty());
        *index.method_mut() = method;
        *index.headers_mut() = headers;
        let served =
            ServeFile::new(dir.join("index.html")).precompressed_br().precompressed_gzip().oneshot(index).await;
        response = match served {
            Ok(response) => response.map(Body::new),
            Err(never) => match never {},
        };
    }
    if response.status() == StatusCode::NOT_FOUND {
        return (StatusCode::NOT_FOUND, "Not found\n").into_response();
    }
    let file_name = path.rsplit('/').next().unwrap_or_default();
    let cache = if !spa_route && is_hashed(file_name) { IMMUTABLE } else { NO_CACHE };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.entry(header::VARY).or_insert(HeaderValue::from_static("accept-encoding"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed("portal-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed("main-0123456789abcdef.css"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("config.json"));
        assert!(!is_hashed("font-awesome-4.7.css"));
        assert!(is_hashed("main-41477ff8e0f6058.css"), "trunk drops leading zeros: 15 digits");
        assert!(!is_hashed("portal-1a2b3c4d5e6.js"), "11 digits are not a hash");
    }
}
