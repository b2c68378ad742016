use leptos::prelude::*;

/// Placeholder rows while a table loads: the layout does not jump, and screen readers hear `label`.
#[component]
pub fn LoadingTable(
    /// What is loading, read to screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// How many placeholder rows.
    #[prop(default = 5)]
    rows: usize,
) -> impl IntoView {
    view! {
        <div class="loading-table" role="status" aria-live="polite">
            <span class="visually-hidden">{label}</span>
            {(0..rows).map(|_| view! { <div class="skeleton-row" aria-hidden="true"></div> }).collect_view()}
        </div>
    }
}
