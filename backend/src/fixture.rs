//! The fixture: everything the backend serves, as one JSON document (schema in `backend/README.md`).
//!
//! [`Fixture::check`] validates references and invariants before anything is written to the database, so a broken
//! hand-edited fixture fails at start with a message naming the entry at fault.

use contract::billing::{Address, CardBrand, CardExpiry};
use contract::me::{Organization, Role};
use contract::subscriptions::{BillingFrequency, Product, PurchaseChannel, SubscriptionStatus};
use contract::{Currency, Money};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use time::Date;

/// The whole fixture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fixture {
    /// Pins the backend's clock to this day (deterministic tests); absent: the system date (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<Date>,
    /// The organization (tenant) every person belongs to.
    pub organization: Organization,
    /// The directory.
    pub people: Vec<FixturePerson>,
    /// People who can sign in, with their role and locale.
    pub users: Vec<FixtureUser>,
    /// Stored cards (masked) of the users.
    #[serde(default)]
    pub payment_methods: Vec<FixturePaymentMethod>,
    /// Billing profiles of the users.
    #[serde(default)]
    pub billing_profiles: Vec<FixtureBillingProfile>,
    /// Subscriptions.
    #[serde(default)]
    pub subscriptions: Vec<FixtureSubscription>,
    /// Licenses assigned to people (the only source of `assigned_licenses`).
    #[serde(default)]
    pub assignments: Vec<FixtureAssignment>,
    /// Invoices with their lines (amounts are derived from the lines).
    #[serde(default)]
    pub invoices: Vec<FixtureInvoice>,
}

/// Whether a person belongs to the organization or is a guest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonKind {
    /// A member: found by directory search, can get licenses.
    #[default]
    Member,
    /// A guest (external account): never found by directory search, never assignable.
    Guest,
}

impl PersonKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Guest => "guest",
        }
    }
}

/// A person of the directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixturePerson {
    /// Directory id.
    pub id: String,
    /// Full name.
    pub display_name: String,
    /// E-mail address (unique, case-insensitively).
    pub email: String,
    /// Department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Member (default) or guest.
    #[serde(default)]
    pub kind: PersonKind,
    /// ISO country code licensing needs; absent makes assignments fail with `no_usage_location`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage_location: Option<String>,
}

/// A person who can sign in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixtureUser {
    /// The person (from `people`).
    pub person_id: String,
    /// Purchaser or admin.
    pub role: Role,
    /// Preferred locale (BCP 47).
    pub locale: String,
}

/// A stored card: masked data and an opaque token, never the number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixturePaymentMethod {
    /// Method id.
    pub id: String,
    /// The user it belongs to.
    pub owner_id: String,
    /// Card brand.
    pub brand: CardBrand,
    /// Last four digits.
    pub last4: String,
    /// Expiry month.
    pub expiry: CardExpiry,
    /// Name on the card.
    pub name_on_card: String,
    /// Billing address of the card.
    pub address: Address,
    /// The payment processor's token (never sent to clients).
    pub token: String,
}

/// A billing profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixtureBillingProfile {
    /// Profile id.
    pub id: String,
    /// The user it belongs to.
    pub owner_id: String,
    /// Name to show.
    pub name: String,
    /// Company or person billed.
    pub bill_to_name: String,
    /// Bill-to address (its country decides the invoices' tax rate: SE 25 %, DE 19 %, else 0).
    pub bill_to: Address,
    /// Where invoices are e-mailed.
    pub invoice_email: String,
    /// The currency of everything billed to this profile.
    pub currency: Currency,
    /// The payment method (one of the owner's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_method_id: Option<String>,
    /// The billed company's VAT registration number, printed on its invoices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_number: Option<String>,
}

