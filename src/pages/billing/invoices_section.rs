use crate::components::DocumentTitle;
use crate::i18n::*;
use leptos::prelude::*;

/// The *Invoices* tab's section: its title, heading and introduction are in the main module, so they show as soon
/// as the app starts, while the invoices' own module and list (`children`) load.
#[component]
pub fn InvoicesSection(
    /// The tab's content: the date range and the invoices.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DocumentTitle title=Signal::derive(move || format!("{} – {}", t_string!(i18n, nav.invoices), t_string!(i18n, billing.title))) />
        <section aria-labelledby="section-title">
            <h2 id="section-title">{t!(i18n, nav.invoices)}</h2>
            <p>{t!(i18n, billing.invoices_intro)}</p>
            {children()}
        </section>
    }
}
