//! Billing profiles and payment methods of their owner (nobody else sees them, administrators included).

use super::codec::{name, Json, Named};
use contract::billing::{Address, BillingProfile, CardBrand, CardExpiry, PaymentMethod, PaymentMethodUpdate};
use contract::{BillingProfileId, PaymentMethodId};
use rusqlite::{params, Connection, OptionalExtension, Row};

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

/// What an edit of a stored card checks against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MethodVersion {
    /// The version (its etag's number).
    pub version: u32,
    /// The card's brand.
    pub brand: CardBrand,
    /// The processor's reference of the card.
    pub card_ref: String,
}

/// The version, brand and processor reference of one of the owner's payment methods, if it is theirs.
pub fn method_version(conn: &Connection, owner_id: &str, id: &str) -> rusqlite::Result<Option<MethodVersion>> {
    conn.prepare_cached("SELECT version, brand, token FROM payment_methods WHERE owner_id = ?1 AND id = ?2")?
        .query_row([owner_id, id], |r| {
            Ok(MethodVersion { version: r.get(0)?, brand: r.get::<_, Named<CardBrand>>(1)?.0, card_ref: r.get(2)? })
        })
        .optional()
}

/// The version of one of the owner's billing profiles, if it is theirs.
pub fn profile_version(conn: &Connection, owner_id: &str, id: &str) -> rusqlite::Result<Option<u32>> {
    conn.prepare_cached("SELECT version FROM billing_profiles WHERE owner_id = ?1 AND id = ?2")?
        .query_row([owner_id, id], |r| r.get(0))
        .optional()
}

/// A card as stored: the processor's card reference and the masked facts, never the number or security code.
pub struct StoredCard<'a> {
    /// New method id.
    pub id: &'a str,
    /// Owner.
    pub owner_id: &'a str,
    /// Brand.
    pub brand: CardBrand,
    /// Last four digits.
    pub last4: &'a str,
    /// Expiry.
    pub expiry: CardExpiry,
    /// Name on the card.
    pub name_on_card: &'a str,
    /// Billing address.
    pub address: &'a Address,
    /// The processor's reference of the card (the vault's `card_…`; a fixture's own).
    pub token: &'a str,
}

/// Stores a new card.
pub fn insert_method(conn: &Connection, card: &StoredCard<'_>) -> rusqlite::Result<()> {
    let address = serde_json::to_string(card.address).map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
    conn.prepare_cached(
        "INSERT INTO payment_methods (id, owner_id, brand, last4, exp_year, exp_month, name_on_card, address, token)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        card.id,
        card.owner_id,
        name(&card.brand),
        card.last4,
        card.expiry.year,
        card.expiry.month,
        card.name_on_card,
        address,
        card.token
    ])?;
    Ok(())
}

/// Whether any billing profile is paid by the card.
pub fn method_in_use(conn: &Connection, id: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM billing_profiles WHERE payment_method_id = ?1)")?
        .query_row([id], |r| r.get(0))
}

/// Deletes a stored card.
pub fn delete_method(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM payment_methods WHERE id = ?1")?.execute([id]).map(|_| ())
}

/// Applies an edit of a stored card (fields absent stay) and bumps its version.
pub fn update_method(conn: &Connection, id: &str, update: &PaymentMethodUpdate) -> rusqlite::Result<()> {
    let address = match &update.address {
        Some(address) => {
            Some(serde_json::to_string(address).map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?)
        }
        None => None,
    };
    // A new security code was redeemed with the vault for the card (its token); nothing of it is stored here.
    conn.prepare_cached(
        "UPDATE payment_methods SET exp_year = COALESCE(?2, exp_year), exp_month = COALESCE(?3, exp_month),
             name_on_card = COALESCE(?4, name_on_card), address = COALESCE(?5, address), version = version + 1
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        update.expiry.map(|e| e.year),
        update.expiry.map(|e| e.month),
        update.name_on_card.as_deref().map(str::trim),
        address
    ])?;
    Ok(())
}

/// Pays a profile with another method and bumps its version.
pub fn set_profile_method(conn: &Connection, profile_id: &str, method_id: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE billing_profiles SET payment_method_id = ?2, version = version + 1 WHERE id = ?1")?
        .execute([profile_id, method_id])?;
    Ok(())
}
