use super::LocaleSwitcher;
use crate::i18n::*;
use crate::state::session::use_session;
use leptos::prelude::*;

/// The top bar: the portal's name, the signed-in person and the language.
#[component]
pub fn AppHeader() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let person = move || {
        session.me.get().and_then(Result::ok).map(|me| {
            let name = me.display_name.clone();
            let organization = me.organization.name.clone();
            view! {
                <span>{move || t_string!(i18n, header.signed_in_as, name = name.clone()).to_string()}</span>
                <span class="organization">
                    {move || t_string!(i18n, header.organization, name = organization.clone()).to_string()}
                </span>
            }
        })
    };
    view! {
        <header class="app-header">
            <a class="brand" href="/products">{t!(i18n, app.title)}</a>
            <div class="header-end">
                // Its two lines' room is kept while the person loads, so nothing below moves when they appear.
                <p class="signed-in">{person}</p>
                <LocaleSwitcher />
            </div>
        </header>
    }
}
