use crate::areas;
use crate::state::confirmation::use_confirmations;
use leptos::prelude::*;

/// Says what the last change did, politely announced to screen readers; the region is always present so the
/// announcement is made when the text appears. The message's code (every confirmation's wording, in every locale)
/// is in a module of its own, downloaded the first time a change is confirmed rather than with the first page.
#[component]
pub fn ConfirmationBanner() -> impl IntoView {
    let confirmations = use_confirmations();
    let shown = Memo::new(move |_| confirmations.shown().is_some());
    view! {
        <div class="confirmation-region" role="status">
            {move || shown.get().then(areas::confirmation)}
        </div>
    }
}
