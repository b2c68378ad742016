use super::confirmation_sentence::confirmation_sentence;
use super::isolating_text::IsolatingText;
use crate::i18n::*;
use crate::state::confirmation::use_confirmations;
use leptos::prelude::*;

/// Says what the last change did, politely announced to screen readers; the region is always present so the
/// announcement is made when the text appears.
#[component]
pub fn ConfirmationBanner() -> impl IntoView {
    let i18n = use_i18n();
    let confirmations = use_confirmations();
    view! {
        <div class="confirmation-region" role="status">
            {move || confirmations.shown().map(|shown| confirmation_sentence(&shown, i18n)).map(|(sentence, texts)| view! {
                <div class="confirmation">
                    <span aria-hidden="true" class="confirmation-icon">"✓"</span>
                    <p><IsolatingText sentence texts /></p>
                    <button type="button" class="link-button" on:click=move |_| confirmations.dismiss()>
                        {t!(i18n, confirmations.dismiss)}
                    </button>
                </div>
            })}
        </div>
    }
}
