use super::{IsolatingText, MenuButton, MenuItem, SLOTS};
use crate::i18n::*;
use crate::routing::{use_route, Route};
use crate::state::session::use_session;
use leptos::prelude::*;

/// The signed-in person's menu in the header, a WAI-ARIA menu button: the button shows their name and
/// organization, and its menu has *Sign out*, which leads to the signed-out page and asks it to sign out (see
/// [`crate::pages::SignedOutPage`]). Shown while someone is signed in, except on that page, which says who is
/// and offers *Sign out* itself.
#[component]
pub fn AccountMenu() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let route = use_route();
    move || {
        let on_sign_out_page = route.with(|route| *route == Route::SignedOut);
        session.person().filter(|_| !on_sign_out_page).map(|me| {
            let (name, organization) = (me.display_name, me.organization.name);
            let face = move || {
                let (name, organization) = (name.clone(), organization.clone());
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
                .into_any()
            };
            let items = Signal::derive(move || {
                vec![MenuItem {
                    label: t_string!(i18n, account.sign_out).to_string(),
                    href: "signed-out".to_owned(),
                    denied: None,
                    on_choose: Some(Callback::new(move |()| session.sign_out_asked.set_value(true))),
                }]
            });
            view! { <MenuButton label=Signal::derive(move || t_string!(i18n, account.menu).to_string()) items face /> }
        })
    }
}
