use crate::components::PageHeader;
use crate::i18n::*;
use leptos::prelude::*;

/// *Licenses*: assigning licenses to people (the next issue fills it in).
#[component]
pub fn LicensesPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeader
            title=Signal::derive(move || t_string!(i18n, licenses.title).to_string())
            intro=Signal::derive(move || Some(t_string!(i18n, licenses.intro).to_string()))
        />
        <p class="notice">{t!(i18n, licenses.coming)}</p>
    }
}
