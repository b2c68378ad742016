use super::menu_button::MenuItem;
use leptos::html::{Button, Ul};
use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// The open menu of a [`super::MenuButton`]: mounted only while open, so a long list of rows, each with its menu
/// button, carries no menu (its placement, listeners and entries) until one is opened.
///
/// The menu is placed in the viewport (fixed), so no scrolling container clips it: below the button, or above it
/// when there is more room there. Scrolling or resizing the page moves it with the button. Placed through the CSS
/// object model (`style:`), which a strict Content-Security-Policy allows; a `style` attribute would be blocked.
#[component]
pub fn MenuList(
    /// The menu's id (the button's `aria-controls`).
    id: String,
    /// The menu's accessible name (the button's).
    label: Signal<String>,
    /// The entries.
    items: Signal<Vec<MenuItem>>,
    /// The button the menu belongs to.
    button: NodeRef<Button>,
    /// The menu element, for the button's keyboard handling.
    menu: NodeRef<Ul>,
    /// A key pressed in the menu.
    on_keydown: Callback<KeyboardEvent>,
    /// An entry was chosen.
    on_choose: Callback<()>,
) -> impl IntoView {
    let placement = RwSignal::new(Placement::of(button));
    for handle in [
        window_event_listener(leptos::ev::scroll, move |_| placement.set(Placement::of(button))),
        window_event_listener(leptos::ev::resize, move |_| placement.set(Placement::of(button))),
    ] {
        on_cleanup(move || handle.remove());
    }
    let entries = move || {
        items
            .get()
            .into_iter()
            .map(|item| match item.denied {
                None => view! {
                    <li role="none">
                        <a role="menuitem" tabindex="-1" href=item.href on:click=move |_| {
                            if let Some(chosen) = item.on_choose {
                                chosen.run(());
                            }
                            on_choose.run(());
                        }>
                            {item.label}
                        </a>
                    </li>
                }
                .into_any(),
                Some(reason) => view! {
                    <li role="none">
                        <span role="menuitem" tabindex="-1" aria-disabled="true" class="menu-item-denied">
                            {item.label}
                            <span class="reason">{reason}</span>
                        </span>
                    </li>
                }
                .into_any(),
            })
            .collect_view()
    };
    view! {
        <ul
            id=id
            role="menu"
            class="menu"
            aria-label=label
            node_ref=menu
            style:top=move || placement.with(|p| p.top.clone())
            style:bottom=move || placement.with(|p| p.bottom.clone())
            style:right=move || placement.with(|p| p.right.clone())
            on:keydown=move |event| on_keydown.run(event)
        >
            {entries}
        </ul>
    }
}

/// Where the open menu sits in the viewport: CSS lengths, empty for a side it is not anchored to.
#[derive(Clone, Debug, Default, PartialEq)]
struct Placement {
    top: String,
    bottom: String,
    right: String,
}

impl Placement {
    /// Below `button`, or above it when there is less than 240 px below and more room above.
    fn of(button: NodeRef<Button>) -> Self {
        let Some(button) = button.get_untracked() else { return Self::default() };
        let rect = button.get_bounding_client_rect();
        let root = document().document_element();
        let (width, height) = root.map_or((0.0, 0.0), |r| (f64::from(r.client_width()), f64::from(r.client_height())));
        let right = (width - rect.right()).max(0.0);
        let below = height - rect.bottom();
        if below < 240.0 && rect.top() > below {
            Self { top: String::new(), bottom: px(height - rect.top() + 4.0), right: px(right) }
        } else {
            Self { top: px(rect.bottom() + 4.0), bottom: String::new(), right: px(right) }
        }
    }
}

/// Whole pixels, formatted as an integer: formatting an `f64` would bring Rust's float formatter into the first
/// download.
fn px(value: f64) -> String {
    format!("{}px", value.round() as i32)
}
