//! A subscription's assignments: paged in SQL, by name, filtered by prefix words.

use crate::common::*;
use axum::http::StatusCode;
use contract::licenses::Assignment;
use contract::text::fold;
use contract::Page;

#[tokio::test]
async fn assignments_are_paged_by_name() {
    let app = App::small();
    let asa = app.asa().await;
    let page: Page<Assignment> = app.get("/api/v1/subscriptions/sub-business-basic/assignments", &asa).await.json();
    assert_eq!((page.total, page.items.len(), page.page, page.page_size), (40, 40, 1, 50));
    let keys: Vec<(String, String)> =
        page.items.iter().map(|a| (fold(&a.person.display_name), a.person.id.0.clone())).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(page.items.iter().all(|a| a.assigned_on <= TODAY));

    let third: Page<Assignment> =
        app.get("/api/v1/subscriptions/sub-business-basic/assignments?page=3&page_size=15", &asa).await.json();
    assert_eq!((third.total, third.items.len()), (40, 10));
    assert_eq!(third.items, page.items[30..]);
    let clamped: Page<Assignment> =
        app.get("/api/v1/subscriptions/sub-business-basic/assignments?page_size=1000", &asa).await.json();
    assert_eq!(clamped.page_size, 200);
    let reply = app.get("/api/v1/subscriptions/sub-business-basic/assignments?page=first", &asa).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn q_keeps_people_with_a_word_starting_with_each_query_word() {
    let app = App::small();
    let asa = app.asa().await;
    let all: Page<Assignment> = app.get("/api/v1/subscriptions/sub-business-basic/assignments", &asa).await.json();
    let someone = &all.items[7].person;
    let last_word = someone.display_name.split_whitespace().last().unwrap_or(&someone.display_name);
    let prefix: String = fold(last_word).chars().take(3).collect();
    let url = format!(
        "/api/v1/subscriptions/sub-business-basic/assignments?q={}",
        contract::paths::encode(&prefix.to_uppercase())
    );
    let found: Page<Assignment> = app.get(&url, &asa).await.json();
    assert!(found.items.iter().any(|a| a.person.id == someone.id), "{prefix} finds {}", someone.display_name);
    let expected = all.items.iter().filter(|a| {
        backend::db::terms::person_terms(&a.person.display_name, &a.person.email).iter().any(|t| t.starts_with(&prefix))
    });
    assert_eq!(found.total as usize, expected.count());
    assert!(found.total < all.total);

    let by_email =
        format!("/api/v1/subscriptions/sub-business-basic/assignments?q={}", contract::paths::encode(&someone.email));
    let found: Page<Assignment> = app.get(&by_email, &asa).await.json();
    assert_eq!(found.items.iter().map(|a| &a.person.id).collect::<Vec<_>>(), [&someone.id]);
    let none: Page<Assignment> =
        app.get("/api/v1/subscriptions/sub-business-basic/assignments?q=zzzz", &asa).await.json();
    assert_eq!((none.total, none.items.len()), (0, 0));
}
