//! What a typed license total means for a subscription: a total to save, or why not.

use contract::rules::{validate_total, TotalError, TotalLimits};
use contract::subscriptions::{DenialReason, Permission, Subscription};
use time::Date;

/// Why a typed total cannot be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TotalProblem {
    /// It breaks an input rule.
    Rule(TotalError),
    /// The total goes the other way than the pane's action (the other action is allowed: its pane is the way).
    OtherWay {
        /// Whether the total would go up.
        raising: bool,
    },
    /// The backend does not allow this direction now.
    Denied {
        /// Whether the total would go up (buying) or down (removing).
        raising: bool,
        /// Why not.
        reason: DenialReason,
        /// The date the reason refers to, if any.
        date: Option<Date>,
    },
}

impl TotalProblem {
    /// Whether the box is invalid (an unchanged total is not wrong, only nothing to save).
    pub fn is_invalid(self) -> bool {
        self != Self::Rule(TotalError::Unchanged)
    }
}

/// Checks a typed total against the subscription's limits, the pane's direction (`buying`: raising the total,
/// otherwise lowering it) and the permission the direction needs.
pub fn check_total_input(input: &str, subscription: &Subscription, buying: bool) -> Result<u32, TotalProblem> {
    let limits = TotalLimits {
        current: subscription.total_licenses,
        assigned: subscription.assigned_licenses,
        max: subscription.max_licenses,
    };
    let total = validate_total(input, limits).map_err(TotalProblem::Rule)?;
    let raising = total > subscription.total_licenses;
    let actions = &subscription.allowed_actions;
    match if raising { &actions.buy } else { &actions.reduce } {
        Permission::Allowed if raising == buying => Ok(total),
        Permission::Allowed => Err(TotalProblem::OtherWay { raising }),
        Permission::Denied { reason, date } => Err(TotalProblem::Denied { raising, reason: *reason, date: *date }),
    }
}

/// The change a typed total makes, signed, when it is a whole number.
pub fn difference(input: &str, subscription: &Subscription) -> Option<i64> {
    let total = contract::rules::parse_whole_number(input).ok()?;
    let delta = i64::from(total) - i64::from(subscription.total_licenses);
    (delta != 0).then_some(delta)
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::subscriptions::AllowedActions;

    fn subscription(reduce: Permission) -> Subscription {
        let json = r#"{"id":"s","product":{"id":"p","name":"Business Basic"},"channel":"self_service",
            "status":"active","billing_frequency":"monthly","purchased_on":"2025-09-13",
            "renews_or_expires_on":"2026-12-13","auto_renew":true,"total_licenses":100,"assigned_licenses":40,
            "max_licenses":300,"unit_price":{"amount":"69.00","currency":"SEK"},"billing_profile_id":"b",
            "billing_profile_name":"Stockholm","payment_pending":false,"etag":"\"1\"",
            "allowed_actions":{"buy":{"state":"allowed"},"reduce":{"state":"allowed"},"assign":{"state":"allowed"},
            "cancel":{"state":"allowed"},"reactivate":{"state":"denied","reason":"not_reactivatable"}}}"#;
        let s: Subscription = serde_json::from_str(json).expect("sample subscription");
        Subscription { allowed_actions: AllowedActions { reduce, ..s.allowed_actions.clone() }, ..s }
    }

    #[test]
    fn rules_come_first_then_the_direction() {
        let closed = Permission::Denied { reason: DenialReason::ReductionWindowClosed, date: None };
        let s = subscription(closed);
        let buy = |input| check_total_input(input, &s, true);
        assert_eq!(buy("105"), Ok(105));
        assert_eq!(buy("١٠٥"), Ok(105), "Arabic-Indic digits are read as digits");
        assert_eq!(buy("1e2"), Err(TotalProblem::Rule(TotalError::NotAWholeNumber)));
        assert_eq!(buy("0"), Err(TotalProblem::Rule(TotalError::Zero)));
        assert_eq!(buy("39"), Err(TotalProblem::Rule(TotalError::BelowAssigned { assigned: 40 })));
        assert_eq!(buy("301"), Err(TotalProblem::Rule(TotalError::AboveMaximum { max: 300 })));
        assert!(!buy("100").unwrap_err().is_invalid(), "unchanged is not an error");
        assert_eq!(
            buy("90"),
            Err(TotalProblem::Denied { raising: false, reason: DenialReason::ReductionWindowClosed, date: None })
        );
        let open = subscription(Permission::Allowed);
        assert_eq!(check_total_input("90", &open, false), Ok(90));
        assert_eq!(check_total_input("90", &open, true), Err(TotalProblem::OtherWay { raising: false }));
        assert_eq!(check_total_input("105", &open, false), Err(TotalProblem::OtherWay { raising: true }));
    }

    #[test]
    fn the_difference_is_signed() {
        let s = subscription(Permission::Allowed);
        assert_eq!(difference("105", &s), Some(5));
        assert_eq!(difference("97", &s), Some(-3));
        assert_eq!(difference("100", &s), None);
        assert_eq!(difference("abc", &s), None);
    }
}
