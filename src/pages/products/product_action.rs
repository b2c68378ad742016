//! The actions a subscription offers, each with its route slug, label and permission.

use crate::i18n::*;
use crate::labels::I18n;
use contract::subscriptions::{AllowedActions, DenialReason, Permission};
use contract::SubscriptionId;

/// One action on a subscription; its pane lives at `/products/:id/<slug>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProductAction {
    /// Buy licenses.
    Buy,
    /// Remove licenses.
    Reduce,
    /// Assign licenses.
    Assign,
    /// Cancel the subscription.
    Cancel,
    /// Reactivate the subscription.
    Reactivate,
}

impl ProductAction {
    /// Every action, in display order.
    pub const ALL: [Self; 5] = [Self::Buy, Self::Reduce, Self::Assign, Self::Cancel, Self::Reactivate];

    /// The route segment.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Buy => "buy",
            Self::Reduce => "reduce",
            Self::Assign => "assign",
            Self::Cancel => "cancel",
            Self::Reactivate => "reactivate",
        }
    }

    /// The action for a route segment.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.slug() == slug)
    }

    /// The translated label ("Buy licenses" …).
    pub fn label(self, i18n: I18n) -> String {
        match self {
            Self::Buy => t_string!(i18n, actions.buy).to_string(),
            Self::Reduce => t_string!(i18n, actions.reduce).to_string(),
            Self::Assign => t_string!(i18n, actions.assign).to_string(),
            Self::Cancel => t_string!(i18n, actions.cancel).to_string(),
            Self::Reactivate => t_string!(i18n, actions.reactivate).to_string(),
        }
    }

    /// Whether it is offered at all: reactivating only while the backend allows it (expired or disabled
    /// subscriptions); every other action is always listed, with its reason when denied.
    pub fn is_offered(self, allowed: &AllowedActions) -> bool {
        self != Self::Reactivate || allowed.reactivate.is_allowed()
    }

    /// Where it opens: its pane on the product page (`query` carries where to return), or for *Assign licenses*
    /// the pane on the subscription's licenses page.
    pub fn href(self, id: &SubscriptionId, query: &str) -> String {
        let id = contract::paths::encode(&id.0);
        match self {
            Self::Assign => format!("licenses/{id}/assign"),
            _ => format!("products/{id}/{}{query}", self.slug()),
        }
    }

    /// Whether the backend allows it, and why not. *Assign licenses* opens even when no license is free: its pane
    /// lets the person choose people and offers to buy the licenses they need.
    pub fn permission(self, allowed: &AllowedActions) -> &Permission {
        match self {
            Self::Buy => &allowed.buy,
            Self::Reduce => &allowed.reduce,
            Self::Assign => match &allowed.assign {
                Permission::Denied { reason: DenialReason::NoLicensesAvailable, .. } => &Permission::Allowed,
                other => other,
            },
            Self::Cancel => &allowed.cancel,
            Self::Reactivate => &allowed.reactivate,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_unknown_ones_are_refused() {
        for action in ProductAction::ALL {
            assert_eq!(ProductAction::from_slug(action.slug()), Some(action));
        }
        assert_eq!(ProductAction::from_slug("delete"), None);
    }
}
