//! Changing payment methods: adding a card (checked, once per key, stored as a token), editing only the editable
//! fields, and paying a billing profile with another card. Nobody else's cards or profiles can be touched.

use crate::common::*;
use axum::http::{Method, StatusCode};
use contract::billing::{BillingProfile, CardBrand, PaymentMethod};
use contract::problem::FieldErrorCode;
use contract::ErrorCode;

const VISA: &str = "4111 1111 1111 1111";

fn new_card(number: &str, security_code: &str, year: i32, month: u8) -> String {
    serde_json::json!({
        "card_number": number,
        "expiry": { "year": year, "month": month },
        "security_code": security_code,
        "name_on_card": "Åsa Öström",
        "address": { "line1": "Drottninggatan 1", "city": "Stockholm", "postal_code": "111 51", "country": "SE" }
    })
    .to_string()
}

async fn add(app: &App, session: &Session, key: &str, body: &str) -> Reply {
    app.change(
        Method::POST,
        "/api/v1/payment-methods",
        session,
        Guard { key: Some(key), ..Guard::default() },
        Some(body),
    )
    .await
}

fn fields(reply: &Reply) -> Vec<(String, FieldErrorCode)> {
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.text());
    reply.problem().errors.into_iter().map(|e| (e.field, e.code)).collect()
}

async fn methods(app: &App, session: &Session) -> Vec<PaymentMethod> {
    app.get("/api/v1/payment-methods", session).await.json()
}

