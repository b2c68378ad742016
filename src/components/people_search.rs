//! The typeahead's search: the directory asked for the settled text, each new query aborting the one still under
//! way, so an older, slower answer never replaces a newer one.

use crate::api::{use_api, ApiError};
use crate::debounce::debounced;
use crate::i18n::use_i18n;
use contract::directory::DirectoryMatch;
use contract::SubscriptionId;
use futures::future::{abortable, AbortHandle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// How long typing must pause before the directory is asked.
const SETTLE: Duration = Duration::from_millis(120);

/// The people found for one query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// What was searched for.
    pub query: String,
    /// Best first.
    pub matches: Vec<DirectoryMatch>,
}

/// Where the search stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Search {
    /// Nothing to search for.
    Idle,
    /// Asking for `query`; the previous answer stays visible meanwhile.
    Searching {
        /// What is being searched for.
        query: String,
        /// The answer shown until the new one arrives.
        previous: Option<Found>,
    },
    /// The answer for the latest query.
    Done(Found),
    /// The latest query failed.
    Failed {
        /// What was searched for.
        query: String,
        /// Why.
        error: ApiError,
    },
}

impl Search {
    /// The answer to show: the latest one, or the previous one while searching.
    pub fn shown(&self) -> Option<&Found> {
        match self {
            Self::Done(found) => Some(found),
            Self::Searching { previous, .. } => previous.as_ref(),
            Self::Idle | Self::Failed { .. } => None,
        }
    }
}

/// Searches the directory for `text` once typing pauses, marking who has a license on `subscription`. Returns the
/// state and a function that asks again (after a failure).
pub fn people_search(text: Signal<String>, subscription: SubscriptionId) -> (ReadSignal<Search>, Callback<()>) {
    let (api, i18n) = (StoredValue::new(use_api()), use_i18n());
    let subscription = StoredValue::new(subscription);
    let settled = debounced(text, SETTLE);
    let state = RwSignal::new(Search::Idle);
    let running = StoredValue::new(None::<AbortHandle>);
    let run = move |query: String| {
        if let Some(previous) = running.try_update_value(Option::take).flatten() {
            previous.abort();
        }
        let query = query.trim().to_owned();
        if query.is_empty() {
            state.set(Search::Idle);
            return;
        }
        let previous = state.with_untracked(|s| s.shown().cloned());
        state.set(Search::Searching { query: query.clone(), previous });
        let (api, subscription) = (api.get_value(), subscription.get_value());
        // The matches come in the name order of the page's language (a change of language asks again).
        let lang = crate::labels::locale_code(i18n);
        let (request, handle) = abortable(async move {
            let answer = api.search_people(&query, &subscription, lang).await;
            (query, answer)
        });
        running.set_value(Some(handle));
        spawn_local(async move {
            // An aborted search was replaced by a newer one: its answer, if any came, is dropped unread.
            if let Ok((query, answer)) = request.await {
                state.set(match answer {
                    Ok(matches) => Search::Done(Found { query, matches }),
                    Err(error) => Search::Failed { query, error },
                });
            }
        });
    };
    Effect::new(move |_| run(settled.get()));
    on_cleanup(move || {
        if let Some(handle) = running.try_update_value(Option::take).flatten() {
            handle.abort();
        }
    });
    (state.read_only(), Callback::new(move |()| run(settled.get_untracked())))
}
