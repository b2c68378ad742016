use super::add_card_form::AddCardForm;
use crate::components::Pane;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// *Add a payment method* (`/billing/payment-methods/add`): the new card's details, then **Add**.
#[component]
pub fn AddPaymentMethodPane() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let close_href = "/billing/payment-methods";
    let close = Callback::new(move |()| navigate(close_href, NavigateOptions { replace: true, ..Default::default() }));
    view! {
        <Pane title=Signal::derive(move || t_string!(i18n, cards.add).to_string()) close_href>
            <AddCardForm close />
        </Pane>
    }
}
