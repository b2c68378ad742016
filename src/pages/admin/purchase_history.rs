use crate::components::EmailAddress;
use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use contract::admin::{HistoryEntry, HistoryKind};
use leptos::prelude::*;

/// A purchase's order history, oldest first: when, what (with the license totals), who, and what it cost.
#[component]
pub fn PurchaseHistory(
    /// The entries.
    history: Vec<HistoryEntry>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = history
        .into_iter()
        .map(|entry| {
            let kind = entry.kind;
            let what = move || match kind {
                HistoryKind::Purchased => t_string!(i18n, admin.kind_purchased).to_string(),
                HistoryKind::LicensesAdded => t_string!(i18n, admin.kind_added).to_string(),
                HistoryKind::LicensesRemoved => t_string!(i18n, admin.kind_removed).to_string(),
                HistoryKind::Cancelled => t_string!(i18n, admin.kind_cancelled).to_string(),
                HistoryKind::Reactivated => t_string!(i18n, admin.kind_reactivated).to_string(),
            };
            let (from, to) = (entry.from_total, entry.to_total);
            let totals = move || t_string!(i18n, admin.totals, from, to).to_string();
            let date = entry.date;
            let when = move || format::date(locale_code(i18n), date);
            let amount = entry.amount.clone();
            let cost = move || format::money(locale_code(i18n), &amount);
            view! {
                <tr>
                    <td class="date">{when}</td>
                    <th scope="row">{what}</th>
                    <td>{totals}</td>
                    <td>
                        <span class="person-name">{entry.by.display_name}</span>
                        <span class="person-email"><EmailAddress address=entry.by.email /></span>
                    </td>
                    <td class="number">{cost}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{t!(i18n, admin.history_title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, admin.col_date)}</th>
                        <th scope="col">{t!(i18n, admin.col_what)}</th>
                        <th scope="col">{t!(i18n, admin.col_licenses)}</th>
                        <th scope="col">{t!(i18n, admin.col_by)}</th>
                        <th scope="col" class="number">{t!(i18n, admin.col_amount)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
