use crate::components::ExpiryBadge;
use crate::i18n::*;
use crate::labels;
use contract::billing::{BillingProfile, PaymentMethod};
use leptos::prelude::*;

/// The person's cards: brand and last four digits (leading to the card's pane), expiry with its state, name on the
/// card, and the billing profiles it pays for.
#[component]
pub fn PaymentMethodsTable(
    /// The cards.
    methods: Vec<PaymentMethod>,
    /// The person's billing profiles (to name the ones a card pays for).
    profiles: Vec<BillingProfile>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = methods
        .into_iter()
        .map(|method| {
            let href = format!("billing/payment-methods/{}", contract::paths::encode(&method.id.0));
            let (brand, last4) = (method.brand, method.last4.clone());
            let card = move || labels::card(i18n, brand, &last4);
            let used_by: Vec<String> = method
                .used_by
                .iter()
                .filter_map(|id| profiles.iter().find(|p| p.id == *id).map(|p| p.name.clone()))
                .collect();
            let used = move || {
                if used_by.is_empty() { t_string!(i18n, cards.not_used).to_string() } else { used_by.join(", ") }
            };
            view! {
                <tr>
                    <th scope="row"><a href=href>{card}</a></th>
                    <td><span class="expiry">{labels::expiry(method.expiry)}</span> " " <ExpiryBadge expiry=method.expiry /></td>
                    <td>{method.name_on_card}</td>
                    <td>{used}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{t!(i18n, cards.table_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, cards.col_card)}</th>
                        <th scope="col">{t!(i18n, cards.col_expires)}</th>
                        <th scope="col">{t!(i18n, cards.col_name)}</th>
                        <th scope="col">{t!(i18n, cards.col_used_by)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
