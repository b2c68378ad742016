use super::ProductsUrl;
use crate::i18n::*;
use leptos::prelude::*;

/// Nothing to show: either nothing bought, or nothing matches (with a way out).
#[component]
pub fn EmptyProducts(
    /// How many subscriptions there are before filtering.
    total: usize,
    /// The list's URL state.
    url: ProductsUrl,
) -> impl IntoView {
    let i18n = use_i18n();
    if total == 0 {
        return view! { <p class="empty-state">{t!(i18n, products.empty)}</p> }.into_any();
    }
    view! {
        <div class="empty-state">
            <p>{t!(i18n, products.empty_filtered)}</p>
            <button type="button" class="button" on:click=move |_| url.clear_filters()>
                {t!(i18n, products.clear_filters)}
            </button>
        </div>
    }
    .into_any()
}
