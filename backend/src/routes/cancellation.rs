//! `GET /api/v1/cancellation-reasons` and `GET /api/v1/subscriptions/{id}/cancellation`.

use crate::auth::Viewer;
use crate::db::subscriptions::SubscriptionRecord;
use crate::path_id::PathId;
use crate::pricing::{period, prorate};
use crate::problem::ApiResult;
use crate::routes::subscriptions::find;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use contract::licenses::{CancellationReason, CancellationTerms};
use contract::rules::REDUCTION_WINDOW_DAYS;
use contract::subscriptions::SubscriptionStatus;
use contract::Money;
use rust_decimal::Decimal;
use std::sync::Arc;
use time::{Date, Duration};

/// The reason codes, in display order.
pub const REASONS: [&str; 6] =
    ["too_expensive", "not_using", "missing_features", "switching_product", "temporary_need", "other"];

/// Days the data is kept after access ends.
pub const DATA_RETENTION_DAYS: i64 = 90;

/// The reasons to cancel.
pub async fn reasons(_viewer: Viewer) -> Json<Vec<CancellationReason>> {
    Json(REASONS.iter().map(|code| CancellationReason { code: (*code).to_owned() }).collect())
}

/// What cancelling now would mean: within 7 days of the purchase or the last renewal (active subscriptions only),
/// the rest of the current period is refunded, prorated by day, and access ends today; otherwise nothing is
/// refunded and access lasts until the end of the paid period. The data is kept 90 days after access ends.
pub fn terms(record: &SubscriptionRecord, today: Date) -> CancellationTerms {
    let (period_start, period_end) = period(record);
    let in_window = today < period_start + Duration::days(REDUCTION_WINDOW_DAYS);
    let refund = (record.status == SubscriptionStatus::Active && in_window)
        .then(|| prorate(record.unit_price.amount * Decimal::from(record.total_licenses), record, today))
        .filter(|amount| *amount > Decimal::ZERO)
        .map(|amount| Money::new(amount, record.unit_price.currency));
    let access_ends_on = if refund.is_some() { today } else { period_end };
    CancellationTerms {
        refund,
        access_ends_on,
        assigned_people: record.assigned_licenses,
        data_retained_until: access_ends_on + Duration::days(DATA_RETENTION_DAYS),
    }
}

/// The cancellation terms of a subscription the viewer may see.
pub async fn cancellation(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
) -> ApiResult<Json<CancellationTerms>> {
    let record = find(&state, &viewer, &id)?;
    Ok(Json(terms(&record, state.clock.today())))
}
