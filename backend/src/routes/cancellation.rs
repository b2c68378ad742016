//! `GET /api/v1/cancellation-reasons` and `GET /api/v1/subscriptions/{id}/cancellation`.

use crate::auth::Viewer;
use crate::db::subscriptions::SubscriptionRecord;
use crate::problem::ApiResult;
use crate::routes::subscriptions::find;
use crate::AppState;
use axum::extract::{Path, State};
use axum::Json;
use contract::licenses::{CancellationReason, CancellationTerms};
use contract::rules::REDUCTION_WINDOW_DAYS;
use contract::subscriptions::SubscriptionStatus;
use contract::Money;
use rust_decimal::{Decimal, RoundingStrategy};
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

/// What cancelling now would mean: a refund of the rest of the current period, prorated by day, when within
/// 7 days of the purchase or the last renewal (active subscriptions only); access until the end of the period; the
/// data kept 90 days longer.
pub fn terms(record: &SubscriptionRecord, today: Date) -> CancellationTerms {
    let period_start = record.last_renewed_on.map_or(record.purchased_on, |r| r.max(record.purchased_on));
    let period_end = record.renews_or_expires_on;
    let in_window = today < period_start + Duration::days(REDUCTION_WINDOW_DAYS);
    let period_days = (period_end - period_start).whole_days();
    let remaining_days = (period_end - today).whole_days().clamp(0, period_days.max(0));
    let refund = (record.status == SubscriptionStatus::Active && in_window && period_days > 0)
        .then(|| {
            let full = record.unit_price.amount * Decimal::from(record.total_licenses);
            let mut amount = (full * Decimal::from(remaining_days) / Decimal::from(period_days))
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            amount.rescale(2);
            Money::new(amount, record.unit_price.currency)
        })
        .filter(|money| money.amount > Decimal::ZERO);
    CancellationTerms {
        refund,
        access_ends_on: period_end,
        assigned_people: record.assigned_licenses,
        data_retained_until: period_end + Duration::days(DATA_RETENTION_DAYS),
    }
}

/// The cancellation terms of a subscription the viewer may see.
pub async fn cancellation(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> ApiResult<Json<CancellationTerms>> {
    let record = find(&state, &viewer, &id)?;
    Ok(Json(terms(&record, state.clock.today())))
}
