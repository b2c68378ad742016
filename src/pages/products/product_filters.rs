use super::ProductsUrl;
use crate::components::ChoiceGroup;
use crate::i18n::*;
use crate::labels;
use contract::subscriptions::{PurchaseChannel, SubscriptionStatus};
use leptos::prelude::*;

/// The filter button (a disclosure with purchase channel and status choices) and the search box. While the
/// choices are closed, the active filters show as chips, each removable, with *Clear filters*; the button carries
/// their count.
#[component]
pub fn ProductFilters(
    /// The list's URL state.
    url: ProductsUrl,
) -> impl IntoView {
    let i18n = use_i18n();
    let (open, set_open) = signal(false);
    let query = url.query;
    let channel_value = Signal::derive(move || query.get().channel.map(|c| c.as_str().to_owned()));
    let status_value = Signal::derive(move || query.get().status.map(|s| s.as_str().to_owned()));
    let channels: Vec<(String, Signal<String>)> = PurchaseChannel::ALL
        .into_iter()
        .map(|c| (c.as_str().to_owned(), Signal::derive(move || labels::channel(i18n, c))))
        .collect();
    let statuses: Vec<(String, Signal<String>)> = SubscriptionStatus::ALL
        .into_iter()
        .map(|s| (s.as_str().to_owned(), Signal::derive(move || labels::status(i18n, s))))
        .collect();
    let count = move || query.with(|q| usize::from(q.channel.is_some()) + usize::from(q.status.is_some()));
    // The active filters as chips, each with a button that removes it. Made whole each time (two at most), as
    // erased views: a `<Show>` around a list of typed views cost the first download about 3 KB (brotli) more.
    let chip = move |text: String, remove: Callback<()>| {
        let label = t_string!(i18n, products.remove_filter, filter = text.clone()).to_string();
        view! {
            <li class="chip">
                <span>{text}</span>
                <button type="button" class="chip-remove" aria-label=label on:click=move |_| remove.run(())>
                    <span aria-hidden="true">"✕"</span>
                </button>
            </li>
        }
        .into_any()
    };
    // "Status: Active": the separator is the language's (a full-width colon in Chinese).
    let separator = move || t_string!(i18n, products.chip_separator);
    let chips = move || {
        (!open.get() && count() != 0).then(|| {
            let query = query.get();
            let channel = query.channel.map(|c| {
                let text = format!("{}{}{}", t_string!(i18n, products.channel), separator(), labels::channel(i18n, c));
                chip(text, Callback::new(move |()| url.set_channel(None)))
            });
            let status = query.status.map(|s| {
                let text = format!("{}{}{}", t_string!(i18n, products.status), separator(), labels::status(i18n, s));
                chip(text, Callback::new(move |()| url.set_status(None)))
            });
            view! {
                <ul class="chips filter-chips" aria-label=t_string!(i18n, products.active_filters)>
                    {channel}
                    {status}
                    <li>
                        <button type="button" class="link-button" on:click=move |_| url.clear_filters()>
                            {t!(i18n, products.clear_filters)}
                        </button>
                    </li>
                </ul>
            }
            .into_any()
        })
    };

    view! {
        <div class="toolbar">
            <button
                type="button"
                class="button filter-button"
                aria-expanded=move || open.get().to_string()
                aria-controls="product-filters"
                on:click=move |_| set_open.update(|o| *o = !*o)
            >
                <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
                    <path d="M1 2h14l-5.5 6.5V14l-3-1.5V8.5z" fill="currentColor" />
                </svg>
                {t!(i18n, products.filter)}
                {move || match count() {
                    0 => String::new(),
                    count => format!(" ({count})"),
                }}
            </button>
            <label class="search">
                <span class="visually-hidden">{t!(i18n, products.search)}</span>
                <input
                    type="search"
                    placeholder=move || t_string!(i18n, products.search)
                    prop:value=move || url.text.get()
                    on:input=move |event| {
                        url.set_text(event_target_value(&event));
                    }
                    on:change=move |_| url.write_text()
                />
            </label>
        </div>
        {chips}
        <div
            id="product-filters"
            class="filter-panel"
            role="group"
            aria-label=move || t_string!(i18n, products.filters_label)
            hidden=move || !open.get()
        >
            <ChoiceGroup
                name="channel"
                legend=Signal::derive(move || t_string!(i18n, products.channel).to_string())
                choices=channels
                value=channel_value
                on_change=Callback::new(move |value| url.set_channel(value))
            />
            <ChoiceGroup
                name="status"
                legend=Signal::derive(move || t_string!(i18n, products.status).to_string())
                choices=statuses
                value=status_value
                on_change=Callback::new(move |value| url.set_status(value))
            />
        </div>
    }
}
