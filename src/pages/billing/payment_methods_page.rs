use super::billing_changes::BillingChanges;
use super::payment_methods_table::PaymentMethodsTable;
use crate::api::use_api;
use crate::components::{DocumentTitle, ErrorView, LoadingTable};
use crate::i18n::*;
use crate::routing::RoutePane;
use leptos::prelude::*;
use leptos_router::components::A;

/// The *Payment methods* section of Bills & payments: the person's cards (masked), which profiles use each, and
/// **Add a payment method**. A card opens its pane, with **Edit**.
#[component]
pub fn PaymentMethodsPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let changes = BillingChanges::get();
    let cards = LocalResource::new(move || {
        changes.track();
        let api = api.clone();
        async move { Ok::<_, crate::api::ApiError>((api.payment_methods().await?, api.billing_profiles().await?)) }
    });
    let retry = Callback::new(move |()| cards.refetch());
    view! {
        <DocumentTitle title=Signal::derive(move || format!("{} – {}", t_string!(i18n, nav.payment_methods), t_string!(i18n, billing.title))) />
        <section aria-labelledby="section-title">
            <div class="section-header">
                <h2 id="section-title">{t!(i18n, nav.payment_methods)}</h2>
                <A href="billing/payment-methods/add" attr:class="button primary">{t!(i18n, cards.add)}</A>
            </div>
            <p>{t!(i18n, billing.payment_methods_intro)}</p>
            {move || match cards.get() {
                None => view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, cards.loading).to_string()) rows=3 /> }.into_any(),
                Some(Err(error)) => view! { <ErrorView error on_retry=retry /> }.into_any(),
                Some(Ok((methods, _))) if methods.is_empty() => view! { <p class="empty-state">{t!(i18n, cards.empty)}</p> }.into_any(),
                Some(Ok((methods, profiles))) => view! { <PaymentMethodsTable methods profiles /> }.into_any(),
            }}
        </section>
        <RoutePane />
    }
}
