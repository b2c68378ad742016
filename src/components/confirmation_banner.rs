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
    let message = move || {
        confirmations.0.get().map(|confirmation| match confirmation {
            Confirmation::TotalChanged { product, from, to } if to > from => {
                t_string!(i18n, confirmations.added, product, added = to - from, total = to).to_string()
            }
            Confirmation::TotalChanged { product, from, to } => {
                t_string!(i18n, confirmations.removed, product, removed = from - to, total = to).to_string()
            }
            Confirmation::Cancelled { product, access_ends_on } => {
                let date = format::date(locale_code(i18n), access_ends_on);
                t_string!(i18n, confirmations.cancelled, product, date).to_string()
            }
            Confirmation::Reactivated { product, renews_on } => {
                let date = format::date(locale_code(i18n), renews_on);
                t_string!(i18n, confirmations.reactivated, product, date).to_string()
            }
            Confirmation::Assigned { product, person: Some(name), .. } => {
                t_string!(i18n, confirmations.assigned_one, product, name).to_string()
            }
            Confirmation::Assigned { product, count, .. } => {
                t_string!(i18n, confirmations.assigned_many, product, count).to_string()
            }
            Confirmation::Unassigned { product, person: Some(name), .. } => {
                t_string!(i18n, confirmations.unassigned_one, product, name).to_string()
            }
            Confirmation::Unassigned { product, count, .. } => {
                t_string!(i18n, confirmations.unassigned_many, product, count).to_string()
            }
            Confirmation::CardAdded { brand, last4 } => {
                t_string!(i18n, confirmations.card_added, card = labels::card(i18n, brand, &last4)).to_string()
            }
            Confirmation::CardUpdated { brand, last4 } => {
                t_string!(i18n, confirmations.card_updated, card = labels::card(i18n, brand, &last4)).to_string()
            }
            Confirmation::ProfileMethodChanged { profile, brand, last4 } => {
                let card = labels::card(i18n, brand, &last4);
                t_string!(i18n, confirmations.profile_method_changed, profile, card).to_string()
            }
        })
    };
    view! {
        <div class="confirmation-region" role="status">
            {move || message().map(|text| view! {
                <div class="confirmation">
                    <span aria-hidden="true" class="confirmation-icon">"✓"</span>
                    <p>{text}</p>
                    <button type="button" class="link-button" on:click=move |_| confirmations.0.set(None)>
                        {t!(i18n, confirmations.dismiss)}
                    </button>
                </div>
            })}
        </div>
    }
}
