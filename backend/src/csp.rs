//! The security headers of the served app, and (with `--dev`) the Content-Security-Policy violation reports the
//! browser sends, kept in memory so the end-to-end suite can fail on any of them.

use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use std::sync::Mutex;

/// The policy: scripts only from this origin (the wasm compiled with `'wasm-unsafe-eval'`, never `eval`), styles
/// only from stylesheets (properties set through the CSS object model stay allowed), requests only to this origin,
/// no plugins, frames, `<base>` or foreign form targets.
pub const POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    img-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; \
    frame-ancestors 'none'";

/// Where the browser reports violations when `/dev` routes exist.
pub const REPORT_PATH: &str = "/dev/csp-reports";

/// Adds the policy (reporting to [`REPORT_PATH`] when `report`) and the other security headers.
pub fn add_security_headers(headers: &mut HeaderMap, report: bool) {
    let policy = if report { format!("{POLICY}; report-uri {REPORT_PATH}") } else { POLICY.to_owned() };
    let fixed = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=(), payment=()"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    let policy = HeaderValue::from_str(&policy).expect("the policy is visible ASCII");
    headers.insert(header::CONTENT_SECURITY_POLICY, policy);
}

/// Violation reports received, as the browser sent them.
#[derive(Default)]
pub struct Reports(Mutex<Vec<String>>);

impl Reports {
    fn list(&self) -> std::sync::MutexGuard<'_, Vec<String>> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Keeps one report.
    pub fn add(&self, report: String) {
        self.list().push(report);
    }

    /// Every report so far.
    pub fn all(&self) -> Vec<String> {
        self.list().clone()
    }

    /// Forgets every report.
    pub fn clear(&self) {
        self.list().clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_allows_no_inline_script_or_eval() {
        let mut headers = HeaderMap::new();
        add_security_headers(&mut headers, false);
        let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        assert!(!policy.contains("report-uri"));
        add_security_headers(&mut headers, true);
        assert!(headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().ends_with("report-uri /dev/csp-reports"));
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    }
}
