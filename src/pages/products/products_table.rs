use super::empty_products::EmptyProducts;
use super::product_row::ProductRow;
use super::sort_header::SortHeader;
use super::ProductsUrl;
use crate::i18n::*;
use contract::subscriptions::{SortKey, Subscription};
use leptos::prelude::*;

/// The products as a table: the URL's filters applied instantly, sortable by column.
#[component]
pub fn ProductsTable(
    /// Every subscription of the person.
    all: Vec<Subscription>,
    /// The list's URL state.
    url: ProductsUrl,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = all.len();
    let all = StoredValue::new(all);
    let shown = Memo::new(move |_| {
        let query = url.query.get();
        all.with_value(|all| query.apply(all))
    });
    let count = move || t_string!(i18n, products.shown, shown = shown.with(Vec::len), total).to_string();

    view! {
        <p class="result-count" role="status">{count}</p>
        <Show
            when=move || !shown.with(Vec::is_empty)
            fallback=move || view! { <EmptyProducts total url /> }
        >
            <div class="table-wrap">
                <table class="data-table">
                    <caption class="visually-hidden">{t!(i18n, products.table_caption)}</caption>
                    <thead>
                        <tr>
                            <SortHeader url key=SortKey::Product label=Signal::derive(move || t_string!(i18n, products.col_product).to_string()) />
                            <SortHeader url key=SortKey::Licenses label=Signal::derive(move || t_string!(i18n, products.col_licenses).to_string()) />
                            <SortHeader url key=SortKey::Status label=Signal::derive(move || t_string!(i18n, products.col_status).to_string()) />
                            <SortHeader url key=SortKey::RenewsOn label=Signal::derive(move || t_string!(i18n, products.col_renewal).to_string()) />
                            <SortHeader url key=SortKey::Price label=Signal::derive(move || t_string!(i18n, products.col_price).to_string()) />
                            <th scope="col"><span class="visually-hidden">{t!(i18n, products.col_actions)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || shown.get() key=|s| s.id.clone() let:subscription>
                            <ProductRow subscription />
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
