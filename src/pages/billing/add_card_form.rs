use super::billing_save::BillingSave;
use super::card_draft::CardDraft;
use super::card_fields::CardFields;
use super::card_problem::FormProblems;
use super::card_token::with_card_token;
use crate::api::{fingerprint, use_api};
use crate::components::{focus_first_invalid, SaveError, SubmitBar};
use crate::format;
use crate::hosted_fields::{CardEntry, HostedFields};
use crate::i18n::*;
use crate::state::config::use_config;
use crate::state::confirmation::{use_confirmations, Confirmation};
use contract::billing::Address;
use leptos::prelude::*;

/// *Add a payment method*: card number and security code in the hosted fields, expiry, name and address in the
/// form, checked as they are typed; **Add** stays unavailable until every field is filled in (pressing it says
/// what is missing). The hosted fields give a token, which is what is sent.
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
    let hosted = HostedFields::new(&use_config().payments_origin, CardEntry::NewCard);
    let save = BillingSave::<u64>::new();
    let problems = Memo::new(move |_| draft.problems(today));
    let ready = Memo::new(move |_| problems.with(Vec::is_empty) && hosted.complete());
    let form_problems = FormProblems { local: problems.into(), server: save.field_problems() };
    let add = Callback::new(move |()| {
        draft.attempted.set(true);
        if !ready.get_untracked() {
            focus_first_invalid();
            return;
        }
        let card = draft.new_payment_method(String::new());
        // The intent: what the hosted fields hold (their revisions) and what the form holds.
        let guard = save.guard(fingerprint(&(hosted.revisions(), &card)), None);
        let api = api.clone();
        let request = with_card_token(hosted, move |card_token| {
            let (api, guard) = (api.clone(), guard.clone());
            let card = contract::billing::NewPaymentMethod { card_token, ..card.clone() };
            async move { api.add_payment_method(&card, &guard).await }
        });
        save.run(request, move |method| {
            confirmations.show(Confirmation::CardAdded { brand: method.brand, last4: method.last4 });
            // The pane may have been closed while the answer was on its way.
            close.try_run(());
        });
    });
    hosted.on_submit(add);
    hosted.on_escape(close);
    view! {
        <form class="pane-form" novalidate on:submit=move |event| {
            event.prevent_default();
            add.run(());
        }>
            <CardFields draft problems=form_problems hosted />
            {move || save.other_error().map(|error| view! { <SaveError error on_retry=add /> })}
            <SubmitBar
                label=Signal::derive(move || t_string!(i18n, card_form.add).to_string())
                busy=save.saving
                busy_text=Signal::derive(move || t_string!(i18n, card_form.adding).to_string())
                unavailable=Signal::derive(move || !ready.get())
            />
        </form>
    }
}
