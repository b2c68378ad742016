use crate::i18n::*;
use leptos::prelude::*;

/// A link that opens in a new tab and says so to screen readers.
#[component]
pub fn ExternalLink(
    /// The target.
    href: String,
    /// The visible text.
    label: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a href=href target="_blank" rel="noopener noreferrer">
            {label}
            <span class="visually-hidden">" " {t!(i18n, help.opens_new_tab)}</span>
        </a>
    }
}
