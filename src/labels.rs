//! Translated names of the contract's enums. Each returns a `String` and tracks the locale when called reactively.

use crate::format;
use crate::i18n::*;
use contract::billing::{CardBrand, CardExpiry};
use contract::problem::FieldErrorCode;
use contract::subscriptions::{
    BillingFrequency, DenialReason, Permission, PurchaseChannel, Subscription, SubscriptionStatus,
};
use time::Date;

/// The i18n context type of this app.
pub type I18n = leptos_i18n::I18nContext<Locale>;

/// Who manages a subscription the person did not buy themselves ("Managed by a partner"), or `None` for their
/// own: the backend then denies buying, removing, cancelling and reactivating as `not_purchaser`.
pub fn managed_by(i18n: I18n, subscription: &Subscription) -> Option<String> {
    let not_theirs =
        matches!(subscription.allowed_actions.buy, Permission::Denied { reason: DenialReason::NotPurchaser, .. });
    not_theirs.then(|| match subscription.channel {
        PurchaseChannel::SelfService => t_string!(i18n, managed.other_purchaser).to_string(),
        PurchaseChannel::Admin => t_string!(i18n, managed.admin).to_string(),
        PurchaseChannel::Partner => t_string!(i18n, managed.partner).to_string(),
        PurchaseChannel::VolumeLicensing => t_string!(i18n, managed.volume_licensing).to_string(),
    })
}

/// Whether `permission` is denied because the person did not buy the subscription (said once, by [`managed_by`]).
pub fn denied_as_not_theirs(permission: &Permission) -> bool {
    matches!(permission, Permission::Denied { reason: DenialReason::NotPurchaser, .. })
}

/// "Self-service", "Admin" …
pub fn channel(i18n: I18n, channel: PurchaseChannel) -> String {
    match channel {
        PurchaseChannel::SelfService => t_string!(i18n, channels.self_service).to_string(),
        PurchaseChannel::Admin => t_string!(i18n, channels.admin).to_string(),
        PurchaseChannel::Partner => t_string!(i18n, channels.partner).to_string(),
        PurchaseChannel::VolumeLicensing => t_string!(i18n, channels.volume_licensing).to_string(),
    }
}

/// "Active", "Trial" …
pub fn status(i18n: I18n, status: SubscriptionStatus) -> String {
    match status {
        SubscriptionStatus::Trial => t_string!(i18n, statuses.trial).to_string(),
        SubscriptionStatus::Active => t_string!(i18n, statuses.active).to_string(),
        SubscriptionStatus::Expired => t_string!(i18n, statuses.expired).to_string(),
        SubscriptionStatus::Disabled => t_string!(i18n, statuses.disabled).to_string(),
        SubscriptionStatus::Cancelled => t_string!(i18n, statuses.cancelled).to_string(),
        SubscriptionStatus::Deleted => t_string!(i18n, statuses.deleted).to_string(),
    }
}

/// "Monthly", "Yearly".
pub fn frequency(i18n: I18n, frequency: BillingFrequency) -> String {
    match frequency {
        BillingFrequency::Monthly => t_string!(i18n, frequencies.monthly).to_string(),
        BillingFrequency::Yearly => t_string!(i18n, frequencies.yearly).to_string(),
    }
}

/// Why an action is not allowed; `date` is already formatted for the locale.
pub fn denial(i18n: I18n, reason: DenialReason, date: Option<String>) -> String {
    match (reason, date) {
        (DenialReason::ReductionWindowClosed, Some(date)) => {
            t_string!(i18n, denials.reduction_window_closed_on, date).to_string()
        }
        (DenialReason::ReductionWindowClosed, None) => t_string!(i18n, denials.reduction_window_closed).to_string(),
        (DenialReason::Trial, _) => t_string!(i18n, denials.trial).to_string(),
        (DenialReason::Expired, _) => t_string!(i18n, denials.expired).to_string(),
        (DenialReason::Disabled, _) => t_string!(i18n, denials.disabled).to_string(),
        (DenialReason::Cancelled, _) => t_string!(i18n, denials.cancelled).to_string(),
        (DenialReason::Deleted, _) => t_string!(i18n, denials.deleted).to_string(),
        (DenialReason::PaymentPending, _) => t_string!(i18n, denials.payment_pending).to_string(),
        (DenialReason::AllLicensesAssigned, _) => t_string!(i18n, denials.all_licenses_assigned).to_string(),
        (DenialReason::NoLicensesAvailable, _) => t_string!(i18n, denials.no_licenses_available).to_string(),
        (DenialReason::MaximumReached, _) => t_string!(i18n, denials.maximum_reached).to_string(),
        (DenialReason::NotReactivatable, _) => t_string!(i18n, denials.not_reactivatable).to_string(),
        (DenialReason::NotPurchaser, _) => t_string!(i18n, denials.not_purchaser).to_string(),
    }
}

