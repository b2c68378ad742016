use super::assign_form::AssignForm;
use super::current_licenses::CurrentLicenses;
use crate::components::Pane;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// *Assign licenses to users* (`/licenses/:id/assign`), a route so refresh, Back and links work; it opens once the
/// subscription is loaded and stays open while its counts change.
#[component]
pub fn AssignPane() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let current = expect_context::<CurrentLicenses>();
    let loaded = current.loaded();
    let ready = Memo::new(move |_| loaded.with(Option::is_some));
    let close_href = Signal::derive(move || {
        format!("/licenses/{}", contract::paths::encode(&params.with(|p| p.get("id").unwrap_or_default())))
    });
    move || {
        ready.get().then(|| {
            let title = Signal::derive(move || t_string!(i18n, assign_pane.title).to_string());
            let (id, product) =
                loaded.with_untracked(|s| s.as_ref().map(|s| (s.id.clone(), s.product.name.clone()))).unzip();
            view! {
                <Pane title close_href>
                    <p class="pane-product">{product}</p>
                    {id.map(|id| view! { <AssignForm id close_href /> })}
                </Pane>
            }
        })
    }
}
