use super::card_draft::CardDraft;
use crate::format;
use crate::i18n::*;
use leptos::prelude::*;

/// How many years ahead a card's expiry can be chosen.
const YEARS_AHEAD: i32 = 20;

/// *Expiration date*: month and year, as printed on the card.
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
    let invalid = move || error.with(Option::is_some).to_string();
    let touch = move |_| draft.touch("expiry");
    // Once both parts are chosen the expiry is checked, without waiting for the field to be left.
    let touch_when_complete = move || {
        if !draft.month.with_untracked(String::is_empty) && !draft.year.with_untracked(String::is_empty) {
            draft.touch("expiry");
        }
    };
    view! {
        <fieldset class="field expiry-fields" aria-describedby="card-expiry-error">
            <legend>{t!(i18n, card_form.expiry_legend)}</legend>
            <div class="expiry-selects">
                <label>
                    <span>{t!(i18n, card_form.month_label)}</span>
                    <select
                        autocomplete="cc-exp-month"
                        aria-invalid=invalid
                        prop:value=move || draft.month.get()
                        on:change=move |event| {
                            draft.month.set(event_target_value(&event));
                            touch_when_complete();
                        }
                        on:blur=touch
                    >
                        <option value="" selected=move || draft.month.with(String::is_empty)>"--"</option>
                        {(1..=12).map(|month: u8| {
                            let value = month.to_string();
                            let selected = value.clone();
                            view! { <option value=value selected=move || draft.month.with(|m| *m == selected)>{format!("{month:02}")}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{t!(i18n, card_form.year_label)}</span>
                    <select
                        autocomplete="cc-exp-year"
                        aria-invalid=invalid
                        prop:value=move || draft.year.get()
                        on:change=move |event| {
                            draft.year.set(event_target_value(&event));
                            touch_when_complete();
                        }
                        on:blur=touch
                    >
                        <option value="" selected=move || draft.year.with(String::is_empty)>"----"</option>
                        {(first..=this_year + YEARS_AHEAD).map(|year| {
                            let value = year.to_string();
                            let selected = value.clone();
                            view! { <option value=value selected=move || draft.year.with(|y| *y == selected)>{year}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <p id="card-expiry-error" class="field-error">{error}</p>
        </fieldset>
    }
}
