//! Test helpers: an app on an in-memory database, sessions, requests through `tower::ServiceExt::oneshot`.

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use backend::fixture::Fixture;
use backend::{build, demo, Settings};
use contract::Problem;
use http_body_util::BodyExt;
use serde::de::DeserializeOwned;
use std::path::PathBuf;
use time::macros::date;
use time::Date;
use tower::ServiceExt;

/// The day the tests pin the clock to.
pub const TODAY: Date = date!(2026 - 11 - 23);

/// The demo fixture for [`TODAY`], clock pinned.
pub fn demo_fixture() -> Fixture {
    Fixture { today: Some(TODAY), ..demo::fixture(TODAY) }
}

/// A small demo fixture (500 generated people) for tests that do not need the full directory.
pub fn small_fixture() -> Fixture {
    Fixture { today: Some(TODAY), ..demo::fixture_with_people(TODAY, 500) }
}

/// The app origin the tests' payments origin serves.
pub const APP_ORIGIN: &str = "http://127.0.0.1:4173";
/// The tests' payments origin.
pub const PAYMENTS_ORIGIN: &str = "http://127.0.0.1:4175";

/// The payments settings of the tests: tokens live `ttl`.
pub fn payments(ttl: std::time::Duration) -> backend::payments::Settings {
    backend::payments::Settings {
        token_ttl: ttl,
        ..backend::payments::Settings::new(PAYMENTS_ORIGIN, vec![APP_ORIGIN.to_owned()])
    }
}

/// An application under test: the portal and its payments origin.
pub struct App {
    router: Router,
    payments: Router,
}

/// A signed-in session.
#[derive(Clone, Debug)]
pub struct Session {
    /// `ssp_session=<token>`.
    pub cookie: String,
    /// The CSRF token from `/me`.
    pub csrf: String,
}

