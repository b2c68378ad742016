use crate::i18n::*;
use leptos::prelude::*;

/// Shown instead of the app when `config.json` cannot be loaded.
#[component]
pub fn ConfigError() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main id="main" class="config-error">
            <h1>{t!(i18n, errors.title)}</h1>
            <p role="alert">{t!(i18n, app.config_error)}</p>
        </main>
    }
}
