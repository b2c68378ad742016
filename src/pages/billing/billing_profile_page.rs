use super::billing_changes::BillingChanges;
use crate::api::{use_api, ApiError};
use crate::components::{DocumentTitle, EmailAddress, ErrorView, ExpiryBadge, LoadingTable, PostalAddress};
use crate::i18n::*;
use crate::labels;
use crate::routing::use_route_id;
use crate::routing::RoutePane;
use contract::billing::BillingProfile;
use contract::BillingProfileId;
use leptos::prelude::*;
use leptos_router::components::A;

/// The billing profile shown on its page, shared with its panes.
#[derive(Clone, Copy)]
pub struct CurrentProfile(pub LocalResource<Result<BillingProfile, ApiError>>);

/// A billing profile (`/billing/profiles/:id`): its bill-to address and its **Payment method**, with **Edit**
/// (change the card's editable details) and **Replace** (pay with another card, or a new one).
#[component]
pub fn BillingProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let route_id = use_route_id();
    let changes = BillingChanges::get();
    let id = Memo::new(move |_| BillingProfileId(route_id.get()));
    let profile = LocalResource::new(move || {
        changes.track();
        let (api, id) = (api.clone(), id.get());
        async move { api.billing_profile(&id).await }
    });
    provide_context(CurrentProfile(profile));
    let retry = Callback::new(move |()| profile.refetch());
    let content = move || {
        match profile.get() {
        None => view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, profiles.loading).to_string()) rows=3 /> }.into_any(),
        Some(Err(error)) => view! { <ErrorView error on_retry=retry /> }.into_any(),
        Some(Ok(profile)) => {
            let base = format!("billing/profiles/{}", contract::paths::encode(&profile.id.0));
            let method = profile.payment_method.clone().map(|method| {
                let (brand, last4) = (method.brand, method.last4.clone());
                view! {
                    <p class="card-summary">
                        <span class="card-label">{move || labels::card(i18n, brand, &last4)}</span>
                        <span>{move || t_string!(i18n, cards.expires, date = labels::expiry(method.expiry)).to_string()}</span>
                        <ExpiryBadge expiry=method.expiry />
                    </p>
                    <p class="field-hint">{method.name_on_card.clone()}</p>
                }
                .into_any()
            });
            let has_method = profile.payment_method.is_some();
            view! {
                <DocumentTitle title=profile.name.clone() />
                <h3>{profile.name.clone()}</h3>
                <div class="profile-grid">
                    <section class="card" aria-labelledby="bill-to-title">
                        <h4 id="bill-to-title">{t!(i18n, profiles.bill_to)}</h4>
                        <p class="bill-to-name">{profile.bill_to_name.clone()}</p>
                        <PostalAddress address=profile.bill_to.clone() />
                        <p>{t!(i18n, profiles.col_email)} ": " <EmailAddress address=profile.invoice_email.clone() /></p>
                    </section>
                    <section class="card" aria-labelledby="method-title">
                        <h4 id="method-title">{t!(i18n, profiles.payment_method)}</h4>
                        {method.unwrap_or_else(|| view! { <p>{t!(i18n, profiles.no_method)}</p> }.into_any())}
                        <div class="pane-actions">
                            {has_method.then(|| view! {
                                <A href=format!("{base}/edit-payment-method") attr:class="button">{t!(i18n, profiles.edit)}</A>
                            })}
                            <A href=format!("{base}/replace-payment-method") attr:class="button">{t!(i18n, profiles.replace)}</A>
                        </div>
                    </section>
                </div>
            }
            .into_any()
        }
    }
    };
    view! {
        <p class="back-link"><A exact=true href="billing/profiles"><span aria-hidden="true">"← "</span>{t!(i18n, profiles.back)}</A></p>
        <section aria-labelledby="section-title">
            <h2 id="section-title" class="visually-hidden">{t!(i18n, nav.billing_profiles)}</h2>
            {content}
        </section>
        <RoutePane />
    }
}
