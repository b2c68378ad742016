//! `GET /v1/hosted-field`: one card field (the number or the security code) as a small page for the portal to
//! frame. Its texts, language, colour scheme and text size come from the address (and later from the portal's
//! `update` messages); its script and stylesheet are inline, allowed by their hashes in a strict policy whose
//! `frame-ancestors` names only the app origins this payments origin serves.

use crate::AppState;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use contract::billing::CardBrand;
use contract::hosted_fields::FieldKind;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::sync::{Arc, LazyLock};

/// Where the page is served.
pub const PATH: &str = "/v1/hosted-field";

/// The field's rules (also run by Node.js in the tests, beside the contract's).
pub const RULES: &str = include_str!("rules.js");
/// The field's script: its rules, then the field.
pub const SCRIPT: &str = concat!(include_str!("rules.js"), include_str!("field.js"));
/// The field's stylesheet.
pub const STYLE: &str = include_str!("field.css");

/// The longest label, title or description taken from the address.
const MAX_TEXT: usize = 300;

/// What the portal asks for in the page's address.
#[derive(Debug, Default, Deserialize)]
pub struct FieldQuery {
    /// `number` or `security_code`.
    pub field: Option<String>,
    /// The origin of the page that frames the field (one of the app origins).
    pub parent: Option<String>,
    /// The card's form: its two fields share it.
    pub group: Option<String>,
    /// Language tag of the texts.
    pub lang: Option<String>,
    /// The visible label.
    pub label: Option<String>,
    /// The page's title.
    pub title: Option<String>,
    /// The input's accessible description (hint and problem).
    pub description: Option<String>,
    /// `light` or `dark`.
    pub scheme: Option<String>,
    /// The portal's text size in CSS pixels.
    pub font_px: Option<u32>,
    /// The card's brand (the security code field of a stored card).
    pub brand: Option<String>,
    /// `true` when the field must be filled in.
    pub required: Option<bool>,
}

/// `sha256-…` of an inline script or stylesheet, as a policy names it.
fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(text.as_bytes())))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

static HASHES: LazyLock<(String, String)> = LazyLock::new(|| (csp_hash(SCRIPT), csp_hash(STYLE)));