/// A subscription.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixtureSubscription {
    /// Subscription id.
    pub id: String,
    /// The user who bought it (admins see every self-service subscription read-only).
    pub owner_id: String,
    /// The product.
    pub product: Product,
    /// How it was bought.
    pub channel: PurchaseChannel,
    /// Where it stands.
    pub status: SubscriptionStatus,
    /// Monthly or yearly.
    pub billing_frequency: BillingFrequency,
    /// Purchase day.
    pub purchased_on: Date,
    /// Next renewal, or the end.
    pub renews_or_expires_on: Date,
    /// Whether it renews.
    pub auto_renew: bool,
    /// Licenses bought.
    pub total_licenses: u32,
    /// The product's maximum.
    pub max_licenses: u32,
    /// Price of one license per billing period (currency = the profile's).
    pub unit_price: Money,
    /// The profile that pays (one of the owner's).
    pub billing_profile_id: String,
    /// A payment is being processed.
    #[serde(default)]
    pub payment_pending: bool,
    /// The last renewal, if any (opens the reduction window again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_renewed_on: Option<Date>,
    /// The last time licenses were added, if any (opens the reduction window again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_changed_on: Option<Date>,
    /// Starting version (the etag); default 1.
    #[serde(default = "one")]
    pub version: u32,
}

fn one() -> u32 {
    1
}

/// A license of a subscription assigned to a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixtureAssignment {
    /// The subscription.
    pub subscription_id: String,
    /// The person (a member).
    pub person_id: String,
    /// When it was assigned.
    pub assigned_on: Date,
}

/// Payment status of an invoice, as stored.
pub use contract::invoices::InvoiceStatus;

/// An invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixtureInvoice {
    /// Invoice id.
    pub id: String,
    /// Number shown to people.
    pub number: String,
    /// The profile billed (its currency and owner apply).
    pub billing_profile_id: String,
    /// Invoice date.
    pub date: Date,
    /// First day billed.
    pub period_start: Date,
    /// Last day billed.
    pub period_end: Date,
    /// The day payment is due; 30 days after the invoice date when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<Date>,
    /// Paid, due or overdue.
    pub status: InvoiceStatus,
    /// The lines (at least one).
    pub lines: Vec<FixtureInvoiceLine>,
}

impl FixtureInvoice {
    /// Days from an invoice's date to its due date when the fixture does not say.
    pub const PAYMENT_TERMS_DAYS: i64 = 30;

    /// The day payment is due.
    pub fn due(&self) -> Date {
        self.due_date.unwrap_or(self.date.saturating_add(time::Duration::days(Self::PAYMENT_TERMS_DAYS)))
    }
}

/// One invoice line; amount and tax are derived (`quantity × unit_price`, tax rounded per line to cents).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixtureInvoiceLine {
    /// Product name.
    pub product: String,
    /// Licenses billed.
    pub quantity: u32,
    /// Price per license, in the profile's currency.
    pub unit_price: Decimal,
    /// Tax rate, e.g. `0.25`.
    pub tax_rate: Decimal,
}

/// A fixture that cannot be used, with the reason.
#[derive(Debug, PartialEq, Eq)]
pub struct FixtureError(pub String);

impl std::fmt::Display for FixtureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FixtureError {}

fn fail<T>(message: String) -> Result<T, FixtureError> {
    Err(FixtureError(message))
}

