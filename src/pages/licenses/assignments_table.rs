use crate::components::{Highlighted, IsolatingText, SLOTS};
use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use contract::directory::Person;
use contract::licenses::Assignment;
use contract::Page;
use leptos::prelude::*;

/// One page of the people with a license, each with a checkbox; the header's checkbox selects the whole page.
#[component]
pub fn AssignmentsTable(
    /// The page shown.
    page: Page<Assignment>,
    /// The people selected (kept across pages).
    selected: RwSignal<Vec<Person>>,
    /// The search text the page answers (its matches are marked).
    query: String,
    /// Whether licenses can be assigned now (the empty list then suggests it).
    #[prop(into)]
    can_assign: Signal<bool>,
    /// Goes to another page (offered when this one is past the last, e.g. after unassigning its people).
    on_page: Callback<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    if page.items.is_empty() && page.total > 0 {
        let (number, pages) = (page.page, page.page_count());
        return view! {
            <div class="empty-state" role="status">
                <p>{move || t_string!(i18n, licenses.no_such_page, page = number, pages).to_string()}</p>
                <button type="button" class="button" on:click=move |_| on_page.run(pages)>
                    {move || t_string!(i18n, licenses.last_page, pages).to_string()}
                </button>
            </div>
        }
        .into_any();
    }
    if page.items.is_empty() {
        let message = move || {
            let (sentence, texts) = if !query.trim().is_empty() {
                (t_string!(i18n, licenses.none_found, query = SLOTS[0]).to_string(), vec![query.clone()])
            } else if can_assign.get() {
                (t_string!(i18n, licenses.none_assigned).to_string(), Vec::new())
            } else {
                (t_string!(i18n, licenses.none_assigned_closed).to_string(), Vec::new())
            };
            view! { <IsolatingText sentence texts /> }
        };
        return view! { <p class="empty-state" role="status">{message}</p> }.into_any();
    }
    let first = (page.page - 1) * page.page_size + 1;
    let last = first + page.items.len() as u32 - 1;
    let total = page.total;
    let on_page: Vec<Person> = page.items.iter().map(|a| a.person.clone()).collect();
    let on_page = StoredValue::new(on_page);
    let is_selected = move |person: &Person| selected.with(|s| s.iter().any(|p| p.id == person.id));
    let page_state = Memo::new(move |_| {
        let count = on_page.with_value(|people| people.iter().filter(|p| is_selected(p)).count());
        (count > 0 && count == on_page.with_value(Vec::len), count > 0)
    });
    let toggle_page = move |_| {
        let all = page_state.get_untracked().0;
        selected.update(|s| {
            s.retain(|p| on_page.with_value(|people| people.iter().all(|q| q.id != p.id)));
            if !all {
                on_page.with_value(|people| s.extend(people.iter().cloned()));
            }
        });
    };
    let rows = page
        .items
        .into_iter()
        .map(|assignment| {
            let person = assignment.person;
            let checked = {
                let person = person.clone();
                move || is_selected(&person)
            };
            let toggle = {
                let person = person.clone();
                move |_| {
                    selected.update(|s| match s.iter().position(|p| p.id == person.id) {
                        Some(index) => {
                            s.remove(index);
                        }
                        None => s.push(person.clone()),
                    })
                }
            };
            let name = person.display_name.clone();
            let label = move || t_string!(i18n, licenses.select_person, name = name.clone()).to_string();
            let assigned_on = move || format::date(locale_code(i18n), assignment.assigned_on);
            view! {
                <tr>
                    <td class="select-cell">
                        <input type="checkbox" aria-label=label prop:checked=checked on:change=toggle />
                    </td>
                    <th scope="row"><Highlighted text=person.display_name query=query.clone() /></th>
                    <td><Highlighted text=person.email query=query.clone() email=true /></td>
                    <td>{person.department.unwrap_or_default()}</td>
                    <td class="date">{assigned_on}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="result-count" role="status">
            {move || t_string!(i18n, licenses.shown, first, last, total).to_string()}
        </p>
        <div class="table-wrap">
            <table class="data-table">
                <caption class="visually-hidden">{t!(i18n, licenses.table_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="select-cell">
                            <input
                                type="checkbox"
                                aria-label=move || t_string!(i18n, licenses.select_page)
                                prop:checked=move || page_state.get().0
                                prop:indeterminate=move || { let (all, some) = page_state.get(); some && !all }
                                on:change=toggle_page
                            />
                        </th>
                        <th scope="col">{t!(i18n, licenses.col_name)}</th>
                        <th scope="col">{t!(i18n, licenses.col_email)}</th>
                        <th scope="col">{t!(i18n, licenses.col_department)}</th>
                        <th scope="col">{t!(i18n, licenses.col_assigned_on)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
