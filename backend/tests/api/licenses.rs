//! Quotes and changes of the license total: rules, permissions, `If-Match`, `Idempotency-Key`, races.

use crate::common::*;
use axum::http::{Method, StatusCode};
use backend::db::changes::OrderKind;
use contract::licenses::QuantityQuote;
use contract::problem::FieldErrorCode;
use contract::subscriptions::{Permission, Subscription};
use contract::ErrorCode;

const BASIC: &str = "/api/v1/subscriptions/sub-business-basic";

fn total(n: u32) -> String {
    format!(r#"{{"total":{n}}}"#)
}

async fn quote(app: &App, session: &Session, id: &str, body: &str) -> Reply {
    app.request(Method::POST, &format!("/api/v1/subscriptions/{id}/quantity-quote"), Some(session), Some(body)).await
}

async fn set(app: &App, session: &Session, id: &str, etag: &str, key: &str, body: &str) -> Reply {
    let guard = Guard { if_match: Some(etag), key: Some(key) };
    app.change(Method::PUT, &format!("/api/v1/subscriptions/{id}/quantity"), session, guard, Some(body)).await
}

fn field_error(reply: &Reply) -> FieldErrorCode {
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.text());
    let problem = reply.problem();
    assert_eq!(problem.errors.len(), 1, "{problem:?}");
    assert_eq!(problem.errors[0].field, "total");
    problem.errors[0].code
}

