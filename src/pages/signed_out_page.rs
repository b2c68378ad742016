use crate::api::{use_api, ApiError};
use crate::components::{ErrorView, PageHeader};
use crate::i18n::*;
use crate::state::assign_drafts::use_assign_drafts;
use crate::state::config::use_config;
use crate::state::confirmation::use_confirmations;
use crate::state::session::use_session;
use leptos::prelude::*;

/// What the signed-out page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Shown {
    /// Signing out is under way.
    SigningOut,
    /// Nobody is signed in here (any more).
    SignedOut,
    /// Signing out failed, or who is signed in could not be read: why, with *Try again* (which signs out).
    Failed(ApiError),
    /// Someone is still signed in (the page was opened by its address): who, with *Sign out*.
    StillSignedIn(String),
    /// Who is signed in is not known yet.
    Loading,
}

/// `/signed-out`, where the account menu's *Sign out* leads: it signs out (`DELETE /api/v1/session`) and says
/// when that is under way, done (with *Sign in again*) or failed (with *Try again*). Signing out also forgets
/// what the page kept in memory of the person (the people chosen in *Assign licenses*, the last confirmation),
/// then goes to the deployment's `sign_out_url` when one is set (single sign-on: the identity provider's
/// sign-out). Opened by its address while signed in, it signs nobody out by itself: it says who is signed in and
/// offers *Sign out*.
#[component]
pub fn SignedOutPage() -> impl IntoView {
    let i18n = use_i18n();
    let (api, config, session) = (use_api(), use_config(), use_session());
    let (drafts, confirmations) = (use_assign_drafts(), use_confirmations());
    let sign_out_url = config.sign_out_url.clone().filter(|url| !url.trim().is_empty());
    let sign_out = Action::new_local(move |&()| {
        let (api, sign_out_url) = (api.clone(), sign_out_url.clone());
        async move {
            api.sign_out().await?;
            session.ended.set(true);
            drafts.forget_all();
            confirmations.dismiss();
            if let Some(url) = sign_out_url {
                let _ = window().location().assign(&url);
            }
            Ok::<(), ApiError>(())
        }
    });
    if session.sign_out_asked.try_update_value(std::mem::take).unwrap_or_default() {
        sign_out.dispatch(());
    }
    let shown = Memo::new(move |_| {
        if session.ended.get() {
            return Shown::SignedOut;
        }
        if sign_out.pending().get() {
            return Shown::SigningOut;
        }
        match sign_out.value().get() {
            Some(Err(error)) => Shown::Failed(error),
            _ => match session.me.get() {
                None => Shown::Loading,
                Some(Ok(me)) => Shown::StillSignedIn(me.display_name),
                Some(Err(ApiError::Unauthorized)) => Shown::SignedOut,
                Some(Err(error)) => Shown::Failed(error),
            },
        }
    });
    let title = Signal::derive(move || match shown.get() {
        Shown::SigningOut => t_string!(i18n, signed_out.signing_out).to_string(),
        Shown::SignedOut => t_string!(i18n, signed_out.title).to_string(),
        _ => t_string!(i18n, account.sign_out).to_string(),
    });
    let sign_in = config.sign_in_href("/products");
    view! {
        <PageHeader title />
        <div role="status">
            {move || match shown.get() {
                Shown::SignedOut => match sign_in.clone() {
                    Some(href) => view! {
                        <p>{t!(i18n, signed_out.done)}</p>
                        // `rel="external"`: a full page load, not a route of this app.
                        <a class="button primary" href=href rel="external">{t!(i18n, signed_out.sign_in_again)}</a>
                    }
                    .into_any(),
                    None => view! { <p>{t!(i18n, signed_out.not_configured)}</p> }.into_any(),
                },
                Shown::StillSignedIn(name) => view! {
                    <p>{move || t_string!(i18n, signed_out.still_signed_in, name = name.clone()).to_string()}</p>
                    <button type="button" class="button primary" on:click=move |_| {
                        sign_out.dispatch(());
                    }>
                        {t!(i18n, account.sign_out)}
                    </button>
                }
                .into_any(),
                Shown::SigningOut | Shown::Loading | Shown::Failed(_) => ().into_any(),
            }}
        </div>
        {move || match shown.get() {
            Shown::Failed(error) => Some(view! {
                <ErrorView error on_retry=Callback::new(move |()| {
                    sign_out.dispatch(());
                }) />
            }),
            _ => None,
        }}
    }
}
