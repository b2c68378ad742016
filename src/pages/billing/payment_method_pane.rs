use super::edit_card_form::EditCardForm;
use super::remove_card::RemoveCard;
use crate::api::use_api;
use crate::components::{ErrorView, ExpiryBadge, LoadingTable, Pane, PostalAddress};
use crate::i18n::*;
use crate::labels;
use crate::routing::use_route_id;
use crate::state::pane_return::use_leave_pane;
use contract::PaymentMethodId;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

/// A card's pane (`/billing/payment-methods/:id`): what is stored of it (never more than the last four digits),
/// **Edit**, which shows the form (`…/:id/edit`, in the same pane) for the security code, expiration date, name and
/// address, and **Remove card** when it pays for no billing profile.
#[component]
pub fn PaymentMethodPane() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let route_id = use_route_id();
    let location = use_location();
    let leave = use_leave_pane();
    let editing = Memo::new(move |_| location.pathname.with(|p| p.trim_end_matches('/').ends_with("/edit")));
    let id = Memo::new(move |_| PaymentMethodId(route_id.get()));
    let method = LocalResource::new(move || {
        let (api, id) = (api.clone(), id.get());
        async move { api.payment_method(&id).await }
    });
    let retry = Callback::new(move |()| method.refetch());
    let close_href = "/billing/payment-methods".to_owned();
    let close = {
        let href = close_href.clone();
        Callback::new(move |()| leave.run(href.clone()))
    };
    // Edit swaps the pane's content: the form's first field gets focus, as opening a pane gives it.
    let shown_once = StoredValue::new(false);
    // In place of the card's entry in the history, so closing the form goes back to the list in one step.
    let navigate = use_navigate();
    let edit_card =
        Callback::new(move |href: String| navigate(&href, NavigateOptions { replace: true, ..Default::default() }));
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
        Some(Ok(method)) if editing.get() => {
            if shown_once.get_value() {
                request_animation_frame(focus_first_field);
            }
            shown_once.set_value(true);
            view! { <EditCardForm method close /> }.into_any()
        }
        Some(Ok(method)) => {
            shown_once.set_value(true);
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
                    <button type="button" class="button primary" on:click=move |_| edit_card.run(edit.clone())>
                        {t!(i18n, cards.edit)}
                    </button>
                </div>
                <RemoveCard method close />
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

/// Focuses the first field of the open pane's form.
fn focus_first_field() {
    let field = document().query_selector("dialog[open] form select, dialog[open] form input").ok().flatten();
    if let Some(field) = field.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = field.focus();
    }
}
