use super::admin_url::AdminUrl;
use super::purchases_table::PurchasesTable;
use crate::api::use_api;
use crate::components::{ErrorView, LoadingTable, PageHeader, Pager};
use crate::i18n::*;
use crate::labels;
use contract::subscriptions::SubscriptionStatus;
use contract::Page;
use leptos::prelude::*;

/// *Self-service purchases* (`/admin/self-service`), for administrators: every subscription bought through
/// self-service in the organization, filtered by product, purchaser and status, exported as CSV. Read-only; a
/// purchaser who opens it is told they lack access (the backend answers 403).
#[component]
pub fn PurchasesPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let url = AdminUrl::from_route();
    let purchases = LocalResource::new({
        let api = api.clone();
        move || {
            let (api, query, lang) = (api.clone(), url.query.get(), labels::locale_code(i18n));
            async move { api.admin_purchases(&query, lang).await }
        }
    });
    let page_count =
        Memo::new(move |_| purchases.with(|p| p.as_ref().and_then(|r| r.as_ref().ok()).map_or(1, Page::page_count)));
    let page = Signal::derive(move || url.query.with(|q| q.page.unwrap_or(1)));
    let export = move || api.admin_export_url(&url.query.get(), labels::locale_code(i18n));
    let text_filter = move |id: &'static str,
                            label: Signal<String>,
                            read: fn(&contract::admin::PurchaseQuery) -> Option<String>,
                            write: fn(&mut contract::admin::PurchaseQuery, String)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    type="search"
                    prop:value=move || url.query.with(|q| read(q).unwrap_or_default())
                    on:input=move |event| {
                        let text = event_target_value(&event);
                        url.filter(move |q| write(q, text));
                    }
                />
            </div>
        }
    };
    let list = move || {
        match purchases.get() {
        None => view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, admin.loading).to_string()) /> }.into_any(),
        Some(Err(error)) => view! { <ErrorView error on_retry=Callback::new(move |()| purchases.refetch()) /> }.into_any(),
        Some(Ok(page)) if page.items.is_empty() => view! { <p class="empty-state" role="status">{t!(i18n, admin.empty)}</p> }.into_any(),
        Some(Ok(page)) => view! {
            <p class="result-count" role="status">{move || t_string!(i18n, admin.count, total = page.total).to_string()}</p>
            <PurchasesTable purchases=page.items />
        }.into_any(),
    }
    };
    view! {
        <PageHeader
            title=Signal::derive(move || t_string!(i18n, admin.title).to_string())
            intro=Signal::derive(move || Some(t_string!(i18n, admin.intro).to_string()))
        />
        <div class="filter-panel admin-filters" role="search" aria-label=move || t_string!(i18n, admin.filters)>
            {text_filter("filter-product", Signal::derive(move || t_string!(i18n, admin.col_product).to_string()), |q| q.product.clone(), |q, t| q.product = Some(t))}
            {text_filter("filter-purchaser", Signal::derive(move || t_string!(i18n, admin.col_purchaser).to_string()), |q| q.purchaser.clone(), |q, t| q.purchaser = Some(t))}
            <div class="field">
                <label for="filter-status">{t!(i18n, admin.col_status)}</label>
                <select
                    id="filter-status"
                    prop:value=move || url.query.with(|q| q.status.map_or("", |s| s.as_str()))
                    on:change=move |event| {
                        let status = SubscriptionStatus::parse(&event_target_value(&event));
                        url.filter(move |q| q.status = status);
                    }
                >
                    <option value="">{t!(i18n, admin.all_statuses)}</option>
                    {SubscriptionStatus::ALL.into_iter().map(|status| view! {
                        <option value=status.as_str() selected=move || url.query.with(|q| q.status == Some(status))>
                            {move || labels::status(i18n, status)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <a class="button" href=export download>{t!(i18n, admin.export_table)}</a>
        </div>
        {list}
        <Pager page page_count on_page=Callback::new(move |p| url.go_to(p)) />
    }
}
