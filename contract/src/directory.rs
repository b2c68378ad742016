//! The organization's directory: people, for the assignment typeahead.

use crate::{PersonId, SubscriptionId};
use serde::{Deserialize, Serialize};

/// A person in the organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Person {
    /// Directory id.
    pub id: PersonId,
    /// Full name.
    pub display_name: String,
    /// E-mail address.
    pub email: String,
    /// Department, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
}

/// `GET /api/v1/directory/people` query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct DirectoryQuery {
    /// Prefix of any part of the name, or of the e-mail address; case and accents do not matter. Absent or blank
    /// finds nobody.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub q: String,
    /// How many results at most (1 to [`DirectoryQuery::MAX_TOP`], default 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top: Option<u32>,
    /// Mark the people who already have a license on this subscription.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<SubscriptionId>,
}

impl DirectoryQuery {
    /// The most results one search returns.
    pub const MAX_TOP: u32 = 25;
    /// Results when `top` is absent.
    pub const DEFAULT_TOP: u32 = 10;

    /// The effective number of results: `top` clamped to 1..=MAX_TOP.
    pub fn effective_top(&self) -> u32 {
        self.top.unwrap_or(Self::DEFAULT_TOP).clamp(1, Self::MAX_TOP)
    }
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct DirectoryMatch {
    /// The person found.
    pub person: Person,
    /// Whether they already have a license on the subscription named in the query.
    pub already_assigned: bool,
}
