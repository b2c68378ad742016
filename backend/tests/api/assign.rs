//! Assigning up to 20 people at a time (per-person outcomes, atomic, once per key) and unassigning.

use crate::common::*;
use axum::http::{Method, StatusCode};
use backend::fixture::{Fixture, PersonKind};
use contract::licenses::{AssignOutcome, AssignResponse, Assignment};
use contract::problem::FieldErrorCode;
use contract::subscriptions::Subscription;
use contract::{ErrorCode, Page};

/// `n` members with a usage location and no license on `subscription`, by id.
fn free_members(fixture: &Fixture, subscription: &str, n: usize) -> Vec<String> {
    fixture
        .people
        .iter()
        .filter(|p| p.kind == PersonKind::Member && p.usage_location.is_some())
        .filter(|p| !fixture.assignments.iter().any(|a| a.subscription_id == subscription && a.person_id == p.id))
        .filter(|p| !p.id.starts_with("p-asa"))
        .take(n)
        .map(|p| p.id.clone())
        .collect()
}

fn body(ids: &[impl AsRef<str>]) -> String {
    let ids: Vec<&str> = ids.iter().map(AsRef::as_ref).collect();
    serde_json::json!({ "person_ids": ids }).to_string()
}

async fn assign(app: &App, session: &Session, subscription: &str, key: &str, ids: &[impl AsRef<str>]) -> Reply {
    let path = format!("/api/v1/subscriptions/{subscription}/assignments");
    app.change(Method::POST, &path, session, Guard { key: Some(key), ..Guard::default() }, Some(&body(ids))).await
}

fn outcomes(reply: &Reply) -> Vec<AssignOutcome> {
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.json::<AssignResponse>().results.into_iter().map(|r| r.outcome).collect()
}

async fn assigned_ids(app: &App, session: &Session, subscription: &str) -> Vec<String> {
    let url = format!("/api/v1/subscriptions/{subscription}/assignments?page_size=200");
    let page: Page<Assignment> = app.get(&url, session).await.json();
    page.items.into_iter().map(|a| a.person.id.0).collect()
}

#[tokio::test]
async fn people_get_licenses_and_the_list_and_counts_show_them() {
    let fixture = small_fixture();
    let people = free_members(&fixture, "sub-power-bi-pro", 3);
    let app = App::with(fixture, true, None);
    let asa = app.asa().await;
    let before = app.subscription(&asa, "sub-power-bi-pro").await;
    let reply = assign(&app, &asa, "sub-power-bi-pro", "k-1", &people).await;
    assert_eq!(outcomes(&reply), [AssignOutcome::Assigned; 3]);
    let answer: AssignResponse = reply.json();
    assert_eq!(answer.results.iter().map(|r| r.person_id.0.clone()).collect::<Vec<_>>(), people, "in request order");
    assert_eq!(answer.assigned_licenses, before.assigned_licenses + 3);
    let after = app.subscription(&asa, "sub-power-bi-pro").await;
    assert_eq!(after.assigned_licenses, before.assigned_licenses + 3);
    assert_eq!(after.etag, answer.etag);
    assert_ne!(after.etag, before.etag);
    let listed = assigned_ids(&app, &asa, "sub-power-bi-pro").await;
    assert!(people.iter().all(|p| listed.contains(p)));
    let url = format!("/api/v1/subscriptions/sub-power-bi-pro/assignments?q={}", people[0]);
    assert_eq!(app.get(&url, &asa).await.status, StatusCode::OK);
}

