//! `POST …/cancel` and `POST …/reactivate`.

use crate::auth::Viewer;
use crate::change::{apply_once, ChangeHeaders};
use crate::db::changes::{self, Order, OrderKind};
use crate::db::subscriptions::{visible_one, SubscriptionRecord};
use crate::path_id::PathId;
use crate::pricing;
use crate::problem::{ApiError, ApiResult};
use crate::routes::cancellation::{terms, REASONS};
use crate::routes::subscriptions::recorded;
use crate::rules::{allowed_actions, Facts};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use contract::licenses::CancelRequest;
use contract::problem::FieldErrorCode;
use contract::subscriptions::{AllowedActions, Permission, SubscriptionStatus};
use contract::{FieldError, Money, SubscriptionId};
use rusqlite::Connection;
use rust_decimal::Decimal;
use std::sync::Arc;

/// The subscription, at the version `If-Match` names, if `permission` allows the action.
fn guarded(
    conn: &Connection,
    viewer: &Viewer,
    headers: &ChangeHeaders,
    id: &str,
    today: time::Date,
    permission: fn(AllowedActions) -> Permission,
) -> ApiResult<SubscriptionRecord> {
    let record = visible_one(conn, viewer, id)?.ok_or(ApiError::NotFound)?;
    headers.check_version(record.version)?;
    match permission(allowed_actions(&Facts::of(&record, viewer, today))) {
        Permission::Allowed => Ok(record),
        Permission::Denied { .. } => Err(ApiError::ActionNotAllowed),
    }
}

/// The reason must be one of the list; feedback is optional, at most 1000 characters (blank counts as none).
fn check_cancel(request: &CancelRequest) -> ApiResult<Option<String>> {
    let mut errors = Vec::new();
    if request.reason.trim().is_empty() {
        errors.push(FieldError { field: "reason".into(), code: FieldErrorCode::Required });
    } else if !REASONS.contains(&request.reason.as_str()) {
        errors.push(FieldError { field: "reason".into(), code: FieldErrorCode::UnknownValue });
    }
    let feedback = request.feedback.as_deref().map(str::trim).filter(|f| !f.is_empty());
    if feedback.is_some_and(|f| f.chars().count() > CancelRequest::MAX_FEEDBACK_CHARS) {
        errors.push(FieldError { field: "feedback".into(), code: FieldErrorCode::TooLong });
    }
    if errors.is_empty() {
        Ok(feedback.map(str::to_owned))
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// Cancels on today's terms: a refund when within the refund window is recorded as a credit.
pub async fn cancel(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
    headers: ChangeHeaders,
    body: Result<Json<CancelRequest>, JsonRejection>,
) -> ApiResult<Response> {
    let Json(request) = body.map_err(|rejection| match rejection {
        JsonRejection::JsonDataError(e) if e.body_text().contains("missing field `reason`") => {
            ApiError::invalid_field("reason", FieldErrorCode::Required)
        }
        other => other.into(),
    })?;
    let feedback = check_cancel(&request)?;
    let today = state.clock.today();
    let fingerprint =
        serde_json::to_string(&CancelRequest { reason: request.reason.clone(), feedback: feedback.clone() })
            .map_err(|e| ApiError::Internal(e.to_string()))?;
    let path = contract::paths::cancel(&SubscriptionId(id.clone()));
    apply_once(&state, &viewer, &headers, format!("POST {path}\n{fingerprint}"), |conn| {
        let record = guarded(conn, &viewer, &headers, &id, today, |a| a.cancel)?;
        let terms = terms(&record, today);
        let refund = terms.refund.map_or(Decimal::ZERO, |money| -money.amount);
        changes::cancel(conn, &id, terms.access_ends_on)?;
        let totals = (record.total_licenses, record.total_licenses);
        let amount = Money::new(pricing::cents(refund), record.unit_price.currency);
        let order = Order {
            reason: Some(request.reason.clone()),
            feedback: feedback.clone(),
            ..Order::new(OrderKind::Cancelled, &viewer.person_id, today, totals, amount)
        };
        recorded(conn, &viewer, &id, today, &order)
    })
}

/// Reactivates an expired or disabled subscription: a new billing period starts today and is charged in full. A
/// cancelled one whose access lasts is kept instead: the cancellation is undone, nothing is charged, and it renews
/// on its end date.
pub async fn reactivate(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
    headers: ChangeHeaders,
) -> ApiResult<Response> {
    let today = state.clock.today();
    let path = contract::paths::reactivate(&SubscriptionId(id.clone()));
    apply_once(&state, &viewer, &headers, format!("POST {path}"), |conn| {
        let record = guarded(conn, &viewer, &headers, &id, today, |a| a.reactivate)?;
        let charge = if record.status == SubscriptionStatus::Cancelled {
            changes::undo_cancellation(conn, &id)?;
            pricing::cents(Decimal::ZERO)
        } else {
            changes::reactivate(conn, &id, today, pricing::next_period_end(today, record.billing_frequency))?;
            pricing::cents(record.unit_price.amount * Decimal::from(record.total_licenses))
        };
        let totals = (record.total_licenses, record.total_licenses);
        let amount = Money::new(charge, record.unit_price.currency);
        recorded(
            conn,
            &viewer,
            &id,
            today,
            &Order::new(OrderKind::Reactivated, &viewer.person_id, today, totals, amount),
        )
    })
}
