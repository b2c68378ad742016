//! Saving a change of the subscription from a pane, the same way for every pane: one request at a time, guarded by
//! the subscription's etag and the key of the person's intent (the same intent, retried, reuses its key, so the
//! backend applies and charges it once), the page updated with the answer, a confirmation, the pane closed.

use super::product_page::CurrentSubscription;
use crate::api::{new_idempotency_key, use_api, Api, ApiError, ChangeGuard, IntentKey};
use crate::state::confirmation::{use_confirmations, Confirmation, Confirmations};
use contract::subscriptions::Subscription;
use contract::ErrorCode;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// A change being made to the current subscription, and how its last attempt went.
pub struct SubscriptionChange<I: PartialEq + Send + Sync + 'static> {
    /// A request is under way.
    pub saving: RwSignal<bool>,
    /// Why the last attempt failed.
    pub error: RwSignal<Option<ApiError>>,
    /// After a `412`: the subscription as someone else left it.
    pub changed_meanwhile: RwSignal<Option<Subscription>>,
    keys: StoredValue<IntentKey<I>>,
    api: StoredValue<Api>,
    current: CurrentSubscription,
    confirmations: Confirmations,
    close: Callback<()>,
}

impl<I: PartialEq + Send + Sync + 'static> Clone for SubscriptionChange<I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: PartialEq + Send + Sync + 'static> Copy for SubscriptionChange<I> {}

impl<I: PartialEq + Send + Sync + 'static> SubscriptionChange<I> {
    /// A change of the page's subscription; `close` closes the pane when it is done.
    pub fn new(close: Callback<()>) -> Self {
        Self {
            saving: RwSignal::new(false),
            error: RwSignal::new(None),
            changed_meanwhile: RwSignal::new(None),
            keys: StoredValue::new(IntentKey::default()),
            api: StoredValue::new(use_api()),
            current: expect_context::<CurrentSubscription>(),
            confirmations: use_confirmations(),
            close,
        }
    }

    /// Sends `request` for `intent`, computed from `before`. On success the page shows the changed subscription,
    /// `confirm` says what changed, and the pane closes. On failure the error stays for the form; on a conflict the
    /// subscription is read again, so the pane shows what is true now.
    pub fn send<Fut>(
        self,
        before: Subscription,
        intent: I,
        request: impl FnOnce(Api, ChangeGuard) -> Fut + 'static,
        confirm: impl FnOnce(&Subscription, &Subscription) -> Confirmation + 'static,
    ) where
        Fut: Future<Output = Result<Subscription, ApiError>> + 'static,
    {
        if self.saving.get_untracked() {
            return;
        }
        let key = self
            .keys
            .try_update_value(|keys| keys.key_for(intent, new_idempotency_key))
            .unwrap_or_else(new_idempotency_key);
        let guard = ChangeGuard { if_match: Some(before.etag.clone()), idempotency_key: Some(key) };
        let api = self.api.get_value();
        self.saving.set(true);
        self.error.set(None);
        self.changed_meanwhile.set(None);
        spawn_local(async move {
            match request(api.clone(), guard).await {
                Ok(updated) => {
                    self.confirmations.show(confirm(&before, &updated));
                    self.current.0.set(Some(Ok(updated)));
                    // The pane may have been closed while the answer was on its way.
                    self.close.try_run(());
                }
                Err(error) => {
                    if let ApiError::Conflict(code) = &error {
                        if let Ok(fresh) = api.subscription(&before.id).await {
                            if *code == ErrorCode::PreconditionFailed {
                                self.changed_meanwhile.set(Some(fresh.clone()));
                            }
                            self.current.0.set(Some(Ok(fresh)));
                        }
                    }
                    self.error.set(Some(error));
                }
            }
            self.saving.set(false);
        });
    }
}
