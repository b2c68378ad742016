use super::empty_invoices::EmptyInvoices;
use super::invoice_totals::InvoiceTotals;
use super::invoices_table::InvoicesTable;
use super::invoices_url::InvoicesUrl;
use crate::api::use_api;
use crate::components::{DateRangePicker, ErrorView, LoadingTable};
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

/// The content of the *Invoices* tab of Bills & payments (its heading is [`super::InvoicesSection`]'s): the invoices
/// of a date range (*Past 3 months* unless the URL says otherwise), their totals per currency, each leading to its
/// page.
#[component]
pub fn InvoicesPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let url = InvoicesUrl::from_route();
    let today = format::today_or_epoch();
    let dates = Memo::new(move |_| url.range.with(|range| range.dates(today).ok()));
    let invoices = LocalResource::new(move || {
        let api = api.clone();
        let dates = dates.get();
        async move {
            match dates {
                Some((from, to)) => Some(api.invoices(from, to).await),
                None => None,
            }
        }
    });
    let retry = Callback::new(move |()| invoices.refetch());
    let list = move || {
        let (from, to) = dates.get()?;
        Some(match invoices.get() {
            None | Some(None) => {
                view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, invoices.loading).to_string()) /> }
                    .into_any()
            }
            Some(Some(Err(error))) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            Some(Some(Ok(list))) if list.is_empty() => view! { <EmptyInvoices from to url /> }.into_any(),
            Some(Some(Ok(list))) => {
                let back = url.query();
                view! {
                    <InvoicesTable invoices=list.clone() back />
                    <InvoiceTotals invoices=list />
                }
                .into_any()
            }
        })
    };
    view! {
        <DateRangePicker range=url.range today on_change=url.show />
        {list}
    }
}
