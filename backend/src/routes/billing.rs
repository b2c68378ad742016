//! Billing profiles and payment methods: `GET /api/v1/billing-profiles[/{id}]`, `GET /api/v1/payment-methods[/{id}]`.
//! Only the owner sees them (administrators included: billing is personal).

use crate::auth::Viewer;
use crate::db::billing as db;
use crate::path_id::PathId;
use crate::problem::{ApiError, ApiResult};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use contract::billing::{BillingProfile, PaymentMethod};
use std::sync::Arc;

/// The viewer's billing profiles, each with its masked payment method.
pub async fn profiles(State(state): State<Arc<AppState>>, viewer: Viewer) -> ApiResult<Json<Vec<BillingProfile>>> {
    Ok(Json(state.db.with(|conn| db::billing_profiles(conn, &viewer.person_id))?))
}

/// One of the viewer's billing profiles.
pub async fn profile(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
) -> ApiResult<Json<BillingProfile>> {
    let found = state.db.with(|conn| db::billing_profile(conn, &viewer.person_id, &id))?;
    found.map(Json).ok_or(ApiError::NotFound)
}

/// The viewer's payment methods (masked), each with the profiles using it.
pub async fn methods(State(state): State<Arc<AppState>>, viewer: Viewer) -> ApiResult<Json<Vec<PaymentMethod>>> {
    Ok(Json(state.db.with(|conn| db::payment_methods(conn, &viewer.person_id))?))
}

/// One of the viewer's payment methods.
pub async fn method(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
) -> ApiResult<Json<PaymentMethod>> {
    let found = state.db.with(|conn| db::payment_method(conn, &viewer.person_id, &id))?;
    found.map(Json).ok_or(ApiError::NotFound)
}
