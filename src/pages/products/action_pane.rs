use super::product_action::ProductAction;
use super::product_page::CurrentSubscription;
use crate::components::Pane;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;
use leptos_router::NavigateOptions;

/// The pane of one product action (`/products/:id/:action`), a route so refresh, back and links work. It opens only
/// once the subscription is loaded and the backend allows the action; otherwise the address leads to the product.
#[component]
pub fn ActionPane() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let current = expect_context::<CurrentSubscription>();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let action = Memo::new(move |_| params.with(|p| p.get("action").and_then(|slug| ProductAction::from_slug(&slug))));
    let title = Signal::derive(move || action.get().map(|action| action.label(i18n)).unwrap_or_default());
    let close_href = Signal::derive(move || format!("/products/{}", contract::paths::encode(&id.get())));
    let pane = move || match (current.0.get(), action.get()) {
        (Some(Ok(subscription)), Some(action)) if action.permission(&subscription.allowed_actions).is_allowed() => {
            let product = subscription.product.name;
            view! {
                <Pane title close_href>
                    <p class="pane-product">{product}</p>
                    <p>{t!(i18n, actions.coming)}</p>
                </Pane>
            }
            .into_any()
        }
        (Some(Ok(_)), _) => {
            let options = NavigateOptions { replace: true, ..Default::default() };
            view! { <Redirect path=close_href.get_untracked() options /> }.into_any()
        }
        _ => ().into_any(),
    };
    view! { {pane} }
}
