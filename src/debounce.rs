//! A settled copy of a changing value, for requests that should wait until typing pauses.

use leptos::leptos_dom::helpers::{set_timeout_with_handle, TimeoutHandle};
use leptos::prelude::*;
use std::time::Duration;

/// `source` once it has stayed the same for `delay`; starts with its current value.
pub fn debounced<T>(source: Signal<T>, delay: Duration) -> Signal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let settled = RwSignal::new(source.get_untracked());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    Effect::new(move |_| {
        let value = source.get();
        cancel();
        let settle = move || {
            if settled.get_untracked() != value {
                settled.set(value);
            }
        };
        pending.set_value(set_timeout_with_handle(settle, delay).ok());
    });
    on_cleanup(cancel);
    settled.into()
}
