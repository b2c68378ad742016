use leptos::prelude::*;

/// A form's submit button with what is happening beside it (politely announced): "Saving…" while a request is
/// under way, or a note such as "Nothing has changed". Pressing the button keeps focus in the field until the
/// click lands, so a message the field shows when it is left cannot move the button from under the pointer.
#[component]
pub fn SubmitBar(
    /// The button's text ("Add", "Save").
    #[prop(into)]
    label: Signal<String>,
    /// Whether the form's request is under way.
    #[prop(into)]
    busy: Signal<bool>,
    /// What is said while busy ("Adding the card…").
    #[prop(into)]
    busy_text: Signal<String>,
    /// A note while not busy.
    #[prop(into, optional)]
    note: MaybeProp<String>,
    /// Whether the form is not ready to send: the button says so (`aria-disabled`) but stays focusable, and
    /// pressing it shows what is missing.
    #[prop(into, optional)]
    unavailable: Signal<bool>,
) -> impl IntoView {
    let status = move || if busy.get() { Some(busy_text.get()) } else { note.get() };
    view! {
        <div class="pane-actions">
            <button
                type="submit"
                class="button primary"
                aria-busy=move || busy.get().to_string()
                aria-disabled=move || unavailable.get().then_some("true")
                on:mousedown=|event| event.prevent_default()
            >
                {label}
            </button>
            <span class="field-hint" role="status">{status}</span>
        </div>
    }
}