#[tokio::test]
async fn at_most_twenty_people_and_at_least_one() {
    let fixture = small_fixture();
    let people = free_members(&fixture, "sub-visio-trial", 21);
    let app = App::with(fixture, true, None);
    let asa = app.asa().await;
    let reply = assign(&app, &asa, "sub-visio-trial", "k-21", &people).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.problem().errors[0].field, "person_ids");
    assert_eq!(reply.problem().errors[0].code, FieldErrorCode::TooMany);
    assert_eq!(app.subscription(&asa, "sub-visio-trial").await.assigned_licenses, 2, "nothing assigned");
    let reply = assign(&app, &asa, "sub-visio-trial", "k-0", &[] as &[&str]).await;
    assert_eq!(reply.problem().errors[0].code, FieldErrorCode::Required);
    let path = "/api/v1/subscriptions/sub-visio-trial/assignments";
    let reply = app.change(Method::POST, path, &asa, Guard { key: Some("k-x"), ..Guard::default() }, Some("{}")).await;
    assert_eq!(reply.problem().errors[0].code, FieldErrorCode::Required);
    // A blank id names nobody: refused as a whole (the answer's ids are never blank), to assign and to unassign.
    for ids in [vec![""], vec![people[0].as_str(), " "]] {
        let reply = assign(&app, &asa, "sub-visio-trial", "k-blank", &ids).await;
        assert_eq!(
            (reply.status, reply.problem().errors[0].code),
            (StatusCode::UNPROCESSABLE_ENTITY, FieldErrorCode::Malformed)
        );
        let reply = unassign(&app, &asa, "sub-visio-trial", &ids).await;
        assert_eq!(
            (reply.status, reply.problem().errors[0].code),
            (StatusCode::UNPROCESSABLE_ENTITY, FieldErrorCode::Malformed)
        );
    }
    assert_eq!(app.subscription(&asa, "sub-visio-trial").await.assigned_licenses, 2, "nothing assigned");
    let reply = assign(&app, &asa, "sub-visio-trial", "k-20", &people[..20]).await;
    assert_eq!(outcomes(&reply), [AssignOutcome::Assigned; 20]);
    assert_eq!(app.subscription(&asa, "sub-visio-trial").await.assigned_licenses, 22);
}

#[tokio::test]
async fn each_person_has_an_outcome_and_failures_do_not_fail_the_rest() {
    let fixture = small_fixture();
    let fresh = free_members(&fixture, "sub-power-bi-pro", 2);
    let holder =
        fixture.assignments.iter().find(|a| a.subscription_id == "sub-power-bi-pro").unwrap().person_id.clone();
    let guest = fixture.people.iter().find(|p| p.kind == PersonKind::Guest).unwrap().id.clone();
    let app = App::with(fixture, true, None);
    let asa = app.asa().await;
    let ids = [&fresh[0], &holder, &guest, "p-nobody", "p-marta", &fresh[1], &fresh[1]];
    let reply = assign(&app, &asa, "sub-power-bi-pro", "k-mixed", &ids).await;
    assert_eq!(
        outcomes(&reply),
        [
            AssignOutcome::Assigned,
            AssignOutcome::AlreadyAssigned,
            AssignOutcome::NotInOrganization,
            AssignOutcome::NotInOrganization,
            AssignOutcome::NoUsageLocation,
            AssignOutcome::Assigned,
            AssignOutcome::AlreadyAssigned,
        ]
    );
    assert_eq!(reply.json::<AssignResponse>().assigned_licenses, 12);
    let listed = assigned_ids(&app, &asa, "sub-power-bi-pro").await;
    assert!(!listed.contains(&guest) && !listed.contains(&"p-marta".to_owned()));
}

#[tokio::test]
async fn licenses_run_out_in_request_order() {
    let fixture = small_fixture();
    let people = free_members(&fixture, "sub-copilot-partner", 8);
    let app = App::with(fixture, true, None);
    let asa = app.asa().await;
    let before = app.subscription(&asa, "sub-copilot-partner").await;
    assert_eq!(before.total_licenses - before.assigned_licenses, 6);
    let reply = assign(&app, &asa, "sub-copilot-partner", "k-8", &people).await;
    let mut expected = vec![AssignOutcome::Assigned; 6];
    expected.extend([AssignOutcome::NoLicenseAvailable; 2]);
    assert_eq!(outcomes(&reply), expected);
    let after = app.subscription(&asa, "sub-copilot-partner").await;
    assert_eq!(after.assigned_licenses, after.total_licenses);
    let reply = assign(&app, &asa, "sub-copilot-partner", "k-more", &people[6..]).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "assign is denied once none is free");
    assert_eq!(reply.problem().code, ErrorCode::ActionNotAllowed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_assignments_never_exceed_the_total() {
    let fixture = small_fixture();
    let people = free_members(&fixture, "sub-copilot-partner", 24);
    let app = std::sync::Arc::new(App::with(fixture, true, None));
    let asa = app.asa().await;
    let mut tasks = Vec::new();
    for (n, group) in people.chunks(3).enumerate() {
        let (app, asa, group) = (app.clone(), asa.clone(), group.to_vec());
        tasks.push(tokio::spawn(async move {
            let reply = assign(&app, &asa, "sub-copilot-partner", &format!("race-{n}"), &group).await;
            if reply.status == StatusCode::OK {
                outcomes(&reply).into_iter().filter(|o| *o == AssignOutcome::Assigned).count()
            } else {
                assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.text());
                0
            }
        }));
    }
    let mut assigned = 0;
    for task in tasks {
        assigned += task.await.expect("task");
    }
    assert_eq!(assigned, 6, "exactly the six free licenses");
    let after = app.subscription(&asa, "sub-copilot-partner").await;
    assert_eq!((after.assigned_licenses, after.total_licenses), (10, 10));
}

