use crate::api::use_api;
use crate::components::InvoiceStatusBadge;
use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use contract::invoices::{Invoice, InvoiceStatus};
use leptos::prelude::*;

/// The invoices of a range, newest first; each number leads to the invoice's page, each row has its PDF (in the
/// page's language), and an unpaid invoice says when it is due.
#[component]
pub fn InvoicesTable(
    /// The invoices.
    invoices: Vec<Invoice>,
    /// The list's query string (its range), carried to the invoice's page so it can come back.
    back: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let rows = invoices
        .into_iter()
        .map(|invoice| {
            let href = format!("billing/invoices/{}{back}", contract::paths::encode(&invoice.id.0));
            let pdf = {
                let (api, id) = (api.clone(), invoice.id.clone());
                move || api.invoice_pdf_url(&id, locale_code(i18n))
            };
            let Invoice {
                number, date, period_start, period_end, due_date, amount, status, billing_profile_name, ..
            } = invoice;
            let file = format!("{number}.pdf");
            let pdf_name = {
                let number = number.clone();
                move || t_string!(i18n, invoices.row_pdf_name, number = number.clone()).to_string()
            };
            // Each date stays whole (its spaces do not break); the period may wrap between the two dates, so the
            // column is narrow enough for every column to fit a wide screen.
            let whole = move |date| format::date(locale_code(i18n), date).replace(' ', "\u{a0}");
            // A paid invoice's due date is history; an unpaid one's is what the reader needs next.
            let due = (status != InvoiceStatus::Paid).then(|| {
                view! {
                    <span class="due-on">{move || t_string!(i18n, invoices.due_on, date = whole(due_date)).to_string()}</span>
                }
            });
            let date = move || format::date(locale_code(i18n), date);
            let period = move || {
                t_string!(i18n, invoices.period, from = whole(period_start), to = whole(period_end)).to_string()
            };
            let amount = move || format::money(locale_code(i18n), &amount);
            view! {
                <tr>
                    <th scope="row" class="token"><a href=href>{number}</a></th>
                    <td class="date">{date}</td>
                    <td class="period">{period}</td>
                    <td>{billing_profile_name}</td>
                    <td class="status-cell"><InvoiceStatusBadge status />{due}</td>
                    <td class="number">{amount}</td>
                    <td><a href=pdf download=file aria-label=pdf_name>"PDF"</a></td>
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
                        <th scope="col">{t!(i18n, invoices.col_download)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
