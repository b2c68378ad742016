use crate::i18n::*;
use crate::state::config::use_config;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Asks a signed-out person to sign in, and brings them back to the page they were on. A deployment without a
/// `sign_in_url` says it is not set up for signing in, rather than sending the person nowhere.
#[component]
pub fn SignInPrompt() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let location = use_location();
    let href = move || {
        // The router's `search` has no leading `?`.
        let search = location.search.get();
        let path = location.pathname.get();
        let here = if search.is_empty() { path } else { format!("{path}?{}", search.trim_start_matches('?')) };
        config.sign_in_href(&here)
    };
    view! {
        <section class="sign-in-prompt" role="alert" aria-labelledby="sign-in-title">
            <h2 id="sign-in-title">{t!(i18n, signed_out.title)}</h2>
            {move || match href() {
                Some(href) => view! {
                    <p>{t!(i18n, signed_out.body)}</p>
                    // `rel="external"`: a full page load, not a route of this app.
                    <a class="button primary" href=href rel="external">{t!(i18n, signed_out.action)}</a>
                }.into_any(),
                None => view! { <p>{t!(i18n, signed_out.not_configured)}</p> }.into_any(),
            }}
        </section>
    }
}
