use crate::format;
use crate::i18n::*;
use contract::billing::CardExpiry;
use contract::cards::{expiry_state, ExpiryState};
use leptos::prelude::*;

/// *Expired* or *Expires soon* beside a card's expiry (nothing while it is valid past next month).
#[component]
pub fn ExpiryBadge(
    /// The card's expiry.
    expiry: CardExpiry,
) -> impl IntoView {
    let i18n = use_i18n();
    match expiry_state(expiry, format::today_or_epoch()) {
        ExpiryState::Valid => None,
        ExpiryState::ExpiresSoon => Some(
            view! {
                <span class="badge status-expired">{move || t_string!(i18n, cards.expires_soon).to_string()}</span>
            }
            .into_any(),
        ),
        ExpiryState::Expired => Some(
            view! {
                <span class="badge status-cancelled">{move || t_string!(i18n, cards.expired).to_string()}</span>
            }
            .into_any(),
        ),
    }
}
