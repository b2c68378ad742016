use crate::components::InvoiceStatusBadge;
use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use contract::invoices::Invoice;
use leptos::prelude::*;

/// The invoices of a range, newest first; each number leads to the invoice's page.
#[component]
pub fn InvoicesTable(
    /// The invoices.
    invoices: Vec<Invoice>,
    /// The list's query string (its range), carried to the invoice's page so it can come back.
    back: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = invoices
        .into_iter()
        .map(|invoice| {
            let href = format!("billing/invoices/{}{back}", contract::paths::encode(&invoice.id.0));
            let Invoice { number, date, period_start, period_end, amount, status, billing_profile_name, .. } = invoice;
            let date = move || format::date(locale_code(i18n), date);
            let period = move || {
                let locale = locale_code(i18n);
                t_string!(
                    i18n,
                    invoices.period,
                    from = format::date(locale, period_start),
                    to = format::date(locale, period_end)
                )
                .to_string()
            };
            let amount = move || format::money(locale_code(i18n), &amount);
            view! {
                <tr>
                    <th scope="row" class="token"><a href=href>{number}</a></th>
                    <td class="date">{date}</td>
                    <td class="date">{period}</td>
                    <td>{billing_profile_name}</td>
                    <td><InvoiceStatusBadge status /></td>
                    <td class="number">{amount}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{t!(i18n, invoices.table_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, invoices.col_number)}</th>
                        <th scope="col">{t!(i18n, invoices.col_date)}</th>
                        <th scope="col">{t!(i18n, invoices.col_period)}</th>
                        <th scope="col">{t!(i18n, invoices.col_profile)}</th>
                        <th scope="col">{t!(i18n, invoices.col_status)}</th>
                        <th scope="col" class="number">{t!(i18n, invoices.col_amount)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
