use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use contract::licenses::QuantityQuote;
use contract::subscriptions::BillingFrequency;
use contract::Money;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// The price of a new total, from the backend's quote: charged or credited now, and the recurring amount after.
#[component]
pub fn PriceImpact(
    /// The quote.
    quote: QuantityQuote,
    /// How often the recurring amount is billed.
    frequency: BillingFrequency,
) -> impl IntoView {
    let i18n = use_i18n();
    let QuantityQuote { prorated_amount, new_recurring_amount, next_billing_date, tax_rate, .. } = quote;
    let now = move || {
        let date = format::date(locale_code(i18n), next_billing_date);
        let amount = prorated_amount.amount;
        let absolute = format::money(locale_code(i18n), &Money::new(amount.abs(), prorated_amount.currency));
        if amount > Decimal::ZERO {
            t_string!(i18n, licenses_pane.charged_now, amount = absolute, date).to_string()
        } else if amount < Decimal::ZERO {
            t_string!(i18n, licenses_pane.credited_now, amount = absolute, date).to_string()
        } else {
            t_string!(i18n, licenses_pane.nothing_now).to_string()
        }
    };
    let recurring = move || {
        let date = format::date(locale_code(i18n), next_billing_date);
        let amount = format::money(locale_code(i18n), &new_recurring_amount);
        match frequency {
            BillingFrequency::Monthly => t_string!(i18n, licenses_pane.recurring_monthly, amount, date).to_string(),
            BillingFrequency::Yearly => t_string!(i18n, licenses_pane.recurring_yearly, amount, date).to_string(),
        }
    };
    // The amounts exclude VAT, as the invoice's lines do; the invoice adds it at the billing profile's rate.
    let tax = move || {
        if tax_rate.is_zero() {
            t_string!(i18n, licenses_pane.tax_none).to_string()
        } else {
            t_string!(i18n, licenses_pane.tax_added, rate = format::percent(locale_code(i18n), tax_rate)).to_string()
        }
    };
    view! {
        <dl class="price-impact">
            <dt>{t!(i18n, licenses_pane.now_label)}</dt>
            <dd>{now}</dd>
            <dt>{t!(i18n, licenses_pane.recurring_label)}</dt>
            <dd>{recurring}</dd>
            <dt>{t!(i18n, licenses_pane.tax_label)}</dt>
            <dd>{tax}</dd>
        </dl>
    }
}
