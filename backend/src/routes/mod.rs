//! The router: `/api/v1` behind the session guard, `/dev` with `--dev`, the static app with `--static`, and fault
//! injection in front of everything (with `--dev`).

pub mod admin;
pub mod assignments;
pub mod billing;
pub mod cancellation;
pub mod dev;
pub mod directory;
pub mod invoices;
pub mod licenses;
pub mod lifecycle;
pub mod me;
pub mod payment_methods;
pub mod session;
pub mod static_files;
pub mod subscriptions;

use crate::problem::ApiError;
use crate::{answers, auth, faults, AppState};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::Router;
use std::sync::Arc;

async fn api_not_found() -> ApiError {
    ApiError::NotFound
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

fn api(state: &Arc<AppState>) -> Router<Arc<AppState>> {
    Router::new()
        .route("/me", get(me::me))
        .route("/session", delete(session::sign_out))
        .route("/subscriptions", get(subscriptions::list))
        .route("/subscriptions/{id}", get(subscriptions::one))
        .route("/subscriptions/{id}/quantity-quote", post(licenses::quote))
        .route("/subscriptions/{id}/quantity", put(licenses::set_quantity))
        .route("/subscriptions/{id}/assignments", get(assignments::list).post(assignments::assign))
        .route("/subscriptions/{id}/assignments/remove", post(assignments::unassign))
        .route("/subscriptions/{id}/cancellation", get(cancellation::cancellation))
        .route("/subscriptions/{id}/cancel", post(lifecycle::cancel))
        .route("/subscriptions/{id}/reactivate", post(lifecycle::reactivate))
        .route("/directory/people", get(directory::search))
        .route("/cancellation-reasons", get(cancellation::reasons))
        .route("/billing-profiles", get(billing::profiles))
        .route("/billing-profiles/{id}", get(billing::profile))
        .route("/billing-profiles/{id}/payment-method", put(payment_methods::set_for_profile))
        .route("/payment-methods", get(billing::methods).post(payment_methods::add))
        .route(
            "/payment-methods/{id}",
            get(billing::method).patch(payment_methods::edit).delete(payment_methods::remove),
        )
        .route("/admin/self-service-purchases", get(admin::list))
        .route("/admin/self-service-purchases/export", get(admin::export))
        .route("/admin/self-service-purchases/{id}", get(admin::one))
        .route("/admin/self-service-purchases/{id}/assignments", get(admin::assignments))
        .route("/admin/self-service-purchases/{id}/assignments/export", get(admin::assignments_export))
        .route("/invoices", get(invoices::list))
        .route("/invoices/{id}", get(invoices::one))
        .route("/invoices/{id}/pdf", get(invoices::pdf))
        .fallback(api_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(state.clone(), auth::require_session))
        .layer(from_fn(answers::api_answers))
}

fn dev() -> Router<Arc<AppState>> {
    Router::new()
        .route("/dev/sign-in", get(dev::sign_in))
        .route("/dev/sign-out", get(dev::sign_out))
        .route("/dev/faults", get(dev::list_faults).post(dev::arm_fault).delete(dev::clear_faults))
        .route("/dev/reset", post(dev::reset))
        .route("/dev/orders", get(dev::orders))
        .route(crate::csp::REPORT_PATH, get(dev::csp_reports).post(dev::add_csp_report).delete(dev::clear_csp_reports))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn(answers::api_answers))
}

fn is_under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Everything no route matched: unknown `/api` and `/dev` paths are problem+json 404s, the rest goes to the static
/// app when there is one.
async fn fallback(State(state): State<Arc<AppState>>, request: Request) -> Response {
    let path = request.uri().path();
    if is_under(path, "/api") || is_under(path, "/dev") {
        return answers::api_answers_of(ApiError::NotFound.into_response());
    }
    match &state.static_dir {
        Some(dir) => static_files::serve(&state, dir, request).await,
        None => (StatusCode::NOT_FOUND, "Not found\n").into_response(),
    }
}

/// The whole application.
pub fn router(state: Arc<AppState>) -> Router {
    let mut router = Router::new().nest(contract::paths::PREFIX, api(&state)).fallback(fallback);
    if state.dev {
        router = router.merge(dev()).layer(from_fn_with_state(state.clone(), faults::inject));
    }
    router.with_state(state)
}
