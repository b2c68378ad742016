use super::address_fields::AddressFields;
use super::card_draft::CardDraft;
use super::card_problem::{field_message, FormProblems};
use super::expiry_fields::ExpiryFields;
use crate::components::TextField;
use crate::i18n::*;
use crate::labels::brand_name;
use contract::billing::CardBrand;
use leptos::prelude::*;

/// The fields of a card form: the number (new cards only, its brand recognised while typing), expiry, security
/// code, name on the card and billing address, each with its problem beside it.
#[component]
pub fn CardFields(
    /// What is typed.
    draft: CardDraft,
    /// What is wrong with it.
    problems: FormProblems,
    /// The card's brand: the stored card's, or the one the typed number belongs to.
    #[prop(into)]
    brand: Signal<Option<CardBrand>>,
    /// Whether this is a new card (with a number); otherwise the security code is optional.
    new: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = move |field: &'static str| field_message(i18n, draft, problems, brand, field);
    let touch = move |field: &'static str| Callback::new(move |()| draft.touch(field));
    let number = new.then(|| {
        let detected = move || {
            brand.get().map(|brand| t_string!(i18n, card_form.brand_detected, brand = brand_name(brand)).to_string())
        };
        view! {
            <TextField
                id="card-number"
                label=Signal::derive(move || t_string!(i18n, card_form.number_label).to_string())
                value=draft.number
                error=message("card_number")
                hint=Signal::derive(move || Some(t_string!(i18n, card_form.number_hint).to_string()))
                autocomplete="cc-number"
                inputmode="numeric"
                maxlength=23
                required=true
                on_blur=touch("card_number")
            />
            <p class="field-hint brand-detected" role="status">{detected}</p>
        }
    });
    let code_hint = move || {
        let text = match brand.get() {
            Some(CardBrand::Amex) => t_string!(i18n, card_form.code_hint_amex).to_string(),
            _ => t_string!(i18n, card_form.code_hint).to_string(),
        };
        Some(if new { text } else { format!("{text} {}", t_string!(i18n, card_form.code_hint_optional)) })
    };
    view! {
        {number}
        <ExpiryFields draft error=message("expiry") />
        <TextField
            id="card-security-code"
            label=Signal::derive(move || t_string!(i18n, card_form.code_label).to_string())
            value=draft.security_code
            error=message("security_code")
            hint=Signal::derive(code_hint)
            autocomplete="cc-csc"
            inputmode="numeric"
            maxlength=4
            required=new
            on_blur=touch("security_code")
        />
        <TextField
            id="card-name"
            label=Signal::derive(move || t_string!(i18n, card_form.name_label).to_string())
            value=draft.name
            error=message("name_on_card")
            autocomplete="cc-name"
            required=true
            on_blur=touch("name_on_card")
        />
        <AddressFields draft problems />
    }
}
