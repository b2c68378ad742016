//! The invoices' date range lives in the URL (`?range=6m`, `?range=custom&from=…&to=…`), so it survives a reload,
//! Back, and a shared link.

use crate::date_range::DateRange;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The range in the URL, and a way to change it.
#[derive(Clone, Copy)]
pub struct InvoicesUrl {
    /// The range the URL names.
    pub range: Memo<DateRange>,
    /// Shows a range (one navigation, kept in the history so Back returns to the previous range).
    pub show: Callback<DateRange>,
}

impl InvoicesUrl {
    /// Binds to the current route's query string.
    pub fn from_route() -> Self {
        let map = use_query_map();
        let range = Memo::new(move |_| {
            map.with(|m| DateRange::from_query(m.get("range").as_deref(), m.get("from"), m.get("to")))
        });
        let navigate = use_navigate();
        let show = Callback::new(move |range: DateRange| {
            let query = contract::paths::query(range.to_query());
            navigate(&format!("/billing/invoices{query}"), NavigateOptions { scroll: false, ..Default::default() });
        });
        Self { range, show }
    }

    /// The query string (`?range=…` or empty) of the range in effect, for links that come back to it.
    pub fn query(&self) -> String {
        contract::paths::query(self.range.get_untracked().to_query())
    }
}
