use super::product_action::ProductAction;
use super::product_page::CurrentSubscription;
use crate::components::Pane;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The pane of one product action (`/products/:id/:action`), a route so refresh, back and links work.
#[component]
pub fn ActionPane() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let current = expect_context::<CurrentSubscription>();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let action = Memo::new(move |_| params.with(|p| p.get("action").and_then(|slug| ProductAction::from_slug(&slug))));
    let title = Signal::derive(move || match action.get() {
        Some(action) => action.label(i18n),
        None => t_string!(i18n, not_found.title).to_string(),
    });
    let close_href = Signal::derive(move || format!("/products/{}", contract::paths::encode(&id.get())));
    let product = move || current.0.get().and_then(Result::ok).map(|s| s.product.name);
    view! {
        <Pane title close_href>
            <p class="pane-product">{product}</p>
            <p>
                {move || match action.get() {
                    Some(_) => t_string!(i18n, actions.coming).to_string(),
                    None => t_string!(i18n, not_found.body).to_string(),
                }}
            </p>
        </Pane>
    }
}
