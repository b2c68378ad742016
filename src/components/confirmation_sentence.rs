use super::isolating_text::SLOTS;
use crate::format;
use crate::i18n::*;
use crate::labels::{self, locale_code, I18n};
use crate::state::confirmation::Confirmation;

/// A sentence with `SLOTS` where names go, and the names (see `IsolatingText`).
pub type Sentence = (String, Vec<String>);

/// What `confirmation` says in the current language: the translation with `SLOTS` where the names go, and the
/// names (see `IsolatingText`). Tracks the locale when called reactively.
pub fn confirmation_sentence(confirmation: &Confirmation, i18n: I18n) -> Sentence {
    let [product_slot, name_slot] = [SLOTS[0], SLOTS[1]];
    match confirmation.clone() {
        Confirmation::TotalChanged { product, from, to } if to > from => {
            let sentence = t_string!(i18n, confirmations.added, product = product_slot, added = to - from, total = to);
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
        Confirmation::Unassigned { product, count, .. } => {
            (t_string!(i18n, confirmations.unassigned_many, product = product_slot, count).to_string(), vec![product])
        }
        Confirmation::CardAdded { brand, last4 } => {
            let card = labels::card(i18n, brand, &last4);
            (t_string!(i18n, confirmations.card_added, card).to_string(), Vec::new())
        }
        Confirmation::CardUpdated { brand, last4 } => {
            let card = labels::card(i18n, brand, &last4);
            (t_string!(i18n, confirmations.card_updated, card).to_string(), Vec::new())
        }
        Confirmation::CardRemoved { brand, last4 } => {
            let card = labels::card(i18n, brand, &last4);
            (t_string!(i18n, confirmations.card_removed, card).to_string(), Vec::new())
        }
        Confirmation::ProfileMethodChanged { profile, brand, last4 } => {
            let card = labels::card(i18n, brand, &last4);
            (t_string!(i18n, confirmations.profile_method_changed, profile = SLOTS[0], card).to_string(), vec![profile])
        }
    }
}
