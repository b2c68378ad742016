use super::cancel_reason_choice::CancelReasonChoice;
use super::cancellation_terms::CancellationTermsView;
use super::product_page::CurrentSubscription;
use super::subscription_change::SubscriptionChange;
use crate::api::{use_api, ApiError};
use crate::components::{ErrorView, SaveError};
use crate::i18n::*;
use crate::state::confirmation::Confirmation;
use contract::licenses::CancelRequest;
use contract::problem::FieldErrorCode;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What is wrong with the cancel form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct CancelProblems {
    reason: Option<FieldErrorCode>,
    feedback: Option<FieldErrorCode>,
}

/// *Cancel subscription*: a reason (required), optional feedback, and what cancelling means, then **Save**.
#[component]
pub fn CancelForm(
    /// Where the pane goes when done.
    close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let subscription = expect_context::<CurrentSubscription>().loaded();
    let change = SubscriptionChange::<(String, CancelRequest)>::new(close);
    let id = subscription
        .with_untracked(|s| s.as_ref().map(|s| s.id.clone()))
        .unwrap_or_else(|| contract::SubscriptionId(String::new()));
    let reasons = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.cancellation_reasons().await }
        }
    });
    let terms = LocalResource::new({
        let (api, id) = (api.clone(), id.clone());
        move || {
            let (api, id) = (api.clone(), id.clone());
            async move { api.cancellation_terms(&id).await }
        }
    });

    let reason = RwSignal::new(String::new());
    let feedback = RwSignal::new(String::new());
    let attempted = RwSignal::new(false);
    let feedback_length = Memo::new(move |_| feedback.with(|f| f.trim().chars().count()));
    let problems = Memo::new(move |_| {
        let typed = CancelProblems {
            reason: (attempted.get() && reason.with(String::is_empty)).then_some(FieldErrorCode::Required),
            feedback: (feedback_length.get() > CancelRequest::MAX_FEEDBACK_CHARS).then_some(FieldErrorCode::TooLong),
        };
        // The backend's verdict on the last attempt, for what the person has not changed since.
        let server = change.error.with(|error| match error {
            Some(ApiError::Validation(errors)) => {
                let code = |field: &str| errors.iter().find(|e| e.field == field).map(|e| e.code);
                CancelProblems { reason: code("reason"), feedback: code("feedback") }
            }
            _ => CancelProblems::default(),
        });
        CancelProblems { reason: typed.reason.or(server.reason), feedback: typed.feedback.or(server.feedback) }
    });

    let reasons_group = NodeRef::<leptos::html::Fieldset>::new();
    let feedback_field = NodeRef::<leptos::html::Textarea>::new();
    let save = Callback::new(move |()| {
        attempted.set(true);
        let Some(before) = subscription.get_untracked() else { return };
        let found = problems.get_untracked();
        if found != CancelProblems::default() {
            // Take the person to the first field to fix; its message is its description.
            if found.reason.is_some() {
                let first = reasons_group.get_untracked().and_then(|g| g.query_selector("input").ok().flatten());
                if let Some(first) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = first.focus();
                }
            } else if let Some(field) = feedback_field.get_untracked() {
                let _ = field.focus();
            }
            return;
        }
        let trimmed = feedback.get_untracked().trim().to_owned();
        let request =
            CancelRequest { reason: reason.get_untracked(), feedback: (!trimmed.is_empty()).then_some(trimmed) };
        let access_ends_on = terms.get_untracked().and_then(Result::ok).map(|t| t.access_ends_on);
        let (intent, id) = ((before.etag.clone(), request.clone()), before.id.clone());
        change.send(
            before,
            intent,
            move |api, guard| async move { api.cancel(&id, &request, &guard).await },
            move |_, after| Confirmation::Cancelled {
                product: after.product.name.clone(),
                access_ends_on: access_ends_on.unwrap_or(after.renews_or_expires_on),
            },
        );
    });

    let reason_options = move || {
        reasons.get().map(|loaded| match loaded {
            Err(error) => view! { <ErrorView error on_retry=Callback::new(move |()| reasons.refetch()) /> }.into_any(),
            Ok(list) => list
                .into_iter()
                .map(|option| {
                    let invalid = Signal::derive(move || problems.get().reason.is_some());
                    let on_pick = Callback::new(move |()| change.error.set(None));
                    view! { <CancelReasonChoice code=option.code selected=reason invalid on_pick /> }
                })
                .collect_view()
                .into_any(),
        })
    };
    let reason_error = move || {
        problems.get().reason.map(|code| {
            let text = if code == FieldErrorCode::Required {
                t_string!(i18n, cancel_pane.reason_required).to_string()
            } else {
                t_string!(i18n, cancel_pane.reason_unknown).to_string()
            };
            view! { <p id="cancel-reason-error" class="field-error">{text}</p> }
        })
    };
    let counter = move || {
        let (used, max) = (feedback_length.get(), CancelRequest::MAX_FEEDBACK_CHARS);
        if used > max {
            t_string!(i18n, cancel_pane.feedback_too_long, max, over = used - max).to_string()
        } else {
            t_string!(i18n, cancel_pane.feedback_counter, used, max).to_string()
        }
    };
    let terms_view = move || {
        terms.get().map(|loaded| match loaded {
            Ok(terms) => view! { <CancellationTermsView terms /> }.into_any(),
            Err(error) => view! { <ErrorView error on_retry=Callback::new(move |()| terms.refetch()) /> }.into_any(),
        })
    };

    view! {
        <form class="pane-form" novalidate on:submit=move |event| {
            event.prevent_default();
            save.run(());
        }>
            <fieldset class="field" node_ref=reasons_group aria-invalid=move || problems.get().reason.is_some().to_string()>
                <legend>{t!(i18n, cancel_pane.reason_label)}</legend>
                {reason_error}
                {reason_options}
            </fieldset>
            <div class="field">
                <label for="cancel-feedback">{t!(i18n, cancel_pane.feedback_label)}</label>
                <textarea
                    id="cancel-feedback"
                    node_ref=feedback_field
                    rows="4"
                    aria-describedby="cancel-feedback-counter"
                    aria-invalid=move || problems.get().feedback.is_some().to_string()
                    prop:value=move || feedback.get()
                    on:input=move |event| {
                        feedback.set(event_target_value(&event));
                        change.error.update(|e| if matches!(e, Some(ApiError::Validation(_))) { *e = None });
                    }
                ></textarea>
                <p
                    id="cancel-feedback-counter"
                    class=move || if problems.get().feedback.is_some() { "field-error" } else { "field-hint" }
                >
                    {counter}
                </p>
            </div>
            <section class="consequences" aria-labelledby="consequences-title">
                <h3 id="consequences-title">{t!(i18n, cancel_pane.consequences_title)}</h3>
                {terms_view}
            </section>
            {move || change.error.get().filter(|e| !matches!(e, ApiError::Validation(_))).map(|error| view! {
                <SaveError error on_retry=save />
            })}
            <div class="pane-actions">
                <button type="submit" class="button primary danger" aria-busy=move || change.saving.get().to_string()>
                    {t!(i18n, licenses_pane.save)}
                </button>
                {move || change.saving.get().then(|| view! { <span class="field-hint" role="status">{t!(i18n, licenses_pane.saving)}</span> })}
            </div>
        </form>
    }
}
