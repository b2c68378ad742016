//! The id in a resource's path. An id that is not UTF-8 (`/subscriptions/%FF`) names no resource: 404
//! `not_found` as problem+json, like any unknown id, never axum's `text/plain` rejection.

use crate::problem::ApiError;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;

/// The `{id}` of the route.
pub struct PathId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(id) = Path::<String>::from_request_parts(parts, state).await.map_err(|_| ApiError::NotFound)?;
        Ok(Self(id))
    }
}
