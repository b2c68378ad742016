use crate::i18n::*;
use contract::subscriptions::Subscription;
use leptos::prelude::*;

/// "40 of 100 licenses assigned, 60 available", announced when it changes.
#[component]
pub fn LicenseCounts(
    /// The subscription counted.
    subscription: Subscription,
) -> impl IntoView {
    let i18n = use_i18n();
    let (assigned, total) = (subscription.assigned_licenses, subscription.total_licenses);
    let available = subscription.available_licenses();
    view! {
        <p class="license-counts" role="status">
            {move || t_string!(i18n, licenses.counts, assigned, total, available).to_string()}
        </p>
    }
}
