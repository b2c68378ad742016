use super::product_filters::ProductFilters;
use super::products_table::ProductsTable;
use super::ProductsUrl;
use crate::api::use_api;
use crate::components::{ErrorView, LoadingTable, PageHeader};
use crate::i18n::*;
use leptos::prelude::*;

/// *Your products*: every subscription the person bought, filtered, searched and sorted instantly.
#[component]
pub fn ProductsPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let url = ProductsUrl::from_route();
    let subscriptions = LocalResource::new(move || {
        let api = api.clone();
        async move { api.all_subscriptions().await }
    });
    let retry = Callback::new(move |()| subscriptions.refetch());

    view! {
        <PageHeader
            title=Signal::derive(move || t_string!(i18n, products.title).to_string())
            intro=Signal::derive(move || Some(t_string!(i18n, products.intro).to_string()))
        />
        <ProductFilters url />
        {move || match subscriptions.get() {
            None => {
                view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, products.loading).to_string()) /> }
                    .into_any()
            }
            Some(Err(error)) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            Some(Ok(all)) => view! { <ProductsTable all url /> }.into_any(),
        }}
    }
}
