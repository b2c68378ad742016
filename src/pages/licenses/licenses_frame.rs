use crate::components::PageHeader;
use crate::i18n::*;
use leptos::prelude::*;

/// The *Licenses* page's heading and introduction: in the main module, so they show as soon as the app starts,
/// while the page's own module and list (`children`) load.
#[component]
pub fn LicensesFrame(
    /// The page's content: the subscriptions and their licenses.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeader
            title=Signal::derive(move || t_string!(i18n, licenses.title).to_string())
            intro=Signal::derive(move || Some(t_string!(i18n, licenses.intro).to_string()))
        />
        {children()}
    }
}
