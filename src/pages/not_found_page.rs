use crate::components::PageHeader;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any address that is not a page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeader title=Signal::derive(move || t_string!(i18n, not_found.title).to_string()) />
        <p>{t!(i18n, not_found.body)}</p>
        <p><A href="products">{t!(i18n, not_found.home)}</A></p>
    }
}
