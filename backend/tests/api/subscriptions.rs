//! The subscription list (filters, sorting and paging by the contract's shared rule) and single subscriptions.

use crate::common::*;
use axum::http::StatusCode;
use contract::problem::FieldErrorCode;
use contract::subscriptions::{SortKey, SortOrder, Subscription, SubscriptionQuery, SubscriptionStatus};
use contract::{paths, ErrorCode, Page};

fn ids(page: &Page<Subscription>) -> Vec<&str> {
    page.items.iter().map(|s| s.id.0.as_str()).collect()
}

#[tokio::test]
async fn asa_has_ten_subscriptions_in_every_status_and_channel() {
    let app = App::small();
    let asa = app.asa().await;
    let page: Page<Subscription> = app.get(paths::SUBSCRIPTIONS, &asa).await.json();
    assert_eq!((page.total, page.page, page.page_size), (10, 1, SubscriptionQuery::MAX_PAGE_SIZE));
    for status in SubscriptionStatus::ALL {
        assert!(page.items.iter().any(|s| s.status == status), "{status:?} missing");
    }
    let names: Vec<&str> = page.items.iter().map(|s| s.product.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| contract::text::fold(n));
    assert_eq!(names, sorted, "product name ascending by default");
    let currencies: Vec<&str> = page.items.iter().map(|s| s.unit_price.currency.code()).collect();
    assert!(currencies.contains(&"SEK") && currencies.contains(&"EUR"));
}

#[tokio::test]
async fn filters_sorting_and_paging_follow_the_shared_rule() {
    let app = App::small();
    let asa = app.asa().await;
    let all: Page<Subscription> = app.get(paths::SUBSCRIPTIONS, &asa).await.json();
    let cases = [
        SubscriptionQuery { status: Some(SubscriptionStatus::Active), ..Default::default() },
        SubscriptionQuery { channel: Some(contract::subscriptions::PurchaseChannel::Partner), ..Default::default() },
        SubscriptionQuery { q: Some("PÓWER".into()), ..Default::default() },
        SubscriptionQuery { sort: Some(SortKey::Licenses), order: Some(SortOrder::Desc), ..Default::default() },
        SubscriptionQuery { sort: Some(SortKey::Price), ..Default::default() },
        SubscriptionQuery { sort: Some(SortKey::RenewsOn), order: Some(SortOrder::Desc), ..Default::default() },
        SubscriptionQuery { sort: Some(SortKey::Status), page: Some(2), page_size: Some(3), ..Default::default() },
    ];
    for query in cases {
        let url = paths::SUBSCRIPTIONS.to_owned()
            + &paths::query([
                ("channel", query.channel.map(|c| c.as_str().to_owned())),
                ("status", query.status.map(|s| s.as_str().to_owned())),
                ("q", query.q.clone()),
                ("sort", query.sort.map(|s| s.as_str().to_owned())),
                ("order", query.order.map(|o| o.as_str().to_owned())),
                ("page", query.page.map(|p| p.to_string())),
                ("page_size", query.page_size.map(|p| p.to_string())),
            ]);
        let page: Page<Subscription> = app.get(&url, &asa).await.json();
        let expected = Page::slice(query.apply(&all.items), query.page.unwrap_or(1), query.page_size.unwrap_or(5000));
        assert_eq!(page, expected, "{url}");
        assert!(!page.items.is_empty(), "{url} finds something");
    }
    let power: Page<Subscription> = app.get("/api/v1/subscriptions?q=power", &asa).await.json();
    assert_eq!(ids(&power), ["sub-automate-pending", "sub-power-bi-pro"]);
    let paged: Page<Subscription> = app.get("/api/v1/subscriptions?page=4&page_size=3", &asa).await.json();
    assert_eq!((paged.items.len(), paged.total, paged.page_count()), (1, 10, 4));
    let past: Page<Subscription> = app.get("/api/v1/subscriptions?page=9&page_size=3", &asa).await.json();
    assert!(past.items.is_empty());
}

#[tokio::test]
async fn bad_query_values_are_400_with_field_errors_and_numbers_are_clamped() {
    let app = App::small();
    let asa = app.asa().await;
    let reply =
        app.get("/api/v1/subscriptions?status=sleeping&sort=colour&order=up&channel=x&page_size=ten", &asa).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    let problem = reply.problem();
    assert_eq!(problem.code, ErrorCode::BadRequest);
    let fields: Vec<(&str, FieldErrorCode)> = problem.errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(
        fields,
        [
            ("channel", FieldErrorCode::UnknownValue),
            ("status", FieldErrorCode::UnknownValue),
            ("sort", FieldErrorCode::UnknownValue),
            ("order", FieldErrorCode::UnknownValue),
            ("page_size", FieldErrorCode::NotAWholeNumber),
        ]
    );
    let clamped: Page<Subscription> = app.get("/api/v1/subscriptions?page_size=0&page=0", &asa).await.json();
    assert_eq!((clamped.page, clamped.page_size, clamped.items.len()), (1, 1, 1));
    let clamped: Page<Subscription> = app.get("/api/v1/subscriptions?page_size=999999", &asa).await.json();
    assert_eq!(clamped.page_size, SubscriptionQuery::MAX_PAGE_SIZE);
}

#[tokio::test]
async fn one_subscription_carries_its_etag_in_body_and_header() {
    let app = App::small();
    let asa = app.asa().await;
    let reply = app.get(&paths::subscription(&"sub-business-basic".into()), &asa).await;
    assert_eq!(reply.status, StatusCode::OK);
    let sub: Subscription = reply.json();
    assert_eq!(sub.etag, "\"7\"");
    assert_eq!(reply.header("etag"), Some("\"7\""));
    assert_eq!(sub.billing_profile_name, "Contoso AB – Stockholm");
    let pending: Subscription = app.get("/api/v1/subscriptions/sub-automate-pending", &asa).await.json();
    assert_eq!((pending.unit_price.currency.code(), pending.etag.as_str()), ("EUR", "\"3\""));
}
