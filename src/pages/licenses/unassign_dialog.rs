use super::current_licenses::CurrentLicenses;
use crate::api::{use_api, ApiError};
use crate::components::{IsolatingText, SaveError, SLOTS};
use crate::i18n::*;
use crate::state::confirmation::{use_confirmations, Confirmation};
use contract::directory::Person;
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// How many names the dialog lists before "and N more".
const NAMES_SHOWN: usize = 10;

/// Asks before removing the licenses of the selected people: who loses access and what that means. *Unassign*
/// removes them; *Cancel* or Escape changes nothing. `on_close` gets whether they were unassigned.
#[component]
pub fn UnassignDialog(
    /// The selected people.
    people: Vec<Person>,
    /// The product's name.
    product: String,
    /// Called when the dialog closes: `true` once the licenses are removed.
    on_close: Callback<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let current = expect_context::<CurrentLicenses>();
    let confirmations = use_confirmations();
    let dialog = NodeRef::<Dialog>::new();
    let working = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let opener = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    });
    // Closing the modal dialog before it leaves the page lets focus go back where it was, then to the opener.
    on_cleanup(move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
        if let Some(element) = opener {
            let _ = element.focus();
        }
    });
    let count = people.len();
    let message = {
        let (product, first) = (product.clone(), people.first().map(|p| p.display_name.clone()).unwrap_or_default());
        move || {
            let (sentence, texts) = match count {
                1 => (
                    t_string!(i18n, unassign.lose_access_one, name = SLOTS[0], product = SLOTS[1]).to_string(),
                    vec![first.clone(), product.clone()],
                ),
                _ => (
                    t_string!(i18n, unassign.lose_access_many, count, product = SLOTS[0]).to_string(),
                    vec![product.clone()],
                ),
            };
            view! { <IsolatingText sentence texts /> }
        }
    };
    let more = count.saturating_sub(NAMES_SHOWN);
    let names = people.iter().take(NAMES_SHOWN).map(|p| view! { <li>{p.display_name.clone()}</li> }).collect_view();
    let people = StoredValue::new(people);
    let unassign = move || {
        if working.get_untracked() {
            return;
        }
        let Some(Ok(subscription)) = current.subscription.get_untracked() else { return };
        let (api, product) = (api.clone(), product.clone());
        working.set(true);
        error.set(None);
        spawn_local(async move {
            let ids = people.with_value(|people| people.iter().map(|p| p.id.clone()).collect());
            match api.unassign(&subscription.id, ids).await {
                Ok(updated) => {
                    // The dialog may have been closed (Escape) while the answer was on its way.
                    let person = people.try_with_value(|p| (p.len() == 1).then(|| p[0].display_name.clone())).flatten();
                    confirmations.show(Confirmation::Unassigned { product, person, count });
                    current.changed(Some(updated));
                    on_close.try_run(true);
                }
                Err(failure) => error.set(Some(failure)),
            }
            working.set(false);
        });
    };
    let retry = {
        let unassign = unassign.clone();
        Callback::new(move |()| unassign())
    };
    view! {
        <dialog
            class="confirm-dialog"
            node_ref=dialog
            role="alertdialog"
            aria-labelledby="unassign-title"
            aria-describedby="unassign-message"
            on:cancel=move |event: web_sys::Event| {
                event.prevent_default();
                on_close.run(false);
            }
        >
            <h2 id="unassign-title">{t!(i18n, unassign.title)}</h2>
            <div id="unassign-message">
                <p>{message}</p>
                <p>{move || if count == 1 {
                    t_string!(i18n, unassign.consequence_one).to_string()
                } else {
                    t_string!(i18n, unassign.consequence).to_string()
                }}</p>
            </div>
            <ul class="names">{names}</ul>
            {(more > 0).then(|| view! { <p>{move || t_string!(i18n, unassign.more, count = more).to_string()}</p> })}
            {move || error.get().map(|error| view! { <SaveError error on_retry=retry /> })}
            <div class="dialog-actions">
                <button type="button" class="button danger" aria-disabled=move || working.get().to_string() on:click=move |_| unassign()>
                    {move || if working.get() { t_string!(i18n, unassign.working) } else { t_string!(i18n, unassign.confirm) }}
                </button>
                <button type="button" class="button" autofocus on:click=move |_| on_close.run(false)>
                    {t!(i18n, unassign.cancel)}
                </button>
            </div>
        </dialog>
    }
}
