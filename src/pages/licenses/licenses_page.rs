use crate::api::use_api;
use crate::components::{ErrorView, LoadingTable, StatusBadge};
use crate::i18n::*;
use contract::subscriptions::{Subscription, SubscriptionStatus};
use leptos::prelude::*;

/// *Licenses* (`/licenses`): the person's subscriptions with their assigned, total and available licenses; each
/// leads to the people who have one. Its heading is [`super::LicensesFrame`]'s.
#[component]
pub fn LicensesPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let subscriptions = LocalResource::new(move || {
        let api = api.clone();
        async move { api.all_subscriptions().await }
    });
    let retry = Callback::new(move |()| subscriptions.refetch());
    view! {
        {move || match subscriptions.get() {
            None => view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, licenses.loading).to_string()) /> }.into_any(),
            Some(Err(error)) => view! { <ErrorView error on_retry=retry /> }.into_any(),
            Some(Ok(all)) => {
                // The rows write their texts once; a new language rebuilds the table.
                i18n.get_locale();
                let shown: Vec<Subscription> = all.into_iter().filter(|s| s.status != SubscriptionStatus::Deleted).collect();
                if shown.is_empty() {
                    return view! { <p class="empty-state">{t!(i18n, licenses.empty)}</p> }.into_any();
                }
                view! {
                    <div class="table-wrap">
                        <table class="data-table">
                            <caption class="visually-hidden">{t!(i18n, licenses.list_caption)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, licenses.col_product)}</th>
                                    <th scope="col">{t!(i18n, product.status)}</th>
                                    <th scope="col" class="number">{t!(i18n, licenses.col_assigned)}</th>
                                    <th scope="col" class="number">{t!(i18n, licenses.col_total)}</th>
                                    <th scope="col" class="number">{t!(i18n, licenses.col_available)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {shown.into_iter().map(|s| {
                                    let href = format!("licenses/{}", contract::paths::encode(&s.id.0));
                                    let available = s.available_licenses();
                                    view! {
                                        <tr>
                                            <th scope="row"><a href=href>{s.product.name}</a></th>
                                            <td><StatusBadge status=s.status fixed=true /></td>
                                            <td class="number">{s.assigned_licenses}</td>
                                            <td class="number">{s.total_licenses}</td>
                                            <td class="number">{available}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }
        }}
    }
}
