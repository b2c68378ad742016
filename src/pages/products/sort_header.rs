use super::ProductsUrl;
use contract::subscriptions::{SortKey, SortOrder};
use leptos::prelude::*;

/// A column header that sorts by its column, announcing the current order with `aria-sort`.
#[component]
pub fn SortHeader(
    /// The list's URL state.
    url: ProductsUrl,
    /// The column.
    key: SortKey,
    /// The column's name.
    label: Signal<String>,
) -> impl IntoView {
    let aria_sort = move || {
        let query = url.query.get();
        (query.sort.unwrap_or_default() == key).then(|| match query.order.unwrap_or_default() {
            SortOrder::Asc => "ascending",
            SortOrder::Desc => "descending",
        })
    };
    let arrow = move || match aria_sort() {
        Some("ascending") => "▲",
        Some(_) => "▼",
        None => "",
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button type="button" class="sort-button" on:click=move |_| url.sort_by(key)>
                {label}
                <span class="sort-arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}
