//! The payments origin: the hosted field page (strict policy, framed only by the app), the tokenize endpoint (only
//! from its own pages, the contract's rules), the fields' JavaScript rules agreeing with the contract's, and card
//! data staying in the vault.

use crate::common::*;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use backend::payments::hosted_page::{RULES, SCRIPT};
use contract::billing::CardBrand;
use contract::hosted_fields::{number_issue, security_code_issue, FieldIssue};

fn page_request(query: &str) -> Request<Body> {
    Request::get(format!("/v1/hosted-field?{query}")).body(Body::empty()).unwrap()
}

const APP: &str = "parent=http%3A%2F%2F127.0.0.1%3A4173&group=0123456789abcdef";

#[tokio::test]
async fn the_field_page_is_small_strict_and_framed_only_by_the_app() {
    let app = App::small();
    let reply = app
        .to_payments(page_request(&format!(
            "field=number&{APP}&lang=sv&label=Kortnummer&title=S%C3%A4kert+kortnummer&scheme=dark&font_px=18"
        )))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let html = reply.text();
    assert!(html.contains("<html lang=\"sv\" data-field=\"number\""), "{html}");
    assert!(html.contains("data-scheme=\"dark\" data-font=\"18\""));
    assert!(html.contains("<title>Säkert kortnummer</title>") && html.contains(">Kortnummer</label>"));
    assert!(html.contains("autocomplete=\"cc-number\""));
    let policy = reply.header("content-security-policy").unwrap();
    assert!(policy.contains("frame-ancestors http://127.0.0.1:4173"), "{policy}");
    assert!(policy.contains("script-src 'sha256-") && policy.contains("connect-src 'self'"));
    assert!(!policy.contains("unsafe"), "{policy}");
    assert!(policy.ends_with("report-uri /dev/csp-reports"), "reports with --dev: {policy}");
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_eq!(reply.header("x-frame-options"), None, "frame-ancestors decides");
    assert!(html.len() < 15_000, "{} bytes before compression", html.len());

    let code = app.to_payments(page_request(&format!("field=security_code&{APP}&brand=amex"))).await;
    assert!(code.text().contains("autocomplete=\"cc-csc\"") && code.text().contains("data-brand=\"amex\""));
    let stranger =
        app.to_payments(page_request("field=number&parent=http%3A%2F%2Fevil.example&group=0123456789")).await;
    assert_eq!(stranger.status, StatusCode::FORBIDDEN, "only the app origins this payments origin serves");
    assert!(stranger.header("content-security-policy").unwrap().contains("frame-ancestors http://127.0.0.1:4173"));
    assert_eq!(stranger.header("x-content-type-options"), Some("nosniff"));
    let unknown = app.to_payments(page_request(&format!("field=pin&{APP}"))).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn tokens_are_made_only_for_pages_of_the_payments_origin() {
    let app = App::small();
    for site in [Some("cross-site"), Some("same-site"), None] {
        let mut request = Request::post("/v1/tokens").header(header::CONTENT_TYPE, "application/json");
        if let Some(site) = site {
            request = request.header("sec-fetch-site", site);
        }
        let body = Body::from(r#"{"number":"4111111111111111","security_code":"123"}"#);
        let reply = app.to_payments(request.body(body).unwrap()).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{site:?}");
    }
    // Without Fetch Metadata, an Origin equal to the server's own.
    let request = Request::post("/v1/tokens")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::HOST, "127.0.0.1:4175")
        .header(header::ORIGIN, "http://127.0.0.1:4175")
        .body(Body::from(r#"{"number":"4111111111111111","security_code":"123"}"#))
        .unwrap();
    assert_eq!(app.to_payments(request).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn tokenize_checks_the_values_and_answers_only_masked_facts() {
    let app = App::small();
    let made = app.tokenize(Some("3782 822463 10005"), "1234", "").await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.text());
    let answer: serde_json::Value = made.json();
    assert_eq!((answer["brand"].as_str(), answer["last4"].as_str()), (Some("amex"), Some("0005")));
    assert!(!made.text().contains("378282246310005") && !made.text().contains("1234"));
    assert_eq!(made.header("cache-control"), Some("no-store"));
    for (number, code, expected) in [
        ("4111 1111 1111 1112", "123", "luhn"),
        ("4111 11", "123", "too_short"),
        ("6011 1111 1111 1117", "123", "unsupported_brand"),
        ("3782 822463 10005", "123", "cvc_length_for_brand"),
        ("4111 1111 1111 1111", "", "too_short"),
    ] {
        let reply = app.tokenize(Some(number), code, "").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{number}");
        assert_eq!(reply.json::<serde_json::Value>()["code"], expected, "{number} {code}");
    }
    assert_eq!(app.tokenize(None, "123", "visa").await.status, StatusCode::CREATED);
    assert_eq!(app.tokenize(None, "123", "amex").await.json::<serde_json::Value>()["code"], "cvc_length_for_brand");
}

/// The fields' JavaScript rules (`rules.js`, run by Node.js) say what the contract's say, case by case.
#[test]
fn the_fields_rules_agree_with_the_contracts() {
    let numbers = [
        "",
        "4",
        "41",
        "4111",
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "4111 1111 1111 1112",
        "4111 1111 1111 111",
        "4222222222222",
        "4111111111111111110",
        "41111111111111111111",
        "5555 5555 5555 4444",
        "5555 5555 5555 44441",
        "2223003122003222",
        "2720",
        "2721",
        "222",
        "3782 822463 10005",
        "378282246310006",
        "34",
        "37",
        "36",
        "6011 1111 1111 1117",
        "6011",
        "4111a",
        "４１１１",
        "4111 1111 1111 1111 ",
        "30569309025904",
    ];
    let codes = ["", "1", "12", "123", "1234", "12345", "12a", "１２３"];
    let brands = [None, Some(CardBrand::Visa), Some(CardBrand::Mastercard), Some(CardBrand::Amex)];
    let issue = |i: FieldIssue| i.as_str().to_owned();
    let brand_name = |b: Option<CardBrand>| b.map(|b| serde_json::to_value(b).unwrap().as_str().unwrap().to_owned());
    let mut expected = Vec::new();
    for number in numbers {
        let digits: String = number.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let brand =
            if digits.chars().all(|c| c.is_ascii_digit()) { contract::rules::card_brand(&digits) } else { None };
        let code = number_issue(number).err().map(issue);
        expected.push(serde_json::json!([brand_name(brand), code]));
    }
    for code in codes {
        for brand in brands {
            expected.push(serde_json::json!(security_code_issue(code, brand).err().map(issue)));
        }
    }
    let script = format!(
        "{RULES}\nconst out = [];\nfor (const n of {numbers}) out.push(hostedFieldRules.numberIssue(n));\n\
         for (const c of {codes}) for (const b of {brands}) out.push(hostedFieldRules.codeIssue(c, b));\n\
         console.log(JSON.stringify(out));",
        numbers = serde_json::to_string(&numbers).unwrap(),
        codes = serde_json::to_string(&codes).unwrap(),
        brands = serde_json::to_string(&brands.map(brand_name)).unwrap(),
    );
    let output = std::process::Command::new("node").args(["-e", &script]).output().expect("Node.js runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let actual: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).expect("JSON from Node.js");
    // The number field reports no brand once a character is wrong, and none for an empty field.
    for (i, (actual, expected)) in actual.iter().zip(&expected).enumerate() {
        let case = if i < numbers.len() { numbers[i].to_owned() } else { format!("code case {}", i - numbers.len()) };
        assert_eq!(actual, expected, "{case:?}");
    }
    assert_eq!(actual.len(), expected.len());
}

/// The page's whole script parses (Node.js checks its syntax).
#[test]
fn the_fields_script_parses() {
    let dir = temp_dir("field-script");
    let file = dir.join("field.js");
    std::fs::write(&file, SCRIPT).unwrap();
    let output = std::process::Command::new("node").arg("--check").arg(&file).output().expect("Node.js runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn the_card_stays_in_the_vault_and_no_portal_route_gives_it() {
    let app = App::small();
    let asa = app.asa().await;
    let token = app.card_token("5555 5555 5555 4444", "321").await;
    let body = serde_json::json!({
        "card_token": token, "expiry": { "year": 2030, "month": 6 }, "name_on_card": "Åsa Öström",
        "address": { "line1": "Unter den Linden 1", "city": "Berlin", "postal_code": "10117", "country": "DE" }
    });
    let added = app
        .change(
            Method::POST,
            "/api/v1/payment-methods",
            &asa,
            Guard { key: Some("k"), ..Guard::default() },
            Some(&body.to_string()),
        )
        .await;
    assert_eq!(added.status, StatusCode::CREATED, "{}", added.text());
    let id = added.json::<serde_json::Value>()["id"].as_str().unwrap().to_owned();
    let reads = [
        "/api/v1/me".to_owned(),
        "/api/v1/payment-methods".to_owned(),
        format!("/api/v1/payment-methods/{id}"),
        "/api/v1/billing-profiles".to_owned(),
        "/api/v1/billing-profiles/bp-stockholm".to_owned(),
    ];
    for path in reads {
        let reply = app.get(&path, &asa).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        let text = reply.text();
        assert!(
            !text.contains("5555555555554444") && !text.contains("321\"") && !text.contains("card_"),
            "{path}: {text}"
        );
    }
}

#[tokio::test]
async fn one_client_gets_at_most_120_tokens_a_minute() {
    let app = App::small();
    for i in 0..backend::payments::limit::PER_WINDOW {
        assert_eq!(app.tokenize(None, "123", "visa").await.status, StatusCode::CREATED, "token {i}");
    }
    let refused = app.tokenize(None, "123", "visa").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refused.json::<serde_json::Value>()["code"], "rate_limited");
    let wait: u64 = refused.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
}
