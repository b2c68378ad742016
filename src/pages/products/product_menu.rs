use super::product_action::ProductAction;
use crate::components::{MenuButton, MenuItem};
use crate::format;
use crate::i18n::*;
use crate::labels::{self, locale_code};
use crate::routing::app_path;
use contract::subscriptions::{Permission, Subscription};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The *More actions* (…) menu of a subscription: every offered action, disabled ones with their reason. On a
/// subscription someone else manages, the actions only they can take are left out, and one disabled entry says who
/// manages it instead (rather than the same reason on each).
#[component]
pub fn ProductMenu(
    /// The button's accessible name ("More actions for Business Basic").
    #[prop(into)]
    label: Signal<String>,
    /// The subscription acted on (no entries while there is none).
    #[prop(into)]
    subscription: Signal<Option<Subscription>>,
    /// Whether the menu is in the list: its panes then return to the list, filters and all.
    #[prop(optional)]
    from_list: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let items = Signal::derive(move || {
        let Some(subscription) = subscription.get() else { return Vec::new() };
        let query = if from_list {
            let (path, search) = (location.pathname.get(), location.search.get());
            let path = app_path(&path);
            let list =
                if search.is_empty() { path.to_owned() } else { format!("{path}?{}", search.trim_start_matches('?')) };
            format!("?back={}", contract::paths::encode(&list))
        } else {
            String::new()
        };
        let allowed = &subscription.allowed_actions;
        let mut items: Vec<MenuItem> = ProductAction::ALL
            .into_iter()
            .filter(|action| action.is_offered(allowed) && !labels::denied_as_not_theirs(action.permission(allowed)))
            .map(|action| MenuItem {
                label: action.label(i18n),
                href: action.href(&subscription.id, &query),
                denied: match action.permission(&subscription.allowed_actions) {
                    Permission::Allowed => None,
                    Permission::Denied { reason, date } => {
                        Some(labels::denial(i18n, *reason, date.map(|d| format::date(locale_code(i18n), d))))
                    }
                },
                on_choose: None,
            })
            .collect();
        if let Some(manager) = labels::managed_by(i18n, &subscription) {
            let reason = Some(t_string!(i18n, managed.only_there).to_string());
            items.push(MenuItem { label: manager, href: String::new(), denied: reason, on_choose: None });
        }
        items
    });
    view! { <MenuButton label items /> }
}
