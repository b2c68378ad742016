use crate::i18n::*;
use crate::labels;
use contract::subscriptions::SubscriptionStatus;
use leptos::prelude::*;

/// The badge's classes for `status` (its colour), for a badge whose status changes (a reused row's).
pub fn badge_class(status: SubscriptionStatus) -> String {
    format!("badge status-{}", status.as_str())
}

/// A subscription's status as a coloured badge with its translated name (colour is never the only cue).
#[component]
pub fn StatusBadge(
    /// The status to show.
    status: SubscriptionStatus,
    /// The name is written once, in the language of the moment, instead of following the language: for the rows
    /// of a list that is rebuilt when the language changes (one subscription to the language for the whole list,
    /// where Leptos keeps a little memory for every subscription a row leaves behind).
    #[prop(optional)]
    fixed: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = badge_class(status);
    if fixed {
        view! { <span class=class>{labels::status(i18n, status)}</span> }.into_any()
    } else {
        view! { <span class=class>{move || labels::status(i18n, status)}</span> }.into_any()
    }
}
