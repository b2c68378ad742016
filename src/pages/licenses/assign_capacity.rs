use super::current_licenses::CurrentLicenses;
use crate::format;
use crate::i18n::*;
use crate::labels::{self, locale_code};
use contract::subscriptions::Permission;
use contract::SubscriptionId;
use leptos::prelude::*;
use leptos_router::components::A;

/// How many licenses are free for the chosen people; when too few, how many are missing and *Buy licenses* with
/// the needed total filled in (the purchase pane returns here, the chosen people kept).
#[component]
pub fn AssignCapacity(
    /// The subscription.
    id: SubscriptionId,
    /// How many people are chosen.
    #[prop(into)]
    chosen: Signal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let subscription = expect_context::<CurrentLicenses>().loaded();
    let encoded = contract::paths::encode(&id.0);
    move || {
        let s = subscription.get()?;
        let (available, chosen) = (s.available_licenses(), chosen.get());
        let missing = chosen.saturating_sub(available);
        if missing == 0 {
            return Some(
                view! {
                    <p class="field-hint" id="assign-capacity">
                        {t_string!(i18n, assign_pane.available, available).to_string()}
                    </p>
                }
                .into_any(),
            );
        }
        let needed = if missing == 1 {
            t_string!(i18n, assign_pane.missing_one, chosen, available).to_string()
        } else {
            t_string!(i18n, assign_pane.missing, chosen, available, missing).to_string()
        };
        let remedy = match &s.allowed_actions.buy {
            Permission::Allowed => {
                let back = contract::paths::encode(&format!("/licenses/{encoded}/assign"));
                let href = format!("products/{encoded}/buy?total={}&back={back}", s.total_licenses + missing);
                view! {
                    <A href attr:class="button">{t_string!(i18n, assign_pane.buy_needed, missing).to_string()}</A>
                }
                .into_any()
            }
            Permission::Denied { reason, date } => {
                let reason = labels::denial(i18n, *reason, date.map(|d| format::date(locale_code(i18n), d)));
                view! { <p>{t_string!(i18n, assign_pane.cannot_buy, reason).to_string()}</p> }.into_any()
            }
        };
        Some(
            view! {
                <div class="field-error capacity" id="assign-capacity" role="alert">
                    <p>{needed}</p>
                    {remedy}
                </div>
            }
            .into_any(),
        )
    }
}
