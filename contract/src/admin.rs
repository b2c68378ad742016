//! The administrator's read-only view of every subscription bought through self-service in the organization:
//! product, purchaser, licenses, expiry, purchase price, assigned people and the order history. Only people whose
//! role is `admin` may read it (others get `403 forbidden`); nothing here changes anything.

use crate::subscriptions::{BillingFrequency, Product, SubscriptionStatus};
use crate::{Money, PersonId, SubscriptionId};
use serde::{Deserialize, Serialize};
use time::Date;

/// Someone named in the view (a purchaser, or who made a change).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PersonSummary {
    /// Directory id.
    pub id: PersonId,
    /// Name.
    pub display_name: String,
    /// E-mail.
    pub email: String,
}

/// `GET /api/v1/admin/self-service-purchases` query (and its `/export`): every filter optional; text filters keep
/// what contains every word (accents and case ignored).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PurchaseQuery {
    /// Text in the product's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// Text in the purchaser's name or e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchaser: Option<String>,
    /// Only this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SubscriptionStatus>,
    /// Page, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Page size, 1 to 200 (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
}

/// A subscription bought through self-service, as the administrator sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct SelfServicePurchase {
    /// Subscription id.
    pub id: SubscriptionId,
    /// Product.
    pub product: Product,
    /// Who bought it.
    pub purchaser: PersonSummary,
    /// Status.
    pub status: SubscriptionStatus,
    /// Licenses bought.
    pub total_licenses: u32,
    /// Licenses assigned to people.
    pub assigned_licenses: u32,
    /// Purchase day.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub purchased_on: Date,
    /// When it renews (`auto_renew`) or expires.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub renews_or_expires_on: Date,
    /// Whether it renews.
    pub auto_renew: bool,
    /// How often it is billed.
    pub billing_frequency: BillingFrequency,
    /// Price per license and billing period.
    pub unit_price: Money,
    /// What the purchaser pays per billing period: total licenses × unit price.
    pub purchase_price: Money,
}

/// What happened to a subscription.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HistoryKind {
    /// Bought.
    Purchased,
    /// Licenses added.
    LicensesAdded,
    /// Licenses removed.
    LicensesRemoved,
    /// Cancelled.
    Cancelled,
    /// Reactivated.
    Reactivated,
}

/// One entry of a subscription's order history: what, who, when, and what it cost (negative: credited).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct HistoryEntry {
    /// What happened.
    pub kind: HistoryKind,
    /// Who did it.
    pub by: PersonSummary,
    /// When.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub date: Date,
    /// Licenses before.
    pub from_total: u32,
    /// Licenses after.
    pub to_total: u32,
    /// Charged (positive) or credited (negative); for a purchase, the price of the first period.
    pub amount: Money,
    /// The cancellation reason code, for a cancellation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `GET /api/v1/admin/self-service-purchases/{id}`: the subscription and its history, oldest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PurchaseDetail {
    /// The subscription.
    pub purchase: SelfServicePurchase,
    /// Its order history, oldest first.
    pub history: Vec<HistoryEntry>,
}
