//! Subscriptions: what the person bought, and what they may do with each.

use crate::wire::wire_names;
use crate::{text, BillingProfileId, Money, ProductId, SubscriptionId};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use time::Date;

/// One subscription, as the list and the product page show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Subscription {
    /// Subscription id.
    pub id: SubscriptionId,
    /// The product bought.
    pub product: Product,
    /// How it was bought.
    pub channel: PurchaseChannel,
    /// Where it stands.
    pub status: SubscriptionStatus,
    /// How often it is billed.
    pub billing_frequency: BillingFrequency,
    /// When it was bought.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub purchased_on: Date,
    /// The next renewal, or the expiry date when it does not renew.
    #[serde(with = "crate::date::iso")]
    #[cfg_attr(test, schemars(with = "crate::drift::IsoDate"))]
    pub renews_or_expires_on: Date,
    /// Whether [`Self::renews_or_expires_on`] is a renewal (`true`) or the end (`false`).
    pub auto_renew: bool,
    /// Licenses bought.
    pub total_licenses: u32,
    /// Licenses assigned to people.
    pub assigned_licenses: u32,
    /// The most licenses this product can have on one subscription.
    pub max_licenses: u32,
    /// Price of one license for one billing period.
    pub unit_price: Money,
    /// The billing profile that pays for it.
    pub billing_profile_id: BillingProfileId,
    /// Name of that billing profile.
    pub billing_profile_name: String,
    /// Whether a payment is still being processed (no changes meanwhile).
    pub payment_pending: bool,
    /// Version of this subscription; send it as `If-Match` with changes.
    pub etag: String,
    /// What the person may do with it now, with the reason when not.
    pub allowed_actions: AllowedActions,
}

impl Subscription {
    /// Licenses not yet assigned.
    pub fn available_licenses(&self) -> u32 {
        self.total_licenses.saturating_sub(self.assigned_licenses)
    }
}

/// A product of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Product {
    /// Catalogue id.
    pub id: ProductId,
    /// Product name (proper noun, not translated).
    pub name: String,
}

/// How a subscription was bought.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PurchaseChannel {
    /// Bought by the person with their own card.
    SelfService,
    /// Bought by an administrator for the organization.
    Admin,
    /// Bought through a partner.
    Partner,
    /// Part of a volume licensing agreement.
    VolumeLicensing,
}

impl PurchaseChannel {
    /// Every channel, in display order.
    pub const ALL: [Self; 4] = [Self::SelfService, Self::Admin, Self::Partner, Self::VolumeLicensing];

    /// The wire name, e.g. `self_service`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SelfService => "self_service",
            Self::Admin => "admin",
            Self::Partner => "partner",
            Self::VolumeLicensing => "volume_licensing",
        }
    }

    /// Parses the wire name.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == value)
    }
}

/// Where a subscription stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SubscriptionStatus {
    /// A free trial.
    Trial,
    /// Paid and in use.
    Active,
    /// Past its end date, in the grace period.
    Expired,
    /// Disabled after the grace period; data kept for a while.
    Disabled,
    /// Cancelled by the purchaser.
    Cancelled,
    /// Gone; data deleted.
    Deleted,
}

impl SubscriptionStatus {
    /// Every status, in display order.
    pub const ALL: [Self; 6] =
        [Self::Trial, Self::Active, Self::Expired, Self::Disabled, Self::Cancelled, Self::Deleted];

    /// The wire name, e.g. `active`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Trial => "trial",
            Self::Active => "active",
            Self::Expired => "expired",
            Self::Disabled => "disabled",
            Self::Cancelled => "cancelled",
            Self::Deleted => "deleted",
        }
    }

    /// Parses the wire name.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// How often a subscription is billed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BillingFrequency {
    /// Every month.
    Monthly,
    /// Every year.
    Yearly,
}

/// What the person may do with a subscription now. The backend decides; the app explains.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct AllowedActions {
    /// Buy more licenses (raise the total).
    pub buy: Permission,
    /// Remove licenses (lower the total).
    pub reduce: Permission,
    /// Assign licenses to people.
    pub assign: Permission,
    /// Remove people's licenses (unassign). Added after the first release: absent (from an older backend) reads
    /// as allowed, and the backend still decides when asked.
    #[serde(default = "Permission::allowed")]
    pub unassign: Permission,
    /// Cancel the subscription.
    pub cancel: Permission,
    /// Reactivate an expired or disabled subscription.
    pub reactivate: Permission,
}

