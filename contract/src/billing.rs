//! Billing profiles and payment methods. Card numbers and security codes go to the backend once, when a card is
//! added, and never come back: only the brand, last four digits and expiry are returned.

use crate::{BillingProfileId, PaymentMethodId};
use serde::{Deserialize, Serialize};

/// A postal address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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

/// A billing profile: who is billed, where, and with which payment method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct SetPaymentMethod {
    /// The stored method to use.
    pub payment_method_id: PaymentMethodId,
}

/// A stored card, masked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[serde(rename_all = "snake_case")]
pub enum CardBrand {
    /// Visa.
    Visa,
    /// Mastercard.
    Mastercard,
    /// American Express.
    Amex,
}

/// A card's expiry month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CardExpiry {
    /// Four-digit year.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
}

/// `POST /api/v1/payment-methods` body (with an `Idempotency-Key`). Sent once; never stored by the app.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPaymentMethod {
    /// The full card number (digits only).
    pub card_number: String,
    /// Expiry month and year.
    pub expiry: CardExpiry,
    /// The security code (CVC/CVV).
    pub security_code: String,
    /// Name on the card.
    pub name_on_card: String,
    /// Billing address of the card.
    pub address: Address,
}

impl std::fmt::Debug for NewPaymentMethod {
    /// Never prints the card number or security code.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewPaymentMethod")
            .field("card_number", &"<redacted>")
            .field("expiry", &self.expiry)
            .field("security_code", &"<redacted>")
            .field("name_on_card", &self.name_on_card)
            .finish_non_exhaustive()
    }
}

/// `PATCH /api/v1/payment-methods/{id}` body: only these fields of a stored card can change.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentMethodUpdate {
    /// A new security code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_code: Option<String>,
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

impl std::fmt::Debug for PaymentMethodUpdate {
    /// Never prints the security code.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PaymentMethodUpdate")
            .field("security_code", &self.security_code.as_ref().map(|_| "<redacted>"))
            .field("expiry", &self.expiry)
            .field("name_on_card", &self.name_on_card)
            .finish_non_exhaustive()
    }
}
