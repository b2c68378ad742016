//! Saving a billing change from a pane, the same way for every pane: one request at a time; on success the lists
//! load again and the caller says what changed; on failure the error stays for the form, whose fields keep what
//! was typed. Retries reuse the intent's idempotency key, and while an attempt's outcome is unknown (no answer, a
//! server error) even a changed form is sent under that key, so nothing is added twice; the lists load again
//! meanwhile, so they show a change that did go through.

use super::billing_changes::BillingChanges;
use crate::api::{new_idempotency_key, ApiError, ChangeGuard, IntentKey};
use crate::components::focus_first_invalid;
use contract::{ErrorCode, FieldError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// A change being saved, and how its last attempt went.
pub struct BillingSave<I: PartialEq + Send + Sync + 'static> {
    /// A request is under way.
    pub saving: RwSignal<bool>,
    /// Why the last attempt failed.
    pub error: RwSignal<Option<ApiError>>,
    keys: StoredValue<IntentKey<I>>,
    changes: BillingChanges,
}

impl<I: PartialEq + Send + Sync + 'static> Clone for BillingSave<I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: PartialEq + Send + Sync + 'static> Copy for BillingSave<I> {}

impl<I: PartialEq + Send + Sync + 'static> BillingSave<I> {
    /// A new save state.
    pub fn new() -> Self {
        Self {
            saving: RwSignal::new(false),
            error: RwSignal::new(None),
            keys: StoredValue::new(IntentKey::default()),
            changes: BillingChanges::get(),
        }
    }

    /// The guard of `intent` (the same intent gets the same key) with `if_match` when the change needs one.
    pub fn guard(&self, intent: I, if_match: Option<String>) -> ChangeGuard {
        let key =
            self.keys.try_update_value(|k| k.key_for(intent, new_idempotency_key)).unwrap_or_else(new_idempotency_key);
        ChangeGuard { if_match, idempotency_key: Some(key) }
    }

    /// The backend's field problems from the last attempt (shown beside the fields).
    pub fn field_problems(&self) -> Signal<Vec<FieldError>> {
        let error = self.error;
        Signal::derive(move || match error.get() {
            Some(ApiError::Validation(fields)) => fields,
            _ => Vec::new(),
        })
    }

    /// The last attempt's failure when it is not about named fields (said above the buttons, with *Try again*).
    pub fn other_error(&self) -> Option<ApiError> {
        self.error.get().filter(|e| !matches!(e, ApiError::Validation(fields) if !fields.is_empty()))
    }

    /// Whether the last attempt's outcome is unknown, or known, for the intent keys.
    fn settle(&self, unknown: bool) {
        self.keys.update_value(|k| if unknown { k.hold() } else { k.release() });
    }

    /// Runs `request` unless one is under way; `done` gets its answer, after which the lists load again.
    pub fn run<T: 'static>(
        self,
        request: impl Future<Output = Result<T, ApiError>> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        if self.saving.get_untracked() {
            return;
        }
        self.saving.set(true);
        self.error.set(None);
        spawn_local(async move {
            match request.await {
                Ok(value) => {
                    self.settle(false);
                    done(value);
                    self.changes.changed();
                }
                Err(error) => {
                    let unknown = error.is_retryable();
                    self.settle(unknown);
                    if unknown || error == ApiError::Conflict(ErrorCode::IdempotencyKeyReused) {
                        // It may have been made (or was, by the first attempt): the lists show what is true.
                        self.changes.changed();
                    }
                    if matches!(error, ApiError::Validation(_)) {
                        // The backend's problems appear beside their fields: take the person to the first.
                        focus_first_invalid();
                    }
                    self.error.set(Some(error));
                }
            }
            self.saving.set(false);
        });
    }
}
