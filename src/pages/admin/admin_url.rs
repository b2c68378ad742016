//! The table's filters and page live in the URL (`?product=…&purchaser=…&status=…&page=…`).

use contract::admin::PurchaseQuery;
use contract::subscriptions::SubscriptionStatus;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The filters in the URL, and a way to change them.
#[derive(Clone, Copy)]
pub struct AdminUrl {
    /// The filters and page the URL names.
    pub query: Memo<PurchaseQuery>,
    /// Shows other filters (replacing the history entry while typing) or another page (a new entry).
    pub show: Callback<(PurchaseQuery, bool)>,
}

impl AdminUrl {
    /// Binds to the current route's query string.
    pub fn from_route() -> Self {
        let map = use_query_map();
        let query = Memo::new(move |_| {
            map.with(|m| PurchaseQuery {
                product: m.get("product"),
                purchaser: m.get("purchaser"),
                status: m.get("status").as_deref().and_then(SubscriptionStatus::parse),
                page: m.get("page").and_then(|p| p.parse().ok()).filter(|p| *p >= 1),
                page_size: None,
            })
        });
        let navigate = use_navigate();
        let show = Callback::new(move |(query, replace): (PurchaseQuery, bool)| {
            let text = |t: Option<String>| t.filter(|t| !t.is_empty());
            let search = contract::paths::query([
                ("product", text(query.product)),
                ("purchaser", text(query.purchaser)),
                ("status", query.status.map(|s| s.as_str().to_owned())),
                ("page", query.page.filter(|p| *p > 1).map(|p| p.to_string())),
            ]);
            navigate(
                &format!("/admin/self-service{search}"),
                NavigateOptions { replace, scroll: false, ..Default::default() },
            );
        });
        Self { query, show }
    }

    /// Changes a filter (back to the first page).
    pub fn filter(&self, change: impl FnOnce(&mut PurchaseQuery)) {
        let mut query = self.query.get_untracked();
        change(&mut query);
        query.page = None;
        self.show.run((query, true));
    }

    /// Goes to `page`.
    pub fn go_to(&self, page: u32) {
        let mut query = self.query.get_untracked();
        query.page = Some(page);
        self.show.run((query, false));
    }
}
