use super::assign_form::AssignForm;
use super::current_licenses::CurrentLicenses;
use crate::components::Pane;
use crate::i18n::*;
use crate::routing::use_route_id;
use leptos::prelude::*;

/// *Assign licenses to users* (`/licenses/:id/assign`), a route so refresh, Back and links work; it opens once the
/// subscription is loaded and stays open while its counts change.
#[component]
pub fn AssignPane() -> impl IntoView {
    let i18n = use_i18n();
    let route_id = use_route_id();
    let current = expect_context::<CurrentLicenses>();
    let loaded = current.loaded();
    let ready = Memo::new(move |_| loaded.with(Option::is_some));
    let close_href = Signal::derive(move || format!("/licenses/{}", contract::paths::encode(&route_id.get())));
    move || {
        ready.get().then(|| {
            let title = Signal::derive(move || t_string!(i18n, assign_pane.title).to_string());
            let (id, product) =
                loaded.with_untracked(|s| s.as_ref().map(|s| (s.id.clone(), s.product.name.clone()))).unzip();
            view! {
                <Pane title close_href>
                    <p class="pane-product">{product}</p>
                    {id.map(|id| view! { <AssignForm id /> })}
                </Pane>
            }
        })
    }
}
