use leptos::prelude::*;

/// A labelled text box with its message beside it: the message is the box's description, and the box is marked
/// invalid while there is one.
#[component]
pub fn TextField(
    /// The box's id (its label points at it; the message's id is `<id>-error`).
    id: &'static str,
    /// The label.
    #[prop(into)]
    label: Signal<String>,
    /// What is typed.
    value: RwSignal<String>,
    /// What is wrong with it, if anything.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// A hint under the label.
    #[prop(into, optional)]
    hint: MaybeProp<String>,
    /// The `autocomplete` token (e.g. `cc-name`).
    #[prop(optional)]
    autocomplete: &'static str,
    /// `numeric` for digits.
    #[prop(optional)]
    inputmode: &'static str,
    /// The longest input.
    #[prop(optional)]
    maxlength: Option<u32>,
    /// Whether the box is required.
    #[prop(into, optional)]
    required: Signal<bool>,
    /// Called when the box loses focus.
    #[prop(optional)]
    on_blur: Option<Callback<()>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || if hint.with(Option::is_some) { format!("{hint_id} {error_id}") } else { error_id.clone() }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {move || hint.get().map(|hint| view! { <p id=hint_id.clone() class="field-hint">{hint}</p> })}
            <input
                type="text"
                id=id
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                maxlength=maxlength
                aria-required=move || required.get().then_some("true")
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
                // A box also loses focus as its form goes away (a pane closing on Escape): then nobody listens.
                on:blur=move |_| if let Some(on_blur) = on_blur { on_blur.try_run(()); }
            />
            <p id=error_id class="field-error">{error}</p>
        </div>
    }
}
