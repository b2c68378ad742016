//! A count of the changes made to payment methods and billing profiles in this visit: the lists read it, so they
//! load again when a pane saves.

use leptos::prelude::*;

/// Goes up whenever a payment method or a billing profile changes.
#[derive(Clone, Copy)]
pub struct BillingChanges(RwSignal<u32>);

impl BillingChanges {
    /// Makes the count available below.
    pub fn provide() {
        provide_context(Self(RwSignal::new(0)));
    }

    /// The count provided by [`BillingChanges::provide`].
    pub fn get() -> Self {
        expect_context::<Self>()
    }

    /// Makes the caller (a resource) depend on the count.
    pub fn track(self) {
        self.0.track();
    }

    /// Records a change: everything tracking the count loads again.
    pub fn changed(self) {
        self.0.update(|n| *n += 1);
    }
}
