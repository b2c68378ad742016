use crate::i18n::*;
use leptos::prelude::*;

/// *Previous* / *Next* page buttons and "Page 2 of 5"; hidden while there is only one page. The buttons stay in
/// place (and focused) while pages change; at either end the button says it is unavailable instead of vanishing
/// from the focus order.
#[component]
pub fn Pager(
    /// The current page, from 1.
    #[prop(into)]
    page: Signal<u32>,
    /// How many pages there are.
    #[prop(into)]
    page_count: Signal<u32>,
    /// Called with the page to show.
    on_page: Callback<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let at_start = move || page.get() <= 1;
    let at_end = move || page.get() >= page_count.get();
    view! {
        <nav class="pager" aria-label=move || t_string!(i18n, pager.label) hidden=move || { page_count.get() <= 1 }>
            <button
                type="button"
                class="button"
                aria-disabled=move || at_start().to_string()
                on:click=move |_| if !at_start() { on_page.run(page.get_untracked() - 1) }
            >
                {t!(i18n, pager.previous)}
            </button>
            <span aria-live="polite">
                {move || t_string!(i18n, pager.page_of, page = page.get(), pages = page_count.get()).to_string()}
            </span>
            <button
                type="button"
                class="button"
                aria-disabled=move || at_end().to_string()
                on:click=move |_| if !at_end() { on_page.run(page.get_untracked() + 1) }
            >
                {t!(i18n, pager.next)}
            </button>
        </nav>
    }
}
