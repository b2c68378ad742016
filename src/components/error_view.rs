use super::SignInPrompt;
use crate::api::ApiError;
use crate::i18n::*;
use leptos::prelude::*;

/// Says what went wrong, in the person's language, and offers to try again when that can help.
#[component]
pub fn ErrorView(
    /// The error to explain.
    error: ApiError,
    /// Called by the *Try again* button; without it no button is shown.
    #[prop(into, optional)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    if error == ApiError::Unauthorized {
        return view! { <SignInPrompt /> }.into_any();
    }
    let retryable = error.is_retryable();
    let message = move || match &error {
        ApiError::Network => t_string!(i18n, errors.network).to_string(),
        ApiError::Unauthorized | ApiError::Forbidden => t_string!(i18n, errors.forbidden).to_string(),
        ApiError::NotFound => t_string!(i18n, errors.not_found).to_string(),
        ApiError::Conflict(_) => t_string!(i18n, errors.conflict).to_string(),
        ApiError::Validation(_) => t_string!(i18n, errors.validation).to_string(),
        ApiError::RateLimited { .. } => t_string!(i18n, errors.rate_limited).to_string(),
        ApiError::Server { .. } => t_string!(i18n, errors.server).to_string(),
        ApiError::Unreadable => t_string!(i18n, errors.unreadable).to_string(),
    };
    view! {
        <div class="error-view" role="alert">
            <h2>{t!(i18n, errors.title)}</h2>
            <p>{message}</p>
            {on_retry.filter(|_| retryable).map(|retry| view! {
                <button type="button" class="button primary" on:click=move |_| retry.run(())>
                    {t!(i18n, errors.retry)}
                </button>
            })}
        </div>
    }
    .into_any()
}
