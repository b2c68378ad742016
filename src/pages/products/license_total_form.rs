use super::license_total::{check_total_input, difference, TotalProblem};
use super::price_impact::PriceImpact;
use super::product_page::CurrentSubscription;
use super::subscription_change::SubscriptionChange;
use super::total_message::TotalMessage;
use crate::api::{use_api, ApiError};
use crate::components::SaveError;
use crate::debounce::debounced;
use crate::i18n::*;
use crate::state::confirmation::Confirmation;
use contract::licenses::QuantityQuote;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::time::Duration;
use wasm_bindgen::JsCast;

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
    /// Whether the pane buys licenses (raises the total); otherwise it removes them.
    buying: bool,
    /// Where the pane goes when done.
    close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let subscription = expect_context::<CurrentSubscription>().loaded();
    let change = SubscriptionChange::<(String, u32)>::new(close);

    // `?total=` suggests a total (the Assign pane asks for the licenses its chosen people need).
    let suggested = use_query_map().with_untracked(|q| q.get("total")).filter(|_| buying);
    let input = RwSignal::new(suggested.unwrap_or_else(|| {
        subscription.with_untracked(|s| s.as_ref().map(|s| s.total_licenses.to_string())).unwrap_or_default()
    }));
    let edited = RwSignal::new(false);
    let checked = Memo::new(move |_| {
        input.with(|text| subscription.with(|s| s.as_ref().map(|s| check_total_input(text, s, buying))))
    });
    let wanted = Memo::new(move |_| checked.get().and_then(Result::ok));
    let settled: Signal<Option<u32>> = debounced(wanted.into(), QUOTE_DELAY);
    let version = Memo::new(move |_| subscription.with(|s| s.as_ref().map(|s| s.etag.clone())));
    let quote = LocalResource::new({
        let api = api.clone();
        move || {
            // Only the total still wanted: after a save, the settled total is no longer one to price.
            let total = settled.get().filter(|total| wanted.get_untracked() == Some(*total));
            let id = subscription.with_untracked(|s| s.as_ref().map(|s| s.id.clone()));
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

    // Not disabled while saving (focus would be lost); a second press while saving is ignored.
    let can_save = move || matches!(price.get(), Price::Ready(_));
    let save = Callback::new(move |()| {
        let (Some(total), Some(before)) = (wanted.get_untracked(), subscription.get_untracked()) else { return };
        // Only a total whose price is shown is saved (Try again after editing waits for the new price).
        if !matches!(price.get_untracked(), Price::Ready(quote) if quote.proposed_total == total) {
            return;
        }
        let intent = (before.etag.clone(), total);
        let id = before.id.clone();
        change.send(
            before,
            intent,
            move |api, guard| async move { api.set_quantity(&id, total, &guard).await },
            |before, after| Confirmation::TotalChanged {
                product: after.product.name.clone(),
                from: before.total_licenses,
                to: after.total_licenses,
            },
        );
    });

    let summary = move || {
        subscription.with(|s| {
            s.as_ref().map(|s| {
                let (total, assigned, max) = (s.total_licenses, s.assigned_licenses, s.max_licenses);
                t_string!(i18n, licenses_pane.summary, total, assigned, max).to_string()
            })
        })
    };
    let difference_text = move || {
        if checked.get().is_some_and(|c| c.is_err_and(|p| matches!(p, TotalProblem::Rule(_)))) {
            return None;
        }
        let delta = input.with(|text| subscription.with(|s| s.as_ref().and_then(|s| difference(text, s))))?;
        let signed = if delta > 0 { format!("+{delta}") } else { format!("−{}", delta.unsigned_abs()) };
        Some(if delta.unsigned_abs() == 1 {
            t_string!(i18n, licenses_pane.difference_one, change = signed).to_string()
        } else {
            t_string!(i18n, licenses_pane.difference, change = signed).to_string()
        })
    };
    let problem = move || checked.get().and_then(Result::err).filter(|_| edited.get());
    let invalid = move || problem().is_some_and(|p| p.is_invalid());
    let message = move || {
        let problem = problem()?;
        let (id, can_cancel) =
            subscription.with(|s| s.as_ref().map(|s| (s.id.0.clone(), s.allowed_actions.cancel.is_allowed())))?;
        Some(view! { <TotalMessage problem subscription_id=id can_cancel buying /> })
    };
    let frequency = move || subscription.with(|s| s.as_ref().map(|s| s.billing_frequency));
    let price_view = move || match price.get() {
        Price::None => None,
        Price::Loading => Some(view! { <p class="field-hint">{t!(i18n, licenses_pane.pricing)}</p> }.into_any()),
        Price::Ready(quote) => frequency().map(|frequency| view! { <PriceImpact quote frequency /> }.into_any()),
        // The session ended: said as for a save (sign in again in a new tab, then Try again prices the total kept).
        Price::Failed(ApiError::Unauthorized) => Some(
            view! { <SaveError error=ApiError::Unauthorized on_retry=Callback::new(move |()| quote.refetch()) /> }
                .into_any(),
        ),
        Price::Failed(error) => {
            let retry = error.is_retryable().then(|| {
                view! { <button type="button" class="button" on:click=move |_| quote.refetch()>{t!(i18n, errors.retry)}</button> }
            });
            Some(
                view! {
                    <div class="save-error" role="alert">
                        <p>{t!(i18n, licenses_pane.price_failed)}</p>
                        {retry}
                    </div>
                }
                .into_any(),
            )
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
                    // Typing replaces the current total rather than adding digits to it.
                    on:focus=move |event| {
                        if let Some(field) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            field.select();
                        }
                    }
                />
                {message}
            </div>
            <p class="difference" role="status">{difference_text}</p>
            <div class="price" aria-live="polite">{price_view}</div>
            {move || change.changed_meanwhile.get().map(|now| view! {
                <p class="save-error" role="alert">
                    {t_string!(i18n, licenses_pane.changed_meanwhile, total = now.total_licenses).to_string()}
                </p>
            })}
            {move || change.error.get().filter(|_| change.changed_meanwhile.with(Option::is_none)).map(|error| view! {
                <SaveError error on_retry=save />
            })}
            <div class="pane-actions">
                <button type="submit" class="button primary" disabled=move || !can_save() aria-busy=move || change.saving.get().to_string()>
                    {t!(i18n, licenses_pane.save)}
                </button>
                {move || change.saving.get().then(|| view! { <span class="field-hint" role="status">{t!(i18n, licenses_pane.saving)}</span> })}
            </div>
        </form>
    }
}
