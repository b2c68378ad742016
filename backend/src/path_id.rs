//! The id in a resource's path. An id that is not UTF-8 (`/subscriptions/%FF`) names no resource: 404
//! `not_found` as problem+json, like any unknown id, never axum's `text/plain` rejection.

use crate::problem::ApiError;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;

/// The `{id}` of the route.
pub struct PathId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(id)) => Ok(Self(id)),
            Err(PathRejection::FailedToDeserializePathParams(_)) => Err(ApiError::NotFound),
            // A route without `{id}`: a mistake of ours, not the client's.
            Err(other) => Err(ApiError::Internal(format!("path id: {}", other.body_text()))),
        }
    }
}
