//! Invoices.

use crate::{BillingProfileId, InvoiceId, Money};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// `GET /api/v1/invoices?from=YYYY-MM-DD&to=YYYY-MM-DD`: both ends inclusive, in the organization's time zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct InvoiceQuery {
    /// First day.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub from: Date,
    /// Last day.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub to: Date,
}

/// An invoice in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Invoice {
    /// Invoice id.
    pub id: InvoiceId,
    /// Invoice number shown to people.
    pub number: String,
    /// Invoice date.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub date: Date,
    /// First day of the billed period.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub period_start: Date,
    /// Last day of the billed period.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub period_end: Date,
    /// The day payment is due (an unpaid invoice is overdue after it).
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub due_date: Date,
    /// Total including tax.
    pub amount: Money,
    /// Payment status.
    pub status: InvoiceStatus,
    /// The billing profile billed.
    pub billing_profile_id: BillingProfileId,
    /// That profile's name.
    pub billing_profile_name: String,
}

/// Payment status of an invoice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InvoiceStatus {
    /// Paid.
    Paid,
    /// Not yet paid, not yet due.
    Due,
    /// Not paid after the due date.
    Overdue,
}

/// `GET /api/v1/invoices/{id}`: an invoice with its lines. `subtotal + tax = invoice.amount` exactly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct InvoiceDetail {
    /// The invoice.
    pub invoice: Invoice,
    /// Who sells: the name, address and VAT number printed on the invoice.
    pub seller: InvoiceParty,
    /// Who is billed: the billing profile's bill-to name and address, and its VAT number if it has one.
    pub buyer: InvoiceParty,
    /// Its lines.
    pub lines: Vec<InvoiceLine>,
    /// Sum of the lines before tax.
    pub subtotal: Money,
    /// Sum of the lines' tax.
    pub tax: Money,
}

/// A seller or buyer as an invoice names them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct InvoiceParty {
    /// Company or person.
    pub name: String,
    /// Postal address.
    pub address: crate::billing::Address,
    /// VAT registration number, e.g. `SE556677889901`; omitted when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_number: Option<String>,
}

/// One line of an invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct InvoiceLine {
    /// Product name.
    pub product: String,
    /// Licenses billed.
    pub quantity: u32,
    /// Price per license.
    pub unit_price: Money,
    /// Tax rate, e.g. `0.25` for 25 %.
    #[cfg_attr(test, schemars(with = "crate::drift::DecimalText"))]
    pub tax_rate: Decimal,
    /// Tax on this line.
    pub tax: Money,
    /// Amount before tax (`quantity × unit_price`).
    pub amount: Money,
}
