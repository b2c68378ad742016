//! `GET /api/v1/subscriptions` and `GET /api/v1/subscriptions/{id}`.

use crate::auth::Viewer;
use crate::db::billing::etag;
use crate::db::changes::{self, Order};
use crate::db::subscriptions::{self as db, SubscriptionRecord};
use crate::path_id::PathId;
use crate::problem::{ApiError, ApiResult};
use crate::query::Params;
use crate::rules::{allowed_actions, Facts};
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use contract::subscriptions::{
    PurchaseChannel, SortKey, SortOrder, Subscription, SubscriptionQuery, SubscriptionStatus,
};
use contract::{BillingProfileId, Page, SubscriptionId};
use rusqlite::Connection;
use std::sync::Arc;
use time::Date;

/// The wire form of a stored subscription, with what this viewer may do with it today.
pub fn present(record: SubscriptionRecord, viewer: &Viewer, today: Date) -> Subscription {
    let allowed_actions = allowed_actions(&Facts::of(&record, viewer, today));
    Subscription {
        id: SubscriptionId(record.id),
        product: record.product,
        channel: record.channel,
        status: record.status,
        billing_frequency: record.billing_frequency,
        purchased_on: record.purchased_on,
        renews_or_expires_on: record.renews_or_expires_on,
        auto_renew: record.auto_renew,
        total_licenses: record.total_licenses,
        assigned_licenses: record.assigned_licenses,
        max_licenses: record.max_licenses,
        unit_price: record.unit_price,
        billing_profile_id: BillingProfileId(record.billing_profile_id),
        billing_profile_name: record.billing_profile_name,
        payment_pending: record.payment_pending,
        etag: etag(record.version),
        allowed_actions,
    }
}

/// Reads a [`SubscriptionQuery`] from the query string: unknown enum values and non-numbers are 400 field errors;
/// numbers out of range are clamped.
pub fn read_query(params: &mut Params) -> Result<SubscriptionQuery, ApiError> {
    let query = SubscriptionQuery {
        channel: params.parsed("channel", PurchaseChannel::parse),
        status: params.parsed("status", SubscriptionStatus::parse),
        q: params.text("q").map(str::to_owned),
        sort: params.parsed("sort", SortKey::parse),
        order: params.parsed("order", SortOrder::parse),
        page: params.clamped("page", u32::MAX),
        page_size: params.clamped("page_size", SubscriptionQuery::MAX_PAGE_SIZE),
    };
    params.finish()?;
    Ok(query)
}

/// The viewer's subscriptions, filtered and sorted by the contract's shared rule, one page.
pub async fn list(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    mut params: Params,
) -> ApiResult<Json<Page<Subscription>>> {
    let query = read_query(&mut params)?;
    let records = state.db.with(|conn| db::visible(conn, &viewer))?;
    let today = state.clock.today();
    let all: Vec<Subscription> = records.into_iter().map(|r| present(r, &viewer, today)).collect();
    let page_size = query.page_size.unwrap_or(SubscriptionQuery::MAX_PAGE_SIZE);
    Ok(Json(Page::slice(query.apply(&all), query.page.unwrap_or(1), page_size)))
}

/// A subscription the viewer may see, or 404.
pub fn find(state: &AppState, viewer: &Viewer, id: &str) -> ApiResult<SubscriptionRecord> {
    state.db.with(|conn| db::visible_one(conn, viewer, id))?.ok_or(ApiError::NotFound)
}

/// One subscription, with its `ETag`.
pub async fn one(State(state): State<Arc<AppState>>, viewer: Viewer, PathId(id): PathId) -> ApiResult<Response> {
    let subscription = present(find(&state, &viewer, &id)?, &viewer, state.clock.today());
    let etag = HeaderValue::from_str(&subscription.etag).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(([(header::ETAG, etag)], Json(subscription)).into_response())
}

/// Records the order of a change just made (in the same transaction) and answers with the subscription as it is now.
pub fn recorded(conn: &Connection, viewer: &Viewer, id: &str, today: Date, order: &Order) -> ApiResult<Subscription> {
    changes::record_order(conn, id, order)?;
    let updated = db::visible_one(conn, viewer, id)?.ok_or(ApiError::NotFound)?;
    Ok(present(updated, viewer, today))
}
