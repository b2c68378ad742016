//! The security headers of the served app, and (with `--dev`) the Content-Security-Policy violation reports the
//! browser sends, kept in memory so the end-to-end suite can fail on any of them.

use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use std::sync::Mutex;

/// The policy: scripts only from this origin (the wasm compiled with `'wasm-unsafe-eval'`, never `eval`), styles
/// only from stylesheets (properties set through the CSS object model stay allowed), requests only to this origin,
/// frames only from the payments origin (the hosted card fields: [`policy`] adds it), no plugins, a `<base>` (the
/// path the app is served under) only of this origin, no foreign form targets, and never framed itself.
pub const POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    img-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'self'; \
    frame-ancestors 'none'";

/// [`POLICY`] with `frame-src` for the payments origin (its hosted card fields), and `report-uri` when `report`.
pub fn policy(payments_origin: &str, report: bool) -> String {
    let mut policy = format!("{POLICY}; frame-src {payments_origin}");
    if report {
        policy.push_str("; report-uri ");
        policy.push_str(REPORT_PATH);
    }
    policy
}

/// Where the browser reports violations when `/dev` routes exist.
pub const REPORT_PATH: &str = "/dev/csp-reports";

/// Adds the policy (with the payments origin's frames; reporting to [`REPORT_PATH`] when `report`) and the other
/// security headers.
pub fn add_security_headers(headers: &mut HeaderMap, payments_origin: &str, report: bool) {
    let policy = policy(payments_origin, report);
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
        add_security_headers(&mut headers, "http://127.0.0.1:8082", false);
        let policy = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        assert!(!policy.contains("report-uri"));
        assert!(policy.ends_with("frame-ancestors 'none'; frame-src http://127.0.0.1:8082"), "{policy}");
        add_security_headers(&mut headers, "http://127.0.0.1:8082", true);
        assert!(headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap().ends_with("report-uri /dev/csp-reports"));
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    }
}
