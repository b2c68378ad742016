use crate::i18n::*;
use crate::state::session::use_session;
use contract::me::Role;
use leptos::prelude::*;
use leptos_router::components::A;

/// The navigation between areas (the administrators' view only for administrators); the current page's link
/// carries `aria-current="page"`. On a phone the links are behind a *Menu* button (a disclosure), so the page's
/// heading is in the first screen; following a link closes them again.
#[component]
pub fn MainNav() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // Only administrators see the read-only view of everyone's self-service purchases (the backend enforces it).
    // Signed out on this page, the administrators' link goes with the person.
    let is_admin = Memo::new(move |_| session.person().is_some_and(|me| me.role == Role::Admin));
    let open = RwSignal::new(false);
    view! {
        <nav class="main-nav" aria-label=move || t_string!(i18n, nav.label)>
            <button
                type="button"
                class="button nav-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="main-nav-links"
                on:click=move |_| open.update(|open| *open = !*open)
            >
                {t!(i18n, nav.menu)}
            </button>
            <ul id="main-nav-links" class:open=open on:click=move |_| open.set(false)>
                <li><A href="products">{t!(i18n, nav.products)}</A></li>
                <li><A href="licenses">{t!(i18n, nav.licenses)}</A></li>
                <li>
                    <span class="nav-group">{t!(i18n, nav.billing)}</span>
                    <ul>
                        <li><A href="billing/invoices">{t!(i18n, nav.invoices)}</A></li>
                        <li><A href="billing/payment-methods">{t!(i18n, nav.payment_methods)}</A></li>
                        <li><A href="billing/profiles">{t!(i18n, nav.billing_profiles)}</A></li>
                    </ul>
                </li>
                {move || is_admin.get().then(|| view! {
                    <li><A href="admin/self-service">{t!(i18n, nav.admin)}</A></li>
                })}
                <li><A href="help">{t!(i18n, nav.help)}</A></li>
            </ul>
        </nav>
    }
}
