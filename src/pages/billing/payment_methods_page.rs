use crate::i18n::*;
use leptos::prelude::*;

/// The *Payment methods* section of Bills & payments.
#[component]
pub fn PaymentMethodsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="section-title">
            <h2 id="section-title">{t!(i18n, nav.payment_methods)}</h2>
            <p>{t!(i18n, billing.payment_methods_intro)}</p>
            <p class="notice">{t!(i18n, billing.coming)}</p>
        </section>
    }
}
