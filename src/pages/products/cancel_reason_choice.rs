use crate::i18n::*;
use crate::labels;
use leptos::prelude::*;

/// One reason to cancel, as a radio button of the reasons group.
#[component]
pub fn CancelReasonChoice(
    /// The reason's code (the backend's; translated for the label).
    code: String,
    /// The chosen reason's code.
    selected: RwSignal<String>,
    /// Whether the group has an error (then it describes every choice).
    #[prop(into)]
    invalid: Signal<bool>,
    /// Called when this reason is chosen.
    on_pick: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let input_id = format!("reason-{code}");
    let label = {
        let code = code.clone();
        move || labels::cancellation_reason(i18n, &code)
    };
    let (value, checked_code) = (code.clone(), code.clone());
    view! {
        <div class="choice">
            <input
                type="radio"
                name="cancel-reason"
                id=input_id.clone()
                value=code
                prop:checked=move || selected.with(|r| *r == checked_code)
                aria-describedby=move || invalid.get().then_some("cancel-reason-error")
                on:change=move |_| {
                    selected.set(value.clone());
                    on_pick.run(());
                }
            />
            <label for=input_id>{label}</label>
        </div>
    }
}
