use super::{AppFooter, AppHeader, MainNav};
use crate::i18n::*;
use leptos::prelude::*;

/// The frame of every page: skip link, header, navigation, the page, footer.
#[component]
pub fn AppShell(
    /// The routed page.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, app.skip_to_content)}</a>
        <AppHeader />
        <div class="layout">
            <MainNav />
            <main id="main" tabindex="-1">{children()}</main>
        </div>
        <AppFooter />
    }
}
