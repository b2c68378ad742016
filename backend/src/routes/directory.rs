//! `GET /api/v1/directory/people?q&top&subscription_id`: members of the viewer's organization (never guests).

use crate::auth::Viewer;
use crate::collation::Collation;
use crate::db::terms::query_words;
use crate::problem::ApiResult;
use crate::query::Params;
use crate::routes::subscriptions::find;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use contract::directory::{DirectoryMatch, DirectoryQuery};
use std::sync::Arc;

/// People whose name parts or e-mail start with every query word; a blank query finds nobody. `top` is clamped
/// to 1..=25 (default 10); a `top` that is not a whole number is a 400. With `subscription_id` (404 unless the viewer may see it), marks who already has a
/// license on it. The matches are in the name order of the request's language (`Accept-Language`).
pub async fn search(
    State(state): State<Arc<AppState>>,
    viewer: Viewer,
    collation: Collation,
    mut params: Params,
) -> ApiResult<Json<Vec<DirectoryMatch>>> {
    let top = params.clamped("top", DirectoryQuery::MAX_TOP);
    let query = DirectoryQuery {
        q: params.text("q").unwrap_or_default().to_owned(),
        top,
        subscription_id: params.text("subscription_id").map(contract::SubscriptionId::from),
    };
    params.finish()?;
    let subscription = match &query.subscription_id {
        Some(id) => Some(find(&state, &viewer, &id.0)?.id),
        None => None,
    };
    let words = query_words(&query.q);
    if words.is_empty() {
        return Ok(Json(Vec::new()));
    }
    let top = query.effective_top();
    let mut found =
        state.db.with(|conn| crate::db::people::search(conn, &viewer.org_id, &words, top, subscription.as_deref()))?;
    found.sort_by(|a, b| collation.compare(&a.person.display_name, &b.person.display_name));
    Ok(Json(found))
}
