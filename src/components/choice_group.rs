use crate::i18n::*;
use leptos::prelude::*;

/// A group of radio buttons with an *All* choice first.
#[component]
pub fn ChoiceGroup(
    /// The radio group's name.
    name: &'static str,
    /// The group's visible legend.
    legend: Signal<String>,
    /// Values and their labels.
    choices: Vec<(String, Signal<String>)>,
    /// The chosen value; `None` is *All*.
    value: Signal<Option<String>>,
    /// Called with the new choice.
    on_change: Callback<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="choice-group">
            <legend>{legend}</legend>
            <label>
                <input
                    type="radio"
                    name=name
                    prop:checked=move || value.get().is_none()
                    on:change=move |_| on_change.run(None)
                />
                {t!(i18n, products.all)}
            </label>
            {choices
                .into_iter()
                .map(|(choice, label)| {
                    let checked = {
                        let choice = choice.clone();
                        move || value.get().as_deref() == Some(choice.as_str())
                    };
                    view! {
                        <label>
                            <input
                                type="radio"
                                name=name
                                prop:checked=checked
                                on:change=move |_| on_change.run(Some(choice.clone()))
                            />
                            {label}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
