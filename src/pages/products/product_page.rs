use super::product_actions::ProductActions;
use super::product_details::ProductDetails;
use super::product_menu::ProductMenu;
use crate::api::{use_api, ApiError};
use crate::components::{DocumentTitle, ErrorView, LoadingTable, StatusBadge};
use crate::i18n::*;
use crate::pages::NotFoundPage;
use crate::routing::use_route_id;
use crate::routing::RoutePane;
use contract::subscriptions::Subscription;
use contract::SubscriptionId;
use leptos::prelude::*;
use leptos_router::components::A;

/// The subscription shown on the product page, shared with its panes.
#[derive(Clone, Copy)]
pub struct CurrentSubscription(pub LocalResource<Result<Subscription, ApiError>>);

impl CurrentSubscription {
    /// The subscription once loaded (`None` while loading, or when loading failed: the page says why).
    pub fn loaded(self) -> Memo<Option<Subscription>> {
        Memo::new(move |_| self.0.with(|s| s.as_ref().and_then(|r| r.as_ref().ok()).cloned()))
    }
}

/// The product page: everything about one subscription, and what can be done with it.
#[component]
pub fn ProductPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let route_id = use_route_id();
    let id = Memo::new(move |_| SubscriptionId(route_id.get()));
    let subscription = LocalResource::new(move || {
        let api = api.clone();
        let id = id.get();
        async move { api.subscription(&id).await }
    });
    provide_context(CurrentSubscription(subscription));
    let retry = Callback::new(move |()| subscription.refetch());

    view! {
        <p class="back-link"><A exact=true href="products"><span aria-hidden="true">"← "</span>{t!(i18n, product.back)}</A></p>
        {move || match subscription.get() {
            None => view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, product.loading).to_string()) rows=3 /> }.into_any(),
            // An unknown product (or another person's) is a page that does not exist.
            Some(Err(ApiError::NotFound)) => view! { <NotFoundPage /> }.into_any(),
            Some(Err(error)) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            Some(Ok(subscription)) => view! {
                <DocumentTitle title=subscription.product.name.clone() />
                <header class="page-header">
                    <h1>{subscription.product.name.clone()}</h1>
                    <StatusBadge status=subscription.status />
                    <ProductMenu
                        label=Signal::derive({
                            let product = subscription.product.name.clone();
                            move || t_string!(i18n, products.more_actions, product = product.clone()).to_string()
                        })
                        subscription=Signal::stored(Some(subscription.clone()))
                    />
                </header>
                <ProductDetails subscription=subscription.clone() />
                <ProductActions subscription />
            }.into_any(),
        }}
        <RoutePane />
    }
}
