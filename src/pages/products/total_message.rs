use super::license_total::TotalProblem;
use super::product_action::ProductAction;
use crate::format;
use crate::i18n::*;
use crate::labels::{self, locale_code};
use contract::rules::TotalError;
use leptos::prelude::*;
use leptos_router::components::A;

/// The message beside the license box: what is wrong with the typed total, and the way forward when there is one
/// (unassign people first, or cancel instead of going to zero).
#[component]
pub fn TotalMessage(
    /// What is wrong.
    problem: TotalProblem,
    /// The subscription's id, for the links.
    subscription_id: String,
    /// Whether cancelling is allowed (then zero links to it).
    can_cancel: bool,
    /// Whether the pane buys licenses (otherwise it removes them).
    buying: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let encoded = contract::paths::encode(&subscription_id);
    let text = move || match problem {
        TotalProblem::Rule(TotalError::Empty) => t_string!(i18n, licenses_pane.empty).to_string(),
        TotalProblem::Rule(TotalError::NotAWholeNumber) => t_string!(i18n, licenses_pane.not_whole).to_string(),
        TotalProblem::Rule(TotalError::Zero) => t_string!(i18n, licenses_pane.zero).to_string(),
        TotalProblem::Rule(TotalError::AboveMaximum { max }) => {
            t_string!(i18n, licenses_pane.above_max, max).to_string()
        }
        TotalProblem::Rule(TotalError::BelowAssigned { assigned }) => {
            t_string!(i18n, licenses_pane.below_assigned, assigned).to_string()
        }
        TotalProblem::Rule(TotalError::Unchanged) if buying => t_string!(i18n, licenses_pane.unchanged_buy).to_string(),
        TotalProblem::Rule(TotalError::Unchanged) => t_string!(i18n, licenses_pane.unchanged_remove).to_string(),
        TotalProblem::OtherWay { raising: true } => t_string!(i18n, licenses_pane.would_add).to_string(),
        TotalProblem::OtherWay { raising: false } => t_string!(i18n, licenses_pane.would_remove).to_string(),
        TotalProblem::Denied { raising, reason, date } => {
            let why = labels::denial(i18n, reason, date.map(|d| format::date(locale_code(i18n), d)));
            if raising {
                t_string!(i18n, licenses_pane.cannot_buy, reason = why).to_string()
            } else {
                t_string!(i18n, licenses_pane.cannot_remove, reason = why).to_string()
            }
        }
    };
    let link = match problem {
        TotalProblem::Rule(TotalError::BelowAssigned { .. }) => Some((
            format!("licenses/{encoded}"),
            Signal::derive(move || t_string!(i18n, licenses_pane.unassign_link).to_string()),
        )),
        TotalProblem::OtherWay { raising } => {
            let (slug, action) = if raising { ("buy", ProductAction::Buy) } else { ("reduce", ProductAction::Reduce) };
            Some((format!("products/{encoded}/{slug}"), Signal::derive(move || action.label(i18n))))
        }
        TotalProblem::Rule(TotalError::Zero) if can_cancel => Some((
            format!("products/{encoded}/cancel"),
            Signal::derive(move || t_string!(i18n, actions.cancel).to_string()),
        )),
        _ => None,
    };
    view! {
        <p id="license-total-message" class=if problem.is_invalid() { "field-error" } else { "field-hint" }>
            {text}
            {link.map(|(href, label)| view! { " " <A href=href>{label}</A> })}
        </p>
    }
}
