use crate::i18n::*;
use leptos::prelude::*;

/// The *Invoices* section of Bills & payments.
#[component]
pub fn InvoicesPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="section-title">
            <h2 id="section-title">{t!(i18n, nav.invoices)}</h2>
            <p>{t!(i18n, billing.invoices_intro)}</p>
            <p class="notice">{t!(i18n, billing.coming)}</p>
        </section>
    }
}
