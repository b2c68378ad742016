use super::product_menu::ProductMenu;
use crate::components::StatusBadge;
use crate::i18n::*;
use crate::labels::{price_text, renewal_text};
use contract::subscriptions::Subscription;
use leptos::prelude::*;

/// One product in the table. Its texts are written once, in the language of the moment: the table rebuilds its
/// rows when the language changes (see [`StatusBadge`]'s `fixed`).
#[component]
pub fn ProductRow(
    /// The subscription shown.
    subscription: Subscription,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/products/{}", contract::paths::encode(&subscription.id.0));
    let Subscription { product, status, assigned_licenses, total_licenses, .. } = subscription.clone();
    // A component's body is not tracked: these read the language once.
    let licenses =
        t_string!(i18n, products.licenses_of, assigned = assigned_licenses, total = total_licenses).to_string();
    let renewal = renewal_text(i18n, &subscription);
    let price = price_text(i18n, &subscription);
    view! {
        <tr>
            <th scope="row"><a href=href>{product.name}</a></th>
            <td>{licenses}</td>
            <td><StatusBadge status fixed=true /></td>
            <td>{renewal}</td>
            <td>{price}</td>
            <td class="row-actions"><ProductMenu subscription from_list=true /></td>
        </tr>
    }
}
