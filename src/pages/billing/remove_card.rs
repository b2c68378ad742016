use super::billing_changes::BillingChanges;
use crate::api::{use_api, ApiError};
use crate::components::SaveError;
use crate::i18n::*;
use crate::labels;
use crate::state::confirmation::{use_confirmations, Confirmation};
use contract::billing::PaymentMethod;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// *Remove card* in a card's pane. A card that pays for no billing profile can be removed after a confirmation
/// (*Remove* or *Keep card*); the list then says so and no longer shows it. A card that pays for a profile says
/// which way to go instead: pay the profile with another card first.
#[component]
pub fn RemoveCard(
    /// The card as the pane shows it (its etag guards the removal).
    method: PaymentMethod,
    /// Closes the pane (after the removal).
    close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (api, changes, confirmations) = (use_api(), BillingChanges::get(), use_confirmations());
    let paying = method.used_by.len();
    let (brand, last4) = (method.brand, method.last4.clone());
    let asking = RwSignal::new(false);
    let remove = Action::new_local(move |method: &PaymentMethod| {
        let (api, method) = (api.clone(), method.clone());
        async move {
            api.remove_payment_method(&method).await?;
            confirmations.show(Confirmation::CardRemoved { brand: method.brand, last4: method.last4 });
            changes.changed();
            // The pane may have been closed while the answer was on its way.
            close.try_run(());
            Ok::<(), ApiError>(())
        }
    });
    // Focus follows the question: to it when asked, back to *Remove card* when the card is kept.
    let ask = move |yes: bool| {
        asking.set(yes);
        let id = if yes { "remove-card-question" } else { "remove-card" };
        request_animation_frame(move || {
            if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                let _ = element.focus();
            }
        });
    };
    let method = StoredValue::new(method);
    let send = Callback::new(move |()| {
        remove.dispatch(method.get_value());
    });
    let question = move || t_string!(i18n, cards.remove_question, card = labels::card(i18n, brand, &last4)).to_string();
    let error = move || match remove.value().get() {
        Some(Err(error)) => Some(view! { <SaveError error on_retry=send /> }),
        _ => None,
    };
    move || {
        if paying > 0 {
            let note = move || {
                if paying == 1 {
                    t_string!(i18n, cards.remove_paying_one).to_string()
                } else {
                    t_string!(i18n, cards.remove_paying_many, count = paying).to_string()
                }
            };
            return view! {
                <p class="field-hint remove-card-note">
                    {note} " " <A href="billing/profiles">{t!(i18n, cards.remove_paying_link)}</A>
                </p>
            }
            .into_any();
        }
        if !asking.get() {
            return view! {
                <button type="button" id="remove-card" class="button" on:click=move |_| ask(true)>{t!(i18n, cards.remove)}</button>
            }
            .into_any();
        }
        view! {
            <div class="remove-card" role="group" aria-labelledby="remove-card-question">
                <p id="remove-card-question" tabindex="-1">{question.clone()}</p>
                {error}
                <div class="pane-actions">
                    <button
                        type="button"
                        class="button danger"
                        aria-disabled=move || remove.pending().get().to_string()
                        on:click=move |_| if !remove.pending().get_untracked() { send.run(()) }
                    >
                        {t!(i18n, cards.remove_confirm)}
                    </button>
                    <button type="button" class="button" on:click=move |_| ask(false)>{t!(i18n, cards.remove_keep)}</button>
                </div>
            </div>
        }
        .into_any()
    }
}
