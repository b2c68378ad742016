use super::billing_profile_page::CurrentProfile;
use super::edit_card_form::EditCardForm;
use super::replace_method_form::ReplaceMethodForm;
use crate::api::ApiError;
use crate::components::{ErrorView, LoadingTable, Pane};
use crate::i18n::*;
use crate::labels;
use crate::routing::use_route_id;
use crate::state::pane_return::use_leave_pane;
use leptos::prelude::*;

/// What a billing profile's payment-method pane does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodChange {
    /// **Edit** the current card's editable details.
    Edit,
    /// **Replace** it with another card or a new one.
    Replace,
}

/// The pane of a profile's **Edit** (`/billing/profiles/:id/edit-payment-method`) or **Replace**
/// (`…/replace-payment-method`), over the profile's page.
#[component]
pub fn ProfileMethodPane(
    /// Edit or replace.
    change: MethodChange,
) -> impl IntoView {
    let i18n = use_i18n();
    let route_id = use_route_id();
    let leave = use_leave_pane();
    let profile = expect_context::<CurrentProfile>().0;
    let close_href = Signal::derive(move || format!("/billing/profiles/{}", contract::paths::encode(&route_id.get())));
    let close = Callback::new(move |()| leave.run(close_href.get_untracked()));
    let title = Signal::derive(move || match change {
        MethodChange::Edit => t_string!(i18n, profiles.edit_title).to_string(),
        MethodChange::Replace => t_string!(i18n, profiles.replace_title).to_string(),
    });
    // The form is made once, from the profile as loaded; it stays while the profile reloads underneath, even when
    // that reload fails (offline after a failed save: the page behind says so), so nothing typed is lost.
    let loaded = Memo::new(move |made: Option<&Option<Result<(), ApiError>>>| {
        if let Some(Some(Ok(()))) = made {
            return Some(Ok(()));
        }
        profile.with(|p| p.as_ref().map(|r| r.as_ref().map(|_| ()).map_err(Clone::clone)))
    });
    let form = move || {
        match loaded.get() {
        None => view! { <LoadingTable label=Signal::derive(move || t_string!(i18n, profiles.loading).to_string()) rows=3 /> }.into_any(),
        Some(Err(error)) => view! { <ErrorView error on_retry=Callback::new(move |()| profile.refetch()) /> }.into_any(),
        Some(Ok(())) => {
            let Some(Ok(profile)) = profile.get_untracked() else { return ().into_any() };
            match (change, profile.payment_method.clone()) {
                (MethodChange::Edit, Some(method)) => view! { <EditCardForm method close /> }.into_any(),
                (MethodChange::Edit, None) => view! { <p>{t!(i18n, profiles.no_method)}</p> }.into_any(),
                (MethodChange::Replace, _) => view! { <ReplaceMethodForm profile close /> }.into_any(),
            }
        }
    }
    };
    view! {
        <Pane title close_href>
            <p class="pane-product">{move || profile.get().and_then(Result::ok).map(|p| p.name)}</p>
            {move || (change == MethodChange::Edit).then(|| {
                let card = profile.get().and_then(Result::ok).and_then(|p| p.payment_method);
                card.map(|m| view! { <p>{labels::card(i18n, m.brand, &m.last4)}</p> })
            })}
            {form}
        </Pane>
    }
}
