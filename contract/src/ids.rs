//! Opaque identifiers. Each is a string on the wire; the newtypes keep them from being mixed up.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        #[$doc]
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(test, derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }
    )*};
}

id_type!(
    /// A subscription (one purchase of a product).
    SubscriptionId,
    /// A person in the organization's directory.
    PersonId,
    /// An organization (tenant).
    OrganizationId,
    /// A billing profile.
    BillingProfileId,
    /// A stored payment method (a card token, never the card number).
    PaymentMethodId,
    /// An invoice.
    InvoiceId,
    /// A product in the catalogue.
    ProductId,
);
