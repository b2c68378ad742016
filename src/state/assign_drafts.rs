//! The people chosen in the *Assign licenses* pane, per subscription, kept in memory while the person goes to buy
//! the missing licenses and comes back (never stored in the browser).

use contract::directory::Person;
use contract::SubscriptionId;
use leptos::prelude::*;
use std::collections::HashMap;

/// The chosen people of every subscription whose pane was opened in this visit.
#[derive(Clone, Copy)]
pub struct AssignDrafts(StoredValue<HashMap<SubscriptionId, ArcRwSignal<Vec<Person>>>>);

impl AssignDrafts {
    /// The chosen people of `subscription` (empty the first time); the signal outlives the pane, so an answer
    /// that arrives after the pane closed still updates it.
    pub fn chosen(self, subscription: &SubscriptionId) -> ArcRwSignal<Vec<Person>> {
        self.0.try_update_value(|drafts| drafts.entry(subscription.clone()).or_default().clone()).unwrap_or_default()
    }
}

impl AssignDrafts {
    /// Forgets every subscription's chosen people (signing out).
    pub fn forget_all(self) {
        self.0.update_value(HashMap::clear);
    }
}

/// Provides [`AssignDrafts`] for the whole app.
pub fn provide_assign_drafts() {
    provide_context(AssignDrafts(StoredValue::new(HashMap::new())));
}

/// The app's [`AssignDrafts`].
pub fn use_assign_drafts() -> AssignDrafts {
    expect_context::<AssignDrafts>()
}
