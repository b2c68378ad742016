use super::admin_people::AdminPeople;
use super::purchase_history::PurchaseHistory;
use crate::api::{use_api, ApiError};
use crate::components::{DocumentTitle, EmailAddress, ErrorView, LoadingTable, PageHeader, StatusBadge};
use crate::format;
use crate::i18n::*;
use crate::labels::{self, locale_code};
use crate::pages::NotFoundPage;
use crate::routing::use_route_id;
use contract::SubscriptionId;
use leptos::prelude::*;
use leptos_router::components::A;

/// One self-service purchase, read-only (`/admin/self-service/:id`): product, purchaser, licenses, renewal or
/// expiry, purchase price, the assigned people (paged, exportable) and the order history.
#[component]
pub fn PurchasePage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let route_id = use_route_id();
    let id = Memo::new(move |_| SubscriptionId(route_id.get()));
    let detail = LocalResource::new(move || {
        let (api, id) = (api.clone(), id.get());
        async move { api.admin_purchase(&id).await }
    });
    let content = move || match detail.get() {
        None => {
            view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, admin.loading).to_string()) rows=4 /> }
                .into_any()
        }
        Some(Err(ApiError::NotFound)) => view! { <NotFoundPage /> }.into_any(),
        Some(Err(error)) => view! {
            <PageHeader title=Signal::derive(move || t_string!(i18n, admin.title).to_string()) />
            <ErrorView error on_retry=Callback::new(move |()| detail.refetch()) />
        }
        .into_any(),
        Some(Ok(detail)) => {
            let p = detail.purchase;
            let (date, renews) = (p.renews_or_expires_on, p.auto_renew);
            let ends = move || labels::renewal_on(i18n, date, renews);
            let bought = p.purchased_on;
            let purchased = move || format::date(locale_code(i18n), bought);
            let (price, frequency) = (p.purchase_price.clone(), p.billing_frequency);
            let price = move || labels::per_period(i18n, &format::money(locale_code(i18n), &price), frequency);
            let (assigned, total) = (p.assigned_licenses, p.total_licenses);
            let licenses = move || t_string!(i18n, products.licenses_of, assigned, total).to_string();
            view! {
                <DocumentTitle title=p.product.name.clone() />
                <header class="page-header">
                    <h1>{p.product.name.clone()}</h1>
                    <StatusBadge status=p.status />
                    <p class="intro">{t!(i18n, admin.read_only)}</p>
                </header>
                <dl class="details card">
                    <dt>{t!(i18n, admin.col_purchaser)}</dt>
                    <dd><bdi>{p.purchaser.display_name}</bdi> " (" <EmailAddress address=p.purchaser.email /> ")"</dd>
                    <dt>{t!(i18n, admin.col_licenses)}</dt><dd>{licenses}</dd>
                    <dt>{t!(i18n, admin.col_purchased)}</dt><dd>{purchased}</dd>
                    <dt>{t!(i18n, admin.col_ends)}</dt><dd>{ends}</dd>
                    <dt>{t!(i18n, admin.col_price)}</dt><dd>{price}</dd>
                </dl>
                <AdminPeople id=p.id />
                <section aria-labelledby="history-title">
                    <h2 id="history-title">{t!(i18n, admin.history_title)}</h2>
                    <PurchaseHistory history=detail.history />
                </section>
            }
            .into_any()
        }
    };
    view! {
        <p class="back-link"><A exact=true href="admin/self-service"><span aria-hidden="true">"← "</span>{t!(i18n, admin.back)}</A></p>
        {content}
    }
}
