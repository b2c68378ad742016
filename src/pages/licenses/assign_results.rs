use crate::components::{IsolatingText, SLOTS};
use crate::i18n::*;
use crate::labels::I18n;
use contract::directory::Person;
use contract::licenses::AssignOutcome;
use leptos::prelude::*;

/// What assigning did for one person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonResult {
    /// Who.
    pub person: Person,
    /// What happened.
    pub outcome: AssignOutcome,
}

/// The outcome of one request: who got a license and who did not, and why.
#[component]
pub fn AssignResults(
    /// One result per person of the last request (empty before the first).
    results: RwSignal<Vec<PersonResult>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let summary = move || {
        results.with(|all| {
            let total = all.len();
            let assigned = all.iter().filter(|r| r.outcome == AssignOutcome::Assigned).count();
            match (assigned, total) {
                (_, 0) => (String::new(), Vec::new()),
                (1, 1) => (
                    t_string!(i18n, assign_pane.all_assigned_one, name = SLOTS[0]).to_string(),
                    vec![all[0].person.display_name.clone()],
                ),
                (a, t) if a == t => (t_string!(i18n, assign_pane.all_assigned, count = a).to_string(), Vec::new()),
                (a, t) => (t_string!(i18n, assign_pane.some_assigned, assigned = a, total = t).to_string(), Vec::new()),
            }
        })
    };
    view! {
        <section class="assign-results" role="status" aria-live="polite">
            <Show when=move || !results.with(Vec::is_empty)>
                <h3 id="assign-results-title" tabindex="-1">{move || { let (sentence, texts) = summary(); view! { <IsolatingText sentence texts /> } }}</h3>
                <ul>
                    {move || results.get().into_iter().map(|r| {
                        let failed = !matches!(r.outcome, AssignOutcome::Assigned | AssignOutcome::AlreadyAssigned);
                        view! {
                            <li class:failed=failed>
                                <strong><bdi>{r.person.display_name}</bdi></strong>": "{move || outcome(i18n, r.outcome)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <Show when=move || results.with(|all| all.iter().any(|r| !matches!(r.outcome, AssignOutcome::Assigned | AssignOutcome::AlreadyAssigned)))>
                    <p>{t!(i18n, assign_pane.failed_kept)}</p>
                </Show>
            </Show>
        </section>
    }
}

/// Why one person did or did not get a license, in words.
fn outcome(i18n: I18n, outcome: AssignOutcome) -> String {
    match outcome {
        AssignOutcome::Assigned => t_string!(i18n, assign_outcomes.assigned).to_string(),
        AssignOutcome::AlreadyAssigned => t_string!(i18n, assign_outcomes.already_assigned).to_string(),
        AssignOutcome::NotInOrganization => t_string!(i18n, assign_outcomes.not_in_organization).to_string(),
        AssignOutcome::NoUsageLocation => t_string!(i18n, assign_outcomes.no_usage_location).to_string(),
        AssignOutcome::NoLicenseAvailable => t_string!(i18n, assign_outcomes.no_license_available).to_string(),
    }
}
