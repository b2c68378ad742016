//! Billing profiles and payment methods of their owner (nobody else sees them, administrators included).

use super::codec::{Json, Named};
use contract::billing::{BillingProfile, CardExpiry, PaymentMethod};
use contract::{BillingProfileId, PaymentMethodId};
use rusqlite::{Connection, Row};

const METHOD_SELECT: &str = "SELECT m.id, m.brand, m.last4, m.exp_year, m.exp_month, m.name_on_card, m.address,
        m.version FROM payment_methods m WHERE m.owner_id = ?1";

fn method_row(conn: &Connection, row: &Row<'_>) -> rusqlite::Result<PaymentMethod> {
    let id: String = row.get(0)?;
    let used_by = conn
        .prepare_cached("SELECT id FROM billing_profiles WHERE payment_method_id = ?1 ORDER BY name, id")?
        .query_map([&id], |r| r.get(0).map(BillingProfileId))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(PaymentMethod {
        id: PaymentMethodId(id),
        brand: row.get::<_, Named<_>>(1)?.0,
        last4: row.get(2)?,
        expiry: CardExpiry { year: row.get(3)?, month: row.get(4)? },
        name_on_card: row.get(5)?,
        address: row.get::<_, Json<_>>(6)?.0,
        used_by,
        etag: etag(row.get(7)?),
    })
}

/// An etag from a version counter: `"7"`, quotes included.
pub fn etag(version: u32) -> String {
    format!("\"{version}\"")
}

/// The owner's payment methods, in the order they were added.
pub fn payment_methods(conn: &Connection, owner_id: &str) -> rusqlite::Result<Vec<PaymentMethod>> {
    let mut statement = conn.prepare_cached(&format!("{METHOD_SELECT} ORDER BY m.rowid"))?;
    let mut rows = statement.query([owner_id])?;
    let mut methods = Vec::new();
    while let Some(row) = rows.next()? {
        methods.push(method_row(conn, row)?);
    }
    Ok(methods)
}

/// One of the owner's payment methods.
pub fn payment_method(conn: &Connection, owner_id: &str, id: &str) -> rusqlite::Result<Option<PaymentMethod>> {
    let mut statement = conn.prepare_cached(&format!("{METHOD_SELECT} AND m.id = ?2"))?;
    let mut rows = statement.query([owner_id, id])?;
    rows.next()?.map(|row| method_row(conn, row)).transpose()
}

const PROFILE_SELECT: &str = "SELECT b.id, b.name, b.bill_to_name, b.bill_to, b.invoice_email, b.payment_method_id,
        b.version FROM billing_profiles b WHERE b.owner_id = ?1";

fn profile_row(conn: &Connection, owner_id: &str, row: &Row<'_>) -> rusqlite::Result<BillingProfile> {
    let method: Option<String> = row.get(5)?;
    let payment_method = match method {
        Some(id) => payment_method(conn, owner_id, &id)?,
        None => None,
    };
    Ok(BillingProfile {
        id: BillingProfileId(row.get(0)?),
        name: row.get(1)?,
        bill_to_name: row.get(2)?,
        bill_to: row.get::<_, Json<_>>(3)?.0,
        invoice_email: row.get(4)?,
        payment_method,
        etag: etag(row.get(6)?),
    })
}

/// The owner's billing profiles, by name.
pub fn billing_profiles(conn: &Connection, owner_id: &str) -> rusqlite::Result<Vec<BillingProfile>> {
    let mut statement = conn.prepare_cached(&format!("{PROFILE_SELECT} ORDER BY b.name, b.id"))?;
    let mut rows = statement.query([owner_id])?;
    let mut profiles = Vec::new();
    while let Some(row) = rows.next()? {
        profiles.push(profile_row(conn, owner_id, row)?);
    }
    Ok(profiles)
}

/// One of the owner's billing profiles.
pub fn billing_profile(conn: &Connection, owner_id: &str, id: &str) -> rusqlite::Result<Option<BillingProfile>> {
    let mut statement = conn.prepare_cached(&format!("{PROFILE_SELECT} AND b.id = ?2"))?;
    let mut rows = statement.query([owner_id, id])?;
    rows.next()?.map(|row| profile_row(conn, owner_id, row)).transpose()
}
