//! The session and CSRF guard.

use crate::common::*;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use contract::ErrorCode;

#[tokio::test]
async fn api_requests_without_a_session_are_401() {
    let app = App::small();
    for path in ["/api/v1/me", "/api/v1/subscriptions", "/api/v1/invoices?from=2026-01-01&to=2026-02-01"] {
        let reply = app.anonymous(Method::GET, path, None).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(reply.problem().code, ErrorCode::Unauthenticated);
    }
    let forged = Request::get("/api/v1/me").header(header::COOKIE, "ssp_session=not-a-session").body(Body::empty());
    let reply = app.send(forged.unwrap()).await;
    assert_eq!(reply.problem().code, ErrorCode::Unauthenticated);
    let reply = app.anonymous(Method::POST, "/api/v1/subscriptions/sub-power-bi-pro/cancel", Some("{}")).await;
    assert_eq!(reply.problem().code, ErrorCode::Unauthenticated, "no session beats no CSRF token");
}

#[tokio::test]
async fn me_describes_the_signed_in_person_with_a_per_session_csrf_token() {
    let app = App::small();
    let asa = app.asa().await;
    let me: contract::me::Me = app.get("/api/v1/me", &asa).await.json();
    assert_eq!(me.display_name, "Åsa Öström");
    assert_eq!(me.locale, "en");
    assert_eq!(me.role, contract::me::Role::Purchaser);
    assert_eq!(me.organization.name, "Contoso AB");
    assert_eq!(me.csrf_token.len(), 32);
    let again = app.asa().await;
    assert_ne!(again.csrf, asa.csrf, "each session has its own token");
    let li: contract::me::Me = app.get("/api/v1/me", &app.li().await).await.json();
    assert_eq!((li.role, li.locale.as_str()), (contract::me::Role::Admin, "zh-Hans"));
    let jurgen: contract::me::Me = app.get("/api/v1/me", &app.jurgen().await).await.json();
    assert_eq!((jurgen.display_name.as_str(), jurgen.locale.as_str()), ("Jürgen Weiß", "de"));
}

#[tokio::test]
async fn state_changing_requests_need_the_sessions_csrf_token() {
    let app = App::small();
    let asa = app.asa().await;
    let path = "/api/v1/subscriptions/sub-power-bi-pro/cancel";
    let missing = Request::post(path).header(header::COOKIE, &asa.cookie).body(Body::from("{}")).unwrap();
    let reply = app.send(missing).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.problem().code, ErrorCode::CsrfTokenInvalid);

    let other = app.jurgen().await;
    let wrong = Session { cookie: asa.cookie.clone(), csrf: other.csrf };
    let reply = app.request(Method::POST, path, Some(&wrong), Some("{}")).await;
    assert_eq!(reply.problem().code, ErrorCode::CsrfTokenInvalid);
    for method in [Method::PUT, Method::PATCH, Method::DELETE] {
        let reply = app.request(method.clone(), "/api/v1/payment-methods/pm-visa", Some(&wrong), None).await;
        assert_eq!(reply.problem().code, ErrorCode::CsrfTokenInvalid, "{method}");
    }

    let reply = app.request(Method::POST, path, Some(&asa), Some("{}")).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "the guard lets it through to the handler");
}

#[tokio::test]
async fn unknown_api_paths_are_problem_404s_and_wrong_methods_405() {
    let app = App::small();
    let asa = app.asa().await;
    for path in ["/api/v1/nothing", "/api/v2/me", "/api"] {
        let reply = app.get(path, &asa).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(reply.problem().code, ErrorCode::NotFound);
    }
    let reply = app.request(Method::DELETE, "/api/v1/me", Some(&asa), None).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.problem().code, ErrorCode::MethodNotAllowed);
}

#[tokio::test]
async fn signing_out_ends_the_session_and_clears_its_cookie() {
    let app = App::small();
    let asa = app.asa().await;
    let other = app.asa().await;
    let without_token = Session { cookie: asa.cookie.clone(), csrf: String::new() };
    let reply = app.request(Method::DELETE, "/api/v1/session", Some(&without_token), None).await;
    assert_eq!(reply.problem().code, ErrorCode::CsrfTokenInvalid, "signing out is a change: it needs the token");
    assert_eq!(app.get("/api/v1/me", &asa).await.status, StatusCode::OK, "a refused sign-out ends nothing");

    let reply = app.request(Method::DELETE, "/api/v1/session", Some(&asa), None).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.text());
    let cookie = reply.header("set-cookie").expect("the cookie is cleared");
    assert!(cookie.starts_with("ssp_session=;") && cookie.contains("Max-Age=0"), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("Path=/"), "{cookie}");

    let reply = app.get("/api/v1/me", &asa).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "the old cookie no longer works");
    assert_eq!(reply.problem().code, ErrorCode::Unauthenticated);
    let reply = app.request(Method::DELETE, "/api/v1/session", Some(&asa), None).await;
    assert_eq!(reply.problem().code, ErrorCode::Unauthenticated, "signing out again: there is no session");
    assert_eq!(app.get("/api/v1/me", &other).await.status, StatusCode::OK, "the person's other sessions stay");
}
