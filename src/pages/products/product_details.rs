use crate::format;
use crate::i18n::*;
use crate::labels::{self, price_text, Renewal};
use contract::subscriptions::Subscription;
use leptos::prelude::*;

/// The facts of one subscription as a description list.
#[component]
pub fn ProductDetails(
    /// The subscription described.
    subscription: Subscription,
) -> impl IntoView {
    let i18n = use_i18n();
    let s = StoredValue::new(subscription);
    let date = move |pick: fn(&Subscription) -> time::Date| {
        move || s.with_value(|s| format::date(labels::locale_code(i18n), pick(s)))
    };
    let renewal_label = move || match s.with_value(Renewal::of) {
        Renewal::Renews => t_string!(i18n, product.renews_on).to_string(),
        Renewal::Expires => t_string!(i18n, product.expires_on).to_string(),
        Renewal::Expired => t_string!(i18n, product.expired_on).to_string(),
    };
    view! {
        <section class="card" aria-labelledby="details-title">
            <h2 id="details-title">{t!(i18n, product.details)}</h2>
            <dl class="details">
                <dt>{t!(i18n, product.channel)}</dt>
                <dd>{move || s.with_value(|s| labels::channel(i18n, s.channel))}</dd>
                <dt>{t!(i18n, product.billing_frequency)}</dt>
                <dd>{move || s.with_value(|s| labels::frequency(i18n, s.billing_frequency))}</dd>
                <dt>{t!(i18n, product.purchased_on)}</dt>
                <dd>{date(|s| s.purchased_on)}</dd>
                <dt>{renewal_label}</dt>
                <dd>{date(|s| s.renews_or_expires_on)}</dd>
                <dt>{t!(i18n, product.total)}</dt>
                <dd>{s.with_value(|s| s.total_licenses)}</dd>
                <dt>{t!(i18n, product.assigned)}</dt>
                <dd>{s.with_value(|s| s.assigned_licenses)}</dd>
                <dt>{t!(i18n, product.available)}</dt>
                <dd>{s.with_value(Subscription::available_licenses)}</dd>
                <dt>{t!(i18n, product.price)}</dt>
                <dd>{move || s.with_value(|s| price_text(i18n, s))}</dd>
                <dt>{t!(i18n, product.billing_profile)}</dt>
                <dd>{s.with_value(|s| s.billing_profile_name.clone())}</dd>
            </dl>
            {s.with_value(|s| s.payment_pending).then(|| view! {
                <p class="notice">{t!(i18n, product.payment_pending)}</p>
            })}
        </section>
    }
}
