//! Every rejection is `application/problem+json` with a code of its own, whichever extractor or layer refused the
//! request: a sweep over every operation of the contract (`contract::operations`) and the documented development
//! routes (sign-in, sign-out, faults) × {an id that is not UTF-8, a wrong method, an oversized body, a wrong
//! content type, malformed JSON}. The sweep also proves that the backend serves each operation with its method
//! (the 405 names it in `Allow`). Every answer of `/api` and `/dev` also says `nosniff` and `no-store`.

use crate::common::*;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use contract::ErrorCode;

/// A route: its method, its path with `{id}` for the resource's id, an id that exists, whether it reads a JSON
/// body, and whether an administrator calls it.
struct Route {
    method: Method,
    path: &'static str,
    id: &'static str,
    json_body: bool,
    admin: bool,
}

/// An id of the demo that the operation at `path` finds.
fn example_id(path: &str) -> &'static str {
    match path {
        p if p.ends_with("/reactivate") => "sub-project-expired",
        p if p.starts_with("/api/v1/subscriptions/{id}/assignments") => "sub-power-bi-pro",
        p if p.starts_with("/api/v1/billing-profiles/") => "bp-stockholm",
        p if p.starts_with("/api/v1/payment-methods/") => "pm-visa",
        p if p.starts_with("/api/v1/invoices/") => "inv-stockholm-202611",
        p if p.contains("{id}") => "sub-business-basic",
        _ => "",
    }
}

/// Every operation of the contract, and the development routes.
fn routes() -> Vec<Route> {
    let operations = contract::operations::OPERATIONS.iter().map(|operation| Route {
        method: Method::from_bytes(operation.method.as_bytes()).expect("a method"),
        path: operation.path,
        id: example_id(operation.path),
        json_body: operation.body.is_some(),
        admin: operation.admin_only(),
    });
    let dev = |method, path, json_body| Route { method, path, id: "", json_body, admin: false };
    operations
        .chain([
            dev(Method::GET, "/dev/sign-in", false),
            dev(Method::GET, "/dev/sign-out", false),
            dev(Method::GET, "/dev/faults", false),
            dev(Method::POST, "/dev/faults", true),
            dev(Method::DELETE, "/dev/faults", false),
        ])
        .collect()
}

