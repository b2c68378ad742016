//! Unit enums read from their wire names by one small reader, instead of a derived visitor for each (which matches
//! every name three times, as text, bytes and variant index: the app's first download carried about 5 KB of them).

use serde::de::{Deserialize, Deserializer, Error, Unexpected};
use std::borrow::Cow;

/// A unit enum written on the wire as one of a few names.
pub trait WireName: Copy + 'static {
    /// Every value.
    const ALL: &'static [Self];
    /// The value's wire name (what serde's `rename_all` writes).
    fn wire_name(self) -> &'static str;
}

/// Reads a `T` from its wire name.
pub fn deserialize<'de, D: Deserializer<'de>, T: WireName>(deserializer: D) -> Result<T, D::Error> {
    let name = Cow::<'de, str>::deserialize(deserializer)?;
    T::ALL
        .iter()
        .copied()
        .find(|value| value.wire_name() == name)
        .ok_or_else(|| D::Error::invalid_value(Unexpected::Str(&name), &"one of its names"))
}

/// Implements [`WireName`] and `Deserialize` (through [`deserialize`]) for a unit enum: from its variants and their
/// names, each listed once (a variant left out does not compile), or from the enum's own list and names.
macro_rules! wire_names {
    ($name:ty { $($variant:ident => $wire:literal),* $(,)? }) => {
        impl $crate::wire::WireName for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),*];

            fn wire_name(self) -> &'static str {
                match self {
                    $(Self::$variant => $wire),*
                }
            }
        }
        $crate::wire::wire_names!(@deserialize $name);
    };
    ($name:ty: $all:expr, $as_str:path) => {
        impl $crate::wire::WireName for $name {
            const ALL: &'static [Self] = &$all;

            fn wire_name(self) -> &'static str {
                $as_str(self)
            }
        }
        $crate::wire::wire_names!(@deserialize $name);
    };
    (@deserialize $name:ty) => {
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::wire::deserialize(deserializer)
            }
        }
    };
}
pub(crate) use wire_names;

#[cfg(test)]
mod tests {
    use super::WireName;
    use crate::me::Role;
    use crate::problem::{ErrorCode, FieldErrorCode};
    use crate::subscriptions::{BillingFrequency, DenialReason, PurchaseChannel, SubscriptionStatus};
    use serde::{de::DeserializeOwned, Serialize};
    use std::fmt::Debug;

    /// Every value is written as its wire name and read back from it; a name no value has is an error.
    fn reads_what_it_writes<T: WireName + Serialize + DeserializeOwned + PartialEq + Debug>() {
        for &value in T::ALL {
            let written = serde_json::to_string(&value).unwrap();
            assert_eq!(written, format!("\"{}\"", value.wire_name()));
            assert_eq!(serde_json::from_str::<T>(&written).unwrap(), value);
        }
        let error = serde_json::from_str::<T>("\"no_such_name\"").unwrap_err().to_string();
        assert!(error.contains("no_such_name"), "{error}");
    }

    #[test]
    fn wire_names_read_back_what_serde_writes() {
        reads_what_it_writes::<PurchaseChannel>();
        reads_what_it_writes::<SubscriptionStatus>();
        reads_what_it_writes::<DenialReason>();
        reads_what_it_writes::<ErrorCode>();
        reads_what_it_writes::<FieldErrorCode>();
        reads_what_it_writes::<BillingFrequency>();
        reads_what_it_writes::<Role>();
        assert_eq!(<FieldErrorCode as WireName>::ALL.len(), 17);
        assert_eq!(<DenialReason as WireName>::ALL.len(), 12);
        assert_eq!(<ErrorCode as WireName>::ALL.len(), 23);
    }
}
