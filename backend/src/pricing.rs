//! Prices of changes: the current billing period, prorating by day, and the quote of a new license total.

use crate::db::subscriptions::SubscriptionRecord;
use crate::demo::add_months;
use contract::licenses::QuantityQuote;
use contract::subscriptions::BillingFrequency;
use contract::Money;
use rust_decimal::{Decimal, RoundingStrategy};
use time::Date;

/// The current billing period: from the latest of purchase and last renewal, to the renewal (or end) date.
pub fn period(record: &SubscriptionRecord) -> (Date, Date) {
    let start = record.last_renewed_on.map_or(record.purchased_on, |r| r.max(record.purchased_on));
    (start, record.renews_or_expires_on)
}

/// The length of one billing period starting on `start`.
pub fn next_period_end(start: Date, frequency: BillingFrequency) -> Date {
    match frequency {
        BillingFrequency::Monthly => add_months(start, 1),
        BillingFrequency::Yearly => add_months(start, 12),
    }
}

/// `amount` per full period, for the days left in the current period from `today`, rounded half away from zero
/// to cents.
pub fn prorate(amount: Decimal, record: &SubscriptionRecord, today: Date) -> Decimal {
    let (start, end) = period(record);
    let period_days = (end - start).whole_days();
    if period_days <= 0 {
        return cents(Decimal::ZERO);
    }
    let remaining_days = (end - today).whole_days().clamp(0, period_days);
    cents(amount * Decimal::from(remaining_days) / Decimal::from(period_days))
}

/// Rounded to two decimals, always written with two.
pub fn cents(amount: Decimal) -> Decimal {
    let mut amount = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    amount.rescale(2);
    amount
}

/// The VAT rate of a bill-to country (the reference backend knows Sweden's and Germany's; elsewhere none).
pub fn tax_rate(country: &str) -> Decimal {
    match country {
        "SE" => Decimal::new(25, 2),
        "DE" => Decimal::new(19, 2),
        _ => Decimal::ZERO,
    }
}

/// What changing the total to `total` costs now (positive) or credits (negative), and per period afterwards,
/// before the VAT at `tax_rate` that its invoices add.
pub fn quote(record: &SubscriptionRecord, total: u32, today: Date, tax_rate: Decimal) -> QuantityQuote {
    let unit = record.unit_price.amount;
    let delta = Decimal::from(total) - Decimal::from(record.total_licenses);
    let money = |amount| Money::new(amount, record.unit_price.currency);
    QuantityQuote {
        current_total: record.total_licenses,
        proposed_total: total,
        prorated_amount: money(prorate(unit * delta, record, today)),
        new_recurring_amount: money(cents(unit * Decimal::from(total))),
        next_billing_date: record.renews_or_expires_on,
        tax_rate,
    }
}
