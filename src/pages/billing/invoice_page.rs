use super::invoice_lines::InvoiceLines;
use super::invoice_parties::InvoiceParties;
use crate::api::use_api;
use crate::components::{DocumentTitle, ErrorView, InvoiceStatusBadge, LoadingTable};
use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use crate::routing::use_route_id;
use contract::InvoiceId;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// One invoice (`/billing/invoices/:id`): its dates (due date included), seller and buyer, lines and totals, and
/// **Download PDF** (in the page's language). The query string is
/// the list's range, so *Invoices* goes back to it.
#[component]
pub fn InvoicePage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let route_id = use_route_id();
    let location = use_location();
    let id = Memo::new(move |_| InvoiceId(route_id.get()));
    let detail = LocalResource::new({
        let api = api.clone();
        move || {
            let (api, id) = (api.clone(), id.get());
            async move { api.invoice(&id).await }
        }
    });
    let retry = Callback::new(move |()| detail.refetch());
    let back = move || {
        let search = location.search.get();
        match search.trim_start_matches('?') {
            "" => "billing/invoices".to_owned(),
            query => format!("billing/invoices?{query}"),
        }
    };
    let content = move || {
        match detail.get() {
        None => view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, invoices.loading_one).to_string()) rows=4 /> }.into_any(),
        Some(Err(error)) => view! { <ErrorView error on_retry=retry /> }.into_any(),
        Some(Ok(detail)) => {
            let invoice = detail.invoice.clone();
            let title = t_string!(i18n, invoices.invoice_title, number = invoice.number.clone()).to_string();
            let pdf = {
                let (api, id) = (api.clone(), invoice.id.clone());
                move || api.invoice_pdf_url(&id, locale_code(i18n))
            };
            let file = format!("{}.pdf", invoice.number);
            let (date, due, start, end) = (invoice.date, invoice.due_date, invoice.period_start, invoice.period_end);
            let date = move || format::date(locale_code(i18n), date);
            let due = move || format::date(locale_code(i18n), due);
            let period = move || {
                let locale = locale_code(i18n);
                t_string!(i18n, invoices.period, from = format::date(locale, start), to = format::date(locale, end)).to_string()
            };
            view! {
                <DocumentTitle title=title.clone() />
                <div class="invoice-header">
                    <h3>{title}</h3>
                    <a class="button primary" href=pdf download=file>{t!(i18n, invoices.download_pdf)}</a>
                </div>
                <dl class="details">
                    <dt>{t!(i18n, invoices.col_date)}</dt><dd>{date}</dd>
                    <dt>{t!(i18n, invoices.col_due)}</dt><dd>{due}</dd>
                    <dt>{t!(i18n, invoices.col_period)}</dt><dd>{period}</dd>
                    <dt>{t!(i18n, invoices.col_profile)}</dt><dd>{invoice.billing_profile_name.clone()}</dd>
                    <dt>{t!(i18n, invoices.col_status)}</dt><dd><InvoiceStatusBadge status=invoice.status /></dd>
                </dl>
                <InvoiceParties seller=detail.seller.clone() buyer=detail.buyer.clone() />
                <InvoiceLines detail />
            }
            .into_any()
        }
    }
    };
    view! {
        <p class="back-link"><A exact=true href=back><span aria-hidden="true">"← "</span>{t!(i18n, invoices.back)}</A></p>
        <section class="invoice" aria-labelledby="section-title">
            <h2 id="section-title" class="visually-hidden">{t!(i18n, nav.invoices)}</h2>
            {content}
        </section>
    }
}
