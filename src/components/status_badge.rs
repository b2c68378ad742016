use crate::i18n::*;
use crate::labels;
use contract::subscriptions::SubscriptionStatus;
use leptos::prelude::*;

/// A subscription's status as a coloured badge with its translated name (colour is never the only cue).
#[component]
pub fn StatusBadge(
    /// The status to show.
    status: SubscriptionStatus,
) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=format!("badge status-{}", status.as_str())>{move || labels::status(i18n, status)}</span> }
}
