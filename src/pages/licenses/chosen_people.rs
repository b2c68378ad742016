use crate::components::EmailAddress;
use crate::i18n::*;
use contract::directory::Person;
use contract::licenses::AssignRequest;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The people chosen so far, as removable chips (name and e-mail, so namesakes can be told apart), with how many
/// of the 20 allowed. Removing one moves focus to the next chip, or back to the name box when none is left.
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
    let remove = move |person: Person| {
        let index = chosen.with_untracked(|c| c.iter().position(|p| p.id == person.id)).unwrap_or(0);
        on_remove.run(person);
        request_animation_frame(move || focus_after_removal(index));
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
                            <span class="chip-name">{person.display_name.clone()}</span>
                            <span class="chip-email"><EmailAddress address=person.email.clone() /></span>
                            <button
                                type="button"
                                class="chip-remove"
                                aria-label={
                                    let (name, email) = (person.display_name.clone(), person.email.clone());
                                    move || {
                                        let namesakes = chosen.with(|c| c.iter().filter(|p| p.display_name == name).count());
                                        if namesakes > 1 {
                                            t_string!(i18n, assign_pane.remove_person_email, name = name.clone(), email = email.clone()).to_string()
                                        } else {
                                            t_string!(i18n, assign_pane.remove_person, name = name.clone()).to_string()
                                        }
                                    }
                                }
                                on:click=move |_| remove(person.clone())
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

/// Focuses the remove button now at `index` (the next chip), else the last one, else the name box.
fn focus_after_removal(index: usize) {
    let document = document();
    let buttons = document.query_selector_all(".chips .chip-remove").ok();
    let count = buttons.as_ref().map_or(0, |b| b.length() as usize);
    let target = match (buttons, count) {
        (Some(buttons), 1..) => buttons.item(index.min(count - 1) as u32),
        _ => document.get_element_by_id("people-search").map(Into::into),
    };
    if let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
