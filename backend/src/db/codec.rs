//! Storing enums by their wire names (the contract's serde names), and reading them and decimals back.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::str::FromStr;

/// The wire name of a unit enum value, e.g. `self_service`.
pub fn name<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default().trim_matches('"').to_owned()
}

/// A column holding an enum by its wire name.
pub struct Named<T>(pub T);

impl<T: DeserializeOwned> FromSql for Named<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        serde_json::from_str(&format!("\"{text}\"")).map(Named).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// A column holding JSON (addresses).
pub struct Json<T>(pub T);

impl<T: DeserializeOwned> FromSql for Json<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        serde_json::from_str(value.as_str()?).map(Json).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// A column holding an exact decimal as text.
pub struct Dec(pub Decimal);

impl FromSql for Dec {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        Decimal::from_str(value.as_str()?).map(Dec).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// A column holding an ISO 4217 code.
pub struct Cur(pub contract::Currency);

impl FromSql for Cur {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        contract::Currency::parse(value.as_str()?).map(Cur).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::subscriptions::PurchaseChannel;

    #[test]
    fn names_are_the_wire_names() {
        assert_eq!(name(&PurchaseChannel::SelfService), "self_service");
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let Named(channel): Named<PurchaseChannel> =
            conn.query_row("SELECT 'volume_licensing'", [], |r| r.get(0)).unwrap();
        assert_eq!(channel, PurchaseChannel::VolumeLicensing);
        assert!(conn.query_row("SELECT 'nope'", [], |r| r.get::<_, Named<PurchaseChannel>>(0)).is_err());
    }
}