/// A collected response.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {} {}", self.status, String::from_utf8_lossy(&self.body)))
    }

    /// The problem body, after checking the media type.
    pub fn problem(&self) -> Problem {
        assert_eq!(self.header(header::CONTENT_TYPE.as_str()), Some("application/problem+json"), "{}", self.text());
        let problem: Problem = self.json();
        assert_eq!(problem.status, self.status.as_u16());
        problem
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

impl App {
    /// The full demo (dev routes on).
    pub fn demo() -> Self {
        Self::with(demo_fixture(), true, None)
    }

    /// The small demo (dev routes on).
    pub fn small() -> Self {
        Self::with(small_fixture(), true, None)
    }

    /// The small demo on a database file (to look at what is stored).
    pub fn small_on_file(db: &std::path::Path) -> Self {
        let settings = Settings {
            db: db.to_string_lossy().into_owned(),
            fixture: small_fixture(),
            dev: true,
            static_dir: None,
            base_path: String::new(),
            payments: payments(backend::payments::vault::DEFAULT_TOKEN_TTL),
        };
        Self::from(settings)
    }

    pub fn with(fixture: Fixture, dev: bool, static_dir: Option<PathBuf>) -> Self {
        let payments = payments(backend::payments::vault::DEFAULT_TOKEN_TTL);
        Self::from(Settings { db: ":memory:".into(), fixture, dev, static_dir, base_path: String::new(), payments })
    }

    /// The small demo, with `/dev`, serving the app in `static_dir` under `base_path` (`/portal`).
    pub fn serving_under(static_dir: PathBuf, base_path: &str) -> Self {
        let payments = payments(backend::payments::vault::DEFAULT_TOKEN_TTL);
        let (fixture, static_dir, base_path) = (small_fixture(), Some(static_dir), base_path.to_owned());
        Self::from(Settings { db: ":memory:".into(), fixture, dev: true, static_dir, base_path, payments })
    }

    /// The small demo whose card tokens live `ttl`.
    pub fn small_with_token_ttl(ttl: std::time::Duration) -> Self {
        Self::from(Settings {
            db: ":memory:".into(),
            fixture: small_fixture(),
            dev: true,
            static_dir: None,
            base_path: String::new(),
            payments: payments(ttl),
        })
    }

    fn from(settings: Settings) -> Self {
        let routers = build(settings).expect("app builds");
        Self { router: routers.portal, payments: routers.payments }
    }

    /// A request to the payments origin.
    pub async fn to_payments(&self, request: Request<Body>) -> Reply {
        collect(self.payments.clone().oneshot(request).await.expect("infallible")).await
    }

    /// A token of the payments origin for a card (`security_code` alone when `number` is `None`, for `brand`), as
    /// the hosted fields ask for it.
    pub async fn tokenize(&self, number: Option<&str>, security_code: &str, brand: &str) -> Reply {
        let body = match number {
            Some(number) => serde_json::json!({ "number": number, "security_code": security_code }),
            None => serde_json::json!({ "security_code": security_code, "brand": brand }),
        };
        let request = Request::post("/v1/tokens")
            .header(header::CONTENT_TYPE, "application/json")
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body.to_string()))
            .expect("request");
        self.to_payments(request).await
    }

    /// A card token (the tokenize request must succeed).
    pub async fn card_token(&self, number: &str, security_code: &str) -> String {
        let reply = self.tokenize(Some(number), security_code, "").await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
        reply.json::<serde_json::Value>()["token"].as_str().expect("a token").to_owned()
    }

    /// A security code token for a card of `brand`.
    pub async fn code_token(&self, security_code: &str, brand: &str) -> String {
        let reply = self.tokenize(None, security_code, brand).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
        reply.json::<serde_json::Value>()["token"].as_str().expect("a token").to_owned()
    }

    /// The router itself.
    pub fn router(&self) -> Router {
        self.router.clone()
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        collect(self.router.clone().oneshot(request).await.expect("infallible")).await
    }

    pub async fn request(&self, method: Method, path: &str, session: Option<&Session>, body: Option<&str>) -> Reply {
        let mut builder = Request::builder().method(method).uri(path);
        if let Some(session) = session {
            builder = builder.header(header::COOKIE, &session.cookie).header("x-csrf-token", &session.csrf);
        }
        if body.is_some() {
            builder = builder.header(header::CONTENT_TYPE, "application/json");
        }
        self.send(builder.body(Body::from(body.unwrap_or_default().to_owned())).expect("request")).await
    }

    pub async fn get(&self, path: &str, session: &Session) -> Reply {
        self.request(Method::GET, path, Some(session), None).await
    }

    pub async fn anonymous(&self, method: Method, path: &str, body: Option<&str>) -> Reply {
        self.request(method, path, None, body).await
    }

    /// Signs in through `/dev/sign-in` and reads the CSRF token from `/me`.
    pub async fn sign_in(&self, user: &str) -> Session {
        let reply = self.anonymous(Method::GET, &format!("/dev/sign-in?user={user}&redirect=/"), None).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.text());
        let set_cookie = reply.header("set-cookie").expect("a cookie");
        let cookie = set_cookie.split(';').next().expect("a pair").to_owned();
        let me: contract::me::Me =
            self.get("/api/v1/me", &Session { cookie: cookie.clone(), csrf: String::new() }).await.json();
        Session { cookie, csrf: me.csrf_token }
    }

    pub async fn asa(&self) -> Session {
        self.sign_in("asa.ostrom@contoso.se").await
    }

    pub async fn jurgen(&self) -> Session {
        self.sign_in("jurgen.weiss@contoso.de").await
    }

    pub async fn li(&self) -> Session {
        self.sign_in("li.wei@contoso.com").await
    }
}

async fn collect(response: axum::response::Response) -> Reply {
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.expect("body").to_bytes().to_vec();
    Reply { status, headers, body }
}

/// A fresh empty directory under the system's temporary directory.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("backend-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The guard headers of a change.
#[derive(Clone, Copy, Debug, Default)]
pub struct Guard<'a> {
    pub if_match: Option<&'a str>,
    pub key: Option<&'a str>,
}

impl App {
    /// A state-changing request with `If-Match` and `Idempotency-Key` as given.
    pub async fn change(
        &self,
        method: Method,
        path: &str,
        session: &Session,
        guard: Guard<'_>,
        body: Option<&str>,
    ) -> Reply {
        let mut builder = Request::builder()
            .method(method)
            .uri(path)
            .header(header::COOKIE, &session.cookie)
            .header("x-csrf-token", &session.csrf);
        if let Some(etag) = guard.if_match {
            builder = builder.header(header::IF_MATCH, etag);
        }
        if let Some(key) = guard.key {
            builder = builder.header("idempotency-key", key);
        }
        if body.is_some() {
            builder = builder.header(header::CONTENT_TYPE, "application/json");
        }
        self.send(builder.body(Body::from(body.unwrap_or_default().to_owned())).expect("request")).await
    }

    /// One subscription as the session sees it.
    pub async fn subscription(&self, session: &Session, id: &str) -> contract::subscriptions::Subscription {
        let reply = self.get(&format!("/api/v1/subscriptions/{id}"), session).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        reply.json()
    }

    /// A subscription's order history, from `/dev/orders`.
    pub async fn orders(&self, id: &str) -> Vec<backend::db::changes::Order> {
        let reply = self.anonymous(Method::GET, &format!("/dev/orders?subscription={id}"), None).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        reply.json()
    }
}
