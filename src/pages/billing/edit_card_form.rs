use super::billing_save::BillingSave;
use super::card_draft::CardDraft;
use super::card_fields::CardFields;
use super::card_problem::FormProblems;
use crate::api::{fingerprint, use_api, ApiError};
use crate::components::{focus_first_invalid, SaveError, SubmitBar};
use crate::format;
use crate::i18n::*;
use crate::state::confirmation::{use_confirmations, Confirmation};
use contract::billing::{PaymentMethod, PaymentMethodUpdate};
use contract::cards::check_update;
use contract::ErrorCode;
use leptos::prelude::*;

fn is_empty(update: &PaymentMethodUpdate) -> bool {
    update.security_code.is_none()
        && update.expiry.is_none()
        && update.name_on_card.is_none()
        && update.address.is_none()
}

/// **Edit** a stored card: only its security code, expiration date, name on card and address can change, then
/// **Save**. Only what changed is sent. If the card changed elsewhere meanwhile, what was typed stays and saving
/// again applies it to the card as it is now.
#[component]
pub fn EditCardForm(
    /// The card as loaded.
    method: PaymentMethod,
    /// Closes the pane.
    close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let confirmations = use_confirmations();
    let today = format::today_or_epoch();
    let draft = CardDraft::edit(&method);
    on_cleanup(move || draft.wipe());
    let brand = method.brand;
    let base = RwSignal::new(method);
    let save = BillingSave::<(String, u64)>::new();
    let update = Memo::new(move |_| base.with(|method| draft.update(method)));
    let problems = Memo::new(move |_| update.with(|u| check_update(u, brand, today)));
    let form_problems = FormProblems { local: problems.into(), server: save.field_problems() };
    let unchanged = Memo::new(move |_| draft.attempted.get() && update.with(is_empty));
    let submit = Callback::new(move |()| {
        draft.attempted.set(true);
        if !problems.with_untracked(Vec::is_empty) {
            focus_first_invalid();
            return;
        }
        let update = update.get_untracked();
        if is_empty(&update) {
            return;
        }
        let (id, etag) = base.with_untracked(|m| (m.id.clone(), m.etag.clone()));
        let guard = save.guard((etag.clone(), fingerprint(&update)), Some(etag));
        let api = api.clone();
        let request = async move {
            let result = api.update_payment_method(&id, &update, &guard).await;
            if matches!(result, Err(ApiError::Conflict(ErrorCode::PreconditionFailed))) {
                // Changed elsewhere: what the person did not change follows the card as it is now; what they
                // changed stays, and saving again applies it to the new version.
                if let Ok(fresh) = api.payment_method(&id).await {
                    if let Some(before) = base.try_get_untracked() {
                        draft.rebase(&before, &fresh);
                    }
                    base.set(fresh);
                }
            }
            result
        };
        save.run(request, move |method| {
            draft.wipe();
            confirmations.show(Confirmation::CardUpdated { brand: method.brand, last4: method.last4 });
            // The pane may have been closed while the answer was on its way.
            close.try_run(());
        });
    });
    view! {
        <form class="pane-form" novalidate on:submit=move |event| {
            event.prevent_default();
            submit.run(());
        }>
            <p class="field-hint">{t!(i18n, card_form.editable_hint)}</p>
            <CardFields draft problems=form_problems brand=Signal::stored(Some(brand)) new=false />
            {move || save.other_error().map(|error| view! { <SaveError error on_retry=submit /> })}
            <SubmitBar
                label=Signal::derive(move || t_string!(i18n, licenses_pane.save).to_string())
                busy=save.saving
                busy_text=Signal::derive(move || t_string!(i18n, licenses_pane.saving).to_string())
                note=Signal::derive(move || unchanged.get().then(|| t_string!(i18n, card_form.nothing_changed).to_string()))
            />
        </form>
    }
}
