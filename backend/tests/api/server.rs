//! The real server: the `listening on` line, clean shutdown on SIGTERM, and dropped connections (loopback only).

use crate::common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

fn exchange(port: u16, request: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_request_gets_no_answer_at_all() {
    let (port, stop, server) = serve_small().await;
    let answer = tokio::task::spawn_blocking(move || {
        let arm = r#"{"path":"/api/v1/cancellation-reasons","drop":true}"#;
        let armed = exchange(
            port,
            &format!("POST /dev/faults HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{arm}", arm.len()),
        );
        assert!(armed.starts_with("HTTP/1.1 204"), "{armed}");
        let dropped = exchange(port, "GET /api/v1/cancellation-reasons HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        let normal = exchange(port, "GET /api/v1/cancellation-reasons HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        (dropped, normal)
    })
    .await
    .unwrap();
    assert_eq!(answer.0, "", "not a single byte");
    assert!(answer.1.starts_with("HTTP/1.1 401"), "then served normally: {}", answer.1);
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), server).await.unwrap().unwrap();
}

#[test]
fn the_binary_announces_its_address_and_payments_origin_and_stops_on_sigterm() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_backend"))
        .args(["--port", "0", "--payments-port", "0", "--db", ":memory:", "--dev"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let mut payments_line = String::new();
    stdout.read_line(&mut payments_line).unwrap();
    let address = line.trim().strip_prefix("listening on http://").unwrap_or_else(|| panic!("{line:?}"));
    let port: u16 = address.rsplit(':').next().unwrap().parse().unwrap();
    assert!(address.starts_with("127.0.0.1:") && port != 0);
    let answer =
        exchange(port, "GET /dev/sign-in?user=li.wei@contoso.com HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert!(answer.starts_with("HTTP/1.1 303"), "{answer}");
    // The payments origin listens on a port of its own and serves the hosted fields to this server's own app.
    let payments =
        payments_line.trim().strip_prefix("payments origin on http://").unwrap_or_else(|| panic!("{payments_line:?}"));
    let (payments_address, served) = payments.split_once(" (serving ").unwrap();
    let payments_port: u16 = payments_address.rsplit(':').next().unwrap().parse().unwrap();
    assert_ne!(payments_port, port);
    assert!(served.contains(&format!("http://127.0.0.1:{port}")), "{served}");
    let field = exchange(
        payments_port,
        &format!(
            "GET /v1/hosted-field?field=number&group=0123456789&parent=http%3A%2F%2F127.0.0.1%3A{port} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        ),
    );
    assert!(field.starts_with("HTTP/1.1 200") && field.contains("autocomplete=\"cc-number\""), "{field}");
    let api = exchange(payments_port, "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert!(api.starts_with("HTTP/1.1 404"), "no portal route on the payments origin: {api}");
    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "clean exit on SIGTERM: {status:?}");
}

/// Serves the small demo on a free port until the returned sender is used or dropped.
async fn serve_small() -> (u16, tokio::sync::oneshot::Sender<()>, tokio::task::JoinHandle<()>) {
    let router = backend::build(backend::Settings {
        db: ":memory:".into(),
        fixture: small_fixture(),
        dev: true,
        static_dir: None,
        base_path: String::new(),
        payments: payments(backend::payments::vault::DEFAULT_TOKEN_TTL),
    })
    .unwrap()
    .portal;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(backend::server::serve(listener, router, async {
        let _ = stopped.await;
    }));
    (port, stop, server)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bodies_that_stall_are_answered_408_and_their_connections_closed() {
    let (port, stop, server) = serve_small().await;
    let started = std::time::Instant::now();
    // 50 connections declare a body of 100 bytes and send 10: half to a route that reads its body (`/dev/faults`),
    // half to one that refuses them before reading it (no session: 401).
    let stalled: Vec<_> = (0..50)
        .map(|i| {
            std::thread::spawn(move || {
                let path = if i % 2 == 0 { "/dev/faults" } else { "/api/v1/subscriptions/sub-1/quantity-quote" };
                let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
                stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
                let head = format!(
                    "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"path\":\""
                );
                stream.write_all(head.as_bytes()).unwrap();
                let mut answer = Vec::new();
                let closed = stream.read_to_end(&mut answer).is_ok();
                (path, closed, String::from_utf8_lossy(&answer).into_owned())
            })
        })
        .collect();
    let answers: Vec<_> =
        tokio::task::spawn_blocking(move || stalled.into_iter().map(|t| t.join().unwrap()).collect()).await.unwrap();
    let waited = started.elapsed();
    for (path, closed, answer) in &answers {
        assert!(closed, "{path}: the connection is closed, not left open");
        if *path == "/dev/faults" {
            assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
            assert!(answer.contains("\"code\":\"request_timeout\""), "{answer}");
        } else {
            assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
        }
    }
    assert!(waited >= backend::server::BODY_DEADLINE, "{waited:?}");
    assert!(waited < backend::server::BODY_DEADLINE + Duration::from_secs(5), "closed in time: {waited:?}");
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), server).await.unwrap().unwrap();
}
