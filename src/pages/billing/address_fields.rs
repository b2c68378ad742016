use super::card_draft::CardDraft;
use super::card_problem::{field_message, FormProblems};
use crate::components::TextField;
use crate::format;
use crate::i18n::*;
use crate::labels::locale_code;
use contract::cards::{countries, country_rules};
use leptos::prelude::*;

/// A card's billing address: the country first, since it decides which other fields are required (a postal code
/// everywhere but Ireland, a state or province in the United States and China).
#[component]
pub fn AddressFields(
    /// What is typed.
    draft: CardDraft,
    /// What is wrong with it.
    problems: FormProblems,
) -> impl IntoView {
    let i18n = use_i18n();
    let address = draft.address;
    let no_brand = Signal::stored(None);
    let message = move |field: &'static str| field_message(i18n, draft, problems, no_brand, field);
    let touch = move |field: &'static str| Callback::new(move |()| draft.touch(field));
    let rules = Memo::new(move |_| address.country.with(|c| country_rules(c)));
    let optional = move |label: String| t_string!(i18n, card_form.optional, label).to_string();
    let postal_label = move || {
        let label = t_string!(i18n, card_form.postal_code_label).to_string();
        if rules.get().is_some_and(|r| !r.postal_code_required) {
            optional(label)
        } else {
            label
        }
    };
    let country_error = message("address.country");
    view! {
        <fieldset class="field address-fields">
            <legend>{t!(i18n, card_form.address_legend)}</legend>
            <div class="field">
                <label for="card-country">{t!(i18n, card_form.country_label)}</label>
                <select
                    id="card-country"
                    autocomplete="country"
                    aria-invalid=move || country_error.with(Option::is_some).to_string()
                    aria-describedby="card-country-error"
                    prop:value=move || address.country.get()
                    on:change=move |event| address.country.set(event_target_value(&event))
                >
                    <option value="" selected=move || address.country.with(String::is_empty)>{t!(i18n, card_form.country_choose)}</option>
                    {move || named_countries(locale_code(i18n)).into_iter().map(|(code, name)| view! {
                        <option value=code selected=move || address.country.with(|c| c == code)>{name}</option>
                    }).collect_view()}
                </select>
                <p id="card-country-error" class="field-error">{country_error}</p>
            </div>
            <TextField
                id="card-line1"
                label=Signal::derive(move || t_string!(i18n, card_form.line1_label).to_string())
                value=address.line1
                error=message("address.line1")
                autocomplete="address-line1"
                required=true
                on_blur=touch("address.line1")
            />
            <TextField
                id="card-line2"
                label=Signal::derive(move || optional(t_string!(i18n, card_form.line2_label).to_string()))
                value=address.line2
                error=message("address.line2")
                autocomplete="address-line2"
            />
            <TextField
                id="card-city"
                label=Signal::derive(move || t_string!(i18n, card_form.city_label).to_string())
                value=address.city
                error=message("address.city")
                autocomplete="address-level2"
                required=true
                on_blur=touch("address.city")
            />
            <TextField
                id="card-postal-code"
                label=Signal::derive(postal_label)
                value=address.postal_code
                error=message("address.postal_code")
                autocomplete="postal-code"
                required=Signal::derive(move || rules.get().is_none_or(|r| r.postal_code_required))
                on_blur=touch("address.postal_code")
            />
            <Show when=move || rules.get().is_some_and(|r| r.region_required)>
                <TextField
                    id="card-region"
                    label=Signal::derive(move || t_string!(i18n, card_form.region_label).to_string())
                    value=address.region
                    error=message("address.region")
                    autocomplete="address-level1"
                    required=true
                    on_blur=touch("address.region")
                />
            </Show>
        </fieldset>
    }
}

/// Every country, named and sorted in `locale` (`Intl.DisplayNames`, `Intl.Collator`).
fn named_countries(locale: &str) -> Vec<(&'static str, String)> {
    let codes: Vec<&'static str> = countries().collect();
    let names = format::country_names(locale, &codes);
    let ranks = format::collation_ranks(locale, &names);
    let mut named: Vec<(usize, &'static str, String)> =
        codes.into_iter().zip(names).zip(ranks).map(|((code, name), rank)| (rank, code, name)).collect();
    named.sort_unstable_by_key(|(rank, ..)| *rank);
    named.into_iter().map(|(_, code, name)| (code, name)).collect()
}
