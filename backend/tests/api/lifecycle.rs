//! Cancelling and reactivating.

use crate::common::*;
use axum::http::{Method, StatusCode};
use backend::db::changes::OrderKind;
use contract::problem::FieldErrorCode;
use contract::subscriptions::{DenialReason, Permission, Subscription, SubscriptionStatus};
use contract::ErrorCode;

async fn post(
    app: &App,
    session: &Session,
    id: &str,
    action: &str,
    etag: &str,
    key: &str,
    body: Option<&str>,
) -> Reply {
    let guard = Guard { if_match: Some(etag), key: Some(key) };
    app.change(Method::POST, &format!("/api/v1/subscriptions/{id}/{action}"), session, guard, body).await
}

#[tokio::test]
async fn cancelling_needs_a_known_reason_and_bounded_feedback() {
    let app = App::small();
    let asa = app.asa().await;
    let etag = app.subscription(&asa, "sub-business-basic").await.etag;
    let long = "å".repeat(1001);
    for (body, field, code) in [
        (r#"{"reason":""}"#.to_owned(), "reason", FieldErrorCode::Required),
        ("{}".to_owned(), "reason", FieldErrorCode::Required),
        (r#"{"reason":"bored"}"#.to_owned(), "reason", FieldErrorCode::UnknownValue),
        (r#"{"feedback":"x"}"#.to_owned(), "reason", FieldErrorCode::Required),
        (format!(r#"{{"reason":"other","feedback":"{long}"}}"#), "feedback", FieldErrorCode::TooLong),
    ] {
        let reply = post(&app, &asa, "sub-business-basic", "cancel", &etag, "k", Some(&body)).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {}", reply.text());
        let problem = reply.problem();
        assert_eq!((problem.errors[0].field.as_str(), problem.errors[0].code), (field, code), "{body}");
    }
    let ok = "å".repeat(1000);
    let body = format!(r#"{{"reason":"other","feedback":"{ok}"}}"#);
    assert_eq!(post(&app, &asa, "sub-business-basic", "cancel", &etag, "k", Some(&body)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn cancelling_changes_the_status_once_and_records_the_refund() {
    let app = App::small();
    let asa = app.asa().await;
    let before = app.subscription(&asa, "sub-power-bi-pro").await;
    let body = r#"{"reason":"too_expensive","feedback":"Vi byter leverantör"}"#;
    let reply = post(&app, &asa, "sub-power-bi-pro", "cancel", &before.etag, "cancel-1", Some(body)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let after: Subscription = reply.json();
    assert_eq!(after.status, SubscriptionStatus::Cancelled);
    assert!(!after.auto_renew);
    assert_eq!(after.renews_or_expires_on, TODAY, "refunded, so access ends today");
    assert_eq!(after.allowed_actions.reactivate, Permission::denied(DenialReason::NotReactivatable));
    assert_eq!(after.allowed_actions.buy, Permission::denied(DenialReason::Cancelled));

    let replay = post(&app, &asa, "sub-power-bi-pro", "cancel", &before.etag, "cancel-1", Some(body)).await;
    assert_eq!((replay.status, replay.header("idempotent-replayed")), (StatusCode::OK, Some("true")));
    let again = post(&app, &asa, "sub-power-bi-pro", "cancel", &after.etag, "cancel-2", Some(body)).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.problem().code, ErrorCode::ActionNotAllowed);

    let orders = app.orders("sub-power-bi-pro").await;
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0].kind, OrderKind::Cancelled);
    // Within 7 days of purchase: 25 × 109.00 for 27 of 30 days back.
    assert_eq!(orders[0].amount.amount.to_string(), "-2452.50");
    assert_eq!(orders[0].reason.as_deref(), Some("too_expensive"));
    assert_eq!(orders[0].feedback.as_deref(), Some("Vi byter leverantör"));
}

#[tokio::test]
async fn outside_the_refund_window_cancelling_refunds_nothing() {
    let app = App::small();
    let asa = app.asa().await;
    let etag = app.subscription(&asa, "sub-business-basic").await.etag;
    let reply = post(&app, &asa, "sub-business-basic", "cancel", &etag, "c", Some(r#"{"reason":"not_using"}"#)).await;
    assert_eq!(reply.status, StatusCode::OK);
    let after: Subscription = reply.json();
    assert_eq!(after.renews_or_expires_on, time::macros::date!(2026 - 12 - 13), "access lasts the paid period");
    let orders = app.orders("sub-business-basic").await;
    assert_eq!(orders[0].amount.amount.to_string(), "0.00");
    assert_eq!(orders[0].feedback, None);
}

#[tokio::test]
async fn other_channels_and_other_people_cannot_cancel() {
    let app = App::small();
    let asa = app.asa().await;
    let partner = app.subscription(&asa, "sub-copilot-partner").await;
    let body = Some(r#"{"reason":"other"}"#);
    let reply = post(&app, &asa, "sub-copilot-partner", "cancel", &partner.etag, "p", body).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    let jurgen = app.jurgen().await;
    let reply = post(&app, &jurgen, "sub-business-basic", "cancel", "\"1\"", "j", body).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    let stale = post(&app, &asa, "sub-business-basic", "cancel", "\"0\"", "s", body).await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
}

#[tokio::test]
async fn reactivating_starts_a_new_period_and_charges_it_once() {
    let app = App::small();
    let asa = app.asa().await;
    for id in ["sub-project-expired", "sub-apps-disabled"] {
        let before = app.subscription(&asa, id).await;
        let reply = post(&app, &asa, id, "reactivate", &before.etag, id, None).await;
        assert_eq!(reply.status, StatusCode::OK, "{id}: {}", reply.text());
        let after: Subscription = reply.json();
        assert_eq!(after.status, SubscriptionStatus::Active, "{id}");
        assert!(after.auto_renew);
        assert!(after.renews_or_expires_on > TODAY, "{id}");
        assert_eq!(after.allowed_actions.reactivate, Permission::denied(DenialReason::NotReactivatable));
        let replay = post(&app, &asa, id, "reactivate", &before.etag, id, None).await;
        assert_eq!(replay.header("idempotent-replayed"), Some("true"));
        let orders = app.orders(id).await;
        assert_eq!(orders.len(), 1, "{id}");
        assert_eq!(orders[0].kind, OrderKind::Reactivated);
        let expected = before.unit_price.amount * rust_decimal::Decimal::from(before.total_licenses);
        assert_eq!(orders[0].amount.amount, expected);
    }
    for id in ["sub-business-basic", "sub-dynamics-deleted"] {
        let s = app.subscription(&asa, id).await;
        let reply = post(&app, &asa, id, "reactivate", &s.etag, &format!("{id}-x"), None).await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "{id}");
    }
}

#[tokio::test]
async fn reactivating_a_cancelled_subscription_whose_access_lasts_undoes_the_cancellation_free() {
    let app = App::small();
    let asa = app.asa().await;
    let id = "sub-teams-cancelled";
    let before = app.subscription(&asa, id).await;
    assert_eq!(before.status, SubscriptionStatus::Cancelled);
    assert!(before.renews_or_expires_on > TODAY, "access lasts until its end date");
    assert_eq!(before.allowed_actions.reactivate, Permission::Allowed);
    let reply = post(&app, &asa, id, "reactivate", &before.etag, "undo", None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let after: Subscription = reply.json();
    assert_eq!(after.status, SubscriptionStatus::Active);
    assert!(after.auto_renew, "it renews again");
    assert_eq!(after.renews_or_expires_on, before.renews_or_expires_on, "on the day access would have ended");
    assert_eq!(after.allowed_actions.cancel, Permission::Allowed);
    let orders = app.orders(id).await;
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0].kind, OrderKind::Reactivated);
    assert_eq!(orders[0].amount.amount.to_string(), "0.00", "nothing is charged: the period is paid");

    // Cancelled on today's terms with a refund, access ends today: nothing to keep.
    let power_bi = app.subscription(&asa, "sub-power-bi-pro").await;
    let body = Some(r#"{"reason":"other"}"#);
    let cancelled: Subscription =
        post(&app, &asa, "sub-power-bi-pro", "cancel", &power_bi.etag, "c", body).await.json();
    let reply = post(&app, &asa, "sub-power-bi-pro", "reactivate", &cancelled.etag, "r", None).await;
    assert_eq!(reply.problem().code, ErrorCode::ActionNotAllowed);
}

#[tokio::test]
async fn the_terms_say_what_cancelling_now_means() {
    use contract::licenses::CancellationTerms;
    use time::macros::date;
    let app = App::small();
    let asa = app.asa().await;
    // Within 7 days of the purchase: the rest of the period is refunded and access ends today.
    let recent: CancellationTerms = app.get("/api/v1/subscriptions/sub-power-bi-pro/cancellation", &asa).await.json();
    assert_eq!(recent.refund.map(|m| m.amount.to_string()), Some("2452.50".to_owned()));
    assert_eq!(recent.access_ends_on, TODAY);
    assert_eq!(recent.data_retained_until, date!(2027 - 02 - 21));
    assert_eq!(recent.assigned_people, 10);
    // Later: nothing is refunded and access lasts until the end of the paid period.
    let later: CancellationTerms = app.get("/api/v1/subscriptions/sub-business-basic/cancellation", &asa).await.json();
    assert_eq!(later.refund, None);
    assert_eq!(later.access_ends_on, date!(2026 - 12 - 13));
    assert_eq!(later.data_retained_until, date!(2027 - 03 - 13));
}
