//! Money: an exact decimal amount with an ISO 4217 currency. Never a float.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of money. On the wire: `{"amount": "12.50", "currency": "SEK"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Money {
    /// The exact amount, as a decimal string on the wire.
    #[serde(deserialize_with = "exact_decimal")]
    #[cfg_attr(test, schemars(with = "crate::drift::DecimalText"))]
    pub amount: Decimal,
    /// The ISO 4217 currency code.
    pub currency: Currency,
}

impl Money {
    /// Money of `amount` in `currency`.
    pub fn new(amount: Decimal, currency: Currency) -> Self {
        Self { amount, currency }
    }
}

/// Reads a decimal string as it is written (`"12.50"`), without the scientific notation and rounding that
/// rust_decimal's own reader also accepts: the contract writes amounts exactly, and the app carries less code.
fn exact_decimal<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
    Decimal::from_str_exact(&text).map_err(|_| serde::de::Error::custom("not an exact decimal amount"))
}

/// An ISO 4217 currency code: three upper-case ASCII letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct Currency([u8; 3]);

/// A string that is not three upper-case ASCII letters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidCurrency(pub String);

impl fmt::Display for InvalidCurrency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an ISO 4217 currency code: {:?}", self.0)
    }
}

impl std::error::Error for InvalidCurrency {}

impl Currency {
    /// Parses a code such as `SEK`.
    pub fn parse(code: &str) -> Result<Self, InvalidCurrency> {
        match code.as_bytes() {
            [a, b, c] if [a, b, c].iter().all(|x| x.is_ascii_uppercase()) => Ok(Self([*a, *b, *c])),
            _ => Err(InvalidCurrency(code.to_owned())),
        }
    }

    /// The code, e.g. `"EUR"`.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).expect("validated ASCII")
    }
}

impl TryFrom<String> for Currency {
    type Error = InvalidCurrency;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Currency> for String {
    fn from(value: Currency) -> Self {
        value.code().to_owned()
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn money_round_trips_as_decimal_string() {
        let money = Money::new(Decimal::from_str("1234.50").unwrap(), Currency::parse("SEK").unwrap());
        let json = serde_json::to_string(&money).unwrap();
        assert_eq!(json, r#"{"amount":"1234.50","currency":"SEK"}"#);
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), money);
    }

    #[test]
    fn amounts_are_read_exactly_as_written() {
        let read =
            |amount: &str| serde_json::from_str::<Money>(&format!(r#"{{"amount":"{amount}","currency":"SEK"}}"#));
        assert_eq!(read("-12.50").unwrap().amount, Decimal::from_str("-12.50").unwrap());
        assert_eq!(read("0.005").unwrap().amount.to_string(), "0.005");
        for bad in ["1e3", "12,50", "", "ten", "1.2.3"] {
            assert!(read(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn currency_must_be_three_upper_case_letters() {
        assert!(Currency::parse("EUR").is_ok());
        for bad in ["eur", "EU", "EURO", "E1R", ""] {
            assert!(Currency::parse(bad).is_err(), "{bad} accepted");
        }
        assert!(serde_json::from_str::<Currency>("\"usd\"").is_err());
    }
}
