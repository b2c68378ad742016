use super::assign_capacity::AssignCapacity;
use super::assign_results::{AssignResults, PersonResult};
use super::chosen_people::ChosenPeople;
use super::current_licenses::CurrentLicenses;
use crate::api::{new_idempotency_key, use_api, ApiError, ChangeGuard, IntentKey};
use crate::components::{IsolatingText, PeopleCombobox, SaveError, SLOTS};
use crate::format;
use crate::i18n::*;
use crate::labels::{self, locale_code};
use crate::state::assign_drafts::use_assign_drafts;
use crate::state::confirmation::{use_confirmations, Confirmation};
use contract::directory::Person;
use contract::licenses::{AssignOutcome, AssignRequest};
use contract::subscriptions::{DenialReason, Permission};
use contract::{PersonId, SubscriptionId};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// Choosing people and assigning them licenses: one request for everyone chosen, a result per person; those who
/// did not get a license stay chosen for another try. The chosen people survive a trip to buy licenses.
#[component]
pub fn AssignForm(
    /// The subscription.
    id: SubscriptionId,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let current = expect_context::<CurrentLicenses>();
    let subscription = current.loaded();
    let chosen_draft = use_assign_drafts().chosen(&id);
    let chosen = RwSignal::from(chosen_draft.clone());
    let confirmations = use_confirmations();
    let product = subscription.with_untracked(|s| s.as_ref().map(|s| s.product.name.clone())).unwrap_or_default();
    let chosen_ids = Signal::derive(move || chosen.with(|c| c.iter().map(|p| p.id.clone()).collect::<Vec<_>>()));
    // Why a person was not added: the sentence and their name (see `IsolatingText`).
    let refusal = RwSignal::new(None::<(String, Vec<String>)>);
    let announcement = RwSignal::new(String::new());
    let results = RwSignal::new(Vec::<PersonResult>::new());
    let assigning = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let keys = StoredValue::new(IntentKey::<Vec<PersonId>>::default());
    let available = Memo::new(move |_| subscription.with(|s| s.as_ref().map_or(0, |s| s.available_licenses())));
    let denial = Memo::new(move |_| {
        subscription.with(|s| match s.as_ref().map(|s| &s.allowed_actions.assign) {
            Some(Permission::Denied { reason, date }) if *reason != DenialReason::NoLicensesAvailable => {
                Some((*reason, *date))
            }
            _ => None,
        })
    });
    let missing = Memo::new(move |_| (chosen.with(Vec::len) as u32).saturating_sub(available.get()));

    let on_pick = Callback::new(move |person: Person| {
        if chosen.with_untracked(Vec::len) >= AssignRequest::MAX_PEOPLE {
            let sentence = t_string!(i18n, assign_pane.limit_reached, max = AssignRequest::MAX_PEOPLE, name = SLOTS[0]);
            refusal.set(Some((sentence.to_string(), vec![person.display_name])));
            return;
        }
        let name = person.display_name.clone();
        chosen.update(|c| c.push(person));
        let count = chosen.with_untracked(Vec::len);
        announcement.set(t_string!(i18n, assign_pane.added, name, count).to_string());
    });
    let on_remove = Callback::new(move |person: Person| {
        chosen.update(|c| c.retain(|p| p.id != person.id));
        refusal.set(None);
        announcement.set(t_string!(i18n, assign_pane.removed, name = person.display_name).to_string());
    });
    let assign = {
        let id = id.clone();
        move || {
            let people = chosen.get_untracked();
            if assigning.get_untracked()
                || people.is_empty()
                || missing.get_untracked() > 0
                || denial.get_untracked().is_some()
            {
                return;
            }
            let ids: Vec<PersonId> = people.iter().map(|p| p.id.clone()).collect();
            let key = keys
                .try_update_value(|k| k.key_for(ids.clone(), new_idempotency_key))
                .unwrap_or_else(new_idempotency_key);
            let guard = ChangeGuard { if_match: None, idempotency_key: Some(key) };
            let (api, id, draft, product) = (api.clone(), id.clone(), chosen_draft.clone(), product.clone());
            assigning.set(true);
            error.set(None);
            spawn_local(async move {
                match api.assign(&id, ids, &guard).await {
                    Ok(answer) => {
                        let outcomes: Vec<PersonResult> = people
                            .into_iter()
                            .zip(answer.results)
                            .map(|(person, result)| PersonResult { person, outcome: result.outcome })
                            .collect();
                        let done =
                            |o: AssignOutcome| matches!(o, AssignOutcome::Assigned | AssignOutcome::AlreadyAssigned);
                        // Through the draft itself: the pane may have closed while the answer was on its way.
                        draft
                            .update(|c| c.retain(|p| outcomes.iter().any(|r| r.person.id == p.id && !done(r.outcome))));
                        let assigned: Vec<&Person> = outcomes
                            .iter()
                            .filter(|r| r.outcome == AssignOutcome::Assigned)
                            .map(|r| &r.person)
                            .collect();
                        if !assigned.is_empty() {
                            let person = (assigned.len() == 1).then(|| assigned[0].display_name.clone());
                            let count = assigned.len();
                            confirmations.show(Confirmation::Assigned { product, person, count });
                        }
                        results.set(outcomes);
                        current.changed(None);
                        // Focus moves to the results: the *Assign* button is unavailable once nobody is chosen.
                        request_animation_frame(|| {
                            let heading = document().get_element_by_id("assign-results-title");
                            if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                                let _ = heading.focus();
                            }
                        });
                    }
                    Err(failure) => {
                        if matches!(failure, ApiError::Conflict(_)) {
                            current.changed(None);
                        }
                        error.set(Some(failure));
                    }
                }
                assigning.set(false);
            });
        }
    };
    let retry = {
        let assign = assign.clone();
        Callback::new(move |()| assign())
    };
    let combobox_id = id.clone();
    let blocked = move || chosen.with(Vec::is_empty) || missing.get() > 0 || denial.get().is_some();

    view! {
        <div class="pane-form">
        {move || denial.get().map(|(reason, date)| {
            let reason = labels::denial(i18n, reason, date.map(|d| format::date(locale_code(i18n), d)));
            view! { <p class="field-error" role="alert">{t_string!(i18n, assign_pane.not_allowed, reason).to_string()}</p> }
        })}
        <Show when=move || denial.with(Option::is_none)>
            <PeopleCombobox subscription=combobox_id.clone() chosen=chosen_ids on_pick />
        </Show>
        <p class="field-error" role="alert">
            {move || refusal.get().map(|(sentence, texts)| view! { <IsolatingText sentence texts /> })}
        </p>
        <p class="visually-hidden" aria-live="polite">{move || announcement.get()}</p>
        <ChosenPeople chosen on_remove />
        <AssignCapacity id=id.clone() chosen=Signal::derive(move || chosen.with(Vec::len) as u32) />
        <AssignResults results />
        {move || error.get().map(|error| view! { <SaveError error on_retry=retry /> })}
        <div class="pane-actions">
            <button
                type="button"
                class="button primary"
                aria-disabled=move || (blocked() || assigning.get()).to_string()
                on:click=move |_| assign()
            >
                {move || if assigning.get() { t_string!(i18n, assign_pane.assigning) } else { t_string!(i18n, assign_pane.assign) }}
            </button>
        </div>
        </div>
    }
}
