//! A subscription's assignments: `GET …/assignments?q&page&page_size` (paged in SQL, by name), `POST …/assignments`
//! (assign up to 20 people, once per `Idempotency-Key`) and `POST …/assignments/remove` (unassign).

use crate::auth::Viewer;
use crate::change::{apply_once, ChangeHeaders};
use crate::collation::Collation;
use crate::db::assignments;
use crate::db::billing::etag;
use crate::db::subscriptions::assignments_page;
use crate::db::subscriptions::visible_one;
use crate::db::terms::query_words;
use crate::path_id::PathId;
use crate::problem::{ApiError, ApiResult};
use crate::query::Params;
use crate::routes::subscriptions::{find, present};
use crate::rules::{allowed_actions, Facts};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use contract::licenses::{
    check_people_count, AssignRequest, AssignResponse, AssignResult, Assignment, UnassignRequest,
};
use contract::problem::FieldErrorCode;
use contract::subscriptions::{AllowedActions, Permission, Subscription};
use contract::{Page, PersonId, SubscriptionId};
use std::sync::Arc;

/// Default page size.
pub const DEFAULT_PAGE_SIZE: u32 = 50;
/// Largest page size.
pub const MAX_PAGE_SIZE: u32 = 200;

/// One page of the people with a license on the subscription; `q` keeps those whose name or e-mail has words
/// starting with every query word (accents and case ignored). `page` and `page_size` (1..=200, default 50) are
/// clamped; non-numbers are 400. People are in the name order of the request's language (`Accept-Language`).
pub async fn list(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
    collation: Collation,
    mut params: Params,
) -> ApiResult<Json<Page<Assignment>>> {
    let page = params.clamped("page", u32::MAX).unwrap_or(1);
    let page_size = params.clamped("page_size", MAX_PAGE_SIZE).unwrap_or(DEFAULT_PAGE_SIZE);
    params.finish()?;
    let words = query_words(params.text("q").unwrap_or_default());
    let subscription = find(&state, &viewer, &id)?;
    let (items, total) =
        state.db.with(|conn| assignments_page(conn, &subscription.id, &words, page, page_size, collation))?;
    Ok(Json(Page { items, total, page, page_size }))
}

/// The people of a request body (`{"person_ids": [...]}`), between one and `max` of them, none blank.
fn people(body: Result<Vec<PersonId>, JsonRejection>, max: usize) -> ApiResult<Vec<String>> {
    let ids = body.map_err(|rejection| match rejection {
        JsonRejection::JsonDataError(e) if e.body_text().contains("missing field `person_ids`") => {
            ApiError::invalid_field("person_ids", FieldErrorCode::Required)
        }
        other => other.into(),
    })?;
    check_people_count(ids.len(), max).map_err(|code| ApiError::invalid_field("person_ids", code))?;
    if ids.iter().any(|id| id.0.trim().is_empty()) {
        return Err(ApiError::invalid_field("person_ids", FieldErrorCode::Malformed));
    }
    Ok(ids.into_iter().map(|id| id.0).collect())
}

/// Whether `permission` of the viewer's actions on the subscription allows the change.
fn allowed(
    record: &crate::db::subscriptions::SubscriptionRecord,
    viewer: &Viewer,
    today: time::Date,
    permission: fn(AllowedActions) -> Permission,
) -> ApiResult<()> {
    match permission(allowed_actions(&Facts::of(record, viewer, today))) {
        Permission::Allowed => Ok(()),
        Permission::Denied { .. } => Err(ApiError::ActionNotAllowed),
    }
}

/// Assigns up to 20 people in order, as far as licenses last, atomically; one result per person.
pub async fn assign(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
    headers: ChangeHeaders,
    body: Result<Json<AssignRequest>, JsonRejection>,
) -> ApiResult<Response> {
    let ids = people(body.map(|Json(request)| request.person_ids), AssignRequest::MAX_PEOPLE)?;
    let today = state.clock.today();
    let request = format!("POST {}\n{}", contract::paths::assignments(&SubscriptionId(id.clone())), ids.join("\n"));
    apply_once(&state, &viewer, &headers, request, |conn| {
        let record = visible_one(conn, &viewer, &id)?.ok_or(ApiError::NotFound)?;
        allowed(&record, &viewer, today, |actions| actions.assign)?;
        let outcomes = assignments::assign(conn, &viewer.org_id, &id, &ids, today)?;
        let updated = visible_one(conn, &viewer, &id)?.ok_or(ApiError::NotFound)?;
        let results = ids
            .iter()
            .zip(outcomes)
            .map(|(person, outcome)| AssignResult { person_id: PersonId(person.clone()), outcome })
            .collect();
        Ok(AssignResponse { results, assigned_licenses: updated.assigned_licenses, etag: etag(updated.version) })
    })
}

/// Removes the licenses of up to 200 people (those without one are ignored); answers the updated subscription.
pub async fn unassign(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    PathId(id): PathId,
    body: Result<Json<UnassignRequest>, JsonRejection>,
) -> ApiResult<Json<Subscription>> {
    let ids = people(body.map(|Json(request)| request.person_ids), UnassignRequest::MAX_PEOPLE)?;
    let today = state.clock.today();
    let updated = state.db.write(|conn| {
        let record = visible_one(conn, &viewer, &id)?.ok_or(ApiError::NotFound)?;
        allowed(&record, &viewer, today, |actions| actions.unassign)?;
        assignments::unassign(conn, &id, &ids)?;
        visible_one(conn, &viewer, &id)?.ok_or(ApiError::NotFound)
    })?;
    Ok(Json(present(updated, &viewer, today)))
}
