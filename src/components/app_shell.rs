use super::{AppFooter, AppHeader, ConfirmationBanner, MainNav};
use crate::i18n::*;
use crate::routing::{app_path, provide_route, use_route, Route};
use crate::state::pane_return::PaneReturn;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The frame of every page: skip link, header, navigation, the page, footer. Provides the route to everything in
/// it.
#[component]
pub fn AppShell(
    /// The routed page.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let main = NodeRef::<leptos::html::Main>::new();
    provide_route();
    let location = use_location();
    let route = use_route();
    let pane_return = expect_context::<PaneReturn>();
    let in_gallery = Memo::new(move |_| route.with(|route| matches!(route, Route::Gallery { .. })));
    // Moving to another page puts focus at the start of its content, as a page load would for screen readers.
    // Opening or closing a pane (a sub-path of the page) leaves focus to the pane.
    Effect::new(move |previous: Option<Route>| {
        let (route, path) = (route.get(), location.pathname.get());
        pane_return.record(&route, format!("{}{}", app_path(&path), query_part(&location.search.get())));
        if let (Some(previous), Some(main)) = (previous, main.get_untracked()) {
            if previous.without_pane() != route.without_pane() {
                let _ = main.focus();
            }
        }
        route
    });
    view! {
        // The address is this page's: a fragment alone (`#main`) would be the page's `<base>`'s.
        <a class="skip-link" href=move || format!("{}{}#main", location.pathname.get(), location.search.get()) on:click=move |event| {
            event.prevent_default();
            if let Some(main) = main.get_untracked() {
                let _ = main.focus();
            }
        }>{t!(i18n, app.skip_to_content)}</a>
        // The component gallery is a page of its own, without the portal's frame (and its calls to the backend).
        <Show when=move || !in_gallery.get()>
            <AppHeader />
        </Show>
        <div class="layout" class:bare=move || in_gallery.get()>
            <Show when=move || !in_gallery.get()>
                <MainNav />
            </Show>
            <main id="main" tabindex="-1" node_ref=main>
                <ConfirmationBanner />
                {children()}
            </main>
        </div>
        <Show when=move || !in_gallery.get()>
            <AppFooter />
        </Show>
    }
}

/// `?query` from a location's search (which may or may not start with `?`), or nothing.
fn query_part(search: &str) -> String {
    match search.trim_start_matches('?') {
        "" => String::new(),
        query => format!("?{query}"),
    }
}
