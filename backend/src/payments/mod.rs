//! The payments origin: the reference backend's stand-in for a card processor, on a listener (and so an origin) of
//! its own. It serves the hosted card fields (`GET /v1/hosted-field`, a page the portal frames) and their tokenize
//! endpoint (`POST /v1/tokens`), and keeps card numbers and security codes in its [`vault::Vault`]. The portal API
//! reaches the vault only through the vault's narrow interface (a token's masked facts, redeeming it).

pub mod hosted_page;
pub mod limit;
pub mod tokens;
pub mod vault;

use crate::AppState;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use std::sync::Arc;
use std::time::Duration;

/// Where the payments origin is and whom it serves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The payments origin as browsers reach it (`http://127.0.0.1:8082`): the app's `payments_origin`.
    pub origin: String,
    /// The app origins allowed to frame the fields and to talk to them (`frame-ancestors`, message checks).
    pub app_origins: Vec<String>,
    /// How long a token can be redeemed.
    pub token_ttl: Duration,
}

impl Settings {
    /// Settings for a payments origin at `origin` serving the app at `app_origins`, tokens living 15 minutes.
    pub fn new(origin: impl Into<String>, app_origins: Vec<String>) -> Self {
        Self { origin: origin.into(), app_origins, token_ttl: vault::DEFAULT_TOKEN_TTL }
    }
}

/// Whether `text` is an origin as browsers write one: `http` or `https`, a host, an optional port, no path.
pub fn is_origin(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("http://").or_else(|| text.strip_prefix("https://")) else { return false };
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || host.starts_with('[') => (host, Some(port)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || "-.[]:".contains(c));
    host_ok && port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()))
}

async fn index() -> impl IntoResponse {
    "Payments origin of the self-service purchases reference backend: hosted card fields and tokens.\n"
}

/// The payments origin's routes.
pub fn router(state: Arc<AppState>) -> Router {
    let mut router = Router::new()
        .route("/", get(index))
        .route(hosted_page::PATH, get(hosted_page::page))
        .route(tokens::PATH, post(tokens::tokenize));
    if state.dev {
        router = router.route(crate::csp::REPORT_PATH, post(crate::routes::dev::add_csp_report));
    }
    router.with_state(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_have_a_scheme_a_host_and_no_path() {
        for good in ["http://127.0.0.1:4173", "https://portal.example.com", "http://localhost:8080", "http://[::1]:80"]
        {
            assert!(is_origin(good), "{good}");
        }
        for bad in ["127.0.0.1:4173", "http://", "http://a/b", "ftp://a", "http://a:", "http://a:123456", "*"] {
            assert!(!is_origin(bad), "{bad}");
        }
    }
}
