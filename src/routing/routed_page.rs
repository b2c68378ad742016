use super::{keyed_view, Page, Route};
use crate::areas;
use crate::pages::licenses::LicensesFrame;
use crate::pages::products::ProductsPage;
use crate::pages::{billing::BillingLayout, NotFoundPage};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::NavigateOptions;
use std::time::Duration;

/// The page of the address (see [`Page`]), made again only when another page is asked for: a page follows its id
/// and its pane itself. The first page is made in the task after the
/// app's frame (before the browser paints either): two shorter tasks at start instead of one long one.
#[component]
pub fn RoutedPage() -> impl IntoView {
    let page = keyed_view(Route::page, page_view);
    let started = RwSignal::new(false);
    set_timeout(move || started.set(true), Duration::ZERO);
    move || if started.get() { page() } else { ().into_any() }
}

/// The view of `page`.
fn page_view(page: Page) -> AnyView {
    match page {
        Page::Home => {
            let options = NavigateOptions { replace: true, ..Default::default() };
            view! { <Redirect path="/products" options /> }.into_any()
        }
        Page::Products => view! { <ProductsPage /> }.into_any(),
        Page::Product => areas::product().into_any(),
        // The heading shows at once, the content with its area's module.
        Page::Licenses => view! { <LicensesFrame>{areas::licenses()}</LicensesFrame> }.into_any(),
        Page::SubscriptionLicenses => areas::subscription_licenses().into_any(),
        Page::Billing => view! { <BillingLayout /> }.into_any(),
        Page::Purchases => areas::purchases().into_any(),
        Page::Purchase => areas::purchase().into_any(),
        Page::Help => areas::help().into_any(),
        Page::SignedOut => areas::signed_out().into_any(),
        Page::Gallery => areas::gallery().into_any(),
        Page::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}
