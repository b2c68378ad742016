//! `GET /api/v1/subscriptions/{id}/assignments?q&page&page_size`: paged in SQL, by name.

use crate::auth::Viewer;
use crate::db::terms::query_words;
use crate::problem::ApiResult;
use crate::query::Params;
use crate::routes::subscriptions::find;
use crate::AppState;
use axum::extract::{Path, State};
use axum::Json;
use contract::licenses::Assignment;
use contract::Page;
use std::sync::Arc;

/// Default page size.
pub const DEFAULT_PAGE_SIZE: u32 = 50;
/// Largest page size.
pub const MAX_PAGE_SIZE: u32 = 200;

/// One page of the people with a license on the subscription; `q` keeps those whose name or e-mail has words
/// starting with every query word (accents and case ignored). `page` and `page_size` (1..=200, default 50) are
/// clamped; non-numbers are 400.
pub async fn list(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    Path(id): Path<String>,
    mut params: Params,
) -> ApiResult<Json<Page<Assignment>>> {
    let page = params.clamped("page", u32::MAX).unwrap_or(1);
    let page_size = params.clamped("page_size", MAX_PAGE_SIZE).unwrap_or(DEFAULT_PAGE_SIZE);
    params.finish()?;
    let words = query_words(params.text("q").unwrap_or_default());
    let subscription = find(&state, &viewer, &id)?;
    let (items, total) = state
        .db
        .with(|conn| crate::db::subscriptions::assignments_page(conn, &subscription.id, &words, page, page_size))?;
    Ok(Json(Page { items, total, page, page_size }))
}
