use super::ExternalLink;
use crate::i18n::*;
use crate::state::config::use_config;
use leptos::prelude::*;

/// Help links of the configured cloud instance.
#[component]
pub fn AppFooter() -> impl IntoView {
    let i18n = use_i18n();
    let links = use_config().help_links().cloned();
    view! {
        <footer class="app-footer">
            <nav aria-label=move || t_string!(i18n, footer.label)>
                {links.map(|links| view! {
                    <ExternalLink href=links.faq_url label=Signal::derive(move || t_string!(i18n, help.faq).to_string()) />
                    <ExternalLink href=links.support_url label=Signal::derive(move || t_string!(i18n, help.support).to_string()) />
                })}
            </nav>
        </footer>
    }
}
