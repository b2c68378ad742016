use super::assignments_table::AssignmentsTable;
use super::assignments_url::AssignmentsUrl;
use super::current_licenses::CurrentLicenses;
use super::license_counts::LicenseCounts;
use super::unassign_dialog::UnassignDialog;
use crate::api::{use_api, ApiError};
use crate::components::{DocumentTitle, ErrorView, LoadingTable, PageHeader, Pager};
use crate::debounce::debounced;
use crate::format;
use crate::i18n::*;
use crate::labels::{self, locale_code};
use crate::pages::NotFoundPage;
use crate::routing::use_route_id;
use crate::routing::RoutePane;
use contract::directory::Person;
use contract::subscriptions::{DenialReason, Permission};
use contract::{Page, SubscriptionId};
use leptos::prelude::*;
use leptos_router::components::A;
use std::time::Duration;

/// People per page of the list.
pub const PAGE_SIZE: u32 = 50;

/// One subscription's licenses (`/licenses/:id`): its counts, the people who have a license (searched and paged by
/// the backend), *Assign licenses* and, for the selected people, *Remove licenses*.
#[component]
pub fn SubscriptionLicensesPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let route_id = use_route_id();
    let id = Memo::new(move |_| SubscriptionId(route_id.get()));
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
        let lang = crate::labels::locale_code(i18n);
        current.people_version.track();
        async move { api.assignments(&id, &text, page, PAGE_SIZE, lang).await }
    });
    // The last known number of pages: kept while the next page loads, so the pager stays (with its focus).
    let page_count =
        Memo::new(move |_| people.with(|p| p.as_ref().and_then(|r| r.as_ref().ok()).map_or(1, Page::page_count)));
    let selected = RwSignal::new(Vec::<Person>::new());
    let confirming = RwSignal::new(false);
    let retry = Callback::new(move |()| subscription.refetch());
    let retry_people = Callback::new(move |()| people.refetch());
    let href = move |slug: &str| format!("licenses/{}/{slug}", contract::paths::encode(&id.get().0));
    // Assigning is offered while the backend allows it (with no license left, the pane offers to buy some).
    let assign_denial = Memo::new(move |_| {
        subscription.with(|s| match s.as_ref().and_then(|r| r.as_ref().ok()).map(|s| &s.allowed_actions.assign) {
            Some(Permission::Denied { reason, date }) if *reason != DenialReason::NoLicensesAvailable => {
                Some(labels::denial(i18n, *reason, date.map(|d| format::date(locale_code(i18n), d))))
            }
            _ => None,
        })
    });
    let can_assign = Signal::derive(move || assign_denial.with(Option::is_none));
    let failed = Memo::new(move |_| subscription.with(|s| matches!(s, Some(Err(_)))));

    let header = move || {
        match subscription.get() {
        None => view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, licenses.loading).to_string()) rows=3 /> }.into_any(),
        Some(Err(ApiError::NotFound)) => view! { <NotFoundPage /> }.into_any(),
        Some(Err(error)) => view! {
            <PageHeader title=Signal::derive(move || t_string!(i18n, licenses.title).to_string()) />
            <ErrorView error on_retry=retry />
        }.into_any(),
        Some(Ok(s)) => {
            let can_unassign = s.allowed_actions.unassign == Permission::Allowed;
            view! {
                <DocumentTitle title=t_string!(i18n, licenses.page_title, product = s.product.name.clone()).to_string() />
                <header class="page-header">
                    <h1>{s.product.name.clone()}</h1>
                    <LicenseCounts subscription=s.clone() />
                </header>
                <div class="toolbar">
                    {move || match assign_denial.get() {
                        None => view! { <A href=href("assign") attr:class="button primary">{t!(i18n, actions.assign)}</A> }.into_any(),
                        Some(reason) => view! {
                            <button type="button" class="button" aria-disabled="true" aria-describedby="assign-denied">
                                {t!(i18n, actions.assign)}
                            </button>
                            <span id="assign-denied" class="field-hint">{reason}</span>
                        }.into_any(),
                    }}
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
    }
    };
    let on_page = Callback::new(move |p| url.go_to(p));
    let people_list = move || {
        match people.get() {
        None => view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, licenses.loading_people).to_string()) /> }.into_any(),
        Some(Err(error)) => view! { <ErrorView error on_retry=retry_people /> }.into_any(),
        Some(Ok(page)) => view! { <AssignmentsTable page selected query=settled_text.get_untracked() can_assign on_page /> }.into_any(),
    }
    };

    view! {
        <p class="back-link"><A exact=true href="licenses"><span aria-hidden="true">"← "</span>{t!(i18n, licenses.back)}</A></p>
        {header}
        // An unknown subscription (or someone else's) is said once, without a list to search.
        <div hidden=move || failed.get()>
            <div class="field search-field">
                <label for="people-filter">{t!(i18n, licenses.search)}</label>
                <input
                    id="people-filter"
                    type="search"
                    prop:value=move || url.text.get()
                    on:input=move |event| url.search(event_target_value(&event))
                />
            </div>
            {people_list}
            <Pager page=url.page page_count on_page />
        </div>
        <RoutePane />
    }
}
