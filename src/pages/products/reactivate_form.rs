use super::product_page::CurrentSubscription;
use crate::api::{new_idempotency_key, use_api, ApiError, ChangeGuard, IntentKey};
use crate::components::SaveError;
use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use crate::state::confirmation::{use_confirmations, Confirmation};
use contract::subscriptions::BillingFrequency;
use contract::Money;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rust_decimal::Decimal;

/// *Reactivate subscription*: what reactivating costs and starts, then **Reactivate**.
#[component]
pub fn ReactivateForm(
    /// Where the pane goes when done.
    close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let current = expect_context::<CurrentSubscription>();
    let confirmations = use_confirmations();
    let subscription = Memo::new(move |_| current.0.with(|s| s.as_ref().and_then(|r| r.as_ref().ok()).cloned()));
    let saving = RwSignal::new(false);
    let save_error = RwSignal::new(None::<ApiError>);
    let keys = StoredValue::new(IntentKey::<String>::default());

    let save = Callback::new(move |()| {
        let Some(before) = subscription.get_untracked() else { return };
        if saving.get_untracked() {
            return;
        }
        let key = keys
            .try_update_value(|keys| keys.key_for(before.etag.clone(), new_idempotency_key))
            .unwrap_or_else(new_idempotency_key);
        let guard = ChangeGuard { if_match: before.etag.clone(), idempotency_key: key };
        saving.set(true);
        save_error.set(None);
        let api = api.clone();
        spawn_local(async move {
            match api.reactivate(&before.id, &guard).await {
                Ok(updated) => {
                    confirmations.0.set(Some(Confirmation::Reactivated {
                        product: updated.product.name.clone(),
                        renews_on: updated.renews_or_expires_on,
                    }));
                    current.0.set(Some(Ok(updated)));
                    close.run(());
                }
                Err(error) => {
                    if let ApiError::Conflict(_) = error {
                        if let Ok(fresh) = api.subscription(&before.id).await {
                            current.0.set(Some(Ok(fresh)));
                        }
                    }
                    save_error.set(Some(error));
                }
            }
            saving.set(false);
        });
    });

    let explanation = move || {
        subscription.with(|s| {
            s.as_ref().map(|s| {
                let locale = locale_code(i18n);
                let charge = Money::new(s.unit_price.amount * Decimal::from(s.total_licenses), s.unit_price.currency);
                let (amount, total, profile) =
                    (format::money(locale, &charge), s.total_licenses, s.billing_profile_name.clone());
                match s.billing_frequency {
                    BillingFrequency::Monthly => {
                        t_string!(i18n, reactivate_pane.explanation_monthly, total, amount, profile).to_string()
                    }
                    BillingFrequency::Yearly => {
                        t_string!(i18n, reactivate_pane.explanation_yearly, total, amount, profile).to_string()
                    }
                }
            })
        })
    };
    view! {
        <form class="pane-form" novalidate on:submit=move |event| {
            event.prevent_default();
            save.run(());
        }>
            <p>{explanation}</p>
            <p class="field-hint">{t!(i18n, reactivate_pane.renewal)}</p>
            {move || save_error.get().map(|error| view! { <SaveError error on_retry=save /> })}
            <div class="pane-actions">
                <button type="submit" class="button primary" disabled=move || saving.get() aria-busy=move || saving.get().to_string()>
                    {t!(i18n, reactivate_pane.submit)}
                </button>
                {move || saving.get().then(|| view! { <span class="field-hint" role="status">{t!(i18n, licenses_pane.saving)}</span> })}
            </div>
        </form>
    }
}
