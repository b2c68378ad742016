//! `--static DIR`: files, precompressed siblings, cache headers, SPA fallback.

use crate::common::*;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use std::path::PathBuf;

const WASM: &str = "portal-1a2b3c4d5e6f7a8b_bg.wasm";

fn site(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    std::fs::write(dir.join("index.html"), "<!doctype html><title>portal</title>").unwrap();
    std::fs::write(dir.join("config.json"), r#"{"api_base_url":""}"#).unwrap();
    std::fs::write(dir.join(WASM), b"\0asm plain").unwrap();
    std::fs::write(dir.join(format!("{WASM}.br")), b"brotli bytes").unwrap();
    std::fs::write(dir.join(format!("{WASM}.gz")), b"gzip bytes").unwrap();
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::write(dir.join("assets/logo.svg"), "<svg/>").unwrap();
    dir
}

async fn get(app: &App, path: &str, accept_encoding: Option<&str>) -> Reply {
    let mut request = Request::get(path);
    if let Some(encoding) = accept_encoding {
        request = request.header(header::ACCEPT_ENCODING, encoding);
    }
    app.send(request.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn files_are_served_with_cache_headers_and_precompressed_siblings() {
    let dir = site("files");
    let app = App::with(small_fixture(), true, Some(dir.clone()));
    let index = get(&app, "/", None).await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(index.text().contains("<title>portal</title>"));
    assert_eq!(index.header("cache-control"), Some("no-cache"));
    let config = get(&app, "/config.json", None).await;
    assert_eq!(config.header("cache-control"), Some("no-cache"));
    assert!(config.header("content-type").unwrap().starts_with("application/json"));
    // The app finds this backend's payments origin in its configuration, and with `--dev` the development sign-in
    // (the file names none, as `cargo xtask dist` ships it); the rest as the file has it.
    let served: serde_json::Value = config.json();
    let dev_sign_in = "/dev/sign-in?redirect={redirect}";
    assert_eq!(
        served,
        serde_json::json!({ "api_base_url": "", "payments_origin": PAYMENTS_ORIGIN, "sign_in_url": dev_sign_in })
    );

    let br = get(&app, &format!("/{WASM}"), Some("gzip, deflate, br")).await;
    assert_eq!(br.status, StatusCode::OK);
    assert_eq!(br.body, b"brotli bytes");
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(br.header("content-type"), Some("application/wasm"));
    assert_eq!(br.header("cache-control"), Some("public, max-age=31536000, immutable"));
    let gz = get(&app, &format!("/{WASM}"), Some("gzip")).await;
    assert_eq!((gz.body.as_slice(), gz.header("content-encoding")), (&b"gzip bytes"[..], Some("gzip")));
    let plain = get(&app, &format!("/{WASM}"), None).await;
    assert_eq!(plain.body, b"\0asm plain");
    assert_eq!(plain.header("content-encoding"), None);
    let svg = get(&app, "/assets/logo.svg", None).await;
    assert_eq!((svg.status, svg.header("cache-control")), (StatusCode::OK, Some("no-cache")));
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn unknown_routes_fall_back_to_the_app_but_not_files_api_or_dev() {
    let dir = site("fallback");
    let app = App::with(small_fixture(), false, Some(dir.clone()));
    for route in ["/products", "/products/sub-1/licenses", "/billing/invoices?from=2026-01-01"] {
        let reply = get(&app, route, None).await;
        assert_eq!(reply.status, StatusCode::OK, "{route}");
        assert!(reply.text().contains("<title>portal</title>"), "{route}");
        assert_eq!(reply.header("cache-control"), Some("no-cache"));
    }
    assert_eq!(get(&app, "/missing.js", None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/assets/missing.css", None).await.status, StatusCode::NOT_FOUND);
    let api = get(&app, "/api/v1/nothing", None).await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED, "the API stays the API");
    let api = app.anonymous(Method::GET, "/api/other", None).await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.problem().code, contract::ErrorCode::NotFound);
    let dev = get(&app, "/dev/sign-in", None).await;
    assert_eq!(dev.status, StatusCode::NOT_FOUND, "no SPA fallback for /dev without --dev");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_app_is_served_with_a_strict_policy_and_security_headers() {
    let dir = site("headers");
    for (dev, reported) in [(true, true), (false, false)] {
        let app = App::with(small_fixture(), dev, Some(dir.clone()));
        for path in ["/", "/products", &format!("/{WASM}"), "/missing.js"] {
            let reply = get(&app, path, None).await;
            let policy = reply.header("content-security-policy").unwrap_or_default().to_owned();
            assert!(
                policy.starts_with("default-src 'none'; script-src 'self' 'wasm-unsafe-eval';"),
                "{path}: {policy}"
            );
            assert_eq!(policy.contains("report-uri /dev/csp-reports"), reported, "{path}: {policy}");
            // Frames only from the payments origin: its hosted card fields.
            assert!(policy.contains(&format!("frame-src {PAYMENTS_ORIGIN}")), "{path}: {policy}");
            assert_eq!(policy.matches("frame-src").count(), 1, "{path}: {policy}");
            assert_eq!(reply.header("x-content-type-options"), Some("nosniff"), "{path}");
            assert_eq!(reply.header("x-frame-options"), Some("DENY"), "{path}");
            assert_eq!(reply.header("referrer-policy"), Some("no-referrer"), "{path}");
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn violation_reports_are_kept_until_cleared() {
    let app = App::with(small_fixture(), true, None);
    let report = r#"{"csp-report":{"violated-directive":"script-src-elem"}}"#;
    let posted = app
        .send(
            Request::post("/dev/csp-reports")
                .header(header::CONTENT_TYPE, "application/csp-report")
                .body(Body::from(report))
                .unwrap(),
        )
        .await;
    assert_eq!(posted.status, StatusCode::NO_CONTENT);
    let listed = app.send(Request::get("/dev/csp-reports").body(Body::empty()).unwrap()).await;
    assert_eq!(listed.json::<Vec<String>>(), vec![report.to_owned()]);
    let cleared = app.send(Request::delete("/dev/csp-reports").body(Body::empty()).unwrap()).await;
    assert_eq!(cleared.status, StatusCode::NO_CONTENT);
    let listed = app.send(Request::get("/dev/csp-reports").body(Body::empty()).unwrap()).await;
    assert!(listed.json::<Vec<String>>().is_empty());
}

#[tokio::test]
async fn without_dev_the_config_gets_no_sign_in_and_a_configured_one_is_kept() {
    let dir = site("config-sign-in");
    let production = App::with(small_fixture(), false, Some(dir.clone()));
    let served: serde_json::Value = get(&production, "/config.json", None).await.json();
    assert_eq!(served, serde_json::json!({ "api_base_url": "", "payments_origin": PAYMENTS_ORIGIN }));

    let own = "https://login.example.com/?next={redirect}";
    std::fs::write(dir.join("config.json"), serde_json::json!({ "sign_in_url": own }).to_string()).unwrap();
    let dev = App::with(small_fixture(), true, Some(dir.clone()));
    let served: serde_json::Value = get(&dev, "/config.json", None).await.json();
    assert_eq!(served["sign_in_url"], own);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn under_a_base_path_the_app_is_there_and_nowhere_else() {
    let dir = site("base-path");
    let app = App::serving_under(dir.clone(), "/portal");
    for route in ["/portal/", "/portal/products", "/portal/billing/invoices?range=6m"] {
        let reply = get(&app, route, None).await;
        assert_eq!(reply.status, StatusCode::OK, "{route}");
        assert!(reply.text().contains("<title>portal</title>"), "{route}");
    }
    let wasm = get(&app, &format!("/portal/{WASM}"), Some("br")).await;
    assert_eq!((wasm.status, wasm.body.as_slice()), (StatusCode::OK, &b"brotli bytes"[..]));
    assert_eq!(wasm.header("cache-control"), Some("public, max-age=31536000, immutable"));
    let config: serde_json::Value = get(&app, "/portal/config.json", None).await.json();
    assert_eq!(config["payments_origin"], PAYMENTS_ORIGIN);
    assert!(get(&app, "/portal/assets/logo.svg", None).await.text().contains("<svg/>"));
    for outside in ["/products", "/config.json", &format!("/{WASM}"), "/portals/products"] {
        assert_eq!(get(&app, outside, None).await.status, StatusCode::NOT_FOUND, "{outside}");
    }
    for (to_base, location) in [("/", "/portal/"), ("/portal", "/portal/"), ("/portal?range=6m", "/portal/?range=6m")] {
        let reply = get(&app, to_base, None).await;
        assert_eq!((reply.status, reply.header("location")), (StatusCode::PERMANENT_REDIRECT, Some(location)));
    }
    assert_eq!(get(&app, "/api/v1/nothing", None).await.status, StatusCode::UNAUTHORIZED, "the API stays at the root");
    let _ = std::fs::remove_dir_all(dir);
}
