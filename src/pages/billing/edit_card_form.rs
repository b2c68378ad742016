use super::billing_save::BillingSave;
use super::card_draft::CardDraft;
use super::card_fields::CardFields;
use super::card_problem::FormProblems;
use super::card_token::with_card_token;
use crate::api::{fingerprint, use_api, ApiError};
use crate::components::{focus_first_invalid, SaveError, SubmitBar};
use crate::format;
use crate::hosted_fields::{CardEntry, HostedFields};
use crate::i18n::*;
use crate::state::config::use_config;
use crate::state::confirmation::{use_confirmations, Confirmation};
use contract::billing::{PaymentMethod, PaymentMethodUpdate};
use contract::hosted_fields::{FieldKind, FieldState};
use contract::ErrorCode;
use leptos::prelude::*;

fn is_empty(update: &PaymentMethodUpdate) -> bool {
    update.security_code_token.is_none()
        && update.expiry.is_none()
        && update.name_on_card.is_none()
        && update.address.is_none()
}

/// **Edit** a stored card: only its security code (in the hosted field, sent as a token), expiration date, name
/// on card and address can change, then **Save**. Only what changed is sent. If the card changed elsewhere
/// meanwhile, what was typed stays and saving again applies it to the card as it is now.
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
    let hosted = HostedFields::new(&use_config().payments_origin, CardEntry::SecurityCode(method.brand));
    let code = hosted.status(FieldKind::SecurityCode);
    let code_typed = Memo::new(move |_| code.with(|s| s.state != FieldState::Empty));
    let base = RwSignal::new(method);
    let save = BillingSave::<(String, u64)>::new();
    // What changed in the form's own fields (a typed security code is sent as a token, made when saving).
    let update = Memo::new(move |_| base.with(|method| draft.update(method, None)));
    let problems = Memo::new(move |_| update.with(|changed| contract::cards::check_update(changed, today)));
    let form_problems = FormProblems { local: problems.into(), server: save.field_problems() };
    let unchanged = Memo::new(move |_| draft.attempted.get() && update.with(is_empty) && !code_typed.get());
    let submit = Callback::new(move |()| {
        draft.attempted.set(true);
        if !problems.with_untracked(Vec::is_empty) || !hosted.complete() {
            focus_first_invalid();
            return;
        }
        let changes = update.get_untracked();
        let with_code = code_typed.get_untracked();
        if is_empty(&changes) && !with_code {
            return;
        }
        let (id, etag) = base.with_untracked(|m| (m.id.clone(), m.etag.clone()));
        let intent = fingerprint(&(with_code.then(|| hosted.revisions()), &changes));
        let guard = save.guard((etag.clone(), intent), Some(etag));
        let api = api.clone();
        let send = move |token: Option<String>| {
            let (api, id, guard) = (api.clone(), id.clone(), guard.clone());
            let changes = PaymentMethodUpdate { security_code_token: token, ..changes.clone() };
            async move {
                let result = api.update_payment_method(&id, &changes, &guard).await;
                if matches!(result, Err(ApiError::Conflict(ErrorCode::PreconditionFailed))) {
                    // Changed elsewhere: what the person did not change follows the card as it is now; what
                    // they changed stays, and saving again applies it to the new version.
                    if let Ok(fresh) = api.payment_method(&id).await {
                        if let Some(before) = base.try_get_untracked() {
                            draft.rebase(&before, &fresh);
                        }
                        base.set(fresh);
                    }
                }
                result
            }
        };
        let request = async move {
            if with_code {
                with_card_token(hosted, move |token| send(Some(token))).await
            } else {
                send(None).await
            }
        };
        save.run(request, move |method| {
            confirmations.show(Confirmation::CardUpdated { brand: method.brand, last4: method.last4 });
            // The pane may have been closed while the answer was on its way.
            close.try_run(());
        });
    });
    hosted.on_submit(submit);
    hosted.on_escape(close);
    view! {
        <form class="pane-form" novalidate on:submit=move |event| {
            event.prevent_default();
            submit.run(());
        }>
            <p class="field-hint">{t!(i18n, card_form.editable_hint)}</p>
            <CardFields draft problems=form_problems hosted />
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
