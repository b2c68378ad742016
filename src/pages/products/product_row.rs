use crate::components::StatusBadge;
use crate::format;
use crate::i18n::*;
use crate::labels::{self, I18n};
use contract::subscriptions::{BillingFrequency, Subscription};
use leptos::prelude::*;
use leptos_router::components::A;

/// One product in the table.
#[component]
pub fn ProductRow(
    /// The subscription shown.
    subscription: Subscription,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/products/{}", contract::paths::encode(&subscription.id.0));
    let Subscription { product, status, assigned_licenses, total_licenses, .. } = subscription.clone();
    let licenses =
        move || t_string!(i18n, products.licenses_of, assigned = assigned_licenses, total = total_licenses).to_string();
    let renewal = {
        let s = subscription.clone();
        move || renewal_text(i18n, &s)
    };
    let price = move || price_text(i18n, &subscription);
    view! {
        <tr>
            <th scope="row"><A href=href>{product.name}</A></th>
            <td>{licenses}</td>
            <td><StatusBadge status /></td>
            <td>{renewal}</td>
            <td>{price}</td>
        </tr>
    }
}

/// "Renews 15 Dec 2026" or "Expires …".
pub fn renewal_text(i18n: I18n, subscription: &Subscription) -> String {
    let date = format::date(labels::locale_code(i18n), subscription.renews_or_expires_on);
    if subscription.auto_renew {
        t_string!(i18n, products.renews_on, date).to_string()
    } else {
        t_string!(i18n, products.expires_on, date).to_string()
    }
}

/// "69,00 kr per month".
pub fn price_text(i18n: I18n, subscription: &Subscription) -> String {
    let price = format::money(labels::locale_code(i18n), &subscription.unit_price);
    match subscription.billing_frequency {
        BillingFrequency::Monthly => t_string!(i18n, products.per_month, price).to_string(),
        BillingFrequency::Yearly => t_string!(i18n, products.per_year, price).to_string(),
    }
}
