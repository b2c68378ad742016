//! A purchaser sees only what they bought (404, never 403); an administrator sees every self-service subscription,
//! read-only.

use crate::common::*;
use axum::http::StatusCode;
use contract::subscriptions::{DenialReason, Permission, PurchaseChannel, Subscription};
use contract::{ErrorCode, Page};

const JURGENS: [&str; 10] = [
    "/api/v1/subscriptions/sub-jurgen-premium",
    "/api/v1/subscriptions/sub-jurgen-premium/assignments",
    "/api/v1/subscriptions/sub-jurgen-premium/cancellation",
    "/api/v1/directory/people?q=a&subscription_id=sub-jurgen-premium",
    "/api/v1/subscriptions/sub-jurgen-defender",
    "/api/v1/billing-profiles/bp-munchen",
    "/api/v1/payment-methods/pm-jurgen-visa",
    "/api/v1/invoices/inv-munchen-202611",
    "/api/v1/subscriptions/no-such-subscription",
    "/api/v1/invoices/no-such-invoice",
];

#[tokio::test]
async fn other_peoples_ids_are_404_like_unknown_ones() {
    let app = App::small();
    let asa = app.asa().await;
    for path in JURGENS {
        let reply = app.get(path, &asa).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}: {}", reply.text());
        assert_eq!(reply.problem().code, ErrorCode::NotFound);
    }
    let jurgen = app.jurgen().await;
    for path in &JURGENS[..8] {
        assert_eq!(app.get(path, &jurgen).await.status, StatusCode::OK, "Jürgen sees his own {path}");
    }
    for path in [
        "/api/v1/subscriptions/sub-power-bi-pro",
        "/api/v1/billing-profiles/bp-stockholm",
        "/api/v1/payment-methods/pm-amex",
    ] {
        assert_eq!(app.get(path, &jurgen).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    let mine: Page<Subscription> = app.get("/api/v1/subscriptions", &jurgen).await.json();
    let ids: Vec<&str> = mine.items.iter().map(|s| s.id.0.as_str()).collect();
    assert_eq!(
        ids,
        ["sub-jurgen-premium", "sub-jurgen-defender"],
        "by product name: Microsoft 365 … before Microsoft Defender"
    );
}

#[tokio::test]
async fn an_admin_sees_every_self_service_subscription_read_only() {
    let app = App::small();
    let li = app.li().await;
    let page: Page<Subscription> = app.get("/api/v1/subscriptions", &li).await.json();
    assert_eq!(page.total, 11, "8 of Åsa's, 2 of Jürgen's, 1 of her own");
    assert!(page.items.iter().all(|s| s.channel == PurchaseChannel::SelfService));
    for sub in &page.items {
        let actions = &sub.allowed_actions;
        let all = [&actions.buy, &actions.reduce, &actions.assign, &actions.cancel, &actions.reactivate];
        if sub.id.0 == "sub-liwei-standard" {
            assert_eq!(actions.buy, Permission::Allowed, "she bought this one");
        } else {
            assert!(all.iter().all(|p| **p == Permission::denied(DenialReason::NotPurchaser)), "{}", sub.id);
        }
    }
    assert_eq!(app.get("/api/v1/subscriptions/sub-jurgen-premium/assignments", &li).await.status, StatusCode::OK);
    assert_eq!(app.get("/api/v1/subscriptions/sub-copilot-partner", &li).await.status, StatusCode::NOT_FOUND);
    for path in [
        "/api/v1/billing-profiles/bp-stockholm",
        "/api/v1/payment-methods/pm-visa",
        "/api/v1/invoices/inv-stockholm-202611",
    ] {
        assert_eq!(app.get(path, &li).await.status, StatusCode::NOT_FOUND, "billing stays personal: {path}");
    }
}
