use crate::i18n::*;
use contract::directory::Person;
use contract::licenses::AssignRequest;
use leptos::prelude::*;

/// The people chosen so far, as removable chips, with how many of the 20 allowed.
#[component]
pub fn ChosenPeople(
    /// The chosen people.
    chosen: RwSignal<Vec<Person>>,
    /// Called with the person removed from the list.
    on_remove: Callback<Person>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = move || {
        t_string!(i18n, assign_pane.chosen_title, count = chosen.with(Vec::len), max = AssignRequest::MAX_PEOPLE)
            .to_string()
    };
    view! {
        <section class="chosen" aria-labelledby="chosen-title">
            <h3 id="chosen-title">{heading}</h3>
            <Show
                when=move || !chosen.with(Vec::is_empty)
                fallback=move || view! { <p class="field-hint">{t!(i18n, assign_pane.chosen_empty)}</p> }
            >
                <ul class="chips">
                    <For each=move || chosen.get() key=|p| p.id.clone() let:person>
                        <li class="chip">
                            <span>{person.display_name.clone()}</span>
                            <button
                                type="button"
                                class="chip-remove"
                                aria-label={
                                    let name = person.display_name.clone();
                                    move || t_string!(i18n, assign_pane.remove_person, name = name.clone()).to_string()
                                }
                                on:click=move |_| on_remove.run(person.clone())
                            >
                                <span aria-hidden="true">"✕"</span>
                            </button>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