#[tokio::test]
async fn a_retried_assignment_is_applied_once() {
    let fixture = small_fixture();
    let people = free_members(&fixture, "sub-power-bi-pro", 2);
    let app = App::with(fixture, true, None);
    let asa = app.asa().await;
    let first = assign(&app, &asa, "sub-power-bi-pro", "k-once", &people).await;
    let again = assign(&app, &asa, "sub-power-bi-pro", "k-once", &people).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.text(), first.text(), "the first answer, replayed");
    assert_eq!(app.subscription(&asa, "sub-power-bi-pro").await.assigned_licenses, 12);
    let other = assign(&app, &asa, "sub-power-bi-pro", "k-once", &people[..1]).await;
    assert_eq!(other.problem().code, ErrorCode::IdempotencyKeyReused);
    let path = "/api/v1/subscriptions/sub-power-bi-pro/assignments";
    let keyless = app.change(Method::POST, path, &asa, Guard::default(), Some(&body(&people))).await;
    assert_eq!(keyless.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn only_the_purchaser_may_assign_and_unassign() {
    let fixture = small_fixture();
    let people = free_members(&fixture, "sub-jurgen-premium", 1);
    let app = App::with(fixture, true, None);
    let asa = app.asa().await;
    let reply = assign(&app, &asa, "sub-jurgen-premium", "k-other", &people).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "another purchaser's subscription");
    let li = app.li().await;
    let reply = assign(&app, &li, "sub-power-bi-pro", "k-admin", &people).await;
    assert_eq!(reply.problem().code, ErrorCode::ActionNotAllowed, "the admin view is read-only");
    let path = "/api/v1/subscriptions/sub-power-bi-pro/assignments/remove";
    let reply = app.change(Method::POST, path, &li, Guard::default(), Some(&body(&people))).await;
    assert_eq!(reply.problem().code, ErrorCode::ActionNotAllowed);
    let reply = assign(&app, &asa, "sub-project-expired", "k-expired", &people).await;
    assert_eq!(reply.problem().code, ErrorCode::ActionNotAllowed, "expired");
}

async fn unassign(app: &App, session: &Session, subscription: &str, ids: &[impl AsRef<str>]) -> Reply {
    let path = format!("/api/v1/subscriptions/{subscription}/assignments/remove");
    app.change(Method::POST, &path, session, Guard::default(), Some(&body(ids))).await
}

#[tokio::test]
async fn unassigning_removes_licenses_and_ignores_people_without_one() {
    let app = App::small();
    let asa = app.asa().await;
    let before = app.subscription(&asa, "sub-power-bi-pro").await;
    let holders = assigned_ids(&app, &asa, "sub-power-bi-pro").await;
    let chosen = [holders[0].as_str(), holders[3].as_str(), "p-nobody", "p-marta"];
    let reply = unassign(&app, &asa, "sub-power-bi-pro", &chosen).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let updated: Subscription = reply.json();
    assert_eq!(updated.assigned_licenses, before.assigned_licenses - 2);
    assert_ne!(updated.etag, before.etag);
    let listed = assigned_ids(&app, &asa, "sub-power-bi-pro").await;
    assert!(!listed.contains(&holders[0]) && !listed.contains(&holders[3]));
    assert_eq!(listed.len(), holders.len() - 2);
    let again: Subscription = unassign(&app, &asa, "sub-power-bi-pro", &chosen).await.json();
    assert_eq!((again.assigned_licenses, &again.etag), (updated.assigned_licenses, &updated.etag), "harmless");

    let ended = assigned_ids(&app, &asa, "sub-project-expired").await;
    let reply = unassign(&app, &asa, "sub-project-expired", &ended[..1]).await;
    assert_eq!(reply.json::<Subscription>().assigned_licenses, 3, "an ended subscription frees people too");
    let reply = unassign(&app, &asa, "sub-dynamics-deleted", &["p-marta"]).await;
    assert_eq!(reply.problem().code, ErrorCode::ActionNotAllowed, "deleted");
    let reply = unassign(&app, &asa, "sub-power-bi-pro", &[] as &[&str]).await;
    assert_eq!(reply.problem().errors[0].code, FieldErrorCode::Required);
    let many: Vec<String> = (0..201).map(|n| format!("p-{n}")).collect();
    let reply = unassign(&app, &asa, "sub-power-bi-pro", &many).await;
    assert_eq!(reply.problem().errors[0].code, FieldErrorCode::TooMany);
}
