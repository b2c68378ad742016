use super::edit_card_form::EditCardForm;
use crate::api::use_api;
use crate::components::{ErrorView, ExpiryBadge, LoadingTable, Pane, PostalAddress};
use crate::i18n::*;
use crate::labels;
use contract::PaymentMethodId;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

/// A card's pane (`/billing/payment-methods/:id`): what is stored of it (never more than the last four digits) and
/// **Edit**, which shows the form (`…/:id/edit`) for the security code, expiration date, name and address.
#[component]
pub fn PaymentMethodPane(
    /// Whether the pane shows the edit form.
    #[prop(optional)]
    editing: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let params = use_params_map();
    let navigate = use_navigate();
    let id = Memo::new(move |_| PaymentMethodId(params.with(|p| p.get("id").unwrap_or_default())));
    let method = LocalResource::new(move || {
        let (api, id) = (api.clone(), id.get());
        async move { api.payment_method(&id).await }
    });
    let retry = Callback::new(move |()| method.refetch());
    let close_href = "/billing/payment-methods".to_owned();
    let close = {
        let href = close_href.clone();
        Callback::new(move |()| navigate(&href, NavigateOptions { replace: true, ..Default::default() }))
    };
    let title = Signal::derive(move || match method.get() {
        Some(Ok(m)) => labels::card(i18n, m.brand, &m.last4),
        _ => t_string!(i18n, cards.pane_title).to_string(),
    });
    let content = move || match method.get() {
        None => {
            view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, cards.loading).to_string()) rows=3 /> }
                .into_any()
        }
        Some(Err(error)) => view! { <ErrorView error on_retry=retry /> }.into_any(),
        Some(Ok(method)) if editing => view! { <EditCardForm method close /> }.into_any(),
        Some(Ok(method)) => {
            let edit = format!("/billing/payment-methods/{}/edit", contract::paths::encode(&method.id.0));
            view! {
                <dl class="details">
                    <dt>{t!(i18n, cards.col_card)}</dt>
                    <dd>{labels::brand_name(method.brand)} " " <span aria-hidden="true">"•••• "</span>{method.last4.clone()}</dd>
                    <dt>{t!(i18n, cards.col_expires)}</dt>
                    <dd>{labels::expiry(method.expiry)} " " <ExpiryBadge expiry=method.expiry /></dd>
                    <dt>{t!(i18n, cards.col_name)}</dt>
                    <dd>{method.name_on_card.clone()}</dd>
                    <dt>{t!(i18n, card_form.address_legend)}</dt>
                    <dd><PostalAddress address=method.address.clone() /></dd>
                </dl>
                <div class="pane-actions">
                    <A href=edit attr:class="button primary">{t!(i18n, cards.edit)}</A>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <Pane title close_href>
            {content}
        </Pane>
    }
}
