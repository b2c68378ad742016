use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use contract::invoices::InvoiceDetail;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// An invoice's lines (product, quantity, unit price, tax, amount) with its subtotal, tax and total, exactly as the
/// backend computed them (`subtotal + tax = total`).
#[component]
pub fn InvoiceLines(
    /// The invoice with its lines.
    detail: InvoiceDetail,
) -> impl IntoView {
    let i18n = use_i18n();
    let money = move |value: contract::Money| move || format::money(locale_code(i18n), &value);
    let rows = detail
        .lines
        .into_iter()
        .map(|line| {
            let rate = (line.tax_rate * Decimal::ONE_HUNDRED).normalize().to_string();
            let tax = {
                let tax = line.tax.clone();
                move || {
                    t_string!(
                        i18n,
                        invoices.tax_at,
                        amount = format::money(locale_code(i18n), &tax),
                        rate = rate.clone()
                    )
                    .to_string()
                }
            };
            view! {
                <tr>
                    <th scope="row">{line.product}</th>
                    <td class="number">{line.quantity}</td>
                    <td class="number">{money(line.unit_price)}</td>
                    <td class="number">{tax}</td>
                    <td class="number">{money(line.amount)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{t!(i18n, invoices.lines_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, invoices.col_product)}</th>
                        <th scope="col" class="number">{t!(i18n, invoices.col_quantity)}</th>
                        <th scope="col" class="number">{t!(i18n, invoices.col_unit_price)}</th>
                        <th scope="col" class="number">{t!(i18n, invoices.col_tax)}</th>
                        <th scope="col" class="number">{t!(i18n, invoices.col_amount)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="4" class="number">{t!(i18n, invoices.subtotal)}</th>
                        <td class="number">{money(detail.subtotal)}</td>
                    </tr>
                    <tr>
                        <th scope="row" colspan="4" class="number">{t!(i18n, invoices.tax)}</th>
                        <td class="number">{money(detail.tax)}</td>
                    </tr>
                    <tr class="grand-total">
                        <th scope="row" colspan="4" class="number">{t!(i18n, invoices.total)}</th>
                        <td class="number">{money(detail.invoice.amount)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
