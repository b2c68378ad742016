//! The administrator's read-only view: `GET /api/v1/admin/self-service-purchases[/export]`,
//! `GET …/{id}` (with the order history) and `GET …/{id}/assignments[/export]`. Only `admin`s may read it (403 for
//! anyone else); it has no way to change anything.

use crate::auth::Viewer;
use crate::collation::Collation;
use crate::csv::Csv;
use crate::db::changes::{self, OrderKind};
use crate::db::subscriptions::{self as db, SubscriptionRecord};
use crate::db::terms::query_words;
use crate::lang::Lang;
use crate::path_id::PathId;
use crate::problem::{ApiError, ApiResult};
use crate::query::Params;
use crate::routes::assignments::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use contract::admin::{HistoryEntry, HistoryKind, PersonSummary, PurchaseDetail, PurchaseQuery, SelfServicePurchase};
use contract::licenses::Assignment;
use contract::subscriptions::{PurchaseChannel, SubscriptionStatus};
use contract::text::contains_folded;
use contract::{Money, Page, PersonId, SubscriptionId};
use rusqlite::{Connection, OptionalExtension};
use std::sync::Arc;

fn require_admin(viewer: &Viewer) -> ApiResult<()> {
    if viewer.is_admin() {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// A person by id (an id no longer in the directory is shown as itself).
fn person(conn: &Connection, id: &str) -> rusqlite::Result<PersonSummary> {
    let found = conn
        .prepare_cached("SELECT display_name, email FROM people WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .optional()?;
    let (display_name, email) = found.unwrap_or_else(|| (id.to_owned(), String::new()));
    Ok(PersonSummary { id: PersonId(id.to_owned()), display_name, email })
}

fn times(price: &Money, licenses: u32) -> Money {
    let mut amount = price.amount * rust_decimal::Decimal::from(licenses);
    amount.rescale(2);
    Money::new(amount, price.currency)
}

fn purchase(conn: &Connection, record: SubscriptionRecord) -> rusqlite::Result<SelfServicePurchase> {
    Ok(SelfServicePurchase {
        purchaser: person(conn, &record.owner_id)?,
        purchase_price: times(&record.unit_price, record.total_licenses),
        id: SubscriptionId(record.id),
        product: record.product,
        status: record.status,
        total_licenses: record.total_licenses,
        assigned_licenses: record.assigned_licenses,
        purchased_on: record.purchased_on,
        renews_or_expires_on: record.renews_or_expires_on,
        auto_renew: record.auto_renew,
        billing_frequency: record.billing_frequency,
        unit_price: record.unit_price,
    })
}

/// Every self-service purchase of the organization matching `query`, by product, then purchaser, as the reader's
/// language sorts them.
fn matching(
    conn: &Connection,
    viewer: &Viewer,
    query: &PurchaseQuery,
    collation: Collation,
) -> rusqlite::Result<Vec<SelfServicePurchase>> {
    let words = |text: &Option<String>| text.as_deref().map(query_words).unwrap_or_default();
    let (product_words, purchaser_words) = (words(&query.product), words(&query.purchaser));
    let mut all = Vec::new();
    for record in db::visible(conn, viewer)?.into_iter().filter(|r| r.channel == PurchaseChannel::SelfService) {
        let purchase = purchase(conn, record)?;
        let product_ok = product_words.iter().all(|w| contains_folded(&purchase.product.name, w));
        let who = format!("{} {}", purchase.purchaser.display_name, purchase.purchaser.email);
        let purchaser_ok = purchaser_words.iter().all(|w| contains_folded(&who, w));
        if product_ok && purchaser_ok && query.status.is_none_or(|s| s == purchase.status) {
            all.push(purchase);
        }
    }
    all.sort_by(|a, b| {
        collation
            .compare(&a.product.name, &b.product.name)
            .then_with(|| collation.compare(&a.purchaser.display_name, &b.purchaser.display_name))
            .then_with(|| a.id.0.cmp(&b.id.0))
    });
    Ok(all)
}

fn read_query(params: &mut Params) -> ApiResult<PurchaseQuery> {
    let query = PurchaseQuery {
        product: params.text("product").map(str::to_owned),
        purchaser: params.text("purchaser").map(str::to_owned),
        status: params.parsed("status", SubscriptionStatus::parse),
        page: params.clamped("page", u32::MAX),
        page_size: params.clamped("page_size", MAX_PAGE_SIZE),
    };
    params.finish()?;
    Ok(query)
}

/// One page of the organization's self-service purchases.
pub async fn list(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    collation: Collation,
    mut params: Params,
) -> ApiResult<Json<Page<SelfServicePurchase>>> {
    require_admin(&viewer)?;
    let query = read_query(&mut params)?;
    let all = state.db.with(|conn| matching(conn, &viewer, &query, collation))?;
    Ok(Json(Page::slice(all, query.page.unwrap_or(1), query.page_size.unwrap_or(DEFAULT_PAGE_SIZE))))
}

/// A CSV download named `name`.
fn csv_download(csv: Csv, name: &str) -> Response {
    let mut response = csv.into_bytes().into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}

/// The whole table (every page) as CSV, with the same filters, in the language `lang` names: its headings and
/// statuses translated, and for languages whose decimal separator is a comma (Swedish, German) semicolons between
/// fields and decimal commas, so a spreadsheet in that language opens it in columns. Dates are ISO 8601, which
/// every spreadsheet reads as dates.
pub async fn export(State(state): State<Arc<AppState>>, viewer: Viewer, mut params: Params) -> ApiResult<Response> {
    require_admin(&viewer)?;
    let lang = Lang::from_tag(params.text("lang"));
    let collation = Collation::from_accept_language(params.text("lang"));
    let query = read_query(&mut params)?;
    let all = state.db.with(|conn| matching(conn, &viewer, &query, collation))?;
    let words = lang.export_words();
    let mut csv = Csv::with_header(&words.purchases, lang.csv_separator());
    for p in &all {
        let (total, assigned) = (p.total_licenses.to_string(), p.assigned_licenses.to_string());
        let (bought, ends) = (contract::date::to_iso(p.purchased_on), contract::date::to_iso(p.renews_or_expires_on));
        let (unit, price) =
            (lang.spreadsheet_number(p.unit_price.amount), lang.spreadsheet_number(p.purchase_price.amount));
        csv.row([
            p.product.name.as_str(),
            &p.purchaser.display_name,
            &p.purchaser.email,
            words.status(p.status),
            &total,
            &assigned,
            &bought,
            &ends,
            &unit,
            &price,
            p.unit_price.currency.code(),
        ]);
    }
    Ok(csv_download(csv, "self-service-purchases.csv"))
}

/// A self-service purchase the admin may see, or 404.
fn find(conn: &Connection, viewer: &Viewer, id: &str) -> ApiResult<SubscriptionRecord> {
    db::visible_one(conn, viewer, id)?.filter(|r| r.channel == PurchaseChannel::SelfService).ok_or(ApiError::NotFound)
}

/// The history: the purchase itself, then every recorded change, oldest first.
fn history(conn: &Connection, record: &SubscriptionRecord) -> rusqlite::Result<Vec<HistoryEntry>> {
    let orders = changes::orders(conn, &record.id)?;
    let first_total = orders.first().map_or(record.total_licenses, |o| o.from_total);
    let mut entries = vec![HistoryEntry {
        kind: HistoryKind::Purchased,
        by: person(conn, &record.owner_id)?,
        date: record.purchased_on,
        from_total: 0,
        to_total: first_total,
        amount: times(&record.unit_price, first_total),
        reason: None,
    }];
    for order in orders {
        entries.push(HistoryEntry {
            kind: match order.kind {
                OrderKind::LicensesAdded => HistoryKind::LicensesAdded,
                OrderKind::LicensesRemoved => HistoryKind::LicensesRemoved,
                OrderKind::Cancelled => HistoryKind::Cancelled,
                OrderKind::Reactivated => HistoryKind::Reactivated,
            },
            by: person(conn, &order.actor_id)?,
            date: order.date,
            from_total: order.from_total,
            to_total: order.to_total,
            amount: order.amount,
            reason: order.reason,
        });
    }
    Ok(entries)
}

/// One self-service purchase with its order history.
pub async fn one(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
) -> ApiResult<Json<PurchaseDetail>> {
    require_admin(&viewer)?;
    let detail = state.db.write(|conn| {
        let record = find(conn, &viewer, &id)?;
        let history = history(conn, &record)?;
        Ok(PurchaseDetail { purchase: purchase(conn, record)?, history })
    })?;
    Ok(Json(detail))
}

/// One page of its assigned people (`q`, `page`, `page_size` and the name order as for the purchaser's list).
pub async fn assignments(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
    collation: Collation,
    mut params: Params,
) -> ApiResult<Json<Page<Assignment>>> {
    require_admin(&viewer)?;
    let page = params.clamped("page", u32::MAX).unwrap_or(1).max(1);
    let page_size = params.clamped("page_size", MAX_PAGE_SIZE).unwrap_or(DEFAULT_PAGE_SIZE).max(1);
    params.finish()?;
    let words = query_words(params.text("q").unwrap_or_default());
    let (items, total) = state.db.write(|conn| {
        let record = find(conn, &viewer, &id)?;
        Ok(db::assignments_page(conn, &record.id, &words, page, page_size, collation)?)
    })?;
    Ok(Json(Page { items, total, page, page_size }))
}

/// Every assigned person as CSV: name, e-mail, department, assigned date, in the language `lang` names (as the
/// purchases export).
pub async fn assignments_export(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
    params: Params,
) -> ApiResult<Response> {
    require_admin(&viewer)?;
    let lang = Lang::from_tag(params.text("lang"));
    let collation = Collation::from_accept_language(params.text("lang"));
    let (record, people) = state.db.write(|conn| {
        let record = find(conn, &viewer, &id)?;
        let mut people = Vec::new();
        for page in 1.. {
            let (items, total) = db::assignments_page(conn, &record.id, &[], page, MAX_PAGE_SIZE, collation)?;
            let done = items.is_empty() || page * MAX_PAGE_SIZE >= total;
            people.extend(items);
            if done {
                break;
            }
        }
        Ok((record, people))
    })?;
    let mut csv = Csv::with_header(&lang.export_words().people, lang.csv_separator());
    for a in &people {
        let assigned = contract::date::to_iso(a.assigned_on);
        csv.row([
            a.person.display_name.as_str(),
            &a.person.email,
            a.person.department.as_deref().unwrap_or(""),
            &assigned,
        ]);
    }
    let name: String = record.product.name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    Ok(csv_download(csv, &format!("{}-assigned-people.csv", name.to_ascii_lowercase())))
}
