//! Header names the contract relies on.

/// Sent on every state-changing request; its value is [`crate::me::Me::csrf_token`].
pub const CSRF_TOKEN: &str = "x-csrf-token";
/// Makes a state-changing request safe to retry: the same key replays the first response.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
/// The `etag` of the resource the change was computed from; a mismatch answers 412.
pub const IF_MATCH: &str = "if-match";
/// Seconds to wait before retrying, on 429 and 503.
pub const RETRY_AFTER: &str = "retry-after";
/// The media type of error bodies (RFC 9457).
pub const PROBLEM_JSON: &str = "application/problem+json";
/// The name of the session cookie the backend sets at sign-in.
pub const SESSION_COOKIE: &str = "ssp_session";
