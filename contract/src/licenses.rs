//! License quantity, assignments and cancellation of a subscription.

use crate::{directory::Person, Money, PersonId};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use time::Date;

/// `POST /api/v1/subscriptions/{id}/quantity-quote` and `PUT /api/v1/subscriptions/{id}/quantity` body: the new
/// **total** number of licenses (100 → 105 adds five).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct QuantityChange {
    /// The new total.
    pub total: u32,
}

/// The price impact of a proposed total, before anything is saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct QuantityQuote {
    /// Licenses now.
    pub current_total: u32,
    /// The proposed total.
    pub proposed_total: u32,
    /// Charged (positive) or credited (negative) now, prorated to the end of the billing period.
    pub prorated_amount: Money,
    /// The recurring charge per billing period after the change.
    pub new_recurring_amount: Money,
    /// The next billing date the recurring amount applies from.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub next_billing_date: Date,
    /// The VAT rate the billing profile's invoices add to the amounts above, which exclude it: `0.25` for 25 %
    /// (the rate of its invoices' lines).
    #[cfg_attr(test, schemars(with = "crate::drift::DecimalText"))]
    pub tax_rate: Decimal,
}

/// `POST /api/v1/subscriptions/{id}/assignments` body: up to [`AssignRequest::MAX_PEOPLE`] people at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct AssignRequest {
    /// The people to give a license.
    pub person_ids: Vec<PersonId>,
}

impl AssignRequest {
    /// The most people one request may assign.
    pub const MAX_PEOPLE: usize = 20;
}

/// The answer to an assignment request: one result per person asked for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct AssignResponse {
    /// One entry per person in the request, in the same order.
    pub results: Vec<AssignResult>,
    /// Assigned licenses on the subscription afterwards.
    pub assigned_licenses: u32,
    /// The subscription's new etag.
    pub etag: String,
}

/// What happened for one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct AssignResult {
    /// Who.
    pub person_id: PersonId,
    /// What happened.
    pub outcome: AssignOutcome,
}

/// The outcome of assigning one person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssignOutcome {
    /// The person now has a license.
    Assigned,
    /// The person already had one (nothing changed).
    AlreadyAssigned,
    /// No such person in the organization (guests and external addresses included).
    NotInOrganization,
    /// The person has no usage location set, which licensing needs.
    NoUsageLocation,
    /// No license was left for this person.
    NoLicenseAvailable,
}

/// `POST /api/v1/subscriptions/{id}/assignments/remove` body: up to [`UnassignRequest::MAX_PEOPLE`] people.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct UnassignRequest {
    /// The people whose license is removed.
    pub person_ids: Vec<PersonId>,
}

impl UnassignRequest {
    /// The most people one request may unassign (the largest page of assignments).
    pub const MAX_PEOPLE: usize = 200;
}

/// Checks how many people one request names: none is `required`, more than `max` is `too_many`.
pub fn check_people_count(count: usize, max: usize) -> Result<(), crate::problem::FieldErrorCode> {
    use crate::problem::FieldErrorCode;
    match count {
        0 => Err(FieldErrorCode::Required),
        n if n > max => Err(FieldErrorCode::TooMany),
        _ => Ok(()),
    }
}

/// One person with a license on a subscription.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Assignment {
    /// The person.
    pub person: Person,
    /// When the license was assigned.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub assigned_on: Date,
}

/// A reason to cancel, from `GET /api/v1/cancellation-reasons`. The app translates by `code`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct CancellationReason {
    /// Stable code, e.g. `too_expensive`.
    pub code: String,
}

/// `GET /api/v1/subscriptions/{id}/cancellation`: what cancelling now would mean.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct CancellationTerms {
    /// Refunded if cancelled now (within the refund window), otherwise absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund: Option<Money>,
    /// When access ends if cancelled now: today when refunded, otherwise the end of the paid period.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub access_ends_on: Date,
    /// People who lose their license.
    pub assigned_people: u32,
    /// Until when the data is kept after access ends.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub data_retained_until: Date,
}

/// `POST /api/v1/subscriptions/{id}/cancel` body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct CancelRequest {
    /// A code from the reasons list (required).
    pub reason: String,
    /// Optional free text, at most [`CancelRequest::MAX_FEEDBACK_CHARS`] characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<String>,
}

impl CancelRequest {
    /// The longest feedback accepted, in characters.
    pub const MAX_FEEDBACK_CHARS: usize = 1000;
}
