use super::menu_list::MenuList;
use leptos::html::{Button, Ul};
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// One entry of a [`MenuButton`]: a link, or a disabled entry that says why.
#[derive(Clone, Debug)]
pub struct MenuItem {
    /// What the entry says.
    pub label: String,
    /// Where it leads.
    pub href: String,
    /// Why it cannot be chosen now (shown in the entry); `None` when it can.
    pub denied: Option<String>,
    /// What choosing it does besides following the link (run first), if anything.
    pub on_choose: Option<Callback<()>>,
}

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A WAI-ARIA menu button: the button opens a menu of links. Enter, Space and ↓ open it on the first entry, ↑ on
/// the last; in the menu ↑ ↓ move (wrapping), Home and End jump, Escape closes and returns focus to the button,
/// Tab closes and moves on, a typed character moves to the next entry starting with it. Disabled entries can be
/// focused (so their reason is read) but not chosen.
#[component]
pub fn MenuButton(
    /// The menu's accessible name, and the button's when it shows the icon ("More actions for Business Basic").
    #[prop(into)]
    label: Signal<String>,
    /// The entries.
    #[prop(into)]
    items: Signal<Vec<MenuItem>>,
    /// What the button shows, which is then its name: the "…" icon when not given.
    #[prop(optional, into)]
    face: Option<ViewFn>,
) -> impl IntoView {
    let has_face = face.is_some();
    let menu_id = format!("menu-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed));
    let open = RwSignal::new(false);
    let button = NodeRef::<Button>::new();
    let menu = NodeRef::<Ul>::new();

    let entries = move || -> Vec<HtmlElement> {
        let Some(menu) = menu.get_untracked() else { return Vec::new() };
        let Ok(list) = menu.query_selector_all("[role=menuitem]") else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect()
    };
    let focused = |entries: &[HtmlElement]| {
        let active = document().active_element();
        entries.iter().position(|e| active.as_deref() == Some(e.as_ref()))
    };
    let focus_entry = move |pick: Pick| {
        let entries = entries();
        if let Some(index) = pick.index(focused(&entries), entries.len()) {
            let _ = entries[index].focus();
        }
    };
    let open_on = move |pick: Pick| {
        open.set(true);
        // The menu is shown on the next frame; focus its entry then.
        request_animation_frame(move || focus_entry(pick));
    };
    let close = move |return_focus: bool| {
        open.set(false);
        if return_focus {
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    };

    // Enter and Space activate the button (a click, handled below, as for every other way of pressing it).
    let on_button_key = move |event: KeyboardEvent| match event.key().as_str() {
        "ArrowDown" => {
            event.prevent_default();
            open_on(Pick::First);
        }
        "ArrowUp" => {
            event.prevent_default();
            open_on(Pick::Last);
        }
        _ => {}
    };
    let on_menu_key = move |event: KeyboardEvent| {
        let pick = match event.key().as_str() {
            "ArrowDown" => Pick::Next,
            "ArrowUp" => Pick::Previous,
            "Home" => Pick::First,
            "End" => Pick::Last,
            "Escape" => {
                event.prevent_default();
                event.stop_propagation();
                return close(true);
            }
            "Tab" => return close(false),
            " " => {
                event.prevent_default();
                if let Some(target) = event.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
                    target.click();
                }
                return;
            }
            key if key.chars().count() == 1 && !event.ctrl_key() && !event.meta_key() && !event.alt_key() => {
                // Typing a character moves to the next entry starting with it.
                let typed = key.to_lowercase();
                let entries = entries();
                let start = focused(&entries).map_or(0, |i| i + 1);
                let next = (0..entries.len()).map(|offset| (start + offset) % entries.len()).find(|&i| {
                    entries[i].text_content().is_some_and(|text| text.trim().to_lowercase().starts_with(&typed))
                });
                if let Some(index) = next {
                    event.prevent_default();
                    let _ = entries[index].focus();
                }
                return;
            }
            _ => return,
        };
        event.prevent_default();
        focus_entry(pick);
    };
    // Focus also leaves when the page removes the open menu (an entry was followed). This handler then runs inside
    // that removal, when reading or writing reactive state would re-enter the renderer (a panic), so it reads the
    // DOM only and closes the menu just after.
    let on_focus_out = move |event: web_sys::FocusEvent| {
        let node = |target: Option<web_sys::EventTarget>| target.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let stays = node(event.related_target())
            .zip(node(event.current_target()))
            .is_some_and(|(to, menu_button)| menu_button.contains(Some(&to)));
        if !stays {
            queue_microtask(move || {
                open.try_set(false);
            });
        }
    };

    view! {
        <div class="menu-button" on:focusout=on_focus_out>
            <button
                type="button"
                class=if has_face { "menu-face" } else { "icon-button" }
                node_ref=button
                aria-haspopup="menu"
                aria-expanded=move || open.get().to_string()
                aria-controls={
                    let id = menu_id.clone();
                    move || open.get().then(|| id.clone())
                }
                aria-label=move || (!has_face).then(|| label.get())
                on:keydown=on_button_key
                on:click=move |_| if open.get_untracked() { close(false) } else { open_on(Pick::First) }
            >
                {match face {
                    Some(face) => face.run(),
                    None => view! { <span aria-hidden="true">"…"</span> }.into_any(),
                }}
            </button>
            {move || open.get().then(|| view! {
                <MenuList
                    id=menu_id.clone()
                    label
                    items
                    button
                    menu
                    on_keydown=Callback::new(on_menu_key)
                    on_choose=Callback::new(move |()| close(true))
                />
            })}
        </div>
    }
}

/// Which entry to focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pick {
    First,
    Last,
    Next,
    Previous,
}

impl Pick {
    /// The index to focus among `len` entries, from the focused one.
    fn index(self, current: Option<usize>, len: usize) -> Option<usize> {
        if len == 0 {
            return None;
        }
        Some(match (self, current) {
            (Self::First, _) | (Self::Next, None) => 0,
            (Self::Last, _) | (Self::Previous, None) => len - 1,
            (Self::Next, Some(i)) => (i + 1) % len,
            (Self::Previous, Some(i)) => (i + len - 1) % len,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Pick;

    #[test]
    fn arrows_wrap_and_home_end_jump() {
        assert_eq!(Pick::Next.index(Some(2), 3), Some(0));
        assert_eq!(Pick::Previous.index(Some(0), 3), Some(2));
        assert_eq!(Pick::Next.index(Some(0), 3), Some(1));
        assert_eq!(Pick::First.index(Some(2), 3), Some(0));
        assert_eq!(Pick::Last.index(None, 3), Some(2));
        assert_eq!(Pick::Next.index(None, 0), None);
    }
}
