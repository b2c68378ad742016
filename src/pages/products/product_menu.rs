use super::product_action::ProductAction;
use crate::components::{MenuButton, MenuItem};
use crate::format;
use crate::i18n::*;
use crate::labels::{self, locale_code};
use contract::subscriptions::{Permission, Subscription};
use leptos::prelude::*;

/// The *More actions* (…) menu of a subscription: every offered action, disabled ones with their reason.
#[component]
pub fn ProductMenu(
    /// The subscription acted on.
    subscription: Subscription,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = subscription.product.name.clone();
    let label = Signal::derive(move || t_string!(i18n, products.more_actions, product = name.clone()).to_string());
    let base = format!("/products/{}", contract::paths::encode(&subscription.id.0));
    let items = Signal::derive(move || {
        ProductAction::ALL
            .into_iter()
            .filter(|action| action.is_offered(&subscription.allowed_actions))
            .map(|action| MenuItem {
                label: action.label(i18n),
                href: format!("{base}/{}", action.slug()),
                denied: match action.permission(&subscription.allowed_actions) {
                    Permission::Allowed => None,
                    Permission::Denied { reason, date } => {
                        Some(labels::denial(i18n, *reason, date.map(|d| format::date(locale_code(i18n), d))))
                    }
                },
            })
            .collect()
    });
    view! { <MenuButton label items /> }
}
