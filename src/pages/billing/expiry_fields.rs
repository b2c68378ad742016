use super::card_draft::CardDraft;
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

/// How many years ahead a card's expiry can be chosen.
const YEARS_AHEAD: i32 = 20;

/// *Expiration date*: month and year, as printed on the card. Once both are chosen the expiry is checked, without
/// waiting for the field to be left.
#[component]
pub fn ExpiryFields(
    /// What is typed.
    draft: CardDraft,
    /// What is wrong with the expiry, if anything.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let this_year = format::today_or_epoch().year();
    // A stored card's year stays choosable even when it is past.
    let first = draft.year.with_untracked(|y| y.parse().unwrap_or(this_year)).min(this_year);
    let months: Vec<(String, String)> = (1..=12u8).map(|m| (m.to_string(), format!("{m:02}"))).collect();
    let years: Vec<(String, String)> =
        (first..=this_year + YEARS_AHEAD).map(|y| (y.to_string(), y.to_string())).collect();
    let part = move |label: Signal<String>,
                     autocomplete: &'static str,
                     value: RwSignal<String>,
                     options: Vec<(String, String)>,
                     blank: &'static str| {
        let on_change = move |event: leptos::ev::Event| {
            value.set(event_target_value(&event));
            if !draft.month.with_untracked(String::is_empty) && !draft.year.with_untracked(String::is_empty) {
                draft.touch("expiry");
            }
        };
        view! {
            <label>
                <span>{label}</span>
                <select
                    autocomplete=autocomplete
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=move || value.get()
                    on:change=on_change
                    on:blur=move |_| draft.touch("expiry")
                >
                    <option value="" selected=move || value.with(String::is_empty)>{blank}</option>
                    {options.into_iter().map(|(option, text)| {
                        let chosen = option.clone();
                        view! { <option value=option selected=move || value.with(|v| *v == chosen)>{text}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <fieldset class="field expiry-fields" aria-describedby="card-expiry-error">
            <legend>{t!(i18n, card_form.expiry_legend)}</legend>
            <div class="expiry-selects">
                {part(Signal::derive(move || t_string!(i18n, card_form.month_label).to_string()), "cc-exp-month", draft.month, months, "--")}
                {part(Signal::derive(move || t_string!(i18n, card_form.year_label).to_string()), "cc-exp-year", draft.year, years, "----")}
            </div>
            <p id="card-expiry-error" class="field-error">{error}</p>
        </fieldset>
    }
}
