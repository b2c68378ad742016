use super::people_search::{people_search, Search};
use super::{ErrorView, Highlighted, IsolatingText, SaveError, SLOTS};
use crate::api::ApiError;
use crate::i18n::*;
use contract::directory::{DirectoryMatch, DirectoryQuery, Person};
use contract::{PersonId, SubscriptionId};
use leptos::prelude::*;

/// Why an option cannot be picked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Taken {
    /// The person already has a license.
    Licensed,
    /// The person is already in the list.
    Chosen,
}

/// The typeahead that finds people in the organization: the directory is asked as the person types (see
/// [`people_search`]), and [`PeopleComboboxView`] shows the box and its results.
#[component]
pub fn PeopleCombobox(
    /// Whose licenses are being assigned (marks who already has one).
    subscription: SubscriptionId,
    /// The people chosen so far.
    #[prop(into)]
    chosen: Signal<Vec<PersonId>>,
    /// Called with the person picked; the box empties for the next name.
    on_pick: Callback<Person>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let (search, retry) = people_search(text.into(), subscription);
    view! { <PeopleComboboxView text search retry chosen on_pick /> }
}

/// The typeahead's box and results: a WAI-ARIA 1.2 combobox with a listbox popup (↓/↑ move, Home/End jump, Enter
/// picks, Escape closes then clears), the matched parts of names marked, the number of results announced. People
/// who already have a license, or are already chosen, are marked and cannot be picked. It shows any [`Search`]
/// state, so the component gallery can show each one without a backend.
#[component]
pub fn PeopleComboboxView(
    /// What is typed.
    text: RwSignal<String>,
    /// Where the search for it stands.
    #[prop(into)]
    search: Signal<Search>,
    /// Asks again after a failure.
    retry: Callback<()>,
    /// The people chosen so far.
    #[prop(into)]
    chosen: Signal<Vec<PersonId>>,
    /// Called with the person picked; the box empties for the next name.
    on_pick: Callback<Person>,
    /// Whether the results are open from the start (the gallery's "with results" state).
    #[prop(optional)]
    open_initially: bool,
    /// The start of the element ids (`<id>-search`, `<id>-results` …), so several can share a page.
    #[prop(default = "people")]
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let (box_id, list_id, hint_id) = (format!("{id}-search"), format!("{id}-results"), format!("{id}-search-hint"));
    let open = RwSignal::new(open_initially);
    let search_field = NodeRef::<leptos::html::Input>::new();
    let active = RwSignal::new(None::<usize>);
    let matches = Memo::new(move |_| search.with(|s| s.shown().map(|f| f.matches.clone()).unwrap_or_default()));
    let query = Memo::new(move |_| search.with(|s| s.shown().map(|f| f.query.clone()).unwrap_or_default()));
    let expanded =
        Memo::new(move |_| open.get() && !text.with(|t| t.trim().is_empty()) && matches.with(|m| !m.is_empty()));
    let taken = move |m: &DirectoryMatch| {
        if m.already_assigned {
            Some(Taken::Licensed)
        } else if chosen.with(|c| c.contains(&m.person.id)) {
            Some(Taken::Chosen)
        } else {
            None
        }
    };
    let pick = move |index: usize| {
        let Some(found) = matches.with_untracked(|m| m.get(index).cloned()) else { return };
        if taken(&found).is_some() {
            return;
        }
        on_pick.run(found.person);
        text.set(String::new());
        open.set(false);
        active.set(None);
    };
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let count = matches.with_untracked(Vec::len);
        let step = |forward: bool| {
            active.update(|a| {
                *a = match (*a, forward) {
                    (None, true) => Some(0),
                    (None, false) => count.checked_sub(1),
                    (Some(i), true) => Some((i + 1) % count),
                    (Some(i), false) => Some((i + count - 1) % count),
                }
            })
        };
        match event.key().as_str() {
            "ArrowDown" | "ArrowUp" if count > 0 => {
                event.prevent_default();
                let was_open = expanded.get_untracked();
                open.set(true);
                if was_open || !event.alt_key() {
                    step(event.key() == "ArrowDown");
                }
            }
            "Home" | "End" if expanded.get_untracked() && active.get_untracked().is_some() => {
                event.prevent_default();
                active.set(if event.key() == "Home" { Some(0) } else { count.checked_sub(1) });
            }
            "Enter" => {
                if let (true, Some(index)) = (expanded.get_untracked(), active.get_untracked()) {
                    event.prevent_default();
                    pick(index);
                }
            }
            "Escape" => {
                // Closes the list, then clears the box; with nothing left to do, Escape closes the pane.
                if expanded.get_untracked() {
                    event.prevent_default();
                    open.set(false);
                    active.set(None);
                } else if !text.with_untracked(String::is_empty) {
                    event.prevent_default();
                    text.set(String::new());
                }
            }
            "Tab" => open.set(false),
            _ => {}
        }
    };
    let option_id = move |index: usize| {
        if id == "people" {
            format!("person-option-{index}")
        } else {
            format!("{id}-option-{index}")
        }
    };
    let status = move || match search.get() {
        Search::Idle => String::new().into_any(),
        Search::Searching { .. } => t_string!(i18n, assign_pane.searching).to_string().into_any(),
        Search::Done(found) => match found.matches.len() {
            // What was typed is set apart like a name (see `IsolatingText`).
            0 => view! {
                <IsolatingText
                    sentence=t_string!(i18n, assign_pane.no_results, query = SLOTS[0]).to_string()
                    texts=vec![found.query.clone()]
                />
            }
            .into_any(),
            1 => t_string!(i18n, assign_pane.one_result).to_string().into_any(),
            n if n >= DirectoryQuery::DEFAULT_TOP as usize => {
                t_string!(i18n, assign_pane.results_capped, count = n).to_string().into_any()
            }
            n => t_string!(i18n, assign_pane.results, count = n).to_string().into_any(),
        },
        Search::Failed { .. } => String::new().into_any(),
    };
    let options = move || {
        let query = query.get();
        matches
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, found)| {
                let taken = taken(&found);
                let label = taken.map(|taken| match taken {
                    Taken::Licensed => t_string!(i18n, assign_pane.already_licensed).to_string(),
                    Taken::Chosen => t_string!(i18n, assign_pane.already_chosen).to_string(),
                });
                let person = found.person;
                view! {
                    <li
                        role="option"
                        id=option_id(index)
                        class="person-option"
                        class:active=move || active.get() == Some(index)
                        aria-selected=move || (active.get() == Some(index)).to_string()
                        aria-disabled=taken.is_some().then_some("true")
                        on:mousedown=|event| event.prevent_default()
                        on:click=move |_| pick(index)
                    >
                        <span class="person-name"><Highlighted text=person.display_name query=query.clone() /></span>
                        <span class="person-email"><Highlighted text=person.email query=query.clone() email=true /></span>
                        {person.department.map(|d| view! { <span class="person-department">{d}</span> })}
                        {label.map(|l| view! { <span class="person-taken">{l}</span> })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="combobox">
            <label for=box_id.clone()>{t!(i18n, assign_pane.search_label)}</label>
            <p class="field-hint" id=hint_id.clone()>{t!(i18n, assign_pane.search_hint)}</p>
            <input
                node_ref=search_field
                id=box_id
                type="text"
                role="combobox"
                autocomplete="off"
                spellcheck="false"
                autofocus=!open_initially
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-describedby=hint_id
                aria-expanded=move || expanded.get().to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded.get()).map(option_id)
                prop:value=move || text.get()
                on:input=move |event| {
                    text.set(event_target_value(&event));
                    open.set(true);
                    active.set(None);
                }
                on:keydown=on_keydown
                on:blur=move |_| open.set(false)
            />
            <ul
                id=list_id
                role="listbox"
                aria-label=move || t_string!(i18n, assign_pane.results_label)
                data-query=move || query.get()
                hidden=move || !expanded.get()
            >
                {options}
            </ul>
            <p class="field-hint combobox-status" role="status">{status}</p>
            {move || match search.get() {
                // In a form: the session ended is said as for a save (sign in again in a new tab, the picks stay).
                Search::Failed { error: ApiError::Unauthorized, .. } => {
                    // Trying again goes back to the search field, with the results open.
                    let retry = Callback::new(move |()| {
                        if let Some(field) = search_field.get_untracked() {
                            let _ = field.focus();
                        }
                        open.set(true);
                        retry.run(());
                    });
                    Some(view! { <SaveError error=ApiError::Unauthorized on_retry=retry /> }.into_any())
                }
                Search::Failed { error, .. } => Some(view! { <ErrorView error on_retry=retry /> }.into_any()),
                _ => None,
            }}
        </div>
    }
}