/// Whether one action is allowed, and why not. On the wire: `{"state": "allowed"}` or
/// `{"state": "denied", "reason": …, "date": …}`; read through a plain struct, because serde's
/// internally tagged enums buffer every value first, which costs the app's first download about 3 KB (brotli).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(tag = "state", rename_all = "snake_case", try_from = "PermissionWire")]
pub enum Permission {
    /// The action is allowed.
    Allowed,
    /// The action is not allowed, for this reason.
    Denied {
        /// Why not.
        reason: DenialReason,
        /// A date the reason refers to (when a window closed, or when the action becomes possible).
        #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::date::iso_option")]
        #[cfg_attr(test, schemars(with = "Option<crate::drift::IsoDate>"))]
        date: Option<Date>,
    },
}

/// A [`Permission`] as it is read: its state, and the reason and date of a denial.
#[derive(Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
struct PermissionWire {
    state: PermissionState,
    #[serde(default)]
    reason: Option<DenialReason>,
    #[serde(default, with = "crate::date::iso_option")]
    #[cfg_attr(test, schemars(with = "Option<crate::drift::IsoDate>"))]
    date: Option<Date>,
}

/// The `state` of a [`Permission`].
#[derive(Clone, Copy)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(rename_all = "snake_case"))]
enum PermissionState {
    Allowed,
    Denied,
}

impl TryFrom<PermissionWire> for Permission {
    type Error = &'static str;

    fn try_from(wire: PermissionWire) -> Result<Self, Self::Error> {
        match (wire.state, wire.reason) {
            (PermissionState::Allowed, _) => Ok(Self::Allowed),
            (PermissionState::Denied, Some(reason)) => Ok(Self::Denied { reason, date: wire.date }),
            (PermissionState::Denied, None) => Err("a denied permission needs its reason"),
        }
    }
}

impl Permission {
    /// Allowed (the default of permissions added to the contract later).
    pub fn allowed() -> Self {
        Self::Allowed
    }

    /// A denial without a date.
    pub fn denied(reason: DenialReason) -> Self {
        Self::Denied { reason, date: None }
    }

    /// Whether the action is allowed.
    pub fn is_allowed(&self) -> bool {
        matches!(self, Self::Allowed)
    }
}

/// Why an action is not allowed. Stable codes; the app translates them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DenialReason {
    /// Trials cannot be changed; buy the product instead.
    Trial,
    /// The subscription has expired.
    Expired,
    /// The subscription is disabled.
    Disabled,
    /// The subscription was cancelled.
    Cancelled,
    /// The subscription was deleted.
    Deleted,
    /// A payment is still being processed.
    PaymentPending,
    /// Licenses can be removed only within 7 days of purchase, renewal or the last addition; `date` is when that
    /// window closed.
    ReductionWindowClosed,
    /// Every license is assigned; remove people first.
    AllLicensesAssigned,
    /// No license is free to assign; buy more first.
    NoLicensesAvailable,
    /// The product's maximum number of licenses is reached.
    MaximumReached,
    /// Only expired or disabled subscriptions, and cancelled ones whose access has not ended, can be reactivated.
    NotReactivatable,
    /// The signed-in person did not buy this subscription (an administrator's read-only view).
    NotPurchaser,
}

wire_names!(DenialReason {
    Trial => "trial",
    Expired => "expired",
    Disabled => "disabled",
    Cancelled => "cancelled",
    Deleted => "deleted",
    PaymentPending => "payment_pending",
    ReductionWindowClosed => "reduction_window_closed",
    AllLicensesAssigned => "all_licenses_assigned",
    NoLicensesAvailable => "no_licenses_available",
    MaximumReached => "maximum_reached",
    NotReactivatable => "not_reactivatable",
    NotPurchaser => "not_purchaser",
});

/// `GET /api/v1/subscriptions` query: filters, sort and page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct SubscriptionQuery {
    /// Only this purchase channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<PurchaseChannel>,
    /// Only this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<SubscriptionStatus>,
    /// Text to find in the product name (case and accent insensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// Sort column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<SortKey>,
    /// Sort direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<SortOrder>,
    /// 1-based page number (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Page size (default and maximum: [`SubscriptionQuery::MAX_PAGE_SIZE`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
}

impl SubscriptionQuery {
    /// The largest page the backend returns.
    pub const MAX_PAGE_SIZE: u32 = 5000;

    /// Whether a subscription passes the filters. The backend and the app's instant filtering both use this.
    pub fn matches(&self, subscription: &Subscription) -> bool {
        self.channel.is_none_or(|c| subscription.channel == c)
            && self.status.is_none_or(|s| subscription.status == s)
            && self.q.as_deref().is_none_or(|q| text::contains_folded(&subscription.product.name, q))
    }

    /// Orders two subscriptions by the chosen column and direction (product name ascending by default).
    pub fn compare(&self, a: &Subscription, b: &Subscription) -> Ordering {
        self.compare_named((a, text::fold(&a.product.name).as_str()), (b, text::fold(&b.product.name).as_str()))
    }

