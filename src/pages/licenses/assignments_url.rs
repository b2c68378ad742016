//! The licenses page's search text and page number live in the URL, so they survive a reload and Back.

use crate::routing::app_path;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The people list's URL state.
#[derive(Clone, Copy)]
pub struct AssignmentsUrl {
    /// The search text exactly as typed.
    pub text: Memo<String>,
    /// The page, from 1 (anything else in the URL reads as 1).
    pub page: Memo<u32>,
    /// Shows the search text and page: `(text, page, replace)`; typing replaces the history entry, paging adds one.
    show: Callback<(String, u32, bool)>,
}

impl AssignmentsUrl {
    /// Binds to the current route's query string.
    pub fn from_route() -> Self {
        let map = use_query_map();
        let location = use_location();
        let navigate = use_navigate();
        let text = Memo::new(move |_| map.with(|m| m.get("q").unwrap_or_default()));
        let page = Memo::new(move |_| map.with(|m| parse_page(m.get("page").as_deref())));
        let show = Callback::new(move |(text, page, replace): (String, u32, bool)| {
            let query = contract::paths::query([
                ("q", Some(text).filter(|t| !t.is_empty())),
                ("page", (page > 1).then(|| page.to_string())),
            ]);
            let path = location.pathname.get_untracked();
            navigate(
                &format!("{}{query}", app_path(&path)),
                NavigateOptions { replace, scroll: false, ..Default::default() },
            );
        });
        Self { text, page, show }
    }

    /// Searches for `text` from the first page (one history entry however much is typed).
    pub fn search(&self, text: String) {
        self.show.run((text, 1, true));
    }

    /// Goes to `page`.
    pub fn go_to(&self, page: u32) {
        self.show.run((self.text.get_untracked(), page, false));
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
