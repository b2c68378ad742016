use super::cancel_form::CancelForm;
use super::license_total_form::LicenseTotalForm;
use super::product_action::ProductAction;
use super::product_page::CurrentSubscription;
use super::reactivate_form::ReactivateForm;
use crate::components::Pane;
use crate::i18n::*;
use crate::routing::use_route;
use crate::state::confirmation::use_confirmations;
use crate::state::pane_return::use_leave_pane;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

/// Whether the pane of the address can open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gate {
    /// The subscription is still loading (or failed: the page says so).
    Waiting,
    /// Loaded and the backend allows the action.
    Open,
    /// Unknown action, or not allowed: go to the product.
    Closed,
}

/// The pane of one product action (`/products/:id/:action`), a route so refresh, back and links work. It opens only
/// once the subscription is loaded and the backend allows the action; otherwise the address leads to the product.
/// The pane stays as it is while the subscription changes underneath (what the person typed is kept).
#[component]
pub fn ActionPane() -> impl IntoView {
    let i18n = use_i18n();
    let route = use_route();
    let current = expect_context::<CurrentSubscription>();
    use_confirmations().dismiss();
    let id = Memo::new(move |_| route.with(|r| r.id().to_owned()));
    let action = Memo::new(move |_| route.with(|r| r.action().and_then(ProductAction::from_slug)));
    let allowed = Memo::new(move |_| {
        current.0.with(|loaded| match (loaded, action.get()) {
            (Some(Ok(s)), Some(action)) if action.permission(&s.allowed_actions).is_allowed() => Some(action),
            _ => None,
        })
    });
    // Once open, the pane stays while the subscription changes underneath (e.g. a conflict shows it is no longer
    // allowed): the form says why, instead of the pane vanishing with the message.
    let opened = StoredValue::new(false);
    let shown = Memo::new(move |_| {
        let shown = allowed.get().or_else(|| if opened.get_value() { action.get() } else { None });
        opened.set_value(shown.is_some());
        shown
    });
    let gate = Memo::new(move |_| match (shown.get(), current.0.with(|loaded| matches!(loaded, Some(Ok(_))))) {
        (Some(_), _) => Gate::Open,
        (None, true) => Gate::Closed,
        (None, false) => Gate::Waiting,
    });
    // Closing returns to where the pane was opened from: the list (its address is in `back`), or the product.
    let query = use_query_map();
    let close_href = Signal::derive(move || {
        query
            .with(|q| q.get("back"))
            .filter(|back| is_return_path(back))
            .unwrap_or_else(|| format!("/products/{}", contract::paths::encode(&id.get())))
    });
    let leave = use_leave_pane();
    let close = Callback::new(move |()| leave.run(close_href.get_untracked()));
    // Going from one pane to another (a link inside the pane) keeps the dialog and swaps its form, then focuses the
    // new form's first field.
    let switched = StoredValue::new(false);
    let form = move || {
        let action = shown.get()?;
        if switched.get_value() {
            request_animation_frame(focus_autofocus_field);
        }
        switched.set_value(true);
        Some(match action {
            ProductAction::Buy => view! { <LicenseTotalForm buying=true close /> }.into_any(),
            ProductAction::Reduce => view! { <LicenseTotalForm buying=false close /> }.into_any(),
            ProductAction::Cancel => view! { <CancelForm close /> }.into_any(),
            ProductAction::Reactivate => view! { <ReactivateForm close /> }.into_any(),
            ProductAction::Assign => {
                let path = format!("/licenses/{}/assign", contract::paths::encode(&id.get_untracked()));
                view! { <Redirect path options=NavigateOptions { replace: true, ..Default::default() } /> }.into_any()
            }
        })
    };
    let pane = move || match gate.get() {
        Gate::Open => {
            let title = Signal::derive(move || shown.get().map(|action| action.label(i18n)).unwrap_or_default());
            let product =
                current.0.with_untracked(|s| s.as_ref().and_then(|r| r.as_ref().ok()).map(|s| s.product.name.clone()));
            view! {
                <Pane title close_href>
                    <p class="pane-product">{product}</p>
                    {form}
                </Pane>
            }
            .into_any()
        }
        Gate::Closed => {
            let options = NavigateOptions { replace: true, ..Default::default() };
            view! { <Redirect path=close_href.get_untracked() options /> }.into_any()
        }
        Gate::Waiting => ().into_any(),
    };
    view! { {pane} }
}

/// Focuses the field marked `autofocus` in the open pane, as opening a pane does.
fn focus_autofocus_field() {
    let field = document().query_selector("dialog[open] [autofocus]").ok().flatten();
    if let Some(field) = field.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = field.focus();
    }
}

/// Whether `path` is a place a pane may return to besides the product: the products list (with any filters), or
/// a subscription's licenses page or its *Assign licenses* pane (which sends people to buy the licenses missing).
fn is_return_path(path: &str) -> bool {
    let safe = path.chars().all(|c| c.is_ascii_alphanumeric() || "-_.%/?=&".contains(c)) && !path.contains("//");
    path == "/products" || path.starts_with("/products?") || (safe && path.starts_with("/licenses/"))
}

#[cfg(test)]
mod tests {
    use super::is_return_path;

    #[test]
    fn only_the_list_and_licenses_pages_are_places_to_return_to() {
        assert!(is_return_path("/products"));
        assert!(is_return_path("/products?channel=self_service&q=visio"));
        assert!(is_return_path("/licenses/sub-power-bi-pro/assign"));
        for other in [
            "https://evil.example/",
            "//evil.example",
            "/products/x",
            "/billing",
            "/productsx",
            "/licenses//evil.example",
            "/licenses/x\\evil",
            "/licenses/x@evil.example:80",
        ] {
            assert!(!is_return_path(other), "{other}");
        }
    }
}
