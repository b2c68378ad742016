use super::{provide_route_while, use_route, Pane};
use crate::areas;
use leptos::prelude::*;

/// The pane the address opens over the page (see [`Pane`]), where the page puts it: inside the page, so the pane
/// has what the page provides (the subscription or the profile it shows).
#[component]
pub fn RoutePane() -> impl IntoView {
    let route = use_route();
    let pane = Memo::new(move |_| route.with(|route| route.pane()));
    move || {
        let shown = pane.get();
        provide_route_while(route, move |route| route.pane() == shown);
        untrack(|| shown.map(pane_view))
    }
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
