use super::address_fields::AddressFields;
use super::card_draft::CardDraft;
use super::card_problem::{field_message, hosted_problem, FormProblems};
use super::expiry_fields::ExpiryFields;
use crate::components::TextField;
use crate::hosted_fields::{CardEntry, HostedField, HostedFields};
use crate::i18n::*;
use crate::labels::brand_name;
use contract::billing::CardBrand;
use contract::hosted_fields::FieldKind;
use leptos::prelude::*;

/// The fields of a card form: the number (new cards only, its brand recognised while typing) and the security code
/// in the payments origin's hosted fields, the expiry, name on the card and billing address in the app's own, each
/// with its problem beside it.
#[component]
pub fn CardFields(
    /// What is typed into the form's own fields.
    draft: CardDraft,
    /// What is wrong with it.
    problems: FormProblems,
    /// The hosted fields of the card number and security code.
    hosted: HostedFields,
) -> impl IntoView {
    let i18n = use_i18n();
    let new = hosted.kinds().contains(&FieldKind::Number);
    let number = hosted.status(FieldKind::Number);
    let brand = Signal::derive(move || match hosted.entry() {
        CardEntry::SecurityCode(brand) => Some(brand),
        CardEntry::NewCard => number.with(|s| s.brand),
    });
    let message = move |field: &'static str| field_message(i18n, draft, problems, brand, field);
    let touch = move |field: &'static str| Callback::new(move |()| draft.touch(field));
    let hosted_message = move |kind: FieldKind, server_field: &'static str| {
        let status = hosted.status(kind);
        let server = message(server_field);
        Signal::derive(move || {
            hosted_problem(i18n, kind, status.get(), draft.attempted.get(), new, brand.get()).or_else(|| server.get())
        })
    };
    let number = new.then(|| {
        let detected = move || {
            brand.get().map(|brand| t_string!(i18n, card_form.brand_detected, brand = brand_name(brand)).to_string())
        };
        view! {
            <HostedField
                fields=hosted
                kind=FieldKind::Number
                label=Signal::derive(move || t_string!(i18n, card_form.number_label).to_string())
                title=Signal::derive(move || t_string!(i18n, card_form.number_label).to_string())
                hint=Signal::derive(move || Some(t_string!(i18n, card_form.number_hint).to_string()))
                error=hosted_message(FieldKind::Number, "card_token")
                required=true
            />
            <p class="field-hint brand-detected" role="status">{detected}</p>
        }
    });
    let code_hint = move || {
        // Until the number says which brand the card is, the hint covers American Express's 4 digits too.
        let text = match brand.get() {
            Some(CardBrand::Amex) => t_string!(i18n, card_form.code_hint_amex).to_string(),
            Some(_) => t_string!(i18n, card_form.code_hint).to_string(),
            None => t_string!(i18n, card_form.code_hint_any).to_string(),
        };
        Some(if new { text } else { format!("{text} {}", t_string!(i18n, card_form.code_hint_optional)) })
    };
    view! {
        <Show when=move || hosted.failed()>
            <div class="save-error" role="alert">
                <p>{t!(i18n, card_form.fields_unavailable)}</p>
                <button type="button" class="button" on:click=move |_| hosted.reload_failed()>
                    {t!(i18n, errors.retry)}
                </button>
            </div>
        </Show>
        {number}
        <ExpiryFields draft error=message("expiry") />
        <HostedField
            fields=hosted
            kind=FieldKind::SecurityCode
            label=Signal::derive(move || t_string!(i18n, card_form.code_label).to_string())
            title=Signal::derive(move || t_string!(i18n, card_form.code_label).to_string())
            hint=Signal::derive(code_hint)
            error=hosted_message(FieldKind::SecurityCode, "security_code_token")
            required=new
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
