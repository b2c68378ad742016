//! What a person may do with a subscription now, with the reason when not. The backend decides; the app explains.
//!
//! In order of precedence:
//! 1. Someone who did not buy the subscription (an administrator's read-only view) may do nothing: `not_purchaser`.
//! 2. Bought through another channel (partner, administrator, volume licensing): the purchaser may assign and
//!    unassign licenses, but buying, reducing, cancelling and reactivating happen in that channel: `not_purchaser`.
//! 3. Expired, disabled, cancelled, deleted: buy, reduce, assign and cancel are denied with the status as reason.
//!    Expired and disabled subscriptions can be reactivated, and a cancelled one while its access lasts (before
//!    its end date: that undoes the cancellation); otherwise `not_reactivatable`. Unassigning is allowed in every
//!    status but deleted (people can be freed from an ended subscription).
//! 4. Trial: buy, reduce and cancel are denied `trial`; assign is allowed while licenses are free.
//! 5. Payment pending: buy, reduce and cancel are denied `payment_pending`.
//! 6. Buy: `maximum_reached` when the total is the product's maximum. Assign: `no_licenses_available` when every
//!    license is assigned.
//! 7. Reduce: open for [`REDUCTION_WINDOW_DAYS`] days from the latest of purchase, last renewal and last addition
//!    (that day and the six after it); afterwards `reduction_window_closed` with `date` = the day it closed (the
//!    anchor day + 7). Within the window, `all_licenses_assigned` when nothing is free to remove.

use crate::auth::Viewer;
use crate::db::subscriptions::SubscriptionRecord;
use contract::rules::REDUCTION_WINDOW_DAYS;
use contract::subscriptions::{AllowedActions, DenialReason, Permission, PurchaseChannel, SubscriptionStatus};
use time::{Date, Duration};

/// The facts the decision depends on.
#[derive(Clone, Debug)]
pub struct Facts {
    /// Status.
    pub status: SubscriptionStatus,
    /// Channel.
    pub channel: PurchaseChannel,
    /// Payment in progress.
    pub payment_pending: bool,
    /// Licenses bought.
    pub total: u32,
    /// Licenses assigned.
    pub assigned: u32,
    /// The product's maximum.
    pub max: u32,
    /// Purchase day.
    pub purchased_on: Date,
    /// Last renewal.
    pub last_renewed_on: Option<Date>,
    /// Last addition of licenses.
    pub last_changed_on: Option<Date>,
    /// The next renewal, or the end (of a cancelled subscription's access, for one).
    pub renews_or_expires_on: Date,
    /// Whether the viewer bought it.
    pub viewer_is_purchaser: bool,
    /// Today.
    pub today: Date,
}

impl Facts {
    /// The facts of a stored subscription, for a viewer, today.
    pub fn of(record: &SubscriptionRecord, viewer: &Viewer, today: Date) -> Self {
        Self {
            status: record.status,
            channel: record.channel,
            payment_pending: record.payment_pending,
            total: record.total_licenses,
            assigned: record.assigned_licenses,
            max: record.max_licenses,
            purchased_on: record.purchased_on,
            last_renewed_on: record.last_renewed_on,
            last_changed_on: record.last_changed_on,
            renews_or_expires_on: record.renews_or_expires_on,
            viewer_is_purchaser: record.owner_id == viewer.person_id,
            today,
        }
    }
}

/// The day the reduction window closes (the first day licenses can no longer be removed).
pub fn reduction_window_closes_on(facts: &Facts) -> Date {
    let anchor = [Some(facts.purchased_on), facts.last_renewed_on, facts.last_changed_on]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(facts.purchased_on);
    anchor.saturating_add(Duration::days(REDUCTION_WINDOW_DAYS))
}

fn all(permission: Permission) -> AllowedActions {
    AllowedActions {
        buy: permission.clone(),
        reduce: permission.clone(),
        assign: permission.clone(),
        unassign: permission.clone(),
        cancel: permission.clone(),
        reactivate: permission,
    }
}

fn inactive_reason(status: SubscriptionStatus) -> Option<DenialReason> {
    match status {
        SubscriptionStatus::Trial | SubscriptionStatus::Active => None,
        SubscriptionStatus::Expired => Some(DenialReason::Expired),
        SubscriptionStatus::Disabled => Some(DenialReason::Disabled),
        SubscriptionStatus::Cancelled => Some(DenialReason::Cancelled),
        SubscriptionStatus::Deleted => Some(DenialReason::Deleted),
    }
}

fn assign(facts: &Facts) -> Permission {
    if facts.assigned >= facts.total {
        Permission::denied(DenialReason::NoLicensesAvailable)
    } else {
        Permission::Allowed
    }
}

fn reduce(facts: &Facts) -> Permission {
    let closes_on = reduction_window_closes_on(facts);
    if facts.today >= closes_on {
        Permission::Denied { reason: DenialReason::ReductionWindowClosed, date: Some(closes_on) }
    } else if facts.assigned >= facts.total {
        Permission::denied(DenialReason::AllLicensesAssigned)
    } else {
        Permission::Allowed
    }
}

