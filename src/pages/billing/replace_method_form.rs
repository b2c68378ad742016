use super::billing_save::BillingSave;
use super::card_draft::CardDraft;
use super::card_fields::CardFields;
use super::card_problem::FormProblems;
use super::card_token::with_card_token;
use crate::api::{fingerprint, new_idempotency_key, use_api, ApiError, ChangeGuard, IntentKey};
use crate::components::{focus_first_invalid, ErrorView, ExpiryBadge, SaveError, SubmitBar};
use crate::format;
use crate::hosted_fields::{CardEntry, HostedFields};
use crate::i18n::*;
use crate::labels;
use crate::state::config::use_config;
use crate::state::confirmation::{use_confirmations, Confirmation};
use contract::billing::{BillingProfile, NewPaymentMethod};
use contract::cards::{expiry_state, ExpiryState};
use contract::PaymentMethodId;
use leptos::prelude::*;

/// The value of the *A new card* choice.
const NEW_CARD: &str = "new";

/// **Replace**: pay the profile with another stored card (expired ones cannot be chosen) or a new one, then
/// **Save**. A new card is added first (once, whatever the retries), then the profile switches to it.
#[component]
pub fn ReplaceMethodForm(
    /// The profile as loaded.
    profile: BillingProfile,
    /// Closes the pane.
    close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let confirmations = use_confirmations();
    let today = format::today_or_epoch();
    let methods = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.payment_methods().await }
        }
    });
    let current = profile.payment_method.as_ref().map(|m| m.id.clone());
    let now_paid_with = profile.payment_method.as_ref().map(|m| (m.brand, m.last4.clone())).map(|(brand, last4)| {
        move || t_string!(i18n, profiles.current_method, card = labels::card(i18n, brand, &last4)).to_string()
    });
    let choice = RwSignal::new(String::new());
    let draft = CardDraft::new_card(&profile.bill_to);
    let hosted = HostedFields::new(&use_config().payments_origin, CardEntry::NewCard);
    let save = BillingSave::<(String, String)>::new();
    let add_keys = StoredValue::new(IntentKey::<u64>::default());
    let problems = Memo::new(move |_| draft.problems(today));
    let form_problems = FormProblems { local: problems.into(), server: save.field_problems() };
    let attempted = RwSignal::new(false);
    let choice_missing = Memo::new(move |_| attempted.get() && choice.with(String::is_empty));
    let (profile_id, etag, profile_name) = (profile.id.clone(), profile.etag.clone(), profile.name.clone());

    let submit = Callback::new(move |()| {
        attempted.set(true);
        let chosen = choice.get_untracked();
        let adding = chosen == NEW_CARD;
        if adding {
            draft.attempted.set(true);
        }
        if chosen.is_empty() || (adding && (!problems.with_untracked(Vec::is_empty) || !hosted.complete())) {
            focus_first_invalid();
            return;
        }
        let card = adding.then(|| draft.new_payment_method(String::new()));
        let add_guard = card.as_ref().map(|card| {
            let intent = fingerprint(&(hosted.revisions(), card));
            let key = add_keys.try_update_value(|k| k.key_for(intent, new_idempotency_key));
            ChangeGuard { if_match: None, idempotency_key: Some(key.unwrap_or_else(new_idempotency_key)) }
        });
        let (api, profile_id, etag, name) = (api.clone(), profile_id.clone(), etag.clone(), profile_name.clone());
        let request = async move {
            let method = match (card, add_guard) {
                (Some(card), Some(guard)) => {
                    let added = with_card_token(hosted, |card_token| {
                        let (api, guard) = (api.clone(), guard.clone());
                        let card = NewPaymentMethod { card_token, ..card.clone() };
                        async move { api.add_payment_method(&card, &guard).await }
                    })
                    .await;
                    // While the add's outcome is unknown, a changed card is still sent under its key (see IntentKey).
                    let unknown = added.as_ref().is_err_and(ApiError::is_retryable);
                    add_keys.update_value(|k| if unknown { k.hold() } else { k.release() });
                    added?.id
                }
                _ => PaymentMethodId(chosen),
            };
            let guard = save.guard((etag.clone(), method.0.clone()), Some(etag));
            api.set_profile_payment_method(&profile_id, &method, &guard).await
        };
        save.run(request, move |updated: BillingProfile| {
            if let Some(method) = updated.payment_method {
                confirmations.show(Confirmation::ProfileMethodChanged {
                    profile: name,
                    brand: method.brand,
                    last4: method.last4,
                });
            }
            // The pane may have been closed while the answer was on its way.
            close.try_run(());
        });
    });

    hosted.on_submit(submit);
    hosted.on_escape(close);

    let options = move || {
        methods.get().map(|loaded| match loaded {
            Err(error) => view! { <ErrorView error on_retry=Callback::new(move |()| methods.refetch()) /> }.into_any(),
            Ok(list) => list
                .into_iter()
                .filter(|m| Some(&m.id) != current.as_ref())
                .map(|method| {
                    let id = method.id.0.clone();
                    let input_id = format!("method-{id}");
                    let expired = expiry_state(method.expiry, today) == ExpiryState::Expired;
                    let (brand, last4, expiry) = (method.brand, method.last4.clone(), method.expiry);
                    let value = id.clone();
                    view! {
                        <div class="choice">
                            <input
                                type="radio"
                                name="replace-method"
                                id=input_id.clone()
                                value=id.clone()
                                disabled=expired
                                prop:checked=move || choice.with(|c| *c == value)
                                on:change=move |_| choice.set(id.clone())
                            />
                            <label for=input_id>
                                {move || labels::card(i18n, brand, &last4)} " · "
                                {move || t_string!(i18n, cards.expires, date = labels::expiry(expiry)).to_string()} " "
                                <ExpiryBadge expiry />
                            </label>
                        </div>
                    }
                })
                .collect_view()
                .into_any(),
        })
    };
    view! {
        <form class="pane-form" novalidate on:submit=move |event| {
            event.prevent_default();
            submit.run(());
        }>
            {now_paid_with.map(|text| view! { <p class="field-hint">{text}</p> })}
            <fieldset class="field" aria-invalid=move || choice_missing.get().to_string() aria-describedby="replace-choice-error">
                <legend>{t!(i18n, profiles.pay_with)}</legend>
                <p id="replace-choice-error" class="field-error">
                    {move || choice_missing.get().then(|| t_string!(i18n, profiles.choose_method).to_string())}
                </p>
                {options}
                <div class="choice">
                    <input
                        type="radio"
                        name="replace-method"
                        id="method-new"
                        value=NEW_CARD
                        prop:checked=move || choice.with(|c| c == NEW_CARD)
                        on:change=move |_| choice.set(NEW_CARD.to_owned())
                    />
                    <label for="method-new">{t!(i18n, profiles.new_card)}</label>
                </div>
            </fieldset>
            <Show when=move || choice.with(|c| c == NEW_CARD)>
                <CardFields draft problems=form_problems hosted />
            </Show>
            {move || save.other_error().map(|error| view! { <SaveError error on_retry=submit /> })}
            <SubmitBar
                label=Signal::derive(move || t_string!(i18n, licenses_pane.save).to_string())
                busy=save.saving
                busy_text=Signal::derive(move || t_string!(i18n, licenses_pane.saving).to_string())
            />
        </form>
    }
}