impl Fixture {
    /// Reads and checks a fixture file.
    pub fn from_file(path: &Path) -> Result<Self, FixtureError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| FixtureError(format!("cannot read fixture {}: {e}", path.display())))?;
        Self::from_json(&text).map_err(|e| FixtureError(format!("{}: {e}", path.display())))
    }

    /// Parses and checks a fixture document.
    pub fn from_json(text: &str) -> Result<Self, FixtureError> {
        let fixture: Self = serde_json::from_str(text).map_err(|e| FixtureError(format!("invalid fixture: {e}")))?;
        fixture.check()?;
        Ok(fixture)
    }

    /// The fixture as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Checks references and invariants: unique ids and e-mails, owners are users, profiles and methods belong to the
    /// same owner, currencies match the profile, only members are assigned, never more than the total.
    pub fn check(&self) -> Result<(), FixtureError> {
        let mut people: HashMap<&str, &FixturePerson> = HashMap::new();
        let mut emails = HashSet::new();
        for person in &self.people {
            if people.insert(person.id.as_str(), person).is_some() {
                return fail(format!("person {}: duplicate id", person.id));
            }
            if !contract::rules::plausible_email(&person.email) {
                return fail(format!("person {}: implausible e-mail {:?}", person.id, person.email));
            }
            if !emails.insert(person.email.to_lowercase()) {
                return fail(format!("person {}: duplicate e-mail {}", person.id, person.email));
            }
        }
        let mut users = HashSet::new();
        for user in &self.users {
            match people.get(user.person_id.as_str()) {
                None => return fail(format!("user {}: no such person", user.person_id)),
                Some(p) if p.kind == PersonKind::Guest => return fail(format!("user {}: a guest", user.person_id)),
                Some(_) => {}
            }
            if !users.insert(user.person_id.as_str()) {
                return fail(format!("user {}: listed twice", user.person_id));
            }
        }
        let owner = |what: &str, id: &str, owner_id: &str| {
            if users.contains(owner_id) {
                Ok(())
            } else {
                fail(format!("{what} {id}: owner {owner_id} is not a user"))
            }
        };
        let mut methods = HashMap::new();
        for method in &self.payment_methods {
            owner("payment method", &method.id, &method.owner_id)?;
            if method.last4.len() != 4 || !method.last4.bytes().all(|b| b.is_ascii_digit()) {
                return fail(format!("payment method {}: last4 must be four digits", method.id));
            }
            if !(1..=12).contains(&method.expiry.month) {
                return fail(format!("payment method {}: expiry month out of range", method.id));
            }
            if methods.insert(method.id.as_str(), method.owner_id.as_str()).is_some() {
                return fail(format!("payment method {}: duplicate id", method.id));
            }
        }
        let mut profiles = HashMap::new();
        for profile in &self.billing_profiles {
            owner("billing profile", &profile.id, &profile.owner_id)?;
            if let Some(method) = &profile.payment_method_id {
                if methods.get(method.as_str()) != Some(&profile.owner_id.as_str()) {
                    return fail(format!("billing profile {}: payment method {method} is not its owner's", profile.id));
                }
            }
            if profiles.insert(profile.id.as_str(), profile).is_some() {
                return fail(format!("billing profile {}: duplicate id", profile.id));
            }
        }
        let mut totals = HashMap::new();
        for sub in &self.subscriptions {
            owner("subscription", &sub.id, &sub.owner_id)?;
            let Some(profile) = profiles.get(sub.billing_profile_id.as_str()) else {
                return fail(format!("subscription {}: no billing profile {}", sub.id, sub.billing_profile_id));
            };
            if profile.owner_id != sub.owner_id {
                return fail(format!("subscription {}: billing profile {} is not its owner's", sub.id, profile.id));
            }
            if profile.currency != sub.unit_price.currency {
                return fail(format!("subscription {}: price currency differs from the profile's", sub.id));
            }
            if sub.total_licenses > sub.max_licenses {
                return fail(format!("subscription {}: total above max_licenses", sub.id));
            }
            if totals.insert(sub.id.as_str(), (sub.total_licenses, 0u32)).is_some() {
                return fail(format!("subscription {}: duplicate id", sub.id));
            }
        }
        let mut assigned = HashSet::new();
        for a in &self.assignments {
            let Some((total, count)) = totals.get_mut(a.subscription_id.as_str()) else {
                return fail(format!("assignment of {}: no subscription {}", a.person_id, a.subscription_id));
            };
            match people.get(a.person_id.as_str()) {
                Some(p) if p.kind == PersonKind::Member => {}
                _ => return fail(format!("assignment on {}: {} is not a member", a.subscription_id, a.person_id)),
            }
            if !assigned.insert((a.subscription_id.as_str(), a.person_id.as_str())) {
                return fail(format!("assignment on {}: {} listed twice", a.subscription_id, a.person_id));
            }
            *count += 1;
            if *count > *total {
                return fail(format!("subscription {}: more assignments than licenses", a.subscription_id));
            }
        }
        let mut invoices = HashSet::new();
        for invoice in &self.invoices {
            if !profiles.contains_key(invoice.billing_profile_id.as_str()) {
                return fail(format!("invoice {}: no billing profile {}", invoice.id, invoice.billing_profile_id));
            }
            if invoice.lines.is_empty() {
                return fail(format!("invoice {}: has no lines", invoice.id));
            }
            if invoice.period_start > invoice.period_end {
                return fail(format!("invoice {}: period starts after it ends", invoice.id));
            }
            if !invoices.insert(invoice.id.as_str()) {
                return fail(format!("invoice {}: duplicate id", invoice.id));
            }
        }
        Ok(())
    }
}
