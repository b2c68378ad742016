use crate::i18n::*;
use crate::routing::BillingSection;
use leptos::prelude::*;
use leptos_router::components::A;

/// The *Bills & payments* frame: heading and the section links, with the section below (each section names the
/// browser tab, "Invoices – Bills & payments").
#[component]
pub fn BillingLayout() -> impl IntoView {
    let i18n = use_i18n();
    super::billing_changes::BillingChanges::provide();
    view! {
        <header class="page-header">
            <h1>{t!(i18n, billing.title)}</h1>
        </header>
        <nav class="tabs" aria-label=move || t_string!(i18n, billing.tabs_label)>
            <A href="billing/invoices">{t!(i18n, nav.invoices)}</A>
            <A href="billing/payment-methods">{t!(i18n, nav.payment_methods)}</A>
            <A href="billing/profiles">{t!(i18n, nav.billing_profiles)}</A>
        </nav>
        <BillingSection />
    }
}
