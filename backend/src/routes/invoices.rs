//! `GET /api/v1/invoices?from&to`, `GET /api/v1/invoices/{id}` and `GET /api/v1/invoices/{id}/pdf`.

use crate::auth::Viewer;
use crate::db::invoices as db;
use crate::lang::Lang;
use crate::path_id::PathId;
use crate::problem::{ApiError, ApiResult};
use crate::query::Params;
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use contract::invoices::{Invoice, InvoiceDetail};
use contract::FieldError;
use std::sync::Arc;

/// The viewer's invoices dated `from..=to` (both required), newest first. Invalid or missing dates, and ranges
/// refused by the shared rule (in the future, reversed, too long), answer 422 with field errors. "The future" starts
/// after the latest date anywhere on Earth now (UTC+14), so a person whose day has already begun can ask for it.
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
    let latest_today = state.clock.today().next_day().unwrap_or(time::Date::MAX);
    contract::rules::check_date_range(from, to, latest_today)
        .map_err(|(field, code)| ApiError::Validation(vec![FieldError { field: field.to_owned(), code }]))?;
    Ok(Json(state.db.with(|conn| db::in_range(conn, &viewer.person_id, from, to))?))
}

/// One of the viewer's invoices with its lines; `subtotal + tax = amount` exactly.
pub async fn one(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
) -> ApiResult<Json<InvoiceDetail>> {
    let found = state.db.with(|conn| db::one(conn, &viewer.person_id, &id))?;
    found.map(Json).ok_or(ApiError::NotFound)
}

/// One of the viewer's invoices as a PDF in the language `lang` names (`attachment; filename="<number>.pdf"`), with the same exact amounts.
pub async fn pdf(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
    params: Params,
) -> ApiResult<Response> {
    let lang = Lang::from_tag(params.text("lang"));
    let detail = state.db.with(|conn| db::one(conn, &viewer.person_id, &id))?.ok_or(ApiError::NotFound)?;
    let bytes = crate::invoice_pdf::invoice_pdf(&detail, lang);
    let safe_name: String =
        detail.invoice.number.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{safe_name}.pdf\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(response)
}
