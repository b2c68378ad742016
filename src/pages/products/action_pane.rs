use super::product_action::ProductAction;
use super::product_page::CurrentSubscription;
use crate::components::Pane;
use crate::i18n::*;
use crate::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The pane of one product action (`/products/:id/:action`), a route so refresh, back and links work.
#[component]
pub fn ActionPane() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let current = expect_context::<CurrentSubscription>();
    let id = params.with_untracked(|p| p.get("id").unwrap_or_default());
    let slug = params.with_untracked(|p| p.get("action").unwrap_or_default());
    let Some(action) = ProductAction::from_slug(&slug) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let product = move || current.0.get().and_then(Result::ok).map(|s| s.product.name);
    view! {
        <Pane
            title=Signal::derive(move || action.label(i18n))
            close_href=format!("/products/{}", contract::paths::encode(&id))
        >
            <p class="pane-product">{product}</p>
            <p>{t!(i18n, actions.coming)}</p>
        </Pane>
    }
    .into_any()
}
