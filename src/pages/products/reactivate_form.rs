use super::product_page::CurrentSubscription;
use super::subscription_change::SubscriptionChange;
use crate::components::{IsolatingText, SaveError, SLOTS};
use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use crate::state::confirmation::Confirmation;
use contract::subscriptions::{BillingFrequency, SubscriptionStatus};
use contract::Money;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// *Reactivate subscription*: what reactivating costs and starts (for a cancelled subscription whose access lasts:
/// that it is kept, with nothing charged now), then **Reactivate**.
#[component]
pub fn ReactivateForm(
    /// Where the pane goes when done.
    close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let subscription = expect_context::<CurrentSubscription>().loaded();
    let change = SubscriptionChange::<String>::new(close);
    let save = Callback::new(move |()| {
        let Some(before) = subscription.get_untracked() else { return };
        let (intent, id) = (before.etag.clone(), before.id.clone());
        change.send(
            before,
            intent,
            move |api, guard| async move { api.reactivate(&id, &guard).await },
            |_, after| Confirmation::Reactivated {
                product: after.product.name.clone(),
                renews_on: after.renews_or_expires_on,
            },
        );
    });

    let explanation = move || {
        subscription.with(|s| {
            s.as_ref().map(|s| {
                let locale = locale_code(i18n);
                let charge = Money::new(s.unit_price.amount * Decimal::from(s.total_licenses), s.unit_price.currency);
                let (amount, total, profile) = (format::money(locale, &charge), s.total_licenses, SLOTS[0]);
                // A cancelled subscription whose access lasts is kept: its paid period goes on, and it renews on
                // its end date.
                let date = format::date(locale, s.renews_or_expires_on);
                let sentence = match (s.status == SubscriptionStatus::Cancelled, s.billing_frequency) {
                    (false, BillingFrequency::Monthly) => {
                        t_string!(i18n, reactivate_pane.explanation_monthly, total, amount, profile).to_string()
                    }
                    (false, BillingFrequency::Yearly) => {
                        t_string!(i18n, reactivate_pane.explanation_yearly, total, amount, profile).to_string()
                    }
                    (true, BillingFrequency::Monthly) => {
                        t_string!(i18n, reactivate_pane.keep_monthly, date, total, amount, profile).to_string()
                    }
                    (true, BillingFrequency::Yearly) => {
                        t_string!(i18n, reactivate_pane.keep_yearly, date, total, amount, profile).to_string()
                    }
                };
                // The profile's name set apart (see `IsolatingText`).
                view! { <IsolatingText sentence texts=vec![s.billing_profile_name.clone()] /> }
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
            {move || change.error.get().map(|error| view! { <SaveError error on_retry=save /> })}
            <div class="pane-actions">
                <button type="submit" class="button primary" aria-busy=move || change.saving.get().to_string()>
                    {t!(i18n, reactivate_pane.submit)}
                </button>
                {move || change.saving.get().then(|| view! { <span class="field-hint" role="status">{t!(i18n, licenses_pane.saving)}</span> })}
            </div>
        </form>
    }
}
