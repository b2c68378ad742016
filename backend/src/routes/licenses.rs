//! `POST …/quantity-quote` and `PUT …/quantity`: the price of a new license total, and setting it.

use crate::auth::Viewer;
use crate::change::{apply_once, ChangeHeaders};
use crate::db::changes::{self, Order, OrderKind};
use crate::db::subscriptions::{visible_one, SubscriptionRecord};
use crate::path_id::PathId;
use crate::pricing;
use crate::problem::{ApiError, ApiResult};
use crate::routes::subscriptions::{find, recorded};
use crate::rules::{allowed_actions, Facts};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use contract::licenses::QuantityQuote;
use contract::rules::{check_total, TotalLimits};
use contract::subscriptions::Permission;
use std::sync::Arc;
use time::Date;

/// The body as sent (`QuantityChange`, read loosely to name what is wrong): `total` must be a whole JSON number
/// (`105` or `105.0`, as JSON Schema's integers); a string, a fraction or a negative number is `not_a_whole_number`,
/// one above what any total can be `above_maximum`, a missing one `required`.
#[derive(serde::Deserialize)]
pub struct TotalBody {
    #[serde(default)]
    total: Option<serde_json::Number>,
}

fn read_total(body: Result<Json<TotalBody>, JsonRejection>) -> ApiResult<u32> {
    use contract::problem::FieldErrorCode::{AboveMaximum, NotAWholeNumber, Required};
    let Json(body) = body.map_err(|rejection| match rejection {
        JsonRejection::JsonDataError(_) => ApiError::invalid_field("total", NotAWholeNumber),
        other => other.into(),
    })?;
    let number = body.total.ok_or_else(|| ApiError::invalid_field("total", Required))?;
    let whole = crate::whole::whole(&number).filter(|n| *n >= 0);
    let whole = whole.ok_or_else(|| ApiError::invalid_field("total", NotAWholeNumber))?;
    u32::try_from(whole).map_err(|_| ApiError::invalid_field("total", AboveMaximum))
}

/// Checks a new total against the rules and the permission its direction needs (raising needs `buy`, lowering
/// `reduce`).
fn check(record: &SubscriptionRecord, viewer: &Viewer, total: u32, today: Date) -> ApiResult<()> {
    let limits =
        TotalLimits { current: record.total_licenses, assigned: record.assigned_licenses, max: record.max_licenses };
    check_total(total, limits).map_err(|error| ApiError::invalid_field("total", error.code()))?;
    let actions = allowed_actions(&Facts::of(record, viewer, today));
    let permission = if total > record.total_licenses { actions.buy } else { actions.reduce };
    match permission {
        Permission::Allowed => Ok(()),
        Permission::Denied { .. } => Err(ApiError::ActionNotAllowed),
    }
}

/// The price impact of a new total; changes nothing.
pub async fn quote(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
    body: Result<Json<TotalBody>, JsonRejection>,
) -> ApiResult<Json<QuantityQuote>> {
    let total = read_total(body)?;
    let record = find(&state, &viewer, &id)?;
    let today = state.clock.today();
    check(&record, &viewer, total, today)?;
    let tax_rate = state.db.with(|conn| tax_rate_of(conn, &record))?;
    Ok(Json(pricing::quote(&record, total, today, tax_rate)))
}

/// The VAT rate of the subscription's billing profile (its bill-to country's), as its invoices apply it.
fn tax_rate_of(conn: &rusqlite::Connection, record: &SubscriptionRecord) -> rusqlite::Result<rust_decimal::Decimal> {
    let profile = crate::db::billing::billing_profile(conn, &record.owner_id, &record.billing_profile_id)?;
    Ok(profile.map_or(rust_decimal::Decimal::ZERO, |profile| pricing::tax_rate(&profile.bill_to.country)))
}

/// Sets the total, once per `Idempotency-Key`, from the version named by `If-Match`; records the order with the
/// prorated amount charged or credited.
pub async fn set_quantity(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
    headers: ChangeHeaders,
    body: Result<Json<TotalBody>, JsonRejection>,
) -> ApiResult<Response> {
    let total = read_total(body)?;
    let request = format!("PUT {}\n{}", contract::paths::quantity(&contract::SubscriptionId(id.clone())), total);
    let today = state.clock.today();
    apply_once(&state, &viewer, &headers, request, |conn| {
        let record = visible_one(conn, &viewer, &id)?.ok_or(ApiError::NotFound)?;
        headers.check_version(record.version)?;
        check(&record, &viewer, total, today)?;
        let added = total > record.total_licenses;
        let quote = pricing::quote(&record, total, today, tax_rate_of(conn, &record)?);
        changes::set_total(conn, &id, total, added.then_some(today))?;
        let kind = if added { OrderKind::LicensesAdded } else { OrderKind::LicensesRemoved };
        let totals = (record.total_licenses, total);
        recorded(conn, &viewer, &id, today, &Order::new(kind, &viewer.person_id, today, totals, quote.prorated_amount))
    })
}
