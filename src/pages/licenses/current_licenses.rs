//! What the licenses page of one subscription shares with its pane.

use crate::api::ApiError;
use contract::subscriptions::Subscription;
use leptos::prelude::*;

/// The subscription whose licenses are shown, and a way to read its people again after a change.
#[derive(Clone, Copy)]
pub struct CurrentLicenses {
    /// The subscription (its counts change with every assignment).
    pub subscription: LocalResource<Result<Subscription, ApiError>>,
    /// Bumped after a change so the list of people is read again.
    pub people_version: RwSignal<u32>,
}

impl CurrentLicenses {
    /// The subscription once loaded.
    pub fn loaded(self) -> Memo<Option<Subscription>> {
        Memo::new(move |_| self.subscription.with(|s| s.as_ref().and_then(|r| r.as_ref().ok()).cloned()))
    }

    /// After a change: the subscription as it is now, and its people read again.
    pub fn changed(self, subscription: Option<Subscription>) {
        match subscription {
            Some(updated) => self.subscription.set(Some(Ok(updated))),
            None => self.subscription.refetch(),
        }
        self.people_version.update(|v| *v += 1);
    }
}
