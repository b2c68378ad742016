use super::{keyed_view, Pane, Route};
use crate::areas;
use leptos::prelude::*;

/// The pane the address opens over the page (see [`Pane`]), where the page puts it: inside the page, so the pane
/// has what the page provides (the subscription or the profile it shows).
#[component]
pub fn RoutePane() -> impl IntoView {
    keyed_view(Route::pane, |pane| pane.map(pane_view))
}

/// The view of `pane`.
fn pane_view(pane: Pane) -> AnyView {
    match pane {
        Pane::ProductAction => areas::product_action().into_any(),
        Pane::Assign => areas::assign().into_any(),
        Pane::AddCard => areas::add_payment_method().into_any(),
        Pane::Card => areas::payment_method().into_any(),
        Pane::EditProfileCard => areas::edit_profile_method().into_any(),
        Pane::ReplaceProfileCard => areas::replace_profile_method().into_any(),
        Pane::GallerySample => areas::gallery_pane().into_any(),
    }
}
