use super::product_menu::ProductMenu;
use crate::components::StatusBadge;
use crate::i18n::*;
use crate::labels::{price_text, renewal_text};
use contract::subscriptions::Subscription;
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
    let price = {
        let s = subscription.clone();
        move || price_text(i18n, &s)
    };
    view! {
        <tr>
            <th scope="row"><A href=href>{product.name}</A></th>
            <td>{licenses}</td>
            <td><StatusBadge status /></td>
            <td>{renewal}</td>
            <td>{price}</td>
            <td class="row-actions"><ProductMenu subscription from_list=true /></td>
        </tr>
    }
}
