use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use contract::invoices::Invoice;
use contract::{Currency, Money};
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The sum of each currency's invoices, exactly (`rust_decimal`), e.g. "SEK 12,345.00" and "€1,234.00".
pub fn totals_per_currency(invoices: &[Invoice]) -> Vec<Money> {
    let mut sums: BTreeMap<Currency, Decimal> = BTreeMap::new();
    for invoice in invoices {
        *sums.entry(invoice.amount.currency).or_default() += invoice.amount.amount;
    }
    sums.into_iter().map(|(currency, amount)| Money::new(amount, currency)).collect()
}

/// The range's totals, one per currency (each amount names its currency once, e.g. "€4,701.69"), with how many
/// invoices they sum.
#[component]
pub fn InvoiceTotals(
    /// The invoices of the range.
    invoices: Vec<Invoice>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = invoices.len();
    let totals = totals_per_currency(&invoices);
    view! {
        <section class="invoice-totals" aria-labelledby="totals-title">
            <h3 id="totals-title">{t!(i18n, invoices.totals_title)}</h3>
            <p class="field-hint">{move || if count == 1 {
                t_string!(i18n, invoices.totals_one).to_string()
            } else {
                t_string!(i18n, invoices.totals_many, count).to_string()
            }}</p>
            <ul class="totals-list">
                {totals.into_iter().map(|total| {
                    let amount = move || format::money(locale_code(i18n), &total);
                    view! { <li class="number-inline">{amount}</li> }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::totals_per_currency;
    use contract::invoices::Invoice;

    fn invoice(amount: &str, currency: &str) -> Invoice {
        serde_json::from_value(serde_json::json!({
            "id": "i", "number": "N", "date": "2026-11-01", "period_start": "2026-11-01", "period_end": "2026-11-30",
            "due_date": "2026-12-01",
            "amount": { "amount": amount, "currency": currency }, "status": "paid",
            "billing_profile_id": "bp", "billing_profile_name": "P"
        }))
        .unwrap()
    }

    #[test]
    fn totals_are_exact_and_per_currency() {
        let list = [invoice("0.10", "SEK"), invoice("0.20", "SEK"), invoice("1725.05", "EUR"), invoice("0.01", "SEK")];
        let totals: Vec<String> =
            totals_per_currency(&list).iter().map(|m| format!("{} {}", m.amount, m.currency.code())).collect();
        assert_eq!(totals, ["1725.05 EUR", "0.31 SEK"]);
    }
}
