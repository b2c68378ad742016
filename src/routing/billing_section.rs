use super::{keyed_view, BillingPage, Route};
use crate::areas;
use crate::pages::billing::InvoicesSection;
use crate::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::NavigateOptions;

/// The section of Bills & payments the address asks for (see [`BillingPage`]), inside the frame, which stays while
/// the tabs change.
#[component]
pub fn BillingSection() -> impl IntoView {
    keyed_view(Route::billing_page, section_view)
}

/// The view of `section`.
fn section_view(section: Option<BillingPage>) -> AnyView {
    match section {
        Some(BillingPage::Home) => {
            let options = NavigateOptions { replace: true, ..Default::default() };
            view! { <Redirect path="/billing/invoices" options /> }.into_any()
        }
        // The tab's heading shows at once, the invoices with their area's module.
        Some(BillingPage::Invoices) => view! { <InvoicesSection>{areas::invoices()}</InvoicesSection> }.into_any(),
        Some(BillingPage::Invoice) => areas::invoice().into_any(),
        Some(BillingPage::PaymentMethods) => areas::payment_methods().into_any(),
        Some(BillingPage::BillingProfiles) => areas::billing_profiles().into_any(),
        Some(BillingPage::BillingProfile) => areas::billing_profile().into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}
