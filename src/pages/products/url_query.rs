//! The products list's filter, search and sort live in the URL, so they survive a reload and can be shared.

use contract::subscriptions::{PurchaseChannel, SortKey, SortOrder, SubscriptionQuery, SubscriptionStatus};
use leptos::prelude::*;
use leptos_router::hooks::{query_signal_with_options, use_query_map};
use leptos_router::NavigateOptions;

/// Reads the list's query from URL parameters (unknown values are ignored, never an error).
pub fn query_from_url(get: impl Fn(&str) -> Option<String>) -> SubscriptionQuery {
    SubscriptionQuery {
        channel: get("channel").and_then(|v| PurchaseChannel::parse(&v)),
        status: get("status").and_then(|v| SubscriptionStatus::parse(&v)),
        q: get("q").filter(|q| !q.trim().is_empty()),
        sort: get("sort").and_then(|v| SortKey::parse(&v)),
        order: get("order").and_then(|v| SortOrder::parse(&v)),
        page: None,
        page_size: None,
    }
}

/// The list's URL state: the current query, and setters that change one parameter each.
#[derive(Clone, Copy)]
pub struct ProductsUrl {
    /// The query the URL describes.
    pub query: Memo<SubscriptionQuery>,
    /// The search text exactly as typed (the query ignores blank text; the search box must not).
    pub text: Memo<String>,
    /// Sets or clears `channel`.
    pub set_channel: SignalSetter<Option<String>>,
    /// Sets or clears `status`.
    pub set_status: SignalSetter<Option<String>>,
    /// Sets or clears the search text `q`.
    pub set_text: SignalSetter<Option<String>>,
    /// Sets or clears `sort`.
    pub set_sort: SignalSetter<Option<String>>,
    /// Sets or clears `order`.
    pub set_order: SignalSetter<Option<String>>,
}

impl ProductsUrl {
    /// Binds to the current route's query string (call inside a route).
    pub fn from_route() -> Self {
        let map = use_query_map();
        let query = Memo::new(move |_| map.with(|m| query_from_url(|key| m.get(key))));
        let text = Memo::new(move |_| map.with(|m| m.get("q").unwrap_or_default()));
        let setter = |key: &'static str, replace: bool| {
            let options = NavigateOptions { replace, scroll: false, ..Default::default() };
            query_signal_with_options::<String>(key, options).1
        };
        Self {
            query,
            text,
            set_channel: setter("channel", false),
            set_status: setter("status", false),
            set_text: setter("q", true),
            set_sort: setter("sort", false),
            set_order: setter("order", false),
        }
    }

    /// Sorts by `key`: ascending first, then flips on each further choice of the same column.
    pub fn sort_by(&self, key: SortKey) {
        let current = self.query.get_untracked();
        let order = if current.sort.unwrap_or_default() == key {
            current.order.unwrap_or_default().flipped()
        } else {
            SortOrder::Asc
        };
        self.set_sort.set(Some(key.as_str().to_owned()));
        self.set_order.set(Some(order.as_str().to_owned()));
    }

    /// Removes the filters and the search text (the sort stays).
    pub fn clear_filters(&self) {
        self.set_channel.set(None);
        self.set_status.set(None);
        self.set_text.set(None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> SubscriptionQuery {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        query_from_url(|key| map.get(key).cloned())
    }

    #[test]
    fn reads_every_parameter() {
        let query = parse(&[
            ("channel", "self_service"),
            ("status", "trial"),
            ("q", "bi"),
            ("sort", "price"),
            ("order", "desc"),
        ]);
        assert_eq!(query.channel, Some(PurchaseChannel::SelfService));
        assert_eq!(query.status, Some(SubscriptionStatus::Trial));
        assert_eq!(query.q.as_deref(), Some("bi"));
        assert_eq!(query.sort, Some(SortKey::Price));
        assert_eq!(query.order, Some(SortOrder::Desc));
    }

    #[test]
    fn ignores_unknown_values_and_blank_text() {
        let query = parse(&[("channel", "shop"), ("status", "ACTIVE"), ("q", "  "), ("sort", "x")]);
        assert_eq!(query, SubscriptionQuery::default());
    }
}
