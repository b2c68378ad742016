use super::license_total::{check_total_input, difference};
use super::price_impact::PriceImpact;
use super::product_page::CurrentSubscription;
use super::total_message::TotalMessage;
use crate::api::{new_idempotency_key, use_api, ApiError, ChangeGuard, IntentKey};
use crate::components::SaveError;
use crate::debounce::debounced;
use crate::i18n::*;
use crate::state::confirmation::{use_confirmations, Confirmation};
use contract::licenses::QuantityQuote;
use contract::ErrorCode;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// How long typing must pause before the price is asked for.
const QUOTE_DELAY: Duration = Duration::from_millis(250);

/// The price shown for the typed total.
#[derive(Clone, Debug, PartialEq)]
enum Price {
    /// Nothing valid to price.
    None,
    /// Asked for, not answered yet.
    Loading,
    /// The answer for the typed total.
    Ready(QuantityQuote),
    /// The question failed.
    Failed(ApiError),
}

/// *Total number of licenses*: the person types the new total (100 → 105), sees the difference and its price, and
/// saves. Saving sends the etag it was computed from and an idempotency key that stays the same for retries.
#[component]
pub fn LicenseTotalForm(
    /// Where the pane goes when done.
    close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let current = expect_context::<CurrentSubscription>();
    let confirmations = use_confirmations();
    let subscription = Memo::new(move |_| current.0.with(|s| s.as_ref().and_then(|r| r.as_ref().ok()).cloned()));

    let input = RwSignal::new(
        subscription.with_untracked(|s| s.as_ref().map(|s| s.total_licenses.to_string())).unwrap_or_default(),
    );
    let edited = RwSignal::new(false);
    let checked =
        Memo::new(move |_| input.with(|text| subscription.with(|s| s.as_ref().map(|s| check_total_input(text, s)))));
    let wanted = Memo::new(move |_| checked.get().and_then(Result::ok));
    let settled = debounced(wanted.into(), QUOTE_DELAY);
    let version = Memo::new(move |_| subscription.with(|s| s.as_ref().map(|s| s.etag.clone())));
    let quote = LocalResource::new({
        let api = api.clone();
        move || {
            let (total, id) = (settled.get(), subscription.with_untracked(|s| s.as_ref().map(|s| s.id.clone())));
            version.track();
            let api = api.clone();
            async move {
                match (total, id) {
                    (Some(total), Some(id)) => Some(api.quantity_quote(&id, total).await),
                    _ => None,
                }
            }
        }
    });
    let price = Memo::new(move |_| {
        let Some(total) = wanted.get() else { return Price::None };
        let current_total = subscription.with(|s| s.as_ref().map(|s| s.total_licenses));
        match quote.get().flatten() {
            Some(Ok(quote)) if quote.proposed_total == total && Some(quote.current_total) == current_total => {
                Price::Ready(quote)
            }
            Some(Err(error)) if settled.get() == Some(total) => Price::Failed(error),
            _ => Price::Loading,
        }
    });

    let saving = RwSignal::new(false);
    let save_error = RwSignal::new(None::<ApiError>);
    let changed_meanwhile = RwSignal::new(None::<u32>);
    let keys = StoredValue::new(IntentKey::<(String, u32)>::default());
    let can_save = move || !saving.get() && matches!(price.get(), Price::Ready(_));

    let save = Callback::new(move |()| {
        let (Some(total), Some(before)) = (wanted.get_untracked(), subscription.get_untracked()) else { return };
        if saving.get_untracked() {
            return;
        }
        let key = keys
            .try_update_value(|keys| keys.key_for((before.etag.clone(), total), new_idempotency_key))
            .unwrap_or_else(new_idempotency_key);
        let guard = ChangeGuard { if_match: before.etag.clone(), idempotency_key: key };
        saving.set(true);
        save_error.set(None);
        changed_meanwhile.set(None);
        let api = api.clone();
        spawn_local(async move {
            match api.set_quantity(&before.id, total, &guard).await {
                Ok(updated) => {
                    confirmations.0.set(Some(Confirmation::TotalChanged {
                        product: updated.product.name.clone(),
                        from: before.total_licenses,
                        to: updated.total_licenses,
                    }));
                    current.0.set(Some(Ok(updated)));
                    close.run(());
                }
                Err(error) => {
                    // Changed or no longer allowed: read it again, so the pane shows what is true now.
                    if let ApiError::Conflict(code) = &error {
                        if let Ok(fresh) = api.subscription(&before.id).await {
                            if *code == ErrorCode::PreconditionFailed {
                                changed_meanwhile.set(Some(fresh.total_licenses));
                            }
                            current.0.set(Some(Ok(fresh)));
                        }
                    }
                    save_error.set(Some(error));
                }
            }
            saving.set(false);
        });
    });

    let summary = move || {
        subscription.with(|s| {
            s.as_ref().map(|s| {
                let (total, assigned, max) = (s.total_licenses, s.assigned_licenses, s.max_licenses);
                t_string!(i18n, licenses_pane.summary, total, assigned, max).to_string()
            })
        })
    };
    let change = move || {
        let delta = input.with(|text| subscription.with(|s| s.as_ref().and_then(|s| difference(text, s))))?;
        let signed = if delta > 0 { format!("+{delta}") } else { format!("−{}", delta.unsigned_abs()) };
        Some(t_string!(i18n, licenses_pane.difference, change = signed).to_string())
    };
    let problem = move || checked.get().and_then(Result::err).filter(|_| edited.get());
    let invalid = move || problem().is_some_and(|p| p.is_invalid());
    let message = move || {
        let problem = problem()?;
        let (id, can_cancel) =
            subscription.with(|s| s.as_ref().map(|s| (s.id.0.clone(), s.allowed_actions.cancel.is_allowed())))?;
        Some(view! { <TotalMessage problem subscription_id=id can_cancel /> })
    };
    let frequency = move || subscription.with(|s| s.as_ref().map(|s| s.billing_frequency));
    let price_view = move || {
        match price.get() {
        Price::None => None,
        Price::Loading => Some(view! { <p class="field-hint">{t!(i18n, licenses_pane.pricing)}</p> }.into_any()),
        Price::Ready(quote) => frequency().map(|frequency| view! { <PriceImpact quote frequency /> }.into_any()),
        Price::Failed(error) => Some(
            view! {
                <div class="save-error" role="alert">
                    <p>{t!(i18n, licenses_pane.price_failed)}</p>
                    {error.is_retryable().then(|| view! {
                        <button type="button" class="button" on:click=move |_| quote.refetch()>{t!(i18n, errors.retry)}</button>
                    })}
                </div>
            }
            .into_any(),
        ),
    }
    };

    view! {
        <form class="pane-form" novalidate on:submit=move |event| {
            event.prevent_default();
            save.run(());
        }>
            <p class="field-hint" id="license-total-hint">{summary}</p>
            <div class="field">
                <label for="license-total">{t!(i18n, licenses_pane.total_label)}</label>
                <input
                    id="license-total"
                    autofocus
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="license-total-hint license-total-message"
                    aria-invalid=move || invalid().to_string()
                    prop:value=move || input.get()
                    on:input=move |event| {
                        input.set(event_target_value(&event));
                        edited.set(true);
                    }
                />
                {message}
            </div>
            <p class="difference" role="status">{change}</p>
            <div class="price" aria-live="polite">{price_view}</div>
            {move || changed_meanwhile.get().map(|total| view! {
                <p class="save-error" role="alert">{t_string!(i18n, licenses_pane.changed_meanwhile, total).to_string()}</p>
            })}
            {move || save_error.get().filter(|_| changed_meanwhile.get().is_none()).map(|error| view! {
                <SaveError error on_retry=save />
            })}
            <div class="pane-actions">
                <button type="submit" class="button primary" disabled=move || !can_save() aria-busy=move || saving.get().to_string()>
                    {t!(i18n, licenses_pane.save)}
                </button>
                {move || saving.get().then(|| view! { <span class="field-hint" role="status">{t!(i18n, licenses_pane.saving)}</span> })}
            </div>
        </form>
    }
}
