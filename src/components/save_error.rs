use crate::api::ApiError;
use crate::i18n::*;
use crate::state::config::use_config;
use contract::ErrorCode;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// Why a change was not confirmed, said inside its form (what the person typed stays), with *Try again* when
/// retrying can help. Retries reuse the change's idempotency key, so nothing is applied or charged twice.
#[component]
pub fn SaveError(
    /// The failure.
    error: ApiError,
    /// Sends the same change again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let location = use_location();
    let signed_out = error == ApiError::Unauthorized;
    // A card token that was used or expired: trying again makes a fresh one.
    let token_refused = matches!(
        error,
        ApiError::Conflict(ErrorCode::CardTokenSpent | ErrorCode::CardTokenExpired | ErrorCode::CardTokenInvalid)
    );
    let retryable = error.is_retryable() || signed_out || token_refused;
    let message = move || match &error {
        ApiError::Network => t_string!(i18n, save_errors.network).to_string(),
        ApiError::Server { .. } | ApiError::Unreadable => t_string!(i18n, save_errors.server).to_string(),
        ApiError::RateLimited { retry_after: Some(1) } => t_string!(i18n, save_errors.rate_limited_for_one).to_string(),
        ApiError::RateLimited { retry_after: Some(seconds) } => {
            t_string!(i18n, save_errors.rate_limited_for, seconds = *seconds).to_string()
        }
        ApiError::RateLimited { retry_after: None } => t_string!(i18n, save_errors.rate_limited).to_string(),
        ApiError::Unauthorized => t_string!(i18n, save_errors.signed_out).to_string(),
        ApiError::Forbidden => t_string!(i18n, errors.forbidden).to_string(),
        ApiError::NotFound => t_string!(i18n, save_errors.not_found).to_string(),
        ApiError::Conflict(ErrorCode::PreconditionFailed) => t_string!(i18n, save_errors.changed).to_string(),
        ApiError::Conflict(ErrorCode::IdempotencyKeyReused) => t_string!(i18n, save_errors.already_done).to_string(),
        // A card token that was used or expired even after a fresh one was made: as a failure on our side.
        ApiError::Conflict(ErrorCode::CardTokenSpent | ErrorCode::CardTokenExpired | ErrorCode::CardTokenInvalid) => {
            t_string!(i18n, save_errors.server).to_string()
        }
        ApiError::Conflict(_) => t_string!(i18n, save_errors.not_allowed).to_string(),
        ApiError::Validation(_) => t_string!(i18n, errors.validation).to_string(),
    };
    let sign_in_href = move || config.sign_in_href(&location.pathname.get());
    view! {
        <div class="save-error" role="alert">
            <p>{message}</p>
            <div class="save-error-actions">
                {move || signed_out.then(&sign_in_href).flatten().map(|href| view! {
                    <a href=href target="_blank" rel="external noopener">
                        {t!(i18n, save_errors.sign_in_new_tab)}
                    </a>
                })}
                {retryable.then(|| view! {
                    <button type="button" class="button" on:click=move |event| {
                        keep_focus_in_form(&event);
                        on_retry.run(());
                    }>
                        {t!(i18n, errors.retry)}
                    </button>
                })}
            </div>
        </div>
    }
}

/// *Try again* goes away while the retry is under way: focus moves to the form's button that sends it (or, while
/// that cannot be pressed, the form's first field) instead of falling to the page.
fn keep_focus_in_form(event: &web_sys::MouseEvent) {
    let form = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("form").ok());
    let Some(form) = form.flatten() else { return };
    let target = ["[type=submit]:not([disabled])", "input:not([disabled])"]
        .into_iter()
        .find_map(|selector| form.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}
