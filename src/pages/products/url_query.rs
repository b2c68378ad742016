//! The products list's filter, search and sort live in the URL, so they survive a reload and can be shared.

use crate::routing::app_path;
use contract::subscriptions::{PurchaseChannel, SortKey, SortOrder, SubscriptionQuery, SubscriptionStatus};
use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use leptos_router::hooks::{query_signal_with_options, use_location, use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use std::time::Duration;

/// How long typing in the search box pauses before the address follows (the list follows every keystroke at once;
/// writing the address costs as much again as filtering 2,000 subscriptions).
const ADDRESS_DELAY: Duration = Duration::from_millis(300);

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

/// Writes the page's address with another query.
type ReplaceQuery = Box<dyn Fn(&ParamsMap)>;

/// The list's URL state: the current query and page, and changes that set one parameter each. Every change of
/// filter, search or sort goes back to the first page.
#[derive(Clone, Copy)]
pub struct ProductsUrl {
    /// The query the URL describes.
    pub query: Memo<SubscriptionQuery>,
    /// The search text exactly as typed (the query ignores blank text; the search box must not).
    pub text: Memo<String>,
    /// The page asked for, from 1 (the table keeps it within the pages there are).
    pub page: Memo<u32>,
    map: Memo<ParamsMap>,
    /// Search text typed and not yet written to the address.
    typed: RwSignal<Option<String>>,
    /// The address's search text when `typed` was typed: once the address says anything else (the text written,
    /// or the person went back), the address is what the list shows.
    over: StoredValue<String>,
    /// The address's coming write of the typed text.
    pending: StoredValue<Option<TimeoutHandle>>,
    channel: SignalSetter<Option<String>>,
    status: SignalSetter<Option<String>>,
    q: SignalSetter<Option<String>>,
    sort: SignalSetter<Option<String>>,
    order: SignalSetter<Option<String>>,
    page_number: SignalSetter<Option<String>>,
    /// Writes an address of this page at once (the query setters above write theirs on the next frame).
    replace_query: StoredValue<ReplaceQuery, LocalStorage>,
}

impl ProductsUrl {
    /// Binds to the current route's query string (call inside a route).
    pub fn from_route() -> Self {
        let map = use_query_map();
        let typed = RwSignal::new(None::<String>);
        let over = StoredValue::new(String::new());
        // The typed text while the address has not moved on from what it said when it was typed.
        let unwritten = Memo::new(move |_| {
            let in_address = map.with(|m| m.get("q").unwrap_or_default());
            typed.get().filter(|_| over.with_value(|over| *over == in_address))
        });
        let query = Memo::new(move |_| {
            let typed = unwritten.get();
            map.with(|m| {
                query_from_url(|key| if key == "q" { typed.clone().or_else(|| m.get(key)) } else { m.get(key) })
            })
        });
        let text = Memo::new(move |_| unwritten.get().unwrap_or_else(|| map.with(|m| m.get("q").unwrap_or_default())));
        let page = Memo::new(move |_| match unwritten.with(Option::is_some) {
            true => 1,
            false => map.with(|m| page_from_url(m.get("page"))),
        });
        let pending = StoredValue::new(None::<TimeoutHandle>);
        on_cleanup(move || cancel(pending));
        // leptos_router's query signal navigates to the address's whole path, base path included: it must not be
        // resolved under the base again.
        let setter = |key: &'static str, replace: bool| {
            let options = NavigateOptions { replace, scroll: false, resolve: false, ..Default::default() };
            query_signal_with_options::<String>(key, options).1
        };
        let (navigate, path) = (use_navigate(), use_location().pathname);
        let replace_query: ReplaceQuery = Box::new(move |query| {
            let options = NavigateOptions { replace: true, scroll: false, ..Default::default() };
            navigate(&format!("{}{}", app_path(&path.get_untracked()), query.to_query_string()), options);
        });
        Self {
            query,
            text,
            page,
            map,
            typed,
            over,
            pending,
            channel: setter("channel", false),
            status: setter("status", false),
            q: setter("q", true),
            sort: setter("sort", false),
            order: setter("order", false),
            page_number: setter("page", false),
            replace_query: StoredValue::new_local(replace_query),
        }
    }

    /// Sets or clears the purchase channel filter.
    pub fn set_channel(&self, channel: Option<String>) {
        self.write_text();
        self.channel.set(channel);
        self.first_page();
    }

    /// Sets or clears the status filter.
    pub fn set_status(&self, status: Option<String>) {
        self.write_text();
        self.status.set(status);
        self.first_page();
    }

    /// Sets the search text exactly as typed (empty clears it), on the first page. The list follows at once; the
    /// address once typing pauses.
    pub fn set_text(&self, text: String) {
        self.over.set_value(self.map.with_untracked(|m| m.get("q").unwrap_or_default()));
        self.typed.set(Some(text));
        cancel(self.pending);
        let this = *self;
        self.pending.set_value(set_timeout_with_handle(move || this.write_text(), ADDRESS_DELAY).ok());
    }

    /// Writes the typed search text to the address, on the first page, if there is any not written yet (also when
    /// the person leaves the search box: a link followed at once comes back to the list as it was searched).
    pub fn write_text(&self) {
        cancel(self.pending);
        let Some(text) = self.typed.get_untracked() else { return };
        let mut query = self.map.get_untracked();
        query.remove("q");
        query.remove("page");
        if !text.is_empty() {
            // `insert` decodes what it is given (a typed "%41" would become "A"): given encoded, it keeps the text.
            query.insert("q", contract::paths::encode(&text));
        }
        self.replace_query.with_value(|replace| replace(&query));
        // The address now says what was typed (the router updates it at once).
        self.typed.set(None);
    }

    /// Sorts by `key`: ascending first, then flips on each further choice of the same column.
    pub fn sort_by(&self, key: SortKey) {
        self.write_text();
        let current = self.query.get_untracked();
        let order = if current.sort.unwrap_or_default() == key {
            current.order.unwrap_or_default().flipped()
        } else {
            SortOrder::Asc
        };
        self.sort.set(Some(key.as_str().to_owned()));
        self.order.set(Some(order.as_str().to_owned()));
        self.first_page();
    }

    /// Removes the filters and the search text (the sort stays).
    pub fn clear_filters(&self) {
        cancel(self.pending);
        self.typed.set(None);
        self.channel.set(None);
        self.status.set(None);
        self.q.set(None);
        self.first_page();
    }

    /// Shows page `page` (1 is the plain URL).
    pub fn go_to(&self, page: u32) {
        self.write_text();
        self.page_number.set((page > 1).then(|| page.to_string()));
    }

    fn first_page(&self) {
        if self.page.get_untracked() > 1 {
            self.go_to(1);
        }
    }
}

/// Calls off the address's coming write, if any.
fn cancel(pending: StoredValue<Option<TimeoutHandle>>) {
    if let Some(handle) = pending.try_update_value(Option::take).flatten() {
        handle.clear();
    }
}

/// The `page` parameter: a whole number from 1; anything else is the first page.
pub fn page_from_url(value: Option<String>) -> u32 {
    value.and_then(|v| v.parse().ok()).filter(|&page| page >= 1).unwrap_or(1)
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
    fn page_is_a_whole_number_from_one() {
        assert_eq!(page_from_url(Some("3".into())), 3);
        for wrong in ["0", "-2", "two", "", "1.5"] {
            assert_eq!(page_from_url(Some(wrong.into())), 1, "{wrong}");
        }
        assert_eq!(page_from_url(None), 1);
    }

    #[test]
    fn ignores_unknown_values_and_blank_text() {
        let query = parse(&[("channel", "shop"), ("status", "ACTIVE"), ("q", "  "), ("sort", "x")]);
        assert_eq!(query, SubscriptionQuery::default());
    }
}