/// The locale's code for `Intl` formatting.
pub fn locale_code(i18n: I18n) -> &'static str {
    i18n.get_locale().as_str()
}

/// When a subscription renews or ends, as seen today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renewal {
    /// It renews on its date.
    Renews,
    /// It ends on its date, still ahead.
    Expires,
    /// It ended on its date, already past.
    Expired,
}

impl Renewal {
    /// The case of a subscription today.
    pub fn of(subscription: &Subscription) -> Self {
        Self::on(subscription.renews_or_expires_on, subscription.auto_renew)
    }

    /// The case of a subscription ending or renewing on `date` today.
    pub fn on(date: Date, auto_renew: bool) -> Self {
        if auto_renew {
            Self::Renews
        } else if format::today().is_some_and(|today| date < today) {
            Self::Expired
        } else {
            Self::Expires
        }
    }
}

/// "Renews 15 Dec 2026", "Expires …" or "Expired …".
pub fn renewal_text(i18n: I18n, subscription: &Subscription) -> String {
    renewal_on(i18n, subscription.renews_or_expires_on, subscription.auto_renew)
}

/// "Renews 15 Dec 2026", "Expires …" or "Expired …" for a subscription ending or renewing on `date`.
pub fn renewal_on(i18n: I18n, date: Date, auto_renew: bool) -> String {
    let text = format::date(locale_code(i18n), date);
    match Renewal::on(date, auto_renew) {
        Renewal::Renews => t_string!(i18n, products.renews_on, date = text).to_string(),
        Renewal::Expires => t_string!(i18n, products.expires_on, date = text).to_string(),
        Renewal::Expired => t_string!(i18n, products.expired_on, date = text).to_string(),
    }
}

/// "69,00 kr per month".
pub fn price_text(i18n: I18n, subscription: &Subscription) -> String {
    per_period(i18n, &format::money(locale_code(i18n), &subscription.unit_price), subscription.billing_frequency)
}

/// "`price` per month" or "… per year".
pub fn per_period(i18n: I18n, price: &str, frequency: BillingFrequency) -> String {
    match frequency {
        BillingFrequency::Monthly => t_string!(i18n, products.per_month, price).to_string(),
        BillingFrequency::Yearly => t_string!(i18n, products.per_year, price).to_string(),
    }
}

/// A cancellation reason by its code; a code this app does not know (from another backend) is shown as it is.
pub fn cancellation_reason(i18n: I18n, code: &str) -> String {
    match code {
        "too_expensive" => t_string!(i18n, cancel_reasons.too_expensive).to_string(),
        "not_using" => t_string!(i18n, cancel_reasons.not_using).to_string(),
        "missing_features" => t_string!(i18n, cancel_reasons.missing_features).to_string(),
        "switching_product" => t_string!(i18n, cancel_reasons.switching_product).to_string(),
        "temporary_need" => t_string!(i18n, cancel_reasons.temporary_need).to_string(),
        "other" => t_string!(i18n, cancel_reasons.other).to_string(),
        unknown => unknown.replace('_', " "),
    }
}

/// "Visa ending in 4242": a card as people recognise it, never more than its last four digits.
pub fn card(i18n: I18n, brand: CardBrand, last4: &str) -> String {
    t_string!(i18n, cards.ending_in, brand = brand_name(brand), last4).to_string()
}

/// The brand's own name (not translated).
pub fn brand_name(brand: CardBrand) -> &'static str {
    match brand {
        CardBrand::Visa => "Visa",
        CardBrand::Mastercard => "Mastercard",
        CardBrand::Amex => "American Express",
    }
}

/// A card's expiry as `MM/YYYY`.
pub fn expiry(expiry: CardExpiry) -> String {
    format!("{:02}/{}", expiry.month, expiry.year)
}

/// What is wrong with the first (`start`) or last day of a typed range.
pub fn range_problem(i18n: I18n, code: FieldErrorCode, start: bool) -> String {
    match (code, start) {
        (FieldErrorCode::Required, true) => t_string!(i18n, invoices.from_required).to_string(),
        (FieldErrorCode::Required, false) => t_string!(i18n, invoices.to_required).to_string(),
        (FieldErrorCode::InFuture, true) => t_string!(i18n, invoices.from_in_future).to_string(),
        (FieldErrorCode::InFuture, false) => t_string!(i18n, invoices.to_in_future).to_string(),
        (FieldErrorCode::StartAfterEnd, _) => t_string!(i18n, invoices.start_after_end).to_string(),
        (FieldErrorCode::RangeTooLong, _) => t_string!(i18n, invoices.range_too_long, years = 3).to_string(),
        _ => t_string!(i18n, invoices.invalid_date).to_string(),
    }
}

/// A country's name in the page's language, from its ISO 3166-1 code (`Intl.DisplayNames`).
pub fn country_name(i18n: I18n, code: &str) -> String {
    crate::format::country_names(locale_code(i18n), &[code]).pop().unwrap_or_default()
}