#[tokio::test]
async fn a_card_is_stored_once_as_a_token_with_only_masked_facts() {
    let dir = temp_dir("cards");
    let db = dir.join("cards.db");
    let app = App::small_on_file(&db);
    let asa = app.asa().await;
    let body = new_card(VISA, "123", 2029, 1);
    let reply = add(&app, &asa, "add-1", &body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    let card: PaymentMethod = reply.json();
    assert_eq!(
        (card.brand, card.last4.as_str(), card.expiry.year, card.expiry.month),
        (CardBrand::Visa, "1111", 2029, 1)
    );
    assert_eq!(reply.header("location"), Some(format!("/api/v1/payment-methods/{}", card.id).as_str()));
    assert!(card.used_by.is_empty());
    assert!(!reply.text().contains("4111111111111111") && !reply.text().contains("\"123\""));

    let again = add(&app, &asa, "add-1", &body).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.json::<PaymentMethod>(), card);
    assert_eq!(methods(&app, &asa).await.len(), 4, "a retry adds nothing");
    let other = add(&app, &asa, "add-1", &new_card("5555 5555 5555 4444", "123", 2029, 1)).await;
    assert_eq!(other.problem().code, ErrorCode::IdempotencyKeyReused);

    // Neither the number nor the security code is anywhere in the database file.
    let stored = std::fs::read(&db).expect("database file");
    let contains = |needle: &[u8]| stored.windows(needle.len()).any(|w| w == needle);
    assert!(!contains(b"4111111111111111") && !contains(b"4111 1111 1111 1111"));
    assert!(contains(b"tok_"), "the token is stored");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn luhn_length_brand_expiry_security_code_and_address_rules() {
    let app = App::small();
    let asa = app.asa().await;
    let cases: [(String, &[(&str, FieldErrorCode)]); 7] = [
        (new_card("4111 1111 1111 1112", "123", 2029, 1), &[("card_number", FieldErrorCode::InvalidCardNumber)]),
        (new_card("4111 1111 1111 111", "123", 2029, 1), &[("card_number", FieldErrorCode::InvalidCardNumber)]),
        (new_card("6011 1111 1111 1117", "123", 2029, 1), &[("card_number", FieldErrorCode::UnsupportedCardBrand)]),
        (
            new_card("", "", 2029, 1),
            &[("card_number", FieldErrorCode::Required), ("security_code", FieldErrorCode::Required)],
        ),
        (new_card(VISA, "123", 2026, 10), &[("expiry", FieldErrorCode::CardExpired)]),
        (new_card("3782 822463 10005", "123", 2029, 1), &[("security_code", FieldErrorCode::InvalidSecurityCode)]),
        (new_card(VISA, "123", 2029, 13), &[("expiry", FieldErrorCode::InvalidDate)]),
    ];
    for (i, (body, expected)) in cases.iter().enumerate() {
        let reply = add(&app, &asa, &format!("bad-{i}"), body).await;
        let expected: Vec<(String, FieldErrorCode)> = expected.iter().map(|(f, c)| ((*f).to_owned(), *c)).collect();
        assert_eq!(fields(&reply), expected, "case {i}");
    }
    // This month is still valid; Amex takes four digits.
    assert_eq!(add(&app, &asa, "this-month", &new_card(VISA, "123", 2026, 11)).await.status, StatusCode::CREATED);
    assert_eq!(
        add(&app, &asa, "amex", &new_card("3782 822463 10005", "1234", 2030, 2)).await.status,
        StatusCode::CREATED
    );

    let american = serde_json::json!({
        "card_number": VISA, "expiry": { "year": 2029, "month": 1 }, "security_code": "123", "name_on_card": "",
        "address": { "line1": "1 Market St", "city": "San Francisco", "postal_code": "9410", "country": "US" }
    });
    let reply = add(&app, &asa, "us", &american.to_string()).await;
    assert_eq!(
        fields(&reply),
        [
            ("name_on_card".to_owned(), FieldErrorCode::Required),
            ("address.postal_code".to_owned(), FieldErrorCode::Malformed),
            ("address.region".to_owned(), FieldErrorCode::Required),
        ]
    );
    assert_eq!(methods(&app, &asa).await.len(), 5, "only the two valid cards were added");
    let body = new_card(VISA, "123", 2029, 1);
    let no_key = app.change(Method::POST, "/api/v1/payment-methods", &asa, Guard::default(), Some(&body)).await;
    assert_eq!(no_key.status, StatusCode::BAD_REQUEST);
}

async fn patch(app: &App, session: &Session, id: &str, etag: &str, body: &str) -> Reply {
    let path = format!("/api/v1/payment-methods/{id}");
    app.change(Method::PATCH, &path, session, Guard { if_match: Some(etag), ..Guard::default() }, Some(body)).await
}

#[tokio::test]
async fn only_security_code_expiry_name_and_address_can_change() {
    let app = App::small();
    let asa = app.asa().await;
    let before: PaymentMethod = app.get("/api/v1/payment-methods/pm-visa", &asa).await.json();
    let reply =
        patch(&app, &asa, "pm-visa", &before.etag, r#"{"expiry":{"year":2031,"month":4},"security_code":"987"}"#).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let after: PaymentMethod = reply.json();
    assert_eq!((after.expiry.year, after.expiry.month), (2031, 4));
    assert_eq!((after.last4.as_str(), after.name_on_card.as_str()), ("4242", before.name_on_card.as_str()));
    assert_ne!(after.etag, before.etag);

    let reply = patch(
        &app,
        &asa,
        "pm-visa",
        &after.etag,
        r#"{"card_number":"4111111111111111","last4":"1111","name_on_card":"X"}"#,
    )
    .await;
    assert_eq!(
        fields(&reply),
        [("card_number".to_owned(), FieldErrorCode::NotEditable), ("last4".to_owned(), FieldErrorCode::NotEditable)]
    );
    let reply = patch(&app, &asa, "pm-visa", &after.etag, r#"{"security_code":"98","name_on_card":" "}"#).await;
    assert_eq!(
        fields(&reply),
        [
            ("security_code".to_owned(), FieldErrorCode::InvalidSecurityCode),
            ("name_on_card".to_owned(), FieldErrorCode::Required)
        ]
    );
    let reply = patch(&app, &asa, "pm-amex", "\"1\"", r#"{"security_code":"987"}"#).await;
    assert_eq!(fields(&reply), [("security_code".to_owned(), FieldErrorCode::InvalidSecurityCode)], "Amex has four");
    let reply = patch(&app, &asa, "pm-visa", &before.etag, r#"{"name_on_card":"Åsa Ö"}"#).await;
    assert_eq!(reply.status, StatusCode::PRECONDITION_FAILED, "a stale version");
    let reply = app.change(Method::PATCH, "/api/v1/payment-methods/pm-visa", &asa, Guard::default(), Some("{}")).await;
    assert_eq!(reply.status, StatusCode::PRECONDITION_REQUIRED);

    let address = r#"{"address":{"line1":"Unter den Linden 1","city":"Berlin","postal_code":"10117","country":"DE"}}"#;
    let moved: PaymentMethod = patch(&app, &asa, "pm-visa", &after.etag, address).await.json();
    assert_eq!((moved.address.city.as_str(), moved.address.country.as_str()), ("Berlin", "DE"));
}

#[tokio::test]
async fn a_retried_edit_with_its_key_is_replayed_not_refused() {
    let app = App::small();
    let asa = app.asa().await;
    let guard = Guard { if_match: Some("\"1\""), key: Some("edit-1") };
    let body = r#"{"name_on_card":"Åsa Maria Öström"}"#;
    let first = app.change(Method::PATCH, "/api/v1/payment-methods/pm-visa", &asa, guard, Some(body)).await;
    assert_eq!(first.status, StatusCode::OK);
    let retry = app.change(Method::PATCH, "/api/v1/payment-methods/pm-visa", &asa, guard, Some(body)).await;
    assert_eq!(retry.status, StatusCode::OK, "the answer was lost; the retry gets it instead of a 412");
    assert_eq!(retry.header("idempotent-replayed"), Some("true"));
    assert_eq!(retry.json::<PaymentMethod>().etag, "\"2\"", "applied once");
}

async fn set_method(app: &App, session: &Session, profile: &str, etag: &str, method: &str) -> Reply {
    let path = format!("/api/v1/billing-profiles/{profile}/payment-method");
    let body = format!(r#"{{"payment_method_id":"{method}"}}"#);
    app.change(Method::PUT, &path, session, Guard { if_match: Some(etag), ..Guard::default() }, Some(&body)).await
}

#[tokio::test]
async fn a_profile_is_paid_with_another_of_the_persons_cards() {
    let app = App::small();
    let asa = app.asa().await;
    let reply = set_method(&app, &asa, "bp-stockholm", "\"1\"", "pm-amex").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let profile: BillingProfile = reply.json();
    assert_eq!(profile.payment_method.as_ref().map(|m| m.id.0.as_str()), Some("pm-amex"));
    assert_eq!(profile.etag, "\"2\"");
    let amex: PaymentMethod = app.get("/api/v1/payment-methods/pm-amex", &asa).await.json();
    assert_eq!(amex.used_by.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), ["bp-stockholm"]);

    assert_eq!(
        set_method(&app, &asa, "bp-stockholm", "\"1\"", "pm-visa").await.status,
        StatusCode::PRECONDITION_FAILED
    );
    let reply = set_method(&app, &asa, "bp-stockholm", "\"2\"", "pm-jurgen-visa").await;
    assert_eq!(fields(&reply), [("payment_method_id".to_owned(), FieldErrorCode::UnknownValue)], "Jürgen's card");
    let this_month = add(&app, &asa, "old", &new_card(VISA, "123", 2026, 11)).await.json::<PaymentMethod>();
    let reply = set_method(&app, &asa, "bp-stockholm", "\"2\"", &this_month.id.0).await;
    assert_eq!(reply.status, StatusCode::OK, "valid through this month");
    let body = r#"{}"#;
    let reply = app
        .change(
            Method::PUT,
            "/api/v1/billing-profiles/bp-stockholm/payment-method",
            &asa,
            Guard { if_match: Some("\"3\""), ..Guard::default() },
            Some(body),
        )
        .await;
    assert_eq!(fields(&reply), [("payment_method_id".to_owned(), FieldErrorCode::Required)]);
}

#[tokio::test]
async fn other_peoples_cards_and_profiles_are_not_found() {
    let app = App::small();
    let jurgen = app.jurgen().await;
    assert_eq!(patch(&app, &jurgen, "pm-visa", "\"1\"", r#"{"name_on_card":"J"}"#).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        set_method(&app, &jurgen, "bp-stockholm", "\"1\"", "pm-jurgen-visa").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.get("/api/v1/payment-methods/pm-visa", &jurgen).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get("/api/v1/billing-profiles/bp-stockholm", &jurgen).await.status, StatusCode::NOT_FOUND);
    let asa = app.asa().await;
    let untouched: PaymentMethod = app.get("/api/v1/payment-methods/pm-visa", &asa).await.json();
    assert_eq!(untouched.etag, "\"1\"");
}
