use super::{AppFooter, AppHeader, ConfirmationBanner, MainNav};
use crate::i18n::*;
use crate::state::pane_return::PaneReturn;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The frame of every page: skip link, header, navigation, the page, footer.
#[component]
pub fn AppShell(
    /// The routed page.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let main = NodeRef::<leptos::html::Main>::new();
    let location = use_location();
    let pane_return = expect_context::<PaneReturn>();
    let in_gallery = Memo::new(move |_| location.pathname.with(|p| p == "/gallery" || p.starts_with("/gallery/")));
    // Moving to another page puts focus at the start of its content, as a page load would for screen readers.
    // Opening or closing a pane (a sub-path of the page) leaves focus to the pane.
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        let address = format!("{path}{}", query_part(&location.search.get()));
        pane_return.record(&address, &path, &page_of(&path));
        if let (Some(previous), Some(main)) = (previous, main.get_untracked()) {
            if is_another_page(&previous, &path) {
                let _ = main.focus();
            }
        }
        path
    });
    view! {
        <a class="skip-link" href="#main" on:click=move |event| {
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

/// Whether going from `from` to `to` changes the page, rather than opening or closing one of its panes.
fn is_another_page(from: &str, to: &str) -> bool {
    page_of(from) != page_of(to)
}

/// The page a path shows: a pane's path (`/products/<id>/<action>`, `/licenses/<id>/assign`,
/// `/billing/payment-methods/<id>[/edit]`, `/billing/payment-methods/add`, `/billing/profiles/<id>/<change>`)
/// belongs to the page beneath it.
fn page_of(path: &str) -> String {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match segments.as_slice() {
        ["products", id, _] | ["licenses", id, "assign"] => format!("/{}/{id}", segments[0]),
        ["billing", "payment-methods", ..] => "/billing/payment-methods".to_owned(),
        ["billing", "profiles", id, _] => format!("/billing/profiles/{id}"),
        _ => path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::is_another_page;

    #[test]
    fn panes_are_not_other_pages() {
        assert!(is_another_page("/products", "/licenses"));
        assert!(is_another_page("/products/a", "/products/b"));
        assert!(!is_another_page("/products/a", "/products/a/buy"));
        assert!(!is_another_page("/products/a/buy", "/products/a"));
        assert!(!is_another_page("/products", "/products"));
        assert!(is_another_page("/products", "/productsx"));
        assert!(is_another_page("/products", "/products/a"));
        assert!(!is_another_page("/licenses/a/assign", "/licenses/a"));
        assert!(!is_another_page("/billing/payment-methods", "/billing/payment-methods/pm-1/edit"));
        assert!(!is_another_page("/billing/profiles/bp/replace-payment-method", "/billing/profiles/bp"));
        assert!(is_another_page("/billing/profiles", "/billing/profiles/bp"));
    }
}
