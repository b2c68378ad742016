use super::add_card_form::AddCardForm;
use crate::components::Pane;
use crate::i18n::*;
use crate::state::pane_return::use_leave_pane;
use leptos::prelude::*;

/// *Add a payment method* (`/billing/payment-methods/add`): the new card's details, then **Add**.
#[component]
pub fn AddPaymentMethodPane() -> impl IntoView {
    let i18n = use_i18n();
    let leave = use_leave_pane();
    let close_href = "/billing/payment-methods";
    let close = Callback::new(move |()| leave.run(close_href.to_owned()));
    view! {
        <Pane title=Signal::derive(move || t_string!(i18n, cards.add).to_string()) close_href>
            <AddCardForm close />
        </Pane>
    }
}
