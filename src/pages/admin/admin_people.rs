use crate::api::use_api;
use crate::components::{EmailAddress, ErrorView, LoadingTable, Pager};
use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use contract::{Page, SubscriptionId};
use leptos::prelude::*;

/// A purchase's assigned people, read-only and paged by the backend (50 a page), with their CSV export.
#[component]
pub fn AdminPeople(
    /// The purchase.
    id: SubscriptionId,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let page = RwSignal::new(1u32);
    let export = {
        let (api, id) = (api.clone(), id.clone());
        move || api.admin_assignments_export_url(&id, crate::labels::locale_code(i18n))
    };
    let people = LocalResource::new(move || {
        let (api, id, page, lang) = (api.clone(), id.clone(), page.get(), crate::labels::locale_code(i18n));
        async move { api.admin_assignments(&id, page, lang).await }
    });
    let page_count =
        Memo::new(move |_| people.with(|p| p.as_ref().and_then(|r| r.as_ref().ok()).map_or(1, Page::page_count)));
    let list = move || {
        match people.get() {
        None => view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, licenses.loading_people).to_string()) /> }.into_any(),
        Some(Err(error)) => view! { <ErrorView error on_retry=Callback::new(move |()| people.refetch()) /> }.into_any(),
        Some(Ok(page)) if page.items.is_empty() => view! { <p class="empty-state">{t!(i18n, licenses.none_assigned_closed)}</p> }.into_any(),
        Some(Ok(page)) => {
            let first = (page.page - 1) * page.page_size + 1;
            let (last, total) = (first + page.items.len() as u32 - 1, page.total);
            let rows = page.items.into_iter().map(|a| {
                let date = a.assigned_on;
                let assigned = move || format::date(locale_code(i18n), date);
                view! {
                    <tr>
                        <th scope="row">{a.person.display_name}</th>
                        <td><EmailAddress address=a.person.email /></td>
                        <td>{a.person.department.unwrap_or_default()}</td>
                        <td class="date">{assigned}</td>
                    </tr>
                }
            }).collect_view();
            view! {
                <p class="result-count" role="status">{move || t_string!(i18n, licenses.shown, first, last, total).to_string()}</p>
                <div class="table-wrap">
                    <table class="data-table">
                        <caption class="visually-hidden">{t!(i18n, licenses.table_caption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, licenses.col_name)}</th>
                                <th scope="col">{t!(i18n, licenses.col_email)}</th>
                                <th scope="col">{t!(i18n, licenses.col_department)}</th>
                                <th scope="col">{t!(i18n, licenses.col_assigned_on)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }
    }
    };
    view! {
        <section aria-labelledby="people-title">
            <div class="section-header">
                <h2 id="people-title">{t!(i18n, admin.people_title)}</h2>
                <a class="button" href=export download>{t!(i18n, admin.export_people)}</a>
            </div>
            {list}
            <Pager page page_count on_page=Callback::new(move |p| page.set(p)) />
        </section>
    }
}
