//! Development routes: sign-in, sign-out, and their absence without `--dev`.

use crate::common::*;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};

#[tokio::test]
async fn dev_routes_do_not_exist_without_dev() {
    let app = App::with(small_fixture(), false, None);
    for path in ["/dev/sign-in?user=asa.ostrom@contoso.se", "/dev/sign-out", "/dev/faults"] {
        let reply = app.anonymous(Method::GET, path, None).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
        assert!(reply.header("set-cookie").is_none());
    }
    let reply = app.anonymous(Method::POST, "/dev/faults", Some(r#"{"path":"/api/v1/me","status":500}"#)).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn sign_in_sets_a_lax_http_only_cookie_and_redirects_only_to_local_paths() {
    let app = App::small();
    let reply = app
        .anonymous(Method::GET, "/dev/sign-in?user=asa.ostrom%40contoso.se&redirect=/products%3Fstatus%3Dactive", None)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.header("location"), Some("/products?status=active"));
    let cookie = reply.header("set-cookie").unwrap();
    assert!(cookie.starts_with("ssp_session="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    for evil in ["//evil.com", "https://evil.com", "/%5Cevil.com", "evil.com", "%2F%2Fevil.com"] {
        let reply =
            app.anonymous(Method::GET, &format!("/dev/sign-in?user=asa.ostrom@contoso.se&redirect={evil}"), None).await;
        assert_eq!(reply.header("location"), Some("/"), "{evil}");
    }
}

#[tokio::test]
async fn sign_in_by_person_id_and_unknown_users() {
    let app = App::small();
    let reply = app.anonymous(Method::GET, "/dev/sign-in?user=p-jurgen", None).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let reply = app.anonymous(Method::GET, "/dev/sign-in?user=nobody@contoso.se", None).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(reply.text().contains("nobody@contoso.se"));
    let reply = app.anonymous(Method::GET, "/dev/sign-in?user=p-bjorn", None).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "a person who is not a user cannot sign in");
}

#[tokio::test]
async fn sign_in_page_lists_every_user_accessibly() {
    let app = App::small();
    let reply = app.anonymous(Method::GET, "/dev/sign-in?redirect=/billing", None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.header("content-type").unwrap().starts_with("text/html"));
    let html = reply.text();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<h1>"));
    assert_eq!(html.matches("<li><a href=").count(), 3);
    for user in ["asa.ostrom%40contoso.se", "jurgen.weiss%40contoso.de", "li.wei%40contoso.com"] {
        assert!(html.contains(&format!("/dev/sign-in?user={user}&amp;redirect=%2Fbilling")), "{user} in {html}");
    }
    assert!(html.contains("Åsa Öström") && html.contains("李伟"));
}

#[tokio::test]
async fn sign_out_ends_the_session() {
    let app = App::small();
    let asa = app.asa().await;
    assert_eq!(app.get("/api/v1/me", &asa).await.status, StatusCode::OK);
    let request = Request::get("/dev/sign-out?redirect=/bye").header(header::COOKIE, &asa.cookie).body(Body::empty());
    let reply = app.send(request.unwrap()).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.header("location"), Some("/bye"));
    assert!(reply.header("set-cookie").unwrap().contains("Max-Age=0"));
    assert_eq!(app.get("/api/v1/me", &asa).await.status, StatusCode::UNAUTHORIZED);
}