/// Decides every action.
pub fn allowed_actions(facts: &Facts) -> AllowedActions {
    use Permission::Allowed;
    let denied = Permission::denied;
    if !facts.viewer_is_purchaser {
        return all(denied(DenialReason::NotPurchaser));
    }
    let reactivate = match facts.status {
        SubscriptionStatus::Expired | SubscriptionStatus::Disabled => Allowed,
        SubscriptionStatus::Cancelled if facts.today < facts.renews_or_expires_on => Allowed,
        _ => denied(DenialReason::NotReactivatable),
    };
    if let Some(reason) = inactive_reason(facts.status) {
        let reactivate =
            if facts.channel == PurchaseChannel::SelfService { reactivate } else { denied(DenialReason::NotPurchaser) };
        let unassign = if facts.status == SubscriptionStatus::Deleted { denied(reason) } else { Allowed };
        return AllowedActions { reactivate, unassign, ..all(denied(reason)) };
    }
    if facts.channel != PurchaseChannel::SelfService {
        return AllowedActions { assign: assign(facts), unassign: Allowed, ..all(denied(DenialReason::NotPurchaser)) };
    }
    if facts.status == SubscriptionStatus::Trial {
        return AllowedActions {
            assign: assign(facts),
            unassign: Allowed,
            reactivate,
            ..all(denied(DenialReason::Trial))
        };
    }
    if facts.payment_pending {
        return AllowedActions {
            assign: assign(facts),
            unassign: Allowed,
            reactivate,
            ..all(denied(DenialReason::PaymentPending))
        };
    }
    AllowedActions {
        buy: if facts.total >= facts.max { denied(DenialReason::MaximumReached) } else { Allowed },
        reduce: reduce(facts),
        assign: assign(facts),
        unassign: Allowed,
        cancel: Allowed,
        reactivate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn active() -> Facts {
        Facts {
            status: SubscriptionStatus::Active,
            channel: PurchaseChannel::SelfService,
            payment_pending: false,
            total: 10,
            assigned: 4,
            max: 300,
            purchased_on: date!(2026 - 11 - 20),
            last_renewed_on: None,
            last_changed_on: None,
            renews_or_expires_on: date!(2026 - 12 - 20),
            viewer_is_purchaser: true,
            today: date!(2026 - 11 - 23),
        }
    }

    #[test]
    fn a_cancelled_subscription_can_be_reactivated_while_its_access_lasts() {
        let cancelled = Facts { status: SubscriptionStatus::Cancelled, ..active() };
        assert_eq!(allowed_actions(&cancelled).reactivate, Permission::Allowed);
        assert_eq!(allowed_actions(&cancelled).cancel, Permission::denied(DenialReason::Cancelled));
        let last_day = Facts { today: date!(2026 - 12 - 19), ..cancelled.clone() };
        assert_eq!(allowed_actions(&last_day).reactivate, Permission::Allowed, "the day before the end");
        for today in [date!(2026 - 12 - 20), date!(2027 - 01 - 05)] {
            let ended = Facts { today, ..cancelled.clone() };
            assert_eq!(allowed_actions(&ended).reactivate, Permission::denied(DenialReason::NotReactivatable));
        }
        let partner = Facts { channel: PurchaseChannel::Partner, ..cancelled.clone() };
        assert_eq!(allowed_actions(&partner).reactivate, Permission::denied(DenialReason::NotPurchaser));
        assert_eq!(
            allowed_actions(&Facts { status: SubscriptionStatus::Deleted, ..active() }).reactivate,
            Permission::denied(DenialReason::NotReactivatable)
        );
    }

    #[test]
    fn window_is_seven_days_from_the_latest_anchor() {
        let mut facts = active();
        assert_eq!(allowed_actions(&facts).reduce, Permission::Allowed);
        facts.today = date!(2026 - 11 - 26);
        assert_eq!(allowed_actions(&facts).reduce, Permission::Allowed, "the sixth day after is still open");
        facts.today = date!(2026 - 11 - 27);
        assert_eq!(
            allowed_actions(&facts).reduce,
            Permission::Denied { reason: DenialReason::ReductionWindowClosed, date: Some(date!(2026 - 11 - 27)) }
        );
        facts.last_changed_on = Some(date!(2026 - 11 - 25));
        assert_eq!(allowed_actions(&facts).reduce, Permission::Allowed, "an addition opens it again");
    }

    #[test]
    fn other_channels_only_assign() {
        let facts = Facts { channel: PurchaseChannel::Partner, ..active() };
        let actions = allowed_actions(&facts);
        assert_eq!(actions.assign, Permission::Allowed);
        assert_eq!(actions.buy, Permission::denied(DenialReason::NotPurchaser));
        assert_eq!(actions.cancel, Permission::denied(DenialReason::NotPurchaser));
    }
}
