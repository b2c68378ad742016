use super::{AccountMenu, LocaleSwitcher};
use crate::i18n::*;
use leptos::prelude::*;

/// The top bar: the portal's name, the signed-in person's menu and the language.
#[component]
pub fn AppHeader() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="app-header">
            <a class="brand" href="products">{t!(i18n, app.title)}</a>
            <div class="header-end">
                // Its two lines' room is kept while the person loads, so nothing below moves when they appear.
                <div class="signed-in">
                    <AccountMenu />
                </div>
                <LocaleSwitcher />
            </div>
        </header>
    }
}
