use super::product_action::ProductAction;
use crate::format;
use crate::i18n::*;
use crate::labels;
use contract::subscriptions::{Permission, Subscription};
use leptos::prelude::*;
use leptos_router::components::A;

/// The actions of a subscription. Allowed ones open their pane; the others are disabled with the reason in words.
/// On a subscription someone else manages, the actions only they can take are left out, and a note says who
/// manages it (once, rather than the same reason on each).
#[component]
pub fn ProductActions(
    /// The subscription acted on.
    subscription: Subscription,
) -> impl IntoView {
    let i18n = use_i18n();
    let managed = {
        let subscription = subscription.clone();
        move || {
            labels::managed_by(i18n, &subscription).map(|manager| {
                let note = t_string!(i18n, managed.note, manager, only_there = t_string!(i18n, managed.only_there));
                view! { <p class="managed-by">{note.to_string()}</p> }
            })
        }
    };
    let allowed = subscription.allowed_actions.clone();
    let items = ProductAction::ALL
        .into_iter()
        .filter(|action| action.is_offered(&allowed) && !labels::denied_as_not_theirs(action.permission(&allowed)))
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
            {managed}
            <ul class="actions">{items}</ul>
        </section>
    }
}
