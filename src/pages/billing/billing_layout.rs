use crate::components::PageHeader;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

/// The *Bills & payments* frame: heading and the section links, with the section below.
#[component]
pub fn BillingLayout() -> impl IntoView {
    let i18n = use_i18n();
    super::billing_changes::BillingChanges::provide();
    view! {
        <PageHeader title=Signal::derive(move || t_string!(i18n, billing.title).to_string()) />
        <nav class="tabs" aria-label=move || t_string!(i18n, billing.tabs_label)>
            <A href="/billing/invoices">{t!(i18n, nav.invoices)}</A>
            <A href="/billing/payment-methods">{t!(i18n, nav.payment_methods)}</A>
            <A href="/billing/profiles">{t!(i18n, nav.billing_profiles)}</A>
        </nav>
        <Outlet />
    }
}
