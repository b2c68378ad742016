//! Allowed actions per status and rule, as the API serves them.

use crate::common::*;
use contract::subscriptions::{DenialReason, Permission, Subscription};
use time::macros::date;

async fn subscription(app: &App, session: &Session, id: &str) -> Subscription {
    app.get(&format!("/api/v1/subscriptions/{id}"), session).await.json()
}

fn denied(reason: DenialReason) -> Permission {
    Permission::denied(reason)
}

#[tokio::test]
async fn statuses_decide_first() {
    let app = App::small();
    let asa = app.asa().await;
    let trial = subscription(&app, &asa, "sub-visio-trial").await.allowed_actions;
    assert_eq!(
        [trial.buy, trial.reduce, trial.cancel],
        [denied(DenialReason::Trial), denied(DenialReason::Trial), denied(DenialReason::Trial)]
    );
    assert_eq!(trial.assign, Permission::Allowed);
    assert_eq!(trial.reactivate, denied(DenialReason::NotReactivatable));

    for (id, reason, reactivate) in [
        ("sub-project-expired", DenialReason::Expired, Permission::Allowed),
        ("sub-apps-disabled", DenialReason::Disabled, Permission::Allowed),
        // Cancelled, but its access lasts: reactivating keeps it.
        ("sub-teams-cancelled", DenialReason::Cancelled, Permission::Allowed),
        ("sub-dynamics-deleted", DenialReason::Deleted, denied(DenialReason::NotReactivatable)),
    ] {
        let a = subscription(&app, &asa, id).await.allowed_actions;
        assert_eq!([a.buy, a.reduce, a.assign, a.cancel], [0; 4].map(|_| denied(reason)), "{id}");
        assert_eq!(a.reactivate, reactivate, "{id}");
    }

    let pending = subscription(&app, &asa, "sub-automate-pending").await;
    assert!(pending.payment_pending);
    let a = pending.allowed_actions;
    assert_eq!([a.buy, a.reduce, a.cancel], [0; 3].map(|_| denied(DenialReason::PaymentPending)));
    assert_eq!(a.assign, Permission::Allowed);
}

#[tokio::test]
async fn the_reduction_window_is_seven_days_and_reports_when_it_closed() {
    let app = App::small();
    let asa = app.asa().await;
    let basic = subscription(&app, &asa, "sub-business-basic").await;
    assert_eq!((basic.total_licenses, basic.assigned_licenses, basic.max_licenses), (100, 40, 300));
    assert_eq!(basic.unit_price.amount.to_string(), "69.00");
    assert!(basic.auto_renew);
    // Renews 20 days from today, so it renewed a month before that; the window closed 7 days after the renewal.
    assert_eq!(basic.renews_or_expires_on, date!(2026 - 12 - 13));
    assert_eq!(
        basic.allowed_actions.reduce,
        Permission::Denied { reason: DenialReason::ReductionWindowClosed, date: Some(date!(2026 - 11 - 20)) }
    );
    assert_eq!(basic.allowed_actions.buy, Permission::Allowed);
    assert_eq!(basic.allowed_actions.cancel, Permission::Allowed);

    let power_bi = subscription(&app, &asa, "sub-power-bi-pro").await;
    assert_eq!(power_bi.purchased_on, date!(2026 - 11 - 20));
    assert_eq!(power_bi.allowed_actions.reduce, Permission::Allowed);

    // The same subscription a week later: the window closed on the purchase day + 7.
    let mut later = small_fixture();
    later.today = Some(date!(2026 - 11 - 27));
    let app = App::with(later, true, None);
    let asa = app.asa().await;
    assert_eq!(
        subscription(&app, &asa, "sub-power-bi-pro").await.allowed_actions.reduce,
        Permission::Denied { reason: DenialReason::ReductionWindowClosed, date: Some(date!(2026 - 11 - 27)) }
    );
}

#[tokio::test]
async fn maximum_reached_all_assigned_and_no_licenses_available() {
    let mut fixture = small_fixture();
    for sub in &mut fixture.subscriptions {
        if sub.id == "sub-power-bi-pro" {
            sub.total_licenses = 10; // exactly the 10 assigned
            sub.max_licenses = 10;
        }
    }
    let app = App::with(fixture, true, None);
    let asa = app.asa().await;
    let full = subscription(&app, &asa, "sub-power-bi-pro").await;
    assert_eq!(full.available_licenses(), 0);
    let a = full.allowed_actions;
    assert_eq!(a.buy, denied(DenialReason::MaximumReached));
    assert_eq!(a.reduce, denied(DenialReason::AllLicensesAssigned));
    assert_eq!(a.assign, denied(DenialReason::NoLicensesAvailable));
    assert_eq!(a.cancel, Permission::Allowed);
}

#[tokio::test]
async fn other_channels_can_only_assign() {
    let app = App::small();
    let asa = app.asa().await;
    for id in ["sub-copilot-partner", "sub-exchange-admin"] {
        let a = subscription(&app, &asa, id).await.allowed_actions;
        assert_eq!(a.assign, Permission::Allowed, "{id}");
        assert_eq!([a.buy, a.reduce, a.cancel, a.reactivate], [0; 4].map(|_| denied(DenialReason::NotPurchaser)));
    }
}