    /// [`Self::compare`] with each product name already folded.
    fn compare_named<K: Ord + ?Sized>(
        &self,
        (a, a_name): (&Subscription, &K),
        (b, b_name): (&Subscription, &K),
    ) -> Ordering {
        let by_name = || a_name.cmp(b_name);
        let ordering = match self.sort.unwrap_or_default() {
            SortKey::Product => by_name(),
            SortKey::Status => a.status.cmp(&b.status).then_with(by_name),
            SortKey::Licenses => a.total_licenses.cmp(&b.total_licenses).then_with(by_name),
            SortKey::RenewsOn => a.renews_or_expires_on.cmp(&b.renews_or_expires_on).then_with(by_name),
            SortKey::Price => a.unit_price.amount.cmp(&b.unit_price.amount).then_with(by_name),
        };
        match self.order.unwrap_or_default() {
            SortOrder::Asc => ordering,
            SortOrder::Desc => ordering.reverse(),
        }
    }

    /// Filters and sorts a complete list.
    pub fn apply(&self, all: &[Subscription]) -> Vec<Subscription> {
        self.positions(all).into_iter().map(|i| all[i].clone()).collect()
    }

    /// Where in `all` the subscriptions that pass are, in their sorted order: what [`Self::apply`] returns, without
    /// copying any subscription, and folding each name once instead of once per comparison.
    pub fn positions(&self, all: &[Subscription]) -> Vec<usize> {
        let names = folded_names(all);
        self.searched(&self.ordered(all, &names), &names)
    }

    /// Where in `all` the subscriptions that pass the channel and status filters are, in their sorted order, the
    /// text not considered: what stays the same while someone types. `names` order the names: `all`'s
    /// [`folded_names`]. Generic only for the budget: with `&[String]` here the app's initial load measured 204 bytes
    /// larger (a layout effect, see the README's performance section).
    pub fn ordered<K: Ord>(&self, all: &[Subscription], names: &[K]) -> Vec<usize> {
        let mut ordered: Vec<usize> = (0..all.len())
            .filter(|&i| {
                self.channel.is_none_or(|c| all[i].channel == c) && self.status.is_none_or(|st| all[i].status == st)
            })
            .collect();
        ordered.sort_by(|&a, &b| self.compare_named((&all[a], &names[a]), (&all[b], &names[b])));
        ordered
    }

    /// Of the positions [`Self::ordered`] gave, those whose product name contains the text (trimmed, case and
    /// accents ignored), in the same order. `names` are the list's [`folded_names`].
    pub fn searched(&self, ordered: &[usize], names: &[String]) -> Vec<usize> {
        match self.q.as_deref().map(|q| text::fold(q.trim())).filter(|needle| !needle.is_empty()) {
            Some(needle) => ordered.iter().copied().filter(|&i| names[i].contains(&needle)).collect(),
            None => ordered.to_vec(),
        }
    }
}

/// Each subscription's product name as the text search and the sort by name compare it ([`text::fold`]).
pub fn folded_names(all: &[Subscription]) -> Vec<String> {
    all.iter().map(|s| text::fold(&s.product.name)).collect()
}

/// Columns the subscription list sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// Product name.
    #[default]
    Product,
    /// Status.
    Status,
    /// Total licenses.
    Licenses,
    /// Renewal or expiry date.
    RenewsOn,
    /// Price per license.
    Price,
}

impl SortKey {
    /// Every key.
    pub const ALL: [Self; 5] = [Self::Product, Self::Status, Self::Licenses, Self::RenewsOn, Self::Price];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Product => "product",
            Self::Status => "status",
            Self::Licenses => "licenses",
            Self::RenewsOn => "renews_on",
            Self::Price => "price",
        }
    }

    /// Parses the wire name.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// Sort direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// Smallest first.
    #[default]
    Asc,
    /// Largest first.
    Desc,
}

impl SortOrder {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asc => "asc",
            Self::Desc => "desc",
        }
    }

    /// Parses the wire name.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "asc" => Some(Self::Asc),
            "desc" => Some(Self::Desc),
            _ => None,
        }
    }

    /// The other direction.
    pub fn flipped(self) -> Self {
        match self {
            Self::Asc => Self::Desc,
            Self::Desc => Self::Asc,
        }
    }
}

wire_names!(PurchaseChannel: PurchaseChannel::ALL, PurchaseChannel::as_str);
wire_names!(SubscriptionStatus: SubscriptionStatus::ALL, SubscriptionStatus::as_str);
wire_names!(BillingFrequency { Monthly => "monthly", Yearly => "yearly" });
wire_names!(PermissionState { Allowed => "allowed", Denied => "denied" });
