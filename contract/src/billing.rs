//! Billing profiles and payment methods. Card numbers and security codes never reach this API: they are typed into
//! the payments origin's hosted fields, which give the app a single-use token (see [`crate::hosted_fields`]). Only
//! the brand, last four digits and expiry come back.

use crate::{BillingProfileId, PaymentMethodId};
use serde::{Deserialize, Serialize};

/// A postal address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Address {
    /// Street and number.
    pub line1: String,
    /// More address (c/o, floor), optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    /// City.
    pub city: String,
    /// Postal code (required where the country uses them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// State, province or region (required in some countries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code, e.g. `SE`.
    pub country: String,
}

impl Address {
    /// The address's lines in its country's order, without the country: the street lines, then postal code and
    /// city as the country writes them (`111 43 Stockholm`; `Springfield, IL 62704`; the UK's and Ireland's postcode
    /// on a line of its own).
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.line1.clone()];
        lines.extend(self.line2.clone().filter(|line| !line.trim().is_empty()));
        let joined = |parts: &[Option<&str>], separator: &str| {
            parts.iter().flatten().filter(|part| !part.trim().is_empty()).copied().collect::<Vec<_>>().join(separator)
        };
        let (city, postal, region) = (Some(self.city.as_str()), self.postal_code.as_deref(), self.region.as_deref());
        match self.country.as_str() {
            "US" | "CA" | "AU" => lines.push(format!("{} {}", joined(&[city, region], ", "), postal.unwrap_or(""))),
            "GB" | "IE" => {
                lines.push(joined(&[city, region], ", "));
                lines.extend(postal.map(str::to_owned));
            }
            "CN" => lines.push(joined(&[region, city, postal], " ")),
            _ => lines.push(joined(&[postal, city, region], " ")),
        }
        lines.iter_mut().for_each(|line| *line = line.trim().to_owned());
        lines.retain(|line| !line.is_empty());
        lines
    }
}

/// A billing profile: who is billed, where, and with which payment method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct BillingProfile {
    /// Profile id.
    pub id: BillingProfileId,
    /// Name to show.
    pub name: String,
    /// Company or person billed.
    pub bill_to_name: String,
    /// Bill-to address.
    pub bill_to: Address,
    /// Where invoices are e-mailed.
    pub invoice_email: String,
    /// The payment method that pays this profile's invoices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<PaymentMethod>,
    /// Version; send as `If-Match` when replacing the payment method.
    pub etag: String,
}

/// `PUT /api/v1/billing-profiles/{id}/payment-method` body: use another stored method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct SetPaymentMethod {
    /// The stored method to use.
    pub payment_method_id: PaymentMethodId,
}

/// A stored card, masked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PaymentMethod {
    /// Method id.
    pub id: PaymentMethodId,
    /// Card brand.
    pub brand: CardBrand,
    /// The last four digits of the card number.
    pub last4: String,
    /// Expiry month and year.
    pub expiry: CardExpiry,
    /// Name on the card.
    pub name_on_card: String,
    /// Billing address of the card.
    pub address: Address,
    /// Profiles that use this method.
    pub used_by: Vec<BillingProfileId>,
    /// Version; send as `If-Match` when editing.
    pub etag: String,
}

/// Card brands the backend accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CardBrand {
    /// Visa.
    Visa,
    /// Mastercard.
    Mastercard,
    /// American Express.
    Amex,
}

impl CardBrand {
    /// Every brand.
    pub const ALL: [Self; 3] = [Self::Visa, Self::Mastercard, Self::Amex];

    /// The wire name (what serde writes): `visa`, `mastercard`, `amex`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Visa => "visa",
            Self::Mastercard => "mastercard",
            Self::Amex => "amex",
        }
    }
}

/// A card's expiry month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct CardExpiry {
    /// Four-digit year.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
}

/// `POST /api/v1/payment-methods` body (with an `Idempotency-Key`): a card tokenized by the hosted fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPaymentMethod {
    /// The single-use card token (`tok_…`) the hosted fields gave for the number and security code.
    pub card_token: String,
    /// Expiry month and year.
    pub expiry: CardExpiry,
    /// Name on the card.
    pub name_on_card: String,
    /// Billing address of the card.
    pub address: Address,
}

/// `PATCH /api/v1/payment-methods/{id}` body: only these fields of a stored card can change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PaymentMethodUpdate {
    /// A single-use token (`tok_…`) the security code field gave for a new security code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_code_token: Option<String>,
    /// A new expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry: Option<CardExpiry>,
    /// A new name on the card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_on_card: Option<String>,
    /// A new billing address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
}

#[cfg(test)]
mod tests {
    use super::Address;

    fn address(country: &str, postal: Option<&str>, region: Option<&str>) -> Address {
        Address {
            line1: "Street 1".into(),
            line2: Some(" ".into()),
            city: "Town".into(),
            postal_code: postal.map(Into::into),
            region: region.map(Into::into),
            country: country.into(),
        }
    }

    #[test]
    fn lines_follow_the_country() {
        assert_eq!(address("SE", Some("111 43"), None).lines(), ["Street 1", "111 43 Town"]);
        assert_eq!(address("DE", Some("10115"), None).lines(), ["Street 1", "10115 Town"]);
        assert_eq!(address("US", Some("62704"), Some("IL")).lines(), ["Street 1", "Town, IL 62704"]);
        assert_eq!(address("GB", Some("SW1A 1AA"), None).lines(), ["Street 1", "Town", "SW1A 1AA"]);
        assert_eq!(address("IE", None, None).lines(), ["Street 1", "Town"]);
        assert_eq!(address("CN", Some("100000"), Some("Beijing")).lines(), ["Street 1", "Beijing Town 100000"]);
    }
}
