use super::invoices_url::InvoicesUrl;
use crate::date_range::{months_before, DateRange};
use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use contract::date::to_iso;
use leptos::prelude::*;
use time::Date;

/// No invoices in the range: says so and, as the documentation does, suggests a longer range, one click away.
#[component]
pub fn EmptyInvoices(
    /// The range's first day.
    from: Date,
    /// The range's last day.
    to: Date,
    /// The list's URL state.
    url: InvoicesUrl,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || {
        let locale = locale_code(i18n);
        t_string!(i18n, invoices.empty, from = format::date(locale, from), to = format::date(locale, to)).to_string()
    };
    // The next longer range: six months after three, then a year back from the range's end.
    let longer = move || match url.range.get() {
        DateRange::Past3Months => DateRange::Past6Months,
        _ => DateRange::Custom { from: to_iso(months_before(to, 12).min(months_before(from, 6))), to: to_iso(to) },
    };
    let suggestion = move || match url.range.get() {
        DateRange::Past3Months => t_string!(i18n, invoices.try_6_months).to_string(),
        _ => t_string!(i18n, invoices.try_longer).to_string(),
    };
    let action = move || match url.range.get() {
        DateRange::Past3Months => t_string!(i18n, invoices.show_6_months).to_string(),
        _ => t_string!(i18n, invoices.show_longer).to_string(),
    };
    view! {
        <div class="empty-state">
            <p>{message}</p>
            <p>{suggestion}</p>
            <button type="button" class="button" on:click=move |_| url.show.run(longer())>{action}</button>
        </div>
    }
}
