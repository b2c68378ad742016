use crate::components::{Pane, TextField};
use crate::i18n::*;
use leptos::prelude::*;

/// The pane as the gallery opens it (`/gallery/pane`): a heading, a field and the actions.
#[component]
pub fn GalleryPane() -> impl IntoView {
    let i18n = use_i18n();
    let value = RwSignal::new("105".to_owned());
    view! {
        <Pane title=Signal::derive(move || t_string!(i18n, actions.buy).to_string()) close_href="/gallery">
            <p class="pane-product">"Microsoft 365 Business Basic"</p>
            <form class="pane-form" on:submit=|event| event.prevent_default()>
                <TextField
                    id="gallery-total"
                    label=Signal::derive(move || t_string!(i18n, licenses_pane.total_label).to_string())
                    value
                    error=Signal::stored(None::<String>)
                    inputmode="numeric"
                />
                <div class="pane-actions">
                    <button type="submit" class="button primary">{t!(i18n, licenses_pane.save)}</button>
                </div>
            </form>
        </Pane>
    }
}
