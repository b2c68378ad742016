//! The confirmation of the last change ("Business Basic now has 105 licenses"), shown by the shell after a pane
//! closes, until it is dismissed or another change starts.

use contract::billing::CardBrand;
use leptos::prelude::*;
use time::Date;

/// What a completed change did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirmation {
    /// The license total changed.
    TotalChanged {
        /// Product name.
        product: String,
        /// Total before.
        from: u32,
        /// Total now.
        to: u32,
    },
    /// The subscription was cancelled.
    Cancelled {
        /// Product name.
        product: String,
        /// The last day of access.
        access_ends_on: Date,
    },
    /// The subscription was reactivated.
    Reactivated {
        /// Product name.
        product: String,
        /// When it renews next.
        renews_on: Date,
    },
    /// People got licenses.
    Assigned {
        /// Product name.
        product: String,
        /// The one person, by name, when only one.
        person: Option<String>,
        /// How many people.
        count: usize,
    },
    /// People lost their licenses.
    Unassigned {
        /// Product name.
        product: String,
        /// The one person, by name, when only one.
        person: Option<String>,
        /// How many people.
        count: usize,
    },
    /// A card was added.
    CardAdded {
        /// Its brand.
        brand: CardBrand,
        /// Its last four digits.
        last4: String,
    },
    /// A card's details changed.
    CardUpdated {
        /// Its brand.
        brand: CardBrand,
        /// Its last four digits.
        last4: String,
    },
    /// A card was removed.
    CardRemoved {
        /// Its brand.
        brand: CardBrand,
        /// Its last four digits.
        last4: String,
    },
    /// A billing profile is paid with another card.
    ProfileMethodChanged {
        /// The profile's name.
        profile: String,
        /// The card's brand.
        brand: CardBrand,
        /// Its last four digits.
        last4: String,
    },
}

/// The shown confirmation, if any.
#[derive(Clone, Copy)]
pub struct Confirmations(RwSignal<Option<Confirmation>>);

impl Confirmations {
    /// Shows `confirmation` in place of the last one.
    pub fn show(self, confirmation: Confirmation) {
        self.0.set(Some(confirmation));
    }

    /// Hides the shown confirmation.
    pub fn dismiss(self) {
        self.0.set(None);
    }

    /// The shown confirmation (tracked).
    pub fn shown(self) -> Option<Confirmation> {
        self.0.get()
    }
}

/// Makes confirmations available below.
pub fn provide_confirmations() {
    provide_context(Confirmations(RwSignal::new(None)));
}

/// The confirmations provided by [`provide_confirmations`].
pub fn use_confirmations() -> Confirmations {
    expect_context::<Confirmations>()
}
