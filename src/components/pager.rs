use crate::i18n::*;
use leptos::prelude::*;

/// *Previous* / *Next* page buttons and "Page 2 of 5"; hidden when there is only one page.
#[component]
pub fn Pager(
    /// The current page, from 1.
    #[prop(into)]
    page: Signal<u32>,
    /// How many pages there are.
    page_count: u32,
    /// Called with the page to show.
    on_page: Callback<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    (page_count > 1).then(|| {
        view! {
            <nav class="pager" aria-label=move || t_string!(i18n, pager.label)>
                <button
                    type="button"
                    class="button"
                    disabled=move || { page.get() <= 1 }
                    on:click=move |_| on_page.run(page.get_untracked().saturating_sub(1).max(1))
                >
                    {t!(i18n, pager.previous)}
                </button>
                <span aria-live="polite">
                    {move || t_string!(i18n, pager.page_of, page = page.get(), pages = page_count).to_string()}
                </span>
                <button
                    type="button"
                    class="button"
                    disabled=move || { page.get() >= page_count }
                    on:click=move |_| on_page.run((page.get_untracked() + 1).min(page_count))
                >
                    {t!(i18n, pager.next)}
                </button>
            </nav>
        }
    })
}
