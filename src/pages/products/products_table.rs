use super::empty_products::EmptyProducts;
use super::product_row::{ProductRow, RowSubscription};
use super::sort_header::SortHeader;
use super::ProductsUrl;
use crate::components::Pager;
use crate::i18n::*;
use contract::subscriptions::{folded_names, SortKey, Subscription, SubscriptionQuery};
use leptos::prelude::*;
use std::ops::Range;

/// Rows on one page: few enough that any filter keystroke renders within a frame, whatever the list's length
/// (`cargo xtask bench`: p95 12–18 ms at 50 rows on the reference machine, about 10 ms at 25).
const PAGE_SIZE: usize = 25;

/// How many pages `len` rows fill (at least one, the empty page).
fn page_count(len: usize) -> u32 {
    len.div_ceil(PAGE_SIZE).max(1) as u32
}

/// The rows of page `page` (from 1, kept within the pages there are) of `len` rows.
fn page_rows(page: u32, len: usize) -> Range<usize> {
    let page = page.clamp(1, page_count(len)) as usize;
    ((page - 1) * PAGE_SIZE).min(len)..(page * PAGE_SIZE).min(len)
}

/// The products as a table: the URL's filters applied instantly, sortable by column, in pages of 50.
#[component]
pub fn ProductsTable(
    /// Every subscription of the person.
    all: Vec<Subscription>,
    /// The list's URL state.
    url: ProductsUrl,
) -> impl IntoView {
    let i18n = use_i18n();
    let total = all.len();
    let names = StoredValue::new(folded_names(&all));
    let all = StoredValue::new(all);
    // The order only changes with the filters and the sort: a keystroke in the search box only searches it.
    let arrangement = Memo::new(move |_| url.query.with(|q| SubscriptionQuery { q: None, page: None, ..q.clone() }));
    let ordered = Memo::new(move |_| {
        let arrangement = arrangement.get();
        all.with_value(|all| names.with_value(|names| arrangement.ordered(all, names)))
    });
    let matching = Memo::new(move |_| {
        let query = url.query.get();
        ordered.with(|ordered| names.with_value(|names| query.searched(ordered, names)))
    });
    let pages = Memo::new(move |_| page_count(matching.with(Vec::len)));
    let page = Memo::new(move |_| url.page.get().clamp(1, pages.get()));
    let rows = Memo::new(move |_| {
        let locale = i18n.get_locale();
        matching.with(|matching| {
            matching[page_rows(page.get(), matching.len())]
                .iter()
                .map(|&index| RowSubscription { locale, index })
                .collect::<Vec<RowSubscription>>()
        })
    });
    let count = move || t_string!(i18n, products.shown, shown = matching.with(Vec::len), total).to_string();

    // Rows are kept by place once built, hidden while the list is shorter (see `ProductRow`): typing in the search
    // box rewrites texts and hides or shows rows instead of building and dropping them.
    let places = Memo::new(move |built: Option<&usize>| rows.with(Vec::len).max(built.copied().unwrap_or(0)));
    let empty = move || matching.with(Vec::is_empty);

    view! {
        <p class="result-count" role="status">{count}</p>
        <Show when=empty>
            <EmptyProducts total url />
        </Show>
        // The table stays while nothing matches (hidden), so the next keystroke does not build it again.
        <div class="table-wrap" hidden=empty>
            <table class="data-table products-table">
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
                    <For
                        each=move || 0..places.get()
                        key=|&place| place
                        children=move |place| {
                            let shown = Memo::new(move |_| rows.with(|rows| rows.get(place).copied()));
                            view! { <ProductRow all shown /> }
                        }
                    />
                </tbody>
            </table>
        </div>
        <Pager page page_count=pages on_page=Callback::new(move |p| url.go_to(p)) />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_of_25_rows_within_the_pages_there_are() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(25), 1);
        assert_eq!(page_count(26), 2);
        assert_eq!(page_rows(1, 0), 0..0);
        assert_eq!(page_rows(1, 70), 0..25);
        assert_eq!(page_rows(3, 70), 50..70);
        assert_eq!(page_rows(9, 70), 50..70);
        assert_eq!(page_rows(0, 70), 0..25);
    }
}
