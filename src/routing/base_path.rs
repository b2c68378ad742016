//! The path the app is served under: `/portal` for `https://example.com/portal/`, empty at the root. It is the
//! directory of the page's `<base href>` (`cargo xtask dist --base-path /portal/` writes it; at the root it is `/`).
//!
//! Inside the app a path is the app's own, without the base. Two forms, by what reads them:
//! - a link's address is relative, `products/s1`: `<A>` resolves it under the router's `base`, a plain `<a>` the
//!   browser resolves against the page's `<base href>` (leptos_router's `<A>` leaves an absolute `/products`
//!   alone, under any base);
//! - a navigation's (`navigate`, `<Redirect>`, a pane's close, a `back` parameter) is absolute, `/products/s1`:
//!   the router puts it under its `base`.
//!
//! [`app_path`] is an address's path without the base: what the route is parsed from.

use leptos::prelude::document;

thread_local! {
    static BASE_PATH: &'static str = {
        let base_uri = document().base_uri().ok().flatten().unwrap_or_default();
        let directory = web_sys::Url::new_with_base(".", &base_uri).map(|url| url.pathname()).unwrap_or_default();
        String::leak(directory.trim_end_matches('/').to_owned())
    };
}

/// The path the app is served under, without a trailing `/` (empty at the root), read once: the directory of the
/// page's base URI, its `<base href>`. Every page of the app has one (`index.html`); a page without one (the wasm
/// tests' runner), or under a policy refusing `<base>` (`base-uri 'none'`), gets the directory of its own address.
pub fn base_path() -> &'static str {
    BASE_PATH.with(|base| *base)
}

/// The app's path of an address's path: without the base path (`/portal/products` → `/products`). A path outside
/// the base stays as it is: a server serving the app under its base sends it no other path.
pub fn app_path(path: &str) -> &str {
    strip_base(path, base_path())
}

fn strip_base<'a>(path: &'a str, base: &str) -> &'a str {
    match path.strip_prefix(base) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_paths_are_addresses_without_the_base() {
        assert_eq!(strip_base("/portal/products/s1", "/portal"), "/products/s1");
        assert_eq!(strip_base("/portal", "/portal"), "/");
        assert_eq!(strip_base("/portal/", "/portal"), "/");
        assert_eq!(strip_base("/portals/x", "/portal"), "/portals/x");
        assert_eq!(strip_base("/products", ""), "/products");
    }
}
