use super::{IsolatingText, LocaleSwitcher, SLOTS};
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
                <span>
                    {move || view! {
                        <IsolatingText
                            sentence=t_string!(i18n, header.signed_in_as, name = SLOTS[0]).to_string()
                            texts=vec![name.clone()]
                        />
                    }}
                </span>
                <span class="organization">
                    {move || view! {
                        <IsolatingText
                            sentence=t_string!(i18n, header.organization, name = SLOTS[0]).to_string()
                            texts=vec![organization.clone()]
                        />
                    }}
                </span>
            }
        })
    };
    view! {
        <header class="app-header">
            <a class="brand" href="products">{t!(i18n, app.title)}</a>
            <div class="header-end">
                // Its two lines' room is kept while the person loads, so nothing below moves when they appear.
                <p class="signed-in">{person}</p>
                <LocaleSwitcher />
            </div>
        </header>
    }
}
