use super::billing_changes::BillingChanges;
use crate::api::use_api;
use crate::components::{DocumentTitle, EmailAddress, ErrorView, LoadingTable};
use crate::i18n::*;
use crate::labels;
use leptos::prelude::*;

/// The *Billing profiles* section of Bills & payments: who is billed, where, and with which card; each profile
/// leads to its page.
#[component]
pub fn BillingProfilesPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let changes = BillingChanges::get();
    let profiles = LocalResource::new(move || {
        changes.track();
        let api = api.clone();
        async move { api.billing_profiles().await }
    });
    let retry = Callback::new(move |()| profiles.refetch());
    let list = move || {
        match profiles.get() {
        None => view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, profiles.loading).to_string()) rows=2 /> }.into_any(),
        Some(Err(error)) => view! { <ErrorView error on_retry=retry /> }.into_any(),
        Some(Ok(list)) if list.is_empty() => view! { <p class="empty-state">{t!(i18n, profiles.empty)}</p> }.into_any(),
        Some(Ok(list)) => {
            let rows = list
                .into_iter()
                .map(|profile| {
                    let href = format!("billing/profiles/{}", contract::paths::encode(&profile.id.0));
                    let bill_to = format!("{}, {}", profile.bill_to_name, profile.bill_to.city);
                    let method = profile.payment_method.map(|m| (m.brand, m.last4));
                    let paid_with = move || match &method {
                        Some((brand, last4)) => labels::card(i18n, *brand, last4),
                        None => t_string!(i18n, profiles.no_method).to_string(),
                    };
                    view! {
                        <tr>
                            <th scope="row"><a href=href>{profile.name}</a></th>
                            <td>{bill_to}</td>
                            <td><EmailAddress address=profile.invoice_email /></td>
                            <td>{paid_with}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap">
                    <table class="data-table">
                        <caption class="visually-hidden">{t!(i18n, profiles.table_caption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, profiles.col_name)}</th>
                                <th scope="col">{t!(i18n, profiles.col_bill_to)}</th>
                                <th scope="col">{t!(i18n, profiles.col_email)}</th>
                                <th scope="col">{t!(i18n, profiles.col_method)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    }
    };
    view! {
        <DocumentTitle title=Signal::derive(move || format!("{} – {}", t_string!(i18n, nav.billing_profiles), t_string!(i18n, billing.title))) />
        <section aria-labelledby="section-title">
            <h2 id="section-title">{t!(i18n, nav.billing_profiles)}</h2>
            <p>{t!(i18n, billing.profiles_intro)}</p>
            {list}
        </section>
    }
}
