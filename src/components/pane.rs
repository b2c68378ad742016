use crate::i18n::*;
use crate::state::pane_return::use_leave_pane;
use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A right-hand pane: a modal dialog (focus kept inside, Escape closes, focus returns) that is a route of its own.
/// It closes from the ✕ in its header, or the *Close* button at its foot, which stays in view below the content.
#[component]
pub fn Pane(
    /// The pane's heading.
    #[prop(into)]
    title: Signal<String>,
    /// Where closing the pane goes (the page underneath).
    #[prop(into)]
    close_href: Signal<String>,
    /// The pane's content.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<Dialog>::new();
    let leave = use_leave_pane();
    let opener = return_focus_target();
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    });
    on_cleanup(move || {
        // Closed first: while a modal dialog is open, nothing outside it can take focus, and the pane may leave the
        // page only after this runs.
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
        if let Some(element) = opener {
            let _ = element.focus();
        }
    });
    // Closing goes back to the page the pane was opened from (see `pane_return`), so Back does not reopen it.
    let close = move || leave.run(close_href.get_untracked());
    let on_cancel = move |event: web_sys::Event| {
        event.prevent_default();
        close();
    };
    view! {
        <dialog class="pane" node_ref=dialog aria-labelledby="pane-title" on:cancel=on_cancel>
            <header class="pane-header">
                <h2 id="pane-title">{title}</h2>
                <button type="button" class="icon-button" on:click=move |_| close()>
                    <span aria-hidden="true">"✕"</span>
                    <span class="visually-hidden">{t!(i18n, actions.close_pane)}</span>
                </button>
            </header>
            <div class="pane-body">{children()}</div>
            <footer class="pane-footer">
                <button type="button" class="button" on:click=move |_| close()>{t!(i18n, actions.close)}</button>
            </footer>
        </dialog>
    }
}

/// What gets focus back when the pane closes: the element that opened it, or the page's content when the pane
/// was opened by a link from elsewhere or a reload.
fn return_focus_target() -> Option<web_sys::HtmlElement> {
    let document = document();
    let active = document.active_element().filter(|e| e.tag_name() != "BODY");
    active.or_else(|| document.get_element_by_id("main")).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Focuses the first field marked invalid in the open pane (on the next frame, once its message is shown).
pub fn focus_first_invalid() {
    request_animation_frame(|| {
        // A hosted card field's frame is marked `data-invalid` (its input, in the frame, is `aria-invalid`).
        let invalid = "dialog[open] [aria-invalid=\"true\"], dialog[open] iframe[data-invalid]";
        let field = document().query_selector(invalid).ok().flatten();
        let Some(field) = field else { return };
        // A group (fieldset) is focused through its first control.
        let target = if field.tag_name() == "FIELDSET" {
            field.query_selector("input:not([disabled]), select").ok().flatten()
        } else {
            Some(field)
        };
        if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = target.focus();
        }
    });
}
