use super::assignments_table::AssignmentsTable;
use super::assignments_url::AssignmentsUrl;
use super::current_licenses::CurrentLicenses;
use super::license_counts::LicenseCounts;
use super::unassign_dialog::UnassignDialog;
use crate::api::use_api;
use crate::components::{DocumentTitle, ErrorView, LoadingTable, Pager};
use crate::debounce::debounced;
use crate::i18n::*;
use contract::directory::Person;
use contract::subscriptions::Permission;
use contract::{Page, SubscriptionId};
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};
use leptos_router::hooks::use_params_map;
use std::time::Duration;

/// People per page of the list.
pub const PAGE_SIZE: u32 = 50;

/// One subscription's licenses (`/licenses/:id`): its counts, the people who have a license (searched and paged by
/// the backend), *Assign licenses* and, for the selected people, *Remove licenses*.
#[component]
pub fn SubscriptionLicensesPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let params = use_params_map();
    let id = Memo::new(move |_| SubscriptionId(params.with(|p| p.get("id").unwrap_or_default())));
    let subscription = LocalResource::new({
        let api = api.clone();
        move || {
            let (api, id) = (api.clone(), id.get());
            async move { api.subscription(&id).await }
        }
    });
    let current = CurrentLicenses { subscription, people_version: RwSignal::new(0) };
    provide_context(current);
    let url = AssignmentsUrl::from_route();
    let settled_text = debounced::<String>(url.text.into(), Duration::from_millis(200));
    let people = LocalResource::new(move || {
        let (api, id, text, page) = (api.clone(), id.get(), settled_text.get(), url.page.get());
        current.people_version.track();
        async move { api.assignments(&id, &text, page, PAGE_SIZE).await }
    });
    // The last known number of pages: kept while the next page loads, so the pager stays (with its focus).
    let page_count =
        Memo::new(move |_| people.with(|p| p.as_ref().and_then(|r| r.as_ref().ok()).map_or(1, Page::page_count)));
    let selected = RwSignal::new(Vec::<Person>::new());
    let confirming = RwSignal::new(false);
    let retry = Callback::new(move |()| subscription.refetch());
    let retry_people = Callback::new(move |()| people.refetch());
    let href = move |slug: &str| format!("/licenses/{}/{slug}", contract::paths::encode(&id.get().0));

    view! {
        <p class="back-link"><A href="/licenses"><span aria-hidden="true">"← "</span>{t!(i18n, licenses.back)}</A></p>
        {move || match subscription.get() {
            None => view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, licenses.loading).to_string()) rows=3 /> }.into_any(),
            Some(Err(error)) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            Some(Ok(s)) => {
                let can_unassign = s.allowed_actions.unassign == Permission::Allowed;
                view! {
                    <DocumentTitle title=t_string!(i18n, licenses.page_title, product = s.product.name.clone()).to_string() />
                    <header class="page-header">
                        <h1>{s.product.name.clone()}</h1>
                        <LicenseCounts subscription=s.clone() />
                    </header>
                    <div class="toolbar">
                        <A href=href("assign") attr:class="button primary">{t!(i18n, actions.assign)}</A>
                        {can_unassign.then(|| view! {
                            <button
                                type="button"
                                class="button"
                                aria-disabled=move || selected.with(Vec::is_empty).to_string()
                                aria-describedby="remove-hint"
                                on:click=move |_| if !selected.with(Vec::is_empty) { confirming.set(true) }
                            >
                                {t!(i18n, licenses.remove)}
                            </button>
                            <span id="remove-hint" class="field-hint">
                                {move || match selected.with(Vec::len) {
                                    0 => t_string!(i18n, licenses.remove_hint).to_string(),
                                    n => t_string!(i18n, licenses.selected, count = n).to_string(),
                                }}
                            </span>
                        })}
                    </div>
                    {move || confirming.get().then(|| view! {
                        <UnassignDialog people=selected.get_untracked() product=s.product.name.clone() on_close=Callback::new(move |done: bool| {
                            confirming.set(false);
                            if done { selected.set(Vec::new()) }
                        }) />
                    })}
                }.into_any()
            }
        }}
        <div class="field search-field">
            <label for="people-filter">{t!(i18n, licenses.search)}</label>
            <input
                id="people-filter"
                type="search"
                prop:value=move || url.text.get()
                on:input=move |event| url.search(event_target_value(&event))
            />
        </div>
        {move || match people.get() {
            None => view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, licenses.loading_people).to_string()) /> }.into_any(),
            Some(Err(error)) => view! { <ErrorView error on_retry=retry_people /> }.into_any(),
            Some(Ok(page)) => view! { <AssignmentsTable page selected query=settled_text.get_untracked() /> }.into_any(),
        }}
        <Pager page=url.page page_count on_page=Callback::new(move |p| url.go_to(p)) />
        <Outlet />
    }
}
