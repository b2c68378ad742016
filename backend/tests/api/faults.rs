//! Fault injection through `/dev/faults`.

use crate::common::*;
use axum::body::Body;
use axum::http::Request;
use axum::http::{Method, StatusCode};
use backend::faults::DropConnection;
use contract::ErrorCode;
use std::time::{Duration, Instant};

async fn arm(app: &App, body: &str) {
    let reply = app.anonymous(Method::POST, "/dev/faults", Some(body)).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{body}: {}", reply.text());
}

#[tokio::test]
async fn a_status_fault_answers_once_then_requests_are_normal() {
    let app = App::small();
    let asa = app.asa().await;
    arm(&app, r#"{"method":"GET","path":"/api/v1/subscriptions","status":500}"#).await;
    let reply = app.get("/api/v1/subscriptions", &asa).await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(reply.problem().code, ErrorCode::Internal);
    assert_eq!(app.get("/api/v1/subscriptions", &asa).await.status, StatusCode::OK);
}

#[tokio::test]
async fn count_method_and_prefix_decide_what_is_hit() {
    let app = App::small();
    let asa = app.asa().await;
    arm(&app, r#"{"method":"get","path":"/api/v1/subscriptions/*","status":503,"count":2}"#).await;
    assert_eq!(app.get("/api/v1/subscriptions", &asa).await.status, StatusCode::OK, "the prefix needs the slash");
    assert_eq!(app.get("/api/v1/me", &asa).await.status, StatusCode::OK);
    let post = app.request(Method::POST, "/api/v1/subscriptions/sub-power-bi-pro/cancel", Some(&asa), Some("{}")).await;
    assert_eq!(post.status, StatusCode::UNPROCESSABLE_ENTITY, "method GET only: the handler answered");
    let reply = app.get("/api/v1/subscriptions/sub-power-bi-pro", &asa).await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    let problem = reply.problem();
    assert_eq!((problem.code, problem.retry_after), (ErrorCode::Unavailable, Some(1)));
    assert_eq!(app.get("/api/v1/subscriptions/x/assignments", &asa).await.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(app.get("/api/v1/subscriptions/sub-power-bi-pro", &asa).await.status, StatusCode::OK, "count 2 used up");
}

#[tokio::test]
async fn rate_limiting_sends_retry_after() {
    let app = App::small();
    let asa = app.asa().await;
    arm(&app, r#"{"path":"/api/v1/me","status":429,"retry_after":7}"#).await;
    let reply = app.get("/api/v1/me", &asa).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(reply.header("retry-after"), Some("7"));
    let problem = reply.problem();
    assert_eq!((problem.code, problem.retry_after), (ErrorCode::RateLimited, Some(7)));
}

#[tokio::test]
async fn later_faults_match_first_and_faults_hit_before_the_session_check() {
    let app = App::small();
    arm(&app, r#"{"path":"/api/v1/me","status":500}"#).await;
    arm(&app, r#"{"path":"/api/v1/me","status":404}"#).await;
    let first = app.anonymous(Method::GET, "/api/v1/me", None).await;
    assert_eq!(first.problem().code, ErrorCode::NotFound);
    let second = app.anonymous(Method::GET, "/api/v1/me", None).await;
    assert_eq!(second.problem().code, ErrorCode::Internal);
    assert_eq!(app.anonymous(Method::GET, "/api/v1/me", None).await.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn delays_slow_requests_down_and_then_serve_them() {
    let app = App::small();
    let asa = app.asa().await;
    arm(&app, r#"{"path":"/api/v1/me","delay_ms":300}"#).await;
    let started = Instant::now();
    let reply = app.get("/api/v1/me", &asa).await;
    assert!(started.elapsed() >= Duration::from_millis(300), "{:?}", started.elapsed());
    assert_eq!(reply.status, StatusCode::OK);
    let started = Instant::now();
    app.get("/api/v1/me", &asa).await;
    assert!(started.elapsed() < Duration::from_millis(300));
}

#[tokio::test]
async fn drop_marks_the_response_for_the_server_to_close_the_connection() {
    let app = App::small();
    arm(&app, r#"{"path":"/api/v1/cancellation-reasons","drop":true}"#).await;
    let request = Request::get("/api/v1/cancellation-reasons").body(Body::empty()).unwrap();
    let response = tower::ServiceExt::oneshot(app.router(), request).await.unwrap();
    assert!(response.extensions().get::<DropConnection>().is_some());
}

#[tokio::test]
async fn clearing_disarms_everything_and_bad_faults_are_refused() {
    let app = App::small();
    let asa = app.asa().await;
    arm(&app, r#"{"path":"/api/v1/*","status":500,"count":5}"#).await;
    let listed = app.anonymous(Method::GET, "/dev/faults", None).await.text();
    assert!(listed.contains(r#""remaining":5"#), "{listed}");
    let reply = app.anonymous(Method::DELETE, "/dev/faults", None).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT);
    assert_eq!(app.get("/api/v1/me", &asa).await.status, StatusCode::OK);

    let reply = app.anonymous(Method::POST, "/dev/faults", Some(r#"{"path":"/api/v1/me","status":200}"#)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.problem().errors[0].field, "status");
    let reply = app.anonymous(Method::POST, "/dev/faults", Some("not json")).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.problem().code, ErrorCode::MalformedJson);
    let reply = app.anonymous(Method::POST, "/dev/faults", Some(r#"{"path":["not a path"]}"#)).await;
    assert_eq!((reply.status, reply.problem().code), (StatusCode::BAD_REQUEST, ErrorCode::BadRequest));
}