/// `(method, path)` of every operation `openapi.yaml` documents.
fn documented() -> Vec<(String, String)> {
    let document: serde_json::Value =
        serde_yaml::from_str(include_str!("../../../contract/openapi.yaml")).expect("openapi.yaml is YAML");
    let paths = document["paths"].as_object().expect("paths");
    paths
        .iter()
        .flat_map(|(path, item)| {
            let methods = item.as_object().into_iter().flatten().map(|(method, _)| method);
            methods.filter(|m| *m != "parameters").map(|m| (m.to_uppercase(), path.clone())).collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_sweep_covers_every_documented_route() {
    let mut swept: Vec<(String, String)> = routes().iter().map(|r| (r.method.to_string(), r.path.to_owned())).collect();
    let mut documented = documented();
    swept.sort();
    documented.sort();
    assert_eq!(swept, documented);
}

struct Sweep {
    app: App,
    purchaser: Session,
    admin: Session,
}

impl Sweep {
    async fn new() -> Self {
        let app = App::small();
        let (purchaser, admin) = (app.asa().await, app.li().await);
        Self { app, purchaser, admin }
    }

    /// Sends `method` to the route (its id replaced by `id`) as its user, with the guards of a change and `body`.
    /// Signing out (`DELETE /api/v1/session`) is sent in a session of its own, which it may end.
    async fn send(&self, route: &Route, method: Method, id: &str, body: Option<(&str, Vec<u8>)>) -> Reply {
        let own;
        let session = if route.path == contract::paths::SESSION {
            own = self.app.asa().await;
            &own
        } else if route.admin {
            &self.admin
        } else {
            &self.purchaser
        };
        let mut request = Request::builder()
            .method(method)
            .uri(route.path.replace("{id}", id))
            .header(header::COOKIE, &session.cookie)
            .header("x-csrf-token", &session.csrf)
            .header("idempotency-key", "sweep")
            .header(header::IF_MATCH, "\"1\"");
        let body = match body {
            Some((content_type, bytes)) => {
                request = request.header(header::CONTENT_TYPE, content_type);
                Body::from(bytes)
            }
            None => Body::empty(),
        };
        self.app.send(request.body(body).expect("request")).await
    }
}

/// The answer's code, after checking that every failure is problem+json with its status, and that the answer
/// carries the headers every answer carries.
fn code_of(reply: &Reply, what: &str) -> Option<ErrorCode> {
    assert_eq!(reply.header("x-content-type-options"), Some("nosniff"), "{what}");
    assert!(reply.header("cache-control").is_some_and(|v| v.contains("no-store")), "{what}");
    assert!(reply.status.as_u16() < 500, "{what}: {} {}", reply.status, reply.text());
    (reply.status.is_client_error()).then(|| reply.problem().code)
}

#[tokio::test]
async fn every_route_refuses_bad_requests_as_problems_with_their_own_codes() {
    let sweep = Sweep::new().await;
    for route in routes() {
        let name = format!("{} {}", route.method, route.path);
        if route.path.contains("{id}") {
            let what = format!("{name} with the id %FF");
            let reply = sweep.send(&route, route.method.clone(), "%FF", None).await;
            assert_eq!(code_of(&reply, &what), Some(ErrorCode::NotFound), "{what}");
        }

        let wrong = if route.method == Method::PUT { Method::PATCH } else { Method::PUT };
        let what = format!("{name} as {wrong}");
        let reply = sweep.send(&route, wrong, route.id, None).await;
        assert_eq!(code_of(&reply, &what), Some(ErrorCode::MethodNotAllowed), "{what}");
        assert!(reply.header("allow").is_some_and(|a| a.contains(route.method.as_str())), "{what}: Allow");

        let oversized = [b"{\"x\":\"".as_slice(), &vec![b'a'; 3 << 20], b"\"}"].concat();
        let cases: [(&str, &str, Vec<u8>, ErrorCode); 3] = [
            ("an oversized body", "application/json", oversized, ErrorCode::PayloadTooLarge),
            ("a body of another type", "text/plain", b"{}".to_vec(), ErrorCode::UnsupportedMediaType),
            ("malformed JSON", "application/json", b"{]".to_vec(), ErrorCode::MalformedJson),
        ];
        for (trouble, content_type, body, expected) in cases {
            let what = format!("{name} with {trouble}");
            let reply = sweep.send(&route, route.method.clone(), route.id, Some((content_type, body))).await;
            let code = code_of(&reply, &what);
            // `/dev/faults` reads its body whatever its type; routes without a body ignore one.
            let reads_type = route.json_body && route.path.starts_with("/api/");
            if route.json_body && (reads_type || expected != ErrorCode::UnsupportedMediaType) {
                assert_eq!(code, Some(expected), "{what}: {}", reply.text());
            }
        }
    }
}

#[tokio::test]
async fn answers_with_session_data_are_never_stored_nor_sniffed() {
    let app = App::small();
    let asa = app.asa().await;
    for path in ["/api/v1/me", "/api/v1/subscriptions", "/api/v1/nothing"] {
        let reply = app.get(path, &asa).await;
        assert_eq!(reply.header("cache-control"), Some("no-store"), "{path}");
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"), "{path}");
    }
    let reply = app.anonymous(Method::GET, "/api/v1/me", None).await;
    assert_eq!((reply.header("cache-control"), reply.problem().code), (Some("no-store"), ErrorCode::Unauthenticated));
}

#[tokio::test]
async fn changes_from_another_origin_are_refused_with_their_own_code() {
    let app = App::small();
    let asa = app.asa().await;
    let quote = |origin: Option<&'static str>| {
        let mut request = Request::post("/api/v1/subscriptions/sub-business-basic/quantity-quote")
            .header(header::HOST, "127.0.0.1:4173")
            .header(header::COOKIE, &asa.cookie)
            .header("x-csrf-token", &asa.csrf)
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        request.body(Body::from(r#"{"total":105}"#)).expect("request")
    };
    let refused = app.send(quote(Some("https://attacker.example"))).await;
    assert_eq!((refused.status, refused.problem().code), (StatusCode::FORBIDDEN, ErrorCode::OriginNotAllowed));
    for origin in [None, Some(APP_ORIGIN), Some("http://127.0.0.1:4173")] {
        assert_eq!(app.send(quote(origin)).await.status, StatusCode::OK, "{origin:?}");
    }
    // Reading needs no origin check: a cross-origin page cannot read the answer anyway (no CORS).
    let mut read = Request::get("/api/v1/me").header(header::COOKIE, &asa.cookie);
    read = read.header(header::ORIGIN, "https://attacker.example");
    assert_eq!(app.send(read.body(Body::empty()).expect("request")).await.status, StatusCode::OK);
}
