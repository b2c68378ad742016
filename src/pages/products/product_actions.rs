use crate::format;
use crate::i18n::*;
use crate::labels::{self, I18n};
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
    let base = format!("/products/{}", contract::paths::encode(&subscription.id.0));
    let actions = &subscription.allowed_actions;
    let entries: [(&'static str, fn(I18n) -> String, &Permission); 5] = [
        ("buy", |i18n| t_string!(i18n, actions.buy).to_string(), &actions.buy),
        ("reduce", |i18n| t_string!(i18n, actions.reduce).to_string(), &actions.reduce),
        ("assign", |i18n| t_string!(i18n, actions.assign).to_string(), &actions.assign),
        ("cancel", |i18n| t_string!(i18n, actions.cancel).to_string(), &actions.cancel),
        ("reactivate", |i18n| t_string!(i18n, actions.reactivate).to_string(), &actions.reactivate),
    ];
    let items = entries
        .into_iter()
        .map(|(slug, label, permission)| match permission.clone() {
            Permission::Allowed => view! {
                <li><A href=format!("{base}/{slug}") attr:class="button">{move || label(i18n)}</A></li>
            }
            .into_any(),
            Permission::Denied { reason, date } => {
                let reason_id = format!("reason-{slug}");
                let reason_text =
                    move || labels::denial(i18n, reason, date.map(|d| format::date(labels::locale_code(i18n), d)));
                view! {
                    <li class="denied">
                        <button type="button" class="button" disabled aria-describedby=reason_id.clone()>
                            {move || label(i18n)}
                        </button>
                        <span class="reason" id=reason_id>{reason_text}</span>
                    </li>
                }
                .into_any()
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
