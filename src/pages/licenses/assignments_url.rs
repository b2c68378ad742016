//! The licenses page's search text and page number live in the URL, so they survive a reload and Back.

use leptos::prelude::*;
use leptos_router::hooks::{query_signal_with_options, use_query_map};
use leptos_router::NavigateOptions;

/// The people list's URL state.
#[derive(Clone, Copy)]
pub struct AssignmentsUrl {
    /// The search text exactly as typed.
    pub text: Memo<String>,
    /// The page, from 1 (anything else in the URL reads as 1).
    pub page: Memo<u32>,
    set_text: SignalSetter<Option<String>>,
    set_page: SignalSetter<Option<String>>,
}

impl AssignmentsUrl {
    /// Binds to the current route's query string.
    pub fn from_route() -> Self {
        let map = use_query_map();
        let text = Memo::new(move |_| map.with(|m| m.get("q").unwrap_or_default()));
        let page = Memo::new(move |_| map.with(|m| parse_page(m.get("page").as_deref())));
        let setter = |key: &'static str, replace: bool| {
            let options = NavigateOptions { replace, scroll: false, ..Default::default() };
            query_signal_with_options::<String>(key, options).1
        };
        Self { text, page, set_text: setter("q", true), set_page: setter("page", false) }
    }

    /// Searches for `text` from the first page.
    pub fn search(&self, text: String) {
        self.set_page.set(None);
        self.set_text.set(Some(text).filter(|t| !t.is_empty()));
    }

    /// Goes to `page`.
    pub fn go_to(&self, page: u32) {
        self.set_page.set((page > 1).then(|| page.to_string()));
    }
}

/// A page number from the URL: a whole number from 1, else 1.
pub fn parse_page(value: Option<&str>) -> u32 {
    value.and_then(|v| v.trim().parse::<u32>().ok()).filter(|p| *p >= 1).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::parse_page;

    #[test]
    fn pages_start_at_one_and_nonsense_reads_as_one() {
        assert_eq!(parse_page(Some("3")), 3);
        for value in [None, Some("0"), Some("-2"), Some("two"), Some("")] {
            assert_eq!(parse_page(value), 1, "{value:?}");
        }
    }
}
