//! `GET /api/v1/me`.

use crate::auth::Viewer;
use crate::problem::{ApiError, ApiResult};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use contract::me::{Me, Organization};
use std::sync::Arc;

/// The signed-in person, with the session's CSRF token.
pub async fn me(State(state): State<Arc<AppState>>, viewer: Viewer) -> ApiResult<Json<Me>> {
    let user =
        state.db.with(|conn| crate::db::people::user(conn, &viewer.person_id))?.ok_or(ApiError::Unauthenticated)?;
    Ok(Json(Me {
        id: contract::PersonId(user.person_id),
        display_name: user.display_name,
        email: user.email,
        locale: user.locale,
        role: user.role,
        organization: Organization { id: contract::OrganizationId(user.org_id), name: user.org_name },
        csrf_token: viewer.csrf_token,
    }))
}
