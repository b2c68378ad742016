//! `GET /api/v1/invoices?from&to` and `GET /api/v1/invoices/{id}`.

use crate::auth::Viewer;
use crate::db::invoices as db;
use crate::problem::{ApiError, ApiResult};
use crate::query::Params;
use crate::AppState;
use axum::extract::{Path, State};
use axum::Json;
use contract::invoices::{Invoice, InvoiceDetail};
use contract::FieldError;
use std::sync::Arc;

/// The viewer's invoices dated `from..=to` (both required), newest first. Invalid or missing dates, and ranges
/// refused by the shared rule (in the future, reversed, too long), answer 422 with field errors.
pub async fn list(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    mut params: Params,
) -> ApiResult<Json<Vec<Invoice>>> {
    let from = params.required_date("from");
    let to = params.required_date("to");
    let (Some(from), Some(to)) = (from, to) else {
        return Err(ApiError::Validation(std::mem::take(&mut params.errors)));
    };
    contract::rules::check_date_range(from, to, state.clock.today())
        .map_err(|(field, code)| ApiError::Validation(vec![FieldError { field: field.to_owned(), code }]))?;
    Ok(Json(state.db.with(|conn| db::in_range(conn, &viewer.person_id, from, to))?))
}

/// One of the viewer's invoices with its lines; `subtotal + tax = amount` exactly.
pub async fn one(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> ApiResult<Json<InvoiceDetail>> {
    let found = state.db.with(|conn| db::one(conn, &viewer.person_id, &id))?;
    found.map(Json).ok_or(ApiError::NotFound)
}