#[tokio::test]
async fn a_quote_prorates_the_change_to_the_end_of_the_period() {
    let app = App::small();
    let asa = app.asa().await;
    let reply = quote(&app, &asa, "sub-business-basic", &total(105)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let buy: QuantityQuote = reply.json();
    assert_eq!((buy.current_total, buy.proposed_total), (100, 105));
    // 5 × 69.00 for 20 of the period's 30 days (renewed 2026-11-13, renews 2026-12-13).
    assert_eq!(buy.prorated_amount.amount.to_string(), "230.00");
    assert_eq!(buy.new_recurring_amount.amount.to_string(), "7245.00");
    assert_eq!(buy.prorated_amount.currency.code(), "SEK");
    assert_eq!(buy.next_billing_date.to_string(), "2026-12-13");
    assert_eq!(buy.tax_rate.to_string(), "0.25", "Swedish VAT: the billing profile bills to Sweden");

    let reply = quote(&app, &asa, "sub-power-bi-pro", &total(20)).await;
    let credit: QuantityQuote = reply.json();
    // −5 × 109.00 for 27 of 30 days: a credit.
    assert_eq!(credit.prorated_amount.amount.to_string(), "-490.50");
    assert_eq!(app.orders("sub-business-basic").await, [], "a quote changes nothing");

    let jurgen = app.jurgen().await;
    let reply = quote(&app, &jurgen, "sub-jurgen-premium", &total(31)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let german: QuantityQuote = reply.json();
    assert_eq!(german.tax_rate.to_string(), "0.19", "German VAT: the billing profile bills to Germany");
}

#[tokio::test]
async fn every_invalid_total_is_named() {
    let app = App::small();
    let asa = app.asa().await;
    for (body, code) in [
        (total(0), FieldErrorCode::Zero),
        (total(301), FieldErrorCode::AboveMaximum),
        (total(39), FieldErrorCode::BelowAssigned),
        (total(100), FieldErrorCode::Unchanged),
        (r#"{"total":"105"}"#.to_owned(), FieldErrorCode::NotAWholeNumber),
        (r#"{"total":10.5}"#.to_owned(), FieldErrorCode::NotAWholeNumber),
        // Whole numbers however written (JSON Schema's integers): 1e2 and 100.0 are 100, the current total.
        (r#"{"total":1e2}"#.to_owned(), FieldErrorCode::Unchanged),
        (r#"{"total":100.0}"#.to_owned(), FieldErrorCode::Unchanged),
        (r#"{"total":-1}"#.to_owned(), FieldErrorCode::NotAWholeNumber),
        (r#"{"total":4294967296}"#.to_owned(), FieldErrorCode::AboveMaximum),
        (r#"{"total":99999999999}"#.to_owned(), FieldErrorCode::AboveMaximum),
        (r#"{"total":1e300}"#.to_owned(), FieldErrorCode::AboveMaximum),
        ("{}".to_owned(), FieldErrorCode::Required),
    ] {
        assert_eq!(field_error(&quote(&app, &asa, "sub-business-basic", &body).await), code, "quote {body}");
        let etag = app.subscription(&asa, "sub-business-basic").await.etag;
        assert_eq!(field_error(&set(&app, &asa, "sub-business-basic", &etag, "k", &body).await), code, "set {body}");
    }
    let reply = quote(&app, &asa, "sub-business-basic", "not json").await;
    assert_eq!((reply.status, reply.problem().code), (StatusCode::BAD_REQUEST, ErrorCode::MalformedJson));
    let reply = quote(&app, &asa, "sub-business-basic", r#"{"total":105.0}"#).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(app.subscription(&asa, "sub-business-basic").await.total_licenses, 100);
}

#[tokio::test]
async fn denied_directions_are_conflicts() {
    let app = App::small();
    let asa = app.asa().await;
    // The reduction window of Business Basic closed; buying is allowed.
    let reply = quote(&app, &asa, "sub-business-basic", &total(90)).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.problem().code, ErrorCode::ActionNotAllowed);
    for id in
        ["sub-visio-trial", "sub-project-expired", "sub-apps-disabled", "sub-automate-pending", "sub-copilot-partner"]
    {
        let s = app.subscription(&asa, id).await;
        let other = if s.total_licenses < s.max_licenses { s.total_licenses + 1 } else { s.total_licenses - 1 };
        let reply = set(&app, &asa, id, &s.etag, id, &total(other)).await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "{id}: {}", reply.text());
    }
}

#[tokio::test]
async fn others_and_unknown_ids_are_not_found() {
    let app = App::small();
    let jurgen = app.jurgen().await;
    assert_eq!(quote(&app, &jurgen, "sub-business-basic", &total(105)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(set(&app, &jurgen, "sub-business-basic", "\"1\"", "k", &total(105)).await.status, StatusCode::NOT_FOUND);
    let asa = app.asa().await;
    assert_eq!(set(&app, &asa, "sub-nope", "\"1\"", "k", &total(105)).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.subscription(&asa, "sub-business-basic").await.total_licenses, 100);
}

#[tokio::test]
async fn buying_applies_once_per_key_and_reopens_the_reduction_window() {
    let app = App::small();
    let asa = app.asa().await;
    let before = app.subscription(&asa, "sub-business-basic").await;
    let first = set(&app, &asa, "sub-business-basic", &before.etag, "key-1", &total(105)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    let after: Subscription = first.json();
    assert_eq!(after.total_licenses, 105);
    assert_ne!(after.etag, before.etag);
    assert_eq!(after.allowed_actions.reduce, Permission::Allowed, "an addition opens the window again");

    // A retry (the answer was lost) with the old etag replays the first answer and changes nothing.
    let replay = set(&app, &asa, "sub-business-basic", &before.etag, "key-1", &total(105)).await;
    assert_eq!(replay.status, StatusCode::OK);
    assert_eq!(replay.header("idempotent-replayed"), Some("true"));
    assert_eq!(replay.body, first.body);
    let orders = app.orders("sub-business-basic").await;
    assert_eq!(orders.len(), 1, "charged once: {orders:?}");
    assert_eq!((orders[0].kind, orders[0].from_total, orders[0].to_total), (OrderKind::LicensesAdded, 100, 105));
    assert_eq!(orders[0].amount.amount.to_string(), "230.00");
    assert_eq!(orders[0].actor_id, "p-asa");

    // The same key for another total is refused.
    let reused = set(&app, &asa, "sub-business-basic", &after.etag, "key-1", &total(110)).await;
    assert_eq!(reused.status, StatusCode::CONFLICT);
    assert_eq!(reused.problem().code, ErrorCode::IdempotencyKeyReused);
    // Keys belong to their person: Jürgen's same key is his own (and finds nothing of Åsa's).
    let jurgen = app.jurgen().await;
    assert_eq!(
        set(&app, &jurgen, "sub-business-basic", &after.etag, "key-1", &total(105)).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.subscription(&asa, "sub-business-basic").await.total_licenses, 105);
}

#[tokio::test]
async fn removing_licenses_credits_the_rest_of_the_period() {
    let app = App::small();
    let asa = app.asa().await;
    let s = app.subscription(&asa, "sub-power-bi-pro").await;
    let reply = set(&app, &asa, "sub-power-bi-pro", &s.etag, "remove", &total(20)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.json::<Subscription>().total_licenses, 20);
    let orders = app.orders("sub-power-bi-pro").await;
    assert_eq!((orders[0].kind, orders[0].amount.amount.to_string()), (OrderKind::LicensesRemoved, "-490.50".into()));
}

#[tokio::test]
async fn guards_are_required_and_stale_versions_refused() {
    let app = App::small();
    let asa = app.asa().await;
    let path = format!("{BASIC}/quantity");
    let body = total(105);
    let no_match = app.change(Method::PUT, &path, &asa, Guard { if_match: None, key: Some("a") }, Some(&body)).await;
    assert_eq!(no_match.status, StatusCode::PRECONDITION_REQUIRED);
    assert_eq!(no_match.problem().code, ErrorCode::PreconditionRequired);
    let no_key = app.change(Method::PUT, &path, &asa, Guard { if_match: Some("\"1\""), key: None }, Some(&body)).await;
    assert_eq!(no_key.status, StatusCode::BAD_REQUEST);
    assert_eq!(no_key.problem().errors[0].field, "Idempotency-Key");
    let stale = set(&app, &asa, "sub-business-basic", "\"0\"", "b", &body).await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(stale.problem().code, ErrorCode::PreconditionFailed);
    let no_csrf = app
        .change(
            Method::PUT,
            &path,
            &Session { csrf: "wrong".into(), ..asa.clone() },
            Guard { if_match: Some("\"1\""), key: Some("c") },
            Some(&body),
        )
        .await;
    assert_eq!(no_csrf.status, StatusCode::FORBIDDEN);
    assert_eq!(app.orders("sub-business-basic").await, []);
}

#[tokio::test]
async fn of_two_changes_from_the_same_version_one_wins() {
    let app = App::small();
    let asa = app.asa().await;
    let etag = app.subscription(&asa, "sub-business-basic").await.etag;
    let (body_a, body_b) = (total(105), total(110));
    let (a, b) = tokio::join!(
        set(&app, &asa, "sub-business-basic", &etag, "racer-a", &body_a),
        set(&app, &asa, "sub-business-basic", &etag, "racer-b", &body_b),
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::PRECONDITION_FAILED]);
    let winner: Subscription = if a.status == StatusCode::OK { a.json() } else { b.json() };
    assert_eq!(app.subscription(&asa, "sub-business-basic").await.total_licenses, winner.total_licenses);
    assert_eq!(app.orders("sub-business-basic").await.len(), 1);
}

#[tokio::test]
async fn reset_undoes_every_change() {
    let app = App::small();
    let asa = app.asa().await;
    let etag = app.subscription(&asa, "sub-business-basic").await.etag;
    assert_eq!(set(&app, &asa, "sub-business-basic", &etag, "r", &total(105)).await.status, StatusCode::OK);
    assert_eq!(app.anonymous(Method::POST, "/dev/reset", None).await.status, StatusCode::NO_CONTENT);
    assert_eq!(app.subscription(&asa, "sub-business-basic").await.total_licenses, 100);
    assert_eq!(app.orders("sub-business-basic").await, []);
    // Stored answers are forgotten too: the same key applies again.
    let again = set(&app, &asa, "sub-business-basic", &etag, "r", &total(105)).await;
    assert_eq!((again.status, again.header("idempotent-replayed")), (StatusCode::OK, None));
    assert_eq!(app.orders("sub-business-basic").await.len(), 1);
}

#[tokio::test]
async fn an_answer_lost_after_the_change_is_replayed_on_retry() {
    let app = App::small();
    let asa = app.asa().await;
    let etag = app.subscription(&asa, "sub-business-basic").await.etag;
    let fault =
        r#"{"method":"PUT","path":"/api/v1/subscriptions/sub-business-basic/quantity","status":500,"after":true}"#;
    assert_eq!(app.anonymous(Method::POST, "/dev/faults", Some(fault)).await.status, StatusCode::NO_CONTENT);
    let lost = set(&app, &asa, "sub-business-basic", &etag, "lost", &total(105)).await;
    assert_eq!(lost.status, StatusCode::INTERNAL_SERVER_ERROR, "the answer was replaced");
    assert_eq!(app.subscription(&asa, "sub-business-basic").await.total_licenses, 105, "but the change was made");
    let retry = set(&app, &asa, "sub-business-basic", &etag, "lost", &total(105)).await;
    assert_eq!((retry.status, retry.header("idempotent-replayed")), (StatusCode::OK, Some("true")));
    assert_eq!(app.orders("sub-business-basic").await.len(), 1, "charged once");
}
