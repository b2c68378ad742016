//! Changing payment methods: adding a card (checked, once per key, stored as a token), editing only the editable
//! fields, and paying a billing profile with another card. Nobody else's cards or profiles can be touched.

use crate::common::*;
use axum::http::{Method, StatusCode};
use contract::billing::{BillingProfile, CardBrand, PaymentMethod};
use contract::problem::FieldErrorCode;
use contract::ErrorCode;

const VISA: &str = "4111 1111 1111 1111";

fn new_card(token: &str, year: i32, month: u8) -> String {
    serde_json::json!({
        "card_token": token,
        "expiry": { "year": year, "month": month },
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
async fn a_card_is_added_once_from_its_token_with_only_masked_facts() {
    let dir = temp_dir("cards");
    let db = dir.join("cards.db");
    let app = App::small_on_file(&db);
    let asa = app.asa().await;
    let token = app.card_token(VISA, "123").await;
    let body = new_card(&token, 2029, 1);
    let reply = add(&app, &asa, "add-1", &body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    let card: PaymentMethod = reply.json();
    assert_eq!(
        (card.brand, card.last4.as_str(), card.expiry.year, card.expiry.month),
        (CardBrand::Visa, "1111", 2029, 1)
    );
    assert_eq!(reply.header("location"), Some(format!("/api/v1/payment-methods/{}", card.id).as_str()));
    assert!(card.used_by.is_empty());
    assert!(!reply.text().contains(&token), "the token is not handed back");

    // The answer was lost: the retry with the spent token gets the first answer.
    let again = add(&app, &asa, "add-1", &body).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.json::<PaymentMethod>(), card);
    // A fresh token of the same typed card under the same key is the same request.
    let fresh = app.card_token(VISA, "123").await;
    let replayed = add(&app, &asa, "add-1", &new_card(&fresh, 2029, 1)).await;
    assert_eq!(replayed.header("idempotent-replayed"), Some("true"), "{}", replayed.text());
    assert_eq!(methods(&app, &asa).await.len(), 4, "retries add nothing");
    // Another card under that key is refused; a spent token under another key too.
    let other = add(&app, &asa, "add-1", &new_card(&app.card_token("5555 5555 5555 4444", "123").await, 2029, 1)).await;
    assert_eq!(other.problem().code, ErrorCode::IdempotencyKeyReused);
    let spent = add(&app, &asa, "add-2", &body).await;
    assert_eq!((spent.status, spent.problem().code), (StatusCode::CONFLICT, ErrorCode::CardTokenSpent));

    // The portal's database holds the vault's card reference, never the number.
    let stored = std::fs::read(&db).expect("database file");
    let contains = |needle: &[u8]| stored.windows(needle.len()).any(|w| w == needle);
    assert!(!contains(b"4111111111111111") && !contains(b"4111 1111 1111 1111"));
    assert!(contains(b"card_"), "the card reference is stored");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn card_numbers_and_security_codes_are_refused_with_their_own_code() {
    let app = App::small();
    let asa = app.asa().await;
    let raw = serde_json::json!({
        "card_number": VISA, "expiry": { "year": 2029, "month": 1 }, "security_code": "123",
        "name_on_card": "Åsa Öström",
        "address": { "line1": "Drottninggatan 1", "city": "Stockholm", "postal_code": "111 51", "country": "SE" }
    });
    let token = app.card_token(VISA, "123").await;
    let mut hidden = serde_json::from_str::<serde_json::Value>(&new_card(&token, 2029, 1)).unwrap();
    hidden["name_on_card"] = "4111-1111-1111-1111".into();
    for body in [raw.to_string(), hidden.to_string(), r#"{"card_token":"tok_x","cvc":"123"}"#.to_owned()] {
        let reply = add(&app, &asa, "raw", &body).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(reply.problem().code, ErrorCode::CardDataRefused);
    }
    for body in [r#"{"security_code":"987"}"#, r#"{"card_number":"4111111111111111","last4":"1111"}"#] {
        let reply = patch(&app, &asa, "pm-visa", "\"1\"", body).await;
        assert_eq!(
            (reply.status, reply.problem().code),
            (StatusCode::BAD_REQUEST, ErrorCode::CardDataRefused),
            "{body}"
        );
    }
    assert_eq!(methods(&app, &asa).await.len(), 3, "nothing was added");
    // The token was not spent by the refused requests.
    assert_eq!(add(&app, &asa, "ok", &new_card(&token, 2029, 1)).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn unknown_expired_and_wrong_kind_tokens_are_refused_with_their_own_codes() {
    let app = App::small();
    let asa = app.asa().await;
    let unknown = add(&app, &asa, "u", &new_card("tok_made_up", 2029, 1)).await;
    assert_eq!(
        (unknown.status, unknown.problem().code),
        (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::CardTokenInvalid)
    );
    let code_only = app.code_token("123", "visa").await;
    let wrong_kind = add(&app, &asa, "k", &new_card(&code_only, 2029, 1)).await;
    assert_eq!(wrong_kind.problem().code, ErrorCode::CardTokenInvalid, "a security code token is no card");

    let app = App::small_with_token_ttl(std::time::Duration::ZERO);
    let asa = app.asa().await;
    let token = app.card_token(VISA, "123").await;
    let expired = add(&app, &asa, "e", &new_card(&token, 2029, 1)).await;
    assert_eq!((expired.status, expired.problem().code), (StatusCode::CONFLICT, ErrorCode::CardTokenExpired));
    assert_eq!(methods(&app, &asa).await.len(), 3);
}

#[tokio::test]
async fn expiry_name_and_address_rules_apply_to_a_tokenized_card() {
    let app = App::small();
    let asa = app.asa().await;
    let token = app.card_token(VISA, "123").await;
    let cases: [(String, &[(&str, FieldErrorCode)]); 5] = [
        (new_card(&token, 2026, 10), &[("expiry", FieldErrorCode::CardExpired)]),
        (new_card(&token, 2029, 13), &[("expiry", FieldErrorCode::InvalidDate)]),
        (new_card(&token, 10000, 1), &[("expiry", FieldErrorCode::InvalidDate)]),
        (new_card(&token, i32::MAX, 1), &[("expiry", FieldErrorCode::InvalidDate)]),
        (new_card(" ", 2029, 1), &[("card_token", FieldErrorCode::Required)]),
    ];
    for (i, (body, expected)) in cases.iter().enumerate() {
        let reply = add(&app, &asa, &format!("bad-{i}"), body).await;
        let expected: Vec<(String, FieldErrorCode)> = expected.iter().map(|(f, c)| ((*f).to_owned(), *c)).collect();
        assert_eq!(fields(&reply), expected, "case {i}");
    }
    let american = serde_json::json!({
        "card_token": token, "expiry": { "year": 2029, "month": 1 }, "name_on_card": "",
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
    // This month is still valid; the refused tries did not spend the token.
    assert_eq!(add(&app, &asa, "this-month", &new_card(&token, 2026, 11)).await.status, StatusCode::CREATED);
    let amex = app.card_token("3782 822463 10005", "1234").await;
    let added: PaymentMethod = add(&app, &asa, "amex", &new_card(&amex, 2030, 2)).await.json();
    assert_eq!((added.brand, added.last4.as_str()), (CardBrand::Amex, "0005"));
    let body = new_card(&app.card_token(VISA, "123").await, 2029, 1);
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
    let code = app.code_token("987", "visa").await;
    let body = format!(r#"{{"expiry":{{"year":2031,"month":4}},"security_code_token":"{code}"}}"#);
    let reply = patch(&app, &asa, "pm-visa", &before.etag, &body).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let after: PaymentMethod = reply.json();
    assert_eq!((after.expiry.year, after.expiry.month), (2031, 4));
    assert_eq!((after.last4.as_str(), after.name_on_card.as_str()), ("4242", before.name_on_card.as_str()));
    assert_ne!(after.etag, before.etag);
    let again = patch(&app, &asa, "pm-visa", &after.etag, &format!(r#"{{"security_code_token":"{code}"}}"#)).await;
    assert_eq!(again.problem().code, ErrorCode::CardTokenSpent);

    let reply = patch(&app, &asa, "pm-visa", &after.etag, r#"{"last4":"1111","name_on_card":"X"}"#).await;
    assert_eq!(fields(&reply), [("last4".to_owned(), FieldErrorCode::NotEditable)]);
    // Whole numbers however written, as JSON Schema's integers: 2031.0 is 2031.
    let reply = patch(&app, &asa, "pm-visa", &after.etag, r#"{"expiry":{"year":2031.0,"month":5.0}}"#).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let after: PaymentMethod = reply.json();
    assert_eq!((after.expiry.year, after.expiry.month), (2031, 5));
    let reply = patch(&app, &asa, "pm-visa", &after.etag, r#"{"expiry":{"year":2031.5,"month":5}}"#).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "a fraction is no year: {}", reply.text());
    for (year, month) in
        [("10000", "4"), ("2147483647", "4"), ("2147483648", "4"), ("-2031", "4"), ("2031", "256"), ("2031", "-1")]
    {
        let body = format!(r#"{{"expiry":{{"year":{year},"month":{month}}}}}"#);
        let reply = patch(&app, &asa, "pm-visa", &after.etag, &body).await;
        assert_eq!(fields(&reply), [("expiry".to_owned(), FieldErrorCode::InvalidDate)], "{year}-{month}");
    }
    let reply = patch(&app, &asa, "pm-visa", &after.etag, r#"{"name_on_card":" "}"#).await;
    assert_eq!(fields(&reply), [("name_on_card".to_owned(), FieldErrorCode::Required)]);
    // A security code checked for Visa does not fit an American Express card (4 digits).
    let visa_code = app.code_token("987", "visa").await;
    let reply = patch(&app, &asa, "pm-amex", "\"1\"", &format!(r#"{{"security_code_token":"{visa_code}"}}"#)).await;
    assert_eq!(fields(&reply), [("security_code_token".to_owned(), FieldErrorCode::InvalidSecurityCode)]);
    let card_token = app.card_token(VISA, "123").await;
    let reply =
        patch(&app, &asa, "pm-visa", &after.etag, &format!(r#"{{"security_code_token":"{card_token}"}}"#)).await;
    assert_eq!(reply.problem().code, ErrorCode::CardTokenInvalid, "a card token is no security code token");
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
    let code = app.code_token("321", "visa").await;
    let body = format!(r#"{{"name_on_card":"Åsa Maria Öström","security_code_token":"{code}"}}"#);
    let first = app.change(Method::PATCH, "/api/v1/payment-methods/pm-visa", &asa, guard, Some(&body)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    let retry = app.change(Method::PATCH, "/api/v1/payment-methods/pm-visa", &asa, guard, Some(&body)).await;
    assert_eq!(
        retry.status,
        StatusCode::OK,
        "the answer was lost; the retry gets it instead of a 412 or a spent token"
    );
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
    let this_month =
        add(&app, &asa, "old", &new_card(&app.card_token(VISA, "123").await, 2026, 11)).await.json::<PaymentMethod>();
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

#[tokio::test]
async fn a_card_that_pays_for_no_profile_can_be_removed_and_one_that_does_cannot() {
    let app = App::small();
    let asa = app.asa().await;
    let cards = methods(&app, &asa).await;
    let spare = cards.iter().find(|m| m.used_by.is_empty()).expect("a card that pays for nothing");
    let paying = cards.iter().find(|m| !m.used_by.is_empty()).expect("a card that pays for a profile");
    let path = |m: &PaymentMethod| format!("/api/v1/payment-methods/{}", m.id.0);
    let remove = |path: String, etag: Option<&str>| {
        let (app, asa, etag) = (&app, &asa, etag.map(str::to_owned));
        async move {
            let guard = Guard { if_match: etag.as_deref(), key: None };
            app.change(Method::DELETE, &path, asa, guard, None).await
        }
    };

    assert_eq!(remove(path(spare), None).await.status, StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(remove(path(spare), Some("\"v999\"")).await.status, StatusCode::PRECONDITION_FAILED);
    let refused = remove(path(paying), Some(&paying.etag)).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.problem().code, ErrorCode::ActionNotAllowed);
    let jurgen = app.jurgen().await;
    let theirs =
        app.change(Method::DELETE, &path(spare), &jurgen, Guard { if_match: Some(&spare.etag), key: None }, None).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND, "another person's card");

    let removed = remove(path(spare), Some(&spare.etag)).await;
    assert_eq!(removed.status, StatusCode::NO_CONTENT, "{}", removed.text());
    assert!(removed.body.is_empty());
    assert_eq!(app.get(&path(spare), &asa).await.status, StatusCode::NOT_FOUND);
    assert!(methods(&app, &asa).await.iter().all(|m| m.id != spare.id));
    assert_eq!(remove(path(spare), Some(&spare.etag)).await.status, StatusCode::NOT_FOUND, "removed again");
    assert!(methods(&app, &asa).await.iter().any(|m| m.id == paying.id), "the paying card stays");
}
