use super::confirmation_sentence::confirmation_sentence;
use super::isolating_text::IsolatingText;
use crate::i18n::*;
use crate::state::confirmation::use_confirmations;
use leptos::prelude::*;

/// What the last change did, with *Dismiss*; shown by [`super::ConfirmationBanner`].
#[component]
pub fn ConfirmationMessage() -> impl IntoView {
    let i18n = use_i18n();
    let confirmations = use_confirmations();
    move || {
        confirmations.shown().map(|shown| {
            let (sentence, texts) = confirmation_sentence(&shown, i18n);
            view! {
                <div class="confirmation">
                    <span aria-hidden="true" class="confirmation-icon">"✓"</span>
                    <p><IsolatingText sentence texts /></p>
                    <button type="button" class="link-button" on:click=move |_| confirmations.dismiss()>
                        {t!(i18n, confirmations.dismiss)}
                    </button>
                </div>
            }
        })
    }
}