/// The page's policy: its own inline script and stylesheet (by hash), requests only to this origin, framed only by
/// `app_origins`; violations reported to `/dev/csp-reports` with `report`.
pub fn policy(app_origins: &[String], report: bool) -> String {
    let (script, style) = &*HASHES;
    let ancestors = if app_origins.is_empty() { "'none'".to_owned() } else { app_origins.join(" ") };
    let mut policy = format!(
        "default-src 'none'; script-src {script}; style-src {style}; connect-src 'self'; base-uri 'none'; \
         form-action 'none'; frame-ancestors {ancestors}"
    );
    if report {
        policy.push_str("; report-uri ");
        policy.push_str(crate::csp::REPORT_PATH);
    }
    policy
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn refuse(status: StatusCode, why: &str) -> Response {
    (status, format!("{why}\n")).into_response()
}

/// A checked request for a field page.
#[derive(Debug, PartialEq, Eq)]
pub struct FieldPage {
    kind: FieldKind,
    parent: String,
    group: String,
    lang: String,
    label: String,
    title: String,
    description: String,
    scheme: Option<&'static str>,
    font_px: Option<u32>,
    brand: Option<&'static str>,
    required: bool,
}

/// Checks the address's parameters: the field, a parent among `app_origins`, a group, texts of sensible length.
pub fn check(query: FieldQuery, app_origins: &[String]) -> Result<FieldPage, (StatusCode, &'static str)> {
    let kind = match query.field.as_deref() {
        Some("number") => FieldKind::Number,
        Some("security_code") => FieldKind::SecurityCode,
        _ => return Err((StatusCode::BAD_REQUEST, "field must be number or security_code")),
    };
    let parent = query.parent.unwrap_or_default();
    if !app_origins.contains(&parent) {
        return Err((StatusCode::FORBIDDEN, "parent is not an app origin this payments origin serves"));
    }
    let group = query.group.unwrap_or_default();
    let group_ok = (8..=64).contains(&group.len()) && group.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !group_ok {
        return Err((StatusCode::BAD_REQUEST, "group must be 8 to 64 letters, digits or dashes"));
    }
    let lang =
        query.lang.filter(|l| (1..=35).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    let text = |value: Option<String>, default: &str| -> Result<String, (StatusCode, &'static str)> {
        let value = value.unwrap_or_else(|| default.to_owned());
        if value.chars().count() > MAX_TEXT {
            return Err((StatusCode::BAD_REQUEST, "label, title and description are at most 300 characters"));
        }
        Ok(value)
    };
    let default_label = match kind {
        FieldKind::Number => "Card number",
        FieldKind::SecurityCode => "Security code",
    };
    let brand = CardBrand::ALL.into_iter().map(CardBrand::as_str).find(|name| query.brand.as_deref() == Some(name));
    Ok(FieldPage {
        kind,
        parent,
        group,
        lang: lang.unwrap_or_else(|| "en".to_owned()),
        label: text(query.label, default_label)?,
        title: text(query.title, default_label)?,
        description: text(query.description, "")?,
        scheme: match query.scheme.as_deref() {
            Some("light") => Some("light"),
            Some("dark") => Some("dark"),
            _ => None,
        },
        font_px: query.font_px.filter(|px| (8..=64).contains(px)),
        brand,
        required: query.required.unwrap_or(true),
    })
}

/// The page's HTML.
pub fn render(page: &FieldPage) -> String {
    let (autocomplete, maxlength) = match page.kind {
        FieldKind::Number => ("cc-number", 23),
        FieldKind::SecurityCode => ("cc-csc", 4),
    };
    let scheme = page.scheme.map(|s| format!(" data-scheme=\"{s}\"")).unwrap_or_default();
    let font = page.font_px.map(|px| format!(" data-font=\"{px}\"")).unwrap_or_default();
    let brand = page.brand.map(|b| format!(" data-brand=\"{b}\"")).unwrap_or_default();
    let required = if page.required { " aria-required=\"true\"" } else { "" };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" data-field=\"{field}\" data-parent=\"{parent}\" data-group=\"{group}\"\
         {scheme}{font}{brand}>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"{color_scheme}\">\n<title>{title}</title>\n<style>{STYLE}</style>\n\
         </head>\n<body>\n<label id=\"l\" for=\"f\">{label}</label>\n\
         <input id=\"f\" type=\"text\" inputmode=\"numeric\" autocomplete=\"{autocomplete}\" maxlength=\"{maxlength}\" \
         spellcheck=\"false\" autocapitalize=\"off\" autocorrect=\"off\" aria-describedby=\"d\" aria-invalid=\"false\"\
         {required}>\n<span id=\"d\" hidden>{description}</span>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        lang = escape(&page.lang),
        field = page.kind.as_str(),
        parent = escape(&page.parent),
        group = escape(&page.group),
        color_scheme = page.scheme.unwrap_or("light dark"),
        title = escape(&page.title),
        label = escape(&page.label),
        description = escape(&page.description),
    )
}

/// The field page, or a plain-text refusal (a parent this payments origin does not serve is `403`).
pub async fn page(State(state): State<Arc<AppState>>, Query(query): Query<FieldQuery>) -> Response {
    let mut response = match check(query, &state.payments.app_origins) {
        Ok(page) => {
            let mut response = render(&page).into_response();
            let html = HeaderValue::from_static("text/html; charset=utf-8");
            response.headers_mut().insert(header::CONTENT_TYPE, html);
            response
        }
        Err((status, why)) => refuse(status, why),
    };
    // A refusal gets the same headers: no framing by others, no sniffing, no caching.
    add_headers(response.headers_mut(), &policy(&state.payments.app_origins, state.dev));
    response
}

fn add_headers(headers: &mut HeaderMap, policy: &str) {
    let fixed = [
        (header::CACHE_CONTROL, "no-store"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (HeaderName::from_static("permissions-policy"), "camera=(), microphone=(), geolocation=(), payment=()"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if let Ok(value) = HeaderValue::from_str(policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origins() -> Vec<String> {
        vec!["http://127.0.0.1:4173".to_owned()]
    }

    fn query(parent: &str) -> FieldQuery {
        FieldQuery {
            field: Some("number".into()),
            parent: Some(parent.into()),
            group: Some("0123456789abcdef".into()),
            label: Some("Kortnummer <b>".into()),
            lang: Some("sv".into()),
            ..FieldQuery::default()
        }
    }

    #[test]
    fn base64_pads_like_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn only_served_app_origins_get_a_field_and_texts_are_escaped() {
        assert_eq!(check(query("http://evil.example"), &origins()).unwrap_err().0, StatusCode::FORBIDDEN);
        let page = check(query("http://127.0.0.1:4173"), &origins()).unwrap();
        let html = render(&page);
        assert!(html.contains("<label id=\"l\" for=\"f\">Kortnummer &lt;b&gt;</label>"), "{html}");
        assert!(html.contains("lang=\"sv\"") && html.contains("autocomplete=\"cc-number\""));
        let bad_group = FieldQuery { group: Some("x".into()), ..query("http://127.0.0.1:4173") };
        assert_eq!(check(bad_group, &origins()).unwrap_err().0, StatusCode::BAD_REQUEST);
    }

    #[test]
    fn the_policy_allows_the_inline_code_by_hash_and_only_the_app_as_ancestor() {
        let policy = policy(&origins(), false);
        assert!(policy.contains(&csp_hash(SCRIPT)) && policy.contains(&csp_hash(STYLE)));
        assert!(policy.ends_with("frame-ancestors http://127.0.0.1:4173"), "{policy}");
        assert!(!policy.contains("unsafe"));
    }
}
