use super::product_action::ProductAction;
use crate::format;
use crate::i18n::*;
use crate::labels;
use contract::subscriptions::{Permission, Subscription};
use leptos::prelude::*;
use leptos_router::components::A;

/// The actions of a subscription. Allowed ones open their pane; the others are disabled with the reason in words.
#[component]
pub fn ProductActions(
    /// The subscription acted on.
    subscription: Subscription,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = ProductAction::ALL
        .into_iter()
        .filter(|action| action.is_offered(&subscription.allowed_actions))
        .map(|action| {
            let label = move || action.label(i18n);
            match action.permission(&subscription.allowed_actions).clone() {
                Permission::Allowed => view! {
                    <li><A href=action.href(&subscription.id, "") attr:class="button">{label}</A></li>
                }
                .into_any(),
                Permission::Denied { reason, date } => {
                    let reason_id = format!("reason-{}", action.slug());
                    let reason_text =
                        move || labels::denial(i18n, reason, date.map(|d| format::date(labels::locale_code(i18n), d)));
                    view! {
                        <li class="denied">
                            <button type="button" class="button" disabled aria-describedby=reason_id.clone()>
                                {label}
                            </button>
                            <span class="reason" id=reason_id>{reason_text}</span>
                        </li>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="actions-title">
            <h2 id="actions-title">{t!(i18n, product.actions)}</h2>
            <ul class="actions">{items}</ul>
        </section>
    }
}
