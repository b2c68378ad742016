use crate::i18n::*;
use leptos::prelude::*;

/// The *Billing profiles* section of Bills & payments.
#[component]
pub fn BillingProfilesPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="section-title">
            <h2 id="section-title">{t!(i18n, nav.billing_profiles)}</h2>
            <p>{t!(i18n, billing.profiles_intro)}</p>
            <p class="notice">{t!(i18n, billing.coming)}</p>
        </section>
    }
}
