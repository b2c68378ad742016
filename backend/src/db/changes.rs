//! Writes to subscriptions, each bumping the version (the etag), and the order history that records them.

use super::codec::{name, Cur, Dec, Named};
use contract::subscriptions::SubscriptionStatus;
use contract::Money;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use time::Date;

/// What an order did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderKind {
    /// The total went up.
    LicensesAdded,
    /// The total went down.
    LicensesRemoved,
    /// Cancelled.
    Cancelled,
    /// Reactivated.
    Reactivated,
}

/// One entry of a subscription's order history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    /// What happened.
    pub kind: OrderKind,
    /// Who did it.
    pub actor_id: String,
    /// When.
    pub date: Date,
    /// Licenses before.
    pub from_total: u32,
    /// Licenses after.
    pub to_total: u32,
    /// Charged (positive) or credited (negative).
    pub amount: Money,
    /// The cancellation reason code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The cancellation feedback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

impl Order {
    /// An order without a reason or feedback.
    pub fn new(kind: OrderKind, actor_id: &str, date: Date, totals: (u32, u32), amount: Money) -> Self {
        let (from_total, to_total) = totals;
        Self { kind, actor_id: actor_id.to_owned(), date, from_total, to_total, amount, reason: None, feedback: None }
    }
}

/// Sets a new total; an addition also restarts the reduction window (`last_changed_on`).
pub fn set_total(conn: &Connection, id: &str, total: u32, added_on: Option<Date>) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE subscriptions SET total_licenses = ?2, last_changed_on = COALESCE(?3, last_changed_on),
             version = version + 1
         WHERE id = ?1",
    )?
    .execute(params![id, total, added_on])?;
    Ok(())
}

/// Cancels: the status changes, renewal stops, and access ends on `access_ends_on`.
pub fn cancel(conn: &Connection, id: &str, access_ends_on: Date) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE subscriptions SET status = ?2, auto_renew = 0, renews_or_expires_on = ?3, version = version + 1
         WHERE id = ?1",
    )?
    .execute(params![id, name(&SubscriptionStatus::Cancelled), access_ends_on])?;
    Ok(())
}

/// Reactivates for a new period from `renewed_on` to `renews_on`, renewing automatically again.
pub fn reactivate(conn: &Connection, id: &str, renewed_on: Date, renews_on: Date) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE subscriptions SET status = ?2, auto_renew = 1, last_renewed_on = ?3, renews_or_expires_on = ?4,
             version = version + 1
         WHERE id = ?1",
    )?
    .execute(params![id, name(&SubscriptionStatus::Active), renewed_on, renews_on])?;
    Ok(())
}

/// Undoes a cancellation while access lasts: active again, renewing automatically on the day access would have
/// ended.
pub fn undo_cancellation(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE subscriptions SET status = ?2, auto_renew = 1, version = version + 1 WHERE id = ?1")?
        .execute(params![id, name(&SubscriptionStatus::Active)])?;
    Ok(())
}

/// Appends to a subscription's order history.
pub fn record_order(conn: &Connection, subscription_id: &str, order: &Order) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO orders (subscription_id, actor_id, date, kind, from_total, to_total, amount, currency, reason,
             feedback)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        subscription_id,
        order.actor_id,
        order.date,
        name(&order.kind),
        order.from_total,
        order.to_total,
        order.amount.amount.to_string(),
        order.amount.currency.code(),
        order.reason,
        order.feedback
    ])
    .map(|_| ())
}

/// A subscription's order history, oldest first.
pub fn orders(conn: &Connection, subscription_id: &str) -> rusqlite::Result<Vec<Order>> {
    conn.prepare_cached(
        "SELECT kind, actor_id, date, from_total, to_total, amount, currency, reason, feedback FROM orders
         WHERE subscription_id = ?1 ORDER BY id",
    )?
    .query_map([subscription_id], |row| {
        Ok(Order {
            kind: row.get::<_, Named<_>>(0)?.0,
            actor_id: row.get(1)?,
            date: row.get(2)?,
            from_total: row.get(3)?,
            to_total: row.get(4)?,
            amount: Money::new(row.get::<_, Dec>(5)?.0, row.get::<_, Cur>(6)?.0),
            reason: row.get(7)?,
            feedback: row.get(8)?,
        })
    })?
    .collect()
}
