use super::billing_save::BillingSave;
use super::card_draft::CardDraft;
use super::card_fields::CardFields;
use super::card_problem::FormProblems;
use crate::api::{fingerprint, use_api};
use crate::components::{focus_first_invalid, SaveError, SubmitBar};
use crate::format;
use crate::i18n::*;
use crate::state::confirmation::{use_confirmations, Confirmation};
use contract::billing::Address;
use contract::cards::check_new_card;
use contract::rules::{card_brand, card_digits};
use leptos::prelude::*;

/// *Add a payment method*: card number, expiry, security code, name and address, checked as they are typed, then
/// **Add**. The number and security code are sent once and forgotten when the pane closes.
#[component]
pub fn AddCardForm(
    /// Closes the pane.
    close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let confirmations = use_confirmations();
    let today = format::today_or_epoch();
    let draft = CardDraft::new_card(&Address::default());
    on_cleanup(move || draft.wipe());
    let save = BillingSave::<u64>::new();
    let problems = Memo::new(move |_| check_new_card(&draft.new_payment_method(), today));
    let brand = Memo::new(move |_| draft.number.with(|n| card_digits(n).as_deref().and_then(card_brand)));
    let form_problems = FormProblems { local: problems.into(), server: save.field_problems() };
    let add = Callback::new(move |()| {
        draft.attempted.set(true);
        if !problems.with_untracked(Vec::is_empty) {
            focus_first_invalid();
            return;
        }
        let card = draft.new_payment_method();
        let guard = save.guard(fingerprint(&card), None);
        let api = api.clone();
        save.run(async move { api.add_payment_method(&card, &guard).await }, move |method| {
            draft.wipe();
            confirmations.show(Confirmation::CardAdded { brand: method.brand, last4: method.last4 });
            // The pane may have been closed while the answer was on its way.
            close.try_run(());
        });
    });
    view! {
        <form class="pane-form" novalidate on:submit=move |event| {
            event.prevent_default();
            add.run(());
        }>
            <CardFields draft problems=form_problems brand new=true />
            {move || save.other_error().map(|error| view! { <SaveError error on_retry=add /> })}
            <SubmitBar
                label=Signal::derive(move || t_string!(i18n, card_form.add).to_string())
                busy=save.saving
                busy_text=Signal::derive(move || t_string!(i18n, card_form.adding).to_string())
            />
        </form>
    }
}
