use super::isolating_text::{IsolatingText, SLOTS};
use crate::format;
use crate::i18n::*;
use crate::labels::{self, locale_code};
use crate::state::confirmation::{use_confirmations, Confirmation};
use leptos::prelude::*;

/// Says what the last change did, politely announced to screen readers; the region is always present so the
/// announcement is made when the text appears.
#[component]
pub fn ConfirmationBanner() -> impl IntoView {
    let i18n = use_i18n();
    let confirmations = use_confirmations();
    // Each message: the translation with `SLOTS` where the names go, and the names (see `IsolatingText`).
    let [product_slot, name_slot] = [SLOTS[0], SLOTS[1]];
    let message = move || {
        confirmations.0.get().map(|confirmation| match confirmation {
            Confirmation::TotalChanged { product, from, to } if to > from => {
                let sentence =
                    t_string!(i18n, confirmations.added, product = product_slot, added = to - from, total = to);
                (sentence.to_string(), vec![product])
            }
            Confirmation::TotalChanged { product, from, to } => {
                let sentence =
                    t_string!(i18n, confirmations.removed, product = product_slot, removed = from - to, total = to);
                (sentence.to_string(), vec![product])
            }
            Confirmation::Cancelled { product, access_ends_on } => {
                let date = format::date(locale_code(i18n), access_ends_on);
                (t_string!(i18n, confirmations.cancelled, product = product_slot, date).to_string(), vec![product])
            }
            Confirmation::Reactivated { product, renews_on } => {
                let date = format::date(locale_code(i18n), renews_on);
                (t_string!(i18n, confirmations.reactivated, product = product_slot, date).to_string(), vec![product])
            }
            Confirmation::Assigned { product, person: Some(name), .. } => {
                let sentence = t_string!(i18n, confirmations.assigned_one, product = product_slot, name = name_slot);
                (sentence.to_string(), vec![product, name])
            }
            Confirmation::Assigned { product, count, .. } => {
                (t_string!(i18n, confirmations.assigned_many, product = product_slot, count).to_string(), vec![product])
            }
            Confirmation::Unassigned { product, person: Some(name), .. } => {
                let sentence = t_string!(i18n, confirmations.unassigned_one, product = product_slot, name = name_slot);
                (sentence.to_string(), vec![product, name])
            }
            Confirmation::Unassigned { product, count, .. } => (
                t_string!(i18n, confirmations.unassigned_many, product = product_slot, count).to_string(),
                vec![product],
            ),
            Confirmation::CardAdded { brand, last4 } => {
                let card = labels::card(i18n, brand, &last4);
                (t_string!(i18n, confirmations.card_added, card).to_string(), Vec::new())
            }
            Confirmation::CardUpdated { brand, last4 } => {
                let card = labels::card(i18n, brand, &last4);
                (t_string!(i18n, confirmations.card_updated, card).to_string(), Vec::new())
            }
            Confirmation::ProfileMethodChanged { profile, brand, last4 } => {
                let card = labels::card(i18n, brand, &last4);
                (
                    t_string!(i18n, confirmations.profile_method_changed, profile = SLOTS[0], card).to_string(),
                    vec![profile],
                )
            }
        })
    };
    view! {
        <div class="confirmation-region" role="status">
            {move || message().map(|(sentence, texts)| view! {
                <div class="confirmation">
                    <span aria-hidden="true" class="confirmation-icon">"✓"</span>
                    <p><IsolatingText sentence texts /></p>
                    <button type="button" class="link-button" on:click=move |_| confirmations.0.set(None)>
                        {t!(i18n, confirmations.dismiss)}
                    </button>
                </div>
            })}
        </div>
    }
}
